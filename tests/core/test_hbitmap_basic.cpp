// HBitmap construction, set/reset/get/count, iteration, truncate and the boundary sizes.
#include "hbitmap_test_util.hpp"

#include <stdexcept>
#include <string>
#include <thread>
#include <tuple>

using namespace bitmig_test;

TEST_CASE("HBitmap construction reports size, granularity and bit count", "[hbitmap][basic]")
{
    const std::vector<std::tuple<uint64_t, unsigned, uint64_t>> cases = {
        {0, 0, 0},
        {1, 0, 1},
        {100, 0, 100},
        {100, 2, 25},
        {101, 2, 26},
        {3, 1, 2},
        {1, 63, 1},
        {0, 63, 0},
        {64, 6, 1},
        {65, 6, 2},
        {uint64_t(1) << 40, 20, uint64_t(1) << 20},
        {uint64_t(INT64_MAX), 63, 1},
        {uint64_t(INT64_MAX), 40, uint64_t(1) << 23},
    };
    for (const auto& [size, g, bits] : cases) {
        CAPTURE(size, g);
        HBitmap bm(size, g);
        CHECK(bm.size() == size);
        CHECK(bm.granularity() == g);
        CHECK(bm.granularityLog2() == g);
        CHECK(bm.bitCount() == bits);
        CHECK(bm.count() == 0);
        CHECK(bm.empty());
        CHECK(bm.meta() == nullptr);
    }
}

TEST_CASE("HBitmap constructor rejects a bad granularity or too many bits", "[hbitmap][basic][errors]")
{
    CHECK_THROWS_AS(HBitmap(100, 64), std::invalid_argument);
    CHECK_THROWS_AS(HBitmap(0, 64), std::invalid_argument);
    CHECK_THROWS_AS(HBitmap(100, 1000), std::invalid_argument);
    // 2^41 + 1 bits.
    CHECK_THROWS_AS(HBitmap((uint64_t(1) << 41) + 1, 0), std::invalid_argument);
    CHECK_THROWS_AS(HBitmap((uint64_t(1) << 42) + 3, 1), std::invalid_argument);
    // ceil((2^63 - 1) / 2^21) = 2^42 bits.
    CHECK_THROWS_AS(HBitmap(uint64_t(INT64_MAX), 21), std::invalid_argument);
    CHECK_THROWS_AS(HBitmap(uint64_t(1) << 62, 20), std::invalid_argument);
    CHECK_NOTHROW(HBitmap(uint64_t(1) << 62, 40));
}

TEST_CASE("HBitmap count is whole granules times 2^g and may exceed size", "[hbitmap][basic]")
{
    HBitmap bm(3, 1);
    bm.set(0, 3);
    CHECK(bm.count() == 4);
    CHECK_FALSE(bm.empty());
    CHECK(bm.bitCount() == 2);

    HBitmap one(3, 1);
    one.set(1, 1);
    CHECK(one.count() == 2);
    CHECK(one.get(0));
    CHECK(one.get(1));
    CHECK_FALSE(one.get(2));

    HBitmap huge(uint64_t(INT64_MAX), 63);
    huge.set(5, 1);
    CHECK(huge.count() == uint64_t(1) << 63);
    CHECK(huge.get(0));
    CHECK(huge.get(uint64_t(INT64_MAX) - 1));
}

TEST_CASE("HBitmap set rounds outward to whole granules", "[hbitmap][basic]")
{
    HBitmap bm(100, 2);
    bm.set(5, 4); // items 5..8: granules 1 and 2
    CHECK(bm.count() == 8);
    CHECK(setGranules(bm) == std::vector<uint64_t>{1, 2});
    CHECK_FALSE(bm.get(3));
    CHECK(bm.get(4));
    CHECK(bm.get(11));
    CHECK_FALSE(bm.get(12));

    bm.set(10, 10); // items 10..19: granules 2..4, granule 2 already set
    CHECK(bm.count() == 16);
    CHECK(setGranules(bm) == std::vector<uint64_t>{1, 2, 3, 4});

    bm.set(99, 1); // last granule
    CHECK(bm.count() == 20);
    CHECK(bm.get(96));
    CHECK(bm.get(99));

    bm.set(0, 100);
    CHECK(bm.count() == 100);
    bm.set(0, 100);
    CHECK(bm.count() == 100);
}

