#include "widgets/byteformat.h"

#include <QLocale>

#include <catch2/catch.hpp>

#include <cstdint>

using namespace bitmig;

TEST_CASE("byte amounts: the unit symbol below 1 KiB, IEC units above", "[datasize]")
{
    const QLocale c(QLocale::C);
    CHECK(formatBytes(0, c, 2) == QStringLiteral("0 B"));
    CHECK(formatBytes(1, c, 2) == QStringLiteral("1 B"));
    CHECK(formatBytes(1023, c, 2) == QStringLiteral("1023 B"));
    CHECK(formatBytes(1024, c, 2) == QStringLiteral("1 KiB"));
    CHECK(formatBytes(1536, c, 2) == QStringLiteral("1.50 KiB"));
    CHECK(formatBytes(1536, c, 1) == QStringLiteral("1.5 KiB"));
    CHECK(formatBytes(uint64_t(512) << 20, c, 1) == QStringLiteral("512 MiB"));
    CHECK(formatBytes(uint64_t(16) << 40, c, 1) == QStringLiteral("16 TiB"));
    // Amounts past what qint64 holds are shown as its maximum, never wrapped to a negative number.
    CHECK_FALSE(formatBytes(~uint64_t(0), c, 1).startsWith(QLatin1Char('-')));
}

TEST_CASE("byte amounts follow the locale's digits and decimal point", "[datasize]")
{
    const QLocale de(QLocale::German, QLocale::Germany);
    CHECK(formatBytes(1536, de, 1) == QStringLiteral("1,5 KiB"));
    CHECK(formatBytes(1000, de, 1) == QStringLiteral("1.000 B"));
}
