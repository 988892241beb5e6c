// What the window tells the user: files that do not load, runs stopped by their time limit, an
// imported qcow2 bitmap, keyboard shortcuts, and a language switch that leaves the layout alone.
#include "../core/qcow2_test_util.hpp"
#include "app/mainwindow.h"
#include "app/messagebar.h"
#include "app/qcow2importdialog.h"
#include "app/scenario/scenariofile.h"
#include "app/shortcutsdialog.h"
#include "charttexts.h"
#include "tests/support/qtwait.h"
#include "tests/support/simulation.h"
#include "widgets/chartmodel.h"
#include "widgets/heatmapview.h"
#include "widgets/migrationcharts.h"
#include "widgets/parameterspanel.h"
#include "widgets/phasestrip.h"
#include "widgets/summarypanel.h"
#include "widgets/workloadpanel.h"
#include "windowtestutil.h"

#include <QAction>
#include <QChart>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QMenu>
#include <QMenuBar>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>

#include <catch2/catch.hpp>

#include <map>

using namespace bitmig;
using bitmig::test::chartTitles;
using bitmig::test::clearSettings;
using bitmig::test::cutChartTexts;
using bitmig::test::drawnChartTitles;
using bitmig::test::showAt;
using bitmig::test::smallConfig;
using bitmig::test::waitFor;
using bitmig::test::waitUntil;

namespace {

QString summaryValue(const SummaryPanel& panel, const QString& name)
{
    for (const QString& line : panel.lines()) {
        if (line.startsWith(name + QStringLiteral(": "))) {
            return line.mid(name.size() + 2);
        }
    }
    return QString();
}

QDockWidget* dockNamed(const MainWindow& w, const QString& name)
{
    return w.findChild<QDockWidget*>(name);
}

} // namespace

TEST_CASE("a run stopped by its time limit says so on the phase strip and in the summary", "[messages]")
{
    clearSettings();
    MainWindow w;
    showAt(w);
    SimConfig cfg = smallConfig();
    cfg.migrationStartNs = 0;
    cfg.bandwidth = 1e4;                 // the 128 KiB bitmap needs over ten seconds
    cfg.timeLimitNs = 300'000'000;       // stops after 0.3 s, in the bulk pass
    w.controller()->setConfig(cfg);
    w.setSpeed(1);
    w.controller()->setPlaying(true);
    const auto last = waitFor(*w.controller(), [](const SimSnapshot& s) { return s.finished; }, 30000);
    REQUIRE(last->finished);
    REQUIRE(last->phase == Phase::Bulk);
    const auto shownState = [&w] { return summaryValue(*w.summaryPanel(), QStringLiteral("State")); };
    REQUIRE(waitUntil([&] { return shownState().contains(QStringLiteral("time limit")); }, "the summary to show the stop"));
    CHECK_FALSE(w.controller()->isPlaying());

    const QString state = summaryValue(*w.summaryPanel(), QStringLiteral("State"));
    INFO("State: " << state.toStdString());
    CHECK(state != QStringLiteral("running"));
    CHECK(state.contains(QStringLiteral("time limit")));
    CHECK(state.contains(QStringLiteral("300 ms")));
    const QString verified = summaryValue(*w.summaryPanel(), QStringLiteral("Verified"));
    CHECK(verified != QStringLiteral("not yet"));

    PhaseStrip* strip = w.phaseStrip();
    INFO("Pass text: " << strip->passText().toStdString());
    CHECK(strip->passText().contains(QStringLiteral("time limit")));
    const auto steps = strip->steps();
    const int active = strip->activeStep();
    REQUIRE(active >= 0);
    CHECK(steps.at(active).state == PhaseStrip::StepState::Failed);
    CHECK(steps.at(active).label.contains(QStringLiteral("time limit")));
    for (const auto& step : steps) {
        CHECK(step.state != PhaseStrip::StepState::Active);  // nothing claims to be running
    }
    CHECK_FALSE(strip->isAnimating());
    CHECK(strip->accessibleDescription().contains(QStringLiteral("time limit")));
    // The run is over: nothing to abort, play or step.
    CHECK_FALSE(w.abortAction()->isEnabled());
    CHECK_FALSE(w.playAction()->isEnabled());
}

