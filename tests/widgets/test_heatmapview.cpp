#include "enginerun.h"
#include "tests/support/qtwait.h"
#include "widgets/byteformat.h"
#include "widgets/densitypalette.h"
#include "widgets/heatmapview.h"
#include "widgets/overviewstrip.h"
#include "widgets/zoomstack.h"
#include "tests/support/snapshotconfig.h"

#include <bitmig/migrationengine.h>
#include <bitmig/simsnapshot.h>
#include <bitmig/snapshotbuilder.h>

#include <QApplication>
#include <QDir>
#include <QHelpEvent>
#include <QSignalSpy>
#include <QTest>
#include <QToolTip>
#include <QTranslator>
#include <QWheelEvent>

#include <catch2/catch.hpp>

#include <memory>

using namespace bitmig;
using bitmig::test::editConfig;
using bitmig::test::waitUntil;

namespace {

constexpr uint64_t kGranularity = uint64_t(64) << 10;
constexpr uint64_t kBitsPerCell = 16;
constexpr uint64_t kChunkBits = 128;  // 8 cells per chunk in the whole-disk view

struct Fixture {
    HeatmapView view;

    Fixture()
    {
        view.resize(820, 520);
        view.show();
        REQUIRE(QTest::qWaitForWindowExposed(&view));
    }

    // A snapshot for the view's current request: no bit set anywhere, every layer present.
    std::shared_ptr<SimSnapshot> blank(uint64_t bits = 0, uint64_t diskBytes = 0) const
    {
        const HeatmapRequest r = view.currentRequest();
        if (bits == 0) {
            bits = uint64_t(r.columns) * uint64_t(r.rows) * kBitsPerCell;
        }
        auto s = std::make_shared<SimSnapshot>();
        editConfig(*s).granularity = kGranularity;
        editConfig(*s).diskBytes = diskBytes ? diskBytes : bits * kGranularity;
        editConfig(*s).chunkBytes = kChunkBits / 8;
        const uint64_t end = r.endBit ? r.endBit : bits;
        s->geometry = HeatmapGeometry(bits, r.firstBit, end, r.columns, r.rows);
        s->chunkBits = kChunkBits;
        s->chunkCount = (bits + kChunkBits - 1) / kChunkBits;
        const HeatmapGeometry& g = s->geometry;
        for (HeatmapLayer* layer : {&s->source, &s->destination, &s->difference}) {
            layer->set.assign(size_t(g.cells()), 0);
            layer->total.resize(size_t(g.cells()));
            for (int i = 0; i < g.cells(); ++i) {
                layer->total[size_t(i)] = g.cellEndBit(i) - g.cellFirstBit(i);
            }
        }
        s->meta.set.assign(size_t(g.cells()), 0);
        s->meta.total.resize(size_t(g.cells()));
        for (int i = 0; i < g.cells(); ++i) {
            s->meta.total[size_t(i)] = (g.cellEndBit(i) - 1) / kChunkBits - g.cellFirstBit(i) / kChunkBits + 1;
        }
        s->overviewGeometry = HeatmapGeometry(bits, 0, bits, 256, 1);
        s->overview.set.assign(256, 0);
        s->overview.total.assign(256, 1);
        return s;
    }

    QImage grab() { return view.grab().toImage(); }

    QPoint centre(HeatmapView::Band band, int cell) const
    {
        return view.raster(band).cellRect(cell).center().toPoint();
    }
};

bool near(QRgb a, const QColor& b, int tolerance = 6)
{
    return std::abs(qRed(a) - b.red()) <= tolerance && std::abs(qGreen(a) - b.green()) <= tolerance &&
           std::abs(qBlue(a) - b.blue()) <= tolerance;
}

// Pixels of `colour` inside `area` of `image`.
QList<QPoint> pixelsOf(const QImage& image, const QRect& area, const QColor& colour)
{
    QList<QPoint> out;
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x) {
            if (near(image.pixel(x, y), colour, 2)) {
                out.append(QPoint(x, y));
            }
        }
    }
    return out;
}

