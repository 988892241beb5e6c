// Disk offsets around a heatmap raster: where each row starts (in the gutter on its left) and ticks
// along its bottom edge. The raster is row-major, so with several rows the ticks give the offset
// within a row; with one row they are absolute.
#pragma once

#include "heatmapraster.h"

#include <QCoreApplication>
#include <QRect>

#include <cstdint>

class QFontMetrics;
class QPainter;

namespace bitmig {

class OffsetAxis {
    Q_DECLARE_TR_FUNCTIONS(bitmig::OffsetAxis)
public:
    OffsetAxis(const HeatmapRaster& raster, uint64_t granularity, uint64_t diskBytes)
        : raster_(raster), granularity_(granularity), diskBytes_(diskBytes)
    {
    }

    uint64_t byteOf(uint64_t bit) const noexcept;
    bool isAbsolute() const noexcept { return raster_.geometry().rows() == 1; }

    // Right-aligned in `gutter`, one label per row or every few rows when rows are thinner than text.
    void paintRowLabels(QPainter& p, const QRect& gutter, const QFontMetrics& fm) const;
    // Ticks and labels under the raster, in `axis`; the caption ("offset" / "in row") in `caption`.
    void paintTicks(QPainter& p, const QRect& axis, const QRect& caption, const QFontMetrics& fm) const;

private:
    HeatmapRaster raster_;
    uint64_t granularity_;
    uint64_t diskBytes_;
};

} // namespace bitmig
