// runSweep(): points on several threads, a cancel that stops running points, shards and the best point.
#include <bitmig/migrationengine.h>
#include <bitmig/sweep.h>
#include <bitmig/zeropageallocator.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <set>

using namespace bitmig;

namespace {

// 64 GiB at 64 KiB granularity, a guest writing for a second before the migration starts.
SimConfig pointConfig(uint64_t chunkBytes)
{
    SimConfig c;
    c.diskBytes = uint64_t(64) << 30;
    c.migrationStartNs = 1'000'000'000;
    c.chunkBytes = chunkBytes;
    return c;
}

std::vector<SweepPoint> chunkPoints()
{
    std::vector<SweepPoint> points;
    for (uint64_t chunk = 1; chunk <= (uint64_t(1) << 20); chunk <<= 1) {
        SweepPoint p;
        p.config = pointConfig(chunk);
        points.push_back(p);
    }
    return points;
}

std::vector<size_t> all(const std::vector<SweepPoint>& points)
{
    std::vector<size_t> which(points.size());
    for (size_t i = 0; i < which.size(); ++i) {
        which[i] = i;
    }
    return which;
}

} // namespace

TEST_CASE("a sweep's points equal their runs alone, for any number of jobs", "[sweep]")
{
    std::vector<SweepPoint> one = chunkPoints();
    std::vector<SweepPoint> three = chunkPoints();
    REQUIRE(runSweep(one, all(one), 1));
    std::set<size_t> reported;
    double doneCost = 0;
    double totalCost = 0;
    for (const SweepPoint& p : three) {
        totalCost += estimateSweepPointCost(p.config);
    }
    REQUIRE(runSweep(three, all(three), 3, [&](const SweepProgress& p) {
        CHECK(p.total == three.size());
        CHECK(p.done == reported.size() + 1);
        reported.insert(p.point);
        // The estimated cost of the points finished, of this one last, out of them all.
        doneCost += estimateSweepPointCost(three[p.point].config);
        CHECK(p.doneCost == Approx(doneCost));
        CHECK(p.totalCost == Approx(totalCost));
    }));
    CHECK(reported.size() == three.size());
    CHECK(doneCost == Approx(totalCost));
    for (size_t i = 0; i < one.size(); ++i) {
        REQUIRE(one[i].ran);
        REQUIRE(three[i].ran);
        MigrationEngine alone(one[i].config);
        alone.runToEnd();
        CHECK(one[i].summary.wireBytes == alone.summary().wireBytes);
        CHECK(three[i].summary.wireBytes == alone.summary().wireBytes);
        CHECK(three[i].summary.downtimeNs == alone.summary().downtimeNs);
        CHECK(three[i].summary.sourceSha256 == alone.summary().sourceSha256);
    }
}

TEST_CASE("a sweep runs only the points it is given and leaves skipped ones alone", "[sweep]")
{
    std::vector<SweepPoint> points = chunkPoints();
    points[4].skipReason = "cannot run";
    const SweepShard shard{2, 3};
    std::vector<size_t> which;
    for (size_t i = 0; i < points.size(); ++i) {
        if (shard.contains(i)) {
            which.push_back(i);
        }
    }
    CHECK(which == std::vector<size_t>{1, 4, 7, 10, 13, 16, 19});
    REQUIRE(runSweep(points, which, 2));
    for (size_t i = 0; i < points.size(); ++i) {
        CHECK(points[i].ran == (shard.contains(i) && i != 4));
    }
}

TEST_CASE("cancelling a sweep stops its running points and starts no more", "[sweep]")
{
    // Long runs: a guest writing for 3000 simulated seconds (some seconds of CPU) before each migration.
    std::vector<SweepPoint> points = chunkPoints();
    for (SweepPoint& p : points) {
        p.config.migrationStartNs = 3000LL * 1000000000LL;
        p.config.chunkBytes = 1;
    }
    std::atomic<bool> cancel{false};
    size_t finished = 0;
    SECTION("before it starts")
    {
        cancel = true;
        CHECK_FALSE(runSweep(
            points, all(points), 2, [&](const SweepProgress&) { ++finished; }, &cancel));
    }
    SECTION("from the first point's report, on one thread")
    {
        points[0].config.migrationStartNs = 0;
        CHECK_FALSE(runSweep(
            points, all(points), 1,
            [&](const SweepProgress&) {
                ++finished;
                cancel = true;
            },
            &cancel));
        CHECK(finished == 1);
        CHECK(points[0].ran);
        points.erase(points.begin());
    }
    SECTION("from the first point's report, on two threads")
    {
        // Point 1 runs long; point 0 is short and ends first, point 2 shorter still: whichever order
        // the threads take them in, 0 and 1 start together and 2 waits.
        points[0].config.migrationStartNs = 0;
        points[2].config.migrationStartNs = 0;
        points[2].config.chunkBytes = uint64_t(1) << 20;
        CHECK_FALSE(runSweep(
            points, {0, 1, 2}, 2,
            [&](const SweepProgress& p) {
                ++finished;
                CHECK(p.point == 0);
                cancel = true;
            },
            &cancel));
        CHECK(finished == 1);
        CHECK(points[0].ran);
        points.erase(points.begin());
    }
    for (const SweepPoint& p : points) {
        CHECK_FALSE(p.ran);
        CHECK(p.failure.empty());
    }
}

