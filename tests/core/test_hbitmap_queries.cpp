// HBitmap position queries (nextDirty, nextZero, nextDirtyArea) and merge.
#include "hbitmap_test_util.hpp"

#include <stdexcept>

using namespace bitmig_test;

TEST_CASE("HBitmap nextZero reference examples at granularity 4", "[hbitmap][queries]")
{
    HBitmap bm(1024, 4);
    bm.set(32, 16); // granule 2, items 32..47
    CHECK(bm.nextZero(35) == Opt{48});
    CHECK(bm.nextZero(50) == Opt{50});
    CHECK(bm.nextZero(32) == Opt{48});
    CHECK(bm.nextZero(47) == Opt{48});
    CHECK(bm.nextZero(0) == Opt{0});
    CHECK(bm.nextZero(31) == Opt{31});
    CHECK(bm.nextZero(35, 13) == kNoPos);
    CHECK(bm.nextZero(35, 14) == Opt{48});
    CHECK(bm.nextZero(1023) == Opt{1023});
    CHECK(bm.nextZero(1024) == kNoPos);
    CHECK(bm.nextZero(10, 0) == kNoPos);
}

TEST_CASE("HBitmap nextDirtyArea reference examples at granularity 4", "[hbitmap][queries]")
{
    HBitmap bm(1024, 4);
    bm.set(32, 16);
    CHECK(bm.nextDirtyArea(35, 1024, 1024) == area(35, 13));
    CHECK(bm.nextDirtyArea(0, 40, 1024) == area(32, 8));
    CHECK(bm.nextDirtyArea(0, 1024, 3) == area(32, 3));
    CHECK(bm.nextDirtyArea(0, 1024, 1024) == area(32, 16));
    CHECK(bm.nextDirtyArea(47, 48, 10) == area(47, 1));
    CHECK(bm.nextDirtyArea(48, 1024, 1024) == kNoRange);
    CHECK(bm.nextDirtyArea(0, 32, 100) == kNoRange);
    CHECK(bm.nextDirtyArea(0, 33, 100) == area(32, 1));
    CHECK(bm.nextDirtyArea(40, 30, 5) == kNoRange);
    CHECK(bm.nextDirtyArea(40, 40, 5) == kNoRange);
    CHECK(bm.nextDirtyArea(0, kToEnd, kToEnd) == area(32, 16));
}

TEST_CASE("HBitmap nextDirty clips to the range and returns max(start, granule start)", "[hbitmap][queries]")
{
    HBitmap bm(1024, 4);
    bm.set(32, 16);
    CHECK(bm.nextDirty(0) == Opt{32});
    CHECK(bm.nextDirty(35) == Opt{35});
    CHECK(bm.nextDirty(47) == Opt{47});
    CHECK(bm.nextDirty(47, 1) == Opt{47});
    CHECK(bm.nextDirty(48) == kNoPos);
    CHECK(bm.nextDirty(0, 32) == kNoPos);
    CHECK(bm.nextDirty(0, 33) == Opt{32});
    CHECK(bm.nextDirty(40, 0) == kNoPos);
    CHECK(bm.nextDirty(1024) == kNoPos);
    CHECK(bm.nextDirty(5000) == kNoPos);

    HBitmap g0(200, 0);
    g0.set(150, 1);
    CHECK(g0.nextDirty(0) == Opt{150});
    CHECK(g0.nextDirty(0, 150) == kNoPos);
    CHECK(g0.nextDirty(0, 151) == Opt{150});
    CHECK(g0.nextDirty(150) == Opt{150});
    CHECK(g0.nextDirty(150, 1) == Opt{150});
    CHECK(g0.nextDirty(151) == kNoPos);
    CHECK(g0.nextDirty(200) == kNoPos);
    CHECK(g0.nextDirty(0, 0) == kNoPos);
    CHECK(g0.nextDirty(100, kToEnd) == Opt{150});
}

