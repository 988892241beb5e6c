#include "sweepcommand.h"

#include "app/scenario/summaryjson.h"
#include "app/scenario/sweepmap.h"
#include "app/scenario/sweepreport.h"
#include "argumenterror.h"
#include "clitext.h"
#include "mappng.h"
#include "optionvalue.h"
#include "progress.h"
#include "simoptions.h"
#include "summaryreport.h"
#include "texttable.h"

#include <bitmig/chunkgeometry.h>
#include <bitmig/sweep.h>

#include <QCoreApplication>
#include <QFileInfo>
#include <QSaveFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <algorithm>
#include <functional>

namespace bitmig::cli {

namespace {

// The parameters --vary accepts, each with how a value changes the configuration.
struct VaryParameter {
    const char* name;
    std::function<void(SimConfig&, const QString& option, const QString& value)> apply;
};

const std::vector<VaryParameter>& varyParameters()
{
    static const std::vector<VaryParameter> params = {
        {"bandwidth", [](SimConfig& c, const QString& o, const QString& v) { c.bandwidth = OptionValue::bandwidth(o, v); }},
        {"rate", [](SimConfig& c, const QString& o, const QString& v) { c.workload.rate = OptionValue::count(o, v); }},
        {"granularity",
         [](SimConfig& c, const QString& o, const QString& v) { c.granularity = OptionValue::granularity(o, v); }},
        {"max-downtime",
         [](SimConfig& c, const QString& o, const QString& v) { c.maxDowntimeNs = OptionValue::duration(o, v); }},
        {"strategy", [](SimConfig& c, const QString& o, const QString& v) { c.strategy = OptionValue::strategy(o, v); }},
        {"workload",
         [](SimConfig& c, const QString& o, const QString& v) { c.workload.kind = OptionValue::workload(o, v); }},
        {"disk", [](SimConfig& c, const QString& o, const QString& v) { c.diskBytes = OptionValue::size(o, v); }},
        {"start-at",
         [](SimConfig& c, const QString& o, const QString& v) { c.migrationStartNs = OptionValue::duration(o, v); }},
    };
    return params;
}

struct Vary {
    const VaryParameter* parameter = nullptr;
    QStringList values;
};

Vary parseVary(const QString& text)
{
    const QString option = QStringLiteral("--vary");
    const qsizetype eq = text.indexOf(QLatin1Char('='));
    if (eq <= 0) {
        throw ArgumentError(option, QCoreApplication::translate("bitmig", "'%1' is not NAME=V1,V2,...").arg(text));
    }
    const QString name = text.left(eq).trimmed();
    Vary vary;
    for (const VaryParameter& p : varyParameters()) {
        if (name == QLatin1String(p.name)) {
            vary.parameter = &p;
        }
    }
    if (!vary.parameter) {
        throw ArgumentError(option, QCoreApplication::translate(
                                        "bitmig", "'%1' cannot be varied (use bandwidth, rate, granularity, "
                                                  "max-downtime, strategy, workload, disk or start-at)")
                                        .arg(name));
    }
    for (const QString& v : text.mid(eq + 1).split(QLatin1Char(','))) {
        if (v.trimmed().isEmpty()) {
            throw ArgumentError(option, QCoreApplication::translate("bitmig", "'%1' has an empty value").arg(text));
        }
        vary.values.append(v.trimmed());
        SimConfig probe;  // checks the value now, so that a typo fails before any point runs
        vary.parameter->apply(probe, option + QLatin1Char(' ') + name, v.trimmed());
    }
    return vary;
}

QString pointLabel(const SweepDefinition& def, size_t i)
{
    QString label = QCoreApplication::translate("bitmig", "chunk %1").arg(SummaryReport::size(def.chunkOf(i)));
    if (!def.varyName.isEmpty()) {
        label += QStringLiteral(", %1 %2").arg(def.varyName, def.varyValueOf(i));
    }
    return label;
}

void writeTable(QTextStream& out, const SweepResults& results, std::optional<size_t> best, SweepCriterion criterion)
{
    const SweepDefinition& def = results.definition;
    TextTable table;
    using A = TextTable::Align;
    table.addColumn(QCoreApplication::translate("bitmig", "chunk"), A::Right);
    if (!def.varyName.isEmpty()) {
        table.addColumn(def.varyName, A::Left);
    }
    table.addColumn(QCoreApplication::translate("bitmig", "verified"), A::Left);
    table.addColumn(QCoreApplication::translate("bitmig", "converged"), A::Left);
    table.addColumn(QCoreApplication::translate("bitmig", "passes"), A::Right);
    table.addColumn(QCoreApplication::translate("bitmig", "sent"), A::Right);
    table.addColumn(QCoreApplication::translate("bitmig", "resent"), A::Right);
    table.addColumn(QCoreApplication::translate("bitmig", "zeroes"), A::Right);
    table.addColumn(QCoreApplication::translate("bitmig", "payload B"), A::Right);
    table.addColumn(QCoreApplication::translate("bitmig", "header B"), A::Right);
    table.addColumn(QCoreApplication::translate("bitmig", "wire B"), A::Right);
    table.addColumn(QCoreApplication::translate("bitmig", "overhead"), A::Right);
    table.addColumn(QCoreApplication::translate("bitmig", "downtime"), A::Right);
    table.addColumn(QCoreApplication::translate("bitmig", "total time"), A::Right);
    table.addColumn(QCoreApplication::translate("bitmig", "best"), A::Left);
    QStringList notes;
    for (size_t i = 0; i < results.points.size(); ++i) {
        const SweepPoint& p = results.points[i];
        QStringList cells{SummaryReport::size(def.chunkOf(i))};
        if (!def.varyName.isEmpty()) {
            cells.append(def.varyValueOf(i));
        }
        if (!p.ran) {
            notes.append(QStringLiteral("[%1] %2: %3").arg(notes.size() + 1).arg(pointLabel(def, i), SweepReport::reason(p)));
            const QString what = p.skipReason.empty() ? QCoreApplication::translate("bitmig", "error")
                                                      : QCoreApplication::translate("bitmig", "skipped");
            cells.append(QStringLiteral("%1 [%2]").arg(what).arg(notes.size()));
            table.addRow(cells);
            continue;
        }
        const MigrationSummary& s = p.summary;
        cells << SummaryReport::yesNo(s.verified) << SummaryReport::yesNo(s.converged)
              << QString::number(s.dirtyPasses) << number(s.chunksSent) << number(s.chunksResent)
              << number(s.chunksZeroes) << number(s.payloadBytes) << number(s.headerBytes) << number(s.wireBytes)
              << SummaryReport::percent(s.overhead()) << SummaryReport::duration(s.downtimeNs)
              << SummaryReport::duration(s.totalTimeNs) << (best == i ? QStringLiteral("*") : QString());
        table.addRow(cells);
    }
    table.write(out);
    out << '\n';
    for (const QString& note : notes) {
        out << note << '\n';
    }
    if (!notes.isEmpty()) {
        out << '\n';
    }
    out << QCoreApplication::translate("bitmig", "Best by %1 (%2): ")
               .arg(SweepReport::criterionName(criterion), SweepReport::criterionDescription(criterion));
    if (best) {
        const MigrationSummary& s = results.points[*best].summary;
        out << QCoreApplication::translate("bitmig", "%1 (%2 wire bytes, downtime %3, total time %4)")
                   .arg(pointLabel(def, *best), number(s.wireBytes), SummaryReport::duration(s.downtimeNs),
                        SummaryReport::duration(s.totalTimeNs));
    } else {
        out << QCoreApplication::translate("bitmig", "none, no point verified and converged");
    }
    out << '\n';
}

// The map file's name, checked before anything runs.
QString mapPath(const QCommandLineParser& parser)
{
    if (!parser.isSet(QStringLiteral("map"))) {
        return {};
    }
    const QString path = parser.value(QStringLiteral("map"));
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("svg")) {
        throw ArgumentError(QStringLiteral("--map"),
                            QCoreApplication::translate("bitmig", "'%1' is not a .png or .svg file name").arg(path));
    }
    if (suffix == QLatin1String("png") && !MapPng::available()) {
        throw ArgumentError(QStringLiteral("--map"), QCoreApplication::translate(
                                                         "bitmig", "this bitmig was built without Qt SVG; write "
                                                                   "the map as .svg"));
    }
    return path;
}

void writeMap(const QString& path, const SweepResults& results)
{
    QByteArray bytes = SweepMap::svg(results);
    if (QFileInfo(path).suffix().toLower() == QLatin1String("png")) {
        QString why;
        bytes = MapPng::render(bytes, &why);
        if (bytes.isEmpty()) {
            throw ArgumentError(QStringLiteral("--map"), path + QStringLiteral(": ") + why);
        }
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        throw ArgumentError(QStringLiteral("--map"), QCoreApplication::translate("bitmig", "%1: cannot be written: %2")
                                                         .arg(path, file.errorString()));
    }
}

// The results in the chosen format; the exit status of `bitmig sweep`.
int writeResults(QTextStream& out, const SweepResults& results, const QString& format, SweepCriterion criterion)
{
    const std::optional<size_t> best = bestSweepPoint(results.points, criterion);
    if (format == QLatin1String("csv")) {
        SweepReport::writeCsv(out, results, best, criterion);
    } else if (format == QLatin1String("json")) {
        SweepReport::writeJson(out, results, best, criterion);
    } else {
        writeTable(out, results, best, criterion);
    }
    return results.allGood() ? ExitOk : ExitFailed;
}

} // namespace

