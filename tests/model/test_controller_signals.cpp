// SimulationController on its own, without a window: each command and what it announces
// (configChanged, playingChanged, speedChanged, failed, injectionDone, snapshotChanged), watched
// with QSignalSpy.
#include "app/model/simulationcontroller.h"
#include "tests/support/qtwait.h"
#include "tests/support/simulation.h"

#include <QSignalSpy>

#include <catch2/catch.hpp>

using namespace bitmig;
using namespace bitmig::test;

namespace {

// A controller running smallConfig(), its first snapshot taken.
struct Started {
    SimulationController c;
    SimSnapshotPtr first;
    explicit Started(const SimConfig& cfg = smallConfig())
    {
        c.setConfig(cfg);
        first = waitFor(c, [&cfg](const SimSnapshot& s) { return *s.config == cfg; });
    }
};

} // namespace

TEST_CASE("a new configuration is announced and its run's first snapshot follows", "[controller][signals]")
{
    SimulationController c;
    QSignalSpy changed(&c, &SimulationController::configChanged);
    QSignalSpy snapshots(&c, &SimulationController::snapshotChanged);
    QSignalSpy playing(&c, &SimulationController::playingChanged);
    const SimConfig cfg = smallConfig();
    c.setConfig(cfg);
    REQUIRE(changed.count() == 1);  // at once, before the worker has built the run
    CHECK(changed.at(0).at(0).value<SimConfig>() == cfg);
    CHECK(c.config() == cfg);
    CHECK(playing.isEmpty());  // it was not playing: nothing to announce
    const auto first = waitFor(c, [&cfg](const SimSnapshot& s) { return *s.config == cfg; });
    REQUIRE(first);
    CHECK(*first->config == cfg);
    CHECK(first->nowNs == 0);
    CHECK_FALSE(first->playing);
    CHECK(snapshots.count() >= 1);
    CHECK(snapshots.last().at(0).value<SimSnapshotPtr>() == c.snapshot());
}

TEST_CASE("play and pause are announced once each and the snapshots follow the clock", "[controller][signals]")
{
    Started run;
    SimulationController& c = run.c;
    c.setSpeed(100);
    QSignalSpy playing(&c, &SimulationController::playingChanged);
    c.setPlaying(true);
    c.setPlaying(true);  // already playing: no second announcement
    REQUIRE(playing.count() == 1);
    CHECK(playing.at(0).at(0).toBool());
    CHECK(c.isPlaying());
    const auto moving = waitFor(c, [](const SimSnapshot& s) { return s.playing && s.nowNs > 20'000'000; });
    REQUIRE(moving->nowNs > 20'000'000);

    c.togglePlaying();
    REQUIRE(playing.count() == 2);
    CHECK_FALSE(playing.at(1).at(0).toBool());
    CHECK_FALSE(c.isPlaying());
    const auto paused = waitFor(c, [](const SimSnapshot& s) { return !s.playing; });
    REQUIRE_FALSE(paused->playing);
    // Paused: a step is a round trip through the worker's queue; the clock moved by that tick only.
    const int64_t at = paused->nowNs;
    c.step(1);
    const auto stepped = waitFor(c, [at](const SimSnapshot& s) { return s.nowNs != at; });
    CHECK(stepped->nowNs == at + c.config().tickNs);
    CHECK(playing.count() == 2);
}

TEST_CASE("a step advances the paused clock by whole ticks", "[controller][signals]")
{
    Started run;
    SimulationController& c = run.c;
    REQUIRE(run.first->nowNs == 0);
    const int64_t tick = c.config().tickNs;
    c.step(5);
    auto s = waitFor(c, [tick](const SimSnapshot& x) { return x.nowNs == 5 * tick; });
    CHECK(s->nowNs == 5 * tick);
    CHECK_FALSE(s->playing);
    c.step(20);
    s = waitFor(c, [tick](const SimSnapshot& x) { return x.nowNs == 25 * tick; });
    CHECK(s->nowNs == 25 * tick);
    CHECK_FALSE(c.isPlaying());
}

