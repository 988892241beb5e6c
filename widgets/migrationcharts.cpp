#include "migrationcharts.h"

#include "chartmodel.h"
#include "chartscales.h"
#include "chartstyle.h"
#include "phasepalette.h"

#include <QAreaSeries>
#include <QButtonGroup>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QCursor>
#include <QEvent>
#include <QGraphicsTextItem>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPainter>
#include <QResizeEvent>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace bitmig {

namespace {

constexpr int kSeries = 2;

// Legend entries: the two dirty shades share one ("dirty passes"), the rest map to their band.
constexpr int kLegendEntries = 4;

constexpr int kLegendMinHeight = 150;  // chart views shorter than this show no series legend

constexpr int kAllChartsId = kChartKindCount;  // button id of "All" (QButtonGroup reserves -1)

// All four charts go in one row when half the grid's height is too short for a chart (its axes
// would be cut) and a quarter of its width still holds one.
constexpr int kGridChartMinHeight = 150;
constexpr int kChartMinWidth = 200;
constexpr int kRowChartMinWidth = 200;

// A title is drawn whole where the chart is this much wider than its text (margins and Qt Charts'
// own padding on either side).
constexpr int kTitlePadding = 24;

// Series legends only where they fit beside each other without being cut.
constexpr int kLegendMinWidth = 380;

// Series colours: Okabe-Ito blue and vermillion, away from the band hues; lighter on dark themes.
QColor seriesColor(int series, bool dark)
{
    if (series == 0) {
        return dark ? QColor(0x6c, 0xb6, 0xf0) : QColor(0x00, 0x5a, 0x9c);
    }
    return dark ? QColor(0xff, 0x8a, 0x3d) : QColor(0xc0, 0x4e, 0x00);
}

QPixmap swatch(const QColor& a, const QColor& b, const QColor& base, int size, qreal dpr)
{
    QPixmap pm(QSize(size, size) * dpr);
    pm.setDevicePixelRatio(dpr);
    pm.fill(base);
    QPainter p(&pm);
    p.fillRect(QRectF(0, 0, size / 2.0, size), a);
    p.fillRect(QRectF(size / 2.0, 0, size / 2.0, size), b);
    p.setPen(QColor(0, 0, 0, 60));
    p.drawRect(QRectF(0.5, 0.5, size - 1, size - 1));
    return pm;
}

} // namespace

struct MigrationCharts::Plot {
    ChartKind kind = ChartKind::Throughput;
    QChartView* view = nullptr;
    QChart* chart = nullptr;
    QCategoryAxis* x = nullptr;
    std::array<QCategoryAxis*, kSeries> y{};  // y[1] only when the second series has its own unit
    QValueAxis* bandAxis = nullptr;           // hidden 0..1 axis: bands fill the plot's height
    std::array<QLineSeries*, kSeries> series{};
    std::array<QAreaSeries*, PhasePalette::kBandCount> bands{};
    // What the axes show now: categories are rebuilt only when these change.
    QStringList xLabels;
    double xStart = 0;
    std::array<QStringList, kSeries> yLabels;
    std::array<double, kSeries> yStart{};
    bool stale = true;
    qint64 drawnAtMs = -1;  // clock_ time of the last redraw
    int redraws = 0;
};

MigrationCharts::MigrationCharts(QWidget* parent) : QWidget(parent)
{
    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    auto* row = new QHBoxLayout;
    row->setContentsMargins(4, 0, 4, 0);
    column->addLayout(row);
    grid_ = new QGridLayout;
    grid_->setContentsMargins(0, 0, 0, 0);
    grid_->setSpacing(2);
    column->addLayout(grid_, 1);

    clock_.start();
    for (int k = 0; k < kChartKindCount; ++k) {
        buildPlot(ChartKind(k));
    }
    buildToolbar(row);
    setSingleChart(std::nullopt);
    retranslateUi();
    applyStyle();
}

