// View > Compare with real events: lanes in lockstep, a lane added and its chunk size typed into the
// lane editor's field, run to the end and checked against `bitmig simulate` on the same file; the
// brush writes in every lane; a zoom in one lane moves all; a comparison saves and loads; the seed
// table's "Compare these rows" makes one lane per row; a bad lanes entry is named by its key path;
// the window's keys are in the shortcut reference and each does its one thing; 4 lanes fit at
// 1600x1000 (3 at 1400x900) without scrolling.
#include "app/comparewindow.h"
#include "app/shortcutsdialog.h"
#include "app/model/simulationcontroller.h"
#include "app/sweepview.h"
#include "widgets/byteformat.h"
#include "widgets/heatmapview.h"
#include "widgets/offsetaxis.h"
#include "widgets/lanecharts.h"
#include "widgets/parameterspanel.h"
#include "widgets/phasestrip.h"
#include "widgets/seedtablemodel.h"
#include "widgets/sizespinbox.h"
#include "widgets/zoomstack.h"
#include "tests/support/fieldinput.h"
#include "tests/support/qtwait.h"
#include "windowtestutil.h"

#include <bitmig/units.h>

#include <map>
#include <memory>

#include <QApplication>
#include <QChartView>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QProcess>
#include <QScrollArea>
#include <QScrollBar>
#include <QTimer>
#include <QUndoStack>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QWheelEvent>

using namespace bitmig;
using bitmig::test::waitUntil;

