#include "mainwindow.h"

#include "explanationpanel.h"
#include "framestats.h"
#include "heatmapview.h"
#include "migrationcharts.h"
#include "parameterspanel.h"
#include "phasestrip.h"
#include "simulationcontroller.h"
#include "summarypanel.h"
#include "workloadpanel.h"
#include "zoomstack.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDockWidget>
#include <QKeySequence>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QScrollArea>
#include <QSlider>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QUndoCommand>
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

// A guest write or trim made with the brush. Undo reverts exactly what it changed.
class InjectionCommand : public QUndoCommand {
public:
    InjectionCommand(SimulationController* controller, bool clear, quint64 offset, quint64 length)
        : controller_(controller), clear_(clear), offset_(offset), length_(length)
    {
        setText(clear ? QCoreApplication::translate("MainWindow", "Clear %1 at %2")
                      : QCoreApplication::translate("MainWindow", "Write %1 at %2"));
        setText(text().arg(QLocale().formattedDataSize(qint64(length), 1, QLocale::DataSizeTraditionalFormat),
                           QLocale().formattedDataSize(qint64(offset), 1, QLocale::DataSizeTraditionalFormat)));
    }
    void redo() override { token_ = controller_->inject(clear_, offset_, length_); }
    void undo() override { controller_->revert(token_); }

private:
    SimulationController* controller_;
    bool clear_;
    quint64 offset_, length_;
    quint64 token_ = 0;
};

