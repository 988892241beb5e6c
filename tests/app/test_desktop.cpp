// What desktop users expect: languages, export, settings, theme, scenario files, help, keyboard.
#include "app/howitworkspanel.h"
#include "app/languagemanager.h"
#include "app/mainwindow.h"
#include "app/qcow2importdialog.h"
#include "app/recentfiles.h"
#include "app/shortcutsdialog.h"
#include "tests/support/qtwait.h"
#include "tests/support/simulation.h"
#include "widgets/chartdata.h"
#include "widgets/chartmodel.h"
#include "widgets/heatmapview.h"
#include "widgets/migrationcharts.h"
#include "widgets/parameterspanel.h"
#include "widgets/summarypanel.h"
#include "widgets/workloadpanel.h"
#include "windowtestutil.h"

#include <QAbstractButton>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QTimer>
#include <QRadioButton>
#include <QChart>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenuBar>
#include <QPainter>
#include <QProcess>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSvgRenderer>
#include <QTableView>
#include <QTemporaryDir>
#include <QUndoStack>

#include <catch2/catch.hpp>

using namespace bitmig;
using namespace bitmig::test;

namespace {

QStringList menuTitles(const MainWindow& w)
{
    QStringList out;
    for (QAction* a : w.menuBar()->actions()) {
        out << a->text();
    }
    return out;
}

QStringList actionTexts(const MainWindow& w)
{
    QStringList out;
    for (QAction* a : w.allActions()) {
        out << a->text();
    }
    return out;
}

void runToDirtyPhase(MainWindow& w)
{
    SimConfig cfg = smallConfig();
    cfg.migrationStartNs = 0;
    cfg.bandwidth = 1e5;  // the 128 KiB bitmap takes a second or two of simulated time
    w.resize(1400, 900);
    w.show();
    w.controller()->setConfig(cfg);
    w.setSpeed(50);
    w.controller()->setPlaying(true);
    waitFor(*w.controller(), [](const SimSnapshot& s) { return s.finished; }, 60000);
    w.controller()->setPlaying(false);
}

} // namespace

TEST_CASE("German and Russian translate the whole window at run time", "[desktop][i18n]")
{
    clearSettings();
    MainWindow w;
    showAt(w);
    const QStringList english = menuTitles(w);
    REQUIRE(english.contains(QStringLiteral("&File")));
    const QStringList englishActions = actionTexts(w);
    waitFor(*w.controller(), [](const SimSnapshot& s) { return s.serial > 0; });
    w.controller()->setPlaying(true);  // the guest writes through every language switch

    for (const QString& code : {QStringLiteral("de"), QStringLiteral("ru")}) {
        INFO(code.toStdString());
        REQUIRE(w.setLanguage(code));
        CHECK(w.language() == code);
        const QStringList titles = menuTitles(w);
        REQUIRE(titles.size() == english.size());
        // Each menu shows its translation, and the translations differ from the source text (German
        // "Simulation" is the one word both languages share).
        int differing = 0;
        for (int i = 0; i < titles.size(); ++i) {
            const QByteArray source = english.at(i).toUtf8();
            CHECK(titles.at(i) == QCoreApplication::translate("bitmig::MainWindow", source.constData()));
            differing += titles.at(i) != english.at(i);
        }
        CHECK(differing >= titles.size() - 1);
        // Actions: the same ones, in the same order, and nearly all of them translated (names such
        // as "Deutsch", presets and recent files stay as they are).
        const QStringList actions = actionTexts(w);
        REQUIRE(actions.size() == englishActions.size());
        int changed = 0;
        for (int i = 0; i < actions.size(); ++i) {
            changed += actions.at(i) != englishActions.at(i);
        }
        CHECK(changed * 10 >= actions.size() * 6);
        for (QDockWidget* d : w.findChildren<QDockWidget*>()) {
            CHECK(d->windowTitle() != QStringLiteral("Parameters"));
            CHECK(d->windowTitle() != QStringLiteral("Workload"));
        }
        if (code == QLatin1String("ru")) {
            // Cyrillic in the menus.
            CHECK(titles.first().contains(QRegularExpression(QStringLiteral("[\\x{0400}-\\x{04FF}]"))));
        }
        // The run goes on: the same controller keeps publishing to the same views.
        const uint64_t serial = w.controller()->snapshot()->serial;
        auto later = waitFor(*w.controller(), [serial](const SimSnapshot& s) { return s.serial > serial; }, 5000);
        CHECK(later->serial > serial);
    }
    REQUIRE(w.setLanguage(QStringLiteral("en")));
    w.controller()->setPlaying(false);
    CHECK(menuTitles(w) == english);
    CHECK_FALSE(w.setLanguage(QStringLiteral("xx")));
}

