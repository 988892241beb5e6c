#include "engine_test_util.hpp"
#include "tests/support/sanitizers.h"

#include <bitmig/chunkgeometry.h>
#include <bitmig/migrationengine.h>
#include <bitmig/random.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

using namespace bitmig;
using namespace bitmig_engine_test;

namespace {

constexpr unsigned kScenarios = unsigned(bitmig_test::randomCases(3000));
constexpr uint64_t kMaxBits = uint64_t(1) << 20; // keeps every bitmap at 128 KiB or less

// A random scenario, fully determined by its seed.
SimConfig scenario(uint64_t seed)
{
    Random rng(seed * 0x9e3779b97f4a7c15ULL + 12345);
    SimConfig cfg;
    cfg.seed = seed;
    cfg.granularity = uint64_t(512) << rng.below(12); // 512 B .. 1 MiB
    // Disk: 1 MiB .. 64 GiB, a multiple of 512, at most kMaxBits bits.
    const double maxDisk = std::min(64.0 * double(GiB), double(kMaxBits * cfg.granularity));
    const double minDisk = double(MiB);
    uint64_t disk = uint64_t(logUniform(rng, minDisk, std::max(minDisk, maxDisk))) / 512 * 512;
    if (rng.below(4) == 0) {
        disk = disk / cfg.granularity * cfg.granularity; // whole granules
    }
    cfg.diskBytes = std::clamp<uint64_t>(disk, MiB, std::min<uint64_t>(64 * GiB, kMaxBits * cfg.granularity));
    cfg.chunkBytes = uint64_t(1) << rng.below(21); // 1 B .. 1 MiB
    cfg.strategy = Strategy(rng.below(3));

    // Bandwidth: one pass over the bitmap takes 2 .. 400 ms.
    const uint64_t bits = (cfg.diskBytes + cfg.granularity - 1) / cfg.granularity;
    const uint64_t chunks = (bits + cfg.chunkBytes * 8 - 1) / (cfg.chunkBytes * 8);
    const uint64_t chunkBuf = std::min<uint64_t>(std::max<uint64_t>(32, cfg.chunkBytes), (bits + 7) / 8 + 32);
    const double passBytes = double(chunks) * double(21 + chunkBuf) + 64;
    cfg.bandwidth = std::max(1e4, passBytes / logUniform(rng, 0.002, 0.4));
    cfg.latencyNs = rng.below(3) == 0 ? 0 : int64_t(rng.below(20 * kMs));
    cfg.maxDowntimeNs = rng.below(5) == 0 ? 0 : int64_t(logUniform(rng, 1e4, 1e8));
    cfg.maxPasses = unsigned(rng.below(6));
    cfg.completeOnlyBelow = rng.below(4) == 0 ? uint64_t(passBytes * 2 * rng.unit()) : 0;
    const int64_t ticks[] = {100'000, 250'000, 1'000'000, 1'000'000, 2'000'000, 5'000'000};
    cfg.tickNs = ticks[rng.below(6)];
    cfg.sampleIntervalNs = cfg.tickNs * int64_t(1 + rng.below(20));
    cfg.migrationStartNs = rng.below(10) == 0 ? -1 : int64_t(rng.below(50 * kMs));
    cfg.timeLimitNs = int64_t(3600) * 1'000'000'000;

    WorkloadSpec& w = cfg.workload;
    w.kind = allWorkloadKinds()[rng.below(6)];
    w.rate = rng.below(8) == 0 ? 0 : logUniform(rng, 10, 300000);
    const uint64_t maxWrite = std::min<uint64_t>(cfg.diskBytes, 4 * MiB) / 512;
    w.minWriteBytes = 512 * (1 + rng.below(std::min<uint64_t>(maxWrite, 128)));
    w.maxWriteBytes = w.minWriteBytes + 512 * rng.below(maxWrite - w.minWriteBytes / 512 + 1);
    w.hotFraction = std::max(1e-4, rng.unit());
    w.hotShare = rng.unit();
    w.zipfExponent = 0.3 + 2 * rng.unit();
    w.burstPeriodNs = int64_t(logUniform(rng, 1e6, 1e9));
    w.burstDuty = std::max(0.01, rng.unit());

    // Injections: writes and clears, some over the whole disk, some unaligned, around the migration.
    const uint64_t n = rng.below(9);
    const int64_t horizon = std::max<int64_t>(cfg.migrationStartNs, 0) + int64_t(logUniform(rng, 1e6, 5e8));
    for (uint64_t i = 0; i < n; ++i) {
        Injection io;
        io.timeNs = int64_t(rng.below(uint64_t(horizon)));
        io.op = rng.below(2) == 0 ? Injection::Op::Write : Injection::Op::Clear;
        switch (rng.below(4)) {
        case 0:
            io.offset = 0;
            io.length = cfg.diskBytes;
            break;
        case 1:
            io.offset = rng.below(cfg.diskBytes);
            io.length = 1 + rng.below(cfg.diskBytes - io.offset);
            break;
        default:
            io.offset = rng.below(cfg.diskBytes / 512) * 512;
            io.length = std::min(cfg.diskBytes - io.offset, 512 * (1 + rng.below(4096)));
            break;
        }
        cfg.injections.push_back(io);
    }

    // A replayed trace in a quarter of the scenarios: writes and clears, at a random speed, some
    // looping. Drawn last, so that the rest of each scenario is the same with or without it.
    if (rng.below(4) == 0) {
        std::vector<TraceRecord> records;
        const uint64_t count = 1 + rng.below(64);
        const int64_t span = int64_t(logUniform(rng, 1e7, 3e8));
        for (uint64_t i = 0; i < count; ++i) {
            TraceRecord r;
            r.timeNs = int64_t(rng.below(uint64_t(span)));
            r.op = rng.below(5) == 0 ? TraceOp::Clear : TraceOp::Write;
            r.offset = rng.below(cfg.diskBytes / 512) * 512;
            r.length = std::min(cfg.diskBytes - r.offset, 512 * (1 + rng.below(256)));
            r.line = i + 1;
            records.push_back(r);
        }
        w.trace.trace = std::make_shared<const Trace>("random.csv", TraceFormat::Csv, std::move(records), span);
        w.trace.speed = logUniform(rng, 0.25, 4);
        w.trace.loop = rng.below(2) == 0;
    }
    return cfg;
}

std::string describe(const SimConfig& c)
{
    std::ostringstream os;
    os << strategyName(c.strategy) << " disk " << c.diskBytes << " gran " << c.granularity << " chunk "
       << c.chunkBytes << " bw " << c.bandwidth << " lat " << c.latencyNs << " maxDown " << c.maxDowntimeNs
       << " passes " << c.maxPasses << " cob " << c.completeOnlyBelow << " tick " << c.tickNs << " start "
       << c.migrationStartNs << " workload " << workloadKindName(c.workload.kind) << "@" << c.workload.rate
       << " [" << c.workload.minWriteBytes << "," << c.workload.maxWriteBytes << "] injections "
       << c.injections.size();
    if (c.workload.trace.active()) {
        os << " trace " << c.workload.trace.trace->records().size() << " records over "
           << c.workload.trace.trace->endNs() << " ns, speed " << c.workload.trace.speed
           << (c.workload.trace.loop ? ", looping" : "");
    }
    return os.str();
}

// Runs a scenario to its end. A manual start (migrationStartNs -1) is made after 7 ticks.
void runScenario(MigrationEngine& e)
{
    if (e.config().migrationStartNs < 0) {
        for (int i = 0; i < 7; ++i) {
            e.step();
        }
        e.startMigration();
    }
    e.runToEnd();
}

// Everything wrong with one scenario, or "".
std::string check(const SimConfig& cfg, bool& converged)
{
    MigrationEngine e(cfg);
    TruthModel truth(cfg.diskBytes, cfg.granularity);
    e.setRecordStream(true);
    e.onGuestIo = [&truth](const Injection& io) { truth.apply(io); };
    runScenario(e);

    const MigrationSummary s = e.summary();
    converged = s.converged;
    std::ostringstream os;
    if (!e.finished() || e.phase() != Phase::Done || !s.finished) {
        os << "not finished: phase " << phaseName(e.phase()) << " at " << e.nowNs();
        return os.str();
    }
    if (!s.verified || s.lostBits != 0 || s.extraBits != 0 || !s.error.empty() ||
        s.destinationSha256 != s.expectedSha256) {
        os << "not verified: lost " << s.lostBits << ", extra " << s.extraBits << ", error '" << s.error
           << "'";
        return os.str();
    }
    if (const std::string p = streamProblems(e); !p.empty()) {
        return p;
    }
    if (const std::string p = phaseProblems(e.phases(), e.nowNs()); !p.empty()) {
        return p;
    }
    if (const std::string p = phaseSequenceProblems(e.phases(), cfg.strategy); !p.empty()) {
        return p;
    }
    if (e.source().busy() || e.meta() || !e.destination() || e.destination()->busy() ||
        e.destination()->successor() || !e.destination()->enabled()) {
        return "bitmap states after the migration";
    }
    if (const uint64_t d = truth.differences(e.destination()->bits()); d != 0) {
        os << "destination differs from the guest's writes and clears in " << d << " bits";
        return os.str();
    }
    if (s.chunks != (e.source().bitCount() + cfg.chunkBytes * 8 - 1) / (cfg.chunkBytes * 8)) {
        return "chunk count";
    }
    // Passes and convergence.
    if (cfg.strategy == Strategy::Precopy) {
        if (s.dirtyPasses > cfg.maxPasses) {
            os << s.dirtyPasses << " dirty passes, cap " << cfg.maxPasses;
            return os.str();
        }
        // A run that did not converge used every pass it had, unless not even an empty complete
        // phase (COMPLETE, EOS and framing: under 64 bytes) plus the latency fits the limit.
        const double emptyCompleteNs = double(cfg.latencyNs) + 64.0 / cfg.bandwidth * 1e9;
        if (!s.converged && s.dirtyPasses < cfg.maxPasses && emptyCompleteNs < double(cfg.maxDowntimeNs)) {
            return "did not converge below the pass cap";
        }
        // The guest pauses only when the complete phase fits the limit (the seed's small-transfer
        // option sends everything while paused on purpose).
        if (s.converged && cfg.completeOnlyBelow == 0 && s.expectedDowntimeNs > cfg.maxDowntimeNs) {
            os << "converged with an expected downtime of " << s.expectedDowntimeNs << " ns over the limit "
               << cfg.maxDowntimeNs;
            return os.str();
        }
    } else if (s.dirtyPasses != 0 || !s.converged) {
        return "dirty passes without precopy";
    }
    // Times.
    if (s.migrationStartNs < 0 || s.pauseStartNs < s.migrationStartNs || s.totalTimeNs <= 0 ||
        s.migrationStartNs + s.totalTimeNs > e.nowNs() || s.downtimeNs < 0) {
        return "times out of order";
    }
    if (cfg.strategy == Strategy::Postcopy) {
        if (s.downtimeNs != cfg.latencyNs || s.unusableWindowNs <= 0 ||
            s.unusableWindowNs != s.totalTimeNs - (s.pauseStartNs - s.migrationStartNs)) {
            return "postcopy downtime or unusable window";
        }
    } else if (s.downtimeNs != s.totalTimeNs - (s.pauseStartNs - s.migrationStartNs)) {
        return "downtime is not pause to COMPLETE";
    }
    // Expected downtime is what the complete phase carries over the bandwidth, plus latency: exact up to
    // the nanosecond the link model rounds off per record. Checked where every chunk is full or sub-word,
    // since the engine costs a partial last chunk as a full one (see the [!shouldfail] test in
    // test_engine.cpp).
    const uint64_t bitCount = e.source().bitCount();
    if (cfg.strategy != Strategy::Postcopy && (cfg.chunkBytes < 8 || bitCount % (cfg.chunkBytes * 8) == 0) &&
        std::llabs(s.expectedDowntimeNs - s.downtimeNs) > int64_t(s.records) + 1000) {
        os << "expected downtime " << s.expectedDowntimeNs << ", actual " << s.downtimeNs;
        return os.str();
    }
    // The time series adds up to the summary.
    uint64_t payload = 0, header = 0, writes = 0;
    int64_t t = 0;
    for (const TimeSample& ts : e.samples()) {
        if (ts.durationNs <= 0 || ts.timeNs != t + ts.durationNs) {
            return "time series buckets do not follow each other";
        }
        t = ts.timeNs;
        payload += ts.payloadBytes;
        header += ts.headerBytes;
        writes += ts.writes;
    }
    if (t != e.nowNs() || payload != s.payloadBytes || header != s.headerBytes ||
        writes != s.writesApplied + s.clearsApplied) {
        return "time series totals";
    }

    // Determinism: the same scenario again, without the observer and without recording the stream.
    MigrationEngine again(cfg);
    runScenario(again);
    if (const std::string d = summaryDifference(s, again.summary()); !d.empty()) {
        return "second run: " + d;
    }
    if (e.samples() != again.samples()) {
        return "second run: time series differ";
    }
    if (e.source().bits().sha256() != again.source().bits().sha256() ||
        e.destination()->bits().sha256() != again.destination()->bits().sha256()) {
        return "second run: bitmaps differ";
    }
    return "";
}

} // namespace

