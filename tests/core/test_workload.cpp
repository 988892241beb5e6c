#include <algorithm>
#include <bitmig/units.h>
#include <bitmig/workload.h>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <map>
#include <stdexcept>
#include <vector>

using namespace bitmig;
using units::GiB;
using units::KiB;
using units::MiB;
using units::TiB;

namespace {

struct Write {
    int64_t tick;
    uint64_t offset;
    uint64_t length;
    friend bool operator==(const Write&, const Write&) = default;
};

std::vector<Write> generate(const WorkloadSpec& spec, uint64_t disk, uint64_t seed, int64_t durationNs,
                            int64_t tickNs = 1'000'000)
{
    WorkloadGenerator gen(spec, disk, seed);
    std::vector<Write> out;
    for (int64_t t = 0; t < durationNs; t += tickNs) {
        gen.generate(t, tickNs, [&](uint64_t offset, uint64_t length) {
            out.push_back(Write{t, offset, length});
        });
    }
    return out;
}

WorkloadSpec spec(WorkloadKind kind, double rate = 20000)
{
    WorkloadSpec s;
    s.kind = kind;
    s.rate = rate;
    return s;
}

} // namespace

TEST_CASE("Workload: names", "[workload]")
{
    const auto kinds = allWorkloadKinds();
    CHECK(kinds.size() == 6);
    for (WorkloadKind k : kinds) {
        CHECK(parseWorkloadKind(workloadKindName(k)) == k);
    }
    CHECK(parseWorkloadKind("hot-spot") == WorkloadKind::HotSpot);
    CHECK(workloadKindName(WorkloadKind::HotSpot) == "hotspot");
    CHECK_THROWS_AS(parseWorkloadKind("random"), std::invalid_argument);
    CHECK_THROWS_AS(parseWorkloadKind(""), std::invalid_argument);
}

TEST_CASE("Workload: spec validation", "[workload]")
{
    const uint64_t disk = GiB;
    CHECK_NOTHROW(WorkloadSpec{}.validate(disk));
    auto bad = [&](auto change) {
        WorkloadSpec s;
        change(s);
        CHECK_THROWS_AS(s.validate(disk), std::invalid_argument);
        CHECK_THROWS_AS(WorkloadGenerator(s, disk, 1), std::invalid_argument);
    };
    bad([](WorkloadSpec& s) { s.rate = -1; });
    bad([](WorkloadSpec& s) { s.rate = 2e9; });
    bad([](WorkloadSpec& s) { s.rate = NAN; });
    bad([](WorkloadSpec& s) { s.minWriteBytes = 0; });
    bad([](WorkloadSpec& s) { s.minWriteBytes = 1000; });
    bad([](WorkloadSpec& s) { s.maxWriteBytes = 2048; }); // below min
    bad([](WorkloadSpec& s) { s.maxWriteBytes = 65536 + 100; });
    bad([](WorkloadSpec& s) { s.maxWriteBytes = 2 * GiB; }); // larger than the disk
    bad([](WorkloadSpec& s) { s.hotFraction = 0; });
    bad([](WorkloadSpec& s) { s.hotFraction = 1.5; });
    bad([](WorkloadSpec& s) { s.hotShare = -0.1; });
    bad([](WorkloadSpec& s) { s.hotShare = 1.1; });
    bad([](WorkloadSpec& s) { s.zipfExponent = 0; });
    bad([](WorkloadSpec& s) { s.zipfExponent = 11; });
    bad([](WorkloadSpec& s) { s.burstPeriodNs = 0; });
    bad([](WorkloadSpec& s) { s.burstDuty = 0; });
    bad([](WorkloadSpec& s) { s.burstDuty = 1.5; });

    WorkloadGenerator gen(WorkloadSpec{}, disk, 1);
    WorkloadSpec wrong;
    wrong.minWriteBytes = 100;
    CHECK_THROWS_AS(gen.setSpec(wrong), std::invalid_argument);
    CHECK(gen.spec() == WorkloadSpec{});
}

