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