// A parameter change: a new run with other parameters; undo goes back to the old ones.
class ConfigCommand : public QUndoCommand {
public:
    ConfigCommand(MainWindow* window, const SimConfig& before, const SimConfig& after, const QString& what)
        : window_(window), before_(before), after_(after)
    {
        setText(what);
    }
    void redo() override { apply(after_); }
    void undo() override { apply(before_); }

private:
    void apply(const SimConfig& c)
    {
        window_->controller()->setConfig(c);
        window_->parameters()->setConfig(c);
        window_->workloadPanel()->setWorkload(c.workload);
    }
    MainWindow* window_;
    SimConfig before_, after_;
};

} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setWindowTitle(tr("Bitmap Migration Lab"));
    setObjectName(QStringLiteral("MainWindow"));
    controller_ = new SimulationController(this);
    undo_ = new QUndoStack(this);
    frameStats_ = new FrameStats(this);

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 4);
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
    layout->addWidget(phaseStrip_);
    layout->addWidget(explanation_);
    layout->addWidget(splitter, 1);
    setCentralWidget(central);
    frameStats_->watch(heatmap_);
    frameStats_->watch(charts_);
    frameStats_->watch(phaseStrip_);

    createActions();
    createMenus();
    createToolBar();
    createDocks();

    timeLabel_ = new QLabel(this);
    memoryLabel_ = new QLabel(this);
    frameLabel_ = new QLabel(this);
    statusBar()->addPermanentWidget(timeLabel_);
    statusBar()->addPermanentWidget(memoryLabel_);
    statusBar()->addPermanentWidget(frameLabel_);

    connect(controller_, &SimulationController::snapshotChanged, this, &MainWindow::onSnapshot);
    connect(controller_, &SimulationController::failed, this, [this](const QString& m) { showHint(m, 10000); });
    connect(controller_, &SimulationController::playingChanged, this, [this](bool playing) {
        playAction_->setChecked(playing);
        playAction_->setText(playing ? tr("&Pause") : tr("&Play"));
    });
    connect(controller_, &SimulationController::injectionDone, this, [this](quint64, bool undoable) {
        if (!undoable) {
            undo_->clear();
            showHint(tr("That stroke changed too much to be undone; the undo history was cleared."));
        }
    });
    connect(heatmap_, &HeatmapView::requestChanged, controller_, &SimulationController::setRequest);
    connect(heatmap_, &HeatmapView::brushStroke, this, &MainWindow::onBrush);
    connect(parameters_, &ParametersPanel::configEdited, this,
            [this](const SimConfig& c) { applyConfig(c, tr("Change parameters")); });
    connect(workload_, &WorkloadPanel::workloadEdited, controller_, &SimulationController::setWorkload);

    // A run that shows every phase within seconds: a 4 TiB disk whose 8 MiB bitmap takes a couple of
    // seconds to cross a 50 Mbit/s link while the guest keeps writing.
    SimConfig initial;
    initial.diskBytes = uint64_t(4) << 40;
    initial.bandwidth = 50e6 / 8;
    initial.migrationStartNs = 2'000'000'000;
    initial.workload.kind = WorkloadKind::Uniform;
    initial.workload.rate = 4000;
    controller_->setConfig(initial);
    parameters_->setConfig(initial);
    workload_->setWorkload(initial.workload);
    setSpeed(1);
    resize(1400, 900);
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    playAction_ = new QAction(tr("&Play"), this);
    playAction_->setCheckable(true);
    playAction_->setShortcut(Qt::Key_Space);
    playAction_->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    playAction_->setStatusTip(tr("Run or pause the simulated clock (Space)"));
    connect(playAction_, &QAction::triggered, controller_, &SimulationController::setPlaying);

    stepAction_ = new QAction(tr("S&tep"), this);
    stepAction_->setShortcut(Qt::Key_Period);
    stepAction_->setIcon(style()->standardIcon(QStyle::SP_MediaSeekForward));
    stepAction_->setStatusTip(tr("Advance one tick and pause (.)"));
    connect(stepAction_, &QAction::triggered, this, [this] { controller_->step(1); });

    resetAction_ = new QAction(tr("&Reset"), this);
    resetAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    resetAction_->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    resetAction_->setStatusTip(tr("Start the run over with the same parameters (Ctrl+R)"));
    connect(resetAction_, &QAction::triggered, controller_, &SimulationController::reset);

    startAction_ = new QAction(tr("Start &migration"), this);
    startAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    startAction_->setStatusTip(tr("Begin migrating the bitmap now (Ctrl+M)"));
    connect(startAction_, &QAction::triggered, this, [this] {
        controller_->startMigration();
        if (!controller_->isPlaying()) {
            controller_->setPlaying(true);
        }
    });

    abortAction_ = new QAction(tr("&Abort (link fault)"), this);
    abortAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    abortAction_->setStatusTip(tr("Drop the link: the migration is cancelled and can be retried (Ctrl+K)"));
    abortAction_->setEnabled(false);
    connect(abortAction_, &QAction::triggered, controller_, &SimulationController::abortMigration);

    showDestinationAction_ = new QAction(tr("Show &destination"), this);
    showDestinationAction_->setCheckable(true);
    showDestinationAction_->setChecked(true);
    showDestinationAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    showDestinationAction_->setStatusTip(tr("Show the destination bitmap with its differences (Ctrl+D)"));
    connect(showDestinationAction_, &QAction::toggled, heatmap_, &HeatmapView::setShowDestination);

    undoAction_ = undo_->createUndoAction(this, tr("&Undo"));
    undoAction_->setShortcut(QKeySequence::Undo);
    redoAction_ = undo_->createRedoAction(this, tr("&Redo"));
    redoAction_->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence::Redo});

    toolGroup_ = new QActionGroup(this);
    panTool_ = new QAction(tr("&Pan"), toolGroup_);
    panTool_->setShortcut(Qt::Key_H);
    panTool_->setStatusTip(tr("Drag to pan the heatmaps (H)"));
    zoomTool_ = new QAction(tr("&Zoom"), toolGroup_);
    zoomTool_->setShortcut(Qt::Key_Z);
    zoomTool_->setStatusTip(tr("Drag a rectangle to zoom into it (Z)"));
    brushTool_ = new QAction(tr("&Brush"), toolGroup_);
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
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(undoAction_);
    edit->addAction(redoAction_);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    ZoomStack* zoom = heatmap_->zoomStack();
    view->addAction(zoom->zoomInAction());
    view->addAction(zoom->zoomOutAction());
    view->addAction(zoom->resetZoomAction());
    view->addAction(zoom->backAction());
    view->addSeparator();
    view->addAction(showDestinationAction_);
    view->addSeparator();
    view->addActions(toolGroup_->actions());
    view->setObjectName(QStringLiteral("viewMenu"));

    QMenu* sim = menuBar()->addMenu(tr("&Simulation"));
    sim->addAction(playAction_);
    sim->addAction(stepAction_);
    sim->addAction(resetAction_);
    sim->addSeparator();
    sim->addAction(startAction_);
    sim->addAction(abortAction_);
    QAction* faster = sim->addAction(tr("&Faster"), this, [this] { setSpeed(controller_->speed() * 2); });
    faster->setShortcut(QKeySequence(Qt::Key_BracketRight));
    QAction* slower = sim->addAction(tr("&Slower"), this, [this] { setSpeed(controller_->speed() / 2); });
    slower->setShortcut(QKeySequence(Qt::Key_BracketLeft));

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Bitmap Migration Lab"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
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
    connect(controller_, &SimulationController::speedChanged, this, &MainWindow::updateSpeedLabel);
    bar->addSeparator();
    bar->addAction(startAction_);
    bar->addAction(abortAction_);
    bar->addSeparator();
    bar->addActions(toolGroup_->actions());
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
    addDock(parameters_, tr("Parameters"), QStringLiteral("parametersDock"), Qt::LeftDockWidgetArea);
    QDockWidget* w = addDock(workload_, tr("Workload"), QStringLiteral("workloadDock"), Qt::LeftDockWidgetArea);
    QDockWidget* s = addDock(summary_, tr("Summary"), QStringLiteral("summaryDock"), Qt::LeftDockWidgetArea);
    tabifyDockWidget(w, s);
    w->raise();
    // Wide enough for the seed table's four columns and the chunk controls.
    resizeDocks({docks_.first()}, {parameters_->sizeHint().width() + 40}, Qt::Horizontal);
    docks_.first()->setMinimumWidth(400);
    QMenu* view = menuBar()->findChild<QMenu*>(QStringLiteral("viewMenu"));
    if (view) {
        view->addSeparator();
        for (QDockWidget* d : std::as_const(docks_)) {
            view->addAction(d->toggleViewAction());
        }
    }
}