TEST_CASE("the seed table shows its columns whole in every language", "[desktop][i18n]")
{
    clearSettings();
    for (const QString& code : {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("ru")}) {
        INFO(code.toStdString());
        // As `bitmig-lab --lang` starts: the language is chosen before the window first shows.
        MainWindow w;
        w.setSettingsEnabled(false);
        REQUIRE(w.setLanguage(code));
        w.resize(1400, 900);
        w.show();
        REQUIRE(QTest::qWaitForWindowExposed(&w));
        QTest::qWait(50);  // the docks are laid out
        auto* parameters = w.findChild<ParametersPanel*>();
        REQUIRE(parameters);
        const auto tables = parameters->findChildren<QTableView*>();
        REQUIRE(tables.size() == 1);
        QTableView* table = tables.first();
        REQUIRE(table->isVisible());
        REQUIRE(table->model()->rowCount() > 0);
        // Every column is as wide as its header and its widest cell want, and together they fit
        // the table's viewport: nothing is cut off, nothing needs a horizontal scroll bar.
        int columns = 0;
        for (int c = 0; c < table->model()->columnCount(); ++c) {
            const QAbstractItemView* view = table;
            CHECK(table->columnWidth(c) >= view->sizeHintForColumn(c));
            CHECK(table->columnWidth(c) >= table->horizontalHeader()->sectionSizeHint(c));
            columns += table->columnWidth(c);
        }
        CHECK(columns <= table->viewport()->width());
        // The dock shows the whole panel's width.
        auto* scroll = qobject_cast<QScrollArea*>(parameters->parentWidget()->parentWidget());
        REQUIRE(scroll);
        CHECK(scroll->horizontalScrollBar()->maximum() == 0);
        CHECK(parameters->width() >= parameters->minimumSizeHint().width());

        // A huge disk at the finest granularity: the chunk counts grow to twelve digits, the
        // table widens, and the dock follows instead of scrolling sideways.
        SimConfig huge = parameters->config();
        huge.diskBytes = uint64_t(1) << 50;
        huge.granularity = 512;
        parameters->setConfig(huge);
        QTest::qWait(50);
        int wide = 0;
        for (int c = 0; c < table->model()->columnCount(); ++c) {
            wide += table->columnWidth(c);
        }
        CHECK(wide > columns);
        CHECK(wide <= table->viewport()->width());
        CHECK(scroll->horizontalScrollBar()->maximum() == 0);
    }
}

TEST_CASE("a language switch keeps the run with its charts and the undo history", "[desktop][i18n]")
{
    clearSettings();
    MainWindow w;
    w.setSettingsEnabled(false);
    runToDirtyPhase(w);
    const auto before = w.chartModel()->points(ChartKind::Throughput, 0);
    REQUIRE(before.size() > 3);
    SimConfig edited = w.controller()->config();
    edited.chunkBytes = 4096;
    w.applyConfig(edited, QStringLiteral("chunk"));
    REQUIRE(w.undoStack()->count() == 1);
    waitFor(*w.controller(), [](const SimSnapshot& s) { return s.config->chunkBytes == 4096; });
    w.controller()->setPlaying(true);
    waitFor(*w.controller(), [](const SimSnapshot& s) { return s.newSamples.size() > 0 && s.nowNs > 200'000'000; });
    w.controller()->setPlaying(false);
    const auto run = w.chartModel()->points(ChartKind::Throughput, 0);
    REQUIRE_FALSE(run.isEmpty());

    REQUIRE(w.setLanguage(QStringLiteral("de")));
    CHECK(w.chartModel()->points(ChartKind::Throughput, 0) == run);
    CHECK(w.undoStack()->count() == 1);
    CHECK(w.parameters()->config().chunkBytes == 4096);
    w.undoStack()->undo();
    CHECK(w.controller()->config().chunkBytes == 1024);
    REQUIRE(w.setLanguage(QStringLiteral("en")));
}

