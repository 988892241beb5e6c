// The window's sweep: one parameter of the current configuration over a list of values, each value
// a whole run (core's runSweep(), the code `bitmig sweep` runs), on every core in worker threads,
// with progress, time left and cancel. The points and their order are those of `bitmig sweep` with
// the same parameter, so the CSV and JSON it exports are that command's.
#pragma once

#include "app/scenario/sweepreport.h"

#include <bitmig/simconfig.h>
#include <bitmig/sweep.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <optional>
#include <thread>

namespace bitmig {

// The parameters the window sweeps, with the `bitmig sweep` option each stands for.
enum class SweepParameter { ChunkSize, Granularity, Bandwidth, WriteRate, MaxDowntime, MigrationStart };

class SweepParameters {
    Q_DECLARE_TR_FUNCTIONS(SweepParameters)

public:
    static QList<SweepParameter> all();
    static QString label(SweepParameter p);     // "Chunk size", for the window
    static QString axisTitle(SweepParameter p); // "chunk size", "bandwidth (Mbit/s)": a unit only where the ticks carry none
    // The --vary name ("bandwidth", "rate", "start-at"); empty for the chunk size (--chunks).
    static QString varyName(SweepParameter p);
    static QString defaultValues(SweepParameter p); // "all", "100Mbit,1Gbit,10Gbit", ...
    // The value a point's configuration has, in the axis's unit (bytes, Mbit/s, writes/s, ms, s).
    static double axisValue(SweepParameter p, const SimConfig& config);
    // The configuration with the value (in the option's form, as `bitmig sweep` reads it) applied.
    // std::invalid_argument with the reason for text that is no such value.
    static void apply(SweepParameter p, const QString& value, SimConfig& config);
    // The sweep over `values` (a comma list; "all" for every chunk size) from `base`: its
    // definition and points, those that cannot run with their reason. std::invalid_argument naming
    // the value for text that does not read.
    // `chunks` (a comma list or "all"), for a parameter other than the chunk size, makes it a
    // two-parameter sweep, every value at every chunk size (a convergence map); empty: the base's.
    static SweepResults build(SweepParameter p, const QString& values, const SimConfig& base,
                              const QString& chunks = QString());
};

class SweepJob : public QObject {
    Q_OBJECT
public:
    explicit SweepJob(QObject* parent = nullptr);
    ~SweepJob() override; // cancels and waits for a running sweep

    // Starts the points of `results` that can run on `jobs` threads (default: every core).
    // False while one runs.
    bool start(SweepResults results, unsigned jobs = defaultSweepJobs());
    void cancel();
    bool running() const noexcept { return running_; }
    // The last sweep's points: complete after finished(true), partial after a cancel.
    const SweepResults& results() const noexcept { return results_; }
    size_t done() const noexcept { return done_; }
    size_t total() const noexcept { return total_; }
    // Wall time left, estimated from the estimated cost of the points done so far and of those
    // left (sweepTimeLeftNs()); nullopt before the first.
    std::optional<qint64> remainingMs() const;

Q_SIGNALS:
    void pointDone(int index, size_t done, size_t total); // results().points[index] is final
    void finished(bool complete);                         // false: cancelled

private:
    void onPointDone(int index, const SweepPoint& point, const SweepProgress& progress);
    void onFinished(bool complete);

    SweepResults results_;
    std::vector<SweepPoint> working_; // the worker threads' copy while a sweep runs
    std::thread thread_;
    std::atomic<bool> cancel_{false};
    bool running_ = false;
    size_t done_ = 0;
    size_t total_ = 0;
    SweepProgress progress_; // the last report
    QElapsedTimer clock_;
    std::shared_ptr<std::atomic<bool>> alive_; // false once this object is gone
};

} // namespace bitmig