TEST_CASE("Workload: the same seed gives the same writes", "[workload]")
{
    for (WorkloadKind kind : allWorkloadKinds()) {
        INFO(workloadKindName(kind));
        const WorkloadSpec s = spec(kind, 5000);
        const auto a = generate(s, 4 * GiB, 42, 500'000'000);
        const auto b = generate(s, 4 * GiB, 42, 500'000'000);
        CHECK(a == b);
        if (kind != WorkloadKind::Idle && kind != WorkloadKind::Sequential) {
            CHECK_FALSE(a.empty());
            const auto c = generate(s, 4 * GiB, 43, 500'000'000);
            CHECK(a.size() == c.size()); // the count does not depend on the seed ...
            CHECK_FALSE(a == c);         // ... the positions do
        }
    }
}

TEST_CASE("Workload: every write is inside the disk, sector aligned, within the size range", "[workload]")
{
    const uint64_t disks[] = {64 * KiB, MiB + 512, 100 * MiB + 3 * 512, 16 * GiB};
    for (WorkloadKind kind : allWorkloadKinds()) {
        for (uint64_t disk : disks) {
            WorkloadSpec s = spec(kind, 50000);
            s.minWriteBytes = 512;
            s.maxWriteBytes = std::min<uint64_t>(disk, 256 * KiB) / 512 * 512;
            s.hotFraction = 0.01;
            INFO(workloadKindName(kind) << " on " << disk << " bytes");
            const auto writes = generate(s, disk, 7, 200'000'000);
            bool inside = true, aligned = true, sized = true;
            for (const Write& w : writes) {
                inside = inside && w.offset < disk && w.length <= disk - w.offset;
                aligned = aligned && w.offset % 512 == 0 && w.length % 512 == 0;
                sized = sized && w.length >= s.minWriteBytes && w.length <= s.maxWriteBytes;
            }
            CHECK(inside);
            CHECK(aligned);
            CHECK(sized);
        }
    }
}

