// The cells one brush stroke has touched and the disk byte ranges still to report for them. Each
// cell is reported once per stroke, as part of a run of consecutive cells.
#pragma once

#include "heatmapraster.h"

#include <QPointF>

#include <cstdint>
#include <set>
#include <vector>

namespace bitmig {

class BrushStroke {
public:
    struct ByteRange {
        uint64_t firstByte = 0;
        uint64_t lengthBytes = 0;
        friend bool operator==(const ByteRange&, const ByteRange&) = default;
    };

    BrushStroke() = default;
    // granularity: disk bytes per bit; diskBytes clamps the last cell (the disk need not end on a bit).
    BrushStroke(const HeatmapRaster& raster, uint64_t granularity, uint64_t diskBytes, bool clear);

    bool isActive() const noexcept { return granularity_ > 0; }
    bool clears() const noexcept { return clear_; }
    const HeatmapRaster& raster() const noexcept { return raster_; }

    // Touches the cells along the segment, so a fast drag leaves no gaps.
    void touch(const QPointF& from, const QPointF& to);
    void touch(const QPointF& point) { touch(point, point); }
    bool hasPending() const noexcept { return !pending_.empty(); }
    // Runs of consecutive touched cells not reported yet, in disk order.
    std::vector<ByteRange> takePending();

private:
    void touchCell(int cell);

    HeatmapRaster raster_;
    uint64_t granularity_ = 0;
    uint64_t diskBytes_ = 0;
    bool clear_ = false;
    std::set<int> pending_;
    std::set<int> reported_;
};

} // namespace bitmig
