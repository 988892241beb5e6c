// The senders, one per strategy, driven step by step on a link of their own: what each sends in
// which phase, when it switches, and what it records. Figures are worked out from the stream format.
#include "engine_test_util.hpp"

#include <bitmig/engine/guest.h>
#include <bitmig/engine/link.h>
#include <bitmig/engine/recorder.h>
#include <bitmig/engine/sender.h>

#include <catch2/catch.hpp>

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <vector>

using namespace bitmig;
using namespace bitmig::engine;
using bitmig_engine_test::smallIdleConfig;
using bitmig_engine_test::decodeStream;

namespace {

constexpr uint64_t KiB = 1024;
constexpr uint64_t GiB = uint64_t(1) << 30;
constexpr int64_t kMs = 1'000'000;
constexpr int64_t kUs = 1'000;
constexpr int64_t kSec = 1'000'000'000;

// A data record of a full 1 KiB chunk once the names are sent: flags, sector, count, buf_size
// (1 + 8 + 4 + 8) and the buffer.
constexpr uint64_t kChunkRecord = 21 + 1024;
constexpr uint64_t kZeroesRecord = 1 + 8 + 4;

uint64_t chunkOffset(uint64_t chunk)
{
    return chunk * 512 * 1024 * KiB;  // 8192 bits of 64 KiB
}

// The parts a sender works on, and the engine's tick loop around them.
struct SenderRig {
    explicit SenderRig(const SimConfig& c, uint64_t chunks = 8)
        : cfg(c), source(cfg.bitmapName, cfg.diskBytes, cfg.granularity),
          destination(cfg.deviceName, cfg.bitmapName, cfg.diskBytes, 1 << 20), recorder(cfg, chunks),
          link(cfg.bandwidth, cfg.latencyNs, cfg.tickNs), guest(cfg, source, recorder, observer),
          sender(makeSender(SenderContext{cfg, source, destination, link, guest, recorder}))
    {
        link.setRecordStream(true);
    }

    // As the engine starts an attempt at time 0.
    void start()
    {
        link.reset(0);
        recorder.startAttempt(0);
        source.setBusy(true);
        sender->start(0);
    }
    // One step of the sender at `t`, in a tick that began at `t` (the link's clock moves with it).
    bool step(int64_t t)
    {
        if (!tickOpen || t != now) {
            if (tickOpen) {
                link.endTick();
            }
            now = t;
            link.beginTick(t);
            tickOpen = true;
        }
        return sender->sendNext(t);
    }

    // The engine's tick: send while the link has budget, then deliver what has arrived.
    void tick()
    {
        link.beginTick(now);
        while (link.hasBudget()) {
            if (!sender->sendNext(now)) {
                link.idle();
                break;
            }
        }
        link.endTick();
        now += cfg.tickNs;
        link.deliver(now, [this](std::span<const uint8_t> b) { destination.feed(b); });
    }
    void runUntilEnded()
    {
        while (!destination.ended()) {
            REQUIRE(now < 60 * kSec);
            tick();
        }
    }
    std::vector<RecordKind> kinds() const
    {
        std::vector<RecordKind> k;
        for (const auto& d : decodeStream(link.stream(), false)) {
            k.push_back(d.record.kind);
        }
        return k;
    }
    std::vector<Phase> phases() const
    {
        std::vector<Phase> p;
        for (const PhaseSpan& s : recorder.summary().phases) {
            p.push_back(s.phase);
        }
        return p;
    }

    SimConfig cfg;
    DirtyBitmap source;
    BitmapReceiver destination;
    Recorder recorder;
    Link link;
    Guest::Observer observer;
    Guest guest;
    std::unique_ptr<Sender> sender;
    int64_t now = 0;
    bool tickOpen = false;
};

} // namespace

TEST_CASE("Senders: a chunk's data record", "[engine][sender]")
{
    CHECK(chunkRecordBytes(1024) == kChunkRecord);
    CHECK(chunkRecordBytes(4096) == 21 + 4096);
    CHECK(chunkRecordBytes(1) == 21 + 32);  // at least one word, padded to 32 bytes
    CHECK(chunkRecordBytes(40) == 21 + 64);
}

