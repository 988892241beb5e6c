// Teaching ergonomics: the heatmaps get the room and keep it, presentation mode, a 1024 x 768
// projector, and speeds slow enough to watch a 20 ms migration.
#include "app/chartsfold.h"
#include "app/explanationpanel.h"
#include "app/mainwindow.h"
#include "app/presentationmode.h"
#include "tests/support/qtwait.h"
#include "tests/support/simulation.h"
#include "widgets/figuresline.h"
#include "widgets/heatmapview.h"
#include "widgets/migrationcharts.h"
#include "widgets/phasestrip.h"
#include "widgets/zoomstack.h"
#include "windowtestutil.h"

#include <bitmig/migrationengine.h>

#include <QAction>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QImage>
#include <QProcess>
#include <QScreen>
#include <QSettings>
#include <QSlider>
#include <QSplitter>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QVBoxLayout>

#include <catch2/catch.hpp>

#include <array>
#include <climits>
#include <set>

using namespace bitmig;
using bitmig::test::showAt;
using bitmig::test::waitFor;
using bitmig::test::waitUntil;

namespace {

constexpr std::array<HeatmapView::Band, 3> kBands = {HeatmapView::Band::Source, HeatmapView::Band::Meta,
                                                     HeatmapView::Band::Destination};

QSplitter* mainSplitter(MainWindow& w)
{
    return w.centralWidget()->findChild<QSplitter*>(QStringLiteral("mainSplitter"));
}

int smallestBand(const HeatmapView* view)
{
    int least = INT_MAX;
    for (HeatmapView::Band b : kBands) {
        least = std::min(least, view->bandRect(b).height());
    }
    return least;
}

// A run with every phase and long explanations (dirty passes quoting rates), a few seconds at 2x.
SimConfig lessonConfig()
{
    SimConfig c;
    c.diskBytes = uint64_t(4) << 40;
    c.bandwidth = 50e6 / 8;
    c.maxDowntimeNs = 50'000'000;
    c.migrationStartNs = 200'000'000;
    c.workload.kind = WorkloadKind::Uniform;
    c.workload.rate = 4000;
    return c;
}

// Leaving full screen puts the window back where it was, also on the offscreen platform and on an
// X server without a window manager (where restoreGeometry() alone put it a title bar lower).
void checkPlacedAsBefore(const MainWindow& w, const QRect& geometry)
{
    INFO("position " << w.geometry().x() << "," << w.geometry().y() << ", before " << geometry.x() << ","
                     << geometry.y());
    CHECK(w.geometry().topLeft() == geometry.topLeft());
}

} // namespace

TEST_CASE("the heatmaps take most of the height and keep their size through a run", "[teaching][layout]")
{
    MainWindow w;
    showAt(w, 1400, 900);
    w.controller()->setConfig(lessonConfig());
    waitFor(*w.controller(), [](const SimSnapshot& s) { return *s.config == lessonConfig(); });
    QTest::qWait(50);

    HeatmapView* heatmap = w.heatmap();
    const int splitHeight = heatmap->height() + w.charts()->height();
    INFO("heatmaps " << heatmap->height() << " px, charts " << w.charts()->height() << " px");
    CHECK(heatmap->height() >= splitHeight * 3 / 5);
    CHECK(smallestBand(heatmap) >= 80);

    // Through setup, bulk, dirty passes and complete: the explanation's text grows and shrinks, the
    // bands stay where they are.
    auto* explanation = w.findChild<ExplanationPanel*>();
    REQUIRE(explanation);
    std::set<std::tuple<int, int, int, int>> bands;
    std::set<int> explanationHeights;
    QSet<QString> texts;
    // Slow enough that every phase is drawn for a few frames, also in a sanitizer build.
    w.setSpeed(0.5);
    w.controller()->setPlaying(true);
    waitFor(*w.controller(), [&](const SimSnapshot& s) {
        const QRect r = heatmap->bandRect(HeatmapView::Band::Source);
        bands.insert({r.x(), r.y(), r.width(), r.height()});
        explanationHeights.insert(explanation->height());
        texts.insert(explanation->text());
        return s.phase == Phase::Done;
    }, 60000);
    REQUIRE(w.controller()->snapshot()->phase == Phase::Done);
    CHECK(texts.size() >= 4);
    CHECK(explanationHeights.size() == 1);
    CHECK(bands.size() == 1);
}

