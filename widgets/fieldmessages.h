// The message rows under a panel's input fields: a field that refuses what was typed says why in a
// row under it ("Not applied: ..."), hidden while there is nothing to say, and a refused value's
// reason is worded the same in every panel ("Tick: must be ..."). Shared by the Parameters and
// Workload panels.
#pragma once

#include <QCoreApplication>
#include <QString>

#include <vector>

class QFormLayout;
class QLabel;
class QWidget;

namespace bitmig {

class ConfigError;
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
    // Why `error` refused a value, in the panel's words: the caption of `field`'s row as shown, a
    // colon and `reason` ("Tick: must be between 1 µs and 1 s, got 2 s"). Without a captioned
    // `field` (null, or a field of no row here), the error's own message, which names the scenario
    // key instead ("tick: ..."). `reason` defaults to ConfigErrorText::reason(error).
    QString refusal(const QWidget* field, const ConfigError& error) const;
    QString refusal(const QWidget* field, const ConfigError& error, const QString& reason) const;

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
