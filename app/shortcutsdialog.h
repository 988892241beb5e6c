// The keyboard-shortcut reference, made from the windows' own actions so it is always true.
#pragma once

#include <QDialog>
#include <QList>
#include <QPair>
#include <QString>

class QAction;
class QTableWidget;

namespace bitmig {

class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    // The actions of one window, under its title (no heading when the title is empty).
    struct Section {
        QString title;
        QList<QAction*> actions;
    };
    ShortcutsDialog(const QList<QAction*>& actions, QWidget* parent = nullptr);
    ShortcutsDialog(const QList<Section>& sections, QWidget* parent = nullptr);
    // (label() of the action, shortcut in the platform's notation), in menu order.
    static QList<QPair<QString, QString>> rows(const QList<QAction*>& actions);
    // Lists `action` under `label` instead of its text: for an action whose text changes with the
    // state ("Undo Load Never converges", "Pause"). `label` is a
    // QT_TRANSLATE_NOOP("bitmig::ShortcutsDialog", ...) source, translated when listed.
    static void setStableLabel(QAction* action, const char* label);
    // The name `action` is listed under: its stable label in the current language, else its text
    // without the mnemonic.
    static QString label(const QAction* action);
    // The shortcut rows listed (headings not counted).
    int rowCount() const;
    QStringList sectionTitles() const;
    // The rows listed under a section's heading, as rows() makes them.
    QList<QPair<QString, QString>> sectionRows(const QString& title) const;

private:
    QTableWidget* table_ = nullptr;
    QList<QPair<QString, QList<QPair<QString, QString>>>> listed_;
};

} // namespace bitmig
