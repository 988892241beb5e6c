// Benchmark of bitmig::HBitmap against a flat std::vector<uint64_t> bitset (and memcpy).
//
// A 2^28-bit bitmap: a 16 TiB disk tracked at 64 KiB granularity, HBitmap(16 TiB, 16).
// Each row times ours and its baseline back to back in the same run (interleaved, best of
// several repetitions), checks that both computed the same answer (exit 2 otherwise), and
// prints: name, ours, baseline, ratio (ours / baseline of the figures shown), target, result.
//
//   bench_hbitmap [--quick] [--reps N] [--seed N] [--only GROUPS]   (--help lists them)
//
// Plain C++20 and std::chrono; deterministic: every random figure comes from --seed.
// Exit code 0 whether or not the performance targets are met; 2 when a cross-check fails.

#include <bitmig/hbitmap.h>

#include <algorithm>
#include <bit>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <span>
#include <string>
#include <vector>

using bitmig::HBitmap;

// The core library is built with -mpopcnt on x86-64 (core/CMakeLists.txt); give the flat
// baselines the same instruction so the comparison is fair.
#if (defined(__x86_64__) || defined(__i386__)) && (defined(__GNUC__) || defined(__clang__))
#define BENCH_POPCNT __attribute__((target("popcnt")))
#else
#define BENCH_POPCNT
#endif

#if defined(__GNUC__) || defined(__clang__)
#define POPC(x) unsigned(__builtin_popcountll(x))
#define CTZ(x) unsigned(__builtin_ctzll(x))
#else
#define POPC(x) unsigned(std::popcount(uint64_t(x)))
#define CTZ(x) unsigned(std::countr_zero(uint64_t(x)))
#endif

namespace {

// ---- keeping the optimiser honest --------------------------------------------------------

volatile uint64_t g_sink = 0;
volatile uint64_t g_pieceBytes = 1024;  // a size the compiler cannot see: memcpy goes to the C library

template <class T>
inline void escape(T* p)
{
#if defined(__GNUC__) || defined(__clang__)
    asm volatile("" : : "g"(p) : "memory");
#else
    g_sink = g_sink + uint64_t(reinterpret_cast<uintptr_t>(p) & 1);
#endif
}

inline void clobber()
{
#if defined(__GNUC__) || defined(__clang__)
    asm volatile("" : : : "memory");
#endif
}

// ---- deterministic random numbers (xoshiro256**, seeded by splitmix64) -------------------

class Rng {
public:
    explicit Rng(uint64_t seed)
    {
        for (auto& s : s_) {
            seed += 0x9e3779b97f4a7c15ull;
            uint64_t z = seed;
            z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
            z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
            s = z ^ (z >> 31);
        }
    }
    uint64_t next() noexcept
    {
        const uint64_t r = std::rotl(s_[1] * 5, 7) * 9;
        const uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = std::rotl(s_[3], 45);
        return r;
    }
    // Uniform in [0, n), n >= 1 (Lemire's multiply-shift; the bias is negligible here).
    uint64_t below(uint64_t n) noexcept
    {
#if defined(__SIZEOF_INT128__)
        __extension__ using u128 = unsigned __int128;
        return uint64_t((u128(next()) * n) >> 64);
#else
        return next() % n;
#endif
    }
    // Uniform in (0, 1].
    double unit() noexcept { return double((next() >> 11) + 1) * 0x1.0p-53; }

private:
    uint64_t s_[4];
};

// ---- timing ------------------------------------------------------------------------------

using Clock = std::chrono::steady_clock;

template <class F>
double timed(F&& f)
{
    const auto t0 = Clock::now();
    f();
    const auto t1 = Clock::now();
    return std::chrono::duration<double>(t1 - t0).count();
}

// ---- errors and output -------------------------------------------------------------------

[[noreturn]] void fail(const std::string& what)
{
    std::fprintf(stderr, "bench_hbitmap: CROSS-CHECK FAILED: %s\n", what.c_str());
    std::exit(2);
}

void check(bool ok, const std::string& what)
{
    if (!ok) {
        fail(what);
    }
}

std::string fmtRate(double perSecond, const char* unit)
{
    const char* prefix = "";
    double v = perSecond;
    if (v >= 1e9) {
        v /= 1e9;
        prefix = "G";
    } else if (v >= 1e6) {
        v /= 1e6;
        prefix = "M";
    } else if (v >= 1e3) {
        v /= 1e3;
        prefix = "k";
    }
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f %s%s", v >= 100 ? 0 : v >= 10 ? 1 : 2, v, prefix, unit);
    return buf;
}

std::string fmtFixed(double v, int decimals, const char* unit)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f %s", decimals, v, unit);
    return buf;
}

