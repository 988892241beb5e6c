#include "geometrycommand.h"

#include "app/scenario/summaryjson.h"
#include "argumenterror.h"
#include "optionvalue.h"
#include "simoptions.h"
#include "texttable.h"

#include <bitmig/chunkgeometry.h>
#include <bitmig/units.h>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <bit>
#include <stdexcept>

namespace bitmig::cli {

namespace {

QString sizeText(uint64_t bytes)
{
    return QString::fromStdString(units::formatSize(bytes));
}

QString percent(double share)
{
    return QCoreApplication::translate("bitmig", "%1 %").arg(share * 100.0, 0, 'f', 2);
}

} // namespace

QString GeometryCommand::name() const
{
    return QStringLiteral("geometry");
}

QString GeometryCommand::summary() const
{
    return QCoreApplication::translate("bitmig", "Disk bytes per meta bit, chunks and overhead per chunk size.");
}

QString GeometryCommand::usage() const
{
    return QCoreApplication::translate("bitmig", "bitmig geometry [--granularity SIZE] [--disk SIZE] "
                                                 "[--chunks LIST] [--json]");
}

void GeometryCommand::setUp(QCommandLineParser& parser) const
{
    parser.setApplicationDescription(
        QCoreApplication::translate("bitmig", "For each chunk size: the disk bytes one meta bit stands for "
                                              "(chunk * 8 * granularity), the meta bits (chunks) of the disk, "
                                              "the header of a BITS record and its share of the record."));
    parser.addOption(QCommandLineOption(
        QStringLiteral("granularity"),
        QCoreApplication::translate("bitmig", "Disk bytes per bitmap bit, a power of two from 512 B to 2 GiB "
                                              "(default 64K)."),
        QStringLiteral("SIZE")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("disk"), QCoreApplication::translate("bitmig", "Disk size, a multiple of 512 bytes (default 1T)."),
        QStringLiteral("SIZE")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("chunks"),
        QCoreApplication::translate("bitmig", "Chunk sizes: a comma list (1M,1K,512), \"all\" (1 B to 1 MiB) or "
                                              "\"seed\" (the seed thread's table, the default)."),
        QStringLiteral("LIST")));
    parser.addOption(
        QCommandLineOption(QStringLiteral("json"), QCoreApplication::translate("bitmig", "Write JSON instead of a table.")));
}

int GeometryCommand::run(const QCommandLineParser& parser, QTextStream& out, QTextStream&) const
{
    if (!parser.positionalArguments().isEmpty()) {
        throw ArgumentError(parser.positionalArguments().first(),
                            QCoreApplication::translate("bitmig", "unexpected argument"));
    }
    uint64_t granularity = uint64_t(64) << 10;
    uint64_t disk = units::TiB;
    std::vector<uint64_t> chunks = ChunkGeometry::seedChunkSizes();
    if (parser.isSet(QStringLiteral("granularity"))) {
        granularity = OptionValue::granularity(QStringLiteral("--granularity"), parser.value(QStringLiteral("granularity")));
    }
    if (parser.isSet(QStringLiteral("disk"))) {
        disk = OptionValue::size(QStringLiteral("--disk"), parser.value(QStringLiteral("disk")));
    }
    // The limits simulate applies, with its messages: a multiple of 512, at most 2 GiB granularity,
    // at most 2^41 bits.
    try {
        SimConfig::validateDisk(disk, granularity);
    } catch (const ConfigError& e) {
        throw SimOptions::fieldRefusal(e, parser);
    }
    if (parser.isSet(QStringLiteral("chunks"))) {
        chunks = OptionValue::chunkList(QStringLiteral("--chunks"), parser.value(QStringLiteral("chunks")));
    }

    std::vector<ChunkGeometry> rows;
    for (uint64_t chunk : chunks) {
        rows.push_back(ChunkGeometry::compute(disk, granularity, chunk));
    }
    // The seed thread's last row reads "(1 << 1)   1 B -- 1MiB": the shift is right, the size is not.
    const bool showsSeedTypo = std::find(chunks.begin(), chunks.end(), uint64_t(2)) != chunks.end();
    const QString note = QCoreApplication::translate(
        "bitmig", "The seed thread labels its last row \"(1 << 1) 1 B\", but 1 << 1 is 2 B; it is shown as 2 B.");

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray list;
        for (const ChunkGeometry& g : rows) {
            list.append(QJsonObject{
                {QStringLiteral("chunkBytes"), SummaryJson::exact(g.chunkBytes)},
                {QStringLiteral("coverage"), SummaryJson::exact(g.coverage)},
                {QStringLiteral("metaBits"), SummaryJson::exact(g.metaBits)},
                {QStringLiteral("headerBytes"), SummaryJson::exact(g.headerBytes)},
                {QStringLiteral("bufBytes"), SummaryJson::exact(g.bufBytes)},
                {QStringLiteral("paddingBytes"), SummaryJson::exact(g.paddingBytes)},
                {QStringLiteral("overhead"), g.overhead},
                {QStringLiteral("fitsRecord"), g.fitsRecord},
                {QStringLiteral("qemuLoad"), g.qemuLoad == ChunkGeometry::QemuLoad::Loads    ? QStringLiteral("loads")
                                             : g.qemuLoad == ChunkGeometry::QemuLoad::Aborts ? QStringLiteral("aborts")
                                                                                             : QStringLiteral("fails")},
            });
        }
        const ChunkGeometry first = ChunkGeometry::compute(disk, granularity, 1);
        QJsonObject doc{
            {QStringLiteral("diskBytes"), SummaryJson::exact(disk)},
            {QStringLiteral("granularity"), SummaryJson::exact(granularity)},
            {QStringLiteral("bitmapBits"), SummaryJson::exact(first.bitmapBits)},
            {QStringLiteral("bitmapBytes"), SummaryJson::exact(first.bitmapBytes)},
            {QStringLiteral("rows"), list},
        };
        if (showsSeedTypo) {
            doc.insert(QStringLiteral("note"), note);
        }
        out << QJsonDocument(doc).toJson(QJsonDocument::Indented);
        return ExitOk;
    }

