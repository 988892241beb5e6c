#include "sweepview.h"

#include "app/scenario/sweepmap.h"
#include "viewexporter.h"
#include "widgets/axisticks.h"
#include "widgets/byteformat.h"
#include "widgets/chartscales.h"
#include "widgets/unitfield.h"

#include <bitmig/units.h>

#include <QBuffer>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineEdit>
#include <QLineSeries>
#include <QLocale>
#include <QLogValueAxis>
#include <QMouseEvent>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QScatterSeries>
#include <QStackedWidget>
#include <QSvgRenderer>
#include <QTextStream>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>
#include <cmath>
#include <stdexcept>

namespace bitmig {

namespace {

constexpr SweepCriterion kCriteria[] = {SweepCriterion::MinTotalBytes, SweepCriterion::MinDowntime,
                                        SweepCriterion::MinTotalTime};

QString figureTitle(SweepView::Figure f)
{
    switch (f) {
    case SweepView::Figure::WireBytes:
        return SweepView::tr("Wire bytes (MiB)");
    case SweepView::Figure::Overhead:
        return SweepView::tr("Overhead (% of wire bytes)");
    case SweepView::Figure::ResentChunks:
        return SweepView::tr("Resent chunks");
    case SweepView::Figure::DirtyPasses:
        return SweepView::tr("Dirty passes");
    case SweepView::Figure::Downtime:
        return SweepView::tr("Downtime and its limit");
    case SweepView::Figure::TotalTime:
        return SweepView::tr("Total time");
    }
    return {};
}

// Chunk sizes and granularities double from point to point, bandwidths and rates grow tenfold:
// a log axis spreads them evenly. Durations may be 0, so they keep a linear one.
constexpr int kMaxTicks = 6;  // labels on a log x axis

int logBase(SweepParameter p)
{
    switch (p) {
    case SweepParameter::ChunkSize:
    case SweepParameter::Granularity:
        return 2;
    case SweepParameter::Bandwidth:
    case SweepParameter::WriteRate:
        return 10;
    case SweepParameter::MaxDowntime:
    case SweepParameter::MigrationStart:
        return 0;
    }
    return 0;
}

// A duration as the window writes it, in its language ("29.25 ms", "29,25 мс").
QString duration(int64_t ns)
{
    const units::DurationParts parts = units::formatDurationParts(ns);
    return ChartScales::duration(QString::fromStdString(parts.number), parts.unit);
}

// A tick of a time axis: "0", "200 ms", "1.5 s", exact.
QString durationTick(int64_t ns)
{
    if (ns == 0) {
        return QStringLiteral("0");
    }
    const UnitField::DurationParts parts = UnitField::formatDurationParts(ns);
    return ChartScales::duration(parts.number, parts.unit);
}

// Round values from lo to hi, at most kMaxTicks of them: steps of 1, 2 or 5 times a power of ten,
// never below minStep.
std::vector<double> roundTicks(double lo, double hi, double minStep)
{
    std::vector<double> ticks;
    if (!(hi > lo) || !std::isfinite(lo) || !std::isfinite(hi)) {
        return ticks;
    }
    const double wanted = std::max(minStep, (hi - lo) / (kMaxTicks - 1));
    const double power = std::pow(10.0, std::floor(std::log10(wanted)));
    double step = 10 * power;
    for (const double m : {1.0, 2.0, 5.0}) {
        if (m * power >= wanted * (1 - 1e-9)) {
            step = m * power;
            break;
        }
    }
    const auto first = int64_t(std::ceil(lo / step - 1e-9));
    const auto last = int64_t(std::floor(hi / step + 1e-9));
    for (int64_t k = first; k <= last; ++k) {
        ticks.push_back(double(k) * step);
    }
    return ticks;
}

// How an axis labels its ticks: numbers as Qt writes them, whole counts with the locale's grouping,
// or durations with their unit; `scale` takes the plotted value to nanoseconds.
struct AxisLabels {
    enum class Kind { Number, Count, Duration } kind = Kind::Number;
    double scale = 1;
};

AxisLabels figureLabels(SweepView::Figure f)
{
    switch (f) {
    case SweepView::Figure::ResentChunks:
    case SweepView::Figure::DirtyPasses:
        return {AxisLabels::Kind::Count, 1};
    case SweepView::Figure::Downtime:
        return {AxisLabels::Kind::Duration, 1e6};
    case SweepView::Figure::TotalTime:
        return {AxisLabels::Kind::Duration, 1e9};
    case SweepView::Figure::WireBytes:
    case SweepView::Figure::Overhead:
        break;
    }
    return {};
}

AxisLabels parameterLabels(SweepParameter p)
{
    switch (p) {
    case SweepParameter::MaxDowntime:
        return {AxisLabels::Kind::Duration, 1e6};
    case SweepParameter::MigrationStart:
        return {AxisLabels::Kind::Duration, 1e9};
    default:
        return {};
    }
}

// A linear axis over [lo, hi] with round ticks labelled as `labels` says.
QAbstractAxis* linearAxis(const AxisLabels& labels, double lo, double hi, bool ticks)
{
    auto* a = new QCategoryAxis;
    a->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    a->setStartValue(lo);
    if (ticks) {
        const QLocale locale;
        // A whole chunk or pass, a nanosecond; numbers (MiB, %) may step below 1.
        const double minStep = labels.kind == AxisLabels::Kind::Number ? 0 : 1;
        const std::vector<double> values = roundTicks(std::max(0.0, lo) * labels.scale, hi * labels.scale, minStep);
        const int decimals = values.size() > 1 ? AxisTicks::decimalsFor(values[1] - values[0]) : 0;
        for (const double t : values) {
            QString text;
            switch (labels.kind) {
            case AxisLabels::Kind::Number:
                text = locale.toString(t, 'f', decimals);
                break;
            case AxisLabels::Kind::Count:
                text = locale.toString(qlonglong(std::llround(t)));
                break;
            case AxisLabels::Kind::Duration:
                text = durationTick(std::llround(t));
                break;
            }
            a->append(text, t / labels.scale);
        }
    }
    a->setRange(lo, hi);
    return a;
}

// Where a value sits on the charts' x: its logarithm on a log scale (whole numbers for the
// powers of two and ten the ticks name), else itself.
double plotX(SweepParameter p, bool log, double value)
{
    if (!log) {
        return value;
    }
    return logBase(p) == 2 ? std::log2(value) : std::log10(value);
}

// A parameter's value as the rest of the window writes it, with its unit.
QString valueText(SweepParameter p, const SimConfig& c)
{
    switch (p) {
    case SweepParameter::ChunkSize:
        return formatBytes(c.chunkBytes);
    case SweepParameter::Granularity:
        return formatBytes(c.granularity);
    case SweepParameter::Bandwidth:
        return UnitField::formatBandwidth(c.bandwidth);
    case SweepParameter::WriteRate:
        return SweepView::tr("%1 writes/s").arg(QLocale().toString(c.workload.rate, 'g', 6));
    case SweepParameter::MaxDowntime:
        return duration(c.maxDowntimeNs);
    case SweepParameter::MigrationStart:
        return duration(c.migrationStartNs);
    }
    return {};
}

// The label of a tick at 2^exponent or 10^exponent on a log axis: sizes as "64 KiB", numbers
// with the locale's grouping.
QString logTickLabel(SweepParameter p, int exponent)
{
    if (logBase(p) == 2) {
        return formatBytes(uint64_t(1) << std::clamp(exponent, 0, 62));
    }
    return QLocale().toString(std::pow(10.0, exponent), 'g', 15);
}

} // namespace

// The map's SVG, drawn at the largest size that keeps its proportions, centred; a click on a
// cell reports the point.
class SweepView::MapWidget : public QWidget {
public:
    MapWidget(QWidget* parent, std::function<void(QPointF)> clicked)
        : QWidget(parent), clicked_(std::move(clicked))
    {
    }
    void load(const QByteArray& svg)
    {
        shown_ = !svg.isEmpty() && renderer_.load(svg);
        update();
    }
    // Where the document is drawn, in this widget.
    QRectF target() const
    {
        const QSizeF size = renderer_.defaultSize();
        if (!shown_ || size.isEmpty()) {
            return {};
        }
        const QSizeF scaled = size.scaled(QSizeF(this->size()), Qt::KeepAspectRatio);
        return QRectF(QPointF((width() - scaled.width()) / 2, (height() - scaled.height()) / 2), scaled);
    }
    // A point of the document, in this widget.
    QPointF toWidget(QPointF document) const
    {
        const QRectF t = target();
        const QSizeF size = renderer_.defaultSize();
        return t.topLeft() +
               QPointF(document.x() * t.width() / size.width(), document.y() * t.height() / size.height());
    }

protected:
    void paintEvent(QPaintEvent*) override
    {
        QPainter painter(this);
        painter.fillRect(rect(), Qt::white);
        if (shown_) {
            painter.setRenderHint(QPainter::Antialiasing);
            renderer_.render(&painter, target());
        }
    }
    void mouseReleaseEvent(QMouseEvent* event) override
    {
        const QRectF t = target();
        if (event->button() == Qt::LeftButton && t.contains(event->position())) {
            const QSizeF size = renderer_.defaultSize();
            const QPointF p = event->position() - t.topLeft();
            clicked_(QPointF(p.x() * size.width() / t.width(), p.y() * size.height() / t.height()));
        }
    }

private:
    QSvgRenderer renderer_;
    bool shown_ = false;
    std::function<void(QPointF)> clicked_;
};

SweepView::SweepView(QWidget* parent) : QWidget(parent), job_(new SweepJob(this))
{
    parameterLabel_ = new QLabel(this);
    parameter_ = new QComboBox(this);
    parameter_->setObjectName(QStringLiteral("sweepParameter"));
    for (SweepParameter p : SweepParameters::all()) {
        parameter_->addItem(SweepParameters::label(p), int(p));
    }
    valuesLabel_ = new QLabel(this);
    values_ = new QLineEdit(SweepParameters::defaultValues(SweepParameter::ChunkSize), this);
    values_->setObjectName(QStringLiteral("sweepValues"));
    parameterLabel_->setBuddy(parameter_);
    valuesLabel_->setBuddy(values_);
    criterionLabel_ = new QLabel(this);
    criterion_ = new QComboBox(this);
    criterion_->setObjectName(QStringLiteral("sweepCriterion"));
    for (SweepCriterion c : kCriteria) {
        criterion_->addItem(SweepReport::criterionName(c), int(c));
    }
    criterionLabel_->setBuddy(criterion_);
    run_ = new QPushButton(this);
    run_->setObjectName(QStringLiteral("sweepRun"));
    cancel_ = new QPushButton(this);
    cancel_->setObjectName(QStringLiteral("sweepCancel"));
    cancel_->setEnabled(false);
    export_ = new QPushButton(this);
    export_->setObjectName(QStringLiteral("sweepExport"));
    progress_ = new QProgressBar(this);
    progress_->setObjectName(QStringLiteral("sweepProgress"));
    progress_->setRange(0, 1);
    progress_->setValue(0);
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("sweepStatus"));
    start_ = new QLabel(this);
    start_->setObjectName(QStringLiteral("sweepStart"));
    best_label_ = new QLabel(this);
    best_label_->setObjectName(QStringLiteral("sweepBest"));
    best_label_->setWordWrap(true);
    error_ = new QLabel(this);
    error_->setObjectName(QStringLiteral("sweepError"));
    error_->setWordWrap(true);
    error_->hide();

