// The lanes of a comparison, headless: stepped in lockstep on one clock, the same guest I/O in every
// lane, each lane's figures those of the same configuration run alone, and the lanes' names.
#include "app/model/lanescontroller.h"
#include "tests/support/simulation.h"

#include <bitmig/migrationengine.h>

#include <QDeadlineTimer>
#include <QSignalSpy>

#include <catch2/catch.hpp>

using namespace bitmig;
using bitmig::test::smallConfig;

namespace {

LanesSnapshotPtr waitLanes(LanesController& c, const std::function<bool(const LanesSnapshot&)>& done, int ms = 20000)
{
    QSignalSpy arrived(&c, &LanesController::snapshotChanged);
    const QDeadlineTimer deadline(ms);
    while (!(c.snapshot() && done(*c.snapshot()))) {
        const qint64 left = deadline.remainingTime();
        if (left <= 0 || !arrived.wait(int(left))) {
            break;
        }
    }
    return c.snapshot();
}

ScenarioLane chunkLane(uint64_t chunk)
{
    ScenarioLane l;
    l.overrides.chunkBytes = chunk;
    return l;
}

} // namespace

TEST_CASE("lanes step in lockstep: every running lane at the same simulated time after each step", "[lanes]")
{
    LanesController c;
    SimConfig shared = smallConfig();
    shared.migrationStartNs = 5'000'000;
    shared.bandwidth = 1e6;  // the 128 KiB bitmap takes over 100 ms: the lanes still run after 40 steps
    REQUIRE(c.setComparison(shared, {chunkLane(1 << 20), chunkLane(1024), chunkLane(32)}));
    auto first = waitLanes(c, [](const LanesSnapshot& s) { return s.lanes.size() == 3; });
    REQUIRE(first->lanes.size() == 3);
    for (int steps = 1; steps <= 40; ++steps) {
        const uint64_t serial = c.snapshot()->serial;
        c.step(1);
        auto s = waitLanes(c, [serial](const LanesSnapshot& s) { return s.serial > serial; });
        REQUIRE(s->serial > serial);
        std::vector<int64_t> running;
        for (const SimSnapshotPtr& lane : s->lanes) {
            if (!lane->finished) {
                running.push_back(lane->nowNs);
            }
        }
        REQUIRE_FALSE(running.empty());
        for (int64_t t : running) {
            CHECK(t == running.front());
        }
        CHECK(running.front() == steps * shared.tickNs);
    }
    // The chunk size is each lane's own.
    auto s = c.snapshot();
    CHECK(s->lanes[0]->config->chunkBytes == (1u << 20));
    CHECK(s->lanes[1]->config->chunkBytes == 1024u);
    CHECK(s->lanes[2]->config->chunkBytes == 32u);
}

TEST_CASE("a lanes run played to the end gives each lane the figures of its configuration run alone", "[lanes]")
{
    LanesController c;
    c.setSpeed(1000);
    SimConfig shared = smallConfig();
    shared.migrationStartNs = 20'000'000;
    shared.timeLimitNs = 20'000'000'000;
    ScenarioLane post;
    post.overrides.strategy = Strategy::Postcopy;
    REQUIRE(c.setComparison(shared, {chunkLane(4096), chunkLane(64), post}));
    QSignalSpy playing(&c, &LanesController::playingChanged);
    c.setPlaying(true);
    auto done = waitLanes(c, [](const LanesSnapshot& s) { return s.finished; }, 60000);
    REQUIRE(done->finished);
    REQUIRE(done->lanes.size() == 3);
    // The run stopped playing by itself at its end, and the controller says so.
    CHECK_FALSE(c.isPlaying());
    REQUIRE_FALSE(playing.isEmpty());
    CHECK(playing.last().at(0).toBool() == false);
    for (int i = 0; i < 3; ++i) {
        MigrationEngine alone(c.laneConfig(i));
        alone.runToEnd();
        const MigrationSummary expected = alone.summary();
        const MigrationSummary& got = done->lanes[size_t(i)]->summary;
        INFO("lane " << i);
        CHECK(got.verified);
        CHECK(got.totalTimeNs == expected.totalTimeNs);
        CHECK(got.downtimeNs == expected.downtimeNs);
        CHECK(got.payloadBytes == expected.payloadBytes);
        CHECK(got.headerBytes == expected.headerBytes);
        CHECK(got.chunksResent == expected.chunksResent);
        CHECK(got.dirtyPasses == expected.dirtyPasses);
    }
}

