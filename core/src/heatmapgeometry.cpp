#include <bitmig/heatmapgeometry.h>

#include <algorithm>

namespace bitmig {

HeatmapGeometry::HeatmapGeometry(uint64_t bits, uint64_t first, uint64_t end, int columns, int rows)
    : bits_(bits), first_(std::min(first, bits)), end_(std::clamp(end, first_, bits)),
      columns_(std::max(columns, 0)), rows_(std::max(rows, 0))
{
    const uint64_t span = end_ - first_;
    if (span == 0) {
        columns_ = rows_ = 0;
        return;
    }
    while (rows_ > 1 && uint64_t(columns_) * uint64_t(rows_) > span) {
        rows_ = std::max<int>(1, int(span / uint64_t(std::max(columns_, 1))));
        if (uint64_t(columns_) * uint64_t(rows_) <= span) {
            break;
        }
    }
    if (uint64_t(columns_) * uint64_t(rows_) > span) {
        columns_ = int(span);
        rows_ = 1;
    }
}

int HeatmapGeometry::chunkAlignedRows(uint64_t first, uint64_t end, int columns, int rows, uint64_t chunkBits) noexcept
{
    if (end <= first || columns <= 0 || rows <= 1 || chunkBits == 0) {
        return rows;
    }
    const uint64_t span = end - first;
    // The constructor shrinks a grid with more cells than bits: start from the rows it would keep.
    const int most = int(std::min<uint64_t>(uint64_t(rows), std::max<uint64_t>(1, span / uint64_t(columns))));
    for (int r = most; r >= 1 && 2 * r >= most; --r) {
        if (span % uint64_t(r) != 0) {
            continue;
        }
        const uint64_t rowBits = span / uint64_t(r);
        if (rowBits % chunkBits == 0 || (chunkBits % rowBits == 0 && first % rowBits == 0)) {
            return r;
        }
    }
    return rows;
}

uint64_t HeatmapGeometry::cellFirstBit(int cell) const noexcept
{
    const uint64_t n = uint64_t(cells());
    if (n == 0) {
        return first_;
    }
    const uint64_t i = uint64_t(std::clamp<int64_t>(cell, 0, int64_t(n)));
    return first_ + uint64_t((__uint128_t(i) * (end_ - first_)) / n);
}

std::optional<int> HeatmapGeometry::cellOfBit(uint64_t bit) const noexcept
{
    if (bit < first_ || bit >= end_ || cells() == 0) {
        return std::nullopt;
    }
    const uint64_t n = uint64_t(cells());
    // Invert cellFirstBit: the largest i with floor(i * span / n) <= bit - first.
    const uint64_t offset = bit - first_;
    uint64_t i = uint64_t(((__uint128_t(offset) + 1) * n - 1) / (end_ - first_));
    while (i > 0 && cellFirstBit(int(i)) > bit) {
        --i;
    }
    while (i + 1 < n && cellFirstBit(int(i + 1)) <= bit) {
        ++i;
    }
    return int(i);
}

std::optional<int> HeatmapGeometry::cellAt(double x, double y, double width, double height) const noexcept
{
    if (cells() == 0 || width <= 0 || height <= 0 || x < 0 || y < 0 || x >= width || y >= height) {
        return std::nullopt;
    }
    const int column = std::min(columns_ - 1, int(x / width * columns_));
    const int row = std::min(rows_ - 1, int(y / height * rows_));
    return row * columns_ + column;
}

double HeatmapGeometry::fractionOf(uint64_t bit) const noexcept
{
    if (end_ == first_) {
        return 0;
    }
    return (double(bit) - double(first_)) / double(end_ - first_);
}

} // namespace bitmig
