// The frame pacing on its own (app/model/framepacing.h): RunPacer driving a made-up run on a clock
// the test moves, so every figure is computed, not timed; ViewPacer's two hops and idle wait in this
// thread's event loop. The workers and controllers that use them are tested in test_worker.cpp,
// test_lanes.cpp and tests/app/test_heavyrun.cpp.
#include "app/model/framepacing.h"
#include "tests/support/qtwait.h"

#include <bitmig/simsnapshot.h>

#include <QCoreApplication>
#include <QEvent>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <limits>
#include <memory>
#include <string>
#include <vector>

using namespace bitmig;
using namespace bitmig::test;

namespace {

constexpr qint64 kMs = 1'000'000;

// A run that counts: each tick is 1 ms of simulated time and costs `tickWallNs` of the test's
// clock; digests are `digestSlices` slices of `digestWallNs` each.
struct CountingRun : PacedRun {
    qint64& wallNs;
    explicit CountingRun(qint64& clock) : wallNs(clock) {}

    bool built = true;
    int64_t now = 0;
    int64_t endNs = std::numeric_limits<int64_t>::max();
    qint64 tickWallNs = 0;
    int ticks = 0;
    int digestSlices = 0;
    int slicesHashed = 0;
    qint64 digestWallNs = 0;
    std::function<void()> onTick;  // e.g. a Pause from another thread in the middle of a batch
    std::function<void()> onSlice;
    struct Shown {
        uint64_t serial;
        int64_t nowNs;
        bool playing;
        double achieved;
    };
    std::vector<Shown> shown;
    RunPacer* pacer = nullptr;

    bool hasRun() const override { return built; }
    bool runFinished() const override { return now >= endNs; }
    int64_t tickNs() const override { return kMs; }
    int64_t simulatedNs() const override { return now; }
    void stepTick() override
    {
        now += kMs;
        wallNs += tickWallNs;
        ++ticks;
        if (onTick) {
            onTick();
        }
    }
    bool digestsPending() const override { return digestSlices > 0; }
    void hashDigestSlice(quint64) override
    {
        --digestSlices;
        ++slicesHashed;
        wallNs += digestWallNs;
        if (onSlice) {
            onSlice();
        }
    }
    bool canPublish() const override { return built; }
    void publishSnapshot(uint64_t serial) override
    {
        shown.push_back(Shown{serial, now, pacer->isPlaying(), pacer->achievedSpeed()});
    }
};

struct Paced {
    qint64 wallNs = 0;
    CountingRun run{wallNs};
    RunPacer pacer{run};
    Paced()
    {
        run.pacer = &pacer;
        pacer.setClock([this] { return wallNs; });
        pacer.runReplaced();
    }
    // The view draws every snapshot it was given.
    void drawAll()
    {
        while (!pacer.drawn()) {
            pacer.acknowledge(pacer.serial());
        }
    }
    // One frame, `ms` of wall time after the last.
    void frameAfter(qint64 ms)
    {
        wallNs += ms * kMs;
        pacer.frame();
    }
};

} // namespace

TEST_CASE("pacer: a snapshot the view has not acknowledged holds back the next; later frames are dropped, not queued",
          "[framepacing]")
{
    Paced p;
    p.pacer.setSpeed(1);
    p.pacer.setPlaying(true);
    p.frameAfter(16);
    REQUIRE(p.run.shown.size() == 1);
    CHECK(p.run.shown[0].serial == 1);
    CHECK(p.run.shown[0].nowNs == 16 * kMs);
    CHECK_FALSE(p.pacer.drawn());

    // Five frames while the view draws: the run goes on, nothing is built.
    for (int i = 0; i < 5; ++i) {
        p.frameAfter(16);
    }
    CHECK(p.run.shown.size() == 1);
    CHECK(p.pacer.framesDropped() == 5);
    CHECK(p.run.now == 6 * 16 * kMs);

    // Drawn: the state of now goes out at once, as the next serial.
    p.pacer.acknowledge(1);
    REQUIRE(p.run.shown.size() == 2);
    CHECK(p.run.shown[1].serial == 2);
    CHECK(p.run.shown[1].nowNs == 6 * 16 * kMs);

    // Drawn again with nothing simulated since: the next snapshot waits for the next frame.
    p.pacer.acknowledge(2);
    CHECK(p.run.shown.size() == 2);
    p.frameAfter(16);
    REQUIRE(p.run.shown.size() == 3);
    CHECK(p.run.shown[2].serial == 3);
    CHECK(p.pacer.framesDropped() == 5);

    // An acknowledgement of an older snapshot arriving late changes nothing.
    p.pacer.acknowledge(1);
    CHECK(p.run.shown.size() == 3);
}

