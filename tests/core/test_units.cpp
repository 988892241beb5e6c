#include <bitmig/units.h>
#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <string>

using namespace bitmig;
using namespace bitmig::units;

TEST_CASE("units: parseSize accepts binary sizes", "[units]")
{
    CHECK(parseSize("0") == 0);
    CHECK(parseSize("4096") == 4096);
    CHECK(parseSize("512B") == 512);
    CHECK(parseSize("512 B") == 512);
    CHECK(parseSize("4K") == 4096);
    CHECK(parseSize("4k") == 4096);
    CHECK(parseSize("64KiB") == 64 * KiB);
    CHECK(parseSize("64 KiB") == 64 * KiB);
    CHECK(parseSize("64KB") == 64 * KiB);
    CHECK(parseSize("1.5M") == 3 * MiB / 2);
    CHECK(parseSize("1MiB") == MiB);
    CHECK(parseSize("2G") == 2 * GiB);
    CHECK(parseSize("512 GiB") == 512 * GiB);
    CHECK(parseSize("16T") == 16 * TiB);
    CHECK(parseSize("1TiB") == TiB);
    CHECK(parseSize("2P") == 2 * PiB);
    CHECK(parseSize("  8M  ") == 8 * MiB);
    CHECK(parseSize("0.5K") == 512);
    CHECK(parseSize("16383P") == 16383 * PiB);
}

TEST_CASE("units: parseSize rejects what it cannot understand", "[units]")
{
    for (const char* bad :
         {"", "   ", "abc", "K", "-1", "-4K", "+4K", "4X", "4 furlongs", "1e3", "1..5K", "1.5", "1.3B",
          "0.1K", "4 K B", "16384P", "17179869184G", "99999999999999999999"}) {
        INFO("'" << bad << "'");
        CHECK_THROWS_AS(parseSize(bad), UnitError);
    }
    // UnitError is an invalid_argument with a reason.
    try {
        parseSize("4X");
        FAIL("no error");
    } catch (const std::invalid_argument& e) {
        CHECK(std::string(e.what()).find("unit") != std::string::npos);
    }
}

TEST_CASE("units: parseBandwidth", "[units]")
{
    CHECK(parseBandwidth("1000000") == Approx(1e6));
    CHECK(parseBandwidth("1Gbit") == Approx(125e6));
    CHECK(parseBandwidth("100Mbit") == Approx(12.5e6));
    CHECK(parseBandwidth("10 Gbit/s") == Approx(1.25e9));
    CHECK(parseBandwidth("10Gbit/s") == Approx(1.25e9));
    CHECK(parseBandwidth("125MB/s") == Approx(125.0 * 1048576));
    CHECK(parseBandwidth("1.5GB/s") == Approx(1.5 * 1073741824.0));
    CHECK(parseBandwidth("500KiB/s") == Approx(500.0 * 1024));
    CHECK(parseBandwidth("8bit") == Approx(1));
    CHECK(parseBandwidth("1Gbitps") == Approx(125e6));
    // A lower-case b is a bit, an upper-case B a byte; the prefix may be of either case.
    CHECK(parseBandwidth("1Gbps") == Approx(125e6));
    CHECK(parseBandwidth("1Gb") == Approx(125e6));
    CHECK(parseBandwidth("1gb/s") == Approx(125e6));
    CHECK(parseBandwidth("100Mbps") == Approx(12.5e6));
    CHECK(parseBandwidth("100 mbit") == Approx(12.5e6));
    CHECK(parseBandwidth("64kbps") == Approx(8000));
    CHECK(parseBandwidth("8bps") == Approx(1));
    CHECK(parseBandwidth("8 b") == Approx(1));
    CHECK(parseBandwidth("1GBps") == Approx(1073741824.0));
    CHECK(parseBandwidth("1gB/s") == Approx(1073741824.0));
    CHECK(parseBandwidth("2MiB/s") == Approx(2.0 * 1048576));
    CHECK(parseBandwidth("1TB/s") == Approx(1099511627776.0));
    CHECK(parseBandwidth("1Tbps") == Approx(125e9));
    CHECK(parseBandwidth("3K") == Approx(3072));
    CHECK(parseBandwidth("10B/s") == Approx(10));

    for (const char* bad : {"", "fast", "0", "0Mbit", "-5Mbit", "10 furlongs", "Gbit", "1 Gbit/h", "1Kib/s",
                            "1ps", "1/s", "1 Xbps", "1 GGB"}) {
        INFO("'" << bad << "'");
        CHECK_THROWS_AS(parseBandwidth(bad), UnitError);
    }
}