TEST_CASE("HBitmap set and reset with count 0 do nothing", "[hbitmap][basic]")
{
    HBitmap bm(100, 2);
    bm.set(8, 4);
    CHECK_NOTHROW(bm.set(10, 0));
    CHECK_NOTHROW(bm.reset(8, 0));
    CHECK_NOTHROW(bm.reset(3, 0));
    CHECK_NOTHROW(bm.set(1000, 0));
    CHECK_NOTHROW(bm.reset(1001, 0));
    CHECK(bm.count() == 4);
    CHECK(setGranules(bm) == std::vector<uint64_t>{2});
}

TEST_CASE("HBitmap get past the end throws out_of_range", "[hbitmap][basic][errors]")
{
    HBitmap bm(100, 2);
    bm.set(0, 100);
    CHECK(bm.get(99));
    CHECK_THROWS_AS(bm.get(100), std::out_of_range);
    CHECK_THROWS_AS(bm.get(uint64_t(1) << 40), std::out_of_range);

    HBitmap tail(101, 2); // the last granule covers items 100..103
    tail.set(100, 1);
    CHECK(tail.get(100));
    CHECK_THROWS_AS(tail.get(101), std::out_of_range);

    HBitmap zero(0, 0);
    CHECK_THROWS_AS(zero.get(0), std::out_of_range);
}

TEST_CASE("HBitmap set past the end throws out_of_range", "[hbitmap][basic][errors]")
{
    HBitmap bm(100, 0);
    CHECK_THROWS_AS(bm.set(100, 1), std::out_of_range);
    CHECK_THROWS_AS(bm.set(99, 2), std::out_of_range);
    CHECK_THROWS_AS(bm.set(0, 101), std::out_of_range);
    CHECK_THROWS_AS(bm.set(5000, 10), std::out_of_range);
    CHECK_NOTHROW(bm.set(99, 1));

    HBitmap g2(101, 2); // granules 0..25
    CHECK_THROWS_AS(g2.set(104, 1), std::out_of_range);
    CHECK_THROWS_AS(g2.set(96, 9), std::out_of_range);

    HBitmap zero(0, 3);
    CHECK_THROWS_AS(zero.set(0, 1), std::out_of_range);
}

TEST_CASE("HBitmap reset requires an aligned start and count, except at the tail", "[hbitmap][basic][errors]")
{
    HBitmap bm(102, 2); // 26 granules, the last one covers 100..103
    bm.set(0, 102);
    REQUIRE(bm.count() == 104);

    CHECK_THROWS_AS(bm.reset(1, 4), std::invalid_argument);
    CHECK_THROWS_AS(bm.reset(2, 2), std::invalid_argument);
    CHECK_THROWS_AS(bm.reset(4, 3), std::invalid_argument);
    CHECK_THROWS_AS(bm.reset(4, 1), std::invalid_argument);
    CHECK_THROWS_AS(bm.reset(0, 101), std::invalid_argument);
    CHECK_THROWS_AS(bm.reset(96, 5), std::invalid_argument);
    CHECK(bm.count() == 104);

    bm.reset(4, 8); // granules 1 and 2
    CHECK(bm.count() == 96);
    CHECK(bm.get(3));
    CHECK_FALSE(bm.get(4));
    CHECK_FALSE(bm.get(11));
    CHECK(bm.get(12));

    bm.reset(100, 2); // tail exception: start + count == size
    CHECK(bm.count() == 92);
    CHECK_FALSE(bm.get(100));
    CHECK(bm.get(99));

    bm.reset(92, 10); // tail exception with several granules
    CHECK(bm.count() == 84);
    CHECK_FALSE(bm.get(92));
    CHECK(bm.get(91));

    bm.reset(0, 102);
    CHECK(bm.empty());
}

