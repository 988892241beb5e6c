#include "mainwindow.h"

#include "chartdata.h"
#include "datasize.h"

#include <bitmig/dirtyextents.h>
#include <bitmig/qcow2image.h>
#include <bitmig/tracereader.h>
#include "cli/summaryjson.h"
#include "explanationpanel.h"
#include "framestats.h"
#include "heatmapview.h"
#include "howitworkspanel.h"
#include "languagemanager.h"
#include "migrationcharts.h"
#include "parameterspanel.h"
#include "phasestrip.h"
#include "recentfiles.h"
#include "shortcutsdialog.h"
#include "simulationcontroller.h"
#include "summarypanel.h"
#include "undocommands.h"
#include "viewexporter.h"
#include "workloadpanel.h"
#include "zoomstack.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QClipboard>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QGraphicsScene>
#include <QInputDialog>
#include <QJsonDocument>
#include <QKeySequence>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScrollArea>
#include <QSettings>
#include <QSlider>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

#include <cmath>

namespace bitmig {

namespace {

// Speed slider: log scale, 0.1x at 0 to 1000x at 400.
constexpr int kSpeedSteps = 400;
int speedToSlider(double speed)
{
    return int(std::lround((std::log10(speed) + 1) / 4 * kSpeedSteps));
}
double sliderToSpeed(int value)
{
    return std::pow(10.0, double(value) / kSpeedSteps * 4 - 1);
}

// A run that shows every phase within seconds: a 4 TiB disk whose 8 MiB bitmap takes over a second
// to cross a 50 Mbit/s link while the guest keeps writing, and a 50 ms downtime limit that takes a
// few dirty passes to meet.
SimConfig demonstrationConfig()
{
    SimConfig c;
    c.diskBytes = uint64_t(4) << 40;
    c.bandwidth = 50e6 / 8;
    c.maxDowntimeNs = 50'000'000;
    c.migrationStartNs = 2'000'000'000;
    c.workload.kind = WorkloadKind::Uniform;
    c.workload.rate = 4000;
    return c;
}

QWidget* chartViewOf(QChart* chart)
{
    if (chart && chart->scene() && !chart->scene()->views().isEmpty()) {
        return chart->scene()->views().first();
    }
    return nullptr;
}


} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("MainWindow"));
    controller_ = new SimulationController(this);
    undo_ = new QUndoStack(this);
    frameStats_ = new FrameStats(this);
    languages_ = new LanguageManager(this);
    themes_ = new ThemeManager(this);

    // Connections that outlive a rebuild: they only touch members that buildUi() sets again.
    connect(controller_, &SimulationController::snapshotChanged, this, &MainWindow::onSnapshot);
    connect(controller_, &SimulationController::failed, this, [this](const QString& m) { showHint(m, 10000); });
    connect(controller_, &SimulationController::injectionDone, this, [this](quint64, bool undoable) {
        if (!undoable) {
            undo_->clear();
            showHint(tr("That stroke changed too much to be undone; the undo history was cleared."));
        }
    });

    recent_ = new RecentFiles(this);
    recent_->setPersistent(settingsEnabled_);
    connect(recent_, &RecentFiles::openRequested, this, [this](const QString& path) { openScenario(path); });

    buildUi();

    const SimConfig initial = demonstrationConfig();
    controller_->setConfig(initial);
    setSpeed(1);
    resize(1400, 900);
}

MainWindow::~MainWindow() = default;