void MigrationCharts::setModel(ChartModel* model)
{
    if (model == model_) {
        return;
    }
    for (const QMetaObject::Connection& c : modelConnections_) {
        disconnect(c);
    }
    modelConnections_.clear();
    model_ = model;
    if (model) {
        // Row signals mark the charts out of date; updated() comes once the model has taken a
        // whole snapshot, and draws.
        auto stale = [this] { markStale(); };
        modelConnections_ = {
            connect(model, &QAbstractItemModel::modelReset, this, stale),
            connect(model, &QAbstractItemModel::rowsInserted, this, stale),
            connect(model, &QAbstractItemModel::rowsRemoved, this, stale),
            connect(model, &QAbstractItemModel::dataChanged, this, stale),
            connect(model, &QAbstractItemModel::layoutChanged, this, stale),
            connect(model, &ChartModel::timelineChanged, this, stale),
            connect(model, &ChartModel::strategyChanged, this, [this] { updateLegend(); }),
            connect(model, &ChartModel::updated, this, &MigrationCharts::onModelUpdated),
            // Drawn empty at the next refresh; not now: the model may go with the window.
            connect(model, &QObject::destroyed, this, stale),
        };
    }
    updateLegend();
    markStale();
    refresh();
}

ChartModel* MigrationCharts::model() const
{
    return model_;
}

void MigrationCharts::markStale()
{
    for (auto& plot : plots_) {
        plot->stale = true;
    }
}

// While a run plays, the charts take turns; a paused or finished run's snapshot redraws them all.
void MigrationCharts::onModelUpdated()
{
    if (model_ && model_->playing()) {
        refreshLive();
    } else {
        refresh();
    }
}

Strategy MigrationCharts::strategy() const
{
    return model_ ? model_->strategy() : Strategy::Precopy;
}

// Every text in the current language (the axes follow at the next refresh, in its locale).
void MigrationCharts::retranslateUi()
{
    setAccessibleName(tr("Migration charts"));
    phasesLabel_->setText(tr("Phases:"));
    for (int k = 0; k < kChartKindCount; ++k) {
        const auto kind = ChartKind(k);
        Plot& plot = *plots_[size_t(k)];
        setTitle(plot);
        plot.view->setAccessibleName(chartTitle(kind));
        for (int s = 0; s < kSeries; ++s) {
            plot.series[size_t(s)]->setName(ChartModel::seriesName(kind, s));
        }
        viewButtons_->button(k)->setText(shortTitle(kind));
        viewButtons_->button(k)->setToolTip(chartTitle(kind));
    }
    viewButtons_->button(kAllChartsId)->setText(tr("All"));
    viewButtons_->button(kAllChartsId)->setToolTip(tr("Show all four charts"));
    logScale_->setText(tr("Log scale (pending)"));
    logScale_->setToolTip(tr("Pending bytes shrink by orders of magnitude between passes; a "
                             "logarithmic axis keeps the last passes and the budget line readable."));
}

// The pending chart has no budget line in postcopy, and a shorter title then. In a row of four
// the charts are narrow: they take their buttons' names, and the full title is their tool tip.
QString MigrationCharts::plotTitle(const Plot& plot) const
{
    return plotTitle(plot.kind, oneRow_ && !single_);
}

QString MigrationCharts::plotTitle(ChartKind kind, bool row) const
{
    if (row) {
        return shortTitle(kind);
    }
    if (kind == ChartKind::Pending && strategy() == Strategy::Postcopy) {
        return tr("Pending bytes");
    }
    return chartTitle(kind);
}

// A short title names the chart in full in its tool tip. The tool tip goes on the title's text item
// (the chart's one text child; Qt Charts makes it with the first title): on the chart itself it
// would take the place of the values shown when hovering a line.
void MigrationCharts::setTitle(Plot& plot)
{
    const QString title = plotTitle(plot);
    plot.chart->setTitle(title);
    const QString full = oneRow_ && !single_ ? chartTitle(plot.kind) : QString();
    for (QGraphicsItem* item : plot.chart->childItems()) {
        if (auto* text = dynamic_cast<QGraphicsTextItem*>(item)) {
            text->setToolTip(full);
        }
    }
}

