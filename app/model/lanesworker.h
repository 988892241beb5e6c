// Owns the engines of a comparison on the simulation thread and steps them in lockstep: every tick
// steps each lane that has not finished, so all running lanes stand at the same simulated time after
// every step (a lane that finished stays at its end). Paced like SimulationWorker (a RunPacer,
// framepacing.h): one snapshot of all lanes at a time, the next built only once the view has drawn
// the last; a frame the view could not draw is dropped, never queued.
#pragma once

#include "arrayreuse.h"
#include "pacedworker.h"

#include <bitmig/migrationengine.h>
#include <bitmig/simsnapshot.h>

#include <QObject>

#include <memory>
#include <vector>

namespace bitmig {

// One frame of a comparison: a snapshot per lane, taken at the same moment.
struct LanesSnapshot {
    uint64_t serial = 0;
    uint64_t runId = 0;            // changes when the lanes are rebuilt (reset, edit, add, remove)
    std::vector<SimSnapshotPtr> lanes;
    bool playing = false;
    uint64_t playCommand = 0;      // the controller's last Play or Pause taken when it was built
    double speed = 1;
    double achievedSpeed = 0;
    bool finished = false;         // every lane finished
    int64_t nowNs = 0;             // the shared clock: the latest time of any lane
};
using LanesSnapshotPtr = std::shared_ptr<const LanesSnapshot>;

// Pause, play, speed, acknowledgements and digest pacing: PacedWorker (pacedworker.h).
class LanesWorker : public PacedWorker {
    Q_OBJECT
public:
    explicit LanesWorker(QObject* parent = nullptr);
    ~LanesWorker() override;

    // On the worker's thread. New lanes from these configurations (each already validated); every
    // previous lane is dropped first.
    void setConfigs(const std::vector<SimConfig>& configs);
    void stepTicks(int ticks);  // every lane, `ticks` times, in lockstep
    void startMigration();      // in every lane that can start one
    // Guest I/O in every lane: the same bytes, each lane's bitmap dirties its own granules.
    void inject(bool clear, quint64 offset, quint64 length);
    // One request per lane (lanes with different granularities show the same bytes in other bits).
    void setRequests(const std::vector<HeatmapRequest>& requests);

Q_SIGNALS:
    void snapshotReady(bitmig::LanesSnapshotPtr snapshot);
    void failed(const QString& message);

private:
    struct Lane {
        std::unique_ptr<MigrationEngine> engine;
        std::vector<uint64_t> sentChunks;
        HeatmapRequest request;
    };
    // PacedRun: the lanes stepped as one run on one clock.
    bool hasRun() const override { return !lanes_.empty(); }
    bool runFinished() const override;
    int64_t tickNs() const override { return lanes_.front().engine->config().tickNs; }  // shared by every lane
    int64_t simulatedNs() const override;  // the shared clock: the latest time of any lane
    void stepTick() override { stepAll(); }
    bool digestsPending() const override;
    void hashDigestSlice(quint64 bytes) override;
    bool canPublish() const override { return true; }
    void publishSnapshot(uint64_t serial) override;

    void stepAll();

    std::vector<Lane> lanes_;
    // After lanes_: ends first, so that the last lanes' arrays are given back with them.
    ArrayReuse arrayReuse_;
    uint64_t runId_ = 0;
};

} // namespace bitmig
