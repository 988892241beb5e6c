#include "lanesworker.h"

#include <bitmig/snapshotbuilder.h>

#include <QTimer>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <algorithm>

namespace bitmig {

namespace {

constexpr size_t kMaxSentChunks = 8192;
constexpr qint64 kAchievedWindowNs = 1'000'000'000;

} // namespace

LanesWorker::LanesWorker(QObject* parent) : QObject(parent)
{
    timer_ = new QTimer(this);
    timer_->setTimerType(Qt::PreciseTimer);
    timer_->setInterval(kFrameMs);
    connect(timer_, &QTimer::timeout, this, &LanesWorker::frame);
    wall_.start();
}

LanesWorker::~LanesWorker() = default;

void LanesWorker::setConfigs(const std::vector<SimConfig>& configs)
{
    std::vector<HeatmapRequest> requests;
    for (const Lane& l : lanes_) {
        requests.push_back(l.request);
    }
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
        Q_EMIT failed(QString::fromStdString(e.what()));
    }
    ++runId_;
    simDebtNs_ = 0;
    progress_.clear();
    achievedSpeed_ = 0;
    playing_ = false;
    aheadOfView_ = false;
    dirty_ = true;
    if (!timer_->isActive()) {
        timer_->start();
    }
    lastWallNs_ = wall_.nsecsElapsed();
}

bool LanesWorker::allFinished() const
{
    return std::all_of(lanes_.begin(), lanes_.end(), [](const Lane& l) { return l.engine->finished(); });
}

bool LanesWorker::digestsPending() const
{
    return std::any_of(lanes_.begin(), lanes_.end(), [](const Lane& l) { return l.engine->digestsPending(); });
}

void LanesWorker::setPlaying(bool playing, std::optional<uint64_t> epoch)
{
    playEpoch_ = epoch.value_or(pauseEpoch());
    playing_ = playing && !lanes_.empty() && !allFinished() && !pauseRequested();
    lastWallNs_ = wall_.nsecsElapsed();
    simDebtNs_ = 0;
    progress_.clear();
    achievedSpeed_ = 0;
    dirty_ = true;
}

void LanesWorker::setSpeed(double speed)
{
    speed_ = std::clamp(speed, 0.001, 1e6);
    progress_.clear();
    achievedSpeed_ = 0;
    dirty_ = true;
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
}

void LanesWorker::stepTicks(int ticks)
{
    for (int i = 0; i < ticks && !lanes_.empty() && !allFinished(); ++i) {
        stepAll();
    }
    dirty_ = true;
}

void LanesWorker::startMigration()
{
    for (Lane& l : lanes_) {
        if (l.engine->canStartMigration()) {
            l.engine->startMigration();
        }
    }
    dirty_ = true;
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
    dirty_ = true;
}

void LanesWorker::setRequests(const std::vector<HeatmapRequest>& requests)
{
    for (size_t i = 0; i < lanes_.size() && i < requests.size(); ++i) {
        if (!(lanes_[i].request == requests[i])) {
            lanes_[i].request = requests[i];
            dirty_ = true;
        }
    }
    if (dirty_ && acknowledged_ == serial_ && !playing_) {
        publish();
    }
}

void LanesWorker::acknowledge(quint64 serial)
{
    acknowledged_ = std::max<uint64_t>(acknowledged_, serial);
    if (acknowledged_ == serial_ && dirty_ && (aheadOfView_ || !playing_)) {
        publish();
    }
}

void LanesWorker::setDigestPacing(quint64 sliceBytes, int slicesPerFrame)
{
    digestSliceBytes_ = sliceBytes > 0 ? sliceBytes : kDigestSliceBytes;
    digestSlicesPerFrame_ = std::max(0, slicesPerFrame);
}