namespace {

// 64 GiB over 100 Mbit/s, the migration half a second in: every lane is done within seconds.
SimConfig smallConfig()
{
    SimConfig c;
    c.diskBytes = uint64_t(64) << 30;
    c.chunkBytes = 1024;
    c.bandwidth = 12.5e6;
    c.migrationStartNs = 500'000'000;
    c.timeLimitNs = 60'000'000'000;
    c.workload.kind = WorkloadKind::Uniform;
    c.workload.rate = 2000;
    c.workload.minWriteBytes = c.workload.maxWriteBytes = 4096;
    return c;
}

CompareWindow* openCompare(MainWindow& w)
{
    REQUIRE(w.compareAction());
    w.compareAction()->trigger();  // View > Compare
    CompareWindow* c = w.compareWindow();
    REQUIRE(c);
    REQUIRE(QTest::qWaitForWindowExposed(c));
    return c;
}

bool lanesShown(CompareWindow* c)
{
    const LanesSnapshotPtr& s = c->controller()->snapshot();
    return s && int(s->lanes.size()) == c->laneCount() && c->laneCount() == c->controller()->laneCount();
}

QJsonObject runCli(const QStringList& args)
{
    QProcess p;
    p.start(QStringLiteral(BITMIG_EXECUTABLE), args);
    REQUIRE(p.waitForFinished(300000));
    INFO(p.readAllStandardError().toStdString());
    REQUIRE(p.exitCode() == 0);
    return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
}

void sendWheel(QWidget* w, const QPoint& pos, int angle)
{
    QWheelEvent event(QPointF(pos), QPointF(w->mapToGlobal(pos)), QPoint(), QPoint(0, angle), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(w, &event);
}

} // namespace

TEST_CASE("compare: a lane added, its chunk size typed, run to the end: each lane as bitmig simulate", "[compare]")
{
    test::clearSettings();
    MainWindow w;
    test::showAt(w);
    w.applyConfig(smallConfig(), QStringLiteral("test"));
    CompareWindow* c = openCompare(w);
    // Two lanes to start: this configuration, and the same with 1 MiB chunks.
    REQUIRE(c->laneCount() == 2);
    CHECK(c->controller()->laneConfig(0).chunkBytes == 1024u);
    CHECK(c->controller()->laneConfig(1).chunkBytes == (1u << 20));

    c->addLaneAction()->trigger();
    REQUIRE(c->laneCount() == 3);
    REQUIRE(c->laneSelector()->currentIndex() == 2);
    // The new lane's chunk size, typed into the lane editor's Chunk field.
    SizeSpinBox* chunk = c->laneEditor()->chunkSpinBox();
    chunk->setFocus();
    test::typeAndEnter(chunk, QStringLiteral("32 B"));
    REQUIRE(waitUntil([&] { return c->controller()->laneConfig(2).chunkBytes == 32; }, "lane 3 with 32 B chunks"));
    CHECK(c->controller()->laneConfig(0).chunkBytes == 1024u);
    CHECK(c->laneTitle(2)->text() == QStringLiteral("32 B chunks"));
    CHECK(c->laneTitle(1)->text() == QStringLiteral("1 MiB chunks"));
    CHECK(c->laneTitle(0)->text() == QStringLiteral("1 KiB chunks"));
    // The charts overlay the lanes, each series named by its lane.
    for (int k = 0; k < LaneCharts::kCharts; ++k) {
        const QList<QLineSeries*> series = c->charts()->series(LaneCharts::Chart(k));
        REQUIRE(series.size() == 3);
        for (int i = 0; i < 3; ++i) {
            CHECK(series[i]->name() == c->laneTitle(i)->text());
        }
    }

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cmp.json"));
    REQUIRE(c->saveComparison(path));

    // Before the end, the figures that exist only at the end say so rather than showing zero.
    {
        c->stepAction()->trigger();
        const QTableWidget* t = c->summaryTable();
        REQUIRE(waitUntil(
            [&] {
                if (t->rowCount() != 3) {
                    return false;
                }
                for (int i = 0; i < 3; ++i) {
                    if (!t->item(i, int(CompareWindow::Figure::TotalTime)) || !t->item(i, int(CompareWindow::Figure::Downtime))) {
                        return false;
                    }
                }
                return true;
            },
            "the summary table filled"));
        for (int i = 0; i < 3; ++i) {
            CHECK(t->item(i, int(CompareWindow::Figure::TotalTime))->text() == QStringLiteral("not yet"));
            CHECK(t->item(i, int(CompareWindow::Figure::Downtime))->text().startsWith(QStringLiteral("not yet / ")));
        }
    }
    c->setSpeed(1000);
    c->playAction()->trigger();
    REQUIRE(waitUntil([&] { return c->controller()->snapshot() && c->controller()->snapshot()->finished; },
                      "every lane finished", 60000));
    const LanesSnapshotPtr done = c->controller()->snapshot();
    REQUIRE(done->lanes.size() == 3);
    // The charts' axes read in round values with units, as the main window's charts do.
    c->charts()->redraw();
    static const QRegularExpression time(QStringLiteral(R"(^[0-9]+([.,][0-9]+)? (s|ms|µs)$)"));
    for (int k = 0; k < LaneCharts::kCharts; ++k) {
        const auto chart = LaneCharts::Chart(k);
        const QStringList t = c->charts()->timeLabels(chart);
        CHECK(t.size() >= 2);
        for (const QString& label : t) {
            INFO(label.toStdString());
            CHECK(time.match(label).hasMatch());
        }
        const QStringList v = c->charts()->valueLabels(chart);
        CHECK(v.size() >= 2);
        for (const QString& label : v) {
            INFO(label.toStdString());
            CHECK_FALSE(label.contains(QLatin1Char('e')));
            if (chart == LaneCharts::Chart::Throughput) {
                CHECK((label.endsWith(QStringLiteral("/s")) || label == QStringLiteral("0")));
            } else if (chart == LaneCharts::Chart::Overhead) {
                CHECK(label.endsWith(QStringLiteral("%")));
            } else {
                CHECK((label.endsWith(QStringLiteral("B")) || label == QStringLiteral("0")));
            }
        }
    }

    const QJsonArray cli = runCli({QStringLiteral("simulate"), QStringLiteral("--scenario"), path, QStringLiteral("--json")})
                               .value(QStringLiteral("lanes"))
                               .toArray();
    REQUIRE(cli.size() == 3);
    const QTableWidget* table = c->summaryTable();
    for (int i = 0; i < 3; ++i) {
        INFO("lane " << i);
        const QJsonObject expected = cli[i].toObject();
        const MigrationSummary& got = done->lanes[size_t(i)]->summary;
        CHECK(expected.value(QStringLiteral("name")).toString() == c->laneTitle(i)->text());
        CHECK(double(got.wireBytes) == expected.value(QStringLiteral("wireBytes")).toDouble());
        CHECK(double(got.downtimeNs) == expected.value(QStringLiteral("downtimeNs")).toDouble());
        CHECK(double(got.totalTimeNs) == expected.value(QStringLiteral("totalTimeNs")).toDouble());
        CHECK(double(got.chunksResent) == expected.value(QStringLiteral("chunksResent")).toDouble());
        CHECK(double(got.dirtyPasses) == expected.value(QStringLiteral("dirtyPasses")).toDouble());
        CHECK(got.verified == expected.value(QStringLiteral("verified")).toBool());
        CHECK(got.converged == expected.value(QStringLiteral("converged")).toBool());
        // The table shows the same figures.
        CHECK(table->item(i, int(CompareWindow::Figure::WireBytes))->text() ==
              formatBytes(uint64_t(expected.value(QStringLiteral("wireBytes")).toDouble())));
        CHECK(table->item(i, int(CompareWindow::Figure::DirtyPasses))->text() ==
              QLocale().toString(expected.value(QStringLiteral("dirtyPasses")).toInt()));
        CHECK(table->item(i, int(CompareWindow::Figure::Verified))->text() == QStringLiteral("yes ✓"));
    }
    // Where lanes differ, the lane with the fewest wire bytes is marked.
    const auto fewest = std::min_element(cli.begin(), cli.end(), [](const QJsonValue& a, const QJsonValue& b) {
        return a.toObject().value(QStringLiteral("wireBytes")).toDouble() <
               b.toObject().value(QStringLiteral("wireBytes")).toDouble();
    });
    const int best = int(fewest - cli.begin());
    for (int i = 0; i < 3; ++i) {
        CHECK(table->item(i, int(CompareWindow::Figure::WireBytes))->data(Qt::UserRole).toBool() == (i == best));
    }
    // Exported, the summaries are the command's JSON.
    const QString json = dir.filePath(QStringLiteral("lanes.json"));
    REQUIRE(c->exportTo(json).isEmpty());
    QFile f(json);
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QJsonArray exported = QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("lanes")).toArray();
    CHECK(exported == cli);
    const QString csv = dir.filePath(QStringLiteral("lanes.csv"));
    REQUIRE(c->exportTo(csv).isEmpty());
    QFile fc(csv);
    REQUIRE(fc.open(QIODevice::ReadOnly));
    CHECK(fc.readAll().count('\n') == 4);  // header and three lanes
    const QString png = dir.filePath(QStringLiteral("view.png"));
    REQUIRE(c->exportTo(png).isEmpty());
    CHECK(QImage(png).width() >= c->comparisonView()->width());
}

