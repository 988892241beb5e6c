// HBitmap meta bitmaps (creation, marking rules, truncate) and copy/move semantics.
#include "hbitmap_test_util.hpp"

#include <stdexcept>
#include <utility>

using namespace bitmig_test;

TEST_CASE("HBitmap createMeta geometry", "[hbitmap][meta]")
{
    HBitmap a(100, 2);
    a.set(0, 100);
    HBitmap& m = a.createMeta(4);
    REQUIRE(a.meta() == &m);
    CHECK(m.granularity() == 4);
    CHECK(m.size() == 100);
    CHECK(m.bitCount() == 7);
    CHECK(m.empty());
    CHECK(m.meta() == nullptr);

    HBitmap b(101, 2);
    b.createMeta(1);
    CHECK(b.meta()->granularity() == 2);
    CHECK(b.meta()->size() == 104);
    CHECK(b.meta()->bitCount() == 26);

    HBitmap c(1000, 0);
    c.createMeta(8);
    CHECK(c.meta()->granularity() == 3);
    CHECK(c.meta()->size() == 1000);
    CHECK(c.meta()->bitCount() == 125);

    HBitmap d(uint64_t(1) << 30, 16);
    const HBitmap& dm = d.createMeta(8192);
    CHECK(dm.granularity() == 29);
    CHECK(dm.size() == uint64_t(1) << 30);
    CHECK(dm.bitCount() == 2);
    const HBitmap& cd = d;
    CHECK(cd.meta() == &dm);
}

TEST_CASE("HBitmap createMeta and freeMeta state and argument errors", "[hbitmap][meta][errors]")
{
    HBitmap bm(1000, 1);
    CHECK_THROWS_AS(bm.createMeta(0), std::invalid_argument);
    CHECK_THROWS_AS(bm.createMeta(3), std::invalid_argument);
    CHECK_THROWS_AS(bm.createMeta(6), std::invalid_argument);
    CHECK_THROWS_AS(bm.createMeta(12), std::invalid_argument);
    CHECK(bm.meta() == nullptr);
    CHECK_THROWS_AS(bm.freeMeta(), std::logic_error);

    bm.createMeta(16);
    CHECK_THROWS_AS(bm.createMeta(16), std::logic_error);
    CHECK_THROWS_AS(bm.createMeta(2), std::logic_error);
    REQUIRE(bm.meta() != nullptr);
    CHECK(bm.meta()->granularity() == 5);

    bm.freeMeta();
    CHECK(bm.meta() == nullptr);
    CHECK_THROWS_AS(bm.freeMeta(), std::logic_error);
    bm.set(0, 10); // no meta to mark any more
    bm.createMeta(1);
    CHECK(bm.meta()->granularity() == 1);
    CHECK(bm.meta()->empty());
}

TEST_CASE("HBitmap set marks the whole requested range in the meta bitmap", "[hbitmap][meta]")
{
    SECTION("chunk 1: bit 10 preset, set(8, 5) marks 8..12")
    {
        HBitmap bm(100, 0);
        bm.set(10, 1);
        HBitmap& m = bm.createMeta(1);
        bm.set(8, 5);
        CHECK(iterateAll(m) == std::vector<uint64_t>{8, 9, 10, 11, 12});
        CHECK(m.count() == 5);
    }
    SECTION("rounded outward to the meta granularity")
    {
        HBitmap bm(1000, 0);
        HBitmap& m = bm.createMeta(8);
        bm.set(5, 1);
        CHECK(m.count() == 8);
        CHECK(m.get(0));
        CHECK(m.get(7));
        CHECK_FALSE(m.get(8));
        bm.set(6, 4); // items 6..9, meta granules 0 and 1
        CHECK(m.count() == 16);
        CHECK(iterateAll(m) == std::vector<uint64_t>{0, 8});
    }
    SECTION("with a bitmap granularity")
    {
        HBitmap bm(1000, 2);
        HBitmap& m = bm.createMeta(2); // meta granularity 3
        bm.set(5, 1);
        CHECK(m.count() == 8);
        CHECK(m.get(6));
        CHECK_FALSE(m.get(8));
        bm.set(13, 10); // items 13..22: meta granules 1 and 2
        CHECK(iterateAll(m) == std::vector<uint64_t>{0, 8, 16});
    }
    SECTION("a partly new range marks chunks whose bits did not change")
    {
        HBitmap bm(100, 0);
        bm.set(0, 16);
        HBitmap& m = bm.createMeta(4);
        bm.set(0, 20);
        CHECK(m.count() == 20);
        CHECK(iterateAll(m) == std::vector<uint64_t>{0, 4, 8, 12, 16});
    }
    SECTION("the last granule past the size")
    {
        HBitmap bm(101, 2);
        HBitmap& m = bm.createMeta(1);
        bm.set(100, 1);
        CHECK(m.count() == 4);
        CHECK(m.get(103));
        CHECK(iterateAll(m) == std::vector<uint64_t>{100});
    }
}

