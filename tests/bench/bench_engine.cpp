// Benchmark of bitmig::MigrationEngine: how fast a whole precopy migration is simulated.
//
// Scenario (the issue's): a 16 TiB disk tracked at 64 KiB granularity (2^28 bits, 32 MiB of
// bitmap), 1 KiB chunks, Zipf guest writes at 100 000 writes/s (4 KiB..64 KiB), 1 Gbit/s link,
// precopy, run to completion with runToEnd(). An empty bitmap migrates in milliseconds, so the
// guest first runs alone for 60 simulated seconds: the run is then dominated by writes, and the
// bulk phase meets a bitmap with data in it. A second, migration-heavy case starts at once with
// 1 TiB already dirty in every chunk, so the link, encoder, decoder and receiver are measured.
//
// Figures: simulated seconds per wall second and writes applied per wall second (engine
// construction excluded, reported on its own). Baselines measured in the same run: the same
// writes (recorded from a WorkloadGenerator with the same spec and seed, not timed) replayed
// into a flat std::vector<uint64_t> bitset, and the generator alone; for the heavy case, a memcpy
// of the wire bytes. Each figure is the best of --reps runs; every run must give the same summary
// (determinism) and a verified migration, else exit 2.
//
//   bench_engine [--reps N] [--seed N]
//
// Exit code 0 whether or not the targets are met; 2 when a check fails.

#include <bitmig/migrationengine.h>
#include <bitmig/units.h>
#include <bitmig/workload.h>

#include <algorithm>
#include <bit>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <exception>
#include <string>
#include <vector>

using namespace bitmig;
using bitmig::units::GiB;
using bitmig::units::KiB;
using bitmig::units::MiB;
using bitmig::units::TiB;

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point t0)
{
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

volatile uint64_t g_sink = 0;

// ---- checks and output -------------------------------------------------------------------

[[noreturn]] void fail(const std::string& what)
{
    std::fprintf(stderr, "bench_engine: CHECK FAILED: %s\n", what.c_str());
    std::exit(2);
}

void check(bool ok, const std::string& what)
{
    if (!ok) {
        fail(what);
    }
}

std::string fmtRate(double v, const char* unit)
{
    const char* prefix = "";
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
    std::snprintf(buf, sizeof buf, "%.*f%s%s", decimals, v, *unit ? " " : "", unit);
    return buf;
}

std::string fmtRatio(double r)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*fx", r >= 100 ? 0 : r >= 10 ? 1 : 2, r);
    return buf;
}

int g_failedTargets = 0;
constexpr int kNameWidth = 40;

void printHeader()
{
    std::printf("%-*s %14s %14s %8s %12s  %s\n", kNameWidth, "figure", "engine", "baseline", "ratio", "target",
                "result");
    std::printf("%s\n", std::string(kNameWidth + 1 + 14 + 1 + 14 + 1 + 8 + 1 + 12 + 2 + 6, '-').c_str());
}

// value/target are compared when target > 0; ratio is engine / baseline when baseline > 0.
void row(const char* name, double value, const std::string& shown, double baseline, const std::string& baseShown,
         double target, const std::string& targetShown)
{
    const std::string ratio = baseline > 0 ? fmtRatio(value / baseline) : "-";
    const char* result = "-";
    if (target > 0) {
        const bool ok = value >= target;
        result = ok ? "PASS" : "FAIL";
        g_failedTargets += !ok;
    }
    std::printf("%-*s %14s %14s %8s %12s  %s\n", kNameWidth, name, shown.c_str(), baseShown.c_str(),
                ratio.c_str(), targetShown.c_str(), result);
    std::fflush(stdout);
}

// ---- scenarios ---------------------------------------------------------------------------

constexpr int64_t kSec = units::kNsPerSec;

SimConfig baseConfig(uint64_t seed)
{
    SimConfig c;
    c.diskBytes = 16 * TiB;
    c.granularity = 64 * KiB;
    c.chunkBytes = 1024;
    c.strategy = Strategy::Precopy;
    c.bandwidth = 125e6;  // 1 Gbit/s
    c.workload.kind = WorkloadKind::Zipf;
    c.workload.rate = 100000;  // default write sizes, 4 KiB .. 64 KiB
    c.seed = seed;
    return c;
}