TEST_CASE("compare: lanes step in lockstep, a brush stroke writes every lane, a zoom moves all", "[compare]")
{
    test::clearSettings();
    MainWindow w;
    test::showAt(w);
    SimConfig cfg = smallConfig();
    cfg.workload.kind = WorkloadKind::Idle;
    w.applyConfig(cfg, QStringLiteral("test"));
    CompareWindow* c = openCompare(w);
    ScenarioLane fine;
    fine.overrides.granularity = 4096;
    REQUIRE(c->setComparison(cfg, {ScenarioLane{}, fine, ScenarioLane{QString(), {}}}));
    REQUIRE(waitUntil([&] { return lanesShown(c); }, "three lanes shown"));

    // Step: every lane one tick on.
    c->stepAction()->trigger();
    c->stepAction()->trigger();
    REQUIRE(waitUntil([&] { return c->controller()->snapshot()->lanes[0]->nowNs == 2 * cfg.tickNs; }, "two ticks"));
    for (const SimSnapshotPtr& s : c->controller()->snapshot()->lanes) {
        CHECK(s->nowNs == 2 * cfg.tickNs);
    }

    // The brush, in the first lane: the same bytes dirty in all three.
    c->brushAction()->trigger();
    HeatmapView* first = c->heatmap(0);
    REQUIRE(first->tool() == HeatmapView::Tool::Brush);
    const QRect band = first->bandRect(HeatmapView::Band::Source);
    REQUIRE(band.isValid());
    QTest::mouseClick(first, Qt::LeftButton, {}, band.topLeft() + QPoint(band.width() / 3, band.height() / 2));
    REQUIRE(waitUntil(
        [&] {
            const auto& lanes = c->controller()->snapshot()->lanes;
            return std::all_of(lanes.begin(), lanes.end(), [](const SimSnapshotPtr& s) { return s->dirtyBits > 0; });
        },
        "the stroke in every lane"));
    const auto& lanes = c->controller()->snapshot()->lanes;
    // The finer lane dirties 16 of its 4 KiB granules for each 64 KiB granule of the others.
    CHECK(lanes[1]->dirtyBits == 16 * lanes[0]->dirtyBits);
    CHECK(lanes[2]->dirtyBits == lanes[0]->dirtyBits);

    // The wheel over the second lane zooms every lane to the same bytes of the disk.
    c->panAction()->trigger();
    HeatmapView* second = c->heatmap(1);
    const QRect b2 = second->bandRect(HeatmapView::Band::Source);
    sendWheel(second, b2.topLeft() + QPoint(b2.width() / 4, b2.height() / 2), 360);
    ZoomStack* z1 = second->zoomStack();
    REQUIRE(z1->isZoomed());
    const uint64_t firstByte = z1->firstBit() * 4096;
    const uint64_t endByte = z1->endBit() * 4096;
    for (int i : {0, 2}) {
        ZoomStack* z = c->heatmap(i)->zoomStack();
        INFO("lane " << i);
        CHECK(z->isZoomed());
        CHECK(z->firstBit() == firstByte / 65536);
        CHECK(z->endBit() == (endByte + 65535) / 65536);
    }
    // And back, with Ctrl+0 in another lane.
    c->heatmap(2)->setFocus();
    REQUIRE(waitUntil([&] { return c->heatmap(2)->hasFocus(); }, "the third lane focused"));
    QTest::keyClick(c->heatmap(2), Qt::Key_0, Qt::ControlModifier);
    for (int i = 0; i < 3; ++i) {
        CHECK_FALSE(c->heatmap(i)->zoomStack()->isZoomed());
    }

    // Reset: every lane back to the start, the stroke gone.
    c->resetAction()->trigger();
    REQUIRE(waitUntil(
        [&] {
            const auto& now = c->controller()->snapshot()->lanes;
            return now.size() == 3 && std::all_of(now.begin(), now.end(), [](const SimSnapshotPtr& s) {
                       return s->nowNs == 0 && s->dirtyBits == 0;
                   });
        },
        "every lane reset"));
}

TEST_CASE("compare: a comparison saves, loads back with the same lanes, and a bad lane is named", "[compare]")
{
    test::clearSettings();
    MainWindow w;
    test::showAt(w);
    w.applyConfig(smallConfig(), QStringLiteral("test"));
    CompareWindow* c = openCompare(w);
    ScenarioLane post{QStringLiteral("the postcopy one"), {}};
    post.overrides.strategy = Strategy::Postcopy;
    post.overrides.maxDowntimeNs = 30'000'000;
    REQUIRE(c->controller()->addLane(post));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("saved.json"));
    REQUIRE(c->saveComparison(path));
    const QStringList names = c->controller()->laneNames();

    CompareWindow other;
    REQUIRE(other.openComparison(path));
    REQUIRE(other.laneCount() == 3);
    CHECK(other.controller()->laneNames() == names);
    for (int i = 0; i < 3; ++i) {
        CHECK(other.controller()->laneConfig(i) == c->controller()->laneConfig(i));
        CHECK(other.laneTitle(i)->text() == names[i]);
    }

    // The main window's File > Open of a comparison opens its lanes in the Compare window.
    MainWindow fresh;
    test::showAt(fresh);
    REQUIRE(fresh.openScenario(path));
    REQUIRE(fresh.compareWindow());
    CHECK(fresh.compareWindow()->controller()->laneNames() == names);

    // A bad entry: the message names the file and lanes[i].field, and the lanes stay.
    const QString bad = dir.filePath(QStringLiteral("bad.json"));
    QFile f(bad);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(R"({"format": "bitmig-scenario", "version": 5, "disk": "64G",
               "lanes": [{"chunk": "1K"}, {"chunk": "96K"}]})");
    f.close();
    QString error;
    CHECK_FALSE(other.openComparison(bad, &error));
    CHECK(error == bad + QStringLiteral(": lanes[1].chunk: must be a power of two from 1 B to 1 MiB, got 96 KiB"));
    CHECK_FALSE(other.messageLabel()->isHidden());
    CHECK(other.messageLabel()->text() == error);
    CHECK(other.laneCount() == 3);
}