std::string fmtRatio(double r)
{
    char buf[64];
    if (r >= 1e4) {
        std::snprintf(buf, sizeof buf, "%.1ex", r);
    } else {
        std::snprintf(buf, sizeof buf, "%.*fx", r >= 100 ? 0 : r >= 10 ? 1 : 3, r);
    }
    return buf;
}

enum class Goal { None, AtLeast, AtMost };

int g_failedTargets = 0;

void printHeader()
{
    std::printf("%-26s %16s %16s %10s %9s  %s\n", "name", "ours", "baseline", "ratio", "target",
                "result");
    std::printf("%s\n", std::string(26 + 1 + 16 + 1 + 16 + 1 + 10 + 1 + 9 + 2 + 6, '-').c_str());
}

void row(const char* name, const std::string& ours, const std::string& base, double ratio, Goal goal,
         double target)
{
    char tgt[32] = "-";
    const char* result = "-";
    if (goal != Goal::None) {
        std::snprintf(tgt, sizeof tgt, "%s%.*fx", goal == Goal::AtLeast ? ">=" : "<=",
                      target >= 10 ? 0 : 2, target);
        const bool ok = goal == Goal::AtLeast ? ratio >= target : ratio <= target;
        result = ok ? "PASS" : "FAIL";
        g_failedTargets += !ok;
    }
    std::printf("%-26s %16s %16s %10s %9s  %s\n", name, ours.c_str(), base.c_str(), fmtRatio(ratio).c_str(),
                tgt, result);
    std::fflush(stdout);
}

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
        const std::string list = "," + only + ",";
        return list.find("," + std::string(group) + ",") != std::string::npos;
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

void flatSetOps(Flat& f, const std::vector<Op>& ops)
{
    uint64_t* w = f.data();
    for (const Op& op : ops) {
        flatSetBits(w, op.start >> kGran, (op.start + op.count - 1) >> kGran);
    }
    escape(w);
}

void flatResetOps(Flat& f, const std::vector<Op>& ops)
{
    uint64_t* w = f.data();
    for (const Op& op : ops) {
        flatResetBits(w, op.start >> kGran, (op.start + op.count - 1) >> kGran);
    }
    escape(w);
}

uint64_t flatGets(const Flat& f, const std::vector<uint64_t>& items)
{
    const uint64_t* w = f.data();
    uint64_t n = 0;
    for (const uint64_t item : items) {
        const uint64_t bit = item >> kGran;
        n += (w[bit >> 6] >> (bit & 63)) & 1;
    }
    return n;
}

BENCH_POPCNT uint64_t flatPopcount(const uint64_t* w, uint64_t nwords)
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
Walk flatWalk(const Flat& f)
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

void oursSetOps(HBitmap& hb, const std::vector<Op>& ops)
{
    for (const Op& op : ops) {
        hb.set(op.start, op.count);
    }
}

void oursResetOps(HBitmap& hb, const std::vector<Op>& ops)
{
    for (const Op& op : ops) {
        hb.reset(op.start, op.count);
    }
}

uint64_t oursGets(const HBitmap& hb, const std::vector<uint64_t>& items)
{
    uint64_t n = 0;
    for (const uint64_t item : items) {
        n += hb.get(item);
    }
    return n;
}

Walk oursWalkNextDirty(const HBitmap& hb)
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

Walk oursWalkNextDirtyArea(const HBitmap& hb)
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

// Not an HBitmap query: a hand-written walk over the public levelWords() that reads only the
// bottom words whose summary bit (the level above) is set. It bounds what any summary-guided
// walk of these bits can gain over the flat scan.
Walk summaryGuidedWalk(const HBitmap& hb)
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

