#include "engine_test_util.hpp"

#include <algorithm>
#include <bitmig/migrationengine.h>
#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <vector>

using namespace bitmig;
using namespace bitmig_engine_test;

namespace {

// The shared small run, with a time limit so that a run that never ends fails instead of hanging.
SimConfig smallConfig(Strategy strategy)
{
    SimConfig cfg = smallIdleConfig(strategy);
    cfg.timeLimitNs = 600'000 * kMs;
    return cfg;
}

// Runs a migration to its end, keeping the stream and a model of every write and clear applied.
struct Run {
    explicit Run(const SimConfig& cfg) : engine(cfg), truth(cfg.diskBytes, cfg.granularity)
    {
        engine.setRecordStream(true);
        engine.onGuestIo = [this](const Injection& io) {
            truth.apply(io);
            ios.push_back(io);
        };
    }
    MigrationEngine engine;
    TruthModel truth;
    std::vector<Injection> ios;
};

void checkSamples(const MigrationEngine& e)
{
    const auto& samples = e.samples();
    REQUIRE_FALSE(samples.empty());
    int64_t t = 0;
    for (const TimeSample& s : samples) {
        CHECK(s.durationNs > 0);
        CHECK(s.timeNs == t + s.durationNs);
        t = s.timeNs;
    }
    CHECK(t == e.nowNs());
    if (e.phase() == Phase::Done) {
        CHECK(samples.back().phase == Phase::Done);
        CHECK(samples.back().pendingBytes == 0);
        CHECK(e.pendingBytes() == 0);
        CHECK(e.bytesInFlight() == 0);
    }
}

void checkFinished(Run& run)
{
    MigrationEngine& e = run.engine;
    const MigrationSummary s = e.summary();
    INFO(strategyName(e.config().strategy)
         << ", chunk " << e.config().chunkBytes << ", error '" << s.error << "'");
    CHECK(e.finished());
    CHECK(e.phase() == Phase::Done);
    CHECK(s.finished);
    CHECK(s.verified);
    CHECK(s.lostBits == 0);
    CHECK(s.extraBits == 0);
    CHECK(s.error.empty());
    CHECK_FALSE(s.cancelled);
    CHECK(s.destinationSha256 == s.expectedSha256);
    CHECK_FALSE(e.source().busy());
    CHECK(e.meta() == nullptr);
    REQUIRE(e.destination() != nullptr);
    CHECK(e.destination()->enabled());
    CHECK_FALSE(e.destination()->busy());
    CHECK(e.destination()->successor() == nullptr);
    // The destination holds every write and clear the guest made, wherever it ran.
    CHECK(run.truth.differences(e.destination()->bits()) == 0);
    CHECK(streamProblems(e) == "");
    CHECK(phaseProblems(e.phases(), e.nowNs()) == "");
    CHECK(phaseSequenceProblems(e.phases(), e.config().strategy) == "");
    checkSamples(e);
}

bool sameBits(const HBitmap& a, const HBitmap& b)
{
    const auto wa = a.words();
    const auto wb = b.words();
    return wa.size() == wb.size() && std::equal(wa.begin(), wa.end(), wb.begin());
}

const Strategy kStrategies[] = {Strategy::Precopy, Strategy::Postcopy, Strategy::StopAndCopy};

uint64_t countBits(const std::vector<DecodedRecord>& recs, bool beforeEnd)
{
    uint64_t n = 0;
    for (const auto& d : recs) {
        n += d.record.kind == RecordKind::Bits && (!beforeEnd || d.section != SectionType::End);
    }
    return n;
}

} // namespace

TEST_CASE("Engine: every strategy migrates a small disk and verifies", "[engine]")
{
    for (Strategy strategy : kStrategies) {
        for (WorkloadKind kind : allWorkloadKinds()) {
            SimConfig cfg = smallConfig(strategy);
            cfg.workload.kind = kind;
            cfg.workload.rate = 5000;
            cfg.migrationStartNs = 20 * kMs;
            INFO(strategyName(strategy) << ", " << workloadKindName(kind));
            Run run(cfg);
            run.engine.runToEnd();
            checkFinished(run);
            const MigrationSummary s = run.engine.summary();
            CHECK(s.strategy == strategy);
            CHECK(s.started);
            CHECK(s.chunks == 8);
            CHECK(s.migrationStartNs == 20 * kMs);
            CHECK(s.totalTimeNs > 0);
            CHECK(s.totalTimeNs <= run.engine.nowNs() - s.migrationStartNs);
            if (kind != WorkloadKind::Idle) {
                CHECK(s.writesApplied > 0);
            }
            if (strategy != Strategy::Postcopy) {
                // The guest was paused during the complete phase: source and destination agree.
                CHECK(sameBits(run.engine.source().bits(), run.engine.destination()->bits()));
            }
        }
    }
}

