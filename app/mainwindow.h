// The main window: wires the simulation controller to the views, panels, menus and undo history.
// The widgets are built once, by buildUi(). A language change (QEvent::LanguageChange) sets their
// texts again in place: the window's own in retranslateUi() (texts recorded with TranslatedTexts
// where the controls are made), each panel and view its own; the layout, the run, its charts and
// the history stay as they are.
#pragma once

#include "app/model/qcow2import.h"
#include "app/scenario/scenariofile.h"
#include "liveturns.h"
#include "thememanager.h"
#include "widgets/chartkind.h"

#include <bitmig/simconfig.h>
#include <bitmig/simsnapshot.h>

#include <QMainWindow>
#include <QPointer>

#include <functional>
#include <memory>

class QAction;
class QActionGroup;
class QLabel;
class QMenu;
class QSlider;
class QUndoStack;
class QDockWidget;

namespace bitmig {

class QemuFileViewer;
class CompareWindow;

class ChartsFold;
class ExplanationPanel;
class FrameStats;
class HeatmapView;
class BitmapSelector;
class HowItWorksPanel;
class LanguageManager;
class LiveWindow;
class MessageBar;
class MigrationCharts;
class ParametersPanel;
class PhaseStrip;
class PresentationMode;
class RecentFiles;
class SimulationController;
class ChartModel;
class SummaryPanel;
class TranslatedTexts;
class WorkloadPanel;
struct ChartSeriesData;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    SimulationController* controller() const noexcept { return controller_; }
    // The data the charts draw and export, fed from the controller's snapshots.
    ChartModel* chartModel() const noexcept { return chartModel_; }
    HeatmapView* heatmap() const noexcept { return heatmap_; }
    BitmapSelector* bitmapSelector() const noexcept { return bitmapSelector_; }
    MigrationCharts* charts() const noexcept { return charts_; }
    ParametersPanel* parameters() const noexcept { return parameters_; }
    WorkloadPanel* workloadPanel() const noexcept { return workload_; }
    SummaryPanel* summaryPanel() const noexcept { return summary_; }
    PhaseStrip* phaseStrip() const noexcept { return phaseStrip_; }
    HowItWorksPanel* howItWorks() const noexcept { return howItWorks_; }
    // Above the heatmaps: files that did not load, with the file, the key and the reason.
    MessageBar* messageBar() const noexcept { return messageBar_; }
    QUndoStack* undoStack() const noexcept { return undo_; }
    FrameStats* frameStats() const noexcept { return frameStats_; }
    QAction* playAction() const noexcept { return playAction_; }
    QAction* startAction() const noexcept { return startAction_; }
    QAction* abortAction() const noexcept { return abortAction_; }
    QAction* stepAction() const noexcept { return stepAction_; }
    QAction* resetAction() const noexcept { return resetAction_; }
    RecentFiles* recentFiles() const noexcept { return recent_; }
    // View > Presentation (F11): full screen, large text, the heatmaps filling it.
    PresentationMode* presentation() const noexcept { return presentation_; }
    // View > Charts: the charts, or their figures as a line of text where they could not be read.
    ChartsFold* chartsFold() const noexcept { return chartsFold_; }
    // View > Compare: the comparison window (lanes in lockstep), made on first use with two lanes of
    // the current configuration (its chunk size and 1 MiB, or 1 KiB beside 1 MiB), shown and raised.
    CompareWindow* openCompare();
    CompareWindow* compareWindow() const;
    QAction* compareAction() const noexcept { return compareAction_; }
    // Every action of the window (menus and toolbar), for the shortcut reference and tests.
    QList<QAction*> allActions() const;

    // Applies a configuration as one undoable edit (from the panels, a scenario or a preset).
    void applyConfig(const SimConfig& config, const QString& what);
    // Speed in simulated seconds per wall second, 0.001 .. 1000.
    void setSpeed(double speed);
    // A status-bar hint instead of a modal alert.
    void showHint(const QString& text, int ms = 6000);

    // ---- scenarios ----
    // Loads and applies a scenario file (one undoable edit); false with the message bar naming the
    // file, the key and the reason when it does not load. The run keeps its old parameters then.
    bool openScenario(const QString& path, QString* error = nullptr);
    bool saveScenario(const QString& path, QString* error = nullptr);
    void applyScenario(const Scenario& scenario);
    // What the guest does while an imported bitmap migrates: nothing, so only the imported bits
    // are dirty, or the workload it had, whose writes add to them.
    using ImportWorkload = Qcow2Import::Workload;
    // Imports a qcow2 image's persistent bitmap: disk size and granularity from the image, the
    // bitmap's dirty extents as writes at time 0, shown at once (one undoable edit); the scenario
    // banner says which workload runs. An empty name picks the only bitmap, or asks when there are
    // several, in the dialog File > Import uses (its workload choice preset to `workload`). False
    // with the file's error in the message bar otherwise.
    // The attached VM's bitmaps as a run (LiveWindow::simulation()): applied, the banner saying what
    // was taken, the message bar what the run cannot show as the VM has it; false (and the reason
    // in the message bar and *error) when it cannot be built.
    bool simulateLive(LiveWindow* live, QString* error = nullptr);
    bool importQcow2(const QString& path, const QString& bitmapName = QString(), QString* error = nullptr,
                     ImportWorkload workload = ImportWorkload::Idle);
    // Opens a QEMU migration file (or bare dirty-bitmap sections) in a viewer window of its own; null,
    // with the reason in the message bar, when the file cannot be read at all.
    QemuFileViewer* openMigrationFile(const QString& path);
    // Replays a recorded trace (fio iolog, blkparse text or CSV) alongside the workload from now on.
    // False with the file, line and reason when it does not read or does not fit the disk.
    bool loadTrace(const QString& path, QString* error = nullptr);
    // The scenario on screen: its name and description (empty for hand-made parameters).
    const Scenario& currentScenario() const noexcept { return scenario_; }

