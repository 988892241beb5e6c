#include "phaseexplainer.h"

#include "widgets/byteformat.h"

#include <bitmig/chunkgeometry.h>
#include <bitmig/convergence.h>

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace bitmig {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("bitmig::PhaseExplainer", text);
}

QString bytes(double b)
{
    return formatBytes(uint64_t(std::max(b, 0.0)), QLocale(), 1);
}

QString duration(int64_t ns)
{
    const QLocale l;
    if (ns >= 1'000'000'000) {
        return QCoreApplication::translate("bitmig::PhaseExplainer", "%1 s").arg(l.toString(double(ns) * 1e-9, 'f', 2));
    }
    return QCoreApplication::translate("bitmig::PhaseExplainer", "%1 ms").arg(l.toString(double(ns) * 1e-6, 'f', 1));
}

QString phaseWord(Phase p)
{
    switch (p) {
    case Phase::Idle: return QCoreApplication::translate("bitmig::PhaseExplainer", "idle");
    case Phase::Setup: return QCoreApplication::translate("bitmig::PhaseExplainer", "setup");
    case Phase::Bulk: return QCoreApplication::translate("bitmig::PhaseExplainer", "bulk");
    case Phase::Dirty: return QCoreApplication::translate("bitmig::PhaseExplainer", "dirty");
    case Phase::Complete: return QCoreApplication::translate("bitmig::PhaseExplainer", "complete");
    case Phase::Done: return QCoreApplication::translate("bitmig::PhaseExplainer", "done");
    case Phase::Cancelled: return QCoreApplication::translate("bitmig::PhaseExplainer", "cancelled");
    }
    return {};
}

} // namespace

ConvergenceForecast PhaseExplainer::forecast(const SimSnapshot& s)
{
    // The forecast's bounds go by the workload's rate: the one running now (the run's configuration
    // itself is shared by every snapshot, and not copied).
    return forecastConvergence(*s.config, s.liveWorkload ? *s.liveWorkload : s.config->workload, s.summary.passes);
}

QString PhaseExplainer::verdict(const SimSnapshot& s)
{
    using Outcome = ConvergenceForecast::Outcome;
    const ConvergenceForecast f = forecast(s);
    const QLocale l;
    const QString shrink = l.toString(100 * f.shrink, 'f', f.shrink < 0.1 ? 1 : 0);
    const QString lastPass = QString::number(s.config->maxPasses);
    switch (f.outcome) {
    case Outcome::NotPrecopy:
    case Outcome::NotStarted:
        return {};
    case Outcome::TooEarly:
        if (!f.likely) {
            return tr("Too early to tell whether it converges: no dirty pass has finished yet, so how much a "
                      "pass leaves behind is not measured.");
        }
        if (f.likelyConverges) {
            return tr("Too early to tell whether it converges: the last pass left %1 % of what it began with. If "
                      "that held, pending would fit the budget in pass %2 of at most %3, but the passes so far "
                      "do not settle it yet.")
                .arg(shrink, QString::number(f.convergesInPass), lastPass);
        }
        return tr("Too early to tell whether it converges: the last pass left %1 % of what it began with. If that "
                  "held, pending would not reach the budget within the %2 passes left, but the passes so far do "
                  "not settle it yet.")
            .arg(shrink, QString::number(f.passesLeft));
    case Outcome::Converges:
        if (f.convergesInPass == f.pass) {
            return tr("It converges: each pass leaves about %1 % of what it began with, so pending fits the "
                      "budget in this pass.")
                .arg(shrink);
        }
        return tr("It converges: each pass leaves about %1 % of what it began with, so pending fits the budget "
                  "in pass %2 (at most %3 are allowed).")
            .arg(shrink, QString::number(f.convergesInPass), lastPass);
    case Outcome::Fits:
        return tr("Pending fits the budget: the guest is paused now.");
    case Outcome::NoWrites:
        return tr("It converges in this pass: the last pass left nothing behind.");
    case Outcome::Floor:
        return tr("It will not converge: the writes re-dirty chunks about as fast as a pass resends them, so "
                  "pending settles near %1, far above the budget. After pass %2 the guest is paused anyway and "
                  "the downtime exceeds the limit. A smaller chunk resends less for each write.")
            .arg(bytes(f.floorBytes), lastPass);
    case Outcome::PassCap:
        if (std::isfinite(f.passesNeeded)) {
            return tr("It will not converge in time: each pass leaves about %1 % of what it began with, so "
                      "pending needs about %2 more passes to reach the budget, but only %3 are left. After pass "
                      "%4 the guest is paused anyway and the downtime exceeds the limit.")
                .arg(shrink, l.toString(qulonglong(f.passesNeeded)), QString::number(f.passesLeft), lastPass);
        }
        return tr("It will not converge: pending does not reach the budget within the %1 passes left. "
                  "After pass %2 the guest is paused anyway and the downtime exceeds the limit.")
            .arg(QString::number(f.passesLeft), lastPass);
    case Outcome::TimeLimit:
        return tr("It will not converge before the run's time limit of %1: at this shrink the passes it needs "
                  "take longer.")
            .arg(duration(s.config->timeLimitNs));
    case Outcome::LimitTooTight:
        return tr("It cannot converge: the link's latency and the framing of the complete phase alone take "
                  "longer than the maximum downtime of %1, so no pending amount fits. After pass %2 the guest is "
                  "paused anyway.")
            .arg(duration(s.config->maxDowntimeNs), lastPass);
    }
    return {};
}

