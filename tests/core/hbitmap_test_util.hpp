// Shared helpers for the HBitmap unit tests.
#pragma once

#ifndef CATCH_CONFIG_ENABLE_OPTIONAL_STRINGMAKER
#define CATCH_CONFIG_ENABLE_OPTIONAL_STRINGMAKER
#endif
#include <bitmig/hbitmap.h>
#include <catch2/catch.hpp>
#include <cstdint>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace Catch {
template <> struct StringMaker<bitmig::Range> {
    static std::string convert(const bitmig::Range& r)
    {
        std::ostringstream os;
        os << "Range{start " << r.start << ", count " << r.count << "}";
        return os.str();
    }
};
} // namespace Catch

namespace bitmig_test {

using bitmig::HBitmap;
using bitmig::kToEnd;
using bitmig::Range;
using Opt = std::optional<uint64_t>;
using OptRange = std::optional<Range>;

inline const Opt kNoPos{};
inline const OptRange kNoRange{};

inline OptRange area(uint64_t start, uint64_t count)
{
    return Range{start, count};
}

// Number of bottom-level bits for `size` items at granularity g: ceil(size / 2^g).
inline uint64_t bitsFor(uint64_t size, unsigned g)
{
    return size == 0 ? 0 : ((size - 1) >> g) + 1;
}

// Every value an iterator started at `first` returns, in order.
inline std::vector<uint64_t> iterateAll(const HBitmap& bm, uint64_t first = 0)
{
    std::vector<uint64_t> out;
    if (bm.size() == 0)
        return out;
    auto it = bm.iterate(first);
    while (auto v = it.next())
        out.push_back(*v);
    return out;
}

// Indices of the set bottom-level bits, read one by one through get().
inline std::vector<uint64_t> setGranules(const HBitmap& bm)
{
    std::vector<uint64_t> out;
    const unsigned g = bm.granularity();
    for (uint64_t b = 0; b < bm.bitCount(); ++b) {
        if (bm.get(b << g))
            out.push_back(b);
    }
    return out;
}

// Item positions of granules given by index: {b << g}.
inline std::vector<uint64_t> granuleStarts(const std::vector<uint64_t>& granules, unsigned g)
{
    std::vector<uint64_t> out;
    out.reserve(granules.size());
    for (uint64_t b : granules)
        out.push_back(b << g);
    return out;
}

// SplitMix64: a small seeded generator for the randomized HBitmap tests.
struct Rng {
    uint64_t state;
    uint64_t next()
    {
        uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    uint64_t below(uint64_t n) { return n == 0 ? 0 : next() % n; }
    bool chance(unsigned percent) { return below(100) < percent; }
};

} // namespace bitmig_test
