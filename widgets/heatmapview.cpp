#include "heatmapview.h"

#include "byteformat.h"
#include "heatmaplegend.h"
#include "offsetaxis.h"
#include "overviewstrip.h"
#include "zoomstack.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <numeric>

namespace bitmig {

namespace {

constexpr int margin = 6;
constexpr int bandGap = 6;

uint64_t layerValue(const std::vector<uint64_t>& values, int cell)
{
    return cell >= 0 && size_t(cell) < values.size() ? values[size_t(cell)] : 0;
}

bool showsCursor(Phase phase)
{
    return phase == Phase::Bulk || phase == Phase::Dirty || phase == Phase::Complete;
}

} // namespace

HeatmapView::HeatmapView(QWidget* parent)
    : QWidget(parent), stack_(new ZoomStack(this)), overview_(new OverviewStrip(this))
{
    overview_->setZoomStack(stack_);
    setAccessibleName(tr("Dirty bitmap heatmaps"));
    setAccessibleDescription(tr("Source dirty bitmap, meta bitmap and destination bitmap of the migration"));
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    // Shortcuts work while the view has focus even if no menu carries the actions.
    addActions(stack_->actions());

    connect(stack_, &ZoomStack::rangeChanged, this, [this] {
        emitRequestIfChanged();
        update();
    });
    clock_.start();
    fadeTimer_.setInterval(30);
    connect(&fadeTimer_, &QTimer::timeout, this, [this] {
        const int64_t now = clock_.elapsed();
        fades_.expire(now);
        if (fades_.empty()) {
            fadeTimer_.stop();
        } else if (lastSnapshotMs_ >= 0 && now - lastSnapshotMs_ < fadeTimer_.interval()) {
            return;  // a snapshot has just asked for a frame, which draws the fades as they are now
        }
        update();
    });
    brushTimer_.setSingleShot(true);
    connect(&brushTimer_, &QTimer::timeout, this, &HeatmapView::flushBrush);
    brushClock_.start();
    updateCursor();
    relayout();
}

HeatmapView::~HeatmapView() = default;

QSize HeatmapView::sizeHint() const
{
    return {900, 560};
}

QSize HeatmapView::minimumSizeHint() const
{
    // Room for every band at minBandPixels: what the text around the bands takes, plus the bands.
    const int line = fontMetrics().height();
    const int n = bandCount();
    const int around = (showOverview_ ? margin + (line + 6) + margin : 0) + n * (line + 6) + (n - 1) * bandGap +
                       (showAxisAndLegend_ ? (line + 8) + HeatmapLegend::height(fontMetrics()) + 4 + margin : 0);
    return {320, around + n * std::max(minBandPixels, cellPixels_)};
}

// --- state -------------------------------------------------------------------------------------

HeatmapRequest HeatmapView::currentRequest() const
{
    HeatmapRequest request;
    request.firstBit = stack_->firstBit();
    request.endBit = stack_->endBit();  // [0, 0) before the size is known: the whole bitmap
    request.columns = layout_.columns;
    request.rows = layout_.rows;
    request.bitmap = bitmap_;
    return request;
}

void HeatmapView::emitRequestIfChanged()
{
    const HeatmapRequest request = currentRequest();
    if (lastRequest_ && *lastRequest_ == request) {
        return;
    }
    lastRequest_ = request;
    Q_EMIT requestChanged(request);
}

void HeatmapView::setSnapshot(SimSnapshotPtr snapshot)
{
    snapshot_ = std::move(snapshot);
    imagesValid_ = false;
    overview_->setSnapshot(snapshot_);
    if (snapshot_) {
        if (snapshot_->runId != runId_) {
            runId_ = snapshot_->runId;
            fades_.clear();
        }
        uint64_t total = snapshot_->geometry.totalBits();
        if (total == 0 && granularity() > 0) {
            total = (diskBytes() + granularity() - 1) / granularity();
        }
        stack_->setTotalBits(total);

        lastSnapshotMs_ = clock_.elapsed();
        fades_.record(snapshot_->sentChunks, lastSnapshotMs_);
        if (!fades_.empty() && !fadeTimer_.isActive()) {
            fadeTimer_.start();
        }

        const QLocale locale;
        const uint64_t firstByte = bitToByte(snapshot_->geometry.firstBit());
        const uint64_t endByte = bitToByte(snapshot_->geometry.endBit());
        const uint64_t resolution = rangeResolution(firstByte, endByte);
        const QString description =
            tr("Showing %1 to %2 of %3; %4 dirty bits, %5 dirty chunks")
                .arg(formatBytesResolving(firstByte, resolution, locale),
                     formatBytesResolving(endByte, resolution, locale),
                     formatBytes(diskBytes(), locale), locale.toString(qulonglong(snapshot_->dirtyBits)),
                     locale.toString(qulonglong(snapshot_->dirtyChunks)));
        if (description != accessibleDescription()) {
            setAccessibleDescription(description);
        }
    }
    update();
}

void HeatmapView::setBitmap(size_t index)
{
    if (index == bitmap_) {
        return;
    }
    bitmap_ = index;
    // Another bitmap has its own size: the view starts from the whole of it.
    stack_->setTotalBits(0);
    fades_.clear();
    emitRequestIfChanged();
    update();
}

void HeatmapView::setShowDestination(bool show)
{
    if (show == showDestination_) {
        return;
    }
    showDestination_ = show;
    relayout();
    emitRequestIfChanged();
    Q_EMIT showDestinationChanged(show);
    update();
}

void HeatmapView::setShowAxisAndLegend(bool show)
{
    if (show != showAxisAndLegend_) {
        showAxisAndLegend_ = show;
        relayout();
        updateGeometry();
        emitRequestIfChanged();
        update();
    }
}

void HeatmapView::setShowOverview(bool show)
{
    if (show != showOverview_) {
        showOverview_ = show;
        relayout();
        updateGeometry();
        emitRequestIfChanged();
        update();
    }
}

void HeatmapView::setTool(Tool tool)
{
    if (tool == tool_) {
        return;
    }
    tool_ = tool;
    gesture_ = Gesture::None;
    updateCursor();
    Q_EMIT toolChanged(tool);
    update();
}

void HeatmapView::setDensityScale(DensityPalette::Scale scale)
{
    if (scale == densityScale_) {
        return;
    }
    densityScale_ = scale;
    overview_->setDensityScale(scale);
    imagesValid_ = false;
    relayout();  // the legend's tick labels change: it may need another line
    emitRequestIfChanged();
    update();
}

void HeatmapView::setCellPixels(int pixels)
{
    pixels = std::clamp(pixels, 1, 64);
    if (pixels == cellPixels_) {
        return;
    }
    cellPixels_ = pixels;
    relayout();
    emitRequestIfChanged();
    update();
}

void HeatmapView::updateCursor()
{
    switch (tool_) {
    case Tool::Pan:
        setCursor(Qt::OpenHandCursor);
        break;
    case Tool::Zoom:
        setCursor(Qt::CrossCursor);
        break;
    case Tool::Brush:
        setCursor(Qt::PointingHandCursor);
        break;
    }
}

uint64_t HeatmapView::granularity() const
{
    if (!snapshot_) {
        return 0;
    }
    // The shown bitmap's; a snapshot made without it (by hand) has the configuration's one bitmap.
    return snapshot_->bitmapGranularity ? snapshot_->bitmapGranularity : snapshot_->config->granularity;
}

uint64_t HeatmapView::diskBytes() const
{
    if (!snapshot_) {
        return 0;
    }
    return snapshot_->bitmapDiskBytes ? snapshot_->bitmapDiskBytes : snapshot_->config->diskBytes;
}

uint64_t HeatmapView::bitToByte(uint64_t bit) const
{
    return diskOffsetOfBit(bit, granularity(), diskBytes());
}

// --- layout ------------------------------------------------------------------------------------

void HeatmapView::relayout()
{
    const QFontMetrics fm = fontMetrics();
    const int line = fm.height();
    const QLocale locale;
    Layout l;
    // Wide enough for any offset label ("1023.93 GiB") and the overview's caption.
    l.gutter = std::max(fm.horizontalAdvance(formatBytes((uint64_t(1023) << 30) + 999'999'999, locale)),
                        fm.horizontalAdvance(tr("Whole disk")))
             + 2 * margin;
    const int contentLeft = margin + l.gutter;
    const int contentWidth = std::max(cellPixels_, width() - contentLeft - margin);
    l.overview = QRect(contentLeft, margin, contentWidth, line + 6);

    const int titleHeight = line + 6;
    const int axisHeight = showAxisAndLegend_ ? line + 8 : 0;
    // As many lines as the legend needs to show every swatch at this width (two, or more when
    // narrow); measured only where it is shown.
    int legendHeight = 0;
    if (showAxisAndLegend_) {
        const int legendRows = HeatmapLegend::rows(QRect(margin, 0, width() - 2 * margin, 1), contentLeft,
                                                   densityPalette(), fm, showDestination_, showsSentChunks_);
        legendHeight = HeatmapLegend::height(fm, legendRows) + 4;
    }
    if (!showOverview_) {
        l.overview = QRect();
    }
    // Without the strip above or the axis and legend below, the bands take the margins too.
    const int top = showOverview_ ? l.overview.bottom() + 1 + margin : 0;
    const int bottom = showAxisAndLegend_ ? margin : 0;
    const int n = bandCount();
    const int available = height() - top - axisHeight - legendHeight - bottom - n * titleHeight - (n - 1) * bandGap;
    l.rows = std::max(1, available / n / cellPixels_);
    l.columns = std::max(1, contentWidth / cellPixels_);

    int y = top;
    for (int i = 0; i < n; ++i) {
        l.title[size_t(i)] = QRect(margin, y, width() - 2 * margin, titleHeight);
        y += titleHeight;
        l.band[size_t(i)] = QRect(contentLeft, y, l.columns * cellPixels_, l.rows * cellPixels_);
        y += l.rows * cellPixels_ + bandGap;
    }
    y -= bandGap;
    l.axis = QRect(margin, y, width() - 2 * margin, axisHeight);
    l.legend = QRect(margin, y + axisHeight, width() - 2 * margin, legendHeight);
    layout_ = l;
    overview_->setGeometry(l.overview);
    overview_->setVisible(showOverview_);
}

QRect HeatmapView::bandRect(Band band) const
{
    const int i = int(band);
    return i < bandCount() ? layout_.band[size_t(i)] : QRect();
}

HeatmapRaster HeatmapView::raster(Band band) const
{
    const QRect r = bandRect(band);
    if (!snapshot_ || r.isEmpty()) {
        return {};
    }
    return HeatmapRaster(snapshot_->geometry, QRectF(r));
}

std::optional<HeatmapView::Band> HeatmapView::bandAt(const QPoint& point) const
{
    for (int i = 0; i < bandCount(); ++i) {
        if (layout_.band[size_t(i)].contains(point)) {
            return Band(i);
        }
    }
    return std::nullopt;
}

std::optional<int> HeatmapView::cellAt(const QPoint& point) const
{
    const auto band = bandAt(point);
    return band ? raster(*band).cellAt(point) : std::nullopt;
}

void HeatmapView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    relayout();
    emitRequestIfChanged();
}

