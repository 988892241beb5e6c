// The two ends of a run simulated on a thread of its own, shared by the single run
// (SimulationWorker/SimulationController) and the comparison (LanesWorker/LanesController):
// PacedWorker, the worker's base on the simulation thread, owns the RunPacer and the commands that
// only pass through to it; WorkerThread, the controller's on the GUI thread, starts and stops the
// thread, queues commands to the worker and acknowledges drawn snapshots through a ViewPacer
// (framepacing.h says how the two pacers work together).
#pragma once

#include "framepacing.h"

#include <bitmig/hbitmap.h>

#include <QMetaObject>
#include <QObject>
#include <QString>
#include <QThread>

#include <cstdint>
#include <optional>
#include <utility>

namespace bitmig {

// A worker's RunPacer and the commands that are the pacer's alone. The worker implements PacedRun
// (what the pacer drives) and its own commands.
class PacedWorker : public QObject, private PacedRun {
    Q_OBJECT
public:
    ~PacedWorker() override;

    // Thread-safe, from any thread: stops the clock before its next tick, also in the middle of a
    // batch. A later setPlaying(true, epoch) with the epoch read after this call plays again.
    void requestPause() noexcept { pacer_->requestPause(); }
    uint64_t pauseEpoch() const noexcept { return pacer_->pauseEpoch(); }

    // The rest on the worker's thread (the controller queues them).
    // `epoch`: pauseEpoch() when play was asked for; a pause requested since then wins. Without
    // it, the current epoch.
    // `command`: the controller's count of Play and Pause commands, this one included; the
    // snapshots built from here on carry it (playCommand()). Without it, the count stays.
    void setPlaying(bool playing, std::optional<uint64_t> epoch = std::nullopt,
                    std::optional<uint64_t> command = std::nullopt)
    {
        if (command) {
            playCommand_ = *command;
        }
        pacer_->setPlaying(playing, epoch);
    }
    void setSpeed(double speed) { pacer_->setSpeed(speed); }
    // The view has drawn the snapshot with this serial.
    void acknowledge(quint64 serial) { pacer_->acknowledge(serial); }
    // The verification digests of a large run (128 MiB a bitmap at 2^30 bits) are hashed between
    // frames, RunPacer::kDigestSliceBytes at a time within the frame budget, so Pause, Reset and
    // closing the window never wait for them. Tests slow them down: `slicesPerFrame` 0 means the
    // budget decides.
    void setDigestPacing(quint64 sliceBytes, int slicesPerFrame) { pacer_->setDigestPacing(sliceBytes, slicesPerFrame); }
    // Frames simulated while the view was still drawing the last snapshot: never published.
    uint64_t framesDropped() const noexcept { return pacer_->framesDropped(); }

protected:
    explicit PacedWorker(QObject* parent = nullptr);

    // The last Play or Pause taken (setPlaying()'s `command`), for the snapshots' playCommand.
    uint64_t playCommand() const noexcept { return playCommand_; }

    RunPacer* pacer_ = nullptr;  // a child: lives on the worker's thread with it

private:
    uint64_t playCommand_ = 0;
};

// The controller's end: a thread named `name` with a Worker (a PacedWorker) on it, created with the
// controller (`owner`, the parent of the thread and of the ViewPacer) and ended with it. Declared as
// the controller's last member, so the thread has stopped before any other member goes.
template <class Worker>
class WorkerThread {
public:
    WorkerThread(QObject* owner, const QString& name)
    {
        thread_ = new QThread(owner);
        thread_->setObjectName(name);
        worker_ = new Worker;
        pacer_ = new ViewPacer([this](quint64 serial) { post([serial](Worker& w) { w.acknowledge(serial); }); }, owner);
        worker_->moveToThread(thread_);
        QObject::connect(thread_, &QThread::finished, worker_, &QObject::deleteLater);
        // finished is emitted in the worker's thread as it ends, before wait() returns.
        QObject::connect(thread_, &QThread::finished, thread_, [] { releaseThreadDigestState(); }, Qt::DirectConnection);
    }
    ~WorkerThread()
    {
        thread_->quit();
        thread_->wait();
    }
    WorkerThread(const WorkerThread&) = delete;
    WorkerThread& operator=(const WorkerThread&) = delete;

    // Starts the thread, once the controller has connected the worker's signals; the worker plays
    // at `speed` when told to play.
    void start(double speed)
    {
        thread_->start();
        post([speed](Worker& w) { w.setSpeed(speed); });
    }

    // Runs f(worker) on the worker's thread, after the commands posted before it.
    template <class F>
    void post(F&& f)
    {
        QMetaObject::invokeMethod(
            worker_, [w = worker_, f = std::forward<F>(f)]() mutable { f(*w); }, Qt::QueuedConnection);
    }

    // Play or pause: a pause stops the worker's clock at once (before its next tick), and what the
    // user asked for is shown without the idle wait.
    void setPlaying(bool playing)
    {
        if (!playing) {
            worker_->requestPause();
        }
        const uint64_t epoch = worker_->pauseEpoch();
        const uint64_t command = ++playCommands_;
        post([playing, epoch, command](Worker& w) { w.setPlaying(playing, epoch, command); });
        pacer_->acknowledgeNow();
    }
    // Play and Pause commands sent so far: a snapshot built before the worker took the last one
    // carries a smaller count.
    uint64_t playCommands() const noexcept { return playCommands_; }

    Worker* worker() const noexcept { return worker_; }
    ViewPacer& pacer() const noexcept { return *pacer_; }

private:
    QThread* thread_ = nullptr;
    Worker* worker_ = nullptr;  // deleted on its thread as the thread finishes
    ViewPacer* pacer_ = nullptr;  // acknowledges each snapshot once drawn, after the idle wait
    uint64_t playCommands_ = 0;
};

} // namespace bitmig