TEST_CASE("Senders: stop-and-copy pauses at once and sends everything in the complete phase", "[engine][sender]")
{
    SenderRig rig(smallIdleConfig(Strategy::StopAndCopy));
    rig.source.markDirty(0, 64 * KiB);  // chunk 0 holds data, the 7 others are clean
    rig.start();
    CHECK(rig.guest.paused());
    CHECK(rig.sender->phase() == Phase::Setup);
    // Before anything goes: every chunk as a full data record, at 1 byte per microsecond.
    CHECK(rig.sender->pendingBytes() == 8 * kChunkRecord);
    // (Worked out in floating point and rounded down: within a nanosecond.)
    CHECK(std::abs(rig.recorder.summary().expectedDowntimeNs - int64_t(8 * kChunkRecord) * kUs) <= 1);

    rig.runUntilEnded();
    using K = RecordKind;
    CHECK(rig.kinds() == std::vector<K>{K::Start, K::Eos, K::Bits, K::Bits, K::Bits, K::Bits, K::Bits, K::Bits,
                                        K::Bits, K::Bits, K::Complete, K::Eos});
    CHECK(rig.phases() == std::vector<Phase>{Phase::Idle, Phase::Setup, Phase::Complete});
    // At the switch to the complete phase the link still held START's section (26), START with
    // names (1 + 7 + 8 + 4 + 1) and EOS: 48 bytes. Then END's section header, chunk 0 with its
    // names (36 + 1024), 7 ZEROES (the first without names repeated), COMPLETE and EOS.
    const uint64_t exact = 5 + (kChunkRecord) + 7 * kZeroesRecord + 1 + 1;
    CHECK(std::abs(rig.recorder.summary().expectedDowntimeNs - int64_t(48 + exact) * kUs) <= 1);
    CHECK(rig.recorder.summary().chunksSent == 8);
    CHECK(rig.recorder.summary().chunksZeroes == 7);
    CHECK(rig.sender->converged());
    CHECK(rig.destination.bitmap()->bits().sha256() == rig.source.bits().sha256());
}

TEST_CASE("Senders: precopy resends in a dirty pass what the guest wrote during the bulk pass",
          "[engine][sender][precopy]")
{
    SimConfig cfg = smallIdleConfig(Strategy::Precopy);
    cfg.maxDowntimeNs = 1 * kMs;  // 1000 bytes: less than one chunk record
    SenderRig rig(cfg);
    rig.start();
    Sender& s = *rig.sender;
    REQUIRE(rig.source.meta() != nullptr);

    REQUIRE(rig.step(0));  // START
    REQUIRE(rig.step(0));  // the bulk pass opens
    CHECK(s.phase() == Phase::Bulk);
    for (uint64_t c = 0; c < 8; ++c) {
        REQUIRE(rig.step(0));
        CHECK(s.cursorChunk() == c + 1);
    }
    rig.guest.issue({0, Injection::Op::Write, chunkOffset(5) + 4096, 4096});
    rig.guest.issue({0, Injection::Op::Write, chunkOffset(2), 4096});
    CHECK(s.pendingBytes() == 2 * kChunkRecord);

    // The link has long drained at 1 s; two chunks do not fit in 1 ms: a dirty pass.
    REQUIRE(rig.step(1 * kSec));
    CHECK(s.phase() == Phase::Dirty);
    CHECK(s.pass() == 1);
    REQUIRE(rig.step(1 * kSec));
    REQUIRE(rig.step(1 * kSec));
    CHECK(rig.recorder.chunksSentLastTick() == std::vector<uint64_t>{0, 1, 2, 3, 4, 5, 6, 7, 2, 5});
    CHECK(s.pendingBytes() == 0);
    // Nothing is pending, but the two chunks are still on the link (2.09 ms): wait for them.
    CHECK_FALSE(rig.step(1 * kSec));
    CHECK(s.phase() == Phase::Dirty);
    REQUIRE(rig.step(2 * kSec));
    CHECK(s.phase() == Phase::Complete);
    CHECK(rig.guest.paused());
    REQUIRE(rig.step(2 * kSec));  // COMPLETE and EOS
    CHECK_FALSE(rig.step(2 * kSec));

    const MigrationSummary& sum = rig.recorder.summary();
    CHECK(sum.pauseStartNs == 2 * kSec);
    // Behind the pass's closing EOS (all the link holds): END's header, COMPLETE and EOS.
    CHECK(std::abs(sum.expectedDowntimeNs - (1 + 5 + 1 + 1) * kUs) <= 1);
    CHECK(sum.chunksSent == 10);
    CHECK(sum.chunksResent == 2);
    CHECK(sum.dirtyPasses == 1);
    CHECK(s.converged());
    CHECK(rig.phases() ==
          std::vector<Phase>{Phase::Idle, Phase::Setup, Phase::Bulk, Phase::Dirty, Phase::Complete});
    REQUIRE(sum.passes.size() == 2);
    // The budget: 1 ms less 1 ns at 1 byte/us, less EOS, END's header, COMPLETE (names sent) and EOS.
    const double budget = 999.999 - 8;
    CHECK(sum.passes[0].pass == 0);
    CHECK(sum.passes[0].startNs == 0);
    CHECK(sum.passes[0].endNs == 1 * kSec);
    CHECK(sum.passes[0].pendingStart == 8 * kChunkRecord);
    CHECK(sum.passes[0].pendingEnd == 2 * kChunkRecord);
    CHECK(sum.passes[0].budgetBytes == Approx(budget));
    CHECK_FALSE(sum.passes[0].endedFitting);
    CHECK(sum.passes[1].pass == 1);
    CHECK(sum.passes[1].startNs == 1 * kSec);
    CHECK(sum.passes[1].endNs == 2 * kSec);
    CHECK(sum.passes[1].pendingStart == 2 * kChunkRecord);
    CHECK(sum.passes[1].pendingEnd == 0);
    CHECK(sum.passes[1].endedFitting);

    // The stream loads at the destination as the source is.
    rig.link.endTick();
    rig.link.deliver(10 * kSec, [&](std::span<const uint8_t> b) { rig.destination.feed(b); });
    REQUIRE(rig.destination.ended());
    CHECK(rig.destination.bitmap()->bits().sha256() == rig.source.bits().sha256());
}