TEST_CASE("every listed keyboard shortcut triggers its own action once", "[messages][keyboard]")
{
    clearSettings();
    MainWindow w;
    showAt(w);
    w.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&w));
    waitFor(*w.controller(), [](const SimSnapshot& s) { return s.serial > 0; });

    const QList<QAction*> actions = w.allActions();
    const auto rows = ShortcutsDialog::rows(actions);

    // No two actions share a key sequence, and no action lists one twice.
    std::map<QString, QString> owner;
    QStringList clashes;
    for (QAction* a : actions) {
        for (const QKeySequence& k : a->shortcuts()) {
            const QString key = k.toString(QKeySequence::PortableText);
            const auto [it, fresh] = owner.emplace(key, a->text());
            if (!fresh) {
                clashes << key + QStringLiteral(": ") + it->second + QStringLiteral(" and ") + a->text();
            }
        }
    }
    INFO(clashes.join(QStringLiteral("; ")).toStdString());
    CHECK(clashes.isEmpty());

    // Press every key of every action the reference lists; only that action fires, once. The actions'
    // own effects (dialogs, quitting) are disconnected: only the key binding is under test.
    // The window stops following the run, so no snapshot turns an action off in between.
    QObject::disconnect(w.controller(), &SimulationController::snapshotChanged, &w, nullptr);
    std::vector<std::unique_ptr<QSignalSpy>> spies;
    for (QAction* a : actions) {
        QObject::disconnect(a, &QAction::triggered, nullptr, nullptr);
        a->setEnabled(true);
        spies.push_back(std::make_unique<QSignalSpy>(a, &QAction::triggered));
    }
    w.heatmap()->setFocus();
    int listed = 0;
    for (qsizetype i = 0; i < actions.size(); ++i) {
        QAction* a = actions.at(i);
        if (a->shortcuts().isEmpty()) {
            continue;
        }
        const QString text = ShortcutsDialog::label(a);
        bool inReference = false;
        for (const auto& row : rows) {
            inReference = inReference || row.first == text;
        }
        CHECK(inReference);
        ++listed;
        for (const QKeySequence& k : a->shortcuts()) {
            INFO(text.toStdString() << ": " << k.toString(QKeySequence::PortableText).toStdString());
            for (auto& spy : spies) {
                spy->clear();
            }
            QTest::keyClick(&w, k[0].key(), k[0].keyboardModifiers());
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
        }
    }
    CHECK(listed == rows.size());
    CHECK(listed >= 20);
}

TEST_CASE("redo from the keyboard redoes the last undone edit", "[messages][keyboard]")
{
    QSettings().clear();
    MainWindow w;
    w.setSettingsEnabled(false);
    w.show();
    w.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&w));
    SimConfig edited = w.controller()->config();
    const uint64_t before = edited.chunkBytes;
    edited.chunkBytes = before * 4;
    w.applyConfig(edited, QStringLiteral("chunk"));
    REQUIRE(w.controller()->config().chunkBytes == before * 4);
    w.heatmap()->setFocus();
    QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier);
    CHECK(w.controller()->config().chunkBytes == before);
    QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    CHECK(w.controller()->config().chunkBytes == before * 4);
}

