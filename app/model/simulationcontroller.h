// The GUI thread's handle on the simulation: commands go to the worker thread, snapshots come back.
#pragma once

#include "pacedworker.h"

#include <bitmig/configerror.h>
#include <bitmig/simsnapshot.h>

#include <QObject>
#include <QString>

#include <optional>

namespace bitmig {

class SimulationWorker;

class SimulationController : public QObject {
    Q_OBJECT
public:
    explicit SimulationController(QObject* parent = nullptr);
    ~SimulationController() override;

    // A new run with these parameters (the previous run is dropped). Bad values, and a run that
    // cannot fit in memory, are reported through failed() with the field's name; the previous run
    // then stays.
    void setConfig(const SimConfig& config);
    // Empty when a run of `config` fits in the memory a new run may have (what the machine has
    // available, plus what dropping the current run gives back), else why not, with both figures.
    // In the reader's language (ConfigErrorText); a BITMIG_MEMORY_LIMIT that is not a size is
    // told as such.
    static QString memoryProblem(const SimConfig& config);
    // The same refusal typed (a ConfigError at the disk), std::nullopt when the run fits or the
    // disk itself is refused by validate(); std::invalid_argument for a BITMIG_MEMORY_LIMIT that
    // is not a size.
    static std::optional<ConfigError> memoryRefusal(const SimConfig& config);
    const SimConfig& config() const noexcept { return config_; }

    bool isPlaying() const noexcept { return playing_; }
    double speed() const noexcept { return speed_; }
    const SimSnapshotPtr& snapshot() const noexcept { return snapshot_; }
    // Snapshots the window has drawn. Each is acknowledged to the worker, which builds the next only
    // then, after the window has been left idle as long as the frame kept it busy (at most
    // ViewPacer::kMaxIdleMs): the simulation never runs ahead of what the window can show.
    quint64 framesDrawn() const noexcept { return thread_.pacer().framesDrawn(); }

    static constexpr double kMinSpeed = 0.001;
    static constexpr double kMaxSpeed = 1000;

public Q_SLOTS:
    void setPlaying(bool playing);
    void togglePlaying() { setPlaying(!playing_); }
    void step(int ticks = 1);
    void setSpeed(double speed);  // clamped to [0.001, 1000] simulated seconds per wall second
    void startMigration();
    void abortMigration();
    void reset() { setConfig(config_); }
    // Guest I/O from the brush; returns a token for revert().
    quint64 inject(bool clear, quint64 offset, quint64 length);
    void revert(quint64 token);
    void setWorkload(const bitmig::WorkloadSpec& spec);
    void setRequest(const bitmig::HeatmapRequest& request);
    // How fast a finished run's verification digests are hashed between frames (tests): bytes a
    // slice, slices a frame (0: as many as the frame budget allows). See SimulationWorker.
    void setDigestPacing(quint64 sliceBytes, int slicesPerFrame);

Q_SIGNALS:
    void snapshotChanged(const bitmig::SimSnapshotPtr& snapshot);
    void configChanged(const bitmig::SimConfig& config);
    void playingChanged(bool playing);
    void speedChanged(double speed);
    void failed(const QString& message);
    void injectionDone(quint64 token, bool undoable);

private:
    void onSnapshot(const SimSnapshotPtr& snapshot);

    SimConfig config_;
    SimSnapshotPtr snapshot_;
    bool playing_ = false;
    double speed_ = 10;
    quint64 nextToken_ = 1;
    // The simulation thread and its worker, last: stopped before the other members go.
    WorkerThread<SimulationWorker> thread_;
};

} // namespace bitmig
