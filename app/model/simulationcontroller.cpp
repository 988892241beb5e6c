#include "simulationcontroller.h"

#include "simulationworker.h"
#include "snapshotbuilder.h"

#include <bitmig/runmemory.h>
#include <bitmig/zeropageallocator.h>

#include <QMetaObject>
#include <QThread>

#include <algorithm>

namespace bitmig {

SimulationController::SimulationController(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<SimSnapshotPtr>("bitmig::SimSnapshotPtr");
    thread_ = new QThread(this);
    thread_->setObjectName(QStringLiteral("simulation"));
    worker_ = new SimulationWorker;
    worker_->moveToThread(thread_);
    connect(thread_, &QThread::finished, worker_, &QObject::deleteLater);
    connect(worker_, &SimulationWorker::snapshotReady, this, &SimulationController::onSnapshot);
    connect(worker_, &SimulationWorker::failed, this, &SimulationController::failed);
    connect(worker_, &SimulationWorker::configRestored, this, [this](const SimConfig& c) {
        config_ = c;  // the run the worker could build: the window shows its values again
        Q_EMIT configChanged(config_);
    });
    connect(worker_, &SimulationWorker::injectionDone, this, &SimulationController::injectionDone);
    thread_->start();
    const double speed = speed_;
    post([w = worker_, speed] { w->setSpeed(speed); });
}

SimulationController::~SimulationController()
{
    thread_->quit();
    thread_->wait();
}

template <class F>
void SimulationController::post(F&& f)
{
    QMetaObject::invokeMethod(worker_, std::forward<F>(f), Qt::QueuedConnection);
}

void SimulationController::setConfig(const SimConfig& config)
{
    try {
        config.validate();
        if (const QString why = memoryProblem(config); !why.isEmpty()) {
            throw std::invalid_argument("disk: " + why.toStdString());
        }
    } catch (const std::exception& e) {
        Q_EMIT failed(QString::fromStdString(e.what()));
        return;
    }
    config_ = config;
    post([w = worker_, config] { w->setConfig(config); });
    setPlaying(false);
    Q_EMIT configChanged(config_);
}

QString SimulationController::memoryProblem(const SimConfig& config)
{
    AvailableMemory available;
    try {
        SimConfig::validateDisk(config.diskBytes, config.granularity);  // the disk's own problems come first
    } catch (const std::invalid_argument&) {
        return {};
    }
    try {
        available = availableMemory();
    } catch (const std::invalid_argument& e) {
        return QString::fromStdString(e.what());
    }
    if (available.bytes && !available.limited) {
        // The worker drops the current run before it builds the next: its bit arrays come back.
        *available.bytes += std::min<uint64_t>(detail::zeroedBytesInUse(), processAnonymousMemory().value_or(0));
    }
    const uint64_t bits = config.diskBytes / config.granularity + (config.diskBytes % config.granularity != 0);
    return QString::fromStdString(memoryShortfall(config, available, SnapshotBuilder::densityLog2For(bits)));
}

void SimulationController::setPlaying(bool playing)
{
    post([w = worker_, playing] { w->setPlaying(playing); });
    if (playing_ != playing) {
        playing_ = playing;
        Q_EMIT playingChanged(playing_);
    }
}

void SimulationController::step(int ticks)
{
    setPlaying(false);
    post([w = worker_, ticks] { w->stepTicks(ticks); });
}

void SimulationController::setSpeed(double speed)
{
    speed = std::clamp(speed, kMinSpeed, kMaxSpeed);
    if (speed == speed_) {
        return;
    }
    speed_ = speed;
    post([w = worker_, speed] { w->setSpeed(speed); });
    Q_EMIT speedChanged(speed_);
}

void SimulationController::startMigration()
{
    post([w = worker_] { w->startMigration(); });
}

void SimulationController::abortMigration()
{
    post([w = worker_] { w->abortMigration(); });
}

quint64 SimulationController::inject(bool clear, quint64 offset, quint64 length)
{
    const quint64 token = nextToken_++;
    post([w = worker_, token, clear, offset, length] { w->inject(token, clear, offset, length); });
    return token;
}

void SimulationController::revert(quint64 token)
{
    post([w = worker_, token] { w->revert(token); });
}

void SimulationController::setWorkload(const WorkloadSpec& spec)
{
    try {
        spec.validate(config_.diskBytes);
    } catch (const std::exception& e) {
        Q_EMIT failed(QString::fromStdString(e.what()));
        return;
    }
    config_.workload = spec;
    post([w = worker_, spec] { w->setWorkload(spec); });
}

void SimulationController::setRequest(const HeatmapRequest& request)
{
    post([w = worker_, request] { w->setRequest(request); });
}

void SimulationController::onSnapshot(const SimSnapshotPtr& snapshot)
{
    snapshot_ = snapshot;
    // The worker stops playing by itself at the end of a run.
    if (playing_ && !snapshot->playing && snapshot->finished) {
        playing_ = false;
        Q_EMIT playingChanged(false);
    }
    Q_EMIT snapshotChanged(snapshot_);
    const quint64 serial = snapshot->serial;
    post([w = worker_, serial] { w->acknowledge(serial); });
}

} // namespace bitmig
