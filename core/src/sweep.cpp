#include <bitmig/sweep.h>
#include <bitmig/zeropageallocator.h>

#include <bitmig/configerror.h>
#include <bitmig/enumnames.h>
#include <bitmig/migrationengine.h>
#include <bitmig/runmemory.h>
#include <bitmig/streamencoder.h>

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace bitmig {

namespace {

constexpr EnumName<SweepCriterion> kCriterionNames[] = {
    {SweepCriterion::MinTotalBytes, "min-total-bytes"},
    {SweepCriterion::MinDowntime, "min-downtime"},
    {SweepCriterion::MinTotalTime, "min-total-time"},
};
static_assert(isNameTable(kCriterionNames, SweepCriterion::MinTotalBytes, SweepCriterion::MinTotalTime));

// False when `cancel` stopped the run before its end.
bool runPoint(SweepPoint& point, const std::atomic<bool>* cancel)
{
    try {
        MigrationEngine engine(point.config);
        if (cancel) {
            if (!engine.runToEnd(*cancel)) {
                return false;
            }
        } else {
            engine.runToEnd();
        }
        point.summary = engine.summary();
        point.ran = true;
    } catch (const std::exception& e) {
        point.failure = e.what();
    }
    return true;
}

bool cancelled(const std::atomic<bool>* cancel)
{
    return cancel && cancel->load(std::memory_order_relaxed);
}

} // namespace

std::string_view sweepCriterionName(SweepCriterion c) noexcept
{
    return nameOf(kCriterionNames, c).value_or(std::string_view());
}

std::optional<SweepCriterion> parseSweepCriterion(std::string_view name) noexcept
{
    return valueNamed(kCriterionNames, name);
}

int64_t sweepMeasure(const MigrationSummary& s, SweepCriterion c) noexcept
{
    switch (c) {
    case SweepCriterion::MinTotalBytes:
        return int64_t(s.wireBytes);
    case SweepCriterion::MinDowntime:
        return s.downtimeNs;
    case SweepCriterion::MinTotalTime:
        return s.totalTimeNs;
    }
    return 0;
}

std::optional<size_t> bestSweepPoint(const std::vector<SweepPoint>& points, SweepCriterion c)
{
    std::optional<size_t> best;
    for (size_t i = 0; i < points.size(); ++i) {
        if (points[i].qualifies() &&
            (!best || sweepMeasure(points[i].summary, c) < sweepMeasure(points[*best].summary, c))) {
            best = i;
        }
    }
    return best;
}

double estimateSweepPointCost(const SimConfig& c) noexcept
{
    // Per item, in ns, from runs of the 16 TiB chunk sweep and of 1 TiB points on the development
    // machine (docs/benchmarks.md, "Sweeps"): a 1 B-chunk point is 2^25 records and 3.7 s.
    constexpr double kPerRecord = 100;
    constexpr double kPerBit = 0.25;
    constexpr double kPerWrite = 25;
    constexpr double kPerTick = 50;
    try {
        if (c.chunkBytes == 0 || !(c.bandwidth > 0) || c.tickNs <= 0) {
            return 0;
        }
        const std::vector<DiskSpec> disks = c.diskList();
        double bits = 0;
        double records = 0;
        for (const BitmapSpec& b : c.bitmapList()) {
            if (b.disk >= disks.size() || b.granularity == 0) {
                return 0;
            }
            const double n = std::ceil(double(disks[b.disk].bytes) / double(b.granularity));
            bits += n;
            records += std::ceil(n / (double(c.chunkBytes) * 8));
        }
        // A clean chunk goes as a ZEROES record (its header alone); the bits as data at most once a pass.
        const double streamBytes =
            records * double(StreamEncoder::bitsHeaderSize(false, false, 0, 0, true)) + bits / 8;
        const double limitS = double(c.timeLimitNs) * 1e-9;
        const double startS = c.migrationStartNs >= 0 ? double(c.migrationStartNs) * 1e-9 : limitS;
        const double simulatedS = std::min(limitS, startS + streamBytes / c.bandwidth);
        const double writes = c.workload.kind == WorkloadKind::Idle ? 0 : c.workload.rate * simulatedS;
        const double ticks = simulatedS * 1e9 / double(c.tickNs);
        const double cost = records * kPerRecord + bits * kPerBit + writes * kPerWrite + ticks * kPerTick;
        return std::isfinite(cost) && cost > 0 ? cost : 0;
    } catch (const std::exception&) {
        return 0;
    }
}

std::optional<int64_t> sweepTimeLeftNs(const SweepProgress& p, int64_t elapsedNs) noexcept
{
    if (p.done == 0 || elapsedNs < 0) {
        return std::nullopt;
    }
    if (p.done >= p.total) {
        return 0;
    }
    double left = 0;
    if (p.doneCost > 0 && p.totalCost > p.doneCost) {
        left = double(elapsedNs) * (p.totalCost - p.doneCost) / p.doneCost;
    } else {
        left = double(elapsedNs) / double(p.done) * double(p.total - p.done);
    }
    return int64_t(std::min(left, 9e18));
}

unsigned defaultSweepJobs() noexcept
{
    return std::max(1u, std::thread::hardware_concurrency());
}

bool runSweep(std::vector<SweepPoint>& points, const std::vector<size_t>& which, unsigned jobs,
              const std::function<void(const SweepProgress&)>& onPointDone, const std::atomic<bool>* cancel)
{
    std::vector<size_t> todo;
    for (size_t i : which) {
        if (i >= points.size()) {
            throw std::out_of_range("runSweep: point index past the end");
        }
        if (points[i].skipReason.empty()) {
            todo.push_back(i);
        }
    }
    // The points' runs are of a few sizes: each takes the bit arrays of one finished before it.
    const detail::BlockReuse reuse;
    std::vector<double> cost(points.size(), 0.0);
    double totalCost = 0;
    for (size_t i : todo) {
        cost[i] = estimateSweepPointCost(points[i].config);
        totalCost += cost[i];
    }
    std::mutex doneLock;
    size_t done = 0;
    double doneCost = 0;
    auto finished = [&](size_t index) {
        if (onPointDone) {
            const std::lock_guard<std::mutex> hold(doneLock);
            doneCost += cost[index];
            onPointDone(SweepProgress{++done, todo.size(), index, doneCost, totalCost});
        }
    };
    const size_t threads = std::min<size_t>(std::max(jobs, 1u), todo.size());
    if (threads <= 1) {
        for (size_t i : todo) {
            if (cancelled(cancel) || !runPoint(points[i], cancel)) {
                return false;
            }
            finished(i);
        }
        return true;
    }
    // Each point fits in memory on its own (the caller's validation checked it); points run side by
    // side only while their needs together fit too, so more jobs never add up to more than the
    // machine has.
    std::optional<uint64_t> available;
    try {
        available = availableMemory().bytes;
    } catch (const std::invalid_argument&) {
        // A bad BITMIG_MEMORY_LIMIT was reported by the caller's validation already.
    }
    // Longest processing time first: a costly point started last would run alone at the end.
    std::stable_sort(todo.begin(), todo.end(), [&cost](size_t a, size_t b) { return cost[a] > cost[b]; });
    std::mutex lock;
    std::condition_variable freed;
    uint64_t reserved = 0;
    std::atomic<size_t> next{0};
    std::atomic<bool> stopped{false};
    auto worker = [&] {
        for (size_t k = next++; k < todo.size(); k = next++) {
            if (cancelled(cancel)) {
                stopped = true;
                return;
            }
            SweepPoint& point = points[todo[k]]; // each point is touched by exactly one thread
            uint64_t need = 0;
            try {
                need = estimateRunMemory(point.config).total();
            } catch (const ConfigError&) {
                need = 0; // the run reports the invalid configuration itself
            }
            {
                std::unique_lock<std::mutex> hold(lock);
                freed.wait(hold,
                           [&] { return !available || reserved == 0 || reserved + need <= *available; });
                reserved += need;
            }
            const bool complete = runPoint(point, cancel);
            {
                const std::lock_guard<std::mutex> hold(lock);
                reserved -= need;
            }
            freed.notify_all();
            if (!complete) {
                stopped = true;
                return;
            }
            finished(todo[k]);
        }
    };
    std::vector<std::thread> pool;
    for (size_t t = 0; t < threads; ++t) {
        pool.emplace_back(worker);
    }
    for (std::thread& t : pool) {
        t.join();
    }
    return !stopped && !cancelled(cancel);
}

} // namespace bitmig
