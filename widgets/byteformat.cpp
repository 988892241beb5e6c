#include "byteformat.h"

#include <algorithm>
#include <limits>

namespace bitmig {

QString formatBytes(uint64_t bytes, const QLocale& locale, int precision)
{
    uint64_t unit = 1;
    while (unit <= bytes / 1024) {
        unit *= 1024;
    }
    const qint64 value = bytes > uint64_t(std::numeric_limits<qint64>::max())
        ? std::numeric_limits<qint64>::max()
        : qint64(bytes);
    return locale.formattedDataSize(value, bytes % unit == 0 ? 0 : precision);
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
