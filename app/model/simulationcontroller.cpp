#include "simulationcontroller.h"

#include "simulationworker.h"
#include "widgets/configerrortext.h"

#include <bitmig/hbitmap.h>
#include <bitmig/runmemory.h>
#include <bitmig/snapshotbuilder.h>
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
    pacer_ = new ViewPacer([this](quint64 serial) { post([w = worker_, serial] { w->acknowledge(serial); }); }, this);
    worker_->moveToThread(thread_);
    connect(thread_, &QThread::finished, worker_, &QObject::deleteLater);
    // finished is emitted in the simulation thread as it ends, before wait() returns.
    connect(thread_, &QThread::finished, thread_, [] { releaseThreadDigestState(); }, Qt::DirectConnection);
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
    post([w = worker_, config] { w->setConfig(config); });
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
    if (!playing) {
        worker_->requestPause();  // at once: the clock stops before its next tick
    }
    const uint64_t epoch = worker_->pauseEpoch();
    post([w = worker_, playing, epoch] { w->setPlaying(playing, epoch); });
    pacer_->acknowledgeNow();  // what the user asked for is shown without the idle wait
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
        spec.validate(config_.guestBytes());
    } catch (const ConfigError& e) {
        Q_EMIT failed(ConfigErrorText::message(e));
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
    presentSnapshot(*pacer_, *this, snapshot_, playing_, snapshot);
}

void SimulationController::setDigestPacing(quint64 sliceBytes, int slicesPerFrame)
{
    post([w = worker_, sliceBytes, slicesPerFrame] { w->setDigestPacing(sliceBytes, slicesPerFrame); });
}

} // namespace bitmig
