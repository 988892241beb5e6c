#include "simulationworker.h"

#include "widgets/configerrortext.h"

#include <bitmig/snapshotbuilder.h>

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

SimulationWorker::SimulationWorker(QObject* parent) : PacedWorker(parent) {}

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
    arrayReuse_.beginReplacement(engine_.get());
    releaseEngine();
    auto build = [](const SimConfig& c) {
        auto engine = std::make_unique<MigrationEngine>(c);
        engine->setDeferredDigests(true);  // hashed between frames (RunPacer)
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
                arrayReuse_.end();
                return;
            }
            engine_ = build(*previous);
        } catch (const std::exception&) {
            arrayReuse_.end();
            return;
        }
        Q_EMIT configRestored(*previous);
    }
    arrayReuse_.built(*engine_);
    ++runId_;
    recent_.clear();
    recentSpanNs_ = 0;
    sentChunks_.clear();
    undo_.clear();
    pacer_->runReplaced();
}

void SimulationWorker::stepTicks(int ticks)
{
    if (!engine_) {
        return;
    }
    for (int i = 0; i < ticks && !engine_->finished(); ++i) {
        stepTick();
    }
    pacer_->markDirty();
}

void SimulationWorker::stepTick()
{
    engine_->step();
    collectTickState();
    if (arrayReuse_.active()) {
        arrayReuse_.settle(ArrayReuse::arraysBuilt(*engine_));
    }
}

void SimulationWorker::startMigration()
{
    if (!engine_ || !engine_->canStartMigration()) {
        return;
    }
    engine_->startMigration();
    pacer_->markDirty();
}

void SimulationWorker::abortMigration()
{
    if (engine_ && engine_->abort()) {
        pacer_->markDirty();
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
    pacer_->markDirty();
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
    pacer_->markDirty();
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
    pacer_->markDirty();
}

void SimulationWorker::setRequest(const HeatmapRequest& request)
{
    if (!(request == request_)) {
        request_ = request;
        pacer_->markDirty();
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

void SimulationWorker::publishSnapshot(uint64_t serial)
{
    auto snap = std::make_shared<SimSnapshot>();
    SnapshotBuilder::fill(*engine_, request_, *snap);
    snap->serial = serial;
    snap->runId = runId_;
    snap->playing = pacer_->isPlaying();
    snap->playCommand = playCommand();
    snap->speed = pacer_->speed();
    snap->achievedSpeed = pacer_->achievedSpeed();
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
    Q_EMIT snapshotReady(std::move(snap));
}

} // namespace bitmig
