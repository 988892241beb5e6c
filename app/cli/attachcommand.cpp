#include "attachcommand.h"

#include "app/qemu/livebitmaps.h"
#include "app/qemu/qmpclient.h"
#include "app/scenario/summaryjson.h"
#include "argumenterror.h"
#include "clitext.h"
#include "optionvalue.h"
#include "summaryreport.h"
#include "texttable.h"

#include <bitmig/dirtyextents.h>

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <sys/stat.h>

namespace bitmig::cli {

using qemu::BitmapRef;
using qemu::LiveBitmapCopy;
using qemu::LiveBitmapReader;
using qemu::LiveError;
using qemu::LiveNodeInfo;
using qemu::LiveRefresh;
using qemu::QmpClient;
using qemu::QmpError;

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("bitmig", text);
}

std::atomic<bool> stopRequested{false};

extern "C" void requestStop(int)
{
    stopRequested.store(true);
}

// SIGINT and SIGTERM end a watch between refreshes (so that what it added to QEMU is removed);
// the previous handlers come back afterwards.
class StopSignals {
public:
    StopSignals()
    {
        stopRequested.store(false);
        struct sigaction sa {};
        sa.sa_handler = requestStop;
        sigemptyset(&sa.sa_mask);
        sigaction(SIGINT, &sa, &oldInt_);
        sigaction(SIGTERM, &sa, &oldTerm_);
    }
    ~StopSignals()
    {
        sigaction(SIGINT, &oldInt_, nullptr);
        sigaction(SIGTERM, &oldTerm_, nullptr);
    }
    StopSignals(const StopSignals&) = delete;
    StopSignals& operator=(const StopSignals&) = delete;

private:
    struct sigaction oldInt_ {};
    struct sigaction oldTerm_ {};
};

// Why `path` cannot be a QMP socket, or an empty string when it is a socket.
QString notASocket(const QString& path)
{
    struct stat st {};
    const QByteArray native = QFile::encodeName(path);
    if (::stat(native.constData(), &st) != 0) {
        return QString::fromLocal8Bit(std::strerror(errno));
    }
    if (S_ISSOCK(st.st_mode)) {
        return {};
    }
    if (S_ISDIR(st.st_mode)) {
        return tr("a folder, not a socket");
    }
    if (S_ISREG(st.st_mode)) {
        return tr("a regular file, not a socket");
    }
    return tr("not a socket");
}

// One line of the map, as `nbdinfo --map` prints it.
QString mapLine(uint64_t offset, uint64_t length, bool dirty)
{
    return QString::asprintf("%10llu  %10llu  %3u  %s", static_cast<unsigned long long>(offset),
                             static_cast<unsigned long long>(length), dirty ? 1u : 0u, dirty ? "dirty" : "clean");
}

// Every run of the disk, dirty and clean in turn, as (offset, length, dirty).
struct MapRun {
    uint64_t offset;
    uint64_t length;
    bool dirty;
};
std::vector<MapRun> fullMap(const LiveBitmapCopy& copy)
{
    std::vector<MapRun> runs;
    uint64_t pos = 0;
    for (const Range& r : copy.extents) {
        if (r.start > pos) {
            runs.push_back({pos, r.start - pos, false});
        }
        runs.push_back({r.start, r.count, true});
        pos = r.start + r.count;
    }
    if (pos < copy.diskBytes) {
        runs.push_back({pos, copy.diskBytes - pos, false});
    }
    return runs;
}

QString yesNo(bool b)
{
    return b ? tr("yes") : tr("no");
}

QString ms(qint64 ns)
{
    return QString::number(double(ns) / 1e6, 'f', 1) + QStringLiteral(" ms");
}

uint64_t total(const std::vector<Range>& runs)
{
    uint64_t n = 0;
    for (const Range& r : runs) {
        n += r.count;
    }
    return n;
}

QString seconds(qint64 ns)
{
    return QString::asprintf("%lld.%09lld", static_cast<long long>(ns / 1000000000), static_cast<long long>(ns % 1000000000));
}