void MainWindow::buildUi()
{
    // What the views showed, to carry into the new build.
    const QByteArray dockState = ui_ ? saveState(kStateVersion) : QByteArray();
    std::unique_ptr<MigrationCharts> oldCharts;
    uint64_t zoomFirst = 0, zoomEnd = 0;
    HeatmapView::Tool tool = HeatmapView::Tool::Pan;
    bool showDestination = true;
    if (ui_) {
        zoomFirst = heatmap_->zoomStack()->firstBit();
        zoomEnd = heatmap_->zoomStack()->endBit();
        tool = heatmap_->tool();
        showDestination = heatmap_->showDestination();
        charts_->setParent(nullptr);
        oldCharts.reset(charts_);
        for (QToolBar* bar : findChildren<QToolBar*>(Qt::FindDirectChildrenOnly)) {
            removeToolBar(bar);
            delete bar;
        }
        qDeleteAll(docks_);
        docks_.clear();
        delete ui_;
    }
    ui_ = new QObject(this);
    setWindowTitle(tr("Bitmap Migration Lab"));

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 4);
    scenarioBanner_ = new QLabel(central);
    scenarioBanner_->setWordWrap(true);
    scenarioBanner_->setAccessibleName(tr("Scenario"));
    scenarioBanner_->setVisible(false);
    phaseStrip_ = new PhaseStrip(central);
    explanation_ = new ExplanationPanel(central);
    heatmap_ = new HeatmapView(central);
    charts_ = new MigrationCharts(central);
    auto* splitter = new QSplitter(Qt::Vertical, central);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(heatmap_);
    splitter->addWidget(charts_);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(scenarioBanner_);
    layout->addWidget(phaseStrip_);
    layout->addWidget(explanation_);
    layout->addWidget(splitter, 1);
    setCentralWidget(central);  // deletes the previous build's central widget
    frameStats_->watch(heatmap_);
    frameStats_->watch(charts_);
    frameStats_->watch(phaseStrip_);

    createActions();
    setMenuBar(new QMenuBar(this));
    createMenus();
    createToolBar();
    createDocks();
    createStatusBar();
    connectViews();

    if (oldCharts) {
        charts_->adoptHistory(*oldCharts);
        oldCharts.reset();
        restoreState(dockState, kStateVersion);
    }
    heatmap_->setShowDestination(showDestination);
    showDestinationAction_->setChecked(showDestination);
    heatmap_->setTool(tool);
    (tool == HeatmapView::Tool::Brush ? brushTool_ : tool == HeatmapView::Tool::Zoom ? zoomTool_ : panTool_)
        ->setChecked(true);
    parameters_->setConfig(controller_->config());
    // Now that the seed table has its rows: wide enough for its four columns and the chunk
    // controls, and never narrower than the panel's labels and fields need, in any language.
    if (dockState.isEmpty()) {
        resizeDocks({docks_.first()}, {parametersDockWidth() + 10}, Qt::Horizontal);
    }
    fitParametersDock();
    connect(parameters_, &ParametersPanel::preferredWidthChanged, this, &MainWindow::fitParametersDock);
    workload_->setWorkload(controller_->config().workload);
    updateSpeedLabel(controller_->speed());
    {
        const QSignalBlocker block(speedSlider_);
        speedSlider_->setValue(speedToSlider(controller_->speed()));
    }
    updateScenarioBanner();
    if (const SimSnapshotPtr& s = controller_->snapshot()) {
        heatmap_->zoomStack()->setTotalBits(s->geometry.totalBits());
        if (zoomEnd > zoomFirst && zoomEnd <= s->geometry.totalBits()) {
            heatmap_->zoomStack()->zoomTo(zoomFirst, zoomEnd);
        }
        onSnapshot(s);
    }
}