TEST_CASE("Engine: control errors", "[engine]")
{
    SimConfig cfg = smallConfig(Strategy::Precopy);
    cfg.migrationStartNs = -1;
    MigrationEngine e(cfg);
    CHECK(e.phase() == Phase::Idle);
    CHECK(e.canStartMigration());
    CHECK_FALSE(e.abort());
    e.runFor(10 * kMs);
    CHECK(e.phase() == Phase::Idle); // a manual start never starts by itself
    CHECK(e.nowNs() == 10 * kMs);
    e.runFor(1'500'000); // whole ticks covering the time
    CHECK(e.nowNs() == 12 * kMs);
    e.runFor(0);
    CHECK(e.nowNs() == 12 * kMs);
    e.startMigration();
    CHECK_FALSE(e.canStartMigration());
    CHECK_THROWS_AS(e.startMigration(), std::logic_error);
    e.runToEnd();
    CHECK(e.phase() == Phase::Done);
    CHECK_THROWS_AS(e.startMigration(), std::logic_error);
    CHECK_FALSE(e.abort());
    CHECK_THROWS_AS(e.injectWrite(cfg.diskBytes, 512), std::out_of_range);
    CHECK_THROWS_AS(e.injectClear(cfg.diskBytes - 512, 1024), std::out_of_range);
    const int64_t now = e.nowNs();
    e.step();
    CHECK(e.nowNs() == now); // nothing happens once finished

    SimConfig bad = smallConfig(Strategy::Precopy);
    bad.injections.push_back(Injection{0, Injection::Op::Write, bad.diskBytes, 512});
    CHECK_THROWS_AS(MigrationEngine(bad), std::invalid_argument);
    bad = smallConfig(Strategy::Precopy);
    bad.chunkBytes = 3;
    CHECK_THROWS_AS(MigrationEngine(bad), std::invalid_argument);
}

TEST_CASE("Engine: phases come in order and their times are monotonic", "[engine]")
{
    for (Strategy strategy : kStrategies) {
        SimConfig cfg = smallConfig(strategy);
        cfg.diskBytes = 64 * GiB; // 128 KiB of bitmap, 128 chunks
        cfg.bandwidth = 2e6;
        cfg.workload.kind = WorkloadKind::Uniform;
        cfg.workload.rate = 2000;
        cfg.maxDowntimeNs = 1 * kMs;
        cfg.latencyNs = 3 * kMs;
        cfg.migrationStartNs = 5 * kMs;
        INFO(strategyName(strategy));
        Run run(cfg);
        run.engine.runToEnd();
        checkFinished(run);
        const auto& phases = run.engine.phases();
        REQUIRE(phases.size() >= 4);
        CHECK(phases[0].phase == Phase::Idle);
        CHECK(phases[0].startNs == 0);
        CHECK(phases[1].phase == Phase::Setup);
        CHECK(phases[1].startNs == 5 * kMs);
        CHECK(phases.back().phase == Phase::Done);
        CHECK(phases.back().endNs == phases.back().startNs);
        switch (strategy) {
        case Strategy::Precopy:
            CHECK(run.engine.summary().dirtyPasses >= 1); // writes during the bulk phase need a pass
            CHECK(phases[2].phase == Phase::Bulk);
            for (size_t i = 3; i + 2 < phases.size(); ++i) {
                CHECK(phases[i].phase == Phase::Dirty);
                CHECK(phases[i].pass == i - 2);
            }
            break;
        case Strategy::Postcopy:
            REQUIRE(phases.size() == 5);
            CHECK(phases[2].phase == Phase::Bulk);
            CHECK(run.engine.summary().dirtyPasses == 0);
            break;
        case Strategy::StopAndCopy:
            REQUIRE(phases.size() == 4);
            CHECK(run.engine.summary().dirtyPasses == 0);
            break;
        }
        CHECK(phases[phases.size() - 2].phase == Phase::Complete);
    }
}