TEST_CASE("pacer: while paused, a change is shown once the last snapshot is drawn, and only then", "[framepacing]")
{
    Paced p;
    p.frameAfter(16);
    REQUIRE(p.run.shown.size() == 1);
    CHECK_FALSE(p.run.shown[0].playing);
    p.pacer.markDirty();
    p.pacer.publishIfPausedAndDrawn();  // not drawn yet
    p.frameAfter(16);
    CHECK(p.run.shown.size() == 1);
    CHECK(p.pacer.framesDropped() == 0);  // paused: nothing was simulated, nothing dropped
    p.pacer.acknowledge(1);               // the change waited for this
    REQUIRE(p.run.shown.size() == 2);
    p.pacer.acknowledge(2);
    p.pacer.markDirty();
    p.pacer.publishIfPausedAndDrawn();
    CHECK(p.run.shown.size() == 3);
    p.pacer.acknowledge(3);
    p.pacer.publishNow();  // nothing changed, shown anyway
    CHECK(p.run.shown.size() == 4);
    p.pacer.publishNow();  // not drawn yet: waits
    CHECK(p.run.shown.size() == 4);
}

TEST_CASE("pacer: a pause from another thread stops the clock before the next tick, in the middle of a frame",
          "[framepacing]")
{
    Paced p;
    p.pacer.setSpeed(1);
    const uint64_t epochBefore = p.pacer.pauseEpoch();
    p.pacer.setPlaying(true);
    p.run.onTick = [&] {
        if (p.run.ticks == 3) {
            p.pacer.requestPause();
        }
    };
    p.frameAfter(16);  // 16 ticks due: the third asks for the pause, the fourth never runs
    CHECK(p.run.ticks == 3);
    CHECK_FALSE(p.pacer.isPlaying());
    REQUIRE(p.run.shown.size() == 1);
    CHECK_FALSE(p.run.shown[0].playing);
    CHECK(p.run.shown[0].achieved == 0);

    // A play asked for before that pause (queued earlier, delivered late) does not undo it.
    p.run.onTick = nullptr;
    p.pacer.setPlaying(true, epochBefore);
    CHECK_FALSE(p.pacer.isPlaying());
    p.frameAfter(16);
    CHECK(p.run.ticks == 3);
    // One asked for after it does; the wall time that passed while paused is not owed.
    p.pacer.setPlaying(true, p.pacer.pauseEpoch());
    CHECK(p.pacer.isPlaying());
    p.frameAfter(16);
    CHECK(p.run.ticks == 3 + 16);
}