// Writes-dominated: the guest runs alone for a minute, then the migration runs to the end.
SimConfig writesCase(uint64_t seed)
{
    SimConfig c = baseConfig(seed);
    c.migrationStartNs = 60 * kSec;
    return c;
}

// Link-dominated: migration from t = 0, with 1 TiB dirty before it starts: one 32 MiB write
// (512 bits) in each 512 MiB chunk, at a pseudo-random place in it, so every chunk is a data
// record rather than a ZEROES one.
SimConfig linkCase(uint64_t seed)
{
    SimConfig c = baseConfig(seed);
    c.migrationStartNs = 0;
    const uint64_t chunkDisk = c.chunkBytes * 8 * c.granularity;  // 512 MiB
    const uint64_t piece = 32 * MiB;
    uint64_t x = seed;
    for (uint64_t at = 0; at < c.diskBytes; at += chunkDisk) {
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        c.injections.push_back(Injection{0, Injection::Op::Write, at + (x >> 60) * piece, piece});
    }
    return c;
}

struct RunResult {
    double constructSeconds = 0;
    double runSeconds = 0;
    double runCpuSeconds = 0;  // this process's CPU time over the run: shows when others share the cores
    int64_t simNs = 0;
    MigrationSummary summary;
    uint64_t sourceDirtyBits = 0;
};

RunResult runOnce(const SimConfig& cfg)
{
    RunResult r;
    auto t0 = Clock::now();
    MigrationEngine engine(cfg);
    r.constructSeconds = secondsSince(t0);
    t0 = Clock::now();
    const std::clock_t c0 = std::clock();
    engine.runToEnd();
    r.runSeconds = secondsSince(t0);
    r.runCpuSeconds = double(std::clock() - c0) / CLOCKS_PER_SEC;
    r.simNs = engine.nowNs();
    r.summary = engine.summary();
    r.sourceDirtyBits = engine.source().dirtyBits();
    return r;
}

std::string describe(const RunResult& r)
{
    const MigrationSummary& s = r.summary;
    unsigned dirtyPasses = 0;
    for (const PhaseSpan& p : s.phases) {
        dirtyPasses = std::max(dirtyPasses, p.phase == Phase::Dirty ? p.pass : 0u);
    }
    char buf[640];
    std::snprintf(buf, sizeof buf,
                  "run: wall %.1f ms, CPU %.1f ms; simulated %s, migration %s (%u dirty pass(es)), downtime %s, %llu writes, "
                  "%llu chunks sent (%llu ZEROES, %llu resent), %s on the wire, verified %s",
                  r.runSeconds * 1e3, r.runCpuSeconds * 1e3, units::formatDuration(r.simNs).c_str(),
                  units::formatDuration(s.totalTimeNs).c_str(),
                  dirtyPasses, units::formatDuration(s.downtimeNs).c_str(),
                  static_cast<unsigned long long>(s.writesApplied), static_cast<unsigned long long>(s.chunksSent),
                  static_cast<unsigned long long>(s.chunksZeroes), static_cast<unsigned long long>(s.chunksResent),
                  units::formatSize(s.wireBytes).c_str(), s.verified ? "yes" : "NO");
    return buf;
}

// Runs a scenario `reps` times; every run must be verified and identical. Returns the fastest.
RunResult runBest(const char* label, const SimConfig& cfg, int reps)
{
    RunResult best;
    for (int i = 0; i < reps; ++i) {
        RunResult r = runOnce(cfg);
        check(r.summary.finished && r.summary.verified,
              std::string(label) + ": the migration did not finish verified: " + describe(r));
        if (i == 0) {
            best = r;
            continue;
        }
        const MigrationSummary &a = best.summary, &b = r.summary;
        check(r.simNs == best.simNs && a.writesApplied == b.writesApplied && a.wireBytes == b.wireBytes &&
                  a.chunksSent == b.chunksSent && a.sourceSha256 == b.sourceSha256 && a.phases == b.phases,
              std::string(label) + ": two runs with the same seed differ");
        best.constructSeconds = std::min(best.constructSeconds, r.constructSeconds);
        if (r.runSeconds < best.runSeconds) {
            best.runSeconds = r.runSeconds;
            best.runCpuSeconds = r.runCpuSeconds;
        }
    }
    return best;
}