QString SweepCommand::name() const
{
    return QStringLiteral("sweep");
}

QString SweepCommand::summary() const
{
    return QCoreApplication::translate("bitmig", "Run the migration over chunk sizes (and one more parameter) "
                                                 "and mark the best point.");
}

QString SweepCommand::usage() const
{
    return QCoreApplication::translate("bitmig", "bitmig sweep [--chunks LIST] [--vary NAME=V1,V2,...] "
                                                 "[--format table|csv|json] [--best CRITERION] [--jobs N] [--shard I/N] [--map FILE] "
                                                 "[options]\n"
                                                 "       bitmig sweep --merge [--format table|csv|json] [--best CRITERION] "
                                                 "[--map FILE] SHARD...");
}

void SweepCommand::setUp(QCommandLineParser& parser) const
{
    parser.setApplicationDescription(QCoreApplication::translate(
        "bitmig", "Runs one migration per chunk size and --vary value (every value, each chunk size in turn) "
                  "and prints the summary of each point. The best point is the one that verified and "
                  "converged with the least value of the criterion. Every simulate option except --chunk is "
                  "accepted and applies to all points."));
    parser.addOption(QCommandLineOption(
        QStringLiteral("chunks"),
        QCoreApplication::translate("bitmig", "Chunk sizes: a comma list (1M,1K,512), \"all\" (1 B to 1 MiB, the "
                                              "default) or \"seed\" (the seed thread's table)."),
        QStringLiteral("LIST")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("vary"),
        QCoreApplication::translate("bitmig", "One more parameter to vary: NAME is bandwidth, rate, granularity, "
                                              "max-downtime, strategy, workload, disk or start-at."),
        QStringLiteral("NAME=V1,V2,...")));
    parser.addOption(QCommandLineOption(QStringLiteral("format"),
                                        QCoreApplication::translate("bitmig", "table, csv or json (default table)."),
                                        QStringLiteral("FORMAT")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("best"),
        QCoreApplication::translate("bitmig", "min-total-bytes, min-downtime or min-total-time "
                                              "(default min-total-bytes)."),
        QStringLiteral("CRITERION")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("jobs"),
        QCoreApplication::translate("bitmig", "Points run at once (default: the machine's cores, %1 here).")
            .arg(defaultSweepJobs()),
        QStringLiteral("N")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("shard"),
        QCoreApplication::translate("bitmig", "Run only the I-th of N slices of the sweep's points and write them, "
                                              "with the sweep, as a shard file (JSON) for --merge."),
        QStringLiteral("I/N")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("map"),
        QCoreApplication::translate("bitmig", "Also draw the convergence map (chunk size x the --vary parameter, "
                                              "bandwidth by default) to FILE, .png or .svg."),
        QStringLiteral("FILE")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("merge"),
        QCoreApplication::translate("bitmig", "Put the shard files given as arguments together: the output of the "
                                              "whole sweep, exactly as one run writes it.")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("progress"),
        QCoreApplication::translate("bitmig", "Progress on standard error (points run, wall time so far and left): "
                                              "auto (when it is a terminal), always or never (default auto)."),
        QStringLiteral("WHEN")));
    SimOptions::addTo(parser, false);
}

