// The workload generator against a model written from its definition (bitmig/workload.h,
// docs/cli.md), not from its code. The model is a plain loop over the same fully specified Random
// (bitmig/random.h), drawing in the order the generator promises (per write: the length, then the
// offset; a draw only where there is a choice). It has none of the generator's machinery (carried
// fractions, step tables, batches, precomputed constants), so a slip in that machinery shows here.
//
// What the definition fixes is compared exactly:
//   - how many writes: by the end of tick (0, T] the guest has issued floor(rate * T) writes; a
//     burst load issues rate / duty writes per second of on-time, the first floor(period * duty)
//     nanoseconds of each period;
//   - sizes: min * (max / min)^u rounded down to a sector, u one uniform draw;
//   - offsets: a sector-aligned start, uniform over the starts where the write fits in the range
//     (the disk; the hot region, a fraction of the disk a third of the way in; a Zipf region);
//     sequential writes follow each other and start again at 0 when one would pass the end;
//   - Zipf ranks: rank r (from 0) for u with r + 1 <= (1 + u((n + 1)^(1 - s) - 1))^(1 / (1 - s)) <
//     r + 2, the inverse of the continuous Zipf CDF over n regions ((n + 1)^u for s = 1).
// Real-valued formulas are evaluated in long double; a value within rounding of a step admits both
// sides of it. Which region a rank names is the generator's own fixed choice: the model only asks
// that a rank always names the same region.
#include <bitmig/random.h>
#include <bitmig/units.h>
#include <bitmig/workload.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

using namespace bitmig;
using units::GiB;
using units::KiB;
using units::MiB;
using units::TiB;

namespace {

constexpr uint64_t kSector = 512;
constexpr long double kRounding = 1e-12L;  // relative: far above double's error, far below a step

// floor(x), and whether x lies within rounding of an integer (then the integer below or above it
// is the definition's too).
struct Floor {
    uint64_t value;
    bool nearAbove;  // x is just above `value`: value - 1 also fits
    bool nearBelow;  // x is just below value + 1: value + 1 also fits
    bool admits(uint64_t v) const { return v == value || (nearAbove && v + 1 == value) || (nearBelow && v == value + 1); }
};

Floor floorOf(long double x)
{
    const long double f = std::floor(x);
    const long double tolerance = std::max(x, 1.0L) * kRounding;
    return Floor{uint64_t(f), x - f < tolerance && f >= 1, f + 1 - x < tolerance};
}

// On-time of a burst load within [0, t): the first `on` nanoseconds of each period.
long double onTime(int64_t t, int64_t period, int64_t on)
{
    return (long double)(t / period) * on + (long double)std::min(t % period, on);
}

// The definition, one write at a time. Each step returns what the generator must have written, as
// a check of the generator's value (`got`); on success the model carries on from it.
class Model {
public:
    Model(const WorkloadSpec& spec, uint64_t disk, uint64_t seed) : spec_(spec), disk_(disk), rng_(seed) {}

    void setSpec(const WorkloadSpec& spec) { spec_ = spec; }

    // Writes issued in (0, t], counted from the last change of load (`since`, `before` at it).
    Floor writesBy(int64_t t) const
    {
        Floor f = floorOf(issuedBy(t) + fraction_);
        f.value += before_;
        return f;
    }
    // A change of load at time t, after `issued` writes: counting starts again from there, with the
    // part of a write the old load had issued.
    void restartCount(int64_t t, uint64_t issued, long double fraction)
    {
        since_ = t;
        before_ = issued;
        fraction_ = std::clamp(fraction, 0.0L, 1.0L - kRounding);  // outside [0, 1) only by rounding
    }
    // The part of a write issued by time t beyond the `issued` whole ones (negative, or one or more,
    // only by rounding).
    long double fractionBy(int64_t t, uint64_t issued) const
    {
        return issuedBy(t) + fraction_ - (long double)(issued - before_);
    }

    // The length of the next write; false if `got` is not one the definition allows.
    bool length(uint64_t got)
    {
        if (spec_.minWriteBytes == spec_.maxWriteBytes) {
            return got == spec_.minWriteBytes;  // no choice, no draw
        }
        const long double u = rng_.unit();
        const long double bytes =
            spec_.minWriteBytes * std::pow((long double)spec_.maxWriteBytes / spec_.minWriteBytes, u);
        const Floor sectors = floorOf(bytes / kSector);
        const uint64_t want = std::clamp(sectors.value * kSector, spec_.minWriteBytes, spec_.maxWriteBytes);
        if (got == want) {
            return true;
        }
        return got % kSector == 0 && got >= spec_.minWriteBytes && got <= spec_.maxWriteBytes &&
               sectors.admits(got / kSector);
    }