// ---- baselines ---------------------------------------------------------------------------

struct Write {
    uint64_t offset, length;
};

// The first `n` writes of the workload, as the engine's generator draws them (1 ms ticks).
std::vector<Write> recordWrites(const SimConfig& cfg, uint64_t n)
{
    std::vector<Write> writes;
    writes.reserve(n + 1024);
    WorkloadGenerator gen(cfg.workload, cfg.diskBytes, cfg.seed);
    for (int64_t t = 0; writes.size() < n; t += cfg.tickNs) {
        gen.generate(t, cfg.tickNs, [&](uint64_t offset, uint64_t length) { writes.push_back({offset, length}); });
    }
    writes.resize(n);
    return writes;
}

// Flat bitset, one bit per granule, set bit by bit: the least any tracker has to do.
double timeFlatReplay(const std::vector<Write>& writes, unsigned gLog2, uint64_t bits, int reps, uint64_t& setBits)
{
    double best = 1e300;
    for (int i = 0; i < reps; ++i) {
        std::vector<uint64_t> flat((bits + 63) / 64);  // zero-filled (and faulted in) before the clock starts
        const auto t0 = Clock::now();
        for (const Write& w : writes) {
            const uint64_t last = (w.offset + w.length - 1) >> gLog2;
            for (uint64_t b = w.offset >> gLog2; b <= last; ++b) {
                flat[b >> 6] |= uint64_t(1) << (b & 63);
            }
        }
        best = std::min(best, secondsSince(t0));
        setBits = 0;
        for (const uint64_t w : flat) {
            setBits += unsigned(std::popcount(w));
        }
    }
    return best;
}

// The workload generator alone, drawing the same writes into a sink that only sums them.
double timeGenerator(const SimConfig& cfg, uint64_t n, int reps)
{
    double best = 1e300;
    for (int i = 0; i < reps; ++i) {
        WorkloadGenerator gen(cfg.workload, cfg.diskBytes, cfg.seed);
        uint64_t count = 0, sum = 0;
        const auto t0 = Clock::now();
        for (int64_t t = 0; count < n; t += cfg.tickNs) {
            gen.generate(t, cfg.tickNs, [&](uint64_t offset, uint64_t length) {
                sum += offset ^ length;
                ++count;
            });
        }
        best = std::min(best, secondsSince(t0));
        g_sink = g_sink + sum;
    }
    return best;
}

// Copying the wire bytes once: a floor for encoding, carrying and decoding them.
double timeMemcpy(uint64_t bytes, int reps)
{
    const size_t piece = 1 << 20;
    std::vector<uint8_t> src(piece, 0x5a), dst(piece);
    double best = 1e300;
    for (int i = 0; i < reps; ++i) {
        const auto t0 = Clock::now();
        for (uint64_t done = 0; done < bytes; done += piece) {
            std::memcpy(dst.data(), src.data(), std::min<uint64_t>(piece, bytes - done));
            g_sink = g_sink + dst[done % piece];
        }
        best = std::min(best, secondsSince(t0));
    }
    return best;
}

void usage()
{
    std::printf("usage: bench_engine [--reps N] [--seed N]\n"
                "  --reps N   runs of each scenario; the fastest counts (default 3)\n"
                "  --seed N   SimConfig::seed of both scenarios (default 1)\n");
}

} // namespace

