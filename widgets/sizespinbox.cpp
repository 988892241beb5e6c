#include "sizespinbox.h"

#include <bitmig/units.h>

#include <QLineEdit>
#include <QLocale>

#include <bit>

namespace bitmig {

SizeSpinBox::SizeSpinBox(QWidget* parent) : QAbstractSpinBox(parent)
{
    setAccelerated(true);
    setCorrectionMode(QAbstractSpinBox::CorrectToPreviousValue);
    connect(lineEdit(), &QLineEdit::editingFinished, this, &SizeSpinBox::commitText);
    connect(lineEdit(), &QLineEdit::textEdited, this, [this](const QString& text) {
        const QString p = problemWith(text);
        if (p != problem_) {
            problem_ = p;
            setToolTip(p);
            Q_EMIT problemChanged(p);
        }
    });
    lineEdit()->setText(format(value_));
}

QString SizeSpinBox::format(qulonglong bytes)
{
    static const char* const names[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    int unit = 0;
    qulonglong whole = bytes;
    while (unit < 6 && whole >= 1024 && whole % 1024 == 0) {
        whole /= 1024;
        ++unit;
    }
    if (whole >= 1024 * 1024 && unit < 6) {
        // Not a whole number of a larger unit: show a rounded figure, the tooltip has the exact one.
        double v = double(bytes);
        int u = 0;
        while (v >= 1024 && u < 6) {
            v /= 1024;
            ++u;
        }
        return QStringLiteral("%1 %2").arg(QString::number(v, 'f', 2), QLatin1String(names[u]));
    }
    return QStringLiteral("%1 %2").arg(QString::number(whole), QLatin1String(names[unit]));
}

QString SizeSpinBox::problemWith(const QString& text, qulonglong* parsed) const
{
    uint64_t v = 0;
    try {
        v = units::parseSize(text.toStdString());
    } catch (const std::exception& e) {
        return tr("Not a size: %1").arg(QString::fromStdString(e.what()));
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
    if (!problem_.isEmpty()) {
        problem_.clear();
        Q_EMIT problemChanged(problem_);
    }
    if (changed) {
        Q_EMIT valueChanged(value_);
    }
}

void SizeSpinBox::commitText()
{
    qulonglong v = 0;
    const QString p = problemWith(lineEdit()->text(), &v);
    if (!p.isEmpty()) {
        problem_ = p;
        setToolTip(p);
        Q_EMIT problemChanged(p);  // the old value stays; the message explains why
        return;
    }
    setValue(v);
}

void SizeSpinBox::focusOutEvent(QFocusEvent* event)
{
    commitText();
    if (!problem_.isEmpty()) {
        lineEdit()->setText(format(value_));
    }
    QAbstractSpinBox::focusOutEvent(event);
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