QJsonObject nodesJson(const QList<LiveNodeInfo>& nodes)
{
    QJsonArray list;
    for (const LiveNodeInfo& n : nodes) {
        QJsonArray bitmaps;
        for (const auto& b : n.bitmaps) {
            bitmaps.append(QJsonObject{{QStringLiteral("name"), b.name},
                                       {QStringLiteral("granularity"), SummaryJson::exact(b.granularity)},
                                       {QStringLiteral("dirtyBytes"), SummaryJson::exact(b.count)},
                                       {QStringLiteral("recording"), b.recording},
                                       {QStringLiteral("persistent"), b.persistent},
                                       {QStringLiteral("busy"), b.busy}});
        }
        list.append(QJsonObject{{QStringLiteral("node"), n.nodeName},
                                {QStringLiteral("driver"), n.driver},
                                {QStringLiteral("device"), n.device},
                                {QStringLiteral("diskBytes"), SummaryJson::exact(n.size)},
                                {QStringLiteral("bitmaps"), bitmaps}});
    }
    return QJsonObject{{QStringLiteral("nodes"), list}};
}

void listText(const QList<LiveNodeInfo>& nodes, QTextStream& out)
{
    TextTable table;
    table.addColumn(tr("node"), TextTable::Align::Left);
    table.addColumn(tr("driver"), TextTable::Align::Left);
    table.addColumn(tr("device"), TextTable::Align::Left);
    table.addColumn(tr("size"), TextTable::Align::Right);
    table.addColumn(tr("bitmap"), TextTable::Align::Left);
    table.addColumn(tr("granularity"), TextTable::Align::Right);
    table.addColumn(tr("dirty bytes"), TextTable::Align::Right);
    table.addColumn(tr("recording"), TextTable::Align::Left);
    table.addColumn(tr("persistent"), TextTable::Align::Left);
    table.addColumn(tr("busy"), TextTable::Align::Left);
    const QString none = QStringLiteral("-");
    for (const LiveNodeInfo& n : nodes) {
        const QStringList node{shownName(n.nodeName.toStdString()), n.driver,
                               n.device.isEmpty() ? none : shownName(n.device.toStdString()), SummaryReport::size(n.size)};
        if (n.bitmaps.isEmpty()) {
            table.addRow(node + QStringList{none});
        }
        for (const auto& b : n.bitmaps) {
            table.addRow(node + QStringList{shownName(b.name.toStdString()), SummaryReport::size(b.granularity),
                                            number(b.count), yesNo(b.recording), yesNo(b.persistent), yesNo(b.busy)});
        }
    }
    table.write(out);
}

// Runs the event loop (so that QEMU going away is noticed) until `deadline`, a stop signal, or the
// end of the connection.
void waitUntil(std::chrono::steady_clock::time_point deadline, QmpClient& qmp)
{
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (stopRequested.load() || !qmp.isOpen() || std::chrono::steady_clock::now() >= deadline) {
            loop.quit();
        }
    });
    QObject::connect(&qmp, &QmpClient::disconnected, &loop, &QEventLoop::quit);
    poll.start(20);
    if (!stopRequested.load() && qmp.isOpen() && std::chrono::steady_clock::now() < deadline) {
        loop.exec();
    }
}

} // namespace

QString AttachCommand::name() const
{
    return QStringLiteral("attach");
}

QString AttachCommand::summary() const
{
    return tr("Read the dirty bitmaps of a running QEMU through its QMP socket.");
}

QString AttachCommand::usage() const
{
    return tr("bitmig attach SOCKET [--list | --node NODE --bitmap NAME (--extents | --watch SECONDS "
              "[--record TRACE.csv] [--refreshes N])] [--nbd-socket PATH] [--json]");
}

