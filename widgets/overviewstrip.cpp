#include "overviewstrip.h"

#include "byteformat.h"
#include "densitypalette.h"
#include "zoomstack.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace bitmig {

OverviewStrip::OverviewStrip(QWidget* parent) : QWidget(parent)
{
    retranslateUi();
    setCursor(Qt::PointingHandCursor);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void OverviewStrip::setZoomStack(ZoomStack* stack)
{
    if (stack_) {
        disconnect(stack_, nullptr, this, nullptr);
    }
    stack_ = stack;
    if (stack_) {
        connect(stack_, &ZoomStack::rangeChanged, this, qOverload<>(&QWidget::update));
    }
    update();
}

void OverviewStrip::setSnapshot(SimSnapshotPtr snapshot)
{
    snapshot_ = std::move(snapshot);
    imageValid_ = false;
    update();
}

void OverviewStrip::setDensityScale(DensityPalette::Scale scale)
{
    scale_ = scale;
    imageValid_ = false;
    update();
}

QSize OverviewStrip::sizeHint() const
{
    return {400, fontMetrics().height() + 6};
}

QSize OverviewStrip::minimumSizeHint() const
{
    return {60, 12};
}

QRectF OverviewStrip::stripRect() const
{
    // Leave room for the bracket's stroke at the edges.
    return QRectF(rect()).adjusted(2, 2, -2, -2);
}

HeatmapRaster OverviewStrip::raster() const
{
    if (!snapshot_) {
        return {};
    }
    // Cells map to bits by their index alone, so a grid of any shape reads as one row here.
    const HeatmapGeometry& g = snapshot_->overviewGeometry;
    return HeatmapRaster(HeatmapGeometry(g.totalBits(), g.firstBit(), g.endBit(), g.cells(), 1), stripRect());
}

QRectF OverviewStrip::visibleRangeRect() const
{
    const QRectF strip = stripRect();
    if (!stack_ || stack_->totalBits() == 0) {
        return {};
    }
    const auto total = static_cast<long double>(stack_->totalBits());
    double x0 = strip.left() + double(static_cast<long double>(stack_->firstBit()) / total) * strip.width();
    double x1 = strip.left() + double(static_cast<long double>(stack_->endBit()) / total) * strip.width();
    // A deep zoom is narrower than a pixel; keep the bracket visible and centred on it.
    constexpr double minimumWidth = 5;
    if (x1 - x0 < minimumWidth) {
        const double centre = (x0 + x1) / 2;
        x0 = std::clamp(centre - minimumWidth / 2, strip.left(), strip.right() - minimumWidth);
        x1 = x0 + minimumWidth;
    }
    return QRectF(QPointF(x0, strip.top()), QPointF(x1, strip.bottom()));
}

void OverviewStrip::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    const DensityPalette colours(palette(), scale_);
    const QRectF strip = stripRect();
    p.fillRect(strip, colours.cleanColor());
    const HeatmapRaster overview = raster();
    if (snapshot_ && !snapshot_->overview.empty() && !overview.isEmpty()) {
        if (!imageValid_) {
            image_ = colours.rasterize(snapshot_->overview, overview.geometry());
            imageValid_ = true;
        }
        p.drawImage(overview.rect(), image_);
    }

    const QRectF shown = visibleRangeRect();
    if (shown.isEmpty()) {
        return;
    }
    // Dim what is not shown, then bracket what is: readable on any cell colour thanks to the halo.
    QColor veil = colours.haloColor();
    veil.setAlpha(150);
    if (stack_->isZoomed()) {
        p.fillRect(QRectF(strip.topLeft(), QPointF(shown.left(), strip.bottom())), veil);
        p.fillRect(QRectF(QPointF(shown.right(), strip.top()), strip.bottomRight()), veil);
    }
    const double serif = std::min(4.0, shown.width() / 2);
    QPainterPath bracket;
    bracket.moveTo(shown.left() + serif, shown.top());
    bracket.lineTo(shown.left(), shown.top());
    bracket.lineTo(shown.left(), shown.bottom());
    bracket.lineTo(shown.left() + serif, shown.bottom());
    bracket.moveTo(shown.right() - serif, shown.top());
    bracket.lineTo(shown.right(), shown.top());
    bracket.lineTo(shown.right(), shown.bottom());
    bracket.lineTo(shown.right() - serif, shown.bottom());
    p.setRenderHint(QPainter::Antialiasing);
    p.strokePath(bracket, QPen(colours.haloColor(), 4));
    p.strokePath(bracket, QPen(colours.outlineColor(), 2));
}

