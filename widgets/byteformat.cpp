#include "byteformat.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <limits>

namespace bitmig {

QString formatBytes(uint64_t bytes, const QLocale& locale, int precision)
{
    if (bytes < 1024) {
        return QCoreApplication::translate("bitmig::DataSize", "%1 B").arg(locale.toString(qulonglong(bytes)));
    }
    uint64_t unit = 1;
    while (unit <= bytes / 1024) {
        unit *= 1024;
    }
    const auto value = qint64(std::min<uint64_t>(bytes, uint64_t(std::numeric_limits<qint64>::max())));
    return locale.formattedDataSize(value, bytes % unit == 0 ? 0 : precision, QLocale::DataSizeIecFormat);
}

namespace {

// The IEC unit formatBytes() prints `bytes` in: 1 below 1 KiB, else the largest power of 1024 in it.
uint64_t unitOf(uint64_t bytes) noexcept
{
    uint64_t unit = 1;
    while (bytes >= 1024 && unit <= bytes / 1024) {
        unit *= 1024;
    }
    return unit;
}

constexpr int kMaxDecimals = 12;

} // namespace

int decimalsToResolve(uint64_t bytes, uint64_t resolution, int precision) noexcept
{
    const uint64_t unit = unitOf(bytes);
    if (unit == 1 || resolution == 0 || resolution >= unit) {
        return precision;
    }
    // The smallest d with unit / 10^d <= resolution.
    const int d = int(std::ceil(std::log10(double(unit) / double(resolution)) - 1e-9));
    return std::clamp(d, precision, kMaxDecimals);
}

QString formatBytesResolving(uint64_t bytes, uint64_t resolution, const QLocale& locale, int precision)
{
    const int decimals = decimalsToResolve(bytes, resolution, precision);
    QString text = formatBytes(bytes, locale, decimals);
    if (decimals <= precision) {
        return text;  // exactly as formatBytes()
    }
    // Drop the zeros that the extra decimals may end with ("1.50000 MiB" -> "1.5 MiB").
    const qsizetype point = text.indexOf(locale.decimalPoint());
    if (point < 0) {
        return text;
    }
    qsizetype end = point + locale.decimalPoint().size();
    while (end < text.size() && text.at(end).isDigit()) {
        ++end;
    }
    qsizetype keep = end;
    while (keep > point + 1 && text.at(keep - 1) == locale.zeroDigit().at(0)) {
        --keep;
    }
    if (keep == point + locale.decimalPoint().size()) {
        keep = point;
    }
    return text.left(keep) + text.mid(end);
}

uint64_t rangeResolution(uint64_t first, uint64_t end) noexcept
{
    return std::max<uint64_t>(1, (end > first ? end - first : 0) / 10);
}

QString formatExactBytes(uint64_t bytes, const QLocale& locale)
{
    return locale.toString(qulonglong(bytes));
}

uint64_t diskOffsetOfBit(uint64_t bit, uint64_t granularity, uint64_t diskBytes) noexcept
{
    if (granularity == 0) {
        return 0;
    }
    return bit > diskBytes / granularity ? diskBytes : std::min(diskBytes, bit * granularity);
}

} // namespace bitmig