void sendWheel(QWidget* w, const QPoint& pos, int angle)
{
    QWheelEvent event(QPointF(pos), QPointF(w->mapToGlobal(pos)), QPoint(), QPoint(0, angle), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(w, &event);
}

} // namespace

TEST_CASE("the legend lists only what the view shows", "[heatmapview]")
{
    HeatmapView view;
    view.resize(900, 400);
    const QString sent = QStringLiteral("chunk being sent");
    const QString differs = QStringLiteral("destination differs from source");
    CHECK(view.legendTexts() == QStringList{QStringLiteral("dirty"), QStringLiteral("clean (no bit set)"), differs, sent});
    view.setShowDestination(false);
    CHECK_FALSE(view.legendTexts().contains(differs));
    CHECK(view.legendTexts().contains(sent));
    const QImage withSent = view.grab().toImage();
    view.setShowsSentChunks(false);
    CHECK(view.legendTexts() == QStringList{QStringLiteral("dirty"), QStringLiteral("clean (no bit set)")});
    // The painted legend loses the swatch too.
    CHECK(view.grab().toImage() != withSent);
    view.setShowsSentChunks(true);
    CHECK(view.legendTexts().contains(sent));
}

TEST_CASE("the view asks for a raster that fills its bands", "[heatmapview]")
{
    Fixture f;
    const HeatmapRequest r = f.view.currentRequest();
    const QRect band = f.view.bandRect(HeatmapView::Band::Source);
    CHECK(r.columns == band.width() / f.view.cellPixels());
    CHECK(r.rows == band.height() / f.view.cellPixels());
    CHECK(f.view.bandRect(HeatmapView::Band::Meta).size() == band.size());
    CHECK(f.view.bandRect(HeatmapView::Band::Destination).size() == band.size());

    QSignalSpy spy(&f.view, &HeatmapView::requestChanged);
    f.view.setShowDestination(false);
    REQUIRE(spy.count() == 1);
    CHECK(spy.at(0).at(0).value<HeatmapRequest>().rows > r.rows);
    CHECK(f.view.bandRect(HeatmapView::Band::Destination).isEmpty());

    f.view.setSnapshot(f.blank());
    spy.clear();
    f.view.zoomStack()->zoomTo(1000, 5000);
    REQUIRE(spy.count() == 1);
    const auto zoomed = spy.at(0).at(0).value<HeatmapRequest>();
    CHECK(zoomed.firstBit == 1000);
    CHECK(zoomed.endBit == 5000);

    spy.clear();
    f.view.resize(600, 400);
    REQUIRE(waitUntil([&] { return !spy.isEmpty(); }, "a request for the new size"));
    REQUIRE(spy.count() == 1);
    CHECK(spy.at(0).at(0).value<HeatmapRequest>().columns == f.view.bandRect(HeatmapView::Band::Source).width() / 4);
    CHECK(f.view.accessibleName().isEmpty() == false);
}

TEST_CASE("a fully dirty cell paints the full colour, a clean one the clean colour", "[heatmapview]")
{
    Fixture f;
    auto s = f.blank();
    const int dirty = 3 * s->geometry.columns() + 17;  // row 3, column 17
    const int half = dirty + 5;
    s->source.set[size_t(dirty)] = s->source.total[size_t(dirty)];
    s->source.set[size_t(half)] = s->source.total[size_t(half)] / 2;
    f.view.setSnapshot(s);
    const QImage image = f.grab();
    const DensityPalette colours = f.view.densityPalette();

    const QRect r = f.view.raster(HeatmapView::Band::Source).cellRect(dirty).toAlignedRect();
    for (int y = r.top(); y <= r.bottom(); ++y) {
        for (int x = r.left(); x <= r.right(); ++x) {
            INFO("pixel " << x << "," << y);
            CHECK(near(image.pixel(x, y), colours.fullColor()));
        }
    }
    CHECK(near(image.pixel(f.centre(HeatmapView::Band::Source, half)), colours.colorAt(0.5)));
    CHECK(near(image.pixel(f.centre(HeatmapView::Band::Source, dirty + 1)), colours.cleanColor()));
    CHECK(near(image.pixel(f.centre(HeatmapView::Band::Source, 0)), colours.cleanColor()));
    // The clean colour is not on the density scale, and the scale ends differ.
    CHECK(colours.cleanColor() != colours.colorAt(1e-9));
    CHECK(colours.colorAt(1e-9) != colours.fullColor());
}

