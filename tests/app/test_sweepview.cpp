// View > Sweep with real events: a sweep runs on worker threads, is cancelled, runs again; a click
// on the best point runs it in the window; what it exports is what `bitmig sweep` prints.
#include "app/languagemanager.h"
#include "app/model/simulationcontroller.h"
#include "app/sweepview.h"
#include "widgets/byteformat.h"
#include "widgets/chartscales.h"
#include "widgets/unitfield.h"
#include "tests/support/qtwait.h"
#include "windowtestutil.h"

#include <QAbstractAxis>
#include <QLocale>
#include <QChartView>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QComboBox>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QProgressBar>
#include <QRegularExpression>
#include <QPushButton>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolButton>

#include <algorithm>
#include <cmath>

using namespace bitmig;

namespace {

// 64 GiB, a guest writing alone for a second: each run takes milliseconds.
SimConfig smallConfig()
{
    SimConfig c;
    c.diskBytes = uint64_t(64) << 30;
    c.migrationStartNs = 1'000'000'000;
    c.chunkBytes = uint64_t(1) << 20;
    return c;
}

SweepView* openSweep(MainWindow& w)
{
    auto* dock = w.findChild<QDockWidget*>(QStringLiteral("sweepDock"));
    REQUIRE(dock);
    REQUIRE_FALSE(dock->isVisible());
    // View > Sweep, as a user picks it.
    QMenu* view = w.menuBar()->findChild<QMenu*>(QStringLiteral("viewMenu"));
    REQUIRE(view);
    REQUIRE(view->actions().contains(dock->toggleViewAction()));
    dock->toggleViewAction()->trigger();
    REQUIRE(QTest::qWaitForWindowExposed(dock));
    auto* sweep = dock->findChild<SweepView*>();
    REQUIRE(sweep);
    return sweep;
}

void typeValues(SweepView* sweep, const QString& values)
{
    auto* edit = sweep->findChild<QLineEdit*>(QStringLiteral("sweepValues"));
    REQUIRE(edit);
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(edit, values);
    REQUIRE(edit->text() == values);
}

void chooseParameter(SweepView* sweep, SweepParameter p)
{
    auto* combo = sweep->findChild<QComboBox*>(QStringLiteral("sweepParameter"));
    REQUIRE(combo);
    combo->setFocus();
    // Home, then Down until the parameter: keys, as a user picks it.
    QTest::keyClick(combo, Qt::Key_Home);
    while (sweep->parameter() != p) {
        const int before = combo->currentIndex();
        QTest::keyClick(combo, Qt::Key_Down);
        REQUIRE(combo->currentIndex() == before + 1);
    }
}

QPushButton* button(SweepView* sweep, const char* name)
{
    auto* b = sweep->findChild<QPushButton*>(QLatin1String(name));
    REQUIRE(b);
    return b;
}

// Clicks Run and waits for the sweep to end on its own.
void runToEnd(SweepView* sweep)
{
    QSignalSpy finished(sweep->job(), &SweepJob::finished);
    QTest::mouseClick(button(sweep, "sweepRun"), Qt::LeftButton);
    REQUIRE(sweep->job()->running());
    REQUIRE(finished.wait(120000));
    REQUIRE(finished.first().first().toBool());
}

QByteArray cliSweep(const QStringList& arguments, int* exitCode)
{
    QProcess p;
    p.start(QStringLiteral(BITMIG_EXECUTABLE), arguments);
    REQUIRE(p.waitForStarted(10000));
    REQUIRE(p.waitForFinished(120000));
    INFO(p.readAllStandardError().toStdString());
    *exitCode = p.exitCode();
    return p.readAllStandardOutput();
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

} // namespace

TEST_CASE("a sweep runs, cancels, runs again, and its best point runs in the window", "[sweep]")
{
    test::clearSettings();
    MainWindow w;
    test::showAt(w);
    w.applyConfig(smallConfig(), QStringLiteral("small"));
    SweepView* sweep = openSweep(w);
    CHECK(sweep->baseConfig() == smallConfig());
    CHECK(sweep->findChild<QLabel*>(QStringLiteral("sweepStart"))->text().contains(QStringLiteral("1 s")));

    // Long runs (the guest writes alone for an hour of simulated time before each migration), cancelled.
    chooseParameter(sweep, SweepParameter::MigrationStart);
    typeValues(sweep, QStringLiteral("3000s,3100s,3200s,3300s,3400s,3500s"));
    QSignalSpy finished(sweep->job(), &SweepJob::finished);
    QTest::mouseClick(button(sweep, "sweepRun"), Qt::LeftButton);
    REQUIRE(sweep->job()->running());
    CHECK_FALSE(button(sweep, "sweepRun")->isEnabled());
    CHECK(button(sweep, "sweepCancel")->isEnabled());
    // The window answers while the sweep runs on its worker threads: a timer of the GUI thread
    // keeps firing, and the time left shows.
    int ticks = 0;
    QTimer timer;
    QObject::connect(&timer, &QTimer::timeout, [&ticks] { ++ticks; });
    timer.start(20);
    QTest::qWait(1000);
    CHECK(ticks >= 3);
    CHECK(sweep->job()->running());
    QTest::mouseClick(button(sweep, "sweepCancel"), Qt::LeftButton);
    REQUIRE(finished.wait(20000));
    CHECK_FALSE(finished.first().first().toBool());
    CHECK(sweep->findChild<QLabel*>(QStringLiteral("sweepStatus"))
              ->text()
              .startsWith(QStringLiteral("cancelled after")));
    CHECK(sweep->job()->done() < 6);
    CHECK(button(sweep, "sweepRun")->isEnabled());
    CHECK_FALSE(button(sweep, "sweepCancel")->isEnabled());
    CHECK_FALSE(button(sweep, "sweepExport")->isEnabled());
    CHECK(w.controller()->config() == smallConfig());

    // Again, over chunk sizes: every run, with the best one marked.
    chooseParameter(sweep, SweepParameter::ChunkSize);
    CHECK(sweep->findChild<QLineEdit*>(QStringLiteral("sweepValues"))->text() == QStringLiteral("all"));
    typeValues(sweep, QStringLiteral("64,256,1K,4K,16K"));
    runToEnd(sweep);
    const SweepResults& results = sweep->job()->results();
    REQUIRE(results.points.size() == 5);
    for (const SweepPoint& p : results.points) {
        CHECK(p.ran);
        CHECK(p.summary.verified);
    }
    auto* progress = sweep->findChild<QProgressBar*>(QStringLiteral("sweepProgress"));
    CHECK(progress->value() == progress->maximum());
    const std::optional<size_t> best = sweep->bestPoint();
    REQUIRE(best);
    CHECK(best == bestSweepPoint(results.points, SweepCriterion::MinTotalBytes));
    CHECK(sweep->findChild<QLabel*>(QStringLiteral("sweepBest"))
              ->text()
              .startsWith(QStringLiteral("Best by min-total-bytes")));
    const uint64_t bestChunk = results.points[*best].config.chunkBytes;
    REQUIRE(bestChunk != smallConfig().chunkBytes);

    // The chart's points are the runs' figures.
    QChartView* wire = sweep->chartView(SweepView::Figure::WireBytes);
    int plotted = 0;
    for (QAbstractSeries* s : wire->chart()->series()) {
        if (auto* scatter = qobject_cast<QScatterSeries*>(s);
            scatter && s->name() != QStringLiteral("best")) {
            for (const QPointF& pt : scatter->points()) {
                ++plotted;
                bool found = false;
                for (const SweepPoint& p : results.points) {
                    found |= std::log2(double(p.config.chunkBytes)) == pt.x() &&
                             double(p.summary.wireBytes) / (1 << 20) == pt.y();
                }
                CHECK(found);
            }
        }
    }
    CHECK(plotted == 5);

    // A click on the best point in the wire bytes chart: that run, live in the window.
    const QPoint at = sweep->pointPosition(SweepView::Figure::WireBytes, *best);
    REQUIRE(wire->viewport()->rect().contains(at));
    QTest::mouseClick(wire->viewport(), Qt::LeftButton, {}, at);
    REQUIRE(test::waitUntil([&] { return w.controller()->config().chunkBytes == bestChunk; }, "the best point's chunk size in the window"));
    SimConfig expected = smallConfig();
    expected.chunkBytes = bestChunk;
    CHECK(w.controller()->config() == expected);
    CHECK(w.playAction()->isChecked());
    CHECK(sweep->baseConfig() == expected);
}

// The texts the charts' axes show (their labels and titles), as drawn in the scene.
QStringList axisTexts(QChartView* view)
{
    QStringList texts;
    for (QGraphicsItem* item : view->scene()->items()) {
        if (auto* text = dynamic_cast<QGraphicsTextItem*>(item); text && text->isVisible()) {
            texts.append(text->toPlainText());
        }
    }
    return texts;
}

TEST_CASE("every chunk size: the charts' x labels read whole, the best point says its value with its unit", "[sweep]")
{
    test::clearSettings();
    MainWindow w;
    test::showAt(w);
    w.applyConfig(smallConfig(), QStringLiteral("small"));
    SweepView* sweep = openSweep(w);
    chooseParameter(sweep, SweepParameter::ChunkSize);
    typeValues(sweep, QStringLiteral("all"));
    runToEnd(sweep);
    QApplication::processEvents();
    for (int f = 0; f < 6; ++f) {
        QChartView* view = sweep->chartView(SweepView::Figure(f));
        view->viewport()->repaint();
        const QStringList texts = axisTexts(view);
        INFO("chart " << f << ": " << texts.join(QStringLiteral(" | ")).toStdString());
        CHECK_FALSE(texts.join(QString()).contains(QChar(0x2026)));  // nothing elided
        // The x axis names sizes with their units, a few of them.
        const auto sizes = std::count_if(texts.begin(), texts.end(), [](const QString& t) {
            return t.endsWith(QStringLiteral(" KiB")) || t.endsWith(QStringLiteral(" MiB")) || t.endsWith(QStringLiteral(" B"));
        });
        CHECK(sizes >= 3);
        CHECK(sizes <= 7);
        // The x labels lie side by side inside the chart, none over another.
        std::vector<QRectF> boxes;
        for (QGraphicsItem* item : view->scene()->items()) {
            auto* label = dynamic_cast<QGraphicsTextItem*>(item);
            if (label && label->isVisible() && label->toPlainText().endsWith(QStringLiteral("B"))) {
                boxes.push_back(label->sceneBoundingRect());
            }
        }
        for (size_t i = 0; i < boxes.size(); ++i) {
            CHECK(view->sceneRect().contains(boxes[i]));
            for (size_t j = i + 1; j < boxes.size(); ++j) {
                CHECK_FALSE(boxes[i].intersects(boxes[j]));
            }
        }
    }
    const std::optional<size_t> best = sweep->bestPoint();
    REQUIRE(best);
    const QString text = sweep->findChild<QLabel*>(QStringLiteral("sweepBest"))->text();
    INFO(text.toStdString());
    CHECK(text.contains(QStringLiteral("Chunk size = ") + formatBytes(sweep->job()->results().points[*best].config.chunkBytes) +
                        QStringLiteral(" —")));
    CHECK_FALSE(text.contains(QStringLiteral(" us")));
}

TEST_CASE("the best bandwidth is written with its unit, durations in µs", "[sweep]")
{
    test::clearSettings();
    MainWindow w;
    test::showAt(w);
    SimConfig c = smallConfig();
    w.applyConfig(c, QStringLiteral("small"));
    SweepView* sweep = openSweep(w);
    chooseParameter(sweep, SweepParameter::Bandwidth);
    typeValues(sweep, QStringLiteral("1Gbit,10Gbit"));
    runToEnd(sweep);
    const std::optional<size_t> best = sweep->bestPoint();
    REQUIRE(best);
    const SimConfig& b = sweep->job()->results().points[*best].config;
    const QString text = sweep->findChild<QLabel*>(QStringLiteral("sweepBest"))->text();
    INFO(text.toStdString());
    CHECK(text.contains(QStringLiteral("Bandwidth = ") + UnitField::formatBandwidth(b.bandwidth) + QStringLiteral(" —")));
    CHECK((b.bandwidth == 125e6 || b.bandwidth == 1250e6));
    CHECK_FALSE(text.contains(QStringLiteral(" us")));
}

TEST_CASE("switching between charts and map: the status and the best point describe the page shown", "[sweep]")
{
    test::clearSettings();
    MainWindow w;
    test::showAt(w);
    w.applyConfig(smallConfig(), QStringLiteral("small"));
    SweepView* sweep = openSweep(w);
    chooseParameter(sweep, SweepParameter::ChunkSize);
    typeValues(sweep, QStringLiteral("64,256,1K"));
    runToEnd(sweep);
    auto* status = sweep->findChild<QLabel*>(QStringLiteral("sweepStatus"));
    auto* bestLabel = sweep->findChild<QLabel*>(QStringLiteral("sweepBest"));
    const QString sweepStatus = status->text();
    const QString sweepBest = bestLabel->text();
    CHECK(sweepStatus.startsWith(QStringLiteral("3 runs")));
    CHECK(sweepBest.startsWith(QStringLiteral("Best by")));

    auto* toggle = sweep->findChild<QToolButton*>(QStringLiteral("sweepMapMode"));
    REQUIRE(toggle);
    QTest::mouseClick(toggle, Qt::LeftButton);
    REQUIRE(sweep->mapMode());
    // An empty map: no runs, no best point above it.
    CHECK(sweep->mapSvg().isEmpty());
    CHECK(status->text() == QStringLiteral("no map yet"));
    CHECK(bestLabel->text().isEmpty());
    CHECK_FALSE(sweep->bestPoint());

    // Back to the charts: the sweep they show, described again.
    QTest::mouseClick(toggle, Qt::LeftButton);
    REQUIRE_FALSE(sweep->mapMode());
    CHECK(status->text() == sweepStatus);
    CHECK(bestLabel->text() == sweepBest);

    // A map run, then the charts: they do not show the map's runs, and say so.
    QTest::mouseClick(toggle, Qt::LeftButton);
    typeValues(sweep, QStringLiteral("1Gbit,10Gbit"));
    sweep->findChild<QLineEdit*>(QStringLiteral("sweepMapChunks"))->setText(QStringLiteral("64K,1M"));
    runToEnd(sweep);
    CHECK_FALSE(sweep->mapSvg().isEmpty());
    CHECK(status->text().startsWith(QStringLiteral("4 runs")));
    QTest::mouseClick(toggle, Qt::LeftButton);
    CHECK(status->text() == QStringLiteral("no sweep yet"));
    CHECK(bestLabel->text().isEmpty());
    for (QAbstractSeries* series : sweep->chartView(SweepView::Figure::WireBytes)->chart()->series()) {
        CHECK(static_cast<QXYSeries*>(series)->count() == 0);
    }
}

TEST_CASE("the sweep view exports what bitmig sweep prints on the same parameters", "[sweep]")
{
    test::clearSettings();
    MainWindow w;
    test::showAt(w);
    w.applyConfig(smallConfig(), QStringLiteral("small"));
    SweepView* sweep = openSweep(w);
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString scenario = dir.filePath(QStringLiteral("window.json"));
    REQUIRE(w.saveScenario(scenario));

    struct Case {
        SweepParameter parameter;
        QString values;
        QStringList cli;
    };
    const std::vector<Case> cases{
        {SweepParameter::ChunkSize,
         QStringLiteral("16,64,256,1K,4K,64K"),
         {QStringLiteral("--chunks"), QStringLiteral("16,64,256,1K,4K,64K")}},
        {SweepParameter::Bandwidth,
         QStringLiteral("100Mbit,1Gbit,10Gbit"),
         {QStringLiteral("--chunks"), QStringLiteral("1M"), QStringLiteral("--vary"),
          QStringLiteral("bandwidth=100Mbit,1Gbit,10Gbit")}},
        {SweepParameter::MigrationStart,
         QStringLiteral("0,500ms,2s"),
         {QStringLiteral("--chunks"), QStringLiteral("1M"), QStringLiteral("--vary"),
          QStringLiteral("start-at=0,500ms,2s")}},
    };
    for (const Case& c : cases) {
        chooseParameter(sweep, c.parameter);
        typeValues(sweep, c.values);
        runToEnd(sweep);
        for (const QString& format : {QStringLiteral("csv"), QStringLiteral("json")}) {
            const QString path = dir.filePath(QStringLiteral("sweep.") + format);
            REQUIRE(sweep->exportTo(path).isEmpty());
            int exitCode = -1;
            const QStringList args = QStringList{QStringLiteral("sweep"), QStringLiteral("--scenario"),
                                                 scenario, QStringLiteral("--format"), format} +
                                     c.cli;
            const QByteArray cli = cliSweep(args, &exitCode);
            INFO(args.join(QLatin1Char(' ')).toStdString());
            CHECK(exitCode == 0);
            CHECK(readFile(path) == cli);
        }
    }
    // The charts as images.
    const QString png = dir.filePath(QStringLiteral("sweep.png"));
    const QString svg = dir.filePath(QStringLiteral("sweep.svg"));
    REQUIRE(sweep->exportTo(png).isEmpty());
    REQUIRE(sweep->exportTo(svg).isEmpty());
    CHECK(QImage(png).size() == sweep->chartsWidget()->size() * sweep->chartsWidget()->devicePixelRatioF());
    CHECK(readFile(svg).contains("<svg"));
    CHECK(sweep->exportTo(dir.filePath(QStringLiteral("sweep.txt")))
              .endsWith(QStringLiteral("use a .csv, .json, .png or .svg file name")));
}

TEST_CASE("the sweep view refuses values it cannot read, naming them", "[sweep]")
{
    test::clearSettings();
    MainWindow w;
    test::showAt(w);
    SweepView* sweep = openSweep(w);
    chooseParameter(sweep, SweepParameter::Bandwidth);
    typeValues(sweep, QStringLiteral("1Gbit,fast"));
    QTest::mouseClick(button(sweep, "sweepRun"), Qt::LeftButton);
    CHECK_FALSE(sweep->job()->running());
    auto* error = sweep->findChild<QLabel*>(QStringLiteral("sweepError"));
    CHECK(error->isVisible());
    CHECK(error->text().startsWith(QStringLiteral("Values: fast: ")));
    chooseParameter(sweep, SweepParameter::ChunkSize);
    typeValues(sweep, QStringLiteral("3K"));
    QString why;
    CHECK_FALSE(sweep->run(&why));
    CHECK(why == QStringLiteral("Values: 3K: '3K' is not a power of two from 1 B to 1 MiB"));
}

TEST_CASE("the convergence map in the window is the map bitmig sweep --map draws", "[sweep]")
{
    test::clearSettings();
    MainWindow w;
    test::showAt(w);
    // A busy guest and a short limit: slow links or small chunks stop converging within 5 passes.
    SimConfig c = smallConfig();
    c.diskBytes = uint64_t(1) << 40;
    c.workload.rate = 200000;
    c.maxDowntimeNs = 30'000'000;
    c.maxPasses = 5;
    c.bandwidth = 1e9 / 8;
    w.applyConfig(c, QStringLiteral("busy"));
    SweepView* sweep = openSweep(w);
    QTest::mouseClick(sweep->findChild<QToolButton*>(QStringLiteral("sweepMapMode")), Qt::LeftButton);
    REQUIRE(sweep->mapMode());
    CHECK(sweep->parameter() == SweepParameter::Bandwidth);
    CHECK(sweep->mapWidget()->isVisible());
    CHECK_FALSE(sweep->chartsWidget()->isVisible());
    auto* chunks = sweep->findChild<QLineEdit*>(QStringLiteral("sweepMapChunks"));
    REQUIRE(chunks->isVisible());
    chunks->setFocus();
    QTest::keyClick(chunks, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(chunks, QStringLiteral("1,64,1K,64K,1M"));
    typeValues(sweep, QStringLiteral("100Mbit,500Mbit,1Gbit,10Gbit"));
    runToEnd(sweep);
    const SweepResults& results = sweep->job()->results();
    REQUIRE(results.points.size() == 20);
    int converged = 0;
    for (const SweepPoint& p : results.points) {
        REQUIRE(p.ran);
        converged += p.summary.converged;
    }
    // Both sides of the boundary are on the map.
    REQUIRE(converged > 0);
    REQUIRE(converged < 20);
    const QByteArray svg = sweep->mapSvg();
    CHECK(svg.count("<path d=\"M") ==
          20 - converged + 1);      // a cross per run that did not converge, the boundary
    CHECK(svg.contains("<circle")); // the current configuration (1 MiB, 1 Gbit) is on it

    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString scenario = dir.filePath(QStringLiteral("busy.json"));
    REQUIRE(w.saveScenario(scenario));
    const QString mine = dir.filePath(QStringLiteral("window.svg"));
    REQUIRE(sweep->exportTo(mine).isEmpty());
    CHECK(readFile(mine) == svg);
    const QString cliMap = dir.filePath(QStringLiteral("cli.svg"));
    int exitCode = -1;
    const QByteArray csv =
        cliSweep({QStringLiteral("sweep"), QStringLiteral("--scenario"), scenario, QStringLiteral("--chunks"),
                  QStringLiteral("1,64,1K,64K,1M"), QStringLiteral("--vary"),
                  QStringLiteral("bandwidth=100Mbit,500Mbit,1Gbit,10Gbit"), QStringLiteral("--map"), cliMap,
                  QStringLiteral("--format"), QStringLiteral("csv")},
                 &exitCode);
    CHECK(exitCode == 0);
    CHECK(readFile(cliMap) == svg);
    const QString mineCsv = dir.filePath(QStringLiteral("window.csv"));
    REQUIRE(sweep->exportTo(mineCsv).isEmpty());
    CHECK(readFile(mineCsv) == csv);
    const QString png = dir.filePath(QStringLiteral("map.png"));
    REQUIRE(sweep->exportTo(png).isEmpty());
    CHECK_FALSE(QImage(png).isNull());

    // Back to the charts.
    QTest::mouseClick(sweep->findChild<QToolButton*>(QStringLiteral("sweepMapMode")), Qt::LeftButton);
    CHECK_FALSE(sweep->mapMode());
    CHECK(sweep->chartsWidget()->isVisible());
}

TEST_CASE("a click on a cell of the convergence map runs that point in the window", "[sweep]")
{
    test::clearSettings();
    MainWindow w;
    test::showAt(w);
    w.applyConfig(smallConfig(), QStringLiteral("small"));
    SweepView* sweep = openSweep(w);
    sweep->setMapMode(true);
    auto* chunks = sweep->findChild<QLineEdit*>(QStringLiteral("sweepMapChunks"));
    chunks->setFocus();
    QTest::keyClick(chunks, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(chunks, QStringLiteral("256,4K,1M"));
    typeValues(sweep, QStringLiteral("100Mbit,1Gbit"));
    runToEnd(sweep);
    REQUIRE(sweep->job()->results().points.size() == 6);
    // Point 1: 4 KiB at 100 Mbit/s (the first value, the bottom row).
    const QPoint at = sweep->mapPointPosition(1);
    REQUIRE(sweep->mapWidget()->rect().contains(at));
    QTest::mouseClick(sweep->mapWidget(), Qt::LeftButton, {}, at);
    SimConfig expected = smallConfig();
    expected.chunkBytes = 4096;
    expected.bandwidth = 100e6 / 8;
    REQUIRE(test::waitUntil([&] { return w.controller()->config() == expected; }, "the map cell's configuration in the window"));
    CHECK(w.playAction()->isChecked());
    // Outside the cells: nothing happens.
    QTest::mouseClick(sweep->mapWidget(), Qt::LeftButton, {}, QPoint(1, 1));
    QTest::qWait(50);
    CHECK(w.controller()->config() == expected);
}

namespace {

// The tick labels an axis of a chart draws, without its title.
QStringList tickLabels(QChartView* view, Qt::Orientation orientation)
{
    QChart* chart = view->chart();
    const QList<QAbstractAxis*> axes = chart->axes(orientation);
    REQUIRE(axes.size() == 1);
    const QString title = axes.front()->titleText();
    const QRectF plot = chart->mapToScene(chart->plotArea()).boundingRect();
    QStringList out;
    for (QGraphicsItem* item : view->scene()->items()) {
        auto* text = dynamic_cast<QGraphicsTextItem*>(item);
        if (!text || !text->isVisible() || text->toPlainText().isEmpty() || text->toPlainText() == title) {
            continue;
        }
        bool seriesName = false;  // the legend's
        for (QAbstractSeries* series : chart->series()) {
            seriesName |= series->name() == text->toPlainText();
        }
        if (seriesName) {
            continue;
        }
        const QRectF box = text->sceneBoundingRect();
        // x labels stand below the plot area, y labels left of it.
        const bool below = box.top() >= plot.bottom() - 1 && box.center().x() >= plot.left() - box.width() &&
                           box.center().x() <= plot.right() + box.width();
        const bool left = box.right() <= plot.left() + 1 && box.center().y() >= plot.top() - box.height() &&
                          box.center().y() <= plot.bottom() + box.height();
        if (orientation == Qt::Horizontal ? below : left) {
            out << text->toPlainText();
        }
    }
    return out;
}

bool isDurationTick(const QString& t)
{
    static const QRegularExpression re(QStringLiteral("^(0|[0-9]+(\\.[0-9]+)? (ns|\u00b5s|ms|s))$"));
    return re.match(t).hasMatch();
}

} // namespace

TEST_CASE("the time axes are labelled in time units, counts as whole grouped numbers, titles without a unit the ticks carry", "[sweep]")
{
    test::clearSettings();
    MainWindow w;
    test::showAt(w);
    w.applyConfig(smallConfig(), QStringLiteral("small"));
    SweepView* sweep = openSweep(w);

    struct Case {
        SweepParameter parameter;
        QString values;
        QString title;
    };
    for (const Case& c : {Case{SweepParameter::MaxDowntime, QStringLiteral("10ms,30ms,100ms,300ms,1s"), QStringLiteral("downtime limit")},
                          Case{SweepParameter::MigrationStart, QStringLiteral("0,500ms,2s,5s"), QStringLiteral("migration start")}}) {
        chooseParameter(sweep, c.parameter);
        typeValues(sweep, c.values);
        runToEnd(sweep);
        QApplication::processEvents();
        for (int f = 0; f < 6; ++f) {
            QChartView* view = sweep->chartView(SweepView::Figure(f));
            view->viewport()->repaint();
            const QStringList x = tickLabels(view, Qt::Horizontal);
            INFO("chart " << f << " x: " << x.join(QStringLiteral(" | ")).toStdString());
            CHECK(view->chart()->axes(Qt::Horizontal).front()->titleText() == c.title);
            CHECK(x.size() >= 3);
            CHECK(x.size() <= 7);
            for (const QString& t : x) {
                CHECK(isDurationTick(t));
            }
        }
    }
    // The downtime and the total time in time units too; their titles name no unit.
    for (const SweepView::Figure f : {SweepView::Figure::Downtime, SweepView::Figure::TotalTime}) {
        QChartView* view = sweep->chartView(f);
        const QStringList y = tickLabels(view, Qt::Vertical);
        INFO("y: " << y.join(QStringLiteral(" | ")).toStdString());
        CHECK(y.size() >= 2);
        for (const QString& t : y) {
            CHECK(isDurationTick(t));
        }
        CHECK_FALSE(view->chart()->title().contains(QLatin1Char('(')));
    }

    // Chunk sizes: the axis title names no unit, the ticks do ("64 KiB"). A slow link: thousands
    // of chunks sent again.
    SimConfig slow = smallConfig();
    slow.bandwidth = 10e6 / 8;
    w.applyConfig(slow, QStringLiteral("slow"));
    chooseParameter(sweep, SweepParameter::ChunkSize);
    typeValues(sweep, QStringLiteral("1,4,16,64,256"));
    runToEnd(sweep);
    QApplication::processEvents();
    QChartView* resent = sweep->chartView(SweepView::Figure::ResentChunks);
    resent->viewport()->repaint();
    CHECK(resent->chart()->axes(Qt::Horizontal).front()->titleText() == QStringLiteral("chunk size"));
    double most = 0;
    for (const SweepPoint& p : sweep->job()->results().points) {
        most = std::max(most, SweepView::figureValue(SweepView::Figure::ResentChunks, p));
    }
    REQUIRE(most >= 1000); // the ticks reach thousands: grouped, not "2.66e+03"
    for (const SweepView::Figure f : {SweepView::Figure::ResentChunks, SweepView::Figure::DirtyPasses}) {
        QChartView* view = sweep->chartView(f);
        view->viewport()->repaint();
        const QStringList y = tickLabels(view, Qt::Vertical);
        INFO("y: " << y.join(QStringLiteral(" | ")).toStdString());
        CHECK(y.size() >= 2);
        static const QRegularExpression whole(QStringLiteral("^[0-9]{1,3}(,[0-9]{3})*$"));
        for (const QString& t : y) {
            CHECK(whole.match(t).hasMatch());
        }
    }
    const QStringList y = tickLabels(resent, Qt::Vertical);
    CHECK(std::any_of(y.begin(), y.end(), [](const QString& t) { return t.contains(QLatin1Char(',')); }));
}

TEST_CASE("Export is enabled only on a page that shows runs, and says why not", "[sweep]")
{
    test::clearSettings();
    MainWindow w;
    test::showAt(w);
    w.applyConfig(smallConfig(), QStringLiteral("small"));
    SweepView* sweep = openSweep(w);
    QPushButton* exportButton = button(sweep, "sweepExport");
    CHECK_FALSE(exportButton->isEnabled());
    CHECK(exportButton->toolTip().contains(QStringLiteral("no sweep yet")));
    chooseParameter(sweep, SweepParameter::ChunkSize);
    typeValues(sweep, QStringLiteral("64K,1M"));
    runToEnd(sweep);
    CHECK(exportButton->isEnabled());

    // The convergence map page, empty: nothing to export there.
    auto* toggle = sweep->findChild<QToolButton*>(QStringLiteral("sweepMapMode"));
    QTest::mouseClick(toggle, Qt::LeftButton);
    REQUIRE(sweep->mapMode());
    CHECK_FALSE(exportButton->isEnabled());
    CHECK(exportButton->toolTip().contains(QStringLiteral("no convergence map yet")));
    QTemporaryDir dir;
    CHECK(sweep->exportTo(dir.filePath(QStringLiteral("map.png"))).endsWith(QStringLiteral("no map to export")));
    CHECK_FALSE(QFile::exists(dir.filePath(QStringLiteral("map.png"))));

    // Back to the charts: their sweep exports again; a map drawn: the map page exports.
    QTest::mouseClick(toggle, Qt::LeftButton);
    CHECK(exportButton->isEnabled());
    QTest::mouseClick(toggle, Qt::LeftButton);
    typeValues(sweep, QStringLiteral("1Gbit,10Gbit"));
    sweep->findChild<QLineEdit*>(QStringLiteral("sweepMapChunks"))->setText(QStringLiteral("64K,1M"));
    runToEnd(sweep);
    CHECK(exportButton->isEnabled());
    QTest::mouseClick(toggle, Qt::LeftButton);
    CHECK_FALSE(exportButton->isEnabled());  // the charts do not show the map's runs
}

TEST_CASE("the wire bytes and overhead axes tick at round numbers", "[sweep]")
{
    test::clearSettings();
    MainWindow w;
    test::showAt(w);
    SimConfig slow = smallConfig();
    slow.bandwidth = 10e6 / 8;  // wire bytes and overhead spread over hundreds
    w.applyConfig(slow, QStringLiteral("slow"));
    SweepView* sweep = openSweep(w);
    chooseParameter(sweep, SweepParameter::ChunkSize);
    typeValues(sweep, QStringLiteral("1,4,16,64,256,1K"));
    runToEnd(sweep);
    QApplication::processEvents();
    const QLocale locale;
    for (const SweepView::Figure f : {SweepView::Figure::WireBytes, SweepView::Figure::Overhead}) {
        QChartView* view = sweep->chartView(f);
        view->viewport()->repaint();
        const QStringList y = tickLabels(view, Qt::Vertical);
        INFO("chart " << int(f) << " y: " << y.join(QStringLiteral(" | ")).toStdString());
        REQUIRE(y.size() >= 3);
        std::vector<double> values;
        for (const QString& t : y) {
            bool ok = false;
            values.push_back(locale.toDouble(t, &ok));
            CHECK(ok);
        }
        std::sort(values.begin(), values.end());
        CHECK(values.front() == 0);
        // Evenly spaced by 1, 2 or 5 times a power of ten: a reader can interpolate between them.
        const double step = values[1] - values[0];
        const double mantissa = step / std::pow(10.0, std::floor(std::log10(step)));
        CHECK((std::abs(mantissa - 1) < 1e-9 || std::abs(mantissa - 2) < 1e-9 || std::abs(mantissa - 5) < 1e-9));
        for (size_t i = 1; i < values.size(); ++i) {
            CHECK(std::abs(values[i] - values[i - 1] - step) < 1e-9 * std::max(1.0, step));
        }
    }
}

TEST_CASE("in Russian, the sweep view writes durations with the Russian units, as the main window does", "[sweep][i18n]")
{
    test::clearSettings();
    MainWindow w;
    test::showAt(w);
    REQUIRE(w.setLanguage(QStringLiteral("ru")));
    w.applyConfig(smallConfig(), QStringLiteral("small"));
    SweepView* sweep = openSweep(w);
    chooseParameter(sweep, SweepParameter::MaxDowntime);
    typeValues(sweep, QStringLiteral("10ms,30ms,100ms,300ms,1s"));
    runToEnd(sweep);
    QApplication::processEvents();

    // An English unit after a number: "29.25 ms", "1.5 s".
    static const QRegularExpression english(QStringLiteral("[0-9] (ms|s)\\b"));
    const QString ms = QString::fromUtf8(" мс");
    const QString best = sweep->findChild<QLabel*>(QStringLiteral("sweepBest"))->text();
    INFO(best.toStdString());
    CHECK_FALSE(english.match(best).hasMatch());
    CHECK(best.contains(ms));
    for (const SweepView::Figure f : {SweepView::Figure::Downtime, SweepView::Figure::TotalTime}) {
        QChartView* view = sweep->chartView(f);
        view->viewport()->repaint();
        const QStringList x = tickLabels(view, Qt::Horizontal);
        const QStringList y = tickLabels(view, Qt::Vertical);
        INFO("x: " << x.join(QStringLiteral(" | ")).toStdString() << "; y: " << y.join(QStringLiteral(" | ")).toStdString());
        CHECK(x.size() >= 3);
        CHECK(std::none_of(x.begin(), x.end(), [](const QString& t) { return english.match(t).hasMatch(); }));
        CHECK(std::none_of(y.begin(), y.end(), [](const QString& t) { return english.match(t).hasMatch(); }));
        CHECK(std::any_of(x.begin(), x.end(), [&ms](const QString& t) { return t.endsWith(ms); }));
    }
}

TEST_CASE("durations read the same in English, German and Russian, rounded and exact", "[sweep][i18n]")
{
    // As the sweep view writes its figures (units::formatDurationParts) and its time ticks
    // (UnitField::formatDurationParts): the language's decimal point and unit symbol.
    const auto rounded = [](int64_t ns) {
        const units::DurationParts parts = units::formatDurationParts(ns);
        return ChartScales::duration(QString::fromStdString(parts.number), parts.unit);
    };
    const auto exact = [](int64_t ns) {
        const UnitField::DurationParts parts = UnitField::formatDurationParts(ns);
        return ChartScales::duration(parts.number, parts.unit);
    };
    struct Expected {
        const char* code;
        std::vector<const char*> rounded, exact;  // for each of `values`
    };
    const std::vector<int64_t> values{0, 7, 1'500, 250'000, 29'253'000, 1'500'000'000, -1'500'000'000};
    // English last: setLanguage("en") does nothing while English is the language already (a new
    // LanguageManager starts in it), so English comes after the others to be switched to.
    const Expected languages[] = {
        {"de",
         {"0 ns", "7 ns", "1,5 µs", "250 µs", "29,25 ms", "1,5 s", "-1,5 s"},
         {"0 s", "7 ns", "1,5 µs", "250 µs", "29253 µs", "1,5 s", "-1500000000 ns"}},
        {"ru",
         {"0 нс", "7 нс", "1,5 мкс", "250 мкс", "29,25 мс", "1,5 с", "-1,5 с"},
         {"0 с", "7 нс", "1,5 мкс", "250 мкс", "29253 мкс", "1,5 с", "-1500000000 нс"}},
        {"en",
         {"0 ns", "7 ns", "1.5 µs", "250 µs", "29.25 ms", "1.5 s", "-1.5 s"},
         {"0 s", "7 ns", "1.5 µs", "250 µs", "29253 µs", "1.5 s", "-1500000000 ns"}},
    };
    LanguageManager manager;
    for (const Expected& language : languages) {
        REQUIRE(manager.setLanguage(QString::fromLatin1(language.code)));
        for (size_t i = 0; i < values.size(); ++i) {
            INFO(language.code << ", " << values[i] << " ns");
            CHECK(rounded(values[i]) == QString::fromUtf8(language.rounded[i]));
            CHECK(exact(values[i]) == QString::fromUtf8(language.exact[i]));
        }
    }
    // In English the text is the formatters' own.
    for (const int64_t ns : values) {
        CHECK(rounded(ns) == QString::fromStdString(units::formatDuration(ns)));
        CHECK(exact(ns) == UnitField::formatDuration(ns));
    }
}
