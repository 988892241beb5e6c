#include "configerrortext.h"

#include "byteformat.h"

#include <QRegularExpression>

#include <cmath>
#include <cstdlib>

namespace bitmig {

namespace {

QString bytesText(uint64_t bytes, const QLocale& locale)
{
    // A whole number of its unit reads best as such ("1 MiB"); any other amount exactly, in bytes.
    uint64_t unit = 1;
    while (unit <= bytes / 1024) {
        unit *= 1024;
    }
    if (bytes < 1024 || bytes % unit == 0) {
        return formatBytes(bytes, locale, 0);
    }
    return QCoreApplication::translate("bitmig::DataSize", "%1 B").arg(locale.toString(qulonglong(bytes)));
}

// The shortest text of `v` with an exponent written "1e9", "1e-6".
QString numberText(double v, const QLocale& locale)
{
    QString t = locale.toString(v, 'g', QLocale::FloatingPointShortest);
    static const QRegularExpression exponent(QStringLiteral("[eE]([+-])0*(\\d+)$"));
    if (const QRegularExpressionMatch m = exponent.match(t); m.hasMatch()) {
        t = t.left(m.capturedStart()) + QLatin1Char('e') +
            (m.captured(1) == QLatin1String("-") ? QStringLiteral("-") : QString()) + m.captured(2);
    }
    return t;
}

QString durationText(int64_t ns, const QLocale& locale)
{
    static const struct {
        int64_t ns;
        const char* unit;
    } units[] = {{1'000'000'000, "s"}, {1'000'000, "ms"}, {1'000, "\xc2\xb5s"}, {1, "ns"}};
    for (const auto& u : units) {
        if (ns != 0 && ns % u.ns == 0) {
            return locale.toString(qlonglong(ns / u.ns)) + QLatin1Char(' ') + QString::fromUtf8(u.unit);
        }
    }
    return locale.toString(qlonglong(ns)) + QStringLiteral(" ns");
}

QString bandwidthText(double bytesPerSecond, const QLocale& locale)
{
    // Links are named in bits with decimal prefixes.
    static const struct {
        double bits;
        const char* unit;
    } units[] = {{1e12, "Tbit/s"}, {1e9, "Gbit/s"}, {1e6, "Mbit/s"}, {1e3, "kbit/s"}, {1, "bit/s"}};
    const double bits = bytesPerSecond * 8;
    for (const auto& u : units) {
        if (std::abs(bits) >= u.bits) {
            return numberText(bits / u.bits, locale) + QLatin1Char(' ') + QLatin1String(u.unit);
        }
    }
    return numberText(bits, locale) + QStringLiteral(" bit/s");
}

uint64_t bytesOf(const std::optional<ConfigQuantity>& q)
{
    const uint64_t* v = q ? std::get_if<uint64_t>(&q->amount) : nullptr;
    return v ? *v : 0;
}

} // namespace

QString ConfigErrorText::quantity(const ConfigQuantity& q, const QLocale& locale)
{
    switch (q.unit) {
    case ConfigQuantity::Unit::Bytes:
        if (const auto* v = std::get_if<uint64_t>(&q.amount)) {
            return bytesText(*v, locale);
        }
        break;
    case ConfigQuantity::Unit::Nanoseconds:
        if (const auto* v = std::get_if<int64_t>(&q.amount)) {
            return durationText(*v, locale);
        }
        break;
    case ConfigQuantity::Unit::Count:
        if (const auto* v = std::get_if<uint64_t>(&q.amount)) {
            return locale.toString(qulonglong(*v));
        }
        break;
    case ConfigQuantity::Unit::BytesPerSecond:
        return bandwidthText(q.toDouble(), locale);
    case ConfigQuantity::Unit::Number:
        break;
    }
    return numberText(q.toDouble(), locale);
}

QString ConfigErrorText::reason(const ConfigError& error, const QLocale& locale)
{
    using F = ConfigField;
    using C = ConfigErrorCode;
    const ConfigArguments& a = error.arguments();
    auto q = [&locale](const std::optional<ConfigQuantity>& v) { return v ? quantity(*v, locale) : QString(); };
    const F field = error.field();
    switch (error.code()) {
    case C::NotPositive:
        return tr("must be above zero");
    case C::Negative:
        return tr("must not be negative");
    case C::NotMultiple:
        return tr("must be a positive multiple of %1, got %2").arg(q(a.multiple), q(a.value));
    case C::NotMultipleOrBelowMin:
        return tr("must be a multiple of %1 and at least the smallest write size (%2), got %3")
            .arg(q(a.multiple), q(a.min), q(a.value));
    case C::NotPowerOfTwo:
        if (a.max) {
            return tr("must be a power of two from %1 to %2, got %3").arg(q(a.min), q(a.max), q(a.value));
        }
        return tr("must be a power of two of at least %1, got %2").arg(q(a.min), q(a.value));
    case C::OutOfRange:
        if (field == F::WorkloadRate) {
            return tr("must be between %1 and %2 writes per second, got %3").arg(q(a.min), q(a.max), q(a.value));
        }
        if (a.minExclusive) {
            return tr("must be in (%1, %2], got %3").arg(q(a.min), q(a.max), q(a.value));
        }
        return tr("must be between %1 and %2, got %3").arg(q(a.min), q(a.max), q(a.value));
    case C::TooLarge:
        return tr("must be at most %1, got %2").arg(q(a.max), q(a.value));
    case C::TooManyBits:
        return tr("the bitmap would need %1 bits at this granularity; at most %2 are allowed").arg(q(a.value), q(a.max));
    case C::ChunkExceedsRecord:
        return tr("one chunk would cover 2^32 sectors or more, which a BITS record cannot describe; "
                  "use a smaller chunk or granularity");
    case C::BelowTick:
        return tr("must be at least one tick (%1), got %2").arg(q(a.min), q(a.value));
    case C::NotTimeOrUnset:
        if (field == F::MigrationStart) {
            return tr("must be a time of 0 or more, or -1 for a manual start");
        }
        return tr("must be a time of 0 or more, or -1 for no retry");
    case C::LargerThanDisk:
        return tr("%1 is larger than the disk (%2)").arg(q(a.value), q(a.max));
    case C::PastEndOfDisk:
        if (field == F::WorkloadTrace) {
            return tr("%1: the record [%2, +%3) is past the end of the disk (%4)")
                .arg(QString::fromStdString(a.text), q(a.offset), q(a.length), q(a.max));
        }
        return tr("the range [%1, +%2) is past the end of the disk (%3)").arg(q(a.offset), q(a.length), q(a.max));
    case C::TooLongAtSpeed:
        return tr("the trace would last over %1 at this speed").arg(q(a.max));
    case C::NameLength:
        return tr("the name must be %1 to %2 bytes long").arg(q(a.min), q(a.max));
    case C::TooLargeForMemory: {
        const QString needed = formatBytes(bytesOf(a.value), locale, 2);
        const QString available = formatBytes(bytesOf(a.max), locale, 2);
        QString text = a.memoryLimited
                           ? tr("the run needs %1 of memory for its bitmaps, BITMIG_MEMORY_LIMIT allows %2")
                                 .arg(needed, available)
                           : tr("the run needs %1 of memory for its bitmaps, this machine has %2 available")
                                 .arg(needed, available);
        if (a.largestDisk && a.granularity) {
            text += tr("; at a granularity of %1 disks up to %2 fit")
                        .arg(formatBytes(bytesOf(a.granularity), locale, 2),
                             formatBytes(bytesOf(a.largestDisk), locale, 2));
        }
        return text;
    }
    case C::DuplicateName:
        return tr("\"%1\" is named twice").arg(QString::fromStdString(a.text));
    case C::UnknownName:
        if (field == F::Strategy) {
            return tr("unknown strategy \"%1\"").arg(QString::fromStdString(a.text));
        }
        return tr("unknown workload \"%1\"").arg(QString::fromStdString(a.text));
    }
    return QString::fromStdString(error.reason());
}

QString ConfigErrorText::message(const ConfigError& error, const QLocale& locale)
{
    return QString::fromStdString(error.fieldPath()) + QStringLiteral(": ") + reason(error, locale);
}

QString ConfigErrorText::unreadable(const UnitError& error)
{
    using Q = UnitError::Quantity;
    using P = UnitError::Problem;
    const QString text = QString::fromStdString(error.text());
    const QString unit = QString::fromStdString(error.unit());
    const Q q = error.quantity();
    switch (error.problem()) {
    case P::Empty:
        return q == Q::Size        ? tr("Type a size, such as 4 TiB or 512 MiB.")
               : q == Q::Bandwidth ? tr("Type a bandwidth, such as 10 Gbit/s or 125 MB/s.")
               : q == Q::Duration  ? tr("Type a duration, such as 300 ms or 1.5 s.")
                                   : tr("Type a number, such as 4000 or 1.5k.");
    case P::NoDigit:
        return (q == Q::Size        ? tr("'%1' is not a size (it must start with a digit).")
                : q == Q::Bandwidth ? tr("'%1' is not a bandwidth (it must start with a digit).")
                : q == Q::Duration  ? tr("'%1' is not a duration (it must start with a digit).")
                                    : tr("'%1' is not a number (it must start with a digit)."))
            .arg(text);
    case P::NotANumber:
        return (q == Q::Size        ? tr("'%1' is not a size.")
                : q == Q::Bandwidth ? tr("'%1' is not a bandwidth.")
                : q == Q::Duration  ? tr("'%1' is not a duration.")
                                    : tr("'%1' is not a number."))
            .arg(text);
    case P::TooLarge:
        return q == Q::Duration ? tr("'%1' is too long (at most 2^63 - 1 ns).").arg(text)
                                : tr("'%1' is too large.").arg(text);
    case P::TooManyDecimals:
        return tr("'%1' has too many decimal places.").arg(text);
    case P::UnknownUnit:
        switch (q) {
        case Q::Size:
            return tr("'%1' has an unknown size unit '%2' (use B, K, M, G, T or P; binary).").arg(text, unit);
        case Q::Bandwidth:
            return tr("'%1' has an unknown bandwidth unit '%2' (use bits as Mbit, Gbit or Gbps, bytes as MB/s, "
                      "GB/s or MiB/s, or a bare number of bytes per second; b is a bit, B a byte).")
                .arg(text, unit);
        case Q::Duration:
            return tr("'%1' has an unknown time unit '%2' (use ns, µs or us, ms, s or min).").arg(text, unit);
        case Q::Count:
            break;
        }
        return tr("'%1' has an unknown suffix '%2' (use k, M or G).").arg(text, unit);
    case P::NotWhole:
        return q == Q::Duration ? tr("'%1' is not a whole number of nanoseconds.").arg(text)
                                : tr("'%1' is not a whole number of bytes.").arg(text);
    case P::NotPositive:
        return tr("The bandwidth must be above zero (got '%1').").arg(text);
    }
    return QString::fromStdString(error.what());
}

} // namespace bitmig
