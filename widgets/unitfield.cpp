#include "unitfield.h"

#include "configerrortext.h"

#include <bitmig/units.h>

#include <QLineEdit>
#include <QRegularExpression>

#include <cmath>
#include <limits>

namespace bitmig {

namespace {

// Shortest decimal text of `x` (no exponent, at most 9 decimals) that `same` accepts as the value.
template <class Same>
QString shortestDecimal(double x, Same same)
{
    for (int decimals = 0; decimals <= 9; ++decimals) {
        QString t = QString::number(x, 'f', decimals);
        if (t.contains(QLatin1Char('.'))) {
            while (t.endsWith(QLatin1Char('0'))) {
                t.chop(1);
            }
            if (t.endsWith(QLatin1Char('.'))) {
                t.chop(1);
            }
        }
        if (same(t)) {
            return t;
        }
    }
    return {};
}

// Whether `text` reads better than `best`: a number of at least one of its unit ("500 ms", not
// "0.5 s"), then the shorter text.
bool better(const QString& text, const QString& best)
{
    if (best.isEmpty()) {
        return true;
    }
    const bool fraction = text.startsWith(QLatin1String("0.")), bestFraction = best.startsWith(QLatin1String("0."));
    if (fraction != bestFraction) {
        return !fraction;
    }
    return text.size() < best.size();
}

// The whole-number range as the command line states it: "0 to 100000", "0 to 2^64 - 1".
QString rangeText(quint64 min, quint64 max)
{
    return UnitField::tr("%1 to %2").arg(QString::number(min), max == ~quint64(0) ? QStringLiteral("2^64 - 1")
                                                                                  : QString::number(max));
}

} // namespace

UnitField::UnitField(Kind kind, QWidget* parent) : QAbstractSpinBox(parent), kind_(kind)
{
    setCorrectionMode(QAbstractSpinBox::CorrectToPreviousValue);
    setKeyboardTracking(false);
    // Enter and focus out: QAbstractSpinBox emits editingFinished() for both (its line edit does not).
    connect(this, &QAbstractSpinBox::editingFinished, this, &UnitField::commitText);
    show();
}

// A refusal stays while the value it kept is set again (the panel showing the run's values); a new
// value clears it.
void UnitField::setNumber(double value)
{
    const bool changed = value != number_;
    number_ = value;
    show(changed);
}

void UnitField::setDuration(qint64 ns)
{
    const bool changed = ns != duration_;
    duration_ = ns;
    show(changed);
}

void UnitField::setWhole(quint64 value)
{
    const bool changed = value != whole_;
    whole_ = value;
    show(changed);
}

void UnitField::setWholeRange(quint64 minimum, quint64 maximum)
{
    min_ = minimum;
    max_ = std::max(minimum, maximum);
}

void UnitField::show(bool clearProblem)
{
    lineEdit()->setText(shownText());
    if (clearProblem && !problem_.isEmpty()) {
        problem_.clear();
        Q_EMIT problemChanged(problem_);
    }
}

void UnitField::showProblem(const QString& message)
{
    problem_ = message;
    Q_EMIT problemChanged(message);
}

QString UnitField::formatBandwidth(double bytesPerSecond)
{
    // Bits with decimal prefixes first (how links are named), then bytes with binary ones; the
    // shortest text that reads back as exactly this rate.
    static const struct {
        double bytes;
        const char* unit;
    } units[] = {{125e6, "Gbit/s"}, {125e3, "Mbit/s"}, {125, "kbit/s"}, {0.125, "bit/s"},
                 {1073741824.0, "GiB/s"}, {1048576.0, "MiB/s"}, {1024.0, "KiB/s"}, {1, "B/s"}};
    QString best;
    for (const auto& u : units) {
        const QString unit = QLatin1String(u.unit);
        const QString number = shortestDecimal(bytesPerSecond / u.bytes, [&](const QString& t) {
            try {
                return units::parseBandwidth((t + QLatin1Char(' ') + unit).toStdString()) == bytesPerSecond;
            } catch (const UnitError&) {
                return false;
            }
        });
        if (!number.isEmpty()) {
            const QString text = number + QLatin1Char(' ') + unit;
            if (better(text, best)) {
                best = text;
            }
        }
    }
    return best.isEmpty() ? QString::number(bytesPerSecond, 'f', 3) + QStringLiteral(" B/s") : best;
}

UnitField::DurationParts UnitField::formatDurationParts(qint64 ns)
{
    // Exact decimal digits from integer arithmetic, in the unit that gives the shortest text the
    // parser reads back as this many nanoseconds.
    static const struct {
        qint64 ns;
        units::TimeUnit unit;
    } scales[] = {{1'000'000'000, units::TimeUnit::Seconds},
                  {1'000'000, units::TimeUnit::Milliseconds},
                  {1'000, units::TimeUnit::Microseconds},
                  {1, units::TimeUnit::Nanoseconds}};
    DurationParts best;
    QString bestText;
    for (const auto& u : scales) {
        const qint64 whole = ns / u.ns, part = ns % u.ns;
        QString number = QString::number(whole);
        if (part) {
            QString digits = QString::number(part).rightJustified(int(std::log10(double(u.ns)) + 0.5), QLatin1Char('0'));
            while (digits.endsWith(QLatin1Char('0'))) {
                digits.chop(1);
            }
            number += QLatin1Char('.') + digits;
        }
        const QString text = number + QLatin1Char(' ') + QString::fromUtf8(units::timeUnitSymbol(u.unit));
        try {
            if (units::parseDuration(text.toStdString()) != ns) {
                continue;
            }
        } catch (const UnitError&) {
            continue;
        }
        if (better(text, bestText)) {
            bestText = text;
            best = {number, u.unit};
        }
    }
    if (bestText.isEmpty()) {
        best = {QString::number(ns), units::TimeUnit::Nanoseconds};
    }
    return best;
}

QString UnitField::formatDuration(qint64 ns)
{
    const DurationParts parts = formatDurationParts(ns);
    return parts.number + QLatin1Char(' ') + QString::fromUtf8(units::timeUnitSymbol(parts.unit));
}

QString UnitField::formatNumber(double value, double scale)
{
    const QString t = shortestDecimal(value * scale, [&](const QString& text) { return text.toDouble() / scale == value; });
    return t.isEmpty() ? QString::number(value * scale, 'g', 17) : t;
}

QString UnitField::shownText() const
{
    switch (kind_) {
    case Kind::Bandwidth:
        return formatBandwidth(number_);
    case Kind::Duration:
        return formatDuration(duration_);
    case Kind::Count:
    case Kind::Number:
        return formatNumber(number_, kind_ == Kind::Number ? scale_ : 1);
    case Kind::Whole:
        return QString::number(whole_);
    }
    return {};
}

QString UnitField::parse(const QString& input, Parsed& out) const
{
    const QString text = input.trimmed();
    switch (kind_) {
    case Kind::Bandwidth:
    case Kind::Duration:
    case Kind::Count:
        try {
            const std::string s = text.toStdString();
            if (kind_ == Kind::Bandwidth) {
                out.number = units::parseBandwidth(s);
            } else if (kind_ == Kind::Duration) {
                out.duration = units::parseDuration(s);
            } else {
                out.number = units::parseCount(s);
            }
        } catch (const UnitError& e) {
            return ConfigErrorText::unreadable(e);
        }
        return {};
    case Kind::Whole: {
        // As the command line reads --seed and --max-passes.
        static const QRegularExpression digits(QStringLiteral("^\\+?[0-9]+$"));
        bool ok = false;
        const quint64 v = text.toULongLong(&ok, 10);
        if (!digits.match(text).hasMatch()) {
            return tr("'%1' is not a whole number from %2").arg(text, rangeText(min_, max_));
        }
        if (!ok || v > max_) {
            return tr("'%1' is too large (use a whole number from %2)").arg(text, rangeText(min_, max_));
        }
        if (v < min_) {
            return tr("'%1' is too small (use a whole number from %2)").arg(text, rangeText(min_, max_));
        }
        out.whole = v;
        return {};
    }
    case Kind::Number: {
        // As the command line reads --hot-fraction or --zipf-exponent (a C-locale decimal number).
        bool ok = false;
        const double v = text.toDouble(&ok);
        if (!ok || !std::isfinite(v)) {
            return tr("'%1' is not a number").arg(text);
        }
        out.number = v / scale_;
        return {};
    }
    }
    return {};
}

QString UnitField::problemWith(const QString& text) const
{
    Parsed p;
    return parse(text, p);
}

void UnitField::commitText()
{
    const QString text = lineEdit()->text();
    if (text == shownText()) {
        return;  // nothing new (focus leaving after Enter, or an untouched field)
    }
    Parsed p;
    const QString why = parse(text, p);
    if (!why.isEmpty()) {
        lineEdit()->setText(shownText());  // the value that stays, shown again
        showProblem(why);
        return;
    }
    const bool same = kind_ == Kind::Duration ? p.duration == duration_
                      : kind_ == Kind::Whole  ? p.whole == whole_
                                              : p.number == number_;
    if (same) {
        show();  // "10Gbps" for "10 Gbit/s": the same value, shown as usual
        return;
    }
    const double number = number_;
    const qint64 duration = duration_;
    const quint64 whole = whole_;
    number_ = p.number;
    duration_ = p.duration;
    whole_ = p.whole;
    switch (kind_) {
    case Kind::Duration:
        number_ = number;
        whole_ = whole;
        break;
    case Kind::Whole:
        number_ = number;
        duration_ = duration;
        break;
    default:
        duration_ = duration;
        whole_ = whole;
        break;
    }
    show();
    Q_EMIT committed();
}

void UnitField::focusOutEvent(QFocusEvent* event)
{
    QAbstractSpinBox::focusOutEvent(event);  // emits editingFinished(): the text is committed or refused
}

void UnitField::stepBy(int steps)
{
    const bool up = steps > 0;
    for (int i = 0; i < std::abs(steps); ++i) {
        switch (kind_) {
        case Kind::Bandwidth:
        case Kind::Count:
            number_ = up ? (number_ > 0 ? number_ * 2 : 1000) : number_ / 2;
            break;
        case Kind::Duration: {
            qint64 unit = 1;
            while (unit < 1'000'000'000 && unit * 1000 <= duration_) {
                unit *= 1000;
            }
            duration_ = up ? (duration_ <= std::numeric_limits<qint64>::max() - unit ? duration_ + unit : duration_)
                           : std::max<qint64>(duration_ - unit, 0);
            break;
        }
        case Kind::Whole:
            whole_ = up ? (whole_ < max_ ? whole_ + 1 : whole_) : (whole_ > min_ ? whole_ - 1 : whole_);
            break;
        case Kind::Number:
            number_ += (up ? 1 : -1) / scale_ * (scale_ == 1 ? 0.1 : 1);
            break;
        }
    }
    show();
    Q_EMIT committed();
}

QAbstractSpinBox::StepEnabled UnitField::stepEnabled() const
{
    if (kind_ == Kind::Whole) {
        StepEnabled e = StepNone;
        if (whole_ < max_) {
            e |= StepUpEnabled;
        }
        if (whole_ > min_) {
            e |= StepDownEnabled;
        }
        return e;
    }
    return StepUpEnabled | StepDownEnabled;
}

QValidator::State UnitField::validate(QString& input, int& pos) const
{
    Q_UNUSED(pos);
    // Anything may be typed; what cannot be read is refused with a message when it is committed.
    return problemWith(input).isEmpty() ? QValidator::Acceptable : QValidator::Intermediate;
}

void UnitField::fixup(QString& input) const
{
    input = shownText();
}

} // namespace bitmig
