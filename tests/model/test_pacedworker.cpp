// The controller's end of a worker thread (WorkerThread, app/model/pacedworker.h), with a worker
// that runs nothing: commands reach the worker on its own thread in the order posted, Pause is
// requested at once, and the thread and the worker end with the WorkerThread.
#include "app/model/pacedworker.h"
#include "tests/support/qtwait.h"

#include <QObject>
#include <QSemaphore>
#include <QThread>

#include <catch2/catch.hpp>

#include <atomic>
#include <vector>

using namespace bitmig;

namespace {

class IdleWorker : public PacedWorker {
public:
    ~IdleWorker() override
    {
        if (destroyedOn) {
            *destroyedOn = QThread::currentThread();
        }
    }
    double speed() const { return pacer_->speed(); }
    uint64_t lastPlayCommand() const { return playCommand(); }

    std::vector<int> seen;
    QThread* ranOn = nullptr;
    std::atomic<QThread*>* destroyedOn = nullptr;

private:
    bool hasRun() const override { return false; }
    bool runFinished() const override { return true; }
    int64_t tickNs() const override { return 1'000'000; }
    int64_t simulatedNs() const override { return 0; }
    void stepTick() override {}
    bool digestsPending() const override { return false; }
    void hashDigestSlice(quint64) override {}
    bool canPublish() const override { return false; }
    void publishSnapshot(uint64_t) override {}
};

} // namespace

TEST_CASE("WorkerThread: commands run on the worker's thread in order; the thread and the worker end with it",
          "[worker]")
{
    std::atomic<QThread*> destroyedOn = nullptr;
    QThread* thread = nullptr;
    {
        QObject owner;
        WorkerThread<IdleWorker> t(&owner, QStringLiteral("idle worker"));
        t.worker()->destroyedOn = &destroyedOn;
        thread = owner.findChild<QThread*>(QStringLiteral("idle worker"));
        REQUIRE(thread);
        CHECK(t.worker()->thread() == thread);
        CHECK_FALSE(thread->isRunning());

        t.start(2.5);
        CHECK(thread->isRunning());
        for (int i = 0; i < 100; ++i) {
            t.post([i](IdleWorker& w) {
                w.seen.push_back(i);
                w.ranOn = QThread::currentThread();
            });
        }
        std::vector<int> seen;
        QThread* ranOn = nullptr;
        double speed = 0;
        QSemaphore done;
        t.post([&](IdleWorker& w) {
            seen = w.seen;
            ranOn = w.ranOn;
            speed = w.speed();
            done.release();
        });
        REQUIRE(done.tryAcquire(1, bitmig::test::kWaitMs));
        std::vector<int> expected(100);
        for (int i = 0; i < 100; ++i) {
            expected[size_t(i)] = i;
        }
        CHECK(seen == expected);
        CHECK(ranOn == thread);
        CHECK(speed == 2.5);  // start() gave the worker the controller's speed

        // Pause is requested at once, before the queued command reaches the worker.
        const uint64_t before = t.worker()->pauseEpoch();
        t.setPlaying(false);
        CHECK(t.worker()->pauseEpoch() == before + 1);
        t.setPlaying(true);
        CHECK(t.worker()->pauseEpoch() == before + 1);
        // Each Play and Pause is counted, and the worker takes the count with it (its snapshots carry it).
        CHECK(t.playCommands() == 2);
        std::atomic<uint64_t> taken{0};
        std::atomic<bool> read{false};
        t.post([&](IdleWorker& w) {
            taken = w.lastPlayCommand();
            read = true;
        });
        REQUIRE(test::waitUntil([&] { return read.load(); }, "the worker read its last Play or Pause"));
        CHECK(taken.load() == 2);
    }
    // The WorkerThread waited for the thread, which deleted the worker on its way out.
    CHECK(destroyedOn.load() == thread);
}
