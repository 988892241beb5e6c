#include "mainwindow.h"

#include "app/model/simulationcontroller.h"
#include "app/scenario/scenarioerror.h"
#include "app/scenario/summaryjson.h"
#include "chartsfold.h"
#include "explanationpanel.h"
#include "framestats.h"
#include "howitworkspanel.h"
#include "languagemanager.h"
#include "livewindow.h"
#include "realmigrationwindow.h"
#include "messagebar.h"
#include "presentationmode.h"
#include "recentfiles.h"
#include "shortcutsdialog.h"
#include "sweepview.h"
#include "comparewindow.h"
#include "undocommands.h"
#include "viewexporter.h"
#include "widgets/byteformat.h"
#include "widgets/chartdata.h"
#include "widgets/chartmodel.h"
#include "widgets/bitmapselector.h"
#include "widgets/heatmapview.h"
#include "widgets/migrationcharts.h"
#include "widgets/parameterspanel.h"
#include "widgets/phasestrip.h"
#include "widgets/summarypanel.h"
#include "widgets/translatedtexts.h"
#include "widgets/workloadpanel.h"
#include "widgets/zoomstack.h"

#include <bitmig/dirtyextents.h>
#include <bitmig/qcow2image.h>
#include <bitmig/tracereader.h>

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QClipboard>
#include <QCloseEvent>
#include <QDockWidget>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGraphicsScene>
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