TEST_CASE("compare: the seed table's 'Compare these rows' makes one lane per selected row", "[compare]")
{
    test::clearSettings();
    MainWindow w;
    test::showAt(w);
    w.applyConfig(smallConfig(), QStringLiteral("test"));
    QTableView* seed = w.parameters()->seedTableView();
    SeedTableModel* model = w.parameters()->seedTable();
    REQUIRE(seed->isVisible());
    std::vector<uint64_t> wanted;
    for (int row = 0; row < model->rowCount() && wanted.size() < 3; row += 3) {
        const QModelIndex index = model->index(row, 0);
        seed->scrollTo(index);
        const QRect r = seed->visualRect(index);
        // The first with a plain click (which also tries the row), the others with Ctrl to add them.
        QTest::mouseClick(seed->viewport(), Qt::LeftButton, wanted.empty() ? Qt::KeyboardModifiers() : Qt::ControlModifier,
                          r.center());
        wanted.push_back(index.data(SeedTableModel::ChunkBytesRole).toULongLong());
    }
    REQUIRE(wanted.size() == 3);
    // Ctrl+clicks only select: the run keeps the first row's chunk size.
    CHECK(w.controller()->config().chunkBytes == wanted.front());
    QAction* compare = w.parameters()->compareRowsAction();
    REQUIRE(seed->actions().contains(compare));  // the table's context menu
    REQUIRE(compare->isEnabled());
    compare->trigger();
    CompareWindow* c = w.compareWindow();
    REQUIRE(c);
    INFO(c->messageLabel()->text().toStdString());
    REQUIRE(c->laneCount() == 3);
    for (int i = 0; i < 3; ++i) {
        CHECK(c->controller()->laneConfig(i).chunkBytes == wanted[size_t(i)]);
        CHECK(c->laneTitle(i)->text() ==
              QString::fromStdString(units::formatSize(wanted[size_t(i)])) + QStringLiteral(" chunks"));
    }
}