TEST_CASE("units: parseDuration", "[units]")
{
    CHECK(parseDuration("0") == 0);
    CHECK(parseDuration("300ms") == 300 * kNsPerMs);
    CHECK(parseDuration("300 ms") == 300 * kNsPerMs);
    CHECK(parseDuration("1.5s") == 1'500'000'000);
    CHECK(parseDuration("250us") == 250'000);
    CHECK(parseDuration("10ns") == 10);
    CHECK(parseDuration("20") == 20 * kNsPerMs); // a bare number is milliseconds
    CHECK(parseDuration("2min") == 120 * kNsPerSec);
    CHECK(parseDuration("0.5us") == 500);
    CHECK(parseDuration("250\xc2\xb5s") == 250'000);   // µs, the micro sign, as the text output writes it
    CHECK(parseDuration("250 \xce\xbcs") == 250'000);  // μs, the Greek mu
    CHECK(parseDuration(formatDuration(12'000)) == 12'000);

    for (const char* bad : {"", "x", "-1s", "5h", "1.5ns", "3 parsecs", "1e3s", "99999999999s"}) {
        INFO("'" << bad << "'");
        CHECK_THROWS_AS(parseDuration(bad), UnitError);
    }
}

TEST_CASE("units: parseCount", "[units]")
{
    CHECK(parseCount("20000") == 20000);
    CHECK(parseCount("20k") == 20000);
    CHECK(parseCount("20K") == 20000);
    CHECK(parseCount("1.5M") == Approx(1.5e6));
    CHECK(parseCount("2G") == Approx(2e9));
    CHECK(parseCount("0") == 0);
    CHECK(parseCount("0.5") == 0.5);

    for (const char* bad : {"", "k", "5x", "-3", "many", "5 kilo"}) {
        INFO("'" << bad << "'");
        CHECK_THROWS_AS(parseCount(bad), UnitError);
    }
}

TEST_CASE("units: formatSize is exact for whole numbers of a unit", "[units]")
{
    CHECK(formatSize(0) == "0 B");
    CHECK(formatSize(3) == "3 B");
    CHECK(formatSize(512) == "512 B");
    CHECK(formatSize(1023) == "1023 B");
    CHECK(formatSize(KiB) == "1 KiB");
    CHECK(formatSize(3 * MiB / 2) == "1.5 MiB");
    CHECK(formatSize(16 * MiB) == "16 MiB");
    CHECK(formatSize(512 * MiB) == "512 MiB");
    CHECK(formatSize(GiB) == "1 GiB");
    CHECK(formatSize(64 * GiB) == "64 GiB");
    CHECK(formatSize(512 * GiB) == "512 GiB");
    CHECK(formatSize(TiB) == "1 TiB");
    CHECK(formatSize(8 * TiB) == "8 TiB");
    CHECK(formatSize(2 * PiB) == "2 PiB");
    CHECK(formatSize(uint64_t(1) << 60) == "1 EiB");

    // Round trip of every power of two the tables use.
    for (unsigned k = 0; k < 60; ++k) {
        const uint64_t v = uint64_t(1) << k;
        INFO(v);
        CHECK(parseSize(formatSize(v)) == v);
    }
}

TEST_CASE("units: formatBandwidth and formatDuration", "[units]")
{
    CHECK(formatBandwidth(125e6) == "1 Gbit/s");
    CHECK(formatBandwidth(1.25e9) == "10 Gbit/s");
    CHECK(formatBandwidth(12.5e6) == "100 Mbit/s");
    CHECK(formatBandwidth(125e3) == "1 Mbit/s");
    CHECK(formatBandwidth(1000) == "8 kbit/s");
    CHECK(formatBandwidth(1) == "8 bit/s");

    CHECK(formatDuration(300 * kNsPerMs) == "300 ms");
    CHECK(formatDuration(1'250'000'000) == "1.25 s");
    CHECK(formatDuration(12'000) == "12 \xc2\xb5s");  // µs, UTF-8
    CHECK(formatDuration(5) == "5 ns");
    CHECK(formatDuration(0) == "0 ns");
    CHECK(parseDuration(formatDuration(300 * kNsPerMs)) == 300 * kNsPerMs);
    // The same apart, for text in another language.
    for (const int64_t ns : {int64_t(1'250'000'000), int64_t(300) * kNsPerMs, int64_t(12'000), int64_t(5)}) {
        const DurationParts parts = formatDurationParts(ns);
        CHECK(parts.number + " " + std::string(timeUnitSymbol(parts.unit)) == formatDuration(ns));
    }
    CHECK(formatDurationParts(1'250'000'000).number == "1.25");
    CHECK(formatDurationParts(1'250'000'000).unit == TimeUnit::Seconds);
    CHECK(formatDurationParts(12'000).unit == TimeUnit::Microseconds);
    CHECK(formatDurationParts(5).unit == TimeUnit::Nanoseconds);
    CHECK(parseBandwidth(formatBandwidth(125e6)) == Approx(125e6));
}

TEST_CASE("units: parseDuration reads decimal text exactly", "[units]")
{
    // Every millisecond from 0.000 s to 9.999 s, written in seconds: in doubles, 516 of them were
    // not a whole number of nanoseconds (0.067 s, 1.001 s, ...).
    char text[32];
    for (int64_t ms = 0; ms < 10'000; ++ms) {
        std::snprintf(text, sizeof text, "%d.%03ds", int(ms / 1000), int(ms % 1000));
        INFO(text);
        REQUIRE(parseDuration(text) == ms * kNsPerMs);
    }
    // Every microsecond of a second, in seconds and in milliseconds.
    for (int64_t us = 0; us < 1'000'000; ++us) {
        std::snprintf(text, sizeof text, "1.%06ds", int(us));
        const int64_t ns = kNsPerSec + us * 1000;
        if (parseDuration(text) != ns) {
            FAIL(text);
        }
        std::snprintf(text, sizeof text, "%d.%03dms", int(1000 + us / 1000), int(us % 1000));
        if (parseDuration(text) != ns) {
            FAIL(text);
        }
    }
    CHECK(parseDuration("1.005s") == 1'005'000'000);
    CHECK(parseDuration("2.05s") == 2'050'000'000);
    CHECK(parseDuration("0.067s") == 67'000'000);
    CHECK(parseDuration("0.1s") == 100'000'000);
    CHECK(parseDuration("0.3") == 300'000);  // milliseconds
    CHECK(parseDuration("1.000000001s") == 1'000'000'001);
    CHECK(parseDuration("0.000000001s") == 1);
    CHECK(parseDuration("1.50000000000000000000000s") == 1'500'000'000);  // trailing zeros say nothing
    CHECK(parseDuration("0001.5s") == 1'500'000'000);
    CHECK(parseDuration(".5s") == 500'000'000);
    CHECK(parseDuration("5.s") == 5'000'000'000);
    CHECK(parseDuration("1.5min") == 90'000'000'000);
    CHECK(parseDuration("0.0000000001min") == 6);
    CHECK(parseDuration("9223372036854775807ns") == std::numeric_limits<int64_t>::max());
    CHECK(parseDuration("9223372036.854775807s") == std::numeric_limits<int64_t>::max());

    for (const char* bad : {"1.0000000001s", "0.5ns", "9223372036854775808ns", "9223372036.854775808s",
                            "1.2.3s", ".s", ".", "1..5s", "00000000000000000000000000001.0000000000000000001s"}) {
        INFO("'" << bad << "'");
        CHECK_THROWS_AS(parseDuration(bad), UnitError);
    }
    CHECK_THROWS_WITH(parseDuration("1.0000000001s"), Catch::Contains("not a whole number of nanoseconds"));
    CHECK_THROWS_WITH(parseDuration("9223372036854775808ns"), Catch::Contains("too long"));
}

TEST_CASE("units: parseSize reads decimal text exactly", "[units]")
{
    CHECK(parseSize("0.125K") == 128);
    CHECK(parseSize("1.25G") == 5 * GiB / 4);
    CHECK(parseSize("0.0009765625K") == 1);
    CHECK(parseSize("18446744073709551615") == std::numeric_limits<uint64_t>::max());
    CHECK_THROWS_WITH(parseSize("18446744073709551616"), Catch::Contains("too large"));
    CHECK_THROWS_WITH(parseSize("1.0000000000000000001K"), Catch::Contains("too many decimal places"));
    CHECK_THROWS_WITH(parseSize("1.001K"), Catch::Contains("not a whole number of bytes"));
}
