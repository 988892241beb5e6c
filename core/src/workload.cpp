#include "bitmig/workload.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace bitmig {

namespace {

constexpr uint64_t kSector = 512;
constexpr uint64_t kZipfRegion = uint64_t(1) << 20;

struct KindName {
    WorkloadKind kind;
    std::string_view name;
};
constexpr KindName kKindNames[] = {
    {WorkloadKind::Idle, "idle"},       {WorkloadKind::Uniform, "uniform"}, {WorkloadKind::Sequential, "sequential"},
    {WorkloadKind::HotSpot, "hotspot"}, {WorkloadKind::Zipf, "zipf"},       {WorkloadKind::Bursts, "bursts"},
};

uint64_t mix(uint64_t z) noexcept
{
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

} // namespace

std::string_view workloadKindName(WorkloadKind kind) noexcept
{
    for (const auto& k : kKindNames) {
        if (k.kind == kind) {
            return k.name;
        }
    }
    return "unknown";
}

WorkloadKind parseWorkloadKind(std::string_view name)
{
    for (const auto& k : kKindNames) {
        if (k.name == name) {
            return k.kind;
        }
    }
    if (name == "hot-spot") {
        return WorkloadKind::HotSpot;
    }
    throw std::invalid_argument("unknown workload '" + std::string(name) +
                                "' (use idle, uniform, sequential, hotspot, zipf or bursts)");
}

std::vector<WorkloadKind> allWorkloadKinds()
{
    std::vector<WorkloadKind> kinds;
    for (const auto& k : kKindNames) {
        kinds.push_back(k.kind);
    }
    return kinds;
}

void WorkloadSpec::validate(uint64_t diskBytes) const
{
    auto fail = [](const std::string& field, const std::string& why) {
        throw std::invalid_argument("workload." + field + ": " + why);
    };
    if (!(rate >= 0) || !std::isfinite(rate) || rate > 1e9) {
        fail("rate", "must be between 0 and 1e9 writes per second");
    }
    if (minWriteBytes < kSector || minWriteBytes % kSector) {
        fail("minWriteBytes", "must be a positive multiple of 512 bytes");
    }
    if (maxWriteBytes < minWriteBytes || maxWriteBytes % kSector) {
        fail("maxWriteBytes", "must be a multiple of 512 bytes and at least minWriteBytes");
    }
    if (maxWriteBytes > diskBytes) {
        fail("maxWriteBytes", "is larger than the disk");
    }
    if (!(hotFraction > 0 && hotFraction <= 1)) {
        fail("hotFraction", "must be in (0, 1]");
    }
    if (!(hotShare >= 0 && hotShare <= 1)) {
        fail("hotShare", "must be in [0, 1]");
    }
    if (!(zipfExponent > 0 && zipfExponent <= 10)) {
        fail("zipfExponent", "must be in (0, 10]");
    }
    if (burstPeriodNs <= 0) {
        fail("burstPeriod", "must be above zero");
    }
    if (!(burstDuty > 0 && burstDuty <= 1)) {
        fail("burstDuty", "must be in (0, 1]");
    }
}

WorkloadGenerator::WorkloadGenerator(const WorkloadSpec& spec, uint64_t diskBytes, uint64_t seed)
    : spec_(spec), disk_(diskBytes), rng_(seed)
{
    spec_.validate(diskBytes);
    prepare();
}

void WorkloadGenerator::setSpec(const WorkloadSpec& spec)
{
    spec.validate(disk_);
    spec_ = spec;
    prepare();
}

void WorkloadGenerator::prepare()
{
    hotBytes_ = std::max<uint64_t>(uint64_t(double(disk_) * spec_.hotFraction) / kSector * kSector, kSector);
    hotBytes_ = std::min(hotBytes_, disk_);
    // The hot region sits a third into the disk: away from both edges, so it is easy to see.
    hotStart_ = std::min(disk_ / 3 / kSector * kSector, disk_ - hotBytes_);
    regionBytes_ = std::max(kZipfRegion, spec_.maxWriteBytes);
    regions_ = std::max<uint64_t>(disk_ / regionBytes_, 1);
    const double s = spec_.zipfExponent;
    const double n1 = double(regions_) + 1;
    if (std::fabs(s - 1) < 1e-9) {
        zipfA_ = std::log(n1);
        zipfB_ = 0;
    } else {
        zipfA_ = std::pow(n1, 1 - s) - 1;
        zipfB_ = 1 / (1 - s);
    }
    logMinLen_ = std::log2(double(spec_.minWriteBytes));
    logSpan_ = std::log2(double(spec_.maxWriteBytes)) - logMinLen_;
}

uint64_t WorkloadGenerator::writesIn(int64_t tNs, int64_t dtNs)
{
    if (spec_.kind == WorkloadKind::Idle || spec_.rate <= 0) {
        return 0;
    }
    double expected = spec_.rate * double(dtNs) * 1e-9;
    if (spec_.kind == WorkloadKind::Bursts) {
        // All writes fall in the "on" part of each period, at rate / duty, so the average is `rate`.
        const int64_t period = spec_.burstPeriodNs;
        const int64_t on = std::max<int64_t>(1, int64_t(double(period) * spec_.burstDuty));
        int64_t inOn = 0;
        for (int64_t t = tNs, end = tNs + dtNs; t < end;) {
            const int64_t phase = t % period;
            const int64_t segEnd = std::min(end, t - phase + (phase < on ? on : period));
            if (phase < on) {
                inOn += segEnd - t;
            }
            t = segEnd;
        }
        expected = spec_.rate / spec_.burstDuty * double(inOn) * 1e-9;
    }
    carry_ += expected;
    const double whole = std::floor(carry_);
    carry_ -= whole;
    return uint64_t(whole);
}

uint64_t WorkloadGenerator::drawLength()
{
    if (spec_.minWriteBytes == spec_.maxWriteBytes) {
        return spec_.minWriteBytes;
    }
    const double bytes = std::exp2(logMinLen_ + rng_.unit() * logSpan_);
    const uint64_t len = uint64_t(bytes) / kSector * kSector;
    return std::clamp(len, spec_.minWriteBytes, spec_.maxWriteBytes);
}

uint64_t WorkloadGenerator::uniformOffset(uint64_t lo, uint64_t hi, uint64_t length)
{
    // Sector-aligned offsets whose write stays inside [lo, hi) and inside the disk.
    const uint64_t last = std::min(hi, disk_) > length ? std::min(hi, disk_) - length : 0;
    if (last <= lo) {
        // The write is wider than the range: start it there, but keep it inside the disk.
        return std::min(lo / kSector * kSector, disk_ - length);
    }
    const uint64_t slots = (last - lo) / kSector + 1;
    return std::min(lo / kSector * kSector + rng_.below(slots) * kSector, disk_ - length);
}

uint64_t WorkloadGenerator::drawOffset(uint64_t length)
{
    switch (spec_.kind) {
    case WorkloadKind::Sequential: {
        if (sequentialCursor_ + length > disk_) {
            sequentialCursor_ = 0;
        }
        const uint64_t at = sequentialCursor_;
        sequentialCursor_ += length;
        return at;
    }
    case WorkloadKind::HotSpot:
        if (rng_.unit() < spec_.hotShare) {
            return uniformOffset(hotStart_, hotStart_ + hotBytes_, length);
        }
        return uniformOffset(0, disk_, length);
    case WorkloadKind::Zipf: {
        const double u = rng_.unit();
        const double x = zipfB_ == 0 ? std::exp(u * zipfA_) : std::pow(1 + u * zipfA_, zipfB_);
        const uint64_t rank = std::min<uint64_t>(uint64_t(std::max(x, 1.0)) - 1, regions_ - 1);
        const uint64_t region = mix(rank + 0x5bd1e995) % regions_;
        const uint64_t lo = region * regionBytes_;
        return uniformOffset(lo, lo + regionBytes_, length);
    }
    case WorkloadKind::Idle:
    case WorkloadKind::Uniform:
    case WorkloadKind::Bursts:
        break;
    }
    return uniformOffset(0, disk_, length);
}

} // namespace bitmig