bool sameWords(const HBitmap& hb, const Flat& f)
{
    const auto w = hb.words();
    return w.size() == f.size() && std::memcmp(w.data(), f.data(), f.size() * 8) == 0;
}

void checkSame(const HBitmap& hb, const Flat& f, const std::string& what)
{
    check(sameWords(hb, f), what + ": the bottom-level words differ from the flat bitset");
    const uint64_t pc = flatPopcount(f.data(), f.size());
    check(hb.count() == (pc << kGran), what + ": count() " + std::to_string(hb.count()) +
                                           " != flat popcount " + std::to_string(pc) + " << 16");
}

// Loads the flat words into the bitmap in one deserializePart call (untimed setup).
void load(HBitmap& hb, const Flat& f)
{
    hb.deserializePart(std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(f.data()), f.size() * 8), 0,
                       hb.size(), true);
}

// Random dirty bits, each set independently with probability p (geometric gaps).
void randomBits(Flat& f, double p, Rng& rng)
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
std::vector<Op> randomRanges(uint64_t n, Rng& rng)
{
    std::vector<Op> ops(n);
    for (auto& op : ops) {
        op.count = 4096 * (1 + rng.below(256));
        op.start = 4096 * rng.below((kDiskBytes - op.count) / 4096 + 1);
    }
    return ops;
}

// reset() wants granule-aligned ranges: round each range outward to 64 KiB.
std::vector<Op> alignedToGranules(std::vector<Op> ops)
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

void benchSetReset(const Config& cfg, HBitmap& hb, Flat& flat, Rng& rng)
{
    const std::vector<Op> setOps = randomRanges(cfg.rangeOps, rng);
    const std::vector<Op> resetOps = alignedToGranules(randomRanges(cfg.rangeOps, rng));
    const double n = double(cfg.rangeOps);

    double tOurs = 1e300, tBase = 1e300;
    for (int r = 0; r < cfg.reps; ++r) {
        hb.resetAll();
        tOurs = std::min(tOurs, timed([&] { oursSetOps(hb, setOps); }));
        std::fill(flat.begin(), flat.end(), 0);
        tBase = std::min(tBase, timed([&] { flatSetOps(flat, setOps); }));
    }
    checkSame(hb, flat, "set");
    row("set 4K..1M ranges", fmtRate(n / tOurs, "op/s"), fmtRate(n / tBase, "op/s"), tBase / tOurs, Goal::None, 0);

    tOurs = tBase = 1e300;
    for (int r = 0; r < cfg.reps; ++r) {
        hb.set(0, hb.size());
        tOurs = std::min(tOurs, timed([&] { oursResetOps(hb, resetOps); }));
        std::fill(flat.begin(), flat.end(), ~uint64_t(0));
        tBase = std::min(tBase, timed([&] { flatResetOps(flat, resetOps); }));
    }
    checkSame(hb, flat, "reset");
    row("reset 4K..1M (64K-aligned)", fmtRate(n / tOurs, "op/s"), fmtRate(n / tBase, "op/s"), tBase / tOurs,
        Goal::None, 0);
}

void benchGet(const Config& cfg, HBitmap& hb, Flat& flat, Rng& rng)
{
    // A bitmap ~3 % dirty from random ranges, the state after some guest writes.
    hb.resetAll();
    std::fill(flat.begin(), flat.end(), 0);
    const auto ops = randomRanges(cfg.rangeOps, rng);
    oursSetOps(hb, ops);
    flatSetOps(flat, ops);
    checkSame(hb, flat, "get setup");

    std::vector<uint64_t> items(cfg.gets);
    for (auto& it : items) {
        it = rng.below(kDiskBytes);
    }
    uint64_t nOurs = 0, nBase = 0;
    double tOurs = 1e300, tBase = 1e300;
    for (int r = 0; r < cfg.reps; ++r) {
        tOurs = std::min(tOurs, timed([&] { nOurs = oursGets(hb, items); }));
        tBase = std::min(tBase, timed([&] { nBase = flatGets(flat, items); }));
    }
    g_sink = g_sink + nOurs + nBase;
    check(nOurs == nBase, "get: ours found " + std::to_string(nOurs) + " set, the flat bitset " +
                              std::to_string(nBase));
    const double n = double(items.size());
    row("get random", fmtRate(n / tOurs, "op/s"), fmtRate(n / tBase, "op/s"), tBase / tOurs, Goal::None, 0);
}

