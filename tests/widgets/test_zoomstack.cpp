#include "widgets/zoomstack.h"

#include <QAction>
#include <QKeySequence>
#include <QSignalSpy>

#include <catch2/catch.hpp>

#include <cstdint>

using bitmig::ZoomStack;

namespace {

constexpr uint64_t kBits = uint64_t(1) << 41;

// |(bit - first) / span - (bit - first') / span'| <= 1 / span', exactly, in 128-bit integers.
bool keepsFraction(uint64_t bit, uint64_t first, uint64_t span, uint64_t newFirst, uint64_t newSpan)
{
    const auto before = static_cast<__int128_t>(bit - first) * newSpan;
    const auto after = static_cast<__int128_t>(bit - newFirst) * span;
    const auto diff = before > after ? before - after : after - before;
    return diff <= static_cast<__int128_t>(span);
}

} // namespace

TEST_CASE("a new zoom stack shows nothing and offers nothing", "[zoom]")
{
    ZoomStack zoom;
    CHECK(zoom.totalBits() == 0);
    CHECK(zoom.spanBits() == 0);
    CHECK_FALSE(zoom.zoomInAction()->isEnabled());
    CHECK_FALSE(zoom.zoomOutAction()->isEnabled());
    CHECK_FALSE(zoom.backAction()->isEnabled());
    zoom.zoomAround(0, 2);
    zoom.panBy(10);
    CHECK(zoom.spanBits() == 0);
}

TEST_CASE("setTotalBits shows the whole bitmap and forgets the history", "[zoom]")
{
    ZoomStack zoom;
    QSignalSpy spy(&zoom, &ZoomStack::rangeChanged);
    zoom.setTotalBits(kBits);
    REQUIRE(spy.count() == 1);
    CHECK(spy.at(0).at(0).value<uint64_t>() == 0);
    CHECK(spy.at(0).at(1).value<uint64_t>() == kBits);
    CHECK(zoom.zoomInAction()->isEnabled());
    CHECK_FALSE(zoom.zoomOutAction()->isEnabled());
    CHECK_FALSE(zoom.resetZoomAction()->isEnabled());

    zoom.zoomTo(100, 200);
    CHECK(zoom.canGoBack());
    zoom.setTotalBits(kBits);  // the same size: nothing changes
    CHECK(zoom.firstBit() == 100);
    CHECK(zoom.canGoBack());
    zoom.setTotalBits(kBits / 2);
    CHECK(zoom.firstBit() == 0);
    CHECK(zoom.endBit() == kBits / 2);
    CHECK_FALSE(zoom.canGoBack());
}

TEST_CASE("zooming around a bit keeps it at the same place in the view", "[zoom]")
{
    ZoomStack zoom;
    zoom.setTotalBits(kBits);
    const double factors[] = {2, 4, 1.41421356, 1000, 0.5, 3};
    const uint64_t anchors[] = {0, 1, kBits / 3, kBits / 2 + 12345, kBits - 1};
    for (const uint64_t anchor : anchors) {
        zoom.resetZoom();
        for (const double factor : factors) {
            const uint64_t first = zoom.firstBit(), span = zoom.spanBits();
            const uint64_t bit = std::clamp(anchor, first, zoom.endBit() - 1);
            zoom.zoomAround(bit, factor);
            INFO("anchor " << anchor << " factor " << factor << " range [" << zoom.firstBit() << ", "
                           << zoom.endBit() << ")");
            CHECK(zoom.endBit() <= kBits);
            CHECK(zoom.firstBit() <= bit);
            CHECK(bit < zoom.endBit());
            CHECK(zoom.spanBits() == std::clamp<uint64_t>(uint64_t(std::llround(double(span) / factor)), 1, kBits));
            // Only clamping at the disk's ends may move the anchor within the view.
            if (zoom.firstBit() > 0 && zoom.endBit() < kBits) {
                CHECK(keepsFraction(bit, first, span, zoom.firstBit(), zoom.spanBits()));
            }
        }
    }
}

TEST_CASE("zoom ranges are exact at 2^41 bits", "[zoom]")
{
    ZoomStack zoom;
    zoom.setTotalBits(kBits);
    zoom.zoomTo(kBits - 10, kBits - 3);
    CHECK(zoom.firstBit() == kBits - 10);
    CHECK(zoom.endBit() == kBits - 3);
    zoom.zoomTo(0, kBits);
    const uint64_t anchor = (uint64_t(1) << 40) + 7;
    zoom.zoomAround(anchor, double(uint64_t(1) << 40));  // down to two bits
    CHECK(zoom.spanBits() == 2);
    CHECK(zoom.firstBit() <= anchor);
    CHECK(anchor < zoom.endBit());
    zoom.panBy(-1);
    zoom.panBy(+1);
    CHECK(zoom.firstBit() <= anchor);
    CHECK(anchor < zoom.endBit());
}