TEST_CASE("the explanation keeps one height whatever its text", "[teaching][layout]")
{
    QWidget host;
    auto* layout = new QVBoxLayout(&host);
    auto* panel = new ExplanationPanel(&host);
    layout->addWidget(panel);
    layout->addStretch(1);
    host.resize(420, 600);
    host.show();
    REQUIRE(QTest::qWaitForWindowExposed(&host));
    std::set<int> heights;
    std::set<int> hints;
    QSet<QString> texts;
    // Every phase of a real run, at a width where the longer texts take five or six lines.
    MigrationEngine engine(lessonConfig());
    while (!engine.finished()) {
        engine.runFor(20'000'000);
        SimSnapshot s;
        s.config = engine.sharedConfig();
        s.phase = engine.phase();
        s.pass = engine.pass();
        s.nowNs = engine.nowNs();
        s.chunkCount = engine.chunkCount();
        s.chunkBits = engine.chunkBits();
        s.pendingBytes = engine.pendingBytes();
        s.thresholdBytes = engine.downtimeBudgetBytes();
        s.recentWireRate = 6.25e6;
        s.recentRedirtyRate = 3e6;
        s.summary = engine.summary();
        panel->setSnapshot(s);
        QCoreApplication::processEvents();
        heights.insert(panel->height());
        hints.insert(panel->sizeHint().height());
        texts.insert(panel->text());
    }
    CHECK(texts.size() >= 4);
    CHECK(hints.size() == 1);
    CHECK(heights.size() == 1);
}

TEST_CASE("View > Presentation (F11) fills the screen with the heatmaps and leaving restores the layout",
          "[teaching][presentation]")
{
    MainWindow w;
    showAt(w, 1400, 900);
    w.controller()->setConfig(lessonConfig());
    waitFor(*w.controller(), [](const SimSnapshot& s) { return *s.config == lessonConfig(); });
    QTest::qWait(100);

    QAction* action = nullptr;
    for (QAction* a : w.allActions()) {
        if (a->shortcut() == QKeySequence(Qt::Key_F11)) {
            action = a;
        }
    }
    REQUIRE(action);
    CHECK(action == w.presentation()->action());
    CHECK(action->isCheckable());
    CHECK_FALSE(action->isChecked());

    const QRect geometry = w.geometry();
    const Qt::WindowStates state = w.windowState();
    const QByteArray dockState = w.saveState();
    const QList<int> split = mainSplitter(w)->sizes();
    const QFont centralFont = w.centralWidget()->font();
    const QFont heatmapFont = w.heatmap()->font();
    const int cellPixels = w.heatmap()->cellPixels();
    const QRect band = w.heatmap()->bandRect(HeatmapView::Band::Source);
    QStringList docksShown;
    for (QDockWidget* d : w.findChildren<QDockWidget*>()) {
        if (d->isVisible()) {
            docksShown << d->objectName();
        }
    }
    REQUIRE_FALSE(docksShown.isEmpty());
    const double normalShare = double(w.heatmap()->height()) / w.centralWidget()->height();

    // F11 from the keyboard.
    w.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&w));
    QTest::keyClick(&w, Qt::Key_F11);
    REQUIRE(w.presentation()->isActive());
    CHECK(action->isChecked());
    REQUIRE(waitUntil([&] { return w.windowState().testFlag(Qt::WindowFullScreen); }, "the window full screen"));
    CHECK(waitUntil([&] { return w.geometry() == w.screen()->geometry(); }, "the window to cover the screen"));
    QTest::qWait(50);
    CHECK(w.heatmap()->font().pointSizeF() >= heatmapFont.pointSizeF() * 1.5);
    CHECK(w.findChild<PhaseStrip*>()->font().pointSizeF() >= heatmapFont.pointSizeF() * 1.5);
    CHECK(w.heatmap()->cellPixels() > cellPixels);
    CHECK_FALSE(w.charts()->isVisible());
    CHECK_FALSE(w.statusBar()->isVisible());
    for (QDockWidget* d : w.findChildren<QDockWidget*>()) {
        CHECK_FALSE(d->isVisible());
    }
    // The charts folded to a line of figures (two where the large text does not fit one, every
    // figure whole), the heatmaps filling the rest.
    FiguresLine* figures = w.presentation()->figuresLine();
    REQUIRE(figures);
    CHECK(figures->isVisible());
    CHECK(figures->lines().size() <= 2);
    CHECK(figures->height() < 3 * figures->fontMetrics().height());
    for (const QString& line : figures->lines()) {
        CHECK(figures->fontMetrics().horizontalAdvance(line) <= figures->width() - 12);
    }
    CHECK(figures->text().contains(QStringLiteral("pending")));
    const double presentedShare =
        double(w.heatmap()->height()) / (w.centralWidget()->height() - figures->height());
    INFO("heatmap share " << normalShare << " -> " << presentedShare);
    CHECK(presentedShare > normalShare);
    CHECK(presentedShare > 0.7);
    CHECK(smallestBand(w.heatmap()) >= 40);
    // The figures follow the run.
    const QString before = figures->text();
    w.stepAction()->trigger();
    w.controller()->setPlaying(true);
    CHECK(waitUntil([&] { return figures->text() != before; }, "the figures line to follow the run"));
    w.controller()->setPlaying(false);

    // F11 again: everything as it was.
    QTest::keyClick(&w, Qt::Key_F11);
    CHECK_FALSE(w.presentation()->isActive());
    CHECK_FALSE(action->isChecked());
    CHECK(waitUntil([&] { return w.size() == geometry.size(); }, "the window's size as before"));
    checkPlacedAsBefore(w, geometry);
    CHECK(waitUntil([&] { return mainSplitter(w)->sizes() == split; }, "the splitter's sizes as before"));
    CHECK(w.windowState() == state);
    CHECK(w.saveState() == dockState);
    CHECK(w.centralWidget()->font() == centralFont);
    CHECK(w.heatmap()->font() == heatmapFont);
    CHECK(w.heatmap()->cellPixels() == cellPixels);
    CHECK(w.charts()->isVisible());
    CHECK(w.statusBar()->isVisible());
    CHECK(w.presentation()->figuresLine() == nullptr);
    QStringList docksAfter;
    for (QDockWidget* d : w.findChildren<QDockWidget*>()) {
        if (d->isVisible()) {
            docksAfter << d->objectName();
        }
    }
    CHECK(docksAfter == docksShown);
    CHECK(waitUntil([&] { return w.heatmap()->bandRect(HeatmapView::Band::Source) == band; },
                    "the source band where it was"));
}