TEST_CASE("chart data and the summary export and re-import", "[desktop][export]")
{
    clearSettings();
    MainWindow w;
    w.setSettingsEnabled(false);
    runToDirtyPhase(w);
    QTemporaryDir dir;

    // CSV round trip: the same series, point for point.
    const QString csv = dir.filePath(QStringLiteral("charts.csv"));
    REQUIRE(w.exportChartData(csv).isEmpty());
    QFile f(csv);
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QList<ChartSeriesData> back = ChartData::fromCsv(f.readAll(), csv);
    const QList<ChartSeriesData> shown = w.chartData();
    REQUIRE(shown.size() == 8);
    // A series with no points has no rows: compare the non-empty ones.
    QList<ChartSeriesData> nonEmpty;
    for (const auto& s : shown) {
        if (!s.points.isEmpty()) {
            nonEmpty << s;
        }
    }
    REQUIRE(nonEmpty.size() >= 6);
    CHECK(back == nonEmpty);

    // JSON of the chart data and the summary parse, and carry the verification.
    const QString json = dir.filePath(QStringLiteral("summary.json"));
    REQUIRE(w.exportSummary(json).isEmpty());
    QFile j(json);
    REQUIRE(j.open(QIODevice::ReadOnly));
    const QJsonObject summary = QJsonDocument::fromJson(j.readAll()).object();
    REQUIRE(summary.contains(QStringLiteral("summary")));
    CHECK(summary.value(QStringLiteral("summary")).toObject().value(QStringLiteral("verified")).toBool());
    const QString summaryCsv = dir.filePath(QStringLiteral("summary.csv"));
    REQUIRE(w.exportSummary(summaryCsv).isEmpty());
    QFile sc(summaryCsv);
    REQUIRE(sc.open(QIODevice::ReadOnly));
    const QString table = QString::fromUtf8(sc.readAll());
    CHECK(table.startsWith(QStringLiteral("key,value\n")));
    CHECK(table.contains(QStringLiteral("\nsummary.verified,true\n")));
    CHECK(table.contains(QStringLiteral("\nsummary.lostBits,0\n")));

    // Views as SVG (renders, has the widget's size) and PNG (device pixels).
    const QString svg = dir.filePath(QStringLiteral("heatmaps.svg"));
    REQUIRE(w.exportView(w.heatmap(), svg, QStringLiteral("Heatmaps")).isEmpty());
    QSvgRenderer renderer(svg);
    REQUIRE(renderer.isValid());
    CHECK(renderer.viewBox().size() == w.heatmap()->size());
    QImage rendered(renderer.defaultSize(), QImage::Format_ARGB32);
    rendered.fill(Qt::transparent);
    {
        QPainter p(&rendered);
        renderer.render(&p);
    }
    QSet<QRgb> colours;
    for (int y = 0; y < rendered.height(); y += 5) {
        for (int x = 0; x < rendered.width(); x += 5) {
            colours.insert(rendered.pixel(x, y));
        }
    }
    CHECK(colours.size() > 5);
    // And in a renderer that is not Qt's: librsvg (installed by run.sh) turns it into a PNG of the
    // same size.
    {
        const QString fromRsvg = dir.filePath(QStringLiteral("heatmaps-rsvg.png"));
        QProcess rsvg;
        rsvg.start(QStringLiteral("rsvg-convert"), {QStringLiteral("-o"), fromRsvg, svg});
        REQUIRE(rsvg.waitForStarted(10000));
        REQUIRE(rsvg.waitForFinished(60000));
        INFO(QString::fromLocal8Bit(rsvg.readAllStandardError()).toStdString());
        CHECK(rsvg.exitCode() == 0);
        const QImage other(fromRsvg);
        REQUIRE_FALSE(other.isNull());
        INFO("rsvg " << other.width() << "x" << other.height() << ", widget " << w.heatmap()->width() << "x"
                     << w.heatmap()->height());
        // (Sizes travel in millimetres, which librsvg rounds up to whole pixels.)
        CHECK(std::abs(other.width() - w.heatmap()->width()) <= 1);
        CHECK(std::abs(other.height() - w.heatmap()->height()) <= 1);
    }
    const QString png = dir.filePath(QStringLiteral("chart.png"));
    QWidget* chartView = w.charts()->chart(ChartKind::Pending)->scene()->views().first();
    REQUIRE(w.exportView(chartView, png, QStringLiteral("Pending")).isEmpty());
    const QImage image(png);
    REQUIRE_FALSE(image.isNull());
    CHECK(image.width() == qRound(chartView->width() * chartView->devicePixelRatioF()));

    // Bad names are refused with the file's name; nothing is written.
    const QString wrong = dir.filePath(QStringLiteral("charts.txt"));
    CHECK(w.exportChartData(wrong).contains(wrong));
    CHECK_FALSE(QFile::exists(wrong));
    CHECK(w.exportView(w.heatmap(), dir.filePath(QStringLiteral("x.bmp")), QString()).contains(QStringLiteral(".png")));
}

TEST_CASE("a malformed chart CSV names the line and the reason", "[desktop][export]")
{
    const QByteArray good = "chart,series,unit,seconds,value\npending,Pending,bytes,0.5,100\n";
    CHECK(ChartData::fromCsv(good, QStringLiteral("x.csv")).size() == 1);
    try {
        ChartData::fromCsv("chart,series,unit,seconds,value\npending,Pending,bytes,abc,1\n", QStringLiteral("x.csv"));
        FAIL("no error");
    } catch (const ChartDataError& e) {
        CHECK(QString::fromUtf8(e.what()) == QStringLiteral("x.csv:2: seconds 'abc' is not a number"));
    }
    CHECK_THROWS_AS(ChartData::fromCsv("a,b\n", QStringLiteral("x.csv")), ChartDataError);
    CHECK_THROWS_AS(ChartData::fromCsv("chart,series,unit,seconds,value\n\"open,1,2,3,4\n", QStringLiteral("x.csv")),
                    ChartDataError);
    // Quoted fields with commas survive.
    ChartSeriesData s{QStringLiteral("c"), QStringLiteral("a, \"b\""), QStringLiteral("%"), {QPointF(1, 2)}};
    CHECK(ChartData::fromCsv(ChartData::toCsv({s}), QStringLiteral("q.csv")) == QList<ChartSeriesData>{s});
    // So do line breaks inside a quoted field; an error after one names the line the record starts on.
    ChartSeriesData multi{QStringLiteral("c"), QStringLiteral("two\nlines"), QStringLiteral("%"),
                          {QPointF(1, 2), QPointF(3, 4)}};
    CHECK(ChartData::fromCsv(ChartData::toCsv({multi}), QStringLiteral("m.csv")) == QList<ChartSeriesData>{multi});
    try {
        ChartData::fromCsv("chart,series,unit,seconds,value\nc,\"x\ny\",%,1,oops\n", QStringLiteral("m.csv"));
        FAIL("no error");
    } catch (const ChartDataError& e) {
        CHECK(QString::fromUtf8(e.what()) == QStringLiteral("m.csv:2: value 'oops' is not a number"));
    }
}

