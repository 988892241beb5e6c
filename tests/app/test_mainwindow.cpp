#include "app/mainwindow.h"
#include "tests/support/qtwait.h"
#include "tests/support/simulation.h"
#include "widgets/chartmodel.h"
#include "widgets/heatmapview.h"
#include "widgets/migrationcharts.h"
#include "widgets/parameterspanel.h"
#include "widgets/sizespinbox.h"
#include "widgets/summarypanel.h"

#include <QAction>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <catch2/catch.hpp>

using namespace bitmig;
using bitmig::test::smallConfig;
using bitmig::test::waitFor;
using bitmig::test::waitUntil;

namespace {

void prepare(MainWindow& w, SimConfig cfg)
{
    w.resize(1400, 900);
    w.show();
    w.controller()->setConfig(cfg);
    w.parameters()->setConfig(cfg);
    // A snapshot of this run, not of the one the window started with.
    waitFor(*w.controller(), [&cfg](const SimSnapshot& s) { return *s.config == cfg; });
}

} // namespace

TEST_CASE("a brush stroke on the heatmap writes the bitmap and undo takes it back", "[mainwindow]")
{
    MainWindow w;
    SimConfig cfg = smallConfig();
    cfg.workload.kind = WorkloadKind::Idle;
    prepare(w, cfg);
    HeatmapView* view = w.heatmap();
    view->setTool(HeatmapView::Tool::Brush);
    const QRect band = view->bandRect(HeatmapView::Band::Source);
    REQUIRE(band.isValid());
    const QPoint at = band.topLeft() + QPoint(band.width() / 3, band.height() / 2);
    QTest::mouseClick(view, Qt::LeftButton, {}, at);
    auto written = waitFor(*w.controller(), [](const SimSnapshot& s) { return s.dirtyBits > 0; });
    REQUIRE(written->dirtyBits > 0);
    CHECK(w.undoStack()->count() == 1);
    CHECK(w.undoStack()->canUndo());

    // The cell under the click is now (at least partly) dirty in the painted layer.
    const auto cell = written->geometry.cellAt(at.x() - band.x(), at.y() - band.y(), band.width(), band.height());
    REQUIRE(cell);
    CHECK(written->source.set[size_t(*cell)] > 0);

    w.undoStack()->undo();
    auto undone = waitFor(*w.controller(), [](const SimSnapshot& s) { return s.dirtyBits == 0; });
    CHECK(undone->dirtyBits == 0);

    // Ctrl means clear: write again, then clear the same spot.
    QTest::mouseClick(view, Qt::LeftButton, {}, at);
    waitFor(*w.controller(), [](const SimSnapshot& s) { return s.dirtyBits > 0; });
    QTest::mouseClick(view, Qt::LeftButton, Qt::ControlModifier, at);
    auto cleared = waitFor(*w.controller(), [](const SimSnapshot& s) { return s.dirtyBits == 0; });
    CHECK(cleared->dirtyBits == 0);
}

TEST_CASE("controls drive the engine and the charts grow", "[mainwindow]")
{
    MainWindow w;
    SimConfig cfg = smallConfig();
    cfg.migrationStartNs = 200'000'000;
    cfg.bandwidth = 1e3;  // a bulk pass of about two minutes of simulated time, seconds at 50x
    prepare(w, cfg);
    w.setSpeed(50);
    REQUIRE(w.playAction()->isEnabled());
    w.playAction()->trigger();
    CHECK(w.controller()->isPlaying());
    auto running = waitFor(*w.controller(), [](const SimSnapshot& s) { return s.phase == Phase::Bulk; });
    REQUIRE(running->phase == Phase::Bulk);
    // The history merges old buckets as it grows, so the point count may drop: the series grows in
    // simulated time.
    const auto throughput = [&w] { return w.chartModel()->points(ChartKind::Throughput, 0); };
    REQUIRE(waitUntil([&] { return !throughput().isEmpty(); }, "a point on the throughput chart"));
    const auto before = throughput();
    CHECK(waitUntil([&] { return !throughput().isEmpty() && throughput().last().x() > before.last().x(); },
                    "the throughput chart to grow in simulated time"));
    CHECK(w.abortAction()->isEnabled());

    w.playAction()->trigger();  // pause
    CHECK_FALSE(w.controller()->isPlaying());
    auto paused = waitFor(*w.controller(), [](const SimSnapshot& s) { return !s.playing; });
    const int64_t t = paused->nowNs;
    w.stepAction()->trigger();
    auto stepped = waitFor(*w.controller(), [t](const SimSnapshot& s) { return s.nowNs == t + 1'000'000; });
    CHECK(stepped->nowNs == t + 1'000'000);

    w.abortAction()->trigger();
    auto cancelled = waitFor(*w.controller(), [](const SimSnapshot& s) { return s.phase == Phase::Cancelled; });
    CHECK(cancelled->phase == Phase::Cancelled);
    CHECK(w.startAction()->isEnabled());

    w.resetAction()->trigger();
    auto reset = waitFor(*w.controller(), [](const SimSnapshot& s) { return s.nowNs == 0 && s.phase == Phase::Idle; });
    CHECK(reset->nowNs == 0);
}

