// The controller driving a real run on its worker thread, headless: snapshots, injections, abort
// and retry. What each command announces is in test_controller_signals.cpp.
#include "app/model/phaseexplainer.h"
#include "app/model/simulationcontroller.h"
#include "tests/support/simulation.h"

#include <catch2/catch.hpp>

using namespace bitmig;
using bitmig::test::smallConfig;
using bitmig::test::waitFor;

TEST_CASE("the controller runs the engine and publishes snapshots", "[controller]")
{
    SimulationController c;
    c.setSpeed(100);
    c.setConfig(smallConfig());
    auto first = waitFor(c, [](const SimSnapshot& s) { return s.serial > 0; });
    REQUIRE(first);
    CHECK(first->nowNs == 0);
    CHECK(first->phase == Phase::Idle);
    CHECK(first->geometry.totalBits() == (uint64_t(64) << 30) / (64 << 10));

    c.setPlaying(true);
    auto later = waitFor(c, [](const SimSnapshot& s) { return s.nowNs > 200'000'000 && s.dirtyBits > 0; });
    REQUIRE(later);
    CHECK(later->nowNs > 200'000'000);
    CHECK(later->dirtyBits > 0);
    CHECK(later->summary.writesApplied > 0);

    c.startMigration();
    auto done = waitFor(c, [](const SimSnapshot& s) { return s.phase == Phase::Done; });
    REQUIRE(done);
    CHECK(done->phase == Phase::Done);
    CHECK(done->summary.verified);
    CHECK(done->summary.lostBits == 0);
    CHECK_FALSE(done->playing);
}

TEST_CASE("every snapshot of a run points to one configuration, copied once for the run", "[controller]")
{
    SimulationController c;
    c.setSpeed(100);
    SimConfig cfg = smallConfig();
    // An imported image's extents as injections: copied per frame, they would cost more than the frame.
    for (uint64_t i = 0; i < 2048; ++i) {
        cfg.injections.push_back(Injection{0, Injection::Op::Write, i * (uint64_t(32) << 20), 64 << 10});
    }
    c.setConfig(cfg);
    auto first = waitFor(c, [&cfg](const SimSnapshot& s) { return *s.config == cfg; });
    REQUIRE(*first->config == cfg);
    c.setPlaying(true);
    auto later = waitFor(c, [&](const SimSnapshot& s) { return s.runId == first->runId && s.nowNs > 100'000'000; });
    REQUIRE(later->nowNs > 100'000'000);
    REQUIRE(later->serial > first->serial);
    CHECK(later->config.get() == first->config.get());
    CHECK(*later->config == cfg);
    // The explanation reads it in place, with the workload of the moment.
    CHECK_FALSE(PhaseExplainer::explain(*later).body.isEmpty());
    c.setPlaying(false);

    // Started over: a new run, a new object with the same parameters.
    const uint64_t runId = later->runId;
    c.reset();
    auto fresh = waitFor(c, [runId](const SimSnapshot& s) { return s.runId != runId; });
    REQUIRE(fresh->runId != runId);
    CHECK(fresh->config.get() != first->config.get());
    CHECK(*fresh->config == cfg);
}

TEST_CASE("every sample reaches the views exactly once", "[controller]")
{
    SimulationController c;
    c.setSpeed(200);
    SimConfig cfg = smallConfig();
    cfg.migrationStartNs = 100'000'000;
    c.setConfig(cfg);
    std::vector<TimeSample> seen;
    uint64_t lastSerial = 0;
    bool skipped = false;
    QObject::connect(&c, &SimulationController::snapshotChanged, [&](const SimSnapshotPtr& s) {
        skipped = skipped || (lastSerial && s->serial != lastSerial + 1);
        lastSerial = s->serial;
        seen.insert(seen.end(), s->newSamples.begin(), s->newSamples.end());
    });
    c.setPlaying(true);
    auto done = waitFor(c, [](const SimSnapshot& s) { return s.phase == Phase::Done; });
    REQUIRE(done->phase == Phase::Done);
    CHECK_FALSE(skipped);
    REQUIRE(seen.size() > 10);
    for (size_t i = 1; i < seen.size(); ++i) {
        CHECK(seen[i].timeNs > seen[i - 1].timeNs);
    }
    uint64_t wire = 0;
    for (const auto& s : seen) {
        wire += s.payloadBytes + s.headerBytes;
    }
    CHECK(wire == done->summary.wireBytes);
}

