#include <bitmig/heatmapgeometry.h>

#include <catch2/catch.hpp>

#include <cstdint>
#include <vector>

using bitmig::HeatmapGeometry;

namespace {

// Every cell when there are few, else both ends and an even sample in between.
std::vector<int> sampleCells(int cells)
{
    std::vector<int> out;
    if (cells <= 5000) {
        for (int i = 0; i < cells; ++i) {
            out.push_back(i);
        }
        return out;
    }
    for (int i = 0; i < 200; ++i) {
        out.push_back(i);
        out.push_back(cells - 1 - i);
    }
    for (int i = 0; i < 1000; ++i) {
        out.push_back(int(int64_t(cells) * i / 1000));
    }
    return out;
}

void checkRoundTrips(const HeatmapGeometry& g)
{
    const int cells = g.cells();
    REQUIRE(cells > 0);
    REQUIRE(uint64_t(cells) <= g.spanBits());
    CHECK(g.cellFirstBit(0) == g.firstBit());
    CHECK(g.cellEndBit(cells - 1) == g.endBit());
    for (const int cell : sampleCells(cells)) {
        const uint64_t first = g.cellFirstBit(cell), end = g.cellEndBit(cell);
        INFO("cell " << cell << " of " << cells << " covers [" << first << ", " << end << ")");
        REQUIRE(first < end);  // never empty
        CHECK(g.cellOfBit(first) == cell);
        CHECK(g.cellOfBit(end - 1) == cell);
        CHECK(g.cellOfBit(first + (end - first) / 2) == cell);
    }
    CHECK_FALSE(g.cellOfBit(g.endBit()).has_value());
    if (g.firstBit() > 0) {
        CHECK_FALSE(g.cellOfBit(g.firstBit() - 1).has_value());
    }
}

} // namespace

TEST_CASE("heatmap cells map to bits and back at every size", "[geometry]")
{
    const uint64_t sizes[] = {1, 63, uint64_t(1) << 30, uint64_t(1) << 41};
    const std::pair<int, int> grids[] = {{1, 1}, {7, 3}, {64, 1}, {256, 32}, {1000, 100}, {1, 50}};
    for (const uint64_t bits : sizes) {
        for (const auto& [columns, rows] : grids) {
            INFO("bits " << bits << ", grid " << columns << " x " << rows);
            checkRoundTrips(HeatmapGeometry(bits, 0, bits, columns, rows));
            // A view that starts and ends off any power of two.
            const uint64_t first = bits / 3, end = bits - bits / 5;
            if (end > first) {
                checkRoundTrips(HeatmapGeometry(bits, first, end, columns, rows));
            }
            // The last few bits of the disk.
            const uint64_t tail = bits > 5 ? bits - 5 : 0;
            checkRoundTrips(HeatmapGeometry(bits, tail, bits, columns, rows));
        }
    }
}

TEST_CASE("a grid larger than the bits in view shrinks so no cell is empty", "[geometry]")
{
    const HeatmapGeometry g(63, 0, 63, 256, 32);
    CHECK(g.cells() <= 63);
    CHECK(g.cells() > 0);
    checkRoundTrips(g);

    const HeatmapGeometry one(1, 0, 1, 256, 32);
    CHECK(one.cells() == 1);
    CHECK(one.cellFirstBit(0) == 0);
    CHECK(one.cellEndBit(0) == 1);

    const HeatmapGeometry none(100, 50, 50, 10, 10);
    CHECK(none.cells() == 0);
    CHECK_FALSE(none.cellOfBit(50).has_value());
    CHECK_FALSE(none.cellAt(1, 1, 10, 10).has_value());
}

TEST_CASE("cellAt finds the cell under a point, edges included", "[geometry]")
{
    const HeatmapGeometry g(uint64_t(1) << 41, 0, uint64_t(1) << 41, 200, 40);
    const double w = 800, h = 160;  // 4 x 4 units per cell
    CHECK(g.cellAt(0, 0, w, h) == 0);
    CHECK(g.cellAt(w - 1e-9, 0, w, h) == 199);
    CHECK(g.cellAt(0, h - 1e-9, w, h) == 39 * 200);
    CHECK(g.cellAt(w - 1e-9, h - 1e-9, w, h) == g.cells() - 1);
    CHECK(g.cellAt(3.999, 3.999, w, h) == 0);
    CHECK(g.cellAt(4.0, 4.0, w, h) == 201);
    CHECK_FALSE(g.cellAt(w, 0, w, h).has_value());
    CHECK_FALSE(g.cellAt(0, h, w, h).has_value());
    CHECK_FALSE(g.cellAt(-0.001, 0, w, h).has_value());
    CHECK_FALSE(g.cellAt(0, -0.001, w, h).has_value());
    for (int row = 0; row < 40; row += 7) {
        for (int column = 0; column < 200; column += 13) {
            CHECK(g.cellAt(column * 4 + 2, row * 4 + 2, w, h) == row * 200 + column);
        }
    }
}

TEST_CASE("fractionOf places bits along the view", "[geometry]")
{
    const uint64_t bits = uint64_t(1) << 41;
    const HeatmapGeometry g(bits, bits / 4, bits / 2, 100, 10);
    CHECK(g.fractionOf(bits / 4) == Approx(0.0));
    CHECK(g.fractionOf(bits / 2) == Approx(1.0));
    CHECK(g.fractionOf(3 * bits / 8) == Approx(0.5));
    CHECK(g.fractionOf(g.cellFirstBit(500)) == Approx(0.5));
    CHECK(HeatmapGeometry(63, 0, 63, 9, 7).fractionOf(21) == Approx(1.0 / 3));
}