    mapMode_ = new QToolButton(this);
    mapMode_->setObjectName(QStringLiteral("sweepMapMode"));
    mapMode_->setCheckable(true);
    chunksLabel_ = new QLabel(this);
    chunks_ = new QLineEdit(QStringLiteral("all"), this);
    chunks_->setObjectName(QStringLiteral("sweepMapChunks"));
    chunksLabel_->setBuddy(chunks_);
    chunksLabel_->hide();
    chunks_->hide();

    auto* controls = new QHBoxLayout;
    controls->addWidget(mapMode_);
    controls->addWidget(chunksLabel_);
    controls->addWidget(chunks_, 1);
    controls->addWidget(parameterLabel_);
    controls->addWidget(parameter_);
    controls->addWidget(valuesLabel_);
    controls->addWidget(values_, 2);
    controls->addWidget(criterionLabel_);
    controls->addWidget(criterion_);
    controls->addWidget(run_);
    controls->addWidget(cancel_);
    controls->addWidget(export_);
    auto* state = new QHBoxLayout;
    state->addWidget(progress_, 1);
    state->addWidget(status_);
    state->addWidget(start_);

    charts_ = new QWidget(this);
    charts_->setObjectName(QStringLiteral("sweepCharts"));
    auto* grid = new QGridLayout(charts_);
    grid->setContentsMargins(0, 0, 0, 0);
    for (int i = 0; i < kFigures; ++i) {
        auto* chart = new QChart;
        chart->legend()->setVisible(i == 0);
        chart->legend()->setAlignment(Qt::AlignBottom);
        chart->setMargins(QMargins(2, 2, 2, 2));
        auto* view = new QChartView(chart, charts_);
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumSize(240, 190);
        view->setObjectName(QStringLiteral("sweepChart%1").arg(i));
        views_.push_back(view);
        grid->addWidget(view, i / 3, i % 3);
    }

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addLayout(state);
    layout->addWidget(error_);
    layout->addWidget(best_label_);
    map_ = new MapWidget(this, [this](QPointF at) {
        if (const std::optional<size_t> point = SweepMap::pointAt(job_->results(), at.x(), at.y());
            point && job_->results().points[*point].ran) {
            Q_EMIT pointActivated(job_->results().points[*point].config);
        }
    });
    map_->setObjectName(QStringLiteral("sweepMap"));
    pages_ = new QStackedWidget(this);
    pages_->addWidget(charts_);
    pages_->addWidget(map_);
    layout->addWidget(pages_, 1);

