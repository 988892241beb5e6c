#include "framepacing.h"

#include <QCoreApplication>
#include <QEvent>
#include <QTimer>

#include <algorithm>

namespace bitmig {

// ---- RunPacer: the simulation thread ----

RunPacer::RunPacer(PacedRun& run, QObject* parent) : QObject(parent), run_(run)
{
    timer_ = new QTimer(this);
    timer_->setTimerType(Qt::PreciseTimer);
    timer_->setInterval(kFrameMs);
    connect(timer_, &QTimer::timeout, this, &RunPacer::frame);
    wall_.start();
}

RunPacer::~RunPacer() = default;

void RunPacer::runReplaced()
{
    simDebtNs_ = 0;
    resetAchievedSpeed();
    aheadOfView_ = false;
    dirty_ = true;
    if (!timer_->isActive()) {
        timer_->start();
    }
    lastWallNs_ = nowNs();
}

void RunPacer::setPlaying(bool playing, std::optional<uint64_t> epoch)
{
    playEpoch_ = epoch.value_or(pauseEpoch());
    playing_ = playing && run_.hasRun() && !run_.runFinished() && !pauseRequested();
    lastWallNs_ = nowNs();
    simDebtNs_ = 0;  // nothing is owed for the time before: a resumed run starts at the speed asked
    resetAchievedSpeed();
    dirty_ = true;
}

void RunPacer::setSpeed(double speed)
{
    speed = std::clamp(speed, 0.001, 1e6);
    if (speed != speed_) {
        // What is owed is wall time's worth at the old speed: at the new one it is worth as much
        // wall time, no more (a run owing at 1000x does not leap ahead once slowed to 10x).
        simDebtNs_ *= speed / speed_;
        speed_ = speed;
        resetAchievedSpeed();
    }
    dirty_ = true;
}

void RunPacer::resetAchievedSpeed()
{
    progress_.clear();
    achievedSpeed_ = 0;
}

void RunPacer::acknowledge(uint64_t serial)
{
    acknowledged_ = std::max(acknowledged_, serial);
    if (drawn() && dirty_ && (aheadOfView_ || !playing_)) {
        publish();
    }
}

void RunPacer::publishNow()
{
    dirty_ = true;
    if (drawn()) {
        publish();
    }
}

void RunPacer::publishIfPausedAndDrawn()
{
    if (dirty_ && drawn() && !playing_) {
        publish();
    }
}

void RunPacer::setDigestPacing(quint64 sliceBytes, int slicesPerFrame)
{
    digestSliceBytes_ = sliceBytes > 0 ? sliceBytes : kDigestSliceBytes;
    digestSlicesPerFrame_ = std::max(0, slicesPerFrame);
}

void RunPacer::frame()
{
    const qint64 now = nowNs();
    const double wallSeconds = std::min(kMaxFrameGapS, double(now - lastWallNs_) * 1e-9);
    lastWallNs_ = now;
    if (playing_ && pauseRequested()) {
        playing_ = false;  // the queued setPlaying(false) follows; the clock stops now
        dirty_ = true;
    }
    const bool wasDrawn = drawn();
    // The frame's work ends a frame's time after it began; the snapshot follows. A run that lags
    // behind the speed asked keeps the thread busy from frame to frame (the timer is due again by
    // then), and commands queued meanwhile run between two frames.
    const qint64 budgetEnd = now + kFrameBudgetNs;
    if (run_.hasRun() && run_.digestsPending()) {
        // Whether playing or paused: the run's verification goes on, within the frame's budget.
        hashDigests(budgetEnd);
        dirty_ = true;
    }
    if (playing_ && run_.hasRun()) {
        advance(wallSeconds, budgetEnd);
        dirty_ = true;
        noteAchieved(nowNs());
        if (!wasDrawn) {
            // The view is still drawing the last snapshot: this frame is dropped, not queued. The
            // next snapshot shows the state of then, with every sample since.
            aheadOfView_ = true;
            ++framesDropped_;
        }
    }
    if (dirty_ && wasDrawn) {
        publish();
    }
}

void RunPacer::advance(double wallSeconds, qint64 budgetEnd)
{
    simDebtNs_ += speed_ * wallSeconds * 1e9;
    const int64_t tick = run_.tickNs();
    while (simDebtNs_ >= double(tick) && !run_.runFinished()) {
        if (pauseRequested()) {
            playing_ = false;
            simDebtNs_ = 0;
            return;
        }
        if (run_.digestsPending()) {
            simDebtNs_ = 0;  // the clock waits for the verification, hashed over the next frames
            break;
        }
        run_.stepTick();
        simDebtNs_ -= double(tick);
        if (nowNs() > budgetEnd) {
            // The rest is owed to the next frames, at most kMaxFrameGapS of wall time's worth: a
            // frame that ran long is caught up, a run that cannot keep the speed does not pile up work.
            simDebtNs_ = std::min(simDebtNs_, speed_ * kMaxFrameGapS * 1e9);
            break;
        }
    }
    if (run_.runFinished()) {
        playing_ = false;
    }
}

void RunPacer::hashDigests(qint64 budgetEnd)
{
    int slices = 0;
    while (run_.digestsPending()) {
        if (playing_ && pauseRequested()) {
            return;  // the pause first; the digests go on in the next frames
        }
        run_.hashDigestSlice(digestSliceBytes_);
        ++slices;
        if (nowNs() > budgetEnd || (digestSlicesPerFrame_ > 0 && slices >= digestSlicesPerFrame_)) {
            return;
        }
    }
}

void RunPacer::noteAchieved(qint64 wallNs)
{
    if (!playing_) {
        resetAchievedSpeed();
        return;
    }
    const int64_t sim = run_.simulatedNs();
    progress_.emplace_back(wallNs, sim);
    while (progress_.size() > 2 && wallNs - progress_[1].first >= kAchievedWindowNs) {
        progress_.pop_front();
    }
    const auto& [w0, s0] = progress_.front();
    if (progress_.size() >= 2 && wallNs > w0) {
        achievedSpeed_ = double(sim - s0) / double(wallNs - w0);
    }
}

void RunPacer::publish()
{
    if (!run_.canPublish()) {
        return;
    }
    // The state changes before the snapshot goes out: a receiver connected directly may
    // acknowledge it within the emission.
    ++serial_;
    aheadOfView_ = false;
    dirty_ = false;
    run_.publishSnapshot(serial_);
}

// ---- ViewPacer: the GUI thread ----

namespace {

// "The window has drawn snapshot `serial`", after `hop` trips through the event queue.
struct DrawnEvent : QEvent {
    static inline const auto kType = QEvent::Type(QEvent::registerEventType());
    DrawnEvent(quint64 s, int h) : QEvent(kType), serial(s), hop(h) {}
    quint64 serial;
    int hop;
};

} // namespace

ViewPacer::ViewPacer(std::function<void(quint64)> acknowledge, QObject* parent)
    : QObject(parent), acknowledge_(std::move(acknowledge))
{
    ackTimer_ = new QTimer(this);
    ackTimer_->setSingleShot(true);
    connect(ackTimer_, &QTimer::timeout, this, &ViewPacer::acknowledgeNow);
}

ViewPacer::~ViewPacer() = default;

void ViewPacer::present(quint64 serial, const std::function<void()>& show)
{
    frameClock_.start();
    show();
    // Acknowledged once the window has drawn it (see event()). Posted after `show`, behind the
    // repaints it posted.
    QCoreApplication::postEvent(this, new DrawnEvent(serial, 0), Qt::LowEventPriority);
}

bool ViewPacer::event(QEvent* event)
{
    if (event->type() != DrawnEvent::kType) {
        return QObject::event(event);
    }
    // Widgets repaint on low-priority update requests, posted while the snapshot was taken in or,
    // for views that post a normal-priority update of their own first (graphics scenes), while
    // those ran. The first hop comes after the former; the second, posted after the latter ran,
    // comes after every repaint the snapshot caused.
    auto* drawnEvent = static_cast<DrawnEvent*>(event);
    if (drawnEvent->hop == 0) {
        QCoreApplication::postEvent(this, new DrawnEvent(drawnEvent->serial, 1), Qt::LowEventPriority);
        return true;
    }
    ++framesDrawn_;
    // The window stays idle at least as long as taking and drawing this frame kept it busy, so
    // that input, tab clicks and Pause always find the GUI thread free half of the time.
    pendingAck_ = drawnEvent->serial;
    const qint64 busyMs = frameClock_.elapsed();
    const qint64 idleMs = std::clamp<qint64>(busyMs, 0, kMaxIdleMs);
    if (idleMs > 0) {
        ackTimer_->start(int(idleMs));
    } else {
        acknowledgeNow();
    }
    Q_EMIT drawn(drawnEvent->serial, idleMs);
    return true;
}

void ViewPacer::acknowledgeNow()
{
    ackTimer_->stop();
    if (pendingAck_ != 0) {
        const quint64 serial = pendingAck_;
        pendingAck_ = 0;
        acknowledge_(serial);
    }
}

} // namespace bitmig