TEST_CASE("settings survive a restart", "[desktop][settings]")
{
    clearSettings();
    QTemporaryDir dir;
    const QString scenarioPath = dir.filePath(QStringLiteral("mine.json"));
    SimConfig cfg = smallConfig();
    cfg.chunkBytes = 256;
    cfg.seed = 4242;
    QByteArray closedGeometry;
    {
        MainWindow w;
        w.show();
        w.controller()->setConfig(cfg);
        w.setSpeed(12.5);
        w.setTheme(ThemeManager::Theme::Dark);
        REQUIRE(w.setLanguage(QStringLiteral("de")));
        REQUIRE(w.saveScenario(scenarioPath));
        // The dock layout: the workload dock closed.
        w.findChild<QDockWidget*>(QStringLiteral("workloadDock"))->close();
        closedGeometry = w.saveGeometry();
        w.close();  // writes the settings
    }
    {
        MainWindow w;
        w.restoreSettings();
        CHECK(w.controller()->config() == cfg);
        CHECK(w.controller()->speed() == Approx(12.5));
        CHECK(w.theme() == ThemeManager::Theme::Dark);
        CHECK(ThemeManager::isDark(QApplication::palette()));
        CHECK(w.language() == QStringLiteral("de"));
        CHECK(w.recentFiles()->files().value(0) == QFileInfo(scenarioPath).absoluteFilePath());
        w.show();
        // (The offscreen screen is smaller than the window, so Qt fits the restored geometry to it;
        // what is stored is what the window had.)
        CHECK(QSettings().value(QStringLiteral("window/geometry")).toByteArray() == closedGeometry);
        CHECK(w.findChild<QDockWidget*>(QStringLiteral("workloadDock"))->isHidden());
        CHECK_FALSE(w.findChild<QDockWidget*>(QStringLiteral("parametersDock"))->isHidden());
        w.setSettingsEnabled(false);
        w.setTheme(ThemeManager::Theme::System);
        REQUIRE(w.setLanguage(QStringLiteral("en")));
    }
    CHECK_FALSE(ThemeManager::isDark(QApplication::palette()));
    clearSettings();
}

TEST_CASE("a scenario without a description: the banner names it, with no dash leading to nothing", "[desktop][scenario]")
{
    clearSettings();
    MainWindow w;
    w.setSettingsEnabled(false);
    w.show();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sweep.json"));
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(R"({"format": "bitmig-scenario", "version": 1, "disk": "64G"})");
    f.close();
    REQUIRE(w.openScenario(path));
    QLabel* banner = nullptr;
    for (QLabel* l : w.findChildren<QLabel*>()) {
        if (l->accessibleName() == QStringLiteral("Scenario")) {
            banner = l;
        }
    }
    REQUIRE(banner);
    CHECK(banner->isVisible());
    CHECK(banner->text() == QStringLiteral("<b>sweep</b>"));
    // With a description, both.
    Scenario named;
    named.name = QStringLiteral("Busy guest");
    named.description = QStringLiteral("writes & rewrites");
    named.config = w.controller()->config();
    w.applyScenario(named);
    CHECK(banner->text() == QStringLiteral("<b>Busy guest</b> &mdash; writes &amp; rewrites"));
}

TEST_CASE("scenario files open and save and report bad keys", "[desktop][scenario]")
{
    clearSettings();
    MainWindow w;
    w.setSettingsEnabled(false);
    w.show();
    QTemporaryDir dir;
    SimConfig cfg = smallConfig();
    cfg.chunkBytes = 2048;
    w.controller()->setConfig(cfg);
    const QString path = dir.filePath(QStringLiteral("saved.json"));
    REQUIRE(w.saveScenario(path));
    w.controller()->setConfig(smallConfig());
    REQUIRE(w.openScenario(path));
    CHECK(w.controller()->config() == cfg);
    CHECK(w.currentScenario().name == QStringLiteral("saved"));
    CHECK(w.undoStack()->count() == 1);  // loading is one undoable edit
    w.undoStack()->undo();
    CHECK(w.controller()->config().chunkBytes == smallConfig().chunkBytes);

    QFile bad(dir.filePath(QStringLiteral("bad.json")));
    REQUIRE(bad.open(QIODevice::WriteOnly));
    QByteArray json = QFile(path).exists() ? [&] {
        QFile in(path);
        in.open(QIODevice::ReadOnly);
        return in.readAll();
    }()
                                           : QByteArray();
    REQUIRE(json.contains("\"chunk\": \"2K\""));
    json.replace("\"chunk\": \"2K\"", "\"chunk\": \"3K\"");
    bad.write(json);
    bad.close();
    QString error;
    const SimConfig kept = w.controller()->config();
    CHECK_FALSE(w.openScenario(bad.fileName(), &error));
    CHECK(error.contains(QStringLiteral("bad.json")));
    CHECK(error.contains(QStringLiteral("chunk")));
    CHECK(w.controller()->config() == kept);
    CHECK_FALSE(w.openScenario(dir.filePath(QStringLiteral("missing.json")), &error));
    CHECK(error.contains(QStringLiteral("missing.json")));
}

TEST_CASE("every preset loads from the File menu with its description", "[desktop][scenario]")
{
    clearSettings();
    MainWindow w;
    w.setSettingsEnabled(false);
    const QList<Scenario> presets = ScenarioFile::presets();
    REQUIRE(presets.size() >= 6);
    int found = 0;
    for (QAction* a : w.allActions()) {
        for (const Scenario& p : presets) {
            if (a->text() == p.name) {
                CHECK(a->statusTip() == p.description);
                a->trigger();
                CHECK(w.controller()->config() == p.config);
                CHECK(w.currentScenario().description == p.description);
                ++found;
            }
        }
    }
    CHECK(found == presets.size());
}