TEST_CASE("a point's estimated cost grows with its records, bits and simulated time", "[sweep]")
{
    const SimConfig base = pointConfig(1024);
    const double cost = estimateSweepPointCost(base);
    CHECK(cost > 0);
    SimConfig smaller = base;
    smaller.chunkBytes = 1;
    CHECK(estimateSweepPointCost(smaller) > cost);
    SimConfig larger = base;
    larger.diskBytes *= 16;
    CHECK(estimateSweepPointCost(larger) > cost);
    SimConfig later = base;
    later.migrationStartNs *= 100;
    CHECK(estimateSweepPointCost(later) > cost);
    later.workload.kind = WorkloadKind::Idle; // no writes: only the ticks of the wait remain
    CHECK(estimateSweepPointCost(later) < estimateSweepPointCost(smaller));
    SimConfig broken = base;
    broken.chunkBytes = 0;
    CHECK(estimateSweepPointCost(broken) == 0);
}

TEST_CASE("a sweep's time left scales the time so far by the estimated cost left", "[sweep]")
{
    SweepProgress p;
    p.total = 10;
    CHECK_FALSE(sweepTimeLeftNs(p, 1000)); // nothing finished: no estimate
    p.done = 2;
    p.doneCost = 80; // the two costliest of 100 finished in 4 s: a fifth of the work is left
    p.totalCost = 100;
    CHECK(sweepTimeLeftNs(p, 4'000'000'000) == 1'000'000'000);
    p.doneCost = 20; // two cheap ones in 4 s: four times that is left
    CHECK(sweepTimeLeftNs(p, 4'000'000'000) == 16'000'000'000);
    p.doneCost = p.totalCost = 0; // costs not known: by the count of points, 8 left after 2
    CHECK(sweepTimeLeftNs(p, 4'000'000'000) == 16'000'000'000);
    p.done = 10;
    CHECK(sweepTimeLeftNs(p, 4'000'000'000) == 0);
}

TEST_CASE("a sweep on several threads starts its costliest points first", "[sweep]")
{
    // Listed cheapest first (1 MiB chunks down to 1 B): two threads start the two smallest chunks,
    // so the points that finish are among them; cancelling then starts no other.
    std::vector<SweepPoint> points = chunkPoints();
    std::reverse(points.begin(), points.end());
    std::vector<size_t> order = all(points);
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return estimateSweepPointCost(points[a].config) > estimateSweepPointCost(points[b].config);
    });
    REQUIRE(points[order[0]].config.chunkBytes == 1);
    REQUIRE(points[order[1]].config.chunkBytes == 2);
    std::atomic<bool> cancel{false};
    std::vector<size_t> reported;
    CHECK_FALSE(runSweep(
        points, all(points), 2,
        [&](const SweepProgress& p) {
            reported.push_back(p.point);
            cancel = true;
        },
        &cancel));
    // The other thread's point may end (and be reported) before it sees the cancel; either way
    // only the two costliest points ever ran.
    REQUIRE(!reported.empty());
    REQUIRE(reported.size() <= 2);
    for (const size_t r : reported) {
        CHECK((r == order[0] || r == order[1]));
        CHECK(points[r].ran);
    }
    for (size_t i = 0; i < points.size(); ++i) {
        if (i != order[0] && i != order[1]) {
            CHECK_FALSE(points[i].ran);
        }
    }
}

TEST_CASE("the best point qualifies and has the least measure, the first on a tie", "[sweep]")
{
    std::vector<SweepPoint> points(4);
    for (SweepPoint& p : points) {
        p.ran = true;
        p.summary.verified = true;
        p.summary.converged = true;
    }
    points[0].summary.wireBytes = 50;
    points[1].summary.wireBytes = 10;
    points[1].summary.converged = false; // least, but does not qualify
    points[2].summary.wireBytes = 20;
    points[3].summary.wireBytes = 20;
    points[0].summary.downtimeNs = 1;
    points[3].summary.totalTimeNs = -1;
    CHECK(bestSweepPoint(points, SweepCriterion::MinTotalBytes) == 2);
    CHECK(bestSweepPoint(points, SweepCriterion::MinDowntime) == 2);
    CHECK(bestSweepPoint(points, SweepCriterion::MinTotalTime) == 3);
    CHECK(sweepCriterionName(SweepCriterion::MinDowntime) == "min-downtime");
    CHECK(parseSweepCriterion("min-total-time") == SweepCriterion::MinTotalTime);
    CHECK_FALSE(parseSweepCriterion("fastest"));
    CHECK_FALSE(bestSweepPoint({}, SweepCriterion::MinTotalBytes));
    CHECK(defaultSweepJobs() >= 1);
}

TEST_CASE("a sweep's points run on each other's bit arrays, cleared, and give them back at the end", "[sweep]")
{
    // 16 TiB at 64 KiB: 2^28 bits, 32 MiB arrays mapped on their own, which a point takes from the
    // one finished before it. A bit left over from another point would change a digest.
    std::vector<SweepPoint> points;
    for (uint64_t chunk : {uint64_t(4) << 10, uint64_t(64) << 10, uint64_t(4) << 10, uint64_t(1) << 20}) {
        SweepPoint p;
        p.config = pointConfig(chunk);
        p.config.diskBytes = uint64_t(16) << 40;
        p.config.workload.kind = WorkloadKind::Uniform;
        p.config.workload.rate = 50000;
        p.config.seed = 11 + chunk;
        points.push_back(p);
    }
    bool reusing = true;
    REQUIRE(runSweep(points, all(points), 2, [&](const SweepProgress&) { reusing = reusing && detail::reusingBlocks(); }));
    CHECK(reusing);
    CHECK_FALSE(detail::reusingBlocks());
    CHECK(detail::zeroedBytesKept() == 0);
    for (const SweepPoint& p : points) {
        REQUIRE(p.ran);
        MigrationEngine alone(p.config);
        alone.runToEnd();
        CHECK(p.summary.verified);
        CHECK(p.summary.sourceSha256 == alone.summary().sourceSha256);
        CHECK(p.summary.destinationSha256 == alone.summary().destinationSha256);
        CHECK(p.summary.wireBytes == alone.summary().wireBytes);
    }
}