TEST_CASE("HBitmap reset may reach the size rounded up to the granularity", "[hbitmap][basic]")
{
    HBitmap bm(102, 2);
    bm.set(0, 102);
    CHECK_NOTHROW(bm.reset(100, 4));
    CHECK(bm.count() == 100);
    CHECK_FALSE(bm.get(101));
    CHECK_NOTHROW(bm.reset(0, 104));
    CHECK(bm.empty());
}

TEST_CASE("HBitmap reset past the last granule throws out_of_range", "[hbitmap][basic][errors]")
{
    HBitmap bm(102, 2);
    CHECK_THROWS_AS(bm.reset(104, 4), std::out_of_range);
    CHECK_THROWS_AS(bm.reset(100, 8), std::out_of_range);
    CHECK_THROWS_AS(bm.reset(0, 108), std::out_of_range);

    HBitmap g0(128, 0);
    CHECK_THROWS_AS(g0.reset(128, 1), std::out_of_range);
    CHECK_THROWS_AS(g0.reset(127, 2), std::out_of_range);
}

TEST_CASE("HBitmap reset at granularity 0 takes any range", "[hbitmap][basic]")
{
    HBitmap bm(200, 0);
    bm.set(0, 200);
    bm.reset(3, 1);
    bm.reset(60, 10);
    bm.reset(199, 1);
    CHECK(bm.count() == 200 - 1 - 10 - 1);
    CHECK_FALSE(bm.get(3));
    CHECK(bm.get(59));
    CHECK_FALSE(bm.get(69));
    CHECK(bm.get(70));
    CHECK_FALSE(bm.get(199));
}

TEST_CASE("HBitmap resetAll clears every bit and keeps the bitmap usable", "[hbitmap][basic]")
{
    HBitmap bm(5000, 1);
    bm.set(0, 5000);
    bm.resetAll();
    CHECK(bm.empty());
    CHECK(bm.count() == 0);
    CHECK(bm.nextDirty(0) == kNoPos);
    CHECK(bm.nextZero(0) == Opt{0});
    CHECK(iterateAll(bm).empty());
    bm.set(4998, 2);
    CHECK(bm.count() == 2);
    CHECK(iterateAll(bm) == std::vector<uint64_t>{4998});
    CHECK(bm.size() == 5000);
}

