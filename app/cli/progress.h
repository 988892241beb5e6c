// Progress of a long run on standard error: simulated time, how fast it goes against real time,
// and the wall time left at most (to the time limit).
#pragma once

#include <bitmig/migrationengine.h>
#include <bitmig/sweep.h>

#include <QCommandLineParser>
#include <QString>

#include <chrono>
#include <cstdio>
#include <optional>

namespace bitmig::cli {

class Progress {
public:
    enum class Mode { Auto, Always, Never };
    // "auto" (when standard error is a terminal), "always" or "never"; nullopt otherwise.
    static std::optional<Mode> parseMode(const QString& text);
    // The --progress option's mode (Auto when it is not given); ArgumentError for another value.
    static Mode modeOf(const QCommandLineParser& parser);

    // On a terminal the line is rewritten in place; otherwise each report is a line of its own.
    // The first report comes after `firstReportNs` of wall time, the next ones `everyNs` apart.
    explicit Progress(Mode mode, std::FILE* out = stderr, int64_t firstReportNs = 1'000'000'000,
                      int64_t everyNs = 500'000'000);

    bool enabled() const noexcept { return enabled_; }
    // Runs the engine to its end as MigrationEngine::runToEnd() does, step for step, reporting
    // about twice a second of wall time once the run has taken a second (by default), and once at
    // the end if it reported at all (or always, in Always mode).
    void run(MigrationEngine& engine);

    // A sweep's progress, once a point has run: points run, wall time so far and left (estimated
    // from the estimated cost of the points run and of those left, sweepTimeLeftNs()). Always
    // reports every point; Auto on a terminal at most about twice a second, and the last.
    void pointDone(const SweepProgress& progress);
    static QString sweepLine(const SweepProgress& progress, int64_t wallNs);

    // The report for a run at `nowNs` of `limitNs` simulated, `wallNs` of wall time in; the last
    // one gives no time left.
    static QString line(const MigrationEngine& engine, int64_t nowNs, int64_t limitNs, int64_t wallNs, bool last);

private:
    void report(const QString& text, bool last);

    bool enabled_ = false;
    bool terminal_ = false;
    bool reported_ = false;
    bool always_ = false;
    qsizetype lastWidth_ = 0;
    std::FILE* out_;
    int64_t firstReportNs_;
    int64_t everyNs_;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
    int64_t nextSweepReportNs_ = 0;
};

} // namespace bitmig::cli
