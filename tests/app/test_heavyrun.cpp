// Heavy runs stay responsive and bounded: the controller waits for the window's paint, the status
// bar shows the speed achieved against the speed asked, and what the window keeps per frame is
// bounded (the worker's side, without a window, is in tests/model/test_worker.cpp). Mechanisms, not
// timings: the benchmark bench_frames measures how fast.
#include "app/framestats.h"
#include "app/liveturns.h"
#include "app/mainwindow.h"
#include "app/model/simulationworker.h"
#include "tests/support/qtwait.h"
#include "tests/support/simulation.h"
#include "widgets/chartmodel.h"
#include "widgets/migrationcharts.h"
#include "windowtestutil.h"

#include <QAreaSeries>
#include <QChart>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QStatusBar>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QWidget>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <random>

using namespace bitmig;
using namespace bitmig::test;

namespace {

// A widget that counts its paints.
class PaintCounter : public QWidget {
public:
    int paints = 0;

protected:
    void paintEvent(QPaintEvent*) override { ++paints; }
};

} // namespace

TEST_CASE("the controller acknowledges a snapshot only once the window has painted it, then leaves it idle",
          "[heavy][controller]")
{
    SimulationController c;
    PaintCounter view;
    view.resize(200, 100);
    view.show();
    REQUIRE(QTest::qWaitForWindowExposed(&view));
    constexpr int busyMs = 40;
    std::vector<int> paintsAtArrival;
    QElapsedTimer clock;
    clock.start();
    std::vector<qint64> arrivalMs;
    QObject::connect(&c, &SimulationController::snapshotChanged, &view, [&](const SimSnapshotPtr&) {
        paintsAtArrival.push_back(view.paints);
        arrivalMs.push_back(clock.elapsed());
        view.update();
        // Other work of the window, queued ahead of the repaint (it outranks update requests).
        QTimer::singleShot(0, &view, [] { QThread::msleep(busyMs); });
    });
    c.setSpeed(10);
    c.setConfig(smallConfig());
    c.setPlaying(true);
    REQUIRE(waitUntil([&] { return paintsAtArrival.size() >= 12; }, "twelve snapshots, each painted", 60000));
    c.setPlaying(false);
    // Snapshot n arrives only after the paint of snapshot n - 1: the worker waited for it.
    const int first = paintsAtArrival.front();
    for (size_t n = 1; n < paintsAtArrival.size(); ++n) {
        INFO("snapshot " << n);
        CHECK(paintsAtArrival[n] - first >= int(n));
    }
    CHECK(c.framesDrawn() >= paintsAtArrival.size() - 1);
    // Each frame kept the window busy at least busyMs; it was then left idle as long before the
    // worker was asked for the next: arrivals are at least twice that apart (a loaded machine
    // only spreads them further).
    const double meanGap = double(arrivalMs.back() - arrivalMs[1]) / double(arrivalMs.size() - 2);
    CHECK(meanGap >= 2 * busyMs);
}

TEST_CASE("the status bar shows the speed asked and the speed achieved", "[heavy][mainwindow]")
{
    MainWindow w;
    showAt(w);
    SimConfig cfg = smallConfig();
    cfg.workload.rate = 200000;  // heavy for its size: 1000x is more than this machine does
    w.controller()->setConfig(cfg);
    w.setSpeed(1000);
    w.controller()->setPlaying(true);
    const auto s = waitFor(*w.controller(),
                           [](const SimSnapshot& x) { return x.playing && x.achievedSpeed > 0 && x.nowNs > 0; });
    REQUIRE(s->playing);
    auto* label = w.statusBar()->findChild<QLabel*>(QStringLiteral("timeLabel"));
    REQUIRE(label);
    // The label shows the snapshot the window took last, which is the controller's.
    const SimSnapshotPtr shown = w.controller()->snapshot();
    const QString text = label->text();
    const QLocale l;
    const auto speed = [&l](double x) { return l.toString(x, 'f', x < 10 ? 1 : 0); };
    INFO(text.toStdString());
    CHECK(text.contains(QStringLiteral("asked %1x").arg(speed(shown->speed))));
    CHECK(text.contains(QStringLiteral("achieved %1x").arg(speed(shown->achievedSpeed))));
    CHECK(shown->speed == 1000);
    // A measured figure: simulated time over wall time, not the speed asked copied.
    CHECK(shown->achievedSpeed > 0);
    CHECK(shown->achievedSpeed < 1000);

    w.controller()->setPlaying(false);
    waitFor(*w.controller(), [](const SimSnapshot& x) { return !x.playing; });
    CHECK_FALSE(label->text().contains(QStringLiteral("achieved")));
}