TEST_CASE("HBitmap set and reset that change nothing leave the meta bitmap clear", "[hbitmap][meta]")
{
    HBitmap bm(1000, 0);
    bm.set(100, 200);
    HBitmap& m = bm.createMeta(4);
    bm.set(100, 200);
    bm.set(150, 1);
    bm.set(296, 4);
    bm.reset(0, 100);
    bm.reset(300, 700);
    bm.reset(500, 1);
    bm.set(10, 0);
    bm.reset(10, 0);
    CHECK(m.empty());
    CHECK(bm.count() == 200);
}

TEST_CASE("HBitmap reset marks the whole requested range in the meta bitmap", "[hbitmap][meta]")
{
    HBitmap bm(1000, 0);
    bm.set(0, 32);
    HBitmap& m = bm.createMeta(4);
    bm.reset(8, 4);
    CHECK(iterateAll(m) == std::vector<uint64_t>{8});
    m.resetAll();
    bm.reset(8, 4);
    CHECK(m.empty());
    bm.reset(4, 12); // 4..7 and 12..15 change, 8..11 were already clear
    CHECK(iterateAll(m) == std::vector<uint64_t>{4, 8, 12});
    CHECK(m.count() == 12);

    HBitmap g2(1000, 2);
    g2.set(0, 1000);
    HBitmap& m2 = g2.createMeta(4); // meta granularity 4
    g2.reset(20, 8);                // granules 5, 6: meta granule 1
    CHECK(iterateAll(m2) == std::vector<uint64_t>{16});
    g2.reset(996, 4); // tail
    CHECK(iterateAll(m2) == std::vector<uint64_t>{16, 992});
}

TEST_CASE("HBitmap meta catches the changes QEMU's detection misses", "[hbitmap][meta]")
{
    SECTION("reset bit 0 while bit 1 of the same word stays set")
    {
        HBitmap bm(1000, 0);
        bm.set(0, 2);
        HBitmap& m = bm.createMeta(1);
        bm.reset(0, 1);
        CHECK(m.get(0));
        CHECK_FALSE(m.get(1));
        CHECK(m.count() == 1);
        CHECK(bm.get(1));
    }
    SECTION("set(0, 192) with words 0 and 2 full and word 1 = 0x1, chunk 1")
    {
        HBitmap bm(1000, 0);
        bm.set(0, 64);
        bm.set(128, 64);
        bm.set(64, 1);
        HBitmap& m = bm.createMeta(1);
        bm.set(0, 192);
        CHECK(m.count() == 192);
        CHECK(m.nextZero(0) == Opt{192});
        CHECK(bm.count() == 192);
    }
    SECTION("set(0, 192) with words 0 and 2 full and word 1 = 0x1, chunk 64")
    {
        HBitmap bm(1000, 0);
        bm.set(0, 64);
        bm.set(128, 64);
        bm.set(64, 1);
        HBitmap& m = bm.createMeta(64);
        bm.set(0, 192);
        CHECK(iterateAll(m) == std::vector<uint64_t>{0, 64, 128});
    }
}

TEST_CASE("HBitmap meta is not marked by resetAll, merge or deserialize", "[hbitmap][meta]")
{
    HBitmap bm(4096, 0);
    bm.set(0, 1000);
    HBitmap& m = bm.createMeta(8);

    bm.resetAll();
    CHECK(bm.empty());
    CHECK(m.empty());
    REQUIRE(bm.meta() == &m);

    HBitmap other(4096, 0);
    other.set(100, 300);
    bm.merge(other);
    CHECK(bm.count() == 300);
    CHECK(m.empty());

    HBitmap coarse(4096, 6);
    coarse.set(2000, 1); // items 1984..2047
    bm.merge(coarse);
    CHECK(bm.count() == 364);
    CHECK(m.empty());

    bm.deserializeOnes(1024, 1024, true);
    CHECK(bm.count() == 1324);
    bm.deserializeZeroes(0, 1024, true);
    CHECK(bm.count() == 1024);
    std::vector<uint8_t> buf(8, 0x5A);
    bm.deserializePart(buf, 4032, 64, true);
    CHECK(bm.count() == 1024 + 32);
    CHECK(m.empty());
}

