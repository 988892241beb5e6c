#include <bitmig/convergence.h>

#include <bitmig/chunkgeometry.h>
#include <bitmig/streamencoder.h>
#include <bitmig/streamformat.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace bitmig {

namespace {

using Outcome = ConvergenceForecast::Outcome;

// P(X <= k) for X ~ Poisson(mean): exact for small means, normal with continuity otherwise.
double poissonAtMost(double k, double mean)
{
    if (k < 0) {
        return 0;
    }
    if (mean <= 0) {
        return 1;
    }
    if (mean > 200) {
        const double z = (std::floor(k) + 0.5 - mean) / std::sqrt(mean);
        return 0.5 * std::erfc(-z / std::sqrt(2.0));
    }
    double term = std::exp(-mean);
    double sum = term;
    for (double i = 1; i <= k && i < 2000; ++i) {
        term *= mean / i;
        sum += term;
    }
    return std::min(1.0, sum);
}

// The chance that a pass ends with at most k counts when it is expected to end with `mean` of
// `all`: when most are hit, what varies is the few that escape.
double chanceAtMost(double k, double mean, double all)
{
    if (all > 0 && mean > all / 2) {
        const double escaped = std::max(0.0, all - mean);
        // P(E <= k) = P(escaped >= all - k)
        return 1 - poissonAtMost(std::ceil(all - k) - 1, escaped);
    }
    return poissonAtMost(k, mean);
}

struct Path {
    bool reaches = false;        // pending fits the budget in some pass before the cap
    unsigned inPass = 0;         // the first pass whose mean end fits
    double chanceAny = 0;        // chance that some pass ends fitting, counting the spread of counts
    bool timeLimit = false;      // the time limit comes first
    double floor = 0;            // where pending settles when it stops shrinking
    bool stalls = false;         // pending stops shrinking above the budget
    double passesNeeded = 0;     // passes the mean needs, from the one running (infinite: never)
};

// Pending bytes, from the pass now running on, when each pass leaves q(P) of the P it began with:
// q(P) = q * (P / P0)^(b - 1), so b < 1 makes short passes leave relatively more (writes falling
// on the same chunks). `unit` is the bytes of one independent count (a write's chunks).
// A lower bound from occupancy: writes that hit each chunk as a stationary random stream, measured
// to re-dirty `e0` of `all` in a pass that began with `p1`. Over a pass that begins with p, a
// chunk escapes with x^(p/p1), x = 1 - e0/all; for a given e0 the bound is lowest when every chunk
// is hit at the same rate (Jensen), so pending cannot fall faster than all * (1 - x^(p/p1)).
struct Occupancy {
    double all = 0;  // 0: no bound
    double e0 = 0;
    double p1 = 0;
    double scale = 1;
    double operator()(double p) const
    {
        if (all <= 0 || e0 >= all) {
            return 0;
        }
        return all * (1 - std::pow(1 - e0 / all, p / p1)) / scale;
    }
};

Path follow(double pending, double q, double b, double p0, unsigned pass, unsigned maxPasses, double budget,
            double unit, double nsPerByte, double nsLeft, double allCounts, double minEnd, double trend = 1,
            const Occupancy& occupancy = {})
{
    Path r;
    const double k = std::floor(budget / unit);
    double p = pending;
    double elapsed = 0;
    double none = 1;
    double shrink = q;
    auto next = [&](double x) {
        return std::max({x * shrink * std::pow(std::max(x, 1.0) / p0, b - 1), occupancy(x), minEnd});
    };
    for (unsigned n = pass; n <= maxPasses; ++n) {
        shrink *= trend;
        elapsed += p * nsPerByte;
        const double e = next(p);
        if (elapsed > nsLeft) {
            r.timeLimit = !r.reaches;
            break;
        }
        none *= 1 - chanceAtMost(k, e / unit, allCounts);
        if (e <= budget && !r.reaches) {
            r.reaches = true;
            r.inPass = n;
        }
        if (e >= p * 0.999 && e > budget) {
            r.stalls = true;
            r.floor = e;
        }
        p = e;
    }
    r.chanceAny = 1 - none;
    shrink = q;
    if (!r.reaches) {
        double x = pending;
        double needed = 0;
        for (unsigned i = 0; i < 100000 && x > budget; ++i) {
            const double y = next(x);
            if (y >= x * 0.999) {
                r.stalls = true;
                r.floor = y;
                break;
            }
            x = y;
            needed = i + 1;
        }
        r.passesNeeded = x > budget ? std::numeric_limits<double>::infinity() : needed;
        if (r.stalls && r.floor < budget) {
            r.stalls = false;
        }
    }
    return r;
}

} // namespace

