// The four time-series charts under the heatmaps: throughput, wire overhead, pending bytes against
// the downtime budget, and the dirty rate, all over simulated time with the migration phases as
// coloured bands behind the data. The data is a ChartModel's (app/model/): the widget observes its
// signals and draws what it holds, each chart with about one point per two pixels of its width, so
// an update costs the same after an hour of simulated time as after a second.
#pragma once

#include "chartkind.h"
#include "samplehistory.h"

#include <bitmig/simsnapshot.h>

#include <QElapsedTimer>
#include <QList>
#include <QPointF>
#include <QPointer>
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

class ChartModel;

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

    // The data to draw; not owned. Without a model (or once it is gone) the charts are empty.
    void setModel(ChartModel* model);
    ChartModel* model() const;

    static QString chartTitle(ChartKind kind);
    // The chart's name as its button says it: the title of a chart in a row of four.
    static QString shortTitle(ChartKind kind);
    // The model's phase spans that are drawn as bands; an open span ends at the model's time.
    QList<PhaseBand> phaseBands() const;
    // While a run plays, one chart is redrawn per snapshot at most, each at most this often: four
    // Qt charts redrawn on every frame would cost the window more than a frame, and a time series
    // read by eye needs no more. A snapshot of a paused or finished run redraws all at once.
    static constexpr int kLiveRedrawMs = 200;
    // Times a chart was redrawn (its series replaced), for tests.
    int redraws(ChartKind kind) const;

    // ---- presentation ----
    // Which chart fills the widget; nullopt shows all four: in a 2 x 2 grid, or in one row when the
    // widget is wide and short (charts of half its height would have no room for their axes).
    void setSingleChart(std::optional<ChartKind> kind);
    std::optional<ChartKind> singleChart() const noexcept { return single_; }
    bool oneRow() const noexcept { return oneRow_; }
    // Whether the four charts can be read at this size of the widget, in the arrangement they would
    // take there (2 x 2 or one row): each chart wide enough for its title drawn whole, and tall
    // enough for the title, the time axis' labels and a plot of a few value ticks (the y axis' labels
    // are cut short below that). Measured from the widget's fonts and texts, so a larger font or a
    // longer language needs more room. A window folds the charts to a line of figures where not.
    bool readableAt(const QSize& size) const;
    // The height a chart needs to be read (title, time axis, plot), from the fonts.
    int readableChartHeight() const;
    // Pending bytes span orders of magnitude (the whole bitmap down to a few chunks): log by default.
    void setPendingLogScale(bool on);
    bool pendingLogScale() const noexcept { return pendingLog_; }
    QChart* chart(ChartKind kind) const;

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct Plot;

    void buildPlot(ChartKind kind);
    void placeCharts();
    void updateArrangement();
    void markStale();
    void onModelUpdated();
    Strategy strategy() const;
    void retranslateUi();
    QString plotTitle(const Plot& plot) const;
    QString plotTitle(ChartKind kind, bool row) const;
    QFont labelFont() const;
    QFont titleFont() const;
    void setTitle(Plot& plot);
    void buildToolbar(QHBoxLayout* row);
    void applyStyle();
    void updateLegend();
    void refresh();
    void refreshLive();
    void updatePlot(Plot& plot);
    void updateBands(Plot& plot);
    void showValue(ChartKind kind, int series, const QPointF& at, bool hovering);

    static QString bandName(int band, Strategy strategy);

    QPointer<ChartModel> model_;
    std::vector<QMetaObject::Connection> modelConnections_;

    std::array<std::unique_ptr<Plot>, kChartKindCount> plots_;
    QElapsedTimer clock_;
    size_t nextLive_ = 0;  // the chart a live snapshot redraws first
    std::optional<ChartKind> single_;
    bool pendingLog_ = true;
    bool oneRow_ = false;

    QGridLayout* grid_ = nullptr;
    QLabel* phasesLabel_ = nullptr;
    QButtonGroup* viewButtons_ = nullptr;
    QCheckBox* logScale_ = nullptr;
    std::vector<std::pair<QLabel*, QLabel*>> legend_;  // swatch, text per band kind shown
};

} // namespace bitmig
