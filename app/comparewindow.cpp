#include "comparewindow.h"

#include "app/scenario/summaryjson.h"
#include "shortcutsdialog.h"
#include "viewexporter.h"
#include "widgets/byteformat.h"
#include "widgets/chartmodel.h"
#include "widgets/heatmapview.h"
#include "widgets/lanecharts.h"
#include "widgets/parameterspanel.h"
#include "widgets/phasestrip.h"
#include "widgets/zoomstack.h"

#include <bitmig/csv.h>
#include <bitmig/snapshotbuilder.h>

#include <QActionGroup>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QPixmap>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QScrollArea>
#include <QSlider>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTableWidget>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <optional>

namespace bitmig {

namespace {

const double kSpeedDecades = 6;  // 0.001x to 1000x, as the main window's slider
const int kSpeedSteps = 600;
int speedToSlider(double speed)
{
    return int(std::lround(std::log10(speed / 0.001) / kSpeedDecades * kSpeedSteps));
}
double sliderToSpeed(int value)
{
    if (value <= 0) {
        return 0.001;
    }
    if (value >= kSpeedSteps) {
        return 1000;
    }
    return 0.001 * std::pow(10.0, double(value) / kSpeedSteps * kSpeedDecades);
}

QString msText(int64_t ns)
{
    return CompareWindow::tr("%1 ms").arg(QLocale().toString(double(ns) / 1e6, 'g', 4));
}

// A figure of one lane: the text shown and the value compared (lower is better unless `higher`).
struct Cell {
    QString text;
    double value = 0;
    bool comparable = true;
};

QString phaseText(const SimSnapshot& s)
{
    if (s.timeLimitReached && !s.summary.finished) {
        return CompareWindow::tr("stopped at the time limit");
    }
    switch (s.phase) {
    case Phase::Idle:
        return CompareWindow::tr("not started");
    case Phase::Setup:
        return CompareWindow::tr("setup");
    case Phase::Bulk:
        return CompareWindow::tr("bulk");
    case Phase::Dirty:
        return CompareWindow::tr("dirty pass %1").arg(s.pass);
    case Phase::Complete:
        return CompareWindow::tr("complete");
    case Phase::Done:
        return CompareWindow::tr("done");
    case Phase::Cancelled:
        break;
    }
    return CompareWindow::tr("cancelled");
}

Cell figure(CompareWindow::Figure f, const SimSnapshot& s)
{
    const MigrationSummary& m = s.summary;
    const QLocale l;
    switch (f) {
    case CompareWindow::Figure::Phase:
        return {phaseText(s), 0, false};
    case CompareWindow::Figure::Downtime:
        if (!m.finished) {  // the guest is paused only at the end: no downtime to show before it
            return {CompareWindow::tr("%1 / %2").arg(CompareWindow::tr("not yet"), msText(s.config->maxDowntimeNs)), 0,
                    false};
        }
        return {CompareWindow::tr("%1 / %2").arg(msText(m.downtimeNs), msText(s.config->maxDowntimeNs)),
                double(m.downtimeNs)};
    case CompareWindow::Figure::Converged:
        if (!m.finished) {
            return {CompareWindow::tr("not yet"), 0, false};
        }
        return {m.converged ? CompareWindow::tr("yes") : CompareWindow::tr("no"), m.converged ? 0.0 : 1.0};
    case CompareWindow::Figure::DirtyPasses:
        return {l.toString(m.dirtyPasses), double(m.dirtyPasses)};
    case CompareWindow::Figure::WireBytes:
        return {formatBytes(m.wireBytes), double(m.wireBytes)};
    case CompareWindow::Figure::Overhead:
        return {CompareWindow::tr("%1 %").arg(l.toString(100 * m.overhead(), 'f', 2)), m.overhead()};
    case CompareWindow::Figure::ResentChunks:
        return {l.toString(qulonglong(m.chunksResent)), double(m.chunksResent)};
    case CompareWindow::Figure::TotalTime:
        if (!m.finished) {
            return {CompareWindow::tr("not yet"), 0, false};
        }
        return {msText(m.totalTimeNs), double(m.totalTimeNs)};
    case CompareWindow::Figure::Verified:
        if (!m.finished) {
            return {CompareWindow::tr("not yet"), 0, false};
        }
        return {m.verified ? CompareWindow::tr("yes ✓") : CompareWindow::tr("NO ✗"), m.verified ? 0.0 : 1.0};
    }
    return {};
}

QString figureName(CompareWindow::Figure f)
{
    switch (f) {
    case CompareWindow::Figure::Phase:
        return CompareWindow::tr("Phase");
    case CompareWindow::Figure::Downtime:
        return CompareWindow::tr("Downtime / limit");
    case CompareWindow::Figure::Converged:
        return CompareWindow::tr("Converged");
    case CompareWindow::Figure::DirtyPasses:
        return CompareWindow::tr("Dirty passes");
    case CompareWindow::Figure::WireBytes:
        return CompareWindow::tr("Wire bytes");
    case CompareWindow::Figure::Overhead:
        return CompareWindow::tr("Overhead");
    case CompareWindow::Figure::ResentChunks:
        return CompareWindow::tr("Resent chunks");
    case CompareWindow::Figure::TotalTime:
        return CompareWindow::tr("Total time");
    case CompareWindow::Figure::Verified:
        break;
    }
    return CompareWindow::tr("Verified");
}

} // namespace

CompareWindow::CompareWindow(QWidget* parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("compareWindow"));
    setAttribute(Qt::WA_DeleteOnClose, false);
    controller_ = new LanesController(this);
    buildUi();
    connect(controller_, &LanesController::snapshotChanged, this, &CompareWindow::onSnapshot);
    connect(controller_, &LanesController::lanesChanged, this, &CompareWindow::rebuildLanes);
    connect(controller_, &LanesController::failed, this, &CompareWindow::showMessage);
    connect(controller_, &LanesController::playingChanged, this, [this](bool playing) {
        play_->setChecked(playing);
        play_->setText(playing ? tr("Pause") : tr("Play"));
        play_->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    });
    connect(controller_, &LanesController::speedChanged, this, &CompareWindow::updateSpeedLabel);
    setSpeed(controller_->speed());
    resize(1400, 900);
}

