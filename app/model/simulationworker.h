// Owns the engine on the simulation thread: advances it at the requested speed and publishes
// snapshots at display rate, one at a time. The view acknowledges a snapshot once it has drawn it;
// until then no new snapshot is built: a frame the view could not draw is dropped, never queued,
// and the next snapshot shows the state of its own moment (with every sample since the last), so
// what the window shows is never more than one frame behind the simulation. Pause takes effect
// before the next tick, even in the middle of a frame's batch of ticks.
#pragma once

#include <bitmig/migrationengine.h>
#include <bitmig/simsnapshot.h>

#include <QElapsedTimer>
#include <QObject>

#include <atomic>
#include <deque>
#include <map>
#include <memory>
#include <optional>

class QTimer;

namespace bitmig {

class SimulationWorker : public QObject {
    Q_OBJECT
public:
    explicit SimulationWorker(QObject* parent = nullptr);
    ~SimulationWorker() override;

    // Thread-safe, from any thread: stops the clock before its next tick, also in the middle of a
    // batch. A later setPlaying(true, epoch) with the epoch read after this call plays again.
    void requestPause() noexcept { pauseEpoch_.fetch_add(1, std::memory_order_relaxed); }
    uint64_t pauseEpoch() const noexcept { return pauseEpoch_.load(std::memory_order_relaxed); }

    // All of these run on the worker's thread (the controller queues them).
    void setConfig(const SimConfig& config);  // a new run; emits failed() on a bad config
    // `epoch`: pauseEpoch() when play was asked for; a pause requested since then wins. Without
    // it, the current epoch.
    void setPlaying(bool playing, std::optional<uint64_t> epoch = std::nullopt);
    void setSpeed(double speed);
    void stepTicks(int ticks);
    void startMigration();
    void abortMigration();
    // Guest I/O from the brush; `token` names it for undo. What it changed is remembered so that
    // revert(token) can undo exactly that (bits the write dirtied are cleared again, and so on).
    void inject(quint64 token, bool clear, quint64 offset, quint64 length);
    void revert(quint64 token);
    void setWorkload(const WorkloadSpec& spec);
    void setRequest(const HeatmapRequest& request);
    // The view has drawn the snapshot with this serial.
    void acknowledge(quint64 serial);
    void publishNow();  // a snapshot even if nothing changed (e.g. after a resize)

    // For the benchmark and tests: frame budget the worker spends simulating per frame.
    static constexpr int kFrameMs = 16;
    // Wall time one frame can account for: a stalled frame does not turn into a burst of catch-up.
    static constexpr double kMaxFrameGapS = 0.1;
    // The verification digests of a large run (128 MiB a bitmap at 2^30 bits) are hashed between
    // frames, kDigestSliceBytes at a time within the frame budget, so Pause, Reset and closing the
    // window never wait for them. Tests slow them down: `slicesPerFrame` 0 means the budget decides.
    static constexpr quint64 kDigestSliceBytes = quint64(2) << 20;
    void setDigestPacing(quint64 sliceBytes, int slicesPerFrame);
    // Frames simulated while the view was still drawing the last snapshot: never published.
    uint64_t framesDropped() const noexcept { return framesDropped_; }

Q_SIGNALS:
    void snapshotReady(bitmig::SimSnapshotPtr snapshot);
    void failed(const QString& message);
    // setConfig() could not build its run (failed() said why) and runs this previous one again.
    void configRestored(const bitmig::SimConfig& config);
    void injectionDone(quint64 token, bool undoable);

private:
    void releaseEngine();  // drops the run and gives its memory back to the system
    void frame();
    bool pauseRequested() const noexcept { return pauseEpoch() != playEpoch_; }
    void advance(double wallSeconds);
    // Hashes pending digests until `budgetEnd` (wall_ time), a Pause, or the slices a frame may take.
    void digestSlices(qint64 budgetEnd);
    void noteAchieved(qint64 wallNs);
    void collectTickState();
    void resetAchievedSpeed();
    void publish();

    std::unique_ptr<MigrationEngine> engine_;
    QTimer* timer_ = nullptr;
    QElapsedTimer wall_;
    qint64 lastWallNs_ = 0;
    std::atomic<uint64_t> pauseEpoch_{0};
    uint64_t playEpoch_ = 0;
    bool playing_ = false;
    double speed_ = 1;
    double simDebtNs_ = 0;
    // Simulated time against wall time over the last second of playing: the speed achieved.
    std::deque<std::pair<qint64, int64_t>> progress_;
    double achievedSpeed_ = 0;
    HeatmapRequest request_;
    uint64_t runId_ = 0;
    uint64_t serial_ = 0;
    uint64_t acknowledged_ = 0;
    bool dirty_ = true;
    bool aheadOfView_ = false;  // advanced past the snapshot the view is drawing
    uint64_t framesDropped_ = 0;
    quint64 digestSliceBytes_ = kDigestSliceBytes;
    int digestSlicesPerFrame_ = 0;
    std::deque<TimeSample> recent_;  // samples of the last simulated second, for the recent rates
    int64_t recentSpanNs_ = 0;
    std::vector<uint64_t> sentChunks_;
    struct Undo {
        bool wasClear;
        std::vector<Range> ranges;  // byte ranges the injection changed
    };
    std::map<quint64, Undo> undo_;
};

} // namespace bitmig