TEST_CASE("HBitmap queries around a last granule that straddles the end", "[hbitmap][queries]")
{
    HBitmap bm(1001, 4); // 63 granules, granule 62 covers 992..1007
    REQUIRE(bm.bitCount() == 63);
    bm.set(1000, 1);
    CHECK(bm.count() == 16);
    CHECK(bm.nextDirty(0) == Opt{992});
    CHECK(bm.nextDirty(995) == Opt{995});
    CHECK(bm.nextDirty(1000, 5) == Opt{1000});
    CHECK(bm.nextDirty(0, 992) == kNoPos);
    CHECK(bm.nextZero(992) == kNoPos);
    CHECK(bm.nextZero(991) == Opt{991});
    CHECK(bm.nextZero(0) == Opt{0});
    CHECK(bm.nextDirtyArea(0, 5000, 5000) == area(992, 9));
    CHECK(bm.nextDirtyArea(0, 1001, 4) == area(992, 4));
    CHECK(bm.nextDirtyArea(996, kToEnd, kToEnd) == area(996, 5));
}

TEST_CASE("HBitmap nextZero at granularity 0 and across words", "[hbitmap][queries]")
{
    HBitmap bm(200, 0);
    bm.set(10, 10);
    CHECK(bm.nextZero(10) == Opt{20});
    CHECK(bm.nextZero(10, 10) == kNoPos);
    CHECK(bm.nextZero(10, 11) == Opt{20});
    CHECK(bm.nextZero(5) == Opt{5});
    CHECK(bm.nextZero(199) == Opt{199});
    CHECK(bm.nextZero(200) == kNoPos);
    CHECK(bm.nextZero(0, 0) == kNoPos);

    bm.resetAll();
    bm.set(0, 128);
    CHECK(bm.nextZero(0) == Opt{128});
    CHECK(bm.nextZero(64) == Opt{128});
    CHECK(bm.nextZero(0, 128) == kNoPos);
    CHECK(bm.nextZero(127, 1) == kNoPos);
    CHECK(bm.nextZero(127, 2) == Opt{128});

    bm.set(0, 200);
    CHECK(bm.nextZero(0) == kNoPos);
    CHECK(bm.nextZero(199, 1) == kNoPos);
    CHECK(bm.nextZero(150, kToEnd) == kNoPos);
}

TEST_CASE("HBitmap nextZero with a range limit inside granules", "[hbitmap][queries]")
{
    HBitmap bm(100, 2);
    bm.set(8, 8); // granules 2 and 3
    CHECK(bm.nextZero(9) == Opt{16});
    CHECK(bm.nextZero(8) == Opt{16});
    CHECK(bm.nextZero(7) == Opt{7});
    CHECK(bm.nextZero(17) == Opt{17});
    CHECK(bm.nextZero(9, 7) == kNoPos);
    CHECK(bm.nextZero(9, 8) == Opt{16});
    CHECK(bm.nextZero(15, 1) == kNoPos);
}

TEST_CASE("HBitmap queries over the summary levels of a large bitmap", "[hbitmap][queries]")
{
    HBitmap bm(300000, 0);
    bm.set(0, 262144);
    CHECK(bm.nextZero(0) == Opt{262144});
    CHECK(bm.nextZero(4096) == Opt{262144});
    bm.set(262145, 300000 - 262145);
    CHECK(bm.nextZero(0) == Opt{262144});
    CHECK(bm.nextZero(262145) == kNoPos);
    CHECK(bm.nextZero(100, 262044) == kNoPos);
    CHECK(bm.nextZero(100, 262045) == Opt{262144});
    CHECK(bm.nextDirtyArea(5, kToEnd, kToEnd) == area(5, 262144 - 5));
    CHECK(bm.nextDirtyArea(262144, kToEnd, kToEnd) == area(262145, 300000 - 262145));

    bm.resetAll();
    bm.set(299999, 1);
    CHECK(bm.nextDirty(0) == Opt{299999});
    CHECK(bm.nextDirty(0, 299999) == kNoPos);
    CHECK(bm.nextDirty(4096) == Opt{299999});
    CHECK(bm.nextDirtyArea(0, kToEnd, kToEnd) == area(299999, 1));
    bm.set(64, 1);
    CHECK(bm.nextDirty(1) == Opt{64});
    CHECK(bm.nextDirty(65) == Opt{299999});
}

