#include "offsetaxis.h"

#include "byteformat.h"

#include <QFontMetrics>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace bitmig {

uint64_t OffsetAxis::byteOf(uint64_t bit) const noexcept
{
    return diskOffsetOfBit(bit, granularity_, diskBytes_);
}

int OffsetAxis::rowLabelStep(const QFontMetrics& fm) const
{
    const double cellHeight = raster_.cellHeight();
    return cellHeight > 0 ? std::max(1, int(std::ceil((fm.height() + 2) / cellHeight))) : 1;
}

QList<OffsetAxis::RowLabel> OffsetAxis::rowLabels(const QFontMetrics& fm, int width, int minStep) const
{
    QList<RowLabel> out;
    const HeatmapGeometry& g = raster_.geometry();
    const double cellHeight = raster_.cellHeight();
    if (g.rows() == 0 || g.columns() == 0 || cellHeight <= 0) {
        return out;
    }
    const int line = fm.height();
    const int step = std::max(rowLabelStep(fm), minStep);
    const double bottom = raster_.rect().height();
    std::vector<int> rows;
    for (int row = 0; row < g.rows(); row += step) {
        // A label names the offset where its row starts; one that would run past the band is dropped.
        if (row > 0 && row * cellHeight + line > bottom + 2) {
            break;
        }
        rows.push_back(row);
    }
    const auto rowByte = [&](int row) { return byteOf(g.cellFirstBit(row * g.columns())); };
    const uint64_t base = rowByte(0);
    // Labels `step` rows apart differ by at least this much.
    const uint64_t resolution =
        std::max<uint64_t>(1, rows.size() > 1 ? rowByte(rows[1]) - base : byteOf(g.endBit()) - base);
    const QLocale locale;
    bool absolute = true;
    for (int row : rows) {
        if (fm.horizontalAdvance(formatBytesResolving(rowByte(row), resolution, locale)) > width) {
            absolute = false;
            break;
        }
    }
    for (int row : rows) {
        QString text;
        if (absolute) {
            text = formatBytesResolving(rowByte(row), resolution, locale);
        } else if (row == 0) {
            // The start of the view, with as many of the decimals it needs as fit.
            int decimals = decimalsToResolve(base, resolution);
            text = formatBytes(base, locale, decimals);
            while (fm.horizontalAdvance(text) > width && decimals > 2) {
                text = formatBytes(base, locale, --decimals);
            }
        } else {
            text = tr("+%1").arg(formatBytesResolving(rowByte(row) - base, resolution, locale));
        }
        out.append(RowLabel{row, text});
    }
    return out;
}

void OffsetAxis::paintRowLabels(QPainter& p, const QRect& gutter, const QFontMetrics& fm, int step) const
{
    const QRectF r = raster_.rect();
    const double cellHeight = raster_.cellHeight();
    const int line = fm.height();
    for (const RowLabel& label : rowLabels(fm, gutter.width(), step)) {
        const double y = r.top() + label.row * cellHeight;
        p.drawLine(QPointF(r.left() - 4, y), QPointF(r.left() - 1, y));
        const QRectF text(gutter.left(), y - 1, gutter.width(), line);
        p.drawText(text, Qt::AlignRight | Qt::AlignTop, fm.elidedText(label.text, Qt::ElideMiddle, gutter.width()));
    }
}

QList<OffsetAxis::Tick> OffsetAxis::ticks(double width, const QFontMetrics& fm) const
{
    QList<Tick> out;
    const HeatmapGeometry& g = raster_.geometry();
    if (g.cells() == 0 || width <= 0) {
        return out;
    }
    const QLocale locale;
    const bool absolute = isAbsolute();
    const uint64_t origin = absolute ? byteOf(g.firstBit()) : 0;
    const uint64_t rowBits = g.spanBits() / uint64_t(g.rows());
    const uint64_t bytes = absolute ? byteOf(g.endBit()) - origin : byteOf(g.firstBit() + rowBits) - byteOf(g.firstBit());
    if (bytes == 0) {
        return out;
    }
    const auto label = [&](uint64_t value, uint64_t resolution) {
        const QString text = formatBytesResolving(value, resolution, locale);
        return absolute ? text : tr("+%1").arg(text);
    };
    // Power-of-two steps read exactly in binary units (256 MiB, 512 MiB, ...). The labels carry the
    // decimals the step needs, which sets how many fit: choose the step twice.
    uint64_t step = 1;
    for (int round = 0; round < 2; ++round) {
        const int labelWidth = fm.horizontalAdvance(label(origin + bytes, round == 0 ? 0 : step)) + 24;
        const uint64_t maxTicks = uint64_t(std::max(1, int(width) / labelWidth));
        step = 1;
        while (step < bytes / maxTicks && step <= std::numeric_limits<uint64_t>::max() / 2) {
            step *= 2;
        }
    }
    for (uint64_t v = (origin + step - 1) / step * step; v <= origin + bytes; v += step) {
        out.append(Tick{v, double(v - origin) / double(bytes) * width, label(v, step)});
        if (v > std::numeric_limits<uint64_t>::max() - step) {
            break;
        }
    }
    return out;
}

void OffsetAxis::paintTicks(QPainter& p, const QRect& axis, const QRect& caption, const QFontMetrics& fm) const
{
    const QRectF band = raster_.rect();
    const QList<Tick> all = ticks(band.width(), fm);
    if (all.isEmpty()) {
        return;
    }
    p.drawText(caption, Qt::AlignRight | Qt::AlignVCenter, isAbsolute() ? tr("offset") : tr("in row"));
    double lastRight = -1e9;
    for (const Tick& tick : all) {
        const double x = band.left() + tick.x;
        p.drawLine(QPointF(x, axis.top()), QPointF(x, axis.top() + 3));
        const int w = fm.horizontalAdvance(tick.text);
        // Labels stay under the band: the caption owns the space to its left.
        const double left = std::clamp(x - w / 2.0, band.left(), double(axis.right()) - w);
        if (left >= lastRight + 8) {
            p.drawText(QRectF(left, axis.top() + 3, w, axis.height() - 3), Qt::AlignLeft | Qt::AlignVCenter, tick.text);
            lastRight = left + w;
        }
    }
}

} // namespace bitmig
