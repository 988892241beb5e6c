// The memory estimate of a run: exact against the arrays the engine allocates, an upper bound that a
// dense run reaches in resident memory, and the refusal of what this machine cannot hold.
#include <bitmig/migrationengine.h>
#include <bitmig/runmemory.h>
#include <bitmig/units.h>
#include <bitmig/zeropageallocator.h>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <string>

using namespace bitmig;

namespace {

constexpr uint64_t GiB = uint64_t(1) << 30;
constexpr uint64_t TiB = uint64_t(1) << 40;

// A dense run: every bit of the source set before the start, so the meta bitmap fills, the bulk
// pass sends every chunk as data and the destination loads every word.
SimConfig denseRun(Strategy strategy, uint64_t disk, uint64_t granularity)
{
    SimConfig c;
    c.strategy = strategy;
    c.diskBytes = disk;
    c.granularity = granularity;
    c.chunkBytes = 64 << 10;
    c.bandwidth = 1e12;
    c.workload.kind = WorkloadKind::Idle;
    c.migrationStartNs = 0;
    c.timeLimitNs = 20'000'000'000;
    c.sampleIntervalNs = 100'000'000;
    c.injections.push_back(Injection{0, Injection::Op::Write, 0, disk});
    return c;
}

// VmHWM or VmRSS of this process in bytes (Linux), 0 where unknown.
uint64_t statusBytes(const char* key)
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind(key, 0) == 0) {
            return std::stoull(line.substr(std::string(key).size())) * 1024;
        }
    }
    return 0;
}

// Starts the peak resident size over from the current one (Linux 4.0 and later).
bool resetResidentPeak()
{
    std::ofstream clear("/proc/self/clear_refs");
    clear << "5";
    clear.flush();
    return bool(clear);
}

} // namespace

TEST_CASE("RunMemory: an HBitmap's levels, as HBitmap allocates them", "[runmemory]")
{
    for (uint64_t bits : {uint64_t(1), uint64_t(64), uint64_t(65), uint64_t(1) << 20, (uint64_t(1) << 30) + 3}) {
        const size_t before = detail::zeroedBytesInUse();
        HBitmap hb(bits, 0);
        CHECK(detail::zeroedBytesInUse() - before == hbitmapBytes(bits));
        CHECK(hb.memoryBytes() == hbitmapBytes(bits));
    }
}

TEST_CASE("RunMemory: the estimate is what the engine allocates for its bitmaps", "[runmemory]")
{
    for (Strategy strategy : {Strategy::Precopy, Strategy::Postcopy, Strategy::StopAndCopy}) {
        CAPTURE(strategyName(strategy));
        SimConfig c;
        c.strategy = strategy;
        c.diskBytes = 3 * TiB + 512;
        c.granularity = 4096;
        c.chunkBytes = 256;
        c.workload.kind = WorkloadKind::Idle;
        c.migrationStartNs = 0;
        const RunMemory m = estimateRunMemory(c);
        const size_t before = detail::zeroedBytesInUse();
        MigrationEngine engine(c);
        CHECK(detail::zeroedBytesInUse() - before == m.source);
        while (!engine.destination() && !engine.finished()) {
            engine.step();  // START: the meta bitmap, the destination and its successor exist
        }
        REQUIRE(engine.destination());
        CHECK(engine.destination()->bits().memoryBytes() == m.destination);
        CHECK((engine.meta() ? engine.meta()->memoryBytes() : 0) == m.meta);
        // The successor is allocated in every strategy; only postcopy can write to it.
        const uint64_t successor = engine.destination()->successor()->bits().memoryBytes();
        CHECK(successor == hbitmapBytes(engine.source().bitCount()));
        CHECK(m.successor == (strategy == Strategy::Postcopy ? successor : 0));
        const size_t held = detail::zeroedBytesInUse() - before;
        CHECK(held == m.source + m.meta + m.destination + successor);
    }
}

TEST_CASE("RunMemory: density indexes and bookkeeping follow the geometry", "[runmemory]")
{
    SimConfig c;
    c.diskBytes = TiB;
    c.granularity = 65536;  // 2^24 bits
    c.chunkBytes = 1024;    // 2^11 chunks
    const RunMemory plain = estimateRunMemory(c);
    const RunMemory dense = estimateRunMemory(c, 10);
    CHECK(plain.density == 0);
    // Source and destination: 2^14 blocks each; the meta bitmap: 2 blocks; a 32-bit count each.
    CHECK(dense.density == (2 * (uint64_t(1) << 14) + 2) * 4);
    CHECK(plain.bookkeeping == (uint64_t(1) << 11) / 64 * 8);
}

// Under AddressSanitizer a process also keeps a shadow byte for every 8 bytes it touches and a
// quarantine of freed blocks (256 MiB by default) resident: the bound grows by that, nothing else.
static uint64_t sanitizerSlack(uint64_t estimate)
{
#if defined(__SANITIZE_ADDRESS__)
    return estimate / 8 + (uint64_t(256) << 20);
#else
    (void)estimate;
    return 0;
#endif
}