CompareWindow::~CompareWindow() = default;

void CompareWindow::buildUi()
{
    // ---- actions ----
    play_ = new QAction(style()->standardIcon(QStyle::SP_MediaPlay), tr("Play"), this);
    play_->setCheckable(true);
    play_->setShortcut(Qt::Key_Space);
    ShortcutsDialog::setStableLabel(play_, QT_TRANSLATE_NOOP("bitmig::ShortcutsDialog", "Play or pause"));
    connect(play_, &QAction::triggered, controller_, [this](bool on) { controller_->setPlaying(on); });
    step_ = new QAction(style()->standardIcon(QStyle::SP_MediaSkipForward), tr("Step"), this);
    step_->setShortcut(Qt::Key_Period);
    connect(step_, &QAction::triggered, controller_, [this] { controller_->step(1); });
    reset_ = new QAction(style()->standardIcon(QStyle::SP_MediaSkipBackward), tr("Reset"), this);
    reset_->setShortcut(Qt::CTRL | Qt::Key_R);
    connect(reset_, &QAction::triggered, controller_, &LanesController::reset);
    slower_ = new QAction(tr("Slower"), this);
    slower_->setShortcut(Qt::Key_BracketLeft);
    connect(slower_, &QAction::triggered, this, [this] { setSpeed(controller_->speed() / 2); });
    faster_ = new QAction(tr("Faster"), this);
    faster_->setShortcut(Qt::Key_BracketRight);
    connect(faster_, &QAction::triggered, this, [this] { setSpeed(controller_->speed() * 2); });
    addActions({slower_, faster_});
    start_ = new QAction(tr("Start migration"), this);
    connect(start_, &QAction::triggered, controller_, &LanesController::startMigration);
    addLane_ = new QAction(tr("Add lane"), this);
    addLane_->setToolTip(tr("Add a copy of the lane chosen in Lane parameters (at most 4 lanes)"));
    connect(addLane_, &QAction::triggered, this, [this] {
        controller_->addLane(std::max(0, laneSelector_->currentIndex()));
        laneSelector_->setCurrentIndex(controller_->laneCount() - 1);
    });
    removeLane_ = new QAction(tr("Remove lane"), this);
    removeLane_->setToolTip(tr("Remove the lane chosen in Lane parameters (at least 2 lanes stay)"));
    connect(removeLane_, &QAction::triggered, this, [this] { controller_->removeLane(laneSelector_->currentIndex()); });
    auto* tools = new QActionGroup(this);
    pan_ = new QAction(tr("Pan"), tools);
    pan_->setCheckable(true);
    pan_->setChecked(true);
    pan_->setShortcut(Qt::Key_H);
    brush_ = new QAction(tr("Brush"), tools);
    brush_->setCheckable(true);
    brush_->setShortcut(Qt::Key_B);
    brush_->setToolTip(tr("Write where you click or drag, in every lane (Ctrl clears instead)"));
    connect(tools, &QActionGroup::triggered, this, [this](QAction* a) {
        for (Lane& l : lanes_) {
            l.heatmap->setTool(a == brush_ ? HeatmapView::Tool::Brush : HeatmapView::Tool::Pan);
        }
    });
    open_ = new QAction(tr("&Open comparison..."), this);
    open_->setShortcut(QKeySequence::Open);
    connect(open_, &QAction::triggered, this, &CompareWindow::openDialog);
    save_ = new QAction(tr("&Save comparison as..."), this);
    save_->setShortcut(QKeySequence::SaveAs);
    connect(save_, &QAction::triggered, this, &CompareWindow::saveDialog);
    export_ = new QAction(tr("&Export..."), this);
    export_->setToolTip(tr("The comparison as PNG or SVG, the lanes' summaries as CSV or JSON"));
    connect(export_, &QAction::triggered, this, &CompareWindow::exportDialog);
    close_ = new QAction(tr("&Close"), this);
    close_->setShortcut(QKeySequence::Close);
    connect(close_, &QAction::triggered, this, &QWidget::close);

    fileMenu_ = menuBar()->addMenu(tr("&File"));
    fileMenu_->addActions({open_, save_, export_});
    fileMenu_->addSeparator();
    fileMenu_->addAction(close_);
    laneMenu_ = menuBar()->addMenu(tr("&Lanes"));
    laneMenu_->addActions({addLane_, removeLane_});
    helpMenu_ = menuBar()->addMenu(tr("&Help"));
    keys_ = helpMenu_->addAction(tr("&Keyboard shortcuts"), this, [this] {
        ShortcutsDialog dialog(QList<ShortcutsDialog::Section>{{shortcutsTitle(), allActions()}}, this);
        dialog.exec();
    });
    keys_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));

    auto* bar = addToolBar(tr("Comparison"));
    bar->setObjectName(QStringLiteral("compareToolBar"));
    bar->addActions({play_, step_, reset_, start_});
    bar->addSeparator();
    bar->addWidget(new QLabel(tr("Speed") + QLatin1Char(' ')));
    speedSlider_ = new QSlider(Qt::Horizontal);
    speedSlider_->setRange(0, kSpeedSteps);
    speedSlider_->setFixedWidth(140);
    speedSlider_->setAccessibleName(tr("Simulation speed"));
    connect(speedSlider_, &QSlider::valueChanged, this, [this](int v) { controller_->setSpeed(sliderToSpeed(v)); });
    bar->addWidget(speedSlider_);
    speedLabel_ = new QLabel;
    speedLabel_->setMinimumWidth(60);
    bar->addWidget(speedLabel_);
    bar->addSeparator();
    bar->addActions({pan_, brush_});
    bar->addSeparator();
    bar->addActions({addLane_, removeLane_});

    // ---- the view: lanes above, the charts and the table below ----
    view_ = new QWidget;
    view_->setObjectName(QStringLiteral("comparisonView"));
    auto* viewLayout = new QVBoxLayout(view_);
    viewLayout->setContentsMargins(4, 4, 4, 4);
    message_ = new QLabel;
    message_->setWordWrap(true);
    message_->setStyleSheet(QStringLiteral("color: #c0392b;"));
    message_->hide();
    viewLayout->addWidget(message_);
    // The lanes (scrolled when four do not fit) beside the charts, the table under both.
    auto* top = new QSplitter(Qt::Horizontal);
    top->setChildrenCollapsible(false);
    auto* lanesWidget = new QWidget;
    lanesLayout_ = new QVBoxLayout(lanesWidget);
    lanesLayout_->setContentsMargins(0, 0, 0, 0);
    lanesLayout_->setSpacing(4);
    auto* lanesScroll = new QScrollArea;
    lanesScroll->setWidgetResizable(true);
    lanesScroll->setFrameShape(QFrame::NoFrame);
    lanesScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    lanesScroll->setWidget(lanesWidget);
    top->addWidget(lanesScroll);
    charts_ = new LaneCharts;
    charts_->setMaximumWidth(520);
    top->addWidget(charts_);
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 1);
    top->setSizes({900, 400});
    viewLayout->addWidget(top, 1);
    // One row per lane, one column per figure.
    table_ = new QTableWidget(0, kFigures);
    table_->setObjectName(QStringLiteral("laneSummary"));
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionMode(QAbstractItemView::NoSelection);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    table_->setWordWrap(false);
    viewLayout->addWidget(table_);
    setCentralWidget(view_);

    // ---- the lane editor ----
    editorDock_ = new QDockWidget(tr("Lane parameters"), this);
    editorDock_->setObjectName(QStringLiteral("laneParametersDock"));
    editorDock_->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    auto* editorBox = new QWidget;
    auto* editorLayout = new QVBoxLayout(editorBox);
    auto* pick = new QHBoxLayout;
    laneSelectorLabel_ = new QLabel(tr("Lane:"));
    laneSelector_ = new QComboBox;
    laneSelector_->setObjectName(QStringLiteral("laneSelector"));
    laneSelectorLabel_->setBuddy(laneSelector_);
    pick->addWidget(laneSelectorLabel_);
    pick->addWidget(laneSelector_, 1);
    editorLayout->addLayout(pick);
    auto* note = new QLabel(tr("Disk, workload, seed and clock are shared: an edit there applies to every lane."));
    note->setWordWrap(true);
    editorLayout->addWidget(note);
    editor_ = new ParametersPanel;
    auto* scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setWidget(editor_);
    scroll->setFrameShape(QFrame::NoFrame);
    editorLayout->addWidget(scroll, 1);
    editorDock_->setWidget(editorBox);
    addDockWidget(Qt::RightDockWidgetArea, editorDock_);
    editorLayout_ = editorLayout;
    fitEditorDock();
    connect(editor_, &ParametersPanel::preferredWidthChanged, this, &CompareWindow::fitEditorDock);
    connect(laneSelector_, &QComboBox::currentIndexChanged, this, [this] { updateEditor(); });
    connect(editor_, &ParametersPanel::configEdited, this, [this](const SimConfig& c) {
        const int lane = laneSelector_->currentIndex();
        if (lane >= 0 && controller_->setLaneConfig(lane, c)) {
            message_->hide();
        } else {
            updateEditor();  // refused: the lane's values again
        }
    });

    timeLabel_ = new QLabel;
    statusBar()->addPermanentWidget(timeLabel_);
    setWindowTitle(tr("Compare runs"));
}

