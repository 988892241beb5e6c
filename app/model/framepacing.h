// Frame pacing between a run simulated on a thread of its own and the window that shows it, in two
// halves: RunPacer on the simulation thread (the clock, the frame budget, Pause, the snapshots built
// one at a time) and ViewPacer on the GUI thread (the acknowledgement of each snapshot once the
// window has drawn it, after an idle wait). SimulationWorker/SimulationController (one run) and
// LanesWorker/LanesController (a comparison) use them; a new kind of run gets the same pacing with a
// worker derived from PacedWorker that implements PacedRun, run by its controller on a WorkerThread
// (pacedworker.h), and its snapshots handed through the WorkerThread's ViewPacer (presentSnapshot).
//
// The protocol: the worker builds a snapshot only when the view has acknowledged the last one. The
// simulation goes on meanwhile; a frame simulated while the view still draws is dropped, never
// queued, and the next snapshot shows the state of its own moment (the run hands every sample since
// the last snapshot over with it), so what the window shows is never more than one frame behind.
// The view acknowledges a snapshot once every repaint it caused has run (two trips through the
// event queue at low priority) and the GUI thread has then been left idle as long as the frame kept
// it busy (at most kMaxIdleMs), so input, tab clicks and Pause always find the GUI thread free.
#pragma once

#include <QElapsedTimer>
#include <QObject>

#include <atomic>
#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <utility>

class QTimer;

namespace bitmig {

// What a RunPacer drives: the run of a worker (one engine, the lanes of a comparison, ...). Called
// on the simulation thread only.
class PacedRun {
public:
    virtual ~PacedRun() = default;
    virtual bool hasRun() const = 0;         // something to simulate (an engine was built)
    virtual bool runFinished() const = 0;    // nothing left to simulate
    virtual int64_t tickNs() const = 0;      // simulated time one step() covers
    virtual int64_t simulatedNs() const = 0; // the run's clock, for the speed achieved
    virtual void stepTick() = 0;             // one tick (and whatever the worker collects from it)
    // The run's verification digests: while any is pending the clock waits, and the pacer hashes
    // them a slice of at most `bytes` at a time between Pause checks, within the frame's budget.
    virtual bool digestsPending() const = 0;
    virtual void hashDigestSlice(quint64 bytes) = 0;
    // False when there is nothing to show (no run): the serial is then not used.
    virtual bool canPublish() const = 0;
    // Builds and hands over the snapshot numbered `serial`, with the pacer's part of it from
    // RunPacer::isPlaying(), speed() and achievedSpeed(). The pacer has counted it as shown
    // already: a receiver may acknowledge it within the emission.
    virtual void publishSnapshot(uint64_t serial) = 0;
};

// The simulation thread's half: owns the frame timer, turns wall time into simulated time at the
// speed asked within a frame budget, stops the clock on Pause before the next tick, builds a
// snapshot only once the view has drawn the last, and measures the speed achieved. Lives on the
// worker's thread (a child of the worker moves with it).
class RunPacer : public QObject {
    Q_OBJECT
public:
    explicit RunPacer(PacedRun& run, QObject* parent = nullptr);
    ~RunPacer() override;

    // The frame timer's interval.
    static constexpr int kFrameMs = 16;
    // What one frame may spend simulating (and hashing digests), from its start: the whole frame,
    // so a run that lags behind the speed asked has the thread all the time. Pause is checked
    // between ticks; every other command waits for the frame's end, a frame's time at most (and
    // the snapshot that follows).
    static constexpr qint64 kFrameBudgetNs = qint64(kFrameMs) * 1'000'000;
    // Wall time one frame can account for, and the most a frame that ran out of budget leaves owed
    // to the next ones: a frame that ran long is caught up, while a stall, or a run that cannot keep
    // the speed asked, does not turn into a burst of catch-up beyond it.
    static constexpr double kMaxFrameGapS = 0.1;
    // Digest slices: 2 MiB at a time, so Pause, Reset and closing the window never wait for them.
    static constexpr quint64 kDigestSliceBytes = quint64(2) << 20;
    // The speed achieved is measured over this much wall time.
    static constexpr qint64 kAchievedWindowNs = 1'000'000'000;

    // Thread-safe, from any thread: stops the clock before its next tick, also in the middle of a
    // frame's batch. A later setPlaying(true, epoch) with the epoch read after this call plays again.
    void requestPause() noexcept { pauseEpoch_.fetch_add(1, std::memory_order_relaxed); }
    uint64_t pauseEpoch() const noexcept { return pauseEpoch_.load(std::memory_order_relaxed); }

    // The rest on the simulation thread.
    // The run was replaced: debt, speed achieved and the dropped frame are forgotten, the next
    // snapshot is due, and the frame timer runs.
    void runReplaced();
    // `epoch`: pauseEpoch() when play was asked for; a pause requested since then wins. Without
    // it, the current epoch.
    void setPlaying(bool playing, std::optional<uint64_t> epoch = std::nullopt);
    void stopPlaying() noexcept { playing_ = false; }
    bool isPlaying() const noexcept { return playing_; }
    void setSpeed(double speed);  // clamped to [0.001, 1e6]
    double speed() const noexcept { return speed_; }
    double achievedSpeed() const noexcept { return playing_ ? achievedSpeed_ : 0; }
    // Something the next snapshot shows changed.
    void markDirty() noexcept { dirty_ = true; }
    // The view has drawn the snapshot with this serial: a frame simulated meanwhile, or a change
    // while paused, is shown now rather than at the next frame.
    void acknowledge(uint64_t serial);
    // A snapshot now even if nothing changed, once the view has drawn the last.
    void publishNow();
    // A change shown at once when the view has drawn the last snapshot and the run is paused.
    void publishIfPausedAndDrawn();
    // Digest slices' size and how many a frame may take (0: the budget decides); for tests.
    void setDigestPacing(quint64 sliceBytes, int slicesPerFrame);

