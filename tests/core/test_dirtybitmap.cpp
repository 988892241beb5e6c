#include <bitmig/dirtybitmap.h>
#include <catch2/catch.hpp>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>

using bitmig::DirtyBitmap;
using bitmig::HBitmap;

namespace {

constexpr uint64_t KiB = 1024;
constexpr uint64_t MiB = 1024 * KiB;
constexpr uint64_t GiB = 1024 * MiB;

bool granuleDirty(const DirtyBitmap& bm, uint64_t granule)
{
    return bm.bits().get(granule * bm.granularity());
}

} // namespace

TEST_CASE("DirtyBitmap: granularity must be a power of two of at least 512", "[dirtybitmap]")
{
    for (uint64_t bad : {uint64_t(0), uint64_t(1), uint64_t(256), uint64_t(511), uint64_t(513),
                         uint64_t(1000), uint64_t(1536), uint64_t(3 * 4096), uint64_t(64 * KiB + 512)}) {
        INFO("granularity " << bad);
        CHECK_THROWS_AS(DirtyBitmap("b", MiB, bad), std::invalid_argument);
    }
    for (unsigned log2 = 9; log2 <= 30; ++log2) {
        const uint64_t g = uint64_t(1) << log2;
        INFO("granularity " << g);
        DirtyBitmap bm("b", GiB, g);
        CHECK(bm.granularity() == g);
        CHECK(bm.granularityLog2() == log2);
        CHECK(bm.bitCount() == (GiB + g - 1) / g);
    }
}

TEST_CASE("DirtyBitmap: name length and bitmap size limits", "[dirtybitmap]")
{
    CHECK_NOTHROW(DirtyBitmap(std::string(1023, 'n'), MiB, 512));
    CHECK_THROWS_AS(DirtyBitmap(std::string(1024, 'n'), MiB, 512), std::invalid_argument);
    // 2^51 bytes at 512 B per bit is 2^42 bits, above the 2^41 limit.
    CHECK_THROWS_AS(DirtyBitmap("big", uint64_t(1) << 51, 512), std::invalid_argument);
}

TEST_CASE("DirtyBitmap: geometry of a disk that is not a whole number of granules", "[dirtybitmap]")
{
    DirtyBitmap bm("b", MiB + 512, 64 * KiB);
    CHECK(bm.name() == "b");
    CHECK(bm.diskBytes() == MiB + 512);
    CHECK(bm.bitCount() == 17);
    CHECK(bm.bitmapBytes() == 3);
    CHECK(bm.dirtyBits() == 0);
    CHECK(bm.enabled());
    CHECK_FALSE(bm.busy());
    CHECK_FALSE(bm.persistent());
    CHECK(bm.recording());
    CHECK(bm.successor() == nullptr);
    CHECK(bm.meta() == nullptr);

    // 2 TiB at 64 KiB granularity is 4 MiB of bitmap (reference section 2).
    DirtyBitmap big("b", uint64_t(2) << 40, 64 * KiB);
    CHECK(big.bitmapBytes() == 4 * MiB);
}

