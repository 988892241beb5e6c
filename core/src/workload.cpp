#include <bitmig/workload.h>

#include <bitmig/configerror.h>
#include <bitmig/enumnames.h>
#include <bitmig/limits.h>
#include <bitmig/printable.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <stdexcept>

namespace bitmig {

namespace {

constexpr uint64_t kSector = 512;
constexpr uint64_t kZipfRegion = uint64_t(1) << 20;

constexpr EnumName<WorkloadKind> kKindNames[] = {
    {WorkloadKind::Idle, "idle"},       {WorkloadKind::Uniform, "uniform"}, {WorkloadKind::Sequential, "sequential"},
    {WorkloadKind::HotSpot, "hotspot"}, {WorkloadKind::Zipf, "zipf"},       {WorkloadKind::Bursts, "bursts"},
    {WorkloadKind::HotSpot, "hot-spot"},  // read, never written
};
static_assert(isNameTable(kKindNames, WorkloadKind::Idle, WorkloadKind::Bursts));

uint64_t mix(uint64_t z) noexcept
{
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

// ---- step tables ---------------------------------------------------------------------------
// Drawing a length or a Zipf rank maps a 53-bit draw k through exp2/log2/pow and floors the
// result. The result is a non-decreasing step function of k, so the steps can be found once, by
// bisection on that same formula, and most draws answered by a table lookup: the very values the
// formula gives. Draws within kGuard of a step go back to the formula, so that an ulp of libm
// rounding at a step (where the formula could be non-monotone) cannot make the table disagree.
constexpr uint64_t kDrawEnd = uint64_t(1) << 53;     // draws are k in [0, 2^53)
constexpr uint64_t kGuard = uint64_t(1) << 28;       // u within 2^-25 of a step: use the formula
constexpr size_t kMaxSteps = 4096;
constexpr uint32_t kMaxStepsPerBucket = 4;           // bounds the scan of a lookup

double unitOf(uint64_t k) noexcept
{
    return double(k) * 0x1.0p-53;  // as Random::unit()
}

// First k in (lo, kDrawEnd) with value(k) > v, given value(lo) <= v; kDrawEnd if there is none.
// `guess` (an estimate of the answer) only saves evaluations.
template <class Value>
uint64_t findStep(const Value& value, uint64_t v, uint64_t lo, uint64_t guess)
{
    if (lo + 1 >= kDrawEnd) {
        return kDrawEnd;
    }
    uint64_t a = lo, b = kDrawEnd;  // value(a) <= v < value(b), b = kDrawEnd meaning "none yet"
    const uint64_t g = std::clamp(guess, a + 1, kDrawEnd - 1);
    if (value(g) > v) {
        b = g;
        for (uint64_t w = 64; b - a > 1; w *= 4) {
            const uint64_t m = b - a > w ? b - w : a;
            if (m == a || value(m) <= v) {
                a = m;
                break;
            }
            b = m;
        }
    } else {
        a = g;
        for (uint64_t w = 64; b - a > 1; w *= 4) {
            const uint64_t m = b - a > w ? a + w : b;
            if (m == b || value(m) > v) {
                b = m;
                break;
            }
            a = m;
        }
    }
    while (b - a > 1) {
        const uint64_t m = a + (b - a) / 2;
        (value(m) > v ? b : a) = m;
    }
    return b;
}

} // namespace

// The helpers of every drawn write (this and the three below) are inlined into the loops of draw();
// the formulas they fall back to stay out of line.
[[gnu::always_inline]] inline uint32_t WorkloadGenerator::StepTable::lookup(uint64_t k) const noexcept
{
    if (buckets.empty()) {
        return kUnknown;
    }
    // A bucket holds at most kMaxStepsPerBucket steps and `steps` is padded with kDrawEnd, so a
    // fixed, branch-free count finds the steps at or below k (a loop would mispredict).
    const uint32_t first = buckets[size_t(k >> shift)];
    const uint64_t* s = steps.data() + first;
    uint32_t below = 0;
    for (uint32_t i = 0; i < kMaxStepsPerBucket; ++i) {
        below += s[i] <= k;
    }
    const uint32_t j = first + below;
    const uint32_t n = count;
    if ((j == n && !complete) || (j > 0 && k - steps[j - 1] < kGuard) || (j < n && steps[j] - k <= kGuard)) {
        return kUnknown;
    }
    return uint32_t(base + j);
}

void WorkloadGenerator::StepTable::build(const std::function<uint64_t(uint64_t)>& value,
                                         const std::function<uint64_t(uint64_t)>& guess, unsigned bucketBits)
{
    shift = 53 - bucketBits;
    steps.clear();
    buckets.clear();
    count = 0;
    complete = false;
    base = value(0);
    uint64_t lo = 0;        // value(lo) <= base + steps.size()
    uint32_t inBucket = 0;  // steps listed in the bucket of the last one
    while (steps.size() < kMaxSteps) {
        const uint64_t v = base + steps.size();
        const uint64_t k = value(lo) > v ? lo : findStep(value, v, lo, guess(v));
        if (k == kDrawEnd) {
            complete = true;
            break;
        }
        inBucket = !steps.empty() && (steps.back() >> shift) == (k >> shift) ? inBucket + 1 : 1;
        if (inBucket > kMaxStepsPerBucket) {
            break;  // steps this dense: the formula is about as fast as a scan
        }
        steps.push_back(k);
        lo = k;
    }
    count = uint32_t(steps.size());
    buckets.resize(size_t(1) << bucketBits);
    size_t j = 0;
    for (size_t b = 0; b < buckets.size(); ++b) {
        while (j < count && steps[j] < (uint64_t(b) << shift)) {
            ++j;
        }
        buckets[b] = uint16_t(j);
    }
    steps.resize(count + kMaxStepsPerBucket, kDrawEnd);  // padding for lookup()
}

std::string_view workloadKindName(WorkloadKind kind) noexcept
{
    return nameOf(kKindNames, kind).value_or("unknown");
}

WorkloadKind parseWorkloadKind(std::string_view name)
{
    if (const std::optional<WorkloadKind> kind = valueNamed(kKindNames, name)) {
        return *kind;
    }
    throw ConfigError::withMessage(ConfigField::WorkloadKind, ConfigErrorCode::UnknownName,
                                   {.text = std::string(name)}, "unknown workload " + quoted(name),
                                   "unknown workload " + quoted(name) +
                                       " (use idle, uniform, sequential, hotspot, zipf or bursts)");
}

std::vector<WorkloadKind> allWorkloadKinds()
{
    std::vector<WorkloadKind> kinds;
    for (const auto& k : kKindNames) {
        if (nameOf(kKindNames, k.value) == k.name) {  // not an alias
            kinds.push_back(k.value);
        }
    }
    return kinds;
}

void WorkloadSpec::validate(uint64_t diskBytes) const
{
    using F = ConfigField;
    using C = ConfigErrorCode;
    using Q = ConfigQuantity;
    if (!(rate >= 0) || !std::isfinite(rate) || rate > 1e9) {
        throw ConfigError(F::WorkloadRate, C::OutOfRange,
                          {.value = Q::number(rate), .min = Q::number(0), .max = Q::number(1e9)},
                          "must be between 0 and 1e9 writes per second");
    }
    if (minWriteBytes < kSector || minWriteBytes % kSector) {
        throw ConfigError(F::WorkloadMinWriteBytes, C::NotMultiple,
                          {.value = Q::bytes(minWriteBytes), .multiple = Q::bytes(kSector)},
                          "must be a positive multiple of 512 bytes");
    }
    if (maxWriteBytes < minWriteBytes || maxWriteBytes % kSector) {
        throw ConfigError(F::WorkloadMaxWriteBytes, C::NotMultipleOrBelowMin,
                          {.value = Q::bytes(maxWriteBytes), .min = Q::bytes(minWriteBytes),
                           .multiple = Q::bytes(kSector)},
                          "must be a multiple of 512 bytes and at least minWriteBytes");
    }
    if (maxWriteBytes > diskBytes) {
        throw ConfigError(F::WorkloadMaxWriteBytes, C::LargerThanDisk,
                          {.value = Q::bytes(maxWriteBytes), .max = Q::bytes(diskBytes)}, "is larger than the disk");
    }
    if (!(hotFraction > 0 && hotFraction <= 1)) {
        throw ConfigError(F::WorkloadHotFraction, C::OutOfRange,
                          {.value = Q::number(hotFraction), .min = Q::number(0), .max = Q::number(1),
                           .minExclusive = true},
                          "must be in (0, 1]");
    }
    if (!(hotShare >= 0 && hotShare <= 1)) {
        throw ConfigError(F::WorkloadHotShare, C::OutOfRange,
                          {.value = Q::number(hotShare), .min = Q::number(0), .max = Q::number(1)},
                          "must be in [0, 1]");
    }
    if (!(zipfExponent > 0 && zipfExponent <= 10)) {
        throw ConfigError(F::WorkloadZipfExponent, C::OutOfRange,
                          {.value = Q::number(zipfExponent), .min = Q::number(0), .max = Q::number(10),
                           .minExclusive = true},
                          "must be in (0, 10]");
    }
    if (burstPeriodNs <= 0) {
        throw ConfigError(F::WorkloadBurstPeriod, C::NotPositive, {.value = Q::nanoseconds(burstPeriodNs)},
                          "must be above zero");
    }
    if (burstPeriodNs > limits::kMaxTimeNs) {
        throw ConfigError(F::WorkloadBurstPeriod, C::TooLarge,
                          {.value = Q::nanoseconds(burstPeriodNs), .max = Q::nanoseconds(limits::kMaxTimeNs)},
                          "must be at most 365 days (31536000 s), got " + std::to_string(burstPeriodNs) + " ns");
    }
    // The writes of a period land at rate / duty within its on-time: the lower bound keeps that
    // rate (and a tick's share of it) finite.
    if (!(burstDuty >= limits::kMinBurstDuty && burstDuty <= 1)) {
        throw ConfigError(F::WorkloadBurstDuty, C::OutOfRange,
                          {.value = Q::number(burstDuty), .min = Q::number(limits::kMinBurstDuty), .max = Q::number(1)},
                          "must be from 0.000001 to 1");
    }
    try {
        trace.validate(diskBytes);
    } catch (const ConfigError& e) {
        // "trace.speed: ..." becomes "workload.trace.speed: ...".
        throw ConfigError::withMessage(e.field(), e.code(), e.arguments(), e.reason(),
                                       "workload." + std::string(e.what()));
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

void WorkloadGenerator::disableStepTables()
{
    stepTables_ = false;
    lengths_ = StepTable{};
    ranks_ = StepTable{};
}

void WorkloadGenerator::prepare()
{
    hotBytes_ = std::max<uint64_t>(uint64_t(double(disk_) * spec_.hotFraction) / kSector * kSector, kSector);
    hotBytes_ = std::min(hotBytes_, disk_);
    // The hot region sits a third into the disk: away from both edges, so it is easy to see.
    hotStart_ = std::min(disk_ / 3 / kSector * kSector, disk_ - hotBytes_);
    regionBytes_ = std::max(kZipfRegion, spec_.maxWriteBytes);
    regions_ = std::max<uint64_t>(disk_ / regionBytes_, 1);
    regionMask_ = std::has_single_bit(regions_) ? regions_ - 1 : 0;
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

    // Guesses invert the continuous formulas; they only speed up the search for the steps.
    auto drawFor = [](double u) {
        return u > 0 ? uint64_t(std::min(u, 1.0) * 0x1.0p53) : uint64_t(0);
    };
    lengths_ = StepTable{};
    if (stepTables_ && spec_.minWriteBytes != spec_.maxWriteBytes) {
        lengths_.build([this](uint64_t k) { return (lengthAt(unitOf(k)) - spec_.minWriteBytes) / kSector; },
                       [this, drawFor](uint64_t v) {
                           const double next = double(spec_.minWriteBytes + (v + 1) * kSector);
                           return drawFor((std::log2(next) - logMinLen_) / logSpan_);
                       },
                       12);  // 4096 buckets (8 KiB): steps of the usual sizes are far wider than one
    }
    ranks_ = StepTable{};
    if (stepTables_ && spec_.kind == WorkloadKind::Zipf) {
        ranks_.build([this](uint64_t k) { return zipfRankAt(unitOf(k)); },
                     [this, drawFor](uint64_t v) {
                         const double x = double(v + 2);  // rank v + 1 starts where x reaches v + 2
                         return drawFor(zipfB_ == 0 ? std::log(x) / zipfA_ : (std::pow(x, 1 / zipfB_) - 1) / zipfA_);
                     },
                     14);  // 16384 buckets: more ranks before a bucket holds too many steps
    }
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

[[gnu::always_inline]] inline uint64_t WorkloadGenerator::drawLength()
{
    if (spec_.minWriteBytes == spec_.maxWriteBytes) {
        return spec_.minWriteBytes;
    }
    const uint64_t k = rng_.next() >> 11;  // rng_.unit() is unitOf(k)
    const uint32_t step = lengths_.lookup(k);
    if (step != StepTable::kUnknown) {
        return spec_.minWriteBytes + uint64_t(step) * kSector;
    }
    return lengthAt(unitOf(k));
}

uint64_t WorkloadGenerator::lengthAt(double u) const noexcept
{
    // Log-uniform in [min, max], rounded down to a sector.
    const double bytes = std::exp2(logMinLen_ + u * logSpan_);
    const uint64_t len = uint64_t(bytes) / kSector * kSector;
    return std::clamp(len, spec_.minWriteBytes, spec_.maxWriteBytes);
}

[[gnu::always_inline]] inline uint64_t WorkloadGenerator::uniformOffset(uint64_t lo, uint64_t hi, uint64_t length)
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
    case WorkloadKind::Zipf:
        return zipfOffset(length);
    case WorkloadKind::Idle:
    case WorkloadKind::Uniform:
    case WorkloadKind::Bursts:
        break;
    }
    return uniformOffset(0, disk_, length);
}

[[gnu::always_inline]] inline uint64_t WorkloadGenerator::zipfOffset(uint64_t length)
{
    const uint64_t k = rng_.next() >> 11;  // rng_.unit() is unitOf(k)
    const uint32_t step = ranks_.lookup(k);
    const uint64_t rank = step != StepTable::kUnknown ? step : zipfRankAt(unitOf(k));
    const uint64_t hashed = mix(rank + 0x5bd1e995);
    const uint64_t region = regionMask_ ? hashed & regionMask_ : hashed % regions_;
    const uint64_t lo = region * regionBytes_;
    return uniformOffset(lo, lo + regionBytes_, length);
}

void WorkloadGenerator::draw(GuestWrite* __restrict out, size_t n)
{
    // One loop per kind, so the per-write switch and calls fold away; the draws stay in the
    // order of the definition: length, then offset, write after write.
    if (spec_.kind == WorkloadKind::Zipf) {
        for (size_t i = 0; i < n; ++i) {
            const uint64_t length = drawLength();
            out[i] = GuestWrite{zipfOffset(length), length};
        }
        return;
    }
    for (size_t i = 0; i < n; ++i) {
        const uint64_t length = drawLength();
        out[i] = GuestWrite{drawOffset(length), length};
    }
}

uint64_t WorkloadGenerator::zipfRankAt(double u) const noexcept
{
    // The rank is floor(x) - 1 with x = (1 + u A)^B, the inverse CDF of the continuous Zipf
    // approximation. std::pow is the costliest step of a write, but only floor(x) matters: exp2 and
    // log2 give x to within ~1e-14 relative, so unless x lies within a wide margin (1e-11) of an
    // integer, floor() of the estimate is floor() of pow's own result. Near an integer (rarely),
    // pow decides, so the ranks, and the writes, are exactly those of the formula.
    uint64_t whole = 0;  // floor(max(x, 1))
    if (zipfB_ == 0) {
        whole = uint64_t(std::max(std::exp(u * zipfA_), 1.0));
    } else {
        const double y = 1 + u * zipfA_;
        const double estimate = std::exp2(zipfB_ * std::log2(y));
        const double margin = estimate * 1e-11;
        const double lo = std::max(estimate - margin, 1.0);
        const double hi = std::max(estimate + margin, 1.0);
        if (hi < 0x1p62 && uint64_t(lo) == uint64_t(hi)) {
            whole = uint64_t(lo);
        } else {
            whole = uint64_t(std::max(std::pow(y, zipfB_), 1.0));
        }
    }
    return std::min<uint64_t>(whole - 1, regions_ - 1);
}

} // namespace bitmig