    // ---- language, theme, settings ----
    QString language() const;
    // "en", "de" or "ru"; every text of the window follows at once, in place: the widgets, the
    // layout and the dock widths stay (a dock grows only if the new texts need it). False for an
    // unknown code.
    bool setLanguage(const QString& code);
    ThemeManager::Theme theme() const;
    void setTheme(ThemeManager::Theme theme);
    // Window geometry, dock layout, the last parameters, recent files, language, theme, speed.
    void restoreSettings();
    void saveSettings() const;
    // Off: closing the window leaves the saved settings alone (--no-settings, tests).
    void setSettingsEnabled(bool on);

    // ---- export ----
    QList<ChartSeriesData> chartData() const;
    QByteArray summaryJson() const;
    QByteArray summaryCsv() const;
    // By suffix: .png or .svg for views; .csv or .json for data. Empty string or the error.
    QString exportView(QWidget* view, const QString& path, const QString& title);
    QString exportChartData(const QString& path);
    QString exportSummary(const QString& path);
    // The completed run as a QEMU migration file (QemuFileExport); empty when written, else why not.
    QString exportQemuFile(const QString& path);

    // The chart's key in exported data: "throughput", "overhead", "pending", "dirty-rate".
    static QString chartKey(ChartKind kind);

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void buildUi();
    void retranslateUi();
    void updateUndoTexts();
    // Why Undo is disabled after a brush stroke, said by its tooltip until a command can be undone.
    enum class UndoBlocked { No, TooMuch, Layout };
    UndoBlocked undoBlocked_ = UndoBlocked::No;
    void createActions();
    // A menu of the menu bar (parent null) or a submenu, its title following the language.
    QMenu* addMenu(QMenu* parent, const char* title);
    void createMenus();
    void createExportMenu(QMenu* file);
    void createToolBar();
    void createDocks();
    int parametersDockWidth() const;
    void fitParametersDock();
    void createStatusBar();
    void connectViews();
    void onSnapshot(const SimSnapshotPtr& snapshot);
    void onBrush(quint64 firstByte, quint64 length, bool clear);
    void showAbout();
    void showShortcuts();
    void startGuidedRun();
    void updateSpeedLabel(double speed);
    void updateScenarioBanner();
    void openScenarioDialog();
    void saveScenarioDialog();
    void importQcow2Dialog();
    // Asks which of `names` to import from `path` and what the guest does meanwhile (the workload
    // preset to `workload`); false when cancelled.
    bool askQcow2Import(const QString& path, const QStringList& names, QString* name, ImportWorkload* workload);
    void openMigrationFileDialog();
    // A file that did not load or save: the message bar, the message in *error; returns false.
    bool reportFailure(const QString& message, QString* error);
    void exportDialog(const QString& title, const QString& baseName, const QString& filters,
                      const std::function<QString(const QString&)>& save);

    SimulationController* controller_ = nullptr;
    ChartModel* chartModel_ = nullptr;
    QUndoStack* undo_ = nullptr;
    FrameStats* frameStats_ = nullptr;
    LanguageManager* languages_ = nullptr;
    ThemeManager* themes_ = nullptr;
    PresentationMode* presentation_ = nullptr;
    ChartsFold* chartsFold_ = nullptr;
    Scenario scenario_;
    uint64_t lastRunId_ = 0;
    LiveTurns textTurns_{4, 200};  // phase strip, explanation, how it works, summary
    bool settingsEnabled_ = true;
    int userDockWidth_ = -1;      // the parameters dock's width before a language change widened it
    int widenedDockWidth_ = -1;   // the width a language change widened it to
    static constexpr int kStateVersion = 2;  // of saveState(): dock and toolbar layout

    std::unique_ptr<TranslatedTexts> texts_;  // the window's texts, as their source strings

    MessageBar* messageBar_ = nullptr;
    HeatmapView* heatmap_ = nullptr;
    BitmapSelector* bitmapSelector_ = nullptr;
    MigrationCharts* charts_ = nullptr;
    PhaseStrip* phaseStrip_ = nullptr;
    ExplanationPanel* explanation_ = nullptr;
    QLabel* scenarioBanner_ = nullptr;
    ParametersPanel* parameters_ = nullptr;
    WorkloadPanel* workload_ = nullptr;
    SummaryPanel* summary_ = nullptr;
    HowItWorksPanel* howItWorks_ = nullptr;
    RecentFiles* recent_ = nullptr;
    QMenu* recentMenu_ = nullptr;

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
    QPointer<CompareWindow> compare_;
    QAction* compareAction_ = nullptr;
};

} // namespace bitmig
