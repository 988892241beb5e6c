#include "simulationcontroller.h"

#include "simulationworker.h"
#include "widgets/configerrortext.h"

#include <bitmig/hbitmap.h>
#include <bitmig/runmemory.h>
#include <bitmig/snapshotbuilder.h>
#include <bitmig/zeropageallocator.h>

#include <algorithm>

namespace bitmig {

SimulationController::SimulationController(QObject* parent)
    : QObject(parent), thread_(this, QStringLiteral("simulation"))
{
    qRegisterMetaType<SimSnapshotPtr>("bitmig::SimSnapshotPtr");
    SimulationWorker* w = thread_.worker();
    connect(w, &SimulationWorker::snapshotReady, this, &SimulationController::onSnapshot);
    connect(w, &SimulationWorker::failed, this, &SimulationController::failed);
    connect(w, &SimulationWorker::configRestored, this, [this](const SimConfig& c) {
        config_ = c;  // the run the worker could build: the window shows its values again
        Q_EMIT configChanged(config_);
    });
    connect(w, &SimulationWorker::injectionDone, this, &SimulationController::injectionDone);
    thread_.start(speed_);
}

SimulationController::~SimulationController() = default;

void SimulationController::setConfig(const SimConfig& config)
{
    try {
        config.validate();
        if (const std::optional<ConfigError> refusal = memoryRefusal(config)) {
            throw *refusal;
        }
    } catch (const ConfigError& e) {
        Q_EMIT failed(ConfigErrorText::message(e));
        return;
    } catch (const std::invalid_argument& e) {
        Q_EMIT failed(QString::fromStdString(e.what()));  // BITMIG_MEMORY_LIMIT
        return;
    }
    config_ = config;
    thread_.post([config](SimulationWorker& w) { w.setConfig(config); });
    setPlaying(false);
    Q_EMIT configChanged(config_);
}

std::optional<ConfigError> SimulationController::memoryRefusal(const SimConfig& config)
{
    return replacementRunMemoryRefusal(config);
}

QString SimulationController::memoryProblem(const SimConfig& config)
{
    try {
        const std::optional<ConfigError> refusal = memoryRefusal(config);
        return refusal ? ConfigErrorText::reason(*refusal) : QString();
    } catch (const std::invalid_argument& e) {
        return QString::fromStdString(e.what());
    }
}

void SimulationController::setPlaying(bool playing)
{
    thread_.setPlaying(playing);
    if (playing_ != playing) {
        playing_ = playing;
        Q_EMIT playingChanged(playing_);
    }
}

void SimulationController::step(int ticks)
{
    setPlaying(false);
    thread_.post([ticks](SimulationWorker& w) { w.stepTicks(ticks); });
}

void SimulationController::setSpeed(double speed)
{
    speed = std::clamp(speed, kMinSpeed, kMaxSpeed);
    if (speed == speed_) {
        return;
    }
    speed_ = speed;
    thread_.post([speed](SimulationWorker& w) { w.setSpeed(speed); });
    Q_EMIT speedChanged(speed_);
}

void SimulationController::startMigration()
{
    thread_.post([](SimulationWorker& w) { w.startMigration(); });
}

void SimulationController::abortMigration()
{
    thread_.post([](SimulationWorker& w) { w.abortMigration(); });
}

quint64 SimulationController::inject(bool clear, quint64 offset, quint64 length)
{
    const quint64 token = nextToken_++;
    thread_.post([token, clear, offset, length](SimulationWorker& w) { w.inject(token, clear, offset, length); });
    return token;
}

void SimulationController::revert(quint64 token)
{
    thread_.post([token](SimulationWorker& w) { w.revert(token); });
}

void SimulationController::setWorkload(const WorkloadSpec& spec)
{
    try {
        spec.validate(config_.guestBytes());
    } catch (const ConfigError& e) {
        Q_EMIT failed(ConfigErrorText::message(e));
        return;
    }
    config_.workload = spec;
    thread_.post([spec](SimulationWorker& w) { w.setWorkload(spec); });
}

void SimulationController::setRequest(const HeatmapRequest& request)
{
    thread_.post([request](SimulationWorker& w) { w.setRequest(request); });
}

void SimulationController::onSnapshot(const SimSnapshotPtr& snapshot)
{
    presentSnapshot(thread_.pacer(), *this, snapshot_, playing_, snapshot, thread_.playCommands());
}

void SimulationController::setDigestPacing(quint64 sliceBytes, int slicesPerFrame)
{
    thread_.post([sliceBytes, slicesPerFrame](SimulationWorker& w) { w.setDigestPacing(sliceBytes, slicesPerFrame); });
}

} // namespace bitmig