TEST_CASE("RunMemory: a dense run reaches the estimate in resident memory, and no more", "[runmemory]")
{
    // 2^30 bits: 128 MiB per bitmap. Resident memory is measured from /proc (Linux).
    for (Strategy strategy : {Strategy::Precopy, Strategy::StopAndCopy}) {
        CAPTURE(strategyName(strategy));
        const SimConfig c = denseRun(strategy, 512 * GiB, 512);
        const uint64_t estimate = estimateRunMemory(c).total();
        const uint64_t before = statusBytes("VmRSS:");
        REQUIRE(before > 0);
        REQUIRE(resetResidentPeak());
        uint64_t grown = 0;
        {
            MigrationEngine engine(c);
            engine.runToEnd();
            REQUIRE(engine.summary().finished);
            REQUIRE(engine.summary().verified);
            grown = statusBytes("VmHWM:") - before;
        }
        CAPTURE(estimate, grown);
        // Tolerance: the whole estimate is an upper bound, within 16 MiB for what it leaves out (code,
        // the allocator's own pages); the bitmaps, filled here, are reached to within 5 %. The stream
        // part is a bound (vector capacities), which a run need not reach.
        const RunMemory m = estimateRunMemory(c);
        CAPTURE(m.source, m.meta, m.destination, m.stream);
        CHECK(grown <= estimate + sanitizerSlack(estimate) + (uint64_t(16) << 20));
        CHECK(grown >= (m.source + m.meta + m.destination) / 100 * 95);
        CHECK(grown >= (m.source + m.meta + m.destination + m.stream / 3) / 100 * 95);
    }
}

TEST_CASE("RunMemory: no run holds a copy of a whole bitmap beyond the estimate", "[runmemory]")
{
    // Postcopy: the guest writes at the destination before COMPLETE, so the verification at COMPLETE
    // sees a non-empty successor; a link fault hands the successor's writes back to the source.
    SimConfig c = denseRun(Strategy::Postcopy, 64 * GiB, 512);
    c.injections.front().length = 32 * GiB;  // half the disk: the guest's writes there add bits
    c.bandwidth = 1e9;
    c.workload.kind = WorkloadKind::Uniform;
    c.workload.rate = 50000;
    const RunMemory m = estimateRunMemory(c);
    const size_t base = detail::zeroedBytesInUse();
    SECTION("to the end")
    {
        detail::resetZeroedPeak();
        MigrationEngine engine(c);
        engine.runToEnd();
        REQUIRE(engine.summary().finished);
        CHECK(engine.summary().verified);
        CHECK(engine.summary().expectedSha256 != engine.summary().sourceSha256);  // the guest wrote there
        CHECK(detail::zeroedBytesPeak() - base <= m.source + m.meta + m.destination + m.successor);
    }
    SECTION("a link fault after the switch-over")
    {
        detail::resetZeroedPeak();
        MigrationEngine engine(c);
        while (!engine.guestAtDestination() && !engine.finished()) {
            engine.step();
        }
        REQUIRE(engine.guestAtDestination());
        engine.runFor(5'000'000);
        REQUIRE(engine.abort());
        CHECK(detail::zeroedBytesPeak() - base <= m.source + m.meta + m.destination + m.successor);
    }
}

TEST_CASE("RunMemory: a run that cannot fit is refused with both figures", "[runmemory]")
{
    SimConfig c;
    c.diskBytes = uint64_t(1) << 50;  // 1 PiB at 512 B: 2^41 bits, 256 GiB per bitmap
    c.granularity = 512;
    const uint64_t needed = estimateRunMemory(c).total();
    CHECK(needed > 512 * GiB);
    const std::string why = memoryShortfall(c, AvailableMemory{20 * GiB, false});
    CHECK(why.find("needs " + units::formatSize(needed) + " of memory") != std::string::npos);
    CHECK(why.find("this machine has 20 GiB available") != std::string::npos);
    CHECK(why.find("disks up to ") != std::string::npos);
    CHECK(memoryShortfall(c, AvailableMemory{20 * GiB, true}).find("BITMIG_MEMORY_LIMIT allows 20 GiB") !=
          std::string::npos);
    CHECK(memoryShortfall(c, AvailableMemory{needed, false}).empty());
    CHECK(memoryShortfall(c, AvailableMemory{}).empty());

    const std::optional<uint64_t> machine = machineAvailableMemory();
    REQUIRE(machine);
    CHECK(*machine > 0);
    SimConfig small;
    CHECK_NOTHROW(checkRunMemory(small));
    ::setenv("BITMIG_MEMORY_LIMIT", "1G", 1);
    CHECK(availableMemory().bytes == std::min<uint64_t>(GiB, *machineAvailableMemory()));
    CHECK_NOTHROW(checkRunMemory(small));
    c.diskBytes = 64 * TiB;
    CHECK_THROWS_WITH(checkRunMemory(c), Catch::StartsWith("disk: the run needs ") &&
                                             Catch::Contains("BITMIG_MEMORY_LIMIT allows 1 GiB"));
    ::setenv("BITMIG_MEMORY_LIMIT", "lots", 1);
    CHECK_THROWS_WITH(availableMemory(), Catch::StartsWith("BITMIG_MEMORY_LIMIT: 'lots'"));
    ::unsetenv("BITMIG_MEMORY_LIMIT");
}

TEST_CASE("RunMemory: the largest disk that fits is the boundary of the estimate", "[runmemory]")
{
    for (uint64_t granularity : {uint64_t(512), uint64_t(65536)}) {
        for (Strategy strategy : {Strategy::Precopy, Strategy::Postcopy}) {
            SimConfig c;
            c.granularity = granularity;
            c.strategy = strategy;
            const uint64_t available = 3 * GiB + 12345;
            const uint64_t largest = largestDiskThatFits(c, available);
            REQUIRE(largest > 0);
            CHECK(largest % 512 == 0);
            c.diskBytes = largest;
            CHECK(estimateRunMemory(c).total() <= available);
            c.diskBytes = largest + 512;
            CHECK(estimateRunMemory(c).total() > available);
        }
    }
}