QString CompareWindow::shortcutsTitle()
{
    return tr("Compare window");
}

QList<QAction*> CompareWindow::allActions() const
{
    QList<QAction*> out;
    const auto add = [&out](QAction* a) {
        if (a && !a->isSeparator() && !a->menu() && !out.contains(a)) {
            out.append(a);
        }
    };
    for (QAction* m : menuBar()->actions()) {
        if (m->menu()) {
            for (QAction* a : m->menu()->actions()) {
                add(a);
            }
        }
    }
    for (QAction* a : {play_, step_, reset_, start_, slower_, faster_, pan_, brush_}) {
        add(a);
    }
    return out;
}

bool CompareWindow::setComparison(const SimConfig& shared, const std::vector<ScenarioLane>& lanes, QString* error)
{
    const QString why = LanesController::problem(shared, lanes);
    if (!why.isEmpty()) {
        showMessage(why);
        if (error) {
            *error = why;
        }
        return false;
    }
    controller_->setComparison(shared, lanes);
    message_->hide();
    return true;
}

bool CompareWindow::compareWith(const SimConfig& config, QString* error)
{
    ScenarioLane other;
    other.overrides.chunkBytes = config.chunkBytes == (uint64_t(1) << 20) ? 1024 : uint64_t(1) << 20;
    return setComparison(config, {ScenarioLane{}, other}, error);
}

