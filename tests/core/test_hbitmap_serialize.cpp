// HBitmap serialization: sizes, alignment, byte layout, round trips, deserialize helpers and errors.
#include "hbitmap_test_util.hpp"

#include <stdexcept>

using namespace bitmig_test;

namespace {

using Bytes = std::vector<uint8_t>;

Bytes serializeAll(const HBitmap& bm, uint64_t start, uint64_t count)
{
    Bytes buf(bm.serializationSize(start, count), 0xA5);
    bm.serializePart(buf, start, count);
    return buf;
}

// Deterministic pseudo-random pattern of granules.
void fillPattern(HBitmap& bm, uint64_t seed)
{
    uint64_t x = seed * 0x9E3779B97F4A7C15ull + 1;
    const unsigned g = bm.granularity();
    for (uint64_t b = 0; b < bm.bitCount(); ++b) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        if ((x & 3) == 0 || (b % 97) < 5)
            bm.set(b << g, 1);
    }
}

// Bit i of a serialized buffer, LSB-first inside each byte.
bool bufferBit(const Bytes& buf, uint64_t i)
{
    return (buf[i / 8] >> (i % 8)) & 1;
}

} // namespace

TEST_CASE("HBitmap serialization alignment and serializability", "[hbitmap][serialize]")
{
    CHECK(HBitmap(100, 3).serializationAlign() == 512);
    CHECK(HBitmap(100, 0).serializationAlign() == 64);
    CHECK(HBitmap(uint64_t(1) << 30, 16).serializationAlign() == uint64_t(4) << 20);
    CHECK(HBitmap(100, 0).isSerializable());
    CHECK(HBitmap(100, 57).isSerializable());
    CHECK_FALSE(HBitmap(100, 58).isSerializable());
    CHECK_FALSE(HBitmap(100, 63).isSerializable());
}

TEST_CASE("HBitmap serializationSize reference examples", "[hbitmap][serialize]")
{
    CHECK(HBitmap(100, 0).serializationSize(0, 100) == 16);

    const uint64_t GiB = uint64_t(1) << 30;
    HBitmap big(GiB, 16);
    REQUIRE(big.bitCount() == 16384);
    CHECK(big.serializationSize(0, GiB) == 2048);
    CHECK(big.serializationSize(0, GiB / 2) == 1024);
    CHECK(big.serializationSize(GiB / 2, GiB / 2) == 1024);
    CHECK(big.serializationSize(uint64_t(4) << 20, uint64_t(4) << 20) == 8);
    CHECK(big.serializationSize(0, 0) == 0);
    CHECK(big.serializationSize(12345, 0) == 0);
}

TEST_CASE("HBitmap serializationSize of the tail chunk", "[hbitmap][serialize]")
{
    HBitmap bm(1000, 0);
    CHECK(bm.serializationSize(0, 64) == 8);
    CHECK(bm.serializationSize(0, 1000) == 128);
    CHECK(bm.serializationSize(960, 40) == 8);
    CHECK(bm.serializationSize(64, 936) == 120);
    CHECK(bm.serializationSize(896, 104) == 16);

    HBitmap g2(101, 2); // 26 granules, the last covers 100..103
    CHECK(g2.serializationSize(0, 101) == 8);
    CHECK(g2.serializationSize(0, 102) == 8);
    CHECK(g2.serializationSize(0, 104) == 8);
    CHECK_THROWS_AS(g2.serializationSize(0, 100), std::invalid_argument);
}

