#include "sweeprunner.h"

#include <bitmig/enumnames.h>
#include <bitmig/migrationengine.h>
#include <bitmig/runmemory.h>

#include <QCoreApplication>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>

namespace bitmig::cli {

namespace {

void runPoint(SweepRunner::Point& point)
{
    try {
        MigrationEngine engine(point.config);
        engine.runToEnd();
        point.summary = engine.summary();
        point.ran = true;
    } catch (const std::exception& e) {
        point.failure = QString::fromStdString(e.what());
    }
}

int64_t measure(const SweepRunner::Point& p, SweepRunner::Criterion c)
{
    switch (c) {
    case SweepRunner::Criterion::MinTotalBytes:
        return int64_t(p.summary.wireBytes);
    case SweepRunner::Criterion::MinDowntime:
        return p.summary.downtimeNs;
    case SweepRunner::Criterion::MinTotalTime:
        return p.summary.totalTimeNs;
    }
    return 0;
}

constexpr EnumName<SweepRunner::Criterion> kCriterionNames[] = {
    {SweepRunner::Criterion::MinTotalBytes, "min-total-bytes"},
    {SweepRunner::Criterion::MinDowntime, "min-downtime"},
    {SweepRunner::Criterion::MinTotalTime, "min-total-time"},
};
static_assert(isNameTable(kCriterionNames, SweepRunner::Criterion::MinTotalBytes, SweepRunner::Criterion::MinTotalTime));

} // namespace

QString SweepRunner::criterionName(Criterion c)
{
    const std::optional<std::string_view> name = nameOf(kCriterionNames, c);
    return name ? QString::fromLatin1(name->data(), qsizetype(name->size())) : QString();
}

std::optional<SweepRunner::Criterion> SweepRunner::parseCriterion(const QString& name)
{
    const std::string text = name.trimmed().toStdString();
    return valueNamed(kCriterionNames, std::string_view(text));
}

QString SweepRunner::criterionDescription(Criterion c)
{
    switch (c) {
    case Criterion::MinTotalBytes:
        return QCoreApplication::translate("bitmig", "fewest wire bytes among verified and converged points");
    case Criterion::MinDowntime:
        return QCoreApplication::translate("bitmig", "shortest downtime among verified and converged points");
    case Criterion::MinTotalTime:
        return QCoreApplication::translate("bitmig", "shortest total time among verified and converged points");
    }
    return {};
}

void SweepRunner::run(std::vector<Point>& points, unsigned jobs, const std::function<void(size_t, size_t)>& onPointDone)
{
    std::vector<size_t> todo;
    for (size_t i = 0; i < points.size(); ++i) {
        if (points[i].skipReason.isEmpty()) {
            todo.push_back(i);
        }
    }
    std::mutex doneLock;
    size_t done = 0;
    auto finished = [&] {
        if (onPointDone) {
            const std::lock_guard<std::mutex> hold(doneLock);
            onPointDone(++done, todo.size());
        }
    };
    const size_t threads = std::min<size_t>(std::max(jobs, 1u), todo.size());
    if (threads <= 1) {
        for (size_t i : todo) {
            runPoint(points[i]);
            finished();
        }
        return;
    }
    // Each point fits in memory on its own (SimOptions::validate() checked it); points run side by
    // side only while their needs together fit too, so --jobs never adds up to more than the machine has.
    std::optional<uint64_t> available;
    try {
        available = availableMemory().bytes;
    } catch (const std::invalid_argument&) {
        // SimOptions::validate() reported a bad BITMIG_MEMORY_LIMIT already; nothing runs then.
    }
    std::mutex lock;
    std::condition_variable freed;
    uint64_t reserved = 0;
    std::atomic<size_t> next{0};
    auto worker = [&] {
        for (size_t k = next++; k < todo.size(); k = next++) {
            Point& point = points[todo[k]];  // each point is touched by exactly one thread
            uint64_t need = 0;
            try {
                need = estimateRunMemory(point.config).total();
            } catch (const ConfigError&) {
                need = 0;  // the run reports the invalid configuration itself
            }
            {
                std::unique_lock<std::mutex> hold(lock);
                freed.wait(hold, [&] { return !available || reserved == 0 || reserved + need <= *available; });
                reserved += need;
            }
            runPoint(point);
            {
                const std::lock_guard<std::mutex> hold(lock);
                reserved -= need;
            }
            freed.notify_all();
            finished();
        }
    };
    std::vector<std::thread> pool;
    for (size_t t = 0; t < threads; ++t) {
        pool.emplace_back(worker);
    }
    for (std::thread& t : pool) {
        t.join();
    }
}

std::optional<size_t> SweepRunner::best(const std::vector<Point>& points, Criterion criterion)
{
    std::optional<size_t> best;
    for (size_t i = 0; i < points.size(); ++i) {
        if (points[i].qualifies() && (!best || measure(points[i], criterion) < measure(points[*best], criterion))) {
            best = i;
        }
    }
    return best;
}

} // namespace bitmig::cli
