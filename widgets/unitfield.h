// A text field for one value of a run (a bandwidth, a time, a count, a whole number or a plain
// number) that reads what the user types with the same parsers as the command line and scenario
// files (bitmig/units.h), shows exactly the value it understood, and commits on Enter or when focus
// leaves. Text it cannot accept is refused with a message (problemChanged()) naming what it accepts;
// the previous value then stays and is shown again.
#pragma once

#include <bitmig/units.h>

#include <QAbstractSpinBox>

namespace bitmig {

class UnitField : public QAbstractSpinBox {
    Q_OBJECT
public:
    enum class Kind {
        Bandwidth,  // bytes per second, from "10 Gbit/s", "125MB/s", "1e6" is refused: as --bandwidth
        Duration,   // nanoseconds, from "300ms", "1.5s", "250us" or "250 µs", a bare number of milliseconds
        Count,      // a count such as writes per second, from "20000", "20k", "1.5M"
        Whole,      // a whole number in [minimum, maximum] (up to 2^64 - 1), as --seed and --max-passes
        Number,     // a plain decimal number, shown multiplied by scale() (100 for a percentage)
    };

    explicit UnitField(Kind kind, QWidget* parent = nullptr);
    Kind kind() const noexcept { return kind_; }

    // The value (setters show it without emitting committed(); a refusal shown stays unless the
    // value changes).
    double number() const noexcept { return number_; }  // Bandwidth, Count, Number
    void setNumber(double value);
    qint64 duration() const noexcept { return duration_; }
    void setDuration(qint64 ns);
    quint64 whole() const noexcept { return whole_; }
    void setWhole(quint64 value);

    // Whole: the accepted range, stated in refusals ("a whole number from 0 to 100000").
    void setWholeRange(quint64 minimum, quint64 maximum);
    // Number: shown value = value * scale; the text after the number ("%") is only a suffix.
    void setScale(double scale) { scale_ = scale; }
    double scale() const noexcept { return scale_; }

    // Parses `text` as this field would; empty when it is acceptable. Does not change the field.
    QString problemWith(const QString& text) const;
    // The refusal shown now (empty when none); the panel shows one of its own with showProblem().
    QString problem() const { return problem_; }
    void showProblem(const QString& message);

    // The exact text this field shows for a value.
    static QString formatBandwidth(double bytesPerSecond);
    static QString formatDuration(qint64 ns);
    // formatDuration()'s number ('.' as the decimal point) and its unit, apart.
    struct DurationParts {
        QString number;
        units::TimeUnit unit = units::TimeUnit::Nanoseconds;
    };
    static DurationParts formatDurationParts(qint64 ns);
    static QString formatNumber(double value, double scale = 1);

    void stepBy(int steps) override;
    QValidator::State validate(QString& input, int& pos) const override;
    void fixup(QString& input) const override;

Q_SIGNALS:
    // The user entered a new value (Enter, focus out or a step); not emitted by the setters.
    void committed();
    void problemChanged(const QString& message);

protected:
    StepEnabled stepEnabled() const override;
    void focusOutEvent(QFocusEvent* event) override;

private:
    struct Parsed {
        double number = 0;
        qint64 duration = 0;
        quint64 whole = 0;
    };
    QString parse(const QString& text, Parsed& out) const;
    QString shownText() const;
    void commitText();
    void show(bool clearProblem = true);

    Kind kind_;
    double number_ = 0;
    qint64 duration_ = 0;
    quint64 whole_ = 0;
    quint64 min_ = 0;
    quint64 max_ = ~quint64(0);
    double scale_ = 1;
    QString problem_;
};

} // namespace bitmig
