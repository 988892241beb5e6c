#include "hbitmap_test_util.hpp"

#include <bitmig/dirtyextents.h>
#include <bitmig/hbitmap.h>

#include <catch2/catch.hpp>

#include <random>
#include <vector>

using bitmig::dirtyExtents;
using bitmig::HBitmap;
using bitmig::Range;

TEST_CASE("dirtyExtents: empty, merged runs and the clipped tail", "[dirtyextents]")
{
    HBitmap bm(1000 * 512 + 100, 9); // the last granule covers only 100 bytes
    CHECK(dirtyExtents(bm).empty());

    bm.set(0, 1);          // granule 0
    bm.set(512, 512);      // granule 1: touches granule 0, one run
    bm.set(5 * 512 + 3, 2);
    bm.set(999 * 512, 612); // the last two granules, clipped to the size
    const std::vector<Range> expected{{0, 1024}, {5 * 512, 512}, {999 * 512, 612}};
    CHECK(dirtyExtents(bm) == expected);
}

TEST_CASE("dirtyExtents: matches a granule-by-granule walk on random bitmaps", "[dirtyextents]")
{
    std::mt19937_64 rng(20240611);
    for (int round = 0; round < 50; ++round) {
        const unsigned g = unsigned(rng() % 4);
        const uint64_t size = 1 + rng() % 20000;
        HBitmap bm(size, g);
        for (int i = 0; i < 40; ++i) {
            const uint64_t start = rng() % size;
            bm.set(start, 1 + rng() % std::min<uint64_t>(size - start, 300));
        }
        std::vector<Range> walk;
        for (uint64_t item = 0; item < size; ++item) {
            if (!bm.get(item)) {
                continue;
            }
            if (!walk.empty() && walk.back().start + walk.back().count == item) {
                ++walk.back().count;
            } else {
                walk.push_back(Range{item, 1});
            }
        }
        INFO("size " << size << ", granularity " << g);
        CHECK(dirtyExtents(bm) == walk);
    }
}

TEST_CASE("bitmapFromExtents: the inverse of dirtyExtents, and a run past the end is refused", "[dirtyextents]")
{
    std::mt19937_64 rng(20261206);
    for (int round = 0; round < 30; ++round) {
        const unsigned g = unsigned(rng() % 4);
        const uint64_t size = 1 + rng() % 20000;
        HBitmap bm(size, g);
        for (int i = 0; i < 30; ++i) {
            const uint64_t start = rng() % size;
            bm.set(start, 1 + rng() % std::min<uint64_t>(size - start, 300));
        }
        const HBitmap rebuilt = bitmig::bitmapFromExtents(size, g, dirtyExtents(bm));
        INFO("size " << size << ", granularity " << g);
        CHECK(rebuilt.sha256() == bm.sha256());
        CHECK(rebuilt.count() == bm.count());
    }
    CHECK_THROWS_AS(bitmig::bitmapFromExtents(4096, 9, {{4000, 97}}), std::out_of_range);
}

TEST_CASE("diffExtents: the runs that turned dirty and clean, against a bit-by-bit comparison", "[dirtyextents]")
{
    const std::vector<Range> before{{0, 100}, {200, 50}, {400, 10}};
    const std::vector<Range> after{{50, 100}, {200, 50}, {300, 5}};
    const bitmig::ExtentChanges c = bitmig::diffExtents(before, after);
    CHECK(c.dirtied == std::vector<Range>{{100, 50}, {300, 5}});
    CHECK(c.cleaned == std::vector<Range>{{0, 50}, {400, 10}});

    std::mt19937_64 rng(7);
    for (int round = 0; round < 50; ++round) {
        const uint64_t size = 1 + rng() % 5000;
        HBitmap a(size, 0);
        HBitmap b(size, 0);
        for (int i = 0; i < 20; ++i) {
            const uint64_t s1 = rng() % size;
            a.set(s1, 1 + rng() % std::min<uint64_t>(size - s1, 200));
            const uint64_t s2 = rng() % size;
            b.set(s2, 1 + rng() % std::min<uint64_t>(size - s2, 200));
        }
        std::vector<Range> dirtied;
        std::vector<Range> cleaned;
        auto add = [](std::vector<Range>& v, uint64_t item) {
            if (!v.empty() && v.back().start + v.back().count == item) {
                ++v.back().count;
            } else {
                v.push_back(Range{item, 1});
            }
        };
        for (uint64_t item = 0; item < size; ++item) {
            if (b.get(item) && !a.get(item)) {
                add(dirtied, item);
            } else if (a.get(item) && !b.get(item)) {
                add(cleaned, item);
            }
        }
        const bitmig::ExtentChanges d = bitmig::diffExtents(dirtyExtents(a), dirtyExtents(b));
        INFO("round " << round << ", size " << size);
        CHECK(d.dirtied == dirtied);
        CHECK(d.cleaned == cleaned);
    }
}