TEST_CASE("HBitmap serialized bytes are little-endian words, LSB first", "[hbitmap][serialize]")
{
    HBitmap bm(200, 0);
    for (uint64_t b : {0, 9, 63, 64, 130, 199})
        bm.set(b, 1);
    const Bytes buf = serializeAll(bm, 0, 200);
    REQUIRE(buf.size() == 32);
    Bytes expected(32, 0);
    expected[0] = 0x01;
    expected[1] = 0x02;
    expected[7] = 0x80;
    expected[8] = 0x01;
    expected[16] = 0x04;
    expected[24] = 0x80;
    CHECK(buf == expected);

    const Bytes second = serializeAll(bm, 64, 64);
    CHECK(second == Bytes{0x01, 0, 0, 0, 0, 0, 0, 0});

    const Bytes tail = serializeAll(bm, 128, 72);
    CHECK(tail == Bytes{0x04, 0, 0, 0, 0, 0, 0, 0, 0x80, 0, 0, 0, 0, 0, 0, 0});

    HBitmap g2(1000, 2); // 250 bits
    g2.set(8, 1);        // bit 2
    g2.set(999, 1);      // bit 249: word 3, bit 57
    const Bytes gbuf = serializeAll(g2, 0, 1000);
    REQUIRE(gbuf.size() == 32);
    Bytes gexp(32, 0);
    gexp[0] = 0x04;
    gexp[31] = 0x02;
    CHECK(gbuf == gexp);
}

TEST_CASE("HBitmap serialization round trips, including unaligned tails", "[hbitmap][serialize]")
{
    const uint64_t sizes[] = {1, 63, 64, 65, 100, 1000, 4097, 70000};
    const unsigned grans[] = {0, 1, 3, 7};
    uint64_t seed = 1;
    for (uint64_t size : sizes) {
        for (unsigned g : grans) {
            CAPTURE(size, g);
            HBitmap src(size, g);
            fillPattern(src, seed++);
            const auto granules = setGranules(src);
            const Bytes buf = serializeAll(src, 0, size);
            REQUIRE(buf.size() == ((src.bitCount() + 63) / 64) * 8);
            for (uint64_t i = 0; i < buf.size() * 8; ++i) {
                const bool expected = i < src.bitCount() && src.get(i << g);
                if (bufferBit(buf, i) != expected) {
                    FAIL_CHECK("serialized bit " << i << " is wrong");
                    break;
                }
            }

            HBitmap dst(size, g);
            dst.deserializePart(buf, 0, size, true);
            CHECK(setGranules(dst) == granules);
            CHECK(dst.count() == src.count());
            CHECK(iterateAll(dst) == iterateAll(src));

            HBitmap full(size, g);
            full.set(0, size);
            full.deserializePart(buf, 0, size, true);
            CHECK(setGranules(full) == granules);
            CHECK(full.count() == src.count());
            CHECK(full.nextZero(0) == src.nextZero(0));
        }
    }
}

TEST_CASE("HBitmap serialization in parts of the alignment", "[hbitmap][serialize]")
{
    const uint64_t sizes[] = {64, 65, 1000, 4097, 70000};
    const unsigned grans[] = {0, 2, 5};
    uint64_t seed = 100;
    for (uint64_t size : sizes) {
        for (unsigned g : grans) {
            for (uint64_t k : {1, 2, 3}) {
                CAPTURE(size, g, k);
                HBitmap src(size, g);
                fillPattern(src, seed++);
                const Bytes whole = serializeAll(src, 0, size);
                const uint64_t chunk = src.serializationAlign() * k;

                Bytes joined;
                HBitmap dst(size, g);
                for (uint64_t start = 0; start < size; start += chunk) {
                    const uint64_t count = std::min(chunk, size - start);
                    const Bytes part = serializeAll(src, start, count);
                    const bool lastPart = start + count == size;
                    if (!lastPart)
                        CHECK(part.size() == k * 8);
                    joined.insert(joined.end(), part.begin(), part.end());
                    dst.deserializePart(part, start, count, lastPart);
                }
                CHECK(joined == whole);
                CHECK(setGranules(dst) == setGranules(src));
                CHECK(dst.count() == src.count());
            }
        }
    }
}

TEST_CASE("HBitmap deserialize parts without finish, then deserializeFinish", "[hbitmap][serialize]")
{
    HBitmap src(5000, 1);
    fillPattern(src, 77);
    HBitmap dst(5000, 1);
    dst.set(0, 5000);
    const uint64_t align = dst.serializationAlign();
    for (uint64_t start = 0; start < 5000; start += align) {
        const uint64_t count = std::min(align, 5000 - start);
        dst.deserializePart(serializeAll(src, start, count), start, count, false);
    }
    dst.deserializeFinish();
    CHECK(setGranules(dst) == setGranules(src));
    CHECK(dst.count() == src.count());
    CHECK(dst.nextDirty(0) == src.nextDirty(0));
    CHECK(dst.nextZero(0) == src.nextZero(0));
    CHECK(iterateAll(dst) == iterateAll(src));
}