TEST_CASE("compare: Ctrl+click on a sweep point adds it as a lane, a plain click runs it", "[compare][sweep]")
{
    test::clearSettings();
    MainWindow w;
    test::showAt(w);
    w.applyConfig(smallConfig(), QStringLiteral("test"));
    auto* dock = w.findChild<QDockWidget*>(QStringLiteral("sweepDock"));
    REQUIRE(dock);
    dock->toggleViewAction()->trigger();  // View > Sweep
    REQUIRE(QTest::qWaitForWindowExposed(dock));
    auto* sweep = dock->findChild<SweepView*>();
    REQUIRE(sweep);
    REQUIRE(sweep->parameter() == SweepParameter::ChunkSize);
    auto* values = sweep->findChild<QLineEdit*>(QStringLiteral("sweepValues"));
    values->setFocus();
    QTest::keyClick(values, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(values, QStringLiteral("64,4K,64K"));
    QSignalSpy finished(sweep->job(), &SweepJob::finished);
    QTest::mouseClick(sweep->findChild<QPushButton*>(QStringLiteral("sweepRun")), Qt::LeftButton);
    REQUIRE(finished.wait(120000));
    const SweepResults& results = sweep->job()->results();
    REQUIRE(results.points.size() == 3);

    QChartView* wire = sweep->chartView(SweepView::Figure::WireBytes);
    // Ctrl+click on the 64 B point: with no comparison open, one opens with this run and the point.
    const QPoint first = sweep->pointPosition(SweepView::Figure::WireBytes, 0);
    QTest::mouseClick(wire->viewport(), Qt::LeftButton, Qt::ControlModifier, first);
    REQUIRE(waitUntil([&] { return w.compareWindow() != nullptr; }, "the Compare window"));
    CompareWindow* c = w.compareWindow();
    REQUIRE(c->laneCount() == 2);
    CHECK(c->controller()->laneConfig(0) == w.controller()->config());
    CHECK(c->controller()->laneConfig(1).chunkBytes == results.points[0].config.chunkBytes);
    CHECK(c->controller()->laneConfig(1) == results.points[0].config);
    // Ctrl+click on another point: a third lane; the window's own run is left as it was.
    QTest::mouseClick(wire->viewport(), Qt::LeftButton, Qt::ControlModifier,
                      sweep->pointPosition(SweepView::Figure::WireBytes, 2));
    REQUIRE(waitUntil([&] { return c->laneCount() == 3; }, "a third lane"));
    CHECK(c->controller()->laneConfig(2) == results.points[2].config);
    CHECK(w.controller()->config() == smallConfig());
    CHECK(c->laneTitle(2)->text() == QStringLiteral("64 KiB chunks"));

    // A point of a sweep over a shared value (the write rate) is not a lane: said, and nothing added.
    SimConfig faster = w.controller()->config();
    faster.workload.rate *= 2;
    QString why;
    CHECK_FALSE(c->addLaneFrom(faster, &why));
    CHECK(why.contains(QStringLiteral("shares")));
    CHECK_FALSE(c->messageLabel()->isHidden());
    CHECK(c->laneCount() == 3);
}

TEST_CASE("compare: Help > Keyboard shortcuts lists the Compare window's keys, each does its one thing",
          "[compare][keyboard]")
{
    test::clearSettings();
    MainWindow w;
    test::showAt(w);
    SimConfig cfg = smallConfig();
    cfg.workload.kind = WorkloadKind::Idle;
    w.applyConfig(cfg, QStringLiteral("test"));
    CompareWindow* c = openCompare(w);
    REQUIRE(waitUntil([&] { return lanesShown(c); }, "the lanes shown"));

    const QList<QAction*> actions = c->allActions();
    const auto rows = ShortcutsDialog::rows(actions);
    const auto keyOf = [&](QAction* a) { return a->shortcut().toString(QKeySequence::NativeText); };
    for (QAction* a : {c->slowerAction(), c->fasterAction(), c->brushAction(), c->panAction(), c->playAction(),
                       c->stepAction(), c->resetAction()}) {
        INFO(a->text().toStdString());
        CHECK(actions.contains(a));
        CHECK(rows.contains(qMakePair(ShortcutsDialog::label(a), keyOf(a))));
    }

    // The main window's Help > Keyboard shortcuts has a Compare window section with these rows.
    QAction* mainKeys = nullptr;
    for (QAction* a : w.allActions()) {
        if (a->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_Slash)) {
            mainKeys = a;
        }
    }
    REQUIRE(mainKeys);
    QStringList titles;
    QList<QPair<QString, QString>> listed;
    int shown = -1;
    QTimer::singleShot(0, &w, [&] {
        auto* dialog = qobject_cast<ShortcutsDialog*>(QApplication::activeModalWidget());
        if (dialog) {
            titles = dialog->sectionTitles();
            listed = dialog->sectionRows(CompareWindow::shortcutsTitle());
            shown = dialog->rowCount();
            dialog->reject();
        }
    });
    mainKeys->trigger();
    REQUIRE(shown > 0);
    CHECK(titles.contains(CompareWindow::shortcutsTitle()));
    CHECK(listed == rows);
    CHECK(shown == int(ShortcutsDialog::rows(w.allActions()).size() + rows.size()));

    // The keys, pressed in the Compare window, do what they say.
    c->activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(c));
    c->heatmap(0)->setFocus();
    c->setSpeed(8);
    QTest::keyClick(c, Qt::Key_BracketRight);
    CHECK(c->controller()->speed() == 16);
    QTest::keyClick(c, Qt::Key_BracketLeft);
    QTest::keyClick(c, Qt::Key_BracketLeft);
    CHECK(c->controller()->speed() == 4);
    QTest::keyClick(c, Qt::Key_B);
    for (int i = 0; i < c->laneCount(); ++i) {
        CHECK(c->heatmap(i)->tool() == HeatmapView::Tool::Brush);
    }
    QTest::keyClick(c, Qt::Key_H);
    for (int i = 0; i < c->laneCount(); ++i) {
        CHECK(c->heatmap(i)->tool() == HeatmapView::Tool::Pan);
    }
    QTest::keyClick(c, Qt::Key_Space);
    CHECK(c->controller()->isPlaying());
    QTest::keyClick(c, Qt::Key_Space);
    CHECK_FALSE(c->controller()->isPlaying());
    // A comparison has no undo: no key claims it, and Ctrl+Z here leaves the main window's history alone.
    for (QAction* a : actions) {
        CHECK_FALSE(a->shortcuts().contains(QKeySequence(QKeySequence::Undo)));
        CHECK_FALSE(a->shortcuts().contains(QKeySequence(QKeySequence::Redo)));
    }
    REQUIRE(w.undoStack()->canUndo());  // the configuration applied above
    const int undoIndex = w.undoStack()->index();
    QTest::keyClick(c, Qt::Key_Z, Qt::ControlModifier);
    QCoreApplication::processEvents();
    CHECK(w.undoStack()->index() == undoIndex);

    // Every listed key fires its own action once and no other (the effects disconnected: only the
    // bindings are under test).
    std::map<QString, QString> owner;
    QStringList clashes;
    for (QAction* a : actions) {
        for (const QKeySequence& k : a->shortcuts()) {
            const auto [it, fresh] = owner.emplace(k.toString(QKeySequence::PortableText), a->text());
            if (!fresh) {
                clashes << it->first + QStringLiteral(": ") + it->second + QStringLiteral(" and ") + a->text();
            }
        }
    }
    INFO(clashes.join(QStringLiteral("; ")).toStdString());
    CHECK(clashes.isEmpty());
    QObject::disconnect(c->controller(), nullptr, c, nullptr);
    std::vector<std::unique_ptr<QSignalSpy>> spies;
    for (QAction* a : actions) {
        QObject::disconnect(a, &QAction::triggered, nullptr, nullptr);
        a->setEnabled(true);
        spies.push_back(std::make_unique<QSignalSpy>(a, &QAction::triggered));
    }
    c->heatmap(0)->setFocus();
    int pressed = 0;
    for (qsizetype i = 0; i < actions.size(); ++i) {
        for (const QKeySequence& k : actions.at(i)->shortcuts()) {
            INFO(actions.at(i)->text().toStdString() << ": " << k.toString(QKeySequence::PortableText).toStdString());
            for (auto& spy : spies) {
                spy->clear();
            }
            QTest::keyClick(c, k[0].key(), k[0].keyboardModifiers());
            QCoreApplication::processEvents();
            CHECK(spies[size_t(i)]->count() == 1);
            QStringList others;
            for (qsizetype j = 0; j < actions.size(); ++j) {
                if (j != i && spies[size_t(j)]->count() > 0) {
                    others << actions.at(j)->text();
                }
            }
            INFO("also fired: " << others.join(QStringLiteral(", ")).toStdString());
            CHECK(others.isEmpty());
            ++pressed;
        }
    }
    CHECK(pressed == rows.size());
}