TEST_CASE("a brush write reaches every lane, each dirtying its own granules", "[lanes]")
{
    LanesController c;
    SimConfig shared = smallConfig();
    shared.workload.kind = WorkloadKind::Idle;
    ScenarioLane fine;
    fine.overrides.granularity = 4096;
    REQUIRE(c.setComparison(shared, {ScenarioLane{}, fine}));
    waitLanes(c, [](const LanesSnapshot& s) { return s.lanes.size() == 2; });
    c.inject(false, uint64_t(1) << 30, 8192);
    auto s = waitLanes(c, [](const LanesSnapshot& s) {
        return s.lanes.size() == 2 && s.lanes[0]->dirtyBits > 0 && s.lanes[1]->dirtyBits > 0;
    });
    REQUIRE(s->lanes.size() == 2);
    CHECK(s->lanes[0]->dirtyBits == 1);  // one 64 KiB granule
    CHECK(s->lanes[1]->dirtyBits == 2);  // two 4 KiB granules
}

TEST_CASE("lanes are named by what differs, added as copies and removed down to two", "[lanes]")
{
    LanesController c;
    SimConfig shared = smallConfig();
    ScenarioLane post;
    post.overrides.strategy = Strategy::Postcopy;
    REQUIRE(c.setComparison(shared, {chunkLane(1 << 20), chunkLane(32)}));
    CHECK(c.laneNames() == QStringList{QStringLiteral("1 MiB chunks"), QStringLiteral("32 B chunks")});
    QSignalSpy changed(&c, &LanesController::lanesChanged);
    REQUIRE(c.addLane(post));
    CHECK(changed.count() == 1);
    // The third lane has the shared 1 KiB chunk and postcopy: both now differ between lanes.
    CHECK(c.laneNames() == QStringList{QStringLiteral("1 MiB chunks, precopy"), QStringLiteral("32 B chunks, precopy"),
                                       QStringLiteral("1 KiB chunks, postcopy")});
    REQUIRE(c.addLane(0));
    CHECK(c.laneCount() == 4);
    CHECK(c.laneName(3) == QStringLiteral("1 MiB chunks, precopy (2)"));
    CHECK_FALSE(c.addLane(0));  // four at most
    REQUIRE(c.removeLane(3));
    REQUIRE(c.removeLane(2));
    CHECK_FALSE(c.removeLane(1));  // two at least
    CHECK(c.laneCount() == 2);

    // An editor's configuration: its shared values go to every lane, the rest to the lane.
    SimConfig edited = c.laneConfig(1);
    edited.chunkBytes = 256;
    edited.workload.rate = 777;
    REQUIRE(c.setLaneConfig(1, edited));
    CHECK(c.laneConfig(1).chunkBytes == 256u);
    CHECK(c.laneConfig(0).chunkBytes == (1u << 20));
    CHECK(c.laneConfig(0).workload.rate == 777);
    CHECK(c.laneConfig(1).workload.rate == 777);
}

TEST_CASE("a lane that cannot run is refused with its number and field, and the comparison stays", "[lanes]")
{
    LanesController c;
    SimConfig shared = smallConfig();
    REQUIRE(c.setComparison(shared, {chunkLane(1024), chunkLane(32)}));
    QSignalSpy failed(&c, &LanesController::failed);
    ScenarioLane bad;
    bad.overrides.maxDowntimeNs = -5;
    CHECK_FALSE(c.setComparison(shared, {chunkLane(1024), bad}));
    REQUIRE(failed.count() == 1);
    const QString message = failed.at(0).at(0).toString();
    CHECK(message.startsWith(QStringLiteral("Lane 2")));
    CHECK(message.contains(QStringLiteral("maxDowntime")));
    CHECK(c.laneConfig(1).chunkBytes == 32u);
    CHECK_FALSE(c.setComparison(shared, {chunkLane(1024)}));
}
