// What one frame costs after a large qcow2 import: the run's configuration carries the image's
// dirty extents as scheduled injections (--extents N, default 2^20, the most an import makes). Per
// frame, as the simulation thread and the window do it: a snapshot built from the engine
// (SnapshotBuilder::fill), the explanation (PhaseExplainer::explain, with its convergence
// forecast), the summary panel and the figures line fed from it, and the previous snapshot
// released. Prints the median and p99 wall time per frame and the resident memory.
// Usage: bench_snapshot_config [--extents N] [--frames N]. A benchmark, not a test.
#include "app/model/phaseexplainer.h"
#include "widgets/figuresline.h"
#include "widgets/summarypanel.h"

#include <bitmig/migrationengine.h>
#include <bitmig/snapshotbuilder.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <vector>

using namespace bitmig;

namespace {

double residentMiB()
{
    QFile f(QStringLiteral("/proc/self/statm"));
    if (!f.open(QIODevice::ReadOnly)) {
        return 0;
    }
    const QList<QByteArray> fields = f.readAll().split(' ');
    return fields.size() > 1 ? fields[1].toDouble() * 4096.0 / (1024.0 * 1024.0) : 0;
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty()) {
        return 0;
    }
    std::sort(v.begin(), v.end());
    const double rank = std::ceil(p / 100.0 * double(v.size()));
    return v[std::min(v.size() - 1, size_t(std::max(1.0, rank)) - 1)];
}

} // namespace

int main(int argc, char** argv)
{
    if (!std::getenv("QT_QPA_PLATFORM")) {
        setenv("QT_QPA_PLATFORM", "offscreen", 1);
    }
    QApplication app(argc, argv);
    long extents = 1L << 20;
    int frames = 300;
    for (int i = 1; i < argc; ++i) {
        const QByteArray a = argv[i];
        bool ok = false;
        const long v = i + 1 < argc ? QByteArray(argv[i + 1]).toLong(&ok) : 0;
        if ((a == "--extents" || a == "--frames") && ok && v > 0) {
            if (a == "--extents") {
                extents = v;
            } else {
                frames = int(std::min(v, 1000000L));
            }
            ++i;
        } else {
            std::fprintf(stderr, "usage: bench_snapshot_config [--extents N] [--frames N] (whole numbers above 0)\n");
            return 2;
        }
    }

    // A 1 TiB image at 64 KiB granularity (2^24 bits) with one dirty extent every so many bits, all
    // written at time 0, the guest idle: what Qcow2Import makes of an image's bitmap.
    SimConfig config;
    config.diskBytes = uint64_t(1) << 40;
    config.granularity = 64 << 10;
    config.chunkBytes = 1024;
    config.workload.kind = WorkloadKind::Idle;
    config.migrationStartNs = 0;
    const uint64_t bits = config.diskBytes / config.granularity;
    if (uint64_t(extents) > bits) {
        std::fprintf(stderr, "bench_snapshot_config: --extents %ld is more than the disk's %llu bits\n", extents,
                     static_cast<unsigned long long>(bits));
        return 2;
    }
    const uint64_t stride = bits / uint64_t(extents);
    config.injections.reserve(size_t(extents));
    for (long e = 0; e < extents; ++e) {
        config.injections.push_back(
            Injection{0, Injection::Op::Write, uint64_t(e) * stride * config.granularity, config.granularity});
    }
    const double configMiB = double(config.injections.size() * sizeof(Injection)) / (1024.0 * 1024.0);
    MigrationEngine engine(std::move(config));
    engine.applyInjectionsDueNow();

    SummaryPanel summary;
    FiguresLine figures;
    const HeatmapRequest request{0, 0, 256, 32};
    SimSnapshotPtr previous;
    std::vector<double> ms, buildMs, explainMs, showMs, releaseMs;
    qsizetype explained = 0;
    const double rssBefore = residentMiB();
    for (int f = 0; f < frames; ++f) {
        engine.runFor(16'666'667);
        QElapsedTimer t;
        t.start();
        auto snap = std::make_shared<SimSnapshot>();
        SnapshotBuilder::fill(engine, request, *snap);
        const qint64 built = t.nsecsElapsed();
        const PhaseExplainer::Text text = PhaseExplainer::explain(*snap);
        explained += text.body.size();
        const qint64 explainedAt = t.nsecsElapsed();
        summary.setSummary(snap->summary, snap->config, snap->timeLimitReached);
        figures.setSnapshot(snap);
        const qint64 shown = t.nsecsElapsed();
        previous = std::move(snap);  // the frame before goes
        const qint64 end = t.nsecsElapsed();
        ms.push_back(double(end) / 1e6);
        buildMs.push_back(double(built) / 1e6);
        explainMs.push_back(double(explainedAt - built) / 1e6);
        showMs.push_back(double(shown - explainedAt) / 1e6);
        releaseMs.push_back(double(end - shown) / 1e6);
    }
    std::printf("bench_snapshot_config: %ld extents as injections (%.1f MiB of them), %d frames of a 1 TiB run\n",
                extents, configMiB, frames);
    std::printf("  frame (snapshot + explanation + summary + figures)  p50 %.3f ms  p99 %.3f ms  max %.3f ms\n",
                percentile(ms, 50), percentile(ms, 99), percentile(ms, 100));
    std::printf("  of which p50: snapshot %.3f ms, explanation %.3f ms, summary and figures %.3f ms, release %.3f ms\n",
                percentile(buildMs, 50), percentile(explainMs, 50), percentile(showMs, 50), percentile(releaseMs, 50));
    std::printf("  (%lld characters of explanation)\n", static_cast<long long>(explained));
    std::printf("  resident memory  %.1f MiB before the frames, %.1f MiB after\n", rssBefore, residentMiB());
    return 0;
}
