// Snapshots of a real engine run, one per frame of simulated time, carrying only what the charts
// and the phase strip read (samples, phases, state, summary): realistic input without the
// controller's thread. Screenshots of the run go to $BITMIG_SCREENSHOT_DIR when it is set.
#pragma once

#include <bitmig/migrationengine.h>
#include <bitmig/simsnapshot.h>

#include <QCoreApplication>
#include <QDir>
#include <QPalette>
#include <QString>
#include <QWidget>

#include <memory>
#include <vector>

namespace bitmig::testing {

// 4 TiB disk, 64 KiB granularity, 1 KiB chunks, Zipf writes at 50k/s over a 100 Mbit/s link
// with 200 ms max downtime: bulk, four dirty passes, complete, a few seconds in all.
inline SimConfig realisticConfig()
{
    SimConfig c;
    c.diskBytes = uint64_t(4) << 40;
    c.workload.kind = WorkloadKind::Zipf;
    c.workload.rate = 50000;
    c.migrationStartNs = 2'000'000'000;
    c.bandwidth = 1e8 / 8;
    c.maxDowntimeNs = 200'000'000;
    return c;
}

inline std::vector<SimSnapshotPtr> engineSnapshots(const SimConfig& config, int64_t frameNs = 16'666'667,
                                                   uint64_t runId = 1)
{
    MigrationEngine engine(config);
    std::vector<SimSnapshotPtr> out;
    size_t taken = 0;
    uint64_t serial = 0;
    while (!engine.finished()) {
        engine.runFor(frameNs);
        auto s = std::make_shared<SimSnapshot>();
        s->serial = ++serial;
        s->runId = runId;
        s->config = engine.sharedConfig();
        s->phase = engine.phase();
        s->pass = engine.pass();
        s->nowNs = engine.nowNs();
        s->playing = !engine.finished();
        s->guestPaused = engine.guestPaused();
        s->guestAtDestination = engine.guestAtDestination();
        s->pendingBytes = engine.pendingBytes();
        s->thresholdBytes = engine.downtimeBudgetBytes();
        const auto& samples = engine.samples();
        s->newSamples.assign(samples.begin() + std::ptrdiff_t(taken), samples.end());
        taken = samples.size();
        s->phases = engine.phases();
        s->summary = engine.summary();
        s->finished = engine.finished();
        out.push_back(std::move(s));
    }
    return out;
}

// Saves a grab of `w` as <dir>/<name>.png when BITMIG_SCREENSHOT_DIR is set; returns the path.
inline QString saveScreenshot(QWidget& w, const QString& name)
{
    const QString dir = qEnvironmentVariable("BITMIG_SCREENSHOT_DIR");
    if (dir.isEmpty()) {
        return {};
    }
    const QString path = QDir(dir).filePath(name + QStringLiteral(".png"));
    // Let pending layout requests run, as the event loop would before the next paint.
    for (int i = 0; i < 3; ++i) {
        QCoreApplication::processEvents();
    }
    w.grab().save(path);
    return path;
}

// A dark desktop palette, to check that views follow the palette rather than assume white.
inline QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    p.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Base, QColor(0x1f, 0x1f, 0x1f));
    p.setColor(QPalette::AlternateBase, QColor(0x2f, 0x2f, 0x2f));
    p.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x8e, 0xe0));
    p.setColor(QPalette::HighlightedText, QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
    p.setColor(QPalette::Mid, QColor(0x50, 0x50, 0x50));
    return p;
}

} // namespace bitmig::testing