TEST_CASE("switching the language retranslates in place and keeps the layout", "[messages][i18n]")
{
    clearSettings();
    MainWindow w;
    showAt(w);
    SimConfig cfg = smallConfig();
    cfg.migrationStartNs = 0;
    cfg.bandwidth = 1e5;
    w.controller()->setConfig(cfg);
    w.setSpeed(20);
    w.controller()->setPlaying(true);
    waitFor(*w.controller(), [](const SimSnapshot& s) { return s.phase == Phase::Dirty; }, 30000);
    w.controller()->setPlaying(false);
    SimConfig edited = cfg;
    edited.chunkBytes = 4096;
    w.applyConfig(edited, QStringLiteral("chunk"));
    w.controller()->setPlaying(true);
    waitFor(*w.controller(), [](const SimSnapshot& s) { return s.config->chunkBytes == 4096 && s.nowNs > 300'000'000; },
            30000);
    w.controller()->setPlaying(false);
    QTest::qWait(100);

    const QRect geometry = w.geometry();
    QDockWidget* parametersDock = dockNamed(w, QStringLiteral("parametersDock"));
    REQUIRE(parametersDock);
    // The four docks of the left column (View > Sweep's dock, at the bottom and hidden, is not in it).
    QList<QDockWidget*> docks = w.findChildren<QDockWidget*>();
    REQUIRE(docks.size() == 5);
    docks.removeIf([&w](QDockWidget* d) { return w.dockWidgetArea(d) != Qt::LeftDockWidgetArea; });
    REQUIRE(docks.size() == 4);
    std::map<QDockWidget*, QSize> dockSizes;
    for (QDockWidget* d : docks) {
        dockSizes[d] = d->size();
    }
    QMenuBar* menuBar = w.menuBar();
    const QRect menuGeometry = menuBar->geometry();
    QMenu* firstMenu = menuBar->actions().first()->menu();
    HeatmapView* heatmap = w.heatmap();
    MigrationCharts* charts = w.charts();
    ParametersPanel* parameters = w.parameters();
    SummaryPanel* summary = w.summaryPanel();
    QAction* play = w.playAction();
    QToolBar* toolBar = w.findChild<QToolBar*>();
    const auto history = w.chartModel()->points(ChartKind::Pending, 0);
    REQUIRE(history.size() > 3);
    const int undoCount = w.undoStack()->count();
    REQUIRE(undoCount == 1);
    const QString fileTitle = menuBar->actions().first()->text();
    const QStringList englishCharts = chartTitles(*charts);
    const QString englishSummaryState = summaryValue(*summary, QStringLiteral("State"));
    CHECK(drawnChartTitles(*charts) == englishCharts);  // nothing cut in English

    std::map<QDockWidget*, bool> dockVisible;
    for (QDockWidget* d : docks) {
        dockVisible[d] = d->isVisible();
    }
    auto sameLayout = [&](const char* when) {
        INFO(when);
        CHECK(w.geometry() == geometry);
        CHECK(menuBar->isVisible());
        CHECK(menuBar->geometry() == menuGeometry);
        // The docks share one column: it grows only as far as the translated contents need.
        int needed = 0;
        for (QDockWidget* d : docks) {
            needed = std::max(needed, d->minimumWidth());
        }
        for (QDockWidget* d : docks) {
            INFO(d->objectName().toStdString());
            CHECK(d->isVisible() == dockVisible[d]);
            CHECK(d->width() <= std::max(dockSizes[d].width(), needed));
        }
        // It never spreads over the window.
        CHECK(parametersDock->width() * 100 < w.width() * 45);
    };

    REQUIRE(w.setLanguage(QStringLiteral("de")));
    sameLayout("right after switching to German");
    for (int i = 0; i < 10; ++i) {
        QTest::qWait(30);
        sameLayout("while German settles");
    }
    // The same objects, their texts in German.
    CHECK(w.heatmap() == heatmap);
    CHECK(w.charts() == charts);
    CHECK(w.parameters() == parameters);
    CHECK(w.summaryPanel() == summary);
    CHECK(w.playAction() == play);
    CHECK(w.menuBar() == menuBar);
    CHECK(menuBar->actions().first()->menu() == firstMenu);
    CHECK(w.findChild<QToolBar*>() == toolBar);
    CHECK(w.findChildren<QDockWidget*>().size() == 5);  // the same docks, none added
    CHECK(dockNamed(w, QStringLiteral("parametersDock")) == parametersDock);
    const QString germanFile = QCoreApplication::translate("bitmig::MainWindow", "&File");
    REQUIRE(germanFile != QStringLiteral("&File"));
    CHECK(menuBar->actions().first()->text() == germanFile);
    CHECK(parametersDock->windowTitle() == QCoreApplication::translate("bitmig::MainWindow", "Parameters"));
    CHECK(parametersDock->windowTitle() != QStringLiteral("Parameters"));
    CHECK(play->text() == QCoreApplication::translate("bitmig::MainWindow", "&Play"));
    const QStringList germanCharts = chartTitles(*charts);
    CHECK(germanCharts != englishCharts);
    // The full title, or in a row of four charts the short one of the chart's button.
    CHECK(germanCharts.first() == QCoreApplication::translate("bitmig::MigrationCharts", charts->oneRow()
                                                                                            ? "Throughput"
                                                                                            : "Throughput on the link"));
    CHECK(drawnChartTitles(*charts) == germanCharts);
    CHECK(summaryValue(*summary, QCoreApplication::translate("bitmig::SummaryPanel", "State")) ==
          QCoreApplication::translate("bitmig::SummaryPanel", englishSummaryState.toUtf8().constData()));
    CHECK(w.chartModel()->points(ChartKind::Pending, 0) == history);
    CHECK(w.undoStack()->count() == undoCount);

    REQUIRE(w.setLanguage(QStringLiteral("en")));
    for (int i = 0; i < 5; ++i) {
        QTest::qWait(30);
        sameLayout("back in English");
    }
    for (QDockWidget* d : docks) {
        INFO(d->objectName().toStdString());
        CHECK(d->size() == dockSizes[d]);
    }
    CHECK(menuBar->actions().first()->text() == fileTitle);
    CHECK(parametersDock->windowTitle() == QStringLiteral("Parameters"));
    CHECK(chartTitles(*charts) == englishCharts);
    CHECK(drawnChartTitles(*charts) == englishCharts);
    CHECK(summaryValue(*summary, QStringLiteral("State")) == englishSummaryState);
    CHECK(w.chartModel()->points(ChartKind::Pending, 0) == history);
    CHECK(w.undoStack()->count() == undoCount);
    w.undoStack()->undo();
    CHECK(w.controller()->config().chunkBytes == cfg.chunkBytes);
}