TEST_CASE("a meta bit's footprint lines up with its chunk's source cells", "[heatmapview]")
{
    Fixture f;
    auto s = f.blank();
    const HeatmapGeometry& g = s->geometry;
    const uint64_t chunk = 13;  // crosses no row edge: 8 cells starting at column 104
    for (int cell = 0; cell < g.cells(); ++cell) {
        if (g.cellFirstBit(cell) / kChunkBits == chunk) {
            s->source.set[size_t(cell)] = s->source.total[size_t(cell)];
            s->meta.set[size_t(cell)] = 1;
        }
    }
    f.view.setSnapshot(s);
    const QImage image = f.grab();
    const QColor full = f.view.densityPalette().fullColor();
    int lit = 0;
    for (int cell = 0; cell < 3 * g.columns(); ++cell) {
        const QRectF src = f.view.raster(HeatmapView::Band::Source).cellRect(cell);
        const QRectF meta = f.view.raster(HeatmapView::Band::Meta).cellRect(cell);
        INFO("cell " << cell);
        CHECK(src.left() == meta.left());
        CHECK(src.width() == meta.width());
        const bool srcLit = near(image.pixel(src.center().toPoint()), full);
        const bool metaLit = near(image.pixel(meta.center().toPoint()), full);
        CHECK(srcLit == metaLit);
        CHECK(srcLit == (g.cellFirstBit(cell) / kChunkBits == chunk));
        lit += srcLit;
    }
    CHECK(lit == int(kChunkBits / kBitsPerCell));
}

TEST_CASE("the difference colour appears only where bits differ", "[heatmapview]")
{
    Fixture f;
    auto s = f.blank();
    const int cell = 2 * s->geometry.columns() + 40;
    s->source.set[size_t(cell)] = 5;
    s->difference.set[size_t(cell)] = 5;
    f.view.setSnapshot(s);
    const QImage image = f.grab();
    const QColor accent = DensityPalette::differenceColor();
    CHECK(pixelsOf(image, f.view.bandRect(HeatmapView::Band::Source), accent).isEmpty());
    CHECK(pixelsOf(image, f.view.bandRect(HeatmapView::Band::Meta), accent).isEmpty());
    const QRect differing = f.view.raster(HeatmapView::Band::Destination).cellRect(cell).toAlignedRect();
    const auto found = pixelsOf(image, f.view.bandRect(HeatmapView::Band::Destination), accent);
    CHECK(found.size() == differing.width() * differing.height());
    for (const QPoint& p : found) {
        CHECK(differing.contains(p));
    }

    f.view.setShowDestination(false);
    f.view.setSnapshot(f.blank());
    CHECK(pixelsOf(f.grab(), f.view.rect(), accent).isEmpty());
}

TEST_CASE("sent chunks fade out and the cursor chunk is outlined", "[heatmapview]")
{
    Fixture f;
    // Compared with the same snapshot minus the outline, so a slow machine (a fade already half
    // gone when the grab happens) still passes.
    const auto outlinedAbove = [&](const QImage& plain, const QImage& image, const QRectF& cell) {
        const int x = int(cell.center().x());
        for (int y = int(cell.top()) - 3; y <= int(cell.top()) + 1; ++y) {
            if (std::abs(qGray(plain.pixel(x, y)) - qGray(image.pixel(x, y))) > 25) {
                return true;
            }
        }
        return false;
    };
    f.view.setSnapshot(f.blank());
    const QImage plain = f.grab();

    auto s = f.blank();
    s->sentChunks = {2};
    f.view.setSnapshot(s);
    const QRectF sent = f.view.raster(HeatmapView::Band::Source).cellRect(2 * 8 + 3);
    CHECK(outlinedAbove(plain, f.grab(), sent));
    CHECK(waitUntil([&] { return !outlinedAbove(plain, f.grab(), sent); }, "the sent chunk's outline to fade",
                    HeatmapView::fadeMs + 10000));

    auto bulk = f.blank();
    bulk->phase = Phase::Bulk;
    bulk->cursorChunk = 5;
    f.view.setSnapshot(bulk);
    const QRectF cursor = f.view.raster(HeatmapView::Band::Meta).cellRect(5 * 8 + 4);
    CHECK(outlinedAbove(plain, f.grab(), cursor));
    bulk = f.blank();
    bulk->phase = Phase::Done;
    bulk->cursorChunk = 5;
    f.view.setSnapshot(bulk);
    CHECK_FALSE(outlinedAbove(plain, f.grab(), cursor));
}

