#include "simulatecommand.h"

#include "app/scenario/scenariofile.h"
#include "app/scenario/summaryjson.h"
#include "argumenterror.h"
#include "progress.h"
#include "qemufilereport.h"
#include "simoptions.h"
#include "summaryreport.h"
#include "timeseriescsv.h"

#include <bitmig/chunkgeometry.h>
#include <bitmig/migrationengine.h>
#include <bitmig/qemufile.h>

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <memory>
#include <optional>
#include <stdexcept>
#include <vector>

namespace bitmig::cli {

namespace {

// Opened before the run, so that a path we cannot write fails in a moment rather than after it.
std::unique_ptr<QFile> openOutput(const QCommandLineParser& parser, const QString& option)
{
    if (!parser.isSet(option)) {
        return nullptr;
    }
    auto file = std::make_unique<QFile>(parser.value(option));
    if (!file->open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        throw ArgumentError(QStringLiteral("--") + option,
                            QCoreApplication::translate("bitmig", "cannot write '%1': %2")
                                .arg(parser.value(option), file->errorString()));
    }
    return file;
}

// What a QEMU 7.2 destination loads (ChunkGeometry::qemuLoad, docs/qemu-limits.md): chunks of whole
// 64-bit words whose buffers stay within its 10 KiB limit.
void checkQemuFile(const SimConfig& config, uint64_t diskBytes, uint64_t granularity);

// Every bitmap's chunks must load.
void checkQemuFile(const SimConfig& config)
{
    const std::vector<DiskSpec> disks = config.diskList();
    for (const BitmapSpec& b : config.bitmapList()) {
        checkQemuFile(config, disks[b.disk].bytes, b.granularity);
    }
}

void checkQemuFile(const SimConfig& config, uint64_t diskBytes, uint64_t granularity)
{
    const QString option = QStringLiteral("--qemu-file");
    const ChunkGeometry g = ChunkGeometry::compute(diskBytes, granularity, config.chunkBytes);
    switch (g.qemuLoad) {
    case ChunkGeometry::QemuLoad::Loads:
        return;
    case ChunkGeometry::QemuLoad::Aborts:
        throw ArgumentError(option, QCoreApplication::translate("bitmig", "a QEMU destination aborts on %1 B chunks (it "
                                                                          "deserializes whole 64-bit words: use --chunk "
                                                                          "8 or more)")
                                        .arg(qulonglong(config.chunkBytes)));
    case ChunkGeometry::QemuLoad::Fails:
        throw ArgumentError(option, QCoreApplication::translate("bitmig", "a QEMU destination fails the migration: %1 B "
                                                                          "buffers are above the %2 B its loader accepts "
                                                                          "(\"buffer allocation request is too large\"; "
                                                                          "use --chunk 8K or less)")
                                        .arg(qulonglong(g.largestBufBytes))
                                        .arg(qulonglong(kQemuMaxBufBytes)));
    }
}

// A scenario file with lanes (a comparison): every lane runs, one summary each. An option given as
// well sets that value for every lane (it wins over a lane's own), as it does over the file's.
int runLanes(const QCommandLineParser& parser, const SimConfig& shared, std::vector<ScenarioLane> lanes,
             QTextStream& out, QTextStream& err)
{
    for (const char* alone : {"timeseries", "stream", "qemu-file"}) {
        if (parser.isSet(QLatin1String(alone))) {
            throw ArgumentError(QStringLiteral("--") + QLatin1String(alone),
                                QCoreApplication::translate("bitmig", "not with a scenario that has lanes (a "
                                                                      "comparison): it writes one run's file"));
        }
    }
    auto given = [&parser](const char* name) { return parser.isSet(QLatin1String(name)); };
    for (ScenarioLane& lane : lanes) {
        LaneOverrides& o = lane.overrides;
        if (given("granularity") || given("disk")) {
            o.granularity.reset();
        }
        if (given("chunk")) {
            o.chunkBytes.reset();
        }
        if (given("strategy")) {
            o.strategy.reset();
        }
        if (given("bandwidth")) {
            o.bandwidth.reset();
        }
        if (given("latency")) {
            o.latencyNs.reset();
        }
        if (given("max-downtime")) {
            o.maxDowntimeNs.reset();
        }
        if (given("max-passes")) {
            o.maxPasses.reset();
        }
        if (given("complete-below")) {
            o.completeOnlyBelow.reset();
        }
    }
    const QStringList names = ScenarioFile::laneNames(shared, lanes);
    std::vector<SimConfig> configs;
    for (size_t i = 0; i < lanes.size(); ++i) {
        const SimConfig c = lanes[i].overrides.applyTo(shared);
        try {
            c.validate();
        } catch (const std::invalid_argument& e) {
            throw ArgumentError(QStringLiteral("--scenario"),
                                QStringLiteral("lanes[%1] (%2): %3").arg(i).arg(names[qsizetype(i)], QString::fromUtf8(e.what())));
        }
        configs.push_back(c);
    }
    const Progress::Mode progressMode = Progress::modeOf(parser);
    std::vector<MigrationSummary> summaries;
    for (const SimConfig& c : configs) {
        MigrationEngine engine(c);
        Progress(progressMode).run(engine);
        summaries.push_back(engine.summary());
    }
    if (parser.isSet(QStringLiteral("json"))) {
        out << QJsonDocument(SummaryJson::lanesToJson(names, configs, summaries)).toJson(QJsonDocument::Indented);
    } else {
        for (size_t i = 0; i < configs.size(); ++i) {
            if (i > 0) {
                out << '\n';
            }
            out << QCoreApplication::translate("bitmig", "Lane %1 of %2: %3").arg(i + 1).arg(configs.size()).arg(names[qsizetype(i)])
                << '\n';
            SummaryReport::write(out, configs[i], summaries[i]);
        }
    }
    int status = ExitOk;
    for (size_t i = 0; i < summaries.size(); ++i) {
        const MigrationSummary& s = summaries[i];
        if (!s.finished || s.aborted || !s.verified) {
            err << QCoreApplication::translate("bitmig", "bitmig: lane %1 (%2) did not finish and verify")
                       .arg(i + 1)
                       .arg(names[qsizetype(i)])
                << '\n';
            status = ExitFailed;
        }
    }
    return status;
}

} // namespace

QString SimulateCommand::name() const
{
    return QStringLiteral("simulate");
}

QString SimulateCommand::summary() const
{
    return QCoreApplication::translate("bitmig", "Run one simulated bitmap migration and summarise it.");
}

QString SimulateCommand::usage() const
{
    return QCoreApplication::translate("bitmig", "bitmig simulate [options]");
}

void SimulateCommand::setUp(QCommandLineParser& parser) const
{
    parser.setApplicationDescription(QCoreApplication::translate(
        "bitmig", "Runs one migration of a dirty bitmap while a guest writes, decodes the stream at the "
                  "destination and checks that the bitmap arrived whole. Exit status 0 when it verified, "
                  "1 when it did not or did not finish, 2 for a bad argument."));
    SimOptions::addTo(parser, true);
    parser.addOption(QCommandLineOption(QStringLiteral("json"),
                                        QCoreApplication::translate("bitmig", "Write the summary as JSON.")));
    parser.addOption(QCommandLineOption(QStringLiteral("timeseries"),
                                        QCoreApplication::translate("bitmig", "Write the time series as CSV to FILE."),
                                        QStringLiteral("FILE")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("progress"),
        QCoreApplication::translate("bitmig", "Progress on standard error (simulated time, speed against real time, "
                                              "wall time left): auto (when it is a terminal), always or never "
                                              "(default auto)."),
        QStringLiteral("WHEN")));
    parser.addOption(QCommandLineOption(QStringLiteral("stream"),
                                        QCoreApplication::translate("bitmig", "Write the encoded byte stream to FILE "
                                                                              "(read it with stream-info)."),
                                        QStringLiteral("FILE")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("qemu-file"),
        QCoreApplication::translate("bitmig", "Write a whole QEMU migration file to FILE that a QEMU 7.2 destination "
                                              "(-machine none, -incoming defer) loads with migrate-incoming "
                                              "\"exec:cat FILE\"."),
        QStringLiteral("FILE")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("qemu-file-unchecked"),
        QCoreApplication::translate("bitmig", "With --qemu-file: write the file even when a QEMU destination does not "
                                              "load it (a chunk size ChunkGeometry::qemuLoad refuses), to measure what "
                                              "QEMU does with it. The summary's qemuFile.qemuLoad says what to "
                                              "expect.")));
}

int SimulateCommand::run(const QCommandLineParser& parser, QTextStream& out, QTextStream& err) const
{
    if (!parser.positionalArguments().isEmpty()) {
        throw ArgumentError(parser.positionalArguments().first(),
                            QCoreApplication::translate("bitmig", "unexpected argument"));
    }
    const SimConfig config = SimOptions::toConfig(parser, true);
    SimOptions::validate(config, parser);
    if (parser.isSet(QStringLiteral("scenario"))) {
        // Read (and checked) by toConfig() already; a comparison's lanes run here.
        std::vector<ScenarioLane> lanes = ScenarioFile::load(parser.value(QStringLiteral("scenario"))).lanes;
        if (!lanes.empty()) {
            return runLanes(parser, config, std::move(lanes), out, err);
        }
    }
    const Progress::Mode progressMode = Progress::modeOf(parser);
    const std::unique_ptr<QFile> timeseries = openOutput(parser, QStringLiteral("timeseries"));
    const bool unchecked = parser.isSet(QStringLiteral("qemu-file-unchecked"));
    if (unchecked && !parser.isSet(QStringLiteral("qemu-file"))) {
        throw ArgumentError(QStringLiteral("--qemu-file-unchecked"),
                            QCoreApplication::translate("bitmig", "needs --qemu-file"));
    }
    if (parser.isSet(QStringLiteral("qemu-file")) && !unchecked) {
        checkQemuFile(config);
    }
    const std::unique_ptr<QFile> stream = openOutput(parser, QStringLiteral("stream"));
    const std::unique_ptr<QFile> qemuFile = openOutput(parser, QStringLiteral("qemu-file"));

    MigrationEngine engine(config);
    engine.setRecordStream(stream != nullptr || qemuFile != nullptr);
    Progress(progressMode).run(engine);  // runToEnd(), with progress on standard error if asked
    const MigrationSummary summary = engine.summary();

    if (timeseries) {
        QTextStream csv(timeseries.get());
        TimeSeriesCsv::write(csv, engine.samples());
    }
    if (stream) {
        const std::vector<uint8_t>& bytes = engine.recordedStream();
        if (stream->write(reinterpret_cast<const char*>(bytes.data()), qint64(bytes.size())) != qint64(bytes.size())) {
            err << QCoreApplication::translate("bitmig", "bitmig: --stream: cannot write '%1': %2")
                       .arg(stream->fileName(), stream->errorString())
                << '\n';
            return ExitFailed;
        }
    }

    // The file holds the stream of a run that ended with the bitmap whole at the destination; after
    // any other run the empty file opened above is removed.
    std::optional<QemuFileLayout> layout;
    QString qemuFileError;
    if (qemuFile) {
        std::vector<uint8_t> bytes;
        QemuFileLayout l;
        if (!summary.finished || summary.aborted || !summary.verified) {
            qemuFileError = QCoreApplication::translate("bitmig", "not written: the migration did not complete and "
                                                                  "verify");
        } else {
            try {
                bytes = QemuFileWriter::wrap(engine.recordedStream(), &l);
                l.qemuLoad = QemuFileInfo::read(bytes, {}, false, false).qemuLoad; // offsets in the file; no digest needed
                if (l.qemuLoad.outcome != QemuOutcome::Loads && !unchecked) {
                    const QemuFinding* f = l.qemuLoad.decisive();
                    qemuFileError = QCoreApplication::translate("bitmig", "not written: a QEMU destination %1 at "
                                                                          "byte %2: \"%3\"")
                                        .arg(QemuFileReport::outcomeText(l.qemuLoad.outcome))
                                        .arg(qulonglong(f->offset))
                                        .arg(QString::fromStdString(f->qemuMessage));
                }
            } catch (const std::invalid_argument& e) {
                qemuFileError = QCoreApplication::translate("bitmig", "not written: %1").arg(QString::fromStdString(e.what()));
            }
        }
        if (!qemuFileError.isEmpty()) {
            qemuFile->remove();
        } else {
            if (qemuFile->write(reinterpret_cast<const char*>(bytes.data()), qint64(bytes.size())) !=
                    qint64(bytes.size()) ||
                !qemuFile->flush()) {
                qemuFileError = QCoreApplication::translate("bitmig", "cannot write '%1': %2")
                                    .arg(qemuFile->fileName(), qemuFile->errorString());
            } else {
                layout = l;
            }
        }
    }

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject json = SummaryJson::toJson(summary);
        json.insert(QStringLiteral("config"), SummaryJson::configToJson(config));
        if (layout) {
            json.insert(QStringLiteral("qemuFile"),
                        QJsonObject{{QStringLiteral("file"), qemuFile->fileName()},
                                    {QStringLiteral("bytes"), SummaryJson::exact(layout->bytes)},
                                    {QStringLiteral("ramSectionId"), SummaryJson::exact(uint64_t(layout->ramSectionId))},
                                    {QStringLiteral("bitmapSectionId"),
                                     SummaryJson::exact(uint64_t(layout->bitmapSectionId))},
                                    {QStringLiteral("bitmapSections"), SummaryJson::exact(layout->bitmapSections)},
                                    {QStringLiteral("footers"), SummaryJson::exact(layout->footers)},
                                    {QStringLiteral("sha256"), QString::fromStdString(summary.sourceSha256)},
                                    {QStringLiteral("qemuLoad"), QemuFileReport::verdictJson(layout->qemuLoad)}});
        }
        out << QJsonDocument(json).toJson(QJsonDocument::Indented);
    } else {
        SummaryReport::write(out, config, summary);
        if (layout) {
            out << QCoreApplication::translate("bitmig", "QEMU file: %1, %2 bytes; dirty-bitmap section id %3 (%4 "
                                                         "sections), ram section id %5, %6 footers")
                       .arg(qemuFile->fileName())
                       .arg(qulonglong(layout->bytes))
                       .arg(layout->bitmapSectionId)
                       .arg(qulonglong(layout->bitmapSections))
                       .arg(layout->ramSectionId)
                       .arg(qulonglong(layout->footers))
                << '\n';
        }
    }
    if (!qemuFileError.isEmpty()) {
        err << QCoreApplication::translate("bitmig", "bitmig: --qemu-file: %1").arg(qemuFileError) << '\n';
        if (summary.finished && !summary.aborted && summary.verified) {
            return ExitFailed;
        }
    }

    if (summary.aborted) {
        err << QCoreApplication::translate("bitmig", "bitmig: a link fault aborted the migration at %1 "
                                                     "(no --fault-retry)")
                   .arg(SummaryReport::duration(summary.phases.back().startNs))
            << '\n';
        return ExitFailed;
    }
    if (!summary.finished) {
        err << QCoreApplication::translate("bitmig", "bitmig: the migration did not finish by the time limit (%1)")
                   .arg(SummaryReport::duration(config.timeLimitNs))
            << '\n';
        return ExitFailed;
    }
    if (!summary.verified) {
        err << QCoreApplication::translate("bitmig", "bitmig: the destination bitmap does not match the source "
                                                     "(%1 lost bits, %2 extra bits)")
                   .arg(summary.lostBits)
                   .arg(summary.extraBits)
            << '\n';
        return ExitFailed;
    }
    return ExitOk;
}

} // namespace bitmig::cli
