#include "widgets/brushstroke.h"
#include "widgets/byteformat.h"
#include "widgets/chunkfades.h"
#include "widgets/densitypalette.h"
#include "widgets/heatmaplegend.h"
#include "widgets/heatmapraster.h"

#include <QApplication>
#include <QImage>
#include <QPainter>

#include <catch2/catch.hpp>

#include <limits>

using namespace bitmig;

TEST_CASE("a raster lays cells on the screen and finds them again", "[raster]")
{
    const HeatmapGeometry g(1000, 100, 900, 20, 10);  // 200 cells of 4 bits
    const HeatmapRaster r(g, QRectF(10, 20, 80, 40));  // 4 x 4 pixels a cell
    CHECK(r.cellWidth() == 4);
    CHECK(r.cellHeight() == 4);
    CHECK(r.cellRect(0) == QRectF(10, 20, 4, 4));
    CHECK(r.cellRect(21) == QRectF(14, 24, 4, 4));
    CHECK(r.cellRect(200).isNull());
    for (int cell = 0; cell < g.cells(); ++cell) {
        CHECK(r.cellAt(r.cellRect(cell).center()) == cell);
    }
    CHECK_FALSE(r.cellAt(QPointF(9.9, 20)).has_value());
    CHECK(r.bitAt(QPointF(10.1, 20.1)) == 100u);
    CHECK(r.bitAt(QPointF(13.9, 20.1)) == 103u);
    CHECK(r.pixelsPerBits(4) == Approx(4.0));
}

TEST_CASE("the outline of a bit range covers exactly its cells", "[raster]")
{
    const HeatmapGeometry g(200, 0, 200, 10, 10);  // 2 bits a cell, rows of 20 bits
    const HeatmapRaster r(g, QRectF(0, 0, 100, 100));
    const auto coveredCells = [&](const QPainterPath& path) {
        std::vector<int> cells;
        for (int cell = 0; cell < g.cells(); ++cell) {
            if (path.contains(r.cellRect(cell).center())) {
                cells.push_back(cell);
            }
        }
        return cells;
    };
    const auto range = [](int first, int last) {
        std::vector<int> v;
        for (int i = first; i <= last; ++i) {
            v.push_back(i);
        }
        return v;
    };
    CHECK(coveredCells(r.pathForBits(4, 10)) == range(2, 4));       // inside one row
    CHECK(coveredCells(r.pathForBits(36, 44)) == range(18, 21));    // tail of a row, head of the next
    CHECK(coveredCells(r.pathForBits(10, 90)) == range(5, 44));     // a staircase over four rows
    CHECK(coveredCells(r.pathForBits(0, 200)) == range(0, 99));
    CHECK(coveredCells(r.pathForBits(5, 6)) == range(2, 2));        // part of a cell: the whole cell
    CHECK(r.pathForBits(300, 400).isEmpty());
    CHECK(r.pathForBits(50, 50).isEmpty());

    // A boundary inside a row: a tick at its x; when ranges span rows, the row edges join in.
    const QRectF tick = r.boundaryAt(50, false).boundingRect();
    CHECK(tick.left() == Approx(50));
    CHECK(tick.width() == Approx(0));
    CHECK(tick.top() == Approx(20));
    CHECK(tick.bottom() == Approx(30));
    const QRectF step = r.boundaryAt(50, true).boundingRect();
    CHECK(step == QRectF(0, 20, 100, 10));
    CHECK(r.boundaryAt(0, true).isEmpty());  // the view's edge is no boundary
}

TEST_CASE("sent chunks fade, merge into runs and stay bounded", "[fades]")
{
    ChunkFades fades(400, 8);
    fades.record({5, 6, 7, 9}, 1000);
    auto runs = fades.runs(1000);
    REQUIRE(runs.size() == 2);
    CHECK(runs[0].firstChunk == 5);
    CHECK(runs[0].endChunk == 8);
    CHECK(runs[0].alpha == Approx(1.0));
    CHECK(runs[1].firstChunk == 9);

    fades.record({8}, 1300);  // much later: its own run, brighter than the older ones
    runs = fades.runs(1300);
    REQUIRE(runs.size() == 3);
    CHECK(runs[0].alpha == Approx(0.25));
    CHECK(runs[1].firstChunk == 8);
    CHECK(runs[1].alpha == Approx(1.0));

    fades.expire(1400);
    CHECK(fades.size() == 1);
    fades.expire(1700);
    CHECK(fades.empty());

    std::vector<uint64_t> many;
    for (uint64_t c = 0; c < 100; ++c) {
        many.push_back(c);
    }
    fades.record(many, 2000);
    fades.record({1000, 1001}, 2001);
    CHECK(fades.size() == 8);
    runs = fades.runs(2001);
    CHECK(runs.back().firstChunk == 1000);  // the newest survive
}