TEST_CASE("Workload: write sizes spread over [min, max]", "[workload]")
{
    WorkloadSpec s = spec(WorkloadKind::Uniform, 100000);
    s.minWriteBytes = 4096;
    s.maxWriteBytes = 65536;
    const auto writes = generate(s, GiB, 3, 1'000'000'000);
    REQUIRE(writes.size() > 50000);
    uint64_t small = 0, large = 0, minSeen = UINT64_MAX, maxSeen = 0;
    for (const Write& w : writes) {
        small += w.length < 16384;
        large += w.length >= 16384;
        minSeen = std::min(minSeen, w.length);
        maxSeen = std::max(maxSeen, w.length);
    }
    // Log-uniform: half the draws below the geometric mean (16 KiB).
    CHECK(double(small) / double(writes.size()) == Approx(0.5).margin(0.03));
    CHECK(minSeen == 4096);
    CHECK(maxSeen >= 60 * KiB);

    s.maxWriteBytes = s.minWriteBytes;
    for (const Write& w : generate(s, GiB, 3, 10'000'000)) {
        CHECK(w.length == 4096);
    }
}

TEST_CASE("Workload: the write rate is met over 10 s", "[workload]")
{
    for (WorkloadKind kind : {WorkloadKind::Uniform, WorkloadKind::Sequential, WorkloadKind::HotSpot,
                              WorkloadKind::Zipf, WorkloadKind::Bursts}) {
        for (double rate : {1.0, 333.3, 20000.0, 150000.0}) {
            for (int64_t tick : {int64_t(1'000'000), int64_t(100'000), int64_t(7'000'000)}) {
                INFO(workloadKindName(kind) << " at " << rate << "/s, tick " << tick << " ns");
                WorkloadGenerator gen(spec(kind, rate), 8 * GiB, 11);
                uint64_t n = 0;
                for (int64_t t = 0; t < 10'000'000'000; t += tick) {
                    gen.generate(t, tick, [&](uint64_t, uint64_t) { ++n; });
                }
                const double expected = rate * 10;
                CHECK(std::fabs(double(n) - expected) <= std::max(1.0, expected * 0.01));
            }
        }
    }
}

TEST_CASE("Workload: idle and zero-rate loads write nothing", "[workload]")
{
    CHECK(generate(spec(WorkloadKind::Idle, 100000), GiB, 1, 1'000'000'000).empty());
    CHECK(generate(spec(WorkloadKind::Uniform, 0), GiB, 1, 1'000'000'000).empty());
}

TEST_CASE("Workload: hot spot share", "[workload]")
{
    const uint64_t disk = 16 * GiB;
    WorkloadSpec s = spec(WorkloadKind::HotSpot, 100000);
    s.hotFraction = 0.05;
    s.hotShare = 0.9;
    const auto writes = generate(s, disk, 5, 1'000'000'000);
    REQUIRE(writes.size() == 100000);
    // The hot region sits a third into the disk.
    const uint64_t hotStart = disk / 3 / 512 * 512;
    const uint64_t hotEnd = hotStart + uint64_t(double(disk) * s.hotFraction);
    uint64_t hot = 0;
    for (const Write& w : writes) {
        hot += w.offset >= hotStart && w.offset + w.length <= hotEnd;
    }
    // 90 % aimed at the hot region, plus the 5 % of the other 10 % that land there by chance.
    const double share = double(hot) / double(writes.size());
    CHECK(share == Approx(0.9 + 0.1 * 0.05).margin(0.01));

    s.hotShare = 0;
    uint64_t hot0 = 0;
    const auto spread = generate(s, disk, 5, 1'000'000'000);
    for (const Write& w : spread) {
        hot0 += w.offset >= hotStart && w.offset + w.length <= hotEnd;
    }
    CHECK(double(hot0) / double(spread.size()) == Approx(0.05).margin(0.01));
}

TEST_CASE("Workload: Zipf concentrates writes on few regions", "[workload]")
{
    const uint64_t disk = 16 * GiB; // 16384 regions of 1 MiB
    WorkloadSpec s = spec(WorkloadKind::Zipf, 100000);
    s.zipfExponent = 1.1;
    const auto writes = generate(s, disk, 9, 1'000'000'000);
    std::map<uint64_t, uint64_t> perRegion;
    for (const Write& w : writes) {
        ++perRegion[w.offset / MiB];
    }
    std::vector<uint64_t> counts;
    for (const auto& [region, n] : perRegion) {
        counts.push_back(n);
    }
    std::sort(counts.rbegin(), counts.rend());
    REQUIRE(counts.size() >= 10);
    // Uniform would give each region about 6 writes; the top region of a Zipf(1.1) load gets far more.
    CHECK(double(counts[0]) / double(writes.size()) > 0.05);
    uint64_t top10 = 0;
    for (size_t i = 0; i < 10; ++i) {
        top10 += counts[i];
    }
    CHECK(double(top10) / double(writes.size()) > 0.2);
    // A uniform load of this size would touch almost every region.
    CHECK(double(perRegion.size()) < 0.8 * double(disk / MiB));
}

TEST_CASE("Workload: sequential writes follow each other and wrap", "[workload]")
{
    const uint64_t disk = 64 * MiB;
    WorkloadSpec s = spec(WorkloadKind::Sequential, 10000);
    const auto writes = generate(s, disk, 1, 1'000'000'000);
    REQUIRE(writes.size() == 10000);
    CHECK(writes[0].offset == 0);
    uint64_t wraps = 0;
    for (size_t i = 1; i < writes.size(); ++i) {
        const uint64_t next = writes[i - 1].offset + writes[i - 1].length;
        if (writes[i].offset != next) {
            CHECK(writes[i].offset == 0);
            CHECK(next + writes[i].length > disk);
            ++wraps;
        }
    }
    CHECK(wraps > 0);
}

TEST_CASE("Workload: bursts write only in the on part of each period, at the average rate", "[workload]")
{
    WorkloadSpec s = spec(WorkloadKind::Bursts, 10000);
    s.burstPeriodNs = 1'000'000'000;
    s.burstDuty = 0.2;
    const int64_t tick = 1'000'000;
    WorkloadGenerator gen(s, 4 * GiB, 13);
    uint64_t total = 0, off = 0;
    std::vector<uint64_t> perPeriod(10, 0);
    for (int64_t t = 0; t < 10'000'000'000; t += tick) {
        uint64_t n = 0;
        gen.generate(t, tick, [&](uint64_t, uint64_t) { ++n; });
        total += n;
        perPeriod[size_t(t / s.burstPeriodNs)] += n;
        const int64_t phase = t % s.burstPeriodNs;
        if (phase >= 200'000'000) {
            off += n;
        }
    }
    CHECK(off == 0);
    CHECK(double(total) == Approx(10000.0 * 10).epsilon(0.01));
    for (uint64_t n : perPeriod) {
        CHECK(double(n) == Approx(10000.0).epsilon(0.01));
    }

    // In the on part the rate is rate / duty: 50 writes per 1 ms tick.
    WorkloadGenerator gen2(s, 4 * GiB, 13);
    uint64_t n = 0;
    gen2.generate(0, 100'000'000, [&](uint64_t, uint64_t) { ++n; });
    CHECK(n >= 4999);
    CHECK(n <= 5000);
}

TEST_CASE("Workload: setSpec changes the load from now on", "[workload]")
{
    WorkloadGenerator gen(spec(WorkloadKind::Uniform, 1000), GiB, 1);
    uint64_t n = 0;
    gen.generate(0, 1'000'000'000, [&](uint64_t, uint64_t) { ++n; });
    CHECK(n == 1000);
    gen.setSpec(spec(WorkloadKind::Idle));
    n = 0;
    gen.generate(1'000'000'000, 1'000'000'000, [&](uint64_t, uint64_t) { ++n; });
    CHECK(n == 0);
    gen.setSpec(spec(WorkloadKind::Uniform, 500));
    CHECK(gen.spec().rate == 500);
    n = 0;
    gen.generate(2'000'000'000, 1'000'000'000, [&](uint64_t, uint64_t) { ++n; });
    CHECK(n == 500);
}

TEST_CASE("Workload: the step tables give the formulas' writes, draw for draw", "[workload]")
{
    // Most lengths and Zipf ranks come from tables of where the formulas step up; a generator
    // without them evaluates every draw. The writes must be the very same, over many draws: those
    // the tables answer, those beyond them (Zipf ranks past the table: about a third of the draws
    // of the 64 TiB load) and those near a step, where the formula decides.
    struct Case {
        const char* name;
        WorkloadKind kind;
        uint64_t disk;
        uint64_t minBytes, maxBytes;
        double exponent;
        uint64_t writes;
    };
    const Case cases[] = {
        {"zipf100x: 64 TiB, exponent 1.1", WorkloadKind::Zipf, 64 * TiB, 4 * KiB, 64 * KiB, 1.1, 2'000'000},
        {"exponent 1 (the logarithmic form)", WorkloadKind::Zipf, 16 * TiB, 4 * KiB, 64 * KiB, 1.0, 500'000},
        {"steep, regions not a power of two", WorkloadKind::Zipf, 3 * TiB + 5 * MiB, 512, 2 * MiB, 2.5, 500'000},
        {"shallow, small disk", WorkloadKind::Zipf, 4 * GiB, 4 * KiB, 4 * KiB, 0.5, 500'000},
        {"uniform: the length table alone", WorkloadKind::Uniform, 1 * TiB, 512, 1 * MiB, 1.1, 500'000},
    };
    for (const Case& c : cases) {
        CAPTURE(c.name);
        WorkloadSpec s;
        s.kind = c.kind;
        s.rate = 1e6;
        s.minWriteBytes = c.minBytes;
        s.maxWriteBytes = c.maxBytes;
        s.zipfExponent = c.exponent;
        WorkloadGenerator tables(s, c.disk, 11);
        WorkloadGenerator formulas(s, c.disk, 11);
        formulas.disableStepTables();
        std::vector<GuestWrite> a, b;
        a.reserve(c.writes + WorkloadGenerator::kBatch);
        b.reserve(c.writes + WorkloadGenerator::kBatch);
        for (int64_t t = 0; a.size() < c.writes; t += 1'000'000) {
            tables.generate(t, 1'000'000, [&a](uint64_t offset, uint64_t length) { a.push_back({offset, length}); });
            formulas.generate(t, 1'000'000, [&b](uint64_t offset, uint64_t length) { b.push_back({offset, length}); });
        }
        REQUIRE(a.size() == b.size());
        size_t differ = 0;
        for (size_t i = 0; i < a.size(); ++i) {
            differ += a[i].offset != b[i].offset || a[i].length != b[i].length;
        }
        CHECK(differ == 0);
    }
}
