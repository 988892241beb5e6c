// The keyboard-shortcut reference, made from the window's own actions so it is always true.
#pragma once

#include <QDialog>
#include <QList>

class QAction;
class QTableWidget;

namespace bitmig {

class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    ShortcutsDialog(const QList<QAction*>& actions, QWidget* parent = nullptr);
    // (action text without '&', shortcut in the platform's notation), in menu order.
    static QList<QPair<QString, QString>> rows(const QList<QAction*>& actions);
    int rowCount() const;

private:
    QTableWidget* table_ = nullptr;
};

} // namespace bitmig
