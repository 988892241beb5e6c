// Benchmark of bitmig::MigrationEngine: how fast a whole precopy migration is simulated.
//
// Scenario: a 16 TiB disk tracked at 64 KiB granularity (2^28 bits, 32 MiB of bitmap), 1 KiB
// chunks, Zipf guest writes at 100 000 writes/s (4 KiB..64 KiB), a 1 Gbit/s link, precopy, run to
// completion with runToEnd(). The maximum downtime is 5 ms, so that the writes made during the
// bulk phase are more than the complete phase may carry and dirty passes follow (with the default
// 300 ms the whole bitmap fits the downtime budget and precopy completes right after the bulk).
//
//   [A] writes-dominated: an empty bitmap migrates in milliseconds, so the guest first runs alone
//       for 60 simulated seconds; the run is dominated by writes, then bulk and dirty phases send
//       a bitmap with data in every chunk. Targets: >= 100 simulated seconds per wall second and
//       >= 10 million writes applied per wall second, on one core.
//   [B] link-dominated: the migration starts at t = 0 with 1 TiB already dirty (one 32 MiB write in
//       every 512 MiB chunk), so encoder, link, decoder and receiver carry most of the work.
//
// Engine construction is timed apart from the run. Baselines measured in the same run: the same
// writes (recorded beforehand from a WorkloadGenerator with the same spec and seed) replayed into a
// flat std::vector<uint64_t> bitset, the generator alone, and a memcpy of [B]'s wire bytes. Every
// figure is the best of --reps runs; every run must be verified and give the same summary as the
// first (determinism), and the flat replay must set the same bits as the engine, else exit 2.
// CPU time (std::clock) is shown next to wall time: when other processes share the cores, wall
// time grows and CPU time does not.
//
//   bench_engine [--reps N] [--seed N]
//
// With --scenario zipf100x, instead: the engine stepped as the window's simulation thread steps it
// at 100x (tick by tick, a snapshot with the heatmap counts every 16 ms of wall time at 100x, i.e.
// every 1.6 simulated seconds, the run's digests hashed in 2 MiB slices, a new run once one
// finishes), on the scenario of bench_frames --scenario zipf100x (tests/bench/zipf100x.json): a
// 64 TiB disk with two bitmaps, 2^30 and 2^26 bits, Zipf at 100 000 writes/s. It prints simulated
// seconds per CPU second of this thread, with the CPU time of stepping, snapshots and digests.
//
//   bench_engine --scenario zipf100x [--seconds S] [--columns N] [--rows N]
//
// Plain C++20 and std::chrono. Exit code 0 whether or not the targets are met; 2 when a check fails.

#include "bench_common.hpp"

#include <bitmig/migrationengine.h>
#include <bitmig/snapshotbuilder.h>
#include <bitmig/units.h>
#include <bitmig/workload.h>
#include <bitmig/zeropageallocator.h>

#include <algorithm>
#include <bit>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <exception>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <time.h>

using namespace bitmig;
using bitmig::units::KiB;
using bitmig::units::MiB;
using bitmig::units::TiB;

namespace {

using Clock = std::chrono::steady_clock;

// Wall and CPU time of one measured stretch.
struct Timing {
    double wall = 0;
    double cpu = 0;
};

class Stopwatch {
public:
    Stopwatch() : wall_(Clock::now()), cpu_(std::clock()) {}
    Timing elapsed() const
    {
        return Timing{std::chrono::duration<double>(Clock::now() - wall_).count(),
                      double(std::clock() - cpu_) / CLOCKS_PER_SEC};
    }

private:
    Clock::time_point wall_;
    std::clock_t cpu_;
};

Timing best(const Timing& a, const Timing& b)
{
    return a.wall <= b.wall ? a : b;
}

volatile uint64_t g_sink = 0;

// ---- checks and output -------------------------------------------------------------------

using bench::check;
using bench::fail;
using bench::fmtRate;


std::string fmtMs(double seconds)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f ms", seconds >= 0.1 ? 0 : 2, seconds * 1e3);
    return buf;
}

std::string fmtRatio(double r)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*fx", r >= 100 ? 0 : r >= 10 ? 1 : r >= 0.1 ? 2 : 3, r);
    return buf;
}

int g_failedTargets = 0;
constexpr int kNameWidth = 38;

