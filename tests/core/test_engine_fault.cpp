#include "engine_test_util.hpp"

#include <bitmig/migrationengine.h>
#include <bitmig/random.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

using namespace bitmig;
using namespace bitmig_engine_test;

namespace {

constexpr unsigned kSeeds = 400;

// A random migration of a bitmap of at most 2^18 bits under load, with writes and clears
// scheduled around it.
SimConfig faultScenario(uint64_t seed, Strategy strategy)
{
    Random rng(seed * 0xd1b54a32d192ed03ULL + uint64_t(strategy) + 99);
    SimConfig cfg;
    cfg.seed = seed;
    cfg.strategy = strategy;
    cfg.granularity = uint64_t(512) << rng.below(9); // 512 B .. 128 KiB
    const uint64_t maxDisk = std::min<uint64_t>(64 * GiB, (uint64_t(1) << 18) * cfg.granularity);
    cfg.diskBytes =
        std::max<uint64_t>(MiB, uint64_t(logUniform(rng, double(MiB), double(maxDisk))) / 512 * 512);
    cfg.chunkBytes = uint64_t(1) << rng.below(17); // 1 B .. 64 KiB
    const uint64_t bits = (cfg.diskBytes + cfg.granularity - 1) / cfg.granularity;
    const uint64_t chunks = (bits + cfg.chunkBytes * 8 - 1) / (cfg.chunkBytes * 8);
    const double passBytes = double(chunks) * double(21 + std::max<uint64_t>(32, cfg.chunkBytes)) + 64;
    cfg.bandwidth = std::max(1e4, passBytes / logUniform(rng, 0.005, 0.3));
    cfg.latencyNs = rng.below(2) == 0 ? 0 : int64_t(rng.below(10 * kMs));
    cfg.maxDowntimeNs = int64_t(logUniform(rng, 1e4, 5e7));
    cfg.maxPasses = unsigned(1 + rng.below(5));
    cfg.tickNs = rng.below(3) == 0 ? 250'000 : 1'000'000;
    cfg.migrationStartNs = int64_t(rng.below(20 * kMs));

    WorkloadSpec& w = cfg.workload;
    w.kind = allWorkloadKinds()[rng.below(6)];
    w.rate = logUniform(rng, 100, 100000);
    w.minWriteBytes = 512 * (1 + rng.below(16));
    w.maxWriteBytes = std::min<uint64_t>(cfg.diskBytes, w.minWriteBytes + 512 * rng.below(512));
    w.maxWriteBytes = std::max(w.maxWriteBytes, w.minWriteBytes);

    const int64_t window = cfg.migrationStartNs + int64_t(3 * passBytes / cfg.bandwidth * 1e9) + 5 * kMs;
    const uint64_t n = 2 + rng.below(10);
    for (uint64_t i = 0; i < n; ++i) {
        Injection io;
        io.timeNs = int64_t(rng.below(uint64_t(window)));
        io.op = rng.below(2) == 0 ? Injection::Op::Write : Injection::Op::Clear;
        if (rng.below(4) == 0) {
            io.offset = 0;
            io.length = cfg.diskBytes;
        } else {
            io.offset = rng.below(cfg.diskBytes);
            io.length = 1 + rng.below(std::min<uint64_t>(cfg.diskBytes - io.offset, 64 * MiB));
        }
        cfg.injections.push_back(io);
    }
    return cfg;
}

std::string describe(const SimConfig& c, int64_t abortAt)
{
    std::ostringstream os;
    os << strategyName(c.strategy) << " disk " << c.diskBytes << " gran " << c.granularity << " chunk "
       << c.chunkBytes << " bw " << c.bandwidth << " lat " << c.latencyNs << " start " << c.migrationStartNs
       << " workload " << workloadKindName(c.workload.kind) << "@" << c.workload.rate << ", abort at "
       << abortAt;
    return os.str();
}

struct FaultStats {
    unsigned aborted = 0;
    unsigned skipped = 0;
    unsigned pausedAtAbort = 0;
    unsigned atDestinationAtAbort = 0;
    unsigned heldAtAbort = 0;
};

// Runs one scenario to a random moment of its migration, drops the link, checks the source, retries.
std::string faultCheck(const SimConfig& cfg, FaultStats& stats, int64_t& abortAt)
{
    // A dry run finds the migration's span; the same scenario runs the same way again.
    int64_t doneAt = 0, startedAt = 0;
    {
        MigrationEngine dry(cfg);
        dry.onGuestIo = [](const Injection&) {};
        dry.runToEnd();
        if (dry.phase() != Phase::Done) {
            return "dry run did not finish";
        }
        doneAt = dry.nowNs();
        startedAt = dry.summary().migrationStartNs;
    }
    Random rng(cfg.seed ^ 0x5851f42d4c957f2dULL);
    const int64_t first = startedAt + cfg.tickNs;
    const int64_t last = doneAt - cfg.tickNs;
    if (last < first) {
        ++stats.skipped;
        abortAt = -1;
        return "";
    }
    abortAt = first + int64_t(rng.below(uint64_t((last - first) / cfg.tickNs + 1))) * cfg.tickNs;

    MigrationEngine e(cfg);
    TruthModel truth(cfg.diskBytes, cfg.granularity);
    uint64_t applied = 0;
    e.onGuestIo = [&](const Injection& io) {
        truth.apply(io);
        ++applied;
    };
    e.setRecordStream(true);
    while (e.nowNs() < abortAt) {
        e.step();
    }
    const Phase before = e.phase();
    if (before != Phase::Setup && before != Phase::Bulk && before != Phase::Dirty &&
        before != Phase::Complete) {
        return std::string("not migrating at the abort moment: ") + std::string(phaseName(before));
    }
    // Guest I/O right before the fault: held while the guest is paused, and a clear at the destination
    // is held while the bitmap loads there.
    const uint64_t at = rng.below(cfg.diskBytes / 512) * 512;
    e.injectWrite(at, std::min<uint64_t>(cfg.diskBytes - at, 4096));
    const uint64_t appliedBefore = applied;
    e.injectClear(0, cfg.diskBytes / 2 / 512 * 512 + 512);
    stats.pausedAtAbort += e.guestPaused();
    stats.atDestinationAtAbort += e.guestAtDestination();
    stats.heldAtAbort += applied == appliedBefore;

    if (!e.abort()) {
        return "abort() refused during the migration";
    }
    ++stats.aborted;
    std::ostringstream os;
    const MigrationSummary s = e.summary();
    if (e.phase() != Phase::Cancelled || !s.cancelled || s.finished || !e.canStartMigration()) {
        return "not cancelled after abort()";
    }
    if (e.source().busy() || e.meta() != nullptr || e.destination() != nullptr || e.guestPaused() ||
        e.guestAtDestination() || e.bytesInFlight() != 0 || !e.source().enabled()) {
        os << "state after abort: busy " << e.source().busy() << ", meta " << (e.meta() != nullptr)
           << ", destination " << (e.destination() != nullptr) << ", paused " << e.guestPaused()
           << ", at destination " << e.guestAtDestination() << ", in flight " << e.bytesInFlight();
        return os.str();
    }
    if (e.abort()) {
        return "a second abort() did something";
    }
    // The source keeps every dirty bit: writes made at the destination came back, held I/O was applied.
    if (const uint64_t d = truth.differences(e.source().bits()); d != 0) {
        os << "after " << phaseName(before) << " abort the source differs from the guest's I/O in " << d
           << " bits (source " << e.source().dirtyBits() << ", truth " << truth.count() << ")";
        return os.str();
    }
    // The guest goes on at the source; then the migration is retried.
    e.runFor(int64_t(rng.below(10)) * cfg.tickNs);
    if (e.phase() != Phase::Cancelled || truth.differences(e.source().bits()) != 0) {
        return "the guest at the source after the fault";
    }
    const int64_t retryAt = e.nowNs();
    e.startMigration();
    e.runToEnd();
    const MigrationSummary r = e.summary();
    if (e.phase() != Phase::Done || !r.finished || !r.verified || r.lostBits || r.extraBits ||
        !r.error.empty()) {
        os << "retry: phase " << phaseName(e.phase()) << ", verified " << r.verified << ", lost "
           << r.lostBits << ", extra " << r.extraBits << ", error '" << r.error << "'";
        return os.str();
    }
    if (r.cancelled) {
        return "retry: still marked cancelled";
    }
    if (const uint64_t d = truth.differences(e.destination()->bits()); d != 0) {
        os << "retry: destination differs from the guest's I/O in " << d << " bits";
        return os.str();
    }
    if (const std::string p = streamProblems(e); !p.empty()) {
        return "retry stream: " + p;
    }
    if (const std::string p = phaseProblems(e.phases(), e.nowNs()); !p.empty()) {
        return "retry phases: " + p;
    }
    if (const std::string p = phaseSequenceProblems(e.phases(), cfg.strategy); !p.empty()) {
        return "retry phases: " + p;
    }
    if (r.migrationStartNs != retryAt) {
        return "retry: migration start not updated";
    }
    return "";
}

} // namespace

