#include <bitmig/hbitmap.h>
#include <catch2/catch.hpp>

TEST_CASE("a fresh bitmap is empty", "[hbitmap]")
{
    bitmig::HBitmap hb(1000, 3);
    CHECK(hb.empty());
    CHECK(hb.bitCount() == 125);
    hb.set(10, 1);
    CHECK(hb.count() == 8);
    CHECK(hb.nextDirty(0) == 8u);
}
