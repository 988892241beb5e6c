#include "datasize.h"

#include <QLocale>

#include <catch2/catch.hpp>

#include <cstdint>

using namespace bitmig;

TEST_CASE("byte amounts: the unit symbol below 1 KiB, IEC units above", "[datasize]")
{
    const QLocale c(QLocale::C);
    CHECK(formatDataSize(0, 2, c) == QStringLiteral("0 B"));
    CHECK(formatDataSize(1, 2, c) == QStringLiteral("1 B"));
    CHECK(formatDataSize(1023, 2, c) == QStringLiteral("1023 B"));
    CHECK(formatDataSize(1024, 2, c) == QStringLiteral("1 KiB"));
    CHECK(formatDataSize(1536, 2, c) == QStringLiteral("1.50 KiB"));
    CHECK(formatDataSize(1536, 1, c) == QStringLiteral("1.5 KiB"));
    CHECK(formatDataSize(uint64_t(512) << 20, 1, c) == QStringLiteral("512 MiB"));
    CHECK(formatDataSize(uint64_t(16) << 40, 1, c) == QStringLiteral("16 TiB"));
    // Amounts past what qint64 holds are shown as its maximum, never wrapped to a negative number.
    CHECK_FALSE(formatDataSize(~uint64_t(0), 1, c).startsWith(QLatin1Char('-')));
}

TEST_CASE("byte amounts follow the locale's digits and decimal point", "[datasize]")
{
    const QLocale de(QLocale::German, QLocale::Germany);
    CHECK(formatDataSize(1536, 1, de) == QStringLiteral("1,5 KiB"));
    CHECK(formatDataSize(1000, 1, de) == QStringLiteral("1.000 B"));
}
