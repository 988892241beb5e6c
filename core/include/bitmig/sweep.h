// A sweep: the same migration run once per point (a chunk size, a value of one more parameter),
// on several threads, and the best point by a criterion. Shared by `bitmig sweep` and the window's
// sweep view; what a point's configuration is stays with them.
#pragma once

#include <bitmig/migrationsummary.h>
#include <bitmig/simconfig.h>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bitmig {

struct SweepPoint {
    SimConfig config;
    std::string skipReason; // set when the configuration cannot run: the point is not run
    std::string failure;    // set when the run threw (never expected)
    bool ran = false;
    MigrationSummary summary;

    bool qualifies() const noexcept { return ran && summary.verified && summary.converged; }
};

enum class SweepCriterion { MinTotalBytes, MinDowntime, MinTotalTime };

std::string_view sweepCriterionName(SweepCriterion c) noexcept; // "min-total-bytes", ...
std::optional<SweepCriterion> parseSweepCriterion(std::string_view name) noexcept;
// What the criterion minimises of a run: wire bytes, downtime or total time.
int64_t sweepMeasure(const MigrationSummary& summary, SweepCriterion c) noexcept;
// The point that qualifies (ran, verified, converged) with the least measure, the first on a tie.
std::optional<size_t> bestSweepPoint(const std::vector<SweepPoint>& points, SweepCriterion c);

// The I-th of N deterministic slices of a sweep: point k belongs to shard (k mod N) + 1, so the
// costly small chunks of every --vary value spread over all shards.
struct SweepShard {
    unsigned index = 1; // 1..count
    unsigned count = 1;

    bool contains(size_t point) const noexcept { return point % count == size_t(index - 1); }
};

// What a point's run costs, estimated from its configuration alone, in nanoseconds of CPU on the
// order of a current machine: one stream record per chunk (most of a small-chunk run's time: about
// 100 ns each to encode, send, decode and apply), the bits of its bitmaps (allocated, sent, compared
// and digested), and the guest's writes and the engine's ticks over the simulated time (the start,
// then the stream at the link's bandwidth, at most the time limit). Only the order of points matters:
// runSweep() starts the costliest first. 0 for a configuration it cannot read.
double estimateSweepPointCost(const SimConfig& config) noexcept;

// The number of threads a sweep uses by default: std::thread::hardware_concurrency(), or 1 when
// the machine does not say.
unsigned defaultSweepJobs() noexcept;

struct SweepProgress {
    size_t done = 0;  // points finished so far
    size_t total = 0; // points this run will run
    size_t point = 0; // index of the point that just finished
    double doneCost = 0;  // estimateSweepPointCost() of the points finished so far
    double totalCost = 0; // the same of every point this run will run
};

// The wall time a sweep has left, after `elapsedNs` of it: the time so far scaled by the estimated
// cost still to run over the cost finished, so that the costly points, which finish first on
// several threads, do not make what is left look as long; by the count of points where the costs
// are not known. nullopt before the first point has finished.
std::optional<int64_t> sweepTimeLeftNs(const SweepProgress& progress, int64_t elapsedNs) noexcept;

// Runs the points listed in `which` (indices into `points`; those with a skip reason are left
// alone) on up to `jobs` threads, as many at once as fit in the memory this machine has available
// (estimateRunMemory()). On one thread the points run in the order given; on several, the costliest
// first (estimateSweepPointCost(), ties in the order given), so that no costly point starts last and
// leaves the other threads idle (longest processing time first). Each point's engine is its own, so
// results do not depend on the number of jobs or the order. `onPointDone` (if set) after each point, one call at a time, from the
// thread that ran it. When `cancel` (if given) is set, running points stop at their next tick and
// no more start; a point stopped so is left with ran = false. Returns false when cancelled.
bool runSweep(std::vector<SweepPoint>& points, const std::vector<size_t>& which, unsigned jobs,
              const std::function<void(const SweepProgress&)>& onPointDone = {},
              const std::atomic<bool>* cancel = nullptr);

} // namespace bitmig
