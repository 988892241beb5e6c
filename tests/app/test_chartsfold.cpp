// View > Charts: the charts fold to a line of key figures where the window has no room to draw them
// readably (a 1024 x 768 projector), and unfold where it has; the user's choice overrides and is kept.
#include "app/chartsfold.h"
#include "app/mainwindow.h"
#include "app/presentationmode.h"
#include "charttexts.h"
#include "tests/support/qtwait.h"
#include "tests/support/simulation.h"
#include "widgets/figuresline.h"
#include "widgets/heatmapview.h"
#include "widgets/migrationcharts.h"
#include "windowtestutil.h"

#include <QAction>
#include <QChart>
#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QSplitter>

#include <catch2/catch.hpp>

using namespace bitmig;
using bitmig::test::clearSettings;
using bitmig::test::cutChartTexts;
using bitmig::test::drawnChartTitles;
using bitmig::test::chartTitles;
using bitmig::test::showAt;
using bitmig::test::smallConfig;
using bitmig::test::waitFor;
using bitmig::test::waitUntil;

namespace {

using Mode = ChartsFold::Mode;

// Large figures on every axis (MiB/s, hundreds of thousands of writes/s, GiB pending), run to the end.
void finishedRun(MainWindow& w)
{
    SimConfig cfg = smallConfig();
    cfg.diskBytes = uint64_t(1) << 40;
    cfg.workload.rate = 150'000;
    cfg.migrationStartNs = 0;
    w.controller()->setConfig(cfg);
    w.setSpeed(50);
    w.controller()->setPlaying(true);
    REQUIRE(waitFor(*w.controller(), [](const SimSnapshot& s) { return s.phase == Phase::Done; }, 60000)->phase ==
            Phase::Done);
}

// Resizes the window and waits until the fold has been decided for the new size.
void resizeTo(MainWindow& w, QSize size)
{
    w.resize(size);
    REQUIRE(waitUntil([&] { return w.size() == size; }, "the window resized"));
    QTest::qWait(50);  // the layouts settle, then the fold is decided (queued)
    QCoreApplication::processEvents();
}

bool showsFigures(const MainWindow& w)
{
    const FiguresLine* figures = w.chartsFold()->figuresLine();
    return w.chartsFold()->isFolded() && figures->isVisible() && !w.charts()->isVisible();
}

bool showsCharts(const MainWindow& w)
{
    return !w.chartsFold()->isFolded() && w.charts()->isVisible() && !w.chartsFold()->figuresLine()->isVisible();
}

QAction* modeAction(const MainWindow& w, Mode mode)
{
    // From the View menu, as the user finds it.
    auto* view = w.menuBar()->findChild<QMenu*>(QStringLiteral("viewMenu"));
    REQUIRE(view);
    QMenu* menu = nullptr;
    for (QAction* a : view->actions()) {
        if (a->menu() && a->menu()->objectName() == QStringLiteral("chartsMenu")) {
            menu = a->menu();
        }
    }
    REQUIRE(menu);
    for (QAction* a : menu->actions()) {
        if (a->data().toString() == ChartsFold::key(mode)) {
            return a;
        }
    }
    FAIL("no action for " << ChartsFold::key(mode).toStdString());
    return nullptr;
}

QString tr(const char* text)
{
    return QCoreApplication::translate("bitmig::ChartsFold", text);
}

} // namespace

TEST_CASE("at 1024 x 768 the charts fold to the figures line with the live figures, at 1400 x 900 they are charts",
          "[chartsfold][teaching][i18n]")
{
    const QString code = GENERATE(QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("ru"));
    INFO("language " << code.toStdString());
    clearSettings();
    MainWindow w;
    REQUIRE(w.setLanguage(code));
    showAt(w, 1024, 768);
    REQUIRE(waitUntil([&] { return showsFigures(w); }, "the charts folded at 1024 x 768"));
    CHECK(w.chartsFold()->mode() == Mode::Automatic);
    CHECK(modeAction(w, Mode::Automatic)->isChecked());
    CHECK(modeAction(w, Mode::Automatic)->text() == tr("&Automatic (now the figures line)"));

    // The figures line takes a line under the heatmaps (two where the figures do not fit one, each
    // figure whole), and shows the run's figures as they come.
    FiguresLine* figures = w.chartsFold()->figuresLine();
    CHECK(figures->height() < 3 * figures->fontMetrics().height());
    CHECK(w.heatmap()->height() > w.centralWidget()->height() / 2);
    w.controller()->setConfig(smallConfig());
    w.setSpeed(1);
    w.controller()->setPlaying(true);
    auto moved = waitFor(*w.controller(), [](const SimSnapshot& s) { return s.nowNs > 50'000'000; });
    REQUIRE(moved->nowNs > 50'000'000);
    CHECK(waitUntil([&] { return figures->text() == FiguresLine::textFor(*w.controller()->snapshot()); },
                    "the figures line showing the latest snapshot"));
    const QString before = figures->text();
    CHECK(waitUntil([&] { return figures->text() != before; }, "the figures line following the run"));
    w.controller()->setPlaying(false);

    // Room again: the charts; and small again: the figures line.
    resizeTo(w, QSize(1400, 900));
    REQUIRE(waitUntil([&] { return showsCharts(w); }, "the charts at 1400 x 900"));
    CHECK(modeAction(w, Mode::Automatic)->text() == tr("&Automatic (now the charts)"));
    CHECK(w.charts()->readableAt(w.charts()->size()));
    resizeTo(w, QSize(1024, 768));
    CHECK(waitUntil([&] { return showsFigures(w); }, "the charts folded again at 1024 x 768"));
}