TEST_CASE("reset starts the same run again from time zero", "[controller][signals]")
{
    Started run;
    SimulationController& c = run.c;
    c.step(30);
    const auto before = waitFor(c, [](const SimSnapshot& s) { return s.nowNs > 0; });
    REQUIRE(before->nowNs > 0);
    QSignalSpy changed(&c, &SimulationController::configChanged);
    c.reset();
    REQUIRE(changed.count() == 1);
    CHECK(changed.at(0).at(0).value<SimConfig>() == *run.first->config);
    const uint64_t runBefore = before->runId;
    const auto fresh = waitFor(c, [runBefore](const SimSnapshot& s) { return s.runId != runBefore; });
    REQUIRE(fresh->runId != runBefore);
    CHECK(fresh->nowNs == 0);
    CHECK(*fresh->config == *run.first->config);
    CHECK(fresh->dirtyBits == 0);
}

TEST_CASE("a refused configuration or workload is reported and changes nothing", "[controller][signals]")
{
    Started run;
    SimulationController& c = run.c;
    QSignalSpy failed(&c, &SimulationController::failed);
    QSignalSpy changed(&c, &SimulationController::configChanged);
    SimConfig bad = smallConfig();
    bad.chunkBytes = 3000;
    c.setConfig(bad);
    REQUIRE(failed.count() == 1);
    CHECK(failed.at(0).at(0).toString().startsWith(QStringLiteral("chunk:")));
    CHECK(changed.isEmpty());
    CHECK(c.config() == *run.first->config);

    WorkloadSpec spec = c.config().workload;
    spec.hotShare = 2;
    c.setWorkload(spec);
    REQUIRE(failed.count() == 2);
    CHECK(failed.at(1).at(0).toString().startsWith(QStringLiteral("workload.hotShare:")));
    CHECK(c.config().workload == run.first->config->workload);

    // The run is the one from before: a step shows it, not a new one.
    c.step(1);
    const auto s = waitFor(c, [](const SimSnapshot& x) { return x.nowNs > 0; });
    CHECK(s->runId == run.first->runId);
    CHECK(*s->config == *run.first->config);
}

TEST_CASE("the speed is clamped and announced when it changes", "[controller][signals]")
{
    SimulationController c;
    QSignalSpy speed(&c, &SimulationController::speedChanged);
    c.setSpeed(5000);
    REQUIRE(speed.count() == 1);
    CHECK(speed.at(0).at(0).toDouble() == SimulationController::kMaxSpeed);
    c.setSpeed(SimulationController::kMaxSpeed);  // no change, no signal
    CHECK(speed.count() == 1);
    c.setSpeed(0);
    REQUIRE(speed.count() == 2);
    CHECK(speed.at(1).at(0).toDouble() == SimulationController::kMinSpeed);
    CHECK(c.speed() == SimulationController::kMinSpeed);
}

TEST_CASE("every injection is confirmed with its token, and its bits arrive in a snapshot", "[controller][signals]")
{
    SimConfig cfg = smallConfig();
    cfg.workload.kind = WorkloadKind::Idle;
    Started run(cfg);
    SimulationController& c = run.c;
    QSignalSpy done(&c, &SimulationController::injectionDone);
    const quint64 token = c.inject(false, 0, 256 << 10);  // 4 granules
    REQUIRE(done.wait(bitmig::test::kWaitMs));
    CHECK(done.at(0).at(0).value<quint64>() == token);
    const auto written = waitFor(c, [](const SimSnapshot& s) { return s.dirtyBits == 4; });
    CHECK(written->dirtyBits == 4);
    const quint64 second = c.inject(true, 0, 64 << 10);
    CHECK(second != token);
    REQUIRE(waitUntil([&] { return done.count() == 2; }, "the second injection's confirmation"));
    CHECK(done.at(1).at(0).value<quint64>() == second);
    const auto cleared = waitFor(c, [](const SimSnapshot& s) { return s.dirtyBits == 3; });
    CHECK(cleared->dirtyBits == 3);
}

TEST_CASE("snapshots arrive one at a time, each acknowledged once the event loop has run", "[controller][signals]")
{
    Started run;
    SimulationController& c = run.c;
    c.setSpeed(50);
    QSignalSpy snapshots(&c, &SimulationController::snapshotChanged);
    c.setPlaying(true);
    REQUIRE(waitUntil([&] { return snapshots.count() >= 5; }, "five snapshots of the playing run"));
    c.setPlaying(false);
    uint64_t serial = 0;
    for (const QList<QVariant>& args : snapshots) {
        const auto s = args.at(0).value<SimSnapshotPtr>();
        REQUIRE(s);
        CHECK(s->serial > serial);
        serial = s->serial;
    }
    // Nothing draws here: the event loop's turn after a snapshot counts as its frame.
    CHECK(c.framesDrawn() >= quint64(snapshots.count()) - 1);
}