void HeatmapView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange) {
        imagesValid_ = false;
        update();
    } else if (event->type() == QEvent::FontChange) {
        relayout();
        emitRequestIfChanged();
        update();
    } else if (event->type() == QEvent::LanguageChange) {
        // The bands' titles and tool tips are made as they are painted; the rest is set here.
        stack_->retranslate();
        setAccessibleName(tr("Dirty bitmap heatmaps"));
        if (!snapshot_) {
            setAccessibleDescription(tr("Source dirty bitmap, meta bitmap and destination bitmap of the migration"));
        }
        relayout();  // labels measured in the new language: the legend may take another line
        emitRequestIfChanged();
        update();
    }
    QWidget::changeEvent(event);
}

// --- painting ----------------------------------------------------------------------------------

void HeatmapView::ensureImages()
{
    if (imagesValid_ || !snapshot_) {
        return;
    }
    // Built at paint time, so several snapshots between two frames cost one rasterization.
    const DensityPalette colours = densityPalette();
    const SimSnapshot& s = *snapshot_;
    images_[0] = colours.rasterize(s.source, s.geometry);
    images_[1] = s.meta.empty() ? QImage() : colours.rasterize(s.meta, s.geometry);
    images_[2] = s.destination.empty() ? QImage() : colours.rasterize(s.destination, s.geometry, &s.difference);
    imagesValid_ = true;
}