int main(int argc, char** argv)
{
    int reps = 3;
    uint64_t seed = 1;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if ((a == "--reps" || a == "--seed") && i + 1 < argc) {
            char* end = nullptr;
            const unsigned long long v = std::strtoull(argv[++i], &end, 10);
            if (!end || *end || (a == "--reps" && (v < 1 || v > 100))) {
                std::fprintf(stderr, "bench_engine: bad value for %s\n", a.c_str());
                return 1;
            }
            (a == "--reps" ? reps = int(v) : (seed = v, 0));
        } else if (a == "--help" || a == "-h") {
            usage();
            return 0;
        } else {
            usage();
            return 1;
        }
    }

    const auto tStart = Clock::now();
    try {
        const SimConfig wc = writesCase(seed);
        const SimConfig lc = linkCase(seed);
        std::printf("MigrationEngine benchmark: 16 TiB disk, 64 KiB granularity (2^28 bits), 1 KiB chunks, "
                    "Zipf %.0f writes/s (4 KiB..64 KiB), 1 Gbit/s, precopy, runToEnd()\n"
                    "best of %d run(s), seed %llu; every run verified and identical\n\n",
                    wc.workload.rate, reps, static_cast<unsigned long long>(seed));

        const RunResult w = runBest("writes case", wc, reps);
        std::printf("[A] writes-dominated: guest alone for %s, then the migration\n    %s\n",
                    units::formatDuration(wc.migrationStartNs).c_str(), describe(w).c_str());
        const RunResult l = runBest("link case", lc, reps);
        std::printf("[B] link-dominated: migration at t = 0, 1 TiB dirty before it (%zu writes of 32 MiB, one "
                    "per chunk)\n    %s\n\n",
                    lc.injections.size(), describe(l).c_str());

        // Baselines for [A]: the same writes, into a flat bitset, and the generator alone.
        const uint64_t n = w.summary.writesApplied;
        const unsigned gLog2 = unsigned(std::countr_zero(wc.granularity));
        uint64_t flatBits = 0;
        double flatSeconds = 0;
        {
            const std::vector<Write> writes = recordWrites(wc, n);
            flatSeconds = timeFlatReplay(writes, gLog2, wc.diskBytes >> gLog2, reps, flatBits);
        }
        check(flatBits == w.sourceDirtyBits, "the flat replay set " + std::to_string(flatBits) +
                                                 " bits, the engine's source bitmap holds " +
                                                 std::to_string(w.sourceDirtyBits));
        const double genSeconds = timeGenerator(wc, n, reps);
        const double copySeconds = timeMemcpy(l.summary.wireBytes, reps);

        printHeader();
        const double simA = double(w.simNs) * 1e-9;
        row("[A] simulated s / wall s", simA / w.runSeconds, fmtRatio(simA / w.runSeconds), 0, "-", 100,
            ">= 100x");
        const double wps = double(n) / w.runSeconds;
        const double flatWps = double(n) / flatSeconds;
        row("[A] writes / wall s (flat bitset replay)", wps, fmtRate(wps, "/s"), flatWps, fmtRate(flatWps, "/s"),
            10e6, ">= 10 M/s");
        const double genWps = double(n) / genSeconds;
        row("[A] writes / wall s (generator alone)", wps, fmtRate(wps, "/s"), genWps, fmtRate(genWps, "/s"), 0,
            "-");
        row("[A] wall time of the run", w.runSeconds, fmtFixed(w.runSeconds * 1e3, 1, "ms"), 0, "-", 0, "-");
        row("[A] engine construction", w.constructSeconds, fmtFixed(w.constructSeconds * 1e3, 2, "ms"), 0, "-",
            0, "-");
        const double simB = double(l.simNs) * 1e-9;
        row("[B] simulated s / wall s", simB / l.runSeconds, fmtRatio(simB / l.runSeconds), 0, "-", 0, "-");
        const double wire = double(l.summary.wireBytes) / l.runSeconds;
        const double copy = double(l.summary.wireBytes) / copySeconds;
        row("[B] wire bytes / wall s (memcpy)", wire, fmtRate(wire, "B/s"), copy, fmtRate(copy, "B/s"), 0, "-");
        row("[B] wall time of the run", l.runSeconds, fmtFixed(l.runSeconds * 1e3, 1, "ms"), 0, "-", 0, "-");
        row("[B] engine construction", l.constructSeconds, fmtFixed(l.constructSeconds * 1e3, 2, "ms"), 0, "-",
            0, "-");
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_engine: unexpected exception: %s\n", e.what());
        return 2;
    }
    std::printf("\nratio = engine / baseline; %d row(s) below target; total %.1f s\n", g_failedTargets,
                secondsSince(tStart));
    return 0;
}