TEST_CASE("pacer: a frame simulates what the wall time owes, within its budget and its longest gap", "[framepacing]")
{
    Paced p;
    SECTION("owed and done")
    {
        p.pacer.setSpeed(2);
        p.pacer.setPlaying(true);
        p.frameAfter(16);
        CHECK(p.run.now == 32 * kMs);
        p.frameAfter(16);
        CHECK(p.run.now == 64 * kMs);
        // The speed achieved is simulated time over wall time, here all that was asked.
        CHECK(p.pacer.achievedSpeed() == Approx(2.0));
    }
    SECTION("a stalled frame accounts for kMaxFrameGapS at most")
    {
        p.pacer.setSpeed(1);
        p.pacer.setPlaying(true);
        p.frameAfter(5000);
        CHECK(p.run.now == int64_t(RunPacer::kMaxFrameGapS * 1e3) * kMs);
    }
    SECTION("more than the budget: the frame stops at its budget and owes the rest, at most kMaxFrameGapS's worth")
    {
        p.run.tickWallNs = kMs;  // a simulated millisecond costs a wall millisecond
        p.pacer.setSpeed(100);
        p.pacer.setPlaying(true);
        p.frameAfter(16);  // 1600 ticks owed
        // Ticks run until the clock has passed the budget's end.
        const int inBudget = int(RunPacer::kFrameBudgetNs / kMs) + 1;
        CHECK(p.run.ticks == inBudget);
        p.frameAfter(16);
        CHECK(p.run.ticks == 2 * inBudget);  // the budget again, whatever is owed
        CHECK(p.pacer.achievedSpeed() < 100);
        CHECK(p.pacer.achievedSpeed() > 0);
        // Once ticks are cheap again, what is owed is caught up: the clock is where 100x of all the
        // wall time since play puts it.
        p.run.tickWallNs = 0;
        p.frameAfter(16);
        CHECK(p.run.now == 100 * p.wallNs);
        // Owing more than kMaxFrameGapS of wall time's worth: the rest is not owed. Each of these
        // frames owes 100x its wall time and does the budget's ticks.
        p.run.tickWallNs = kMs;
        for (int i = 0; i < 20; ++i) {
            p.frameAfter(16);
        }
        CHECK(100 * p.wallNs - p.run.now > qint64(RunPacer::kMaxFrameGapS * 100 * 1e9));
        p.run.tickWallNs = 0;
        const int before = p.run.ticks;
        p.frameAfter(16);
        // Owed: kMaxFrameGapS's worth, and the wall time since the last frame began (its ticks and 16 ms).
        CHECK(p.run.ticks - before == int(RunPacer::kMaxFrameGapS * 100 * 1000) + 100 * (inBudget + 16));
    }
    SECTION("finished: the clock stops and the run plays no more")
    {
        p.run.endNs = 10 * kMs;
        p.pacer.setSpeed(1);
        p.pacer.setPlaying(true);
        p.frameAfter(16);
        CHECK(p.run.now == 10 * kMs);
        CHECK_FALSE(p.pacer.isPlaying());
        p.pacer.setPlaying(true);  // a finished run does not play again
        CHECK_FALSE(p.pacer.isPlaying());
    }
}

TEST_CASE("pacer: a frame that ran long is caught up, so the clock keeps the speed asked over the frames after",
          "[framepacing]")
{
    Paced p;
    p.pacer.setSpeed(100);
    p.pacer.setPlaying(true);
    p.frameAfter(16);
    REQUIRE(p.run.now == 1600 * kMs);
    // One frame's ticks stall for 40 ms of wall time (a page fault storm, another process): it stops
    // at its budget.
    p.run.onTick = [&] {
        if (p.run.ticks == 1700) {
            p.wallNs += 40 * kMs;
        }
    };
    p.frameAfter(16);
    CHECK(p.run.now == 1700 * kMs);
    p.run.onTick = nullptr;
    // The next frame simulates what the wall time since the start owes: 100x of all of it.
    p.frameAfter(16);
    CHECK(p.run.now == (16 + 16 + 40 + 16) * 100 * kMs);
    CHECK(p.pacer.achievedSpeed() == Approx(100.0));
}

