#include "phaseexplainer.h"

#include "datasize.h"

#include <bitmig/chunkgeometry.h>

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

namespace bitmig {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("bitmig::PhaseExplainer", text);
}

QString bytes(double b)
{
    return formatDataSize(uint64_t(std::max(b, 0.0)), 1);
}

QString rate(double bytesPerSecond)
{
    return QCoreApplication::translate("bitmig::PhaseExplainer", "%1/s").arg(bytes(bytesPerSecond));
}

QString duration(int64_t ns)
{
    const QLocale l;
    if (ns >= 1'000'000'000) {
        return QCoreApplication::translate("bitmig::PhaseExplainer", "%1 s").arg(l.toString(double(ns) * 1e-9, 'f', 2));
    }
    return QCoreApplication::translate("bitmig::PhaseExplainer", "%1 ms").arg(l.toString(double(ns) * 1e-6, 'f', 1));
}

} // namespace

bool PhaseExplainer::converging(const SimSnapshot& s) noexcept
{
    return s.recentRedirtyRate < s.config.bandwidth;
}

PhaseExplainer::Text PhaseExplainer::explain(const SimSnapshot& s)
{
    const SimConfig& c = s.config;
    const ChunkGeometry geo = ChunkGeometry::compute(c.diskBytes, c.granularity, c.chunkBytes);
    const QLocale l;
    const QString coverage = bytes(double(geo.coverage));
    const double cursorPct = s.chunkCount ? 100.0 * double(s.cursorChunk) / double(s.chunkCount) : 0;
    Text t;
    switch (s.phase) {
    case Phase::Idle:
        t.title = tr("Guest running, nothing migrating yet");
        t.body = tr("Every guest write sets the bits of the granules it touches (%1 of disk per bit). "
                    "The bitmap holds %2 bits, %3 of them dirty. Press Start migration to send it: "
                    "with a %4 chunk, one meta bit stands for %5 of disk.")
                     .arg(bytes(double(c.granularity)), l.toString(qulonglong(geo.bitmapBits)),
                          l.toString(qulonglong(s.dirtyBits)), bytes(double(c.chunkBytes)), coverage);
        break;
    case Phase::Setup:
        t.title = tr("Setup");
        t.body = tr("A START record tells the destination the bitmap's name and granularity. ");
        if (c.strategy == Strategy::StopAndCopy) {
            t.body += tr("Stop and copy: the guest is paused now and waits until the whole bitmap has arrived.");
        } else if (c.strategy == Strategy::Postcopy) {
            t.body += tr("Postcopy: as soon as the destination knows the bitmap, the guest switches over and "
                         "records its writes there, in a successor bitmap.");
        } else {
            t.body += tr("Precopy: a meta bitmap with one bit per chunk now records which chunks change.");
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
        if (converging(s)) {
            t.body += tr("It converges: writes re-dirty chunks worth %1 while the link carries %2, so each pass "
                         "leaves less behind.")
                          .arg(rate(s.recentRedirtyRate), rate(c.bandwidth));
        } else {
            t.body += tr("It does not converge: writes re-dirty chunks worth %1, at least what the link carries (%2). "
                         "Pending cannot shrink; after %3 passes the guest is paused anyway and the downtime "
                         "grows. A smaller chunk resends less for each write.")
                          .arg(rate(s.recentRedirtyRate), rate(c.bandwidth), QString::number(c.maxPasses));
        }
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
    if (s.summary.error.size()) {
        t.body += QLatin1Char(' ') + tr("The destination refused the stream: %1").arg(QString::fromStdString(s.summary.error));
    }
    return t;
}

} // namespace bitmig