TEST_CASE("brush strokes report the disk bytes of the cells touched", "[heatmapview][brush]")
{
    Fixture f;
    f.view.setTool(HeatmapView::Tool::Brush);
    auto s = f.blank();
    f.view.setSnapshot(s);
    const HeatmapGeometry& g = s->geometry;
    const auto bytesOf = [&](int first, int last) {
        return std::pair<uint64_t, uint64_t>{g.cellFirstBit(first) * kGranularity,
                                             (g.cellEndBit(last) - g.cellFirstBit(first)) * kGranularity};
    };
    QSignalSpy spy(&f.view, &HeatmapView::brushStroke);

    SECTION("a click writes one cell")
    {
        const int cell = g.columns() + 10;
        QTest::mouseClick(&f.view, Qt::LeftButton, Qt::NoModifier, f.centre(HeatmapView::Band::Source, cell));
        REQUIRE(spy.count() == 1);
        CHECK(spy.at(0).at(0).value<uint64_t>() == bytesOf(cell, cell).first);
        CHECK(spy.at(0).at(1).value<uint64_t>() == bytesOf(cell, cell).second);
        CHECK(spy.at(0).at(2).toBool() == false);
    }
    SECTION("Ctrl or the right button clears")
    {
        QTest::mouseClick(&f.view, Qt::LeftButton, Qt::ControlModifier, f.centre(HeatmapView::Band::Meta, 7));
        QTest::mouseClick(&f.view, Qt::RightButton, Qt::NoModifier, f.centre(HeatmapView::Band::Destination, 9));
        REQUIRE(spy.count() == 2);
        CHECK(spy.at(0).at(0).value<uint64_t>() == bytesOf(7, 7).first);
        CHECK(spy.at(0).at(2).toBool() == true);
        CHECK(spy.at(1).at(0).value<uint64_t>() == bytesOf(9, 9).first);
        CHECK(spy.at(1).at(2).toBool() == true);
    }
    SECTION("a drag covers every cell it crossed, each once")
    {
        const int from = 2 * g.columns() + 20, to = 2 * g.columns() + 60;
        QTest::mousePress(&f.view, Qt::LeftButton, Qt::NoModifier, f.centre(HeatmapView::Band::Source, from));
        for (int cell = from; cell <= to; cell += 7) {  // larger steps than a cell: no gaps all the same
            QTest::mouseMove(&f.view, f.centre(HeatmapView::Band::Source, cell));
        }
        QTest::mouseMove(&f.view, f.centre(HeatmapView::Band::Source, to));
        QTest::mouseRelease(&f.view, Qt::LeftButton, Qt::NoModifier, f.centre(HeatmapView::Band::Source, to));
        REQUIRE(spy.count() >= 1);
        std::vector<std::pair<uint64_t, uint64_t>> ranges;
        for (const auto& args : spy) {
            ranges.emplace_back(args.at(0).value<uint64_t>(), args.at(1).value<uint64_t>());
            CHECK(args.at(2).toBool() == false);
        }
        std::sort(ranges.begin(), ranges.end());
        uint64_t next = bytesOf(from, from).first;
        for (const auto& [first, length] : ranges) {
            CHECK(first == next);  // contiguous, no overlap
            next = first + length;
        }
        CHECK(next == bytesOf(from, to).first + bytesOf(from, to).second);
    }
    SECTION("strokes stop at the end of the disk")
    {
        auto shortDisk = f.blank(0, g.totalBits() * kGranularity - 512);
        f.view.setSnapshot(shortDisk);
        const int last = g.cells() - 1;
        QTest::mouseClick(&f.view, Qt::LeftButton, Qt::NoModifier, f.centre(HeatmapView::Band::Source, last));
        REQUIRE(spy.count() == 1);
        CHECK(spy.at(0).at(0).value<uint64_t>() == bytesOf(last, last).first);
        CHECK(spy.at(0).at(1).value<uint64_t>() == bytesOf(last, last).second - 512);
    }
    SECTION("other tools never paint")
    {
        f.view.setTool(HeatmapView::Tool::Pan);
        QTest::mouseClick(&f.view, Qt::LeftButton, Qt::NoModifier, f.centre(HeatmapView::Band::Source, 5));
        CHECK(spy.isEmpty());
    }
}