bool CompareWindow::compareChunkSizes(const SimConfig& config, const std::vector<uint64_t>& chunkSizes,
                                      QString* error)
{
    std::vector<ScenarioLane> lanes;
    for (uint64_t c : chunkSizes) {
        ScenarioLane l;
        l.overrides.chunkBytes = c;
        lanes.push_back(l);
    }
    return setComparison(config, lanes, error);
}

namespace {

// A lane runs the comparison's shared values: a run that differs in one of them (a sweep over the
// write rate or the migration start) cannot be one of its lanes.
bool sharesValues(const SimConfig& shared, const SimConfig& config)
{
    return LaneOverrides::withShared(shared, config) == config;
}

} // namespace

bool CompareWindow::compareRunAndPoint(const SimConfig& run, const SimConfig& point, QString* error)
{
    if (!sharesValues(run, point)) {
        const QString why = tr("This run differs from the others in a value every lane shares (the disk, the "
                               "workload, the seed or the clock): open it as the run instead.");
        showMessage(why);
        if (error) {
            *error = why;
        }
        return false;
    }
    return setComparison(run, {ScenarioLane{}, ScenarioLane{QString(), LaneOverrides::between(run, point)}}, error);
}

bool CompareWindow::addLaneFrom(const SimConfig& config, QString* error)
{
    if (!sharesValues(controller_->sharedConfig(), config)) {
        const QString why = tr("This run differs from the others in a value every lane shares (the disk, the "
                               "workload, the seed or the clock): open it as the run instead.");
        showMessage(why);
        if (error) {
            *error = why;
        }
        return false;
    }
    std::vector<ScenarioLane> lanes = controller_->lanes();
    if (int(lanes.size()) >= LanesController::kMaxLanes) {
        const QString why = tr("A comparison has at most 4 lanes: remove one to add this run.");
        showMessage(why);
        if (error) {
            *error = why;
        }
        return false;
    }
    lanes.push_back(ScenarioLane{QString(), LaneOverrides::between(controller_->sharedConfig(), config)});
    if (!setComparison(controller_->sharedConfig(), lanes, error)) {
        return false;
    }
    laneSelector_->setCurrentIndex(controller_->laneCount() - 1);
    return true;
}