uint64_t OverviewStrip::bitAtX(double x) const
{
    const QRectF strip = stripRect();
    if (!stack_ || stack_->totalBits() == 0 || strip.width() <= 0) {
        return 0;
    }
    const double fraction = std::clamp((x - strip.left()) / strip.width(), 0.0, 1.0);
    const auto bit = static_cast<uint64_t>(static_cast<long double>(fraction) *
                                           static_cast<long double>(stack_->totalBits()));
    return std::min(bit, stack_->totalBits() - 1);
}

void OverviewStrip::centreOn(const QPointF& point)
{
    if (!stack_ || stack_->totalBits() == 0) {
        return;
    }
    const uint64_t bit = bitAtX(point.x());
    const uint64_t half = stack_->spanBits() / 2;
    const uint64_t wanted = bit > half ? bit - half : 0;
    stack_->panBy(static_cast<int64_t>(wanted) - static_cast<int64_t>(stack_->firstBit()));
}

void OverviewStrip::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || !stack_) {
        QWidget::mousePressEvent(event);
        return;
    }
    dragging_ = true;
    stack_->beginPan();
    centreOn(event->position());
    event->accept();
}

void OverviewStrip::mouseMoveEvent(QMouseEvent* event)
{
    if (dragging_) {
        centreOn(event->position());
        event->accept();
    }
}

void OverviewStrip::mouseReleaseEvent(QMouseEvent* event)
{
    if (dragging_ && event->button() == Qt::LeftButton) {
        dragging_ = false;
        if (stack_) {
            stack_->endPan();
        }
        event->accept();
    }
}

void OverviewStrip::retranslateUi()
{
    setAccessibleName(tr("Whole-disk overview"));
    setAccessibleDescription(tr("Dirty bits over the whole disk; the bracket marks the part shown below. "
                                "Click or drag to move it."));
}

void OverviewStrip::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange) {
        imageValid_ = false;
    } else if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QWidget::changeEvent(event);
}

QString OverviewStrip::toolTipText() const
{
    if (!snapshot_ || !stack_ || stack_->totalBits() == 0) {
        return tr("Whole-disk overview: waiting for the simulation");
    }
    const QLocale locale;
    // The shown bitmap's; a snapshot made without it (by hand) has the configuration's one bitmap.
    const uint64_t granularity = snapshot_->bitmapGranularity ? snapshot_->bitmapGranularity : snapshot_->config->granularity;
    const uint64_t disk = snapshot_->bitmapDiskBytes ? snapshot_->bitmapDiskBytes : snapshot_->config->diskBytes;
    const auto toBytes = [&](uint64_t bit) { return bit > disk / granularity ? disk : bit * granularity; };
    const uint64_t first = toBytes(stack_->firstBit()), end = toBytes(stack_->endBit());
    const uint64_t resolution = rangeResolution(first, end);
    return tr("Whole disk: %1\nShowing %2 – %3\nClick or drag to move the view")
        .arg(formatBytes(disk, locale), formatBytesResolving(first, resolution, locale),
             formatBytesResolving(end, resolution, locale));
}

bool OverviewStrip::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto* help = static_cast<QHelpEvent*>(event);
        QToolTip::showText(help->globalPos(), toolTipText(), this);
        return true;
    }
    return QWidget::event(event);
}

} // namespace bitmig
