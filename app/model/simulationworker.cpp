#include "simulationworker.h"

#include "widgets/configerrortext.h"

#include <bitmig/snapshotbuilder.h>

#include <QTimer>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <algorithm>
#include <optional>

namespace bitmig {

namespace {

constexpr size_t kMaxSentChunks = 8192;
constexpr size_t kMaxUndoRanges = 100000;
constexpr int64_t kRecentNs = 1'000'000'000;  // the recent rates cover a simulated second
constexpr qint64 kAchievedWindowNs = 1'000'000'000;  // the achieved speed, a wall second

// Byte ranges of the granules in [offset, offset+length) whose bit equals `set`.
bool rangesWithState(const DirtyBitmap& bm, uint64_t offset, uint64_t length, bool set, std::vector<Range>& out)
{
    const HBitmap& hb = bm.bits();
    const uint64_t g = bm.granularity();
    const uint64_t end = offset + length;
    uint64_t pos = offset / g * g;
    while (pos < end) {
        const auto first = set ? hb.nextDirty(pos, end - pos) : hb.nextZero(pos, end - pos);
        if (!first) {
            break;
        }
        const uint64_t runStart = *first / g * g;
        const auto stop = set ? hb.nextZero(runStart, end - runStart) : hb.nextDirty(runStart, end - runStart);
        const uint64_t runEnd = std::min(stop ? *stop : end, bm.diskBytes());
        const uint64_t alignedEnd = std::min((runEnd + g - 1) / g * g, bm.diskBytes());
        out.push_back(Range{runStart, alignedEnd - runStart});
        if (out.size() > kMaxUndoRanges) {
            return false;
        }
        pos = alignedEnd;
    }
    return true;
}

} // namespace

SimulationWorker::SimulationWorker(QObject* parent) : QObject(parent)
{
    timer_ = new QTimer(this);
    timer_->setTimerType(Qt::PreciseTimer);
    timer_->setInterval(kFrameMs);
    connect(timer_, &QTimer::timeout, this, &SimulationWorker::frame);
    wall_.start();
}

SimulationWorker::~SimulationWorker() = default;

void SimulationWorker::releaseEngine()
{
    if (!engine_) {
        return;
    }
    engine_.reset();
#ifdef __GLIBC__
    // The bit arrays are unmapped with the engine; its smaller vectors went to the allocator's
    // arena, which keeps freed memory unless asked to give it back.
    ::malloc_trim(0);
#endif
}

void SimulationWorker::setConfig(const SimConfig& config)
{
    try {
        config.validate();
    } catch (const ConfigError& e) {
        Q_EMIT failed(ConfigErrorText::message(e));
        return;
    }
    // The old run goes before the new one is built: its memory is given back now (Reset of a large
    // run), and the two never need room at the same time.
    std::optional<SimConfig> previous;
    if (engine_) {
        previous = engine_->config();
    }
    releaseEngine();
    auto build = [](const SimConfig& c) {
        auto engine = std::make_unique<MigrationEngine>(c);
        engine->setDeferredDigests(true);  // hashed between frames (digestSlices())
        engine->setDensityIndex(SnapshotBuilder::densityLog2For(engine->source().bitCount()));
        engine->applyInjectionsDueNow();  // the bits a run starts with show before the clock runs
        return engine;
    };
    try {
        engine_ = build(config);
    } catch (const std::exception& e) {
        Q_EMIT failed(QString::fromStdString(e.what()));
        // The previous run (it was built once) starts over instead, and the window is told.
        try {
            if (!previous) {
                return;
            }
            engine_ = build(*previous);
        } catch (const std::exception&) {
            return;
        }
        Q_EMIT configRestored(*previous);
    }
    ++runId_;
    recent_.clear();
    recentSpanNs_ = 0;
    sentChunks_.clear();
    undo_.clear();
    simDebtNs_ = 0;
    resetAchievedSpeed();
    aheadOfView_ = false;
    dirty_ = true;
    if (!timer_->isActive()) {
        timer_->start();
    }
    lastWallNs_ = wall_.nsecsElapsed();
}

void SimulationWorker::setPlaying(bool playing, std::optional<uint64_t> epoch)
{
    playEpoch_ = epoch.value_or(pauseEpoch());
    playing_ = playing && engine_ && !engine_->finished() && !pauseRequested();
    lastWallNs_ = wall_.nsecsElapsed();
    simDebtNs_ = 0;
    resetAchievedSpeed();
    dirty_ = true;
}

void SimulationWorker::setSpeed(double speed)
{
    speed = std::clamp(speed, 0.001, 1e6);
    if (speed != speed_) {
        speed_ = speed;
        resetAchievedSpeed();
    }
    dirty_ = true;
}

void SimulationWorker::resetAchievedSpeed()
{
    progress_.clear();
    achievedSpeed_ = 0;
}

void SimulationWorker::stepTicks(int ticks)
{
    if (!engine_) {
        return;
    }
    for (int i = 0; i < ticks && !engine_->finished(); ++i) {
        engine_->step();
        collectTickState();
    }
    dirty_ = true;
}

void SimulationWorker::startMigration()
{
    if (!engine_ || !engine_->canStartMigration()) {
        return;
    }
    engine_->startMigration();
    dirty_ = true;
}

void SimulationWorker::abortMigration()
{
    if (engine_ && engine_->abort()) {
        dirty_ = true;
    }
}

void SimulationWorker::inject(quint64 token, bool clear, quint64 offset, quint64 length)
{
    if (!engine_ || length == 0) {
        return;
    }
    const DirtyBitmap* target = engine_->guestBitmap();
    Undo undo{clear, {}};
    // Undo remembers the granules of one bitmap: not offered for a run with several (the stroke may
    // reach any of their disks).
    bool undoable = target && !engine_->guestPaused() && !engine_->config().hasLayout();
    if (undoable) {
        if (clear) {
            // Only whole granules are cleared: remember the set ones among them.
            const uint64_t g = target->granularity();
            const uint64_t first = (offset + g - 1) / g * g;
            const uint64_t end = offset + length == target->diskBytes() ? offset + length
                                                                        : (offset + length) / g * g;
            undoable = end <= first || rangesWithState(*target, first, end - first, true, undo.ranges);
        } else {
            undoable = rangesWithState(*target, offset, length, false, undo.ranges);
        }
    }
    try {
        if (clear) {
            engine_->injectClear(offset, length);
        } else {
            engine_->injectWrite(offset, length);
        }
    } catch (const std::out_of_range& e) {
        Q_EMIT failed(QString::fromStdString(e.what()));
        return;
    }
    if (undoable) {
        undo_[token] = std::move(undo);
    }
    Q_EMIT injectionDone(token, undoable);
    dirty_ = true;
}

void SimulationWorker::revert(quint64 token)
{
    const auto it = undo_.find(token);
    if (!engine_ || it == undo_.end()) {
        return;
    }
    for (const Range& r : it->second.ranges) {
        if (it->second.wasClear) {
            engine_->injectWrite(r.start, r.count);
        } else {
            engine_->injectClear(r.start, r.count);
        }
    }
    undo_.erase(it);
    dirty_ = true;
}

void SimulationWorker::setWorkload(const WorkloadSpec& spec)
{
    if (!engine_) {
        return;
    }
    try {
        engine_->setWorkload(spec);
    } catch (const ConfigError& e) {
        Q_EMIT failed(ConfigErrorText::message(e));
    }
    dirty_ = true;
}

void SimulationWorker::setRequest(const HeatmapRequest& request)
{
    if (!(request == request_)) {
        request_ = request;
        dirty_ = true;
    }
}

void SimulationWorker::acknowledge(quint64 serial)
{
    acknowledged_ = std::max<uint64_t>(acknowledged_, serial);
    // A frame simulated while the view drew, or a change while paused (the pause itself): show it
    // now rather than at the next frame.
    if (acknowledged_ == serial_ && dirty_ && (aheadOfView_ || !playing_)) {
        publish();
    }
}

void SimulationWorker::publishNow()
{
    dirty_ = true;
    if (acknowledged_ == serial_) {
        publish();
    }
}

void SimulationWorker::frame()
{
    const qint64 nowWall = wall_.nsecsElapsed();
    const double wallSeconds = std::min(kMaxFrameGapS, double(nowWall - lastWallNs_) * 1e-9);
    lastWallNs_ = nowWall;
    if (playing_ && pauseRequested()) {
        playing_ = false;  // the queued setPlaying(false) follows; the clock stops now
        dirty_ = true;
    }
    const bool drawn = acknowledged_ == serial_;
    if (engine_ && engine_->digestsPending()) {
        // Whether playing or paused: the run's verification goes on, within the frame's budget.
        digestSlices(wall_.nsecsElapsed() + qint64(kFrameMs) * 800'000);
        dirty_ = true;
    }
    if (playing_ && engine_) {
        advance(wallSeconds);
        dirty_ = true;
        noteAchieved(wall_.nsecsElapsed());
        if (!drawn) {
            // The view is still drawing the last snapshot: this frame is dropped, not queued. The
            // next snapshot shows the state of then, with every sample since.
            aheadOfView_ = true;
            ++framesDropped_;
        }
    }
    if (dirty_ && drawn) {
        publish();
    }
}

void SimulationWorker::advance(double wallSeconds)
{
    simDebtNs_ += speed_ * wallSeconds * 1e9;
    const int64_t tick = engine_->config().tickNs;
    // Spend at most most of a frame simulating, so the thread stays responsive to commands.
    const qint64 budgetEnd = wall_.nsecsElapsed() + qint64(kFrameMs) * 800'000;
    while (simDebtNs_ >= double(tick) && !engine_->finished()) {
        if (pauseRequested()) {
            playing_ = false;
            simDebtNs_ = 0;
            return;
        }
        if (engine_->digestsPending()) {
            simDebtNs_ = 0;  // the clock waits for the verification, hashed over the next frames
            break;
        }
        engine_->step();
        collectTickState();
        simDebtNs_ -= double(tick);
        if (wall_.nsecsElapsed() > budgetEnd) {
            simDebtNs_ = 0;  // fall behind rather than pile up work
            break;
        }
    }
    if (engine_->finished()) {
        playing_ = false;
    }
}

void SimulationWorker::digestSlices(qint64 budgetEnd)
{
    int slices = 0;
    while (engine_->digestsPending()) {
        if (playing_ && pauseRequested()) {
            return;  // the pause first; the digests go on in the next frames
        }
        engine_->computeDigests(digestSliceBytes_);
        ++slices;
        if (wall_.nsecsElapsed() > budgetEnd || (digestSlicesPerFrame_ > 0 && slices >= digestSlicesPerFrame_)) {
            return;
        }
    }
}

void SimulationWorker::setDigestPacing(quint64 sliceBytes, int slicesPerFrame)
{
    digestSliceBytes_ = sliceBytes > 0 ? sliceBytes : kDigestSliceBytes;
    digestSlicesPerFrame_ = std::max(0, slicesPerFrame);
}

void SimulationWorker::noteAchieved(qint64 wallNs)
{
    if (!playing_) {
        progress_.clear();
        achievedSpeed_ = 0;
        return;
    }
    progress_.emplace_back(wallNs, engine_->nowNs());
    while (progress_.size() > 2 && wallNs - progress_[1].first >= kAchievedWindowNs) {
        progress_.pop_front();
    }
    const auto& [w0, s0] = progress_.front();
    if (progress_.size() >= 2 && wallNs > w0) {
        achievedSpeed_ = double(engine_->nowNs() - s0) / double(wallNs - w0);
    }
}

void SimulationWorker::collectTickState()
{
    for (uint64_t c : engine_->chunksSentLastTick()) {
        if (sentChunks_.size() >= kMaxSentChunks) {
            break;
        }
        // The chunks of the bitmap the views show, numbered within it.
        const engine::Track& shown = engine_->track(std::min(request_.bitmap, engine_->bitmapCount() - 1));
        if (c >= shown.firstChunk && c < shown.firstChunk + shown.chunks) {
            sentChunks_.push_back(c - shown.firstChunk);
        }
    }
}

void SimulationWorker::publish()
{
    if (!engine_) {
        return;
    }
    auto snap = std::make_shared<SimSnapshot>();
    SnapshotBuilder::fill(*engine_, request_, *snap);
    snap->serial = ++serial_;
    snap->runId = runId_;
    snap->playing = playing_;
    snap->speed = speed_;
    snap->achievedSpeed = playing_ ? achievedSpeed_ : 0;
    snap->sentChunks = std::move(sentChunks_);
    sentChunks_.clear();
    // The engine hands its samples over, so it holds none of a long run.
    snap->newSamples = engine_->takeSamples();
    // Recent rates over the last simulated second, for the explanation.
    for (const TimeSample& s : snap->newSamples) {
        recent_.push_back(s);
        recentSpanNs_ += s.durationNs;
    }
    while (recent_.size() > 1 && recentSpanNs_ - recent_.front().durationNs >= kRecentNs) {
        recentSpanNs_ -= recent_.front().durationNs;
        recent_.pop_front();
    }
    uint64_t wire = 0, redirty = 0, writes = 0;
    for (const TimeSample& s : recent_) {
        wire += s.payloadBytes + s.headerBytes;
        redirty += s.redirtiedChunks;
        writes += s.writes;
    }
    if (recentSpanNs_ > 0) {
        const double s = double(recentSpanNs_) * 1e-9;
        snap->recentWireRate = double(wire) / s;
        snap->recentRedirtyRate = double(redirty) * double(engine_->config().chunkBytes) / s;
        snap->recentWriteRate = double(writes) / s;
    }
    aheadOfView_ = false;
    dirty_ = false;
    Q_EMIT snapshotReady(std::move(snap));
}

} // namespace bitmig