TEST_CASE("DirtyBitmap: markDirty marks every granule the write touches", "[dirtybitmap]")
{
    const uint64_t g = 4096;
    DirtyBitmap bm("b", MiB, g);

    SECTION("a write inside one granule")
    {
        bm.markDirty(g + 100, 10);
        CHECK(bm.dirtyBits() == 1);
        CHECK(granuleDirty(bm, 1));
    }
    SECTION("a write straddling a granule boundary dirties both")
    {
        bm.markDirty(2 * g - 512, 1024);
        CHECK(bm.dirtyBits() == 2);
        CHECK(granuleDirty(bm, 1));
        CHECK(granuleDirty(bm, 2));
        CHECK_FALSE(granuleDirty(bm, 0));
        CHECK_FALSE(granuleDirty(bm, 3));
    }
    SECTION("an aligned write of whole granules")
    {
        bm.markDirty(4 * g, 3 * g);
        CHECK(bm.dirtyBits() == 3);
        CHECK(bm.bits().nextDirty(0) == 4 * g);
        CHECK(bm.bits().nextZero(4 * g) == 7 * g);
    }
    SECTION("the last byte of the disk")
    {
        bm.markDirty(MiB - 1, 1);
        CHECK(bm.dirtyBits() == 1);
        CHECK(granuleDirty(bm, MiB / g - 1));
    }
    SECTION("writing twice counts once")
    {
        bm.markDirty(0, g);
        bm.markDirty(0, g);
        CHECK(bm.dirtyBits() == 1);
    }
    SECTION("zero-length writes change nothing")
    {
        bm.markDirty(0, 0);
        bm.markDirty(MiB, 0);
        CHECK(bm.dirtyBits() == 0);
    }
    SECTION("writes past the end are refused")
    {
        CHECK_THROWS_AS(bm.markDirty(MiB, 1), std::out_of_range);
        CHECK_THROWS_AS(bm.markDirty(MiB - 512, 1024), std::out_of_range);
        CHECK_THROWS_AS(bm.markDirty(512, UINT64_MAX), std::out_of_range);
        CHECK(bm.dirtyBits() == 0);
    }
    SECTION("a disabled bitmap records nothing")
    {
        bm.setEnabled(false);
        CHECK_FALSE(bm.recording());
        bm.markDirty(0, MiB);
        CHECK(bm.dirtyBits() == 0);
        bm.setEnabled(true);
        bm.markDirty(0, MiB);
        CHECK(bm.dirtyBits() == MiB / g);
    }
}

TEST_CASE("DirtyBitmap: clearInside clears only granules wholly inside the range", "[dirtybitmap]")
{
    const uint64_t g = 4096;
    DirtyBitmap bm("b", MiB, g);
    bm.markDirty(0, MiB);
    const uint64_t all = MiB / g;
    REQUIRE(bm.dirtyBits() == all);

    SECTION("an aligned range")
    {
        CHECK(bm.clearInside(2 * g, 3 * g) == 3 * g);
        CHECK(bm.dirtyBits() == all - 3);
        CHECK(granuleDirty(bm, 1));
        CHECK_FALSE(granuleDirty(bm, 2));
        CHECK_FALSE(granuleDirty(bm, 4));
        CHECK(granuleDirty(bm, 5));
    }
    SECTION("partly covered granules at both ends stay dirty")
    {
        CHECK(bm.clearInside(2 * g + 512, 3 * g) == 2 * g);
        CHECK(granuleDirty(bm, 2)); // covered from 512 on only
        CHECK_FALSE(granuleDirty(bm, 3));
        CHECK_FALSE(granuleDirty(bm, 4));
        CHECK(granuleDirty(bm, 5)); // covered up to 512 only
        CHECK(bm.dirtyBits() == all - 2);
    }
    SECTION("a range inside one granule clears nothing")
    {
        CHECK(bm.clearInside(g + 512, g - 1024) == 0);
        CHECK(bm.clearInside(g + 1, g) == 0);
        CHECK(bm.dirtyBits() == all);
    }
    SECTION("a range reaching the end of the disk clears the last granule")
    {
        CHECK(bm.clearInside(MiB - g, g) == g);
        CHECK_FALSE(granuleDirty(bm, all - 1));
        CHECK(bm.dirtyBits() == all - 1);
    }
    SECTION("the whole disk")
    {
        CHECK(bm.clearInside(0, MiB) == MiB);
        CHECK(bm.dirtyBits() == 0);
    }
    SECTION("ranges past the end are refused")
    {
        CHECK_THROWS_AS(bm.clearInside(MiB, 512), std::out_of_range);
        CHECK_THROWS_AS(bm.clearInside(0, MiB + 512), std::out_of_range);
        CHECK(bm.clearInside(MiB, 0) == 0);
        CHECK(bm.dirtyBits() == all);
    }
    SECTION("clearAll")
    {
        bm.clearAll();
        CHECK(bm.dirtyBits() == 0);
        CHECK(bm.bits().empty());
    }
}

TEST_CASE("DirtyBitmap: the partial last granule is cleared when the range reaches the disk end",
          "[dirtybitmap]")
{
    const uint64_t g = 64 * KiB;
    DirtyBitmap bm("b", MiB + 512, g); // 16 whole granules and one of 512 bytes
    bm.markDirty(0, MiB + 512);
    REQUIRE(bm.dirtyBits() == 17);
    CHECK(bm.clearInside(MiB, 512) == 512);
    CHECK(bm.dirtyBits() == 16);
    CHECK(bm.clearInside(MiB - g + 512, g - 512) == 0); // granule 15 only partly covered
    CHECK(bm.dirtyBits() == 16);
    CHECK(bm.clearInside(MiB - g, g + 512) == g + 512);
    CHECK(bm.dirtyBits() == 15);
}