TEST_CASE("Engine: a link fault at any moment keeps every dirty bit at the source", "[engine][fault]")
{
    FaultStats stats;
    unsigned failures = 0, runs = 0;
    for (Strategy strategy : {Strategy::Precopy, Strategy::Postcopy, Strategy::StopAndCopy}) {
        for (uint64_t seed = 1; seed <= kSeeds && failures < 10; ++seed) {
            const SimConfig cfg = faultScenario(seed, strategy);
            REQUIRE_NOTHROW(cfg.validate());
            int64_t abortAt = -1;
            std::string problem;
            try {
                problem = faultCheck(cfg, stats, abortAt);
            } catch (const std::exception& ex) {
                problem = std::string("exception: ") + ex.what();
            }
            ++runs;
            INFO("seed " << seed << ": " << describe(cfg, abortAt));
            CHECK(problem == "");
            failures += !problem.empty();
        }
    }
    WARN("fault: " << stats.aborted << " aborts of " << runs << " runs (" << stats.skipped << " too short), "
                   << stats.pausedAtAbort << " with the guest paused, " << stats.atDestinationAtAbort
                   << " with the guest at the destination, " << stats.heldAtAbort << " with held I/O");
    CHECK(failures == 0);
    CHECK(stats.aborted > runs * 9 / 10);
    CHECK(stats.pausedAtAbort > runs / 10);
    CHECK(stats.atDestinationAtAbort > runs / 10);
    CHECK(stats.heldAtAbort > runs / 10);
}