TEST_CASE("Engine: record sizes of a small precopy stream", "[engine][stream]")
{
    // Two of eight chunks hold dirty bits; the guest is idle while the bitmap migrates.
    SimConfig cfg = smallConfig(Strategy::Precopy);
    cfg.migrationStartNs = 10 * kMs;
    cfg.injections = {Injection{1 * kMs, Injection::Op::Write, 0, 4096},
                      Injection{2 * kMs, Injection::Op::Write, 2 * 512 * MiB + 64 * KiB, 128 * KiB}};
    Run run(cfg);
    run.engine.runToEnd();
    checkFinished(run);

    const auto& stream = run.engine.recordedStream();
    const auto recs = decodeStream(stream);
    const Reencoded re = reencode(recs);
    REQUIRE(recs.size() == 13);
    // START section: header (26), START with both names (21, flags 0x1C), EOS.
    CHECK(recs[0].record.kind == RecordKind::Start);
    CHECK(recs[0].section == SectionType::Start);
    CHECK(recs[0].record.granularity == 64 * KiB);
    CHECK(recs[0].record.startFlags == stream::kStartEnabled);
    CHECK(stream[26] == 0x1C);
    CHECK(re.sizes[0].total() == 21);
    CHECK(recs[1].record.kind == RecordKind::Eos);
    // Bulk section: 8 BITS records. The names went on the wire with START (QEMU's sender keeps
    // prev_bs/prev_bitmap from START on), so even the first BITS record has the 21-byte header.
    CHECK(recs[2].section == SectionType::Part);
    CHECK(recs[2].firstInSection);
    CHECK(recs[2].endOffset == 26 + 21 + 1 + 5 + 21 + 1024);
    CHECK(stream[26 + 21 + 1 + 5] == stream::kFlagBits);
    for (size_t i = 2; i < 10; ++i) {
        const StreamRecord& r = recs[i].record;
        INFO("record " << i);
        CHECK(r.kind == RecordKind::Bits);
        CHECK(r.startSector == (i - 2) * (512 * MiB / 512));
        CHECK(r.nrSectors == 512 * MiB / 512);
        const bool data = i == 2 || i == 4;
        CHECK(r.zeroes == !data);
        CHECK(re.sizes[i].header == (data ? 21u : 13u));
        CHECK(re.sizes[i].payload == (data ? 1024u : 0u));
        // With both names (a fresh encoder), the table's first-record figures: 36 + data, 28.
        CHECK(StreamEncoder().sizeOf(r).header == (data ? 36u : 28u));
    }
    CHECK(recs[10].record.kind == RecordKind::Eos);
    CHECK(recs[11].record.kind == RecordKind::Complete);
    CHECK(recs[11].section == SectionType::End);
    CHECK(re.sizes[11].total() == 1);
    CHECK(recs[12].record.kind == RecordKind::Eos);

    const MigrationSummary s = run.engine.summary();
    const uint64_t wire = 26 + 21 + 1 + 5 + 2 * (21 + 1024) + 6 * 13 + 1 + 5 + 1 + 1;
    CHECK(wire == 2229);
    CHECK(s.wireBytes == wire);
    CHECK(stream.size() == wire);
    CHECK(s.decodedBytes == wire);
    CHECK(s.payloadBytes == 2048);
    CHECK(s.headerBytes == wire - 2048);
    CHECK(s.overhead() == Approx(double(wire - 2048) / double(wire)));
    CHECK(s.records == 13);
    CHECK(s.chunksSent == 8);
    CHECK(s.chunksZeroes == 6);
    CHECK(s.chunksResent == 0);
    CHECK(s.dirtyPasses == 0);
    CHECK(s.converged);
    CHECK(s.writesApplied == 2);
    // 2229 bytes at 1 MB/s: the bitmap crosses in 2.229 ms, i.e. within the third tick.
    CHECK(s.totalTimeNs >= 2 * kMs);
    CHECK(s.totalTimeNs <= 4 * kMs);
}

TEST_CASE("Engine: padding of short chunks is header, not payload", "[engine][stream]")
{
    // 1-byte chunks travel as one word padded to 32 bytes: 1 byte of payload, 52 of header.
    SimConfig cfg = smallConfig(Strategy::StopAndCopy);
    cfg.diskBytes = 64 * MiB; // 1024 bits at 64 KiB, 128 chunks of 1 byte
    cfg.chunkBytes = 1;
    cfg.injections = {Injection{0, Injection::Op::Write, 0, 64 * MiB}};
    cfg.migrationStartNs = 1 * kMs;
    Run run(cfg);
    run.engine.runToEnd();
    checkFinished(run);
    const MigrationSummary s = run.engine.summary();
    CHECK(s.chunksSent == 128);
    CHECK(s.chunksZeroes == 0);
    CHECK(s.payloadBytes == 128);
    CHECK(s.wireBytes == 26 + 21 + 1 + 5 + 128 * (21 + 32) + 1 + 1);
    CHECK(s.headerBytes == s.wireBytes - 128);
}

TEST_CASE("Engine: byte accounting holds under load for every strategy", "[engine][stream]")
{
    for (Strategy strategy : kStrategies) {
        for (uint64_t chunk : {uint64_t(4), uint64_t(64), uint64_t(1024)}) {
            SimConfig cfg = smallConfig(strategy);
            cfg.diskBytes = 16 * GiB + 7 * 512;
            cfg.granularity = 64 * KiB;
            cfg.chunkBytes = chunk;
            cfg.bandwidth = 3e6;
            cfg.latencyNs = 2 * kMs;
            cfg.maxDowntimeNs = 2 * kMs;
            cfg.workload.kind = WorkloadKind::HotSpot;
            cfg.workload.rate = 20000;
            cfg.migrationStartNs = 3 * kMs;
            cfg.injections = {Injection{3'200'000, Injection::Op::Clear, 0, 8 * GiB},
                              Injection{4'500'000, Injection::Op::Clear, GiB + 512, 4 * GiB}};
            INFO(strategyName(strategy) << ", chunk " << chunk);
            Run run(cfg);
            run.engine.runToEnd();
            checkFinished(run);
            const MigrationSummary s = run.engine.summary();
            CHECK(s.wireBytes == s.payloadBytes + s.headerBytes);
            CHECK(s.wireBytes == s.decodedBytes);
            CHECK(s.wireBytes == run.engine.recordedStream().size());
            CHECK(s.overhead() == Approx(double(s.headerBytes) / double(s.wireBytes)));
            CHECK(s.clearsApplied == 2);
            // The time series adds up to the summary.
            uint64_t payload = 0, header = 0, writes = 0;
            for (const TimeSample& t : run.engine.samples()) {
                payload += t.payloadBytes;
                header += t.headerBytes;
                writes += t.writes;
            }
            CHECK(payload == s.payloadBytes);
            CHECK(header == s.headerBytes);
            CHECK(writes == s.writesApplied + s.clearsApplied);
        }
    }
}

