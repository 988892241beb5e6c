// A HeatmapGeometry laid onto a rectangle of the screen: where a cell is drawn, which cell and bit
// lie under a point, and the outline of a bit range. The raster is row-major, so a range that
// spans rows is a staircase, not a rectangle. Values only: the view and its tests share them.
#pragma once

#include <bitmig/heatmapgeometry.h>

#include <QPainterPath>
#include <QRectF>

#include <cstdint>
#include <optional>

class QPointF;

namespace bitmig {

class HeatmapRaster {
public:
    HeatmapRaster() = default;
    HeatmapRaster(const HeatmapGeometry& geometry, const QRectF& rect) : geometry_(geometry), rect_(rect) {}

    const HeatmapGeometry& geometry() const noexcept { return geometry_; }
    const QRectF& rect() const noexcept { return rect_; }
    bool isEmpty() const noexcept { return geometry_.cells() == 0 || rect_.isEmpty(); }
    double cellWidth() const noexcept;
    double cellHeight() const noexcept;

    QRectF cellRect(int cell) const;
    std::optional<int> cellAt(const QPointF& point) const;
    // The bit under a point, interpolated inside its cell (for zooming around the cursor).
    std::optional<uint64_t> bitAt(const QPointF& point) const;
    // The screen length, along the reading order, of `bits` bits.
    double pixelsPerBits(uint64_t bits) const noexcept;

    // Outline of the cells holding bits [first, end) (clipped to the view); empty when none.
    QPainterPath pathForBits(uint64_t first, uint64_t end) const;
    // The line separating the bits before `bit` from those at and after it: a vertical tick in the
    // bit's row, extended along the row edges when the ranges on each side span whole rows.
    QPainterPath boundaryAt(uint64_t bit, bool spansRows) const;

private:
    double columnX(double column) const noexcept;
    double rowY(double row) const noexcept;
    // x of `bit` inside `row`, interpolated between the row's cell edges.
    double xOfBit(int row, uint64_t bit) const;

    HeatmapGeometry geometry_;
    QRectF rect_;
};

} // namespace bitmig