void CompareWindow::rebuildLanes()
{
    const int count = controller_->laneCount();
    const QStringList names = controller_->laneNames();
    while (int(lanes_.size()) > count) {
        Lane l = lanes_.back();
        lanes_.pop_back();
        delete l.box;
        delete l.charts;
    }
    while (int(lanes_.size()) < count) {
        const int index = int(lanes_.size());
        Lane l;
        l.box = new QWidget;
        l.box->setObjectName(QStringLiteral("lane%1").arg(index));
        auto* v = new QVBoxLayout(l.box);
        v->setContentsMargins(0, 0, 0, 0);
        v->setSpacing(2);
        auto* head = new QHBoxLayout;
        l.swatch = new QLabel;
        l.swatch->setFixedSize(14, 14);
        l.swatch->setStyleSheet(QStringLiteral("background: %1; border-radius: 3px;")
                                    .arg(LaneCharts::laneColour(index).name()));
        l.title = new QLabel;
        QFont bold = l.title->font();
        bold.setBold(true);
        l.title->setFont(bold);
        head->addWidget(l.swatch);
        head->addWidget(l.title);
        l.phases = new PhaseStrip;
        head->addWidget(l.phases, 1);
        v->addLayout(head);
        l.heatmap = new HeatmapView;
        l.heatmap->setShowDestination(false);
        l.heatmap->setTool(brush_->isChecked() ? HeatmapView::Tool::Brush : HeatmapView::Tool::Pan);
        // Each lane's zoom keys act in that lane (the others follow it): as window shortcuts, the
        // lanes' Ctrl+plus would be ambiguous and none would act.
        for (QAction* a : l.heatmap->zoomStack()->actions()) {
            a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        }
        v->addWidget(l.heatmap, 1);
        l.charts = new ChartModel(this);
        connect(l.heatmap->zoomStack(), &ZoomStack::rangeChanged, this,
                [this, index](uint64_t first, uint64_t end) { syncZoom(index, first, end); });
        connect(l.heatmap, &HeatmapView::requestChanged, this, &CompareWindow::scheduleRequests);
        connect(l.heatmap, &HeatmapView::brushStroke, this, [this](uint64_t first, uint64_t length, bool clear) {
            controller_->inject(clear, first, length);
        });
        lanesLayout_->addWidget(l.box, 1);
        lanes_.push_back(l);
    }
    QList<ChartModel*> models;
    QList<QColor> colours;
    for (int i = 0; i < count; ++i) {
        // The lanes share one disk axis: one offset axis and colour legend (under the last lane) and
        // one "Whole disk" strip (over the first; it moves every lane) for the comparison, the rest
        // of each lane is its bands.
        lanes_[size_t(i)].heatmap->setShowOverview(i == 0);
        lanes_[size_t(i)].heatmap->setShowAxisAndLegend(i == count - 1);
        lanes_[size_t(i)].title->setText(names.value(i));
        lanes_[size_t(i)].charts->clear();
        models.append(lanes_[size_t(i)].charts);
        colours.append(LaneCharts::laneColour(i));
    }
    charts_->setLanes(models, names, colours);
    {
        const QSignalBlocker block(laneSelector_);
        const int current = laneSelector_->currentIndex();
        laneSelector_->clear();
        for (int i = 0; i < count; ++i) {
            laneSelector_->addItem(tr("%1: %2").arg(i + 1).arg(names.value(i)));
        }
        laneSelector_->setCurrentIndex(std::clamp(current, 0, count - 1));
    }
    table_->setRowCount(count);
    table_->setVerticalHeaderLabels(names);
    for (int i = 0; i < count; ++i) {
        QPixmap swatch(12, 12);
        swatch.fill(LaneCharts::laneColour(i));
        table_->verticalHeaderItem(i)->setIcon(QIcon(swatch));
    }
    fitTable();
    addLane_->setEnabled(count < LanesController::kMaxLanes);
    removeLane_->setEnabled(count > LanesController::kMinLanes);
    updateEditor();
    sendRequests();
}

void CompareWindow::updateEditor()
{
    const int lane = laneSelector_->currentIndex();
    if (lane >= 0 && lane < controller_->laneCount()) {
        editor_->setConfig(controller_->laneConfig(lane));
    }
}

std::vector<std::pair<uint64_t, uint64_t>> CompareWindow::requestInputs() const
{
    std::vector<std::pair<uint64_t, uint64_t>> inputs;
    for (const Lane& l : lanes_) {
        const SimSnapshotPtr s = l.heatmap->snapshot();
        inputs.emplace_back(l.heatmap->zoomStack()->totalBits(), s ? s->chunkBits : 0);
    }
    return inputs;
}