TEST_CASE("HBitmap nextDirtyArea at granularity 0", "[hbitmap][queries]")
{
    HBitmap bm(1000, 0);
    bm.set(100, 100);
    bm.set(300, 10);
    CHECK(bm.nextDirtyArea(0, 1000, 1000) == area(100, 100));
    CHECK(bm.nextDirtyArea(150, 1000, 1000) == area(150, 50));
    CHECK(bm.nextDirtyArea(0, 150, 1000) == area(100, 50));
    CHECK(bm.nextDirtyArea(200, 1000, 1000) == area(300, 10));
    CHECK(bm.nextDirtyArea(310, 1000, 1000) == kNoRange);
    CHECK(bm.nextDirtyArea(0, 1000, 10) == area(100, 10));
    CHECK(bm.nextDirtyArea(0, 100, 10) == kNoRange);
    CHECK(bm.nextDirtyArea(0, 101, 1000) == area(100, 1));
    CHECK(bm.nextDirtyArea(305, 5000, 1000) == area(305, 5));
    CHECK(bm.nextDirtyArea(500, 500, 1) == kNoRange);
    CHECK(bm.nextDirtyArea(2000, 3000, 1) == kNoRange);
    CHECK(bm.nextDirtyArea(0, kToEnd, kToEnd) == area(100, 100));

    bm.set(990, 10);
    CHECK(bm.nextDirtyArea(400, kToEnd, kToEnd) == area(990, 10));
    CHECK(bm.nextDirtyArea(995, 1000, 1) == area(995, 1));
}

TEST_CASE("HBitmap nextDirtyArea inside and at the end of coarse granules", "[hbitmap][queries]")
{
    HBitmap bm(100, 3); // 13 granules, granule 12 covers 96..103
    bm.set(96, 4);
    CHECK(bm.nextDirtyArea(0, 100, 100) == area(96, 4));
    CHECK(bm.nextDirtyArea(0, 1000, 1000) == area(96, 4));
    CHECK(bm.nextDirtyArea(97, 1000, 2) == area(97, 2));

    HBitmap g3(1000, 3);
    g3.set(16, 8); // granule 2
    CHECK(g3.nextDirtyArea(0, 1000, 1000) == area(16, 8));
    CHECK(g3.nextDirtyArea(18, 1000, 1000) == area(18, 6));
    CHECK(g3.nextDirtyArea(0, 20, 1000) == area(16, 4));
    g3.set(24, 8); // granule 3: the area now runs to 32
    CHECK(g3.nextDirtyArea(18, 1000, 1000) == area(18, 14));
}

TEST_CASE("HBitmap nextDirtyArea with maxCount 0 throws invalid_argument", "[hbitmap][queries][errors]")
{
    HBitmap bm(100, 0);
    bm.set(0, 100);
    CHECK_THROWS_AS(bm.nextDirtyArea(0, 100, 0), std::invalid_argument);
}

