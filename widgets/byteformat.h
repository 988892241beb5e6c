// Disk sizes and offsets as the views compute and print them (QtCore only: the headless glue
// links this too).
#pragma once

#include <QLocale>
#include <QString>

#include <cstdint>

namespace bitmig {

// The one way the window prints an amount of bytes: IEC units ("512 MiB", "1.5 KiB"), whole
// numbers of a unit without decimals, others with `precision` decimals; below 1 KiB the unit symbol
// ("0 B", "512 B"). QLocale's own formattedDataSize() writes amounts below 1 KiB with the word
// "bytes", which several translations give in one grammatical form for every number ("1 байты");
// the symbol has no forms.
QString formatBytes(uint64_t bytes, const QLocale& locale = QLocale(), int precision = 2);
// As formatBytes, with as many decimals as it takes to tell apart two amounts `resolution` bytes
// apart (at least `precision`; trailing zeros dropped): deep in a 4 TiB disk, offsets 64 KiB apart
// read "2.2304688 TiB" and "2.2304688 TiB" would not do. resolution 0: as formatBytes.
QString formatBytesResolving(uint64_t bytes, uint64_t resolution, const QLocale& locale = QLocale(),
                             int precision = 2);
// The decimals formatBytesResolving() gives `bytes` at `resolution` (before dropping trailing zeros).
int decimalsToResolve(uint64_t bytes, uint64_t resolution, int precision = 2) noexcept;
// The resolution that tells the two ends of [first, end) apart: about a tenth of the range.
uint64_t rangeResolution(uint64_t first, uint64_t end) noexcept;
// Every byte, with the locale's digit grouping ("1,073,741,824").
QString formatExactBytes(uint64_t bytes, const QLocale& locale = QLocale());
// Disk offset where bitmap bit `bit` starts; the last bit may cover less than a granule, so the
// result never passes the disk's end (and never overflows).
uint64_t diskOffsetOfBit(uint64_t bit, uint64_t granularity, uint64_t diskBytes) noexcept;

} // namespace bitmig
