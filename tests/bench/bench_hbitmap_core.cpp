// Benchmark of the core HBitmap's serialization and walks against their baselines: memcpy of the
// same bytes, and QEMU's search (an in-tree transcription, qemu_hbitmap_ref.hpp) on the same bits.
//
// The bitmap of bench_hbitmap: 2^28 bits, HBitmap(16 TiB, 16), 1 KiB serialization chunks.
// Every measurement is a series of rounds; each round times ours and the baseline back to back,
// the order alternating from round to round, in CPU time of the thread (page faults included; the
// time slices other processes take on a loaded machine not). A row prints the medians of both, in ns per KiB of
// chunk or per walk, and the median of the per-round ratios baseline time / our time (above 1:
// ours is faster). Each row checks that ours and the baseline computed the same thing (the same
// bytes, the same summary levels and count, the same sequence of positions); exit code 2 if not.
//
//   bench_hbitmap_core [--quick] [--rounds N] [--seed N] [--only GROUPS]   (--help lists them)
//
// Two more groups: "range" counts the bits of a heatmap's cells, each on its own
// (SnapshotBuilder::countRange() over the density index, against HBitmap::countBits() of the same
// cells); "same" compares a destination with its source as a finished run does
// (HBitmap::sameBits(), against memcmp of the two bit arrays), for equal bitmaps and for bitmaps
// that differ in their first set word.
//
// Exit code 0 whether or not the targets are met; 2 when a cross-check fails.

#include <bitmig/hbitmap.h>
#include <bitmig/snapshotbuilder.h>
#include <bitmig/zeropageallocator.h>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include <time.h>

#include "bench_hbitmap.hpp"
#include "bench_hbitmap_walk.hpp"
#include "qemu_hbitmap_ref.hpp"

using namespace hbench;