TEST_CASE("HBitmap queries with item positions near INT64_MAX", "[hbitmap][queries]")
{
    const uint64_t size = uint64_t(INT64_MAX);
    HBitmap bm(size, 40); // 2^23 granules
    REQUIRE(bm.bitCount() == uint64_t(1) << 23);
    const uint64_t lastStart = ((uint64_t(1) << 23) - 1) << 40;
    bm.set(size - 1, 1);
    CHECK(bm.count() == uint64_t(1) << 40);
    CHECK(bm.get(lastStart));
    CHECK_FALSE(bm.get(lastStart - 1));
    CHECK(bm.nextDirty(0) == Opt{lastStart});
    CHECK(bm.nextDirty(size - 1) == Opt{size - 1});
    CHECK(bm.nextDirty(lastStart + 5, kToEnd) == Opt{lastStart + 5});
    CHECK(bm.nextZero(0) == Opt{0});
    CHECK(bm.nextZero(lastStart) == kNoPos);
    CHECK(bm.nextZero(size - 1, kToEnd) == kNoPos);
    CHECK(bm.nextDirtyArea(0, kToEnd, kToEnd) == area(lastStart, size - lastStart));
    CHECK(bm.nextDirtyArea(1, kToEnd, 7) == area(lastStart, 7));
    CHECK(iterateAll(bm, uint64_t(1) << 62) == std::vector<uint64_t>{lastStart});

    bm.reset(lastStart, size - lastStart); // tail exception
    CHECK(bm.empty());
    bm.set(0, kToEnd);
    CHECK(bm.count() == uint64_t(1) << 63);
    CHECK(bm.nextZero(0) == kNoPos);
    CHECK(bm.nextZero(12345) == kNoPos);
    CHECK(bm.nextDirtyArea(12345, kToEnd, kToEnd) == area(12345, size - 12345));
    bm.reset(uint64_t(1) << 40, uint64_t(1) << 40);
    CHECK(bm.nextZero(5) == Opt{uint64_t(1) << 40});
    CHECK(bm.nextDirtyArea(5, kToEnd, kToEnd) == area(5, (uint64_t(1) << 40) - 5));
}

TEST_CASE("HBitmap merge at the same granularity ORs the bits", "[hbitmap][merge]")
{
    HBitmap a(1000, 0);
    HBitmap b(1000, 0);
    a.set(1, 1);
    a.set(5, 1);
    b.set(5, 1);
    b.set(9, 1);
    b.set(999, 1);
    a.merge(b);
    CHECK(iterateAll(a) == std::vector<uint64_t>{1, 5, 9, 999});
    CHECK(a.count() == 4);
    CHECK(iterateAll(b) == std::vector<uint64_t>{5, 9, 999});
    CHECK(b.count() == 3);

    HBitmap c(100000, 2);
    HBitmap d(100000, 2);
    c.set(0, 50000);
    d.set(40000, 60000);
    c.merge(d);
    CHECK(c.count() == 100000);
    CHECK(c.nextZero(0) == kNoPos);
}

TEST_CASE("HBitmap merge with an empty side", "[hbitmap][merge]")
{
    HBitmap a(5000, 3);
    HBitmap empty(5000, 3);
    a.set(100, 1);
    a.set(4999, 1);
    const auto before = iterateAll(a);

    a.merge(empty);
    CHECK(iterateAll(a) == before);
    CHECK(a.count() == 16);

    HBitmap dst(5000, 3);
    dst.merge(a);
    CHECK(iterateAll(dst) == before);
    CHECK(dst.count() == 16);

    HBitmap e1(5000, 3);
    HBitmap e2(5000, 7);
    e1.merge(empty);
    e1.merge(e2);
    CHECK(e1.empty());
    e2.merge(e1);
    CHECK(e2.empty());

    a.merge(a);
    CHECK(iterateAll(a) == before);

    HBitmap z1(0, 0);
    HBitmap z2(0, 5);
    CHECK_NOTHROW(z1.merge(z2));
    CHECK(z1.empty());
}