QString MigrationCharts::shortTitle(ChartKind kind)
{
    switch (kind) {
    case ChartKind::Throughput:
        return tr("Throughput");
    case ChartKind::Overhead:
        return tr("Overhead");
    case ChartKind::Pending:
        return tr("Pending");
    case ChartKind::DirtyRate:
        return tr("Dirty rate");
    }
    return {};
}

MigrationCharts::~MigrationCharts() = default;

void MigrationCharts::buildToolbar(QHBoxLayout* row)
{
    phasesLabel_ = new QLabel(this);
    row->addWidget(phasesLabel_);
    for (int i = 0; i < kLegendEntries; ++i) {
        auto* sw = new QLabel(this);
        auto* text = new QLabel(this);
        // Wraps rather than widening the window: the names are long in German and Russian.
        text->setWordWrap(true);
        row->addWidget(sw);
        row->addWidget(text);
        row->addSpacing(6);
        legend_.emplace_back(sw, text);
    }
    row->addStretch(1);
    // The chart buttons on a row of their own: side by side with the legend they would make the
    // window wider than a laptop screen, more so in German or Russian.
    auto* buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    if (auto* column = qobject_cast<QBoxLayout*>(layout())) {
        column->insertLayout(1, buttons);
    }

    viewButtons_ = new QButtonGroup(this);
    viewButtons_->setExclusive(true);
    auto addButton = [&](int id) {
        auto* b = new QToolButton(this);
        b->setCheckable(true);
        b->setAutoRaise(true);
        viewButtons_->addButton(b, id);
        buttons->addWidget(b);
        return b;
    };
    addButton(kAllChartsId)->setChecked(true);
    for (int k = 0; k < kChartKindCount; ++k) {
        addButton(k);
    }
    connect(viewButtons_, &QButtonGroup::idClicked, this, [this](int id) {
        setSingleChart(id == kAllChartsId ? std::nullopt : std::optional<ChartKind>(ChartKind(id)));
    });

    logScale_ = new QCheckBox(this);
    logScale_->setChecked(pendingLog_);
    connect(logScale_, &QCheckBox::toggled, this, &MigrationCharts::setPendingLogScale);
    buttons->addSpacing(8);
    buttons->addWidget(logScale_);
    buttons->addStretch(1);
}

void MigrationCharts::buildPlot(ChartKind kind)
{
    auto plot = std::make_unique<Plot>();
    plot->kind = kind;
    plot->chart = new QChart;
    plot->chart->setMargins(QMargins(2, 2, 2, 2));
    plot->chart->setBackgroundRoundness(0);
    plot->chart->legend()->setAlignment(Qt::AlignTop);
    plot->chart->setAnimationOptions(QChart::NoAnimation);  // 60 Hz updates: animation would lag

    plot->x = new QCategoryAxis;
    plot->x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    plot->chart->addAxis(plot->x, Qt::AlignBottom);
    plot->bandAxis = new QValueAxis;
    plot->bandAxis->setRange(0, 1);
    plot->chart->addAxis(plot->bandAxis, Qt::AlignRight);
    plot->bandAxis->setVisible(false);

    // Bands first: series added later are drawn above them.
    for (int b = 0; b < PhasePalette::kBandCount; ++b) {
        // An area series does not own its outline: the line series is the area's child, so it
        // goes with the area (and the chart that owns the area).
        auto* area = new QAreaSeries;
        area->setUpperSeries(new QLineSeries(area));
        plot->chart->addSeries(area);
        area->attachAxis(plot->x);
        area->attachAxis(plot->bandAxis);
        plot->bands[size_t(b)] = area;
    }

    const bool twoUnits = kind == ChartKind::DirtyRate;
    for (int s = 0; s < kSeries; ++s) {
        if (s == 0 || twoUnits) {
            auto* y = new QCategoryAxis;
            y->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
            plot->chart->addAxis(y, s == 0 ? Qt::AlignLeft : Qt::AlignRight);
            plot->y[size_t(s)] = y;
        }
        auto* series = new QLineSeries;
        plot->chart->addSeries(series);
        series->attachAxis(plot->x);
        series->attachAxis(plot->y[twoUnits ? size_t(s) : 0]);
        connect(series, &QLineSeries::hovered, this,
                [this, kind, s](const QPointF& at, bool hovering) { showValue(kind, s, at, hovering); });
        plot->series[size_t(s)] = series;
    }

    plot->view = new QChartView(plot->chart, this);
    plot->view->setRenderHint(QPainter::Antialiasing);
    // Small enough that the heatmaps above keep most of a 1024 x 768 screen.
    plot->view->setMinimumSize(kChartMinWidth, 80);
    plot->view->setAccessibleName(chartTitle(kind));
    plot->view->setFrameShape(QFrame::NoFrame);
    plot->view->installEventFilter(this);  // tick density follows each chart's own size
    const int k = int(kind);
    grid_->addWidget(plot->view, k / 2, k % 2);
    plots_[size_t(k)] = std::move(plot);
}