TEST_CASE("the density palette separates clean, sparse and full cells", "[palette]")
{
    for (const auto scale : {DensityPalette::Scale::Linear, DensityPalette::Scale::Logarithmic}) {
        const DensityPalette colours(QPalette(), scale);
        CHECK(DensityPalette::position(0, scale) == 0);
        CHECK(DensityPalette::position(1, scale) == Approx(1));
        double last = 0;
        for (int i = 1; i <= 100; ++i) {
            const double p = DensityPalette::position(i / 100.0, scale);
            CHECK(p > last);
            last = p;
        }
        CHECK(colours.rgbAt(0) == colours.cleanColor().rgb());
        CHECK(colours.colorAt(1) == colours.fullColor());
        CHECK(colours.colorAt(1e-6) != colours.cleanColor());
    }
    // Sparse densities get room on the log scale: 1 % is a third of the way up.
    CHECK(DensityPalette::position(0.01, DensityPalette::Scale::Logarithmic) == Approx(0.347).margin(0.01));

    // Viridis ends: dark purple (#440154) and yellow (#fde725), within the fit's error.
    const QColor low = DensityPalette::sequential(0), high = DensityPalette::sequential(1);
    CHECK(std::abs(low.red() - 0x44) <= 4);
    CHECK(std::abs(low.blue() - 0x54) <= 4);
    CHECK(std::abs(high.red() - 0xfd) <= 4);
    CHECK(std::abs(high.green() - 0xe7) <= 4);

    // The difference accent is far from every colour of the ramp.
    const QColor accent = DensityPalette::differenceColor();
    for (int i = 0; i <= 100; ++i) {
        const QColor c = DensityPalette::sequential(i / 100.0);
        const int distance = std::abs(c.red() - accent.red()) + std::abs(c.green() - accent.green()) +
                             std::abs(c.blue() - accent.blue());
        CHECK(distance > 120);
    }

    // Light and dark themes each get a clean colour that differs from the window and the ramp's start.
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
    dark.setColor(QPalette::WindowText, QColor(0xf0, 0xf0, 0xf0));
    const DensityPalette darkColours(dark);
    CHECK(darkColours.isDark());
    CHECK(darkColours.cleanColor() != dark.color(QPalette::Window));
    CHECK(darkColours.cleanColor().lightness() > DensityPalette::sequential(0).lightness() + 30);
}

TEST_CASE("a brush stroke reports each touched cell once, in runs", "[brush]")
{
    const uint64_t granularity = 65536;
    const HeatmapGeometry g(1000, 0, 1000, 10, 10);  // 10 bits a cell
    const HeatmapRaster r(g, QRectF(0, 0, 100, 100));
    BrushStroke stroke(r, granularity, 1000 * granularity - 4096, false);
    stroke.touch(QPointF(5, 5), QPointF(95, 5));  // the whole first row
    auto ranges = stroke.takePending();
    REQUIRE(ranges.size() == 1);
    CHECK(ranges[0] == BrushStroke::ByteRange{0, 100 * granularity});

    stroke.touch(QPointF(50, 5), QPointF(50, 25));  // back over row 0, then rows 1 and 2
    ranges = stroke.takePending();
    REQUIRE(ranges.size() == 2);
    CHECK(ranges[0] == BrushStroke::ByteRange{150 * granularity, 10 * granularity});
    CHECK(ranges[1] == BrushStroke::ByteRange{250 * granularity, 10 * granularity});
    CHECK_FALSE(stroke.hasPending());

    stroke.touch(QPointF(99, 99));  // the last cell ends where the disk does
    ranges = stroke.takePending();
    REQUIRE(ranges.size() == 1);
    CHECK(ranges[0].firstByte + ranges[0].lengthBytes == 1000 * granularity - 4096);

    stroke.touch(QPointF(-5, -5));  // off the raster: nothing
    CHECK_FALSE(stroke.hasPending());
}

TEST_CASE("byte offsets and sizes read as a person expects", "[format]")
{
    const QLocale c(QLocale::C);
    CHECK(formatBytes(uint64_t(512) << 20, c) == QStringLiteral("512 MiB"));
    CHECK(formatBytes(uint64_t(1) << 40, c) == QStringLiteral("1 TiB"));
    CHECK(formatBytes((uint64_t(3) << 29), c) == QStringLiteral("1.50 GiB"));
    CHECK(formatExactBytes(1073741824, c) == QStringLiteral("1073741824"));
    CHECK(formatExactBytes(1073741824, QLocale(QLocale::English)) == QStringLiteral("1,073,741,824"));
    CHECK(diskOffsetOfBit(3, 65536, 1 << 20) == 3 * 65536);
    CHECK(diskOffsetOfBit(100, 65536, 1 << 20) == 1 << 20);
    CHECK(diskOffsetOfBit(std::numeric_limits<uint64_t>::max(), 65536, 1 << 20) == 1 << 20);
    CHECK(diskOffsetOfBit(1, 0, 1 << 20) == 0);
}