TEST_CASE("HBitmap merge across granularities rounds outward to the destination", "[hbitmap][merge]")
{
    SECTION("finer source into a coarser destination")
    {
        HBitmap dst(1000, 4);
        HBitmap src(1000, 2);
        src.set(20, 4); // src granule 5 = items 20..23
        dst.merge(src);
        CHECK(dst.count() == 16);
        CHECK(iterateAll(dst) == std::vector<uint64_t>{16});
        CHECK(src.count() == 4);
    }
    SECTION("coarser source into a finer destination")
    {
        HBitmap dst(1000, 0);
        HBitmap src(1000, 6);
        src.set(0, 1); // items 0..63
        dst.merge(src);
        CHECK(dst.count() == 64);
        CHECK(dst.nextZero(0) == Opt{64});
        CHECK(dst.nextDirtyArea(0, kToEnd, kToEnd) == area(0, 64));
    }
    SECTION("a coarse source granule that straddles the end is clipped to the size")
    {
        HBitmap dst(1000, 0);
        HBitmap src(1000, 6); // granule 15 covers 960..1023
        src.set(999, 1);
        dst.merge(src);
        CHECK(dst.count() == 40);
        CHECK(dst.nextDirty(0) == Opt{960});
        CHECK_FALSE(dst.get(959));
        CHECK(dst.get(999));
    }
    SECTION("a source area crossing a destination granule boundary")
    {
        HBitmap dst(100, 3);
        HBitmap src(100, 2);
        src.set(4, 8); // src granules 1 and 2, items 4..11
        dst.merge(src);
        CHECK(iterateAll(dst) == std::vector<uint64_t>{0, 8});
        CHECK(dst.count() == 16);
    }
    SECTION("several areas, existing destination bits kept")
    {
        HBitmap dst(4096, 5);
        HBitmap src(4096, 1);
        dst.set(4000, 1); // granule 125
        src.set(0, 2);    // -> dst granule 0
        src.set(62, 4);   // items 62..65 -> dst granules 1 and 2
        src.set(4094, 2); // -> dst granule 127
        dst.merge(src);
        CHECK(setGranules(dst) == std::vector<uint64_t>{0, 1, 2, 125, 127});
        CHECK(dst.count() == 5 * 32);
    }
    SECTION("sizes that differ are rejected")
    {
        HBitmap a(100, 0);
        HBitmap b(101, 0);
        HBitmap c(99, 2); // same bit count as (100, 2)
        HBitmap d(100, 2);
        CHECK_THROWS_AS(a.merge(b), std::invalid_argument);
        CHECK_THROWS_AS(b.merge(a), std::invalid_argument);
        CHECK_THROWS_AS(c.merge(d), std::invalid_argument);
        CHECK_THROWS_AS(a.merge(c), std::invalid_argument);
    }
}

TEST_CASE("HBitmap sameBits: true exactly when the words are equal", "[hbitmap]")
{
    std::mt19937_64 rng(7);
    for (int round = 0; round < 50; ++round) {
        const uint64_t n = 1 + rng() % 300000;
        HBitmap a(n, 0);
        for (int i = 0; i < 40; ++i) {
            const uint64_t at = rng() % n;
            a.set(at, std::min<uint64_t>(1 + rng() % 100, n - at));
        }
        HBitmap b(n, 0);
        b.merge(a);
        REQUIRE(b.sameBits(a));
        REQUIRE(a.sameBits(b));
        // One bit more, one bit fewer, or one moved (the same count): different.
        const uint64_t at = rng() % n;
        HBitmap c(n, 0);
        c.merge(a);
        const bool had = c.get(at);
        if (had) {
            c.reset(at, 1);
        } else {
            c.set(at, 1);
        }
        CHECK_FALSE(c.sameBits(a));
        CHECK_FALSE(a.sameBits(c));
        if (const auto first = a.nextDirty(0); first && !had) {
            c.reset(*first, 1);  // as many bits as `a`, one of them elsewhere
            CHECK(c.count() == a.count());
            CHECK_FALSE(c.sameBits(a));
            CHECK_FALSE(a.sameBits(c));
        }
    }
    // Other sizes or granularities are never the same, even empty.
    CHECK_FALSE(HBitmap(1000, 0).sameBits(HBitmap(1001, 0)));
    CHECK_FALSE(HBitmap(1024, 0).sameBits(HBitmap(1024, 1)));
    CHECK(HBitmap(1000, 0).sameBits(HBitmap(1000, 0)));
}