TEST_CASE("HBitmap count stays exact after a deserialize part without finish",
          "[hbitmap][serialize][extension]")
{
    HBitmap bm(1000, 0);
    bm.set(0, 1000);
    bm.deserializeZeroes(64, 128, false);
    CHECK(bm.count() == 1000 - 128);
    CHECK(bm.nextZero(0) == Opt{64});
    CHECK(bm.nextDirty(64) == Opt{192});
    const Bytes ones(8, 0xFF);
    bm.deserializePart(ones, 64, 64, false);
    CHECK(bm.count() == 1000 - 64);
}

TEST_CASE("HBitmap deserializeZeroes and deserializeOnes fill whole words", "[hbitmap][serialize]")
{
    HBitmap bm(1000, 0);
    bm.set(0, 1000);
    bm.deserializeZeroes(64, 64, true);
    CHECK(bm.count() == 936);
    CHECK(bm.nextZero(0) == Opt{64});
    CHECK(bm.nextDirty(64) == Opt{128});
    CHECK(bm.nextDirtyArea(0, kToEnd, kToEnd) == area(0, 64));

    bm.deserializeZeroes(960, 40, true);
    CHECK(bm.count() == 896);
    CHECK(bm.nextZero(900) == Opt{960});

    HBitmap empty(1000, 0);
    empty.deserializeOnes(128, 64, true);
    CHECK(empty.count() == 64);
    CHECK(empty.nextDirtyArea(0, kToEnd, kToEnd) == area(128, 64));
    CHECK(iterateAll(empty).size() == 64);

    HBitmap g3(10000, 3); // align 512 items = 64 bits
    g3.deserializeOnes(512, 1024, true);
    CHECK(g3.count() == 1024);
    CHECK(g3.nextDirty(0) == Opt{512});
    CHECK(g3.nextZero(512) == Opt{1536});
}

TEST_CASE("HBitmap deserializeOnes over the tail keeps padding bits clear", "[hbitmap][serialize]")
{
    SECTION("granularity 0, 100 items")
    {
        HBitmap bm(100, 0);
        bm.deserializeOnes(0, 100, true);
        CHECK(bm.count() == 100);
        const auto all = iterateAll(bm);
        REQUIRE(all.size() == 100);
        CHECK(all.back() == 99);
        CHECK(bm.nextZero(0) == kNoPos);
        CHECK(bm.nextDirty(99) == Opt{99});
        REQUIRE(bm.words().size() == 2);
        CHECK(bm.words()[1] == (uint64_t(1) << 36) - 1);

        const Bytes buf = serializeAll(bm, 0, 100);
        REQUIRE(buf.size() == 16);
        for (int i = 0; i < 12; ++i)
            CHECK(buf[i] == 0xFF);
        CHECK(buf[12] == 0x0F);
        CHECK(buf[13] == 0);
        CHECK(buf[14] == 0);
        CHECK(buf[15] == 0);

        bm.truncate(200);
        CHECK(bm.count() == 100);
        CHECK(bm.nextDirty(100) == kNoPos);
        CHECK(bm.nextZero(0) == Opt{100});
    }
    SECTION("only the tail word")
    {
        HBitmap bm(100, 0);
        bm.deserializeOnes(64, 36, true);
        CHECK(bm.count() == 36);
        CHECK(iterateAll(bm).back() == 99);
        CHECK(iterateAll(bm).size() == 36);
    }
    SECTION("granularity 2, a straddling last granule")
    {
        HBitmap bm(101, 2); // 26 granules
        bm.deserializeOnes(0, 101, true);
        CHECK(bm.count() == 104);
        const auto all = iterateAll(bm);
        REQUIRE(all.size() == 26);
        CHECK(all.back() == 100);
        CHECK(bm.nextZero(0) == kNoPos);
    }
    SECTION("deserializePart of an all-ones buffer")
    {
        HBitmap bm(100, 0);
        const Bytes ones(16, 0xFF);
        bm.deserializePart(ones, 0, 100, true);
        CHECK(bm.count() == 100);
        CHECK(iterateAll(bm).size() == 100);
        CHECK(bm.words()[1] == (uint64_t(1) << 36) - 1);
        bm.truncate(128);
        CHECK(bm.count() == 100);
        CHECK(bm.nextDirty(100) == kNoPos);
    }
}

