#include "livesimulation.h"

#include "app/model/qcow2import.h"
#include "widgets/byteformat.h"
#include "widgets/configerrortext.h"

#include <bitmig/configerror.h>
#include <bitmig/printable.h>
#include <bitmig/traceerror.h>
#include <bitmig/tracereader.h>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QSaveFile>
#include <QTextStream>

#include <algorithm>
#include <bit>

namespace bitmig {

namespace {

QString shown(const qemu::BitmapRef& ref)
{
    return QString::fromStdString(printable((ref.node + QLatin1Char('/') + ref.bitmap).toStdString()));
}

QString seconds(qint64 ns)
{
    return QString::asprintf("%lld.%09lld", static_cast<long long>(ns / 1000000000), static_cast<long long>(ns % 1000000000));
}

} // namespace

std::optional<LiveSimulation::Result> LiveSimulation::build(const QString& vmName, const qemu::LiveRefresh& bits,
                                                            const std::vector<LiveChange>& changes, bool changesTruncated,
                                                            const SimConfig& base, const QString& traceDir, QString* why)
{
    auto fail = [&](const QString& message) {
        if (why) {
            *why = message;
        }
        return std::nullopt;
    };
    const QLocale locale;
    Result result;
    std::vector<DiskSpec> disks;
    std::vector<BitmapSpec> specs;
    std::vector<const qemu::LiveBitmapCopy*> copies;  // in `specs` order
    std::vector<uint64_t> diskStart;
    uint64_t guestBytes = 0;
    for (const qemu::LiveNodeInfo& node : bits.nodes) {
        if (node.bitmaps.isEmpty()) {
            continue;
        }
        const size_t disk = disks.size();
        uint64_t diskBytes = node.size;
        for (const qemu::LiveBitmapInfo& b : node.bitmaps) {
            const qemu::BitmapRef ref{node.nodeName, b.name};
            const auto copy = std::find_if(bits.bitmaps.begin(), bits.bitmaps.end(),
                                           [&](const qemu::LiveBitmapCopy& c) { return c.ref == ref; });
            if (copy == bits.bitmaps.end()) {
                return fail(tr("the bits of %1 were not read").arg(shown(ref)));
            }
            diskBytes = copy->diskBytes;
            specs.push_back(BitmapSpec{disk, b.name.toStdString(), b.granularity, b.recording, b.persistent});
            copies.push_back(&*copy);
        }
        disks.push_back(DiskSpec{node.nodeName.toStdString(), diskBytes});
        diskStart.push_back(guestBytes);
        guestBytes += diskBytes;
    }
    if (specs.empty()) {
        return fail(tr("QEMU %1 has no dirty bitmap to simulate.").arg(vmName));
    }

    SimConfig config = base;
    config.injections.clear();
    config.faultsNs.clear();

    // The starting bits: each bitmap its own, recording or not (BitmapSpec::startBits), so every
    // one starts as the VM holds it, whatever the others on its disk hold.
    uint64_t startBytes = 0;
    size_t extents = 0;
    for (size_t i = 0; i < specs.size(); ++i) {
        extents += copies[i]->extents.size();
        if (extents > Qcow2Import::kMaxExtents) {
            return fail(tr("QEMU %1: the bitmaps have more than %2 separate dirty extents; at most %2 can be taken as starting bits.")
                            .arg(vmName, locale.toString(qulonglong(Qcow2Import::kMaxExtents))));
        }
        specs[i].startBits = copies[i]->extents;
        startBytes += copies[i]->dirtyBytes();
    }
    config.setLayout(disks, specs);

    // The workload: per disk, the changes of its finest recording bitmap, as a CSV trace.
    config.workload.kind = WorkloadKind::Idle;
    config.workload.trace = TraceReplay{};
    struct Line {
        qint64 timeNs;
        uint64_t offset;
        uint64_t length;
        bool cleaned;
    };
    std::vector<Line> lines;
    QStringList sources;
    for (size_t d = 0; d < disks.size(); ++d) {
        const qemu::LiveBitmapCopy* chosen = nullptr;
        for (size_t i = 0; i < specs.size(); ++i) {
            const bool hasChanges = std::any_of(changes.begin(), changes.end(), [&](const LiveChange& c) { return c.ref == copies[i]->ref; });
            if (specs[i].disk == d && specs[i].enabled && hasChanges && (!chosen || copies[i]->granularity < chosen->granularity)) {
                chosen = copies[i];
            }
        }
        if (!chosen) {
            continue;
        }
        sources << shown(chosen->ref);
        for (const LiveChange& c : changes) {
            if (c.ref == chosen->ref) {
                lines.push_back(Line{c.timeNs, diskStart[d] + c.run.start, c.run.count, c.cleaned});
            }
        }
    }
    std::stable_sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) { return a.timeNs < b.timeNs; });
    if (!lines.empty()) {
        if (!QDir().mkpath(traceDir)) {
            return fail(tr("%1: the folder for the recorded changes cannot be made").arg(traceDir));
        }
        const QString path = QDir(traceDir).filePath(
            QStringLiteral("qemu-changes-%1.csv").arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmsszzz"))));
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
            return fail(tr("%1: cannot be written: %2").arg(path, file.errorString()));
        }
        QTextStream csv(&file);
        csv << "time,offset,length,operation\n";
        for (const Line& l : lines) {
            csv << seconds(l.timeNs) << ',' << l.offset << ',' << l.length << (l.cleaned ? ",trim\n" : ",write\n");
        }
        csv.flush();
        if (!file.commit()) {
            return fail(tr("%1: cannot be written: %2").arg(path, file.errorString()));
        }
        try {
            config.workload.trace.trace =
                std::make_shared<const Trace>(TraceReader::readFile(QFile::encodeName(path).toStdString()));
        } catch (const TraceError& e) {
            return fail(QString::fromStdString(e.what()));
        }
        result.traceFile = path;
    }
    if (changesTruncated) {
        result.warnings << tr("Only the first %1 changes between refreshes were kept.")
                               .arg(locale.toString(qulonglong(LiveSession::kMaxChanges)));
    }
    try {
        config.validate();
    } catch (const ConfigError& e) {
        return fail(tr("QEMU %1 cannot be simulated: %2").arg(vmName, ConfigErrorText::message(e)));
    }

    const QString layout = tr("%1 bitmaps on %2 disks").arg(specs.size()).arg(disks.size());
    const QString workload =
        lines.empty() ? tr("no change was recorded between refreshes, so the guest is idle")
                      : tr("the guest replays the %1 changes recorded between refreshes (%2) from %3")
                            .arg(locale.toString(qulonglong(lines.size())), sources.join(QStringLiteral(", ")),
                                 QFileInfo(result.traceFile).fileName());
    result.summary = tr("Simulating QEMU %1: %2, each starting from its own bits as read now (%3 dirty in all); %4.")
                         .arg(vmName, layout, formatBytes(startBytes, locale), workload);
    Scenario& s = result.scenario;
    s.name = tr("QEMU %1, %2").arg(vmName, layout);
    s.description = result.summary;
    s.config = config;
    return result;
}

} // namespace bitmig