TEST_CASE("keyboard: the shortcut reference lists the window's actions", "[desktop][keyboard]")
{
    MainWindow w;
    w.setSettingsEnabled(false);
    const auto rows = ShortcutsDialog::rows(w.allActions());
    CHECK(rows.size() >= 15);
    bool play = false;
    for (const auto& [text, keys] : rows) {
        if (text == QStringLiteral("Play or pause")) {
            play = keys == QKeySequence(Qt::Key_Space).toString(QKeySequence::NativeText);
        }
    }
    CHECK(play);
    ShortcutsDialog dialog(w.allActions());
    CHECK(dialog.rowCount() == rows.size());
    // Every menu has a mnemonic, so every action is reachable from the keyboard.
    for (const QString& title : menuTitles(w)) {
        CHECK(title.contains(QLatin1Char('&')));
    }
}

TEST_CASE("keyboard: the shortcut reference names Undo, Redo and Play by stable names, not their current texts", "[desktop][keyboard]")
{
    MainWindow w;
    w.setSettingsEnabled(false);
    QAction* undo = nullptr;
    QAction* redo = nullptr;
    QAction* play = nullptr;
    for (QAction* a : w.allActions()) {
        if (a->shortcuts().contains(QKeySequence(QKeySequence::Undo))) {
            undo = a;
        } else if (a->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Y))) {
            redo = a;
        } else if (a->shortcuts().contains(QKeySequence(Qt::Key_Space))) {
            play = a;
        }
    }
    REQUIRE(undo);
    REQUIRE(redo);
    REQUIRE(play);
    const auto keysOf = [](QAction* a) {
        QStringList keys;
        for (const QKeySequence& k : a->shortcuts()) {
            keys << k.toString(QKeySequence::NativeText);
        }
        return keys.join(QStringLiteral(", "));
    };
    // A command on the stack, undone: both texts name it; the list names the actions.
    w.undoStack()->push(new QUndoCommand(QStringLiteral("Load Never converges")));
    w.undoStack()->undo();
    w.undoStack()->redo();
    w.undoStack()->push(new QUndoCommand(QStringLiteral("Set chunk size")));
    w.undoStack()->undo();
    INFO(undo->text().toStdString() << " / " << redo->text().toStdString());
    REQUIRE(undo->text().contains(QStringLiteral("Load Never converges")));
    REQUIRE(redo->text().contains(QStringLiteral("Set chunk size")));
    // Playing: its text is "Pause".
    play->trigger();
    REQUIRE(test::waitUntil([play] { return play->text().remove(QLatin1Char('&')) == QStringLiteral("Pause"); },
                            "the play action says Pause"));
    const auto rows = ShortcutsDialog::rows(w.allActions());
    CHECK(rows.contains(qMakePair(QStringLiteral("Undo"), keysOf(undo))));
    CHECK(rows.contains(qMakePair(QStringLiteral("Redo"), keysOf(redo))));
    CHECK(rows.contains(qMakePair(QStringLiteral("Play or pause"), keysOf(play))));
    for (const auto& [name, keys] : rows) {
        CHECK_FALSE(name.contains(QStringLiteral("Load Never converges")));
        CHECK_FALSE(name.contains(QStringLiteral("Set chunk size")));
        CHECK(name != QStringLiteral("Pause"));
    }
    // The dialog shows the same rows.
    ShortcutsDialog dialog(w.allActions());
    CHECK(dialog.sectionRows(QString()) == rows);
}

TEST_CASE("every control has an accessible name", "[desktop][a11y]")
{
    MainWindow w;
    w.setSettingsEnabled(false);
    w.show();
    QStringList unnamed;
    auto check = [&](QWidget* c) {
        if (!c->isVisibleTo(&w)) {
            return;
        }
        QString name = c->accessibleName();
        if (auto* b = qobject_cast<QAbstractButton*>(c); b && name.isEmpty()) {
            name = b->text().isEmpty() ? b->toolTip() : b->text();
        }
        if (name.isEmpty() && !qobject_cast<QAbstractButton*>(c)) {
            // A field labelled by its form row (QLabel::setBuddy) is announced by that label.
            for (QLabel* l : w.findChildren<QLabel*>()) {
                if (l->buddy() == c) {
                    name = l->text();
                }
            }
        }
        if (name.isEmpty()) {
            unnamed << QString::fromLatin1(c->metaObject()->className()) + QLatin1Char(' ') + c->objectName();
        }
    };
    for (QWidget* c : w.findChildren<QAbstractSlider*>()) {
        if (!c->inherits("QScrollBar")) {
            check(c);
        }
    }
    for (QWidget* c : w.findChildren<QAbstractSpinBox*>()) {
        check(c);
    }
    for (QWidget* c : w.findChildren<QComboBox*>()) {
        check(c);
    }
    for (QWidget* c : w.findChildren<QAbstractButton*>()) {
        check(c);
    }
    INFO(unnamed.join(QStringLiteral(", ")).toStdString());
    CHECK(unnamed.isEmpty());
}

