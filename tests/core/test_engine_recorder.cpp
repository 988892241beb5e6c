// The engine's Recorder: summary counters, chunk resends, phase spans, passes and time buckets.
#include <bitmig/engine/recorder.h>

#include <catch2/catch.hpp>

#include <cstdint>

using namespace bitmig;
using namespace bitmig::engine;

namespace {

constexpr int64_t kMs = 1'000'000;

SimConfig config()
{
    SimConfig cfg;
    cfg.strategy = Strategy::Postcopy;
    cfg.maxDowntimeNs = 7 * kMs;
    cfg.sampleIntervalNs = 10 * kMs;
    return cfg;
}

} // namespace

TEST_CASE("Recorder: a run starts idle at time 0", "[engine][recorder]")
{
    Recorder r(config(), 100);
    const MigrationSummary& s = r.summary();
    CHECK(s.strategy == Strategy::Postcopy);
    CHECK(s.maxDowntimeNs == 7 * kMs);
    CHECK(s.chunks == 100);
    REQUIRE(s.phases.size() == 1);
    CHECK(s.phases[0] == PhaseSpan{Phase::Idle, 0, 0, -1});
    CHECK_FALSE(s.started);
    CHECK(r.samples().empty());
}

TEST_CASE("Recorder: padding of a record is header, section framing is header", "[engine][recorder]")
{
    Recorder r(config(), 8);
    // A BITS record of 21 header bytes and a 32-byte buffer that holds 8 bytes of bitmap.
    r.recordSent(EncodedSize{21, 32}, 8);
    r.sectionSent(5);
    // A record whose payload is all bitmap.
    r.recordSent(EncodedSize{21, 1024}, 1024);
    const MigrationSummary& s = r.summary();
    CHECK(s.payloadBytes == 8 + 1024);
    CHECK(s.headerBytes == 21 + 24 + 5 + 21);
    CHECK(s.wireBytes == 53 + 5 + 1045);
    CHECK(s.records == 2);  // the section is framing, not a record

    r.sample(3 * kMs, BucketEnd{});
    REQUIRE(r.samples().size() == 1);
    CHECK(r.samples()[0].payloadBytes == 1032);
    CHECK(r.samples()[0].headerBytes == 71);
}

TEST_CASE("Recorder: a chunk sent twice in an attempt is a resend, and a new attempt starts over",
          "[engine][recorder]")
{
    Recorder r(config(), 130);
    r.startAttempt(0);
    r.chunkSent(0, true);
    r.chunkSent(129, false);
    r.chunkSent(64, false);
    r.chunkSent(0, false);
    CHECK(r.summary().chunksSent == 4);
    CHECK(r.summary().chunksZeroes == 1);
    CHECK(r.summary().chunksResent == 1);
    CHECK(r.chunksSentLastTick() == std::vector<uint64_t>{0, 129, 64, 0});
    r.beginTick();
    CHECK(r.chunksSentLastTick().empty());

    r.recordSent(EncodedSize{1, 0}, 0);
    r.summary().retries = 1;
    r.startAttempt(5 * kMs);
    const MigrationSummary& s = r.summary();
    CHECK(s.started);
    CHECK(s.migrationStartNs == 5 * kMs);
    CHECK(s.chunksSent == 0);
    CHECK(s.records == 0);
    CHECK(s.wireBytes == 0);
    CHECK(s.retries == 1);  // not a transfer figure
    r.chunkSent(0, false);
    CHECK(r.summary().chunksResent == 0);
}

TEST_CASE("Recorder: the chunks of the last tick are listed up to a cap", "[engine][recorder]")
{
    Recorder r(config(), 10000);
    r.startAttempt(0);
    for (uint64_t i = 0; i < 5000; ++i) {
        r.chunkSent(i, false);
    }
    CHECK(r.chunksSentLastTick().size() == Recorder::kMaxSentListed);
    CHECK(r.chunksSentLastTick().back() == Recorder::kMaxSentListed - 1);
    CHECK(r.summary().chunksSent == 5000);
}