namespace {

// The lanes of the seed table's rows (and a fourth) at a window size: every lane's bands inside the
// visible part of the lane area, none scrolled away, each band at least minBandPixels tall.
void checkLanesFit(const std::vector<uint64_t>& chunks, int width, int height)
{
    CompareWindow c;
    c.resize(width, height);
    c.show();
    REQUIRE(QTest::qWaitForWindowExposed(&c));
    SimConfig cfg = smallConfig();
    REQUIRE(c.compareChunkSizes(cfg, chunks));
    REQUIRE(waitUntil([&] { return lanesShown(&c) && c.laneCount() == int(chunks.size()); }, "the lanes shown"));
    REQUIRE(waitUntil([&] { return c.size() == QSize(width, height); }, "the window at its size"));
    const QImage shot = c.grab().toImage();  // lays out and paints everything, as a screenshot
    CHECK(shot.size() == QSize(width, height) * shot.devicePixelRatio());
    auto* area = qobject_cast<QScrollArea*>(c.heatmap(0)->parentWidget()->parentWidget()->parentWidget()->parentWidget());
    REQUIRE(area);
    CHECK(area->verticalScrollBar()->maximum() == 0);
    const QRect visible = area->viewport()->rect();
    int legends = 0;
    int overviews = 0;
    for (int i = 0; i < c.laneCount(); ++i) {
        HeatmapView* h = c.heatmap(i);
        legends += h->showsAxisAndLegend() ? 1 : 0;
        overviews += h->showsOverview() ? 1 : 0;
        for (HeatmapView::Band b : {HeatmapView::Band::Source, HeatmapView::Band::Meta}) {
            const QRect band = h->bandRect(b);
            const QRect inView(h->mapTo(area->viewport(), band.topLeft()), band.size());
            INFO(width << "x" << height << " lane " << i << " band " << int(b) << ": " << inView.y() << "+"
                       << inView.height() << " in " << visible.height());
            CHECK(visible.contains(inView));
            CHECK(band.height() >= HeatmapView::minBandPixels);
        }
    }
    // One offset axis and colour legend, one "Whole disk" strip for the comparison.
    CHECK(legends == 1);
    CHECK(overviews == 1);
    CHECK(c.heatmap(c.laneCount() - 1)->showsAxisAndLegend());
    CHECK(c.heatmap(0)->showsOverview());
}

} // namespace

TEST_CASE("compare: 4 lanes fit at 1600x1000 and 3 at 1400x900 without scrolling, one legend", "[compare][layout]")
{
    test::clearSettings();
    checkLanesFit({uint64_t(1) << 20, 1024, 32, 65536}, 1600, 1000);
    checkLanesFit({uint64_t(1) << 20, 1024, 32}, 1400, 900);
}

TEST_CASE("compare: the lane parameters show the seed table's whole row, in every language", "[compare][layout]")
{
    for (const QString& code : {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("ru")}) {
        INFO(code.toStdString());
        test::clearSettings();
        MainWindow w;
        w.setSettingsEnabled(false);
        REQUIRE(w.setLanguage(code));
        test::showAt(w);
        w.applyConfig(smallConfig(), QStringLiteral("small"));
        CompareWindow* c = openCompare(w);
        for (const QSize size : {QSize(1600, 1000), QSize(1400, 900)}) {
            c->resize(size);
            QApplication::processEvents();
            QTest::qWait(50);  // the docks are laid out
            auto* dock = c->findChild<QDockWidget*>(QStringLiteral("laneParametersDock"));
            REQUIRE(dock);
            INFO(size.width() << " px window, lane parameters " << dock->width() << " px");
            QTableView* table = c->laneEditor()->seedTableView();
            REQUIRE(table->isVisible());
            int columns = 0;
            for (int col = 0; col < table->model()->columnCount(); ++col) {
                columns += table->columnWidth(col);
            }
            // Every column in the table's viewport, and the panel in its dock without scrolling
            // sideways: the overhead column's "%" is not cut off.
            CHECK(columns <= table->viewport()->width());
            auto* scroll = qobject_cast<QScrollArea*>(c->laneEditor()->parentWidget()->parentWidget());
            REQUIRE(scroll);
            CHECK(scroll->horizontalScrollBar()->maximum() == 0);
            CHECK(c->laneEditor()->width() >= c->laneEditor()->minimumSizeHint().width());
        }
        c->close();
    }
}

TEST_CASE("compare: lanes named by their pass caps read '1 pass' and '2 passes' in English", "[compare][i18n]")
{
    test::clearSettings();
    MainWindow w;
    test::showAt(w);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("passes.json"));
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(R"({"format": "bitmig-scenario", "version": 5, "disk": "64G", "chunk": "1K",
               "lanes": [{"maxPasses": 1}, {"maxPasses": 2}]})");
    f.close();
    REQUIRE(w.openScenario(path));
    CompareWindow* c = w.compareWindow();
    REQUIRE(c);
    REQUIRE(c->laneCount() == 2);
    CHECK(c->laneTitle(0)->text() == QStringLiteral("1 pass"));
    CHECK(c->laneTitle(1)->text() == QStringLiteral("2 passes"));
}