TEST_CASE("the dark theme repaints the views dark and the light theme light", "[desktop][theme]")
{
    MainWindow w;
    showAt(w, 1200, 800);
    waitFor(*w.controller(), [](const SimSnapshot& s) { return s.serial > 0; });
    auto meanLightness = [](const QImage& image) {
        qint64 sum = 0, n = 0;
        for (int y = 0; y < image.height(); y += 4) {
            for (int x = 0; x < image.width(); x += 4) {
                sum += QColor(image.pixel(x, y)).lightness();
                ++n;
            }
        }
        return double(sum) / double(n);
    };
    w.setTheme(ThemeManager::Theme::Dark);
    QCoreApplication::processEvents();
    const double dark = meanLightness(w.grab().toImage());
    w.setTheme(ThemeManager::Theme::Light);
    QCoreApplication::processEvents();
    const double light = meanLightness(w.grab().toImage());
    CHECK(dark < 110);
    CHECK(light > 150);
    w.setTheme(ThemeManager::Theme::System);
}

TEST_CASE("the help panel follows the live phase through the guided run", "[desktop][help]")
{
    MainWindow w;
    w.setSettingsEnabled(false);
    w.show();
    HowItWorksPanel* help = w.howItWorks();
    REQUIRE(help);
    emit help->guidedRunRequested();
    CHECK(w.controller()->isPlaying());
    w.setSpeed(5);
    QStringList seen;
    waitFor(
        *w.controller(),
        [&](const SimSnapshot& s) {
            const QString now = help->currentSection();
            if (!now.isEmpty() && !seen.contains(now)) {
                seen << now;
            }
            return s.finished;
        },
        60000);
    w.controller()->setPlaying(false);
    CHECK(seen.contains(QStringLiteral("bulk")));
    CHECK(seen.contains(QStringLiteral("done")));
    CHECK(help->text().contains(QStringLiteral("Done and verified")));
}

TEST_CASE("a qcow2 image's bitmap imports with the extents qemu-io wrote", "[desktop][qcow2]")
{
    MainWindow w;
    w.setSettingsEnabled(false);
    w.show();
    QTemporaryDir dir;
    const QString image = dir.filePath(QStringLiteral("disk.qcow2"));
    auto run = [](const QString& program, const QStringList& args) {
        QProcess p;
        p.start(program, args);
        INFO(program.toStdString() << " " << args.join(QLatin1Char(' ')).toStdString());
        REQUIRE(p.waitForStarted(10000));  // qemu-utils is installed by run.sh
        REQUIRE(p.waitForFinished(60000));
        INFO(QString::fromLocal8Bit(p.readAllStandardError()).toStdString());
        REQUIRE(p.exitCode() == 0);
    };
    run(QStringLiteral("qemu-img"), {QStringLiteral("create"), QStringLiteral("-q"), QStringLiteral("-f"),
                                     QStringLiteral("qcow2"), image, QStringLiteral("256M")});
    run(QStringLiteral("qemu-img"), {QStringLiteral("bitmap"), QStringLiteral("--add"), QStringLiteral("-g"),
                                     QStringLiteral("128K"), image, QStringLiteral("b0")});
    // 64 KiB at 1 MiB dirties one 128 KiB granule (8); 300 KiB at 10340 KiB spans granules 80 to 83.
    run(QStringLiteral("qemu-io"), {QStringLiteral("-c"), QStringLiteral("write 1M 64K"), QStringLiteral("-c"),
                                    QStringLiteral("write 10340K 300K"), image});

    SimConfig before = w.controller()->config();
    before.migrationStartNs = -1;
    before.workload.kind = WorkloadKind::Idle;
    w.controller()->setConfig(before);
    QString error;
    REQUIRE(w.importQcow2(image, QString(), &error));
    CHECK(error.isEmpty());
    const SimConfig& imported = w.controller()->config();
    CHECK(imported.diskBytes == uint64_t(256) << 20);
    CHECK(imported.granularity == uint64_t(128) << 10);
    REQUIRE(imported.injections.size() == 2);
    CHECK(imported.injections[0].offset == uint64_t(1) << 20);
    CHECK(imported.injections[0].length == uint64_t(128) << 10);
    CHECK(imported.injections[1].offset == uint64_t(10240) << 10);
    CHECK(imported.injections[1].length == uint64_t(512) << 10);
    w.controller()->setPlaying(true);
    auto shown = waitFor(*w.controller(), [](const SimSnapshot& s) { return s.dirtyBits >= 5; });
    w.controller()->setPlaying(false);
    CHECK(shown->dirtyBits == 5);
    CHECK(w.currentScenario().name.contains(QStringLiteral("b0")));
    CHECK(w.undoStack()->canUndo());

    // A missing bitmap name and a file that is no image: errors naming the file, nothing changed.
    const SimConfig kept = w.controller()->config();
    CHECK_FALSE(w.importQcow2(image, QStringLiteral("nope"), &error));
    CHECK(error.contains(QStringLiteral("nope")));
    QFile junk(dir.filePath(QStringLiteral("junk.qcow2")));
    REQUIRE(junk.open(QIODevice::WriteOnly));
    junk.write(QByteArray(4096, 'x'));
    junk.close();
    CHECK_FALSE(w.importQcow2(junk.fileName(), QString(), &error));
    CHECK(error.contains(QStringLiteral("junk.qcow2")));
    CHECK(w.controller()->config() == kept);
}

