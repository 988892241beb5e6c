#include "simoptions.h"

#include "app/scenario/scenariofile.h"
#include "argumenterror.h"
#include "clitext.h"
#include "optionvalue.h"

#include <bitmig/configerror.h>
#include <bitmig/runmemory.h>
#include <bitmig/tracereader.h>

#include <QCoreApplication>
#include <QFile>
#include <QStringList>

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <string_view>

namespace bitmig::cli {

namespace {

void add(QCommandLineParser& parser, const QString& name, const QString& valueName, const QString& description)
{
    parser.addOption(QCommandLineOption(name, description, valueName));
}

QString dashed(const QString& name)
{
    return QStringLiteral("--") + name;
}

// "'TEXT': reason", the value given before why it is refused.
QString quoted(const QString& text, const QString& reason)
{
    return QCoreApplication::translate("bitmig", "'%1': %2").arg(shownValue(text), reason);
}

} // namespace

void SimOptions::addTo(QCommandLineParser& parser, bool withChunk)
{
    // The defaults in the descriptions are SimConfig's; toConfig() leaves a field alone unless set.
    add(parser, QStringLiteral("scenario"), QStringLiteral("FILE"),
        QCoreApplication::translate("bitmig", "Start from a scenario file (docs/scenario.md); the options below "
                                              "override its values, --inject adds to its injections."));
    add(parser, QStringLiteral("strategy"), QStringLiteral("NAME"),
        QCoreApplication::translate("bitmig", "precopy, postcopy or stop-copy (default precopy)."));
    add(parser, QStringLiteral("disk"), QStringLiteral("SIZE"),
        QCoreApplication::translate("bitmig", "Disk size, a multiple of 512 bytes (default 1T)."));
    add(parser, QStringLiteral("granularity"), QStringLiteral("SIZE"),
        QCoreApplication::translate("bitmig", "Disk bytes per bitmap bit, a power of two from 512 B to 2 GiB "
                                              "(default 64K)."));
    if (withChunk) {
        add(parser, QStringLiteral("chunk"), QStringLiteral("SIZE"),
            QCoreApplication::translate("bitmig", "Bitmap bytes per chunk, a power of two from 1 B to 1 MiB "
                                                  "(default 1K)."));
    }
    add(parser, QStringLiteral("bandwidth"), QStringLiteral("RATE"),
        QCoreApplication::translate("bitmig", "Link bandwidth: 1Gbit, 1Gbps, 100Mbit, 125MB/s, ... (b is a bit, B a byte; default 1Gbit)."));
    add(parser, QStringLiteral("latency"), QStringLiteral("TIME"),
        QCoreApplication::translate("bitmig", "One-way link delay (default 0)."));
    add(parser, QStringLiteral("max-downtime"), QStringLiteral("TIME"),
        QCoreApplication::translate("bitmig", "Downtime limit; precopy pauses the guest when the rest fits "
                                              "(default 300ms)."));
    add(parser, QStringLiteral("max-passes"), QStringLiteral("N"),
        QCoreApplication::translate("bitmig", "Dirty passes before precopy forces completion (default 30)."));
    add(parser, QStringLiteral("complete-below"), QStringLiteral("SIZE"),
        QCoreApplication::translate("bitmig", "Send everything in the complete phase when the whole transfer is "
                                              "at most SIZE; 0 turns it off (default 0)."));
    add(parser, QStringLiteral("workload"), QStringLiteral("KIND"),
        QCoreApplication::translate("bitmig", "idle, uniform, sequential, hotspot, zipf or bursts "
                                              "(default uniform)."));
    add(parser, QStringLiteral("rate"), QStringLiteral("N"),
        QCoreApplication::translate("bitmig", "Guest writes per second, e.g. 20k (default 20k)."));
    add(parser, QStringLiteral("write-size"), QStringLiteral("MIN..MAX"),
        QCoreApplication::translate("bitmig", "Write sizes, log-uniform in the range, or one size "
                                              "(default 4K..64K)."));
    add(parser, QStringLiteral("hot-fraction"), QStringLiteral("F"),
        QCoreApplication::translate("bitmig", "hotspot: share of the disk that is hot (default 0.05)."));
    add(parser, QStringLiteral("hot-share"), QStringLiteral("F"),
        QCoreApplication::translate("bitmig", "hotspot: share of the writes that land there (default 0.9)."));
    add(parser, QStringLiteral("zipf-exponent"), QStringLiteral("X"),
        QCoreApplication::translate("bitmig", "zipf: skew over 1 MiB regions (default 1.1)."));
    add(parser, QStringLiteral("burst-period"), QStringLiteral("TIME"),
        QCoreApplication::translate("bitmig", "bursts: period (default 1s)."));
    add(parser, QStringLiteral("burst-duty"), QStringLiteral("F"),
        QCoreApplication::translate("bitmig", "bursts: share of each period with writes (default 0.2)."));
    add(parser, QStringLiteral("trace"), QStringLiteral("FILE"),
        QCoreApplication::translate("bitmig", "Replay a recorded I/O trace (fio iolog, blkparse output or CSV); "
                                              "the workload is idle unless --workload is given."));
    add(parser, QStringLiteral("trace-format"), QStringLiteral("NAME"),
        QCoreApplication::translate("bitmig", "auto, fio, blkparse or csv (default auto: from the first line)."));
    add(parser, QStringLiteral("trace-speed"), QStringLiteral("X"),
        QCoreApplication::translate("bitmig", "Time scale of the replay: 2 is twice as fast (default 1)."));
    parser.addOption(QCommandLineOption(
        QStringLiteral("trace-loop"),
        QCoreApplication::translate("bitmig", "Start the trace again when it ends, until the run does.")));
    add(parser, QStringLiteral("seed"), QStringLiteral("N"),
        QCoreApplication::translate("bitmig", "Random seed; the same seed gives the same run (default 1)."));
    add(parser, QStringLiteral("tick"), QStringLiteral("TIME"),
        QCoreApplication::translate("bitmig", "Simulation step, 1us to 1s (default 1ms)."));
    add(parser, QStringLiteral("start-at"), QStringLiteral("TIME"),
        QCoreApplication::translate("bitmig", "When the migration starts; the workload runs alone before "
                                              "(default 0)."));
    add(parser, QStringLiteral("time-limit"), QStringLiteral("TIME"),
        QCoreApplication::translate("bitmig", "Simulated time after which a run stops, finished or not "
                                              "(default 1h)."));
    add(parser, QStringLiteral("sample-interval"), QStringLiteral("TIME"),
        QCoreApplication::translate("bitmig", "Time-series bucket, at least one tick (default 10ms)."));
    add(parser, QStringLiteral("inject"), QStringLiteral("TIME:OP:OFFSET:LENGTH"),
        QCoreApplication::translate("bitmig", "Guest I/O at a time, OP write or clear, e.g. 2s:write:1G:64K; "
                                              "repeatable."));
    add(parser, QStringLiteral("fault"), QStringLiteral("TIME"),
        QCoreApplication::translate("bitmig", "A link fault at a time: the migration is cut, the destination drops "
                                              "its partial bitmap, the source keeps every dirty bit; repeatable."));
    add(parser, QStringLiteral("fault-retry"), QStringLiteral("TIME"),
        QCoreApplication::translate("bitmig", "After a fault, start the migration again this long after it; "
                                              "none: it stays aborted and the run ends (default none)."));
    add(parser, QStringLiteral("device"), QStringLiteral("NAME"),
        QCoreApplication::translate("bitmig", "Device name in the stream (default drive0)."));
    add(parser, QStringLiteral("bitmap"), QStringLiteral("NAME"),
        QCoreApplication::translate("bitmig", "Bitmap name in the stream (default bitmap0)."));
}

SimConfig SimOptions::toConfig(const QCommandLineParser& parser, bool withChunk)
{
    SimConfig c;
    auto given = [&parser](const char* name) { return parser.isSet(QLatin1String(name)); };
    auto value = [&parser](const char* name) { return parser.value(QLatin1String(name)); };
    auto opt = [](const char* name) { return dashed(QLatin1String(name)); };

    if (given("scenario")) {
        try {
            c = ScenarioFile::load(value("scenario")).config;
        } catch (const ScenarioError& e) {
            // The message names the file, the key path and the reason.
            throw ArgumentError(opt("scenario"), QString::fromStdString(e.what()));
        }
    }

    if (given("strategy")) {
        c.strategy = OptionValue::strategy(opt("strategy"), value("strategy"));
    }
    if (given("disk") || given("granularity") || given("device") || given("bitmap")) {
        // These mean one disk with one bitmap: they replace a scenario's disks and bitmaps (its
        // first bitmap's values stay for what the options do not set).
        c.disks.clear();
        c.bitmaps.clear();
    }
    if (given("disk")) {
        c.diskBytes = OptionValue::size(opt("disk"), value("disk"));
    }
    if (given("granularity")) {
        c.granularity = OptionValue::granularity(opt("granularity"), value("granularity"));
    }
    if (withChunk && given("chunk")) {
        c.chunkBytes = OptionValue::chunkSize(opt("chunk"), value("chunk"));
    }
    if (given("bandwidth")) {
        c.bandwidth = OptionValue::bandwidth(opt("bandwidth"), value("bandwidth"));
    }
    if (given("latency")) {
        c.latencyNs = OptionValue::duration(opt("latency"), value("latency"));
    }
    if (given("max-downtime")) {
        c.maxDowntimeNs = OptionValue::duration(opt("max-downtime"), value("max-downtime"));
    }
    if (given("max-passes")) {
        c.maxPasses = unsigned(OptionValue::integer(opt("max-passes"), value("max-passes"), 0, 100000));
    }
    if (given("complete-below")) {
        c.completeOnlyBelow = OptionValue::size(opt("complete-below"), value("complete-below"));
    }
    if (given("workload")) {
        c.workload.kind = OptionValue::workload(opt("workload"), value("workload"));
    }
    if (given("rate")) {
        c.workload.rate = OptionValue::count(opt("rate"), value("rate"));
    }
    if (given("write-size")) {
        const auto [lo, hi] = OptionValue::writeSizes(opt("write-size"), value("write-size"));
        c.workload.minWriteBytes = lo;
        c.workload.maxWriteBytes = hi;
    }
    if (given("hot-fraction")) {
        c.workload.hotFraction = OptionValue::real(opt("hot-fraction"), value("hot-fraction"));
    }
    if (given("hot-share")) {
        c.workload.hotShare = OptionValue::real(opt("hot-share"), value("hot-share"));
    }
    if (given("zipf-exponent")) {
        c.workload.zipfExponent = OptionValue::real(opt("zipf-exponent"), value("zipf-exponent"));
    }
    if (given("burst-period")) {
        c.workload.burstPeriodNs = OptionValue::duration(opt("burst-period"), value("burst-period"));
    }
    if (given("burst-duty")) {
        c.workload.burstDuty = OptionValue::real(opt("burst-duty"), value("burst-duty"));
    }
    readTrace(parser, c);
    if (given("seed")) {
        c.seed = OptionValue::integer(opt("seed"), value("seed"));
    }
    if (given("tick")) {
        c.tickNs = OptionValue::duration(opt("tick"), value("tick"));
    }
    if (given("start-at")) {
        c.migrationStartNs = OptionValue::duration(opt("start-at"), value("start-at"));
    }
    if (given("time-limit")) {
        c.timeLimitNs = OptionValue::duration(opt("time-limit"), value("time-limit"));
    }
    if (given("sample-interval")) {
        c.sampleIntervalNs = OptionValue::duration(opt("sample-interval"), value("sample-interval"));
    }
    for (const QString& text : parser.values(QStringLiteral("inject"))) {
        c.injections.push_back(OptionValue::injection(opt("inject"), text));
    }
    for (const QString& text : parser.values(QStringLiteral("fault"))) {
        c.faultsNs.push_back(OptionValue::duration(opt("fault"), text));
    }
    if (given("fault-retry")) {
        const QString text = value("fault-retry").trimmed();
        c.faultRetryNs = text == QLatin1String("none") ? -1 : OptionValue::duration(opt("fault-retry"), text);
    }
    if (given("device")) {
        c.deviceName = value("device").toStdString();
    }
    if (given("bitmap")) {
        c.bitmapName = value("bitmap").toStdString();
    }
    return c;
}

void SimOptions::readTrace(const QCommandLineParser& parser, SimConfig& c)
{
    auto given = [&parser](const char* name) { return parser.isSet(QLatin1String(name)); };
    auto value = [&parser](const char* name) { return parser.value(QLatin1String(name)); };
    auto opt = [](const char* name) { return dashed(QLatin1String(name)); };
    // --trace-speed and --trace-loop also apply to a trace the scenario file names.
    const bool scenarioTrace = c.workload.trace.active() && !given("trace");
    for (const char* dependent : {"trace-format", "trace-speed", "trace-loop"}) {
        if (given(dependent) && !given("trace") && !(scenarioTrace && std::string_view(dependent) != "trace-format")) {
            throw ArgumentError(opt(dependent), QCoreApplication::translate("bitmig", "needs --trace FILE"));
        }
    }
    if (scenarioTrace) {
        if (given("trace-speed")) {
            c.workload.trace.speed = OptionValue::real(opt("trace-speed"), value("trace-speed"));
        }
        if (given("trace-loop")) {
            c.workload.trace.loop = true;
        }
        return;
    }
    if (!given("trace")) {
        return;
    }
    TraceFormat format = TraceFormat::Auto;
    if (given("trace-format")) {
        try {
            format = parseTraceFormat(value("trace-format").toStdString());
        } catch (const std::invalid_argument& e) {
            throw ArgumentError(opt("trace-format"), QString::fromStdString(e.what()));
        }
    }
    if (given("trace-speed")) {
        c.workload.trace.speed = OptionValue::real(opt("trace-speed"), value("trace-speed"));
    }
    c.workload.trace.loop = given("trace-loop");
    try {
        c.workload.trace.trace = std::make_shared<const Trace>(
            TraceReader::readFile(QFile::encodeName(value("trace")).toStdString(), format));
    } catch (const TraceError& e) {
        throw ArgumentError(opt("trace"), QString::fromStdString(e.what()));
    }
    if (!given("workload") && !given("scenario")) {
        c.workload.kind = WorkloadKind::Idle;  // the trace alone, unless asked otherwise (or the scenario says)
    }
}

QString SimOptions::optionForField(ConfigField field)
{
    using F = ConfigField;
    // Lists (injections, faults) are named per element by validate(); the strategy and the
    // workload's kind are refused as they are read.
    static constexpr struct {
        ConfigField field;
        const char* option;
    } kFields[] = {
        {F::Disk, "--disk"},
        {F::Granularity, "--granularity"},
        {F::Chunk, "--chunk"},
        {F::Strategy, "--strategy"},
        {F::Bandwidth, "--bandwidth"},
        {F::Latency, "--latency"},
        {F::MaxDowntime, "--max-downtime"},
        {F::MaxPasses, "--max-passes"},
        {F::CompleteOnlyBelow, "--complete-below"},
        {F::Tick, "--tick"},
        {F::MigrationStart, "--start-at"},
        {F::TimeLimit, "--time-limit"},
        {F::SampleInterval, "--sample-interval"},
        {F::Device, "--device"},
        {F::Bitmap, "--bitmap"},
        {F::WorkloadKind, "--workload"},
        {F::WorkloadRate, "--rate"},
        {F::WorkloadMinWriteBytes, "--write-size"},
        {F::WorkloadMaxWriteBytes, "--write-size"},
        {F::WorkloadHotFraction, "--hot-fraction"},
        {F::WorkloadHotShare, "--hot-share"},
        {F::WorkloadZipfExponent, "--zipf-exponent"},
        {F::WorkloadBurstPeriod, "--burst-period"},
        {F::WorkloadBurstDuty, "--burst-duty"},
        {F::WorkloadTrace, "--trace"},
        {F::WorkloadTraceSpeed, "--trace-speed"},
        {F::FaultRetry, "--fault-retry"},
    };
    for (const auto& f : kFields) {
        if (f.field == field) {
            return QLatin1String(f.option);
        }
    }
    return {};
}

ArgumentError SimOptions::fieldRefusal(const ConfigError& error, const QCommandLineParser& parser,
                                       const std::vector<PointValue>& pointValues)
{
    const QString option = optionForField(error.field());
    if (option.isEmpty()) {
        return ArgumentError(QString::fromStdString(error.what()));
    }
    const QString reason = QString::fromStdString(error.reason());
    if (error.field() == ConfigField::WorkloadTrace) {
        return ArgumentError(option, reason);  // a record past the disk: the reason names the file and line
    }
    for (const PointValue& p : pointValues) {
        if (p.option == option) {
            return ArgumentError(p.argument, quoted(p.text, reason));
        }
    }
    // Only an option given on the command line has a text to show (optionNames() lists those,
    // and asks nothing of an option the parser does not declare).
    const QString name = option.mid(2);
    if (parser.optionNames().contains(name)) {
        return ArgumentError(option, quoted(parser.value(name), reason));
    }
    return ArgumentError(option, reason);
}

void SimOptions::validate(const SimConfig& config, const QCommandLineParser& parser,
                          const std::vector<PointValue>& pointValues)
{
    try {
        config.validate();
        checkRunMemory(config);  // "disk: the run needs ... of memory ..., this machine has ... available"
    } catch (const ConfigError& e) {
        const QString what = QString::fromStdString(e.what());
        const QString reason = QString::fromStdString(e.reason());
        // An injection or a fault: the scenario file's come first, then one per --inject or --fault.
        // The file's are named as the file names them ("injections[0].length"), the command
        // line's counted from 1 with the text given ("injection 1 '1s:write:0:0': length ...").
        const bool injection = e.field() == ConfigField::Injection || e.field() == ConfigField::InjectionTime ||
                               e.field() == ConfigField::InjectionLength;
        if ((injection || e.field() == ConfigField::Fault) && e.index()) {
            const qsizetype index = qsizetype(*e.index());
            const QString option = injection ? QStringLiteral("inject") : QStringLiteral("fault");
            const QStringList given = parser.values(option);
            const qsizetype listed = injection ? qsizetype(config.injections.size()) : qsizetype(config.faultsNs.size());
            const qsizetype fromFile = std::max<qsizetype>(0, listed - given.size());
            if (index < fromFile) {
                throw ArgumentError(QStringLiteral("--scenario"), parser.value(QStringLiteral("scenario")) +
                                                                      QStringLiteral(": ") + what);
            }
            const QString text = shownValue(given.value(index - fromFile));
            if (!injection) {
                throw ArgumentError(QStringLiteral("--fault"),
                                    QCoreApplication::translate("bitmig", "fault %1 '%2'").arg(index - fromFile + 1).arg(text) +
                                        QStringLiteral(": ") + reason);
            }
            const QString which =
                QCoreApplication::translate("bitmig", "injection %1 '%2'").arg(index - fromFile + 1).arg(text);
            // "time " or "length " before the reason: the member of the injection at fault.
            const std::string_view name = configFieldName(e.field());
            const size_t dot = name.find('.');
            const QString part = dot == std::string_view::npos
                                     ? QString()
                                     : QString::fromUtf8(name.substr(dot + 1)) + QLatin1Char(' ');
            throw ArgumentError(QStringLiteral("--inject"), which + QStringLiteral(": ") + part + reason);
        }
        throw fieldRefusal(e, parser, pointValues);
    } catch (const std::invalid_argument& e) {
        throw ArgumentError(QString::fromStdString(e.what()));  // BITMIG_MEMORY_LIMIT that is not a size
    }
}

} // namespace bitmig::cli