TEST_CASE("Engine: abort in each phase, by hand", "[engine][fault]")
{
    SimConfig cfg;
    cfg.diskBytes = 64 * GiB; // 128 chunks of 1 KiB
    cfg.granularity = 64 * KiB;
    cfg.bandwidth = 1e6;
    cfg.maxDowntimeNs = 1 * kMs;
    cfg.latencyNs = 3 * kMs;
    cfg.workload.kind = WorkloadKind::Uniform;
    cfg.workload.rate = 3000;
    cfg.migrationStartNs = 2 * kMs;

    for (Strategy strategy : {Strategy::Precopy, Strategy::Postcopy, Strategy::StopAndCopy}) {
        for (Phase target : {Phase::Setup, Phase::Bulk, Phase::Dirty, Phase::Complete}) {
            if ((strategy == Strategy::StopAndCopy && (target == Phase::Bulk || target == Phase::Dirty)) ||
                (strategy == Strategy::Postcopy && target == Phase::Dirty)) {
                continue;
            }
            cfg.strategy = strategy;
            INFO(strategyName(strategy) << ", abort in " << phaseName(target));
            MigrationEngine e(cfg);
            TruthModel truth(cfg.diskBytes, cfg.granularity);
            e.onGuestIo = [&truth](const Injection& io) { truth.apply(io); };
            while (e.phase() != target && !e.finished()) {
                e.step();
            }
            e.step();
            if (e.phase() != target) {
                continue; // never seen between ticks, or over within one
            }
            REQUIRE(e.abort());
            CHECK(e.phase() == Phase::Cancelled);
            CHECK_FALSE(e.source().busy());
            CHECK(e.meta() == nullptr);
            CHECK(truth.differences(e.source().bits()) == 0);
            CHECK(e.phases().back().phase == Phase::Cancelled);
            e.runFor(5 * kMs);
            e.startMigration();
            e.runToEnd();
            CHECK(e.summary().verified);
            REQUIRE(e.destination() != nullptr);
            CHECK(truth.differences(e.destination()->bits()) == 0);
        }
    }
}

