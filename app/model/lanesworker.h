// Owns the engines of a comparison on the simulation thread and steps them in lockstep: every tick
// steps each lane that has not finished, so all running lanes stand at the same simulated time after
// every step (a lane that finished stays at its end). Paced like SimulationWorker: one snapshot of
// all lanes at a time, the next built only once the view has drawn the last; a frame the view could
// not draw is dropped, never queued.
#pragma once

#include <bitmig/migrationengine.h>
#include <bitmig/simsnapshot.h>

#include <QElapsedTimer>
#include <QObject>

#include <atomic>
#include <deque>
#include <memory>
#include <optional>
#include <vector>

class QTimer;

namespace bitmig {

// One frame of a comparison: a snapshot per lane, taken at the same moment.
struct LanesSnapshot {
    uint64_t serial = 0;
    uint64_t runId = 0;            // changes when the lanes are rebuilt (reset, edit, add, remove)
    std::vector<SimSnapshotPtr> lanes;
    bool playing = false;
    double speed = 1;
    double achievedSpeed = 0;
    bool finished = false;         // every lane finished
    int64_t nowNs = 0;             // the shared clock: the latest time of any lane
};
using LanesSnapshotPtr = std::shared_ptr<const LanesSnapshot>;

class LanesWorker : public QObject {
    Q_OBJECT
public:
    explicit LanesWorker(QObject* parent = nullptr);
    ~LanesWorker() override;

    // Thread-safe, from any thread: stops the clock before its next tick.
    void requestPause() noexcept { pauseEpoch_.fetch_add(1, std::memory_order_relaxed); }
    uint64_t pauseEpoch() const noexcept { return pauseEpoch_.load(std::memory_order_relaxed); }

    // On the worker's thread. New lanes from these configurations (each already validated); every
    // previous lane is dropped first.
    void setConfigs(const std::vector<SimConfig>& configs);
    void setPlaying(bool playing, std::optional<uint64_t> epoch = std::nullopt);
    void setSpeed(double speed);
    void stepTicks(int ticks);  // every lane, `ticks` times, in lockstep
    void startMigration();      // in every lane that can start one
    // Guest I/O in every lane: the same bytes, each lane's bitmap dirties its own granules.
    void inject(bool clear, quint64 offset, quint64 length);
    // One request per lane (lanes with different granularities show the same bytes in other bits).
    void setRequests(const std::vector<HeatmapRequest>& requests);
    void acknowledge(quint64 serial);
    void setDigestPacing(quint64 sliceBytes, int slicesPerFrame);

    static constexpr int kFrameMs = 16;
    static constexpr double kMaxFrameGapS = 0.1;
    static constexpr quint64 kDigestSliceBytes = quint64(2) << 20;
    uint64_t framesDropped() const noexcept { return framesDropped_; }

Q_SIGNALS:
    void snapshotReady(bitmig::LanesSnapshotPtr snapshot);
    void failed(const QString& message);

private:
    struct Lane {
        std::unique_ptr<MigrationEngine> engine;
        std::vector<uint64_t> sentChunks;
        HeatmapRequest request;
    };
    void frame();
    bool pauseRequested() const noexcept { return pauseEpoch() != playEpoch_; }
    bool allFinished() const;
    bool digestsPending() const;
    void stepAll();
    void advance(double wallSeconds);
    void digestSlices(qint64 budgetEnd);
    void noteAchieved(qint64 wallNs);
    void publish();

    std::vector<Lane> lanes_;
    QTimer* timer_ = nullptr;
    QElapsedTimer wall_;
    qint64 lastWallNs_ = 0;
    std::atomic<uint64_t> pauseEpoch_{0};
    uint64_t playEpoch_ = 0;
    bool playing_ = false;
    double speed_ = 1;
    double simDebtNs_ = 0;
    std::deque<std::pair<qint64, int64_t>> progress_;
    double achievedSpeed_ = 0;
    uint64_t runId_ = 0;
    uint64_t serial_ = 0;
    uint64_t acknowledged_ = 0;
    bool dirty_ = true;
    bool aheadOfView_ = false;
    uint64_t framesDropped_ = 0;
    quint64 digestSliceBytes_ = kDigestSliceBytes;
    int digestSlicesPerFrame_ = 0;
};

} // namespace bitmig
