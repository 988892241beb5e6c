// Benchmark of the memory a sparse bitmap costs: resident set size (RSS) of a guest writing into a
// very large bitmap, and the transparent huge pages a dense one still gets.
//
//   [A] sparse: a 64 TiB disk tracked at 512 B granularity (2^37 bits, 16 GiB of bottom level,
//       256 MiB above it), 1000 uniform guest writes/s of 4 KiB..64 KiB, no migration: the
//       engine runs 10 simulated seconds and the RSS of this process is read after each one.
//       Target: under 100 MB after 10 s. Bit arrays above 64 MiB are mapped without huge pages
//       and get them per 2 MiB region once the region is dense (HBitmap::hugePageRegions()); before,
//       every write into an untouched region cost a 2 MiB huge page where transparent huge pages
//       are on ("madvise" or "always"), about 2 GB after the first second.
//   [B] dense: a 64 TiB disk at 64 KiB granularity (2^30 bits, 128 MiB of bottom level, above the
//       64 MiB up to which arrays get huge pages at once) takes 4 * 10^6 random writes: every region
//       is dense and must have its huge page (AnonHugePages in /proc/self/smaps_rollup grows by the
//       regions' size where the system grants them).
//
// Figures from /proc/self/status (VmRSS, VmPTE) and /proc/self/smaps_rollup (AnonHugePages), so
// Linux only; the mode in /sys/kernel/mm/transparent_hugepage/enabled is printed first.
//
//   bench_sparse_rss [--seconds N] [--seed N]   (--quick and --reps N are accepted and ignored)
//
// Exit code 0 whether or not the target is met; 2 when a check fails.

#include "bench_common.hpp"

#include <bitmig/hbitmap.h>
#include <bitmig/migrationengine.h>
#include <bitmig/units.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <fstream>
#include <string>

using namespace bitmig;

namespace {

using bench::check;

// A "Key:   123 kB" line of a /proc file, in kB; -1 when it is missing.
long procKb(const char* file, const std::string& key)
{
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
        if (line.compare(0, key.size() + 1, key + ":") == 0) {
            return std::strtol(line.c_str() + key.size() + 1, nullptr, 10);
        }
    }
    return -1;
}

std::string thpMode()
{
    std::ifstream in("/sys/kernel/mm/transparent_hugepage/enabled");
    std::string line;
    return std::getline(in, line) ? line : std::string("(not available)");
}

struct Memory {
    long rssKb = 0, hugeKb = 0, pteKb = 0;
};

Memory memory()
{
    return Memory{procKb("/proc/self/status", "VmRSS"), procKb("/proc/self/smaps_rollup", "AnonHugePages"),
                  procKb("/proc/self/status", "VmPTE")};
}

double mb(long kb)
{
    return double(kb) * 1024 / 1e6;
}

} // namespace

int main(int argc, char** argv)
{
    bench::g_program = "bench_sparse_rss";
    int seconds = 10;
    uint64_t seed = 1;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if ((a == "--seconds" || a == "--seed" || a == "--reps") && i + 1 < argc) {
            char* end = nullptr;
            const unsigned long long v = std::strtoull(argv[++i], &end, 10);
            if (!end || *end || (a == "--seconds" && (v < 1 || v > 3600))) {
                std::fprintf(stderr, "bench_sparse_rss: bad value for %s\n", a.c_str());
                return 1;
            }
            if (a == "--seconds") {
                seconds = int(v);
            } else if (a == "--seed") {
                seed = v;
            }
        } else if (a == "--quick") {
            // Already quick: the run takes about a second.
        } else {
            std::fprintf(stderr, "usage: bench_sparse_rss [--seconds N] [--seed N]\n");
            return 1;
        }
    }

    constexpr double kTargetMb = 100;
    std::printf("Sparse bitmap memory: 64 TiB disk at 512 B granularity (2^37 bits), 1000 uniform writes/s "
                "of 4 KiB..64 KiB, no migration, seed %llu\n"
                "transparent huge pages: %s\n\n",
                static_cast<unsigned long long>(seed), thpMode().c_str());
    try {
        const Memory base = memory();
        std::printf("[A] sparse      RSS before the engine: %.1f MB\n", mb(base.rssKb));
        std::printf("%-10s %12s %18s %12s %14s %10s\n", "simulated", "RSS", "AnonHugePages", "page tables",
                    "huge regions", "wall");
        SimConfig c;
        c.diskBytes = uint64_t(64) * units::TiB;
        c.granularity = 512;
        c.workload.kind = WorkloadKind::Uniform;
        c.workload.rate = 1000;
        c.migrationStartNs = -1;  // the guest alone: the bitmap only fills
        c.seed = seed;
        MigrationEngine engine(c);
        check(engine.source().bitCount() == uint64_t(1) << 37, "the bitmap does not have 2^37 bits");
        Memory last;
        const auto t0 = bench::Clock::now();
        for (int s = 1; s <= seconds; ++s) {
            engine.runFor(1'000'000'000);
            last = memory();
            const double wall = std::chrono::duration<double>(bench::Clock::now() - t0).count();
            std::printf("%8d s %9.1f MB %15.1f MB %9.1f MB %14llu %8.2f s\n", s, mb(last.rssKb), mb(last.hugeKb),
                        mb(last.pteKb), static_cast<unsigned long long>(engine.source().bits().hugePageRegions()),
                        wall);
            std::fflush(stdout);
        }
        const uint64_t writes = engine.summary().writesApplied;
        check(writes > uint64_t(seconds) * 900, "the workload made too few writes");
        const bool ok = mb(last.rssKb) < kTargetMb;
        std::printf("RSS after %d s: %.1f MB for %llu writes (target under %.0f MB after 10 s): %s\n\n", seconds,
                    mb(last.rssKb), static_cast<unsigned long long>(writes), kTargetMb,
                    seconds < 10 ? "-" : ok ? "PASS" : "FAIL");

        // [B] A dense bitmap keeps its huge pages.
        const Memory before = memory();
        HBitmap dense(uint64_t(64) * units::TiB, 16);
        bench::Rng rng(seed);
        for (int i = 0; i < 4'000'000; ++i) {
            dense.set(rng.below(dense.size()), 65536);
        }
        const Memory after = memory();
        const uint64_t regions = (dense.words().size() * 8 + detail::kHugePageBytes - 1) / detail::kHugePageBytes;
        check(dense.hugePageRegions() >= regions, "a dense region was not given huge pages");
        std::printf("[B] dense       2^30 bits (128 MiB), 4 * 10^6 random writes: %llu of %llu regions marked for "
                    "huge pages, AnonHugePages +%.1f MB, RSS +%.1f MB\n",
                    static_cast<unsigned long long>(dense.hugePageRegions()), static_cast<unsigned long long>(regions),
                    mb(after.hugeKb - before.hugeKb), mb(after.rssKb - before.rssKb));
        bench::g_sink = bench::g_sink + dense.count();
        if (seconds >= 10 && !ok) {
            std::printf("\n1 row below target\n");
        } else {
            std::printf("\n0 rows below target\n");
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_sparse_rss: unexpected exception: %s\n", e.what());
        return 2;
    }
    return 0;
}