void AttachCommand::setUp(QCommandLineParser& parser) const
{
    parser.setApplicationDescription(tr(
        "Connects to a running QEMU's QMP socket. --list (the default) lists the block nodes and their dirty "
        "bitmaps. --extents prints one bitmap's dirty and clean runs as nbdinfo --map does; --watch reads it "
        "again every SECONDS and prints what changed, and --record writes the changes as a CSV trace that "
        "bitmig simulate --trace replays. Each read copies the bitmap in one QMP transaction, exports the copy "
        "over NBD on a private unix socket and removes both afterwards. Exit status 1 when QEMU fails or goes "
        "away."));
    parser.addOption(QCommandLineOption(QStringLiteral("list"), tr("List the block nodes and their bitmaps (the default).")));
    parser.addOption(QCommandLineOption(QStringLiteral("node"), tr("The block node of the bitmap."), QStringLiteral("NODE")));
    parser.addOption(QCommandLineOption(QStringLiteral("bitmap"), tr("The bitmap to read."), QStringLiteral("NAME")));
    parser.addOption(QCommandLineOption(QStringLiteral("extents"), tr("Print the bitmap's runs as nbdinfo --map does.")));
    parser.addOption(QCommandLineOption(QStringLiteral("watch"),
                                        tr("Read the bitmap every SECONDS (0.01 to 86400) and print what changed, "
                                           "until --refreshes, SIGINT or SIGTERM."),
                                        QStringLiteral("SECONDS")));
    parser.addOption(QCommandLineOption(QStringLiteral("refreshes"), tr("With --watch: stop after N refreshes."),
                                        QStringLiteral("N")));
    parser.addOption(QCommandLineOption(QStringLiteral("record"),
                                        tr("With --watch: write the changes as a CSV trace (time,offset,length,operation)."),
                                        QStringLiteral("TRACE.csv")));
    parser.addOption(QCommandLineOption(QStringLiteral("nbd-socket"),
                                        tr("Read through the NBD server QEMU already runs on this unix socket instead "
                                           "of starting one."),
                                        QStringLiteral("PATH")));
    parser.addOption(QCommandLineOption(QStringLiteral("json"), tr("Write JSON.")));
    parser.addPositionalArgument(QStringLiteral("SOCKET"), tr("The QMP socket of a running QEMU (-qmp unix:PATH,server=on)."));
}