void printHeader()
{
    std::printf("%-*s %17s %13s %8s %10s  %s\n", kNameWidth, "figure", "engine", "baseline", "ratio", "target",
                "result");
    std::printf("%s\n", std::string(kNameWidth + 1 + 17 + 1 + 13 + 1 + 8 + 1 + 10 + 2 + 6, '-').c_str());
}

// A row compares `value` with `target` when target > 0; ratio = value / baseline when baseline > 0.
void row(const char* name, double value, const std::string& shown, double baseline, const std::string& baseShown,
         double target, const char* targetShown)
{
    const std::string ratio = baseline > 0 ? fmtRatio(value / baseline) : "-";
    const char* result = "-";
    if (target > 0) {
        const bool ok = value >= target;
        result = ok ? "PASS" : "FAIL";
        g_failedTargets += !ok;
    }
    std::printf("%-*s %17s %13s %8s %10s  %s\n", kNameWidth, name, shown.c_str(), baseShown.c_str(), ratio.c_str(),
                targetShown, result);
    std::fflush(stdout);
}

// ---- scenarios ---------------------------------------------------------------------------

constexpr int64_t kSec = units::kNsPerSec;
constexpr int64_t kMs = units::kNsPerMs;

SimConfig baseConfig(uint64_t seed)
{
    SimConfig c;
    c.diskBytes = 16 * TiB;
    c.granularity = 64 * KiB;
    c.chunkBytes = 1024;
    c.strategy = Strategy::Precopy;
    c.bandwidth = 125e6;  // 1 Gbit/s
    c.maxDowntimeNs = 5 * kMs;
    c.workload.kind = WorkloadKind::Zipf;
    c.workload.rate = 100000;  // default write sizes, 4 KiB .. 64 KiB
    c.seed = seed;
    return c;
}

SimConfig writesCase(uint64_t seed)
{
    SimConfig c = baseConfig(seed);
    c.migrationStartNs = 60 * kSec;
    return c;
}

SimConfig linkCase(uint64_t seed)
{
    SimConfig c = baseConfig(seed);
    c.migrationStartNs = 0;
    // One 32 MiB write (512 bits) in each 512 MiB chunk, at a seeded place in it: 1 TiB in all, and
    // every chunk a data record rather than a ZEROES one.
    const uint64_t chunkDisk = c.chunkBytes * 8 * c.granularity;
    const uint64_t piece = 32 * MiB;
    uint64_t x = seed;
    for (uint64_t at = 0; at < c.diskBytes; at += chunkDisk) {
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;  // an LCG: only the top bits are used
        c.injections.push_back(Injection{0, Injection::Op::Write, at + (x >> 60) * piece, piece});
    }
    return c;
}

struct RunResult {
    Timing construct;
    Timing run;
    int64_t simNs = 0;
    MigrationSummary summary;
    uint64_t sourceDirtyBits = 0;
};

RunResult runOnce(const SimConfig& cfg)
{
    RunResult r;
    Stopwatch sw;
    MigrationEngine engine(cfg);
    r.construct = sw.elapsed();
    Stopwatch run;
    engine.runToEnd();
    r.run = run.elapsed();
    r.simNs = engine.nowNs();
    r.summary = engine.summary();
    r.sourceDirtyBits = engine.source().dirtyBits();
    return r;
}

unsigned dirtyPasses(const MigrationSummary& s)
{
    unsigned n = 0;
    for (const PhaseSpan& p : s.phases) {
        n = std::max(n, p.phase == Phase::Dirty ? p.pass : 0u);
    }
    return n;
}

std::string describe(const RunResult& r)
{
    const MigrationSummary& s = r.summary;
    char buf[768];
    std::snprintf(buf, sizeof buf,
                  "simulated %s; migration %s (bulk + %u dirty pass(es)), downtime %s; %llu writes;\n"
                  "    %llu chunks sent (%llu ZEROES, %llu resent), %s on the wire; verified %s, source sha256 %.16s...",
                  units::formatDuration(r.simNs).c_str(), units::formatDuration(s.totalTimeNs).c_str(),
                  dirtyPasses(s), units::formatDuration(s.downtimeNs).c_str(),
                  static_cast<unsigned long long>(s.writesApplied), static_cast<unsigned long long>(s.chunksSent),
                  static_cast<unsigned long long>(s.chunksZeroes), static_cast<unsigned long long>(s.chunksResent),
                  units::formatSize(s.wireBytes).c_str(), s.verified ? "yes" : "NO", s.sourceSha256.c_str());
    return buf;
}