void HeatmapView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().window());
    const DensityPalette colours = densityPalette();
    p.setPen(palette().color(QPalette::WindowText));
    if (showOverview_) {
        p.drawText(QRect(margin, layout_.overview.top(), layout_.gutter - margin, layout_.overview.height()),
                   Qt::AlignRight | Qt::AlignVCenter, tr("Whole disk"));
    }

    ensureImages();
    for (int i = 0; i < bandCount(); ++i) {
        paintBand(p, Band(i), colours);
    }
    const HeatmapRaster last = raster(Band(bandCount() - 1));
    if (!last.isEmpty() && showAxisAndLegend_) {
        p.setPen(palette().color(QPalette::WindowText));
        const QRect caption(layout_.axis.left(), layout_.axis.top(), layout_.gutter - 6, layout_.axis.height());
        OffsetAxis(last, granularity(), diskBytes()).paintTicks(p, layout_.axis, caption, fontMetrics());
    }
    if (showAxisAndLegend_) {
        HeatmapLegend::paint(p, layout_.legend, layout_.band[0].left(), colours, palette(), fontMetrics(),
                             showDestination_, showsSentChunks_);
    }
}

QList<OffsetAxis::RowLabel> HeatmapView::rowLabels(Band band) const
{
    const HeatmapRaster cells = raster(band);
    if (cells.isEmpty()) {
        return {};
    }
    return OffsetAxis(cells, granularity(), diskBytes()).rowLabels(fontMetrics(), layout_.gutter - margin - 6, rowLabelStep_);
}