    // The offset of the next write of `length` bytes; false if it is not `got`.
    bool offset(uint64_t length, uint64_t got)
    {
        switch (spec_.kind) {
        case WorkloadKind::Sequential: {
            if (cursor_ + length > disk_) {
                cursor_ = 0;
            }
            const uint64_t want = cursor_;
            cursor_ += length;
            return got == want;
        }
        case WorkloadKind::HotSpot: {
            uint64_t hot = std::clamp<uint64_t>(uint64_t((long double)disk_ * spec_.hotFraction) / kSector * kSector,
                                                kSector, disk_);
            const uint64_t start = std::min(disk_ / 3 / kSector * kSector, disk_ - hot);
            if (rng_.unit() < spec_.hotShare) {
                return got == within(start, start + hot, length);
            }
            return got == within(0, disk_, length);
        }
        case WorkloadKind::Zipf:
            return zipf(length, got);
        default:
            return got == within(0, disk_, length);
        }
    }

    // Zipf ranks seen, with the region each named.
    const std::map<uint64_t, uint64_t>& regionOfRank() const { return regionOfRank_; }

private:
    // The writes the load issues in (since, t], as a real number.
    long double issuedBy(int64_t t) const
    {
        if (spec_.kind == WorkloadKind::Idle || spec_.rate <= 0) {
            return 0;
        }
        if (spec_.kind == WorkloadKind::Bursts) {
            const int64_t period = spec_.burstPeriodNs;
            const int64_t on = std::max<int64_t>(1, int64_t(std::floor((long double)period * spec_.burstDuty)));
            return (long double)spec_.rate / spec_.burstDuty * (onTime(t, period, on) - onTime(since_, period, on)) *
                   1e-9L;
        }
        return (long double)spec_.rate * (long double)(t - since_) * 1e-9L;
    }

    // A sector-aligned start in [lo, hi - length], uniform; a write that does not fit starts at lo
    // (kept inside the disk). One draw only where there are several starts.
    uint64_t within(uint64_t lo, uint64_t hi, uint64_t length)
    {
        hi = std::min(hi, disk_);
        if (hi < lo + length + kSector) {
            return std::min(lo, disk_ - length);
        }
        const uint64_t starts = (hi - length - lo) / kSector + 1;
        return lo + rng_.below(starts) * kSector;
    }

    bool zipf(uint64_t length, uint64_t got)
    {
        const uint64_t regionBytes = std::max(MiB, spec_.maxWriteBytes);
        const uint64_t regions = std::max<uint64_t>(disk_ / regionBytes, 1);
        const long double s = spec_.zipfExponent;
        const long double u = rng_.unit();
        const long double n1 = (long double)regions + 1;
        const long double x = std::fabs(s - 1) < 1e-9L ? std::pow(n1, u)
                                                        : std::pow(1 + u * (std::pow(n1, 1 - s) - 1), 1 / (1 - s));
        const Floor whole = floorOf(std::max(x, 1.0L));
        // The region is the generator's choice: the one `got` lies in, if it is one, and the same
        // for the same rank every time.
        const uint64_t region = got / regionBytes;
        if (region >= regions) {
            return false;
        }
        auto rankOf = [regions](uint64_t w) { return std::min(w - 1, regions - 1); };
        const uint64_t rank = rankOf(whole.value);
        // Within rounding of a step the neighbouring rank is the definition's too.
        for (const uint64_t w : {whole.value, whole.value - 1, whole.value + 1}) {
            const auto known = regionOfRank_.find(rankOf(w));
            if (w >= 1 && whole.admits(w) && known != regionOfRank_.end() && known->second == region) {
                return got == within(region * regionBytes, region * regionBytes + regionBytes, length);
            }
        }
        if (regionOfRank_.count(rank)) {
            return false;  // the rank named another region before
        }
        regionOfRank_[rank] = region;
        return got == within(region * regionBytes, region * regionBytes + regionBytes, length);
    }