TEST_CASE("Senders: precopy waits for the link when only queued bytes keep it from pausing",
          "[engine][sender][precopy]")
{
    SimConfig cfg = smallIdleConfig(Strategy::Precopy);
    cfg.maxDowntimeNs = 1 * kMs;
    SenderRig rig(cfg);
    rig.source.markDirty(0, cfg.diskBytes);  // every chunk a data record
    rig.start();
    Sender& s = *rig.sender;
    for (int i = 0; i < 10; ++i) {
        REQUIRE(rig.step(0));  // START, the bulk pass, 8 chunks
    }
    // 8.4 ms of bytes on the link and nothing pending.
    CHECK_FALSE(rig.step(0));
    CHECK(s.phase() == Phase::Bulk);
    REQUIRE(rig.step(9 * kMs));
    CHECK(s.phase() == Phase::Complete);  // straight to it, no dirty pass
    REQUIRE(rig.recorder.summary().passes.size() == 1);
    CHECK(rig.recorder.summary().passes[0].endedFitting);
    CHECK(rig.recorder.summary().passes[0].endNs == 9 * kMs);
}

TEST_CASE("Senders: precopy without dirty passes pauses after the bulk pass, not converged",
          "[engine][sender][precopy]")
{
    SimConfig cfg = smallIdleConfig(Strategy::Precopy);
    cfg.maxDowntimeNs = 1 * kMs;
    cfg.maxPasses = 0;
    SenderRig rig(cfg);
    rig.start();
    Sender& s = *rig.sender;
    for (int i = 0; i < 10; ++i) {
        REQUIRE(rig.step(0));
    }
    rig.guest.issue({0, Injection::Op::Write, chunkOffset(3), 4096});
    rig.guest.issue({0, Injection::Op::Write, chunkOffset(6), 4096});
    REQUIRE(rig.step(1 * kSec));
    CHECK(s.phase() == Phase::Complete);
    CHECK_FALSE(s.converged());
    CHECK(rig.guest.paused());
    // The complete phase sends what the guest dirtied, in disk order.
    REQUIRE(rig.step(1 * kSec));
    CHECK(s.cursorChunk() == 4);
    REQUIRE(rig.step(1 * kSec));
    CHECK(s.cursorChunk() == 7);
    CHECK(rig.recorder.chunksSentLastTick().back() == 6);
    CHECK(s.pendingBytes() == 0);
}

TEST_CASE("Senders: postcopy switches the guest over once the destination knows the bitmap",
          "[engine][sender][postcopy]")
{
    SimConfig cfg = smallIdleConfig(Strategy::Postcopy);
    cfg.latencyNs = 2 * kMs;
    SenderRig rig(cfg);
    rig.start();
    CHECK_FALSE(rig.guest.paused());

    // START (48 bytes) goes at once and arrives at 2.048 ms: it is read at the end of the tick
    // that reaches 3 ms; until then the sender waits.
    rig.tick();
    rig.tick();
    rig.tick();
    CHECK(rig.sender->phase() == Phase::Setup);
    CHECK_FALSE(rig.guest.atDestination());
    CHECK(rig.link.bytesSent() == 48);
    REQUIRE(rig.destination.bitmap() != nullptr);

    rig.tick();
    CHECK(rig.guest.atDestination());
    CHECK(rig.guest.bitmap() == rig.destination.bitmap());
    const MigrationSummary& sum = rig.recorder.summary();
    CHECK(sum.pauseStartNs == 3 * kMs);
    CHECK(sum.downtimeNs == 2 * kMs);  // the link delay, whatever the bitmap's size
    CHECK(sum.expectedDowntimeNs == 2 * kMs);

    rig.guest.issue({0, Injection::Op::Write, chunkOffset(1), 4096});
    rig.runUntilEnded();
    CHECK(rig.phases() == std::vector<Phase>{Phase::Idle, Phase::Setup, Phase::Bulk, Phase::Complete});
    CHECK(sum.passes.empty());
    CHECK_FALSE(rig.guest.paused());
    CHECK(sum.chunksSent == 8);
    CHECK(sum.expectedDowntimeNs == 2 * kMs);  // the complete phase is no downtime here
    CHECK(rig.source.dirtyBits() == 0);         // the write went to the destination
}

TEST_CASE("Senders: the bitmap's short last chunk costs only its own record", "[engine][sender]")
{
    SimConfig cfg = smallIdleConfig(Strategy::StopAndCopy);
    cfg.diskBytes = 4 * GiB + 64 * KiB;  // 65537 bits: a 9th chunk of one bit, one word
    SenderRig rig(cfg, 9);
    rig.start();
    CHECK(rig.sender->chunkCount() == 9);
    CHECK(rig.sender->pendingBytes() == 8 * kChunkRecord + (21 + 32));
    rig.runUntilEnded();
    CHECK(rig.sender->pendingBytes() == 0);
    CHECK(rig.recorder.summary().chunksSent == 9);
}