TEST_CASE("HBitmap at boundary sizes and granularities", "[hbitmap][basic][boundary]")
{
    const uint64_t sizes[] = {0, 1, 63, 64, 65, 4095, 4096, 4097, 262143, 262144, 262145};
    const unsigned grans[] = {0, 1, 4, 16};
    const uint64_t edgeBits[] = {0, 1, 62, 63, 64, 65, 127, 128, 4095, 4096, 262143, 262144};

    for (uint64_t size : sizes) {
        for (unsigned g : grans) {
            CAPTURE(size, g);
            HBitmap bm(size, g);
            const uint64_t bits = bitsFor(size, g);
            REQUIRE(bm.bitCount() == bits);
            CHECK(bm.empty());

            if (size == 0) {
                CHECK(bm.nextDirty(0) == kNoPos);
                CHECK(bm.nextZero(0) == kNoPos);
                CHECK(bm.nextDirtyArea(0, 100, 100) == kNoRange);
                CHECK_THROWS_AS(bm.get(0), std::out_of_range);
                CHECK_THROWS_AS(bm.iterate(0), std::out_of_range);
                CHECK_THROWS_AS(bm.set(0, 1), std::out_of_range);
                CHECK_NOTHROW(bm.set(0, 0));
                CHECK_NOTHROW(bm.resetAll());
                continue;
            }

            const uint64_t last = size - 1;
            const uint64_t lastStart = ((size - 1) >> g) << g;
            const uint64_t gran = uint64_t(1) << g;

            // Only the last item.
            bm.set(last, 1);
            CHECK(bm.count() == gran);
            CHECK(bm.get(last));
            CHECK(bm.get(lastStart));
            if (lastStart > 0) {
                CHECK_FALSE(bm.get(lastStart - 1));
                CHECK(bm.nextZero(0) == Opt{0});
                CHECK(bm.nextDirty(0, lastStart) == kNoPos);
            } else {
                CHECK(bm.nextZero(0) == kNoPos);
            }
            CHECK_THROWS_AS(bm.get(size), std::out_of_range);
            CHECK(bm.nextDirty(0) == Opt{lastStart});
            CHECK(bm.nextDirty(last) == Opt{last});
            CHECK(bm.nextDirty(size) == kNoPos);
            CHECK(bm.nextZero(lastStart) == kNoPos);
            CHECK(bm.nextZero(last) == kNoPos);
            CHECK(bm.nextDirtyArea(0, size, kToEnd) == area(lastStart, size - lastStart));
            CHECK(iterateAll(bm) == std::vector<uint64_t>{lastStart});
            CHECK(iterateAll(bm, last) == std::vector<uint64_t>{lastStart});
            CHECK_THROWS_AS(bm.iterate(size), std::out_of_range);
            CHECK_THROWS_AS(bm.set(lastStart + gran, 1), std::out_of_range);
            bm.reset(lastStart, size - lastStart);
            CHECK(bm.empty());

            // Everything.
            bm.set(0, size);
            CHECK(bm.count() == bits << g);
            CHECK(bm.get(0));
            CHECK(bm.get(last));
            CHECK(bm.nextZero(0) == kNoPos);
            CHECK(bm.nextZero(last) == kNoPos);
            CHECK(bm.nextDirty(0) == Opt{0});
            CHECK(bm.nextDirty(last) == Opt{last});
            CHECK(bm.nextDirtyArea(0, kToEnd, kToEnd) == area(0, size));
            {
                const auto all = iterateAll(bm);
                REQUIRE(all.size() == bits);
                CHECK(all.front() == 0);
                CHECK(all.back() == lastStart);
                if (bits > 1)
                    CHECK(all[1] == gran);
            }
            bm.reset(0, size);
            CHECK(bm.empty());
            CHECK(bm.nextDirty(0) == kNoPos);
            CHECK(bm.nextZero(last) == Opt{last});
            CHECK(iterateAll(bm).empty());

            // Single bits at word edges.
            for (uint64_t b : edgeBits) {
                if (b >= bits)
                    continue;
                CAPTURE(b);
                const uint64_t pos = b << g;
                const bool isLast = b + 1 == bits;
                bm.set(pos, 1);
                CHECK(bm.count() == gran);
                CHECK(bm.get(pos));
                CHECK(bm.nextDirty(0) == Opt{pos});
                CHECK(bm.nextDirty(pos) == Opt{pos});
                CHECK(bm.nextDirty(0, pos) == kNoPos);
                CHECK(bm.nextDirty(0, pos + 1) == Opt{pos});
                if (!isLast) {
                    CHECK(bm.nextDirty(pos + gran) == kNoPos);
                    CHECK(bm.nextZero(pos) == Opt{pos + gran});
                    CHECK_FALSE(bm.get(pos + gran));
                } else {
                    CHECK(bm.nextZero(pos) == kNoPos);
                }
                if (b > 0) {
                    CHECK_FALSE(bm.get(pos - 1));
                    CHECK(bm.nextZero(pos - 1) == Opt{pos - 1});
                }
                CHECK(iterateAll(bm) == std::vector<uint64_t>{pos});
                CHECK(iterateAll(bm, pos) == std::vector<uint64_t>{pos});
                bm.reset(pos, gran);
                CHECK(bm.empty());
            }
        }
    }
}

