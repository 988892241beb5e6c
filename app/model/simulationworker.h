// Owns the engine on the simulation thread: advances it at the requested speed and publishes
// snapshots at display rate, one at a time (the next only after the view took the last).
#pragma once

#include "simsnapshot.h"

#include <bitmig/migrationengine.h>

#include <QElapsedTimer>
#include <QObject>

#include <deque>
#include <map>
#include <memory>

class QTimer;

namespace bitmig {

class SimulationWorker : public QObject {
    Q_OBJECT
public:
    explicit SimulationWorker(QObject* parent = nullptr);
    ~SimulationWorker() override;

    // All of these run on the worker's thread (the controller queues them).
    void setConfig(const SimConfig& config);  // a new run; emits failed() on a bad config
    void setPlaying(bool playing);
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
    void acknowledge(quint64 serial);
    void publishNow();  // a snapshot even if nothing changed (e.g. after a resize)

    // For the benchmark and tests: frame budget the worker spends simulating per frame.
    static constexpr int kFrameMs = 16;

Q_SIGNALS:
    void snapshotReady(bitmig::SimSnapshotPtr snapshot);
    void failed(const QString& message);
    // setConfig() could not build its run (failed() said why) and runs this previous one again.
    void configRestored(const bitmig::SimConfig& config);
    void injectionDone(quint64 token, bool undoable);

private:
    void releaseEngine();  // drops the run and gives its memory back to the system
    void frame();
    void advance(double wallSeconds);
    void collectTickState();
    void resetAchievedSpeed();
    void publish();

    std::unique_ptr<MigrationEngine> engine_;
    QTimer* timer_ = nullptr;
    QElapsedTimer wall_;
    qint64 lastWallNs_ = 0;
    bool playing_ = false;
    double speed_ = 1;
    double simDebtNs_ = 0;
    double achievedSpeed_ = 0;
    // Wall and simulated seconds of the frames of the last kSpeedWindowS of wall time.
    struct FrameSpan {
        double wallS = 0;
        double simS = 0;
    };
    static constexpr double kSpeedWindowS = 1.5;
    std::deque<FrameSpan> speedWindow_;
    double windowWallS_ = 0, windowSimS_ = 0;
    HeatmapRequest request_;
    uint64_t runId_ = 0;
    uint64_t serial_ = 0;
    uint64_t acknowledged_ = 0;
    bool dirty_ = true;
    size_t samplesPublished_ = 0;
    std::vector<uint64_t> sentChunks_;
    struct Undo {
        bool wasClear;
        std::vector<Range> ranges;  // byte ranges the injection changed
    };
    std::map<quint64, Undo> undo_;
};

} // namespace bitmig