TEST_CASE("a 1024 x 768 projector shows the whole window with usable heatmaps", "[teaching][layout]")
{
    const QString code = GENERATE(QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("ru"));
    INFO("language " << code.toStdString());
    MainWindow w;
    REQUIRE(w.setLanguage(code));
    showAt(w, 1024, 768);
    QTest::qWait(100);
    INFO("minimum " << w.minimumSizeHint().width() << " x " << w.minimumSizeHint().height());
    // Where the width goes: the docks' column and the central column's parts.
    for (QDockWidget* d : w.findChildren<QDockWidget*>()) {
        UNSCOPED_INFO(d->objectName().toStdString() << " needs " << d->minimumSizeHint().width() << " px");
    }
    INFO("central column needs " << w.centralWidget()->minimumSizeHint().width() << " px, charts "
                                 << w.charts()->minimumSizeHint().width() << " px");
    // Room to spare for a title bar and a desktop panel above and below.
    CHECK(w.minimumSizeHint().width() <= 1024);
    CHECK(w.minimumSizeHint().height() <= 768 - 48);
    CHECK(w.minimumSize().width() <= 1024);
    CHECK(w.minimumSize().height() <= 768 - 48);
    CHECK(waitUntil([&] { return w.size() == QSize(1024, 768); }, "the window at 1024 x 768"));

    // Nothing is squeezed below what it needs: the central column fits its parts.
    QWidget* central = w.centralWidget();
    CHECK(central->minimumSizeHint().height() <= central->height());
    // The charts folded to their line of figures (ChartsFold): they could not be read here.
    REQUIRE(waitUntil([&] { return w.chartsFold()->isFolded(); }, "the charts folded"));
    for (QWidget* part : {static_cast<QWidget*>(w.phaseStrip()), static_cast<QWidget*>(w.heatmap()),
                          static_cast<QWidget*>(w.chartsFold()->figuresLine())}) {
        INFO(part->metaObject()->className() << " " << part->height() << " px of "
                                             << part->minimumSizeHint().height());
        CHECK(part->height() >= part->minimumSizeHint().height());
        CHECK(central->rect().contains(QRect(part->mapTo(central, QPoint(0, 0)), part->size())));
    }

    const QImage shot = w.grab().toImage();
    CHECK(shot.size() == QSize(1024, 768) * w.devicePixelRatio());
    const QColor background = w.heatmap()->palette().color(QPalette::Window);
    for (HeatmapView::Band b : kBands) {
        const QRect r = w.heatmap()->bandRect(b);
        INFO("band " << int(b) << ": " << r.height() << " px");
        CHECK(r.height() >= 40);
        // Painted where the window shows it, not cut off below the screen.
        const QPoint centre = w.heatmap()->mapTo(&w, r.center());
        REQUIRE(shot.rect().contains(centre * w.devicePixelRatio()));
        CHECK(shot.pixelColor(centre * w.devicePixelRatio()) != background);
    }
}

