#include "sweepcommand.h"

#include "app/scenario/summaryjson.h"
#include "argumenterror.h"
#include "clitext.h"
#include "optionvalue.h"
#include "progress.h"
#include "simoptions.h"
#include "summaryreport.h"
#include "sweeprunner.h"
#include "texttable.h"

#include <bitmig/chunkgeometry.h>
#include <bitmig/csv.h>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <algorithm>
#include <functional>

namespace bitmig::cli {

namespace {

using Point = SweepRunner::Point;

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
                                                  "max-downtime, strategy, workload or disk)")
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

QString csvField(const QString& text)
{
    return QString::fromStdString(bitmig::csvField(text.toStdString()));
}

// Machine-readable (CSV and JSON), so not translated.
QString status(const Point& p)
{
    if (!p.skipReason.isEmpty()) {
        return QStringLiteral("skipped");
    }
    if (!p.failure.isEmpty()) {
        return QStringLiteral("error");
    }
    return QStringLiteral("ran");
}

QString pointLabel(const Point& p, const Vary& vary)
{
    QString label = QCoreApplication::translate("bitmig", "chunk %1").arg(SummaryReport::size(p.chunkBytes));
    if (vary.parameter) {
        label += QStringLiteral(", %1 %2").arg(QLatin1String(vary.parameter->name), p.varyValue);
    }
    return label;
}

void writeTable(QTextStream& out, const std::vector<Point>& points, const Vary& vary, std::optional<size_t> best,
                SweepRunner::Criterion criterion)
{
    TextTable table;
    using A = TextTable::Align;
    table.addColumn(QCoreApplication::translate("bitmig", "chunk"), A::Right);
    if (vary.parameter) {
        table.addColumn(QLatin1String(vary.parameter->name), A::Left);
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
    for (size_t i = 0; i < points.size(); ++i) {
        const Point& p = points[i];
        QStringList cells{SummaryReport::size(p.chunkBytes)};
        if (vary.parameter) {
            cells.append(p.varyValue);
        }
        if (!p.ran) {
            notes.append(QStringLiteral("[%1] %2: %3")
                             .arg(notes.size() + 1)
                             .arg(pointLabel(p, vary), p.skipReason.isEmpty() ? p.failure : p.skipReason));
            const QString what = p.skipReason.isEmpty() ? QCoreApplication::translate("bitmig", "error")
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
               .arg(SweepRunner::criterionName(criterion), SweepRunner::criterionDescription(criterion));
    if (best) {
        const MigrationSummary& s = points[*best].summary;
        out << QCoreApplication::translate("bitmig", "%1 (%2 wire bytes, downtime %3, total time %4)")
                   .arg(pointLabel(points[*best], vary), number(s.wireBytes), SummaryReport::duration(s.downtimeNs),
                        SummaryReport::duration(s.totalTimeNs));
    } else {
        out << QCoreApplication::translate("bitmig", "none, no point verified and converged");
    }
    out << '\n';
}

void writeCsv(QTextStream& out, const std::vector<Point>& points, const Vary& vary, std::optional<size_t> best,
              SweepRunner::Criterion criterion)
{
    QStringList header{QStringLiteral("chunk_bytes")};
    if (vary.parameter) {
        header.append(QString::fromLatin1(vary.parameter->name).replace(QLatin1Char('-'), QLatin1Char('_')));
    }
    header << QStringLiteral("status") << QStringLiteral("verified") << QStringLiteral("converged")
           << QStringLiteral("dirty_passes") << QStringLiteral("chunks") << QStringLiteral("chunks_sent")
           << QStringLiteral("chunks_resent") << QStringLiteral("chunks_zeroes") << QStringLiteral("records")
           << QStringLiteral("payload_bytes") << QStringLiteral("header_bytes") << QStringLiteral("wire_bytes")
           << QStringLiteral("overhead") << QStringLiteral("downtime_ns") << QStringLiteral("expected_downtime_ns")
           << QStringLiteral("max_downtime_ns") << QStringLiteral("total_time_ns")
           << QStringLiteral("unusable_window_ns") << QStringLiteral("lost_bits") << QStringLiteral("extra_bits")
           << QStringLiteral("best") << QStringLiteral("reason");
    out << header.join(QLatin1Char(',')) << '\n';
    for (size_t i = 0; i < points.size(); ++i) {
        const Point& p = points[i];
        const MigrationSummary& s = p.summary;
        QStringList row{number(p.chunkBytes)};
        if (vary.parameter) {
            row.append(csvField(p.varyValue));
        }
        row << status(p);
        if (p.ran) {
            row << QString::number(int(s.verified)) << QString::number(int(s.converged))
                << QString::number(s.dirtyPasses) << number(s.chunks) << number(s.chunksSent)
                << number(s.chunksResent) << number(s.chunksZeroes) << number(s.records) << number(s.payloadBytes)
                << number(s.headerBytes) << number(s.wireBytes) << QString::number(s.overhead(), 'f', 6)
                << QString::number(s.downtimeNs) << QString::number(s.expectedDowntimeNs)
                << QString::number(s.maxDowntimeNs) << QString::number(s.totalTimeNs)
                << QString::number(s.unusableWindowNs) << number(s.lostBits) << number(s.extraBits);
        } else {
            for (int k = 0; k < 19; ++k) {
                row << QString();
            }
        }
        row << (best == i ? SweepRunner::criterionName(criterion) : QString())
            << csvField(p.skipReason.isEmpty() ? p.failure : p.skipReason);
        out << row.join(QLatin1Char(',')) << '\n';
    }
}

void writeJson(QTextStream& out, const std::vector<Point>& points, const Vary& vary, std::optional<size_t> best,
               SweepRunner::Criterion criterion)
{
    QJsonArray list;
    for (size_t i = 0; i < points.size(); ++i) {
        const Point& p = points[i];
        QJsonObject o{
            {QStringLiteral("chunkBytes"), SummaryJson::exact(p.chunkBytes)},
            {QStringLiteral("status"), status(p)},
            {QStringLiteral("best"), best == i},
        };
        if (vary.parameter) {
            o.insert(QStringLiteral("varyValue"), p.varyValue);
        }
        if (!p.skipReason.isEmpty() || !p.failure.isEmpty()) {
            o.insert(QStringLiteral("reason"), p.skipReason.isEmpty() ? p.failure : p.skipReason);
        }
        if (p.ran) {
            QJsonObject summary = SummaryJson::toJson(p.summary);
            summary.insert(QStringLiteral("config"), SummaryJson::configToJson(p.config));
            o.insert(QStringLiteral("summary"), summary);
        }
        list.append(o);
    }
    QJsonObject doc{
        {QStringLiteral("criterion"), SweepRunner::criterionName(criterion)},
        {QStringLiteral("criterionDescription"), SweepRunner::criterionDescription(criterion)},
        {QStringLiteral("best"), best ? QJsonValue(double(*best)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("points"), list},
    };
    if (vary.parameter) {
        doc.insert(QStringLiteral("vary"), QLatin1String(vary.parameter->name));
        doc.insert(QStringLiteral("varyValues"), QJsonArray::fromStringList(vary.values));
    }
    out << QJsonDocument(doc).toJson(QJsonDocument::Indented);
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
                                                 "[--format table|csv|json] [--best CRITERION] [--jobs N] [options]");
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
                                              "max-downtime, strategy, workload or disk."),
        QStringLiteral("NAME=V1,V2,...")));
    parser.addOption(QCommandLineOption(QStringLiteral("format"),
                                        QCoreApplication::translate("bitmig", "table, csv or json (default table)."),
                                        QStringLiteral("FORMAT")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("best"),
        QCoreApplication::translate("bitmig", "min-total-bytes, min-downtime or min-total-time "
                                              "(default min-total-bytes)."),
        QStringLiteral("CRITERION")));
    parser.addOption(QCommandLineOption(QStringLiteral("jobs"),
                                        QCoreApplication::translate("bitmig", "Points run at once (default 1)."),
                                        QStringLiteral("N")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("progress"),
        QCoreApplication::translate("bitmig", "Progress on standard error (points run, wall time so far and left): "
                                              "auto (when it is a terminal), always or never (default auto)."),
        QStringLiteral("WHEN")));
    SimOptions::addTo(parser, false);
}

int SweepCommand::run(const QCommandLineParser& parser, QTextStream& out, QTextStream&) const
{
    if (!parser.positionalArguments().isEmpty()) {
        throw ArgumentError(parser.positionalArguments().first(),
                            QCoreApplication::translate("bitmig", "unexpected argument"));
    }
    const QString format =
        parser.isSet(QStringLiteral("format")) ? parser.value(QStringLiteral("format")).trimmed() : QStringLiteral("table");
    if (format != QLatin1String("table") && format != QLatin1String("csv") && format != QLatin1String("json")) {
        throw ArgumentError(QStringLiteral("--format"),
                            QCoreApplication::translate("bitmig", "'%1' is not table, csv or json").arg(format));
    }
    SweepRunner::Criterion criterion = SweepRunner::Criterion::MinTotalBytes;
    if (parser.isSet(QStringLiteral("best"))) {
        const auto c = SweepRunner::parseCriterion(parser.value(QStringLiteral("best")));
        if (!c) {
            throw ArgumentError(QStringLiteral("--best"),
                                QCoreApplication::translate(
                                    "bitmig", "'%1' is not min-total-bytes, min-downtime or min-total-time")
                                    .arg(parser.value(QStringLiteral("best"))));
        }
        criterion = *c;
    }
    unsigned jobs = 1;
    if (parser.isSet(QStringLiteral("jobs"))) {
        jobs = unsigned(OptionValue::integer(QStringLiteral("--jobs"), parser.value(QStringLiteral("jobs")), 1, 1024));
    }
    const std::vector<uint64_t> chunks =
        parser.isSet(QStringLiteral("chunks"))
            ? OptionValue::chunkList(QStringLiteral("--chunks"), parser.value(QStringLiteral("chunks")))
            : ChunkGeometry::allChunkSizes();
    Vary vary;
    if (parser.isSet(QStringLiteral("vary"))) {
        vary = parseVary(parser.value(QStringLiteral("vary")));
    }
    const SimConfig base = SimOptions::toConfig(parser, false);

    std::vector<Point> points;
    const QStringList values = vary.parameter ? vary.values : QStringList{QString()};
    for (const QString& value : values) {
        for (uint64_t chunk : chunks) {
            Point p;
            p.chunkBytes = chunk;
            p.varyValue = value;
            p.config = base;
            p.config.chunkBytes = chunk;
            if (vary.parameter) {
                vary.parameter->apply(p.config, QStringLiteral("--vary"), value);
            }
            try {
                SimOptions::validate(p.config, parser, QStringLiteral("--chunks"));
            } catch (const ArgumentError& e) {
                p.skipReason = e.message();
            }
            points.push_back(std::move(p));
        }
    }
    // Points that cannot run because of their own chunk size or --vary value are skipped and listed;
    // when none can run, an option shared by all of them is wrong.
    if (std::all_of(points.begin(), points.end(), [](const Point& p) { return !p.skipReason.isEmpty(); })) {
        throw ArgumentError(points.front().skipReason);
    }

    const Progress::Mode progressMode = Progress::modeOf(parser);
    Progress progress(progressMode);
    SweepRunner::run(points, jobs, [&progress](size_t done, size_t total) { progress.pointDone(done, total); });
    const std::optional<size_t> best = SweepRunner::best(points, criterion);
    if (format == QLatin1String("csv")) {
        writeCsv(out, points, vary, best, criterion);
    } else if (format == QLatin1String("json")) {
        writeJson(out, points, vary, best, criterion);
    } else {
        writeTable(out, points, vary, best, criterion);
    }
    const bool allGood = std::all_of(points.begin(), points.end(), [](const Point& p) {
        return !p.skipReason.isEmpty() || (p.ran && p.summary.finished && p.summary.verified);
    });
    return allGood ? ExitOk : ExitFailed;
}

} // namespace bitmig::cli
