// The verification digests computed a slice at a time (MigrationEngine::setDeferredDigests): the
// same digests and verdict as within the tick, the run held in its complete phase meanwhile, every
// slice bounded, and anything that changes the run completing them first.
#include <bitmig/bitmapdigest.h>
#include <bitmig/migrationengine.h>

#include <catch2/catch.hpp>

#include <algorithm>

using namespace bitmig;

namespace {

// 1 TiB at 64 KiB granularity (2^24 bits, 2 MiB of bitmap), precopy with writes until the end.
SimConfig config(Strategy strategy)
{
    SimConfig c;
    c.diskBytes = uint64_t(1) << 40;
    c.strategy = strategy;
    c.bandwidth = 50e6;
    c.migrationStartNs = 0;
    c.workload.kind = WorkloadKind::Uniform;
    c.workload.rate = 20000;
    return c;
}

} // namespace

TEST_CASE("a bitmap digest in slices equals the digest at once", "[engine][digest]")
{
    HBitmap a(uint64_t(1) << 22, 0);
    HBitmap b(uint64_t(1) << 22, 0);
    for (uint64_t i = 0; i < a.bitCount(); i += 4099) {
        a.set(i, 1);
        b.set(i + 7 < b.bitCount() ? i + 7 : i, 1);
    }
    for (const HBitmap* with : std::initializer_list<const HBitmap*>{nullptr, &b}) {
        BitmapDigest d(a, with);
        int calls = 0;
        uint64_t before = 0;
        while (!d.run(10000)) {
            ++calls;
            CHECK(d.bytesDone() - before <= 10000);
            before = d.bytesDone();
            CHECK(d.hex().empty());
        }
        CHECK(calls >= int(d.bytesTotal() / 10000) - 1);
        CHECK(d.bytesDone() == d.bytesTotal());
        CHECK(d.hex() == (with ? a.sha256Union(b) : a.sha256()));
    }
}

TEST_CASE("deferred digests: the run waits in its complete phase and ends as it would have", "[engine][digest]")
{
    for (const Strategy strategy : {Strategy::Precopy, Strategy::Postcopy}) {
        INFO(strategyName(strategy));
        MigrationEngine direct(config(strategy));
        direct.runToEnd();
        const MigrationSummary want = direct.summary();
        REQUIRE(want.verified);
        REQUIRE_FALSE(want.destinationSha256.empty());

        MigrationEngine engine(config(strategy));
        engine.setDeferredDigests(true);
        int ticks = 0;
        while (!engine.finished() && !engine.digestsPending()) {
            engine.step();
            ++ticks;
        }
        REQUIRE(engine.digestsPending());
        // Held where the digests are needed: not finished, no digest or verdict yet.
        const int64_t heldAt = engine.nowNs();
        CHECK(engine.phase() == Phase::Complete);
        CHECK_FALSE(engine.finished());
        CHECK_FALSE(engine.summary().verified);
        // A slice at a time, each bounded, until the run finishes: no tick in between.
        const uint64_t slice = 64 << 10;
        uint64_t before = engine.digestBytesDone();
        int slices = 0;
        while (!engine.computeDigests(slice)) {
            ++slices;
            CHECK(engine.digestBytesDone() - before <= slice);
            CHECK(engine.digestBytesDone() > before);
            before = engine.digestBytesDone();
            CHECK(engine.nowNs() == heldAt);
        }
        // 2 MiB bitmaps in 64 KiB slices: the source's digest; the destination's too where it
        // differs from the source (postcopy: the guest's writes there). A destination with the
        // source's words shares its digest, compared instead of hashed again.
        const HBitmap& destination = engine.destination(0)->bits();
        const bool same = std::equal(destination.words().begin(), destination.words().end(),
                                     engine.source(0).bits().words().begin(), engine.source(0).bits().words().end());
        CHECK(same == (strategy == Strategy::Precopy));
        const uint64_t bitmapBytes = engine.source(0).bits().words().size_bytes();
        CHECK(engine.digestBytesDone() == (same ? 1 : 2) * bitmapBytes);
        CHECK(slices >= (same ? 1 : 2) * 32 - 2);
        CHECK(engine.nowNs() == heldAt);
        // The same outcome, at the same moment, as with the digests inside the tick.
        CHECK(engine.finished());
        const MigrationSummary got = engine.summary();
        CHECK(got.verified);
        CHECK(got.sourceSha256 == want.sourceSha256);
        CHECK(got.expectedSha256 == want.expectedSha256);
        CHECK(got.destinationSha256 == want.destinationSha256);
        CHECK(got.destinationSha256 == destination.sha256());  // shared or hashed: the destination's own
        CHECK(got.downtimeNs == want.downtimeNs);
        CHECK(got.totalTimeNs == want.totalTimeNs);
        CHECK(got.chunksSent == want.chunksSent);
    }
}

TEST_CASE("a tick or guest I/O completes the pending digests first", "[engine][digest]")
{
    MigrationEngine direct(config(Strategy::Precopy));
    direct.runToEnd();
    MigrationEngine engine(config(Strategy::Precopy));
    engine.setDeferredDigests(true);
    while (!engine.digestsPending()) {
        REQUIRE_FALSE(engine.finished());
        engine.step();
    }
    REQUIRE(engine.computeDigests(4096) == false);
    engine.injectWrite(0, 64 << 10);  // the bitmaps change only after the digests of the state before
    CHECK_FALSE(engine.digestsPending());
    CHECK(engine.summary().destinationSha256 == direct.summary().destinationSha256);
    CHECK(engine.summary().verified);
}

TEST_CASE("deferred digests leave the measurements as they were: the last sample is taken at the end",
          "[engine][digest]")
{
    MigrationEngine direct(config(Strategy::Precopy));
    direct.runToEnd();
    MigrationEngine engine(config(Strategy::Precopy));
    engine.setDeferredDigests(true);
    while (!engine.finished()) {
        if (!engine.computeDigests(1 << 16)) {
            continue;
        }
        if (!engine.finished()) {
            engine.step();
        }
    }
    const auto want = direct.takeSamples();
    const auto got = engine.takeSamples();
    REQUIRE(got.size() == want.size());
    uint64_t wire = 0;
    for (size_t i = 0; i < got.size(); ++i) {
        CHECK(got[i].timeNs == want[i].timeNs);
        CHECK(got[i].payloadBytes == want[i].payloadBytes);
        wire += got[i].payloadBytes + got[i].headerBytes;
    }
    CHECK(wire == engine.summary().wireBytes);
}