// Runs a scenario `reps` times: every run must be verified and the same as the first. Keeps the
// fastest run and the fastest construction.
RunResult runBest(const char* label, const SimConfig& cfg, int reps)
{
    RunResult first;
    for (int i = 0; i < reps; ++i) {
        RunResult r = runOnce(cfg);
        check(r.summary.finished && r.summary.verified,
              std::string(label) + ": the migration did not finish verified: " + describe(r));
        if (i == 0) {
            first = r;
            continue;
        }
        const MigrationSummary &a = first.summary, &b = r.summary;
        check(r.simNs == first.simNs && a.writesApplied == b.writesApplied && a.wireBytes == b.wireBytes &&
                  a.chunksSent == b.chunksSent && a.chunksResent == b.chunksResent &&
                  a.sourceSha256 == b.sourceSha256 && a.destinationSha256 == b.destinationSha256 &&
                  a.phases == b.phases && a.downtimeNs == b.downtimeNs,
              std::string(label) + ": two runs with the same seed differ");
        first.construct = best(first.construct, r.construct);
        first.run = best(first.run, r.run);
    }
    return first;
}

// ---- baselines ---------------------------------------------------------------------------

// The first `n` writes of the workload as the engine draws them: one generator, 1 ms ticks from
// t = 0, its stream never interrupted before the guest pauses for the complete phase.
std::vector<GuestWrite> recordWrites(const SimConfig& cfg, uint64_t n)
{
    std::vector<GuestWrite> writes;
    writes.reserve(n + WorkloadGenerator::kBatch);
    WorkloadGenerator gen(cfg.workload, cfg.diskBytes, cfg.seed);
    for (int64_t t = 0; writes.size() < n; t += cfg.tickNs) {
        gen.generate(t, cfg.tickNs, [&](uint64_t offset, uint64_t length) { writes.push_back({offset, length}); });
    }
    writes.resize(n);
    return writes;
}

// One bit per granule in a flat bitset, set bit by bit: the least any tracker has to do.
Timing timeFlatReplay(const std::vector<GuestWrite>& writes, unsigned gLog2, uint64_t bits, int reps,
                      uint64_t& setBits)
{
    Timing fastest{1e300, 1e300};
    for (int i = 0; i < reps; ++i) {
        std::vector<uint64_t> flat((bits + 63) / 64);  // zero-filled, so faulted in, before the clock starts
        Stopwatch sw;
        for (const GuestWrite& w : writes) {
            const uint64_t last = (w.offset + w.length - 1) >> gLog2;
            for (uint64_t b = w.offset >> gLog2; b <= last; ++b) {
                flat[b >> 6] |= uint64_t(1) << (b & 63);
            }
        }
        fastest = best(fastest, sw.elapsed());
        setBits = 0;
        for (const uint64_t word : flat) {
            setBits += unsigned(std::popcount(word));
        }
    }
    return fastest;
}

// The workload generator alone, drawing the same writes into a sink that only sums them.
Timing timeGenerator(const SimConfig& cfg, uint64_t n, int reps)
{
    Timing fastest{1e300, 1e300};
    for (int i = 0; i < reps; ++i) {
        WorkloadGenerator gen(cfg.workload, cfg.diskBytes, cfg.seed);
        uint64_t count = 0, sum = 0;
        Stopwatch sw;
        for (int64_t t = 0; count < n; t += cfg.tickNs) {
            gen.generate(t, cfg.tickNs, [&](uint64_t offset, uint64_t length) {
                sum += offset ^ length;
                ++count;
            });
        }
        fastest = best(fastest, sw.elapsed());
        g_sink = g_sink + sum;
    }
    return fastest;
}

// Copying the wire bytes once, between buffers faulted in beforehand: a floor for producing,
// carrying and consuming them.
Timing timeMemcpy(uint64_t bytes, int reps)
{
    std::vector<uint8_t> src(bytes, 0x5a), dst(bytes, 0);
    Timing fastest{1e300, 1e300};
    for (int i = 0; i < reps; ++i) {
        Stopwatch sw;
        std::memcpy(dst.data(), src.data(), bytes);
        fastest = best(fastest, sw.elapsed());
        g_sink = g_sink + dst[size_t(i) % bytes];
    }
    return fastest;
}

std::string loadAverage()
{
    std::ifstream in("/proc/loadavg");  // Linux; elsewhere the line is left out
    std::string one;
    return in >> one ? ", load average " + one : std::string();
}