TEST_CASE("the wheel zooms around the cell under the pointer", "[heatmapview][zoom]")
{
    Fixture f;
    auto s = f.blank();
    f.view.setSnapshot(s);
    ZoomStack* zoom = f.view.zoomStack();
    const uint64_t total = zoom->totalBits();
    const int cell = 10 * s->geometry.columns() + 150;
    const QPoint pos = f.centre(HeatmapView::Band::Source, cell);
    const auto bit = f.view.raster(HeatmapView::Band::Source).bitAt(pos);
    REQUIRE(bit.has_value());

    sendWheel(&f.view, pos, 120);
    CHECK(zoom->spanBits() < total);
    CHECK(double(zoom->spanBits()) == Approx(double(total) / std::sqrt(2.0)).margin(1));
    // The bit keeps its place in the view, to within one bit of the new span.
    const double before = double(*bit) / double(total);
    const double after = double(*bit - zoom->firstBit()) / double(zoom->spanBits());
    CHECK(after == Approx(before).margin(1.0 / double(zoom->spanBits())));

    sendWheel(&f.view, pos, 240);
    CHECK(double(zoom->spanBits()) == Approx(double(total) / std::sqrt(8.0)).margin(2));
    sendWheel(&f.view, pos, -360);
    CHECK(zoom->spanBits() == total);
}

TEST_CASE("dragging, rubber bands and the overview move the view", "[heatmapview][zoom]")
{
    Fixture f;
    auto s = f.blank();
    f.view.setSnapshot(s);
    ZoomStack* zoom = f.view.zoomStack();
    const HeatmapGeometry& g = s->geometry;

    SECTION("shift-drag zooms to the cells selected")
    {
        const int a = g.columns() + 30, b = 4 * g.columns() + 10;
        QTest::mousePress(&f.view, Qt::LeftButton, Qt::ShiftModifier, f.centre(HeatmapView::Band::Source, a));
        QTest::mouseMove(&f.view, f.centre(HeatmapView::Band::Source, b));
        QTest::mouseRelease(&f.view, Qt::LeftButton, Qt::ShiftModifier, f.centre(HeatmapView::Band::Source, b));
        CHECK(zoom->firstBit() == g.cellFirstBit(a));
        CHECK(zoom->endBit() == g.cellEndBit(b));
        zoom->back();
        CHECK(zoom->spanBits() == g.totalBits());
    }
    SECTION("a click with the zoom tool zooms in")
    {
        f.view.setTool(HeatmapView::Tool::Zoom);
        QTest::mouseClick(&f.view, Qt::LeftButton, Qt::NoModifier, f.centre(HeatmapView::Band::Meta, 500));
        CHECK(zoom->spanBits() == g.totalBits() / 2);
    }
    SECTION("a pan drag moves the content with the pointer")
    {
        zoom->zoomTo(g.totalBits() / 4, g.totalBits() / 2);
        auto zoomed = f.blank();
        f.view.setSnapshot(zoomed);
        const HeatmapGeometry& z = zoomed->geometry;
        const double bitsPerCell = double(z.spanBits()) / z.cells();
        const uint64_t first = zoom->firstBit();
        const QPoint start = f.centre(HeatmapView::Band::Source, 100);
        QTest::mousePress(&f.view, Qt::LeftButton, Qt::NoModifier, start);
        QTest::mouseMove(&f.view, start + QPoint(-5 * 4, 0));
        QTest::mouseMove(&f.view, start + QPoint(-10 * 4, 0));
        QTest::mouseRelease(&f.view, Qt::LeftButton, Qt::NoModifier, start + QPoint(-10 * 4, 0));
        CHECK(double(zoom->firstBit() - first) == Approx(10 * bitsPerCell).margin(1));
        zoom->back();  // the whole drag is one step
        CHECK(zoom->firstBit() == first);
    }
    SECTION("clicking the overview centres the view there")
    {
        zoom->zoomTo(0, g.totalBits() / 8);
        OverviewStrip* overview = f.view.overviewStrip();
        const QPoint at(overview->width() * 3 / 4, overview->height() / 2);
        QTest::mouseClick(overview, Qt::LeftButton, Qt::NoModifier, at);
        const double centre = double(zoom->firstBit() + zoom->spanBits() / 2) / double(g.totalBits());
        CHECK(centre == Approx(0.75).margin(0.01));
        CHECK(zoom->spanBits() == g.totalBits() / 8);
    }
}

