// The engine's Guest: injections in time order, held I/O, where its writes go, the workload and the
// trace.
#include <bitmig/engine/guest.h>
#include <bitmig/engine/recorder.h>
#include <bitmig/streamencoder.h>

#include <catch2/catch.hpp>

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <vector>

using namespace bitmig;
using namespace bitmig::engine;

namespace {

constexpr uint64_t KiB = 1024;
constexpr uint64_t GiB = uint64_t(1) << 30;
constexpr int64_t kMs = 1'000'000;

using Op = Injection::Op;

// 4 GiB at 64 KiB granularity, 1 KiB chunks: 65536 bits, 8 chunks of 512 MiB of disk each.
SimConfig smallConfig()
{
    SimConfig cfg;
    cfg.diskBytes = 4 * GiB;
    cfg.granularity = 64 * KiB;
    cfg.chunkBytes = 1024;
    cfg.workload.kind = WorkloadKind::Idle;
    return cfg;
}

struct GuestRig {
    explicit GuestRig(const SimConfig& c)
        : cfg(c), source(cfg.bitmapName, cfg.diskBytes, cfg.granularity), recorder(cfg, 8),
          guest(cfg, source, recorder, observer)
    {
        observer = [this](const Injection& io) { seen.push_back(io); };
    }
    SimConfig cfg;
    DirtyBitmap source;
    Recorder recorder;
    Guest::Observer observer;
    Guest guest;
    std::vector<Injection> seen;
};

// A destination that has read START, so it has a bitmap.
std::unique_ptr<BitmapReceiver> startedDestination(const SimConfig& cfg)
{
    auto r = std::make_unique<BitmapReceiver>(cfg.deviceName, cfg.bitmapName, cfg.diskBytes, 1 << 20);
    StreamEncoder enc;
    std::vector<uint8_t> bytes;
    enc.beginSection(SectionType::Start, 1, bytes);
    enc.encode(StreamRecord::start(cfg.deviceName, cfg.bitmapName, uint32_t(cfg.granularity), stream::kStartEnabled),
               bytes);
    enc.encode(StreamRecord::eos(), bytes);
    r->feed(bytes);
    REQUIRE(r->bitmap() != nullptr);
    return r;
}

} // namespace

TEST_CASE("Guest: injections apply in time order, equal times in the order given", "[engine][guest]")
{
    SimConfig cfg = smallConfig();
    cfg.injections = {{5 * kMs, Op::Write, 0, 4096},
                      {1 * kMs, Op::Write, 1 * GiB, 4096},
                      {3 * kMs, Op::Clear, 0, 64 * KiB},
                      {1 * kMs, Op::Write, 2 * GiB, 4096}};
    GuestRig rig(cfg);

    rig.guest.applyInjectionsBefore(3 * kMs);  // the tick [2 ms, 3 ms) and all before it
    REQUIRE(rig.seen.size() == 2);
    CHECK(rig.seen[0].offset == 1 * GiB);
    CHECK(rig.seen[1].offset == 2 * GiB);
    rig.guest.applyInjectionsDueBy(3 * kMs);  // "now": a time equal to now is due
    REQUIRE(rig.seen.size() == 3);
    CHECK(rig.seen[2].op == Op::Clear);
    rig.guest.applyInjectionsBefore(5 * kMs);
    CHECK(rig.seen.size() == 3);
    rig.guest.applyInjectionsBefore(6 * kMs);
    CHECK(rig.seen.size() == 4);
    CHECK(rig.source.dirtyBits() == 3);  // the clear at 3 ms came before the write at 5 ms
    CHECK(rig.recorder.summary().writesApplied == 3);
    CHECK(rig.recorder.summary().clearsApplied == 1);
}

TEST_CASE("Guest: I/O past the disk end is refused", "[engine][guest]")
{
    GuestRig rig(smallConfig());
    CHECK_THROWS_AS(rig.guest.issue({0, Op::Write, 4 * GiB, 512}), std::out_of_range);
    CHECK_THROWS_WITH(rig.guest.issue({0, Op::Clear, 4 * GiB - 512, 1024}),
                      "clear [4294966784, +1024) is past the end of the disk");
    rig.guest.issue({0, Op::Write, 4 * GiB - 512, 512});  // the last sector is fine
    CHECK(rig.source.dirtyBits() == 1);
}