TEST_CASE("Engine: a dirty rate above the bandwidth hits the pass cap", "[engine][precopy]")
{
    // 4 GiB at 512 B granularity: 1 MiB of bitmap in 1024 chunks; ~100 ms per pass at 10 MB/s,
    // while 50000 writes per second redirty every chunk within a pass.
    SimConfig cfg = smallConfig(Strategy::Precopy);
    cfg.granularity = 512;
    cfg.bandwidth = 10e6;
    cfg.maxDowntimeNs = 1 * kMs;
    cfg.maxPasses = 4;
    cfg.workload.kind = WorkloadKind::Uniform;
    cfg.workload.rate = 50000;
    Run run(cfg);
    run.engine.runToEnd();
    checkFinished(run);
    const MigrationSummary s = run.engine.summary();
    CHECK_FALSE(s.converged);
    CHECK(s.dirtyPasses == 4);
    CHECK(s.verified);
    CHECK(s.chunksResent > 3 * s.chunks);
    // The forced completion carried more than the downtime budget allowed.
    CHECK(s.downtimeNs > cfg.maxDowntimeNs);
    CHECK(s.expectedDowntimeNs > cfg.maxDowntimeNs);
    unsigned dirtyPhases = 0;
    for (const PhaseSpan& p : s.phases) {
        dirtyPhases += p.phase == Phase::Dirty;
    }
    CHECK(dirtyPhases == 4);
}

TEST_CASE("Engine: a light load converges", "[engine][precopy]")
{
    SimConfig cfg = smallConfig(Strategy::Precopy);
    cfg.granularity = 512;
    cfg.bandwidth = 10e6;
    cfg.maxDowntimeNs = 20 * kMs;
    cfg.maxPasses = 30;
    cfg.workload.kind = WorkloadKind::Uniform;
    cfg.workload.rate = 200;
    Run run(cfg);
    run.engine.runToEnd();
    checkFinished(run);
    const MigrationSummary s = run.engine.summary();
    CHECK(s.converged);
    CHECK(s.dirtyPasses < 30);
    // Expected downtime is what the complete phase carries; the real one is within a tick or two of it.
    CHECK(s.downtimeNs <= s.expectedDowntimeNs + 2 * cfg.tickNs);
    CHECK(s.downtimeNs + 2 * cfg.tickNs >= s.expectedDowntimeNs);
}

TEST_CASE("Engine: completeOnlyBelow sends every BITS record in the complete phase", "[engine][precopy]")
{
    SimConfig cfg = smallConfig(Strategy::Precopy);
    cfg.workload.kind = WorkloadKind::Uniform;
    cfg.workload.rate = 10000;
    cfg.migrationStartNs = 5 * kMs;

    SECTION("below the threshold")
    {
        cfg.completeOnlyBelow = MiB;
        Run run(cfg);
        run.engine.runToEnd();
        checkFinished(run);
        const auto recs = decodeStream(run.engine.recordedStream());
        CHECK(countBits(recs, true) == 0);
        CHECK(countBits(recs, false) == 8);
        const auto& phases = run.engine.phases();
        REQUIRE(phases.size() == 4);
        CHECK(phases[1].phase == Phase::Setup);
        CHECK(phases[2].phase == Phase::Complete);
        const MigrationSummary s = run.engine.summary();
        CHECK(s.dirtyPasses == 0);
        CHECK(s.chunksResent == 0);
        CHECK(s.downtimeNs > 0);
        CHECK(s.pauseStartNs >= s.migrationStartNs);
    }
    SECTION("above the threshold the migration runs as usual")
    {
        cfg.completeOnlyBelow = 1024; // 8 chunks of 1045 bytes are more
        Run run(cfg);
        run.engine.runToEnd();
        checkFinished(run);
        const auto recs = decodeStream(run.engine.recordedStream());
        CHECK(countBits(recs, true) >= 8);
        CHECK(run.engine.phases()[2].phase == Phase::Bulk);
    }
}

