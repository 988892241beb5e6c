// Owns the engine on the simulation thread and the commands on it (configuration, brush, undo,
// migration); a RunPacer (framepacing.h) advances it at the requested speed and publishes
// snapshots at display rate, one at a time. The view acknowledges a snapshot once it has drawn it;
// until then no new snapshot is built: a frame the view could not draw is dropped, never queued,
// and the next snapshot shows the state of its own moment (with every sample since the last), so
// what the window shows is never more than one frame behind the simulation. Pause takes effect
// before the next tick, even in the middle of a frame's batch of ticks.
#pragma once

#include "arrayreuse.h"
#include "pacedworker.h"

#include <bitmig/migrationengine.h>
#include <bitmig/simsnapshot.h>

#include <QObject>

#include <deque>
#include <map>
#include <memory>

namespace bitmig {

// Pause, play, speed, acknowledgements and digest pacing: PacedWorker (pacedworker.h).
class SimulationWorker : public PacedWorker {
    Q_OBJECT
public:
    explicit SimulationWorker(QObject* parent = nullptr);
    ~SimulationWorker() override;

    // All of these run on the worker's thread (the controller queues them).
    void setConfig(const SimConfig& config);  // a new run; emits failed() on a bad config
    void stepTicks(int ticks);
    void startMigration();
    void abortMigration();
    // Guest I/O from the brush; `token` names it for undo. What it changed is remembered so that
    // revert(token) can undo exactly that (bits the write dirtied are cleared again, and so on).
    void inject(quint64 token, bool clear, quint64 offset, quint64 length);
    void revert(quint64 token);
    void setWorkload(const WorkloadSpec& spec);
    void setRequest(const HeatmapRequest& request);
    void publishNow() { pacer_->publishNow(); }  // a snapshot even if nothing changed (e.g. after a resize)

Q_SIGNALS:
    void snapshotReady(bitmig::SimSnapshotPtr snapshot);
    void failed(const QString& message);
    // setConfig() could not build its run (failed() said why) and runs this previous one again.
    void configRestored(const bitmig::SimConfig& config);
    void injectionDone(quint64 token, bool undoable);

private:
    // PacedRun: what the pacer drives.
    bool hasRun() const override { return engine_ != nullptr; }
    bool runFinished() const override { return engine_->finished(); }
    int64_t tickNs() const override { return engine_->config().tickNs; }
    int64_t simulatedNs() const override { return engine_->nowNs(); }
    void stepTick() override;
    bool digestsPending() const override { return engine_ && engine_->digestsPending(); }
    void hashDigestSlice(quint64 bytes) override { engine_->computeDigests(bytes); }
    bool canPublish() const override { return engine_ != nullptr; }
    void publishSnapshot(uint64_t serial) override;

    void releaseEngine();  // drops the run and gives its memory back to the system
    void collectTickState();

    std::unique_ptr<MigrationEngine> engine_;
    // After engine_: ends first, so that the last run's arrays are given back with it.
    ArrayReuse arrayReuse_;
    HeatmapRequest request_;
    uint64_t runId_ = 0;
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
