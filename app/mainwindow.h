// The main window: wires the simulation controller to the views, panels, menus and undo history.
#pragma once

#include <bitmig/simconfig.h>

#include "simsnapshot.h"

#include <QMainWindow>

class QAction;
class QActionGroup;
class QLabel;
class QSlider;
class QUndoStack;
class QDockWidget;

namespace bitmig {

class FrameStats;
class HeatmapView;
class MigrationCharts;
class ParametersPanel;
class PhaseStrip;
class SimulationController;
class SummaryPanel;
class WorkloadPanel;
class ExplanationPanel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    SimulationController* controller() const noexcept { return controller_; }
    HeatmapView* heatmap() const noexcept { return heatmap_; }
    MigrationCharts* charts() const noexcept { return charts_; }
    ParametersPanel* parameters() const noexcept { return parameters_; }
    WorkloadPanel* workloadPanel() const noexcept { return workload_; }
    SummaryPanel* summaryPanel() const noexcept { return summary_; }
    PhaseStrip* phaseStrip() const noexcept { return phaseStrip_; }
    QUndoStack* undoStack() const noexcept { return undo_; }
    FrameStats* frameStats() const noexcept { return frameStats_; }
    QAction* playAction() const noexcept { return playAction_; }
    QAction* startAction() const noexcept { return startAction_; }
    QAction* abortAction() const noexcept { return abortAction_; }
    QAction* stepAction() const noexcept { return stepAction_; }
    QAction* resetAction() const noexcept { return resetAction_; }

    // Applies a configuration as one undoable edit (from the panels, a scenario or a preset).
    void applyConfig(const SimConfig& config, const QString& what);
    // Speed in simulated seconds per wall second, 0.1 .. 1000.
    void setSpeed(double speed);
    // A status-bar hint instead of a modal alert.
    void showHint(const QString& text, int ms = 6000);

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void createDocks();
    void onSnapshot(const SimSnapshotPtr& snapshot);
    void onBrush(quint64 firstByte, quint64 length, bool clear);
    void showAbout();
    void updateSpeedLabel(double speed);

    SimulationController* controller_ = nullptr;
    QUndoStack* undo_ = nullptr;
    FrameStats* frameStats_ = nullptr;

    HeatmapView* heatmap_ = nullptr;
    MigrationCharts* charts_ = nullptr;
    PhaseStrip* phaseStrip_ = nullptr;
    ExplanationPanel* explanation_ = nullptr;
    ParametersPanel* parameters_ = nullptr;
    WorkloadPanel* workload_ = nullptr;
    SummaryPanel* summary_ = nullptr;

    QAction* playAction_ = nullptr;
    QAction* stepAction_ = nullptr;
    QAction* resetAction_ = nullptr;
    QAction* startAction_ = nullptr;
    QAction* abortAction_ = nullptr;
    QAction* showDestinationAction_ = nullptr;
    QAction* undoAction_ = nullptr;
    QAction* redoAction_ = nullptr;
    QActionGroup* toolGroup_ = nullptr;
    QAction* panTool_ = nullptr;
    QAction* zoomTool_ = nullptr;
    QAction* brushTool_ = nullptr;
    QSlider* speedSlider_ = nullptr;
    QLabel* speedLabel_ = nullptr;
    QLabel* timeLabel_ = nullptr;
    QLabel* memoryLabel_ = nullptr;
    QLabel* frameLabel_ = nullptr;
    QList<QDockWidget*> docks_;
    uint64_t lastRunId_ = 0;
};

} // namespace bitmig
