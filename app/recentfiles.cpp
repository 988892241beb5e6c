#include "recentfiles.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace bitmig {

namespace {
const QString kKey = QStringLiteral("recentScenarios");
}

RecentFiles::RecentFiles(QObject* parent) : QObject(parent) {}

void RecentFiles::setMenu(QMenu* menu)
{
    menu_ = menu;
    rebuild();
}

void RecentFiles::add(const QString& path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    files_.removeAll(absolute);
    files_.prepend(absolute);
    while (files_.size() > kMax) {
        files_.removeLast();
    }
    save();
    rebuild();
}

void RecentFiles::remove(const QString& path)
{
    if (files_.removeAll(QFileInfo(path).absoluteFilePath()) > 0) {
        save();
        rebuild();
    }
}

void RecentFiles::clear()
{
    files_.clear();
    save();
    rebuild();
}

void RecentFiles::load()
{
    if (!persistent_) {
        return;
    }
    files_ = QSettings().value(kKey).toStringList();
    while (files_.size() > kMax) {
        files_.removeLast();
    }
    rebuild();
}

void RecentFiles::save() const
{
    if (!persistent_) {
        return;
    }
    QSettings().setValue(kKey, files_);
}

void RecentFiles::rebuild()
{
    if (!menu_) {
        return;
    }
    menu_->clear();
    int n = 1;
    for (const QString& file : std::as_const(files_)) {
        const QString label = QStringLiteral("&%1 %2").arg(n++).arg(QFileInfo(file).fileName());
        QAction* a = menu_->addAction(label, this, [this, file] { Q_EMIT openRequested(file); });
        a->setStatusTip(QDir::toNativeSeparators(file));
    }
    if (!files_.isEmpty()) {
        menu_->addSeparator();
    }
    QAction* clearAction = menu_->addAction(tr("&Clear the list"), this, &RecentFiles::clear);
    clearAction->setEnabled(!files_.isEmpty());
    menu_->setEnabled(true);
}

} // namespace bitmig