void LanesWorker::frame()
{
    const qint64 nowWall = wall_.nsecsElapsed();
    const double wallSeconds = std::min(kMaxFrameGapS, double(nowWall - lastWallNs_) * 1e-9);
    lastWallNs_ = nowWall;
    if (playing_ && pauseRequested()) {
        playing_ = false;
        dirty_ = true;
    }
    const bool drawn = acknowledged_ == serial_;
    if (digestsPending()) {
        digestSlices(wall_.nsecsElapsed() + qint64(kFrameMs) * 800'000);
        dirty_ = true;
    }
    if (playing_ && !lanes_.empty()) {
        advance(wallSeconds);
        dirty_ = true;
        noteAchieved(wall_.nsecsElapsed());
        if (!drawn) {
            aheadOfView_ = true;
            ++framesDropped_;
        }
    }
    if (dirty_ && drawn) {
        publish();
    }
}

void LanesWorker::advance(double wallSeconds)
{
    simDebtNs_ += speed_ * wallSeconds * 1e9;
    const int64_t tick = lanes_.front().engine->config().tickNs;  // shared by every lane
    const qint64 budgetEnd = wall_.nsecsElapsed() + qint64(kFrameMs) * 800'000;
    while (simDebtNs_ >= double(tick) && !allFinished()) {
        if (pauseRequested()) {
            playing_ = false;
            simDebtNs_ = 0;
            return;
        }
        if (digestsPending()) {
            simDebtNs_ = 0;  // the shared clock waits for a lane's verification
            break;
        }
        stepAll();
        simDebtNs_ -= double(tick);
        if (wall_.nsecsElapsed() > budgetEnd) {
            simDebtNs_ = 0;
            break;
        }
    }
    if (allFinished()) {
        playing_ = false;
    }
}

void LanesWorker::digestSlices(qint64 budgetEnd)
{
    int slices = 0;
    for (Lane& l : lanes_) {
        while (l.engine->digestsPending()) {
            if (playing_ && pauseRequested()) {
                return;
            }
            l.engine->computeDigests(digestSliceBytes_);
            ++slices;
            if (wall_.nsecsElapsed() > budgetEnd ||
                (digestSlicesPerFrame_ > 0 && slices >= digestSlicesPerFrame_)) {
                return;
            }
        }
    }
}

void LanesWorker::noteAchieved(qint64 wallNs)
{
    if (!playing_ || lanes_.empty()) {
        progress_.clear();
        achievedSpeed_ = 0;
        return;
    }
    int64_t sim = 0;
    for (const Lane& l : lanes_) {
        sim = std::max(sim, l.engine->nowNs());
    }
    progress_.emplace_back(wallNs, sim);
    while (progress_.size() > 2 && wallNs - progress_[1].first >= kAchievedWindowNs) {
        progress_.pop_front();
    }
    const auto& [w0, s0] = progress_.front();
    if (progress_.size() >= 2 && wallNs > w0) {
        achievedSpeed_ = double(sim - s0) / double(wallNs - w0);
    }
}

void LanesWorker::publish()
{
    auto out = std::make_shared<LanesSnapshot>();
    out->serial = ++serial_;
    out->runId = runId_;
    out->playing = playing_;
    out->speed = speed_;
    out->achievedSpeed = playing_ ? achievedSpeed_ : 0;
    out->finished = !lanes_.empty() && allFinished();
    for (Lane& l : lanes_) {
        auto snap = std::make_shared<SimSnapshot>();
        SnapshotBuilder::fill(*l.engine, l.request, *snap);
        snap->serial = serial_;
        snap->runId = runId_;
        snap->playing = playing_;
        snap->speed = speed_;
        snap->sentChunks = std::move(l.sentChunks);
        l.sentChunks.clear();
        snap->newSamples = l.engine->takeSamples();
        out->nowNs = std::max(out->nowNs, snap->nowNs);
        out->lanes.push_back(std::move(snap));
    }
    aheadOfView_ = false;
    dirty_ = false;
    Q_EMIT snapshotReady(std::move(out));
}

} // namespace bitmig
