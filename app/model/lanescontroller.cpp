#include "lanescontroller.h"

#include "widgets/byteformat.h"
#include "widgets/configerrortext.h"

#include <bitmig/hbitmap.h>
#include <bitmig/runmemory.h>
#include <bitmig/snapshotbuilder.h>
#include <bitmig/units.h>

#include <algorithm>

namespace bitmig {

LanesController::LanesController(QObject* parent) : QObject(parent), thread_(this, QStringLiteral("lanes"))
{
    qRegisterMetaType<LanesSnapshotPtr>("bitmig::LanesSnapshotPtr");
    connect(thread_.worker(), &LanesWorker::snapshotReady, this, &LanesController::onSnapshot);
    connect(thread_.worker(), &LanesWorker::failed, this, &LanesController::failed);
    thread_.start(speed_);
}

LanesController::~LanesController() = default;

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
    thread_.post([configs](LanesWorker& w) { w.setConfigs(configs); });
    // The new lanes take the old ones' requests where they can; a refused configuration leaves none:
    // the next requests are sent whatever the last ones were.
    requests_.clear();
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
    thread_.setPlaying(playing);
    if (playing_ != playing) {
        playing_ = playing;
        Q_EMIT playingChanged(playing_);
    }
}

void LanesController::step(int ticks)
{
    setPlaying(false);
    thread_.post([ticks](LanesWorker& w) { w.stepTicks(ticks); });
}

void LanesController::setSpeed(double speed)
{
    speed = std::clamp(speed, 0.001, 1000.0);
    if (speed == speed_) {
        return;
    }
    speed_ = speed;
    thread_.post([speed](LanesWorker& w) { w.setSpeed(speed); });
    Q_EMIT speedChanged(speed_);
}

void LanesController::startMigration()
{
    thread_.post([](LanesWorker& w) { w.startMigration(); });
}

void LanesController::inject(bool clear, quint64 offset, quint64 length)
{
    thread_.post([clear, offset, length](LanesWorker& w) { w.inject(clear, offset, length); });
}

void LanesController::setRequests(const std::vector<HeatmapRequest>& requests)
{
    if (requests == requests_) {
        return;
    }
    requests_ = requests;
    thread_.post([requests](LanesWorker& w) { w.setRequests(requests); });
    Q_EMIT requestsChanged();
}

void LanesController::setDigestPacing(quint64 sliceBytes, int slicesPerFrame)
{
    thread_.post([sliceBytes, slicesPerFrame](LanesWorker& w) { w.setDigestPacing(sliceBytes, slicesPerFrame); });
}

void LanesController::onSnapshot(const LanesSnapshotPtr& snapshot)
{
    presentSnapshot(thread_.pacer(), *this, snapshot_, playing_, snapshot, thread_.playCommands());
}

} // namespace bitmig