TEST_CASE("back restores the previous ranges in order", "[zoom]")
{
    ZoomStack zoom;
    zoom.setTotalBits(1000);
    zoom.zoomTo(100, 600);
    zoom.zoomAround(350, 5);
    const uint64_t first2 = zoom.firstBit(), end2 = zoom.endBit();
    zoom.zoomTo(300, 310);
    CHECK(zoom.historyDepth() == 3);

    zoom.back();
    CHECK(zoom.firstBit() == first2);
    CHECK(zoom.endBit() == end2);
    zoom.back();
    CHECK(zoom.firstBit() == 100);
    CHECK(zoom.endBit() == 600);
    zoom.back();
    CHECK(zoom.firstBit() == 0);
    CHECK(zoom.endBit() == 1000);
    CHECK_FALSE(zoom.canGoBack());
    CHECK_FALSE(zoom.backAction()->isEnabled());
    zoom.back();  // nothing left: nothing happens
    CHECK(zoom.endBit() == 1000);
}

TEST_CASE("a pan gesture is one step of history, single pans none", "[zoom]")
{
    ZoomStack zoom;
    zoom.setTotalBits(1000);
    zoom.zoomTo(100, 200);
    const size_t depth = zoom.historyDepth();
    zoom.panBy(10);
    CHECK(zoom.historyDepth() == depth);
    CHECK(zoom.firstBit() == 110);

    zoom.beginPan();
    zoom.panBy(5);
    zoom.panBy(5);
    zoom.panBy(-20);
    zoom.endPan();
    CHECK(zoom.firstBit() == 100);
    CHECK(zoom.historyDepth() == depth + 1);
    zoom.back();
    CHECK(zoom.firstBit() == 110);

    zoom.beginPan();  // a click that does not move pushes nothing
    zoom.endPan();
    CHECK(zoom.historyDepth() == depth);
}

TEST_CASE("ranges are clamped to the bitmap and to one bit", "[zoom]")
{
    ZoomStack zoom;
    zoom.setTotalBits(1000);
    zoom.zoomTo(5, 5);
    CHECK(zoom.firstBit() == 5);
    CHECK(zoom.endBit() == 6);
    zoom.zoomTo(2000, 3000);
    CHECK(zoom.firstBit() == 999);
    CHECK(zoom.endBit() == 1000);
    zoom.zoomTo(600, 400);
    CHECK(zoom.firstBit() == 600);
    CHECK(zoom.endBit() == 601);

    zoom.zoomTo(500, 600);
    zoom.panBy(INT64_MIN);
    CHECK(zoom.firstBit() == 0);
    CHECK(zoom.endBit() == 100);
    zoom.panBy(INT64_MAX);
    CHECK(zoom.firstBit() == 900);
    CHECK(zoom.endBit() == 1000);

    zoom.zoomAround(999, 1e9);
    CHECK(zoom.spanBits() == 1);
    CHECK(zoom.firstBit() == 999);
    CHECK_FALSE(zoom.zoomInAction()->isEnabled());
    zoom.zoomAround(999, 2);  // already one bit
    CHECK(zoom.spanBits() == 1);

    zoom.zoomAround(10, 1e-9);
    CHECK(zoom.firstBit() == 0);
    CHECK(zoom.endBit() == 1000);
    CHECK_FALSE(zoom.zoomOutAction()->isEnabled());
}

TEST_CASE("the zoom actions drive the stack and carry the shortcuts", "[zoom]")
{
    ZoomStack zoom;
    zoom.setTotalBits(1024);
    QSignalSpy spy(&zoom, &ZoomStack::rangeChanged);

    zoom.zoomInAction()->trigger();
    CHECK(zoom.firstBit() == 256);
    CHECK(zoom.endBit() == 768);
    CHECK(zoom.zoomOutAction()->isEnabled());
    CHECK(zoom.resetZoomAction()->isEnabled());
    CHECK(zoom.backAction()->isEnabled());

    zoom.zoomOutAction()->trigger();
    CHECK(zoom.firstBit() == 0);
    CHECK(zoom.endBit() == 1024);

    zoom.zoomInAction()->trigger();
    zoom.zoomInAction()->trigger();
    CHECK(zoom.spanBits() == 256);
    zoom.resetZoomAction()->trigger();
    CHECK(zoom.spanBits() == 1024);
    zoom.backAction()->trigger();
    CHECK(zoom.spanBits() == 256);
    CHECK(spy.count() == 6);

    const auto has = [](QAction* a, const QKeySequence& k) { return a->shortcuts().contains(k); };
    CHECK(has(zoom.zoomInAction(), QKeySequence(Qt::CTRL | Qt::Key_Plus)));
    CHECK(has(zoom.zoomInAction(), QKeySequence(Qt::CTRL | Qt::Key_Equal)));
    CHECK(has(zoom.zoomOutAction(), QKeySequence(Qt::CTRL | Qt::Key_Minus)));
    CHECK(has(zoom.resetZoomAction(), QKeySequence(Qt::CTRL | Qt::Key_0)));
    CHECK(has(zoom.backAction(), QKeySequence(Qt::ALT | Qt::Key_Left)));
    CHECK(has(zoom.backAction(), QKeySequence(Qt::Key_Backspace)));
    CHECK(zoom.actions().size() == 4);
}
