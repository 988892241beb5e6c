// The simulation worker and the controller's pause, headless: the worker builds no snapshot the
// view has not drawn room for, and Pause stops the clock before the next tick. The window's side
// (acknowledging once painted) is in tests/app/test_heavyrun.cpp.
#include "app/model/simulationcontroller.h"
#include "app/model/simulationworker.h"
#include "tests/support/qtwait.h"
#include "tests/support/simulation.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <catch2/catch.hpp>

#include <vector>

using namespace bitmig;
using namespace bitmig::test;

TEST_CASE("the worker builds no new snapshot until the view has drawn the last: frames are dropped, not queued",
          "[heavy][worker]")
{
    SimulationWorker w;  // on this thread: its frames run in this event loop
    std::vector<SimSnapshotPtr> got;
    QObject::connect(&w, &SimulationWorker::snapshotReady, [&](const SimSnapshotPtr& s) { got.push_back(s); });
    w.setConfig(smallConfig());
    w.setSpeed(10);
    QSignalSpy ready(&w, &SimulationWorker::snapshotReady);
    w.setPlaying(true);
    REQUIRE(ready.wait(bitmig::test::kWaitMs));

    // Never acknowledged: many frames pass and not one more snapshot is built or queued, while
    // the simulation goes on.
    CHECK_FALSE(ready.wait(600));
    REQUIRE(got.size() == 1);
    CHECK(w.framesDropped() >= 5);

    // Drawn: the next snapshot comes at once and shows the state of its own moment, with every
    // sample since the last one (what the dropped frames produced is carried, not lost).
    w.acknowledge(got.front()->serial);
    REQUIRE(got.size() == 2);
    CHECK(got[1]->serial == got[0]->serial + 1);
    CHECK(got[1]->nowNs > got[0]->nowNs + 100'000'000);
    REQUIRE_FALSE(got[1]->newSamples.empty());
    const int64_t lastShown = got[0]->newSamples.empty() ? 0 : got[0]->newSamples.back().timeNs;
    CHECK(got[1]->newSamples.front().timeNs - got[1]->newSamples.front().durationNs == lastShown);
    for (size_t i = 1; i < got[1]->newSamples.size(); ++i) {
        CHECK(got[1]->newSamples[i].timeNs - got[1]->newSamples[i].durationNs == got[1]->newSamples[i - 1].timeNs);
    }
    CHECK(got[1]->newSamples.back().timeNs <= got[1]->nowNs);
}

TEST_CASE("a pause request stops the clock before the next tick, even before the queued pause arrives",
          "[heavy][worker]")
{
    SimulationWorker w;
    SimSnapshotPtr last;
    QObject::connect(&w, &SimulationWorker::snapshotReady, [&](const SimSnapshotPtr& s) {
        last = s;
        // Drawn at once, as a window with nothing else to do would.
        QTimer::singleShot(0, &w, [&w, serial = s->serial] { w.acknowledge(serial); });
    });
    w.setConfig(smallConfig());
    w.setSpeed(100);
    w.setPlaying(true);
    REQUIRE(waitUntil([&] { return last && last->nowNs > 50'000'000; }, "a snapshot 50 ms into the run"));

    // What the GUI thread does on Pause, before its queued setPlaying(false) has been delivered.
    // `last` is the engine's time now: this thread is the worker's, nothing ran since.
    w.publishNow();
    const int64_t at = last->nowNs;
    const uint64_t epochBefore = w.pauseEpoch();
    w.requestPause();
    QTest::qWait(300);  // about twenty frames, in which the clock must not move
    REQUIRE(last);
    CHECK_FALSE(last->playing);
    CHECK(last->nowNs == at);
    CHECK(last->achievedSpeed == 0);

    // A play asked for before that pause (queued earlier, delivered late) does not undo it.
    w.setPlaying(true, epochBefore);
    QTest::qWait(200);
    CHECK_FALSE(last->playing);
    CHECK(last->nowNs == at);

    // A play asked for after it does.
    w.setPlaying(true, w.pauseEpoch());
    REQUIRE(waitUntil([&] { return last->playing && last->nowNs > at; }, "a playing snapshot past the pause"));
}

TEST_CASE("Pause on the controller stops the clock: the next snapshots all show one time", "[heavy][controller]")
{
    SimulationController c;
    c.setSpeed(100);
    c.setConfig(smallConfig());
    c.setPlaying(true);
    REQUIRE(waitFor(c, [](const SimSnapshot& s) { return s.nowNs > 100'000'000; })->nowNs > 100'000'000);
    c.setPlaying(false);
    const auto paused = waitFor(c, [](const SimSnapshot& s) { return !s.playing; });
    REQUIRE_FALSE(paused->playing);
    const int64_t at = paused->nowNs;
    c.step(0);  // a queued command round trip: anything the worker still had queued is done
    QTest::qWait(300);
    CHECK(c.snapshot()->nowNs == at);
}