    ticker_ = new QTimer(this);
    ticker_->setInterval(500);
    connect(ticker_, &QTimer::timeout, this, &SweepView::updateStatus);
    connect(parameter_, &QComboBox::currentIndexChanged, this, [this] {
        if (mapMode() && parameter() == SweepParameter::ChunkSize) {
            setParameter(SweepParameter::Bandwidth); // the chunk size is the map's other axis
            return;
        }
        values_->setText(SweepParameters::defaultValues(parameter()));
    });
    connect(mapMode_, &QToolButton::toggled, this, &SweepView::setMapMode);
    connect(criterion_, &QComboBox::currentIndexChanged, this, [this] { replot(); });
    connect(run_, &QPushButton::clicked, this, [this] { run(); });
    connect(values_, &QLineEdit::returnPressed, this, [this] { run(); });
    connect(cancel_, &QPushButton::clicked, this, &SweepView::cancel);
    connect(export_, &QPushButton::clicked, this, &SweepView::exportDialog);
    connect(job_, &SweepJob::pointDone, this, [this] {
        progress_->setValue(int(job_->done()));
        updateStatus();
        replot();
    });
    connect(job_, &SweepJob::finished, this, &SweepView::onFinished);
    retranslateUi();
    replot();
}

void SweepView::setBaseConfig(const SimConfig& config)
{
    base_ = config;
    updateStartLabel();
}