TEST_CASE("pacer: what a lagging run owes is worth its wall time at the new speed after a speed change",
          "[framepacing]")
{
    Paced p;
    p.run.tickWallNs = kMs;  // a simulated millisecond costs a wall millisecond: far below 1000x
    p.pacer.setSpeed(1000);
    p.pacer.setPlaying(true);
    for (int i = 0; i < 10; ++i) {
        p.frameAfter(16);  // owing kMaxFrameGapS's worth at 1000x: 100 simulated seconds
    }
    p.pacer.setSpeed(10);
    p.run.tickWallNs = 0;
    const int64_t before = p.run.now;
    p.frameAfter(16);
    // kMaxFrameGapS's worth at 10x, and the wall time since the last frame began (its ticks and
    // 16 ms) at 10x: one second and a third, not the hundred seconds owed at 1000x.
    const int inBudget = int(RunPacer::kFrameBudgetNs / kMs) + 1;
    CHECK(p.run.now - before == int64_t(RunPacer::kMaxFrameGapS * 10 * 1000 + 10 * (inBudget + 16)) * kMs);
}

TEST_CASE("pacer: a run that owed simulated time when paused owes nothing once it plays again", "[framepacing]")
{
    Paced p;
    p.run.tickWallNs = kMs;
    p.pacer.setSpeed(100);
    p.pacer.setPlaying(true);
    p.frameAfter(16);
    p.frameAfter(16);  // owing more than a second of simulated time
    SECTION("paused between frames")
    {
        p.pacer.requestPause();
        p.frameAfter(16);
    }
    SECTION("paused through the controller")
    {
        p.pacer.setPlaying(false);
    }
    REQUIRE_FALSE(p.pacer.isPlaying());
    p.run.tickWallNs = 0;
    p.pacer.setPlaying(true, p.pacer.pauseEpoch());
    REQUIRE(p.pacer.isPlaying());
    const int64_t before = p.run.now;
    p.frameAfter(16);
    CHECK(p.run.now - before == 1600 * kMs);  // this frame's 16 ms at 100x, nothing from before
}

TEST_CASE("pacer: a run that lags behind the speed asked has the thread for the whole of every frame",
          "[framepacing]")
{
    Paced p;
    p.run.tickWallNs = 2 * kMs;  // the run simulates at most 0.5x
    p.pacer.setSpeed(100);
    p.pacer.setPlaying(true);
    // The frame timer as Qt runs it: every kFrameMs, at once when overdue.
    qint64 lastStart = p.wallNs;
    for (int i = 0; i < 100; ++i) {
        p.wallNs = std::max(lastStart + RunPacer::kFrameMs * kMs, p.wallNs);
        lastStart = p.wallNs;
        p.pacer.frame();
    }
    // No wall time goes unused: the speed achieved is what the run's ticks cost allows.
    CHECK(p.pacer.achievedSpeed() == Approx(0.5));
}

TEST_CASE("pacer: the clock waits while the run's digests are hashed a slice at a time within the budget",
          "[framepacing]")
{
    Paced p;
    p.pacer.setSpeed(1);
    p.pacer.setPlaying(true);
    p.run.digestSlices = 1000;
    p.run.digestWallNs = kMs;
    p.frameAfter(16);
    const int inBudget = int(RunPacer::kFrameBudgetNs / kMs) + 1;
    CHECK(p.run.slicesHashed == inBudget);
    CHECK(p.run.ticks == 0);  // the clock waited
    CHECK(p.pacer.isPlaying());

    // Tests slow them down to a number of slices a frame.
    p.pacer.setDigestPacing(4096, 2);
    p.frameAfter(16);
    CHECK(p.run.slicesHashed == inBudget + 2);
    CHECK(p.run.ticks == 0);

    // Done: the clock runs again from the next frame, for the wall time since the last frame began
    // (its two slices took 2 ms).
    p.run.digestSlices = 0;
    p.frameAfter(16);
    CHECK(p.run.ticks == 16 + 2);

    // A pause asked for while hashing is answered first; the digests go on in the next frames.
    p.run.digestSlices = 10;
    p.pacer.setDigestPacing(0, 0);
    p.run.onSlice = [&] {
        if (p.run.digestSlices == 7) {
            p.pacer.requestPause();
        }
    };
    const int before = p.run.slicesHashed;
    p.drawAll();
    const size_t shownBefore = p.run.shown.size();
    p.frameAfter(16);
    CHECK(p.run.slicesHashed == before + 3);
    CHECK(p.run.shown.size() == shownBefore + 1);
    CHECK_FALSE(p.pacer.isPlaying());
    REQUIRE_FALSE(p.run.shown.empty());
    CHECK_FALSE(p.run.shown.back().playing);
    p.frameAfter(16);
    CHECK(p.run.slicesHashed == before + 10);  // paused: the verification goes on
    CHECK(p.run.ticks == 16 + 2);
}

