#include <bitmig/migrationengine.h>
#include <bitmig/simsnapshot.h>
#include <bitmig/random.h>
#include <bitmig/snapshotbuilder.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <bit>
#include <numeric>

using namespace bitmig;

namespace {

uint64_t total(const HeatmapLayer& layer)
{
    return std::accumulate(layer.set.begin(), layer.set.end(), uint64_t(0));
}

// 64 GiB at 64 KiB granularity (2^20 bits, 128 KiB of bitmap) over 1 Mbit/s: the bitmap takes
// about a second to cross, while the guest keeps writing.
SimConfig slowLink(Strategy strategy)
{
    SimConfig c;
    c.diskBytes = uint64_t(64) << 30;
    c.strategy = strategy;
    c.bandwidth = 125000;
    c.migrationStartNs = 100'000'000;
    c.workload.rate = 20000;
    return c;
}

} // namespace

TEST_CASE("once the guest runs at the destination, its own writes there are not shown as differences",
          "[snapshot]")
{
    for (const Strategy strategy : {Strategy::Postcopy, Strategy::Precopy}) {
        INFO(strategyName(strategy));
        MigrationEngine engine(slowLink(strategy));
        const HeatmapRequest whole;  // the whole bitmap, 256 x 32 cells of 128 bits: exact differences
        SimSnapshot before;
        engine.runFor(50'000'000);
        SnapshotBuilder::fill(engine, whole, before);
        CHECK_FALSE(before.differenceMissingOnly);  // nothing received yet

        engine.runToEnd();
        REQUIRE(engine.summary().verified);
        REQUIRE(engine.guestAtDestination());
        SimSnapshot done;
        SnapshotBuilder::fill(engine, whole, done);
        REQUIRE(done.differenceExact);
        CHECK(done.differenceMissingOnly);
        CHECK(total(done.difference) == 0);
        if (strategy == Strategy::Postcopy) {
            // The guest wrote at the destination from the switch-over on: the destination holds bits
            // the frozen source does not, which a plain comparison would paint as differences.
            HeatmapLayer symmetric;
            SnapshotBuilder::fillDifferenceLayer(engine.source().bits(), engine.destination()->bits(),
                                                 done.geometry, done.source, done.destination, symmetric, false);
            CHECK(total(symmetric) > 0);
            CHECK(total(done.destination) > total(done.source));
        }
    }
}

TEST_CASE("during a postcopy the difference counts the source bits still on their way", "[snapshot]")
{
    MigrationEngine engine(slowLink(Strategy::Postcopy));
    engine.runFor(400'000'000);  // switched over, part of the bitmap sent
    REQUIRE(engine.guestAtDestination());
    REQUIRE_FALSE(engine.finished());
    SimSnapshot s;
    SnapshotBuilder::fill(engine, HeatmapRequest{}, s);
    REQUIRE(s.differenceExact);
    CHECK(s.differenceMissingOnly);
    // Exactly the source bits the destination lacks, counted directly.
    const auto src = engine.source().bits().words();
    const auto dst = engine.destination()->bits().words();
    uint64_t missing = 0;
    for (size_t i = 0; i < src.size(); ++i) {
        missing += uint64_t(std::popcount(src[i] & ~dst[i]));
    }
    CHECK(missing > 0);
    CHECK(total(s.difference) == missing);
}

namespace {

// The cells holding each chunk in view form a rectangle: the chunk lies in one row, or fills whole rows.
void checkChunksAreRectangles(const HeatmapGeometry& g, uint64_t chunkBits)
{
    int staircases = 0;
    for (uint64_t first = (g.firstBit() + chunkBits - 1) / chunkBits * chunkBits; first + chunkBits <= g.endBit();
         first += chunkBits) {
        const int a = *g.cellOfBit(first), b = *g.cellOfBit(first + chunkBits - 1);
        const int rowA = a / g.columns(), rowB = b / g.columns();
        const bool oneRow = rowA == rowB;
        const bool wholeRows = a % g.columns() == 0 && b % g.columns() == g.columns() - 1;
        staircases += !(oneRow || wholeRows);
    }
    CHECK(staircases == 0);
}

} // namespace