void benchWalks(const Config& cfg, HBitmap& hb, Flat& flat, Rng& rng)
{
    struct Density {
        double p;
        const char* label;
        bool target;  // the >= 10x target applies
        bool bound;   // also time the summary-guided bound
    };
    const Density densities[] = {{0.0001, "0.01%", false, true},
                                 {0.001, "0.1%", true, true},
                                 {0.01, "1%", false, false},
                                 {0.1, "10%", false, false},
                                 {1.0, "100%", false, false}};
    for (const auto& d : densities) {
        randomBits(flat, d.p, rng);
        load(hb, flat);
        checkSame(hb, flat, std::string("walk setup ") + d.label);
        // Walking 2^28 dirty bits one nextDirty() at a time takes a while: fewer repetitions.
        const int reps = d.p >= 1.0 ? std::max(1, cfg.reps / 3) : cfg.reps;

        Walk wOurs, wArea, wBase, wBound;
        double tOurs = 1e300, tArea = 1e300, tBase = 1e300, tBound = 1e300;
        for (int r = 0; r < reps; ++r) {
            tOurs = std::min(tOurs, timed([&] { wOurs = oursWalkNextDirty(hb); }));
            tBase = std::min(tBase, timed([&] { wBase = flatWalk(flat); }));
            tArea = std::min(tArea, timed([&] { wArea = oursWalkNextDirtyArea(hb); }));
            if (d.bound) {
                tBound = std::min(tBound, timed([&] { wBound = summaryGuidedWalk(hb); }));
            }
        }
        g_sink = g_sink + wOurs.sum + wArea.sum + wBase.sum + wBound.sum;
        const std::string what = std::string("walk ") + d.label + ": ";
        const uint64_t expected = hb.count() >> kGran;
        check(wBase.visited == expected, what + "the flat scan visited " + std::to_string(wBase.visited) +
                                             " bits, count() says " + std::to_string(expected));
        check(wOurs == wBase, what + "nextDirty visited " + std::to_string(wOurs.visited) +
                                  " granules, the flat scan " + std::to_string(wBase.visited));
        check(wArea == wBase, what + "nextDirtyArea visited " + std::to_string(wArea.visited) +
                                  " granules, the flat scan " + std::to_string(wBase.visited));
        check(!d.bound || wBound == wBase, what + "the summary-guided walk visited " +
                                               std::to_string(wBound.visited) + " granules, the flat scan " +
                                               std::to_string(wBase.visited));
        const Goal goal = d.target ? Goal::AtLeast : Goal::None;
        const std::string name1 = std::string("walk nextDirty ") + d.label;
        const std::string name2 = std::string("walk nextDirtyArea ") + d.label;
        row(name1.c_str(), fmtRate(1 / tOurs, "walk/s"), fmtRate(1 / tBase, "walk/s"), tBase / tOurs, goal, 10);
        row(name2.c_str(), fmtRate(1 / tArea, "walk/s"), fmtRate(1 / tBase, "walk/s"), tBase / tArea, goal, 10);
        if (d.bound) {
            const std::string name3 = std::string("  bound: summary walk ") + d.label;
            row(name3.c_str(), fmtRate(1 / tBound, "walk/s"), fmtRate(1 / tBase, "walk/s"), tBase / tBound,
                Goal::None, 0);
        }
    }
}

void benchCount(const Config& cfg, HBitmap& hb, Flat& flat, Rng& rng)
{
    randomBits(flat, 0.01, rng);
    load(hb, flat);
    uint64_t sOurs = 0, sBase = 0;
    double tOurs = 1e300, tBase = 1e300;
    escape(&hb);
    for (int r = 0; r < cfg.reps; ++r) {
        tOurs = std::min(tOurs, timed([&] {
            uint64_t s = 0;
            for (uint64_t i = 0; i < cfg.countCalls; ++i) {
                clobber();  // reload: count() is inline and the bitmap is not modified
                s += hb.count();
            }
            sOurs = s;
        }));
        tBase = std::min(tBase, timed([&] { sBase = flatPopcount(flat.data(), flat.size()); }));
    }
    g_sink = g_sink + sOurs + sBase;
    check(sOurs == cfg.countCalls * (sBase << kGran), "count: count() disagrees with the flat popcount");
    row("count()", fmtRate(double(cfg.countCalls) / tOurs, "call/s"), fmtRate(1 / tBase, "call/s"),
        tBase / (tOurs / double(cfg.countCalls)), Goal::None, 0);
}

