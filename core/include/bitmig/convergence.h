// Will the dirty phase of a precopy migration converge? A forecast from what the passes so far
// measured, for the explanation a student reads while the run goes on.
//
// Each finished dirty pass gives one measurement: it began with P pending bytes and the guest's
// writes during it left E pending when it ended; E / P is its shrink. The forecast follows pending
// pass by pass from the pass now running, on three paths: the measured shrink (pooled over the
// last three passes); a pessimistic one (the shrink times the spread the counts and the workload
// allow, re-dirtying that grows relatively as passes shorten, never less than one tick's writes,
// and for hot spots the limit where every write dirties a chunk of its own); and an optimistic one
// (the shrink divided by that spread, falling further as passes shorten, bounded by occupancy when
// nearly every chunk is hit). It says "converges" only when the pessimistic path fits the budget
// before the pass cap with a chance of at least 99.9 % (counts are Poisson, or for saturated
// bitmaps the chunks that escape), and "does not converge" only when the optimistic path has at
// most a 0.1 % chance of fitting. Otherwise it is too early to tell, and the measured path says
// what is likely. A verdict needs two finished dirty passes whose shrinks agree within the spread
// (the first follows the bulk pass and is often unlike the rest); bursts must span four periods
// per pass, and a replayed trace is never forecast.
#pragma once

#include <bitmig/migrationsummary.h>
#include <bitmig/simconfig.h>

#include <cstdint>
#include <vector>

namespace bitmig {

struct ConvergenceForecast {
    enum class Outcome {
        NotPrecopy,    // only precopy has dirty passes
        NotStarted,    // no pass has ended yet
        TooEarly,      // fewer than one finished dirty pass, or a close call
        Converges,     // pending fits the budget in pass `convergesInPass`
        Fits,          // pending fits the budget now: the guest pauses
        Floor,         // re-dirtying leaves `floorBytes` pending, above the budget, pass after pass
        PassCap,       // pending shrinks, but not to the budget within the passes left
        TimeLimit,     // the run's time limit comes before pending fits
        LimitTooTight, // the latency and the framing alone exceed the maximum downtime
        NoWrites,      // nothing re-dirties: the pass now running is the last
    };
    Outcome outcome = Outcome::NotStarted;
    unsigned pass = 0;             // the dirty pass running now (0: the bulk pass)
    unsigned passesLeft = 0;       // dirty passes left, the one running included
    unsigned convergesInPass = 0;  // Converges: the dirty pass in which pending fits the budget
    double shrink = 0;             // last finished pass: pending at its end / pending at its start
    double budgetBytes = 0;        // pending bytes the guest may pause with (negative: none)
    double pendingBytes = 0;       // pending when the pass now running began
    double floorBytes = 0;         // Floor: where pending settles
    double passesNeeded = 0;       // PassCap: passes the forecast needs, from the one running on
    // TooEarly after two finished passes: what the measured shrink alone says, if it held.
    bool likely = false;           // there is a likely outcome
    bool likelyConverges = false;  // it is convergence (in pass `convergesInPass`)
    bool decisive() const noexcept
    {
        return outcome == Outcome::Converges || outcome == Outcome::Fits || outcome == Outcome::Floor ||
               outcome == Outcome::PassCap || outcome == Outcome::TimeLimit ||
               outcome == Outcome::LimitTooTight || outcome == Outcome::NoWrites;
    }
    // For decisive outcomes: whether the run will end converged.
    bool converges() const noexcept
    {
        return outcome == Outcome::Converges || outcome == Outcome::Fits || outcome == Outcome::NoWrites;
    }
};

// `passes` as MigrationSummary::passes has them (the last one may still run).
ConvergenceForecast forecastConvergence(const SimConfig& config, const std::vector<PassStats>& passes);
// The same for the run of `config` with its workload changed to `workload` since it started.
ConvergenceForecast forecastConvergence(const SimConfig& config, const WorkloadSpec& workload,
                                        const std::vector<PassStats>& passes);

} // namespace bitmig