TEST_CASE("a chunk is drawn as a rectangle, not a staircase, when the rows allow it", "[snapshot][geometry]")
{
    SimConfig c;
    c.diskBytes = uint64_t(64) << 30;  // 2^20 bits
    c.migrationStartNs = -1;
    c.workload.kind = WorkloadKind::Idle;
    // The view asks for 250 x 100 cells: 100 rows of 10485.76 bits each would shift every chunk
    // boundary from one row to the next.
    const HeatmapRequest request{0, 0, 250, 100};
    for (const uint64_t chunkBytes : {uint64_t(1024), uint64_t(4096), uint64_t(64)}) {
        INFO("chunk " << chunkBytes << " B");
        c.chunkBytes = chunkBytes;
        MigrationEngine engine(c);
        SimSnapshot s;
        SnapshotBuilder::fill(engine, request, s);
        CHECK(s.geometry.rows() >= 50);
        CHECK(s.geometry.rows() <= 100);
        CHECK(s.geometry.columns() == 250);
        checkChunksAreRectangles(s.geometry, chunkBytes * 8);
    }
    SECTION("a view whose span no row count near the request divides keeps the rows asked for")
    {
        c.chunkBytes = 1024;
        MigrationEngine engine(c);
        SimSnapshot s;
        const uint64_t prime = 1'000'003;  // bits in view: a prime, no row count but 1 divides it
        SnapshotBuilder::fill(engine, HeatmapRequest{1000, 1000 + prime, 250, 100}, s);
        CHECK(s.geometry.rows() == 100);
    }
}

TEST_CASE("a snapshot tells a run stopped by its time limit from one that finished", "[snapshot]")
{
    SimConfig limited = slowLink(Strategy::Precopy);
    limited.timeLimitNs = 300'000'000;  // the bitmap needs about a second
    MigrationEngine stopped(limited);
    SimSnapshot s;
    stopped.runFor(200'000'000);
    SnapshotBuilder::fill(stopped, HeatmapRequest{}, s);
    CHECK_FALSE(s.finished);
    CHECK_FALSE(s.timeLimitReached);
    stopped.runToEnd();
    SnapshotBuilder::fill(stopped, HeatmapRequest{}, s);
    CHECK(s.finished);
    CHECK(s.phase == Phase::Bulk);
    CHECK(s.timeLimitReached);

    MigrationEngine done(slowLink(Strategy::Precopy));
    done.runToEnd();
    SnapshotBuilder::fill(done, HeatmapRequest{}, s);
    CHECK(s.finished);
    CHECK(s.phase == Phase::Done);
    CHECK_FALSE(s.timeLimitReached);
}

TEST_CASE("the snapshots of a run share the engine's configuration rather than copying it", "[snapshot]")
{
    // A configuration as large as an imported image's: its dirty extents as scheduled injections.
    SimConfig config = slowLink(Strategy::Precopy);
    for (uint64_t i = 0; i < 4096; ++i) {
        config.injections.push_back(Injection{0, Injection::Op::Write, i * (uint64_t(16) << 20), 64 << 10});
    }
    MigrationEngine engine(config);
    SimSnapshot first;
    SnapshotBuilder::fill(engine, HeatmapRequest{}, first);
    engine.runFor(50'000'000);
    SimSnapshot second;
    SnapshotBuilder::fill(engine, HeatmapRequest{}, second);
    // One object for the run: the engine's own, and the same in every snapshot.
    CHECK(first.config.get() == &engine.config());
    CHECK(second.config.get() == first.config.get());
    CHECK(first.config == engine.sharedConfig());
    CHECK(*second.config == config);
    // A snapshot outlives its engine with the configuration it showed.
    const std::shared_ptr<const SimConfig> kept = second.config;
    CHECK(kept.use_count() >= 4);  // the engine, two snapshots and this
    // A new engine for the same parameters (a reset) is a new run with its own object.
    MigrationEngine restarted(config);
    SimSnapshot third;
    SnapshotBuilder::fill(restarted, HeatmapRequest{}, third);
    CHECK(third.config.get() != first.config.get());
    CHECK(*third.config == *first.config);
    // A snapshot made by hand points to the one default configuration, never to nothing.
    const SimSnapshot blank;
    REQUIRE(blank.config);
    CHECK(*blank.config == SimConfig{});
    CHECK(blank.config.get() == SimSnapshot{}.config.get());
}

