// Every time, rate and size has a lower and an upper limit (bitmig/limits.h): validate() names the
// field and the limit, and the engine runs at the extreme allowed values with its arithmetic intact.
#include "engine_test_util.hpp"

#include <bitmig/limits.h>
#include <catch2/catch.hpp>

#include <functional>
#include <limits>
#include <string>

using namespace bitmig_engine_test;

namespace {

constexpr int64_t kSec = 1'000'000'000;

SimConfig small()
{
    SimConfig c;
    c.diskBytes = 64 * MiB;
    c.granularity = 64 * KiB;
    c.chunkBytes = 16;
    c.workload.kind = WorkloadKind::Idle;
    c.timeLimitNs = 10 * kSec;
    return c;
}

std::string errorOf(const SimConfig& c)
{
    try {
        c.validate();
    } catch (const std::invalid_argument& e) {
        return e.what();
    }
    return "(accepted)";
}

// Runs to the end and checks what must hold whatever the figures: nothing negative, and a finished
// migration verified.
MigrationSummary runChecked(const SimConfig& c)
{
    MigrationEngine e(c);
    e.runToEnd();
    const MigrationSummary s = e.summary();
    CHECK(e.nowNs() >= 0);
    CHECK(e.nowNs() <= c.timeLimitNs + c.tickNs);
    CHECK(s.downtimeNs >= 0);
    CHECK(s.expectedDowntimeNs >= 0);
    CHECK(s.totalTimeNs >= 0);
    CHECK(s.unusableWindowNs >= 0);
    if (s.finished) {
        CHECK(s.verified);
        CHECK(s.lostBits == 0);
    }
    return s;
}

} // namespace

TEST_CASE("limits: validate() refuses a value past a limit, naming the field and the limit", "[limits]")
{
    const struct {
        const char* what;
        std::function<void(SimConfig&)> set;
        const char* message;
    } cases[] = {
        {"latency", [](SimConfig& c) { c.latencyNs = std::numeric_limits<int64_t>::max(); },
         "latency: must be at most 365 days (31536000 s), got 9223372036854775807 ns"},
        {"latency", [](SimConfig& c) { c.latencyNs = limits::kMaxTimeNs + 1; },
         "latency: must be at most 365 days (31536000 s), got 31536000000000001 ns"},
        {"maxDowntime", [](SimConfig& c) { c.maxDowntimeNs = limits::kMaxTimeNs + 1; },
         "maxDowntime: must be at most 365 days (31536000 s), got 31536000000000001 ns"},
        {"timeLimit", [](SimConfig& c) { c.timeLimitNs = limits::kMaxTimeNs + 1; },
         "timeLimit: must be at most 365 days (31536000 s), got 31536000000000001 ns"},
        {"migrationStart", [](SimConfig& c) { c.migrationStartNs = limits::kMaxTimeNs + 1; },
         "migrationStart: must be at most 365 days (31536000 s), got 31536000000000001 ns"},
        {"sampleInterval", [](SimConfig& c) { c.sampleIntervalNs = limits::kMaxTimeNs + 1; },
         "sampleInterval: must be at most 365 days (31536000 s), got 31536000000000001 ns"},
        {"injection time",
         [](SimConfig& c) {
             c.injections = {Injection{limits::kMaxTimeNs + 1, Injection::Op::Write, 0, 512}};
         },
         "injections[0].time: must be at most 365 days (31536000 s), got 31536000000000001 ns"},
        {"burstPeriod", [](SimConfig& c) { c.workload.burstPeriodNs = limits::kMaxTimeNs + 1; },
         "workload.burstPeriod: must be at most 365 days (31536000 s), got 31536000000000001 ns"},
        {"burstDuty", [](SimConfig& c) { c.workload.burstDuty = 1e-300; },
         "workload.burstDuty: must be from 0.000001 to 1"},
        {"bandwidth low", [](SimConfig& c) { c.bandwidth = 1e-12; },
         "bandwidth: must be from 1 kbit/s to 10 Tbit/s (125 to 1.25e12 bytes per second), got 1e-12 bytes per "
         "second"},
        {"bandwidth 1e-300", [](SimConfig& c) { c.bandwidth = 1e-300; },
         "bandwidth: must be from 1 kbit/s to 10 Tbit/s (125 to 1.25e12 bytes per second), got 1e-300 bytes per "
         "second"},
        {"bandwidth just low", [](SimConfig& c) { c.bandwidth = 124.99; },
         "bandwidth: must be from 1 kbit/s to 10 Tbit/s (125 to 1.25e12 bytes per second), got 124.99 bytes per "
         "second"},
        {"bandwidth high", [](SimConfig& c) { c.bandwidth = 1.3e12; },
         "bandwidth: must be from 1 kbit/s to 10 Tbit/s (125 to 1.25e12 bytes per second), got 1.3e+12 bytes per "
         "second"},
        {"disk", [](SimConfig& c) { c.diskBytes = limits::kMaxDiskBytes + 512; c.granularity = 2 * GiB; },
         "disk: must be at most 1 EiB (2^60 bytes), got 1152921504606847488"},
        {"completeOnlyBelow", [](SimConfig& c) { c.completeOnlyBelow = limits::kMaxDiskBytes + 1; },
         "completeOnlyBelow: must be at most 1 EiB (2^60 bytes), got 1152921504606846977"},
    };
    for (const auto& t : cases) {
        SimConfig c = small();
        t.set(c);
        INFO(t.what);
        CHECK(errorOf(c) == t.message);
    }
}

