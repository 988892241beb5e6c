// Byte amounts as every part of the window prints them: IEC units ("512 MiB", "1.5 KiB") and,
// below 1 KiB, the unit symbol ("0 B", "512 B").
#pragma once

#include <QLocale>
#include <QString>

#include <cstdint>

namespace bitmig {

// `precision` decimals, none when the amount is a whole number of its unit. QLocale's own
// formattedDataSize() writes amounts below 1 KiB with the word "bytes", which several
// translations give in one grammatical form for every number ("1 байты"); the symbol has no forms.
QString formatDataSize(uint64_t bytes, int precision, const QLocale& locale = QLocale());

} // namespace bitmig
