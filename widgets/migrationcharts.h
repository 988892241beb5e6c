// The four time-series charts under the heatmaps: throughput, wire overhead, pending bytes against
// the downtime budget, and the dirty rate, all over simulated time with the migration phases as
// coloured bands behind the data. Fed snapshot by snapshot; the data it draws is decimated by
// SampleHistory so an update costs the same after an hour of simulated time as after a second.
#pragma once

#include "chartkind.h"
#include "samplehistory.h"

#include <bitmig/simsnapshot.h>

#include <QElapsedTimer>
#include <QList>
#include <QPointF>
#include <QWidget>

#include <array>
#include <memory>
#include <optional>
#include <vector>

class QAbstractButton;
class QButtonGroup;
class QChart;
class QCheckBox;
class QGridLayout;
class QHBoxLayout;
class QLabel;

namespace bitmig {

class MigrationCharts : public QWidget {
    Q_OBJECT
public:
    // A phase span as drawn behind the data; an open span ends at the snapshot's time.
    struct PhaseBand {
        Phase phase = Phase::Idle;
        unsigned pass = 0;
        double startSeconds = 0;
        double endSeconds = 0;
    };

    explicit MigrationCharts(QWidget* parent = nullptr);
    ~MigrationCharts() override;

    // Appends the snapshot's new samples and takes its phases. A new runId starts over; the same
    // snapshot (or an older one of the same run) is ignored, so its samples never count twice.
    void setSnapshot(const SimSnapshotPtr& snapshot);
    void clear();

    // ---- the data behind the charts (for export and tests) ----
    // x: simulated seconds (end of a bucket); y in the unit ChartKind names, never log-transformed.
    QList<QPointF> seriesPoints(ChartKind kind, int series) const;
    static int seriesCount(ChartKind kind);
    static QString seriesName(ChartKind kind, int series);
    static QString chartTitle(ChartKind kind);
    QList<PhaseBand> phaseBands() const;
    const SampleHistory& history() const noexcept { return history_; }
    // At most this many points per series in seriesPoints (default SampleHistory::kDefaultMaxBuckets);
    // the charts themselves draw about one point per two pixels of plot width.
    void setMaxPoints(int points);
    // While a run plays, one chart is redrawn per snapshot at most, each at most this often: four
    // Qt charts redrawn on every frame would cost the window more than a frame, and a time series
    // read by eye needs no more. A snapshot of a paused or finished run redraws all at once.
    static constexpr int kLiveRedrawMs = 200;
    // Times a chart was redrawn (its series replaced), for tests.
    int redraws(ChartKind kind) const;

    // ---- presentation ----
    // Which chart fills the widget; nullopt shows all four in a 2 x 2 grid.
    void setSingleChart(std::optional<ChartKind> kind);
    std::optional<ChartKind> singleChart() const noexcept { return single_; }
    // Pending bytes span orders of magnitude (the whole bitmap down to a few chunks): log by default.
    void setPendingLogScale(bool on);
    bool pendingLogScale() const noexcept { return pendingLog_; }
    QChart* chart(ChartKind kind) const;

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct Plot;

    void buildPlot(ChartKind kind);
    void retranslateUi();
    QString plotTitle(const Plot& plot) const;
    void buildToolbar(QHBoxLayout* row);
    void applyStyle();
    void updateLegend();
    void refresh();
    void refreshLive();
    void updatePlot(Plot& plot);
    void updateBands(Plot& plot);
    void showValue(ChartKind kind, int series, const QPointF& at, bool hovering);

    static QString bandName(int band, Strategy strategy);

    SampleHistory history_;
    std::vector<PhaseSpan> phases_;
    int64_t nowNs_ = 0;
    uint64_t runId_ = 0;
    bool haveRun_ = false;
    SimSnapshotPtr last_;
    Strategy strategy_ = Strategy::Precopy;
    uint64_t chunkBytes_ = 1024;

    std::array<std::unique_ptr<Plot>, kChartKindCount> plots_;
    QElapsedTimer clock_;
    size_t nextLive_ = 0;  // the chart a live snapshot redraws first
    std::optional<ChartKind> single_;
    bool pendingLog_ = true;

    QGridLayout* grid_ = nullptr;
    QLabel* phasesLabel_ = nullptr;
    QButtonGroup* viewButtons_ = nullptr;
    QCheckBox* logScale_ = nullptr;
    std::vector<std::pair<QLabel*, QLabel*>> legend_;  // swatch, text per band kind shown
};

} // namespace bitmig
