#include "engine_test_util.hpp"
#include "trace_test_util.hpp"

#include <bitmig/migrationengine.h>
#include <bitmig/tracereader.h>
#include <catch2/catch.hpp>

#include <limits>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace bitmig;
using namespace bitmig_engine_test;
using namespace bitmig_trace_test;

namespace {

std::shared_ptr<const Trace> csvTrace(const std::string& text, const std::string& name = "t.csv")
{
    std::istringstream in(text);
    return std::make_shared<const Trace>(TraceReader::read(in, name, TraceFormat::Csv));
}

// A disk with nothing but the trace.
SimConfig traceConfig(std::shared_ptr<const Trace> trace, uint64_t disk, uint64_t granularity)
{
    SimConfig c;
    c.diskBytes = disk;
    c.granularity = granularity;
    c.chunkBytes = 8;
    c.workload.kind = WorkloadKind::Idle;
    c.workload.trace.trace = std::move(trace);
    c.migrationStartNs = -1;
    return c;
}

// The engine times at which the guest's I/O was applied.
std::vector<int64_t> appliedTimes(MigrationEngine& e, int64_t runNs)
{
    std::vector<int64_t> times;
    e.onGuestIo = [&times](const Injection& io) { times.push_back(io.timeNs); };
    e.runFor(runNs);
    return times;
}

} // namespace

TEST_CASE("a fio log replayed on an idle disk dirties exactly the granules it wrote", "[trace][engine]")
{
    const TempDir dir;
    const uint64_t fileBytes = 8 << 20;
    runFio("--name=t --filename=" + dir.file("F") + " --size=" + std::to_string(fileBytes) +
           " --rw=randwrite --bs=4k --io_size=1M --ioengine=sync --write_iolog=" + dir.file("log"));
    const auto trace = std::make_shared<const Trace>(TraceReader::readFile(dir.file("log")));
    REQUIRE(trace->records().size() == 256);

    for (const uint64_t granularity : {uint64_t(4096), uint64_t(65536)}) {
        INFO("granularity " << granularity);
        // The granules the trace wrote, worked out from the records alone.
        TruthModel truth(fileBytes, granularity);
        std::set<uint64_t> granules;
        for (const TraceRecord& r : trace->records()) {
            truth.write(r.offset, r.length);
            for (uint64_t g = r.offset / granularity; g <= (r.offset + r.length - 1) / granularity; ++g) {
                granules.insert(g);
            }
        }

        MigrationEngine e(traceConfig(trace, fileBytes, granularity));
        REQUIRE(e.tracePlayer() != nullptr);
        while (!e.tracePlayer()->done()) {
            e.step();
        }
        CHECK(e.summary().writesApplied == trace->records().size());
        CHECK(e.source().bits().count() == granules.size() * granularity);  // count() is in disk bytes
        CHECK(truth.differences(e.source().bits()) == 0);

        e.startMigration();
        e.runToEnd();
        const MigrationSummary s = e.summary();
        CHECK(s.finished);
        CHECK(s.verified);
        CHECK(s.lostBits == 0);
        CHECK(s.extraBits == 0);
        REQUIRE(e.destination() != nullptr);
        CHECK(truth.differences(e.destination()->bits()) == 0);
    }
}

TEST_CASE("a fio log replayed while the bitmap migrates arrives whole, for every strategy", "[trace][engine]")
{
    const TempDir dir;
    const uint64_t fileBytes = 8 << 20;
    runFio("--name=t --filename=" + dir.file("F") + " --size=" + std::to_string(fileBytes) +
           " --rw=randwrite --bs=4k --io_size=1M --ioengine=sync --write_iolog=" + dir.file("log"));
    const auto trace = std::make_shared<const Trace>(TraceReader::readFile(dir.file("log")));
    for (const Strategy strategy : {Strategy::Precopy, Strategy::Postcopy, Strategy::StopAndCopy}) {
        INFO(strategyName(strategy));
        SimConfig c = traceConfig(trace, fileBytes, 512);
        c.strategy = strategy;
        c.chunkBytes = 1;
        c.bandwidth = 10e3;  // 2048 chunk records, ZEROES or not, take over 2.5 s
        c.migrationStartNs = 0;
        c.workload.trace.speed = double(trace->endNs()) / 1e9;  // the trace spread over 1 s
        MigrationEngine e(c);
        // The migration may finish before the trace does: the truth is what the guest did until then.
        TruthModel truth(fileBytes, 512);
        e.onGuestIo = [&truth](const Injection& io) { truth.apply(io); };
        e.runToEnd();
        const MigrationSummary s = e.summary();
        CHECK(s.finished);
        CHECK(s.verified);
        CHECK(s.lostBits == 0);
        CHECK(s.writesApplied > 0);
        CHECK(s.writesApplied <= trace->records().size());
        REQUIRE(e.destination() != nullptr);
        CHECK(truth.differences(e.destination()->bits()) == 0);
    }
}