namespace {

// A shipped preset as a comparison of `count` lanes of 1 MiB, 1 KiB, 32 B and 64 KiB chunks.
QString presetComparison(const QTemporaryDir& dir, const char* preset, int count)
{
    QFile in(QStringLiteral(BITMIG_SOURCE_DIR "/resources/presets/%1.json").arg(QLatin1String(preset)));
    REQUIRE(in.open(QIODevice::ReadOnly));
    QJsonObject o = QJsonDocument::fromJson(in.readAll()).object();
    o[QStringLiteral("version")] = 5;
    QJsonArray lanes;
    const char* chunks[] = {"1M", "1K", "32", "64K"};
    for (int i = 0; i < count; ++i) {
        lanes.append(QJsonObject{{QStringLiteral("chunk"), QLatin1String(chunks[i])}});
    }
    o[QStringLiteral("lanes")] = lanes;
    const QString path = dir.filePath(QStringLiteral("%1-%2.json").arg(QLatin1String(preset)).arg(count));
    QFile out(path);
    REQUIRE(out.open(QIODevice::WriteOnly));
    out.write(QJsonDocument(o).toJson());
    return path;
}

// Every lane's phase strip, as laid out in the grabbed window: each step inside the strip, and the
// pass counter whole (on its lines, inside the strip, not cut).
void checkStripsFit(CompareWindow& c, const char* when)
{
    c.grab();  // lays out and paints everything, as a screenshot
    for (int i = 0; i < c.laneCount(); ++i) {
        PhaseStrip* strip = c.phaseStrip(i);
        INFO(when << ", lane " << i << " (" << c.laneTitle(i)->text().toStdString() << "), strip " << strip->width()
                  << " px: " << strip->passText().toStdString() << " as " << strip->passLines().join(QLatin1Char('|')).toStdString());
        CHECK(strip->visibleRegion().boundingRect() == strip->rect());  // not covered, not clipped by the lane
        for (int k = 0; k < int(strip->steps().size()); ++k) {
            CHECK(strip->rect().contains(strip->stepRect(k)));
        }
        CHECK_FALSE(strip->isPassTextElided());
        CHECK(strip->passLines().join(QLatin1Char(' ')) == strip->passShownText());
        // The whole counter, or its compact form with the same figures.
        if (strip->passShownText() != strip->passText()) {
            const QRegularExpression figures(QStringLiteral("\\d+"));
            QStringList shown, full;
            for (auto it = figures.globalMatch(strip->passShownText()); it.hasNext();) shown << it.next().captured();
            for (auto it = figures.globalMatch(strip->passText()); it.hasNext();) full << it.next().captured();
            CHECK(shown == full);
        }
        CHECK(strip->rect().contains(strip->passTextRect()));
        QFont drawn = strip->font();
        if (strip->isPassTextSmall()) {  // the durations' font
            drawn.setPointSizeF(std::max(7.0, drawn.pointSizeF() * 0.85));
        }
        for (const QString& line : strip->passLines()) {
            CHECK(QFontMetrics(drawn).horizontalAdvance(line) <= strip->passTextRect().width());
        }
        CHECK(QFontMetrics(drawn).height() * int(strip->passLines().size()) <= strip->passTextRect().height());
    }
}

} // namespace

TEST_CASE("compare: every lane's phase strip shows its pass counter whole, 4 lanes at 1600x1000 and 3 at 1400x900",
          "[compare][layout]")
{
    test::clearSettings();
    QTemporaryDir dir;
    for (auto [width, height, lanes] : {std::tuple{1600, 1000, 4}, std::tuple{1400, 900, 3}}) {
        // Thirty passes without converging in the 1 MiB lane, none in the others.
        CompareWindow c;
        c.resize(width, height);
        c.show();
        REQUIRE(QTest::qWaitForWindowExposed(&c));
        REQUIRE(c.openComparison(presetComparison(dir, "seed-1mib-chunk", lanes)));
        REQUIRE(waitUntil([&] { return lanesShown(&c) && c.laneCount() == lanes; }, "the lanes shown"));
        REQUIRE(waitUntil([&] { return c.size() == QSize(width, height); }, "the window at its size"));
        INFO(width << "x" << height);
        checkStripsFit(c, "not started");
        c.setSpeed(10);  // the 1 MiB lane's dirty passes take most of a second
        c.playAction()->trigger();
        REQUIRE(waitUntil([&] { return c.phaseStrip(0)->passText().startsWith(QStringLiteral("pass ")); },
                          "the 1 MiB lane in a dirty pass", 60000));
        checkStripsFit(c, "running");
        c.setSpeed(1000);
        REQUIRE(waitUntil([&] { return c.controller()->snapshot() && c.controller()->snapshot()->finished; },
                          "every lane finished", 120000));
        REQUIRE(waitUntil([&] { return c.phaseStrip(0)->passText().endsWith(QStringLiteral("did not converge")); },
                          "the 1 MiB lane's verdict"));
        checkStripsFit(c, "finished");
    }
}