TEST_CASE("injections mark the bitmap and the meta bitmap, and revert", "[controller]")
{
    SimulationController c;
    SimConfig cfg = smallConfig();
    cfg.workload.kind = WorkloadKind::Idle;
    cfg.bandwidth = 2e4;  // slow: the migration stays in its bulk pass
    c.setConfig(cfg);
    waitFor(c, [](const SimSnapshot& s) { return s.serial > 0; });
    c.startMigration();
    c.step(20);
    auto bulk = waitFor(c, [](const SimSnapshot& s) { return s.phase == Phase::Bulk && s.cursorChunk > 1; });
    REQUIRE(bulk->phase == Phase::Bulk);
    CHECK(bulk->dirtyChunks == 0);

    // A write in chunk 0, which the bulk pass has already sent: its meta bit lights up.
    const quint64 token = c.inject(false, 0, 256 << 10);  // 4 granules
    auto written = waitFor(c, [](const SimSnapshot& s) { return s.dirtyBits == 4; });
    CHECK(written->dirtyBits == 4);
    CHECK(written->dirtyChunks == 1);
    REQUIRE_FALSE(written->meta.empty());
    CHECK(written->meta.set[0] == 1);

    c.revert(token);
    auto reverted = waitFor(c, [](const SimSnapshot& s) { return s.dirtyBits == 0; });
    CHECK(reverted->dirtyBits == 0);
    CHECK(reverted->dirtyChunks == 1);  // clearing is a change too: the chunk goes again

    // A clear only undoes what it cleared.
    c.inject(false, 1 << 20, 1 << 20);  // 16 granules
    waitFor(c, [](const SimSnapshot& s) { return s.dirtyBits == 16; });
    const quint64 clear = c.inject(true, (1 << 20) + (64 << 10), 128 << 10);
    auto cleared = waitFor(c, [](const SimSnapshot& s) { return s.dirtyBits == 14; });
    CHECK(cleared->dirtyBits == 14);
    c.revert(clear);
    auto back = waitFor(c, [](const SimSnapshot& s) { return s.dirtyBits == 16; });
    CHECK(back->dirtyBits == 16);
}

TEST_CASE("abort cancels and a retry verifies", "[controller]")
{
    SimulationController c;
    c.setSpeed(50);
    SimConfig cfg = smallConfig();
    cfg.bandwidth = 2e3;  // the 128 KiB bitmap's bulk pass takes about a minute of simulated time
    c.setConfig(cfg);
    waitFor(c, [](const SimSnapshot& s) { return s.serial > 0; });
    c.setPlaying(true);
    waitFor(c, [](const SimSnapshot& s) { return s.dirtyBits > 100; });
    c.startMigration();
    auto running = waitFor(c, [](const SimSnapshot& s) { return s.phase == Phase::Bulk; });
    REQUIRE(running->phase == Phase::Bulk);
    c.abortMigration();
    auto cancelled = waitFor(c, [](const SimSnapshot& s) { return s.phase == Phase::Cancelled; });
    REQUIRE(cancelled->phase == Phase::Cancelled);
    CHECK(cancelled->canStart);
    CHECK(PhaseExplainer::explain(*cancelled).title.size() > 0);

    cfg.bandwidth = 125e6;
    c.setSpeed(500);
    c.startMigration();
    auto done = waitFor(c, [](const SimSnapshot& s) { return s.phase == Phase::Done; });
    REQUIRE(done->phase == Phase::Done);
    CHECK(done->summary.verified);
}

TEST_CASE("a bad configuration is refused with the field's name", "[controller]")
{
    SimulationController c;
    QString message;
    QObject::connect(&c, &SimulationController::failed, [&](const QString& m) { message = m; });
    SimConfig bad = smallConfig();
    bad.chunkBytes = 3000;
    c.setConfig(bad);
    CHECK(message.startsWith(QStringLiteral("chunk:")));
    CHECK(c.config().chunkBytes == 1024);
}

TEST_CASE("Pause and Reset act while a finished run's verification digests are being hashed", "[controller][digest]")
{
    SimulationController c;
    // 4 KiB a frame: the two 2 MiB digests of a 1 TiB run take hundreds of frames, so whatever acts
    // before they are done did not wait for them.
    c.setDigestPacing(4096, 1);
    SimConfig cfg = smallConfig();
    cfg.diskBytes = uint64_t(1) << 40;
    cfg.bandwidth = 1e9;
    cfg.migrationStartNs = 0;
    c.setConfig(cfg);
    c.setSpeed(100);
    c.setPlaying(true);
    const auto verifying = waitFor(c, [](const SimSnapshot& s) { return s.verifying; }, 60000);
    REQUIRE(verifying->verifying);
    // The clock waits in the complete phase; the run is not finished and not yet verified.
    CHECK(verifying->phase == Phase::Complete);
    CHECK_FALSE(verifying->finished);
    CHECK_FALSE(verifying->summary.verified);
    CHECK(verifying->playing);

    c.setPlaying(false);
    const auto paused = waitFor(c, [](const SimSnapshot& s) { return !s.playing; });
    REQUIRE_FALSE(paused->playing);
    CHECK(paused->verifying);  // paused before the digests were done
    CHECK(paused->nowNs == verifying->nowNs);

    // Paused, the verification goes on a slice a frame; Reset does not wait for it either.
    const uint64_t runId = paused->runId;
    c.reset();
    const auto fresh = waitFor(c, [runId](const SimSnapshot& s) { return s.runId != runId; });
    REQUIRE(fresh->runId != runId);
    CHECK_FALSE(fresh->verifying);
    CHECK(fresh->nowNs == 0);

    // Hashed at the normal pace, the run ends verified.
    c.setDigestPacing(0, 0);
    c.setPlaying(true);
    const auto done = waitFor(c, [](const SimSnapshot& s) { return s.finished; }, 60000);
    REQUIRE(done->finished);
    CHECK_FALSE(done->verifying);
    CHECK(done->summary.verified);
    CHECK(done->summary.destinationSha256.size() == 64);
}