TEST_CASE("speeds go down to 0.001x, where a 20 ms migration lasts 20 seconds", "[teaching][speed]")
{
    MainWindow w;
    showAt(w, 1200, 820);
    CHECK(SimulationController::kMinSpeed == 0.001);
    w.setSpeed(0.001);
    CHECK(w.controller()->speed() == 0.001);

    auto* slider = w.findChild<QSlider*>();
    REQUIRE(slider);
    slider->setValue(slider->maximum());
    CHECK(w.controller()->speed() == SimulationController::kMaxSpeed);
    slider->setValue(slider->minimum());
    CHECK(w.controller()->speed() == SimulationController::kMinSpeed);
    w.setSpeed(0.005);
    CHECK(slider->value() > slider->minimum());
    CHECK(w.controller()->speed() == 0.005);

    // The clock advances at the speed asked: at 0.002x, about 2 ms of simulated time in a second.
    SimConfig c = lessonConfig();
    c.migrationStartNs = -1;
    w.controller()->setConfig(c);
    waitFor(*w.controller(), [&c](const SimSnapshot& s) { return *s.config == c && s.nowNs == 0; });
    w.setSpeed(0.002);
    QElapsedTimer wall;
    wall.start();
    w.controller()->setPlaying(true);
    auto moved = waitFor(*w.controller(), [](const SimSnapshot& s) { return s.nowNs >= 2'000'000; }, 10000);
    const double elapsedNs = double(wall.nsecsElapsed());
    REQUIRE(moved->nowNs >= 2'000'000);
    CHECK(double(moved->nowNs) <= 0.002 * elapsedNs + double(c.tickNs));
    w.controller()->setPlaying(false);
}

TEST_CASE("a slow speed survives the saved settings and the command line", "[teaching][speed]")
{
    {
        QSettings settings;
        settings.setValue(QStringLiteral("session/speed"), 0.004);
    }
    MainWindow w;
    w.setSettingsEnabled(false);
    w.restoreSettings();
    CHECK(w.controller()->speed() == 0.004);
    QSettings().remove(QStringLiteral("session/speed"));

    QTemporaryDir dir;
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(BITMIG_LAB_EXE),
            {QStringLiteral("--no-settings"), QStringLiteral("--speed"), QStringLiteral("0.001"),
             QStringLiteral("--screenshot"), dir.filePath(QStringLiteral("slow.png")), QStringLiteral("--after"),
             QStringLiteral("100")});
    REQUIRE(p.waitForFinished(60000));
    INFO(p.readAllStandardError().toStdString());
    CHECK(p.exitCode() == 0);
}

TEST_CASE("presentation mode survives a language change and still leaves cleanly", "[teaching][presentation]")
{
    MainWindow w;
    showAt(w, 1400, 900);
    QTest::qWait(50);
    const QRect geometry = w.geometry();
    const QList<int> split = mainSplitter(w)->sizes();
    const QFont heatmapFont = w.heatmap()->font();

    w.presentation()->setActive(true);
    REQUIRE(waitUntil([&] { return w.windowState().testFlag(Qt::WindowFullScreen); }, "the window full screen"));
    REQUIRE(w.setLanguage(QStringLiteral("de")));
    // The language change reaches the window as a posted event: it is there when the actions read German.
    const auto playText = [&w] { return w.playAction()->text(); };
    REQUIRE(waitUntil([&] { return playText() == QCoreApplication::translate("bitmig::MainWindow", "&Play"); },
                      "the window in German"));
    CHECK(w.presentation()->isActive());
    CHECK(w.presentation()->action()->isChecked());
    CHECK(w.windowState().testFlag(Qt::WindowFullScreen));
    CHECK(w.heatmap()->font().pointSizeF() >= heatmapFont.pointSizeF() * 1.5);
    CHECK_FALSE(w.charts()->isVisible());
    CHECK_FALSE(w.statusBar()->isVisible());
    for (QDockWidget* d : w.findChildren<QDockWidget*>()) {
        CHECK_FALSE(d->isVisible());
    }
    REQUIRE(w.presentation()->figuresLine());
    CHECK(waitUntil([&] { return w.presentation()->figuresLine()->isVisible(); }, "the figures line shown again"));

    REQUIRE(w.setLanguage(QStringLiteral("en")));
    REQUIRE(waitUntil([&] { return playText() == QStringLiteral("&Play"); }, "the window in English again"));
    w.presentation()->action()->trigger();
    CHECK_FALSE(w.presentation()->isActive());
    CHECK(waitUntil([&] { return w.size() == geometry.size(); }, "the window's size as before"));
    checkPlacedAsBefore(w, geometry);
    CHECK(waitUntil([&] { return mainSplitter(w)->sizes() == split; }, "the splitter's sizes as before"));
    CHECK(w.heatmap()->font() == heatmapFont);
    CHECK(w.charts()->isVisible());
    CHECK(w.statusBar()->isVisible());
    CHECK(w.presentation()->figuresLine() == nullptr);
}
