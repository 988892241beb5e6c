#include <bitmig/chunkgeometry.h>
#include <bitmig/dirtybitmap.h>
#include <bitmig/units.h>
#include <catch2/catch.hpp>
#include <cstdint>
#include <stdexcept>
#include <utility>
#include <vector>

using namespace bitmig;
using units::GiB;
using units::KiB;
using units::MiB;
using units::TiB;

TEST_CASE("ChunkGeometry: coverage of the seed's chunk sizes at 64 KiB granularity", "[chunkgeometry]")
{
    const std::vector<std::pair<uint64_t, uint64_t>> expected = {
        {MiB, 512 * GiB}, {128 * KiB, 64 * GiB}, {32 * KiB, 16 * GiB}, {2 * KiB, GiB}, {KiB, 512 * MiB},
        {512, 256 * MiB}, {256, 128 * MiB},      {32, 16 * MiB},       {2, MiB},
    };
    const auto& seed = ChunkGeometry::seedChunkSizes();
    REQUIRE(seed.size() == expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
        const auto [chunk, coverage] = expected[i];
        INFO("chunk " << chunk);
        CHECK(seed[i] == chunk);
        const ChunkGeometry g = ChunkGeometry::compute(TiB, 64 * KiB, chunk);
        CHECK(g.coverage == coverage);
        CHECK(units::formatSize(g.coverage) == units::formatSize(coverage));
        CHECK(g.coverage == DirtyBitmap::metaCoverage(chunk, 64 * KiB));
        CHECK(g.metaBits == (TiB + coverage - 1) / coverage);
        CHECK(g.fitsRecord);
    }
    CHECK(units::formatSize(ChunkGeometry::compute(TiB, 64 * KiB, MiB).coverage) == "512 GiB");
    CHECK(units::formatSize(ChunkGeometry::compute(TiB, 64 * KiB, KiB).coverage) == "512 MiB");
}

TEST_CASE("ChunkGeometry: reference table of section 6", "[chunkgeometry]")
{
    // Rows: chunk bytes; columns: granularity 512 B, 4 KiB, 64 KiB, 1 MiB.
    const uint64_t grans[] = {512, 4 * KiB, 64 * KiB, MiB};
    struct Row {
        uint64_t chunk;
        uint64_t coverage[4];
    };
    const Row rows[] = {
        {512, {2 * MiB, 16 * MiB, 256 * MiB, 4 * GiB}},
        {KiB, {4 * MiB, 32 * MiB, 512 * MiB, 8 * GiB}},
        {4 * KiB, {16 * MiB, 128 * MiB, 2 * GiB, 32 * GiB}},
        {64 * KiB, {256 * MiB, 2 * GiB, 32 * GiB, 512 * GiB}},
        {MiB, {4 * GiB, 32 * GiB, 512 * GiB, 8 * TiB}},
    };
    for (const Row& row : rows) {
        for (int c = 0; c < 4; ++c) {
            INFO("chunk " << row.chunk << ", granularity " << grans[c]);
            const ChunkGeometry g = ChunkGeometry::compute(TiB, grans[c], row.chunk);
            CHECK(g.coverage == row.coverage[c]);
            CHECK(g.granularity == grans[c]);
            CHECK(g.chunkBytes == row.chunk);
            // The meta bitmap a DirtyBitmap really creates has that granularity.
            DirtyBitmap bm("b", 16 * MiB, grans[c]);
            CHECK((uint64_t(1) << bm.createMeta(row.chunk).granularity()) == row.coverage[c]);
        }
    }
    // 1 MiB chunks at 1 MiB granularity cover 2^34 sectors: too many for a BITS record.
    CHECK_FALSE(ChunkGeometry::compute(TiB, MiB, MiB).fitsRecord);
    CHECK(ChunkGeometry::compute(TiB, MiB, 64 * KiB).fitsRecord);
    // nr_sectors is 32-bit: 2^31 sectors fit, 2^32 do not.
    CHECK(ChunkGeometry::compute(TiB, 64 * KiB, MiB).fitsRecord);
    CHECK(ChunkGeometry::compute(TiB, 128 * KiB, MiB).fitsRecord);       // 1 TiB = 2^31 sectors
    CHECK_FALSE(ChunkGeometry::compute(TiB, 256 * KiB, MiB).fitsRecord); // 2 TiB = 2^32 sectors
}

TEST_CASE("ChunkGeometry: meta bits and bitmap size of a 1 TiB disk at 64 KiB", "[chunkgeometry]")
{
    const std::pair<uint64_t, uint64_t> cases[] = {{KiB, 2048}, {4 * KiB, 512}, {64 * KiB, 32}, {MiB, 2}};
    for (const auto& [chunk, metaBits] : cases) {
        INFO("chunk " << chunk);
        const ChunkGeometry g = ChunkGeometry::compute(TiB, 64 * KiB, chunk);
        CHECK(g.metaBits == metaBits);
        CHECK(g.bitmapBits == uint64_t(1) << 24);
        CHECK(g.bitmapBytes == 2 * MiB);
        CHECK(g.diskBytes == TiB);
    }
    // 2 TiB at 64 KiB: 4 MiB of bitmap.
    CHECK(ChunkGeometry::compute(2 * TiB, 64 * KiB, KiB).bitmapBytes == 4 * MiB);
    // A disk that is not a whole number of granules or chunks rounds up.
    const ChunkGeometry odd = ChunkGeometry::compute(512 * MiB + 512, 64 * KiB, KiB);
    CHECK(odd.bitmapBits == 8193);
    CHECK(odd.bitmapBytes == 1025);
    CHECK(odd.metaBits == 2);
}