TEST_CASE("DirtyBitmap: createSuccessor hands recording over to the successor", "[dirtybitmap][successor]")
{
    DirtyBitmap bm("bitmap0", MiB, 4096);
    bm.setPersistent(true);
    bm.markDirty(0, 4096);

    DirtyBitmap& succ = bm.createSuccessor();
    CHECK(bm.successor() == &succ);
    CHECK(bm.busy());
    CHECK_FALSE(bm.enabled());
    CHECK(succ.enabled());
    CHECK(succ.name().empty());
    CHECK_FALSE(succ.persistent());
    CHECK(succ.granularity() == bm.granularity());
    CHECK(succ.diskBytes() == bm.diskBytes());
    CHECK(bm.recording()); // through the successor
    CHECK(succ.dirtyBits() == 0);

    // Writes go to the enabled successor only.
    bm.markDirty(8 * 4096, 4096);
    CHECK(bm.dirtyBits() == 1);
    CHECK(succ.dirtyBits() == 1);
    CHECK(succ.bits().get(8 * 4096));

    SECTION("a busy bitmap cannot be enabled, disabled or given a second successor")
    {
        CHECK_THROWS_AS(bm.setEnabled(true), std::logic_error);
        CHECK_THROWS_AS(bm.setEnabled(false), std::logic_error);
        CHECK_THROWS_AS(bm.createSuccessor(), std::logic_error);
        CHECK(bm.successor() == &succ);
    }
    SECTION("reclaim merges the successor and restores the recording state")
    {
        bm.reclaim();
        CHECK(bm.successor() == nullptr);
        CHECK_FALSE(bm.busy());
        CHECK(bm.enabled());
        CHECK(bm.recording());
        CHECK(bm.dirtyBits() == 2);
        CHECK(bm.bits().get(0));
        CHECK(bm.bits().get(8 * 4096));
        CHECK(bm.name() == "bitmap0");
        CHECK(bm.persistent());
        CHECK_THROWS_AS(bm.reclaim(), std::logic_error);
        CHECK_THROWS_AS(bm.abdicate(), std::logic_error);
        // Not busy any more: the protocol can run again.
        CHECK_NOTHROW(bm.createSuccessor());
    }
    SECTION("abdicate gives the successor the name and persistence")
    {
        std::unique_ptr<DirtyBitmap> heir = bm.abdicate();
        REQUIRE(heir);
        CHECK(heir->name() == "bitmap0");
        CHECK(heir->persistent());
        CHECK(heir->enabled());
        CHECK(heir->dirtyBits() == 1);
        CHECK(heir->bits().get(8 * 4096));
        CHECK(bm.successor() == nullptr);
        CHECK(bm.name().empty());
        CHECK_FALSE(bm.persistent());
        CHECK_THROWS_AS(bm.abdicate(), std::logic_error);
        CHECK_THROWS_AS(bm.reclaim(), std::logic_error);
    }
}

TEST_CASE("DirtyBitmap: a disabled bitmap gets a disabled successor", "[dirtybitmap][successor]")
{
    DirtyBitmap bm("b", MiB, 512);
    bm.setEnabled(false);
    DirtyBitmap& succ = bm.createSuccessor();
    CHECK_FALSE(succ.enabled());
    CHECK_FALSE(bm.recording());
    bm.markDirty(0, MiB);
    CHECK(bm.dirtyBits() == 0);
    CHECK(succ.dirtyBits() == 0);

    // The successor can be enabled on its own (QEMU enable_successor).
    succ.setEnabled(true);
    CHECK(bm.recording());
    bm.markDirty(0, 1024);
    CHECK(succ.dirtyBits() == 2);
    CHECK(bm.dirtyBits() == 0);

    bm.reclaim();
    CHECK(bm.enabled());
    CHECK_FALSE(bm.busy());
    CHECK(bm.dirtyBits() == 2);
}