TEST_CASE("pacer: with no run there is nothing to simulate or show", "[framepacing]")
{
    Paced p;
    p.run.built = false;
    p.pacer.setPlaying(true);
    CHECK_FALSE(p.pacer.isPlaying());
    p.frameAfter(16);
    CHECK(p.run.shown.empty());
    CHECK(p.pacer.serial() == 0);
    p.run.built = true;
    p.frameAfter(16);
    CHECK(p.run.shown.size() == 1);
}

namespace {

// Records the order in which events and the pacer's "drawn" arrive.
class Recorder : public QObject {
public:
    static inline const auto kLow = QEvent::Type(QEvent::registerEventType());
    static inline const auto kNormal = QEvent::Type(QEvent::registerEventType());
    static inline const auto kLater = QEvent::Type(QEvent::registerEventType());
    std::vector<std::string> order;

protected:
    bool event(QEvent* e) override
    {
        if (e->type() == kLow) {
            order.emplace_back("repaint");
            return true;
        }
        if (e->type() == kNormal) {
            // A graphics scene: its own update first, then the repaint it asks for.
            order.emplace_back("scene update");
            QCoreApplication::postEvent(this, new QEvent(kLater), Qt::LowEventPriority);
            return true;
        }
        if (e->type() == kLater) {
            order.emplace_back("scene repaint");
            return true;
        }
        return QObject::event(e);
    }
};

} // namespace

TEST_CASE("view pacer: a snapshot counts as drawn after every repaint it caused, the scene's second-hand ones too",
          "[framepacing]")
{
    std::vector<quint64> acks;
    ViewPacer pacer([&](quint64 serial) { acks.push_back(serial); });
    Recorder views;
    QObject::connect(&pacer, &ViewPacer::drawn, &views, [&](quint64, qint64) { views.order.emplace_back("drawn"); });
    pacer.present(7, [&] {
        QCoreApplication::postEvent(&views, new QEvent(Recorder::kLow), Qt::LowEventPriority);
        QCoreApplication::postEvent(&views, new QEvent(Recorder::kNormal), Qt::NormalEventPriority);
    });
    CHECK(pacer.framesDrawn() == 0);
    REQUIRE(waitUntil([&] { return !acks.empty(); }, "the acknowledgement of snapshot 7"));
    CHECK(acks == std::vector<quint64>{7});
    CHECK(pacer.framesDrawn() == 1);
    // Every repaint first (the scene's own update may come before or after the plain repaint,
    // whichever the queue holds first), "drawn" last.
    REQUIRE(views.order.size() == 4);
    std::vector<std::string> before(views.order.begin(), views.order.begin() + 3);
    std::sort(before.begin(), before.end());
    CHECK(before == std::vector<std::string>{"repaint", "scene repaint", "scene update"});
    CHECK(views.order.back() == "drawn");
}

