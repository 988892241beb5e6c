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

// The number of threads a sweep uses by default: std::thread::hardware_concurrency(), or 1 when
// the machine does not say.
unsigned defaultSweepJobs() noexcept;

struct SweepProgress {
    size_t done = 0;  // points finished so far
    size_t total = 0; // points this run will run
    size_t point = 0; // index of the point that just finished
};

// Runs the points listed in `which` (indices into `points`; those with a skip reason are left
// alone) on up to `jobs` threads, as many at once as fit in the memory this machine has available
// (estimateRunMemory()). Each point's engine is its own, so results do not depend on the number of
// jobs or their order. `onPointDone` (if set) after each point, one call at a time, from the
// thread that ran it. When `cancel` (if given) is set, running points stop at their next tick and
// no more start; a point stopped so is left with ran = false. Returns false when cancelled.
bool runSweep(std::vector<SweepPoint>& points, const std::vector<size_t>& which, unsigned jobs,
              const std::function<void(const SweepProgress&)>& onPointDone = {},
              const std::atomic<bool>* cancel = nullptr);

} // namespace bitmig