TEST_CASE("an imported qcow2 bitmap shows at once, in binary units, with the guest idle", "[messages][qcow2]")
{
    clearSettings();
    MainWindow w;
    showAt(w);
    qcow2_test::TempDir dir("bitmig-import");
    const std::string image = dir.file("disk.qcow2");
    qcow2_test::createImage(image, 300 * qcow2_test::MiB);
    qcow2_test::addBitmap(image, "b0", 64 * qcow2_test::KiB);
    // Granules 16, 160 and 161, and 1600 .. 1615 (1 MiB at 100 MiB).
    const std::vector<qcow2_test::Write> writes{
        {1 * qcow2_test::MiB, 4096}, {10 * qcow2_test::MiB, 128 * qcow2_test::KiB}, {100 * qcow2_test::MiB, qcow2_test::MiB}};
    qcow2_test::writeImage(image, writes);
    uint64_t expectedBits = 0;
    for (const Range& r : qcow2_test::expectedExtents(writes, 300 * qcow2_test::MiB, 64 * qcow2_test::KiB)) {
        expectedBits += r.count / (64 * qcow2_test::KiB);
    }
    REQUIRE(expectedBits == 19);

    // The demonstration's uniform writes are running before the import.
    REQUIRE(w.controller()->config().workload.kind == WorkloadKind::Uniform);
    QString error;
    REQUIRE(w.importQcow2(QString::fromStdString(image), QString(), &error));
    const uint64_t runId = w.controller()->snapshot() ? w.controller()->snapshot()->runId : 0;
    // Before the clock runs: the bits are there.
    const auto shown = waitFor(*w.controller(), [runId](const SimSnapshot& s) {
        return s.runId > runId && s.config->diskBytes == 300 * qcow2_test::MiB;
    });
    REQUIRE(shown);
    CHECK(shown->nowNs == 0);
    CHECK(shown->dirtyBits == expectedBits);
    CHECK(w.controller()->config().workload.kind == WorkloadKind::Idle);
    const QString banner = w.currentScenario().description;
    INFO(banner.toStdString());
    CHECK(banner.contains(QStringLiteral("300 MiB")));
    CHECK(banner.contains(QStringLiteral("64 KiB")));
    CHECK_FALSE(banner.contains(QStringLiteral(" MB")));
    CHECK_FALSE(banner.contains(QStringLiteral(" kB")));
    CHECK(banner.contains(QStringLiteral("idle")));
    // Playing adds nothing: the guest is idle.
    w.controller()->setPlaying(true);
    const auto later = waitFor(*w.controller(), [](const SimSnapshot& s) { return s.nowNs > 200'000'000; });
    w.controller()->setPlaying(false);
    CHECK(later->summary.writesApplied == 3);

    SECTION("or keeps the workload, and says so")
    {
        SimConfig running = w.controller()->config();
        running.workload.kind = WorkloadKind::Uniform;
        running.workload.rate = 4000;
        w.controller()->setConfig(running);
        REQUIRE(w.importQcow2(QString::fromStdString(image), QStringLiteral("b0"), &error,
                              MainWindow::ImportWorkload::Keep));
        CHECK(w.controller()->config().workload.kind == WorkloadKind::Uniform);
        CHECK(w.controller()->config().workload.rate == 4000);
        const QString kept = w.currentScenario().description;
        INFO(kept.toStdString());
        CHECK(kept.contains(QStringLiteral("keeps its workload (Uniform random, 4,000 writes/s)")));
        const auto first = waitFor(*w.controller(), [](const SimSnapshot& s) {
            return s.config->workload.kind == WorkloadKind::Uniform && s.config->diskBytes == 300 * qcow2_test::MiB;
        });
        CHECK(first->dirtyBits == expectedBits);
        w.controller()->setPlaying(true);
        const auto written = waitFor(*w.controller(), [](const SimSnapshot& s) { return s.summary.writesApplied > 50; });
        w.controller()->setPlaying(false);
        CHECK(written->summary.writesApplied > 50);
    }
}