TEST_CASE("a trace record lands in the tick its scaled time falls in", "[trace][engine]")
{
    const auto trace = csvTrace("0.0019999,0,512,write\n"
                                "0.002,512,512,write\n"
                                "0.0105,1024,512,write\n");
    SECTION("real time")
    {
        MigrationEngine e(traceConfig(trace, 1 << 20, 512));
        CHECK(appliedTimes(e, 20 * kMs) == std::vector<int64_t>{1 * kMs, 2 * kMs, 10 * kMs});
    }
    SECTION("twice as fast")
    {
        SimConfig c = traceConfig(trace, 1 << 20, 512);
        c.workload.trace.speed = 2;  // 0.99995 ms, 1 ms, 5.25 ms
        MigrationEngine e(c);
        CHECK(appliedTimes(e, 20 * kMs) == std::vector<int64_t>{0, 1 * kMs, 5 * kMs});
    }
    SECTION("a quarter of the speed, 10 ms ticks")
    {
        SimConfig c = traceConfig(trace, 1 << 20, 512);
        c.workload.trace.speed = 0.25;  // 7.9996 ms, 8 ms, 42 ms
        c.tickNs = 10 * kMs;
        c.sampleIntervalNs = c.tickNs;
        MigrationEngine e(c);
        CHECK(appliedTimes(e, 100 * kMs) == std::vector<int64_t>{0, 0, 40 * kMs});
    }
}

TEST_CASE("a looping trace starts again on the tick after its end", "[trace][engine]")
{
    // The trace ends at 2.5 ms; with 1 ms ticks each copy is 3 ms long.
    const auto trace = csvTrace("0,0,512,write\n0.0025,4096,512,write\n");
    SimConfig c = traceConfig(trace, 1 << 20, 512);
    SECTION("once")
    {
        MigrationEngine e(c);
        CHECK(appliedTimes(e, 9 * kMs) == std::vector<int64_t>{0, 2 * kMs});
        CHECK(e.tracePlayer()->done());
    }
    SECTION("looping")
    {
        c.workload.trace.loop = true;
        MigrationEngine e(c);
        CHECK(e.tracePlayer()->periodNs() == 3 * kMs);
        CHECK(appliedTimes(e, 9 * kMs) == std::vector<int64_t>{0, 2 * kMs, 3 * kMs, 5 * kMs, 6 * kMs, 8 * kMs});
        CHECK(!e.tracePlayer()->done());
        CHECK(e.tracePlayer()->copiesStarted() == 4);  // the fourth starts at 9 ms
    }
    SECTION("looping at half speed: 5 ms scaled, 6 ms copies")
    {
        c.workload.trace.loop = true;
        c.workload.trace.speed = 0.5;
        MigrationEngine e(c);
        CHECK(appliedTimes(e, 12 * kMs) == std::vector<int64_t>{0, 5 * kMs, 6 * kMs, 11 * kMs});
    }
}