TEST_CASE("frame statistics stay within 1 % of the exact percentiles in a fixed-size histogram", "[heavy][framestats]")
{
    FrameStats stats;
    std::mt19937 rng(3);
    std::lognormal_distribution<double> ms(1.5, 1.0);
    std::vector<double> all;
    for (int i = 0; i < 200000; ++i) {
        const double v = ms(rng);
        all.push_back(v);
        stats.addFrame(v);
    }
    std::sort(all.begin(), all.end());
    REQUIRE(stats.frames() == all.size());
    for (double p : {1.0, 50.0, 90.0, 99.0, 99.9, 100.0}) {
        const size_t rank = std::max<size_t>(1, size_t(std::ceil(p / 100.0 * double(all.size()))));
        const double exact = all[rank - 1];
        INFO("p" << p << " exact " << exact << " reported " << stats.percentileMs(p));
        CHECK(stats.percentileMs(p) >= exact);
        CHECK(stats.percentileMs(p) <= exact * FrameStats::kBinRatio * 1.000001);
    }
    CHECK(stats.maxMs() == all.back());
    stats.clear();
    CHECK(stats.frames() == 0);
    CHECK(stats.percentileMs(99) == 0);
    stats.addFrame(1e9);  // beyond the last bin: counted, and the maximum is exact
    CHECK(stats.percentileMs(100) == 1e9);
}

TEST_CASE("text views take turns while a run plays, and a still snapshot or a new phase goes to all", "[heavy][liveturns]")
{
    LiveTurns turns(4, 200);
    int taken[4] = {};
    // Frames every 10 ms for two seconds of a playing run.
    turns.plan(true, 1, 0);  // the first snapshot of a stage goes to all
    for (qint64 t = 10; t < 2010; t += 10) {
        const auto take = turns.plan(true, 1, t);
        CHECK(std::count(take.begin(), take.end(), true) <= 1);
        for (int v = 0; v < 4; ++v) {
            taken[v] += take[size_t(v)] ? 1 : 0;
        }
    }
    for (int v = 0; v < 4; ++v) {
        INFO("view " << v);
        CHECK(taken[v] >= 9);   // about every 200 ms each
        CHECK(taken[v] <= 10);  // never more often
    }
    const auto still = turns.plan(false, 1, 2010);
    CHECK(std::count(still.begin(), still.end(), true) == 4);
    // A new stage (phase or pass) while playing: every view takes it at once.
    const auto next = turns.plan(true, 2, 2015);
    CHECK(std::count(next.begin(), next.end(), true) == 4);
    const auto same = turns.plan(true, 2, 2020);
    CHECK(std::count(same.begin(), same.end(), true) == 0);  // none due yet
}

TEST_CASE("while a run plays the charts redraw one at a time, and a still snapshot redraws them all", "[heavy][charts]")
{
    ChartModel model;
    MigrationCharts charts;
    charts.setModel(&model);
    charts.resize(900, 600);
    charts.show();
    REQUIRE(QTest::qWaitForWindowExposed(&charts));
    int64_t t = 0;
    uint64_t serial = 0;
    auto snapshot = [&](bool playing) {
        auto s = std::make_shared<SimSnapshot>();
        s->serial = ++serial;
        s->runId = 1;
        s->playing = playing;
        for (int i = 0; i < 5; ++i) {
            TimeSample x;
            t += 10'000'000;
            x.timeNs = t;
            x.durationNs = 10'000'000;
            x.payloadBytes = 1000;
            x.headerBytes = 20;
            s->newSamples.push_back(x);
        }
        s->nowNs = t;
        return s;
    };
    model.setSnapshot(snapshot(false));
    int before[kChartKindCount];
    for (int k = 0; k < kChartKindCount; ++k) {
        before[k] = charts.redraws(ChartKind(k));
    }
    QTest::qWait(MigrationCharts::kLiveRedrawMs);  // every chart due again
    const int snapshots = 20;
    QElapsedTimer wall;
    wall.start();
    for (int i = 0; i < snapshots; ++i) {
        model.setSnapshot(snapshot(true));
    }
    const qint64 spent = wall.elapsed();
    // One chart per snapshot at most, and each chart at most once per kLiveRedrawMs (the first
    // one due at once).
    int live = 0;
    const int perChartCap = 1 + int(spent / MigrationCharts::kLiveRedrawMs);
    for (int k = 0; k < kChartKindCount; ++k) {
        const int n = charts.redraws(ChartKind(k)) - before[k];
        INFO("chart " << k);
        CHECK(n <= perChartCap);
        live += n;
    }
    CHECK(live >= 1);
    CHECK(live <= snapshots);
    // The data is all there even where the drawing waits.
    CHECK(model.history().endSeconds() == Approx(double(t) * 1e-9));
    // A still snapshot: every chart catches up at once.
    model.setSnapshot(snapshot(false));
    for (int k = 0; k < kChartKindCount; ++k) {
        INFO("chart " << k);
        CHECK(charts.redraws(ChartKind(k)) > before[k]);
        const QList<QPointF> drawn = qobject_cast<QLineSeries*>(charts.chart(ChartKind(k))->series().back())->points();
        CHECK_FALSE(drawn.isEmpty());
    }
}

TEST_CASE("the phase bands' outlines belong to their area series", "[heavy][charts][leak]")
{
    ChartModel model;
    MigrationCharts charts;
    charts.setModel(&model);
    int areas = 0;
    for (int k = 0; k < kChartKindCount; ++k) {
        for (QAbstractSeries* s : charts.chart(ChartKind(k))->series()) {
            if (auto* area = qobject_cast<QAreaSeries*>(s)) {
                ++areas;
                REQUIRE(area->upperSeries());
                CHECK(area->upperSeries()->parent() == area);  // deleted with it
            }
        }
    }
    CHECK(areas > 0);
}