TEST_CASE("Engine invariants over randomized scenarios", "[engine][invariants]")
{
    const auto started = std::chrono::steady_clock::now();
    unsigned accepted = 0, rejected = 0, failures = 0;
    unsigned byStrategy[3] = {0, 0, 0};
    unsigned subWord = 0, withClears = 0, notConverged = 0, withTrace = 0, withLoopingTrace = 0;
    for (uint64_t seed = 1; seed <= kScenarios && failures < 10; ++seed) {
        const SimConfig cfg = scenario(seed);
        try {
            cfg.validate();
        } catch (const std::invalid_argument&) {
            ++rejected;
            continue;
        }
        ++accepted;
        ++byStrategy[int(cfg.strategy)];
        subWord += cfg.chunkBytes < 8;
        withClears += std::any_of(cfg.injections.begin(), cfg.injections.end(),
                                  [](const Injection& io) { return io.op == Injection::Op::Clear; });
        withTrace += cfg.workload.trace.active();
        withLoopingTrace += cfg.workload.trace.active() && cfg.workload.trace.loop;
        std::string problem;
        bool converged = true;
        try {
            problem = check(cfg, converged);
        } catch (const std::exception& ex) {
            problem = std::string("exception: ") + ex.what();
        }
        INFO("seed " << seed << ": " << describe(cfg));
        CHECK(problem == "");
        failures += !problem.empty();
        notConverged += !converged;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    WARN("invariants: " << accepted << " scenarios run (" << notConverged << " hit the pass cap), "
                        << rejected << " rejected by validate(), " << seconds << " s");
    CHECK(failures == 0);
    CHECK(accepted >= kScenarios * 2 / 3);
    CHECK(rejected * 10 < accepted); // most random configs are valid
    for (unsigned n : byStrategy) {
        CHECK(n > accepted / 5);
    }
    CHECK(subWord > accepted / 10);
    CHECK(withClears > accepted / 4);
    CHECK(withTrace > accepted / 8);
    CHECK(withLoopingTrace > accepted / 16);
    CHECK(notConverged > 0);
}

TEST_CASE("Engine: precopy pauses the guest exactly when pending fits the downtime budget", "[engine]")
{
    // A 50 ms limit over a 50 Mbit/s link with 10 ms of latency: the budget is what 40 ms carry,
    // less the complete phase's framing, and the switch-over comes at the first step it holds.
    SimConfig cfg;
    cfg.diskBytes = uint64_t(4) << 40;
    cfg.bandwidth = 50e6 / 8;
    cfg.latencyNs = 10'000'000;
    cfg.maxDowntimeNs = 50'000'000;
    cfg.migrationStartNs = 1'000'000'000;
    cfg.workload.kind = WorkloadKind::Uniform;
    cfg.workload.rate = 4000;
    MigrationEngine e(cfg);
    const uint64_t budgetNoQueue = uint64_t((double(cfg.maxDowntimeNs) - 1 - double(cfg.latencyNs)) * 1e-9 * cfg.bandwidth);
    bool sawDirty = false;
    uint64_t smallestBudget = budgetNoQueue;
    while (!e.finished()) {
        const uint64_t budget = e.downtimeBudgetBytes();
        CHECK(budget < budgetNoQueue);  // the framing of the complete phase is always taken off
        smallestBudget = std::min(smallestBudget, budget);
        sawDirty = sawDirty || e.phase() == Phase::Dirty;
        e.step();
    }
    // While chunks are queued on the link the budget shrinks by what they still take.
    CHECK(smallestBudget < budgetNoQueue - 1000);
    const MigrationSummary s = e.summary();
    CHECK(sawDirty);
    CHECK(s.converged);
    CHECK(s.verified);
    CHECK(s.expectedDowntimeNs <= cfg.maxDowntimeNs);
    CHECK(s.downtimeNs <= cfg.maxDowntimeNs + cfg.tickNs);
}

TEST_CASE("Engine: max passes 0 runs no dirty pass and latency over the limit never converges",
          "[engine]")
{
    SimConfig cfg;
    cfg.diskBytes = uint64_t(4) << 40;
    cfg.bandwidth = 50e6 / 8;
    cfg.maxDowntimeNs = 50'000'000;
    cfg.migrationStartNs = 1'000'000'000;
    cfg.workload.kind = WorkloadKind::Uniform;
    cfg.workload.rate = 4000;
    {
        // With passes allowed this run needs a few (see the test above); with none it pauses the
        // guest after the bulk phase and reports that it did not converge.
        SimConfig c = cfg;
        c.maxPasses = 0;
        MigrationEngine e(c);
        e.runToEnd();
        const MigrationSummary s = e.summary();
        CHECK(s.dirtyPasses == 0);
        CHECK_FALSE(s.converged);
        CHECK(s.verified);
        CHECK(s.expectedDowntimeNs > c.maxDowntimeNs);
    }
    {
        SimConfig c = cfg;
        c.latencyNs = 60'000'000;  // over the 50 ms limit before a byte is sent
        c.maxPasses = 5;
        MigrationEngine e(c);
        e.runToEnd();
        const MigrationSummary s = e.summary();
        CHECK(e.finished());
        CHECK_FALSE(s.converged);
        CHECK(s.verified);
        CHECK(s.dirtyPasses <= c.maxPasses);
        CHECK(s.downtimeNs >= c.latencyNs);
    }
}