    uint64_t serial() const noexcept { return serial_; }
    bool drawn() const noexcept { return acknowledged_ == serial_; }
    // Frames simulated while the view was still drawing the last snapshot: never published.
    uint64_t framesDropped() const noexcept { return framesDropped_; }

    // One frame, as the timer runs it: Pause, digests, simulation within the budget, the snapshot.
    void frame();
    // The wall clock in nanoseconds (tests replace it; by default a monotonic clock).
    void setClock(std::function<qint64()> clock) { clock_ = std::move(clock); }

private:
    qint64 nowNs() const { return clock_ ? clock_() : wall_.nsecsElapsed(); }
    bool pauseRequested() const noexcept { return pauseEpoch() != playEpoch_; }
    void advance(double wallSeconds, qint64 budgetEnd);
    void hashDigests(qint64 budgetEnd);
    void noteAchieved(qint64 wallNs);
    void resetAchievedSpeed();
    void publish();

    PacedRun& run_;
    QTimer* timer_ = nullptr;
    QElapsedTimer wall_;
    std::function<qint64()> clock_;
    qint64 lastWallNs_ = 0;
    std::atomic<uint64_t> pauseEpoch_{0};
    uint64_t playEpoch_ = 0;
    bool playing_ = false;
    double speed_ = 1;
    double simDebtNs_ = 0;
    // Simulated time against wall time over the last second of playing: the speed achieved.
    std::deque<std::pair<qint64, int64_t>> progress_;
    double achievedSpeed_ = 0;
    uint64_t serial_ = 0;
    uint64_t acknowledged_ = 0;
    bool dirty_ = true;
    bool aheadOfView_ = false;  // advanced past the snapshot the view is drawing
    uint64_t framesDropped_ = 0;
    quint64 digestSliceBytes_ = kDigestSliceBytes;
    int digestSlicesPerFrame_ = 0;
};

// The GUI thread's half: hands each snapshot to the views, then acknowledges it to the worker once
// the window has drawn it and been left idle as long as the frame kept it busy.
class ViewPacer : public QObject {
    Q_OBJECT
public:
    // `acknowledge` tells the worker (queued to its thread) that the snapshot `serial` was drawn.
    explicit ViewPacer(std::function<void(quint64 serial)> acknowledge, QObject* parent = nullptr);
    ~ViewPacer() override;

    static constexpr qint64 kMaxIdleMs = 500;

    // The snapshot `serial` arrived: `show` hands it to the views (its repaints are posted then);
    // it is acknowledged once they have run and the idle wait is over.
    void present(quint64 serial, const std::function<void()>& show);
    // What the user asked for is shown without the idle wait: a drawn snapshot waiting out the idle
    // time is acknowledged now.
    void acknowledgeNow();
    // Snapshots the window has drawn.
    quint64 framesDrawn() const noexcept { return framesDrawn_; }
    // Drawn, waiting out the idle time before the acknowledgement.
    bool acknowledgementPending() const noexcept { return pendingAck_ != 0; }

Q_SIGNALS:
    // The window has drawn snapshot `serial`; its acknowledgement follows after `idleMs` (0: now).
    void drawn(quint64 serial, qint64 idleMs);

protected:
    bool event(QEvent* event) override;

private:
    std::function<void(quint64)> acknowledge_;
    quint64 framesDrawn_ = 0;
    QElapsedTimer frameClock_;  // since the current snapshot arrived
    QTimer* ackTimer_ = nullptr;  // the idle wait before the acknowledgement
    quint64 pendingAck_ = 0;      // drawn, not yet acknowledged
};

// A controller's hand-over of a snapshot from its worker, on the GUI thread: through `pacer` (so it
// is acknowledged once drawn) it becomes `shown`; a run the worker stopped playing at its end (the
// worker stops by itself there) ends `playing` with the controller's playingChanged(false), when the
// worker had taken the controller's last Play or Pause (`lastPlayCommand`) as it built the snapshot:
// a finished run's snapshot still on its way after a Reset and Play does not stop the new run's
// Play; then the controller's snapshotChanged(shown). `Controller` has those two signals
// (SimulationController, LanesController); `SnapshotPtr` points to a snapshot with serial, playing,
// finished and playCommand.
template <class Controller, class SnapshotPtr>
void presentSnapshot(ViewPacer& pacer, Controller& controller, SnapshotPtr& shown, bool& playing, const SnapshotPtr& snapshot,
                     uint64_t lastPlayCommand)
{
    pacer.present(snapshot->serial, [&] {
        shown = snapshot;
        if (playing && !snapshot->playing && snapshot->finished && snapshot->playCommand == lastPlayCommand) {
            playing = false;
            Q_EMIT controller.playingChanged(false);
        }
        Q_EMIT controller.snapshotChanged(shown);
    });
}

} // namespace bitmig
