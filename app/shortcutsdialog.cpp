#include "shortcutsdialog.h"

#include <QAction>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace bitmig {

QList<QPair<QString, QString>> ShortcutsDialog::rows(const QList<QAction*>& actions)
{
    QList<QPair<QString, QString>> out;
    for (QAction* a : actions) {
        QStringList keys;
        for (const QKeySequence& k : a->shortcuts()) {
            keys << k.toString(QKeySequence::NativeText);
        }
        if (keys.isEmpty()) {
            continue;
        }
        out.append({label(a), keys.join(tr(", "))});
    }
    return out;
}

namespace {
const char* const kStableLabel = "bitmigShortcutLabel";
} // namespace

void ShortcutsDialog::setStableLabel(QAction* action, const char* label)
{
    action->setProperty(kStableLabel, QByteArray(label));
}

QString ShortcutsDialog::label(const QAction* action)
{
    const QByteArray stable = action->property(kStableLabel).toByteArray();
    if (!stable.isEmpty()) {
        return QCoreApplication::translate("bitmig::ShortcutsDialog", stable.constData());
    }
    QString text = action->text();
    text.remove(QLatin1Char('&'));
    return text;
}

ShortcutsDialog::ShortcutsDialog(const QList<QAction*>& actions, QWidget* parent)
    : ShortcutsDialog(QList<Section>{Section{QString(), actions}}, parent)
{
}

ShortcutsDialog::ShortcutsDialog(const QList<Section>& sections, QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Keyboard shortcuts"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("On the heatmaps: the wheel zooms, dragging pans, Shift+drag zooms into a "
                                "rectangle, and with the brush Ctrl+drag clears instead of writing."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    table_ = new QTableWidget(0, 2, this);
    table_->setAccessibleName(tr("Keyboard shortcuts"));
    table_->setHorizontalHeaderLabels({tr("Action"), tr("Keys")});
    table_->verticalHeader()->setVisible(false);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    for (const Section& section : sections) {
        const auto list = rows(section.actions);
        listed_.append({section.title, list});
        if (!section.title.isEmpty()) {
            // A heading row across both columns: the window these keys act in.
            const int row = table_->rowCount();
            table_->insertRow(row);
            auto* heading = new QTableWidgetItem(section.title);
            QFont bold = table_->font();
            bold.setBold(true);
            heading->setFont(bold);
            heading->setFlags(Qt::ItemIsEnabled);
            table_->setItem(row, 0, heading);
            table_->setSpan(row, 0, 1, 2);
        }
        for (const auto& [text, keys] : list) {
            const int row = table_->rowCount();
            table_->insertRow(row);
            table_->setItem(row, 0, new QTableWidgetItem(text));
            table_->setItem(row, 1, new QTableWidgetItem(keys));
        }
    }
    table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    layout->addWidget(table_, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(480, 560);
}

QStringList ShortcutsDialog::sectionTitles() const
{
    QStringList out;
    for (const auto& s : listed_) {
        out.append(s.first);
    }
    return out;
}

QList<QPair<QString, QString>> ShortcutsDialog::sectionRows(const QString& title) const
{
    for (const auto& s : listed_) {
        if (s.first == title) {
            return s.second;
        }
    }
    return {};
}

int ShortcutsDialog::rowCount() const
{
    int n = 0;
    for (const auto& s : listed_) {
        n += int(s.second.size());
    }
    return n;
}

} // namespace bitmig
