#include "offsetaxis.h"

#include "byteformat.h"

#include <QFontMetrics>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <limits>

namespace bitmig {

uint64_t OffsetAxis::byteOf(uint64_t bit) const noexcept
{
    return diskOffsetOfBit(bit, granularity_, diskBytes_);
}

void OffsetAxis::paintRowLabels(QPainter& p, const QRect& gutter, const QFontMetrics& fm) const
{
    const HeatmapGeometry& g = raster_.geometry();
    const QRectF r = raster_.rect();
    const double cellHeight = raster_.cellHeight();
    if (g.rows() == 0 || cellHeight <= 0) {
        return;
    }
    const int line = fm.height();
    const int step = std::max(1, int(std::ceil((line + 2) / cellHeight)));
    const QLocale locale;
    for (int row = 0; row < g.rows(); row += step) {
        const double y = r.top() + row * cellHeight;
        // A label names the offset where its row starts; one that would run past the band is dropped.
        if (row > 0 && y + line > r.bottom() + 2) {
            break;
        }
        p.drawLine(QPointF(r.left() - 4, y), QPointF(r.left() - 1, y));
        const QRectF text(gutter.left(), y - 1, gutter.width(), line);
        p.drawText(text, Qt::AlignRight | Qt::AlignTop, formatBytes(byteOf(g.cellFirstBit(row * g.columns())), locale));
    }
}

void OffsetAxis::paintTicks(QPainter& p, const QRect& axis, const QRect& caption, const QFontMetrics& fm) const
{
    const HeatmapGeometry& g = raster_.geometry();
    if (g.cells() == 0) {
        return;
    }
    const QRectF band = raster_.rect();
    const QLocale locale;
    const bool absolute = isAbsolute();
    const uint64_t origin = absolute ? byteOf(g.firstBit()) : 0;
    const uint64_t rowBits = g.spanBits() / uint64_t(g.rows());
    const uint64_t bytes = absolute ? byteOf(g.endBit()) - origin : byteOf(g.firstBit() + rowBits) - byteOf(g.firstBit());
    if (bytes == 0) {
        return;
    }
    const auto label = [&](uint64_t value) {
        return absolute ? formatBytes(value, locale) : tr("+%1").arg(formatBytes(value, locale));
    };
    // Power-of-two steps read exactly in binary units (256 MiB, 512 MiB, ...).
    const int labelWidth = fm.horizontalAdvance(label(origin + bytes)) + 24;
    const uint64_t maxTicks = uint64_t(std::max(1, int(band.width()) / labelWidth));
    uint64_t step = 1;
    while (step < bytes / maxTicks && step <= std::numeric_limits<uint64_t>::max() / 2) {
        step *= 2;
    }
    p.drawText(caption, Qt::AlignRight | Qt::AlignVCenter, absolute ? tr("offset") : tr("in row"));
    double lastRight = -1e9;
    for (uint64_t v = (origin + step - 1) / step * step; v <= origin + bytes; v += step) {
        const double x = band.left() + double(v - origin) / double(bytes) * band.width();
        p.drawLine(QPointF(x, axis.top()), QPointF(x, axis.top() + 3));
        const QString text = label(v);
        const int w = fm.horizontalAdvance(text);
        // Labels stay under the band: the caption owns the space to its left.
        const double left = std::clamp(x - w / 2.0, band.left(), double(axis.right()) - w);
        if (left >= lastRight + 8) {
            p.drawText(QRectF(left, axis.top() + 3, w, axis.height() - 3), Qt::AlignLeft | Qt::AlignVCenter, text);
            lastRight = left + w;
        }
        if (v > std::numeric_limits<uint64_t>::max() - step) {
            break;
        }
    }
}

} // namespace bitmig