ConvergenceForecast forecastConvergence(const SimConfig& cfg, const std::vector<PassStats>& passes)
{
    return forecastConvergence(cfg, cfg.workload, passes);
}

ConvergenceForecast forecastConvergence(const SimConfig& cfg, const WorkloadSpec& workload,
                                        const std::vector<PassStats>& passes)
{
    ConvergenceForecast f;
    if (cfg.strategy != Strategy::Precopy) {
        f.outcome = Outcome::NotPrecopy;
        return f;
    }
    const PassStats* lastClosed = nullptr;
    std::vector<const PassStats*> dirty;  // finished dirty passes, oldest first
    for (const PassStats& p : passes) {
        if (p.endNs < 0) {
            continue;
        }
        lastClosed = &p;
        if (p.pass > 0) {
            dirty.push_back(&p);
        }
    }
    if (!lastClosed) {
        f.outcome = Outcome::NotStarted;
        return f;
    }
    const PassStats& cur = passes.back();
    f.pass = cur.pass;
    f.budgetBytes = lastClosed->budgetBytes;
    f.pendingBytes = double(cur.pendingStart);
    f.passesLeft = cur.endNs < 0 && cur.pass > 0 && cfg.maxPasses >= cur.pass ? cfg.maxPasses - cur.pass + 1 : 0;
    if (f.budgetBytes < 0) {
        f.outcome = Outcome::LimitTooTight;
        return f;
    }
    if (cur.endNs >= 0) {
        // No pass runs: the guest pauses now, because pending fitted or because the cap forced it.
        f.outcome = cur.endedFitting ? Outcome::Fits : Outcome::PassCap;
        return f;
    }
    if (f.pendingBytes <= f.budgetBytes) {
        f.outcome = Outcome::Fits;
        return f;
    }
    if (dirty.empty()) {
        f.outcome = Outcome::TooEarly;
        return f;
    }
    const PassStats& last = *dirty.back();
    f.shrink = last.pendingStart ? double(last.pendingEnd) / double(last.pendingStart) : 0;

    // The shrink per pass, pooled over the last three passes, and the bytes of one independent
    // count: a chunk record, times the chunks one write touches.
    double sumStart = 0;
    double sumEnd = 0;
    for (size_t i = dirty.size() > 3 ? dirty.size() - 3 : 0; i < dirty.size(); ++i) {
        sumStart += double(dirty[i]->pendingStart);
        sumEnd += double(dirty[i]->pendingEnd);
    }
    const double q = sumStart > 0 ? sumEnd / sumStart : 0;
    const double record = double(StreamEncoder::bitsHeaderSize(false, false, 0, 0, false) +
                                 stream::bufSize(std::max<uint64_t>(cfg.chunkBytes, 8)));
    const double chunkSpan = double(cfg.chunkBytes) * 8 * double(cfg.granularity);
    const double meanWrite = 0.5 * double(workload.minWriteBytes + workload.maxWriteBytes);
    const double unit = record * (1 + meanWrite / chunkSpan);
    if (sumEnd == 0) {
        // The last passes left nothing behind: the guest wrote nothing while they ran.
        f.outcome = Outcome::NoWrites;
        f.convergesInPass = cur.pass;
        return f;
    }

    // How sure: the counts behind q are known to about 1/sqrt(n); the guest's rate varies with
    // its workload (bursts: one pass may catch a burst and the next none).
    // Near saturation (most chunks re-dirtied every pass, as with few large chunks) what varies
    // is the few chunks no write hit: the spread shrinks with the share of chunks left clean.
    const double counts = std::max(1.0, sumEnd / unit);
    const ChunkGeometry geo = ChunkGeometry::compute(cfg.diskBytes, cfg.granularity, cfg.chunkBytes);
    const double allChunks = double(geo.metaBits) * record * double(dirty.size() > 3 ? 3 : dirty.size());
    const double clean = std::clamp(1 - sumEnd / allChunks, 0.0, 1.0);
    const double statistical = 1 + 2 * std::sqrt(std::max(clean, 1 / counts) / counts);
    const double allCounts = double(geo.metaBits) * record / unit;
    const double duration = double(last.endNs - last.startNs);
    double systematic = 1.05;
    if (workload.kind == WorkloadKind::Bursts) {
        const double periods = duration / double(std::max<int64_t>(1, workload.burstPeriodNs));
        systematic *= 1 + (1 / std::max(0.05, workload.burstDuty) - 1) / std::max(1.0, periods);
    } else if (workload.trace.active()) {
        systematic *= 2;
    }
    const double spread = statistical * systematic;

    // Concave re-dirtying (hot spots): shorter passes leave relatively more. Measured from the
    // passes as an exponent b <= 1 and used only on the pessimistic side.
    double b = 1;
    for (size_t i = 0; i < dirty.size(); ++i) {
        for (size_t j = i + 1; j < dirty.size(); ++j) {
            const PassStats& x = *dirty[i];
            const PassStats& y = *dirty[j];
            if (x.pendingStart == 0 || y.pendingStart == 0 || x.pendingEnd == 0 || y.pendingEnd == 0) {
                continue;
            }
            const double span = std::log(double(y.pendingStart) / double(x.pendingStart));
            if (std::abs(span) > std::log(1.3)) {
                b = std::min(b, std::log(double(y.pendingEnd) / double(x.pendingEnd)) / span);
            }
        }
    }
    b = std::max(b, 0.0);

    // Writes reach the bitmap tick by tick: a pass that spans a tick boundary meets that tick's
    // writes whole, so no pass can be counted on to leave less than one tick's writes.
    double writesPerTick = workload.kind == WorkloadKind::Idle ? 0 : workload.rate * double(cfg.tickNs) * 1e-9;
    if (workload.kind == WorkloadKind::Bursts) {
        writesPerTick /= std::max(0.01, workload.burstDuty);
    }
    const double tickFloor = writesPerTick * unit;

    const double nsPerByte = std::max(duration / std::max(double(last.pendingStart), 1.0), 1e9 / cfg.bandwidth);
    // The pass now running began at cur.startNs: the time since counts as spent on it.
    const double nsLeft = double(cfg.timeLimitNs) - double(cur.startNs);
    const double p0 = f.pendingBytes;
    const WorkloadKind kind = workload.kind;
    const Path central = follow(f.pendingBytes, q, 1, p0, cur.pass, cfg.maxPasses, f.budgetBytes, unit, nsPerByte,
                                nsLeft, allCounts, 0);
    // Hot spots and Zipf re-dirty the same chunks again and again: shorter passes leave relatively
    // more behind, up to the limit where every write dirties a chunk of its own (a shrink of
    // writes x time per pending byte x bytes per write's chunks). Their pessimistic path is that limit.
    double worseShrink = std::max(q, f.shrink) * spread;
    double worseB = b;
    if (kind == WorkloadKind::HotSpot || kind == WorkloadKind::Zipf) {
        worseShrink = std::max(worseShrink, workload.rate * nsPerByte * 1e-9 * unit);
        worseB = 1;
    }
    const Path worse = follow(f.pendingBytes, worseShrink, worseB, p0,
                              cur.pass, cfg.maxPasses, f.budgetBytes, unit, nsPerByte * spread, nsLeft, allCounts,
                              tickFloor);
    // Optimistic: passes that get relatively better as they shorten (b = 1.1), and shrinks that fall from pass to pass (the run still settling after the bulk pass) are taken
    // to go on falling as fast on the optimistic side.
    double trend = 1;
    if (dirty.size() >= 2) {
        const PassStats& before = *dirty[dirty.size() - 2];
        const double r0 = before.pendingStart ? double(before.pendingEnd) / double(before.pendingStart) : 0;
        if (r0 > 0 && f.shrink > 0 && f.shrink < r0) {
            trend = f.shrink / r0;
        }
    }
    Occupancy occupancy;
    if (!workload.trace.active() &&
        (kind == WorkloadKind::Uniform || kind == WorkloadKind::HotSpot || kind == WorkloadKind::Zipf) &&
        double(last.pendingEnd) >= 0.8 * double(geo.metaBits) * record) {
        // Only near saturation, where nearly every chunk is re-dirtied each pass: there the bound
        // holds with room to spare, while partly dirty bitmaps were seen to shrink faster than it.
        occupancy.all = double(geo.metaBits) * record;
        occupancy.e0 = double(last.pendingEnd);
        occupancy.p1 = std::max(1.0, double(last.pendingStart));
        occupancy.scale = spread;
    }
    const Path better = follow(f.pendingBytes, q / spread, 1.1, p0, cur.pass, cfg.maxPasses, f.budgetBytes, unit,
                               nsPerByte / spread, nsLeft, allCounts, 0, trend, occupancy);
    constexpr double kSure = 0.999;
    // One finished pass is not enough: the first dirty pass follows the bulk pass, whose writes
    // landed over the whole disk, and may leave more or less than the passes after it. Nor are two
    // passes whose shrink differs by more than the spread: the run has not settled yet. A replayed
    // trace has no rate to go by.
    bool settled = dirty.size() >= 2 && !workload.trace.active();
    if (workload.kind == WorkloadKind::Bursts) {
        // A pass must average over several bursts, or the next may catch one more or one fewer.
        settled = settled && duration >= 4 * double(workload.burstPeriodNs);
    }
    if (settled) {
        const PassStats& before = *dirty[dirty.size() - 2];
        const double r0 = before.pendingStart ? double(before.pendingEnd) / double(before.pendingStart) : 0;
        settled = r0 > 0 && f.shrink > 0 && std::abs(std::log(f.shrink / r0)) <= std::log(spread);
    }
    if (!settled) {
        f.outcome = Outcome::TooEarly;
    } else if (worse.reaches && worse.chanceAny >= kSure && !worse.timeLimit) {
        f.outcome = Outcome::Converges;
        f.convergesInPass = central.reaches ? central.inPass : worse.inPass;
    } else if (!better.reaches && better.chanceAny <= 1 - kSure) {
        if (better.timeLimit) {
            f.outcome = Outcome::TimeLimit;
        } else if (central.stalls || better.stalls) {
            f.outcome = Outcome::Floor;
            f.floorBytes = central.stalls ? central.floor : better.floor;
        } else {
            f.outcome = Outcome::PassCap;
            f.passesNeeded = central.passesNeeded;
        }
    } else {
        f.outcome = Outcome::TooEarly;
    }
    if (f.outcome == Outcome::TooEarly) {
        f.likely = true;
        f.likelyConverges = central.reaches && !central.timeLimit;
        f.convergesInPass = f.likelyConverges ? central.inPass : 0;
        f.passesNeeded = central.passesNeeded;
    }
    return f;
}

} // namespace bitmig
