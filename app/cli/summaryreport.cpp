#include "summaryreport.h"

#include "clitext.h"

#include <bitmig/units.h>

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>
#include <vector>

namespace bitmig::cli {

namespace {

QString latin1(std::string_view s)
{
    return QString::fromLatin1(s.data(), qsizetype(s.size()));
}

// "label:" padded so that the values line up.
void row(QTextStream& out, const QString& label, const QString& value)
{
    out << "  " << (label + QLatin1Char(':')).leftJustified(22) << ' ' << value << '\n';
}

// A time exactly, to the nanosecond, in the unit of its size: "1.00011237 s", "250 ms". Phases of
// microseconds a second into a run then read apart, where "1 s .. 1 s" told nothing.
QString instant(int64_t ns)
{
    static const struct {
        int64_t ns;
        int digits;
        const char* unit;
    } units[] = {{1'000'000'000, 9, "s"}, {1'000'000, 6, "ms"}, {1'000, 3, "\xc2\xb5s"}, {1, 0, "ns"}};
    for (const auto& u : units) {
        if (ns < u.ns && u.ns > 1) {
            continue;
        }
        QString text = QString::number(ns / u.ns);
        if (const int64_t part = ns % u.ns) {
            QString digits = QString::number(part).rightJustified(u.digits, QLatin1Char('0'));
            while (digits.endsWith(QLatin1Char('0'))) {
                digits.chop(1);
            }
            text += QLatin1Char('.') + digits;
        }
        return text + QLatin1Char(' ') + QString::fromUtf8(u.unit);
    }
    return {};
}

} // namespace

QString SummaryReport::workload(const SimConfig& c)
{
    const WorkloadSpec& w = c.workload;
    const QString kind = latin1(workloadKindName(w.kind));
    if (w.kind != WorkloadKind::Idle) {
        return QCoreApplication::translate("bitmig", "%1, %2 writes/s of %3 to %4, seed %5")
            .arg(kind, QString::number(w.rate, 'g', 10), size(w.minWriteBytes), size(w.maxWriteBytes),
                 number(c.seed));
    }
    // The idle generator makes no writes: its rate and write sizes are unused.
    if (const TraceReplay& t = w.trace; t.active()) {
        return QCoreApplication::translate("bitmig", "%1, replaying %2 at speed %3%4, seed %5")
            .arg(kind, QString::fromStdString(t.trace->source()), QString::number(t.speed, 'g', 10),
                 t.loop ? QCoreApplication::translate("bitmig", ", looping") : QString(), number(c.seed));
    }
    return QCoreApplication::translate("bitmig", "%1, seed %2").arg(kind, number(c.seed));
}

QString SummaryReport::faultSchedule(const SimConfig& c)
{
    std::vector<int64_t> times = c.faultsNs;
    std::sort(times.begin(), times.end());
    QStringList list;
    for (const int64_t t : times) {
        list.append(duration(t));
    }
    const QString retry = c.faultRetryNs >= 0
                              ? QCoreApplication::translate("bitmig", "retry after %1").arg(duration(c.faultRetryNs))
                              : QCoreApplication::translate("bitmig", "no retry");
    return QCoreApplication::translate("bitmig", "at %1; %2").arg(list.join(QStringLiteral(", ")), retry);
}

QString SummaryReport::size(uint64_t bytes)
{
    return QString::fromStdString(units::formatSize(bytes));
}

QString SummaryReport::duration(int64_t ns)
{
    return QString::fromStdString(units::formatDuration(ns));
}

QString SummaryReport::bandwidth(double bytesPerSecond)
{
    return QString::fromStdString(units::formatBandwidth(bytesPerSecond));
}

QString SummaryReport::percent(double share)
{
    return QCoreApplication::translate("bitmig", "%1 %").arg(share * 100.0, 0, 'f', 2);
}

QString SummaryReport::yesNo(bool value)
{
    return value ? QCoreApplication::translate("bitmig", "yes") : QCoreApplication::translate("bitmig", "no");
}

void SummaryReport::write(QTextStream& out, const SimConfig& c, const MigrationSummary& s)
{
    const uint64_t bits = c.diskBytes / c.granularity + (c.diskBytes % c.granularity != 0);

    out << QCoreApplication::translate("bitmig", "Scenario") << '\n';
    row(out, QCoreApplication::translate("bitmig", "Strategy"), latin1(strategyName(c.strategy)));
    if (c.hasLayout()) {
        for (const DiskSpec& d : c.disks) {
            row(out, QCoreApplication::translate("bitmig", "Disk %1").arg(shownName(d.node)), size(d.bytes));
        }
    } else {
        row(out, QCoreApplication::translate("bitmig", "Disk"),
            QCoreApplication::translate("bitmig", "%1, granularity %2: %3 bits, %4 of bitmap")
                .arg(size(c.diskBytes), size(c.granularity), number(bits), size((bits + 7) / 8)));
    }
    row(out, QCoreApplication::translate("bitmig", "Chunk"),
        QCoreApplication::translate("bitmig", "%1 (%2 chunks, %3 of disk per meta bit)")
            .arg(size(c.chunkBytes), number(s.chunks), size(c.chunkBytes * 8 * c.granularity)));
    row(out, QCoreApplication::translate("bitmig", "Link"),
        QCoreApplication::translate("bitmig", "%1, latency %2").arg(bandwidth(c.bandwidth), duration(c.latencyNs)));
    row(out, QCoreApplication::translate("bitmig", "Workload"), workload(c));
    if (const TraceReplay& t = c.workload.trace; t.active()) {
        row(out, QCoreApplication::translate("bitmig", "Trace"),
            QCoreApplication::translate("bitmig", "%1 (%2): %3 writes, %4 clears over %5, speed %6%7")
                .arg(QString::fromStdString(t.trace->source()), latin1(traceFormatName(t.trace->format())),
                     number(t.trace->writes()), number(t.trace->clears()), duration(t.trace->endNs()),
                     QString::number(t.speed, 'g', 10),
                     t.loop ? QCoreApplication::translate("bitmig", ", looping") : QString()));
    }
    if (!c.faultsNs.empty()) {
        row(out, QCoreApplication::translate("bitmig", "Link faults"), faultSchedule(c));
    }
    out << '\n';

    out << QCoreApplication::translate("bitmig", "Phases") << '\n';
    for (const PhaseSpan& p : s.phases) {
        QString name = latin1(phaseName(p.phase));
        if (p.phase == Phase::Dirty) {
            name = QCoreApplication::translate("bitmig", "%1 pass %2").arg(name).arg(p.pass);
        }
        const QString end = p.endNs < 0 ? QCoreApplication::translate("bitmig", "(running)") : instant(p.endNs);
        out << "  " << name.leftJustified(16) << ' ' << instant(p.startNs).rightJustified(14) << " .. "
            << end.rightJustified(14);
        if (p.endNs >= 0) {
            out << "  " << duration(p.endNs - p.startNs);
        }
        out << '\n';
    }
    out << '\n';

    out << QCoreApplication::translate("bitmig", "Transfer") << '\n';
    row(out, QCoreApplication::translate("bitmig", "Dirty passes"), QString::number(s.dirtyPasses));
    row(out, QCoreApplication::translate("bitmig", "Records"), number(s.records));
    row(out, QCoreApplication::translate("bitmig", "Payload bytes"), QStringLiteral("%1 (%2)").arg(number(s.payloadBytes), size(s.payloadBytes)));
    row(out, QCoreApplication::translate("bitmig", "Header bytes"), QStringLiteral("%1 (%2)").arg(number(s.headerBytes), size(s.headerBytes)));
    row(out, QCoreApplication::translate("bitmig", "Wire bytes"), QStringLiteral("%1 (%2)").arg(number(s.wireBytes), size(s.wireBytes)));
    row(out, QCoreApplication::translate("bitmig", "Overhead"), percent(s.overhead()));
    row(out, QCoreApplication::translate("bitmig", "Chunks sent"),
        QCoreApplication::translate("bitmig", "%1 of %2 (resent %3, as zeroes %4)")
            .arg(number(s.chunksSent), number(s.chunks), number(s.chunksResent), number(s.chunksZeroes)));
    row(out, QCoreApplication::translate("bitmig", "Writes applied"),
        QCoreApplication::translate("bitmig", "%1 (clears %2)").arg(number(s.writesApplied), number(s.clearsApplied)));
    out << '\n';

    out << QCoreApplication::translate("bitmig", "Timing") << '\n';
    row(out, QCoreApplication::translate("bitmig", "Migration start"), s.migrationStartNs < 0 ? QCoreApplication::translate("bitmig", "never") : duration(s.migrationStartNs));
    row(out, QCoreApplication::translate("bitmig", "Downtime"),
        QCoreApplication::translate("bitmig", "%1 (expected %2, limit %3)%4")
            .arg(duration(s.downtimeNs), duration(s.expectedDowntimeNs), duration(s.maxDowntimeNs),
                 s.finished && s.downtimeNs > s.maxDowntimeNs ? QCoreApplication::translate("bitmig", ", over the limit") : QString()));
    if (c.strategy == Strategy::Postcopy) {
        row(out, QCoreApplication::translate("bitmig", "Bitmap unusable"), duration(s.unusableWindowNs));
    }
    row(out, QCoreApplication::translate("bitmig", "Total time"), duration(s.totalTimeNs));
    out << '\n';

    out << QCoreApplication::translate("bitmig", "Result") << '\n';
    row(out, QCoreApplication::translate("bitmig", "Finished"),
        yesNo(s.finished) + (s.aborted     ? QCoreApplication::translate("bitmig", " (aborted by a link fault)")
                             : s.cancelled ? QCoreApplication::translate("bitmig", " (cancelled)")
                                           : QString()));
    if (!c.faultsNs.empty()) {
        const uint64_t reached = s.faults + s.faultsIdle;
        const uint64_t later = c.faultsNs.size() > reached ? c.faultsNs.size() - reached : 0;
        row(out, QCoreApplication::translate("bitmig", "Faults"),
            QCoreApplication::translate("bitmig", "%1 cut the migration, %2 while none ran, %3 after the run ended; "
                                                  "%4 retries")
                .arg(number(s.faults), number(s.faultsIdle), number(later), number(s.retries)));
        row(out, QCoreApplication::translate("bitmig", "Aborted"), yesNo(s.aborted));
    }
    row(out, QCoreApplication::translate("bitmig", "Converged"), yesNo(s.converged));
    row(out, QCoreApplication::translate("bitmig", "Verified"), yesNo(s.verified));
    row(out, QCoreApplication::translate("bitmig", "Lost bits"), number(s.lostBits));
    row(out, QCoreApplication::translate("bitmig", "Extra bits"), number(s.extraBits));
    row(out, QCoreApplication::translate("bitmig", "Source SHA-256"), QString::fromStdString(s.sourceSha256));
    row(out, QCoreApplication::translate("bitmig", "Destination SHA-256"), QString::fromStdString(s.destinationSha256));
    if (s.expectedSha256 != s.sourceSha256) {
        row(out, QCoreApplication::translate("bitmig", "Expected SHA-256"), QString::fromStdString(s.expectedSha256));
    }
    if (!s.error.empty()) {
        row(out, QCoreApplication::translate("bitmig", "Error"), QString::fromStdString(s.error));
    }
    if (s.bitmaps.size() > 1) {
        // Each bitmap's share; the figures above are the totals (the SHA-256 the first bitmap's).
        out << '\n' << QCoreApplication::translate("bitmig", "Bitmaps") << '\n';
        for (const BitmapSummary& b : s.bitmaps) {
            const QString state = (b.enabled ? QCoreApplication::translate("bitmig", "enabled")
                                             : QCoreApplication::translate("bitmig", "disabled")) +
                                  (b.persistent ? QCoreApplication::translate("bitmig", ", persistent") : QString());
            out << "  " << shownName(b.device) << '/' << shownName(b.name) << '\n';
            row(out, QCoreApplication::translate("bitmig", "  Bitmap"),
                QCoreApplication::translate("bitmig", "granularity %1, %2: %3 bits, %4 dirty")
                    .arg(size(b.granularity), state, number(b.bits), number(b.dirtyBits)));
            row(out, QCoreApplication::translate("bitmig", "  Sent"),
                QCoreApplication::translate("bitmig", "%1 bytes in %2 records; chunks %3 of %4 (resent %5, as zeroes %6)")
                    .arg(number(b.wireBytes), number(b.records), number(b.chunksSent), number(b.chunks),
                         number(b.chunksResent), number(b.chunksZeroes)));
            row(out, QCoreApplication::translate("bitmig", "  Verified"),
                QCoreApplication::translate("bitmig", "%1 (lost %2, extra %3)")
                    .arg(yesNo(b.verified), number(b.lostBits), number(b.extraBits)));
            row(out, QCoreApplication::translate("bitmig", "  SHA-256"), QString::fromStdString(b.destinationSha256));
        }
    }
}

} // namespace bitmig::cli