// Speed slider: log scale, 100 steps a decade from SimulationController::kMinSpeed (0.001x, where a
// 20 ms migration lasts 20 s) to kMaxSpeed (1000x).
const double kSpeedDecades = std::log10(SimulationController::kMaxSpeed / SimulationController::kMinSpeed);
const int kSpeedSteps = int(std::lround(kSpeedDecades * 100));
int speedToSlider(double speed)
{
    return int(std::lround(std::log10(speed / SimulationController::kMinSpeed) / kSpeedDecades * kSpeedSteps));
}
double sliderToSpeed(int value)
{
    if (value <= 0) {
        return SimulationController::kMinSpeed;  // exactly, not 10^-3 rounded
    }
    if (value >= kSpeedSteps) {
        return SimulationController::kMaxSpeed;
    }
    return SimulationController::kMinSpeed * std::pow(10.0, double(value) / kSpeedSteps * kSpeedDecades);
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

// A speed factor: two significant digits below 0.1 ("0.001", "0.025"), one decimal up to 10, none above.
QString speedNumber(double speed)
{
    const QLocale l;
    return speed > 0 && speed < 0.1 ? l.toString(speed, 'g', 2) : l.toString(speed, 'f', speed < 10 ? 1 : 0);
}

QWidget* chartViewOf(QChart* chart)
{
    if (chart && chart->scene() && !chart->scene()->views().isEmpty()) {
        return chart->scene()->views().first();
    }
    return nullptr;
}


} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), texts_(std::make_unique<TranslatedTexts>(staticMetaObject.className()))
{
    setObjectName(QStringLiteral("MainWindow"));
    controller_ = new SimulationController(this);
    chartModel_ = new ChartModel(this);
    undo_ = new QUndoStack(this);
    frameStats_ = new FrameStats(this);
    languages_ = new LanguageManager(this);
    themes_ = new ThemeManager(this);
    presentation_ = new PresentationMode(this);

    connect(controller_, &SimulationController::snapshotChanged, this, &MainWindow::onSnapshot);
    connect(controller_, &SimulationController::failed, this, [this](const QString& m) { showHint(m, 10000); });
    connect(controller_, &SimulationController::injectionDone, this, [this](quint64, bool undoable) {
        if (!undoable) {
            // Why the stroke cannot be undone stays on the disabled Undo action until it can undo again.
            undoBlocked_ = controller_->config().hasLayout() ? UndoBlocked::Layout : UndoBlocked::TooMuch;
            undo_->clear();
            updateUndoTexts();
            showHint(undoAction_->toolTip());
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

MainWindow::~MainWindow()
{
    // The undo stack is a child: ~QWidget deletes it after this destructor, and its clear() then
    // signals updateUndoTexts() on a window that is no longer a MainWindow.
    undo_->disconnect(this);
}

// Builds the widgets, once: a language change sets their texts again (retranslateUi()) and leaves
// the widgets, the layout, the run and the history as they are.
void MainWindow::buildUi()
{
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 4);
    messageBar_ = new MessageBar(central);
    scenarioBanner_ = new QLabel(central);
    scenarioBanner_->setWordWrap(true);
    texts_->accessibleName(scenarioBanner_, QT_TR_NOOP("Scenario"));
    scenarioBanner_->setVisible(false);
    phaseStrip_ = new PhaseStrip(central);
    explanation_ = new ExplanationPanel(central);
    heatmap_ = new HeatmapView(central);
    bitmapSelector_ = new BitmapSelector(central);  // a run with several bitmaps: which one the heatmaps show
    charts_ = new MigrationCharts(central);
    charts_->setModel(chartModel_);
    auto* splitter = new QSplitter(Qt::Vertical, central);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(heatmap_);
    splitter->addWidget(charts_);
    // The heatmaps are the lesson: three quarters of the height, in that ratio through resizes (no
    // stretch factors, so the splitter keeps the proportion of these sizes above each minimum).
    splitter->setSizes({3000, 1000});
    layout->addWidget(messageBar_);
    layout->addWidget(scenarioBanner_);
    layout->addWidget(phaseStrip_);
    layout->addWidget(explanation_);
    layout->addWidget(bitmapSelector_);
    layout->addWidget(splitter, 1);
    setCentralWidget(central);
    chartsFold_ = new ChartsFold(this, splitter);
    frameStats_->watch(heatmap_);
    frameStats_->watch(charts_);
    frameStats_->watch(phaseStrip_);

    createActions();
    createMenus();
    createToolBar();
    createDocks();
    createStatusBar();
    connectViews();
    retranslateUi();

    parameters_->setConfig(controller_->config());
    // Now that the seed table has its rows: wide enough for its four columns and the chunk
    // controls, and never narrower than the panel's labels and fields need, in any language.
    resizeDocks({docks_.first()}, {parametersDockWidth() + 10}, Qt::Horizontal);
    fitParametersDock();
    connect(parameters_, &ParametersPanel::preferredWidthChanged, this, &MainWindow::fitParametersDock);
    workload_->setDiskBytes(controller_->config().guestBytes());
    workload_->setWorkload(controller_->config().workload);
}

void MainWindow::changeEvent(QEvent* event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        // The panels retranslate after the window (the event reaches the children next): fit the
        // parameters dock to their new widths once they have them.
        QMetaObject::invokeMethod(this, &MainWindow::fitParametersDock, Qt::QueuedConnection);
    }
}

// Every text of the window in the current language; the panels and views set their own.
void MainWindow::retranslateUi()
{
    setWindowTitle(tr("Bitmap Migration Lab"));
    texts_->retranslate();
    playAction_->setText(controller_->isPlaying() ? tr("&Pause") : tr("&Play"));
    updateUndoTexts();
    recent_->setMenu(recentMenu_);  // its "Clear the list"
    updateSpeedLabel(controller_->speed());
    updateScenarioBanner();
    if (const SimSnapshotPtr& s = controller_->snapshot()) {
        onSnapshot(s);  // the figures of the status bar and the views in the new language and locale
    }
}

void MainWindow::updateUndoTexts()
{
    auto prefixed = [](const QString& prefix, const QString& command) {
        return command.isEmpty() ? prefix : prefix + QLatin1Char(' ') + command;
    };
    undoAction_->setText(prefixed(tr("&Undo"), undo_->undoText()));
    if (undo_->canUndo()) {
        undoBlocked_ = UndoBlocked::No;
    }
    undoAction_->setToolTip(
        undoBlocked_ == UndoBlocked::Layout
            ? tr("Brush strokes cannot be undone in a run with several bitmaps (undo remembers the granules of one "
                 "bitmap); the undo history was cleared.")
        : undoBlocked_ == UndoBlocked::TooMuch ? tr("That stroke changed too much to be undone; the undo history was cleared.")
                                               : undoAction_->text().remove(QLatin1Char('&')));
    redoAction_->setText(prefixed(tr("&Redo"), undo_->redoText()));
}

void MainWindow::createActions()
{
    playAction_ = new QAction(this);
    playAction_->setCheckable(true);
    playAction_->setChecked(controller_->isPlaying());
    playAction_->setShortcut(Qt::Key_Space);
    ShortcutsDialog::setStableLabel(playAction_, QT_TRANSLATE_NOOP("bitmig::ShortcutsDialog", "Play or pause"));
    playAction_->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    texts_->statusTip(playAction_, QT_TR_NOOP("Run or pause the simulated clock (Space)"));
    connect(playAction_, &QAction::triggered, controller_, &SimulationController::setPlaying);

    stepAction_ = new QAction(this);
    texts_->text(stepAction_, QT_TR_NOOP("S&tep"));
    stepAction_->setShortcut(Qt::Key_Period);
    stepAction_->setIcon(style()->standardIcon(QStyle::SP_MediaSeekForward));
    texts_->statusTip(stepAction_, QT_TR_NOOP("Advance one tick and pause (.)"));
    connect(stepAction_, &QAction::triggered, this, [this] { controller_->step(1); });

    resetAction_ = new QAction(this);
    texts_->text(resetAction_, QT_TR_NOOP("&Reset"));
    resetAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    resetAction_->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    texts_->statusTip(resetAction_, QT_TR_NOOP("Start the run over with the same parameters (Ctrl+R)"));
    connect(resetAction_, &QAction::triggered, controller_, &SimulationController::reset);

    startAction_ = new QAction(this);
    texts_->text(startAction_, QT_TR_NOOP("Start &migration"));
    startAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    texts_->statusTip(startAction_, QT_TR_NOOP("Begin migrating the bitmap now (Ctrl+M)"));
    connect(startAction_, &QAction::triggered, this, [this] {
        controller_->startMigration();
        if (!controller_->isPlaying()) {
            controller_->setPlaying(true);
        }
    });

    abortAction_ = new QAction(this);
    texts_->text(abortAction_, QT_TR_NOOP("&Abort (link fault)"));
    abortAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    texts_->statusTip(abortAction_, QT_TR_NOOP("Drop the link: the migration is cancelled and can be retried (Ctrl+K)"));
    abortAction_->setEnabled(false);
    connect(abortAction_, &QAction::triggered, controller_, &SimulationController::abortMigration);

    showDestinationAction_ = new QAction(this);
    texts_->text(showDestinationAction_, QT_TR_NOOP("Show &destination"));
    showDestinationAction_->setCheckable(true);
    showDestinationAction_->setChecked(true);
    showDestinationAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    texts_->statusTip(showDestinationAction_, QT_TR_NOOP("Show the destination bitmap with its differences (Ctrl+D)"));
    connect(showDestinationAction_, &QAction::toggled, heatmap_, &HeatmapView::setShowDestination);

    // Made here rather than by QUndoStack::createUndoAction(), whose text prefix cannot change with
    // the language.
    undoAction_ = new QAction(this);
    undoAction_->setShortcut(QKeySequence::Undo);
    undoAction_->setEnabled(undo_->canUndo());
    connect(undoAction_, &QAction::triggered, undo_, &QUndoStack::undo);
    connect(undo_, &QUndoStack::canUndoChanged, undoAction_, &QAction::setEnabled);
    redoAction_ = new QAction(this);
    // Spelled out rather than QKeySequence::Redo, which is Ctrl+Shift+Z on some desktops and Ctrl+Y
    // on others: the same keys everywhere, each bound once (a key bound twice does nothing).
    redoAction_->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    redoAction_->setEnabled(undo_->canRedo());
    connect(redoAction_, &QAction::triggered, undo_, &QUndoStack::redo);
    connect(undo_, &QUndoStack::canRedoChanged, redoAction_, &QAction::setEnabled);
    // Their texts name the command ("Undo Load Never converges"): the shortcut list names the action.
    ShortcutsDialog::setStableLabel(undoAction_, QT_TRANSLATE_NOOP("bitmig::ShortcutsDialog", "Undo"));
    ShortcutsDialog::setStableLabel(redoAction_, QT_TRANSLATE_NOOP("bitmig::ShortcutsDialog", "Redo"));
    connect(undo_, &QUndoStack::undoTextChanged, this, &MainWindow::updateUndoTexts);
    connect(undo_, &QUndoStack::redoTextChanged, this, &MainWindow::updateUndoTexts);

    toolGroup_ = new QActionGroup(this);
    panTool_ = new QAction(toolGroup_);
    texts_->text(panTool_, QT_TR_NOOP("&Pan"));
    panTool_->setShortcut(Qt::Key_H);
    texts_->statusTip(panTool_, QT_TR_NOOP("Drag to pan the heatmaps (H)"));
    zoomTool_ = new QAction(toolGroup_);
    texts_->text(zoomTool_, QT_TR_NOOP("&Zoom"));
    zoomTool_->setShortcut(Qt::Key_Z);
    texts_->statusTip(zoomTool_, QT_TR_NOOP("Drag a rectangle to zoom into it (Z)"));
    brushTool_ = new QAction(toolGroup_);
    texts_->text(brushTool_, QT_TR_NOOP("B&rush"));
    brushTool_->setShortcut(Qt::Key_B);
    texts_->statusTip(brushTool_,
                      QT_TR_NOOP("Click or drag on the bitmap to write there; hold Ctrl to clear (trim) instead (B)"));
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

QMenu* MainWindow::addMenu(QMenu* parent, const char* title)
{
    QMenu* menu = parent ? parent->addMenu(QString()) : menuBar()->addMenu(QString());
    texts_->title(menu, title);
    return menu;
}

void MainWindow::createMenus()
{
    // An action whose text (and status tip) follow the language.
    auto add = [this](QMenu* menu, const char* text, auto&& slot, const char* tip = nullptr) {
        QAction* a = menu->addAction(QString(), this, std::forward<decltype(slot)>(slot));
        texts_->text(a, text);
        if (tip) {
            texts_->statusTip(a, tip);
        }
        return a;
    };

    QMenu* file = addMenu(nullptr, QT_TR_NOOP("&File"));
    QAction* open = add(file, QT_TR_NOOP("&Open scenario..."), &MainWindow::openScenarioDialog,
                        QT_TR_NOOP("Load parameters, workload, seed and injections from a scenario file (Ctrl+O)"));
    open->setShortcut(QKeySequence::Open);
    add(file, QT_TR_NOOP("Open &migration file..."), &MainWindow::openMigrationFileDialog,
        QT_TR_NOOP("Show the dirty bitmaps and records of a QEMU migration file, and what a QEMU destination does with it"));
    recentMenu_ = addMenu(file, QT_TR_NOOP("Open &recent"));
    recent_->setMenu(recentMenu_);
    QMenu* presets = addMenu(file, QT_TR_NOOP("&Presets"));
    presets->setToolTipsVisible(true);
    try {
        for (const Scenario& preset : ScenarioFile::presets()) {
            QAction* a = presets->addAction(preset.name, this, [this, preset] { applyScenario(preset); });
            a->setToolTip(preset.description);
            a->setStatusTip(preset.description);
        }
    } catch (const ScenarioError& e) {
        presets->setEnabled(false);
        showHint(QString::fromStdString(e.what()), 10000);
    }
    QAction* save = add(file, QT_TR_NOOP("&Save scenario as..."), &MainWindow::saveScenarioDialog,
                        QT_TR_NOOP("Write every parameter, the workload, the seed and the injections to a file"));
    save->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));  // QKeySequence::SaveAs is none on some desktops
    file->addSeparator();
    QAction* import = add(file, QT_TR_NOOP("&Import bitmap from qcow2..."), &MainWindow::importQcow2Dialog,
                          QT_TR_NOOP("Load a persistent dirty bitmap from a qcow2 disk image (Ctrl+I)"));
    import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    add(file, QT_TR_NOOP("&Attach to QEMU..."), [this] {
        if (LiveWindow* live = LiveWindow::attachFromDialog(this, settingsEnabled_)) {
            connect(live, &LiveWindow::simulateRequested, this, [this, live] { simulateLive(live); });
        }
    },
        QT_TR_NOOP("Show the dirty bitmaps of a running QEMU through its QMP socket"));
    add(file, QT_TR_NOOP("Run a real QEMU &migration..."), [this] { RealMigrationWindow::runFromDialog(this, controller_->config()); },
        QT_TR_NOOP("Migrate dirty bitmaps between two QEMUs started on scratch images, beside the simulator's prediction"));
    createExportMenu(file);
    file->addSeparator();
    QAction* quit = add(file, QT_TR_NOOP("&Quit"), &QWidget::close);
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));

    QMenu* edit = addMenu(nullptr, QT_TR_NOOP("&Edit"));
    edit->addAction(undoAction_);
    edit->addAction(redoAction_);
    edit->addSeparator();
    QAction* copySummary = add(edit, QT_TR_NOOP("Copy &summary"), [this] {
        auto* mime = new QMimeData;
        mime->setText(summary_->lines().join(QLatin1Char('\n')));
        mime->setData(QStringLiteral("application/json"), summaryJson());
        QGuiApplication::clipboard()->setMimeData(mime);
        showHint(tr("The run summary is on the clipboard."));
    });
    copySummary->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    add(edit, QT_TR_NOOP("Copy &heatmaps as image"), [this] {
        QGuiApplication::clipboard()->setImage(ViewExporter::image(heatmap_));
        showHint(tr("The heatmaps are on the clipboard."));
    });
    add(edit, QT_TR_NOOP("Copy &charts as image"), [this] {
        QGuiApplication::clipboard()->setImage(ViewExporter::image(charts_));
        showHint(tr("The charts are on the clipboard."));
    });
    add(edit, QT_TR_NOOP("Copy chart &data (CSV)"), [this] {
        QGuiApplication::clipboard()->setText(QString::fromUtf8(ChartData::toCsv(chartData())));
        showHint(tr("The charts' data is on the clipboard as CSV."));
    });

    QMenu* view = addMenu(nullptr, QT_TR_NOOP("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    ZoomStack* zoom = heatmap_->zoomStack();
    view->addAction(zoom->zoomInAction());
    view->addAction(zoom->zoomOutAction());
    view->addAction(zoom->resetZoomAction());
    view->addAction(zoom->backAction());
    view->addSeparator();
    view->addAction(showDestinationAction_);
    view->addAction(presentation_->action());
    view->addMenu(chartsFold_->menu());
    compareAction_ = add(view, QT_TR_NOOP("&Compare..."), [this] { openCompare(); },
                         QT_TR_NOOP("Run 2 to 4 variants of this configuration side by side, in lockstep on the same "
                                    "disk, writes and seed"));
    compareAction_->setObjectName(QStringLiteral("compareAction"));
    view->addSeparator();
    view->addActions(toolGroup_->actions());
    view->addSeparator();
    QMenu* themeMenu = addMenu(view, QT_TR_NOOP("&Theme"));
    auto* themeGroup = new QActionGroup(this);
    const std::pair<ThemeManager::Theme, const char*> themes[] = {
        {ThemeManager::Theme::System, QT_TR_NOOP("Follow the &system")},
        {ThemeManager::Theme::Light, QT_TR_NOOP("&Light")},
        {ThemeManager::Theme::Dark, QT_TR_NOOP("&Dark")},
    };
    for (const auto& [t, label] : themes) {
        QAction* a = add(themeMenu, label, [this, t = t] { setTheme(t); });
        a->setCheckable(true);
        a->setChecked(themes_->theme() == t);
        a->setData(ThemeManager::key(t));
        themeGroup->addAction(a);
    }

    QMenu* sim = addMenu(nullptr, QT_TR_NOOP("&Simulation"));
    sim->addAction(playAction_);
    sim->addAction(stepAction_);
    sim->addAction(resetAction_);
    sim->addSeparator();
    sim->addAction(startAction_);
    sim->addAction(abortAction_);
    sim->addSeparator();
    QAction* faster = add(sim, QT_TR_NOOP("&Faster"), [this] { setSpeed(controller_->speed() * 2); });
    faster->setShortcut(QKeySequence(Qt::Key_BracketRight));
    QAction* slower = add(sim, QT_TR_NOOP("&Slower"), [this] { setSpeed(controller_->speed() / 2); });
    slower->setShortcut(QKeySequence(Qt::Key_BracketLeft));

    QMenu* language = addMenu(nullptr, QT_TR_NOOP("&Language"));
    language->setObjectName(QStringLiteral("languageMenu"));
    auto* languageGroup = new QActionGroup(this);
    for (const QString& code : LanguageManager::codes()) {
        // Each language in its own name, whatever the language of the window.
        QAction* a = language->addAction(LanguageManager::nativeName(code), this, [this, code] { setLanguage(code); });
        a->setCheckable(true);
        a->setChecked(languages_->current() == code);
        a->setData(code);
        languageGroup->addAction(a);
    }

    QMenu* help = addMenu(nullptr, QT_TR_NOOP("&Help"));
    QAction* how = add(help, QT_TR_NOOP("&How migration works"), [this] {
        for (QDockWidget* d : std::as_const(docks_)) {
            if (d->widget() && d->findChild<HowItWorksPanel*>()) {
                d->show();
                d->raise();
            }
        }
    });
    how->setShortcut(QKeySequence::HelpContents);
    QAction* keys = add(help, QT_TR_NOOP("&Keyboard shortcuts"), &MainWindow::showShortcuts);
    keys->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    help->addSeparator();
    add(help, QT_TR_NOOP("&About Bitmap Migration Lab"), &MainWindow::showAbout);
    QAction* aboutQt = help->addAction(QString(), qApp, &QApplication::aboutQt);
    texts_->text(aboutQt, QT_TR_NOOP("About &Qt"));
}

void MainWindow::createExportMenu(QMenu* file)
{
    QMenu* menu = addMenu(file, QT_TR_NOOP("&Export"));
    auto add = [this, menu](const char* text, auto&& slot) {
        QAction* a = menu->addAction(QString(), this, std::forward<decltype(slot)>(slot));
        texts_->text(a, text);
        return a;
    };
    // The dialogs' titles and filters in the language of the moment they open.
    auto images = [] { return tr("PNG image (*.png);;SVG drawing (*.svg)"); };
    auto data = [] { return tr("CSV table (*.csv);;JSON document (*.json)"); };
    add(QT_TR_NOOP("&Heatmaps..."), [this, images] {
        exportDialog(tr("Export the heatmaps"), QStringLiteral("heatmaps"), images(),
                     [this](const QString& p) { return exportView(heatmap_, p, tr("Heatmaps")); });
    });
    add(QT_TR_NOOP("All &charts..."), [this, images] {
        exportDialog(tr("Export the charts"), QStringLiteral("charts"), images(),
                     [this](const QString& p) { return exportView(charts_, p, tr("Charts")); });
    });
    for (int k = 0; k < kChartKindCount; ++k) {
        const auto kind = ChartKind(k);
        QAction* a = menu->addAction(QString(), this, [this, kind, images] {
            const QString title = MigrationCharts::chartTitle(kind);
            QWidget* view = chartViewOf(charts_->chart(kind));
            exportDialog(tr("Export the chart %1").arg(title), MainWindow::chartKey(kind), images(),
                         [this, view, title](const QString& p) { return exportView(view, p, title); });
        });
        texts_->add(a, QT_TR_NOOP("Chart: %1..."),
                    [a, kind](const QString& t) { a->setText(t.arg(MigrationCharts::chartTitle(kind))); });
    }
    menu->addSeparator();
    add(QT_TR_NOOP("Chart &data..."), [this, data] {
        exportDialog(tr("Export the chart data"), QStringLiteral("chart-data"), data(),
                     [this](const QString& p) { return exportChartData(p); });
    });
    add(QT_TR_NOOP("Run &summary..."), [this, data] {
        exportDialog(tr("Export the run summary"), QStringLiteral("summary"), data(),
                     [this](const QString& p) { return exportSummary(p); });
    });
    add(QT_TR_NOOP("&QEMU migration file..."), [this] {
        exportDialog(tr("Export the run as a QEMU migration file"), QStringLiteral("run"),
                     tr("QEMU migration file (*.mig)"), [this](const QString& p) { return exportQemuFile(p); });
    });
}

void MainWindow::createToolBar()
{
    QToolBar* bar = addToolBar(QString());
    texts_->windowTitle(bar, QT_TR_NOOP("Simulation"));
    bar->setObjectName(QStringLiteral("simulationToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(playAction_);
    bar->addAction(stepAction_);
    bar->addAction(resetAction_);
    bar->addSeparator();
    auto* speedCaption = new QLabel(bar);
    texts_->add(speedCaption, QT_TR_NOOP("Speed "), [speedCaption](const QString& t) { speedCaption->setText(t); });
    bar->addWidget(speedCaption);
    speedSlider_ = new QSlider(Qt::Horizontal, bar);
    speedSlider_->setRange(0, kSpeedSteps);
    speedSlider_->setFixedWidth(160);
    texts_->accessibleName(speedSlider_, QT_TR_NOOP("Simulation speed"));
    texts_->toolTip(speedSlider_, QT_TR_NOOP("Simulated seconds per wall second, 0.001x to 1000x ([ and ])"));
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
    auto addDock = [this](QWidget* content, const char* title, const QString& name, Qt::DockWidgetArea area) {
        auto* dock = new QDockWidget(this);
        texts_->windowTitle(dock, title);
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
    addDock(parameters_, QT_TR_NOOP("Parameters"), QStringLiteral("parametersDock"), Qt::LeftDockWidgetArea);
    QDockWidget* w = addDock(workload_, QT_TR_NOOP("Workload"), QStringLiteral("workloadDock"), Qt::LeftDockWidgetArea);
    QDockWidget* s = addDock(summary_, QT_TR_NOOP("Summary"), QStringLiteral("summaryDock"), Qt::LeftDockWidgetArea);
    QDockWidget* h = addDock(howItWorks_, QT_TR_NOOP("How migration works"), QStringLiteral("howItWorksDock"),
                             Qt::LeftDockWidgetArea);
    tabifyDockWidget(w, s);
    tabifyDockWidget(s, h);
    w->raise();
    // View > Sweep: the current configuration over one parameter; a click on a point runs it here.
    auto* sweep = new SweepView;
    addDock(sweep, QT_TR_NOOP("Sweep"), QStringLiteral("sweepDock"), Qt::BottomDockWidgetArea)->hide();
    sweep->setBaseConfig(controller_->config());
    connect(controller_, &SimulationController::configChanged, sweep, &SweepView::setBaseConfig);
    connect(sweep, &SweepView::pointActivated, this, [this](const SimConfig& c) {
        applyConfig(c, tr("Run a sweep point"));
        controller_->setPlaying(true);
    });
    connect(sweep, &SweepView::pointAddedAsLane, this, [this](const SimConfig& c) {
        const bool fresh = compare_.isNull();
        CompareWindow* w = openCompare();
        if (fresh) {
            w->compareRunAndPoint(controller_->config(), c);
        } else {
            w->addLaneFrom(c);
        }
    });
    parameters_->offerCompareRows(true);
    connect(parameters_, &ParametersPanel::compareChunksRequested, this, [this](const std::vector<uint64_t>& chunks) {
        openCompare()->compareChunkSizes(controller_->config(), chunks);
    });
    if (QMenu* view = menuBar()->findChild<QMenu*>(QStringLiteral("viewMenu"))) {
        view->addSeparator();
        for (QDockWidget* d : std::as_const(docks_)) {
            view->addAction(d->toggleViewAction());
        }
    }
}

CompareWindow* MainWindow::compareWindow() const
{
    return compare_;
}

CompareWindow* MainWindow::openCompare()
{
    if (!compare_) {
        compare_ = new CompareWindow(this);
        compare_->setWindowFlag(Qt::Window);
        compare_->compareWith(controller_->config());
    }
    compare_->show();
    compare_->raise();
    compare_->activateWindow();
    return compare_;
}

void MainWindow::createStatusBar()
{
    setStatusBar(new QStatusBar(this));
    timeLabel_ = new QLabel(statusBar());
    timeLabel_->setObjectName(QStringLiteral("timeLabel"));
    texts_->toolTip(timeLabel_, QT_TR_NOOP("Simulated time, and the speed asked for against the speed achieved: "
                                           "a heavy run is simulated as fast as this machine and the window keep up"));
    memoryLabel_ = new QLabel(statusBar());
    frameLabel_ = new QLabel(statusBar());
    statusBar()->addPermanentWidget(timeLabel_);
    statusBar()->addPermanentWidget(memoryLabel_);
    statusBar()->addPermanentWidget(frameLabel_);
}

void MainWindow::connectViews()
{
    connect(controller_, &SimulationController::playingChanged, this, [this](bool playing) {
        playAction_->setChecked(playing);
        playAction_->setText(playing ? tr("&Pause") : tr("&Play"));
    });
    connect(controller_, &SimulationController::speedChanged, this, [this](double s) { updateSpeedLabel(s); });
    connect(controller_, &SimulationController::configChanged, this, [this](const SimConfig& c) {
        parameters_->setConfig(c);
        workload_->setDiskBytes(c.guestBytes());
        workload_->setWorkload(c.workload);
        if (c != scenario_.config) {
            scenario_.name.clear();
            scenario_.description.clear();
            updateScenarioBanner();
        }
    });
    connect(heatmap_, &HeatmapView::requestChanged, controller_, &SimulationController::setRequest);
    connect(bitmapSelector_, &BitmapSelector::bitmapChosen, heatmap_, &HeatmapView::setBitmap);
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
    // The name alone when the scenario has no description: no dash leading to nothing.
    const QString name = QStringLiteral("<b>%1</b>").arg(scenario_.name.toHtmlEscaped());
    scenarioBanner_->setText(scenario_.description.isEmpty()
                                 ? name
                                 : name + QStringLiteral(" &mdash; ") + scenario_.description.toHtmlEscaped());
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
    speedLabel_->setText(tr("%1x").arg(speedNumber(speed)));
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
    bitmapSelector_->setSnapshot(snapshot);
    chartModel_->setSnapshot(snapshot);
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
        summary_->setSummary(snapshot->summary, snapshot->config, snapshot->timeLimitReached);
    }

    const bool running = snapshot->phase == Phase::Setup || snapshot->phase == Phase::Bulk ||
                         snapshot->phase == Phase::Dirty || snapshot->phase == Phase::Complete;
    startAction_->setEnabled(snapshot->canStart);
    abortAction_->setEnabled(running && !snapshot->finished);  // nothing runs past the time limit
    playAction_->setEnabled(!snapshot->finished);
    stepAction_->setEnabled(!snapshot->finished);

    const QLocale l;
    // The speed asked for next to the speed the simulation and the window actually keep up.
    const auto speed = [](double x) { return speedNumber(x); };
    const QString time = l.toString(double(snapshot->nowNs) * 1e-9, 'f', 3);
    timeLabel_->setText(!snapshot->playing ? tr("t = %1 s").arg(time)
                        : snapshot->achievedSpeed > 0
                            ? tr("t = %1 s, asked %2x, achieved %3x")
                                  .arg(time, speed(snapshot->speed), speed(snapshot->achievedSpeed))
                            : tr("t = %1 s, asked %2x").arg(time, speed(snapshot->speed)));
    const uint64_t bitmapBytes = (snapshot->geometry.totalBits() + 7) / 8;
    memoryLabel_->setText(tr("bitmap %1").arg(formatBytes(bitmapBytes, l, 1)));
    if (frameStats_->frames() > 0 && snapshot->serial % 30 == 0) {
        frameLabel_->setText(tr("frame p99 %1 ms").arg(l.toString(frameStats_->percentileMs(99), 'f', 1)));
    }
    frameStats_->endFrame();
}

void MainWindow::showShortcuts()
{
    // The Compare window's keys too, from its own actions (a window made for the listing when none is open).
    std::unique_ptr<CompareWindow> unopened;
    const CompareWindow* compare = compare_;
    if (!compare) {
        unopened = std::make_unique<CompareWindow>();
        compare = unopened.get();
    }
    ShortcutsDialog dialog(QList<ShortcutsDialog::Section>{{tr("Main window"), allActions()},
                                                           {CompareWindow::shortcutsTitle(), compare->allActions()}},
                           this);
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