// ---- --scenario zipf100x: the window's stepping, without the window --------------------

// CPU seconds of the calling thread.
double threadCpu()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

// As bench_frames' zipf(64 TiB) and tests/bench/zipf100x.json.
SimConfig zipf100x()
{
    SimConfig c;
    c.chunkBytes = 1024;
    c.setLayout({DiskSpec{"drive0", 64 * TiB}},
                {BitmapSpec{0, "backup-incr", 64 * KiB, true, true}, BitmapSpec{0, "backup-diff", 1 * MiB, true, true}});
    c.workload.kind = WorkloadKind::Zipf;
    c.workload.rate = 100000;
    c.bandwidth = 125e6;
    c.maxDowntimeNs = 5 * kMs;
    c.migrationStartNs = 300 * kSec;
    return c;
}

int runZipf100x(double seconds, int columns, int rows)
{
    constexpr double kSpeed = 100;
    constexpr int64_t kFrameWallNs = 16 * kMs;  // RunPacer::kFrameMs
    constexpr uint64_t kDigestSlice = uint64_t(2) << 20;  // RunPacer::kDigestSliceBytes
    const int64_t frameSimNs = int64_t(kSpeed * double(kFrameWallNs));
    const SimConfig cfg = zipf100x();
    HeatmapRequest request;
    request.columns = columns;
    request.rows = rows;
    std::printf("MigrationEngine as the window steps it at 100x: %u hardware thread(s)%s\n"
                "64 TiB disk, bitmaps at 64 KiB (2^30 bits) and 1 MiB (2^26 bits), Zipf 100 000 writes/s, precopy "
                "from 300 s;\na snapshot (%d x %d cells) every %s simulated, digests in 2 MiB slices, %.0f s "
                "simulated\n\n",
                std::thread::hardware_concurrency(), loadAverage().c_str(), columns, rows,
                units::formatDuration(frameSimNs).c_str(), seconds);
    double cpuBuild = 0, cpuStep = 0, cpuSnapshot = 0, cpuDigest = 0, cpuRelease = 0, cpuMigrating = 0;
    int64_t simulated = 0, simulatedMigrating = 0;
    uint64_t writes = 0, snapshots = 0, runs = 0, sentSeen = 0;
    const int64_t target = int64_t(seconds * 1e9);
    Stopwatch wall;
    SimSnapshot snap;
    // As the window replaces a finished run: the next one takes the arrays of the last.
    const detail::BlockReuse reuse;
    while (simulated < target) {
        double t0 = threadCpu();
        auto owned = std::make_unique<MigrationEngine>(cfg);
        MigrationEngine& engine = *owned;
        engine.setDeferredDigests(true);
        engine.setDensityIndex(SnapshotBuilder::densityLog2For(engine.source().bitCount()));
        engine.applyInjectionsDueNow();
        ++runs;
        double t1 = threadCpu();
        cpuBuild += t1 - t0;
        int64_t nextFrame = engine.nowNs() + frameSimNs;
        while (!engine.finished() && simulated < target) {
            t0 = threadCpu();
            if (engine.digestsPending()) {
                engine.computeDigests(kDigestSlice);
                t1 = threadCpu();
                cpuDigest += t1 - t0;
            } else {
                const int64_t before = engine.nowNs();
                const bool migrating = engine.phase() != Phase::Idle;
                while (engine.nowNs() < nextFrame && !engine.finished() && !engine.digestsPending()) {
                    engine.step();
                    sentSeen += engine.chunksSentLastTick().size();
                }
                simulated += engine.nowNs() - before;
                t1 = threadCpu();
                cpuStep += t1 - t0;
                if (migrating) {
                    cpuMigrating += t1 - t0;
                    simulatedMigrating += engine.nowNs() - before;
                }
            }
            if (engine.nowNs() >= nextFrame || engine.finished() || engine.digestsPending()) {
                SnapshotBuilder::fill(engine, request, snap);
                snap.newSamples = engine.takeSamples();
                ++snapshots;
                nextFrame = std::max(nextFrame + frameSimNs, engine.nowNs() + 1);
                cpuSnapshot += threadCpu() - t1;
            }
        }
        writes += engine.summary().writesApplied;
        check(!engine.finished() || engine.summary().verified, "zipf100x: a run finished unverified");
        const double r0 = threadCpu();
        owned.reset();
        cpuRelease += threadCpu() - r0;
    }
    const Timing w = wall.elapsed();
    const double cpu = cpuBuild + cpuStep + cpuSnapshot + cpuDigest + cpuRelease;
    const double sim = double(simulated) * 1e-9;
    std::printf("simulated %.1f s in %llu run(s), %llu writes, %llu snapshots, %llu chunks sent\n", sim,
                static_cast<unsigned long long>(runs), static_cast<unsigned long long>(writes),
                static_cast<unsigned long long>(snapshots), static_cast<unsigned long long>(sentSeen));
    std::printf("CPU time of this thread: %.2f s (build %.2f, step %.2f, snapshots %.2f, digests %.2f, release %.2f); "
                "wall %.2f s\n",
                cpu, cpuBuild, cpuStep, cpuSnapshot, cpuDigest, cpuRelease, w.wall);
    std::printf("stepping while migrating: %.3f s of CPU for %.2f s simulated (%.1fx per CPU second; the guest alone "
                "%.1fx)\n",
                cpuMigrating, double(simulatedMigrating) * 1e-9, double(simulatedMigrating) * 1e-9 / cpuMigrating,
                double(simulated - simulatedMigrating) * 1e-9 / (cpuStep - cpuMigrating));
    std::printf("per write: %.1f ns of CPU (%.1f ns stepping)\n", cpu / double(writes) * 1e9,
                cpuStep / double(writes) * 1e9);
    std::printf("simulated per CPU second: %.1fx (stepping alone %.1fx; target >= 130x per CPU second for 100x "
                "with margin)\n",
                sim / cpu, sim / cpuStep);
    return 0;
}