TEST_CASE("a snapshot of one bitmap: its bits, a second bitmap as the meta band, the range a view asks for", "[snapshot]")
{
    // 1 GiB at 64 KiB: 16384 bits; 2 MiB dirty at the start, 64 KiB of it changed.
    HBitmap bits(uint64_t(1) << 30, 16);
    bits.set(0, uint64_t(2) << 20);
    HBitmap changed(uint64_t(1) << 30, 16);
    changed.set(uint64_t(1) << 20, uint64_t(64) << 10);
    HeatmapRequest request;
    request.columns = 64;
    request.rows = 4;
    request.firstBit = 0;
    request.endBit = 1024;
    const HeatmapGeometry g = SnapshotBuilder::requestedGeometry(bits.bitCount(), request);
    CHECK(g.firstBit() == 0);
    CHECK(g.endBit() == 1024);
    auto s = SnapshotBuilder::ofBitmap(bits, &changed, 1, uint64_t(1) << 30, uint64_t(64) << 10, g);
    CHECK(s->config->diskBytes == uint64_t(1) << 30);
    CHECK(s->config->granularity == uint64_t(64) << 10);
    CHECK(s->dirtyBits == 32);
    CHECK(s->dirtyChunks == 1);
    CHECK(s->chunkBits == 1);
    CHECK(s->chunkCount == 16384);
    CHECK(total(s->source) == 32);
    CHECK(total(s->meta) == 1);
    CHECK(total(s->overview) == 32);
    // No second bitmap: no meta band, no chunks.
    auto alone = SnapshotBuilder::ofBitmap(bits, nullptr, 8, uint64_t(1) << 30, uint64_t(64) << 10, g);
    CHECK(alone->meta.set.empty());
    CHECK(alone->chunkCount == 0);
    CHECK(alone->dirtyChunks == 0);
    // A range past the end, or empty: the whole bitmap.
    request.firstBit = 20000;
    request.endBit = 30000;
    const HeatmapGeometry whole = SnapshotBuilder::requestedGeometry(bits.bitCount(), request);
    CHECK(whole.firstBit() == 0);
    CHECK(whole.endBit() == bits.bitCount());
}