TEST_CASE("an image with several bitmaps: importing without a name asks in the import dialog", "[desktop][qcow2]")
{
    MainWindow w;
    w.setSettingsEnabled(false);
    w.show();
    QTemporaryDir dir;
    const QString image = dir.filePath(QStringLiteral("two.qcow2"));
    for (const QStringList& args :
         {QStringList{QStringLiteral("create"), QStringLiteral("-q"), QStringLiteral("-f"), QStringLiteral("qcow2"),
                      image, QStringLiteral("64M")},
          QStringList{QStringLiteral("bitmap"), QStringLiteral("--add"), QStringLiteral("-g"), QStringLiteral("128K"), image,
                      QStringLiteral("b0")},
          QStringList{QStringLiteral("bitmap"), QStringLiteral("--add"), QStringLiteral("-g"), QStringLiteral("64K"), image,
                      QStringLiteral("b1")}}) {
        QProcess p;
        p.start(QStringLiteral("qemu-img"), args);
        REQUIRE(p.waitForStarted(10000));  // qemu-utils is installed by run.sh
        REQUIRE(p.waitForFinished(60000));
        REQUIRE(p.exitCode() == 0);
    }
    SimConfig before = w.controller()->config();
    before.workload.kind = WorkloadKind::Uniform;
    w.controller()->setConfig(before);

    // The dialog File > Import bitmap uses, its workload choice as the caller asked: the second
    // bitmap picked with the keyboard, Enter.
    bool sawDialog = false, keepPreset = false;
    QTimer::singleShot(0, [&] {
        QWidget* modal = QApplication::activeModalWidget();
        auto* dialog = qobject_cast<Qcow2ImportDialog*>(modal);
        if (!dialog) {
            if (modal) {
                QMetaObject::invokeMethod(modal, "reject", Qt::QueuedConnection);  // another picker
            }
            return;
        }
        sawDialog = true;
        keepPreset = dialog->keepButton()->isChecked();
        dialog->bitmapBox()->setFocus();
        QTest::keyClick(dialog->bitmapBox(), Qt::Key_Down);
        QTest::keyClick(dialog, Qt::Key_Return);
    });
    QString error;
    const bool imported = w.importQcow2(image, QString(), &error, MainWindow::ImportWorkload::Keep);
    REQUIRE(sawDialog);
    CHECK(keepPreset);
    REQUIRE(imported);
    CHECK(w.controller()->config().granularity == uint64_t(64) << 10);  // b1
    CHECK(w.controller()->config().workload.kind == WorkloadKind::Uniform);
    CHECK(w.currentScenario().name.contains(QStringLiteral("b1")));
}

TEST_CASE("a qcow2 bitmap name with control characters is shown escaped in the window", "[desktop][qcow2]")
{
    MainWindow w;
    w.setSettingsEnabled(false);
    w.show();
    QTemporaryDir dir;
    const QString image = dir.filePath(QStringLiteral("crafted.qcow2"));
    const QString crafted = QStringLiteral("dr\x1b[31mive\nFAKE: line");
    for (const QStringList& args :
         {QStringList{QStringLiteral("create"), QStringLiteral("-q"), QStringLiteral("-f"), QStringLiteral("qcow2"),
                      image, QStringLiteral("64M")},
          QStringList{QStringLiteral("bitmap"), QStringLiteral("--add"), image, crafted}}) {
        QProcess p;
        p.start(QStringLiteral("qemu-img"), args);
        REQUIRE(p.waitForStarted(10000));  // qemu-utils is installed by run.sh
        REQUIRE(p.waitForFinished(60000));
        REQUIRE(p.exitCode() == 0);
    }
    QString error;
    REQUIRE(w.importQcow2(image, QString(), &error));  // the one bitmap, found by its stored name
    const QString name = w.currentScenario().name;
    CHECK(name.contains(QStringLiteral("dr\\x1b[31mive\\x0aFAKE: line")));
    CHECK_FALSE(name.contains(QChar(0x1b)));
    CHECK_FALSE(name.contains(QLatin1Char('\n')));

    CHECK_FALSE(w.importQcow2(image, QStringLiteral("no\x1b[2Jpe"), &error));
    CHECK(error.contains(QStringLiteral("no\\x1b[2Jpe")));
    CHECK_FALSE(error.contains(QChar(0x1b)));
}

TEST_CASE("a recorded trace replays from the workload panel", "[desktop][trace]")
{
    MainWindow w;
    w.setSettingsEnabled(false);
    w.show();
    SimConfig cfg = smallConfig();  // 64 KiB granularity
    cfg.workload.kind = WorkloadKind::Idle;
    w.controller()->setConfig(cfg);
    waitFor(*w.controller(), [](const SimSnapshot& s) { return s.serial > 0; });
    QTemporaryDir dir;
    QFile csv(dir.filePath(QStringLiteral("writes.csv")));
    REQUIRE(csv.open(QIODevice::WriteOnly));
    // Three writes: granule 16, granules 160..161, and granule 1600 after 20 ms.
    csv.write("time,offset,length,operation\n"
              "0.001,1048576,4096,write\n"
              "0.002,10485760,131072,write\n"
              "0.020,104857600,512,write\n");
    csv.close();
    QString error;
    REQUIRE(w.loadTrace(csv.fileName(), &error));
    CHECK(w.controller()->config().workload.trace.active());
    CHECK(w.workloadPanel()->workload().trace.active());
    w.controller()->setPlaying(true);
    auto replayed = waitFor(*w.controller(), [](const SimSnapshot& s) { return s.dirtyBits >= 4; });
    w.controller()->setPlaying(false);
    CHECK(replayed->dirtyBits == 4);

    QFile bad(dir.filePath(QStringLiteral("bad.csv")));
    REQUIRE(bad.open(QIODevice::WriteOnly));
    bad.write("time,offset,length,operation\n0.001,abc,4096,write\n");
    bad.close();
    CHECK_FALSE(w.loadTrace(bad.fileName(), &error));
    CHECK(error.contains(QStringLiteral("bad.csv:2")));
    CHECK(error.contains(QStringLiteral("abc")));
}