void usage()
{
    std::printf("usage: bench_engine [--reps N] [--seed N]\n"
                "       bench_engine --scenario zipf100x [--seconds S] [--columns N] [--rows N]\n"
                "  --reps N       runs of each scenario and baseline; the fastest counts (default 3)\n"
                "  --seed N       SimConfig::seed of both scenarios (default 1)\n"
                "  --scenario zipf100x  the engine stepped as the window steps it at 100x (see the top of\n"
                "                 bench_engine.cpp); --seconds: simulated seconds (default 600), --columns and\n"
                "                 --rows: the heatmap's cells per snapshot (default 256 x 48)\n");
}

} // namespace

int main(int argc, char** argv)
{
    bench::g_program = "bench_engine";
    int reps = 3;
    uint64_t seed = 1;
    std::string scenario;
    double seconds = 600;
    int columns = 256, rows = 48;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--scenario" && i + 1 < argc) {
            scenario = argv[++i];
            if (scenario != "zipf100x") {
                std::fprintf(stderr, "bench_engine: --scenario is zipf100x, not '%s'\n", scenario.c_str());
                return 1;
            }
        } else if ((a == "--seconds" || a == "--columns" || a == "--rows") && i + 1 < argc) {
            char* end = nullptr;
            const double v = std::strtod(argv[++i], &end);
            if (!end || *end || !(v >= 1 && v <= 1e6) || (a != "--seconds" && v != double(int(v)))) {
                std::fprintf(stderr, "bench_engine: bad value for %s: '%s'\n", a.c_str(), argv[i]);
                return 1;
            }
            if (a == "--seconds") {
                seconds = v;
            } else if (a == "--columns") {
                columns = int(v);
            } else {
                rows = int(v);
            }
        } else if ((a == "--reps" || a == "--seed") && i + 1 < argc) {
            char* end = nullptr;
            const unsigned long long v = std::strtoull(argv[++i], &end, 10);
            if (!end || *end || (a == "--reps" && (v < 1 || v > 100))) {
                std::fprintf(stderr, "bench_engine: bad value for %s\n", a.c_str());
                return 1;
            }
            if (a == "--reps") {
                reps = int(v);
            } else {
                seed = v;
            }
        } else if (a == "--help" || a == "-h") {
            usage();
            return 0;
        } else {
            usage();
            return 1;
        }
    }

    if (!scenario.empty()) {
        try {
            return runZipf100x(seconds, columns, rows);
        } catch (const std::exception& e) {
            std::fprintf(stderr, "bench_engine: unexpected exception: %s\n", e.what());
            return 2;
        }
    }

    Stopwatch total;
    try {
        const SimConfig wc = writesCase(seed);
        const SimConfig lc = linkCase(seed);
        std::printf("MigrationEngine benchmark: %u hardware thread(s)%s\n"
                    "16 TiB disk, 64 KiB granularity (2^28 bits), 1 KiB chunks, precopy, 1 Gbit/s, max downtime "
                    "%s,\nZipf %.0f writes/s (4 KiB..64 KiB), seed %llu, runToEnd(); best of %d run(s), every run "
                    "verified and identical\n\n",
                    std::thread::hardware_concurrency(), loadAverage().c_str(),
                    units::formatDuration(wc.maxDowntimeNs).c_str(), wc.workload.rate,
                    static_cast<unsigned long long>(seed), reps);

        const RunResult w = runBest("[A]", wc, reps);
        std::printf("[A] writes-dominated: the guest runs alone for %s, then the migration starts\n    %s\n",
                    units::formatDuration(wc.migrationStartNs).c_str(), describe(w).c_str());
        const RunResult l = runBest("[B]", lc, reps);
        std::printf("[B] link-dominated: the migration starts at once, with 1 TiB dirty (%zu writes of 32 MiB, one "
                    "per chunk)\n    %s\n\n",
                    lc.injections.size(), describe(l).c_str());

        // Baselines for [A]: its writes into a flat bitset, and the generator alone.
        const uint64_t n = w.summary.writesApplied;
        const unsigned gLog2 = unsigned(std::countr_zero(wc.granularity));
        uint64_t flatBits = 0;
        Timing flat;
        {
            const std::vector<GuestWrite> writes = recordWrites(wc, n);
            flat = timeFlatReplay(writes, gLog2, wc.diskBytes >> gLog2, reps, flatBits);
        }
        check(flatBits == w.sourceDirtyBits, "the flat replay set " + std::to_string(flatBits) +
                                                 " bits, the engine's source bitmap holds " +
                                                 std::to_string(w.sourceDirtyBits));
        const Timing gen = timeGenerator(wc, n, reps);
        const Timing copy = timeMemcpy(l.summary.wireBytes, reps);

        printHeader();
        const double simA = double(w.simNs) * 1e-9;
        const double wps = double(n) / w.run.wall;
        row("[A] simulated s / wall s", simA / w.run.wall, fmtRatio(simA / w.run.wall), 0, "-", 100, ">= 100x");
        row("[A] writes / wall s, vs flat bitset", wps, fmtRate(wps, "/s"), double(n) / flat.wall,
            fmtRate(double(n) / flat.wall, "/s"), 10e6, ">= 10 M/s");
        row("[A] writes / wall s, vs generator", wps, fmtRate(wps, "/s"), double(n) / gen.wall,
            fmtRate(double(n) / gen.wall, "/s"), 0, "-");
        row("[A] simulated s / CPU s", simA / w.run.cpu, fmtRatio(simA / w.run.cpu), 0, "-", 0, "-");
        row("[A] writes / CPU s, vs flat bitset", double(n) / w.run.cpu, fmtRate(double(n) / w.run.cpu, "/s"),
            double(n) / flat.cpu, fmtRate(double(n) / flat.cpu, "/s"), 0, "-");
        row("[A] run, wall (CPU)", w.run.wall, fmtMs(w.run.wall) + " (" + fmtMs(w.run.cpu) + ")", 0, "-", 0, "-");
        row("[A] engine construction, wall", w.construct.wall, fmtMs(w.construct.wall), 0, "-", 0, "-");
        const double simB = double(l.simNs) * 1e-9;
        const double wire = double(l.summary.wireBytes);
        row("[B] simulated s / wall s", simB / l.run.wall, fmtRatio(simB / l.run.wall), 0, "-", 0, "-");
        row("[B] wire bytes / wall s, vs memcpy", wire / l.run.wall, fmtRate(wire / l.run.wall, "B/s"),
            wire / copy.wall, fmtRate(wire / copy.wall, "B/s"), 0, "-");
        row("[B] run, wall (CPU)", l.run.wall, fmtMs(l.run.wall) + " (" + fmtMs(l.run.cpu) + ")", 0, "-", 0, "-");
        row("[B] engine construction, wall", l.construct.wall, fmtMs(l.construct.wall), 0, "-", 0, "-");
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_engine: unexpected exception: %s\n", e.what());
        return 2;
    }
    std::printf("\nratio = engine / baseline; %d row(s) below target; total %.1f s\n", g_failedTargets,
                total.elapsed().wall);
    return 0;
}