int HeatmapView::automaticRowLabelStep() const
{
    const HeatmapRaster cells = raster(Band::Source);
    return cells.isEmpty() ? 1 : OffsetAxis(cells, granularity(), diskBytes()).rowLabelStep(fontMetrics());
}

void HeatmapView::setRowLabelStep(int rows)
{
    rows = std::max(1, rows);
    if (rows != rowLabelStep_) {
        rowLabelStep_ = rows;
        update();
    }
}

QStringList HeatmapView::legendTexts() const
{
    QStringList texts{HeatmapLegend::caption()};
    for (const HeatmapLegend::Entry& entry : HeatmapLegend::entries(densityPalette(), showDestination_, showsSentChunks_)) {
        texts.append(entry.label);
    }
    return texts;
}

void HeatmapView::setShowsSentChunks(bool shows)
{
    if (showsSentChunks_ != shows) {
        showsSentChunks_ = shows;
        relayout();  // a swatch less or more in the legend
        emitRequestIfChanged();
        update();
    }
}

void HeatmapView::setBandText(Band band, const QString& title, const QString& detail)
{
    bandText_[size_t(band)] = {title, detail};
    update();
}

std::pair<QString, QString> HeatmapView::bandTitle(Band band) const
{
    const QLocale locale;
    QString title, detail;
    const SimSnapshot* s = snapshot_.get();
    switch (band) {
    case Band::Source:
        title = tr("Dirty bitmap (source)");
        if (s) {
            const uint64_t firstByte = bitToByte(s->geometry.firstBit()), endByte = bitToByte(s->geometry.endBit());
            const uint64_t resolution = rangeResolution(firstByte, endByte);
            detail = tr("%1 of %2 bits dirty · showing %3 – %4 of %5")
                         .arg(locale.toString(qulonglong(s->dirtyBits)),
                              locale.toString(qulonglong(s->geometry.totalBits())),
                              formatBytesResolving(firstByte, resolution, locale),
                              formatBytesResolving(endByte, resolution, locale), formatBytes(diskBytes(), locale));
        }
        break;
    case Band::Meta:
        if (s && s->chunkBits > 0) {
            title = tr("Meta bitmap (1 bit = %1)").arg(formatBytes(bitToByte(s->chunkBits), locale));
            detail = tr("%1 of %2 chunks dirty")
                         .arg(locale.toString(qulonglong(s->dirtyChunks)), locale.toString(qulonglong(s->chunkCount)));
        } else {
            title = tr("Meta bitmap");
        }
        break;
    case Band::Destination:
        title = tr("Destination");
        if (s && !s->destination.empty()) {
            const uint64_t differing =
                std::accumulate(s->difference.set.begin(), s->difference.set.end(), uint64_t(0));
            const QString count = locale.toString(qulonglong(differing));
            if (s->differenceMissingOnly) {
                // The guest writes here now: bits the source does not have are its own writes.
                if (differing == 0) {
                    detail = s->differenceExact
                                 ? tr("holds every source bit in view, and the guest's new writes")
                                 : tr("no cell in view holds fewer bits than the source");
                } else {
                    detail = s->differenceExact ? tr("lacks %1 source bits in view").arg(count)
                                                : tr("lacks at least %1 source bits in view").arg(count);
                }
            } else if (differing == 0) {
                detail = s->differenceExact ? tr("matches the source in view") : tr("same counts as the source in view");
            } else {
                detail = s->differenceExact ? tr("%1 bits in view differ from the source").arg(count)
                                            : tr("at least %1 bits in view differ from the source").arg(count);
            }
        }
        break;
    }
    if (const auto& own = bandText_[size_t(band)]; !own.first.isEmpty()) {
        title = own.first;
        detail = own.second;
    }
    return {title, detail};
}