TEST_CASE("Recorder: phase spans close as the next one opens", "[engine][recorder]")
{
    Recorder r(config(), 8);
    r.enterPhase(2 * kMs, Phase::Setup);
    r.enterPhase(3 * kMs, Phase::Bulk);
    r.enterPhase(9 * kMs, Phase::Dirty, 1);
    r.enterPhase(12 * kMs, Phase::Dirty, 2);
    r.enterPhase(14 * kMs, Phase::Complete);
    r.enterPhase(20 * kMs, Phase::Done);
    const auto& p = r.summary().phases;
    REQUIRE(p.size() == 7);
    CHECK(p[0] == PhaseSpan{Phase::Idle, 0, 0, 2 * kMs});
    CHECK(p[1] == PhaseSpan{Phase::Setup, 0, 2 * kMs, 3 * kMs});
    CHECK(p[3] == PhaseSpan{Phase::Dirty, 1, 9 * kMs, 12 * kMs});
    CHECK(p[4] == PhaseSpan{Phase::Dirty, 2, 12 * kMs, 14 * kMs});
    CHECK(p[6] == PhaseSpan{Phase::Done, 0, 20 * kMs, 20 * kMs});  // closed at once
    CHECK(r.summary().dirtyPasses == 2);
}

TEST_CASE("Recorder: a pass ends once", "[engine][recorder]")
{
    Recorder r(config(), 8);
    CHECK_FALSE(r.passOpen());
    r.endPass(1 * kMs, 5, 1.5, true);  // none open: nothing
    CHECK(r.summary().passes.empty());

    r.beginPass(1 * kMs, 0, 8360);
    CHECK(r.passOpen());
    r.endPass(4 * kMs, 2090, -3.25, false);
    CHECK_FALSE(r.passOpen());
    r.endPass(6 * kMs, 0, 0, true);  // already ended: unchanged
    REQUIRE(r.summary().passes.size() == 1);
    const PassStats& p = r.summary().passes[0];
    CHECK(p.pass == 0);
    CHECK(p.startNs == 1 * kMs);
    CHECK(p.endNs == 4 * kMs);
    CHECK(p.pendingStart == 8360);
    CHECK(p.pendingEnd == 2090);
    CHECK(p.budgetBytes == -3.25);
    CHECK_FALSE(p.endedFitting);
}

TEST_CASE("Recorder: buckets of the sample interval, the last one forced", "[engine][recorder]")
{
    Recorder r(config(), 8);
    CHECK_FALSE(r.sampleDue(0, true));  // an empty bucket is never a sample
    CHECK_FALSE(r.sampleDue(9 * kMs, false));
    CHECK(r.sampleDue(10 * kMs, false));
    r.guestWritesApplied(40);
    r.guestIoApplied(Injection::Op::Clear);
    r.guestIoApplied(Injection::Op::Write);
    r.chunksRedirtied(3);
    r.sample(10 * kMs, BucketEnd{Phase::Dirty, 2, 1000, 500, 77, 4});
    r.guestWritesApplied(1);
    CHECK(r.sampleDue(13 * kMs, true));
    r.sample(13 * kMs, BucketEnd{Phase::Done, 0, 0, 0, 78, 0});

    CHECK(r.summary().writesApplied == 42);
    CHECK(r.summary().clearsApplied == 1);
    const auto samples = r.takeSamples();
    REQUIRE(samples.size() == 2);
    CHECK(r.samples().empty());
    CHECK(samples[0].timeNs == 10 * kMs);
    CHECK(samples[0].durationNs == 10 * kMs);
    CHECK(samples[0].phase == Phase::Dirty);
    CHECK(samples[0].pass == 2);
    CHECK(samples[0].pendingBytes == 1000);
    CHECK(samples[0].thresholdBytes == 500);
    CHECK(samples[0].dirtyBits == 77);
    CHECK(samples[0].dirtyChunks == 4);
    CHECK(samples[0].writes == 42);
    CHECK(samples[0].redirtiedChunks == 3);
    CHECK(samples[1].durationNs == 3 * kMs);
    CHECK(samples[1].writes == 1);  // the bucket starts empty after a sample
    CHECK(samples[1].redirtiedChunks == 0);
}