void SweepView::setParameter(SweepParameter p)
{
    parameter_->setCurrentIndex(parameter_->findData(int(p)));
}

SweepParameter SweepView::parameter() const
{
    return SweepParameter(parameter_->currentData().toInt());
}

SweepCriterion SweepView::criterion() const
{
    return SweepCriterion(criterion_->currentData().toInt());
}

bool SweepView::run(QString* error)
{
    if (job_->running()) {
        return false;
    }
    SweepResults results;
    try {
        results = SweepParameters::build(parameter(), values_->text(), base_,
                                         mapMode() ? chunks_->text() : QString());
    } catch (const std::invalid_argument& e) {
        const QString message =
            tr("%1: %2").arg(valuesLabel_->text().remove(QLatin1Char('&')).remove(QLatin1Char(':')),
                             QString::fromStdString(e.what()));
        error_->setText(message);
        error_->show();
        if (error) {
            *error = message;
        }
        return false;
    }
    error_->hide();
    shownParameter_ = parameter();
    shownMap_ = mapMode();
    cancelled_ = false;
    best_.reset();
    job_->start(std::move(results));
    progress_->setRange(0, int(std::max<size_t>(1, job_->total())));
    progress_->setValue(0);
    run_->setEnabled(false);
    cancel_->setEnabled(true);
    ticker_->start();
    updateExport();
    updateStatus();
    replot();
    return true;
}

