// The setup shared by the HBitmap benchmark's parts: the bitmap's shape, the options, the flat
// std::vector<uint64_t> baseline, the operations on ours, the cross-checks and the random inputs.
#pragma once

#include <bitmig/hbitmap.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <vector>

#include "bench_common.hpp"

namespace hbench {

using bitmig::HBitmap;
using namespace bench;

// ---- the setup ---------------------------------------------------------------------------

constexpr unsigned kGran = 16;                          // 64 KiB per bit
constexpr uint64_t kDiskBytes = uint64_t(16) << 40;     // 16 TiB
constexpr uint64_t kBits = kDiskBytes >> kGran;         // 2^28
constexpr uint64_t kWords = kBits / 64;                 // 2^22
constexpr uint64_t kRawBytes = kBits / 8;               // 32 MiB
constexpr uint64_t kChunkBits = 8192;                   // 1 KiB of serialized bitmap
constexpr uint64_t kChunkBytes = kChunkBits / 8;
constexpr uint64_t kChunkItems = kChunkBits << kGran;   // disk bytes covered by one chunk

struct Config {
    bool quick = false;
    int reps = 0;           // 0: the mode's default
    uint64_t seed = 20240611;
    uint64_t rangeOps = 0;  // set/reset operations per repetition
    uint64_t gets = 0;      // random get() positions per repetition
    uint64_t countCalls = 0;
    std::string only;       // comma-separated groups to run; empty: all
    bool runs(const char* group) const
    {
        if (only.empty()) {
            return true;
        }
        std::string list = ",", key = ",";
        list += only;
        list += ',';
        key += group;
        key += ',';
        return list.find(key) != std::string::npos;
    }
};

// One range operation in disk bytes.
struct Op {
    uint64_t start;
    uint64_t count;
};

// ---- flat baseline -----------------------------------------------------------------------

using Flat = std::vector<uint64_t>;

inline uint64_t maskFrom(unsigned lo) { return ~uint64_t(0) << lo; }
inline uint64_t maskTo(unsigned hi) { return ~uint64_t(0) >> (63 - hi); }

inline void flatSetBits(uint64_t* w, uint64_t first, uint64_t last)
{
    const uint64_t fw = first >> 6, lw = last >> 6;
    if (fw == lw) {
        w[fw] |= maskFrom(unsigned(first & 63)) & maskTo(unsigned(last & 63));
        return;
    }
    w[fw] |= maskFrom(unsigned(first & 63));
    for (uint64_t i = fw + 1; i < lw; ++i) {
        w[i] = ~uint64_t(0);
    }
    w[lw] |= maskTo(unsigned(last & 63));
}

inline void flatResetBits(uint64_t* w, uint64_t first, uint64_t last)
{
    const uint64_t fw = first >> 6, lw = last >> 6;
    if (fw == lw) {
        w[fw] &= ~(maskFrom(unsigned(first & 63)) & maskTo(unsigned(last & 63)));
        return;
    }
    w[fw] &= ~maskFrom(unsigned(first & 63));
    for (uint64_t i = fw + 1; i < lw; ++i) {
        w[i] = 0;
    }
    w[lw] &= ~maskTo(unsigned(last & 63));
}

inline void flatSetOps(Flat& f, const std::vector<Op>& ops)
{
    uint64_t* w = f.data();
    for (const Op& op : ops) {
        flatSetBits(w, op.start >> kGran, (op.start + op.count - 1) >> kGran);
    }
    escape(w);
}

inline void flatResetOps(Flat& f, const std::vector<Op>& ops)
{
    uint64_t* w = f.data();
    for (const Op& op : ops) {
        flatResetBits(w, op.start >> kGran, (op.start + op.count - 1) >> kGran);
    }
    escape(w);
}

inline uint64_t flatGets(const Flat& f, const std::vector<uint64_t>& items)
{
    const uint64_t* w = f.data();
    uint64_t n = 0;
    for (const uint64_t item : items) {
        const uint64_t bit = item >> kGran;
        n += (w[bit >> 6] >> (bit & 63)) & 1;
    }
    return n;
}

BENCH_POPCNT inline uint64_t flatPopcount(const uint64_t* w, uint64_t nwords)
{
    uint64_t n = 0;
    for (uint64_t i = 0; i < nwords; ++i) {
        n += POPC(w[i]);
    }
    return n;
}

struct Walk {
    uint64_t visited = 0;
    uint64_t sum = 0;   // sum of the visited granule indices
    friend bool operator==(const Walk&, const Walk&) = default;
};

// Visit every set bit: loop over the words, ctz over the bits of each.
inline Walk flatWalk(const Flat& f)
{
    Walk r;
    const uint64_t* w = f.data();
    const uint64_t n = f.size();
    for (uint64_t i = 0; i < n; ++i) {
        uint64_t x = w[i];
        while (x) {
            ++r.visited;
            r.sum += (i << 6) + CTZ(x);
            x &= x - 1;
        }
    }
    return r;
}

// ---- ours --------------------------------------------------------------------------------

inline void oursSetOps(HBitmap& hb, const std::vector<Op>& ops)
{
    for (const Op& op : ops) {
        hb.set(op.start, op.count);
    }
}

inline void oursResetOps(HBitmap& hb, const std::vector<Op>& ops)
{
    for (const Op& op : ops) {
        hb.reset(op.start, op.count);
    }
}

inline uint64_t oursGets(const HBitmap& hb, const std::vector<uint64_t>& items)
{
    uint64_t n = 0;
    for (const uint64_t item : items) {
        n += hb.get(item);
    }
    return n;
}
inline bool sameWords(const HBitmap& hb, const Flat& f)
{
    const auto w = hb.words();
    return w.size() == f.size() && std::memcmp(w.data(), f.data(), f.size() * 8) == 0;
}

inline void checkSame(const HBitmap& hb, const Flat& f, const std::string& what)
{
    check(sameWords(hb, f), what + ": the bottom-level words differ from the flat bitset");
    const uint64_t pc = flatPopcount(f.data(), f.size());
    check(hb.count() == (pc << kGran), what + ": count() " + std::to_string(hb.count()) +
                                           " != flat popcount " + std::to_string(pc) + " << 16");
}

// Loads the flat words into the bitmap in one deserializePart call (untimed setup).
inline void load(HBitmap& hb, const Flat& f)
{
    hb.deserializePart(std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(f.data()), f.size() * 8), 0,
                       hb.size(), true);
}

