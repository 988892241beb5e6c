// HBitmap density index: every block count equals a recount from the bottom-level words after
// every kind of operation, and the summary levels equal a rebuild from the bottom level. Also the
// walks over bitmaps of many summary groups, whose search reads those levels.
#include "hbitmap_test_util.hpp"

#include <algorithm>
#include <bit>
#include <span>
#include <string>

using namespace bitmig_test;

namespace {


// The density counts recomputed from words(), one block of 2^log2 bits at a time.
std::vector<uint64_t> recountDensity(const HBitmap& bm)
{
    const unsigned log2 = bm.densityBlockLog2();
    const auto words = bm.words();
    const uint64_t blocks = std::max<uint64_t>(((bm.bitCount() + (uint64_t(1) << log2) - 1) >> log2), 1);
    std::vector<uint64_t> out(blocks, 0);
    for (uint64_t i = 0; i < words.size(); ++i) {
        out[(i << 6) >> log2] += unsigned(std::popcount(words[i]));
    }
    return out;
}

// Bit j of summary level k is set iff word j of level k+1 is non-zero.
bool summaryConsistent(const HBitmap& bm)
{
    for (unsigned level = HBitmap::kLevels - 1; level > 0; --level) {
        const auto child = bm.levelWords(level);
        const auto parent = bm.levelWords(level - 1);
        for (uint64_t w = 0; w < parent.size() * 64; ++w) {
            const bool want = w < child.size() && child[w] != 0;
            if (((parent[w >> 6] >> (w & 63)) & 1) != uint64_t(want))
                return false;
        }
    }
    return true;
}

void checkIndex(const HBitmap& bm, const std::string& what)
{
    INFO(what);
    REQUIRE(bm.hasDensityIndex());
    const auto blocks = bm.densityBlocks();
    const std::vector<uint64_t> have(blocks.begin(), blocks.end());
    REQUIRE(have == recountDensity(bm));
    REQUIRE(summaryConsistent(bm));
    uint64_t total = 0;
    for (uint64_t b : have)
        total += b;
    REQUIRE((total << bm.granularity()) == bm.count());
}

// A range of granules [first, first + n) as items, clipped to the bitmap.
struct ItemRange {
    uint64_t start;
    uint64_t count;
};

ItemRange granuleRange(const HBitmap& bm, uint64_t first, uint64_t n)
{
    const unsigned g = bm.granularity();
    n = std::min(n, bm.bitCount() - first);
    const uint64_t start = first << g;
    const uint64_t end = std::min((first + n) << g, bm.size());
    return {start, end - start};
}

// Ranges from one bit to several density blocks and several 4096-bit summary groups.
uint64_t randomLength(Rng& rng)
{
    switch (rng.below(4)) {
    case 0:
        return 1 + rng.below(64);
    case 1:
        return 1 + rng.below(1024);
    case 2:
        return 1 + rng.below(20000);
    default:
        return 4096 * (1 + rng.below(6));
    }
}

void randomOperation(HBitmap& bm, Rng& rng, std::string& what)
{
    const unsigned g = bm.granularity();
    const uint64_t bits = bm.bitCount();
    const uint64_t first = rng.below(bits);
    const ItemRange r = granuleRange(bm, first, randomLength(rng));
    const uint64_t align = bm.serializationAlign();
    switch (rng.below(8)) {
    case 0:
    case 1:
    case 2:
        what = "set " + std::to_string(r.start) + " " + std::to_string(r.count);
        bm.set(r.start, r.count);
        break;
    case 3:
    case 4:
        what = "reset " + std::to_string(r.start) + " " + std::to_string(r.count);
        bm.reset(r.start, r.count);
        break;
    case 5: {
        // A serialized chunk of random words, aligned as serialization requires.
        const uint64_t start = (r.start / align) * align;
        const uint64_t count = std::min(align * (1 + rng.below(200)), bm.size() - start);
        std::vector<uint8_t> buf(bm.serializationSize(start, count));
        for (auto& b : buf)
            b = rng.below(3) == 0 ? uint8_t(rng.next()) : 0;
        const bool finish = rng.below(2) == 0;
        what = "deserializePart " + std::to_string(start) + " " + std::to_string(count);
        bm.deserializePart(buf, start, count, finish);
        break;
    }
    case 6: {
        const uint64_t start = (r.start / align) * align;
        const uint64_t count = std::min(align * (1 + rng.below(200)), bm.size() - start);
        const bool ones = rng.below(2) == 0;
        what = std::string(ones ? "deserializeOnes " : "deserializeZeroes ") + std::to_string(start) + " " +
               std::to_string(count);
        if (ones)
            bm.deserializeOnes(start, count, false);
        else
            bm.deserializeZeroes(start, count, false);
        break;
    }
    default: {
        // A merge from a bitmap of the same size, at the same or a finer/coarser granularity.
        const unsigned og = rng.below(2) == 0 ? g : (g == 0 ? 1 : g - 1);
        HBitmap other(bm.size(), og);
        for (int i = 0; i < 4; ++i) {
            const uint64_t ob = rng.below(other.bitCount());
            const uint64_t on = std::min(randomLength(rng), other.bitCount() - ob);
            other.set(ob << og, std::min(on << og, other.size() - (ob << og)));
        }
        what = "merge at granularity " + std::to_string(og);
        bm.merge(other);
        break;
    }
    }
}

} // namespace

