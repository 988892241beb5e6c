#include "lanecharts.h"

#include "axisticks.h"
#include "chartmodel.h"
#include "categoryaxis.h"
#include "chartscales.h"

#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>
#include <QLegend>
#include <QLineSeries>
#include <QTimer>
#include <QCategoryAxis>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace bitmig {

namespace {

constexpr int kMaxPoints = 400;

constexpr int kMaxValueTicks = 5;

} // namespace

LaneCharts::LaneCharts(QWidget* parent) : QWidget(parent)
{
    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    legend_ = new QHBoxLayout;
    legend_->setContentsMargins(4, 0, 4, 0);
    column->addLayout(legend_);
    auto* row = new QVBoxLayout;  // the charts one above the other, beside the lanes
    row->setSpacing(4);
    column->addLayout(row, 1);
    for (int i = 0; i < kCharts; ++i) {
        auto* chart = new QChart;
        chart->setMargins(QMargins(4, 4, 4, 4));
        chart->legend()->hide();  // one legend above the three charts names the lanes
        chart->setAnimationOptions(QChart::NoAnimation);
        auto* x = new QCategoryAxis;
        x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
        auto* y = new QCategoryAxis;
        y->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        xAxes_[size_t(i)] = x;
        yAxes_[size_t(i)] = y;
        auto* view = new QChartView(chart);
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumSize(260, 150);
        view->setObjectName(QStringLiteral("laneChart%1").arg(i));
        views_[size_t(i)] = view;
        row->addWidget(view, 1);
    }
    redrawTimer_ = new QTimer(this);
    redrawTimer_->setSingleShot(true);
    connect(redrawTimer_, &QTimer::timeout, this, &LaneCharts::redraw);
    retranslateUi();
}

LaneCharts::~LaneCharts() = default;

QColor LaneCharts::laneColour(int lane)
{
    // Okabe-Ito: blue, orange, bluish green, reddish purple.
    static const QColor colours[] = {QColor(0x00, 0x72, 0xB2), QColor(0xE6, 0x9F, 0x00), QColor(0x00, 0x9E, 0x73),
                                     QColor(0xCC, 0x79, 0xA7)};
    return colours[std::clamp(lane, 0, 3)];
}

QString LaneCharts::title(Chart chart)
{
    switch (chart) {
    case Chart::Throughput:
        return tr("Throughput on the wire");
    case Chart::Overhead:
        return tr("Overhead since the start");
    case Chart::Pending:
        break;
    }
    return tr("Pending bytes");
}

QChart* LaneCharts::chart(Chart chart) const
{
    return views_[size_t(chart)]->chart();
}

QList<QLineSeries*> LaneCharts::series(Chart chart) const
{
    return series_[size_t(chart)];
}