void MainWindow::applyConfig(const SimConfig& config, const QString& what)
{
    const SimConfig before = controller_->config();
    if (before == config) {
        return;
    }
    undo_->push(new ConfigCommand(this, before, config, what));
    showHint(tr("Parameters changed: the run starts over."));
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
    phaseStrip_->setSnapshot(snapshot);
    explanation_->setSnapshot(*snapshot);
    summary_->setSummary(snapshot->summary, snapshot->config);

    const bool running = snapshot->phase == Phase::Setup || snapshot->phase == Phase::Bulk ||
                         snapshot->phase == Phase::Dirty || snapshot->phase == Phase::Complete;
    startAction_->setEnabled(snapshot->canStart);
    abortAction_->setEnabled(running);
    playAction_->setEnabled(!snapshot->finished);
    stepAction_->setEnabled(!snapshot->finished);

    const QLocale l;
    timeLabel_->setText(tr("t = %1 s, %2x").arg(l.toString(double(snapshot->nowNs) * 1e-9, 'f', 3),
                                               l.toString(snapshot->achievedSpeed, 'f', 1)));
    const uint64_t bitmapBytes = (snapshot->geometry.totalBits() + 7) / 8;
    memoryLabel_->setText(tr("bitmap %1").arg(l.formattedDataSize(qint64(bitmapBytes), 1,
                                                                   QLocale::DataSizeTraditionalFormat)));
    if (frameStats_->frames() > 0 && snapshot->serial % 30 == 0) {
        frameLabel_->setText(tr("frame p99 %1 ms").arg(l.toString(frameStats_->percentileMs(99), 'f', 1)));
    }
    frameStats_->endFrame();
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