// The palette's look (ChartStyle), then the series' pens and the phase bands.
void MigrationCharts::applyStyle()
{
    const QPalette pal = palette();
    const bool dark = PhasePalette::isDark(pal);
    const QColor text = pal.color(QPalette::WindowText);

    for (auto& plot : plots_) {
        QChart* c = plot->chart;
        ChartStyle::apply(c, pal, font());
        for (int s = 0; s < kSeries; ++s) {
            QPen pen(seriesColor(s, dark), 1.6);
            if (plot->kind == ChartKind::Pending && s == 1) {
                pen = QPen(text, 1.4, Qt::DashLine);  // a limit, not a measurement
            }
            if (plot->kind == ChartKind::Overhead && s == 1) {
                pen.setWidthF(2.4);  // the cumulative figure is the one to read off
            }
            plot->series[size_t(s)]->setPen(pen);
            if (plot->kind == ChartKind::DirtyRate && plot->y[size_t(s)]) {
                plot->y[size_t(s)]->setLabelsBrush(seriesColor(s, dark));  // axis pairs with its line
            }
        }
        for (int b = 0; b < PhasePalette::kBandCount; ++b) {
            QAreaSeries* area = plot->bands[size_t(b)];
            area->setBrush(PhasePalette::bandFill(PhasePalette::Band(b), dark));
            area->setPen(Qt::NoPen);
            area->setBorderColor(Qt::transparent);
            for (QLegendMarker* m : c->legend()->markers(area)) {
                m->setVisible(false);  // one shared phase legend above the charts instead
            }
        }
        plot->xLabels.clear();  // theme changes reset axis state: rebuild the categories
        for (auto& labels : plot->yLabels) {
            labels.clear();
        }
        plot->stale = true;
    }
    updateLegend();
    refresh();
}

void MigrationCharts::updateLegend()
{
    const bool dark = PhasePalette::isDark(palette());
    const QColor base = palette().color(QPalette::Base);
    const int size = fontMetrics().height() - 2;
    const qreal dpr = devicePixelRatioF();
    using B = PhasePalette::Band;
    const std::array<std::pair<B, B>, kLegendEntries> colours = {
        std::pair{B::Setup, B::Setup}, {B::Bulk, B::Bulk}, {B::DirtyOdd, B::DirtyEven}, {B::Complete, B::Complete}};
    for (int i = 0; i < kLegendEntries; ++i) {
        auto [sw, text] = legend_[size_t(i)];
        // Composite the translucent fill over the chart background: the swatch looks like the band.
        auto over = [&](B b) {
            const QColor f = PhasePalette::bandFill(b, dark);
            const double a = f.alphaF() * 1.6;  // a bit stronger than the band, small patches read paler
            return QColor::fromRgbF(float(base.redF() * (1 - a) + f.redF() * a),
                                    float(base.greenF() * (1 - a) + f.greenF() * a),
                                    float(base.blueF() * (1 - a) + f.blueF() * a));
        };
        sw->setPixmap(swatch(over(colours[size_t(i)].first), over(colours[size_t(i)].second), base, size, dpr));
        const Strategy strategy = this->strategy();
        text->setText(bandName(i, strategy));
        // Only the phases this strategy goes through: no dirty passes but in precopy, no bulk pass in
        // stop and copy (it sends everything in the complete phase).
        const bool used = (i != 2 || strategy == Strategy::Precopy) && (i != 1 || strategy != Strategy::StopAndCopy);
        sw->setVisible(used);
        text->setVisible(used);
    }
}

