#include "sizespinbox.h"

#include "configerrortext.h"

#include <bitmig/units.h>

#include <QLineEdit>
#include <QLocale>

#include <bit>

namespace bitmig {

SizeSpinBox::SizeSpinBox(QWidget* parent) : QAbstractSpinBox(parent)
{
    setAccelerated(true);
    setCorrectionMode(QAbstractSpinBox::CorrectToPreviousValue);
    // Enter and focus out: QAbstractSpinBox emits editingFinished() for both (its line edit does not
    // see Enter, which the spin box takes).
    connect(this, &QAbstractSpinBox::editingFinished, this, &SizeSpinBox::commitText);
    lineEdit()->setText(format(value_));
}

QString SizeSpinBox::format(qulonglong bytes)
{
    // The shortest exact text: a whole number of the largest unit that divides the size, or a
    // decimal of a larger one that reads back as the same bytes ("1.5 GiB" is "1536 MiB").
    static const char* const names[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    QString best;
    for (int unit = 0; unit < 7; ++unit) {
        const qulonglong size = qulonglong(1) << (10 * unit);
        if (unit > 0 && bytes < size) {
            break;
        }
        QString number;
        if (bytes % size == 0) {
            number = QString::number(bytes / size);
        } else {
            for (int decimals = 1; decimals <= 6 && number.isEmpty(); ++decimals) {
                QString t = QString::number(double(bytes) / double(size), 'f', decimals);
                try {
                    if (units::parseSize((t + QLatin1Char(' ') + QLatin1String(names[unit])).toStdString()) == bytes) {
                        number = t;
                    }
                } catch (const UnitError&) {
                }
            }
        }
        if (!number.isEmpty()) {
            const QString text = QStringLiteral("%1 %2").arg(number, QLatin1String(names[unit]));
            if (best.isEmpty() || text.size() <= best.size()) {
                best = text;
            }
        }
    }
    return best;
}

QString SizeSpinBox::problemWith(const QString& text, qulonglong* parsed) const
{
    uint64_t v = 0;
    try {
        v = units::parseSize(text.toStdString());
    } catch (const UnitError& e) {
        return ConfigErrorText::unreadable(e);
    }
    if (v < min_ || v > max_) {
        return tr("%1 is outside %2 .. %3").arg(format(v), format(min_), format(max_));
    }
    if (powerOfTwo_ && !std::has_single_bit(v)) {
        return tr("%1 is not a power of two").arg(format(v));
    }
    if (v % multiple_) {
        return tr("%1 is not a multiple of %2").arg(format(v), format(multiple_));
    }
    if (parsed) {
        *parsed = v;
    }
    return {};
}

void SizeSpinBox::setRange(qulonglong minimum, qulonglong maximum)
{
    min_ = minimum;
    max_ = std::max(minimum, maximum);
    if (value_ < min_ || value_ > max_) {
        setValue(std::clamp(value_, min_, max_));
    }
}

void SizeSpinBox::setValue(qulonglong bytes)
{
    const bool changed = bytes != value_;
    value_ = bytes;
    lineEdit()->setText(format(bytes));
    setToolTip(tr("%1 bytes").arg(QLocale().toString(bytes)));
    if (changed && !problem_.isEmpty()) {  // a refusal stays while the value it kept is set again
        problem_.clear();
        Q_EMIT problemChanged(problem_);
    }
    if (changed) {
        Q_EMIT valueChanged(value_);
    }
}

void SizeSpinBox::commitText()
{
    const QString text = lineEdit()->text();
    if (text == format(value_)) {
        return;  // nothing new: focus leaving after Enter, or an untouched field
    }
    qulonglong v = 0;
    const QString p = problemWith(text, &v);
    if (!p.isEmpty()) {
        lineEdit()->setText(format(value_));  // the old value stays, and is shown again
        showProblem(p);                        // the message says why
        return;
    }
    if (v == value_) {
        lineEdit()->setText(format(value_));  // "4T" for "4 TiB": the same value, shown as usual
        return;
    }
    setValue(v);
}

void SizeSpinBox::showProblem(const QString& message)
{
    problem_ = message;
    Q_EMIT problemChanged(message);
}

void SizeSpinBox::focusOutEvent(QFocusEvent* event)
{
    QAbstractSpinBox::focusOutEvent(event);  // emits editingFinished(): the text is committed or refused
}

void SizeSpinBox::stepBy(int steps)
{
    qulonglong v = value_;
    for (int i = 0; i < std::abs(steps); ++i) {
        if (powerOfTwo_) {
            v = steps > 0 ? (v <= max_ / 2 ? v * 2 : v) : std::max<qulonglong>(v / 2, 1);
        } else {
            // One step is the value's own leading unit: 3 GiB -> 4 GiB, 1 TiB -> 2 TiB.
            qulonglong unit = multiple_;
            while (unit <= v / 1024) {
                unit *= 1024;
            }
            v = steps > 0 ? (v <= max_ - unit ? v + unit : v) : (v > unit ? v - unit : v);
        }
    }
    setValue(std::clamp(v, min_, max_));
}

QAbstractSpinBox::StepEnabled SizeSpinBox::stepEnabled() const
{
    StepEnabled e = StepNone;
    if (value_ < max_) {
        e |= StepUpEnabled;
    }
    if (value_ > min_) {
        e |= StepDownEnabled;
    }
    return e;
}

QValidator::State SizeSpinBox::validate(QString& input, int& pos) const
{
    Q_UNUSED(pos);
    return problemWith(input).isEmpty() ? QValidator::Acceptable : QValidator::Intermediate;
}

void SizeSpinBox::fixup(QString& input) const
{
    input = format(value_);
}

} // namespace bitmig
