// Disk sizes and offsets as the views compute and print them.
#pragma once

#include <QLocale>
#include <QString>

#include <cstdint>

namespace bitmig {

// IEC units ("512 MiB"); whole numbers of a unit without decimals, others with `precision`.
QString formatBytes(uint64_t bytes, const QLocale& locale = QLocale(), int precision = 2);
// Every byte, with the locale's digit grouping ("1,073,741,824").
QString formatExactBytes(uint64_t bytes, const QLocale& locale = QLocale());
// Disk offset where bitmap bit `bit` starts; the last bit may cover less than a granule, so the
// result never passes the disk's end (and never overflows).
uint64_t diskOffsetOfBit(uint64_t bit, uint64_t granularity, uint64_t diskBytes) noexcept;

} // namespace bitmig