namespace {

struct Options {
    bool quick = false;
    int rounds = 0;  // 0: the mode's default
    uint64_t seed = 20240611;
    std::string only;
    bool runs(const char* group) const
    {
        Config c;
        c.only = only;
        return c.runs(group);
    }
};

// CPU time of the calling thread, user and system (page faults included), in seconds. On a loaded
// machine a wall-clock interval also counts the time slices other processes ran in; this does not.
double threadSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

template <class F>
double cpuTimed(F&& f)
{
    const double t0 = threadSeconds();
    f();
    return threadSeconds() - t0;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// Times `ours` and `base` in `rounds` rounds, alternating which goes first; `before` runs untimed
// ahead of each timed call (a fresh buffer, an eviction of the caches). Returns the median times
// and the median of the per-round ratios base / ours.
struct Pair {
    double ours = 0;
    double base = 0;
    double ratio = 0;
};

template <class Before, class Ours, class Base>
Pair alternate(int rounds, Before&& before, Ours&& ours, Base&& base)
{
    std::vector<double> tOurs, tBase, ratios;
    for (int r = 0; r < rounds; ++r) {
        double o = 0, b = 0;
        if (r % 2 == 0) {
            before(true);
            o = cpuTimed(ours);
            before(false);
            b = cpuTimed(base);
        } else {
            before(false);
            b = cpuTimed(base);
            before(true);
            o = cpuTimed(ours);
        }
        tOurs.push_back(o);
        tBase.push_back(b);
        ratios.push_back(b / o);
    }
    return Pair{median(tOurs), median(tBase), median(ratios)};
}

// A buffer of `bytes` freshly mapped from the system, zero and untouched, from the allocator the
// bitmap's own words come from (the same page policy: huge pages for arrays of this size).
struct FreshBuffer {
    explicit FreshBuffer(uint64_t bytes) : bytes_(bytes), p_(static_cast<uint8_t*>(bitmig::detail::allocateZeroed(bytes))) {}
    ~FreshBuffer() { bitmig::detail::releaseZeroed(p_, bytes_); }
    FreshBuffer(const FreshBuffer&) = delete;
    FreshBuffer& operator=(const FreshBuffer&) = delete;
    uint8_t* data() const noexcept { return p_; }

private:
    uint64_t bytes_;
    uint8_t* p_;
};

constexpr uint64_t kChunks = kRawBytes / kChunkBytes;
constexpr double kKiB = double(kRawBytes) / 1024.0;

void serializeAll(const HBitmap& hb, uint8_t* out)
{
    for (uint64_t c = 0; c < kChunks; ++c) {
        hb.serializePart(std::span<uint8_t>(out + c * kChunkBytes, kChunkBytes), c * kChunkItems, kChunkItems);
    }
    escape(out);
}

// The C library's memcpy in 1 KiB pieces (the size comes from a volatile, as serializePart's does
// not reach the compiler either).
void memcpyPieces(uint8_t* dst, const uint8_t* src)
{
    const uint64_t piece = g_pieceBytes;
    for (uint64_t c = 0; c < kRawBytes / piece; ++c) {
        std::memcpy(dst + c * piece, src + c * piece, piece);
    }
    escape(dst);
}

void deserializeAll(HBitmap& hb, const uint8_t* in)
{
    for (uint64_t c = 0; c < kChunks; ++c) {
        hb.deserializePart(std::span<const uint8_t>(in + c * kChunkBytes, kChunkBytes), c * kChunkItems, kChunkItems,
                           false);
    }
}

void perKiBRow(const char* name, const Pair& p, double target)
{
    row(name, fmtFixed(p.ours / kKiB * 1e9, 1, "ns/KiB"), fmtFixed(p.base / kKiB * 1e9, 1, "ns/KiB"), p.ratio,
        Goal::AtLeast, target);
}

// Without finish: every summary level and the count must match the source's after the parts alone.
void checkDeserialized(const HBitmap& dst, const HBitmap& src, const std::string& what)
{
    check(dst.count() == src.count(), what + ": count() " + std::to_string(dst.count()) + " != " +
                                          std::to_string(src.count()));
    for (unsigned l = 0; l < HBitmap::kLevels; ++l) {
        const auto a = dst.levelWords(l), b = src.levelWords(l);
        check(std::equal(a.begin(), a.end(), b.begin(), b.end()), what + ": level " + std::to_string(l) + " differs");
    }
}

void benchSerialization(const Options& opt, int rounds, Rng& rng)
{
    Flat flat(kWords, 0);
    randomBits(flat, 0.1, rng);
    HBitmap hb(kDiskBytes, kGran);
    load(hb, flat);
    checkSame(hb, flat, "serialization setup");
    check(hb.serializationSize(0, kChunkItems) == kChunkBytes, "serialization: a chunk is not 1 KiB");
    const uint8_t* words = reinterpret_cast<const uint8_t*>(hb.words().data());
    (void)opt;

    // serializePart into a buffer whose pages are in use, and into one freshly mapped each round.
    std::vector<uint8_t> outOurs(kRawBytes, 0xa5), outBase(kRawBytes, 0x5a);
    Pair warm = alternate(
        rounds,
        [&](bool ours) {
            std::memset(ours ? outOurs.data() : outBase.data(), 0, kRawBytes);
        },
        [&] { serializeAll(hb, outOurs.data()); }, [&] { memcpyPieces(outBase.data(), words); });
    check(std::memcmp(outOurs.data(), words, kRawBytes) == 0, "serializePart: the bytes differ from the words");
    check(std::memcmp(outBase.data(), words, kRawBytes) == 0, "memcpy: the bytes differ from the words");
    perKiBRow("serializePart warm", warm, 0.85);

    std::unique_ptr<FreshBuffer> fresh;
    bool freshChecked = false;
    Pair cold = alternate(
        rounds,
        [&](bool) {
            if (fresh && !freshChecked) {
                check(std::memcmp(fresh->data(), words, kRawBytes) == 0, "serializePart/memcpy (fresh): the bytes differ");
                freshChecked = true;
            }
            fresh.reset();
            fresh = std::make_unique<FreshBuffer>(kRawBytes);
        },
        [&] { serializeAll(hb, fresh->data()); }, [&] { memcpyPieces(fresh->data(), words); });
    check(std::memcmp(fresh->data(), words, kRawBytes) == 0, "serialize (fresh): the bytes differ");
    fresh.reset();
    perKiBRow("serializePart fresh", cold, 0.85);

    // deserializePart (no finish: the levels and count are exact after every part) into a bitmap
    // whose pages are in use (reset between rounds, untimed), and into a new bitmap each round.
    const uint8_t* in = outOurs.data();
    HBitmap dst(kDiskBytes, kGran);
    deserializeAll(dst, in);  // every page in use
    std::vector<uint8_t> flatDst(kRawBytes, 0x11);
    warm = alternate(
        rounds,
        [&](bool ours) {
            if (ours) {
                dst.resetAll();
            } else {
                std::memset(flatDst.data(), 0, kRawBytes);
            }
        },
        [&] { deserializeAll(dst, in); }, [&] { memcpyPieces(flatDst.data(), in); });
    checkDeserialized(dst, hb, "deserializePart warm");
    check(std::memcmp(flatDst.data(), in, kRawBytes) == 0, "memcpy (deserialize): the bytes differ");
    perKiBRow("deserializePart warm", warm, 0.5);

    std::unique_ptr<HBitmap> freshDst;
    std::unique_ptr<FreshBuffer> freshFlat;
    int checkedBitmaps = 0;
    cold = alternate(
        rounds,
        [&](bool ours) {
            if (ours) {
                if (freshDst) {
                    checkDeserialized(*freshDst, hb, "deserializePart fresh");
                    ++checkedBitmaps;
                }
                freshDst.reset();
                freshDst = std::make_unique<HBitmap>(kDiskBytes, kGran);
            } else {
                freshFlat.reset();
                freshFlat = std::make_unique<FreshBuffer>(kRawBytes);
            }
        },
        [&] { deserializeAll(*freshDst, in); }, [&] { memcpyPieces(freshFlat->data(), in); });
    checkDeserialized(*freshDst, hb, "deserializePart fresh");
    check(std::memcmp(freshFlat->data(), in, kRawBytes) == 0, "memcpy (deserialize, fresh): the bytes differ");
    check(checkedBitmaps == rounds - 1, "deserializePart fresh: not every round was checked");
    perKiBRow("deserializePart fresh", cold, 0.5);
}

// ---- walks against QEMU's search ---------------------------------------------------------

// A walk's visits: how many, the sum of the granule indices, and a hash that depends on the order.
struct Seq {
    uint64_t visited = 0;
    uint64_t sum = 0;
    uint64_t hash = 0;
    void add(uint64_t granule) noexcept
    {
        ++visited;
        sum += granule;
        hash = (hash ^ granule) * 0x100000001b3ull;
    }
    friend bool operator==(const Seq&, const Seq&) = default;
};

Seq walkNextDirty(const HBitmap& hb)
{
    Seq s;
    const unsigned g = hb.granularity();
    const uint64_t gran = uint64_t(1) << g;
    uint64_t pos = 0;
    while (const auto p = hb.nextDirty(pos)) {
        s.add(*p >> g);
        pos = *p + gran;
    }
    return s;
}

Seq walkIterator(const HBitmap& hb)
{
    Seq s;
    const unsigned g = hb.granularity();
    auto it = hb.iterate(0);
    while (const auto p = it.next()) {
        s.add(*p >> g);
    }
    return s;
}

Seq qemuWalkNextDirty(const qemuref::HBitmap& q)
{
    Seq s;
    const unsigned g = q.granularity();
    const int64_t gran = int64_t(1) << g;
    int64_t pos = 0;
    for (;;) {
        const int64_t p = qemuref::nextDirty(q, pos, INT64_MAX);
        if (p < 0) {
            break;
        }
        s.add(uint64_t(p) >> g);
        pos = p + gran;
    }
    return s;
}

Seq qemuWalkIterator(const qemuref::HBitmap& q)
{
    Seq s;
    const unsigned g = q.granularity();
    qemuref::Iter it;
    qemuref::iterInit(it, q, 0);
    for (int64_t p; (p = qemuref::iterNext(it)) >= 0;) {
        s.add(uint64_t(p) >> g);
    }
    return s;
}

// Both nextDirty walks step by step side by side, and both iterators: every position must be the
// same, in the same order, and the whole sequence that of the flat scan of the same bits.
void checkSameSequence(const HBitmap& hb, const qemuref::HBitmap& q, const Flat& flat, const std::string& name)
{
    const unsigned g = hb.granularity();
    const uint64_t gran = uint64_t(1) << g;
    Seq expected;
    for (uint64_t i = 0; i < flat.size(); ++i) {
        for (uint64_t x = flat[i]; x; x &= x - 1) {
            expected.add((i << 6) + CTZ(x));
        }
    }
    Seq a, b;
    uint64_t pos = 0;
    for (;;) {
        const auto p = hb.nextDirty(pos);
        const int64_t qp = qemuref::nextDirty(q, int64_t(pos), INT64_MAX);
        check(p ? int64_t(*p) == qp : qp == -1,
              name + ": nextDirty(" + std::to_string(pos) + ") = " + (p ? std::to_string(*p) : "none") +
                  ", QEMU's search " + std::to_string(qp));
        if (!p) {
            break;
        }
        a.add(*p >> g);
        pos = *p + gran;
    }
    auto it = hb.iterate(0);
    qemuref::Iter qi;
    qemuref::iterInit(qi, q, 0);
    for (;;) {
        const auto p = it.next();
        const int64_t qp = qemuref::iterNext(qi);
        check(p ? int64_t(*p) == qp : qp == -1,
              name + ": the iterator returned " + (p ? std::to_string(*p) : "none") + ", QEMU's " + std::to_string(qp));
        if (!p) {
            break;
        }
        b.add(*p >> g);
    }
    check(a == expected && b == expected, name + ": the walks visited " + std::to_string(a.visited) + " / " +
                                              std::to_string(b.visited) + " granules, the flat scan " +
                                              std::to_string(expected.visited));
}

void walkRowsVsQemu(const HBitmap& hb, const Flat& flat, const std::string& name, const std::string& note, bool target,
                    int rounds)
{
    const Shape s = shapeOf(flat);
    std::printf("  %s: %llu dirty granules; %.2f %% of the words, %.2f %% of the 64-byte lines hold one%s\n",
                name.c_str(), static_cast<unsigned long long>(s.bits), 100.0 * double(s.words) / double(kWords),
                100.0 * double(s.lines) / double(kWords / 8), note.c_str());
    qemuref::HBitmap q(hb.size(), hb.granularity());
    q.load(hb.words());
    checkSameSequence(hb, q, flat, name);
    const Seq expected = walkNextDirty(hb);

    Seq o, b;
    const auto evict = [](bool) { evictCaches(); };
    const Pair next = alternate(rounds, evict, [&] { o = walkNextDirty(hb); }, [&] { b = qemuWalkNextDirty(q); });
    check(o == expected && b == expected, name + ": a timed nextDirty walk visited other granules");
    const Pair iter = alternate(rounds, evict, [&] { o = walkIterator(hb); }, [&] { b = qemuWalkIterator(q); });
    check(o == expected && b == expected, name + ": a timed iterator walk visited other granules");
    g_sink = g_sink + o.hash + b.hash;

    const Goal goal = target ? Goal::AtLeast : Goal::None;
    const auto line = [&](const char* which, const Pair& p) {
        row((name + " " + which).c_str(), fmtFixed(p.ours * 1e3, 3, "ms"), fmtFixed(p.base * 1e3, 3, "ms"), p.ratio,
            goal, 1.5);
    };
    line("nextDirty", next);
    line("iterator", iter);
}

const double kDensities[] = {0.0001, 0.001, 0.01, 0.1};
const char* const kLabels[] = {"0.01%", "0.1%", "1%", "10%"};

void benchWalksRandom(int rounds, Rng& rng)
{
    HBitmap hb(kDiskBytes, kGran);
    Flat flat(kWords, 0);
    for (size_t i = 0; i < std::size(kDensities); ++i) {
        randomBits(flat, kDensities[i], rng);
        load(hb, flat);
        checkSame(hb, flat, std::string("walk setup random ") + kLabels[i]);
        walkRowsVsQemu(hb, flat, std::string("random ") + kLabels[i], "", kDensities[i] == 0.001, rounds);
    }
}

// Clustered dirt as bench_hbitmap makes it: random guest writes of 4 KiB..1 MiB added until the
// share of dirty granules reaches each density, each continuing from the one before.
void benchWalksClustered(int rounds, Rng& rng)
{
    HBitmap hb(kDiskBytes, kGran);
    Flat flat(kWords, 0);
    uint64_t dirty = 0, writes = 0;
    for (size_t i = 0; i < std::size(kDensities); ++i) {
        const uint64_t want = uint64_t(std::ceil(kDensities[i] * double(kBits)));
        while (dirty < want) {
            dirty += flatSetCounting(flat, randomRange(rng));
            ++writes;
        }
        load(hb, flat);
        checkSame(hb, flat, std::string("walk setup clustered ") + kLabels[i]);
        walkRowsVsQemu(hb, flat, std::string("clustered ") + kLabels[i], " (" + std::to_string(writes) + " writes)",
                       kDensities[i] == 0.001, rounds);
    }
}

// A heatmap's 256 x 48 cells over the whole bitmap, at 1% and 10% random bits: the counts of
// SnapshotBuilder::countRange() (whole density blocks summed, each edge from its smaller part)
// against countBits() of every cell's words.
void benchRanges(int rounds, Rng& rng)
{
    constexpr uint64_t kCells = 256 * 48;
    HBitmap hb(kDiskBytes, kGran);
    hb.enableDensityIndex(bitmig::SnapshotBuilder::densityLog2For(kBits));
    Flat flat(kWords, 0);
    for (const double density : {0.01, 0.1}) {
        randomBits(flat, density, rng);
        load(hb, flat);
        checkSame(hb, flat, "range setup");
        uint64_t ours = 0, base = 0;
        const Pair p = alternate(
            rounds, [](bool) {},
            [&] {
                ours = 0;
                for (uint64_t c = 0; c < kCells; ++c) {
                    ours += bitmig::SnapshotBuilder::countRange(hb, c * kBits / kCells, (c + 1) * kBits / kCells);
                }
                escape(&ours);
            },
            [&] {
                base = 0;
                for (uint64_t c = 0; c < kCells; ++c) {
                    const uint64_t first = c * kBits / kCells;
                    base += hb.countBits(first, (c + 1) * kBits / kCells - first);
                }
                escape(&base);
            });
        check(ours == base && ours == flatPopcount(flat.data(), flat.size()),
              "countRange: the cells' counts " + std::to_string(ours) + " != countBits' " + std::to_string(base));
        row(density == 0.01 ? "countRange 12288 cells, 1%" : "countRange 12288 cells, 10%",
            fmtFixed(p.ours * 1e3, 3, "ms"), fmtFixed(p.base * 1e3, 3, "ms"), p.ratio, Goal::None, 0);
    }
}

// A destination against its source, at 1% random bits: sameBits() reads the source's set words
// (through its summary levels) and the destination's at the same places; the baseline compares
// the two arrays whole. Equal bitmaps, then the destination with one bit of its first set word
// moved (the same count, so that only the words tell).
void benchSameBits(int rounds, Rng& rng)
{
    HBitmap source(kDiskBytes, kGran), destination(kDiskBytes, kGran);
    Flat a(kWords, 0);
    randomBits(a, 0.01, rng);
    Flat b = a;
    load(source, a);
    load(destination, b);
    auto compare = [&](const char* name, bool expected) {
        bool ours = !expected, base = !expected;
        const Pair p = alternate(
            rounds, [](bool) {},
            [&] {
                ours = source.sameBits(destination);
                escape(&ours);
            },
            [&] {
                base = std::memcmp(source.words().data(), destination.words().data(), kWords * 8) == 0;
                escape(&base);
            });
        check(ours == expected && base == expected, std::string(name) + ": sameBits() or memcmp said otherwise");
        row(name, fmtFixed(p.ours * 1e3, 3, "ms"), fmtFixed(p.base * 1e3, 3, "ms"), p.ratio, Goal::None, 0);
    };
    compare("sameBits equal, 1%", true);
    const auto first = std::find_if(b.begin(), b.end(), [](uint64_t w) { return w != 0 && w != ~uint64_t(0); });
    check(first != b.end(), "sameBits setup: no word to change");
    *first = (*first & (*first - 1)) | (uint64_t(1) << std::countr_zero(~*first));  // one bit moved
    check(std::find_if(b.begin(), first, [](uint64_t w) { return w != 0; }) == first,
          "sameBits setup: the changed word is not the first set one");
    load(destination, b);
    check(destination.count() == source.count(), "sameBits setup: the counts differ");
    compare("sameBits first set word differs", false);
}

void usage()
{
    std::printf("usage: bench_hbitmap_core [--quick] [--rounds N] [--seed N] [--only GROUPS]\n"
                "  --quick       fewer rounds (a few seconds)\n"
                "  --rounds N    rounds per row, ours and the baseline alternating (default 11, quick 3)\n"
                "  --seed N      seed of every random figure (default 20240611)\n"
                "  --only GROUPS comma-separated subset of: serialize,walk,cluster,range,same\n"
                "                (walk: uniformly random dirty bits; cluster: dirt from random 4K..1M writes;\n"
                "                range: a heatmap's cell counts; same: sameBits() of two bitmaps)\n");
}

} // namespace

int main(int argc, char** argv)
{
    g_program = "bench_hbitmap_core";
    g_nameWidth = 30;
    Options opt;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--quick") {
            opt.quick = true;
        } else if ((a == "--rounds" || a == "--seed") && i + 1 < argc) {
            char* end = nullptr;
            const unsigned long long v = std::strtoull(argv[++i], &end, 10);
            if (!end || *end || (a == "--rounds" && (v < 1 || v > 1000))) {
                std::fprintf(stderr, "bench_hbitmap_core: bad value for %s: %s\n", a.c_str(), argv[i]);
                return 1;
            }
            if (a == "--rounds") {
                opt.rounds = int(v);
            } else {
                opt.seed = v;
            }
        } else if (a == "--only" && i + 1 < argc) {
            opt.only = argv[++i];
        } else if (a == "--help" || a == "-h") {
            usage();
            return 0;
        } else {
            usage();
            return 1;
        }
    }
    const int rounds = opt.rounds ? opt.rounds : opt.quick ? 3 : 11;

    const auto t0 = Clock::now();
    std::printf("Core HBitmap benchmark: HBitmap(16 TiB, granularity 16) = 2^28 bits, 1 KiB chunks;\n"
                "baselines: the C library's memcpy of the same bytes, QEMU's search (qemu_hbitmap_ref.hpp) on the same bits\n"
                "%d rounds, ours and the baseline alternating, thread CPU time; medians; ratio = median of baseline time / our time "
                "(above 1: ours faster); seed %llu\n\n",
                rounds, static_cast<unsigned long long>(opt.seed));
    try {
        printHeader();
        if (opt.runs("serialize")) {
            Rng rng(opt.seed + 5);  // the serialize group of bench_hbitmap draws the same bits
            benchSerialization(opt, rounds, rng);
        }
        if (opt.runs("walk")) {
            Rng rng(opt.seed + 3);
            benchWalksRandom(rounds, rng);
        }
        if (opt.runs("cluster")) {
            Rng rng(opt.seed + 7);
            benchWalksClustered(rounds, rng);
        }
        if (opt.runs("range")) {
            Rng rng(opt.seed + 11);
            benchRanges(rounds, rng);
        }
        if (opt.runs("same")) {
            Rng rng(opt.seed + 13);
            benchSameBits(rounds, rng);
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_hbitmap_core: unexpected exception: %s\n", e.what());
        return 2;
    }
    const double total = std::chrono::duration<double>(Clock::now() - t0).count();
    std::printf("\n%d row(s) below target; total %.1f s\n", g_failedTargets, total);
    return 0;
}