void HeatmapView::paintTitle(QPainter& p, Band band)
{
    const QRect r = layout_.title[size_t(band)];
    const auto [title, detail] = bandTitle(band);
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(palette().color(QPalette::WindowText));
    const QRect textRect = r.adjusted(0, 0, 0, -2);
    p.drawText(textRect, Qt::AlignLeft | Qt::AlignBottom, title);
    const int used = QFontMetrics(bold).horizontalAdvance(title) + 3 * margin;
    p.setFont(font());
    const QString elided = fontMetrics().elidedText(detail, Qt::ElideLeft, std::max(0, textRect.width() - used));
    p.drawText(textRect, Qt::AlignRight | Qt::AlignBottom, elided);
}

// Why the meta band is empty: only precopy has a meta bitmap, and only while it migrates.
QString HeatmapView::metaPlaceholder(const SimSnapshot& s)
{
    if (s.config->strategy != Strategy::Precopy) {
        return tr("No meta bitmap in this run: only precopy keeps one");
    }
    switch (s.phase) {
    case Phase::Idle:
        return tr("The meta bitmap is created when the migration starts");
    case Phase::Done:
        return tr("The meta bitmap was freed when the migration completed");
    case Phase::Cancelled:
        return tr("The meta bitmap was freed when the migration was cancelled");
    default:
        return tr("No meta bitmap in this run");
    }
}

void HeatmapView::paintBand(QPainter& p, Band band, const DensityPalette& colours)
{
    paintTitle(p, band);
    const QRect r = bandRect(band);
    const HeatmapRaster cells = raster(band);
    const QImage& image = images_[size_t(band)];
    if (cells.isEmpty() || image.isNull()) {
        p.fillRect(r, colours.cleanColor());
        QString placeholder = tr("Waiting for the simulation…");
        if (snapshot_ && band == Band::Meta) {
            placeholder = metaPlaceholder(*snapshot_);
        } else if (snapshot_ && band == Band::Destination) {
            placeholder = tr("Nothing received yet: the destination starts at START");
        }
        QFont italic = font();
        italic.setItalic(true);
        p.setFont(italic);
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(r, Qt::AlignCenter | Qt::TextWordWrap, placeholder);
        p.setFont(font());
        if (cells.isEmpty()) {
            return;
        }
    } else {
        // Nearest-neighbour scaling (no SmoothPixmapTransform): every cell stays a crisp block.
        p.drawImage(QRectF(r), image);
    }
    p.setPen(palette().color(QPalette::WindowText));
    const QRect gutter(margin, r.top(), layout_.gutter - margin - 6, r.height());
    OffsetAxis(cells, granularity(), diskBytes()).paintRowLabels(p, gutter, fontMetrics(), rowLabelStep_);
    p.save();
    p.setClipRect(r.adjusted(-3, -3, 3, 3));
    paintOverlays(p, cells, colours);
    p.restore();
}

void HeatmapView::paintOverlays(QPainter& p, const HeatmapRaster& cells, const DensityPalette& colours)
{
    const SimSnapshot& s = *snapshot_;
    const HeatmapGeometry& g = cells.geometry();
    const uint64_t chunkBits = s.chunkBits;

    if (chunkBits > 0 && cells.pixelsPerBits(chunkBits) >= 4) {
        // Chunks at least a row long: their boundaries run along row edges as well.
        const bool spansRows = g.rows() > 1 && chunkBits >= g.spanBits() / uint64_t(g.rows());
        QPainterPath lines;
        for (uint64_t b = (g.firstBit() / chunkBits + 1) * chunkBits; b < g.endBit(); b += chunkBits) {
            lines.addPath(cells.boundaryAt(b, spansRows));
        }
        p.strokePath(lines, QPen(colours.gridColor(), 1));
    }

    if (chunkBits > 0 && !fades_.empty()) {
        // Zoomed out, many runs share a cell: outline each span of cells once, at the freshest alpha.
        std::map<std::pair<int, int>, double> outlines;
        for (const ChunkFades::Run& run : fades_.runs(clock_.elapsed())) {
            const uint64_t first = std::max(run.firstChunk * chunkBits, g.firstBit());
            const uint64_t end = std::min(run.endChunk * chunkBits, g.endBit());
            if (first >= end) {
                continue;
            }
            double& alpha = outlines[{*g.cellOfBit(first), *g.cellOfBit(end - 1)}];
            alpha = std::max(alpha, run.alpha);
        }
        // A dirty pass seen from far out sends thousands of scattered chunks a frame: outline the
        // freshest spans only, so a frame costs a bounded number of strokes.
        std::vector<std::pair<double, std::pair<int, int>>> freshest;
        for (const auto& [span, alpha] : outlines) {
            freshest.emplace_back(alpha, span);
        }
        if (freshest.size() > maxFadeOutlines) {
            const auto keep = freshest.begin() + std::ptrdiff_t(maxFadeOutlines);
            std::nth_element(freshest.begin(), keep, freshest.end(), std::greater<>());
            freshest.resize(maxFadeOutlines);
        }
        for (const auto& [alpha, span] : freshest) {
            QColor c = colours.outlineColor();
            c.setAlphaF(float(alpha));
            p.strokePath(cells.pathForBits(g.cellFirstBit(span.first), g.cellEndBit(span.second)), QPen(c, 2));
        }
    }

    if (chunkBits > 0 && showsCursor(s.phase) && s.cursorChunk < s.chunkCount) {
        const QPainterPath cursor = cells.pathForBits(s.cursorChunk * chunkBits, (s.cursorChunk + 1) * chunkBits);
        p.strokePath(cursor, QPen(colours.haloColor(), 4));
        p.strokePath(cursor, QPen(colours.outlineColor(), 2));
    }

    if (hoveredCell_ && *hoveredCell_ < g.cells() && gesture_ != Gesture::Select) {
        QColor c = colours.outlineColor();
        c.setAlpha(180);
        p.setPen(QPen(c, 1));
        p.setBrush(Qt::NoBrush);
        p.drawRect(cells.cellRect(*hoveredCell_).adjusted(0, 0, -1, -1));
    }

    if (gesture_ == Gesture::Select && pressRaster_.geometry() == g) {
        const int a = std::min(selectAnchor_, selectCurrent_), b = std::max(selectAnchor_, selectCurrent_);
        const QPainterPath selection = cells.pathForBits(g.cellFirstBit(a), g.cellEndBit(b));
        QColor fill = palette().color(QPalette::Highlight);
        fill.setAlpha(80);
        p.fillPath(selection, fill);
        p.strokePath(selection, QPen(palette().color(QPalette::Highlight), 2));
    }
}