void benchSerialization(const Config& cfg, HBitmap& hb, Flat& flat, Rng& rng)
{
    randomBits(flat, 0.1, rng);
    load(hb, flat);
    checkSame(hb, flat, "serialization setup");
    check(hb.serializationAlign() * (kChunkBits / 64) == kChunkItems, "serialization: unexpected alignment");
    check(hb.serializationSize(0, kChunkItems) == kChunkBytes, "serialization: a chunk is not 1 KiB");

    const uint8_t* src = reinterpret_cast<const uint8_t*>(hb.words().data());
    std::vector<uint8_t> out(kRawBytes, 0xa5);  // touched: no page faults in the timed loops
    const uint64_t chunks = kRawBytes / kChunkBytes;

    // serializePart vs memcpy, 1 KiB at a time. serializePart copies with a run-time size, i.e.
    // through the C library's memcpy; the main baseline does the same (the piece size comes from a
    // volatile). A memcpy of a compile-time 1024 bytes is inlined by the compiler instead (GCC on
    // x86-64: rep movsq, which on a large cold destination skips the read-for-ownership and can be
    // much faster); it is shown on an extra line for information.
    const uint64_t piece = g_pieceBytes;
    double tOurs = 1e300, tBase = 1e300, tInline = 1e300;
    for (int r = 0; r < cfg.reps; ++r) {
        std::memset(out.data(), r, out.size());
        tOurs = std::min(tOurs, timed([&] {
            for (uint64_t c = 0; c < chunks; ++c) {
                hb.serializePart(std::span<uint8_t>(out.data() + c * kChunkBytes, kChunkBytes),
                                 c * kChunkItems, kChunkItems);
            }
        }));
        check(std::memcmp(out.data(), src, kRawBytes) == 0, "serializePart: the output differs from the words");
        std::memset(out.data(), r, out.size());
        tBase = std::min(tBase, timed([&] {
            for (uint64_t c = 0; c < chunks; ++c) {
                std::memcpy(out.data() + c * piece, src + c * piece, piece);
            }
        }));
        check(std::memcmp(out.data(), src, kRawBytes) == 0, "memcpy baseline: the output differs");
        std::memset(out.data(), r, out.size());
        tInline = std::min(tInline, timed([&] {
            for (uint64_t c = 0; c < chunks; ++c) {
                std::memcpy(out.data() + c * kChunkBytes, src + c * kChunkBytes, kChunkBytes);
                clobber();  // keep it 1 KiB pieces
            }
        }));
        check(std::memcmp(out.data(), src, kRawBytes) == 0, "inline memcpy baseline: the output differs");
    }
    row("serializePart 1K chunks", fmtRate(double(kRawBytes) / tOurs, "B/s"),
        fmtRate(double(kRawBytes) / tBase, "B/s"), tBase / tOurs, Goal::AtLeast, 0.5);
    row("  vs inlined memcpy(1024)", fmtRate(double(kRawBytes) / tOurs, "B/s"),
        fmtRate(double(kRawBytes) / tInline, "B/s"), tInline / tOurs, Goal::None, 0);

    // deserializePart (finish=false) chunk by chunk, then deserializeFinish(), vs memcpy.
    HBitmap dst(kDiskBytes, kGran);
    Flat flatDst(kWords, 0);
    tOurs = tBase = 1e300;
    for (int r = 0; r < cfg.reps; ++r) {
        dst.resetAll();
        tOurs = std::min(tOurs, timed([&] {
            for (uint64_t c = 0; c < chunks; ++c) {
                dst.deserializePart(std::span<const uint8_t>(out.data() + c * kChunkBytes, kChunkBytes),
                                    c * kChunkItems, kChunkItems, false);
            }
            dst.deserializeFinish();
        }));
        std::fill(flatDst.begin(), flatDst.end(), 0);
        uint8_t* fd = reinterpret_cast<uint8_t*>(flatDst.data());
        tBase = std::min(tBase, timed([&] {
            for (uint64_t c = 0; c < chunks; ++c) {
                std::memcpy(fd + c * piece, out.data() + c * piece, piece);
            }
        }));
    }
    checkSame(dst, flat, "deserializePart");
    check(flatDst == flat, "memcpy baseline (deserialize): the output differs");
    check(dst.nextDirty(0) == hb.nextDirty(0) && dst.countBits(0, kBits) == hb.countBits(0, kBits),
          "deserializePart: the summary levels disagree");
    for (unsigned l = 0; l < HBitmap::kLevels; ++l) {
        const auto a = dst.levelWords(l), b = hb.levelWords(l);
        check(std::equal(a.begin(), a.end(), b.begin(), b.end()),
              "deserializePart: summary level " + std::to_string(l) + " differs");
    }
    row("deserializePart 1K+finish", fmtRate(double(kRawBytes) / tOurs, "B/s"),
        fmtRate(double(kRawBytes) / tBase, "B/s"), tBase / tOurs, Goal::None, 0);
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// The same bitmap (same memory) takes the same set() calls from empty, without and with a meta
// bitmap, back to back, the order alternating. The two differ by a few ns per call on top of a
// cache miss, so noise from the rest of the machine matters: the figures shown are medians, and
// the ratio is the median of the per-pair ratios.
void benchMeta(const Config& cfg, HBitmap& hb, Rng& rng)
{
    const std::vector<Op> ops = randomRanges(cfg.rangeOps, rng);
    const int pairs = std::max(cfg.reps, cfg.quick ? 3 : 11);
    std::vector<double> tPlain, tMeta, ratios;
    bool checked = false;
    const auto runPlain = [&] {
        hb.resetAll();
        tPlain.push_back(timed([&] { oursSetOps(hb, ops); }));
    };
    const auto runMeta = [&] {
        hb.resetAll();
        const HBitmap& meta = hb.createMeta(kChunkBits);  // outside the timed loop
        tMeta.push_back(timed([&] { oursSetOps(hb, ops); }));
        if (!checked) {
            // Every chunk with a set bit is marked in the meta bitmap, and only those.
            check(meta.bitCount() == kBits / kChunkBits, "meta: unexpected size");
            const auto words = hb.words();
            for (uint64_t c = 0; c < kBits / kChunkBits; ++c) {
                const bool dirty = std::any_of(words.begin() + c * (kChunkBits / 64),
                                               words.begin() + (c + 1) * (kChunkBits / 64),
                                               [](uint64_t w) { return w != 0; });
                check(meta.get(c * kChunkItems) == dirty, "meta: chunk " + std::to_string(c) + " is marked wrongly");
            }
            checked = true;
        }
        hb.freeMeta();
    };
    for (int r = 0; r < pairs; ++r) {
        if (r % 2 == 0) {
            runPlain();
            runMeta();
        } else {
            runMeta();
            runPlain();
        }
        ratios.push_back(tMeta.back() / tPlain.back());
    }
    const double n = double(ops.size());
    row("set +meta(8192) ns/op", fmtFixed(median(tMeta) / n * 1e9, 1, "ns/op"),
        fmtFixed(median(tPlain) / n * 1e9, 1, "ns/op"), median(ratios), Goal::AtMost, 1.3);
}

void benchMemory(HBitmap& hb)
{
    const double mib = 1024.0 * 1024.0;
    const uint64_t bytes = hb.memoryBytes();
    row("memory (bits)", fmtFixed(double(bytes) / mib, 3, "MiB"), fmtFixed(double(kRawBytes) / mib, 3, "MiB"),
        double(bytes) / double(kRawBytes), Goal::AtMost, 1.02);
    const HBitmap& meta = hb.createMeta(kChunkBits);
    const uint64_t metaBytes = meta.memoryBytes();
    const uint64_t metaRaw = meta.bitCount() / 8;
    row("memory meta(8192)", fmtFixed(double(metaBytes) / 1024, 2, "KiB"),
        fmtFixed(double(metaRaw) / 1024, 2, "KiB"), double(metaBytes) / double(metaRaw), Goal::None, 0);
    row("memory bits+meta", fmtFixed(double(bytes + metaBytes) / mib, 3, "MiB"),
        fmtFixed(double(kRawBytes) / mib, 3, "MiB"), double(bytes + metaBytes) / double(kRawBytes), Goal::None, 0);
    hb.freeMeta();
}

void usage()
{
    std::printf("usage: bench_hbitmap [--quick] [--reps N] [--seed N] [--only GROUPS]\n"
                "  --quick       fewer operations and repetitions (a few seconds)\n"
                "  --reps N      repetitions per measurement; the best one counts (default 7, quick 2)\n"
                "  --seed N      seed of every random figure (default 20240611)\n"
                "  --only GROUPS comma-separated subset of: setreset,get,walk,count,serialize,meta,memory\n");
}

} // namespace

