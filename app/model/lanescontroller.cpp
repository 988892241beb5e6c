#include "lanescontroller.h"

#include "widgets/byteformat.h"
#include "widgets/configerrortext.h"

#include <bitmig/hbitmap.h>
#include <bitmig/runmemory.h>
#include <bitmig/snapshotbuilder.h>
#include <bitmig/units.h>

#include <QMetaObject>
#include <QThread>

#include <algorithm>

namespace bitmig {

LanesController::LanesController(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<LanesSnapshotPtr>("bitmig::LanesSnapshotPtr");
    thread_ = new QThread(this);
    thread_->setObjectName(QStringLiteral("lanes"));
    worker_ = new LanesWorker;
    pacer_ = new ViewPacer([this](quint64 serial) { post([w = worker_, serial] { w->acknowledge(serial); }); }, this);
    worker_->moveToThread(thread_);
    connect(thread_, &QThread::finished, worker_, &QObject::deleteLater);
    connect(thread_, &QThread::finished, thread_, [] { releaseThreadDigestState(); }, Qt::DirectConnection);
    connect(worker_, &LanesWorker::snapshotReady, this, &LanesController::onSnapshot);
    connect(worker_, &LanesWorker::failed, this, &LanesController::failed);
    thread_->start();
    const double speed = speed_;
    post([w = worker_, speed] { w->setSpeed(speed); });
}

LanesController::~LanesController()
{
    thread_->quit();
    thread_->wait();
}

template <class F>
void LanesController::post(F&& f)
{
    QMetaObject::invokeMethod(worker_, std::forward<F>(f), Qt::QueuedConnection);
}

SimConfig LanesController::laneConfig(int lane) const
{
    return lanes_.at(size_t(lane)).overrides.applyTo(shared_);
}

QString LanesController::problem(const SimConfig& shared, const std::vector<ScenarioLane>& lanes)
{
    if (int(lanes.size()) < kMinLanes || int(lanes.size()) > kMaxLanes) {
        return tr("A comparison has 2 to 4 lanes, not %1.").arg(lanes.size());
    }
    const QStringList names = namesFor(shared, lanes);
    uint64_t memory = 0;
    for (size_t i = 0; i < lanes.size(); ++i) {
        const SimConfig c = lanes[i].overrides.applyTo(shared);
        try {
            c.validate();
            memory += estimateRunMemory(c, SnapshotBuilder::densityLog2For(c.diskBytes / c.granularity)).total();
        } catch (const ConfigError& e) {
            return tr("Lane %1 (%2): %3").arg(i + 1).arg(names[qsizetype(i)], ConfigErrorText::message(e));
        } catch (const std::invalid_argument& e) {
            return tr("Lane %1 (%2): %3").arg(i + 1).arg(names[qsizetype(i)], QString::fromStdString(e.what()));
        }
    }
    try {
        const AvailableMemory available = availableMemory();
        if (available.bytes && memory > *available.bytes) {
            return tr("The %1 lanes together need %2 of memory for their bitmaps; this machine has %3 available.")
                .arg(lanes.size())
                .arg(formatBytes(memory), formatBytes(*available.bytes));
        }
    } catch (const std::invalid_argument& e) {
        return QString::fromStdString(e.what());  // BITMIG_MEMORY_LIMIT
    }
    return {};
}

QStringList LanesController::namesFor(const SimConfig& shared, const std::vector<ScenarioLane>& lanes)
{
    return ScenarioFile::laneNames(shared, lanes);
}

QString LanesController::laneName(int lane) const
{
    return namesFor(shared_, lanes_).value(lane);
}

QStringList LanesController::laneNames() const
{
    return namesFor(shared_, lanes_);
}

bool LanesController::setComparison(const SimConfig& shared, const std::vector<ScenarioLane>& lanes)
{
    const QString why = problem(shared, lanes);
    if (!why.isEmpty()) {
        Q_EMIT failed(why);
        return false;
    }
    shared_ = shared;
    lanes_ = lanes;
    rebuild();
    return true;
}

bool LanesController::addLane(int copyOf)
{
    if (copyOf < 0 || copyOf >= laneCount()) {
        return false;
    }
    ScenarioLane copy = lanes_[size_t(copyOf)];
    copy.name.clear();
    return addLane(copy);
}

bool LanesController::addLane(const ScenarioLane& lane)
{
    if (laneCount() >= kMaxLanes) {
        Q_EMIT failed(tr("A comparison has at most 4 lanes."));
        return false;
    }
    std::vector<ScenarioLane> lanes = lanes_;
    lanes.push_back(lane);
    return setComparison(shared_, lanes);
}

bool LanesController::removeLane(int lane)
{
    if (lane < 0 || lane >= laneCount() || laneCount() <= kMinLanes) {
        return false;
    }
    std::vector<ScenarioLane> lanes = lanes_;
    lanes.erase(lanes.begin() + lane);
    return setComparison(shared_, lanes);
}

bool LanesController::setLaneConfig(int lane, const SimConfig& config)
{
    if (lane < 0 || lane >= laneCount()) {
        return false;
    }
    // The shared values come from the edited lane; every other lane keeps its own overrides.
    SimConfig shared = config;
    const LaneOverrides mine = LaneOverrides::between(shared_, config);
    LaneOverrides base;  // the shared configuration's own values of the overridable parameters
    base.granularity = shared_.granularity;
    base.chunkBytes = shared_.chunkBytes;
    base.strategy = shared_.strategy;
    base.bandwidth = shared_.bandwidth;
    base.latencyNs = shared_.latencyNs;
    base.maxDowntimeNs = shared_.maxDowntimeNs;
    base.maxPasses = shared_.maxPasses;
    base.completeOnlyBelow = shared_.completeOnlyBelow;
    shared = base.applyTo(shared);
    std::vector<ScenarioLane> lanes = lanes_;
    lanes[size_t(lane)].overrides = mine;
    if (!(lanes[size_t(lane)].overrides == lanes_[size_t(lane)].overrides)) {
        lanes[size_t(lane)].name.clear();
    }
    return setComparison(shared, lanes);
}

Scenario LanesController::scenario(const QString& name, const QString& description) const
{
    Scenario s;
    s.name = name;
    s.description = description;
    s.config = shared_;
    const QStringList names = laneNames();
    for (size_t i = 0; i < lanes_.size(); ++i) {
        s.lanes.push_back(ScenarioLane{names[qsizetype(i)], lanes_[i].overrides});
    }
    return s;
}

void LanesController::rebuild()
{
    std::vector<SimConfig> configs;
    for (int i = 0; i < laneCount(); ++i) {
        configs.push_back(laneConfig(i));
    }
    post([w = worker_, configs] { w->setConfigs(configs); });
    setPlaying(false);
    Q_EMIT lanesChanged();
}

void LanesController::reset()
{
    if (!lanes_.empty()) {
        rebuild();
    }
}

void LanesController::setPlaying(bool playing)
{
    if (!playing) {
        worker_->requestPause();
    }
    const uint64_t epoch = worker_->pauseEpoch();
    post([w = worker_, playing, epoch] { w->setPlaying(playing, epoch); });
    pacer_->acknowledgeNow();  // what the user asked for is shown without the idle wait
    if (playing_ != playing) {
        playing_ = playing;
        Q_EMIT playingChanged(playing_);
    }
}

void LanesController::step(int ticks)
{
    setPlaying(false);
    post([w = worker_, ticks] { w->stepTicks(ticks); });
}

void LanesController::setSpeed(double speed)
{
    speed = std::clamp(speed, 0.001, 1000.0);
    if (speed == speed_) {
        return;
    }
    speed_ = speed;
    post([w = worker_, speed] { w->setSpeed(speed); });
    Q_EMIT speedChanged(speed_);
}

void LanesController::startMigration()
{
    post([w = worker_] { w->startMigration(); });
}

void LanesController::inject(bool clear, quint64 offset, quint64 length)
{
    post([w = worker_, clear, offset, length] { w->inject(clear, offset, length); });
}

void LanesController::setRequests(const std::vector<HeatmapRequest>& requests)
{
    if (requests == requests_) {
        return;
    }
    requests_ = requests;
    post([w = worker_, requests] { w->setRequests(requests); });
    Q_EMIT requestsChanged();
}

void LanesController::setDigestPacing(quint64 sliceBytes, int slicesPerFrame)
{
    post([w = worker_, sliceBytes, slicesPerFrame] { w->setDigestPacing(sliceBytes, slicesPerFrame); });
}

void LanesController::onSnapshot(const LanesSnapshotPtr& snapshot)
{
    presentSnapshot(*pacer_, *this, snapshot_, playing_, snapshot);
}

} // namespace bitmig
