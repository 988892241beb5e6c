#include "progress.h"

#include "argumenterror.h"
#include "summaryreport.h"

#include <bitmig/printable.h>

#include <QCoreApplication>

#include <unistd.h>

#include <algorithm>

namespace bitmig::cli {

namespace {

using Clock = std::chrono::steady_clock;


int64_t sinceNs(Clock::time_point start)
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - start).count();
}

} // namespace

std::optional<Progress::Mode> Progress::parseMode(const QString& text)
{
    if (text == QLatin1String("auto")) {
        return Mode::Auto;
    }
    if (text == QLatin1String("always")) {
        return Mode::Always;
    }
    if (text == QLatin1String("never")) {
        return Mode::Never;
    }
    return std::nullopt;
}

Progress::Progress(Mode mode, std::FILE* out, int64_t firstReportNs, int64_t everyNs)
    : out_(out), firstReportNs_(firstReportNs), everyNs_(everyNs)
{
    terminal_ = ::isatty(::fileno(out)) == 1;
    enabled_ = mode == Mode::Always || (mode == Mode::Auto && terminal_);
    always_ = mode == Mode::Always;
}

Progress::Mode Progress::modeOf(const QCommandLineParser& parser)
{
    if (!parser.isSet(QStringLiteral("progress"))) {
        return Mode::Auto;
    }
    const QString value = parser.value(QStringLiteral("progress"));
    const std::optional<Mode> mode = parseMode(value);
    if (!mode) {
        throw ArgumentError(QStringLiteral("--progress"),
                            QCoreApplication::translate("bitmig", "'%1' is not auto, always or never")
                                .arg(QString::fromStdString(printablePrefix(value.toStdString()))));
    }
    return *mode;
}

QString Progress::line(const MigrationEngine& engine, int64_t nowNs, int64_t limitNs, int64_t wallNs, bool last)
{
    const double speed = wallNs > 0 ? double(nowNs) / double(wallNs) : 0;  // simulated per wall second
    const std::string_view phase = phaseName(engine.phase());
    QString text = QCoreApplication::translate("bitmig", "simulated %1 of at most %2 (%3), %4x real time")
                       .arg(SummaryReport::duration(nowNs), SummaryReport::duration(limitNs),
                            QString::fromLatin1(phase.data(), qsizetype(phase.size())))
                       .arg(speed, 0, 'g', 3);
    if (!last && speed > 0 && nowNs < limitNs) {
        const double leftNs = double(limitNs - nowNs) / speed;
        text += QCoreApplication::translate("bitmig", ", at most %1 of wall time left")
                    .arg(SummaryReport::duration(int64_t(std::min(leftNs, 9e18))));
    }
    return text;
}

void Progress::report(const QString& text, bool last)
{
    const QByteArray bytes = (QStringLiteral("bitmig: ") + text).toLocal8Bit();
    if (terminal_) {
        // Rewritten in place: the old line's tail is blanked, the last report ends the line.
        const qsizetype pad = std::max<qsizetype>(0, lastWidth_ - bytes.size());
        std::fprintf(out_, "\r%s%*s%s", bytes.constData(), int(pad), "", last ? "\n" : "");
        lastWidth_ = bytes.size();
    } else {
        std::fprintf(out_, "%s\n", bytes.constData());
    }
    std::fflush(out_);
    reported_ = true;
}

QString Progress::sweepLine(const SweepProgress& p, int64_t wallNs)
{
    QString text = QCoreApplication::translate("bitmig", "sweep: %1 of %2 points run, %3")
                       .arg(p.done)
                       .arg(p.total)
                       .arg(SummaryReport::duration(wallNs));
    if (p.done > 0 && p.done < p.total) {
        if (const std::optional<int64_t> left = sweepTimeLeftNs(p, wallNs)) {
            text += QCoreApplication::translate("bitmig", ", about %1 left").arg(SummaryReport::duration(*left));
        }
    }
    return text;
}

void Progress::pointDone(const SweepProgress& p)
{
    if (!enabled_) {
        return;
    }
    const int64_t wall = sinceNs(start_);
    if (always_ || p.done == p.total || wall >= nextSweepReportNs_) {
        report(sweepLine(p, wall), p.done == p.total);
        nextSweepReportNs_ = wall + everyNs_;
    }
}

void Progress::run(MigrationEngine& engine)
{
    if (!enabled_) {
        engine.runToEnd();
        return;
    }
    const int64_t limitNs = engine.config().timeLimitNs;
    const Clock::time_point start = Clock::now();
    int64_t nextReportNs = firstReportNs_;
    // The loop of runToEnd(), with a look at the clock after every step (tens of nanoseconds,
    // against a microsecond or more for the step).
    while (!engine.finished() && engine.phase() != Phase::Cancelled) {
        engine.step();
        const int64_t wall = sinceNs(start);
        if (wall >= nextReportNs) {
            report(line(engine, engine.nowNs(), limitNs, wall, false), false);
            nextReportNs = wall + everyNs_;
        }
    }
    if (reported_ || always_) {
        report(line(engine, engine.nowNs(), limitNs, sinceNs(start), true), true);
    }
}

} // namespace bitmig::cli