// A clear made at the destination during postcopy is held, and later writes wait behind it, so abort()
// replays them in the order the guest issued them and no write is erased.
TEST_CASE("Engine: after a postcopy abort, a write made after a held clear stays dirty",
          "[engine][fault][postcopy]")
{
    SimConfig cfg;
    cfg.diskBytes = 64 * GiB;
    cfg.granularity = 64 * KiB;
    cfg.strategy = Strategy::Postcopy;
    cfg.bandwidth = 1e6;
    cfg.workload.kind = WorkloadKind::Idle;
    cfg.migrationStartNs = 1 * kMs;
    cfg.injections = {Injection{0, Injection::Op::Write, 0, 64 * GiB}}; // data chunks: a slow bulk phase
    MigrationEngine e(cfg);
    while (!e.guestAtDestination() && !e.finished()) {
        e.step();
    }
    REQUIRE(e.guestAtDestination());
    e.injectClear(0, GiB);         // held until COMPLETE
    e.injectWrite(64 * KiB, 4096); // into the successor at once
    e.step();
    REQUIRE(e.abort());
    CHECK(e.source().bits().get(64 * KiB));
}

namespace {

constexpr unsigned kScheduleSeeds = 500;  // per strategy

struct ScheduleStats {
    unsigned runs = 0;
    unsigned faultedRuns = 0;      // at least one fault cut the migration
    unsigned retriedRuns = 0;      // with --fault-retry
    unsigned completed = 0;        // finished and verified
    unsigned aborted = 0;          // ended cancelled, no retry
    uint64_t faults = 0, faultsIdle = 0, retries = 0, lostBits = 0, extraBits = 0;
    uint64_t byPhase[7] = {};      // the phase each cutting fault found
};

// SimConfig::faultsNs on one random scenario: fault times drawn inside the phases a run without
// faults goes through (and some anywhere), retried after a random delay or not at all.
std::string scheduleCheck(SimConfig cfg, ScheduleStats& stats)
{
    std::vector<PhaseSpan> spans;
    int64_t doneAt = 0;
    {
        MigrationEngine dry(cfg);
        dry.runToEnd();
        if (dry.phase() != Phase::Done) {
            return "dry run did not finish";
        }
        doneAt = dry.nowNs();
        for (const PhaseSpan& p : dry.phases()) {
            if (p.phase == Phase::Setup || p.phase == Phase::Bulk || p.phase == Phase::Dirty ||
                p.phase == Phase::Complete) {
                spans.push_back(p);
            }
        }
    }
    Random rng(cfg.seed * 0x9e3779b97f4a7c15ULL + uint64_t(cfg.strategy) + 7);
    const uint64_t n = 1 + rng.below(5);
    for (uint64_t i = 0; i < n; ++i) {
        if (rng.below(5) == 0 || spans.empty()) {
            cfg.faultsNs.push_back(int64_t(rng.below(uint64_t(2 * doneAt + 1))));
        } else {
            const PhaseSpan& p = spans[rng.below(spans.size())];
            const int64_t end = std::max(p.startNs, p.endNs);
            cfg.faultsNs.push_back(p.startNs + int64_t(rng.below(uint64_t(end - p.startNs + cfg.tickNs))));
        }
    }
    const bool retry = rng.below(2) == 0;
    cfg.faultRetryNs = retry ? int64_t(rng.below(uint64_t(20 * kMs))) : -1;
    const std::vector<int64_t> sorted = [&] {
        std::vector<int64_t> v = cfg.faultsNs;
        std::sort(v.begin(), v.end());
        return v;
    }();

    MigrationEngine e(cfg);
    TruthModel truth(cfg.diskBytes, cfg.granularity);
    e.onGuestIo = [&truth](const Injection& io) { truth.apply(io); };
    uint64_t cutSeen = 0;
    size_t next = 0;
    while (!e.finished() && (e.phase() != Phase::Cancelled || e.retryAtNs() >= 0)) {
        // The phase each fault of this tick finds (a second one in the same tick finds it cancelled).
        bool first = true;
        while (next < sorted.size() && sorted[next] < e.nowNs() + cfg.tickNs) {
            const Phase p = e.phase();
            const bool cuts = first && p != Phase::Idle && p != Phase::Done && p != Phase::Cancelled;
            if (cuts) {
                ++stats.byPhase[size_t(p)];
                ++cutSeen;
            }
            first = first && !cuts;
            ++next;
        }
        e.step();
    }
    const MigrationSummary s = e.summary();
    std::ostringstream os;
    ++stats.runs;
    stats.retriedRuns += retry;
    stats.faultedRuns += s.faults > 0;
    stats.faults += s.faults;
    stats.faultsIdle += s.faultsIdle;
    stats.retries += s.retries;
    stats.lostBits += s.lostBits;
    stats.extraBits += s.extraBits;
    if (s.faults != cutSeen) {
        os << "summary counts " << s.faults << " faults that cut the migration, the run saw " << cutSeen;
        return os.str();
    }
    if (s.faults + s.faultsIdle > sorted.size() ||
        (s.faults + s.faultsIdle < sorted.size() && sorted[s.faults + s.faultsIdle] < e.nowNs() - cfg.tickNs)) {
        os << "faults counted " << s.faults << " + " << s.faultsIdle << " of " << sorted.size();
        return os.str();
    }
    if (s.faults > 0 && !retry) {
        // Aborted: the run ends at the first fault that cut, the source keeps every dirty bit.
        ++stats.aborted;
        if (!s.aborted || s.finished || !s.cancelled || e.phase() != Phase::Cancelled || s.faults != 1 ||
            s.retries != 0) {
            os << "no retry: aborted " << s.aborted << ", finished " << s.finished << ", phase "
               << phaseName(e.phase()) << ", faults " << s.faults << ", retries " << s.retries;
            return os.str();
        }
        if (const uint64_t d = truth.differences(e.source().bits()); d != 0) {
            os << "aborted: the source differs from the guest's I/O in " << d << " bits";
            return os.str();
        }
        if (s.sourceSha256 != e.source().bits().sha256() || e.source().busy() || e.meta() != nullptr ||
            e.destination() != nullptr) {
            return "aborted: the summary's source digest or the source's state";
        }
        return "";
    }
    // Retried, or no fault cut it: the migration completes and loses nothing.
    if (e.phase() != Phase::Done || !s.finished || !s.verified || s.lostBits || s.extraBits || s.aborted ||
        s.cancelled || s.retries != s.faults || !s.error.empty()) {
        os << "phase " << phaseName(e.phase()) << ", finished " << s.finished << ", verified " << s.verified
           << ", lost " << s.lostBits << ", extra " << s.extraBits << ", faults " << s.faults << ", retries "
           << s.retries << ", aborted " << s.aborted;
        return os.str();
    }
    ++stats.completed;
    if (const uint64_t d = truth.differences(e.destination()->bits()); d != 0) {
        os << "the destination differs from the guest's I/O in " << d << " bits";
        return os.str();
    }
    return "";
}

} // namespace