// Random dirty bits, each set independently with probability p (geometric gaps).
inline void randomBits(Flat& f, double p, Rng& rng)
{
    std::fill(f.begin(), f.end(), 0);
    if (p >= 1.0) {
        std::fill(f.begin(), f.end(), ~uint64_t(0));
        return;
    }
    const double logq = std::log1p(-p);
    uint64_t bit = 0;
    for (;;) {
        const double gap = std::floor(std::log(rng.unit()) / logq);
        if (gap >= double(kBits - bit)) {
            break;
        }
        bit += uint64_t(gap);
        f[bit >> 6] |= uint64_t(1) << (bit & 63);
        if (++bit >= kBits) {
            break;
        }
    }
}

// ---- the benchmarks ----------------------------------------------------------------------

// Random ranges of 4 KiB..1 MiB (4 KiB steps) at 4 KiB-aligned offsets.
inline Op randomRange(Rng& rng)
{
    Op op;
    op.count = 4096 * (1 + rng.below(256));
    op.start = 4096 * rng.below((kDiskBytes - op.count) / 4096 + 1);
    return op;
}

inline std::vector<Op> randomRanges(uint64_t n, Rng& rng)
{
    std::vector<Op> ops(n);
    for (auto& op : ops) {
        op = randomRange(rng);
    }
    return ops;
}

// reset() wants granule-aligned ranges: round each range outward to 64 KiB.
inline std::vector<Op> alignedToGranules(std::vector<Op> ops)
{
    const uint64_t gran = uint64_t(1) << kGran;
    for (auto& op : ops) {
        const uint64_t first = op.start & ~(gran - 1);
        const uint64_t end = (op.start + op.count + gran - 1) & ~(gran - 1);
        op.start = first;
        op.count = end - first;
    }
    return ops;
}

} // namespace hbench
