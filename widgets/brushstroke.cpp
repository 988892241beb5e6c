#include "brushstroke.h"

#include "byteformat.h"

#include <QLineF>

#include <algorithm>
#include <cmath>

namespace bitmig {

BrushStroke::BrushStroke(const HeatmapRaster& raster, uint64_t granularity, uint64_t diskBytes, bool clear)
    : raster_(raster), granularity_(granularity), diskBytes_(diskBytes), clear_(clear)
{
}

void BrushStroke::touchCell(int cell)
{
    if (!reported_.contains(cell)) {
        pending_.insert(cell);
    }
}

void BrushStroke::touch(const QPointF& from, const QPointF& to)
{
    if (!isActive() || raster_.isEmpty()) {
        return;
    }
    // Sample at half a cell so no cell the pointer crossed is skipped.
    const double step = std::max(0.5, std::min(raster_.cellWidth(), raster_.cellHeight()) / 2);
    const double length = QLineF(from, to).length();
    const int samples = std::min(100000, int(std::ceil(length / step)));
    for (int i = 0; i <= samples; ++i) {
        const double t = samples ? double(i) / samples : 0;
        if (const auto cell = raster_.cellAt(from + (to - from) * t)) {
            touchCell(*cell);
        }
    }
}

std::vector<BrushStroke::ByteRange> BrushStroke::takePending()
{
    std::vector<ByteRange> ranges;
    const HeatmapGeometry& g = raster_.geometry();
    const auto toByte = [&](uint64_t bit) { return diskOffsetOfBit(bit, granularity_, diskBytes_); };
    auto it = pending_.begin();
    while (it != pending_.end()) {
        const int first = *it;
        int last = first;
        for (++it; it != pending_.end() && *it == last + 1; ++it) {
            last = *it;
        }
        const uint64_t begin = toByte(g.cellFirstBit(first));
        const uint64_t end = toByte(g.cellEndBit(last));
        if (end > begin) {
            ranges.push_back({begin, end - begin});
        }
    }
    reported_.merge(pending_);
    pending_.clear();
    return ranges;
}

} // namespace bitmig
