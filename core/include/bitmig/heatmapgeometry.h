// Where each heatmap cell sits on the disk: a raster of rows x columns over a range of bitmap bits.
// Pure values (no Qt), shared by the simulation side that fills cells and the view that paints them.
#pragma once

#include <cstdint>
#include <optional>

namespace bitmig {

// Cell i (row-major: i = row * columns + column) covers bitmap bits
// [first + floor(i * span / cells), first + floor((i + 1) * span / cells)), span = end - first.
// The grid never has more cells than bits in view, so every cell covers at least one bit.
class HeatmapGeometry {
public:
    HeatmapGeometry() = default;
    // bits: the whole bitmap; [first, end) the bits in view; the grid asked for is shrunk (rows
    // first, then columns) until every cell holds at least one bit.
    HeatmapGeometry(uint64_t bits, uint64_t first, uint64_t end, int columns, int rows);

    uint64_t totalBits() const noexcept { return bits_; }
    uint64_t firstBit() const noexcept { return first_; }
    uint64_t endBit() const noexcept { return end_; }
    uint64_t spanBits() const noexcept { return end_ - first_; }
    int columns() const noexcept { return columns_; }
    int rows() const noexcept { return rows_; }
    int cells() const noexcept { return columns_ * rows_; }

    uint64_t cellFirstBit(int cell) const noexcept;
    uint64_t cellEndBit(int cell) const noexcept { return cellFirstBit(cell + 1); }
    // The cell holding bit `bit`, or nullopt when it is outside the view.
    std::optional<int> cellOfBit(uint64_t bit) const noexcept;
    // The cell under a point of a width x height area (pixels or any unit), or nullopt outside.
    std::optional<int> cellAt(double x, double y, double width, double height) const noexcept;
    // Fractional position of a bit in the view, 0 at first, 1 at end (for the overview strip).
    double fractionOf(uint64_t bit) const noexcept;

    // The rows to ask for when the bitmap goes out in chunks of `chunkBits` bits, so that a chunk is
    // drawn as a rectangle rather than a staircase: the largest count from `rows` down to half of it
    // for which every row holds the same whole number of bits R, with R a multiple of chunkBits (the
    // chunk boundaries fall at the same place in every row) or R dividing chunkBits with rows starting
    // where chunks start (a chunk is a block of whole rows). `rows` when no count in that range does,
    // when there is one row, or when chunkBits is 0. [first, end) and columns as for the constructor.
    static int chunkAlignedRows(uint64_t first, uint64_t end, int columns, int rows, uint64_t chunkBits) noexcept;

    friend bool operator==(const HeatmapGeometry&, const HeatmapGeometry&) = default;

private:
    uint64_t bits_ = 0, first_ = 0, end_ = 0;
    int columns_ = 0, rows_ = 0;
};

} // namespace bitmig