TEST_CASE("tooltips give the exact byte range and the state of the cell", "[heatmapview]")
{
    Fixture f;
    auto s = f.blank();
    const int cell = 5 * s->geometry.columns() + 33;
    s->source.set[size_t(cell)] = 4;
    s->meta.set[size_t(cell)] = 1;
    f.view.setSnapshot(s);
    const uint64_t first = s->geometry.cellFirstBit(cell) * kGranularity;
    const uint64_t end = s->geometry.cellEndBit(cell) * kGranularity;
    const QPoint pos = f.centre(HeatmapView::Band::Meta, cell);

    const QString text = f.view.toolTipAt(pos);
    INFO(text.toStdString());
    CHECK(text.contains(formatExactBytes(first)));
    CHECK(text.contains(formatExactBytes(end - 1)));
    CHECK(text.contains(QLocale().toString(4)));
    CHECK(text.contains(QLocale().toString(qulonglong(s->geometry.cellFirstBit(cell) / kChunkBits))));
    CHECK(f.view.toolTipAt(QPoint(1, 1)).isEmpty());

    QHelpEvent help(QEvent::ToolTip, pos, f.view.mapToGlobal(pos));
    QApplication::sendEvent(&f.view, &help);
    CHECK(QToolTip::text() == text);
    QToolTip::hideText();
}