TEST_CASE("HBitmap iterator starting inside a set granule returns the granule start", "[hbitmap][iterator]")
{
    HBitmap bm(1000, 4);
    bm.set(32, 16); // granule 2
    auto it = bm.iterate(40);
    CHECK(it.next() == Opt{32});
    CHECK(it.next() == kNoPos);
    CHECK(it.next() == kNoPos);

    bm.set(100, 1); // granule 6 = items 96..111
    CHECK(iterateAll(bm, 47) == std::vector<uint64_t>{32, 96});
    CHECK(iterateAll(bm, 48) == std::vector<uint64_t>{96});
    CHECK(iterateAll(bm, 111) == std::vector<uint64_t>{96});
    CHECK(iterateAll(bm, 112).empty());
}

TEST_CASE("HBitmap iterator after resetAll returns nothing", "[hbitmap][iterator]")
{
    HBitmap bm(100000, 0);
    bm.set(10, 1);
    bm.set(70000, 500);
    auto it = bm.iterate(0);
    CHECK(it.next() == Opt{10});
    bm.resetAll();
    CHECK(it.next() == kNoPos);
    CHECK(it.next() == kNoPos);

    bm.set(5, 1);
    auto fresh = bm.iterate(0);
    bm.resetAll();
    CHECK(fresh.next() == kNoPos);
}

TEST_CASE("HBitmap iterator returns bits set ahead of it and survives a truncate", "[hbitmap][iterator]")
{
    HBitmap bm(1000, 0);
    bm.set(3, 1);
    bm.set(130, 1);
    auto it = bm.iterate(0);
    CHECK(it.next() == Opt{3});
    bm.set(10, 1);   // same word, ahead of the iterator
    bm.set(2, 1);    // same word, behind it
    bm.set(64, 1);   // a word it has not reached
    CHECK(it.next() == Opt{10});
    CHECK(it.next() == Opt{64});
    CHECK(it.next() == Opt{130});
    CHECK(it.next() == kNoPos);

    // A truncate that drops the word the iterator is in, and everything after it.
    bm.set(900, 1);
    auto cut = bm.iterate(200);
    CHECK(cut.next() == Opt{900});
    bm.set(950, 1);
    bm.truncate(300);
    CHECK(cut.next() == kNoPos);
    CHECK(cut.next() == kNoPos);

    // An iterator that ran out goes on from the old end when the bitmap grows, in order.
    HBitmap grow(100, 0);
    auto late = grow.iterate(0);
    CHECK(late.next() == kNoPos);
    grow.truncate(300);
    for (uint64_t b : {120, 150, 250})
        grow.set(b, 1);
    CHECK(late.next() == Opt{120});
    CHECK(late.next() == Opt{150});
    CHECK(late.next() == Opt{250});
    CHECK(late.next() == kNoPos);
}

TEST_CASE("HBitmap iterator never returns bits reset after it was made", "[hbitmap][iterator]")
{
    HBitmap bm(1000, 0);
    for (uint64_t b : {1, 5, 100, 200, 640})
        bm.set(b, 1);
    auto it = bm.iterate(0);
    bm.reset(100, 1);
    CHECK(it.next() == Opt{1});
    bm.reset(5, 1);
    bm.reset(640, 1);
    CHECK(it.next() == Opt{200});
    CHECK(it.next() == kNoPos);

    HBitmap g3(4096, 3);
    g3.set(0, 4096);
    auto it3 = g3.iterate(0);
    CHECK(it3.next() == Opt{0});
    g3.reset(8, 4096 - 8);
    CHECK(it3.next() == kNoPos);
}

TEST_CASE("HBitmap iterator walks across words and levels in order", "[hbitmap][iterator]")
{
    HBitmap bm(300000, 0);
    const std::vector<uint64_t> pos = {0, 63, 64, 127, 128, 4095, 4096, 4097, 262143, 262144, 299999};
    for (uint64_t p : pos)
        bm.set(p, 1);
    CHECK(iterateAll(bm) == pos);
    CHECK(iterateAll(bm, 64) == std::vector<uint64_t>(pos.begin() + 2, pos.end()));
    CHECK(iterateAll(bm, 65) == std::vector<uint64_t>(pos.begin() + 3, pos.end()));
    CHECK(iterateAll(bm, 4098) == std::vector<uint64_t>(pos.begin() + 8, pos.end()));
    CHECK(iterateAll(bm, 299999) == std::vector<uint64_t>{299999});
    CHECK(bm.count() == pos.size());
}