QString MigrationCharts::bandName(int entry, Strategy strategy)
{
    switch (entry) {
    case 0:
        return tr("setup");
    case 1:
        return strategy == Strategy::Postcopy ? tr("bulk (guest at destination)") : tr("bulk");
    case 2:
        return tr("dirty passes (alternating)");
    case 3:
        return strategy == Strategy::Postcopy ? tr("complete") : tr("complete (guest paused)");
    default:
        return {};
    }
}

QString MigrationCharts::chartTitle(ChartKind kind)
{
    switch (kind) {
    case ChartKind::Throughput:
        return tr("Throughput on the link");
    case ChartKind::Overhead:
        return tr("Overhead: header share of wire bytes");
    case ChartKind::Pending:
        return tr("Pending bytes against the downtime budget");
    case ChartKind::DirtyRate:
        return tr("Dirty rate");
    }
    return {};
}

int MigrationCharts::redraws(ChartKind kind) const
{
    return plots_[size_t(kind)]->redraws;
}

QList<MigrationCharts::PhaseBand> MigrationCharts::phaseBands() const
{
    QList<PhaseBand> out;
    if (!model_) {
        return out;
    }
    for (const PhaseSpan& span : model_->phases()) {
        if (!PhasePalette::bandOf(span.phase, span.pass)) {
            continue;
        }
        const int64_t end = span.endNs < 0 ? std::max(model_->nowNs(), span.startNs) : span.endNs;
        out.append(PhaseBand{span.phase, span.pass, double(span.startNs) * 1e-9, double(end) * 1e-9});
    }
    return out;
}

void MigrationCharts::setSingleChart(std::optional<ChartKind> kind)
{
    single_ = kind;
    placeCharts();
    if (QAbstractButton* b = viewButtons_->button(kind ? int(*kind) : kAllChartsId); b && !b->isChecked()) {
        b->setChecked(true);
    }
    refresh();
}

// Re-placed rather than only hidden, so the one chart left takes the whole grid.
void MigrationCharts::placeCharts()
{
    const std::optional<ChartKind> kind = single_;
    for (auto& plot : plots_) {
        grid_->removeWidget(plot->view);
    }
    const int columns = kind ? 1 : oneRow_ ? kChartKindCount : 2;
    for (auto& plot : plots_) {
        const bool shown = !kind || plot->kind == *kind;
        const int k = kind ? 0 : int(plot->kind);
        if (shown) {
            grid_->addWidget(plot->view, k / columns, k % columns);
        }
        plot->view->setVisible(shown);
        // A row of four is taken only where each chart has kRowChartMinWidth; below that the grid
        // goes back to 2 x 2, so the row's minimum must not hold the window that wide.
        plot->view->setMinimumWidth(oneRow_ && !kind ? kRowChartMinWidth / 2 : kChartMinWidth);
        setTitle(*plot);
    }
    // Fixed shares whatever the charts' size hints (a theme change alters them); an empty row or
    // column gets none. In a row the dirty rate gets half as much again as the others: it has an
    // axis on either side, and Qt Charts gives the vertical axes together at most 40 % of a chart's
    // width, cutting their labels beyond that.
    const int rows = kind || oneRow_ ? 1 : 2;
    for (int i = 0; i < kChartKindCount; ++i) {
        const int share = !oneRow_ || kind ? 1 : ChartKind(i) == ChartKind::DirtyRate ? 3 : 2;
        grid_->setRowStretch(i, i < rows ? 1 : 0);
        grid_->setColumnStretch(i, i < columns ? share : 0);
    }
}

QFont MigrationCharts::labelFont() const
{
    return ChartStyle::labelFont(font());
}

