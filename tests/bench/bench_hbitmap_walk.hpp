// The walk rows of the HBitmap benchmark: visit every dirty granule of the bitmap through
// nextDirty(), the iterator and nextDirtyArea(), against a flat scan of the words, for two kinds
// of dirt: uniformly random bits, and clustered dirt from random guest writes.
#pragma once

#include "bench_hbitmap.hpp"

namespace hbench {

// One nextDirty() call per dirty granule.
inline Walk oursWalkNextDirty(const HBitmap& hb)
{
    Walk r;
    const unsigned g = hb.granularity();
    const uint64_t gran = uint64_t(1) << g;
    uint64_t pos = 0;
    while (const auto p = hb.nextDirty(pos)) {
        ++r.visited;
        r.sum += *p >> g;
        pos = *p + gran;
    }
    return r;
}

inline Walk oursWalkIterator(const HBitmap& hb)
{
    Walk r;
    const unsigned g = hb.granularity();
    auto it = hb.iterate(0);
    while (const auto p = it.next()) {
        ++r.visited;
        r.sum += *p >> g;
    }
    return r;
}

// One nextDirtyArea() call per run of dirty granules; the granules of each run are visited
// by a loop, as a caller sending the run would.
inline Walk oursWalkNextDirtyArea(const HBitmap& hb)
{
    Walk r;
    const unsigned g = hb.granularity();
    const uint64_t end = hb.size();
    uint64_t pos = 0;
    while (const auto a = hb.nextDirtyArea(pos, end, bitmig::kToEnd)) {
        const uint64_t first = a->start >> g;
        const uint64_t last = (a->start + a->count - 1) >> g;
        for (uint64_t b = first; b <= last; ++b) {
            ++r.visited;
            r.sum += b;
        }
        pos = a->start + a->count;
    }
    return r;
}

// Not an HBitmap query: a hand-written loop over the public levelWords() that reads only the
// bottom words whose summary bit (the level above) is set, without a call per bit. It shows what
// reading only the words the summary marks gains over the flat scan for these bits.
inline Walk summaryGuidedWalk(const HBitmap& hb)
{
    Walk r;
    const auto above = hb.levelWords(HBitmap::kLevels - 2);
    const uint64_t* w = hb.words().data();
    for (uint64_t j = 0; j < above.size(); ++j) {
        uint64_t y = above[j];
        while (y) {
            const uint64_t i = (j << 6) + CTZ(y);
            y &= y - 1;
            uint64_t x = w[i];
            while (x) {
                ++r.visited;
                r.sum += (i << 6) + CTZ(x);
                x &= x - 1;
            }
        }
    }
    return r;
}

// The least one call costs, per granule, with the bitmap in the L1 cache: a walk over a small,
// fully dirty bitmap (2^16 granules, 8 KiB of words), where every nextDirty() or next() finds
// its bit in the word it starts in, the cheapest case there is. The flat scan of the same words
// is timed alongside. Measured once per run, lazily, and used for the "cap" rows.
struct CallFloor {
    double nextDirtyNs = 0;  // per nextDirty() call
    double iteratorNs = 0;   // per Iterator::next() call
    double flatNs = 0;       // per bit of the flat scan
};

inline const CallFloor& callFloor(int reps)
{
    static const CallFloor floor = [reps] {
        constexpr uint64_t kSmallBits = uint64_t(1) << 16;
        constexpr int kRounds = 64;  // walks per timing: 4 M calls
        HBitmap small(kSmallBits << kGran, kGran);
        small.set(0, small.size());
        const Flat smallFlat(kSmallBits / 64, ~uint64_t(0));
        Walk a, b, c;
        double tNext = 1e300, tIter = 1e300, tFlat = 1e300;
        for (int r = 0; r < std::max(reps, 3); ++r) {
            tNext = std::min(tNext, timed([&] {
                                 for (int i = 0; i < kRounds; ++i) {
                                     a = oursWalkNextDirty(small);
                                     g_sink = g_sink + a.sum;
                                 }
                             }));
            tIter = std::min(tIter, timed([&] {
                                 for (int i = 0; i < kRounds; ++i) {
                                     b = oursWalkIterator(small);
                                     g_sink = g_sink + b.sum;
                                 }
                             }));
            tFlat = std::min(tFlat, timed([&] {
                                 for (int i = 0; i < kRounds; ++i) {
                                     c = flatWalk(smallFlat);
                                     g_sink = g_sink + c.sum;
                                 }
                             }));
        }
        check(a == c && b == c && c.visited == kSmallBits,
              "call floor: the walks over the small bitmap disagree with the flat scan");
        const double calls = double(kSmallBits) * kRounds;
        return CallFloor{tNext / calls * 1e9, tIter / calls * 1e9, tFlat / calls * 1e9};
    }();
    return floor;
}

// How the dirty bits lie: how many, and how many of the words and of the 64-byte lines hold one.
struct Shape {
    uint64_t bits = 0;
    uint64_t words = 0;
    uint64_t lines = 0;
};

inline Shape shapeOf(const Flat& f)
{
    Shape s;
    for (uint64_t i = 0; i < f.size(); i += 8) {
        uint64_t any = 0;
        for (uint64_t j = i; j < i + 8 && j < f.size(); ++j) {
            s.bits += POPC(f[j]);
            s.words += f[j] != 0;
            any |= f[j];
        }
        s.lines += any != 0;
    }
    return s;
}

// Reads a 64 MiB buffer (twice the bitmap), so that each timed walk starts with neither the
// bitmap nor the flat words in the caches: without it, a walk that follows another over a sparse
// bitmap finds the few dirty lines still cached, which favours whichever runs second.
inline void evictCaches()
{
    static std::vector<uint64_t> buffer(kRawBytes * 2 / 8, 1);
    uint64_t s = 0;
    for (const uint64_t x : buffer) {
        s += x;
    }
    g_sink = g_sink + s;
}

// Times every walk of `hb` and the flat scan of `flat` (the same bits), interleaved, best of
// `reps`, each from cold caches; checks that each visited exactly the granules the flat scan
// found, and that the flat scan found count() of them; prints one row per walk. `name` prefixes
// the rows.
inline void walkRows(const HBitmap& hb, const Flat& flat, const std::string& name, const std::string& note,
                     bool target, bool bound, int reps)
{
    const Shape s = shapeOf(flat);
    std::printf("  %s: %llu dirty granules; %.2f %% of the words, %.2f %% of the 64-byte lines hold one%s\n",
                name.c_str(), static_cast<unsigned long long>(s.bits), 100.0 * double(s.words) / double(kWords),
                100.0 * double(s.lines) / double(kWords / 8), note.c_str());
    Walk wOurs, wIter, wArea, wBase, wBound;
    double tOurs = 1e300, tIter = 1e300, tArea = 1e300, tBase = 1e300, tBound = 1e300;
    for (int r = 0; r < reps; ++r) {
        evictCaches();
        tOurs = std::min(tOurs, timed([&] { wOurs = oursWalkNextDirty(hb); }));
        evictCaches();
        tBase = std::min(tBase, timed([&] { wBase = flatWalk(flat); }));
        evictCaches();
        tIter = std::min(tIter, timed([&] { wIter = oursWalkIterator(hb); }));
        evictCaches();
        tArea = std::min(tArea, timed([&] { wArea = oursWalkNextDirtyArea(hb); }));
        if (bound) {
            evictCaches();
            tBound = std::min(tBound, timed([&] { wBound = summaryGuidedWalk(hb); }));
        }
    }
    g_sink = g_sink + wOurs.sum + wIter.sum + wArea.sum + wBase.sum + wBound.sum;
    const std::string what = name + ": ";
    const uint64_t expected = hb.count() >> kGran;
    check(wBase.visited == expected && expected == s.bits,
          what + "the flat scan visited " + std::to_string(wBase.visited) + " bits, count() says " +
              std::to_string(expected) + ", a popcount " + std::to_string(s.bits));
    const auto agree = [&](const Walk& w, const char* which) {
        check(w == wBase, what + which + " visited " + std::to_string(w.visited) + " granules (sum " +
                              std::to_string(w.sum) + "), the flat scan " + std::to_string(wBase.visited) +
                              " (sum " + std::to_string(wBase.sum) + ")");
    };
    agree(wOurs, "nextDirty");
    agree(wIter, "the iterator");
    agree(wArea, "nextDirtyArea");
    if (bound) {
        agree(wBound, "the summary-guided scan");
    }
    const Goal goal = target ? Goal::AtLeast : Goal::None;
    const auto line = [&](const char* which, double t, Goal gl) {
        row((name + " " + which).c_str(), fmtRate(1 / t, "walk/s"), fmtRate(1 / tBase, "walk/s"), tBase / t, gl, 10);
    };
    line("nextDirty", tOurs, goal);
    line("iterator", tIter, goal);
    line("nextDirtyArea", tArea, goal);
    if (bound) {
        row("  bound: summary scan", fmtRate(1 / tBound, "walk/s"), fmtRate(1 / tBase, "walk/s"), tBase / tBound,
            Goal::None, 0);
    }
    if (target) {
        // The most a walk with one call per granule could reach here, even if every call cost no
        // more than in the L1 cache: the flat scan's time per dirty granule over that floor.
        const CallFloor& f = callFloor(reps);
        const double perGranuleNs = tBase / double(s.bits) * 1e9;
        std::printf("  in L1 (2^16 granules, all dirty): nextDirty %.2f ns/call, iterator %.2f ns/call, flat scan "
                    "%.2f ns/bit; the flat scan above took %.2f ns per dirty granule\n",
                    f.nextDirtyNs, f.iteratorNs, f.flatNs, perGranuleNs);
        const auto cap = [&](const char* which, double ns) {
            row((std::string("  cap: ") + which).c_str(), fmtFixed(ns, 2, "ns/call"),
                fmtFixed(perGranuleNs, 2, "ns/granule"), perGranuleNs / ns, Goal::None, 0);
        };
        cap("nextDirty in L1", f.nextDirtyNs);
        cap("iterator in L1", f.iteratorNs);
    }
}

// Walking 2^28 dirty granules one call at a time takes a while: fewer repetitions when full.
inline int walkReps(const Config& cfg, double fraction)
{
    return fraction >= 1.0 ? std::max(1, cfg.reps / 3) : cfg.reps;
}

// Uniformly random bits: each granule dirty with probability p, independently.
inline void benchWalksRandom(const Config& cfg, HBitmap& hb, Flat& flat, Rng& rng)
{
    struct Density {
        double p;
        const char* label;
        bool target;  // the >= 10x target applies
        bool bound;   // also time the summary-guided scan
    };
    const Density densities[] = {{0.0001, "0.01%", false, true},
                                 {0.001, "0.1%", true, true},
                                 {0.01, "1%", false, true},
                                 {0.1, "10%", false, false},
                                 {1.0, "100%", false, false}};
    for (const auto& d : densities) {
        randomBits(flat, d.p, rng);
        load(hb, flat);
        const std::string name = std::string("random ") + d.label;
        checkSame(hb, flat, "walk setup " + name);
        walkRows(hb, flat, name, "", d.target, d.bound, walkReps(cfg, d.p));
    }
}

// Sets the granules of a write in the flat bitset; returns how many were clean before.
inline uint64_t flatSetCounting(Flat& f, const Op& op)
{
    const uint64_t first = op.start >> kGran, last = (op.start + op.count - 1) >> kGran;
    uint64_t before = 0, after = 0;
    for (uint64_t w = first >> 6; w <= last >> 6; ++w) {
        before += POPC(f[w]);
    }
    flatSetBits(f.data(), first, last);
    for (uint64_t w = first >> 6; w <= last >> 6; ++w) {
        after += POPC(f[w]);
    }
    return after - before;
}

// Clustered dirt, as a guest leaves it: random writes of 4 KiB..1 MiB at 4 KiB offsets (those of
// the set benchmark, 1..17 granules each) added to the bitmap until the share of dirty granules
// reaches 0.01, 0.1, 1 and 10 %, each level continuing from the one before. The 100 % row is the
// full bitmap, the state such writes converge to (identical to the random 100 % row).
inline void benchWalksClustered(const Config& cfg, HBitmap& hb, Flat& flat, Rng& rng)
{
    struct Density {
        double p;
        const char* label;
        bool target;
        bool bound;
    };
    const Density densities[] = {{0.0001, "0.01%", false, true},
                                 {0.001, "0.1%", true, true},
                                 {0.01, "1%", false, true},
                                 {0.1, "10%", false, false},
                                 {1.0, "100%", false, false}};
    std::fill(flat.begin(), flat.end(), 0);
    uint64_t dirty = 0, writes = 0;
    for (const auto& d : densities) {
        std::string note;
        if (d.p >= 1.0) {
            std::fill(flat.begin(), flat.end(), ~uint64_t(0));
            note = " (full)";
        } else {
            const uint64_t want = uint64_t(std::ceil(d.p * double(kBits)));
            while (dirty < want) {
                dirty += flatSetCounting(flat, randomRange(rng));
                ++writes;
            }
            note = " (" + std::to_string(writes) + " writes)";
        }
        load(hb, flat);
        const std::string name = std::string("clustered ") + d.label;
        checkSame(hb, flat, "walk setup " + name);
        walkRows(hb, flat, name, note, d.target, d.bound, walkReps(cfg, d.p));
    }
}

} // namespace hbench