int main(int argc, char** argv)
{
    Config cfg;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--quick") {
            cfg.quick = true;
        } else if ((a == "--reps" || a == "--seed") && i + 1 < argc) {
            char* end = nullptr;
            const unsigned long long v = std::strtoull(argv[++i], &end, 10);
            if (!end || *end || (a == "--reps" && (v < 1 || v > 1000))) {
                std::fprintf(stderr, "bench_hbitmap: bad value for %s\n", a.c_str());
                return 1;
            }
            if (a == "--reps") {
                cfg.reps = int(v);
            } else {
                cfg.seed = v;
            }
        } else if (a == "--only" && i + 1 < argc) {
            cfg.only = argv[++i];
        } else if (a == "--help" || a == "-h") {
            usage();
            return 0;
        } else {
            usage();
            return 1;
        }
    }
    if (cfg.reps == 0) {
        cfg.reps = cfg.quick ? 2 : 7;
    }
    cfg.rangeOps = cfg.quick ? 200'000 : 1'000'000;
    cfg.gets = cfg.quick ? 1'000'000 : 4'000'000;
    cfg.countCalls = cfg.quick ? 10'000'000 : 100'000'000;

    const auto t0 = Clock::now();
    std::printf("HBitmap benchmark: HBitmap(16 TiB, granularity 16) = 2^28 bits; baseline = flat "
                "std::vector<uint64_t> / memcpy\n"
                "mode %s, best of %d repetitions, seed %llu; ratio = ours / baseline of the figures shown\n"
                "(set +meta: medians, and the median of the per-pair ratios)\n\n",
                cfg.quick ? "quick" : "full", cfg.reps, static_cast<unsigned long long>(cfg.seed));
    try {
        HBitmap hb(kDiskBytes, kGran);
        check(hb.bitCount() == kBits, "the bitmap does not have 2^28 bits");
        Flat flat(kWords, 0);

        printHeader();
        // Each group draws from its own generator, so a subset gives the same figures as a full run.
        if (cfg.runs("setreset")) {
            Rng rng(cfg.seed + 1);
            benchSetReset(cfg, hb, flat, rng);
        }
        if (cfg.runs("get")) {
            Rng rng(cfg.seed + 2);
            benchGet(cfg, hb, flat, rng);
        }
        if (cfg.runs("walk")) {
            Rng rng(cfg.seed + 3);
            benchWalks(cfg, hb, flat, rng);
        }
        if (cfg.runs("count")) {
            Rng rng(cfg.seed + 4);
            benchCount(cfg, hb, flat, rng);
        }
        if (cfg.runs("serialize")) {
            Rng rng(cfg.seed + 5);
            benchSerialization(cfg, hb, flat, rng);
        }
        if (cfg.runs("meta")) {
            Rng rng(cfg.seed + 6);
            benchMeta(cfg, hb, rng);
        }
        if (cfg.runs("memory")) {
            benchMemory(hb);
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_hbitmap: unexpected exception: %s\n", e.what());
        return 2;
    }
    const double total = std::chrono::duration<double>(Clock::now() - t0).count();
    std::printf("\n%d row(s) below target; total %.1f s\n", g_failedTargets, total);
    return 0;
}
