// The charts of a comparison, one above the other: throughput on the wire, overhead since the start
// and pending bytes over simulated time, one line per lane in the lane's colour, each series named by its lane. The
// data are the lanes' ChartModels (one per lane, fed with the lane's snapshots); the widget only
// draws them, at most every kRedrawMs while they change.
#pragma once

#include "chartkind.h"

#include <QColor>
#include <QList>
#include <QPointer>
#include <QStringList>
#include <QWidget>

#include <array>

class QChart;
class QChartView;
class QHBoxLayout;
class QLabel;
class QLineSeries;
class QTimer;
class QCategoryAxis;

namespace bitmig {

class ChartModel;

class LaneCharts : public QWidget {
    Q_OBJECT
public:
    // The charts drawn, in this order.
    enum class Chart { Throughput, Overhead, Pending };
    static constexpr int kCharts = 3;
    static constexpr int kRedrawMs = 200;

    explicit LaneCharts(QWidget* parent = nullptr);
    ~LaneCharts() override;

    // One model, name and colour per lane; the models are not owned.
    void setLanes(const QList<ChartModel*>& models, const QStringList& names, const QList<QColor>& colours);
    QChart* chart(Chart chart) const;
    QChartView* chartView(Chart chart) const { return views_[size_t(chart)]; }
    // The series of a chart as drawn: one per lane, named by it.
    QList<QLineSeries*> series(Chart chart) const;
    // The tick labels of a chart's axes as drawn: round values in the units of the main window's
    // charts ("0.5 s", "64 MiB/s", "2 %", "16 MiB").
    QStringList timeLabels(Chart chart) const;
    QStringList valueLabels(Chart chart) const;
    static QString title(Chart chart);
    // The legend above the charts: one name per lane, in its colour.
    QStringList legendTexts() const;
    // The lane colours of a comparison: colour-blind-safe, told apart on light and dark themes.
    static QColor laneColour(int lane);
    // Draws now what the models hold (the window calls it when a run is paused or finished).
    void redraw();

protected:
    void changeEvent(QEvent* event) override;

private:
    void scheduleRedraw();
    void retranslateUi();

    QList<QPointer<ChartModel>> models_;
    QStringList names_;
    QList<QColor> colours_;
    std::array<QChartView*, kCharts> views_{};
    std::array<QCategoryAxis*, kCharts> xAxes_{};
    std::array<QCategoryAxis*, kCharts> yAxes_{};
    std::array<QList<QLineSeries*>, kCharts> series_;
    std::array<QString, kCharts> yTitles_;
    QTimer* redrawTimer_ = nullptr;
    QHBoxLayout* legend_ = nullptr;
    QList<QLabel*> legendLabels_;
    std::vector<QMetaObject::Connection> connections_;
};

} // namespace bitmig