TEST_CASE("the charts shown are readable: titles and axis labels whole over a plot of a few ticks",
          "[chartsfold][i18n][charts]")
{
    clearSettings();
    MainWindow w;
    showAt(w);
    finishedRun(w);
    MigrationCharts* charts = w.charts();
    int shown = 0;
    int folded = 0;
    for (const QString& code : {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("ru")}) {
        REQUIRE(w.setLanguage(code));
        for (const QSize size : {QSize(1024, 768), QSize(1280, 800), QSize(1366, 768), QSize(1400, 800),
                                 QSize(1400, 840), QSize(1400, 900), QSize(1440, 900), QSize(1280, 1024),
                                 QSize(1100, 1300), QSize(1600, 1000), QSize(1920, 1080)}) {
            resizeTo(w, size);
            QTest::qWait(50);
            INFO(code.toStdString() << " at " << size.width() << " x " << size.height() << ", charts "
                                    << charts->width() << " x " << charts->height()
                                    << (charts->oneRow() ? " in one row" : " in 2 x 2"));
            if (w.chartsFold()->isFolded()) {
                ++folded;
                CHECK(showsFigures(w));
                continue;
            }
            ++shown;
            CHECK(showsCharts(w));
            CHECK(drawnChartTitles(*charts).join(QStringLiteral(" | ")).toStdString() ==
                  chartTitles(*charts).join(QStringLiteral(" | ")).toStdString());
            CHECK(cutChartTexts(*charts).join(QStringLiteral(" | ")).toStdString() == "");
            for (int k = 0; k < kChartKindCount; ++k) {
                CHECK(charts->chart(ChartKind(k))->plotArea().height() >= 40);
            }
        }
    }
    // Both ways, in every language.
    CHECK(shown >= 9);
    CHECK(folded >= 3);

    // What the fold spares the user: the charts forced at 1024 x 768 cut their texts or their plot.
    modeAction(w, Mode::Charts)->trigger();
    resizeTo(w, QSize(1024, 768));
    REQUIRE(showsCharts(w));
    double lowest = 1e9;
    for (int k = 0; k < kChartKindCount; ++k) {
        lowest = std::min(lowest, charts->chart(ChartKind(k))->plotArea().height());
    }
    CHECK((!cutChartTexts(*charts).isEmpty() || lowest < 40));
}

TEST_CASE("the user's choice of charts or figures overrides the window's size and is kept", "[chartsfold][settings]")
{
    clearSettings();
    {
        MainWindow w;
        showAt(w, 1400, 900);
        REQUIRE(waitUntil([&] { return showsCharts(w); }, "the charts at 1400 x 900"));
        modeAction(w, Mode::Figures)->trigger();
        CHECK(w.chartsFold()->mode() == Mode::Figures);
        CHECK(showsFigures(w));
        CHECK(modeAction(w, Mode::Automatic)->text() == tr("&Automatic"));
        resizeTo(w, QSize(1600, 1000));
        CHECK(showsFigures(w));

        modeAction(w, Mode::Charts)->trigger();
        CHECK(modeAction(w, Mode::Charts)->isChecked());
        CHECK_FALSE(modeAction(w, Mode::Automatic)->isChecked());
        resizeTo(w, QSize(1024, 768));
        CHECK(showsCharts(w));

        modeAction(w, Mode::Automatic)->trigger();
        CHECK(waitUntil([&] { return showsFigures(w); }, "automatic: folded at 1024 x 768"));

        modeAction(w, Mode::Figures)->trigger();
        w.saveSettings();
    }
    CHECK(QSettings().value(QStringLiteral("ui/charts")).toString() == QStringLiteral("figures"));
    {
        MainWindow w;
        w.restoreSettings();
        showAt(w, 1600, 1000);
        CHECK(w.chartsFold()->mode() == Mode::Figures);
        CHECK(modeAction(w, Mode::Figures)->isChecked());
        CHECK(waitUntil([&] { return showsFigures(w); }, "the figures line after a restart"));
    }
    // A value the window does not know leaves the default.
    QSettings().setValue(QStringLiteral("ui/charts"), QStringLiteral("sideways"));
    {
        MainWindow w;
        w.restoreSettings();
        CHECK(w.chartsFold()->mode() == Mode::Automatic);
    }
    clearSettings();
}