QFont MigrationCharts::titleFont() const
{
    return ChartStyle::titleFont(font());
}

// Qt Charts lays out a chart as: its margins, the title, the plot, the time axis' ticks and labels,
// with paddings around each. A chart shorter than the title and eight label lines (four of them
// for the plot: three value ticks whose labels Qt Charts draws whole, with room between) cuts the
// value axis' labels short ("...") or squeezes the plot below a few pixels a tick.
int MigrationCharts::readableChartHeight() const
{
    return QFontMetrics(titleFont()).height() + 8 * QFontMetrics(labelFont()).height();
}

bool MigrationCharts::readableAt(const QSize& size) const
{
    auto* column = qobject_cast<QBoxLayout*>(layout());
    if (!column || size.isEmpty()) {
        return false;
    }
    // The rows above the grid: the phase legend (its names wrap) and the chart buttons.
    int gridHeight = size.height();
    for (int i = 0; i < column->count(); ++i) {
        QLayoutItem* item = column->itemAt(i);
        if (item->layout() == grid_ || item->isEmpty()) {
            continue;
        }
        gridHeight -= (item->hasHeightForWidth() ? item->heightForWidth(size.width()) : item->sizeHint().height()) +
                      column->spacing();
    }
    const int spacing = grid_->spacing();
    const int gridWidth = size.width();
    // The arrangement updateArrangement() would take at this size.
    const bool row = (gridHeight - spacing) / 2 < kGridChartMinHeight &&
                     (gridWidth - 3 * spacing) / kChartKindCount >= kRowChartMinWidth;
    const int chartHeight = row ? gridHeight : (gridHeight - spacing) / 2;
    if (chartHeight < readableChartHeight()) {
        return false;
    }
    const QFontMetrics title(titleFont());
    for (int k = 0; k < kChartKindCount; ++k) {
        const auto kind = ChartKind(k);
        // The shares placeCharts() gives: 2, 2, 2 and 3 (the dirty rate, two value axes) in a row.
        const int width = row ? (gridWidth - 3 * spacing) * (kind == ChartKind::DirtyRate ? 3 : 2) / 9
                              : (gridWidth - spacing) / 2;
        const int needed = std::max(row ? kRowChartMinWidth : kChartMinWidth,
                                    title.horizontalAdvance(plotTitle(kind, row)) + kTitlePadding);
        if (width < needed) {
            return false;
        }
    }
    return true;
}

// 2 x 2 or one row, from the room the charts have (the toolbar rows above them take theirs first).
void MigrationCharts::updateArrangement()
{
    const QRect area = grid_->geometry();
    if (!area.isValid()) {
        return;
    }
    const int spacing = grid_->spacing();
    const bool row = (area.height() - spacing) / 2 < kGridChartMinHeight &&
                     (area.width() - 3 * spacing) / kChartKindCount >= kRowChartMinWidth;
    if (row == oneRow_) {
        return;
    }
    oneRow_ = row;
    placeCharts();
    markStale();
    refresh();
}

void MigrationCharts::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    // The layout has set the grid's geometry for the new size by now (it handles the resize
    // before the widget sees it).
    updateArrangement();
}

void MigrationCharts::setPendingLogScale(bool on)
{
    if (on == pendingLog_) {
        return;
    }
    pendingLog_ = on;
    logScale_->setChecked(on);
    Plot& plot = *plots_[size_t(ChartKind::Pending)];
    plot.yLabels[0].clear();
    plot.stale = true;
    refresh();
}

QChart* MigrationCharts::chart(ChartKind kind) const
{
    return plots_[size_t(kind)]->chart;
}

void MigrationCharts::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange ||
        event->type() == QEvent::LanguageChange) {
        applyStyle();  // axes, legend and tool tips again, in the new language and locale
    }
}

void MigrationCharts::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    refresh();  // catch up on what arrived while hidden
}