int SweepCommand::run(const QCommandLineParser& parser, QTextStream& out, QTextStream&) const
{
    const QString format =
        parser.isSet(QStringLiteral("format")) ? parser.value(QStringLiteral("format")).trimmed() : QStringLiteral("table");
    if (format != QLatin1String("table") && format != QLatin1String("csv") && format != QLatin1String("json")) {
        throw ArgumentError(QStringLiteral("--format"),
                            QCoreApplication::translate("bitmig", "'%1' is not table, csv or json").arg(format));
    }
    SweepCriterion criterion = SweepCriterion::MinTotalBytes;
    if (parser.isSet(QStringLiteral("best"))) {
        const auto c = parseSweepCriterion(parser.value(QStringLiteral("best")).trimmed().toStdString());
        if (!c) {
            throw ArgumentError(QStringLiteral("--best"),
                                QCoreApplication::translate(
                                    "bitmig", "'%1' is not min-total-bytes, min-downtime or min-total-time")
                                    .arg(parser.value(QStringLiteral("best"))));
        }
        criterion = *c;
    }
    if (parser.isSet(QStringLiteral("merge"))) {
        // The shards carry the whole sweep: an option that would change it has no place here.
        for (const QString& name : parser.optionNames()) {
            if (name != QLatin1String("merge") && name != QLatin1String("format") && name != QLatin1String("best") &&
                name != QLatin1String("map")) {
                throw ArgumentError(QStringLiteral("--") + name,
                                    QCoreApplication::translate("bitmig", "not with --merge (the shard files hold "
                                                                          "the sweep; --format, --best and --map apply)"));
            }
        }
        const QString map = mapPath(parser);
        SweepResults merged;
        try {
            merged = SweepShardFile::merge(parser.positionalArguments());
        } catch (const SweepShardError& e) {
            throw ArgumentError(e.argument(), e.reason());
        }
        if (!map.isEmpty()) {
            writeMap(map, merged);
        }
        return writeResults(out, merged, format, criterion);
    }
    if (!parser.positionalArguments().isEmpty()) {
        throw ArgumentError(parser.positionalArguments().first(),
                            QCoreApplication::translate("bitmig", "unexpected argument (shard files go after --merge)"));
    }
    std::optional<SweepShard> shard;
    if (parser.isSet(QStringLiteral("shard"))) {
        try {
            shard = SweepShardFile::parseShard(QStringLiteral("--shard"), parser.value(QStringLiteral("shard")));
        } catch (const SweepShardError& e) {
            throw ArgumentError(e.argument(), e.reason());
        }
        for (const char* name : {"format", "best", "map"}) {
            if (parser.isSet(QLatin1String(name))) {
                throw ArgumentError(QStringLiteral("--") + QLatin1String(name),
                                    QCoreApplication::translate("bitmig", "not with --shard (a shard file is JSON of "
                                                                          "its own; give it to --merge)"));
            }
        }
    }
    unsigned jobs = defaultSweepJobs();
    if (parser.isSet(QStringLiteral("jobs"))) {
        jobs = unsigned(OptionValue::integer(QStringLiteral("--jobs"), parser.value(QStringLiteral("jobs")), 1, 1024));
    }
    SweepResults results;
    SweepDefinition& def = results.definition;
    def.chunks = parser.isSet(QStringLiteral("chunks"))
                     ? OptionValue::chunkList(QStringLiteral("--chunks"), parser.value(QStringLiteral("chunks")))
                     : ChunkGeometry::allChunkSizes();
    const QString map = mapPath(parser);
    Vary vary;
    if (parser.isSet(QStringLiteral("vary")) || !map.isEmpty()) {
        // A map without --vary spans the bandwidths.
        vary = parseVary(parser.isSet(QStringLiteral("vary"))
                             ? parser.value(QStringLiteral("vary"))
                             : QStringLiteral("bandwidth=") + SweepMap::defaultBandwidths());
        def.varyName = QLatin1String(vary.parameter->name);
        def.varyValues = vary.values;
    }
    const SimConfig base = SimOptions::toConfig(parser, false);
    def.baseConfig = SummaryJson::configToJson(base);

    std::vector<size_t> which;
    for (size_t i = 0; i < def.pointCount(); ++i) {
        SweepPoint p;
        p.config = base;
        p.config.chunkBytes = def.chunkOf(i);
        if (vary.parameter) {
            vary.parameter->apply(p.config, QStringLiteral("--vary"), def.varyValueOf(i));
        }
        try {
            // The point's chunk and --vary value are its own: a refusal names them, not the options'.
            std::vector<SimOptions::PointValue> own{
                {QStringLiteral("--chunk"), QStringLiteral("--chunks"), SummaryReport::size(p.config.chunkBytes)}};
            if (vary.parameter) {
                const QString name = QLatin1String(vary.parameter->name);
                own.push_back({QStringLiteral("--") + name, QStringLiteral("--vary ") + name, def.varyValueOf(i)});
            }
            SimOptions::validate(p.config, parser, own);
        } catch (const ArgumentError& e) {
            p.skipReason = e.message().toStdString();
        }
        results.points.push_back(std::move(p));
        if (!shard || shard->contains(i)) {
            which.push_back(i);
        }
    }
    // Points that cannot run because of their own chunk size or --vary value are skipped and listed;
    // when none can run, an option shared by all of them is wrong.
    if (std::all_of(results.points.begin(), results.points.end(),
                    [](const SweepPoint& p) { return !p.skipReason.empty(); })) {
        throw ArgumentError(QString::fromStdString(results.points.front().skipReason));
    }

    Progress progress(Progress::modeOf(parser));
    runSweep(results.points, which, jobs,
             [&progress](const SweepProgress& p) { progress.pointDone(p); });
    results.describeConfigs();
    if (shard) {
        out << SweepShardFile::write(results, *shard);
        const bool good = std::all_of(which.begin(), which.end(), [&results](size_t i) {
            const SweepPoint& p = results.points[i];
            return !p.skipReason.empty() || (p.ran && p.summary.finished && p.summary.verified);
        });
        return good ? ExitOk : ExitFailed;
    }
    if (!map.isEmpty()) {
        writeMap(map, results);
    }
    return writeResults(out, results, format, criterion);
}

} // namespace bitmig::cli