void CompareWindow::sendRequests()
{
    std::vector<HeatmapRequest> requests;
    for (const Lane& l : lanes_) {
        requests.push_back(l.heatmap->currentRequest());
    }
    requestInputs_ = requestInputs();
    // One raster for every lane: the fewest columns and rows any lane has room for, the rows
    // aligned to the largest chunk of any lane (a row count aligned to it is aligned to every
    // smaller power of two too) and kept as asked in each lane. A row then covers the same disk
    // bytes in every lane, the lanes' row labels name the same offsets, and the one "in row" axis
    // under the last lane is true for each.
    if (!requests.empty() && int(requests.size()) == controller_->laneCount()) {
        int columns = requests.front().columns;
        int rows = requests.front().rows;
        for (const HeatmapRequest& r : requests) {
            columns = std::min(columns, r.columns);
            rows = std::min(rows, r.rows);
        }
        columns = std::max(columns, 1);
        rows = std::max(rows, 1);
        // The rows the snapshot builder lays on a lane's bitmap for these columns and rows.
        const auto rowsIn = [&](size_t lane, uint64_t alignChunkBits) {
            HeatmapRequest r = requests[lane];
            r.columns = columns;
            r.rows = rows;
            return SnapshotBuilder::requestedGeometry(requestInputs_[lane].first, r, alignChunkBits).rows();
        };
        std::optional<size_t> largest;  // the lane of the largest chunk whose bitmap size is known
        for (size_t i = 0; i < requests.size(); ++i) {
            if (requestInputs_[i].first == 0) {
                continue;
            }
            rows = std::max(rowsIn(i, 0), 1);  // no more rows than the lane's range holds
            if (!largest || requestInputs_[i].second > requestInputs_[*largest].second) {
                largest = i;
            }
        }
        if (largest) {
            rows = std::max(rowsIn(*largest, requestInputs_[*largest].second), 1);
        }
        for (HeatmapRequest& r : requests) {
            r.columns = columns;
            r.rows = rows;
            r.alignRowsToChunks = false;
        }
    }
    controller_->setRequests(requests);  // sent only when they changed
}

void CompareWindow::scheduleRequests()
{
    // A zoom moves every lane and a resize resizes every lane, each view asking for its raster:
    // the lanes are asked once, for all of them, when the event is done.
    if (!requestsQueued_) {
        requestsQueued_ = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                requestsQueued_ = false;
                sendRequests();
            },
            Qt::QueuedConnection);
    }
}

void CompareWindow::syncZoom(int from, uint64_t firstBit, uint64_t endBit)
{
    if (syncing_ || from >= laneCount() || from >= controller_->laneCount()) {
        return;
    }
    // The shared axis is the disk: lanes of another granularity show the same bytes in other bits.
    const SimConfig source = controller_->laneConfig(from);
    const uint64_t disk = source.diskBytes;
    const uint64_t firstByte = firstBit * source.granularity;
    const uint64_t endByte = std::min(endBit * source.granularity, disk);
    syncing_ = true;
    for (int i = 0; i < laneCount() && i < controller_->laneCount(); ++i) {
        if (i == from) {
            continue;
        }
        const uint64_t g = controller_->laneConfig(i).granularity;
        ZoomStack* z = lanes_[size_t(i)].heatmap->zoomStack();
        if (z->totalBits() == 0) {
            continue;
        }
        const uint64_t first = firstByte / g;
        const uint64_t end = std::max(first + 1, (endByte + g - 1) / g);
        if (z->firstBit() != first || z->endBit() != end) {
            z->zoomTo(first, end);
        }
    }
    syncing_ = false;
}

void CompareWindow::onSnapshot(const LanesSnapshotPtr& snapshot)
{
    if (snapshot->lanes.size() != lanes_.size()) {
        return;  // a snapshot of the lanes before a rebuild
    }
    for (size_t i = 0; i < lanes_.size(); ++i) {
        const SimSnapshotPtr& s = snapshot->lanes[i];
        lanes_[i].heatmap->setSnapshot(s);
        lanes_[i].phases->setSnapshot(s);
        lanes_[i].charts->setSnapshot(s);
    }
    // The lanes share one raster (sendRequests()): they label the same rows, as often as the
    // lane with the thinnest rows has room for.
    int step = 1;
    for (const Lane& l : lanes_) {
        step = std::max(step, l.heatmap->automaticRowLabelStep());
    }
    for (const Lane& l : lanes_) {
        l.heatmap->setRowLabelStep(step);
    }
    // The first snapshots tell the bitmaps' sizes and chunks, which the shared rows are aligned
    // with; later ones change neither.
    if (requestInputs() != requestInputs_) {
        sendRequests();
    }
    if (!snapshot->playing) {
        charts_->redraw();
    }
    updateTable();
    const QLocale l;
    QString time = tr("simulated time %1 s").arg(l.toString(double(snapshot->nowNs) * 1e-9, 'f', 3));
    if (snapshot->playing && snapshot->achievedSpeed > 0) {
        time += QStringLiteral("   ") + tr("achieved %1x").arg(l.toString(snapshot->achievedSpeed, 'g', 3));
    }
    timeLabel_->setText(time);
    start_->setEnabled(std::any_of(snapshot->lanes.begin(), snapshot->lanes.end(),
                                   [](const SimSnapshotPtr& s) { return s->canStart; }));
}