TEST_CASE("HBitmap serialization rejects misaligned and out-of-range chunks", "[hbitmap][serialize][errors]")
{
    HBitmap bm(1000, 0); // align 64
    Bytes buf(256, 0);

    SECTION("serializationSize")
    {
        CHECK_THROWS_AS(bm.serializationSize(32, 64), std::invalid_argument);
        CHECK_THROWS_AS(bm.serializationSize(1, 999), std::invalid_argument);
        CHECK_THROWS_AS(bm.serializationSize(0, 32), std::invalid_argument);
        CHECK_THROWS_AS(bm.serializationSize(960, 39), std::invalid_argument);
        CHECK_THROWS_AS(bm.serializationSize(0, 1088), std::out_of_range);
        CHECK_THROWS_AS(bm.serializationSize(1024, 64), std::out_of_range);
        CHECK_THROWS_AS(bm.serializationSize(960, 64), std::out_of_range);
    }
    SECTION("serializePart")
    {
        CHECK_THROWS_AS(bm.serializePart(buf, 32, 64), std::invalid_argument);
        CHECK_THROWS_AS(bm.serializePart(buf, 0, 32), std::invalid_argument);
        CHECK_THROWS_AS(bm.serializePart(buf, 0, 1088), std::out_of_range);
        CHECK_THROWS_AS(bm.serializePart(buf, 1024, 64), std::out_of_range);
        Bytes small(8, 0);
        CHECK_THROWS_AS(bm.serializePart(small, 0, 128), std::invalid_argument);
        Bytes tiny(15, 0);
        CHECK_THROWS_AS(bm.serializePart(tiny, 896, 104), std::invalid_argument);
    }
    SECTION("deserializePart")
    {
        CHECK_THROWS_AS(bm.deserializePart(buf, 32, 64, true), std::invalid_argument);
        CHECK_THROWS_AS(bm.deserializePart(buf, 0, 32, true), std::invalid_argument);
        CHECK_THROWS_AS(bm.deserializePart(buf, 0, 1088, true), std::out_of_range);
        CHECK_THROWS_AS(bm.deserializePart(buf, 1024, 64, true), std::out_of_range);
        const Bytes small(8, 0xFF);
        CHECK_THROWS_AS(bm.deserializePart(small, 0, 128, true), std::invalid_argument);
        CHECK(bm.empty());
    }
    SECTION("deserializeZeroes and deserializeOnes")
    {
        CHECK_THROWS_AS(bm.deserializeZeroes(32, 64, true), std::invalid_argument);
        CHECK_THROWS_AS(bm.deserializeZeroes(0, 32, true), std::invalid_argument);
        CHECK_THROWS_AS(bm.deserializeZeroes(1024, 64, true), std::out_of_range);
        CHECK_THROWS_AS(bm.deserializeOnes(32, 64, true), std::invalid_argument);
        CHECK_THROWS_AS(bm.deserializeOnes(0, 32, true), std::invalid_argument);
        CHECK_THROWS_AS(bm.deserializeOnes(0, 1088, true), std::out_of_range);
        CHECK(bm.empty());
    }
    SECTION("valid tail chunks are accepted")
    {
        CHECK_NOTHROW(bm.serializePart(buf, 960, 40));
        CHECK_NOTHROW(bm.serializePart(buf, 64, 936));
        CHECK_NOTHROW(bm.deserializeOnes(960, 40, true));
        CHECK(bm.count() == 40);
    }
}
