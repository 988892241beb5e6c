// The refresh of a live bitmap (LiveBitmapReader: QMP transaction, NBD export, libnbd block status,
// removal) on a 16 TiB disk with 100 000 dirty extents, against a real QEMU 7.2 it starts itself:
// a null-co node of 16 TiB (writes are discarded, the dirty bitmap still records them), a 64 KiB
// bitmap, 100 000 writes of 4 KiB spread over the disk (sent through QMP pipelined). Baseline in
// the same run: the same refresh of an empty bitmap on the same disk, and one QMP round trip.
// Prints the times and ratios; the target (a refresh under 1 s) is reported, never enforced.
//
//   bench_live [--extents N] [--reps R]
#include "app/qemu/livebitmaps.h"
#include "app/qemu/qmpclient.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace bitmig::qemu;

namespace {

constexpr uint64_t KiB = 1024;
constexpr uint64_t TiB = KiB * KiB * KiB * KiB;

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

[[noreturn]] void die(const QString& why)
{
    std::fprintf(stderr, "bench_live: %s\n", qPrintable(why));
    std::exit(2);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    uint64_t extents = 100000;
    int reps = 5;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QStringLiteral("--extents")) {
            extents = args[i + 1].toULongLong();
        } else if (args[i] == QStringLiteral("--reps")) {
            reps = std::max(1, args[i + 1].toInt());
        }
    }
    const QString qemu = QStandardPaths::findExecutable(QStringLiteral("qemu-system-x86_64"));
    if (qemu.isEmpty()) {
        die(QStringLiteral("qemu-system-x86_64 is not on PATH (install qemu-system-x86)"));
    }
    QTemporaryDir dir;
    const QString qmpPath = dir.filePath(QStringLiteral("qmp.sock"));
    const uint64_t disk = 16 * TiB;
    QProcess vm;
    vm.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    vm.setStandardOutputFile(QProcess::nullDevice());
    vm.start(qemu, {QStringLiteral("-machine"), QStringLiteral("none"), QStringLiteral("-nodefaults"), QStringLiteral("-display"),
                    QStringLiteral("none"), QStringLiteral("-S"), QStringLiteral("-blockdev"),
                    QStringLiteral("driver=null-co,node-name=drive0,size=%1").arg(disk), QStringLiteral("-qmp"),
                    QStringLiteral("unix:%1,server=on,wait=off").arg(qmpPath)});
    if (!vm.waitForStarted(30000)) {
        die(QStringLiteral("QEMU did not start"));
    }
    for (int i = 0; i < 300 && !QFileInfo::exists(qmpPath); ++i) {
        QThread::msleep(20);
    }
    QmpClient qmp;
    if (const QmpError e = qmp.open(qmpPath)) {
        die(e.message());
    }
    auto must = [&](const QString& command, const QJsonObject& arguments) {
        const QmpReply r = qmp.execute(command, arguments, 60000);
        if (!r.ok()) {
            die(r.error.message());
        }
    };
    const uint64_t granularity = 64 * KiB;
    must(QStringLiteral("block-dirty-bitmap-add"),
         QJsonObject{{QStringLiteral("node"), QStringLiteral("drive0")}, {QStringLiteral("name"), QStringLiteral("full")},
                     {QStringLiteral("granularity"), qint64(granularity)}});
    must(QStringLiteral("block-dirty-bitmap-add"),
         QJsonObject{{QStringLiteral("node"), QStringLiteral("drive0")}, {QStringLiteral("name"), QStringLiteral("empty")},
                     {QStringLiteral("granularity"), qint64(granularity)}, {QStringLiteral("disabled"), true}});

    // 100 000 writes, one granule each, none adjacent: pipelined, one reply awaited at the end.
    const uint64_t stride = disk / extents / granularity * granularity;
    QElapsedTimer fill;
    fill.start();
    uint64_t answered = 0;
    uint64_t failed = 0;
    for (uint64_t i = 0; i < extents; ++i) {
        const QString line = QStringLiteral("qemu-io drive0 \"write %1 4k\"").arg(i * stride);
        qmp.send(QStringLiteral("human-monitor-command"), QJsonObject{{QStringLiteral("command-line"), line}},
                 [&](const QmpReply& r) {
                     ++answered;
                     failed += (!r.ok() || !r.value.toString().isEmpty()) ? 1 : 0;
                 }, 600000);
    }
    while (answered < extents) {
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    if (failed) {
        die(QStringLiteral("%1 writes failed").arg(failed));
    }
    std::printf("setup: %llu writes of 4 KiB over a 16 TiB null-co disk in %.1f s\n",
                static_cast<unsigned long long>(extents), double(fill.elapsed()) / 1000);

    // One QMP round trip.
    std::vector<double> trip;
    for (int i = 0; i < 50; ++i) {
        QElapsedTimer t;
        t.start();
        must(QStringLiteral("query-status"), {});
        trip.push_back(double(t.nsecsElapsed()) / 1e6);
    }

    LiveBitmapReader reader(qmp);
    auto run = [&](const QString& name, uint64_t expectExtents) {
        std::vector<double> total, qmpMs, nbdMs;
        LiveRefresh last;
        for (int i = 0; i < reps; ++i) {
            last = reader.refresh({BitmapRef{QStringLiteral("drive0"), name}});
            total.push_back(double(last.totalNs) / 1e6);
            qmpMs.push_back(double(last.qmpNs) / 1e6);
            nbdMs.push_back(double(last.nbdNs) / 1e6);
        }
        const auto& copy = last.bitmaps.front();
        if (copy.extents.size() != expectExtents) {
            die(QStringLiteral("bitmap %1: %2 extents read, %3 expected").arg(name).arg(copy.extents.size()).arg(expectExtents));
        }
        std::printf("%-28s median %8.1f ms (min %8.1f)  QMP %7.1f ms in %llu round trips  NBD %7.1f ms in %llu requests\n",
                    qPrintable(QStringLiteral("refresh, %1 extents").arg(expectExtents)), median(total),
                    *std::min_element(total.begin(), total.end()), median(qmpMs),
                    static_cast<unsigned long long>(last.qmpRoundTrips), median(nbdMs),
                    static_cast<unsigned long long>(last.nbdRequests));
        return median(total);
    };
    const double empty = run(QStringLiteral("empty"), 0);
    const double full = run(QStringLiteral("full"), extents);
    std::printf("QMP round trip (query-status): median %.3f ms\n", median(trip));
    std::printf("ratio full / empty refresh: %.2f\n", full / empty);
    std::printf("target: a refresh of 16 TiB with %llu extents under 1000 ms: %s (%.1f ms)\n",
                static_cast<unsigned long long>(extents), full < 1000 ? "met" : "missed", full);

    reader.detach();
    qmp.execute(QStringLiteral("quit"), {}, 5000);
    if (!vm.waitForFinished(10000)) {
        vm.kill();
        vm.waitForFinished(10000);
    }
    return 0;
}