void SweepView::cancel()
{
    if (job_->running()) {
        cancelled_ = true;
        job_->cancel();
        cancel_->setEnabled(false);
        updateStatus();
    }
}

void SweepView::onFinished(bool complete)
{
    ticker_->stop();
    lastWallMs_ = 0;
    cancelled_ = !complete;
    run_->setEnabled(true);
    cancel_->setEnabled(false);
    updateExport();
    progress_->setValue(complete ? progress_->maximum() : int(job_->done()));
    updateStatus();
    replot();
}

void SweepView::updateStatus()
{
    const size_t done = job_->done();
    const size_t total = job_->total();
    if (job_->running()) {
        const std::optional<qint64> left = job_->remainingMs();
        status_->setText(
            cancelled_ ? tr("cancelling...")
            : left     ? tr("%1 of %2 runs, %3 left").arg(done).arg(total).arg(duration(*left * 1'000'000))
                       : tr("%1 of %2 runs").arg(done).arg(total));
    } else if ((total == 0 && job_->results().points.empty()) || shownMap_ != mapMode()) {
        status_->setText(mapMode() ? tr("no map yet") : tr("no sweep yet"));
    } else if (cancelled_) {
        status_->setText(tr("cancelled after %1 of %2 runs").arg(done).arg(total));
    } else {
        status_->setText(tr("%1 runs on %2 threads").arg(total).arg(defaultSweepJobs()));
    }
}

void SweepView::updateExport()
{
    const bool shown = !job_->running() && !job_->results().points.empty() && shownMap_ == mapMode();
    export_->setEnabled(shown && !cancelled_);
    if (job_->running()) {
        export_->setToolTip(tr("Nothing to export while the sweep runs"));
    } else if (!shown) {
        export_->setToolTip(mapMode() ? tr("Nothing to export: no convergence map yet, press Run sweep to draw one")
                                      : tr("Nothing to export: no sweep yet, press Run sweep"));
    } else if (cancelled_) {
        export_->setToolTip(tr("Nothing to export: the sweep was cancelled"));
    } else {
        export_->setToolTip(mapMode() ? tr("Save the map as SVG or PNG, or its runs as CSV or JSON")
                                      : tr("Save the runs as CSV or JSON, or the charts as PNG or SVG"));
    }
}

void SweepView::updateStartLabel()
{
    start_->setText(tr("migration starts at %1").arg(duration(base_.migrationStartNs)));
    start_->setToolTip(tr("The current configuration's migration start: every run of the sweep lets the "
                          "guest write alone until then."));
}

double SweepView::figureValue(Figure f, const SweepPoint& p)
{
    const MigrationSummary& s = p.summary;
    switch (f) {
    case Figure::WireBytes:
        return double(s.wireBytes) / double(units::MiB);
    case Figure::Overhead:
        return s.overhead() * 100;
    case Figure::ResentChunks:
        return double(s.chunksResent);
    case Figure::DirtyPasses:
        return double(s.dirtyPasses);
    case Figure::Downtime:
        return double(s.downtimeNs) / 1e6;
    case Figure::TotalTime:
        return double(s.totalTimeNs) / 1e9;
    }
    return 0;
}

