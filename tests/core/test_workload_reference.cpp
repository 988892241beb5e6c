// The workload generator must keep drawing exactly the writes of its closed-form definition (same
// seed, same writes, on every build): a reference written straight from the formulas is replayed
// next to it, write for write. Guards table-driven or approximate fast paths in the generator.

#include <algorithm>
#include <bitmig/random.h>
#include <bitmig/units.h>
#include <bitmig/workload.h>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

using namespace bitmig;
using units::GiB;
using units::KiB;
using units::MiB;
using units::TiB;

namespace {

constexpr uint64_t kSector = 512;

uint64_t mix(uint64_t z)
{
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

// The definition: log-uniform lengths, inverse-CDF Zipf over 1 MiB regions (continuous
// approximation), one draw per decision, in the order length, then offset.
class Reference {
public:
    Reference(const WorkloadSpec& spec, uint64_t disk, uint64_t seed) : s_(spec), disk_(disk), rng_(seed) {}

    uint64_t writesIn(int64_t tNs, int64_t dtNs)
    {
        if (s_.kind == WorkloadKind::Idle || s_.rate <= 0) {
            return 0;
        }
        double expected = s_.rate * double(dtNs) * 1e-9;
        if (s_.kind == WorkloadKind::Bursts) {
            const int64_t period = s_.burstPeriodNs;
            const int64_t on = std::max<int64_t>(1, int64_t(double(period) * s_.burstDuty));
            int64_t inOn = 0;
            for (int64_t t = tNs, end = tNs + dtNs; t < end;) {
                const int64_t phase = t % period;
                const int64_t segEnd = std::min(end, t - phase + (phase < on ? on : period));
                if (phase < on) {
                    inOn += segEnd - t;
                }
                t = segEnd;
            }
            expected = s_.rate / s_.burstDuty * double(inOn) * 1e-9;
        }
        carry_ += expected;
        const double whole = std::floor(carry_);
        carry_ -= whole;
        return uint64_t(whole);
    }

    uint64_t length()
    {
        if (s_.minWriteBytes == s_.maxWriteBytes) {
            return s_.minWriteBytes;
        }
        const double lo = std::log2(double(s_.minWriteBytes));
        const double span = std::log2(double(s_.maxWriteBytes)) - lo;
        const uint64_t len = uint64_t(std::exp2(lo + rng_.unit() * span)) / kSector * kSector;
        return std::clamp(len, s_.minWriteBytes, s_.maxWriteBytes);
    }

    uint64_t uniform(uint64_t lo, uint64_t hi, uint64_t length)
    {
        const uint64_t top = std::min(hi, disk_);
        const uint64_t last = top > length ? top - length : 0;
        if (last <= lo) {
            return std::min(lo / kSector * kSector, disk_ - length);
        }
        return std::min(lo / kSector * kSector + rng_.below((last - lo) / kSector + 1) * kSector, disk_ - length);
    }

    uint64_t offset(uint64_t length)
    {
        switch (s_.kind) {
        case WorkloadKind::Sequential: {
            if (cursor_ + length > disk_) {
                cursor_ = 0;
            }
            const uint64_t at = cursor_;
            cursor_ += length;
            return at;
        }
        case WorkloadKind::HotSpot: {
            uint64_t hot = std::max<uint64_t>(uint64_t(double(disk_) * s_.hotFraction) / kSector * kSector, kSector);
            hot = std::min(hot, disk_);
            const uint64_t start = std::min(disk_ / 3 / kSector * kSector, disk_ - hot);
            if (rng_.unit() < s_.hotShare) {
                return uniform(start, start + hot, length);
            }
            return uniform(0, disk_, length);
        }
        case WorkloadKind::Zipf: {
            const uint64_t regionBytes = std::max(MiB, s_.maxWriteBytes);
            const uint64_t regions = std::max<uint64_t>(disk_ / regionBytes, 1);
            const double s = s_.zipfExponent;
            const double n1 = double(regions) + 1;
            const double u = rng_.unit();
            double x = 0;
            if (std::fabs(s - 1) < 1e-9) {
                x = std::exp(u * std::log(n1));
            } else {
                x = std::pow(1 + u * (std::pow(n1, 1 - s) - 1), 1 / (1 - s));
            }
            const uint64_t rank = std::min<uint64_t>(uint64_t(std::max(x, 1.0)) - 1, regions - 1);
            const uint64_t lo = (mix(rank + 0x5bd1e995) % regions) * regionBytes;
            return uniform(lo, lo + regionBytes, length);
        }
        default:
            return uniform(0, disk_, length);
        }
    }

    void setSpec(const WorkloadSpec& s) { s_ = s; }

private:
    WorkloadSpec s_;
    uint64_t disk_;
    Random rng_;
    double carry_ = 0;
    uint64_t cursor_ = 0;
};

struct Case {
    WorkloadSpec spec;
    uint64_t disk;
    uint64_t seed;
};

// Runs both for `ticks` ticks of 1 ms and returns the index of the first difference, or -1.
int64_t firstDifference(const Case& c, int ticks, const WorkloadSpec* switchTo = nullptr)
{
    WorkloadGenerator gen(c.spec, c.disk, c.seed);
    Reference ref(c.spec, c.disk, c.seed);
    int64_t index = 0;
    int64_t bad = -1;
    for (int t = 0; t < ticks && bad < 0; ++t) {
        if (switchTo && t == ticks / 2) {
            gen.setSpec(*switchTo);
            ref.setSpec(*switchTo);
        }
        const int64_t tNs = int64_t(t) * 1'000'000;
        const uint64_t expected = ref.writesIn(tNs, 1'000'000);
        uint64_t got = 0;
        gen.generate(tNs, 1'000'000, [&](uint64_t offset, uint64_t length) {
            ++got;
            const uint64_t refLength = ref.length();
            const uint64_t refOffset = ref.offset(refLength);
            if (bad < 0 && (offset != refOffset || length != refLength)) {
                bad = index;
            }
            ++index;
        });
        if (bad < 0 && got != expected) {
            bad = index;
        }
    }
    return bad;
}

WorkloadSpec zipf(double exponent, double rate = 1e6)
{
    WorkloadSpec s;
    s.kind = WorkloadKind::Zipf;
    s.rate = rate;
    s.zipfExponent = exponent;
    return s;
}

} // namespace

TEST_CASE("Workload: Zipf writes are the reference formula's, write for write", "[workload]")
{
    const double exponents[] = {0.05, 0.5, 0.9, 0.999999, 1.0, 1.0 + 1e-10, 1.000001, 1.1, 1.5, 2.0, 3.7, 10.0};
    const uint64_t disks[] = {MiB, 3 * MiB + 512, 4 * GiB, 100 * GiB + 7 * 512, 16 * TiB, 5 * uint64_t(1) << 50};
    uint64_t seed = 11;
    for (const double e : exponents) {
        for (const uint64_t disk : disks) {
            INFO("exponent " << e << " disk " << disk);
            CHECK(firstDifference(Case{zipf(e), disk, seed++}, 40) == -1);  // 40 000 writes
        }
    }
}

TEST_CASE("Workload: the bench's Zipf load matches the reference over many writes", "[workload]")
{
    // 16 TiB, Zipf 1.1, default sizes: 3 million writes.
    CHECK(firstDifference(Case{zipf(1.1), 16 * TiB, 1}, 3000) == -1);
}

TEST_CASE("Workload: every kind matches the reference, also across a change of load", "[workload]")
{
    for (WorkloadKind kind : allWorkloadKinds()) {
        for (const uint64_t disk : {64 * KiB, MiB + 512, 16 * GiB}) {
            WorkloadSpec s;
            s.kind = kind;
            s.rate = 250000;
            s.maxWriteBytes = std::min<uint64_t>(s.maxWriteBytes, disk);
            s.minWriteBytes = std::min(s.minWriteBytes, s.maxWriteBytes);
            s.burstPeriodNs = 7'000'000;
            WorkloadSpec next = s;
            next.minWriteBytes = 512;
            next.maxWriteBytes = std::min<uint64_t>(MiB, disk / kSector * kSector);
            next.zipfExponent = 0.7;
            next.hotShare = 0.5;
            next.rate = 123456.7;
            INFO(std::string(workloadKindName(kind)) << " disk " << disk);
            CHECK(firstDifference(Case{s, disk, 5}, 40) == -1);
            CHECK(firstDifference(Case{s, disk, 6}, 40, &next) == -1);
            WorkloadSpec fixed = s;
            fixed.minWriteBytes = fixed.maxWriteBytes;
            CHECK(firstDifference(Case{fixed, disk, 7}, 20) == -1);
        }
    }
}