// --- tooltips ----------------------------------------------------------------------------------

QString HeatmapView::toolTipAt(const QPoint& point) const
{
    const auto band = bandAt(point);
    if (!band || !snapshot_) {
        return {};
    }
    const HeatmapRaster cells = raster(*band);
    const auto cell = cells.cellAt(point);
    if (!cell) {
        return {};
    }
    const SimSnapshot& s = *snapshot_;
    const HeatmapGeometry& g = cells.geometry();
    const QLocale locale;
    const auto number = [&](uint64_t v) { return locale.toString(qulonglong(v)); };
    const uint64_t firstBit = g.cellFirstBit(*cell), endBit = g.cellEndBit(*cell);
    const uint64_t firstByte = bitToByte(firstBit), endByte = bitToByte(endBit);

    QStringList lines;
    lines << tr("Disk bytes %1 – %2 (%3)")
                 .arg(formatExactBytes(firstByte, locale), formatExactBytes(endByte > 0 ? endByte - 1 : 0, locale),
                      formatBytes(endByte - firstByte, locale));
    const uint64_t cellBytes = std::max<uint64_t>(1, endByte - firstByte);
    lines << tr("Offset %1 to %2")
                 .arg(formatBytesResolving(firstByte, cellBytes, locale), formatBytesResolving(endByte, cellBytes, locale));
    const uint64_t set = layerValue(s.source.set, *cell);
    const uint64_t total = layerValue(s.source.total, *cell);
    const double percent = total ? 100.0 * double(set) / double(total) : 0.0;
    lines << tr("Source: %1 of %2 bits dirty (%3 %), bits %4 – %5")
                 .arg(number(set), number(total), locale.toString(percent, 'f', 1), number(firstBit),
                      number(endBit - 1));
    if (s.chunkBits > 0) {
        const uint64_t c0 = firstBit / s.chunkBits, c1 = (endBit - 1) / s.chunkBits;
        lines << (c0 == c1 ? tr("Chunk %1 of %2").arg(number(c0), number(s.chunkCount))
                           : tr("Chunks %1 – %2 of %3").arg(number(c0), number(c1), number(s.chunkCount)));
    }
    if (s.meta.empty()) {
        lines << tr("Meta bitmap: none in this run");
    } else {
        const uint64_t dirty = layerValue(s.meta.set, *cell), chunks = layerValue(s.meta.total, *cell);
        lines << tr("Meta bitmap: %1 dirty, %2 clean chunks").arg(number(dirty), number(chunks - std::min(dirty, chunks)));
    }
    if (s.destination.empty()) {
        lines << tr("Destination: nothing received yet");
    } else {
        const QString format =
            s.differenceMissingOnly
                ? (s.differenceExact ? tr("Destination: %1 of %2 bits set, %3 source bits missing")
                                     : tr("Destination: %1 of %2 bits set, at least %3 source bits missing"))
                : (s.differenceExact ? tr("Destination: %1 of %2 bits set, %3 differ from the source")
                                     : tr("Destination: %1 of %2 bits set, at least %3 differ from the source"));
        lines << format.arg(number(layerValue(s.destination.set, *cell)), number(layerValue(s.destination.total, *cell)),
                            number(layerValue(s.difference.set, *cell)));
    }
    return lines.join(QLatin1Char('\n'));
}