PhaseExplainer::Text PhaseExplainer::explain(const SimSnapshot& s)
{
    const SimConfig& c = *s.config;
    const ChunkGeometry geo = ChunkGeometry::compute(c.diskBytes, c.granularity, c.chunkBytes);
    const QLocale l;
    const QString coverage = bytes(double(geo.coverage));
    const double cursorPct = s.chunkCount ? 100.0 * double(s.cursorChunk) / double(s.chunkCount) : 0;
    Text t;
    switch (s.phase) {
    case Phase::Idle:
        t.title = tr("Guest running, nothing migrating yet");
        if (c.migrationStartNs > s.nowNs) {
            // A scheduled start (a scenario's migrationStart): it begins by itself.
            t.body = tr("Every guest write sets the bits of the granules it touches (%1 of disk per bit). "
                        "The bitmap holds %2 bits, %3 of them dirty. The migration starts by itself at %4, "
                        "in %5 of simulated time; Start migration sends it now. With a %6 chunk, one meta bit "
                        "stands for %7 of disk.")
                         .arg(bytes(double(c.granularity)), l.toString(qulonglong(geo.bitmapBits)),
                              l.toString(qulonglong(s.dirtyBits)), duration(c.migrationStartNs),
                              duration(c.migrationStartNs - s.nowNs), bytes(double(c.chunkBytes)), coverage);
        } else {
            t.body = tr("Every guest write sets the bits of the granules it touches (%1 of disk per bit). "
                        "The bitmap holds %2 bits, %3 of them dirty. Press Start migration to send it: "
                        "with a %4 chunk, one meta bit stands for %5 of disk.")
                         .arg(bytes(double(c.granularity)), l.toString(qulonglong(geo.bitmapBits)),
                              l.toString(qulonglong(s.dirtyBits)), bytes(double(c.chunkBytes)), coverage);
        }
        break;
    case Phase::Setup:
        t.title = tr("Setup");
        t.body = tr("A START record tells the destination the bitmap's name and granularity. ");
        if (c.strategy == Strategy::StopAndCopy) {
            t.body += tr("Stop and copy: the guest is paused now and waits until the whole bitmap has arrived. "
                         "This is where QEMU's precopy puts the bitmaps today: all of them at completion, "
                         "while the guest is paused.");
        } else if (c.strategy == Strategy::Postcopy) {
            t.body += tr("Postcopy: as soon as the destination knows the bitmap, the guest switches over and "
                         "records its writes there, in a successor bitmap.");
        } else {
            t.body += tr("Precopy: a meta bitmap with one bit per chunk now records which chunks change "
                         "(the 2015 proposal; QEMU sends bitmaps at completion instead).");
        }
        break;
    case Phase::Bulk:
        if (c.strategy == Strategy::Postcopy) {
            t.title = tr("Bulk pass, guest at the destination");
            t.body = tr("The guest already runs at the destination; its writes go to a successor bitmap there. "
                        "The source sends every chunk once, in disk order (chunk %1 of %2, %3 %). Nothing is ever "
                        "resent, so this always ends, but until COMPLETE arrives the destination's bitmap "
                        "cannot be used.")
                         .arg(l.toString(qulonglong(s.cursorChunk)), l.toString(qulonglong(s.chunkCount)),
                              l.toString(cursorPct, 'f', 1));
        } else {
            t.title = tr("Bulk pass");
            t.body = tr("Every chunk is sent once, in disk order: chunk %1 of %2 (%3 %). Each chunk covers %4 of "
                        "disk. A write behind the cursor re-dirties a chunk already sent: its meta bit lights up "
                        "and the chunk goes again in dirty pass 1. All-clean chunks go as 13-byte ZEROES records.")
                         .arg(l.toString(qulonglong(s.cursorChunk)), l.toString(qulonglong(s.chunkCount)),
                              l.toString(cursorPct, 'f', 1), coverage);
        }
        break;
    case Phase::Dirty: {
        t.title = tr("Dirty pass %1").arg(s.pass);
        t.body = tr("Only chunks whose meta bit is set are resent: %1 dirty chunks, %2 pending. The guest can "
                    "be paused once pending fits the downtime budget, %3 (bandwidth × max downtime, less the "
                    "latency, the framing and what is still on the link). ")
                     .arg(l.toString(qulonglong(s.dirtyChunks)), bytes(double(s.pendingBytes)),
                          bytes(double(s.thresholdBytes)));
        t.body += verdict(s);
        break;
    }
    case Phase::Complete:
        t.title = tr("Complete phase");
        if (c.strategy == Strategy::Postcopy) {
            t.body = tr("Every chunk has been sent. COMPLETE tells the destination to finish the bitmap and merge "
                        "the successor with the writes the guest made there.");
        } else {
            t.body = tr("The guest is paused. What is still pending is sent, then COMPLETE; this pause is the "
                        "downtime: expected %1 against the limit of %2.")
                         .arg(duration(s.summary.expectedDowntimeNs), duration(c.maxDowntimeNs));
        }
        break;
    case Phase::Done: {
        const MigrationSummary& m = s.summary;
        t.title = m.verified ? tr("Done: verified") : tr("Done: NOT verified");
        t.body = tr("%1 on the wire in %2 records (%3 % overhead), %4 chunks sent, %5 of them again. "
                    "Downtime %6 (limit %7). The destination bitmap %8; %9 bits lost.")
                     .arg(bytes(double(m.wireBytes)), l.toString(qulonglong(m.records)),
                          l.toString(100 * m.overhead(), 'f', 2), l.toString(qulonglong(m.chunksSent)),
                          l.toString(qulonglong(m.chunksResent)), duration(m.downtimeNs), duration(c.maxDowntimeNs),
                          m.verified ? tr("equals what the source tracked") : tr("differs from the source"),
                          l.toString(qulonglong(m.lostBits)));
        if (!m.converged) {
            t.body += QLatin1Char(' ') + tr("The dirty phase did not converge: the pass cap forced completion.");
        }
        break;
    }
    case Phase::Cancelled:
        t.title = tr("Cancelled");
        t.body = tr("The link failed and the migration was cancelled. The destination dropped its partial bitmap; "
                    "the source kept every dirty bit, including writes the guest made at the destination. "
                    "Start the migration again to retry.");
        break;
    }
    if (s.timeLimitReached) {
        // The clock stopped: what the phase text says is going on is not going on any more.
        t.title = tr("Stopped at the time limit");
        t.body = tr("The run reached its time limit of %1 before the migration finished, in the %2 phase; "
                    "nothing more is sent and the guest writes no more. Raise the time limit (Parameters) "
                    "to see how it ends.")
                     .arg(duration(c.timeLimitNs), phaseWord(s.phase));
    }
    if (s.summary.error.size()) {
        t.body += QLatin1Char(' ') + tr("The destination refused the stream: %1").arg(QString::fromStdString(s.summary.error));
    }
    return t;
}

} // namespace bitmig