TEST_CASE("DirtyBitmap: successor protocol refusals", "[dirtybitmap][successor]")
{
    DirtyBitmap bm("b", MiB, 512);
    CHECK_THROWS_AS(bm.abdicate(), std::logic_error);
    CHECK_THROWS_AS(bm.reclaim(), std::logic_error);

    bm.setBusy(true);
    CHECK_THROWS_AS(bm.createSuccessor(), std::logic_error);
    CHECK_THROWS_AS(bm.setEnabled(false), std::logic_error);
    CHECK(bm.successor() == nullptr);
    CHECK(bm.enabled());
    bm.setBusy(false);
    CHECK_NOTHROW(bm.setEnabled(false));
    CHECK_NOTHROW(bm.createSuccessor());
}

TEST_CASE("DirtyBitmap: the meta bitmap has one bit per chunk of serialized bitmap", "[dirtybitmap][meta]")
{
    const uint64_t g = 64 * KiB;
    const uint64_t disk = 4 * GiB;
    DirtyBitmap bm("b", disk, g);

    CHECK_THROWS_AS(bm.createMeta(0), std::invalid_argument);
    CHECK_THROWS_AS(bm.createMeta(3), std::invalid_argument);
    CHECK_THROWS_AS(bm.createMeta(1000), std::invalid_argument);
    CHECK(bm.meta() == nullptr);

    const uint64_t chunk = 1024; // one chunk covers 1024 * 8 * 64 KiB = 512 MiB of disk
    HBitmap& meta = bm.createMeta(chunk);
    CHECK(bm.meta() == &meta);
    CHECK(DirtyBitmap::metaCoverage(chunk, g) == 512 * MiB);
    CHECK((uint64_t(1) << meta.granularity()) == 512 * MiB);
    CHECK(meta.bitCount() == 8);
    CHECK(meta.empty());
    CHECK_THROWS_AS(bm.createMeta(chunk), std::logic_error);

    // A write marks the chunk that holds its bits.
    bm.markDirty(512 * MiB + 4096, 4096);
    CHECK(meta.count() >> meta.granularity() == 1);
    CHECK(meta.get(512 * MiB));
    CHECK_FALSE(meta.get(0));

    // A write that changes nothing does not mark.
    meta.resetAll();
    bm.markDirty(512 * MiB + 4096, 4096);
    CHECK(meta.empty());

    // A write across a chunk boundary marks both chunks.
    bm.markDirty(GiB - 512, 1024);
    CHECK(meta.get(512 * MiB));
    CHECK(meta.get(GiB));
    CHECK(meta.count() >> meta.granularity() == 2);

    // A clear that changes bits marks its chunk; one that changes nothing does not.
    meta.resetAll();
    CHECK(bm.clearInside(3 * GiB, g) == g); // nothing set there
    CHECK(meta.empty());
    CHECK(bm.clearInside(512 * MiB, g) == g);
    CHECK(meta.get(512 * MiB));
    CHECK(meta.count() >> meta.granularity() == 1);

    bm.freeMeta();
    CHECK(bm.meta() == nullptr);
    CHECK_NOTHROW(bm.createMeta(1));
    CHECK((uint64_t(1) << bm.meta()->granularity()) == 8 * g);
}

TEST_CASE("DirtyBitmap: meta coverage is chunk bytes * 8 * granularity", "[dirtybitmap][meta]")
{
    for (unsigned gl = 9; gl <= 20; gl += 1) {
        for (unsigned cl = 0; cl <= 20; cl += 1) {
            const uint64_t g = uint64_t(1) << gl;
            const uint64_t chunk = uint64_t(1) << cl;
            INFO("granularity " << g << ", chunk " << chunk);
            DirtyBitmap bm("b", 64 * MiB, g);
            const HBitmap& meta = bm.createMeta(chunk);
            CHECK(meta.granularity() == gl + cl + 3);
            CHECK(DirtyBitmap::metaCoverage(chunk, g) == uint64_t(1) << (gl + cl + 3));
            const uint64_t coverage = DirtyBitmap::metaCoverage(chunk, g);
            CHECK(meta.bitCount() == (bm.bitCount() * g + coverage - 1) / coverage);
        }
    }
}