TEST_CASE("a chunk size edit restarts the run and can be undone", "[mainwindow]")
{
    MainWindow w;
    prepare(w, smallConfig());
    w.parameters()->chunkSpinBox()->setValue(4096);
    CHECK(w.controller()->config().chunkBytes == 4096);
    auto s = waitFor(*w.controller(), [](const SimSnapshot& s) { return s.config->chunkBytes == 4096; });
    CHECK(s->chunkBits == 4096 * 8);
    CHECK(w.undoStack()->canUndo());
    w.undoStack()->undo();
    CHECK(w.controller()->config().chunkBytes == 1024);
    CHECK(w.parameters()->chunkSpinBox()->value() == 1024);
}

TEST_CASE("the summary panel shows the verified run", "[mainwindow]")
{
    MainWindow w;
    SimConfig cfg = smallConfig();
    cfg.migrationStartNs = 50'000'000;
    prepare(w, cfg);
    w.setSpeed(200);
    w.controller()->setPlaying(true);
    auto done = waitFor(*w.controller(), [](const SimSnapshot& s) { return s.phase == Phase::Done; });
    REQUIRE(done->phase == Phase::Done);
    REQUIRE(waitUntil([&] { return w.summaryPanel()->lines().join(QLatin1Char('\n')).contains(QStringLiteral("✓")); },
                      "the summary panel to show the verified run"));
    const QStringList lines = w.summaryPanel()->lines();
    REQUIRE_FALSE(lines.isEmpty());
    CHECK(lines.first().contains(QStringLiteral("✓")));
}

TEST_CASE("bitmig-lab --screenshot saves the window and quits", "[smoke]")
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("shot.png"));
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(BITMIG_LAB_EXE),
            {QStringLiteral("--no-settings"), QStringLiteral("--autostart"), QStringLiteral("--speed"), QStringLiteral("20"),
             QStringLiteral("--screenshot"), file, QStringLiteral("--after"), QStringLiteral("1500")});
    REQUIRE(p.waitForFinished(60000));
    CHECK(p.exitCode() == 0);
    QImage image(file);
    REQUIRE_FALSE(image.isNull());
    CHECK(image.width() >= 800);
    // Not a blank window: many distinct colours.
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7) {
        for (int x = 0; x < image.width(); x += 7) {
            colours.insert(image.pixel(x, y));
        }
    }
    CHECK(colours.size() > 20);

    // On a screen at twice the density the screenshot has twice the pixels in each direction: the
    // window is drawn at the device pixel ratio, not scaled up afterwards.
    {
        const QString hidpi = dir.filePath(QStringLiteral("hidpi.png"));
        QProcess p2;
        QProcessEnvironment env2 = env;
        env2.insert(QStringLiteral("QT_SCALE_FACTOR"), QStringLiteral("2"));
        p2.setProcessEnvironment(env2);
        p2.start(QStringLiteral(BITMIG_LAB_EXE), {QStringLiteral("--no-settings"), QStringLiteral("--screenshot"), hidpi,
                                                  QStringLiteral("--after"), QStringLiteral("500")});
        REQUIRE(p2.waitForFinished(60000));
        CHECK(p2.exitCode() == 0);
        const QImage big(hidpi);
        REQUIRE_FALSE(big.isNull());
        CHECK(big.width() == 2 * image.width());
        CHECK(big.height() == 2 * image.height());
    }

    QProcess bad;
    bad.setProcessEnvironment(env);
    bad.start(QStringLiteral(BITMIG_LAB_EXE), {QStringLiteral("--speed"), QStringLiteral("fast")});
    REQUIRE(bad.waitForFinished(30000));
    CHECK(bad.exitCode() == 2);
    CHECK(QString::fromLocal8Bit(bad.readAllStandardError()).contains(QStringLiteral("--speed")));
}
