#include "heatmapraster.h"

#include <QPointF>
#include <QPolygonF>

#include <algorithm>
#include <cmath>

namespace bitmig {

double HeatmapRaster::cellWidth() const noexcept
{
    return geometry_.columns() > 0 ? rect_.width() / geometry_.columns() : 0;
}

double HeatmapRaster::cellHeight() const noexcept
{
    return geometry_.rows() > 0 ? rect_.height() / geometry_.rows() : 0;
}

double HeatmapRaster::columnX(double column) const noexcept
{
    return rect_.left() + column * cellWidth();
}

double HeatmapRaster::rowY(double row) const noexcept
{
    return rect_.top() + row * cellHeight();
}

QRectF HeatmapRaster::cellRect(int cell) const
{
    if (cell < 0 || cell >= geometry_.cells()) {
        return {};
    }
    const int column = cell % geometry_.columns();
    const int row = cell / geometry_.columns();
    return QRectF(QPointF(columnX(column), rowY(row)), QPointF(columnX(column + 1), rowY(row + 1)));
}

std::optional<int> HeatmapRaster::cellAt(const QPointF& point) const
{
    if (isEmpty()) {
        return std::nullopt;
    }
    return geometry_.cellAt(point.x() - rect_.left(), point.y() - rect_.top(), rect_.width(), rect_.height());
}

std::optional<uint64_t> HeatmapRaster::bitAt(const QPointF& point) const
{
    const auto cell = cellAt(point);
    if (!cell) {
        return std::nullopt;
    }
    const QRectF r = cellRect(*cell);
    const double fraction = std::clamp((point.x() - r.left()) / r.width(), 0.0, 1.0);
    const uint64_t first = geometry_.cellFirstBit(*cell);
    const uint64_t bits = geometry_.cellEndBit(*cell) - first;
    return first + std::min(bits - 1, uint64_t(fraction * double(bits)));
}

double HeatmapRaster::pixelsPerBits(uint64_t bits) const noexcept
{
    if (isEmpty()) {
        return 0;
    }
    return double(bits) * double(geometry_.cells()) / double(geometry_.spanBits()) * cellWidth();
}

double HeatmapRaster::xOfBit(int row, uint64_t bit) const
{
    const int columns = geometry_.columns();
    const uint64_t rowFirst = geometry_.cellFirstBit(row * columns);
    const uint64_t rowEnd = geometry_.cellFirstBit((row + 1) * columns);
    if (bit <= rowFirst || rowEnd <= rowFirst) {
        return columnX(0);
    }
    if (bit >= rowEnd) {
        return columnX(columns);
    }
    // A boundary that falls on a cell edge lands exactly on it; otherwise interpolate in the cell.
    const int cell = *geometry_.cellOfBit(bit);
    const uint64_t first = geometry_.cellFirstBit(cell);
    const uint64_t end = geometry_.cellEndBit(cell);
    const double within = double(bit - first) / double(end - first);
    return columnX(cell % columns + within);
}

QPainterPath HeatmapRaster::pathForBits(uint64_t first, uint64_t end) const
{
    QPainterPath path;
    first = std::max(first, geometry_.firstBit());
    end = std::min(end, geometry_.endBit());
    if (isEmpty() || first >= end) {
        return path;
    }
    const int columns = geometry_.columns();
    const int a = *geometry_.cellOfBit(first);
    const int b = *geometry_.cellOfBit(end - 1);
    const int rowA = a / columns, colA = a % columns;
    const int rowB = b / columns, colB = b % columns;
    const double left = columnX(0), right = columnX(columns);
    const double xa = columnX(colA), xb = columnX(colB + 1);
    if (rowA == rowB) {
        path.addRect(QRectF(QPointF(xa, rowY(rowA)), QPointF(xb, rowY(rowA + 1))));
    } else if (rowB == rowA + 1 && colB < colA) {
        // Two pieces that do not touch: the tail of one row and the head of the next.
        path.addRect(QRectF(QPointF(xa, rowY(rowA)), QPointF(right, rowY(rowA + 1))));
        path.addRect(QRectF(QPointF(left, rowY(rowB)), QPointF(xb, rowY(rowB + 1))));
    } else {
        QPolygonF outline;
        outline << QPointF(xa, rowY(rowA)) << QPointF(right, rowY(rowA)) << QPointF(right, rowY(rowB))
                << QPointF(xb, rowY(rowB)) << QPointF(xb, rowY(rowB + 1)) << QPointF(left, rowY(rowB + 1))
                << QPointF(left, rowY(rowA + 1)) << QPointF(xa, rowY(rowA + 1));
        path.addPolygon(outline);
        path.closeSubpath();
    }
    return path;
}

QPainterPath HeatmapRaster::boundaryAt(uint64_t bit, bool spansRows) const
{
    QPainterPath path;
    if (isEmpty() || bit <= geometry_.firstBit() || bit >= geometry_.endBit()) {
        return path;
    }
    const int columns = geometry_.columns();
    const int row = *geometry_.cellOfBit(bit) / columns;
    const double x = xOfBit(row, bit);
    const double top = rowY(row), bottom = rowY(row + 1);
    if (spansRows) {
        // Bits before `bit` fill the rest of the row above; bits after it the start of the row below.
        path.moveTo(columnX(columns), top);
        path.lineTo(x, top);
        path.lineTo(x, bottom);
        path.lineTo(columnX(0), bottom);
    } else {
        path.moveTo(x, top);
        path.lineTo(x, bottom);
    }
    return path;
}

} // namespace bitmig