TEST_CASE("a range counted through the density index counts what the words hold", "[snapshot][density]")
{
    // countRange() takes the larger part of an edge block as the block's count less the smaller
    // part: ranges that start and end at every kind of place in their blocks, on a bitmap whose
    // last block is short, dense in places and empty in others.
    const unsigned log2Block = 8;  // blocks of 256 bits
    const uint64_t bits = 40 * 256 + 77;
    HBitmap hb(bits, 0);
    hb.enableDensityIndex(log2Block);
    Random rng(11);
    for (int i = 0; i < 600; ++i) {
        const uint64_t at = rng.below(bits / 2);  // the upper half stays sparse
        hb.set(at, 1 + rng.below(40));
    }
    hb.set(bits - 100, 100);  // into the short last block
    hb.set(30 * 256 + 3, 1);
    const uint64_t block = uint64_t(1) << log2Block;
    std::vector<uint64_t> edges = {0, 1, block / 2 - 1, block / 2, block / 2 + 1, block - 1};
    for (int n = 0; n < 400; ++n) {
        uint64_t first = rng.below(bits);
        uint64_t end = first + 1 + rng.below(bits - first);
        if (n < int(edges.size() * edges.size())) {
            // Every pair of positions within the first and the last block, several blocks apart.
            const uint64_t fb = 1 + rng.below(10), lb = fb + 3 + rng.below(20);
            first = (fb << log2Block) + edges[size_t(n) / edges.size()];
            end = (lb << log2Block) + edges[size_t(n) % edges.size()] + 1;
        }
        if (n == 0) {
            first = 0;
            end = bits;  // the whole bitmap, its short last block included
        } else if (n == 1) {
            first = block + block / 2;
            end = bits - 1;
        }
        CAPTURE(first, end);
        REQUIRE(SnapshotBuilder::countRange(hb, first, end) == hb.countBits(first, end - first));
    }
    // Ranges within one block and across two, longer than half a block: the edges as the difference
    // of two block prefixes.
    for (int n = 0; n < 400; ++n) {
        const uint64_t first = rng.below(bits - 2 * block);
        const uint64_t end = first + block / 2 + 1 + rng.below(block + block / 2);
        CAPTURE(first, end);
        REQUIRE(SnapshotBuilder::countRange(hb, first, end) == hb.countBits(first, end - first));
    }
}

TEST_CASE("a layer's cells counted through the density index, each sharing its first block's count with "
          "the cell before, count what the words hold", "[snapshot][density]")
{
    // fillLayer() takes a cell's first block as the block's count less what the cell before counted
    // of it. Cells of every size against the blocks (within one block, across two, across many; the
    // rows of a zoomed view, whose cells are not contiguous from row to row), over a bitmap dense in
    // places, empty in others (cells skipped as empty break the chain), with a short last block.
    const unsigned log2Block = 8;
    const uint64_t bits = 300 * 256 + 77;
    HBitmap dense(bits, 0);
    dense.enableDensityIndex(log2Block);
    Random rng(5);
    for (int i = 0; i < 3000; ++i) {
        const uint64_t at = rng.below(bits / 3) + (i % 2 ? 2 * bits / 3 - 1 : 0);  // a third left empty
        dense.set(at, std::min<uint64_t>(1 + rng.below(60), bits - at));
    }
    HBitmap plain(dense);  // the same bits, no density index: countBits() per cell
    plain.disableDensityIndex();
    REQUIRE(dense.count() == plain.count());
    const struct {
        uint64_t first, end;
        int columns, rows;
    } views[] = {{0, bits, 64, 4}, {0, bits, 7, 3}, {0, bits, 300, 1}, {0, bits, 1000, 2},
                 {3 * 256 + 17, 250 * 256 + 5, 13, 11}, {100, 200 * 256, 3, 1}, {bits - 5000, bits, 9, 7},
                 {0, bits, 230, 1}, {0, bits, 400, 1}, {0, bits, 133, 2}, {bits / 2, bits, 300, 3},
                 {0, bits, 598, 1}};  // the last: cells of 128 and 129 bits, either side of half a block
    for (const auto& v : views) {
        CAPTURE(v.first, v.end, v.columns, v.rows);
        const HeatmapGeometry geometry(bits, v.first, v.end, v.columns, v.rows);
        HeatmapLayer withIndex, withoutIndex;
        SnapshotBuilder::fillLayer(dense, geometry, withIndex);
        SnapshotBuilder::fillLayer(plain, geometry, withoutIndex);
        CHECK(withIndex.total == withoutIndex.total);
        REQUIRE(withIndex.set == withoutIndex.set);
        uint64_t cellsWithBits = 0;
        for (int i = 0; i < geometry.cells(); ++i) {
            const uint64_t a = geometry.cellFirstBit(i), b = geometry.cellEndBit(i);
            CHECK(withIndex.set[size_t(i)] == dense.countBits(a, b - a));
            cellsWithBits += withIndex.set[size_t(i)] != 0;
        }
        CHECK(cellsWithBits > 0);
    }
}