TEST_CASE("HBitmap iterate with first past the end throws out_of_range", "[hbitmap][iterator][errors]")
{
    HBitmap bm(100, 0);
    CHECK_THROWS_AS(bm.iterate(100), std::out_of_range);
    CHECK_THROWS_AS(bm.iterate(12345), std::out_of_range);
    CHECK_NOTHROW(bm.iterate(99));

    HBitmap g2(101, 2);
    CHECK_THROWS_AS(g2.iterate(101), std::out_of_range);
    CHECK_NOTHROW(g2.iterate(100));
}

TEST_CASE("HBitmap truncate keeps a granule that straddles the new end", "[hbitmap][truncate]")
{
    HBitmap bm(100, 2);
    bm.set(88, 1);
    bm.set(96, 4);
    REQUIRE(bm.count() == 8);

    bm.truncate(90);
    CHECK(bm.size() == 90);
    CHECK(bm.bitCount() == 23);
    CHECK(bm.count() == 4);
    CHECK(bm.get(88));
    CHECK(bm.get(89));
    CHECK_THROWS_AS(bm.get(90), std::out_of_range);
    CHECK(bm.nextDirty(0) == Opt{88});
    CHECK(iterateAll(bm) == std::vector<uint64_t>{88});

    bm.truncate(200);
    CHECK(bm.size() == 200);
    CHECK(bm.bitCount() == 50);
    CHECK(bm.count() == 4);
    CHECK(bm.get(88));
    CHECK_FALSE(bm.get(96));
    CHECK(bm.nextDirty(89) == Opt{89});
    CHECK(bm.nextDirty(92) == kNoPos);
    CHECK(iterateAll(bm) == std::vector<uint64_t>{88});
}

TEST_CASE("HBitmap truncate within the same bit count keeps the bits", "[hbitmap][truncate]")
{
    HBitmap bm(100, 2);
    bm.set(96, 4);
    bm.truncate(97);
    CHECK(bm.size() == 97);
    CHECK(bm.bitCount() == 25);
    CHECK(bm.count() == 4);
    CHECK(bm.get(96));
    CHECK_THROWS_AS(bm.get(97), std::out_of_range);
    CHECK(bm.nextDirty(0) == Opt{96});
    CHECK(bm.nextZero(96) == kNoPos);
    CHECK(bm.nextDirty(97) == kNoPos);
    CHECK(bm.nextZero(97) == kNoPos);
    CHECK(bm.nextDirtyArea(90, 200, 100) == area(96, 1));
    CHECK(iterateAll(bm, 96) == std::vector<uint64_t>{96});
    CHECK_THROWS_AS(bm.iterate(97), std::out_of_range);

    bm.truncate(100);
    CHECK(bm.count() == 4);
    CHECK(bm.get(99));
}

TEST_CASE("HBitmap truncate at granularity 0 keeps the padding clean", "[hbitmap][truncate]")
{
    HBitmap bm(200, 0);
    bm.set(0, 200);
    bm.truncate(70);
    CHECK(bm.bitCount() == 70);
    CHECK(bm.count() == 70);
    CHECK(iterateAll(bm).size() == 70);
    CHECK(bm.nextZero(0) == kNoPos);

    bm.truncate(200);
    CHECK(bm.count() == 70);
    CHECK(bm.nextZero(0) == Opt{70});
    CHECK(bm.nextDirty(70) == kNoPos);
    CHECK(iterateAll(bm).size() == 70);
    bm.set(199, 1);
    CHECK(bm.count() == 71);
    CHECK(iterateAll(bm, 70) == std::vector<uint64_t>{199});
}