TEST_CASE("HBitmap truncate and the meta bitmap", "[hbitmap][meta][truncate]")
{
    SECTION("shrinking marks through the internal reset; a straddling meta granule stays")
    {
        HBitmap bm(100, 0);
        HBitmap& m = bm.createMeta(8);
        bm.set(80, 5);
        m.resetAll();
        bm.truncate(50);
        CHECK(bm.count() == 0);
        REQUIRE(bm.meta() != nullptr);
        const HBitmap& mm = *bm.meta();
        CHECK(mm.size() == 50);
        CHECK(mm.bitCount() == 7);
        CHECK(mm.count() == 8);
        CHECK(mm.get(48));
        CHECK(mm.nextDirty(0) == Opt{48});

        bm.truncate(200);
        const HBitmap& grown = *bm.meta();
        CHECK(grown.size() == 200);
        CHECK(grown.bitCount() == 25);
        CHECK(grown.count() == 8);
        CHECK_FALSE(grown.get(56));
        CHECK(iterateAll(grown) == std::vector<uint64_t>{48});
    }
    SECTION("shrinking at a granularity")
    {
        HBitmap bm(1000, 2);
        bm.createMeta(2); // meta granularity 3
        bm.set(0, 1000);
        bm.meta()->resetAll();
        bm.truncate(497); // 125 granules; reset(500, 500)
        CHECK(bm.count() == 500);
        CHECK(bm.bitCount() == 125);
        const HBitmap& mm = *bm.meta();
        CHECK(mm.size() == 500);
        CHECK(mm.bitCount() == 63);
        CHECK(iterateAll(mm) == std::vector<uint64_t>{496});
    }
    SECTION("shrinking without clearing any bit does not mark")
    {
        HBitmap bm(1000, 0);
        bm.createMeta(1);
        bm.set(0, 10);
        bm.meta()->resetAll();
        bm.truncate(500);
        CHECK(bm.meta()->size() == 500);
        CHECK(bm.meta()->empty());
        CHECK(bm.count() == 10);
    }
    SECTION("truncating within the same bit count leaves the meta bitmap alone")
    {
        HBitmap bm(100, 2);
        bm.createMeta(1);
        bm.set(96, 4);
        bm.meta()->resetAll();
        bm.truncate(97);
        CHECK(bm.meta()->size() == 100);
        CHECK(bm.meta()->empty());
        CHECK(bm.count() == 4);
    }
}

TEST_CASE("HBitmap copy has the bits and no meta bitmap", "[hbitmap][copy]")
{
    HBitmap a(5000, 1);
    a.set(10, 100);
    a.set(4999, 1);
    a.createMeta(4);
    a.set(3000, 1);
    const auto bits = setGranules(a);
    const uint64_t metaCount = a.meta()->count();

    HBitmap b(a);
    CHECK(b.meta() == nullptr);
    CHECK(b.size() == a.size());
    CHECK(b.granularity() == a.granularity());
    CHECK(b.bitCount() == a.bitCount());
    CHECK(b.count() == a.count());
    CHECK(setGranules(b) == bits);

    b.set(2000, 1);
    b.reset(10, 100);
    CHECK(setGranules(a) == bits);
    CHECK(a.meta()->count() == metaCount);

    HBitmap c(10, 5);
    c.createMeta(1);
    c = a;
    CHECK(c.meta() == nullptr);
    CHECK(c.size() == 5000);
    CHECK(c.granularity() == 1);
    CHECK(setGranules(c) == bits);
    CHECK(c.count() == a.count());
    c.set(0, 5000);
    CHECK(setGranules(a) == bits);
    CHECK(a.meta() != nullptr);
}

TEST_CASE("HBitmap move keeps the bits and the meta bitmap", "[hbitmap][copy]")
{
    HBitmap a(5000, 1);
    a.set(10, 100);
    HBitmap& am = a.createMeta(4);
    a.set(3000, 1);
    const auto bits = setGranules(a);
    const auto metaBits = iterateAll(am);

    HBitmap b(std::move(a));
    REQUIRE(b.meta() != nullptr);
    CHECK(setGranules(b) == bits);
    CHECK(iterateAll(*b.meta()) == metaBits);
    CHECK(b.size() == 5000);
    CHECK(b.granularity() == 1);
    b.set(4000, 1);
    CHECK(b.meta()->get(4000));

    HBitmap c(10, 0);
    c = std::move(b);
    REQUIRE(c.meta() != nullptr);
    CHECK(c.size() == 5000);
    CHECK(c.meta()->get(4000));
    CHECK(c.meta()->get(3000));
    c.reset(10, 100);
    CHECK(c.meta()->get(100));
    CHECK(c.count() == 4);
}