TEST_CASE("limits: the limits themselves are accepted", "[limits]")
{
    SimConfig c = small();
    c.latencyNs = limits::kMaxTimeNs;
    c.maxDowntimeNs = limits::kMaxTimeNs;
    c.timeLimitNs = limits::kMaxTimeNs;
    c.migrationStartNs = limits::kMaxTimeNs;
    c.sampleIntervalNs = limits::kMaxTimeNs;
    c.injections = {Injection{limits::kMaxTimeNs, Injection::Op::Write, 0, 512}};
    c.workload.burstPeriodNs = limits::kMaxTimeNs;
    c.workload.burstDuty = limits::kMinBurstDuty;
    c.completeOnlyBelow = limits::kMaxDiskBytes;
    for (const double bw : {limits::kMinBandwidth, limits::kMaxBandwidth}) {
        c.bandwidth = bw;
        CHECK(errorOf(c) == "(accepted)");
    }
    c.diskBytes = limits::kMaxDiskBytes;
    c.granularity = 2 * GiB;
    CHECK(errorOf(c) == "(accepted)");
}

TEST_CASE("limits: the longest latency gives the longest downtime, not a negative one", "[limits]")
{
    // With a latency of 2^63 - 1 ns, the downtime was computed as -9223372036.85 s and "verified".
    for (const Strategy strategy : {Strategy::Precopy, Strategy::Postcopy, Strategy::StopAndCopy}) {
        INFO(strategyName(strategy));
        SimConfig c = small();
        c.strategy = strategy;
        c.latencyNs = limits::kMaxTimeNs;
        c.maxDowntimeNs = limits::kMaxTimeNs;
        c.tickNs = kSec;
        c.sampleIntervalNs = limits::kMaxTimeNs;
        c.timeLimitNs = 100 * kSec;
        MigrationEngine e(c);
        e.runToEnd();
        const MigrationSummary s = e.summary();
        CHECK_FALSE(s.finished);  // nothing has arrived yet
        // Postcopy's switch-over waits for the START record, which is still on its way.
        CHECK(s.expectedDowntimeNs >= (strategy == Strategy::Postcopy ? 0 : limits::kMaxTimeNs));
        CHECK(s.downtimeNs >= 0);
        CHECK(e.downtimeBudgetBytes() == 0);  // the latency alone uses the whole budget
    }
}

TEST_CASE("limits: the slowest link carries a 1 MiB chunk in 8389 s without overflow", "[limits]")
{
    for (const Strategy strategy : {Strategy::Precopy, Strategy::Postcopy, Strategy::StopAndCopy}) {
        INFO(strategyName(strategy));
        SimConfig c = small();
        c.strategy = strategy;
        c.diskBytes = 8 * GiB;
        c.granularity = 512;
        c.chunkBytes = 1 * MiB;  // 2 chunks
        c.bandwidth = limits::kMinBandwidth;
        c.latencyNs = limits::kMaxTimeNs;
        c.maxDowntimeNs = limits::kMaxTimeNs;
        c.tickNs = kSec;
        c.timeLimitNs = 20'000 * kSec;
        c.sampleIntervalNs = 1000 * kSec;
        c.injections = {Injection{0, Injection::Op::Write, 0, 64 * KiB}};
        const MigrationSummary s = runChecked(c);
        CHECK_FALSE(s.finished);
        // Postcopy waits for the START record to arrive, a year later; the others send both chunks.
        CHECK(s.wireBytes > (strategy == Strategy::Postcopy ? 0 : MiB));
    }
}

TEST_CASE("limits: the fastest link, the largest disk and the highest write rate", "[limits]")
{
    for (const Strategy strategy : {Strategy::Precopy, Strategy::Postcopy, Strategy::StopAndCopy}) {
        INFO(strategyName(strategy));
        SimConfig c;
        c.strategy = strategy;
        c.diskBytes = limits::kMaxDiskBytes;
        c.granularity = 2 * GiB;  // 2^29 bits
        c.chunkBytes = 64;        // the largest chunk a BITS record can describe here: 2^20 chunks
        c.bandwidth = limits::kMaxBandwidth;
        c.maxDowntimeNs = limits::kMaxTimeNs;  // bandwidth x downtime is above 2^64 bytes
        c.completeOnlyBelow = 0;
        c.tickNs = 1000;
        c.sampleIntervalNs = 1000;
        c.timeLimitNs = 2 * kMs;
        c.workload.kind = WorkloadKind::HotSpot;
        c.workload.rate = limits::kMaxWriteRate;
        c.workload.maxWriteBytes = 1 * MiB;
        c.injections = {Injection{0, Injection::Op::Write, limits::kMaxDiskBytes - 512, 512}};
        MigrationEngine e(c);
        // Bandwidth x downtime is about 3.9e19 bytes: the budget saturates instead of wrapping.
        CHECK(e.downtimeBudgetBytes() == std::numeric_limits<uint64_t>::max());
        e.runToEnd();
        const MigrationSummary s = e.summary();
        CHECK(s.finished);
        CHECK(s.verified);
        CHECK(s.lostBits == 0);
        CHECK(s.downtimeNs >= 0);
        CHECK(s.writesApplied > 0);
    }
}

TEST_CASE("limits: bursts at the smallest duty and the longest period", "[limits]")
{
    SimConfig c = small();
    c.workload.kind = WorkloadKind::Bursts;
    c.workload.rate = limits::kMaxWriteRate;
    c.workload.burstDuty = limits::kMinBurstDuty;
    c.workload.burstPeriodNs = 1'000'000;  // 1 ns on in each ms: 1e6 writes in that nanosecond
    c.tickNs = 1000;
    c.sampleIntervalNs = kMs;
    c.timeLimitNs = 3 * kMs;
    c.migrationStartNs = -1;
    MigrationEngine e(c);
    e.runToEnd();
    CHECK(e.summary().writesApplied == 3'000'000);
}
