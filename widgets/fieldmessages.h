// The message rows under a panel's input fields: a field that refuses what was typed says why in a
// row under it ("Not applied: ..."), hidden while there is nothing to say. Shared by the Parameters
// and Workload panels.
#pragma once

#include <QCoreApplication>
#include <QString>

#include <vector>

class QFormLayout;
class QLabel;
class QWidget;

namespace bitmig {

class TranslatedTexts;

class FieldMessages {
    Q_DECLARE_TR_FUNCTIONS(bitmig::FieldMessages)

public:
    // `panel` owns the rows; `texts` is the panel's (captions are in the panel's context).
    FieldMessages(QWidget* panel, TranslatedTexts& texts) : panel_(panel), texts_(texts) {}

    // Adds `row` captioned `label` (a QT_TR_NOOP source of the panel) to `form`, and under it the
    // message row of `field` (which `row` holds).
    void addRow(QFormLayout* form, const char* label, QWidget* row, QWidget* field);
    // Shows why `field` refused its text, or hides the message when `message` is empty. The row of a
    // field that is hidden stays hidden with it.
    void set(QWidget* field, const QString& message);
    void clear();
    QString all() const;                    // every message shown, one per line
    QString at(const QWidget* field) const; // the message under `field`, empty if none
    // The caption of `field`'s row as shown, without its mnemonic ("Write size from"); empty if none.
    QString caption(const QWidget* field) const;

private:
    struct Entry {
        QWidget* field;
        QLabel* caption;    // the row's caption
        QLabel* label;      // the message row under the field
        QFormLayout* form;  // the form that holds both
    };
    QWidget* panel_;
    TranslatedTexts& texts_;
    std::vector<Entry> entries_;
};

} // namespace bitmig
