// A chart of rates over time, one line per named series: the attached QEMU's dirty rate per watched
// bitmap (bytes of bitmap turned dirty per second between two refreshes). The same look as the
// migration charts (MigrationCharts): the theme follows the palette, the value axis reads in byte
// rates at binary steps (ChartScales::rate), the time axis in seconds (ChartScales::timeAxis).
// The points arrive as values; the caller keeps them bounded.
#pragma once

#include <QList>
#include <QPointF>
#include <QString>
#include <QWidget>

class QCategoryAxis;
class QChart;
class QChartView;
class QLineSeries;

namespace bitmig {

class RateChart : public QWidget {
    Q_OBJECT
public:
    struct Series {
        QString name;
        QList<QPointF> points;  // x: seconds, y: bytes per second
    };

    explicit RateChart(QWidget* parent = nullptr);

    void setTitle(const QString& title);
    // Replaces every line; an empty list empties the chart.
    void setSeries(const QList<Series>& series);
    void clear() { setSeries({}); }

    QChart* chart() const { return chart_; }
    // What the chart draws now: the lines' names and points (for tests and the accessible text).
    QStringList seriesNames() const;
    QList<QPointF> points(int series) const;
    QStringList valueLabels() const;  // the value axis' tick labels, bottom up

    static QColor seriesColor(int series, bool dark);

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuild();
    void applyStyle();

    QChart* chart_;
    QChartView* view_;
    QCategoryAxis* x_;
    QCategoryAxis* y_;
    QList<Series> series_;
    QList<QLineSeries*> lines_;
};

} // namespace bitmig