TEST_CASE("Engine: postcopy writes after switch-over land in the destination", "[engine][postcopy]")
{
    for (int64_t latency : {int64_t(0), 5 * kMs}) {
        SimConfig cfg = smallConfig(Strategy::Postcopy);
        cfg.diskBytes = 64 * GiB; // 128 chunks of 1 KiB
        cfg.bandwidth = 1e6;      // ~135 ms of bulk
        cfg.latencyNs = latency;
        cfg.migrationStartNs = 2 * kMs;
        cfg.injections = {Injection{1 * kMs, Injection::Op::Write, 0, 64 * KiB}};
        INFO("latency " << latency);
        Run run(cfg);
        MigrationEngine& e = run.engine;
        while (!e.guestAtDestination() && !e.finished()) {
            e.step();
        }
        REQUIRE(e.guestAtDestination());
        CHECK(e.phase() == Phase::Bulk);
        REQUIRE(e.destination() != nullptr);
        const DirtyBitmap* succ = e.destination()->successor();
        REQUIRE(succ != nullptr);
        CHECK(succ->enabled());
        CHECK_FALSE(e.destination()->enabled());

        const uint64_t at = 40 * GiB + 3 * 64 * KiB;
        e.injectWrite(at, 4096);
        CHECK_FALSE(e.source().bits().get(at));
        CHECK(succ->bits().get(at));
        CHECK(e.source().bits().get(0));
        // A workload at the destination from now on.
        WorkloadSpec w;
        w.kind = WorkloadKind::Uniform;
        w.rate = 5000;
        e.setWorkload(w);
        const uint64_t sourceBits = e.source().dirtyBits();
        e.runFor(20 * kMs);
        CHECK(e.source().dirtyBits() == sourceBits); // the source no longer sees the guest
        CHECK(e.guestAtDestination());

        e.runToEnd();
        checkFinished(run);
        const MigrationSummary s = e.summary();
        CHECK(e.destination()->bits().get(at));
        CHECK_FALSE(e.source().bits().get(at));
        CHECK(e.destination()->dirtyBits() > e.source().dirtyBits());
        CHECK(s.downtimeNs == latency);
        CHECK(s.unusableWindowNs > 0);
        CHECK(s.unusableWindowNs == s.totalTimeNs - (s.pauseStartNs - s.migrationStartNs));
        CHECK(s.expectedSha256 != s.sourceSha256);
    }
}

TEST_CASE("Engine: a clear the guest makes at the destination waits for COMPLETE", "[engine][postcopy]")
{
    SimConfig cfg = smallConfig(Strategy::Postcopy);
    cfg.diskBytes = 64 * GiB;
    cfg.injections = {Injection{0, Injection::Op::Write, 0, 64 * GiB}};
    cfg.migrationStartNs = 1 * kMs;
    Run run(cfg);
    MigrationEngine& e = run.engine;
    while (!e.guestAtDestination() && !e.finished()) {
        e.step();
    }
    REQUIRE(e.guestAtDestination());
    e.injectClear(GiB, GiB);
    REQUIRE(e.destination()->successor() != nullptr);
    CHECK(e.destination()->successor()->dirtyBits() == 0);
    CHECK(e.summary().clearsApplied == 0);
    e.runToEnd();
    checkFinished(run);
    CHECK(e.summary().clearsApplied == 1);
    CHECK(e.destination()->dirtyBits() == (63 * GiB) / (64 * KiB));
    CHECK_FALSE(e.destination()->bits().get(GiB));
    CHECK(e.source().dirtyBits() == (64 * GiB) / (64 * KiB));
}

// A clear the guest makes at the destination is held until COMPLETE; later writes must wait behind it,
// or the held clear would erase them.
TEST_CASE("Engine: guest I/O keeps its order when a clear is held at the destination",
          "[engine][postcopy]")
{
    // The guest clears a range, then writes into it, while postcopy is loading the bitmap. The write
    // came last, so its bits must be dirty at the end.
    SimConfig cfg = smallConfig(Strategy::Postcopy);
    cfg.diskBytes = 64 * GiB;
    cfg.injections = {Injection{0, Injection::Op::Write, 0, 64 * GiB}};
    cfg.migrationStartNs = 1 * kMs;
    MigrationEngine e(cfg);
    while (!e.guestAtDestination() && !e.finished()) {
        e.step();
    }
    REQUIRE(e.guestAtDestination());
    e.injectClear(GiB, GiB);
    e.step();
    e.injectWrite(GiB + 64 * KiB, 4096);
    TruthModel issued(cfg.diskBytes, cfg.granularity);
    issued.write(0, 64 * GiB);
    issued.clear(GiB, GiB);
    issued.write(GiB + 64 * KiB, 4096);
    e.runToEnd();
    REQUIRE(e.phase() == Phase::Done);
    CHECK(e.destination()->bits().get(GiB + 64 * KiB));
    CHECK(issued.differences(e.destination()->bits()) == 0);
}