void CompareWindow::updateTable()
{
    const LanesSnapshotPtr& snap = controller_->snapshot();
    if (!snap || snap->lanes.size() != lanes_.size()) {
        return;
    }
    const int count = int(snap->lanes.size());
    QStringList rows;
    for (int f = 0; f < kFigures; ++f) {
        rows.append(figureName(Figure(f)));
        std::vector<Cell> cells;
        for (int i = 0; i < count; ++i) {
            cells.push_back(figure(Figure(f), *snap->lanes[size_t(i)]));
        }
        // Where the lanes differ, the best value is marked (lowest; for yes/no, yes).
        const bool differs = std::any_of(cells.begin(), cells.end(), [&](const Cell& c) { return c.text != cells[0].text; });
        const bool comparable =
            std::all_of(cells.begin(), cells.end(), [](const Cell& c) { return c.comparable; }) && snap->finished;
        double best = 0;
        if (comparable) {
            best = std::min_element(cells.begin(), cells.end(), [](const Cell& a, const Cell& b) { return a.value < b.value; })->value;
        }
        for (int i = 0; i < count; ++i) {
            QTableWidgetItem* item = table_->item(i, f);
            if (!item) {
                item = new QTableWidgetItem;
                item->setTextAlignment(Qt::AlignCenter);
                table_->setItem(i, f, item);
            }
            const Cell& c = cells[size_t(i)];
            item->setText(c.text);
            QFont font = table_->font();
            font.setBold(differs);
            item->setFont(font);
            const bool isBest = differs && comparable && c.value == best;
            item->setBackground(isBest ? QBrush(QColor(0x00, 0x9E, 0x73, 60)) : QBrush());
            item->setToolTip(isBest ? tr("the best of the lanes") : differs ? tr("differs between the lanes") : QString());
            item->setData(Qt::UserRole, isBest);
        }
    }
    table_->setHorizontalHeaderLabels(rows);
    fitTable();
}

void CompareWindow::fitTable()
{
    // As tall as its rows: the table never scrolls, the lanes above take the rest.
    int height = table_->horizontalHeader()->sizeHint().height() + 2 * table_->frameWidth();
    for (int r = 0; r < table_->rowCount(); ++r) {
        height += table_->verticalHeader()->sectionSizeHint(r);
    }
    table_->setFixedHeight(height + 2);
}

void CompareWindow::setSpeed(double speed)
{
    controller_->setSpeed(speed);
    updateSpeedLabel();
}

void CompareWindow::updateSpeedLabel()
{
    const QSignalBlocker block(speedSlider_);
    speedSlider_->setValue(speedToSlider(controller_->speed()));
    speedLabel_->setText(tr("%1x").arg(QLocale().toString(controller_->speed(), 'g', 3)));
}

void CompareWindow::showMessage(const QString& text)
{
    message_->setText(text);
    message_->setVisible(!text.isEmpty());
}

bool CompareWindow::openComparison(const QString& path, QString* error)
{
    try {
        const Scenario s = ScenarioFile::load(path);
        if (s.lanes.empty()) {
            throw ScenarioError(QFileInfo(path).fileName(), QStringLiteral("lanes"),
                                tr("missing: this scenario is one run, not a comparison (open it from the main "
                                   "window's File menu)"));
        }
        return setComparison(s.config, s.lanes, error);
    } catch (const ScenarioError& e) {
        showMessage(e.message());
        if (error) {
            *error = e.message();
        }
        return false;
    }
}

bool CompareWindow::saveComparison(const QString& path, QString* error)
{
    try {
        ScenarioFile::save(path, controller_->scenario(QFileInfo(path).completeBaseName()));
        return true;
    } catch (const ScenarioError& e) {
        showMessage(e.message());
        if (error) {
            *error = e.message();
        }
        return false;
    }
}

QByteArray CompareWindow::summaryJson() const
{
    std::vector<SimConfig> configs;
    std::vector<MigrationSummary> summaries;
    const LanesSnapshotPtr& snap = controller_->snapshot();
    if (snap) {
        for (const SimSnapshotPtr& s : snap->lanes) {
            configs.push_back(*s->config);
            summaries.push_back(s->summary);
        }
    }
    return QJsonDocument(cli::SummaryJson::lanesToJson(controller_->laneNames(), configs, summaries))
        .toJson(QJsonDocument::Indented);
}

