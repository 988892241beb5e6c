// View > Sweep: one parameter of the current configuration over a list of values, every value a
// whole run on all cores in worker threads (SweepJob, the code of `bitmig sweep`), with a progress
// bar, the time left and Cancel. Six charts plot the runs' figures against the parameter,
// converged and not-converged points drawn apart, the best point by the chosen criterion marked;
// a click on a point (or a cell of the convergence map) opens that run in the window. Exports the `bitmig sweep` CSV and JSON and
// the charts as PNG or SVG.
#pragma once

#include "app/model/sweepjob.h"

#include <bitmig/simconfig.h>

#include <QWidget>

#include <optional>
#include <vector>

class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QScatterSeries;
class QStackedWidget;
class QTimer;
class QToolButton;

namespace bitmig {

class SweepView : public QWidget {
    Q_OBJECT
public:
    // The figures plotted, one chart each, in this order.
    enum class Figure { WireBytes, Overhead, ResentChunks, DirtyPasses, Downtime, TotalTime };
    static constexpr int kFigures = 6;

    explicit SweepView(QWidget* parent = nullptr);

    // The configuration a sweep starts from: the window's current one.
    void setBaseConfig(const SimConfig& config);
    const SimConfig& baseConfig() const noexcept { return base_; }
    void setParameter(SweepParameter p);
    SweepParameter parameter() const;
    SweepCriterion criterion() const;

    // Starts a sweep of the chosen parameter over the values in the field; false with the reason
    // shown (and in *error) when the values do not read or a sweep runs.
    bool run(QString* error = nullptr);
    void cancel();
    SweepJob* job() const noexcept { return job_; }
    std::optional<size_t> bestPoint() const noexcept { return best_; }
    // The plotted value of a figure for a point that ran (what the chart shows).
    static double figureValue(Figure f, const SweepPoint& point);

    // The convergence map: chunk sizes (the Chunks field) x the parameter, in place of the charts.
    void setMapMode(bool on);
    bool mapMode() const;
    QByteArray mapSvg() const { return mapSvg_; } // the map drawn, as `bitmig sweep --map FILE.svg`
    QWidget* mapWidget() const;
    // Where a point's cell is drawn on the map, in the map widget's coordinates.
    QPoint mapPointPosition(size_t point) const;

    QChartView* chartView(Figure f) const { return views_[size_t(f)]; }
    QWidget* chartsWidget() const noexcept { return charts_; }
    // Where a point is drawn in a chart, in the chart view's viewport coordinates.
    QPoint pointPosition(Figure f, size_t point) const;

    // By suffix: .csv and .json as `bitmig sweep --format csv|json`, .png and .svg the charts (the
    // map in map mode, its SVG as `bitmig sweep --map`).
    // Empty string, or the error.
    QString exportTo(const QString& path);

Q_SIGNALS:
    // A click on a point: its whole configuration, to run in the window.
    void pointActivated(const bitmig::SimConfig& config);
    // A Ctrl+click on a point: its configuration, to add as a lane of the comparison.
    void pointAddedAsLane(const bitmig::SimConfig& config);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void updateStatus();
    void updateExport();  // enabled, with a tooltip saying why not, as the page shown has runs
    void updateStartLabel();
    void replot();
    void redrawMap();
    void onFinished(bool complete);
    void onPointClicked(const QPointF& value);
    void exportDialog();

    SimConfig base_;
    SweepJob* job_ = nullptr;
    SweepParameter shownParameter_ = SweepParameter::ChunkSize; // of the points plotted
    std::optional<size_t> best_;
    bool cancelled_ = false;
    qint64 lastWallMs_ = 0;

    QLabel* parameterLabel_ = nullptr;
    QComboBox* parameter_ = nullptr;
    QLabel* valuesLabel_ = nullptr;
    QLineEdit* values_ = nullptr;
    QLabel* criterionLabel_ = nullptr;
    QComboBox* criterion_ = nullptr;
    QPushButton* run_ = nullptr;
    QPushButton* cancel_ = nullptr;
    QPushButton* export_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QLabel* status_ = nullptr;
    QLabel* start_ = nullptr;
    QLabel* best_label_ = nullptr;
    QLabel* error_ = nullptr;
    QWidget* charts_ = nullptr;
    QToolButton* mapMode_ = nullptr;
    QLabel* chunksLabel_ = nullptr;
    QLineEdit* chunks_ = nullptr;
    QStackedWidget* pages_ = nullptr;
    class MapWidget;
    MapWidget* map_ = nullptr;
    QByteArray mapSvg_;
    bool shownMap_ = false; // the points shown are a map's
    bool shownLog_ = false; // the charts' x is the logarithm of the parameter's value
    QTimer* ticker_ = nullptr;
    std::vector<QChartView*> views_;
};

} // namespace bitmig