bool HeatmapView::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto* help = static_cast<QHelpEvent*>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            const auto band = bandAt(help->pos());
            const HeatmapRaster cells = raster(*band);
            const QRect area = cells.cellRect(*cells.cellAt(help->pos())).toAlignedRect();
            QToolTip::showText(help->globalPos(), text, this, area);
        }
        return true;
    }
    return QWidget::event(event);
}

// --- input -------------------------------------------------------------------------------------

void HeatmapView::wheelEvent(QWheelEvent* event)
{
    const QPoint delta = event->angleDelta();
    const int steps = delta.y() != 0 ? delta.y() : delta.x();
    if (steps == 0 || stack_->totalBits() == 0) {
        event->ignore();
        return;
    }
    // One notch (120) zooms by sqrt(2): two notches make one Ctrl++ step.
    const double factor = std::pow(2.0, steps / 240.0);
    uint64_t anchor = stack_->firstBit() + stack_->spanBits() / 2;
    const QPoint pos = event->position().toPoint();
    if (const auto band = bandAt(pos)) {
        const HeatmapRaster cells = raster(*band);
        if (const auto bit = cells.bitAt(pos)) {
            const HeatmapGeometry& g = cells.geometry();
            if (g.firstBit() == stack_->firstBit() && g.endBit() == stack_->endBit()) {
                anchor = *bit;
            } else {
                // The snapshot still shows an older range: keep the pointer's place in the view instead.
                const long double fraction = g.fractionOf(*bit);
                anchor = stack_->firstBit() +
                         uint64_t(fraction * static_cast<long double>(stack_->spanBits()));
            }
        }
    }
    stack_->zoomAround(anchor, factor);
    event->accept();
}

void HeatmapView::mousePressEvent(QMouseEvent* event)
{
    const QPoint pos = event->position().toPoint();
    const auto band = bandAt(pos);
    const HeatmapRaster cells = band ? raster(*band) : HeatmapRaster();
    const auto cell = cells.cellAt(pos);
    if (!cell || gesture_ != Gesture::None) {
        QWidget::mousePressEvent(event);
        return;
    }
    pressPos_ = pos;
    lastPos_ = event->position();
    pressRaster_ = cells;
    const bool left = event->button() == Qt::LeftButton;
    const bool right = event->button() == Qt::RightButton;

    if (tool_ == Tool::Brush && (left || right)) {
        const bool clear = right || event->modifiers().testFlag(Qt::ControlModifier);
        stroke_ = BrushStroke(cells, granularity(), diskBytes(), clear);
        stroke_.touch(event->position());
        gesture_ = Gesture::Brush;
        flushBrush();
    } else if (left && (tool_ == Tool::Zoom || event->modifiers().testFlag(Qt::ShiftModifier))) {
        gesture_ = Gesture::Select;
        selectAnchor_ = selectCurrent_ = *cell;
        update();
    } else if (left && tool_ == Tool::Pan) {
        gesture_ = Gesture::Pan;
        pressFirst_ = stack_->firstBit();
        stack_->beginPan();
        setCursor(Qt::ClosedHandCursor);
    } else {
        QWidget::mousePressEvent(event);
        return;
    }
    event->accept();
}