QByteArray CompareWindow::summaryCsv() const
{
    std::string out = "lane,phase,downtimeNs,maxDowntimeNs,converged,dirtyPasses,wireBytes,payloadBytes,headerBytes,"
                      "overheadPercent,chunksResent,totalTimeNs,verified\n";
    const LanesSnapshotPtr& snap = controller_->snapshot();
    const QStringList names = controller_->laneNames();
    if (snap) {
        for (size_t i = 0; i < snap->lanes.size(); ++i) {
            const SimSnapshot& s = *snap->lanes[i];
            const MigrationSummary& m = s.summary;
            out += csvField(names.value(qsizetype(i)).toStdString()) + ',' + std::string(phaseName(s.phase)) + ',' +
                   std::to_string(m.downtimeNs) + ',' + std::to_string(s.config->maxDowntimeNs) + ',' +
                   (m.converged ? "true" : "false") + ',' + std::to_string(m.dirtyPasses) + ',' +
                   std::to_string(m.wireBytes) + ',' + std::to_string(m.payloadBytes) + ',' +
                   std::to_string(m.headerBytes) + ',' + QString::number(100 * m.overhead(), 'f', 4).toStdString() +
                   ',' + std::to_string(m.chunksResent) + ',' + std::to_string(m.totalTimeNs) + ',' +
                   (m.verified ? "true" : "false") + '\n';
        }
    }
    return QByteArray::fromStdString(out);
}

QString CompareWindow::exportTo(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("json")) {
        return ViewExporter::saveBytes(summaryJson(), path);
    }
    if (suffix == QLatin1String("csv")) {
        return ViewExporter::saveBytes(summaryCsv(), path);
    }
    ViewExporter::Format format;
    if (!ViewExporter::formatFor(path, &format)) {
        return tr("%1: use .png or .svg for the view, .csv or .json for the summaries").arg(QFileInfo(path).fileName());
    }
    return ViewExporter::saveView(view_, path, windowTitle());
}

void CompareWindow::openDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open comparison"), QString(), ScenarioFile::fileFilter());
    if (!path.isEmpty()) {
        openComparison(path);
    }
}

void CompareWindow::saveDialog()
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save comparison as"), QStringLiteral("comparison.json"), ScenarioFile::fileFilter());
    if (!path.isEmpty()) {
        saveComparison(path);
    }
}

void CompareWindow::exportDialog()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export comparison"), QStringLiteral("comparison.png"),
        tr("PNG image (*.png);;SVG image (*.svg);;Summaries as CSV (*.csv);;Summaries as JSON (*.json)"));
    if (path.isEmpty()) {
        return;
    }
    const QString error = exportTo(path);
    if (!error.isEmpty()) {
        showMessage(error);
    } else {
        statusBar()->showMessage(tr("Exported %1").arg(QFileInfo(path).fileName()), 5000);
    }
}

void CompareWindow::closeEvent(QCloseEvent* event)
{
    controller_->setPlaying(false);
    event->accept();
}

// Never narrower than the panel, as the main window's Parameters dock: the seed table's whole row
// shows (its overhead column with the "%"), in every language and for every disk.
void CompareWindow::fitEditorDock()
{
    const QMargins m = editorLayout_->contentsMargins();
    editorDock_->setMinimumWidth(editor_->sizeHint().width() + m.left() + m.right() +
                                 style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 30);
}

void CompareWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        // The panel retranslates after the window: fit the dock to its new width once it has it.
        QMetaObject::invokeMethod(this, &CompareWindow::fitEditorDock, Qt::QueuedConnection);
    }
    QMainWindow::changeEvent(event);
}

void CompareWindow::retranslateUi()
{
    play_->setText(controller_->isPlaying() ? tr("Pause") : tr("Play"));
    step_->setText(tr("Step"));
    reset_->setText(tr("Reset"));
    start_->setText(tr("Start migration"));
    slower_->setText(tr("Slower"));
    faster_->setText(tr("Faster"));
    addLane_->setText(tr("Add lane"));
    removeLane_->setText(tr("Remove lane"));
    pan_->setText(tr("Pan"));
    brush_->setText(tr("Brush"));
    open_->setText(tr("&Open comparison..."));
    save_->setText(tr("&Save comparison as..."));
    export_->setText(tr("&Export..."));
    close_->setText(tr("&Close"));
    keys_->setText(tr("&Keyboard shortcuts"));
    helpMenu_->setTitle(tr("&Help"));
    fileMenu_->setTitle(tr("&File"));
    laneMenu_->setTitle(tr("&Lanes"));
    editorDock_->setWindowTitle(tr("Lane parameters"));
    laneSelectorLabel_->setText(tr("Lane:"));
    setWindowTitle(tr("Compare runs"));
    rebuildLanes();
    updateTable();
}

} // namespace bitmig
