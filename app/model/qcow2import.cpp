#include "qcow2import.h"

#include "widgets/byteformat.h"
#include "widgets/configerrortext.h"
#include "widgets/workloadnames.h"

#include <bitmig/configerror.h>
#include <bitmig/dirtyextents.h>
#include <bitmig/printable.h>

#include <QFile>
#include <QFileInfo>
#include <QLocale>

namespace bitmig {

Qcow2Import::Qcow2Import(const QString& path)
    : path_(path), image_(QFile::encodeName(path).toStdString())
{
}

QStringList Qcow2Import::bitmapNames() const
{
    QStringList names;
    for (const Qcow2BitmapInfo& b : image_.bitmaps()) {
        names << QString::fromStdString(b.name);
    }
    return names;
}

QString Qcow2Import::shownName(const QString& name)
{
    return QString::fromStdString(printable(name.toStdString()));
}

QString Qcow2Import::nothingToImport() const
{
    if (!image_.bitmaps().empty()) {
        return {};
    }
    return image_.bitmapsIgnored()
               ? tr("%1: the bitmaps in this image are stale (the header's autoclear bit for bitmaps is clear, "
                    "as a program that does not know them leaves it); QEMU ignores them too.")
                     .arg(path_)
               : tr("%1 holds no persistent bitmap.").arg(path_);
}

std::optional<Scenario> Qcow2Import::scenario(const QString& name, const SimConfig& base, Workload workload,
                                              QString* why) const
{
    auto fail = [&](const QString& message) {
        if (why) {
            *why = message;
        }
        return std::nullopt;
    };
    const Qcow2BitmapInfo* info = image_.find(name.toStdString());
    if (!info) {
        return fail(tr("%1 has no bitmap named '%2'.").arg(path_, shownName(name)));
    }
    const DirtyBitmap bitmap = image_.loadBitmap(*info);
    SimConfig config = base;
    config.diskBytes = image_.diskBytes();
    config.granularity = info->granularity;
    config.disks.clear();  // the image's one disk with its one bitmap
    config.bitmaps.clear();
    config.injections.clear();
    const QString keptWorkload = describe(config.workload);
    if (workload == Workload::Idle) {
        config.workload.kind = WorkloadKind::Idle;
        config.workload.trace = TraceReplay{};
    }
    const std::vector<Range> extents = dirtyExtents(bitmap.bits());
    if (extents.size() > kMaxExtents) {
        return fail(tr("%1: bitmap '%2' has %3 separate dirty extents; at most %4 can be imported as writes.")
                        .arg(path_, shownName(name), QLocale().toString(qulonglong(extents.size())),
                             QLocale().toString(qulonglong(kMaxExtents))));
    }
    for (const Range& r : extents) {
        config.injections.push_back(Injection{0, Injection::Op::Write, r.start, r.count});
    }
    try {
        config.validate();
    } catch (const ConfigError& e) {
        return fail(tr("%1: bitmap '%2' cannot be simulated: %3").arg(path_, shownName(name), ConfigErrorText::message(e)));
    }
    Scenario s;
    s.name = tr("%1, bitmap %2").arg(QFileInfo(path_).fileName(), shownName(name));
    s.description = tr("Imported from a qcow2 image: %1 dirty extents over %2 at %3 granularity.")
                        .arg(QLocale().toString(qulonglong(config.injections.size())),
                             formatBytes(config.diskBytes, QLocale(), 1), formatBytes(config.granularity, QLocale(), 0)) +
                    QLatin1Char(' ') +
                    (workload == Workload::Idle
                         ? tr("The guest is idle: only the imported bits are dirty.")
                         : tr("The guest keeps its workload (%1): its writes add to the imported bits.").arg(keptWorkload));
    s.config = config;
    return s;
}

QString Qcow2Import::describe(const WorkloadSpec& w)
{
    const QString kind = workloadKindLabel(w.kind);  // as the workload panel names it
    QString text = w.kind == WorkloadKind::Idle ? kind
                                                : tr("%1, %2 writes/s").arg(kind, QLocale().toString(w.rate, 'f', 0));
    if (w.trace.active()) {
        text = tr("%1, replaying %2").arg(text, QFileInfo(QString::fromStdString(w.trace.trace->source())).fileName());
    }
    return text;
}

} // namespace bitmig