TEST_CASE("the qcow2 import dialog offers the bitmaps and defaults to an idle guest", "[messages][qcow2]")
{
    Qcow2ImportDialog dialog(QStringLiteral("disk.qcow2"), {QStringLiteral("b0"), QStringLiteral("nightly")},
                             QStringLiteral("Uniform random, 4,000 writes/s"));
    CHECK(dialog.bitmapBox()->count() == 2);
    CHECK(dialog.bitmapBox()->isEnabled());
    CHECK(dialog.bitmapName() == QStringLiteral("b0"));
    CHECK(dialog.idleButton()->isChecked());
    CHECK_FALSE(dialog.keepWorkload());
    CHECK(dialog.keepButton()->text().contains(QStringLiteral("Uniform random, 4,000 writes/s")));
    dialog.bitmapBox()->setCurrentIndex(1);
    dialog.keepButton()->click();
    CHECK(dialog.bitmapName() == QStringLiteral("nightly"));
    CHECK(dialog.keepWorkload());
    CHECK_FALSE(dialog.idleButton()->isChecked());

    Qcow2ImportDialog one(QStringLiteral("disk.qcow2"), {QStringLiteral("b0")}, QStringLiteral("Idle"));
    CHECK_FALSE(one.bitmapBox()->isEnabled());  // nothing to choose
    CHECK(one.bitmapName() == QStringLiteral("b0"));
}

TEST_CASE("a file that does not load is reported in the message bar above the heatmaps", "[messages]")
{
    clearSettings();
    MainWindow w;
    showAt(w);
    MessageBar* bar = w.messageBar();
    REQUIRE(bar);
    CHECK_FALSE(bar->isVisible());
    const SimConfig kept = w.controller()->config();
    QTemporaryDir dir;

    // A scenario with a bad key: the bar names the file, the key and the reason.
    QFile scenario(dir.filePath(QStringLiteral("broken.json")));
    REQUIRE(scenario.open(QIODevice::WriteOnly));
    scenario.write(R"({"format": "bitmig-scenario", "version": 1, "disk": "64G", "chunk": "3K"})");
    scenario.close();
    QString error;
    CHECK_FALSE(w.openScenario(scenario.fileName(), &error));
    REQUIRE(waitUntil([&] { return bar->isVisible(); }, "the message bar to show"));
    CHECK(bar->kind() == MessageBar::Kind::Error);
    CHECK(bar->text() == error);
    CHECK(bar->text().contains(QStringLiteral("broken.json")));
    CHECK(bar->text().contains(QStringLiteral("chunk")));
    CHECK(w.controller()->config() == kept);
    // Above the heatmaps, where the eye is.
    CHECK(bar->mapTo(&w, QPoint(0, 0)).y() < w.heatmap()->mapTo(&w, QPoint(0, 0)).y());
    CHECK(bar->geometry().intersects(w.centralWidget()->rect()));
    // The close button hides it.
    QTest::mouseClick(bar->closeButton(), Qt::LeftButton);
    CHECK_FALSE(bar->isVisible());

    // A trace with a bad line.
    QFile trace(dir.filePath(QStringLiteral("writes.csv")));
    REQUIRE(trace.open(QIODevice::WriteOnly));
    trace.write("time,offset,length,operation\n0.001,abc,4096,write\n");
    trace.close();
    CHECK_FALSE(w.loadTrace(trace.fileName(), &error));
    CHECK(bar->isVisible());
    CHECK(bar->text().contains(QStringLiteral("writes.csv:2")));
    CHECK(bar->text().contains(QStringLiteral("abc")));

    // A qcow2 image that is none.
    QFile junk(dir.filePath(QStringLiteral("junk.qcow2")));
    REQUIRE(junk.open(QIODevice::WriteOnly));
    junk.write(QByteArray(4096, 'x'));
    junk.close();
    CHECK_FALSE(w.importQcow2(junk.fileName(), QString(), &error));
    CHECK(bar->isVisible());
    CHECK(bar->text().contains(QStringLiteral("junk.qcow2")));
    CHECK(bar->text() == error);
    CHECK(w.controller()->config() == kept);

    // A file that loads clears the stale message.
    SimConfig good = w.controller()->config();
    good.chunkBytes = 4096;
    Scenario fine;
    fine.config = good;
    const QString path = dir.filePath(QStringLiteral("fine.json"));
    ScenarioFile::save(path, fine);
    REQUIRE(w.openScenario(path));
    CHECK_FALSE(bar->isVisible());
}

