// The paths that work a group of 64 bottom words at a time (the words under one summary word):
// the searches that step to a later word of the same group through the summary word, inline.
// Each is checked against a plain model of the bits.
#include "hbitmap_test_util.hpp"

#include <algorithm>

using namespace bitmig_test;

TEST_CASE("HBitmap nextDirty and the iterator step through the words of one group and beyond",
          "[hbitmap][queries]")
{
    // Two groups of 64 words (8192 bits) and a partial third; granularity 1 so that items and
    // bits differ. Bits in words 0, 1, 5 and 63 of the first group, 64 and 127 of the second.
    const unsigned g = 1;
    const uint64_t bits = 128 * 64 + 100;
    HBitmap bm(bits << g, g);
    const std::vector<uint64_t> set = {3, 64, 70, 5 * 64 + 63, 63 * 64, 64 * 64 + 1, 127 * 64 + 63, 128 * 64 + 99};
    for (const uint64_t b : set) {
        bm.set(b << g, 1);
    }
    // Every start, with counts that end just before, at and after the next set bit.
    for (uint64_t start = 0; start < (bits << g); ++start) {
        const uint64_t b = start >> g;
        const auto next = std::lower_bound(set.begin(), set.end(), b);
        INFO("start " << start);
        if (next == set.end()) {
            CHECK(bm.nextDirty(start) == kNoPos);
            continue;
        }
        const uint64_t expected = std::max(start, *next << g);
        CHECK(bm.nextDirty(start) == Opt{expected});
        CHECK(bm.nextDirty(start, expected - start + 1) == Opt{expected});
        if (expected > start) {
            CHECK(bm.nextDirty(start, expected - start) == kNoPos);
        }
    }
    CHECK(iterateAll(bm) == granuleStarts(set, g));

    // Bits reset after the iterator was made, in later words of its group, are not returned;
    // bits set there are.
    auto it = bm.iterate(0);
    CHECK(it.next() == Opt{3 << g});
    bm.reset(64 << g, 1 << g);
    bm.reset(70 << g, 1 << g);
    bm.set((40 * 64 + 2) << g, 1);
    CHECK(it.next() == Opt{(5 * 64 + 63) << g});
    CHECK(it.next() == Opt{(40 * 64 + 2) << g});
    bm.reset((63 * 64) << g, 1 << g);
    CHECK(it.next() == Opt{(64 * 64 + 1) << g});
    CHECK(it.next() == Opt{(127 * 64 + 63) << g});
    CHECK(it.next() == Opt{(128 * 64 + 99) << g});
    CHECK(it.next() == kNoPos);
    CHECK(it.next() == kNoPos);
}