TEST_CASE("an empty meta band says why there is no meta bitmap", "[heatmapview]")
{
    SimSnapshot s;
    editConfig(s).strategy = Strategy::Precopy;
    s.phase = Phase::Idle;
    CHECK(HeatmapView::metaPlaceholder(s).contains(QStringLiteral("created when the migration starts")));
    s.phase = Phase::Done;
    CHECK(HeatmapView::metaPlaceholder(s).contains(QStringLiteral("freed when the migration completed")));
    s.phase = Phase::Cancelled;
    CHECK(HeatmapView::metaPlaceholder(s).contains(QStringLiteral("cancelled")));
    for (const Strategy strategy : {Strategy::Postcopy, Strategy::StopAndCopy}) {
        editConfig(s).strategy = strategy;
        for (const Phase phase : {Phase::Idle, Phase::Bulk, Phase::Done}) {
            s.phase = phase;
            CHECK(HeatmapView::metaPlaceholder(s).contains(QStringLiteral("only precopy keeps one")));
        }
    }

    // A real precopy run: the meta layer is there while the migration runs, and the placeholder
    // names the end once the engine has freed the meta bitmap.
    MigrationEngine engine(testing::realisticConfig());
    engine.runFor(2'500'000'000);
    REQUIRE(engine.phase() != Phase::Idle);
    REQUIRE(engine.meta() != nullptr);
    engine.runToEnd();
    REQUIRE(engine.phase() == Phase::Done);
    CHECK(engine.meta() == nullptr);
    editConfig(s).strategy = Strategy::Precopy;
    s.phase = engine.phase();
    CHECK(HeatmapView::metaPlaceholder(s).contains(QStringLiteral("completed")));
}

TEST_CASE("snapshots schedule one repaint, never paint at once", "[heatmapview]")
{
    Fixture f;
    struct PaintCounter : QObject {
        int paints = 0;
        bool eventFilter(QObject*, QEvent* e) override
        {
            paints += e->type() == QEvent::Paint;
            return false;
        }
    } counter;
    QCoreApplication::processEvents();
    f.view.installEventFilter(&counter);
    for (int i = 0; i < 20; ++i) {
        auto s = f.blank();
        s->serial = uint64_t(i);
        f.view.setSnapshot(s);
    }
    CHECK(counter.paints == 0);
    QCoreApplication::processEvents();
    CHECK(counter.paints <= 2);
    f.view.removeEventFilter(&counter);
}

// A real engine mid-way through the bulk pass, rendered in light and dark palettes. With
// BITMIG_SCREENSHOT_DIR set, the images are saved there for a person to look at.
TEST_CASE("a live migration renders legibly", "[heatmapview][screenshot]")
{
    SimConfig config;
    config.diskBytes = uint64_t(1) << 40;
    config.granularity = uint64_t(64) << 10;
    config.chunkBytes = 1024;
    config.bandwidth = 12.5e6;
    config.migrationStartNs = -1;
    config.workload.kind = WorkloadKind::HotSpot;
    config.workload.rate = 20000;
    config.workload.hotFraction = 0.1;
    config.workload.hotShare = 0.6;
    MigrationEngine engine(config);
    engine.runFor(2'000'000'000);
    engine.startMigration();
    engine.runFor(90'000'000);

    for (const bool dark : {false, true}) {
        HeatmapView view;
        if (dark) {
            QPalette p = view.palette();
            p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
            p.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
            p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
            p.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
            view.setPalette(p);
        }
        view.resize(1000, 600);
        view.show();
        REQUIRE(QTest::qWaitForWindowExposed(&view));
        auto snapshot = std::make_shared<SimSnapshot>();
        SnapshotBuilder::fill(engine, view.currentRequest(), *snapshot);
        snapshot->sentChunks = engine.chunksSentLastTick();
        view.setSnapshot(snapshot);
        REQUIRE(snapshot->phase == Phase::Bulk);
        const QImage image = view.grab().toImage();
        // Something is dirty, and some cells are clean.
        const DensityPalette colours = view.densityPalette();
        const QRect band = view.bandRect(HeatmapView::Band::Source);
        CHECK(pixelsOf(image, band, colours.cleanColor()).size() > 0);
        CHECK(pixelsOf(image, band, colours.cleanColor()).size() < band.width() * band.height());
        // Zoomed in around the cursor: chunk boundaries and the chunk being sent become visible.
        const uint64_t cursorBit = snapshot->cursorChunk * snapshot->chunkBits;
        view.zoomStack()->zoomTo(cursorBit - 14 * snapshot->chunkBits, cursorBit + 10 * snapshot->chunkBits);
        auto zoomed = std::make_shared<SimSnapshot>();
        SnapshotBuilder::fill(engine, view.currentRequest(), *zoomed);
        view.setSnapshot(zoomed);
        const QImage zoomedImage = view.grab().toImage();
        CHECK(zoomedImage.size() == image.size());

        const QByteArray dir = qgetenv("BITMIG_SCREENSHOT_DIR");
        if (!dir.isEmpty()) {
            const QString theme = dark ? QStringLiteral("dark") : QStringLiteral("light");
            const QDir out(QString::fromLocal8Bit(dir));
            CHECK(image.save(out.filePath(QStringLiteral("heatmapview-%1.png").arg(theme))));
            CHECK(zoomedImage.save(out.filePath(QStringLiteral("heatmapview-%1-zoomed.png").arg(theme))));
        }
    }
}

TEST_CASE("HeatmapView: setBandText paints another title over a band, and an empty title gives its own back",
          "[heatmap][live]")
{
    Fixture f;
    f.view.setSnapshot(f.blank());
    REQUIRE(waitUntil([&] { return f.view.snapshot() != nullptr; }, "the snapshot"));
    // The strip above the source band, where its title is drawn.
    const QRect band = f.view.bandRect(HeatmapView::Band::Source);
    const QRect title(band.left(), 0, band.width(), band.top());
    auto titleImage = [&] {
        QApplication::processEvents();
        return f.grab().copy(title);
    };
    const QImage own = titleImage();
    f.view.setBandText(HeatmapView::Band::Source, QStringLiteral("Dirty bitmap b0 of drive0"), QStringLiteral("2 MiB dirty"));
    const QImage replaced = titleImage();
    CHECK(replaced != own);
    f.view.setBandText(HeatmapView::Band::Source, QString(), QString());
    CHECK(titleImage() == own);
}

TEST_CASE("without its strip, axis and legend the view gives their room to the bands", "[heatmapview]")
{
    HeatmapView full;
    HeatmapView bare;
    bare.setShowOverview(false);
    bare.setShowAxisAndLegend(false);
    for (HeatmapView* v : {&full, &bare}) {
        v->setShowDestination(false);
        v->resize(700, 260);
        v->show();
        REQUIRE(QTest::qWaitForWindowExposed(v));
    }
    CHECK(full.overviewStrip()->isVisible());
    CHECK_FALSE(bare.overviewStrip()->isVisible());
    CHECK(bare.minimumSizeHint().height() < full.minimumSizeHint().height());
    for (HeatmapView::Band b : {HeatmapView::Band::Source, HeatmapView::Band::Meta}) {
        INFO(int(b));
        CHECK(bare.bandRect(b).height() > full.bandRect(b).height());
        CHECK(bare.bandRect(b).bottom() < bare.height());
    }
    // At its minimum size every band still has its minimum height.
    bare.resize(bare.minimumSizeHint());
    REQUIRE(waitUntil([&] { return bare.size() == bare.minimumSizeHint(); }, "the view at its minimum size"));
    for (HeatmapView::Band b : {HeatmapView::Band::Source, HeatmapView::Band::Meta}) {
        CHECK(bare.bandRect(b).height() >= HeatmapView::minBandPixels);
        CHECK(bare.bandRect(b).bottom() < bare.height());
    }
    // And back: the strip, the axis and the legend return.
    bare.setShowOverview(true);
    bare.setShowAxisAndLegend(true);
    CHECK(bare.overviewStrip()->isVisible());
    CHECK(bare.minimumSizeHint() == full.minimumSizeHint());
}

namespace {

// A language whose legend texts are three times as long as the English ones, so the legend needs
// more lines under the bands.
class LongLegendTranslator : public QTranslator {
public:
    bool isEmpty() const override { return false; }
    QString translate(const char* context, const char* source, const char* disambiguation, int n) const override
    {
        Q_UNUSED(disambiguation);
        Q_UNUSED(n);
        if (QByteArrayView(context) != "bitmig::HeatmapLegend" || QByteArrayView(source) == "%1 %") {
            return {};
        }
        const QString text = QString::fromUtf8(source);
        return text + u' ' + text + u' ' + text;
    }
};

} // namespace

TEST_CASE("a language whose legend takes more lines asks for the rows that are left", "[heatmapview][language]")
{
    Fixture f;
    const HeatmapRequest before = f.view.currentRequest();
    const int bandHeight = f.view.bandRect(HeatmapView::Band::Source).height();
    QSignalSpy spy(&f.view, &HeatmapView::requestChanged);
    LongLegendTranslator longer;
    REQUIRE(QCoreApplication::installTranslator(&longer));
    struct Remove {
        QTranslator* t;
        ~Remove() { QCoreApplication::removeTranslator(t); }
    } remove{&longer};
    REQUIRE(waitUntil([&] { return f.view.bandRect(HeatmapView::Band::Source).height() < bandHeight; },
                      "the bands making room for the longer legend"));
    REQUIRE(spy.count() == 1);
    const auto request = spy.at(0).at(0).value<HeatmapRequest>();
    CHECK(request == f.view.currentRequest());
    CHECK(request.rows == f.view.bandRect(HeatmapView::Band::Source).height() / f.view.cellPixels());
    CHECK(request.rows < before.rows);
    CHECK(request.columns == before.columns);
}