void SweepView::setMapMode(bool on)
{
    if (mapMode_->isChecked() != on) {
        mapMode_->setChecked(on); // comes back here through toggled()
        return;
    }
    chunksLabel_->setVisible(on);
    chunks_->setVisible(on);
    pages_->setCurrentIndex(on ? 1 : 0);
    if (on && parameter() == SweepParameter::ChunkSize) {
        setParameter(SweepParameter::Bandwidth);
    }
    // The status, the best point, the page and Export say what the page shows: the last run's
    // figures only on the page of its kind (charts or map).
    updateStatus();
    updateExport();
    replot();
}

bool SweepView::mapMode() const
{
    return mapMode_->isChecked();
}

QWidget* SweepView::mapWidget() const
{
    return map_;
}

QPoint SweepView::mapPointPosition(size_t point) const
{
    const QRect cell = SweepMap::cellRect(job_->results(), point);
    return cell.isEmpty() ? QPoint() : map_->toWidget(QRectF(cell).center()).toPoint();
}

void SweepView::redrawMap()
{
    const SweepResults& results = job_->results();
    mapSvg_ = shownMap_ && !results.points.empty() ? SweepMap::svg(results) : QByteArray();
    map_->load(mapSvg_);
}

void SweepView::replot()
{
    redrawMap();
    // A run of the other kind (a map while the charts show, a sweep while the map does) is not shown.
    static const SweepResults none;
    const SweepResults& results = job_->running() || shownMap_ == mapMode() ? job_->results() : none;
    const SweepParameter p = shownParameter_;
    best_ = job_->running() ? std::nullopt : bestSweepPoint(results.points, criterion());
    std::vector<std::pair<double, size_t>> ran; // (x, point), by x
    for (size_t i = 0; i < results.points.size(); ++i) {
        if (results.points[i].ran) {
            ran.emplace_back(SweepParameters::axisValue(p, results.points[i].config), i);
        }
    }
    std::sort(ran.begin(), ran.end());
    const bool log =
        logBase(p) && std::all_of(ran.begin(), ran.end(), [](const auto& r) { return r.first > 0; });
    shownLog_ = log;
    for (int f = 0; f < kFigures; ++f) {
        QChart* chart = views_[size_t(f)]->chart();
        chart->removeAllSeries();
        for (QAbstractAxis* a : chart->axes()) {
            chart->removeAxis(a);
            delete a;
        }
        chart->setTitle(figureTitle(Figure(f)));
        auto* line = new QLineSeries;
        line->setName(tr("trend"));
        auto* converged = new QScatterSeries;
        converged->setName(tr("converged"));
        converged->setMarkerSize(8);
        converged->setColor(QColor(0x30, 0x80, 0xc0));
        auto* notConverged = new QScatterSeries;
        notConverged->setName(tr("not converged"));
        notConverged->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
        notConverged->setMarkerSize(9);
        notConverged->setColor(QColor(0xd0, 0x30, 0x30));
        auto* best = new QScatterSeries;
        best->setName(tr("best"));
        best->setMarkerShape(QScatterSeries::MarkerShapeStar);
        best->setMarkerSize(18);
        best->setColor(QColor(0xe0, 0xa0, 0x00));
        auto* limit = new QLineSeries;
        limit->setName(tr("downtime limit"));
        QPen dashed(QColor(0x80, 0x80, 0x80));
        dashed.setStyle(Qt::DashLine);
        limit->setPen(dashed);
        double yMax = 0;
        for (const auto& [x, i] : ran) {
            const SweepPoint& point = results.points[i];
            const double y = figureValue(Figure(f), point);
            yMax = std::max(yMax, y);
            const double px = plotX(p, log, x);
            line->append(px, y);
            (point.summary.converged ? converged : notConverged)->append(px, y);
            if (best_ == i) {
                best->append(px, y);
            }
            if (Figure(f) == Figure::Downtime) {
                const double l = double(point.summary.maxDowntimeNs) / 1e6;
                limit->append(px, l);
                yMax = std::max(yMax, l);
            }
        }
        QList<QXYSeries*> all{line, converged, notConverged};
        if (Figure(f) == Figure::Downtime) {
            all.insert(1, limit);
        } else {
            delete limit;
        }
        all.append(best);
        // The x range: the points with a margin either side.
        double xLo = 0;
        double xHi = 1;
        if (!ran.empty()) {
            const double lo = ran.front().first;
            const double hi = ran.back().first;
            if (log) {
                const double pad = plotX(p, true, 1.5);
                xLo = plotX(p, true, lo) - pad;
                xHi = plotX(p, true, hi) + pad;
            } else {
                const double pad = hi > lo ? (hi - lo) * 0.05 : std::max(1.0, std::abs(hi) * 0.1);
                xLo = lo - pad;
                xHi = hi + pad;
            }
        }
        QAbstractAxis* xAxis = nullptr;
        if (log) {
            // Ticks at whole powers, at most kMaxTicks of them, labelled with units ("4 KiB",
            // "1 MiB"): a tick per doubling of the chunk size would not leave room to read one.
            auto* a = new QCategoryAxis;
            a->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
            if (!ran.empty()) {
                const int first = int(std::floor(plotX(p, true, ran.front().first)));
                const int last = int(std::ceil(plotX(p, true, ran.back().first)));
                const int step = std::max(1, (last - first + kMaxTicks - 1) / kMaxTicks);
                for (int e = first; e <= last; e += step) {
                    a->append(logTickLabel(p, e), e);
                }
            }
            a->setRange(xLo, xHi);
            xAxis = a;
        } else {
            xAxis = linearAxis(parameterLabels(p), xLo, xHi, !ran.empty());
        }
        xAxis->setTitleText(SweepParameters::axisTitle(p));
        QAbstractAxis* yAxis = linearAxis(figureLabels(Figure(f)), 0, yMax > 0 ? yMax * 1.1 : 1, true);
        chart->addAxis(xAxis, Qt::AlignBottom);
        chart->addAxis(yAxis, Qt::AlignLeft);
        for (QXYSeries* s : all) {
            chart->addSeries(s);
            s->attachAxis(xAxis);
            s->attachAxis(yAxis);
            if (s != line && s != limit) {
                connect(s, &QXYSeries::clicked, this, &SweepView::onPointClicked);
            }
        }
        xAxis->setRange(xLo, xHi); // attaching the series set the ranges to their data
        yAxis->setRange(0, yMax > 0 ? yMax * 1.1 : 1);
        for (QLegendMarker* m : chart->legend()->markers(line)) {
            m->setVisible(false);
        }
    }
    const SweepCriterion c = criterion();
    criterion_->setToolTip(SweepReport::criterionDescription(c));
    if (best_) {
        const SweepPoint& b = results.points[*best_];
        best_label_->setText(tr("Best by %1 (%2): %3 = %4 — %5 wire bytes, downtime %6, total time %7. "
                                "Click a point to run it in the window.")
                                 .arg(SweepReport::criterionName(c), SweepReport::criterionDescription(c),
                                      SweepParameters::label(p),
                                      valueText(p, b.config),
                                      formatBytes(b.summary.wireBytes), duration(b.summary.downtimeNs),
                                      duration(b.summary.totalTimeNs)));
    } else if (!job_->running() && !results.points.empty()) {
        best_label_->setText(
            tr("Best by %1: none, no run verified and converged.").arg(SweepReport::criterionName(c)));
    } else {
        best_label_->clear();
    }
}

