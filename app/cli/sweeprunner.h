// Runs the points of a sweep, several at once if asked, and picks the best one.
#pragma once

#include <bitmig/migrationsummary.h>
#include <bitmig/simconfig.h>

#include <QString>

#include <functional>
#include <optional>
#include <vector>

namespace bitmig::cli {

class SweepRunner {
public:
    struct Point {
        uint64_t chunkBytes = 0;
        QString varyValue;      // the --vary value as typed; empty without --vary
        SimConfig config;
        QString skipReason;     // set when the configuration is invalid: the point is not run
        QString failure;        // set when the run threw (never expected)
        bool ran = false;
        MigrationSummary summary;

        bool qualifies() const { return ran && summary.verified && summary.converged; }
    };

    enum class Criterion { MinTotalBytes, MinDowntime, MinTotalTime };
    static QString criterionName(Criterion c);            // "min-total-bytes", ...
    static std::optional<Criterion> parseCriterion(const QString& name);
    static QString criterionDescription(Criterion c);     // what it minimises, for the reader

    // Runs every point without a skip reason on up to `jobs` threads, as many at once as fit in the
    // memory this machine has available (estimateRunMemory()). Each point's engine is its own,
    // so results do not depend on the number of jobs or their order.
    // `onPointDone(done, total)` (if set) after each point, one call at a time, from the thread
    // that ran it.
    static void run(std::vector<Point>& points, unsigned jobs,
                    const std::function<void(size_t, size_t)>& onPointDone = {});
    // The point that qualifies (ran, verified, converged) with the least value, the first on a tie.
    static std::optional<size_t> best(const std::vector<Point>& points, Criterion criterion);
};

} // namespace bitmig::cli