TEST_CASE("compare: lanes of 1 MiB and 1 KiB chunks share their heatmap rows and label them alike and truly",
          "[compare][layout]")
{
    test::clearSettings();
    for (auto [width, height, lanes] : {std::tuple{1400, 900, 3}, std::tuple{1600, 1000, 4}, std::tuple{1600, 1000, 2}}) {
        CompareWindow c;
        c.resize(width, height);
        c.show();
        REQUIRE(QTest::qWaitForWindowExposed(&c));
        std::vector<uint64_t> chunks{uint64_t(1) << 20, 1024, 32, 65536};
        chunks.resize(size_t(lanes));
        REQUIRE(c.compareChunkSizes(smallConfig(), chunks));
        const auto rastered = [&] {
            for (int i = 0; i < c.laneCount(); ++i) {
                const SimSnapshotPtr s = c.heatmap(i)->snapshot();
                // The shared rows, aligned to the largest chunk once the bitmap's size is known.
                if (!s || s->geometry.cells() == 0 || s->geometry.rows() != c.heatmap(0)->snapshot()->geometry.rows() ||
                    s->geometry.spanBits() % uint64_t(s->geometry.rows()) != 0) {
                    return false;
                }
            }
            return lanesShown(&c);
        };
        REQUIRE(waitUntil([&] { return c.size() == QSize(width, height) && rastered(); }, "every lane on one aligned raster"));
        c.grab();
        INFO(width << "x" << height << ", " << lanes << " lanes");
        const HeatmapView* last = c.heatmap(lanes - 1);
        const HeatmapGeometry& g0 = last->snapshot()->geometry;
        const uint64_t rowBytes = g0.spanBits() / uint64_t(g0.rows()) * last->snapshot()->config->granularity;
        const QList<OffsetAxis::RowLabel> expected = last->rowLabels(HeatmapView::Band::Source);
        REQUIRE(expected.size() >= 2);
        for (int i = 0; i < lanes; ++i) {
            INFO("lane " << i << " (" << c.laneTitle(i)->text().toStdString() << ")");
            const HeatmapView* v = c.heatmap(i);
            const HeatmapGeometry& g = v->snapshot()->geometry;
            const uint64_t granularity = v->snapshot()->config->granularity;
            // One raster: every row covers the same disk bytes, so the one "in row" axis under the
            // last lane is true for this lane too.
            CHECK(g.spanBits() / uint64_t(g.rows()) * granularity == rowBytes);
            for (HeatmapView::Band band : {HeatmapView::Band::Source, HeatmapView::Band::Meta}) {
                // A taller band may show one label more at its foot.
                const QList<OffsetAxis::RowLabel> labels = v->rowLabels(band);
                REQUIRE(labels.size() >= 2);
                CHECK(std::abs(labels.size() - expected.size()) <= 1);
                for (qsizetype k = 0; k < std::min(labels.size(), expected.size()); ++k) {
                    // The same rows, named alike in every lane...
                    CHECK(labels[k].row == expected[k].row);
                    CHECK(labels[k].text == expected[k].text);
                    // ...and each names where its row starts on this lane's disk.
                    const uint64_t start = g.cellFirstBit(labels[k].row * g.columns()) * granularity;
                    CHECK(units::parseSize(QString(labels[k].text).remove(QLatin1Char(' ')).toStdString()) == start);
                }
            }
        }
    }
}

TEST_CASE("compare: a snapshot that changes nothing asks for no raster, a zoom asks once for every lane",
          "[compare][requests]")
{
    test::clearSettings();
    CompareWindow c;
    c.resize(1400, 900);
    c.show();
    REQUIRE(QTest::qWaitForWindowExposed(&c));
    REQUIRE(c.compareChunkSizes(smallConfig(), {uint64_t(1) << 20, 1024, 65536}));
    LanesController* lanes = c.controller();
    // Settled: every lane's snapshot drawn on the raster last asked for.
    const auto settled = [&] {
        if (!lanesShown(&c) || lanes->requests().size() != 3) {
            return false;
        }
        for (int i = 0; i < c.laneCount(); ++i) {
            const SimSnapshotPtr s = c.heatmap(i)->snapshot();
            const HeatmapRequest& r = lanes->requests()[size_t(i)];
            if (!s || s->geometry.cells() == 0 || s->geometry.rows() != r.rows || s->geometry.columns() != r.columns) {
                return false;
            }
        }
        return true;
    };
    REQUIRE(waitUntil(settled, "every lane on the raster it was asked for"));
    const std::vector<HeatmapRequest> before = lanes->requests();

    QSignalSpy requests(lanes, &LanesController::requestsChanged);
    QSignalSpy snapshots(lanes, &LanesController::snapshotChanged);
    c.stepAction()->trigger();
    c.stepAction()->trigger();
    REQUIRE(waitUntil([&] { return lanes->snapshot()->lanes[0]->nowNs == 2 * smallConfig().tickNs; }, "two ticks"));
    CHECK(snapshots.count() >= 1);
    CHECK(requests.count() == 0);
    CHECK(lanes->requests() == before);

    // The wheel over the second lane zooms all three: one new request for each lane, sent at once.
    HeatmapView* second = c.heatmap(1);
    const QRect band = second->bandRect(HeatmapView::Band::Source);
    sendWheel(second, band.topLeft() + QPoint(band.width() / 4, band.height() / 2), 360);
    REQUIRE(second->zoomStack()->isZoomed());
    REQUIRE(waitUntil([&] { return requests.count() >= 1; }, "the zoomed lanes' requests"));
    QCoreApplication::sendPostedEvents();
    CHECK(requests.count() == 1);
    const std::vector<HeatmapRequest>& zoomed = lanes->requests();
    REQUIRE(zoomed.size() == 3);
    for (size_t i = 0; i < zoomed.size(); ++i) {
        INFO("lane " << i);
        const ZoomStack* z = c.heatmap(int(i))->zoomStack();
        CHECK(z->isZoomed());
        CHECK(zoomed[i].firstBit == z->firstBit());
        CHECK(zoomed[i].endBit == z->endBit());
        CHECK(zoomed[i] != before[i]);
    }
}