namespace {

// How many swatches filled with the clean colour (the "clean" item and the outlined "chunk being
// sent" item) each line of the legend shows right of the ramp: runs of that colour along the
// middle of the line.
std::pair<int, int> swatchesPerLine(int width)
{
    const QFontMetrics fm(QApplication::font());
    const int rampLeft = 60;
    QImage image(width, HeatmapLegend::height(fm), QImage::Format_ARGB32);
    image.fill(Qt::white);
    const DensityPalette colours;
    {
        QPainter p(&image);
        p.setFont(QApplication::font());
        HeatmapLegend::paint(p, image.rect(), rampLeft, colours, QPalette(), fm, true);
    }
    const QRgb clean = colours.cleanColor().rgb();
    int runs[2] = {0, 0};
    for (int line = 0; line < 2; ++line) {
        const int y = line * (fm.height() + 2) + fm.height() / 2;
        bool inside = false;
        for (int x = rampLeft + 201; x < image.width(); ++x) {
            const bool isClean = image.pixel(x, y) == clean;
            runs[line] += isClean && !inside;
            inside = isClean;
        }
    }
    return {runs[0], runs[1]};
}

} // namespace

TEST_CASE("legend items that do not fit beside the ramp go to the second line", "[legend]")
{
    const QFontMetrics fm(QApplication::font());
    const int itemsLeft = 60 + 200 + 24;
    const int swatch = 12 + 3;
    const int clean = swatch + fm.horizontalAdvance(HeatmapLegend::tr("clean (no bit set)"));
    const int differs = swatch + fm.horizontalAdvance(HeatmapLegend::tr("destination differs from source"));
    const int sent = swatch + fm.horizontalAdvance(HeatmapLegend::tr("chunk being sent"));

    // Wide: all three on the first line.
    const auto wide = swatchesPerLine(itemsLeft + clean + differs + sent + 3 * 18 + 40);
    CHECK(wide.first == 2);
    CHECK(wide.second == 0);
    // Too narrow for the third: it moves to the second line instead of disappearing.
    const auto narrow = swatchesPerLine(itemsLeft + clean + differs + 2 * 18 + sent / 2);
    CHECK(narrow.first == 1);
    CHECK(narrow.second == 1);
}

TEST_CASE("legend items that fit neither beside the ramp nor right of its labels take a further line", "[legend]")
{
    const QFontMetrics fm(QApplication::font());
    const int rampLeft = 60;
    const int swatch = 12 + 3;
    const int differs = swatch + fm.horizontalAdvance(HeatmapLegend::tr("destination differs from source"));
    const DensityPalette colours;
    // Room right of the ramp for one item at a time: the three take three lines, none is dropped.
    const int width = rampLeft + 200 + 24 + differs + 10;
    const QRect rect(0, 0, width, 1);
    const int rows = HeatmapLegend::rows(rect, rampLeft, colours, fm, true);
    CHECK(rows == 3);
    QImage image(width, HeatmapLegend::height(fm, rows), QImage::Format_ARGB32);
    image.fill(Qt::white);
    {
        QPainter p(&image);
        p.setFont(QApplication::font());
        HeatmapLegend::paint(p, image.rect(), rampLeft, colours, QPalette(), fm, true);
    }
    // The difference swatch and both clean-coloured ones (clean, chunk being sent) are painted.
    const QRgb clean = colours.cleanColor().rgb();
    const QRgb difference = DensityPalette::differenceColor().rgb();
    int cleanRuns = 0, differenceRuns = 0;
    for (int line = 0; line < rows; ++line) {
        const int y = line * (fm.height() + 2) + fm.height() / 2;
        bool inClean = false, inDifference = false;
        for (int x = 0; x < image.width(); ++x) {
            const QRgb c = image.pixel(x, y);
            if (line == 0 && x <= rampLeft + 200) {
                continue;  // the ramp
            }
            cleanRuns += c == clean && !inClean;
            differenceRuns += c == difference && !inDifference;
            inClean = c == clean;
            inDifference = c == difference;
        }
    }
    CHECK(cleanRuns == 2);
    CHECK(differenceRuns == 1);
    // A wide view keeps two lines.
    CHECK(HeatmapLegend::rows(QRect(0, 0, 3000, 1), rampLeft, colours, fm, true) == 2);
}
