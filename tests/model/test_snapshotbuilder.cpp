#include "simsnapshot.h"
#include "snapshotbuilder.h"

#include <bitmig/migrationengine.h>

#include <catch2/catch.hpp>

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