TEST_CASE("the fold and the choice survive a language change", "[chartsfold][i18n]")
{
    clearSettings();
    MainWindow w;
    showAt(w, 1024, 768);
    REQUIRE(waitUntil([&] { return showsFigures(w); }, "folded at 1024 x 768"));
    FiguresLine* figures = w.chartsFold()->figuresLine();
    REQUIRE(waitUntil([&] { return !figures->text().isEmpty(); }, "the first snapshot's figures"));
    const QString english = figures->text();

    REQUIRE(w.setLanguage(QStringLiteral("de")));
    REQUIRE(waitUntil(
        [&] { return w.playAction()->text() == QCoreApplication::translate("bitmig::MainWindow", "&Play"); },
        "the window in German"));
    QTest::qWait(50);
    CHECK(showsFigures(w));
    CHECK(w.chartsFold()->figuresLine() == figures);
    CHECK(figures->text() == FiguresLine::textFor(*w.controller()->snapshot()));
    CHECK(figures->text() != english);
    CHECK(modeAction(w, Mode::Automatic)->text() == tr("&Automatic (now the figures line)"));

    // A choice made in German holds in Russian.
    modeAction(w, Mode::Charts)->trigger();
    REQUIRE(showsCharts(w));
    REQUIRE(w.setLanguage(QStringLiteral("ru")));
    REQUIRE(waitUntil(
        [&] { return w.playAction()->text() == QCoreApplication::translate("bitmig::MainWindow", "&Play"); },
        "the window in Russian"));
    QTest::qWait(50);
    CHECK(w.chartsFold()->mode() == Mode::Charts);
    CHECK(modeAction(w, Mode::Charts)->isChecked());
    CHECK(showsCharts(w));
}

TEST_CASE("docks that take the width fold the charts and give it back unfolded", "[chartsfold][layout]")
{
    clearSettings();
    MainWindow w;
    showAt(w, 1400, 900);
    REQUIRE(waitUntil([&] { return showsCharts(w); }, "the charts at 1400 x 900"));
    auto* dock = w.findChild<QDockWidget*>(QStringLiteral("parametersDock"));
    REQUIRE(dock);
    const int width = dock->width();
    w.resizeDocks({dock}, {900}, Qt::Horizontal);
    CHECK(waitUntil([&] { return showsFigures(w); }, "the charts folded beside a wide dock"));
    w.resizeDocks({dock}, {width}, Qt::Horizontal);
    CHECK(waitUntil([&] { return showsCharts(w); }, "the charts back with the dock's old width"));

    // Presentation mode folds them whatever the choice, and leaving gives them back.
    modeAction(w, Mode::Charts)->trigger();
    w.presentation()->setActive(true);
    CHECK(showsFigures(w));
    CHECK(w.presentation()->figuresLine() == w.chartsFold()->figuresLine());
    w.presentation()->setActive(false);
    CHECK(waitUntil([&] { return showsCharts(w); }, "the charts after presenting"));
}

TEST_CASE("the figures line shows every figure of a finished run at 1024 x 768, in every language", "[chartsfold]")
{
    for (const QString& code : {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("ru")}) {
        INFO(code.toStdString());
        clearSettings();
        MainWindow w;
        w.setSettingsEnabled(false);
        REQUIRE(w.setLanguage(code));
        showAt(w, 1024, 768);
        finishedRun(w);
        REQUIRE(waitUntil([&] { return showsFigures(w); }, "folded at 1024 x 768"));
        FiguresLine* figures = w.chartsFold()->figuresLine();
        REQUIRE(waitUntil([&] { return figures->text() == FiguresLine::textFor(*w.controller()->snapshot()); },
                          "the finished run's figures"));
        QTest::qWait(50);  // laid out for the text
        QCoreApplication::processEvents();
        // The downtime, last in the line, is there; and the line has the room for all it says: no
        // figure is cut off at the right edge (not even the downtime, the run's main result).
        CHECK(figures->text().contains(QCoreApplication::translate("bitmig::FiguresLine", "downtime %1 ms")
                                           .section(QLatin1Char(' '), 0, 0)));
        const QFontMetrics fm = figures->fontMetrics();
        const int rows = std::max(1, (figures->height() - 4) / fm.lineSpacing());
        INFO(figures->text().toStdString() << " in " << figures->width() << " x " << figures->height());
        CHECK(fm.horizontalAdvance(figures->text()) <= (figures->width() - 12) * rows);
        const QStringList lines = figures->lines();
        CHECK(lines.size() <= rows);
        CHECK(lines.join(QStringLiteral("  ·  ")) == figures->text());
        for (const QString& line : lines) {
            CHECK(fm.horizontalAdvance(line) <= figures->width() - 12);
        }
    }
}
