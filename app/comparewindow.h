// View > Compare: 2 to 4 lanes of one migration that differ in the parameters the user chose
// (chunk size, strategy, granularity, link, limits), run in lockstep on one simulated clock with the
// same disk, workload and seed (LanesController). Each lane has its phase strip and its heatmaps of
// the bitmap and the meta bitmap on a shared disk axis (zoom and pan in one lane move all; one Whole
// disk strip over the first lane, one offset axis and colour legend under the last); the
// charts overlay the lanes, one colour each; a table puts their figures side by side. Play, Pause,
// Step, Reset, the speed and the brush act on every lane. The lane chosen in the Lane parameters
// panel is edited with the Parameters panel's own fields. A comparison saves and loads as a
// scenario file with lanes (version 5) and exports as PNG or SVG (the view) and CSV or JSON (the
// lanes' summaries, the JSON as `bitmig simulate --scenario --json` writes it).
#pragma once

#include "app/model/lanescontroller.h"

#include <QMainWindow>
#include <QPointer>

#include <cstdint>
#include <utility>
#include <vector>

class QAction;
class QComboBox;
class QDockWidget;
class QMenu;
class QLabel;
class QSlider;
class QTableWidget;
class QVBoxLayout;
class QWidget;

namespace bitmig {

class ChartModel;
class HeatmapView;
class LaneCharts;
class ParametersPanel;
class PhaseStrip;

class CompareWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit CompareWindow(QWidget* parent = nullptr);
    ~CompareWindow() override;

    LanesController* controller() const noexcept { return controller_; }
    // A new comparison; false with the reason shown (and in *error) when it cannot run.
    bool setComparison(const SimConfig& shared, const std::vector<ScenarioLane>& lanes, QString* error = nullptr);
    // Two lanes of `config`: as it is, and with 1 MiB chunks (1 KiB when it has 1 MiB already), the
    // seed thread's comparison.
    bool compareWith(const SimConfig& config, QString* error = nullptr);
    // One lane per chunk size, the rest of `config` shared (the seed table's "Compare these rows").
    bool compareChunkSizes(const SimConfig& config, const std::vector<uint64_t>& chunkSizes, QString* error = nullptr);
    // A lane that runs `config`'s own values of the lane parameters (a sweep point); the shared
    // values stay the comparison's. False (the reason shown) when there are four lanes already.
    bool addLaneFrom(const SimConfig& config, QString* error = nullptr);
    // Two lanes: `run` and `point` (a sweep point of it). Both refuse a run that differs from the
    // comparison in a shared value (the disk, the workload, the seed, the clock), saying so.
    bool compareRunAndPoint(const SimConfig& run, const SimConfig& point, QString* error = nullptr);

    int laneCount() const noexcept { return int(lanes_.size()); }
    HeatmapView* heatmap(int lane) const { return lanes_.at(size_t(lane)).heatmap; }
    PhaseStrip* phaseStrip(int lane) const { return lanes_.at(size_t(lane)).phases; }
    QLabel* laneTitle(int lane) const { return lanes_.at(size_t(lane)).title; }
    ChartModel* chartModel(int lane) const { return lanes_.at(size_t(lane)).charts; }
    LaneCharts* charts() const noexcept { return charts_; }
    QTableWidget* summaryTable() const noexcept { return table_; }
    ParametersPanel* laneEditor() const noexcept { return editor_; }
    QComboBox* laneSelector() const noexcept { return laneSelector_; }
    QLabel* messageLabel() const noexcept { return message_; }
    QWidget* comparisonView() const noexcept { return view_; }

    QAction* playAction() const noexcept { return play_; }
    QAction* stepAction() const noexcept { return step_; }
    QAction* resetAction() const noexcept { return reset_; }
    QAction* startAction() const noexcept { return start_; }
    QAction* addLaneAction() const noexcept { return addLane_; }
    QAction* removeLaneAction() const noexcept { return removeLane_; }
    QAction* panAction() const noexcept { return pan_; }
    QAction* brushAction() const noexcept { return brush_; }
    QAction* slowerAction() const noexcept { return slower_; }
    QAction* fasterAction() const noexcept { return faster_; }
    // Every action of the window (menus, toolbar and its own keys), each once: the Compare section
    // of the keyboard-shortcut reference and its tests.
    QList<QAction*> allActions() const;
    // The reference: the Compare window's keys (Help > Keyboard shortcuts here and in the main window).
    static QString shortcutsTitle();
    void setSpeed(double speed);