TEST_CASE("trims and discards in a trace clear the granules they cover", "[trace][engine]")
{
    const uint64_t g = 4096;
    const auto trace = csvTrace("0,0,65536,write\n"
                                "0.001,4096,8192,trim\n"      // granules 1 and 2
                                "0.002,20000,10000,discard\n" // covers granules 5 and 6, parts of 4 and 7
                                "0.003,0,4096,read\n");
    MigrationEngine e(traceConfig(trace, 1 << 20, g));
    e.runFor(5 * kMs);
    CHECK(e.summary().writesApplied == 1);
    CHECK(e.summary().clearsApplied == 2);
    TruthModel truth(1 << 20, g);
    truth.write(0, 65536);
    truth.clear(4096, 8192);
    truth.clear(20000, 10000);
    CHECK(truth.differences(e.source().bits()) == 0);
    CHECK(e.source().bits().count() == (16 - 4) * g);  // count() is in disk bytes
}

TEST_CASE("setWorkload starts a new trace from now and carries on with the same one", "[trace][engine]")
{
    const auto trace = csvTrace("0,0,512,write\n0.002,512,512,write\n");
    SimConfig c = traceConfig(nullptr, 1 << 20, 512);
    MigrationEngine e(c);
    std::vector<int64_t> times;
    e.onGuestIo = [&times](const Injection& io) { times.push_back(io.timeNs); };
    e.runFor(5 * kMs);
    CHECK(e.tracePlayer() == nullptr);
    WorkloadSpec w = e.workload();
    w.trace.trace = trace;
    e.setWorkload(w);
    e.runFor(1 * kMs);
    w.rate = 5;  // the same trace: the replay carries on
    e.setWorkload(w);
    e.runFor(10 * kMs);
    CHECK(times == std::vector<int64_t>{5 * kMs, 7 * kMs});
    w.trace.speed = 2;  // a different replay: from now (16 ms), at twice the speed
    e.setWorkload(w);
    e.runFor(5 * kMs);
    CHECK(times == std::vector<int64_t>{5 * kMs, 7 * kMs, 16 * kMs, 17 * kMs});
}

TEST_CASE("a trace that does not fit the disk, or a bad speed, is refused by validate()", "[trace][errors]")
{
    const auto trace = csvTrace("time,offset,length,operation\n"
                                "0,0,4096,write\n"
                                "0.1,1044480,8192,write\n",
                                "trace.csv");
    SimConfig c = traceConfig(trace, 1 << 20, 512);
    CHECK_THROWS_WITH(c.validate(), "workload.trace: trace.csv:3: write [1044480, +8192) is past the end of "
                                    "the disk (1048576 bytes)");
    CHECK_THROWS_AS(MigrationEngine(c), std::invalid_argument);
    c.diskBytes = 2 << 20;
    CHECK_NOTHROW(c.validate());
    for (const double speed : {0.0, -1.0, std::numeric_limits<double>::infinity(),
                               std::numeric_limits<double>::quiet_NaN()}) {
        c.workload.trace.speed = speed;
        CHECK_THROWS_WITH(c.validate(), "workload.trace.speed: must be above zero");
    }
    for (const double speed : {1e-12, 0.99e-6, 1.01e6, 1e300}) {
        c.workload.trace.speed = speed;
        CHECK_THROWS_WITH(c.validate(), "workload.trace.speed: must be from 0.000001 to 1000000");
    }
    c.workload.trace.speed = 1e6;
    CHECK_NOTHROW(c.validate());
    c.workload.trace.speed = 1e-6;  // 0.1 s lasts 100000 s
    CHECK_NOTHROW(c.validate());
    const auto longTrace = csvTrace("time,offset,length,operation\n"
                                    "40,0,4096,write\n",
                                    "long.csv");
    c.workload.trace.trace = longTrace;  // 40 s would last 4e7 s, over 365 days
    CHECK_THROWS_WITH(c.validate(), "workload.trace.speed: the trace would last over 365 days (31536000 s) at "
                                    "this speed");
    c.workload.trace.trace = trace;

    // The engine refuses the same through setWorkload, and keeps its old workload.
    MigrationEngine e(traceConfig(nullptr, 1 << 20, 512));
    WorkloadSpec w = e.workload();
    w.trace.trace = trace;
    CHECK_THROWS_WITH(e.setWorkload(w), Catch::Contains("trace.csv:3:"));
    CHECK(e.tracePlayer() == nullptr);
}
