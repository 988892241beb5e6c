#include "lanesworker.h"

#include <bitmig/snapshotbuilder.h>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <algorithm>

namespace bitmig {

namespace {

constexpr size_t kMaxSentChunks = 8192;

} // namespace

LanesWorker::LanesWorker(QObject* parent) : PacedWorker(parent) {}

LanesWorker::~LanesWorker() = default;

void LanesWorker::setConfigs(const std::vector<SimConfig>& configs)
{
    std::vector<HeatmapRequest> requests;
    for (const Lane& l : lanes_) {
        requests.push_back(l.request);
    }
    arrayReuse_.beginReplacement(lanes_.empty() ? nullptr : lanes_.front().engine.get());
    lanes_.clear();  // the old lanes go first: their memory is given back before the new are built
#ifdef __GLIBC__
    ::malloc_trim(0);
#endif
    try {
        for (size_t i = 0; i < configs.size(); ++i) {
            Lane lane;
            lane.engine = std::make_unique<MigrationEngine>(configs[i]);
            lane.engine->setDeferredDigests(true);
            lane.engine->setDensityIndex(SnapshotBuilder::densityLog2For(lane.engine->source().bitCount()));
            lane.engine->applyInjectionsDueNow();
            if (i < requests.size()) {
                lane.request = requests[i];
            }
            lanes_.push_back(std::move(lane));
        }
    } catch (const std::exception& e) {
        lanes_.clear();
        arrayReuse_.end();
        Q_EMIT failed(QString::fromStdString(e.what()));
    }
    if (lanes_.empty()) {
        arrayReuse_.end();
    } else {
        arrayReuse_.built(*lanes_.front().engine);
    }
    ++runId_;
    pacer_->stopPlaying();
    pacer_->runReplaced();
}

bool LanesWorker::runFinished() const
{
    return std::all_of(lanes_.begin(), lanes_.end(), [](const Lane& l) { return l.engine->finished(); });
}

bool LanesWorker::digestsPending() const
{
    return std::any_of(lanes_.begin(), lanes_.end(), [](const Lane& l) { return l.engine->digestsPending(); });
}

int64_t LanesWorker::simulatedNs() const
{
    int64_t sim = 0;
    for (const Lane& l : lanes_) {
        sim = std::max(sim, l.engine->nowNs());
    }
    return sim;
}

void LanesWorker::hashDigestSlice(quint64 bytes)
{
    // The lanes' digests one after the other, in lane order.
    for (Lane& l : lanes_) {
        if (l.engine->digestsPending()) {
            l.engine->computeDigests(bytes);
            return;
        }
    }
}

void LanesWorker::stepAll()
{
    for (Lane& l : lanes_) {
        if (l.engine->finished()) {
            continue;
        }
        l.engine->step();
        const engine::Track& shown = l.engine->track(std::min(l.request.bitmap, l.engine->bitmapCount() - 1));
        for (uint64_t c : l.engine->chunksSentLastTick()) {
            if (l.sentChunks.size() >= kMaxSentChunks) {
                break;
            }
            if (c >= shown.firstChunk && c < shown.firstChunk + shown.chunks) {
                l.sentChunks.push_back(c - shown.firstChunk);
            }
        }
    }
    if (arrayReuse_.active()) {
        arrayReuse_.settle(std::all_of(lanes_.begin(), lanes_.end(),
                                       [](const Lane& l) { return ArrayReuse::arraysBuilt(*l.engine); }));
    }
}

void LanesWorker::stepTicks(int ticks)
{
    for (int i = 0; i < ticks && !lanes_.empty() && !runFinished(); ++i) {
        stepAll();
    }
    pacer_->markDirty();
}

void LanesWorker::startMigration()
{
    for (Lane& l : lanes_) {
        if (l.engine->canStartMigration()) {
            l.engine->startMigration();
        }
    }
    pacer_->markDirty();
}

void LanesWorker::inject(bool clear, quint64 offset, quint64 length)
{
    if (length == 0) {
        return;
    }
    for (Lane& l : lanes_) {
        try {
            if (clear) {
                l.engine->injectClear(offset, length);
            } else {
                l.engine->injectWrite(offset, length);
            }
        } catch (const std::out_of_range& e) {
            Q_EMIT failed(QString::fromStdString(e.what()));
            return;
        }
    }
    pacer_->markDirty();
}

void LanesWorker::setRequests(const std::vector<HeatmapRequest>& requests)
{
    for (size_t i = 0; i < lanes_.size() && i < requests.size(); ++i) {
        if (!(lanes_[i].request == requests[i])) {
            lanes_[i].request = requests[i];
            pacer_->markDirty();
        }
    }
    pacer_->publishIfPausedAndDrawn();
}

void LanesWorker::publishSnapshot(uint64_t serial)
{
    auto out = std::make_shared<LanesSnapshot>();
    out->serial = serial;
    out->runId = runId_;
    out->playing = pacer_->isPlaying();
    out->playCommand = playCommand();
    out->speed = pacer_->speed();
    out->achievedSpeed = pacer_->achievedSpeed();
    out->finished = !lanes_.empty() && runFinished();
    for (Lane& l : lanes_) {
        auto snap = std::make_shared<SimSnapshot>();
        SnapshotBuilder::fill(*l.engine, l.request, *snap);
        snap->serial = serial;
        snap->runId = runId_;
        snap->playing = out->playing;
        snap->playCommand = out->playCommand;
        snap->speed = out->speed;
        snap->sentChunks = std::move(l.sentChunks);
        l.sentChunks.clear();
        snap->newSamples = l.engine->takeSamples();
        out->nowNs = std::max(out->nowNs, snap->nowNs);
        out->lanes.push_back(std::move(snap));
    }
    Q_EMIT snapshotReady(std::move(out));
}

} // namespace bitmig