QPoint SweepView::pointPosition(Figure f, size_t point) const
{
    const SweepResults& results = job_->results();
    QChartView* view = views_[size_t(f)];
    QChart* chart = view->chart();
    const QList<QAbstractSeries*> series = chart->series();
    if (point >= results.points.size() || series.isEmpty()) {
        return {};
    }
    const QPointF value(plotX(shownParameter_, shownLog_,
                              SweepParameters::axisValue(shownParameter_, results.points[point].config)),
                        figureValue(f, results.points[point]));
    const QPointF inChart = chart->mapToPosition(value, series.front());
    return view->mapFromScene(chart->mapToScene(inChart));
}

void SweepView::onPointClicked(const QPointF& value)
{
    const SweepResults& results = job_->results();
    std::optional<size_t> nearest;
    double distance = 0;
    for (size_t i = 0; i < results.points.size(); ++i) {
        if (!results.points[i].ran) {
            continue;
        }
        const double x =
            plotX(shownParameter_, shownLog_, SweepParameters::axisValue(shownParameter_, results.points[i].config));
        const double d = std::abs(x - value.x());
        if (!nearest || d < distance) {
            nearest = i;
            distance = d;
        }
    }
    if (nearest) {
        // Ctrl+click: a lane of the comparison (View > Compare) rather than the run in the window.
        if (QGuiApplication::keyboardModifiers() & Qt::ControlModifier) {
            Q_EMIT pointAddedAsLane(results.points[*nearest].config);
        } else {
            Q_EMIT pointActivated(results.points[*nearest].config);
        }
    }
}