bool MigrationCharts::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::Resize) {
        for (auto& plot : plots_) {
            if (plot->view == watched) {
                // A short chart (the heatmaps take most of the height) gives its series legend's
                // line to the plot; hovering a line still names it.
                plot->chart->legend()->setVisible(plot->view->height() >= kLegendMinHeight &&
                                                  plot->view->width() >= kLegendMinWidth);
                plot->stale = true;
                refresh();
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

// Charts that nobody can see are not redrawn; they catch up when shown.
void MigrationCharts::refresh()
{
    if (!isVisible()) {
        return;
    }
    for (auto& plot : plots_) {
        if (plot->stale && !plot->view->isHidden()) {
            updatePlot(*plot);
        }
    }
}

// One stale chart, the one that waited longest among those due, so the four take turns.
void MigrationCharts::refreshLive()
{
    if (!isVisible()) {
        return;
    }
    const qint64 now = clock_.elapsed();
    for (size_t i = 0; i < plots_.size(); ++i) {
        Plot& plot = *plots_[(nextLive_ + i) % plots_.size()];
        const bool due = plot.drawnAtMs < 0 || now - plot.drawnAtMs >= kLiveRedrawMs;
        if (plot.stale && due && !plot.view->isHidden()) {
            updatePlot(plot);
            nextLive_ = (nextLive_ + i + 1) % plots_.size();
            return;
        }
    }
}

namespace {

void setCategories(QCategoryAxis* axis, const ChartScales::Axis& want, QStringList& shown, double& shownStart)
{
    const AxisTicks::Scale& scale = want.scale;
    if (want.labels != shown || shownStart != scale.min) {
        const QStringList old = axis->categoriesLabels();
        for (const QString& label : old) {
            axis->remove(label);
        }
        axis->setStartValue(scale.min);
        for (qsizetype i = 0; i < want.labels.size(); ++i) {
            axis->append(want.labels[i], scale.ticks[size_t(i)]);
        }
        shown = want.labels;
        shownStart = scale.min;
    }
    if (axis->min() != scale.min || axis->max() != scale.max) {
        axis->setRange(scale.min, scale.max);
    }
}

} // namespace

void MigrationCharts::updatePlot(Plot& plot)
{
    plot.stale = false;
    plot.drawnAtMs = clock_.elapsed();
    ++plot.redraws;
    const ChartKind kind = plot.kind;
    const QSize size = plot.view->size();
    const int xTicks = std::clamp(size.width() / 90, 3, 10);
    const int yTicks = std::clamp(size.height() / 45, 3, 7);

    // About one point per two pixels of plot: finer detail cannot be seen, and Qt Charts spends
    // microseconds per point on every replace (it rebuilds the hover outline).
    const qreal plotWidth = plot.chart->plotArea().width() > 0 ? plot.chart->plotArea().width() : size.width();
    const int drawnPoints = std::max(64, int(plotWidth / 2));
    std::array<QList<QPointF>, kSeries> points;
    for (int s = 0; s < kSeries; ++s) {
        points[size_t(s)] = model_ ? model_->points(kind, s, drawnPoints) : QList<QPointF>();
    }
    if (kind == ChartKind::Pending) {
        // Postcopy switches the guest over at once: no downtime budget decides anything there, so
        // its line is not drawn (and does not stretch the axis). The exported data keeps it.
        const bool budget = strategy() != Strategy::Postcopy;
        if (!budget) {
            points[1].clear();
        }
        if (plot.series[1]->isVisible() != budget) {
            setTitle(plot);
            plot.series[1]->setVisible(budget);
            for (QLegendMarker* m : plot.chart->legend()->markers(plot.series[1])) {
                m->setVisible(budget);
            }
        }
    }
    const auto yAxes = ChartScales::valueAxes(kind, points, kind == ChartKind::Pending && pendingLog_, yTicks);
    for (int s = 0; s < kSeries; ++s) {
        if (plot.y[size_t(s)]) {
            setCategories(plot.y[size_t(s)], yAxes[size_t(s)], plot.yLabels[size_t(s)], plot.yStart[size_t(s)]);
        }
    }

    // ---- x axis: from the first bucket (or band) to now ----
    const ChartModel* m = model_;
    double x0 = !m || m->rowCount() == 0 ? 0.0 : m->data(m->index(0, 0), ChartModel::StartSecondsRole).toDouble();
    double x1 = 0;
    if (m) {
        const int last = m->rowCount() - 1;
        x1 = std::max(last < 0 ? 0.0 : m->data(m->index(last, 0), ChartModel::SecondsRole).toDouble(),
                      double(m->nowNs()) * 1e-9);
        for (const PhaseSpan& span : m->phases()) {
            x0 = std::min(x0, double(span.startNs) * 1e-9);
        }
    }
    if (x1 <= x0) {
        x1 = x0 + 1;
    }
    setCategories(plot.x, ChartScales::timeAxis(x0, x1, xTicks), plot.xLabels, plot.xStart);

    for (int s = 0; s < kSeries; ++s) {
        plot.series[size_t(s)]->replace(points[size_t(s)]);
    }
    updateBands(plot);
}

void MigrationCharts::updateBands(Plot& plot)
{
    std::array<QList<QPointF>, PhasePalette::kBandCount> shapes;
    for (const PhaseBand& band : phaseBands()) {
        const auto b = PhasePalette::bandOf(band.phase, band.pass);
        QList<QPointF>& pts = shapes[size_t(*b)];
        // A rectangle as a step in the outline: up at the start, across, down at the end.
        pts << QPointF(band.startSeconds, 0) << QPointF(band.startSeconds, 1) << QPointF(band.endSeconds, 1)
            << QPointF(band.endSeconds, 0);
    }
    for (int b = 0; b < PhasePalette::kBandCount; ++b) {
        QLineSeries* upper = plot.bands[size_t(b)]->upperSeries();
        if (upper->points() != shapes[size_t(b)]) {
            upper->replace(shapes[size_t(b)]);
        }
    }
}

void MigrationCharts::showValue(ChartKind kind, int series, const QPointF& at, bool hovering)
{
    Plot& plot = *plots_[size_t(kind)];
    const ChartModel* m = model_;
    const int rows = m ? m->rowCount() : 0;
    if (!hovering || rows == 0) {
        QToolTip::hideText();
        return;
    }
    const int column = ChartModel::column(kind, series);
    auto secondsAt = [m](int row) { return m->data(m->index(row, 0), ChartModel::SecondsRole).toDouble(); };
    // The hover point lies on the drawn line between rows; report the nearest row exactly.
    int near = 0;  // the first row that ends at or after the point
    for (int count = rows; count > 0;) {
        const int half = count / 2;
        if (secondsAt(near + half) < at.x()) {
            near += half + 1;
            count -= half + 1;
        } else {
            count = half;
        }
    }
    int best = -1;
    double value = 0;
    for (int d = 0; d < 8 && best < 0; ++d) {
        for (int i : {near - d - 1, near + d}) {
            if (i < 0 || i >= rows) {
                continue;
            }
            const QVariant v = m->data(m->index(i, column), ChartModel::ValueRole);
            if (v.isValid() && (best < 0 || std::abs(secondsAt(i) - at.x()) < std::abs(secondsAt(best) - at.x()))) {
                best = i;
                value = v.toDouble();
            }
        }
    }
    if (best < 0) {
        return;
    }
    const double seconds = secondsAt(best);
    const double width = seconds - m->data(m->index(best, 0), ChartModel::StartSecondsRole).toDouble();
    const int decimals = std::max(2, AxisTicks::decimalsFor(width));
    const QString name = ChartModel::seriesName(kind, series);
    // Pending and the budget are levels at the end of a bucket; the rest are averages over it.
    const QString text =
        kind == ChartKind::Pending
            ? tr("%1: %2\nat %3").arg(name, ChartScales::value(kind, series, value),
                                      ChartScales::seconds(seconds, decimals))
            : tr("%1: %2\nat %3 (average over %4)")
                  .arg(name, ChartScales::value(kind, series, value), ChartScales::seconds(seconds, decimals),
                       ChartScales::span(width));
    QToolTip::showText(QCursor::pos(), text, plot.view);
}

} // namespace bitmig