void LaneCharts::setLanes(const QList<ChartModel*>& models, const QStringList& names, const QList<QColor>& colours)
{
    for (const QMetaObject::Connection& c : connections_) {
        disconnect(c);
    }
    connections_.clear();
    models_.clear();
    for (ChartModel* m : models) {
        models_.append(m);
        connections_.push_back(connect(m, &ChartModel::updated, this, &LaneCharts::scheduleRedraw));
    }
    names_ = names;
    colours_ = colours;
    while (QLayoutItem* item = legend_->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    legendLabels_.clear();
    for (qsizetype lane = 0; lane < names.size(); ++lane) {
        auto* swatch = new QLabel;
        swatch->setFixedSize(24, 4);
        swatch->setStyleSheet(QStringLiteral("background: %1;").arg(colours.value(lane, laneColour(int(lane))).name()));
        auto* text = new QLabel(names[lane]);
        legend_->addWidget(swatch);
        legend_->addWidget(text);
        legend_->addSpacing(12);
        legendLabels_.append(text);
    }
    legend_->addStretch(1);
    for (int i = 0; i < kCharts; ++i) {
        QChart* c = views_[size_t(i)]->chart();
        for (QLineSeries* s : series_[size_t(i)]) {
            c->removeSeries(s);
            delete s;
        }
        series_[size_t(i)].clear();
        for (qsizetype lane = 0; lane < models.size(); ++lane) {
            auto* s = new QLineSeries;
            s->setName(names.value(lane));
            QPen pen(colours.value(lane, laneColour(int(lane))));
            pen.setWidthF(2);
            s->setPen(pen);
            c->addSeries(s);
            s->attachAxis(xAxes_[size_t(i)]);
            s->attachAxis(yAxes_[size_t(i)]);
            series_[size_t(i)].append(s);
        }
    }
    redraw();
}

QStringList LaneCharts::legendTexts() const
{
    QStringList out;
    for (const QLabel* l : legendLabels_) {
        out.append(l->text());
    }
    return out;
}

void LaneCharts::scheduleRedraw()
{
    if (!redrawTimer_->isActive()) {
        bool playing = false;
        for (const QPointer<ChartModel>& m : models_) {
            playing = playing || (m && m->playing());
        }
        redrawTimer_->start(playing ? kRedrawMs : 0);
    }
}

void LaneCharts::redraw()
{
    redrawTimer_->stop();
    double xMax = 0;
    std::array<double, kCharts> yMax{};
    std::array<std::vector<QList<QPointF>>, kCharts> data;
    for (qsizetype lane = 0; lane < models_.size(); ++lane) {
        const ChartModel* m = models_[lane];
        QList<QPointF> wire, overhead, pending;
        if (m) {
            const QList<QPointF> payload = m->points(ChartKind::Throughput, 0, kMaxPoints);
            const QList<QPointF> header = m->points(ChartKind::Throughput, 1, kMaxPoints);
            for (qsizetype i = 0; i < std::min(payload.size(), header.size()); ++i) {
                wire.append(QPointF(payload[i].x(), payload[i].y() + header[i].y()));
            }
            overhead = m->points(ChartKind::Overhead, 1, kMaxPoints);
            pending = m->points(ChartKind::Pending, 0, kMaxPoints);
        }
        data[0].push_back(wire);
        data[1].push_back(overhead);
        data[2].push_back(pending);
    }
    for (int c = 0; c < kCharts; ++c) {
        for (const QList<QPointF>& pts : data[size_t(c)]) {
            for (const QPointF& p : pts) {
                xMax = std::max(xMax, p.x());
                yMax[size_t(c)] = std::max(yMax[size_t(c)], p.y());
            }
        }
    }
    const QLocale locale;
    for (int c = 0; c < kCharts; ++c) {
        for (qsizetype lane = 0; lane < series_[size_t(c)].size(); ++lane) {
            series_[size_t(c)][lane]->replace(lane < qsizetype(data[size_t(c)].size()) ? data[size_t(c)][size_t(lane)]
                                                                                      : QList<QPointF>());
        }
        const int width = views_[size_t(c)]->width();
        setCategoryTicks(xAxes_[size_t(c)], ChartScales::timeAxis(0, xMax > 0 ? xMax : 1, std::clamp(width / 90, 3, 8)));
        const double top = std::max(yMax[size_t(c)] * ChartScales::kHeadroom, 1.0);
        ChartScales::Axis y;
        if (c == int(Chart::Overhead)) {
            y.scale = AxisTicks::decimal(0, std::min(top, 100.0), kMaxValueTicks, true);
            const int decimals = AxisTicks::decimalsFor(y.scale.step);
            for (double t : y.scale.ticks) {
                y.labels << tr("%1 %").arg(locale.toString(t, 'f', decimals));
            }
        } else {
            y.scale = AxisTicks::binary(top, kMaxValueTicks);
            for (double t : y.scale.ticks) {
                y.labels << (c == int(Chart::Throughput) ? ChartScales::rate(t) : ChartScales::bytes(t));
            }
        }
        setCategoryTicks(yAxes_[size_t(c)], y);
    }
}

QStringList LaneCharts::timeLabels(Chart chart) const
{
    return xAxes_[size_t(chart)]->categoriesLabels();
}

QStringList LaneCharts::valueLabels(Chart chart) const
{
    return yAxes_[size_t(chart)]->categoriesLabels();
}

void LaneCharts::retranslateUi()
{
    for (int c = 0; c < kCharts; ++c) {
        views_[size_t(c)]->chart()->setTitle(title(Chart(c)));
        xAxes_[size_t(c)]->setTitleText(tr("simulated time (s)"));
    }
}

void LaneCharts::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QWidget::changeEvent(event);
}

} // namespace bitmig