TEST_CASE("HBitmap density index equals a recount after random operations", "[hbitmap][density]")
{
    // Block sizes below, at and above one summary group (4096 bits = 64 words).
    const unsigned log2Blocks[] = {6, 9, 12, 13, 14};
    const struct {
        uint64_t size;
        unsigned g;
    } shapes[] = {{uint64_t(1) << 17, 0}, {(uint64_t(1) << 19) + 12345, 2}, {uint64_t(3) << 16, 0}};
    for (const auto& shape : shapes) {
        for (const unsigned log2 : log2Blocks) {
            Rng rng{shape.size * 31 + log2};
            HBitmap bm(shape.size, shape.g);
            bm.enableDensityIndex(log2);
            checkIndex(bm, "fresh");
            for (int op = 0; op < 300; ++op) {
                std::string what;
                randomOperation(bm, rng, what);
                checkIndex(bm, "size " + std::to_string(shape.size) + " g " + std::to_string(shape.g) +
                                   " block 2^" + std::to_string(log2) + ", op " + std::to_string(op) + ": " +
                                   what);
            }
            bm.deserializeFinish();
            checkIndex(bm, "after deserializeFinish");
        }
    }
}

TEST_CASE("HBitmap density index after a set over several clean summary groups", "[hbitmap][density]")
{
    // 2^16 bits, blocks of 2^13 bits: one set covering several whole 4096-bit groups that
    // were clean, so any recount that trusts stale summary bits misses them.
    HBitmap bm(uint64_t(1) << 16, 0);
    bm.enableDensityIndex(13);
    bm.set(100, 30000);
    checkIndex(bm, "set 100 30000");
    REQUIRE(bm.densityBlocks()[1] == 8192);
    bm.reset(8192, 8192 * 2);
    checkIndex(bm, "reset 8192 16384");
    bm.deserializeOnes(0, uint64_t(1) << 15, true);
    checkIndex(bm, "deserializeOnes 0 32768");
}

TEST_CASE("HBitmap density index after truncate, resetAll, copy and enable", "[hbitmap][density]")
{
    Rng rng{7};
    HBitmap bm((uint64_t(1) << 18) + 77, 1);
    bm.enableDensityIndex(10);
    for (int i = 0; i < 50; ++i) {
        std::string what;
        randomOperation(bm, rng, what);
    }
    checkIndex(bm, "setup");
    bm.truncate(bm.size() / 3 + 5);
    checkIndex(bm, "truncate shrink");
    bm.set(0, bm.size());
    checkIndex(bm, "set all");
    bm.truncate(bm.size() * 5);
    checkIndex(bm, "truncate grow");
    bm.set(bm.size() - 100000, 100000);
    checkIndex(bm, "set the tail");
    const HBitmap copy = bm;
    checkIndex(copy, "copy");
    bm.resetAll();
    checkIndex(bm, "resetAll");

    // Enabling the index on a bitmap that already has bits counts them.
    HBitmap late = copy;
    late.disableDensityIndex();
    REQUIRE_FALSE(late.hasDensityIndex());
    late.enableDensityIndex(15);
    checkIndex(late, "enabled late");
}