    // The columns of the summary table (one row per lane), in order.
    enum class Figure { Phase, Downtime, Converged, DirtyPasses, WireBytes, Overhead, ResentChunks, TotalTime, Verified };
    static constexpr int kFigures = 9;

    // Files: a scenario with lanes; errors name the file and the key path (lanes[2].chunk).
    bool openComparison(const QString& path, QString* error = nullptr);
    bool saveComparison(const QString& path, QString* error = nullptr);
    // The lanes' summaries: JSON as `bitmig simulate --scenario FILE --json` writes it, CSV one
    // row per lane.
    QByteArray summaryJson() const;
    QByteArray summaryCsv() const;
    // By suffix: .png or .svg the comparison view, .csv or .json the summaries. Empty, or the error.
    QString exportTo(const QString& path);

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    struct Lane {
        QWidget* box = nullptr;
        QLabel* swatch = nullptr;
        QLabel* title = nullptr;
        PhaseStrip* phases = nullptr;
        HeatmapView* heatmap = nullptr;
        ChartModel* charts = nullptr;
    };
    void buildUi();
    void retranslateUi();
    void rebuildLanes();
    void onSnapshot(const LanesSnapshotPtr& snapshot);
    void updateTable();
    void fitTable();
    void fitEditorDock();
    void updateEditor();
    void updateSpeedLabel();
    void syncZoom(int from, uint64_t firstBit, uint64_t endBit);
    // Each lane's bitmap size and chunk (in bits), from its latest snapshot: what the shared
    // raster is aligned with besides the views' own requests.
    std::vector<std::pair<uint64_t, uint64_t>> requestInputs() const;
    void sendRequests();
    void scheduleRequests();  // sendRequests() once for the views that change in this event
    void showMessage(const QString& text);
    void openDialog();
    void saveDialog();
    void exportDialog();

    LanesController* controller_ = nullptr;
    std::vector<Lane> lanes_;
    bool syncing_ = false;
    std::vector<std::pair<uint64_t, uint64_t>> requestInputs_;  // what the last requests were made for
    bool requestsQueued_ = false;
    QWidget* view_ = nullptr;          // the lanes, the charts and the table: what PNG/SVG export draws
    QVBoxLayout* lanesLayout_ = nullptr;
    LaneCharts* charts_ = nullptr;
    QTableWidget* table_ = nullptr;
    ParametersPanel* editor_ = nullptr;
    QComboBox* laneSelector_ = nullptr;
    QLabel* laneSelectorLabel_ = nullptr;
    QLabel* message_ = nullptr;
    QLabel* timeLabel_ = nullptr;
    QLabel* speedLabel_ = nullptr;
    QSlider* speedSlider_ = nullptr;
    QAction* play_ = nullptr;
    QAction* step_ = nullptr;
    QAction* reset_ = nullptr;
    QAction* start_ = nullptr;
    QAction* slower_ = nullptr;  // [ halves the speed, ] doubles it
    QAction* faster_ = nullptr;
    QAction* addLane_ = nullptr;
    QAction* removeLane_ = nullptr;
    QAction* pan_ = nullptr;
    QAction* brush_ = nullptr;
    QAction* open_ = nullptr;
    QAction* save_ = nullptr;
    QAction* export_ = nullptr;
    QAction* close_ = nullptr;
    QAction* keys_ = nullptr;
    QMenu* fileMenu_ = nullptr;
    QMenu* helpMenu_ = nullptr;
    QMenu* laneMenu_ = nullptr;
    QDockWidget* editorDock_ = nullptr;
    QVBoxLayout* editorLayout_ = nullptr;
};

} // namespace bitmig