// pendingBytes() and the expected downtime cost a short last chunk by what its record carries: 128 KiB
// of bitmap in one 1 MiB chunk must fit the 300 KB downtime budget instead of running to the pass cap.
TEST_CASE("Engine: a chunk larger than the bitmap costs only what its record carries",
          "[engine][precopy]")
{
    SimConfig cfg = smallConfig(Strategy::Precopy);
    cfg.diskBytes = 64 * GiB; // 128 KiB of bitmap
    cfg.chunkBytes = MiB;
    cfg.bandwidth = 1e6;
    cfg.maxDowntimeNs = 300 * kMs;
    cfg.workload.kind = WorkloadKind::Uniform;
    cfg.workload.rate = 100;
    cfg.injections = {Injection{0, Injection::Op::Write, 0, GiB}};
    MigrationEngine e(cfg);
    e.runToEnd();
    const MigrationSummary s = e.summary();
    CHECK(s.verified);
    CHECK(s.converged);
    CHECK(s.dirtyPasses == 0);
    CHECK(std::abs(s.expectedDowntimeNs - s.downtimeNs) < 1 * kMs);

    cfg.strategy = Strategy::StopAndCopy;
    MigrationEngine stop(cfg);
    stop.runToEnd();
    const MigrationSummary t = stop.summary();
    CHECK(t.verified);
    CHECK(std::abs(t.expectedDowntimeNs - t.downtimeNs) < 1 * kMs);
}

TEST_CASE("Engine: injections apply at their times", "[engine]")
{
    SimConfig cfg = smallConfig(Strategy::Precopy);
    cfg.granularity = 4096;
    cfg.migrationStartNs = -1;
    // Out of order in the config: applied in time order.
    cfg.injections = {Injection{7'500'000, Injection::Op::Clear, 0, 8192},
                      Injection{5 * kMs, Injection::Op::Write, 0, 16384},
                      Injection{5 * kMs, Injection::Op::Write, MiB, 512}};
    MigrationEngine e(cfg);
    std::vector<std::pair<int64_t, Injection>> seen;
    e.onGuestIo = [&](const Injection& io) { seen.emplace_back(e.nowNs(), io); };
    e.runFor(5 * kMs);
    CHECK(e.nowNs() == 5 * kMs);
    CHECK(seen.empty());
    CHECK(e.source().dirtyBits() == 0);
    e.step(); // the tick [5 ms, 6 ms)
    REQUIRE(seen.size() == 2);
    CHECK(seen[0].second == cfg.injections[1]);
    CHECK(seen[1].second == cfg.injections[2]);
    CHECK(seen[0].first == 5 * kMs);
    CHECK(e.source().dirtyBits() == 5);
    e.step(); // [6 ms, 7 ms)
    CHECK(seen.size() == 2);
    e.step(); // [7 ms, 8 ms) holds 7.5 ms
    REQUIRE(seen.size() == 3);
    CHECK(seen[2].second == cfg.injections[0]);
    CHECK(e.source().dirtyBits() == 3);
    CHECK_FALSE(e.source().bits().get(0));
    CHECK_FALSE(e.source().bits().get(4096));
    CHECK(e.source().bits().get(8192));
    CHECK(e.source().bits().get(MiB));
    const MigrationSummary s = e.summary();
    CHECK(s.writesApplied == 2);
    CHECK(s.clearsApplied == 1);
    CHECK_FALSE(s.started);

    // Injected by hand: applied at once.
    e.injectWrite(2 * MiB, 4096);
    CHECK(e.source().bits().get(2 * MiB));
    e.injectClear(2 * MiB, 4096);
    CHECK_FALSE(e.source().bits().get(2 * MiB));
    CHECK(seen.size() == 5);
    CHECK(seen[3].second.timeNs == e.nowNs());
}

TEST_CASE("Engine: I/O while the guest is paused waits for the resume at the destination", "[engine]")
{
    for (Strategy strategy : {Strategy::Precopy, Strategy::StopAndCopy}) {
        SimConfig cfg = smallConfig(strategy);
        cfg.diskBytes = 64 * GiB;
        cfg.migrationStartNs = 1 * kMs;
        cfg.latencyNs = 5 * kMs; // the complete phase lasts at least that long
        INFO(strategyName(strategy));
        Run run(cfg);
        MigrationEngine& e = run.engine;
        while (!e.guestPaused() && !e.finished()) {
            e.step();
        }
        REQUIRE(e.guestPaused());
        CHECK(e.phase() == Phase::Complete);
        e.injectWrite(5 * GiB, 4096);
        e.injectClear(0, GiB);
        CHECK_FALSE(e.source().bits().get(5 * GiB));
        CHECK(run.ios.empty());
        e.runToEnd();
        checkFinished(run);
        CHECK_FALSE(e.guestPaused());
        CHECK(e.guestAtDestination());
        CHECK(run.ios.size() == 2);
        CHECK(e.destination()->bits().get(5 * GiB));
        CHECK_FALSE(e.source().bits().get(5 * GiB));
    }
}

