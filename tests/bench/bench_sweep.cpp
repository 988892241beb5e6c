// The sweep runner (bitmig/sweep.h) on all cores against one: the 21-point chunk sweep (1 B to
// 1 MiB) of the "16 TiB on 1 GbE: precopy" preset, run once on one thread and once on every core
// (std::thread::hardware_concurrency()), in the same process, alternating, best of --reps.
// Reports points per second per core and the speed-up; the target is a speed-up of at least
// 0.9 x cores. On a shared machine the wall times carry waits for a core, so it also reports the
// CPU time of each point and of each thread: the parallel run's busiest thread (its CPU makespan)
// against the one-thread run's CPU, and what list scheduling of the measured point costs gives in
// runSweep()'s order (costliest first) and in the listed order reversed (cheapest first), against
// the bound max(slowest point, total / cores). Every point must verify and every run must give the
// same summaries (exit 2 if not); a missed target does not change the exit code.
#include <bitmig/sweep.h>
#include <bitmig/units.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <map>
#include <string>
#include <thread>
#include <vector>

using namespace bitmig;

namespace {

// resources/presets/16t-on-1gbe-precopy.json: 16 TiB at 64 KiB granularity (2^28 bits), precopy
// over 1 Gbit/s with a 300 ms limit, Zipf writes at 100 000/s (4 KiB..64 KiB, exponent 1.1), the
// migration starting after 2 s, seed 1.
SimConfig presetConfig()
{
    SimConfig c;
    c.diskBytes = uint64_t(16) << 40;
    c.granularity = 64 * 1024;
    c.strategy = Strategy::Precopy;
    c.bandwidth = 1e9 / 8;
    c.latencyNs = 0;
    c.maxDowntimeNs = 300'000'000;
    c.maxPasses = 30;
    c.completeOnlyBelow = 0;
    c.migrationStartNs = 2'000'000'000;
    c.timeLimitNs = 60'000'000'000;
    c.seed = 1;
    c.workload.kind = WorkloadKind::Zipf;
    c.workload.rate = 100000;
    c.workload.minWriteBytes = 4096;
    c.workload.maxWriteBytes = 65536;
    c.workload.zipfExponent = 1.1;
    return c;
}

bool g_reversed = false; // list the points 1 MiB first (cheapest first)

std::vector<SweepPoint> points()
{
    std::vector<SweepPoint> list;
    for (uint64_t chunk = 1; chunk <= (uint64_t(1) << 20); chunk <<= 1) {
        SweepPoint p;
        p.config = presetConfig();
        p.config.chunkBytes = chunk;
        list.push_back(p);
    }
    if (g_reversed) {
        std::reverse(list.begin(), list.end());
    }
    return list;
}

double threadCpuS()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) * 1e-9;
}

struct Timed {
    double wallS = 0;
    double cpuS = 0;
    double longestPointS = 0;         // one thread: the wall time of the slowest point
    std::vector<double> pointCpuS;    // each point's CPU time, on the thread that ran it
    double busiestThreadCpuS = 0;     // the CPU time of the thread that ran longest
    std::vector<SweepPoint> points;
};

Timed runOnce(unsigned jobs)
{
    Timed t;
    t.points = points();
    t.pointCpuS.assign(t.points.size(), 0.0);
    std::vector<size_t> which(t.points.size());
    for (size_t i = 0; i < which.size(); ++i) {
        which[i] = i;
    }
    // CPU time of each thread at its last report: a pool thread starts at 0, this one now.
    const std::thread::id self = std::this_thread::get_id();
    std::map<std::thread::id, double> lastCpu{{self, threadCpuS()}};
    const double selfStart = lastCpu[self];
    std::map<std::thread::id, double> threadCpu;
    const std::clock_t cpu0 = std::clock();
    const auto wall0 = std::chrono::steady_clock::now();
    auto last = wall0;
    runSweep(t.points, which, jobs, [&](const SweepProgress& p) { // one call at a time
        const auto now = std::chrono::steady_clock::now();
        t.longestPointS = std::max(t.longestPointS, std::chrono::duration<double>(now - last).count());
        last = now;
        const std::thread::id id = std::this_thread::get_id();
        const double cpu = threadCpuS();
        const auto seen = lastCpu.find(id);
        t.pointCpuS[p.point] = cpu - (seen == lastCpu.end() ? 0.0 : seen->second);
        lastCpu[id] = cpu;
        threadCpu[id] = cpu - (id == self ? selfStart : 0.0);
    });
    t.wallS = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count();
    t.cpuS = double(std::clock() - cpu0) / CLOCKS_PER_SEC;
    for (const auto& [id, cpu] : threadCpu) {
        t.busiestThreadCpuS = std::max(t.busiestThreadCpuS, cpu);
    }
    return t;
}

