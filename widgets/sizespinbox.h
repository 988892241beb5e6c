// A spin box for byte sizes with binary units ("64 KiB", "16 TiB"), optionally powers of two only.
#pragma once

#include <QAbstractSpinBox>

namespace bitmig {

class SizeSpinBox : public QAbstractSpinBox {
    Q_OBJECT
    Q_PROPERTY(qulonglong value READ value WRITE setValue NOTIFY valueChanged USER true)
public:
    explicit SizeSpinBox(QWidget* parent = nullptr);

    qulonglong value() const noexcept { return value_; }
    void setRange(qulonglong minimum, qulonglong maximum);
    qulonglong minimum() const noexcept { return min_; }
    qulonglong maximum() const noexcept { return max_; }
    // Powers of two only: steps double and halve; other values are refused with an explanation.
    void setPowerOfTwo(bool on) { powerOfTwo_ = on; }
    // Values must be multiples of this (e.g. 512 for disk sizes).
    void setMultipleOf(qulonglong step) { multiple_ = step ? step : 1; }

    // Parses "64K", "1.5 GiB", "512"; returns an explanation when the text is not a valid value.
    // Enter or focus out commits the text; a refused text leaves the value as it was, shows it again
    // and reports why through problemChanged().
    QString problemWith(const QString& text, qulonglong* parsed = nullptr) const;
    static QString format(qulonglong bytes);  // exact: "4 TiB", "1536 MiB", "976562500 KiB"
    QString problem() const { return problem_; }
    // A refusal from outside (the panel's check of the whole configuration), shown like its own.
    void showProblem(const QString& message);

    void stepBy(int steps) override;
    QValidator::State validate(QString& input, int& pos) const override;
    void fixup(QString& input) const override;

public Q_SLOTS:
    void setValue(qulonglong bytes);

Q_SIGNALS:
    void valueChanged(qulonglong bytes);
    // The text cannot become a value; the message says why (empty when it is fine again).
    void problemChanged(const QString& message);

protected:
    StepEnabled stepEnabled() const override;
    void focusOutEvent(QFocusEvent* event) override;

private:
    void commitText();

    qulonglong value_ = 0;
    qulonglong min_ = 0;
    qulonglong max_ = ~0ULL;
    qulonglong multiple_ = 1;
    bool powerOfTwo_ = false;
    QString problem_;
};

} // namespace bitmig