int AttachCommand::run(const QCommandLineParser& parser, QTextStream& out, QTextStream& err) const
{
    const QStringList args = parser.positionalArguments();
    if (args.isEmpty()) {
        throw ArgumentError(QStringLiteral("SOCKET"), tr("missing"));
    }
    if (args.size() > 1) {
        throw ArgumentError(args[1], tr("unexpected argument"));
    }
    const QString socket = args[0];
    const bool json = parser.isSet(QStringLiteral("json"));
    const bool extents = parser.isSet(QStringLiteral("extents"));
    const bool watch = parser.isSet(QStringLiteral("watch"));
    const bool list = parser.isSet(QStringLiteral("list")) || (!extents && !watch);
    const QString node = parser.value(QStringLiteral("node"));
    const QString bitmap = parser.value(QStringLiteral("bitmap"));
    if (int(parser.isSet(QStringLiteral("list"))) + int(extents) + int(watch) > 1) {
        throw ArgumentError(tr("--list, --extents and --watch: choose one"));
    }
    if (!list && (node.isEmpty() || bitmap.isEmpty())) {
        throw ArgumentError(node.isEmpty() ? QStringLiteral("--node") : QStringLiteral("--bitmap"),
                            tr("needed by %1").arg(extents ? QStringLiteral("--extents") : QStringLiteral("--watch")));
    }
    if (list && (parser.isSet(QStringLiteral("node")) || parser.isSet(QStringLiteral("bitmap")))) {
        throw ArgumentError(parser.isSet(QStringLiteral("node")) ? QStringLiteral("--node") : QStringLiteral("--bitmap"),
                            tr("needs --extents or --watch"));
    }
    for (const char* option : {"refreshes", "record"}) {
        if (parser.isSet(QLatin1String(option)) && !watch) {
            throw ArgumentError(QStringLiteral("--") + QLatin1String(option), tr("needs --watch"));
        }
    }
    double interval = 0;
    uint64_t maxRefreshes = 0;
    if (watch) {
        interval = OptionValue::real(QStringLiteral("--watch"), parser.value(QStringLiteral("watch")));
        if (!(interval >= 0.01 && interval <= 86400)) {
            throw ArgumentError(QStringLiteral("--watch"),
                                tr("'%1' is out of range (0.01 to 86400 seconds)").arg(parser.value(QStringLiteral("watch"))));
        }
        if (parser.isSet(QStringLiteral("refreshes"))) {
            maxRefreshes = OptionValue::integer(QStringLiteral("--refreshes"), parser.value(QStringLiteral("refreshes")), 1,
                                                uint64_t(1) << 40);
        }
    }
    if (const QString why = notASocket(socket); !why.isEmpty()) {
        throw ArgumentError(QStringLiteral("SOCKET"), QStringLiteral("%1: %2").arg(socket, why));
    }
    if (parser.isSet(QStringLiteral("nbd-socket"))) {
        const QString nbd = parser.value(QStringLiteral("nbd-socket"));
        if (const QString why = notASocket(nbd); !why.isEmpty()) {
            throw ArgumentError(QStringLiteral("--nbd-socket"), QStringLiteral("%1: %2").arg(nbd, why));
        }
    }
    // The trace file is opened before anything is added to QEMU.
    QFile trace;
    if (parser.isSet(QStringLiteral("record"))) {
        trace.setFileName(parser.value(QStringLiteral("record")));
        if (!trace.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text)) {
            throw ArgumentError(QStringLiteral("--record"),
                                tr("%1: cannot be written: %2").arg(trace.fileName(), trace.errorString()));
        }
    }

    QmpClient qmp;
    if (const QmpError e = qmp.open(socket)) {
        QString why = e.message();
        if (e.kind == QmpError::Kind::Protocol && e.desc.contains(QStringLiteral("no QMP greeting"))) {
            why += tr(" (a QMP socket serves one client at a time: is another one connected?)");
        }
        throw ArgumentError(QStringLiteral("SOCKET"), QStringLiteral("%1: %2").arg(socket, why));
    }
    auto failed = [&](const QString& message) {
        out.flush();
        err << QStringLiteral("bitmig: %1: %2").arg(socket, message) << '\n';
        return ExitFailed;
    };

    try {
        const QList<LiveNodeInfo> nodes = qemu::queryNodes(qmp);
        if (list) {
            if (json) {
                QJsonObject doc = nodesJson(nodes);
                doc.insert(QStringLiteral("socket"), socket);
                doc.insert(QStringLiteral("qemu"), qmp.qemuVersion());
                out << QJsonDocument(doc).toJson(QJsonDocument::Indented);
            } else {
                out << tr("QEMU %1 at %2").arg(qmp.qemuVersion(), socket) << "\n\n";
                listText(nodes, out);
            }
            return ExitOk;
        }
        const auto found = std::find_if(nodes.begin(), nodes.end(), [&](const LiveNodeInfo& n) { return n.nodeName == node; });
        if (found == nodes.end()) {
            QStringList names;
            for (const LiveNodeInfo& n : nodes) {
                names.append(shownName(n.nodeName.toStdString()));
            }
            throw ArgumentError(QStringLiteral("--node"), tr("'%1': QEMU has no such block node (it has %2)")
                                                              .arg(shownName(node.toStdString()), names.join(QStringLiteral(", "))));
        }
        if (std::none_of(found->bitmaps.begin(), found->bitmaps.end(), [&](const auto& b) { return b.name == bitmap; })) {
            QStringList names;
            for (const auto& b : found->bitmaps) {
                names.append(shownName(b.name.toStdString()));
            }
            throw ArgumentError(QStringLiteral("--bitmap"),
                                names.isEmpty()
                                    ? tr("'%1': node '%2' has no bitmaps").arg(shownName(bitmap.toStdString()), shownName(node.toStdString()))
                                    : tr("'%1' is not a bitmap of node '%2' (it has %3)")
                                          .arg(shownName(bitmap.toStdString()), shownName(node.toStdString()),
                                               names.join(QStringLiteral(", "))));
        }

        LiveBitmapReader reader(qmp);
        if (parser.isSet(QStringLiteral("nbd-socket"))) {
            reader.useNbdServer(parser.value(QStringLiteral("nbd-socket")));
        }
        const QList<BitmapRef> watched{BitmapRef{node, bitmap}};

        if (extents) {
            const LiveRefresh r = reader.refresh(watched);
            const LiveBitmapCopy& copy = r.bitmaps.front();
            const std::vector<MapRun> map = fullMap(copy);
            if (json) {
                QJsonArray runs;
                for (const MapRun& m : map) {
                    runs.append(QJsonObject{{QStringLiteral("offset"), SummaryJson::exact(m.offset)},
                                            {QStringLiteral("length"), SummaryJson::exact(m.length)},
                                            {QStringLiteral("type"), m.dirty ? 1 : 0},
                                            {QStringLiteral("description"), m.dirty ? QStringLiteral("dirty") : QStringLiteral("clean")}});
                }
                const QJsonObject doc{
                    {QStringLiteral("socket"), socket},
                    {QStringLiteral("qemu"), qmp.qemuVersion()},
                    {QStringLiteral("node"), node},
                    {QStringLiteral("bitmap"), bitmap},
                    {QStringLiteral("diskBytes"), SummaryJson::exact(copy.diskBytes)},
                    {QStringLiteral("granularity"), SummaryJson::exact(copy.granularity)},
                    {QStringLiteral("dirtyBytes"), SummaryJson::exact(copy.dirtyBytes())},
                    {QStringLiteral("sha256"), text(copy.sha256())},
                    {QStringLiteral("nbdServer"), reader.startedNbdServer() ? QStringLiteral("started") : QStringLiteral("the VM's")},
                    {QStringLiteral("refreshNs"), SummaryJson::exact(int64_t(r.totalNs))},
                    {QStringLiteral("qmpRoundTrips"), SummaryJson::exact(r.qmpRoundTrips)},
                    {QStringLiteral("nbdRequests"), SummaryJson::exact(r.nbdRequests)},
                    {QStringLiteral("extents"), runs},
                };
                out << QJsonDocument(doc).toJson(QJsonDocument::Indented);
            } else {
                for (const MapRun& m : map) {
                    out << mapLine(m.offset, m.length, m.dirty) << '\n';
                }
            }
            return ExitOk;
        }

        // --watch
        StopSignals stopSignals;
        QTextStream csv(&trace);
        if (trace.isOpen()) {
            csv << "time,offset,length,operation\n";
        }
        if (!json) {
            out << tr("Watching %1/%2 of QEMU %3 every %4 s (Ctrl+C stops)")
                       .arg(shownName(node.toStdString()), shownName(bitmap.toStdString()), qmp.qemuVersion())
                       .arg(interval)
                << '\n'
                << (parser.isSet(QStringLiteral("nbd-socket"))
                        ? tr("Reading through the VM's NBD server at %1").arg(parser.value(QStringLiteral("nbd-socket")))
                        : tr("Reading through an NBD server started on a private socket, stopped at the end"))
                << '\n';
            out.flush();
        }
        QJsonArray refreshes;
        std::vector<Range> previous;
        uint64_t done = 0;
        auto start = std::chrono::steady_clock::now();  // of the first refresh: time 0 of the trace
        auto next = start;
        QString lostMessage;
        while (!stopRequested.load() && (maxRefreshes == 0 || done < maxRefreshes)) {
            if (done == 0) {
                start = next = std::chrono::steady_clock::now();
            }
            const qint64 at = done == 0 ? 0
                                        : std::chrono::duration_cast<std::chrono::nanoseconds>(
                                              std::chrono::steady_clock::now() - start).count();
            LiveRefresh r;
            try {
                r = reader.refresh(watched);
            } catch (const LiveError& e) {
                lostMessage = e.message();
                break;
            }
            const LiveBitmapCopy& copy = r.bitmaps.front();
            const ExtentChanges changes = done == 0 ? ExtentChanges{copy.extents, {}} : diffExtents(previous, copy.extents);
            const uint64_t dirtied = total(changes.dirtied);
            const uint64_t cleaned = total(changes.cleaned);
            if (trace.isOpen()) {
                for (const Range& x : changes.dirtied) {
                    csv << seconds(at) << ',' << x.start << ',' << x.count << ",write\n";
                }
                for (const Range& x : changes.cleaned) {
                    csv << seconds(at) << ',' << x.start << ',' << x.count << ",trim\n";
                }
                csv.flush();
            }
            if (json) {
                refreshes.append(QJsonObject{{QStringLiteral("timeNs"), SummaryJson::exact(int64_t(at))},
                                             {QStringLiteral("dirtyBytes"), SummaryJson::exact(copy.dirtyBytes())},
                                             {QStringLiteral("extents"), SummaryJson::exact(uint64_t(copy.extents.size()))},
                                             {QStringLiteral("dirtiedBytes"), SummaryJson::exact(dirtied)},
                                             {QStringLiteral("cleanedBytes"), SummaryJson::exact(cleaned)},
                                             {QStringLiteral("refreshNs"), SummaryJson::exact(int64_t(r.totalNs))},
                                             {QStringLiteral("qmpNs"), SummaryJson::exact(int64_t(r.qmpNs))},
                                             {QStringLiteral("nbdNs"), SummaryJson::exact(int64_t(r.nbdNs))},
                                             {QStringLiteral("qmpRoundTrips"), SummaryJson::exact(r.qmpRoundTrips)},
                                             {QStringLiteral("nbdRequests"), SummaryJson::exact(r.nbdRequests)}});
            } else {
                out << tr("%1 s  dirty %2 in %3 extents  +%4 -%5  refresh %6")
                           .arg(QString::number(double(at) / 1e9, 'f', 3), SummaryReport::size(copy.dirtyBytes()),
                                number(copy.extents.size()), SummaryReport::size(dirtied), SummaryReport::size(cleaned), ms(r.totalNs))
                    << '\n';
                out.flush();
            }
            previous = copy.extents;
            ++done;
            if (maxRefreshes != 0 && done >= maxRefreshes) {
                break;
            }
            next += std::chrono::nanoseconds(qint64(interval * 1e9));
            // A refresh slower than the interval: the next one starts now, not in a burst to catch up.
            next = std::max(next, std::chrono::steady_clock::now());
            waitUntil(next, qmp);
            if (!qmp.isOpen()) {
                lostMessage = tr("QEMU closed the connection between refreshes");
                break;
            }
        }
        reader.detach();
        if (trace.isOpen()) {
            trace.close();
        }
        if (json) {
            QJsonObject doc{{QStringLiteral("socket"), socket},
                            {QStringLiteral("qemu"), qmp.qemuVersion()},
                            {QStringLiteral("node"), node},
                            {QStringLiteral("bitmap"), bitmap},
                            {QStringLiteral("intervalNs"), SummaryJson::exact(int64_t(interval * 1e9))},
                            {QStringLiteral("refreshes"), refreshes},
                            {QStringLiteral("stopped"), lostMessage.isEmpty() ? QStringLiteral("done") : QStringLiteral("qemu")}};
            if (!lostMessage.isEmpty()) {
                doc.insert(QStringLiteral("error"), lostMessage);
            }
            if (trace.fileName().size()) {
                doc.insert(QStringLiteral("trace"), trace.fileName());
            }
            out << QJsonDocument(doc).toJson(QJsonDocument::Indented);
        }
        if (!lostMessage.isEmpty()) {
            return failed(trace.fileName().isEmpty()
                              ? tr("%1 (after %2 refreshes)").arg(lostMessage).arg(done)
                              : tr("%1 (after %2 refreshes; %3 holds them)").arg(lostMessage).arg(done).arg(trace.fileName()));
        }
        return ExitOk;
    } catch (const LiveError& e) {
        return failed(e.message());
    }
}

} // namespace bitmig::cli
