// The paths that work a group of 64 bottom words at a time (the words under one summary word):
// deserializePart's copy, count and summary update per group, and the searches that step to a
// later word of the same group through the summary word, inline. Each is checked against a plain
// model of the bits and against summary levels rebuilt from scratch.
#include "hbitmap_test_util.hpp"

#include <algorithm>
#include <bit>
#include <cstring>
#include <span>

using namespace bitmig_test;

namespace {

// The bits as bytes of little-endian words, the serialization of the whole bitmap.
std::vector<uint8_t> bytesOf(const std::vector<uint64_t>& words)
{
    std::vector<uint8_t> out(words.size() * 8);
    for (size_t i = 0; i < words.size(); ++i) {
        for (int b = 0; b < 8; ++b) {
            out[i * 8 + size_t(b)] = uint8_t(words[i] >> (8 * b));
        }
    }
    return out;
}

// A bitmap with exactly `words` as its bottom level, its summary and count built by the full
// rebuild of deserializeFinish(): the reference the per-part updates must match.
HBitmap rebuilt(uint64_t size, unsigned g, const std::vector<uint64_t>& words)
{
    HBitmap ref(size, g);
    ref.deserializePart(bytesOf(words), 0, size, true);
    return ref;
}

void requireSameLevels(const HBitmap& bm, const HBitmap& ref)
{
    REQUIRE(bm.count() == ref.count());
    REQUIRE(bm.empty() == ref.empty());
    for (unsigned l = 0; l < HBitmap::kLevels; ++l) {
        INFO("level " << l);
        const auto a = bm.levelWords(l), b = ref.levelWords(l);
        REQUIRE(std::vector<uint64_t>(a.begin(), a.end()) == std::vector<uint64_t>(b.begin(), b.end()));
    }
}

// A word of random kind: zero, all ones, one bit, or random bits.
uint64_t randomWord(Rng& rng)
{
    switch (rng.below(4)) {
    case 0:
        return 0;
    case 1:
        return ~uint64_t(0);
    case 2:
        return uint64_t(1) << rng.below(64);
    default:
        return rng.next();
    }
}

} // namespace

TEST_CASE("HBitmap deserializePart keeps every summary level and the count exact after each part",
          "[hbitmap][serialize][extension]")
{
    // Sizes with several levels of summary in use (2^20 bits: 16384 words, 256 summary words, 4
    // above), a tail word with padding, and granularities with and without items per bit.
    struct Shape {
        uint64_t size;
        unsigned g;
    };
    const Shape shapes[] = {{uint64_t(1) << 20, 0}, {(uint64_t(1) << 20) - 37, 0}, {(uint64_t(3) << 18) + 5, 2}};
    for (const Shape& shape : shapes) {
        for (uint64_t seed = 1; seed <= 3; ++seed) {
            INFO("size " << shape.size << ", granularity " << shape.g << ", seed " << seed);
            Rng rng{seed * 104729 + shape.size};
            HBitmap bm(shape.size, shape.g);
            const uint64_t nwords = (bm.bitCount() + 63) / 64;
            const uint64_t tailBits = bm.bitCount() % 64;
            const uint64_t tailMask = tailBits ? ~uint64_t(0) >> (64 - tailBits) : ~uint64_t(0);
            std::vector<uint64_t> model(nwords, 0);
            // Start from scattered dirt, so that parts land on clean and dirty groups alike.
            for (int k = 0; k < 200; ++k) {
                const uint64_t item = rng.below(shape.size);
                bm.set(item, 1);
                const uint64_t b = item >> shape.g;
                model[b / 64] |= uint64_t(1) << (b % 64);
            }
            const uint64_t align = bm.serializationAlign();
            for (int part = 0; part < 60; ++part) {
                // 1..300 words from a random word: within a group, across groups, up to the tail.
                const uint64_t w0 = rng.below(nwords);
                const uint64_t n = 1 + rng.below(std::min<uint64_t>(300, nwords - w0));
                std::vector<uint64_t> words(n);
                const uint64_t kind = rng.below(4);
                for (auto& w : words) {
                    w = kind == 0 ? 0 : kind == 1 ? ~uint64_t(0) : randomWord(rng);
                }
                const uint64_t start = w0 * align;
                const uint64_t count = w0 + n == nwords ? shape.size - start : n * align;
                INFO("part " << part << ": words " << w0 << ".." << w0 + n - 1 << ", kind " << kind);
                bm.deserializePart(bytesOf(words), start, count, false);
                for (uint64_t i = 0; i < n; ++i) {
                    model[w0 + i] = words[i];
                }
                model[nwords - 1] &= tailMask;  // the padding past bitCount() stays zero
                const auto bottom = bm.words();
                REQUIRE(std::vector<uint64_t>(bottom.begin(), bottom.end()) == model);
                requireSameLevels(bm, rebuilt(shape.size, shape.g, model));
            }
        }
    }
}

TEST_CASE("HBitmap deserializePart of zeroes clears the summary up through every level it emptied",
          "[hbitmap][serialize][extension]")
{
    // One set bit in a bitmap of 2^24 bits: every level above the bottom holds one bit for it. A
    // part of zeroes over its word must clear every one of them; a part with one bit must set them
    // again.
    const uint64_t size = uint64_t(1) << 24;
    HBitmap bm(size, 0);
    const uint64_t bit = (uint64_t(1) << 23) + 4096 * 3 + 64 * 5 + 7;
    bm.set(bit, 1);
    const uint64_t align = bm.serializationAlign();
    const uint64_t w = bit / 64;
    const std::vector<uint8_t> zeroes(8 * 64, 0);
    bm.deserializePart(zeroes, (w / 64) * 64 * align, 64 * align, false);
    CHECK(bm.count() == 0);
    CHECK(bm.empty());
    for (unsigned l = 0; l < HBitmap::kLevels; ++l) {
        const auto words = bm.levelWords(l);
        INFO("level " << l);
        CHECK(std::all_of(words.begin(), words.end(), [](uint64_t x) { return x == 0; }));
    }
    CHECK(bm.nextDirty(0) == kNoPos);

    std::vector<uint8_t> one(8, 0);
    one[0] = 0x80;  // bit 7 of the word
    bm.deserializePart(one, w * align, align, false);
    CHECK(bm.count() == 1);
    CHECK(bm.nextDirty(0) == Opt{w * 64 + 7});
    requireSameLevels(bm, rebuilt(size, 0, [&] {
                          std::vector<uint64_t> words(size / 64, 0);
                          words[w] = uint64_t(1) << 7;
                          return words;
                      }()));
}

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
