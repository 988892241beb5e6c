#include "ratechart.h"

#include "axisticks.h"
#include "categoryaxis.h"
#include "chartscales.h"
#include "chartstyle.h"
#include "phasepalette.h"

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QLegend>
#include <QLineSeries>
#include <QVBoxLayout>

#include <algorithm>

namespace bitmig {

namespace {

constexpr int kMaxTicks = 5;

} // namespace

RateChart::RateChart(QWidget* parent) : QWidget(parent)
{
    chart_ = new QChart;
    chart_->setMargins(QMargins(2, 2, 2, 2));
    chart_->setBackgroundRoundness(0);
    chart_->legend()->setAlignment(Qt::AlignTop);
    chart_->setAnimationOptions(QChart::NoAnimation);
    x_ = new QCategoryAxis;
    x_->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    y_ = new QCategoryAxis;
    y_->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    chart_->addAxis(x_, Qt::AlignBottom);
    chart_->addAxis(y_, Qt::AlignLeft);
    view_ = new QChartView(chart_, this);
    view_->setRenderHint(QPainter::Antialiasing);
    view_->setFrameShape(QFrame::NoFrame);
    view_->setMinimumSize(240, 160);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(view_);
    applyStyle();
    rebuild();
}

void RateChart::setTitle(const QString& title)
{
    chart_->setTitle(title);
    view_->setAccessibleName(title);
}

void RateChart::setSeries(const QList<Series>& series)
{
    series_ = series;
    rebuild();
}

QStringList RateChart::seriesNames() const
{
    QStringList names;
    for (const Series& s : series_) {
        names << s.name;
    }
    return names;
}

QList<QPointF> RateChart::points(int series) const
{
    return series >= 0 && series < lines_.size() ? lines_[series]->points() : QList<QPointF>{};
}

QStringList RateChart::valueLabels() const
{
    return y_->categoriesLabels();
}

QColor RateChart::seriesColor(int series, bool dark)
{
    // The migration charts' two colours first, then further ones of the same weight.
    static const QColor light[] = {QColor(0x00, 0x5a, 0x9c), QColor(0xc0, 0x4e, 0x00), QColor(0x2e, 0x7d, 0x32),
                                   QColor(0x8e, 0x24, 0xaa), QColor(0x00, 0x83, 0x8f), QColor(0xad, 0x14, 0x57)};
    static const QColor darkColors[] = {QColor(0x6c, 0xb6, 0xf0), QColor(0xff, 0x8a, 0x3d), QColor(0x81, 0xc7, 0x84),
                                        QColor(0xce, 0x93, 0xd8), QColor(0x4d, 0xd0, 0xe1), QColor(0xf4, 0x8f, 0xb1)};
    const size_t i = size_t(series) % std::size(light);
    return dark ? darkColors[i] : light[i];
}

void RateChart::rebuild()
{
    for (QLineSeries* line : lines_) {
        chart_->removeSeries(line);
        delete line;
    }
    lines_.clear();
    double maxY = 0;
    double minX = 0;
    double maxX = 0;
    bool any = false;
    for (const Series& s : series_) {
        for (const QPointF& p : s.points) {
            maxY = std::max(maxY, p.y());
            minX = any ? std::min(minX, p.x()) : p.x();
            maxX = any ? std::max(maxX, p.x()) : p.x();
            any = true;
        }
    }
    const bool dark = PhasePalette::isDark(palette());
    for (int i = 0; i < series_.size(); ++i) {
        auto* line = new QLineSeries;
        line->setName(series_[i].name);
        line->append(series_[i].points);
        line->setPen(QPen(seriesColor(i, dark), 1.6));
        line->setPointsVisible(series_[i].points.size() < 60);  // a point per refresh, while they can be told apart
        chart_->addSeries(line);
        line->attachAxis(x_);
        line->attachAxis(y_);
        lines_.append(line);
    }
    ChartScales::Axis yAxis;
    yAxis.scale = AxisTicks::binary(std::max(maxY * ChartScales::kHeadroom, 1.0), kMaxTicks);
    for (double t : yAxis.scale.ticks) {
        yAxis.labels << ChartScales::rate(t);
    }
    setCategoryTicks(y_, yAxis);
    if (maxX <= minX) {
        maxX = minX + 1;  // one point, or none: a second of axis
    }
    setCategoryTicks(x_, ChartScales::timeAxis(minX, maxX, kMaxTicks));
    chart_->legend()->setVisible(!series_.isEmpty());
}

void RateChart::applyStyle()
{
    ChartStyle::apply(chart_, palette(), font());
}

void RateChart::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        applyStyle();
        rebuild();  // a theme resets the lines' pens and the axes' categories
    }
}

} // namespace bitmig
