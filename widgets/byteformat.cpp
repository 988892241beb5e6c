#include "byteformat.h"

#include "datasize.h"

#include <algorithm>

namespace bitmig {

QString formatBytes(uint64_t bytes, const QLocale& locale, int precision)
{
    return formatDataSize(bytes, precision, locale);
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