TEST_CASE("Engine: every chunk size verifies, sub-word chunks included", "[engine]")
{
    for (uint64_t chunk :
         {uint64_t(1), uint64_t(2), uint64_t(4), uint64_t(8), uint64_t(16), uint64_t(1024), MiB}) {
        for (Strategy strategy : kStrategies) {
            SimConfig cfg = smallConfig(strategy);
            // 1 GiB + 1536 at 4 KiB granularity: 262145 bits, the last granule partial.
            cfg.diskBytes = GiB + 3 * 512;
            cfg.granularity = 4096;
            cfg.chunkBytes = chunk;
            cfg.bandwidth = chunk < 8 ? 40e6 : 4e6;
            cfg.maxDowntimeNs = 5 * kMs;
            cfg.workload.kind = WorkloadKind::Zipf;
            cfg.workload.rate = 20000;
            cfg.migrationStartNs = 10 * kMs;
            cfg.injections = {Injection{0, Injection::Op::Write, GiB, 1536},
                              Injection{12 * kMs, Injection::Op::Clear, 0, GiB / 2},
                              Injection{30 * kMs, Injection::Op::Write, GiB - 4096, 4096 + 1536}};
            INFO(strategyName(strategy) << ", chunk " << chunk);
            Run run(cfg);
            run.engine.runToEnd();
            checkFinished(run);
            CHECK(run.engine.summary().chunks == (262145 + chunk * 8 - 1) / (chunk * 8));
            CHECK(run.engine.destination()->bits().get(GiB + 1024));
        }
    }
}

TEST_CASE("Engine: stop-and-copy downtime is the bitmap over the bandwidth", "[engine]")
{
    SimConfig cfg = smallConfig(Strategy::StopAndCopy);
    cfg.diskBytes = 256 * GiB; // 512 KiB of bitmap
    cfg.bandwidth = 10e6;
    cfg.latencyNs = 4 * kMs;
    cfg.injections = {Injection{0, Injection::Op::Write, 0, 256 * GiB}};
    cfg.migrationStartNs = 1 * kMs;
    Run run(cfg);
    run.engine.runToEnd();
    checkFinished(run);
    const MigrationSummary s = run.engine.summary();
    const double wireNs = double(s.wireBytes) / cfg.bandwidth * 1e9;
    CHECK(s.pauseStartNs == s.migrationStartNs);
    CHECK(double(s.downtimeNs) >= wireNs + double(cfg.latencyNs) - double(cfg.tickNs));
    CHECK(double(s.downtimeNs) <= wireNs + double(cfg.latencyNs) + 2 * double(cfg.tickNs));
    CHECK(s.downtimeNs == s.totalTimeNs);
    CHECK(std::abs(s.expectedDowntimeNs - s.downtimeNs) <= 2 * cfg.tickNs);
}

TEST_CASE("Engine: long names cost their bytes and still verify", "[engine][stream]")
{
    SimConfig cfg = smallConfig(Strategy::Precopy);
    cfg.deviceName = std::string(255, 'd');
    cfg.bitmapName = std::string(200, 'b');
    cfg.injections = {Injection{0, Injection::Op::Write, 0, GiB}};
    Run run(cfg);
    run.engine.runToEnd();
    const MigrationSummary s = run.engine.summary();
    CHECK(s.verified);
    CHECK(run.truth.differences(run.engine.destination()->bits()) == 0);
    const auto recs = decodeStream(run.engine.recordedStream());
    const Reencoded re = reencode(recs);
    REQUIRE(recs.size() > 3);
    CHECK(recs[0].record.device == cfg.deviceName);
    CHECK(recs[0].record.bitmap == cfg.bitmapName);
    CHECK(re.sizes[0].total() == 1 + 256 + 201 + 4 + 1); // the names go with START only
    CHECK(re.bytes == run.engine.recordedStream());
    for (size_t i = 1; i < recs.size(); ++i) {
        if (recs[i].record.kind == RecordKind::Bits) {
            CHECK(re.sizes[i].header == (recs[i].record.zeroes ? 13u : 21u));
        }
    }
    CHECK(s.wireBytes == run.engine.recordedStream().size());
}

TEST_CASE("Engine: the same seed gives the same run", "[engine]")
{
    for (Strategy strategy : kStrategies) {
        SimConfig cfg = smallConfig(strategy);
        cfg.diskBytes = 32 * GiB;
        cfg.workload.kind = WorkloadKind::Uniform;
        cfg.workload.rate = 30000;
        cfg.seed = 77;
        cfg.maxDowntimeNs = 2 * kMs;
        cfg.migrationStartNs = 20 * kMs; // the guest writes before stop-and-copy pauses it
        INFO(strategyName(strategy));
        MigrationEngine a(cfg), b(cfg);
        a.runToEnd();
        b.onGuestIo = [](const Injection&) {}; // the slow path must give the same run
        b.runToEnd();
        CHECK(summaryDifference(a.summary(), b.summary()) == "");
        CHECK(a.samples() == b.samples());
        MigrationEngine d(cfg);
        d.setDensityIndex(8); // renderer indexes change nothing
        d.runToEnd();
        CHECK(summaryDifference(a.summary(), d.summary()) == "");
        CHECK(a.samples() == d.samples());
        cfg.seed = 78;
        MigrationEngine c(cfg);
        c.runToEnd();
        CHECK(c.summary().verified);
        CHECK(c.source().bits().sha256() != a.source().bits().sha256());
    }
}