TEST_CASE("HBitmap truncate to zero and back", "[hbitmap][truncate]")
{
    HBitmap bm(5000, 3);
    bm.set(0, 5000);
    bm.truncate(0);
    CHECK(bm.size() == 0);
    CHECK(bm.bitCount() == 0);
    CHECK(bm.count() == 0);
    CHECK(bm.empty());
    CHECK(bm.nextDirty(0) == kNoPos);

    bm.truncate(300000);
    CHECK(bm.bitCount() == 37500);
    CHECK(bm.empty());
    CHECK(bm.nextDirty(0) == kNoPos);
    CHECK(bm.nextZero(299999) == Opt{299999});
    bm.set(299999, 1);
    CHECK(iterateAll(bm) == std::vector<uint64_t>{299992});
}

TEST_CASE("HBitmap truncate growing keeps the old bits and adds clear ones", "[hbitmap][truncate]")
{
    HBitmap bm(100, 0);
    bm.set(0, 100);
    bm.truncate(5000);
    CHECK(bm.bitCount() == 5000);
    CHECK(bm.count() == 100);
    CHECK(bm.nextZero(0) == Opt{100});
    CHECK(bm.nextDirty(100) == kNoPos);
    CHECK(bm.nextDirtyArea(0, kToEnd, kToEnd) == area(0, 100));
    bm.set(4999, 1);
    CHECK(bm.nextDirty(100) == Opt{4999});
}

TEST_CASE("HBitmap moved from is an empty bitmap of size 0, usable again after truncate", "[hbitmap][move]")
{
    for (const bool assign : {false, true}) {
        INFO((assign ? "move assignment" : "move construction"));
        HBitmap source(1 << 20, 4);
        source.set(1000, 5000);
        source.createMeta(16);
        source.enableDensityIndex(10);
        const uint64_t count = source.count();
        const std::string digest = source.sha256();

        HBitmap target(64, 0);
        if (assign) {
            target = std::move(source);
        } else {
            HBitmap moved(std::move(source));
            target = HBitmap(moved);  // a copy: the bits, no meta bitmap
            CHECK(moved.meta() != nullptr);
        }
        CHECK(target.count() == count);
        CHECK(target.sha256() == digest);

        // The moved-from bitmap: well defined everywhere, nothing to find, positions out of range.
        CHECK(source.size() == 0);
        CHECK(source.bitCount() == 0);
        CHECK(source.count() == 0);
        CHECK(source.empty());
        CHECK(source.meta() == nullptr);
        CHECK_FALSE(source.hasDensityIndex());
        CHECK(source.nextDirty(0) == kNoPos);
        CHECK(source.nextZero(0) == kNoPos);
        CHECK_FALSE(source.nextDirtyArea(0, kToEnd, kToEnd).has_value());
        CHECK_THROWS_AS(source.get(0), std::out_of_range);
        CHECK_THROWS_AS(source.set(0, 1), std::out_of_range);
        CHECK_THROWS_AS(source.iterate(0), std::out_of_range);
        CHECK(source.words().empty());
        CHECK(source.memoryBytes() == 0);
        source.resetAll();

        // truncate() gives it bits again.
        source.truncate(4096);
        CHECK(source.size() == 4096);
        source.set(100, 1);
        CHECK(source.get(100));
        CHECK(source.nextDirty(0) == Opt{96});
        CHECK(source.count() == 16);
    }
}

TEST_CASE("HBitmap: a thread may release its digest state and take digests again", "[hbitmap][sha256]")
{
    HBitmap bm(1 << 20, 0);
    bm.set(0, 1000);
    const std::string expected = bm.sha256();
    std::string first, second;
    std::thread t([&] {
        first = bm.sha256();
        bitmig::releaseThreadDigestState();
        second = bm.sha256();  // the library sets its state up again
        bitmig::releaseThreadDigestState();
    });
    t.join();
    CHECK(first == expected);
    CHECK(second == expected);
}
