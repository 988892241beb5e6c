#include "simulationcontroller.h"

#include "simulationworker.h"
#include "widgets/configerrortext.h"

#include <bitmig/hbitmap.h>
#include <bitmig/runmemory.h>
#include <bitmig/snapshotbuilder.h>
#include <bitmig/zeropageallocator.h>

#include <QCoreApplication>
#include <QEvent>
#include <QMetaObject>
#include <QThread>
#include <QTimer>

#include <algorithm>

namespace bitmig {

namespace {

// "The window has drawn snapshot `serial`", after `hop` trips through the event queue.
struct DrawnEvent : QEvent {
    static inline const auto kType = QEvent::Type(QEvent::registerEventType());
    DrawnEvent(quint64 s, int h) : QEvent(kType), serial(s), hop(h) {}
    quint64 serial;
    int hop;
};

} // namespace

SimulationController::SimulationController(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<SimSnapshotPtr>("bitmig::SimSnapshotPtr");
    thread_ = new QThread(this);
    thread_->setObjectName(QStringLiteral("simulation"));
    ackTimer_ = new QTimer(this);
    ackTimer_->setSingleShot(true);
    connect(ackTimer_, &QTimer::timeout, this, &SimulationController::sendAck);
    worker_ = new SimulationWorker;
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
    sendAck();  // what the user asked for is shown without the idle wait
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
    frameClock_.start();
    snapshot_ = snapshot;
    // The worker stops playing by itself at the end of a run.
    if (playing_ && !snapshot->playing && snapshot->finished) {
        playing_ = false;
        Q_EMIT playingChanged(false);
    }
    Q_EMIT snapshotChanged(snapshot_);
    // Acknowledged once the window has drawn it (see event()).
    QCoreApplication::postEvent(this, new DrawnEvent(snapshot->serial, 0), Qt::LowEventPriority);
}

bool SimulationController::event(QEvent* event)
{
    if (event->type() != DrawnEvent::kType) {
        return QObject::event(event);
    }
    // Widgets repaint on low-priority update requests, posted while the snapshot was taken in or,
    // for views that post a normal-priority update of their own first (graphics scenes), while
    // those ran. The first hop comes after the former; the second, posted after the latter ran,
    // comes after every repaint the snapshot caused.
    auto* drawn = static_cast<DrawnEvent*>(event);
    if (drawn->hop == 0) {
        QCoreApplication::postEvent(this, new DrawnEvent(drawn->serial, 1), Qt::LowEventPriority);
        return true;
    }
    ++framesDrawn_;
    // The window stays idle at least as long as taking and drawing this frame kept it busy, so
    // that input, tab clicks and Pause always find the GUI thread free half of the time.
    pendingAck_ = drawn->serial;
    const qint64 busyMs = frameClock_.elapsed();
    if (busyMs > 0) {
        ackTimer_->start(int(std::min<qint64>(busyMs, kMaxIdleMs)));
    } else {
        sendAck();
    }
    return true;
}

void SimulationController::sendAck()
{
    ackTimer_->stop();
    if (pendingAck_ != 0) {
        post([w = worker_, serial = pendingAck_] { w->acknowledge(serial); });
        pendingAck_ = 0;
    }
}

void SimulationController::setDigestPacing(quint64 sliceBytes, int slicesPerFrame)
{
    post([w = worker_, sliceBytes, slicesPerFrame] { w->setDigestPacing(sliceBytes, slicesPerFrame); });
}

} // namespace bitmig