// The walks (nextDirty, the iterator, nextDirtyArea) over a bitmap of many 4096-bit summary
// groups, with sparse, clustered and dense dirt: each finds exactly the set bits of words().
TEST_CASE("HBitmap walks find every set bit across many summary groups", "[hbitmap][queries]")
{
    for (const unsigned g : {0u, 3u}) {
        for (const uint64_t seed : {1u, 2u, 3u}) {
            HBitmap bm((uint64_t(1) << 21) - 5, g);  // 2^21 bits: 512 groups, the last one partial
            Rng rng{seed * 1000 + g};
            const uint64_t bits = bm.bitCount();
            const uint64_t clusters = seed == 1 ? 20 : seed == 2 ? 2000 : 40000;
            for (uint64_t c = 0; c < clusters; ++c) {
                const uint64_t first = rng.below(bits);
                const uint64_t n = std::min<uint64_t>(1 + rng.below(seed == 3 ? 3 : 40), bits - first);
                bm.set(first << g, std::min(n << g, bm.size() - (first << g)));
            }
            bm.set((bits - 1) << g, 1);  // the last granule
            std::vector<uint64_t> want;
            const auto words = bm.words();
            for (uint64_t i = 0; i < words.size(); ++i)
                for (uint64_t x = words[i]; x; x &= x - 1)
                    want.push_back((i << 6) + unsigned(std::countr_zero(x)));

            std::vector<uint64_t> byNext, byArea;
            uint64_t pos = 0;
            while (const auto p = bm.nextDirty(pos)) {
                byNext.push_back(*p >> g);
                pos = *p + (uint64_t(1) << g);
            }
            pos = 0;
            while (const auto a = bm.nextDirtyArea(pos, bm.size(), kToEnd)) {
                for (uint64_t b = a->start >> g; b <= (a->start + a->count - 1) >> g; ++b)
                    byArea.push_back(b);
                pos = a->start + a->count;
            }
            const std::vector<uint64_t> byIter = iterateAll(bm);
            INFO("g " << g << " seed " << seed << ", " << want.size() << " set bits");
            REQUIRE(byNext == want);
            REQUIRE(byIter == granuleStarts(want, g));
            REQUIRE(byArea == want);

            // From random starts, bounded counts: the first set granule in range, or none.
            for (int q = 0; q < 2000; ++q) {
                const uint64_t start = rng.below(bm.size());
                const uint64_t count = 1 + rng.below(uint64_t(1) << (g + 14));
                const auto it = std::lower_bound(want.begin(), want.end(), start >> g);
                const uint64_t end = start + std::min(count, bm.size() - start);
                const Opt expect = it != want.end() && (*it << g) < end ? Opt{std::max(start, *it << g)} : kNoPos;
                REQUIRE(bm.nextDirty(start, count) == expect);
            }
        }
    }
}

TEST_CASE("HBitmap density index: blocks up to 2^31 bits, counted in 32 bits", "[hbitmap][density]")
{
    // The counters are 32 bits wide: a block of 2^31 bits still fits, a larger one is refused.
    HBitmap bm(uint64_t(3) << 30, 0);  // 1.5 blocks of 2^31 bits, the last one partial
    CHECK_THROWS_AS(bm.enableDensityIndex(32), std::invalid_argument);
    CHECK_THROWS_AS(bm.enableDensityIndex(5), std::invalid_argument);
    bm.set((uint64_t(1) << 31) - 64, 128);  // across the two blocks
    bm.enableDensityIndex(31);
    REQUIRE(bm.densityBlocks().size() == 2);
    CHECK(bm.densityBlocks()[0] == 64);
    CHECK(bm.densityBlocks()[1] == 64);
    bm.set(uint64_t(1) << 30, uint64_t(1) << 20);  // inside the first block, by the one-word path and the range path
    bm.set(5, 1);
    CHECK(bm.densityBlocks()[0] == 64 + (uint64_t(1) << 20) + 1);
    CHECK(bm.densityBlocks()[1] == 64);
}
