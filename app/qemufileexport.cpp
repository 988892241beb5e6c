#include "qemufileexport.h"

#include "viewexporter.h"

#include <bitmig/chunkgeometry.h>
#include <bitmig/migrationengine.h>
#include <bitmig/qemufile.h>

#include <QDir>

#include <stdexcept>

namespace bitmig {

QString QemuFileExport::write(const SimSnapshot* shown, const QString& path)
{
    const QString file = QDir::toNativeSeparators(path);
    if (!shown || !shown->finished || !shown->summary.finished || !shown->summary.verified) {
        return tr("%1 not written: the run has not completed and verified; a migration file holds a completed "
                  "migration")
            .arg(file);
    }
    SimConfig config = *shown->config;
    if (config.migrationStartNs < 0) {
        config.migrationStartNs = shown->summary.migrationStartNs; // started by hand: when it started
    }
    const ChunkGeometry g = ChunkGeometry::compute(config.diskBytes, config.granularity, config.chunkBytes);
    switch (g.qemuLoad) {
    case ChunkGeometry::QemuLoad::Loads:
        break;
    case ChunkGeometry::QemuLoad::Aborts:
        return tr("%1 not written: a QEMU destination aborts on %2 B chunks (it deserializes whole 64-bit words: "
                  "use chunks of 8 B or more)")
            .arg(file)
            .arg(qulonglong(config.chunkBytes));
    case ChunkGeometry::QemuLoad::Fails:
        return tr("%1 not written: a QEMU destination fails the migration: %2 B buffers are above the %3 B its "
                  "loader accepts (\"buffer allocation request is too large\"; use chunks of 8 KiB or less)")
            .arg(file)
            .arg(qulonglong(g.largestBufBytes))
            .arg(qulonglong(kQemuMaxBufBytes));
    }
    std::vector<uint8_t> bytes;
    try {
        MigrationEngine engine(config);
        engine.setRecordStream(true);
        engine.runToEnd();
        const MigrationSummary again = engine.summary();
        if (!again.verified || again.sourceSha256 != shown->summary.sourceSha256 ||
            again.wireBytes != shown->summary.wireBytes) {
            return tr("%1 not written: the run on screen differs from a run of its parameters (the brush or a "
                      "workload change altered it while it ran), and its own stream was not recorded")
                .arg(file);
        }
        bytes = QemuFileWriter::wrap(engine.recordedStream());
    } catch (const std::exception& e) {
        return tr("%1 not written: %2").arg(file, QString::fromStdString(e.what()));
    }
    const QemuLoadVerdict verdict = QemuFileInfo::read(bytes, {}, false, false).qemuLoad; // the verdict alone: no digest
    if (const QemuFinding* f = verdict.decisive()) {
        return tr("%1 not written: a QEMU destination refuses it at byte %2: \"%3\"")
            .arg(file)
            .arg(qulonglong(f->offset))
            .arg(QString::fromStdString(f->qemuMessage));
    }
    return ViewExporter::saveBytes(QByteArray(reinterpret_cast<const char*>(bytes.data()), qsizetype(bytes.size())),
                                   path);
}

} // namespace bitmig