TEST_CASE("an installed translation is preferred to the compiled-in one", "[desktop][i18n]")
{
    const QString dir = LanguageManager::installedDirectory();
    REQUIRE_FALSE(QFileInfo::exists(dir));  // the build tree has none
    REQUIRE(QDir().mkpath(dir));
    const QString installed = QDir(dir).filePath(QStringLiteral("bitmig_de.qm"));
    REQUIRE(QFile::copy(QStringLiteral(":/i18n/bitmig_de.qm"), installed));
    {
        LanguageManager languages;
        REQUIRE(languages.setLanguage(QStringLiteral("de")));
        CHECK(languages.loadedFrom() == installed);
        CHECK(QCoreApplication::translate("bitmig::MainWindow", "&File") != QStringLiteral("&File"));
        REQUIRE(languages.setLanguage(QStringLiteral("ru")));  // none installed: the compiled-in one
        CHECK(languages.loadedFrom() == QStringLiteral(":/i18n/bitmig_ru.qm"));
        REQUIRE(languages.setLanguage(QStringLiteral("en")));  // English's plurals, none installed
        CHECK(languages.loadedFrom() == QStringLiteral(":/i18n/bitmig_en.qm"));
    }
    QDir(dir).removeRecursively();
    QDir().rmpath(QFileInfo(dir).path());
}

TEST_CASE("English counts read '1 extent', '2 extents': from the start, after another language, and installed",
          "[desktop][i18n]")
{
    const auto count = [](const char* context, const char* text, int n) {
        return QCoreApplication::translate(context, text, nullptr, n);
    };
    const auto checkEnglish = [&] {
        CHECK(count("bitmig::LiveWindow", "%Ln extents", 1) == QStringLiteral("1 extent"));
        CHECK(count("bitmig::LiveWindow", "%Ln extents", 2) == QStringLiteral("2 extents"));
        CHECK(count("bitmig::LiveWindow", "%Ln round trips", 1) == QStringLiteral("1 round trip"));
        CHECK(count("bitmig::LiveWindow", "%Ln requests", 2) == QStringLiteral("2 requests"));
        CHECK(count("ScenarioFile", "%n passes", 1) == QStringLiteral("1 pass"));
        CHECK(count("ScenarioFile", "%n passes", 2) == QStringLiteral("2 passes"));
        // A text without a count is the source, as English has no other file.
        CHECK(count("bitmig::MainWindow", "&File", 1) == QStringLiteral("&File"));
    };
    {
        // The window starts in English without being told: nothing saved, the tests' C locale.
        test::clearSettings();
        MainWindow w;
        REQUIRE(w.language() == QStringLiteral("en"));
        checkEnglish();
        REQUIRE(w.setLanguage(QStringLiteral("de")));
        CHECK(count("bitmig::LiveWindow", "%Ln extents", 1) != QStringLiteral("1 extent"));
        REQUIRE(w.setLanguage(QStringLiteral("en")));
        checkEnglish();
    }
    // An installed English file is preferred, as the other languages' are.
    const QString dir = LanguageManager::installedDirectory();
    REQUIRE_FALSE(QFileInfo::exists(dir));
    REQUIRE(QDir().mkpath(dir));
    const QString installed = QDir(dir).filePath(QStringLiteral("bitmig_en.qm"));
    REQUIRE(QFile::copy(QStringLiteral(":/i18n/bitmig_en.qm"), installed));
    {
        LanguageManager languages;
        CHECK(languages.current() == QStringLiteral("en"));
        CHECK(languages.loadedFrom() == installed);
        checkEnglish();
    }
    QDir(dir).removeRecursively();
    QDir().rmpath(QFileInfo(dir).path());
}

TEST_CASE("English writes numbers as English does from the start, as after a switch back, whatever the "
          "locale before", "[desktop][i18n]")
{
    // A system (or an earlier window) in Russian: decimal commas.
    QLocale::setDefault(QLocale(QLocale::Russian, QLocale::Russia));
    REQUIRE(QLocale().toString(1.5, 'f', 1) == QStringLiteral("1,5"));
    test::clearSettings();
    {
        MainWindow w;
        REQUIRE(w.language() == QStringLiteral("en"));
        CHECK(QLocale().toString(1.5, 'f', 1) == QStringLiteral("1.5"));
        REQUIRE(w.setLanguage(QStringLiteral("ru")));
        CHECK(QLocale().toString(1.5, 'f', 1) == QStringLiteral("1,5"));
        REQUIRE(w.setLanguage(QStringLiteral("en")));
        CHECK(QLocale().toString(1.5, 'f', 1) == QStringLiteral("1.5"));
    }
    QLocale::setDefault(QLocale::c());
}