TEST_CASE("a saved session that does not load is reported in the message bar", "[messages][settings]")
{
    QSettings().clear();
    QSettings().setValue(QStringLiteral("session/scenario"),
                         QByteArray(R"({"format": "bitmig-scenario", "version": 1, "chunk": "3K"})"));
    MainWindow w;
    w.setSettingsEnabled(false);
    const SimConfig before = w.controller()->config();
    w.restoreSettings();
    CHECK(w.messageBar()->isVisibleTo(&w));
    CHECK(w.messageBar()->kind() == MessageBar::Kind::Warning);
    CHECK(w.messageBar()->text().contains(QStringLiteral("not restored")));
    CHECK(w.messageBar()->text().contains(QStringLiteral("chunk")));
    CHECK(w.controller()->config() == before);
    QSettings().clear();
}

TEST_CASE("the charts' titles and axis labels are drawn whole at 1400 x 900 and 1600 x 1000", "[messages][i18n][charts]")
{
    clearSettings();
    MainWindow w;
    showAt(w);
    // Large figures on every axis: MiB/s, hundreds of thousands of writes/s, GiB pending.
    SimConfig cfg = smallConfig();
    cfg.diskBytes = uint64_t(1) << 40;
    cfg.workload.rate = 150'000;
    cfg.migrationStartNs = 0;
    w.controller()->setConfig(cfg);
    w.setSpeed(50);
    w.controller()->setPlaying(true);
    REQUIRE(waitFor(*w.controller(), [](const SimSnapshot& s) { return s.phase == Phase::Done; }, 60000)->phase ==
            Phase::Done);
    QTest::qWait(100);

    MigrationCharts* charts = w.charts();
    for (const QString& code : {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("ru")}) {
        REQUIRE(w.setLanguage(code));
        for (const QSize size : {QSize(1400, 900), QSize(1600, 1000)}) {
            w.resize(size);
            REQUIRE(waitUntil([&] { return w.size() == size; }, "the window resized"));
            QTest::qWait(100);
            INFO(code.toStdString() << " at " << size.width() << " x " << size.height() << ", charts "
                                    << charts->width() << " x " << charts->height()
                                    << (charts->oneRow() ? " in one row" : " in 2 x 2"));
            CHECK(drawnChartTitles(*charts).join(QStringLiteral(" | ")).toStdString() ==
                  chartTitles(*charts).join(QStringLiteral(" | ")).toStdString());
            CHECK(cutChartTexts(*charts).join(QStringLiteral(" | ")).toStdString() == "");
            for (int k = 0; k < kChartKindCount; ++k) {
                // Tall enough for a few ticks, whichever way the four are laid out.
                CHECK(charts->chart(ChartKind(k))->plotArea().height() >= 40);
            }
        }
    }
}

TEST_CASE("the qcow2 import dialog shows bitmap names escaped and imports them as stored", "[messages][qcow2]")
{
    const QString forged = QStringLiteral("b0\nImported: 0 bits\u202e");
    Qcow2ImportDialog dialog(QStringLiteral("disk.qcow2"), {QStringLiteral("plain"), forged}, QStringLiteral("Idle"));
    auto* combo = dialog.findChild<QComboBox*>();
    REQUIRE(combo);
    REQUIRE(combo->count() == 2);
    CHECK(combo->itemText(0) == QStringLiteral("plain"));
    CHECK_FALSE(combo->itemText(1).contains(QLatin1Char('\n')));
    CHECK_FALSE(combo->itemText(1).contains(QChar(0x202e)));
    combo->setCurrentIndex(1);
    CHECK(dialog.bitmapName() == forged);
}