TEST_CASE("Guest: a paused guest's I/O waits, in order, until it is released", "[engine][guest]")
{
    GuestRig rig(smallConfig());
    rig.guest.pause();
    rig.guest.issue({0, Op::Write, 0, 128 * KiB});
    rig.guest.issue({0, Op::Clear, 0, 64 * KiB});
    CHECK(rig.guest.heldIo() == 2);
    CHECK(rig.source.dirtyBits() == 0);
    rig.guest.resume();
    // Resumed, but something still waits: new I/O queues behind it.
    rig.guest.issue({0, Op::Write, 1 * GiB, 4096});
    CHECK(rig.guest.heldIo() == 3);
    rig.guest.releaseHeldIo();
    CHECK(rig.guest.heldIo() == 0);
    REQUIRE(rig.seen.size() == 3);
    CHECK(rig.seen[1].op == Op::Clear);
    CHECK(rig.source.dirtyBits() == 2);  // bit 1 of the write, and the later write's bit
}

TEST_CASE("Guest: a paused guest writes nothing from its workload", "[engine][guest]")
{
    SimConfig cfg = smallConfig();
    cfg.workload.kind = WorkloadKind::Uniform;
    cfg.workload.rate = 100'000;
    GuestRig rig(cfg);
    rig.guest.pause();
    rig.guest.runWorkload(0);
    CHECK(rig.source.dirtyBits() == 0);
    CHECK(rig.guest.heldIo() == 0);  // not held either: a paused guest issues nothing
    rig.guest.resume();
    rig.guest.runWorkload(1 * kMs);
    CHECK(rig.source.dirtyBits() > 0);
}

TEST_CASE("Guest: at the destination its writes go there, and a clear waits for COMPLETE", "[engine][guest]")
{
    const SimConfig cfg = smallConfig();
    GuestRig rig(cfg);
    BitmapReceiver empty(cfg.deviceName, cfg.bitmapName, cfg.diskBytes, 1 << 20);
    rig.guest.moveToDestination(empty);
    CHECK(rig.guest.atDestination());
    CHECK(rig.guest.bitmap() == nullptr);
    rig.guest.issue({0, Op::Write, 0, 4096});  // the destination has no bitmap yet
    CHECK(rig.guest.heldIo() == 1);

    auto dest = startedDestination(cfg);
    dest->guestStarts();
    rig.guest.moveToDestination(*dest);
    CHECK(rig.guest.bitmap() == dest->bitmap());
    rig.guest.releaseHeldIo();
    CHECK(rig.guest.heldIo() == 0);
    rig.guest.issue({0, Op::Clear, 0, 64 * KiB});
    rig.guest.issue({0, Op::Write, 1 * GiB, 4096});  // behind the clear
    CHECK(rig.guest.heldIo() == 2);
    REQUIRE(rig.seen.size() == 1);
    CHECK(rig.source.dirtyBits() == 0);  // nothing reached the source

    rig.guest.returnToSource();
    CHECK(rig.guest.bitmap() == &rig.source);
    rig.guest.releaseHeldIo();
    CHECK(rig.source.dirtyBits() == 1);  // the clear, then the write, at the source
}

