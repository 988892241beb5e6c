// The GUI thread's handle on a comparison: 2 to 4 lanes that share the disk, the workload, the seed
// and the clock, each with its own overrides (chunk size, strategy, link, limits), stepped in
// lockstep by a LanesWorker on a thread of its own and paced like SimulationController (a ViewPacer,
// framepacing.h): a snapshot of all lanes is acknowledged once the window has drawn it, and only
// then is the next one built.
#pragma once

#include "lanesworker.h"
#include "pacedworker.h"

#include "app/scenario/scenariofile.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <vector>

namespace bitmig {

class LanesController : public QObject {
    Q_OBJECT
public:
    static constexpr int kMinLanes = 2;
    static constexpr int kMaxLanes = 4;

    explicit LanesController(QObject* parent = nullptr);
    ~LanesController() override;

    // A new comparison (the lanes start over, paused). False, with failed() saying why, for fewer
    // than 2 or more than 4 lanes or a lane that cannot run; the previous comparison then stays.
    bool setComparison(const SimConfig& shared, const std::vector<ScenarioLane>& lanes);
    const SimConfig& sharedConfig() const noexcept { return shared_; }
    const std::vector<ScenarioLane>& lanes() const noexcept { return lanes_; }
    int laneCount() const noexcept { return int(lanes_.size()); }
    SimConfig laneConfig(int lane) const;
    // Why these lanes cannot run together (a lane's refused value, "Lane 2: chunk: ...", or the
    // memory of all of them), empty when they can.
    static QString problem(const SimConfig& shared, const std::vector<ScenarioLane>& lanes);

    // The lane's name: the one it was given, else what differs between it and the other lanes
    // ("1 MiB chunks", "postcopy, 100 Mbit/s"), else "Lane N". Names are told apart when equal.
    QString laneName(int lane) const;
    QStringList laneNames() const;
    static QStringList namesFor(const SimConfig& shared, const std::vector<ScenarioLane>& lanes);

    // A copy of lane `copyOf` at the end (at most 4 lanes); false when full.
    bool addLane(int copyOf);
    bool addLane(const ScenarioLane& lane);
    bool removeLane(int lane);  // down to 2
    // The lane's configuration as an editor made it: the values every lane shares (disk, workload,
    // seed, clock) go to every lane, the others to this lane (its given name is dropped: it named
    // what it changed). False (failed() says why) when refused; nothing changes then.
    bool setLaneConfig(int lane, const SimConfig& config);
    // The comparison as a scenario file holds it (the names as shown).
    Scenario scenario(const QString& name = QString(), const QString& description = QString()) const;

    bool isPlaying() const noexcept { return playing_; }
    double speed() const noexcept { return speed_; }
    const LanesSnapshotPtr& snapshot() const noexcept { return snapshot_; }
    quint64 framesDrawn() const noexcept { return thread_.pacer().framesDrawn(); }
    // The rasters the lanes were last asked for (setRequests()), one per lane.
    const std::vector<HeatmapRequest>& requests() const noexcept { return requests_; }

public Q_SLOTS:
    void setPlaying(bool playing);
    void togglePlaying() { setPlaying(!playing_); }
    void step(int ticks = 1);
    void setSpeed(double speed);  // clamped to [0.001, 1000]
    void startMigration();
    void reset();
    // The same guest I/O in every lane.
    void inject(bool clear, quint64 offset, quint64 length);
    // Asks the lanes for these rasters; nothing when they are the ones asked for already.
    void setRequests(const std::vector<bitmig::HeatmapRequest>& requests);
    void setDigestPacing(quint64 sliceBytes, int slicesPerFrame);

Q_SIGNALS:
    void snapshotChanged(const bitmig::LanesSnapshotPtr& snapshot);
    void lanesChanged();  // lanes added, removed, renamed or edited: the views rebuild
    void requestsChanged();  // setRequests() asked the lanes for other rasters
    void playingChanged(bool playing);
    void speedChanged(double speed);
    void failed(const QString& message);

private:
    void rebuild();
    void onSnapshot(const LanesSnapshotPtr& snapshot);

    SimConfig shared_;
    std::vector<ScenarioLane> lanes_;
    LanesSnapshotPtr snapshot_;
    std::vector<HeatmapRequest> requests_;
    bool playing_ = false;
    double speed_ = 10;
    // The lanes' thread and its worker, last: stopped before the other members go.
    WorkerThread<LanesWorker> thread_;
};

} // namespace bitmig