TEST_CASE("Engine: the time limit stops an unfinished run", "[engine]")
{
    SimConfig cfg = smallConfig(Strategy::Precopy);
    cfg.granularity = 512; // 1 MiB of bitmap at 100 kB/s: about 11 s
    cfg.bandwidth = 1e5;
    cfg.timeLimitNs = 50 * kMs;
    MigrationEngine e(cfg);
    e.runToEnd();
    CHECK(e.finished());
    CHECK(e.phase() == Phase::Bulk);
    CHECK(e.nowNs() == 50 * kMs);
    const MigrationSummary s = e.summary();
    CHECK(s.started);
    CHECK_FALSE(s.finished);
    CHECK_FALSE(s.verified);
    CHECK(e.samples().back().timeNs == 50 * kMs);
    e.step();
    CHECK(e.nowNs() == 50 * kMs);
}

TEST_CASE("Engine: the bulk phase sends chunks in disk order", "[engine]")
{
    SimConfig cfg = smallConfig(Strategy::Precopy);
    cfg.diskBytes = 64 * GiB; // 128 chunks
    cfg.injections = {Injection{0, Injection::Op::Write, 0, 64 * GiB}};
    cfg.bandwidth = 5e6; // about 5 chunks per tick
    MigrationEngine e(cfg);
    uint64_t next = 0;
    while (!e.finished() &&
           (e.phase() == Phase::Idle || e.phase() == Phase::Setup || e.phase() == Phase::Bulk)) {
        e.step();
        for (uint64_t c : e.chunksSentLastTick()) {
            CHECK(c == next);
            ++next;
        }
        if (e.phase() == Phase::Bulk) {
            CHECK(e.cursorChunk() == next);
            CHECK(e.pendingBytes() == (128 - next) * (21 + 1024));
        }
    }
    CHECK(next == 128);
    CHECK(e.chunkCount() == 128);
    CHECK(e.chunkBits() == 8192);
}

TEST_CASE("Engine: injections due at time 0 show before the clock runs, and the run stays the same",
          "[engine]")
{
    SimConfig c;
    c.diskBytes = uint64_t(1) << 30;  // 16384 bits at 64 KiB
    c.migrationStartNs = 50'000'000;
    c.workload.rate = 3000;
    c.injections = {Injection{0, Injection::Op::Write, 0, uint64_t(1) << 20},              // 16 bits
                    Injection{0, Injection::Op::Write, uint64_t(512) << 20, 64 * 1024},    // 1 bit
                    Injection{20'000'000, Injection::Op::Write, uint64_t(900) << 20, 4096}};  // later
    MigrationEngine early(c);
    CHECK(early.source().dirtyBits() == 0);
    early.applyInjectionsDueNow();
    CHECK(early.nowNs() == 0);
    CHECK(early.source().dirtyBits() == 17);  // the later write waits for its time
    early.applyInjectionsDueNow();           // nothing is applied twice
    CHECK(early.source().dirtyBits() == 17);

    MigrationEngine plain(c);
    early.runToEnd();
    plain.runToEnd();
    REQUIRE(early.summary().verified);
    CHECK(early.summary().writesApplied == plain.summary().writesApplied);
    CHECK(early.summary().wireBytes == plain.summary().wireBytes);
    CHECK(early.summary().destinationSha256 == plain.summary().destinationSha256);
    CHECK(early.samples() == plain.samples());
}

TEST_CASE("Engine: takeSamples hands each sample over once and keeps none", "[engine]")
{
    SimConfig cfg = smallConfig(Strategy::Precopy);
    cfg.workload.kind = WorkloadKind::Uniform;
    cfg.workload.rate = 2000;
    MigrationEngine streamed(cfg);
    MigrationEngine kept(cfg);
    std::vector<TimeSample> taken;
    for (int round = 0; round < 50 && !streamed.finished(); ++round) {
        streamed.runFor(37 * kMs);
        kept.runFor(37 * kMs);
        const std::vector<TimeSample> part = streamed.takeSamples();
        CHECK(streamed.samples().empty());
        taken.insert(taken.end(), part.begin(), part.end());
    }
    // The same series as an engine that keeps them all, nothing twice, nothing lost.
    const auto& all = kept.samples();
    REQUIRE(taken.size() == all.size());
    REQUIRE_FALSE(taken.empty());
    for (size_t i = 0; i < all.size(); ++i) {
        CHECK(taken[i].timeNs == all[i].timeNs);
        CHECK(taken[i].payloadBytes == all[i].payloadBytes);
        CHECK(taken[i].writes == all[i].writes);
    }
}