// The makespan of list scheduling: each point, in `order`, goes to the thread that is free first.
double listSchedule(const std::vector<double>& cost, const std::vector<size_t>& order, unsigned threads)
{
    std::vector<double> busy(std::max(threads, 1u), 0.0);
    for (size_t i : order) {
        *std::min_element(busy.begin(), busy.end()) += cost[i];
    }
    return *std::max_element(busy.begin(), busy.end());
}

bool same(const std::vector<SweepPoint>& a, const std::vector<SweepPoint>& b)
{
    for (size_t i = 0; i < a.size(); ++i) {
        const MigrationSummary& x = a[i].summary;
        const MigrationSummary& y = b[i].summary;
        if (!a[i].ran || !b[i].ran || x.wireBytes != y.wireBytes || x.downtimeNs != y.downtimeNs ||
            x.totalTimeNs != y.totalTimeNs || x.chunksResent != y.chunksResent ||
            x.sourceSha256 != y.sourceSha256) {
            return false;
        }
    }
    return true;
}

std::string loadAverage()
{
    std::ifstream in("/proc/loadavg"); // Linux; elsewhere the line is left out
    std::string one;
    return in >> one ? ", load average " + one : std::string();
}

} // namespace

int main(int argc, char** argv)
{
    int reps = 3;
    unsigned cores = defaultSweepJobs();
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--reps" && i + 1 < argc) {
            reps = std::max(1, std::atoi(argv[++i]));
        } else if (arg == "--jobs" && i + 1 < argc) {
            cores = unsigned(std::max(1, std::atoi(argv[++i])));
        } else if (arg == "--reversed") {
            g_reversed = true;
        } else {
            std::fprintf(stderr, "usage: bench_sweep [--reps N] [--jobs N] [--reversed]\n"
                                 "  --reps N    runs of each (default 3), the best counts\n"
                                 "  --jobs N    threads of the parallel run (default: the machine's cores)\n"
                                 "  --reversed  list the points cheapest first (1 MiB .. 1 B)\n");
            return 1;
        }
    }
    const size_t n = points().size();
    std::printf("Sweep benchmark: %zu chunk sizes (1 B .. 1 MiB) of the 16 TiB on 1 GbE precopy preset\n"
                "(2^28 bits, Zipf 100 000 writes/s, 1 Gbit/s, 300 ms, start 2 s); 1 thread against %u; "
                "%u hardware thread(s)%s; best of %d%s\n\n",
                n, cores, std::thread::hardware_concurrency(), loadAverage().c_str(), reps,
                g_reversed ? "; listed cheapest first" : "");

    Timed bestOne;
    Timed bestAll;
    bestOne.wallS = bestAll.wallS = 1e300;
    std::vector<double> pointCpu;
    double bestOneCpuS = 1e300;
    double bestBusiestS = 1e300;
    std::vector<SweepPoint> reference;
    for (int r = 0; r < reps; ++r) {
        for (unsigned jobs : {1u, cores}) {
            Timed t = runOnce(jobs);
            for (const SweepPoint& p : t.points) {
                if (!p.ran || !p.summary.verified) {
                    std::fprintf(stderr, "bench_sweep: chunk %llu did not verify: %s\n",
                                 static_cast<unsigned long long>(p.config.chunkBytes),
                                 p.failure.empty() ? p.summary.error.c_str() : p.failure.c_str());
                    return 2;
                }
            }
            if (reference.empty()) {
                reference = t.points;
            } else if (!same(reference, t.points)) {
                std::fprintf(stderr, "bench_sweep: %u job(s) gave other summaries than the first run\n",
                             jobs);
                return 2;
            }
            std::printf("run %d, %2u thread(s): wall %7.2f s, CPU %7.2f s, busiest thread %6.2f s CPU%s\n", r + 1,
                        jobs, t.wallS, t.cpuS, t.busiestThreadCpuS, loadAverage().c_str());
            Timed& best = jobs == 1 ? bestOne : bestAll;
            if (t.wallS < best.wallS) {
                t.points.clear();
                best = t;
            }
            // The least CPU each point took over the one-thread runs: the cost with the least load.
            if (jobs == 1) {
                if (pointCpu.empty()) {
                    pointCpu = t.pointCpuS;
                }
                for (size_t i = 0; i < n; ++i) {
                    pointCpu[i] = std::min(pointCpu[i], t.pointCpuS[i]);
                }
                bestOneCpuS = std::min(bestOneCpuS, t.cpuS);
            } else {
                bestBusiestS = std::min(bestBusiestS, t.busiestThreadCpuS);
            }
        }
    }
    const double perCoreOne = double(n) / bestOne.wallS;
    const double perCoreAll = double(n) / bestAll.wallS / cores;
    const double speedUp = bestOne.wallS / bestAll.wallS;
    std::printf("\n1 thread:    %6.3f points/s per core (wall %.2f s, CPU %.2f s)\n", perCoreOne,
                bestOne.wallS, bestOne.cpuS);
    std::printf("%2u threads:  %6.3f points/s per core (wall %.2f s, CPU %.2f s)\n", cores, perCoreAll,
                bestAll.wallS, bestAll.cpuS);
    std::printf("speed-up:    %.2fx on %u cores = %.2f x cores (target >= 0.90 x cores: %s)\n", speedUp,
                cores, speedUp / cores, speedUp >= 0.9 * cores ? "met" : "MISSED");
    // On a machine shared with other work the wall times carry waits for a core; the CPU times do
    // not: the ratio says how much work running side by side adds (memory bandwidth, caches).
    std::printf("CPU time, %u threads / 1 thread: %.2f (1.00: no work added by running side by side)\n", cores,
                bestAll.cpuS / bestOne.cpuS);
    // No thread splits a point: the slowest one bounds the speed-up.
    std::printf("slowest point on 1 thread: %.2f s of %.2f s (bounds the speed-up at %.2fx)\n",
                bestOne.longestPointS, bestOne.wallS, bestOne.wallS / bestOne.longestPointS);

    // In CPU time, which the load does not stretch: each point's least CPU over the one-thread runs.
    double total = 0;
    double slowest = 0;
    size_t slowestAt = 0;
    for (size_t i = 0; i < n; ++i) {
        total += pointCpu[i];
        if (pointCpu[i] > slowest) {
            slowest = pointCpu[i];
            slowestAt = i;
        }
    }
    const std::vector<SweepPoint> listed = points();
    std::vector<size_t> given(n);
    for (size_t i = 0; i < n; ++i) {
        given[i] = i;
    }
    std::vector<size_t> costliestFirst = given; // runSweep()'s order
    std::stable_sort(costliestFirst.begin(), costliestFirst.end(), [&](size_t a, size_t b) {
        return estimateSweepPointCost(listed[a].config) > estimateSweepPointCost(listed[b].config);
    });
    std::vector<size_t> cheapestFirst = costliestFirst;
    std::reverse(cheapestFirst.begin(), cheapestFirst.end());
    const double bound = std::max(slowest, total / cores);
    std::printf("\nCPU time per point (least over the 1-thread runs), s:");
    for (size_t i = 0; i < n; ++i) {
        std::printf("%s%s %.3f", i % 7 == 0 ? "\n  " : ",  ",
                    units::formatSize(listed[i].config.chunkBytes).c_str(), pointCpu[i]);
    }
    std::printf("\n  sum %.2f s; the slowest (%s) %.2f s = %.0f %% of it\n", total,
                units::formatSize(listed[slowestAt].config.chunkBytes).c_str(), slowest, 100 * slowest / total);
    std::printf("CPU makespan on %u threads, bound max(slowest, sum / %u): %.2f s = speed-up %.2fx = %.2f x cores\n",
                cores, cores, bound, total / bound, total / bound / cores);
    std::printf("  list scheduling, runSweep()'s order (costliest first): %.2f s = %.2fx\n",
                listSchedule(pointCpu, costliestFirst, cores), total / listSchedule(pointCpu, costliestFirst, cores));
    std::printf("  list scheduling, cheapest first:                      %.2f s = %.2fx\n",
                listSchedule(pointCpu, cheapestFirst, cores), total / listSchedule(pointCpu, cheapestFirst, cores));
    std::printf("  measured: busiest thread %.2f s CPU (least over the runs) = %.2fx of the 1-thread run's %.2f s CPU\n",
                bestBusiestS, bestOneCpuS / bestBusiestS, bestOneCpuS);
    return 0;
}
