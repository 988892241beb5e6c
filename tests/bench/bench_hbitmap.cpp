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
//
// Parts: bench_common.hpp (generator, timing, rows), bench_hbitmap.hpp (setup, flat baseline),
// bench_hbitmap_walk.hpp (the walk rows).

#include <bitmig/hbitmap.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <span>
#include <string>
#include <vector>

#include "bench_hbitmap.hpp"
#include "bench_hbitmap_walk.hpp"

using namespace hbench;

namespace {

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
                "  --only GROUPS comma-separated subset of: setreset,get,walk,cluster,count,serialize,meta,memory\n"
                "                (walk: uniformly random dirty bits; cluster: dirt from random 4K..1M writes)\n");
}

} // namespace

int main(int argc, char** argv)
{
    g_program = "bench_hbitmap";
    g_nameWidth = 30;
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
            benchWalksRandom(cfg, hb, flat, rng);
        }
        if (cfg.runs("cluster")) {
            Rng rng(cfg.seed + 7);
            benchWalksClustered(cfg, hb, flat, rng);
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
