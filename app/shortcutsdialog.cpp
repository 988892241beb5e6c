#include "shortcutsdialog.h"

#include <QAction>
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
        QString text = a->text();
        text.remove(QLatin1Char('&'));
        out.append({text, keys.join(tr(", "))});
    }
    return out;
}

ShortcutsDialog::ShortcutsDialog(const QList<QAction*>& actions, QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Keyboard shortcuts"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("On the heatmaps: the wheel zooms, dragging pans, Shift+drag zooms into a "
                                "rectangle, and with the brush Ctrl+drag clears instead of writing."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    const auto list = rows(actions);
    table_ = new QTableWidget(int(list.size()), 2, this);
    table_->setAccessibleName(tr("Keyboard shortcuts"));
    table_->setHorizontalHeaderLabels({tr("Action"), tr("Keys")});
    table_->verticalHeader()->setVisible(false);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    for (int i = 0; i < list.size(); ++i) {
        table_->setItem(i, 0, new QTableWidgetItem(list.at(i).first));
        table_->setItem(i, 1, new QTableWidgetItem(list.at(i).second));
    }
    table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    layout->addWidget(table_, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(480, 520);
}

int ShortcutsDialog::rowCount() const
{
    return table_->rowCount();
}

} // namespace bitmig