    WorkloadSpec spec_;
    uint64_t disk_;
    Random rng_;
    uint64_t cursor_ = 0;
    int64_t since_ = 0;
    uint64_t before_ = 0;
    long double fraction_ = 0;
    std::map<uint64_t, uint64_t> regionOfRank_;
};

struct Case {
    WorkloadSpec spec;
    uint64_t disk;
    uint64_t seed;
};

// Runs the generator for `ticks` ticks of 1 ms next to the model; the first disagreement, or "".
std::string firstDifference(const Case& c, int ticks, const WorkloadSpec* switchTo = nullptr)
{
    constexpr int64_t kTick = 1'000'000;
    WorkloadGenerator gen(c.spec, c.disk, c.seed);
    Model model(c.spec, c.disk, c.seed);
    uint64_t issued = 0;
    for (int t = 0; t < ticks; ++t) {
        const int64_t tNs = int64_t(t) * kTick;
        if (switchTo && t == ticks / 2) {
            const long double fraction = model.fractionBy(tNs, issued);
            gen.setSpec(*switchTo);
            model.setSpec(*switchTo);
            model.restartCount(tNs, issued, fraction);
        }
        std::string bad;
        gen.generate(tNs, kTick, [&](uint64_t offset, uint64_t length) {
            if (!bad.empty()) {
                return;
            }
            if (!model.length(length)) {
                bad = "write " + std::to_string(issued) + ": length " + std::to_string(length);
            } else if (!model.offset(length, offset)) {
                bad = "write " + std::to_string(issued) + ": offset " + std::to_string(offset) + " (length " +
                      std::to_string(length) + ")";
            }
            ++issued;
        });
        if (!bad.empty()) {
            return bad;
        }
        const Floor due = model.writesBy(tNs + kTick);
        if (!due.admits(issued)) {
            return "tick " + std::to_string(t) + ": " + std::to_string(issued) + " writes issued, " +
                   std::to_string(due.value) + " due";
        }
    }
    return "";
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
            CHECK(firstDifference(Case{zipf(e), disk, seed++}, 40) == "");  // 40 000 writes
        }
    }
}

TEST_CASE("Workload: the bench's Zipf load matches the reference over many writes", "[workload]")
{
    // 16 TiB, Zipf 1.1, default sizes: 3 million writes.
    CHECK(firstDifference(Case{zipf(1.1), 16 * TiB, 1}, 3000) == "");
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
            CHECK(firstDifference(Case{s, disk, 5}, 40) == "");
            CHECK(firstDifference(Case{s, disk, 6}, 40, &next) == "");
            // A load that leaves most of a write pending at the change: the new load inherits it.
            WorkloadSpec uneven = s;
            uneven.rate = 250045;  // 5000.9 writes by the change at 20 ms (bursts: 5250.945)
            CHECK(firstDifference(Case{uneven, disk, 8}, 40, &next) == "");
            WorkloadSpec fixed = s;
            fixed.minWriteBytes = fixed.maxWriteBytes;
            CHECK(firstDifference(Case{fixed, disk, 7}, 20) == "");
        }
    }
}

TEST_CASE("Workload: Zipf ranks fall with the definition's probabilities", "[workload]")
{
    // Rank r's share is F(r + 1) - F(r), F the continuous CDF behind the ranks: over 200 000 writes
    // the model saw every rank's region; count the writes each rank's region took where no two of
    // the top ranks share a region.
    const uint64_t disk = 64 * GiB;  // 65536 regions
    const double s = 1.1;
    WorkloadGenerator gen(zipf(s, 200000), disk, 3);
    Model model(zipf(s, 200000), disk, 3);
    std::map<uint64_t, uint64_t> perRegion;
    uint64_t total = 0;
    bool agreed = true;
    gen.generate(0, 1'000'000'000, [&](uint64_t offset, uint64_t length) {
        agreed = agreed && model.length(length) && model.offset(length, offset);
        ++perRegion[offset / MiB];
        ++total;
    });
    REQUIRE(agreed);
    REQUIRE(total == 200000);
    const long double n1 = 65536.0L + 1;
    auto cdf = [&](long double x) { return (std::pow(x, 1 - s) - 1) / (std::pow(n1, 1 - s) - 1); };
    for (uint64_t r = 0; r < 8; ++r) {
        const uint64_t region = model.regionOfRank().at(r);
        const long double p = cdf(r + 2) - cdf(r + 1);
        const long double sigma = std::sqrt(p * (1 - p) / total);
        const long double share = (long double)perRegion[region] / total;
        INFO("rank " << r << " share " << double(share) << " expected " << double(p));
        CHECK(share >= p - 5 * sigma);
        CHECK(share <= p + 5 * sigma + 0.002);  // another, rarer rank may share the region
    }
}