TEST_CASE("ChunkGeometry: header, buffer, padding and overhead", "[chunkgeometry]")
{
    const ChunkGeometry k1 = ChunkGeometry::compute(TiB, 64 * KiB, KiB);
    CHECK(k1.headerBytes == 21);
    CHECK(k1.bufBytes == 1024);
    CHECK(k1.paddingBytes == 0);
    CHECK(k1.overhead == Approx(21.0 / 1045.0));
    CHECK(k1.overhead * 100 == Approx(2.01).margin(0.005));

    struct Case {
        uint64_t chunk, buf;
    };
    // Sub-word chunks travel in a whole 64-bit word, and buffers are padded to 32 bytes.
    for (const Case& c : {Case{1, 32}, Case{2, 32}, Case{4, 32}, Case{8, 32}, Case{16, 32}, Case{32, 32},
                          Case{64, 64}, Case{512, 512}, Case{MiB, MiB}}) {
        INFO("chunk " << c.chunk);
        const ChunkGeometry g = ChunkGeometry::compute(GiB, 64 * KiB, c.chunk);
        CHECK(g.headerBytes == 21);
        CHECK(g.bufBytes == c.buf);
        CHECK(g.paddingBytes == c.buf - c.chunk);
        CHECK(g.overhead == Approx(double(21 + c.buf - c.chunk) / double(21 + c.buf)));
    }
    // Overhead falls as chunks grow.
    double previous = 1.0;
    for (uint64_t chunk : ChunkGeometry::allChunkSizes()) {
        const double o = ChunkGeometry::compute(TiB, 64 * KiB, chunk).overhead;
        CHECK(o <= previous);
        previous = o;
    }
}

TEST_CASE("ChunkGeometry: chunk size lists and argument checks", "[chunkgeometry]")
{
    const auto all = ChunkGeometry::allChunkSizes();
    REQUIRE(all.size() == 21);
    for (size_t i = 0; i < all.size(); ++i) {
        CHECK(all[i] == uint64_t(1) << i);
    }
    CHECK(kMaxChunkBytes == MiB);

    for (uint64_t badGran : {uint64_t(0), uint64_t(256), uint64_t(1000), uint64_t(3 * 512)}) {
        INFO("granularity " << badGran);
        CHECK_THROWS_AS(ChunkGeometry::compute(TiB, badGran, KiB), std::invalid_argument);
    }
    for (uint64_t badChunk : {uint64_t(0), uint64_t(3), uint64_t(1000), 2 * MiB}) {
        INFO("chunk " << badChunk);
        CHECK_THROWS_AS(ChunkGeometry::compute(TiB, 64 * KiB, badChunk), std::invalid_argument);
    }
}

TEST_CASE("ChunkGeometry: which streams a QEMU destination loads, aborts on or fails", "[chunkgeometry][qemu]")
{
    using L = ChunkGeometry::QemuLoad;
    constexpr uint64_t KiB = 1024, MiB = 1024 * KiB, GiB = 1024 * MiB, TiB = 1024 * GiB;
    // Below one 64-bit word of bitmap per chunk: the destination aborts (2 B and 4 B); 8 B loads.
    CHECK(ChunkGeometry::compute(1 * TiB, 64 * KiB, 2).qemuLoad == L::Aborts);
    CHECK(ChunkGeometry::compute(1 * TiB, 64 * KiB, 4).qemuLoad == L::Aborts);
    CHECK(ChunkGeometry::compute(1 * TiB, 64 * KiB, 8).qemuLoad == L::Loads);
    // Full chunks up to 8 KiB fit the 10 KiB buffer cap; 16 KiB and more do not, at any granularity.
    for (const uint64_t g : {512 * uint64_t(1), 4 * KiB, 64 * KiB, 1 * MiB}) {
        INFO("granularity " << g);
        CHECK(ChunkGeometry::compute(16 * TiB, g, 8 * KiB).qemuLoad == L::Loads);
        const ChunkGeometry big = ChunkGeometry::compute(16 * TiB, g, 16 * KiB);
        CHECK(big.qemuLoad == L::Fails);
        CHECK(big.largestBufBytes == 16 * KiB);
    }
    // ... unless one chunk holds the whole bitmap: 1.5 GiB at 64 KiB is 24 576 bits, 3 KiB of
    // words, one short chunk of 16 KiB chunks (loaded, as observed); 64 GiB at 64 KiB is 128 KiB of
    // bitmap, so a 1 MiB chunk is one buffer of 128 KiB: refused.
    const ChunkGeometry lone = ChunkGeometry::compute(3 * GiB / 2, 64 * KiB, 16 * KiB);
    CHECK(lone.metaBits == 1);
    CHECK(lone.largestBufBytes == 3 * KiB);
    CHECK(lone.qemuLoad == L::Loads);
    const ChunkGeometry seedRow = ChunkGeometry::compute(64 * GiB, 64 * KiB, 1 * MiB);
    CHECK(seedRow.largestBufBytes == 128 * KiB);
    CHECK(seedRow.qemuLoad == L::Fails);
    // A 2 B chunk that is the whole bitmap (16 bits: a 1 MiB disk at 64 KiB) is aligned at both ends.
    CHECK(ChunkGeometry::compute(1 * MiB, 64 * KiB, 2).qemuLoad == L::Loads);
    // The seed's table at 64 KiB on 4 TiB: 1 MiB, 128 KiB and 32 KiB fail, 2 B aborts, the rest load.
    int loads = 0;
    for (const uint64_t c : ChunkGeometry::seedChunkSizes()) {
        const ChunkGeometry row = ChunkGeometry::compute(4 * TiB, 64 * KiB, c);
        const L expected = c >= 16 * KiB ? L::Fails : c < 8 ? L::Aborts : L::Loads;
        CHECK(row.qemuLoad == expected);
        loads += row.qemuLoad == L::Loads;
    }
    CHECK(loads == 5);
}