void HeatmapView::mouseMoveEvent(QMouseEvent* event)
{
    const QPoint pos = event->position().toPoint();
    const auto hovered = cellAt(pos);
    if (hovered != hoveredCell_) {
        hoveredCell_ = hovered;
        update();
    }

    switch (gesture_) {
    case Gesture::None:
        return;
    case Gesture::Pan: {
        // The content follows the pointer: sideways by cells, up and down by whole rows.
        const HeatmapGeometry& g = pressRaster_.geometry();
        const QPointF d = event->position() - QPointF(pressPos_);
        const double cellsMoved = d.x() / pressRaster_.cellWidth() + std::round(d.y() / pressRaster_.cellHeight()) * g.columns();
        const long double bits = -static_cast<long double>(cellsMoved) * static_cast<long double>(g.spanBits()) / g.cells();
        const long double target = std::clamp(static_cast<long double>(pressFirst_) + bits, 0.0L,
                                              static_cast<long double>(stack_->totalBits()));
        stack_->panBy(int64_t(std::llround(target)) - int64_t(stack_->firstBit()));
        break;
    }
    case Gesture::Select: {
        const QRectF r = pressRaster_.rect();
        const QPointF inside(std::clamp(event->position().x(), r.left(), r.right() - 0.01),
                             std::clamp(event->position().y(), r.top(), r.bottom() - 0.01));
        if (const auto cell = pressRaster_.cellAt(inside)) {
            selectCurrent_ = *cell;
        }
        update();
        break;
    }
    case Gesture::Brush: {
        stroke_.touch(lastPos_, event->position());
        lastPos_ = event->position();
        const qint64 elapsed = brushClock_.elapsed();
        if (elapsed >= brushIntervalMs) {
            flushBrush();
        } else if (!brushTimer_.isActive() && stroke_.hasPending()) {
            brushTimer_.start(int(brushIntervalMs - elapsed));
        }
        break;
    }
    }
    event->accept();
}

void HeatmapView::mouseReleaseEvent(QMouseEvent* event)
{
    const QPoint pos = event->position().toPoint();
    switch (gesture_) {
    case Gesture::None:
        QWidget::mouseReleaseEvent(event);
        return;
    case Gesture::Pan:
        if (event->button() != Qt::LeftButton) {
            return;
        }
        stack_->endPan();
        break;
    case Gesture::Select: {
        if (event->button() != Qt::LeftButton) {
            return;
        }
        const HeatmapGeometry& g = pressRaster_.geometry();
        const bool click = (pos - pressPos_).manhattanLength() < QApplication::startDragDistance();
        gesture_ = Gesture::None;
        if (click) {
            if (const auto bit = pressRaster_.bitAt(pressPos_)) {
                stack_->zoomAround(*bit, ZoomStack::stepFactor);
            }
        } else {
            const int a = std::min(selectAnchor_, selectCurrent_), b = std::max(selectAnchor_, selectCurrent_);
            stack_->zoomTo(g.cellFirstBit(a), g.cellEndBit(b));
        }
        break;
    }
    case Gesture::Brush:
        stroke_.touch(lastPos_, event->position());
        brushTimer_.stop();
        flushBrush();
        stroke_ = BrushStroke();
        break;
    }
    gesture_ = Gesture::None;
    updateCursor();
    update();
    event->accept();
}

void HeatmapView::flushBrush()
{
    if (!stroke_.isActive()) {
        return;
    }
    for (const BrushStroke::ByteRange& range : stroke_.takePending()) {
        // In the guest's space: the shown bitmap's disk may not be the first.
        const uint64_t diskStart = snapshot_ ? snapshot_->bitmapDiskStart : 0;
        Q_EMIT brushStroke(diskStart + range.firstByte, range.lengthBytes, stroke_.clears());
    }
    brushClock_.restart();
}

void HeatmapView::leaveEvent(QEvent* event)
{
    if (hoveredCell_) {
        hoveredCell_.reset();
        update();
    }
    QWidget::leaveEvent(event);
}

void HeatmapView::keyPressEvent(QKeyEvent* event)
{
    const auto span = int64_t(std::max<uint64_t>(1, stack_->spanBits()));
    switch (event->key()) {
    case Qt::Key_Left:
        stack_->panBy(-std::max<int64_t>(1, span / 8));
        break;
    case Qt::Key_Right:
        stack_->panBy(std::max<int64_t>(1, span / 8));
        break;
    case Qt::Key_PageUp:
        stack_->panBy(-span);
        break;
    case Qt::Key_PageDown:
        stack_->panBy(span);
        break;
    case Qt::Key_Home:
        stack_->panBy(-int64_t(stack_->firstBit()));
        break;
    case Qt::Key_End:
        stack_->panBy(int64_t(stack_->totalBits() - stack_->endBit()));
        break;
    case Qt::Key_Escape:
        if (gesture_ == Gesture::Select) {
            gesture_ = Gesture::None;
            update();
            break;
        }
        [[fallthrough]];
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void HeatmapView::contextMenuEvent(QContextMenuEvent* event)
{
    // With the brush, the right button clears bits; a menu would interrupt the stroke.
    if (tool_ == Tool::Brush) {
        event->accept();
        return;
    }
    QMenu menu(this);
    menu.addActions(stack_->actions());
    menu.exec(event->globalPos());
}

} // namespace bitmig