    const ChunkGeometry any = ChunkGeometry::compute(disk, granularity, 1);
    out << QCoreApplication::translate("bitmig", "Chunk geometry at %1 granularity on a %2 disk "
                                                 "(%3 bitmap bits, %4 of bitmap)")
               .arg(sizeText(granularity), sizeText(disk), QString::number(qulonglong(any.bitmapBits)),
                    sizeText(any.bitmapBytes))
        << '\n';
    if (showsSeedTypo) {
        out << QCoreApplication::translate("bitmig", "Note: %1").arg(note) << '\n';
    }
    out << '\n';

    TextTable table;
    table.addColumn(QCoreApplication::translate("bitmig", "shift"), TextTable::Align::Left);
    table.addColumn(QCoreApplication::translate("bitmig", "chunk"), TextTable::Align::Left);
    table.addColumn(QCoreApplication::translate("bitmig", "disk per meta bit"), TextTable::Align::Left);
    table.addColumn(QCoreApplication::translate("bitmig", "meta bits"), TextTable::Align::Right);
    table.addColumn(QCoreApplication::translate("bitmig", "header B"), TextTable::Align::Right);
    table.addColumn(QCoreApplication::translate("bitmig", "buffer B"), TextTable::Align::Right);
    table.addColumn(QCoreApplication::translate("bitmig", "overhead"), TextTable::Align::Right);
    bool anyTooLarge = false;
    for (const ChunkGeometry& g : rows) {
        QString coverage = sizeText(g.coverage);
        if (!g.fitsRecord) {
            coverage += QStringLiteral(" (!)");
            anyTooLarge = true;
        }
        table.addRow({QStringLiteral("(1 << %1)").arg(std::countr_zero(g.chunkBytes)), sizeText(g.chunkBytes),
                      coverage, QString::number(qulonglong(g.metaBits)), QString::number(qulonglong(g.headerBytes)),
                      QString::number(qulonglong(g.bufBytes)), percent(g.overhead)});
    }
    table.write(out);
    out << '\n'
        << QCoreApplication::translate("bitmig", "overhead: (header + padding) / (header + buffer) of a full data "
                                                 "chunk; the buffer is the chunk rounded up to 32 bytes, at least 32.")
        << '\n';
    if (anyTooLarge) {
        out << QCoreApplication::translate("bitmig", "(!) one chunk covers 2^32 sectors or more, which a BITS "
                                                     "record cannot describe; the simulation refuses this size.")
            << '\n';
    }
    return ExitOk;
}

} // namespace bitmig::cli