void MainWindow::createActions()
{
    playAction_ = new QAction(controller_->isPlaying() ? tr("&Pause") : tr("&Play"), ui_);
    playAction_->setCheckable(true);
    playAction_->setChecked(controller_->isPlaying());
    playAction_->setShortcut(Qt::Key_Space);
    playAction_->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    playAction_->setStatusTip(tr("Run or pause the simulated clock (Space)"));
    connect(playAction_, &QAction::triggered, controller_, &SimulationController::setPlaying);

    stepAction_ = new QAction(tr("S&tep"), ui_);
    stepAction_->setShortcut(Qt::Key_Period);
    stepAction_->setIcon(style()->standardIcon(QStyle::SP_MediaSeekForward));
    stepAction_->setStatusTip(tr("Advance one tick and pause (.)"));
    connect(stepAction_, &QAction::triggered, this, [this] { controller_->step(1); });

    resetAction_ = new QAction(tr("&Reset"), ui_);
    resetAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    resetAction_->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    resetAction_->setStatusTip(tr("Start the run over with the same parameters (Ctrl+R)"));
    connect(resetAction_, &QAction::triggered, controller_, &SimulationController::reset);

    startAction_ = new QAction(tr("Start &migration"), ui_);
    startAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    startAction_->setStatusTip(tr("Begin migrating the bitmap now (Ctrl+M)"));
    connect(startAction_, &QAction::triggered, this, [this] {
        controller_->startMigration();
        if (!controller_->isPlaying()) {
            controller_->setPlaying(true);
        }
    });

    abortAction_ = new QAction(tr("&Abort (link fault)"), ui_);
    abortAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    abortAction_->setStatusTip(tr("Drop the link: the migration is cancelled and can be retried (Ctrl+K)"));
    abortAction_->setEnabled(false);
    connect(abortAction_, &QAction::triggered, controller_, &SimulationController::abortMigration);

    showDestinationAction_ = new QAction(tr("Show &destination"), ui_);
    showDestinationAction_->setCheckable(true);
    showDestinationAction_->setChecked(true);
    showDestinationAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    showDestinationAction_->setStatusTip(tr("Show the destination bitmap with its differences (Ctrl+D)"));
    connect(showDestinationAction_, &QAction::toggled, heatmap_, &HeatmapView::setShowDestination);

    undoAction_ = undo_->createUndoAction(ui_, tr("&Undo"));
    undoAction_->setShortcut(QKeySequence::Undo);
    redoAction_ = undo_->createRedoAction(ui_, tr("&Redo"));
    redoAction_->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence::Redo});

    toolGroup_ = new QActionGroup(ui_);
    panTool_ = new QAction(tr("&Pan"), toolGroup_);
    panTool_->setShortcut(Qt::Key_H);
    panTool_->setStatusTip(tr("Drag to pan the heatmaps (H)"));
    zoomTool_ = new QAction(tr("&Zoom"), toolGroup_);
    zoomTool_->setShortcut(Qt::Key_Z);
    zoomTool_->setStatusTip(tr("Drag a rectangle to zoom into it (Z)"));
    brushTool_ = new QAction(tr("B&rush"), toolGroup_);
    brushTool_->setShortcut(Qt::Key_B);
    brushTool_->setStatusTip(tr("Click or drag on the bitmap to write there; hold Ctrl to clear (trim) instead (B)"));
    for (QAction* a : {panTool_, zoomTool_, brushTool_}) {
        a->setCheckable(true);
    }
    panTool_->setChecked(true);
    connect(toolGroup_, &QActionGroup::triggered, this, [this](QAction* a) {
        heatmap_->setTool(a == brushTool_  ? HeatmapView::Tool::Brush
                          : a == zoomTool_ ? HeatmapView::Tool::Zoom
                                           : HeatmapView::Tool::Pan);
    });
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open scenario..."), this, &MainWindow::openScenarioDialog);
    open->setShortcut(QKeySequence::Open);
    open->setStatusTip(tr("Load parameters, workload, seed and injections from a scenario file (Ctrl+O)"));
    recent_->setMenu(file->addMenu(tr("Open &recent")));
    QMenu* presets = file->addMenu(tr("&Presets"));
    presets->setToolTipsVisible(true);
    try {
        for (const Scenario& preset : ScenarioFile::presets()) {
            QAction* a = presets->addAction(preset.name, this, [this, preset] { applyScenario(preset); });
            a->setToolTip(preset.description);
            a->setStatusTip(preset.description);
        }
    } catch (const std::exception& e) {
        presets->setEnabled(false);
        showHint(QString::fromStdString(e.what()), 10000);
    }
    QAction* save = file->addAction(tr("&Save scenario as..."), this, &MainWindow::saveScenarioDialog);
    save->setShortcut(QKeySequence::SaveAs);
    save->setStatusTip(tr("Write every parameter, the workload, the seed and the injections to a file"));
    file->addSeparator();
    QAction* import = file->addAction(tr("&Import bitmap from qcow2..."), this, &MainWindow::importQcow2Dialog);
    import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    import->setStatusTip(tr("Load a persistent dirty bitmap from a qcow2 disk image (Ctrl+I)"));
    createExportMenu(file);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(undoAction_);
    edit->addAction(redoAction_);
    edit->addSeparator();
    QAction* copySummary = edit->addAction(tr("Copy &summary"), this, [this] {
        auto* mime = new QMimeData;
        mime->setText(summary_->lines().join(QLatin1Char('\n')));
        mime->setData(QStringLiteral("application/json"), summaryJson());
        QGuiApplication::clipboard()->setMimeData(mime);
        showHint(tr("The run summary is on the clipboard."));
    });
    copySummary->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    edit->addAction(tr("Copy &heatmaps as image"), this, [this] {
        QGuiApplication::clipboard()->setImage(ViewExporter::image(heatmap_));
        showHint(tr("The heatmaps are on the clipboard."));
    });
    edit->addAction(tr("Copy &charts as image"), this, [this] {
        QGuiApplication::clipboard()->setImage(ViewExporter::image(charts_));
        showHint(tr("The charts are on the clipboard."));
    });
    edit->addAction(tr("Copy chart &data (CSV)"), this, [this] {
        QGuiApplication::clipboard()->setText(QString::fromUtf8(ChartData::toCsv(chartData())));
        showHint(tr("The charts' data is on the clipboard as CSV."));
    });

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    ZoomStack* zoom = heatmap_->zoomStack();
    view->addAction(zoom->zoomInAction());
    view->addAction(zoom->zoomOutAction());
    view->addAction(zoom->resetZoomAction());
    view->addAction(zoom->backAction());
    view->addSeparator();
    view->addAction(showDestinationAction_);
    view->addSeparator();
    view->addActions(toolGroup_->actions());
    view->addSeparator();
    QMenu* themeMenu = view->addMenu(tr("&Theme"));
    auto* themeGroup = new QActionGroup(ui_);
    const std::pair<ThemeManager::Theme, QString> themes[] = {
        {ThemeManager::Theme::System, tr("Follow the &system")},
        {ThemeManager::Theme::Light, tr("&Light")},
        {ThemeManager::Theme::Dark, tr("&Dark")},
    };
    for (const auto& [t, label] : themes) {
        QAction* a = themeMenu->addAction(label, this, [this, t = t] { setTheme(t); });
        a->setCheckable(true);
        a->setChecked(themes_->theme() == t);
        a->setData(ThemeManager::key(t));
        themeGroup->addAction(a);
    }

    QMenu* sim = menuBar()->addMenu(tr("&Simulation"));
    sim->addAction(playAction_);
    sim->addAction(stepAction_);
    sim->addAction(resetAction_);
    sim->addSeparator();
    sim->addAction(startAction_);
    sim->addAction(abortAction_);
    sim->addSeparator();
    QAction* faster = sim->addAction(tr("&Faster"), this, [this] { setSpeed(controller_->speed() * 2); });
    faster->setShortcut(QKeySequence(Qt::Key_BracketRight));
    QAction* slower = sim->addAction(tr("&Slower"), this, [this] { setSpeed(controller_->speed() / 2); });
    slower->setShortcut(QKeySequence(Qt::Key_BracketLeft));

    QMenu* language = menuBar()->addMenu(tr("&Language"));
    language->setObjectName(QStringLiteral("languageMenu"));
    auto* languageGroup = new QActionGroup(ui_);
    for (const QString& code : LanguageManager::codes()) {
        QAction* a = language->addAction(LanguageManager::nativeName(code), this, [this, code] {
            // Rebuilding the window from inside one of its menus' handlers would delete the menu
            // that is still delivering the event: do it once the event is done.
            QMetaObject::invokeMethod(this, [this, code] { setLanguage(code); }, Qt::QueuedConnection);
        });
        a->setCheckable(true);
        a->setChecked(languages_->current() == code);
        a->setData(code);
        languageGroup->addAction(a);
    }

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* how = help->addAction(tr("&How migration works"), this, [this] {
        for (QDockWidget* d : std::as_const(docks_)) {
            if (d->widget() && d->findChild<HowItWorksPanel*>()) {
                d->show();
                d->raise();
            }
        }
    });
    how->setShortcut(QKeySequence::HelpContents);
    QAction* keys = help->addAction(tr("&Keyboard shortcuts"), this, &MainWindow::showShortcuts);
    keys->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    help->addSeparator();
    help->addAction(tr("&About Bitmap Migration Lab"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::createExportMenu(QMenu* file)
{
    QMenu* menu = file->addMenu(tr("&Export"));
    const QString images = tr("PNG image (*.png);;SVG drawing (*.svg)");
    const QString data = tr("CSV table (*.csv);;JSON document (*.json)");
    menu->addAction(tr("&Heatmaps..."), this, [this, images] {
        exportDialog(tr("Export the heatmaps"), QStringLiteral("heatmaps"), images,
                     [this](const QString& p) { return exportView(heatmap_, p, tr("Heatmaps")); });
    });
    menu->addAction(tr("All &charts..."), this, [this, images] {
        exportDialog(tr("Export the charts"), QStringLiteral("charts"), images,
                     [this](const QString& p) { return exportView(charts_, p, tr("Charts")); });
    });
    for (int k = 0; k < kChartKindCount; ++k) {
        const auto kind = ChartKind(k);
        const QString title = MigrationCharts::chartTitle(kind);
        menu->addAction(tr("Chart: %1...").arg(title), this, [this, kind, title, images] {
            QWidget* view = chartViewOf(charts_->chart(kind));
            exportDialog(tr("Export the chart %1").arg(title), MainWindow::chartKey(kind), images,
                         [this, view, title](const QString& p) { return exportView(view, p, title); });
        });
    }
    menu->addSeparator();
    menu->addAction(tr("Chart &data..."), this, [this, data] {
        exportDialog(tr("Export the chart data"), QStringLiteral("chart-data"), data,
                     [this](const QString& p) { return exportChartData(p); });
    });
    menu->addAction(tr("Run &summary..."), this, [this, data] {
        exportDialog(tr("Export the run summary"), QStringLiteral("summary"), data,
                     [this](const QString& p) { return exportSummary(p); });
    });
}

void MainWindow::createToolBar()
{
    QToolBar* bar = addToolBar(tr("Simulation"));
    bar->setObjectName(QStringLiteral("simulationToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(playAction_);
    bar->addAction(stepAction_);
    bar->addAction(resetAction_);
    bar->addSeparator();
    bar->addWidget(new QLabel(tr("Speed "), bar));
    speedSlider_ = new QSlider(Qt::Horizontal, bar);
    speedSlider_->setRange(0, kSpeedSteps);
    speedSlider_->setFixedWidth(160);
    speedSlider_->setAccessibleName(tr("Simulation speed"));
    speedSlider_->setToolTip(tr("Simulated seconds per wall second, 0.1x to 1000x ([ and ])"));
    bar->addWidget(speedSlider_);
    speedLabel_ = new QLabel(bar);
    speedLabel_->setMinimumWidth(speedLabel_->fontMetrics().horizontalAdvance(QStringLiteral("1000.0x ")));
    bar->addWidget(speedLabel_);
    connect(speedSlider_, &QSlider::valueChanged, this, [this](int v) { controller_->setSpeed(sliderToSpeed(v)); });
    bar->addSeparator();
    bar->addAction(startAction_);
    bar->addAction(abortAction_);
    bar->addSeparator();
    bar->addActions(toolGroup_->actions());
}

// The parameters panel's width, and the dock's vertical scroll bar beside it.
int MainWindow::parametersDockWidth() const
{
    return parameters_->sizeHint().width() + 30 + style()->pixelMetric(QStyle::PM_ScrollBarExtent);
}

// The parameters dock is never narrower than its panel: the seed table's whole row shows.
void MainWindow::fitParametersDock()
{
    docks_.first()->setMinimumWidth(std::max(400, parametersDockWidth()));
}

void MainWindow::createDocks()
{
    auto addDock = [this](QWidget* content, const QString& title, const QString& name, Qt::DockWidgetArea area) {
        auto* dock = new QDockWidget(title, this);
        dock->setObjectName(name);
        auto* scroll = new QScrollArea(dock);
        scroll->setWidget(content);
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        dock->setWidget(scroll);
        addDockWidget(area, dock);
        docks_.append(dock);
        return dock;
    };
    parameters_ = new ParametersPanel;
    workload_ = new WorkloadPanel;
    summary_ = new SummaryPanel;
    howItWorks_ = new HowItWorksPanel;
    addDock(parameters_, tr("Parameters"), QStringLiteral("parametersDock"), Qt::LeftDockWidgetArea);
    QDockWidget* w = addDock(workload_, tr("Workload"), QStringLiteral("workloadDock"), Qt::LeftDockWidgetArea);
    QDockWidget* s = addDock(summary_, tr("Summary"), QStringLiteral("summaryDock"), Qt::LeftDockWidgetArea);
    QDockWidget* h = addDock(howItWorks_, tr("How migration works"), QStringLiteral("howItWorksDock"),
                             Qt::LeftDockWidgetArea);
    tabifyDockWidget(w, s);
    tabifyDockWidget(s, h);
    w->raise();
    if (QMenu* view = menuBar()->findChild<QMenu*>(QStringLiteral("viewMenu"))) {
        view->addSeparator();
        for (QDockWidget* d : std::as_const(docks_)) {
            view->addAction(d->toggleViewAction());
        }
    }
}

void MainWindow::createStatusBar()
{
    setStatusBar(new QStatusBar(this));
    timeLabel_ = new QLabel(statusBar());
    timeLabel_->setObjectName(QStringLiteral("timeLabel"));
    timeLabel_->setToolTip(tr("Simulated time, and the speed asked for against the speed achieved: a heavy run "
                              "is simulated as fast as this machine and the window keep up"));
    memoryLabel_ = new QLabel(statusBar());
    frameLabel_ = new QLabel(statusBar());
    statusBar()->addPermanentWidget(timeLabel_);
    statusBar()->addPermanentWidget(memoryLabel_);
    statusBar()->addPermanentWidget(frameLabel_);
}

void MainWindow::connectViews()
{
    connect(controller_, &SimulationController::playingChanged, ui_, [this](bool playing) {
        playAction_->setChecked(playing);
        playAction_->setText(playing ? tr("&Pause") : tr("&Play"));
    });
    connect(controller_, &SimulationController::speedChanged, ui_, [this](double s) { updateSpeedLabel(s); });
    connect(controller_, &SimulationController::configChanged, ui_, [this](const SimConfig& c) {
        parameters_->setConfig(c);
        workload_->setWorkload(c.workload);
        if (c != scenario_.config) {
            scenario_.name.clear();
            scenario_.description.clear();
            updateScenarioBanner();
        }
    });
    connect(heatmap_, &HeatmapView::requestChanged, controller_, &SimulationController::setRequest);
    connect(heatmap_, &HeatmapView::brushStroke, this, &MainWindow::onBrush);
    connect(parameters_, &ParametersPanel::configEdited, this,
            [this](const SimConfig& c) { applyConfig(c, tr("Change parameters")); });
    connect(workload_, &WorkloadPanel::workloadEdited, controller_, &SimulationController::setWorkload);
    connect(workload_, &WorkloadPanel::traceFileRequested, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Replay a trace"), QString(),
            tr("Traces (*.log *.iolog *.txt *.csv);;All files (*)"));
        if (!path.isEmpty()) {
            loadTrace(path);
        }
    });
    connect(howItWorks_, &HowItWorksPanel::guidedRunRequested, this, &MainWindow::startGuidedRun);
}

QList<QAction*> MainWindow::allActions() const
{
    QList<QAction*> out;
    std::function<void(QMenu*)> walk = [&](QMenu* menu) {
        for (QAction* a : menu->actions()) {
            if (a->menu()) {
                walk(a->menu());
            } else if (!a->isSeparator() && !out.contains(a)) {
                out.append(a);
            }
        }
    };
    for (QAction* a : menuBar()->actions()) {
        if (a->menu()) {
            walk(a->menu());
        }
    }
    return out;
}

void MainWindow::applyConfig(const SimConfig& config, const QString& what)
{
    const SimConfig before = controller_->config();
    if (before == config) {
        return;
    }
    undo_->push(new ConfigCommand(controller_, before, config, what));
    showHint(tr("Parameters changed: the run starts over."));
}

void MainWindow::applyScenario(const Scenario& scenario)
{
    const QString name = scenario.name.isEmpty() ? tr("scenario") : scenario.name;
    scenario_ = scenario;
    if (controller_->config() == scenario.config) {
        controller_->reset();
    } else {
        undo_->push(new ConfigCommand(controller_, controller_->config(), scenario.config, tr("Load %1").arg(name)));
    }
    scenario_ = scenario;  // configChanged() cleared it while the command applied the config
    updateScenarioBanner();
    showHint(tr("Loaded %1.").arg(name));
}

void MainWindow::updateScenarioBanner()
{
    if (!scenarioBanner_) {
        return;
    }
    scenarioBanner_->setVisible(!scenario_.name.isEmpty());
    scenarioBanner_->setText(QStringLiteral("<b>%1</b> &mdash; %2")
                                 .arg(scenario_.name.toHtmlEscaped(), scenario_.description.toHtmlEscaped()));
}

void MainWindow::startGuidedRun()
{
    Scenario guided;
    guided.name = tr("Guided run");
    guided.description = tr("A 4 TiB disk on a 50 Mbit/s link with a steady write load and a 50 ms downtime "
                            "limit: setup, the bulk pass, a few dirty passes and the complete phase follow each "
                            "other within seconds.");
    guided.config = demonstrationConfig();
    applyScenario(guided);
    setSpeed(1);
    controller_->setPlaying(true);
}

void MainWindow::setSpeed(double speed)
{
    controller_->setSpeed(speed);
    const QSignalBlocker block(speedSlider_);
    speedSlider_->setValue(speedToSlider(controller_->speed()));
    updateSpeedLabel(controller_->speed());
}

void MainWindow::updateSpeedLabel(double speed)
{
    speedLabel_->setText(tr("%1x").arg(QLocale().toString(speed, 'f', speed < 10 ? 1 : 0)));
}

void MainWindow::showHint(const QString& text, int ms)
{
    statusBar()->showMessage(text, ms);
}

void MainWindow::onBrush(quint64 firstByte, quint64 length, bool clear)
{
    undo_->push(new InjectionCommand(controller_, clear, firstByte, length));
}

void MainWindow::onSnapshot(const SimSnapshotPtr& snapshot)
{
    frameStats_->beginFrame();
    if (snapshot->runId != lastRunId_) {
        lastRunId_ = snapshot->runId;
        heatmap_->zoomStack()->setTotalBits(snapshot->geometry.totalBits());
    }
    heatmap_->setSnapshot(snapshot);
    charts_->setSnapshot(snapshot);
    // Text views take turns while a run plays; a new phase or pass goes to all.
    const std::vector<bool> turn =
        textTurns_.plan(snapshot->playing, quint64(snapshot->phase) << 32 | snapshot->pass);
    if (turn[0]) {
        phaseStrip_->setSnapshot(snapshot);
    }
    if (turn[1]) {
        explanation_->setSnapshot(*snapshot);
    }
    if (turn[2]) {
        howItWorks_->setSnapshot(*snapshot);
    }
    if (turn[3]) {
        summary_->setSummary(snapshot->summary, snapshot->config);
    }

    const bool running = snapshot->phase == Phase::Setup || snapshot->phase == Phase::Bulk ||
                         snapshot->phase == Phase::Dirty || snapshot->phase == Phase::Complete;
    startAction_->setEnabled(snapshot->canStart);
    abortAction_->setEnabled(running);
    playAction_->setEnabled(!snapshot->finished);
    stepAction_->setEnabled(!snapshot->finished);

    const QLocale l;
    // The speed asked for next to the speed the simulation and the window actually keep up.
    const auto speed = [&l](double x) { return l.toString(x, 'f', x < 10 ? 1 : 0); };
    const QString time = l.toString(double(snapshot->nowNs) * 1e-9, 'f', 3);
    timeLabel_->setText(!snapshot->playing ? tr("t = %1 s").arg(time)
                        : snapshot->achievedSpeed > 0
                            ? tr("t = %1 s, asked %2x, achieved %3x")
                                  .arg(time, speed(snapshot->speed), speed(snapshot->achievedSpeed))
                            : tr("t = %1 s, asked %2x").arg(time, speed(snapshot->speed)));
    const uint64_t bitmapBytes = (snapshot->geometry.totalBits() + 7) / 8;
    memoryLabel_->setText(tr("bitmap %1").arg(formatDataSize(bitmapBytes, 1, l)));
    if (frameStats_->frames() > 0 && snapshot->serial % 30 == 0) {
        frameLabel_->setText(tr("frame p99 %1 ms").arg(l.toString(frameStats_->percentileMs(99), 'f', 1)));
    }
    frameStats_->endFrame();
}

void MainWindow::showShortcuts()
{
    ShortcutsDialog dialog(allActions(), this);
    dialog.exec();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Bitmap Migration Lab"),
                       tr("<h3>Bitmap Migration Lab %1</h3>"
                          "<p>Watch and steer the live migration of block dirty bitmaps: a QEMU-compatible "
                          "hierarchical bitmap, meta bitmaps, and the bulk, dirty and complete phases.</p>"
                          "<p>Licensed under the GNU General Public License, version 2 or later.</p>")
                           .arg(QCoreApplication::applicationVersion()));
}

} // namespace bitmig