TEST_CASE("Guest: the workload's writes are the generator's, with or without an observer", "[engine][guest]")
{
    SimConfig cfg = smallConfig();
    cfg.workload.kind = WorkloadKind::Zipf;
    cfg.workload.rate = 200'000;
    cfg.seed = 42;

    // The same spec and seed drawn apart, tick by tick.
    WorkloadGenerator gen(cfg.workload, cfg.diskBytes, cfg.seed);
    DirtyBitmap expected(cfg.bitmapName, cfg.diskBytes, cfg.granularity);
    uint64_t writes = 0;
    for (int64_t t = 0; t < 20 * kMs; t += cfg.tickNs) {
        gen.generate(t, cfg.tickNs, [&](uint64_t offset, uint64_t length) {
            expected.markDirty(offset, length);
            ++writes;
        });
    }
    REQUIRE(writes > 1000);

    for (const bool observed : {false, true}) {
        GuestRig rig(cfg);
        if (!observed) {
            rig.observer = nullptr;  // the path straight into the source
        }
        for (int64_t t = 0; t < 20 * kMs; t += cfg.tickNs) {
            rig.guest.runWorkload(t);
        }
        CHECK(rig.source.bits().sha256() == expected.bits().sha256());
        CHECK(rig.recorder.summary().writesApplied == writes);
        CHECK(rig.seen.size() == (observed ? writes : 0));
    }
}

TEST_CASE("Guest: chunks newly dirtied in a tick are counted once", "[engine][guest]")
{
    GuestRig rig(smallConfig());
    rig.source.createMeta(1024);
    rig.recorder.startAttempt(0);
    // A trace of three writes in the first tick: two in chunk 0, one in chunk 6.
    std::vector<TraceRecord> records = {{100, TraceOp::Write, 0, 4096, 1},
                                        {200, TraceOp::Write, 64 * KiB, 4096, 2},
                                        {300, TraceOp::Write, 3 * GiB + 4096, 4096, 3}};
    WorkloadSpec spec = rig.cfg.workload;
    spec.trace.trace = std::make_shared<const Trace>("t.csv", TraceFormat::Csv, records, 300);
    rig.guest.setWorkload(spec, 0);
    rig.guest.runTrace(0);
    rig.guest.runWorkload(0);
    rig.recorder.sample(1 * kMs, BucketEnd{});
    CHECK(rig.recorder.samples().at(0).redirtiedChunks == 2);
    CHECK(rig.recorder.samples().at(0).writes == 3);
}

TEST_CASE("Guest: a trace plays tick by tick, and another speed starts it over from now", "[engine][guest]")
{
    SimConfig cfg = smallConfig();
    std::vector<TraceRecord> records = {{1'500'000, TraceOp::Write, 0, 4096, 1},
                                        {2'500'000, TraceOp::Clear, 0, 64 * KiB, 2},
                                        {4'000'000, TraceOp::Write, 1 * GiB, 4096, 3}};
    cfg.workload.trace.trace = std::make_shared<const Trace>("t.csv", TraceFormat::Csv, records, 4'000'000);
    GuestRig rig(cfg);
    REQUIRE(rig.guest.tracePlayer() != nullptr);

    rig.guest.runTrace(0);
    CHECK(rig.seen.empty());
    rig.guest.runTrace(1 * kMs);  // [1 ms, 2 ms): the record at 1.5 ms, stamped with its tick
    REQUIRE(rig.seen.size() == 1);
    CHECK(rig.seen[0] == Injection{1 * kMs, Op::Write, 0, 4096});

    // The same trace: it carries on.
    rig.guest.setWorkload(cfg.workload, 2 * kMs);
    rig.guest.runTrace(2 * kMs);
    REQUIRE(rig.seen.size() == 2);
    CHECK(rig.seen[1].op == Op::Clear);

    // Twice as fast from 3 ms: the first record again at 3 + 0.75 ms, the second at 3 + 1.25 ms.
    WorkloadSpec faster = cfg.workload;
    faster.trace.speed = 2;
    rig.guest.setWorkload(faster, 3 * kMs);
    rig.guest.runTrace(3 * kMs);
    REQUIRE(rig.seen.size() == 3);
    CHECK(rig.seen[2] == Injection{3 * kMs, Op::Write, 0, 4096});
    rig.guest.runTrace(4 * kMs);
    REQUIRE(rig.seen.size() == 4);
    CHECK(rig.seen[3].op == Op::Clear);

    // No trace: nothing plays.
    WorkloadSpec none = cfg.workload;
    none.trace = TraceReplay{};
    rig.guest.setWorkload(none, 5 * kMs);
    CHECK(rig.guest.tracePlayer() == nullptr);
}