QString SweepView::exportTo(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    const bool image = suffix == QLatin1String("png") || suffix == QLatin1String("svg");
    if (mapMode() && image && mapSvg_.isEmpty()) {
        return tr("%1: no map to export").arg(path);
    }
    if (mapMode() && suffix == QLatin1String("svg")) {
        return ViewExporter::saveBytes(mapSvg_, path);
    }
    if (image) {
        return ViewExporter::saveView(mapMode() ? map_ : charts_, path, tr("Sweep"));
    }
    if (suffix != QLatin1String("csv") && suffix != QLatin1String("json")) {
        return tr("%1: use a .csv, .json, .png or .svg file name").arg(path);
    }
    if (job_->running() || job_->results().points.empty() || cancelled_) {
        return tr("%1: no finished sweep to export").arg(path);
    }
    QByteArray bytes;
    {
        QTextStream out(&bytes);
        const SweepCriterion c = criterion();
        const std::optional<size_t> best = bestSweepPoint(job_->results().points, c);
        if (suffix == QLatin1String("csv")) {
            SweepReport::writeCsv(out, job_->results(), best, c);
        } else {
            SweepReport::writeJson(out, job_->results(), best, c);
        }
    }
    return ViewExporter::saveBytes(bytes, path);
}

void SweepView::exportDialog()
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export the sweep"), QStringLiteral("sweep.csv"),
                                     tr("CSV (*.csv);;JSON (*.json);;PNG image (*.png);;SVG image (*.svg)"));
    if (path.isEmpty()) {
        return;
    }
    const QString error = exportTo(path);
    error_->setText(error);
    error_->setVisible(!error.isEmpty());
}

void SweepView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QWidget::changeEvent(event);
}

void SweepView::retranslateUi()
{
    parameterLabel_->setText(tr("Para&meter:"));
    valuesLabel_->setText(tr("Val&ues:"));
    values_->setToolTip(
        tr("A comma list in the form bitmig sweep reads (\"all\" for every chunk size from 1 B "
           "to 1 MiB); each value is one run of the current configuration"));
    criterionLabel_->setText(tr("Best b&y:"));
    charts_->setToolTip(tr("Click a point to run it in the window; Ctrl+click adds it as a lane of View > Compare"));
    run_->setText(tr("Run sweep"));
    cancel_->setText(tr("&Cancel"));
    export_->setText(tr("E&xport..."));
    mapMode_->setText(tr("Convergence map"));
    mapMode_->setToolTip(tr("Sweep every chunk size against the parameter and show where the migration "
                            "stops converging, coloured by downtime"));
    chunksLabel_->setText(tr("Chun&ks:"));
    for (int i = 0; i < parameter_->count(); ++i) {
        parameter_->setItemText(i, SweepParameters::label(SweepParameter(parameter_->itemData(i).toInt())));
    }
    updateStatus();
    updateExport();
    updateStartLabel();
    replot();
}

} // namespace bitmig