TEST_CASE("Engine: scheduled link faults, with and without retry, lose no bit", "[engine][fault]")
{
    ScheduleStats stats;
    unsigned failures = 0;
    for (Strategy strategy : {Strategy::Precopy, Strategy::Postcopy, Strategy::StopAndCopy}) {
        for (uint64_t seed = 1; seed <= kScheduleSeeds && failures < 10; ++seed) {
            const SimConfig cfg = faultScenario(seed + 1000, strategy);
            std::string problem;
            try {
                problem = scheduleCheck(cfg, stats);
            } catch (const std::exception& ex) {
                problem = std::string("exception: ") + ex.what();
            }
            INFO("seed " << seed + 1000 << ": " << describe(cfg, -1));
            CHECK(problem == "");
            failures += !problem.empty();
        }
    }
    WARN("scheduled faults: " << stats.runs << " runs, " << stats.faultedRuns << " cut by a fault ("
                              << stats.faults << " faults cut a migration: setup "
                              << stats.byPhase[size_t(Phase::Setup)] << ", bulk " << stats.byPhase[size_t(Phase::Bulk)]
                              << ", dirty " << stats.byPhase[size_t(Phase::Dirty)] << ", complete "
                              << stats.byPhase[size_t(Phase::Complete)] << "; " << stats.faultsIdle
                              << " while none ran), " << stats.retries << " retries in " << stats.retriedRuns
                              << " runs with a retry, " << stats.completed << " completed and verified, "
                              << stats.aborted << " aborted, lost bits " << stats.lostBits << ", extra bits "
                              << stats.extraBits);
    CHECK(failures == 0);
    CHECK(stats.faultedRuns >= 1000);
    CHECK(stats.lostBits == 0);
    CHECK(stats.extraBits == 0);
    CHECK(stats.aborted > 300);
    CHECK(stats.retries > 300);
    CHECK(stats.faults > stats.faultedRuns);  // several per run
    CHECK(stats.faultsIdle > 100);
    for (Phase p : {Phase::Setup, Phase::Bulk, Phase::Dirty, Phase::Complete}) {
        INFO(phaseName(p));
        CHECK(stats.byPhase[size_t(p)] > 30);
    }
}