TEST_CASE("view pacer: the acknowledgement follows an idle wait as long as the frame kept the window busy",
          "[framepacing]")
{
    std::vector<quint64> acks;
    ViewPacer pacer([&](quint64 serial) { acks.push_back(serial); });
    constexpr int busyMs = 30;
    std::vector<qint64> idle;
    std::vector<size_t> acksWhenDrawn;
    QObject::connect(&pacer, &ViewPacer::drawn, [&](quint64, qint64 idleMs) {
        idle.push_back(idleMs);
        acksWhenDrawn.push_back(acks.size());
    });

    pacer.present(1, [] { QThread::msleep(busyMs); });
    REQUIRE(waitUntil([&] { return !idle.empty(); }, "snapshot 1 drawn"));
    // Drawn, not yet acknowledged: the window is left idle first, as long as the frame kept it busy.
    CHECK(acksWhenDrawn[0] == 0);
    CHECK(idle[0] >= busyMs);
    CHECK(idle[0] <= ViewPacer::kMaxIdleMs);
    CHECK(pacer.acknowledgementPending());
    REQUIRE(waitUntil([&] { return !acks.empty(); }, "snapshot 1 acknowledged after the idle wait"));
    CHECK(acks == std::vector<quint64>{1});
    CHECK_FALSE(pacer.acknowledgementPending());

    // What the user asked for (Play, Pause) cuts the wait short; the timer adds nothing after it.
    std::vector<quint64> acksAfterCut;
    QObject::connect(&pacer, &ViewPacer::drawn, [&](quint64 serial, qint64) {
        if (serial == 2) {
            pacer.acknowledgeNow();
            acksAfterCut = acks;
        }
    });
    pacer.present(2, [] { QThread::msleep(busyMs); });
    REQUIRE(waitUntil([&] { return idle.size() == 2; }, "snapshot 2 drawn"));
    CHECK(acksWhenDrawn[1] == 1);  // as drawn, still waiting
    CHECK(acksAfterCut == std::vector<quint64>{1, 2});
    CHECK_FALSE(pacer.acknowledgementPending());
    QTest::qWait(3 * busyMs);  // past the idle wait the timer had
    CHECK(acks == std::vector<quint64>{1, 2});
    pacer.acknowledgeNow();  // nothing pending: nothing sent
    CHECK(acks == std::vector<quint64>{1, 2});
    CHECK(pacer.framesDrawn() == 2);
}

TEST_CASE("view pacer: the idle wait is at most kMaxIdleMs however long the frame took", "[framepacing]")
{
    std::vector<quint64> acks;
    ViewPacer pacer([&](quint64 serial) { acks.push_back(serial); });
    QSignalSpy drawn(&pacer, &ViewPacer::drawn);
    pacer.present(1, [] { QThread::msleep(ViewPacer::kMaxIdleMs + 50); });
    REQUIRE(drawn.wait(kWaitMs));
    CHECK(drawn.at(0).at(1).value<qint64>() == ViewPacer::kMaxIdleMs);
    REQUIRE(waitUntil([&] { return !acks.empty(); }, "the acknowledgement"));
}

namespace {

// presentSnapshot()'s controller: the two signals it emits, recorded.
struct RecordingController {
    std::vector<bool> playingChanges;
    std::vector<uint64_t> shown;
    void playingChanged(bool playing) { playingChanges.push_back(playing); }
    void snapshotChanged(const std::shared_ptr<SimSnapshot>& s) { shown.push_back(s->serial); }
};

std::shared_ptr<SimSnapshot> finishedSnapshot(uint64_t serial, uint64_t playCommand)
{
    auto s = std::make_shared<SimSnapshot>();
    s->serial = serial;
    s->finished = true;
    s->playing = false;
    s->playCommand = playCommand;
    return s;
}

} // namespace

TEST_CASE("presentSnapshot: a finished run's snapshot built before the last Play does not stop it", "[framepacing]")
{
    ViewPacer pacer([](quint64) {});
    RecordingController controller;
    std::shared_ptr<SimSnapshot> shown;
    bool playing = true;
    // Reset and Play were commands 3 and 4; the last run finished while the worker had taken 2.
    presentSnapshot(pacer, controller, shown, playing, finishedSnapshot(7, 2), 4);
    CHECK(playing);
    CHECK(controller.playingChanges.empty());
    REQUIRE(controller.shown == std::vector<uint64_t>{7});
    // The new run's end, built after the worker took Play: it stops.
    presentSnapshot(pacer, controller, shown, playing, finishedSnapshot(8, 4), 4);
    CHECK_FALSE(playing);
    CHECK(controller.playingChanges == std::vector<bool>{false});
    CHECK(controller.shown == std::vector<uint64_t>{7, 8});
}

