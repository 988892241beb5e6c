#include <bitmig/simconfig.h>

#include <bitmig/chunkgeometry.h>
#include <bitmig/configerror.h>
#include <bitmig/dirtybitmap.h>
#include <bitmig/enumnames.h>
#include <bitmig/limits.h>
#include <bitmig/printable.h>
#include <bitmig/streamformat.h>

#include <bit>
#include <cmath>
#include <cstdio>
#include <optional>
#include <stdexcept>

namespace bitmig {

namespace {

constexpr EnumName<Strategy> kStrategyNames[] = {
    {Strategy::Precopy, "precopy"},
    {Strategy::Postcopy, "postcopy"},
    {Strategy::StopAndCopy, "stop-copy"},
    {Strategy::StopAndCopy, "stop-and-copy"},  // read, never written
};
static_assert(isNameTable(kStrategyNames, Strategy::Precopy, Strategy::StopAndCopy));

constexpr EnumName<Injection::Op> kInjectionOpNames[] = {
    {Injection::Op::Write, "write"},
    {Injection::Op::Clear, "clear"},
};
static_assert(isNameTable(kInjectionOpNames, Injection::Op::Write, Injection::Op::Clear));

} // namespace

std::string_view strategyName(Strategy s) noexcept
{
    return nameOf(kStrategyNames, s).value_or("unknown");
}

std::string_view injectionOpName(Injection::Op op) noexcept
{
    return nameOf(kInjectionOpNames, op).value_or("unknown");
}

std::optional<Injection::Op> parseInjectionOp(std::string_view name) noexcept
{
    return valueNamed(kInjectionOpNames, name);
}

Strategy parseStrategy(std::string_view name)
{
    if (const std::optional<Strategy> s = valueNamed(kStrategyNames, name)) {
        return *s;
    }
    throw ConfigError::withMessage(ConfigField::Strategy, ConfigErrorCode::UnknownName, {.text = std::string(name)},
                                   "unknown strategy " + quoted(name),
                                   "unknown strategy " + quoted(name) + " (use precopy, postcopy or stop-copy)");
}

void SimConfig::validateDisk(uint64_t diskBytes, uint64_t granularity)
{
    using F = ConfigField;
    using C = ConfigErrorCode;
    using Q = ConfigQuantity;
    if (diskBytes == 0 || diskBytes % 512) {
        throw ConfigError(F::Disk, C::NotMultiple, {.value = Q::bytes(diskBytes), .multiple = Q::bytes(512)},
                          "must be a positive multiple of 512 bytes, got " + std::to_string(diskBytes));
    }
    if (diskBytes > limits::kMaxDiskBytes) {
        throw ConfigError(F::Disk, C::TooLarge, {.value = Q::bytes(diskBytes), .max = Q::bytes(limits::kMaxDiskBytes)},
                          "must be at most 1 EiB (2^60 bytes), got " + std::to_string(diskBytes));
    }
    if (granularity < DirtyBitmap::kMinGranularity || !std::has_single_bit(granularity)) {
        throw ConfigError(F::Granularity, C::NotPowerOfTwo,
                          {.value = Q::bytes(granularity), .min = Q::bytes(DirtyBitmap::kMinGranularity)},
                          "must be a power of two of at least 512 bytes, got " + std::to_string(granularity));
    }
    if (granularity > (uint64_t(1) << 31)) {
        throw ConfigError(F::Granularity, C::TooLarge,
                          {.value = Q::bytes(granularity), .max = Q::bytes(uint64_t(1) << 31)},
                          "must be at most 2 GiB (a START record carries it in 32 bits)");
    }
    const uint64_t bits = diskBytes / granularity + (diskBytes % granularity != 0);
    if (bits > (uint64_t(1) << 41)) {
        throw ConfigError(F::Disk, C::TooManyBits, {.value = Q::count(bits), .max = Q::count(uint64_t(1) << 41)},
                          "needs " + std::to_string(bits) + " bits at this granularity; at most 2^41 are allowed");
    }
}

void SimConfig::validate() const
{
    using F = ConfigField;
    using C = ConfigErrorCode;
    using Q = ConfigQuantity;
    // Every time has the same ceiling (see bitmig/limits.h).
    auto timeAtMostLimit = [](F field, int64_t ns, std::optional<size_t> index = std::nullopt) {
        if (ns > limits::kMaxTimeNs) {
            throw ConfigError(field, C::TooLarge,
                              {.value = Q::nanoseconds(ns), .max = Q::nanoseconds(limits::kMaxTimeNs)},
                              "must be at most 365 days (31536000 s), got " + std::to_string(ns) + " ns", index);
        }
    };
    auto notNegative = [](F field, int64_t ns, std::optional<size_t> index = std::nullopt) {
        if (ns < 0) {
            throw ConfigError(field, C::Negative, {.value = Q::nanoseconds(ns)}, "must not be negative", index);
        }
    };
    validateDisk(diskBytes, granularity);
    if (chunkBytes == 0 || chunkBytes > kMaxChunkBytes || !std::has_single_bit(chunkBytes)) {
        throw ConfigError(F::Chunk, C::NotPowerOfTwo,
                          {.value = Q::bytes(chunkBytes), .min = Q::bytes(1), .max = Q::bytes(kMaxChunkBytes)},
                          "must be a power of two from 1 B to 1 MiB, got " + std::to_string(chunkBytes));
    }
    if (!ChunkGeometry::compute(diskBytes, granularity, chunkBytes).fitsRecord) {
        throw ConfigError(F::Chunk, C::ChunkExceedsRecord, {.value = Q::bytes(chunkBytes)},
                          "one chunk would cover 2^32 sectors or more, which a BITS record cannot describe "
                          "(nr_sectors is 32-bit); use a smaller chunk or granularity");
    }
    if (!(bandwidth > 0) || !std::isfinite(bandwidth)) {
        throw ConfigError(F::Bandwidth, C::NotPositive, {.value = Q::bytesPerSecond(bandwidth)}, "must be above zero");
    }
    if (bandwidth < limits::kMinBandwidth || bandwidth > limits::kMaxBandwidth) {
        char got[64];
        std::snprintf(got, sizeof got, "%.6g", bandwidth);
        throw ConfigError(F::Bandwidth, C::OutOfRange,
                          {.value = Q::bytesPerSecond(bandwidth),
                           .min = Q::bytesPerSecond(limits::kMinBandwidth),
                           .max = Q::bytesPerSecond(limits::kMaxBandwidth)},
                          std::string("must be from 1 kbit/s to 10 Tbit/s (125 to 1.25e12 bytes per second), got ") +
                              got + " bytes per second");
    }
    notNegative(F::Latency, latencyNs);
    timeAtMostLimit(F::Latency, latencyNs);
    notNegative(F::MaxDowntime, maxDowntimeNs);
    timeAtMostLimit(F::MaxDowntime, maxDowntimeNs);
    if (completeOnlyBelow > limits::kMaxDiskBytes) {
        throw ConfigError(F::CompleteOnlyBelow, C::TooLarge,
                          {.value = Q::bytes(completeOnlyBelow), .max = Q::bytes(limits::kMaxDiskBytes)},
                          "must be at most 1 EiB (2^60 bytes), got " + std::to_string(completeOnlyBelow));
    }
    if (maxPasses > 100000) {
        throw ConfigError(F::MaxPasses, C::TooLarge, {.value = Q::count(maxPasses), .max = Q::count(100000)},
                          "must be at most 100000");
    }
    if (tickNs < 1000 || tickNs > 1'000'000'000) {
        throw ConfigError(F::Tick, C::OutOfRange,
                          {.value = Q::nanoseconds(tickNs), .min = Q::nanoseconds(1000),
                           .max = Q::nanoseconds(1'000'000'000)},
                          "must be between 1 us and 1 s");
    }
    if (migrationStartNs < -1) {
        throw ConfigError(F::MigrationStart, C::NotTimeOrUnset, {.value = Q::nanoseconds(migrationStartNs)},
                          "must be a time >= 0, or -1 for a manual start");
    }
    timeAtMostLimit(F::MigrationStart, migrationStartNs);
    if (timeLimitNs <= 0) {
        throw ConfigError(F::TimeLimit, C::NotPositive, {.value = Q::nanoseconds(timeLimitNs)}, "must be above zero");
    }
    timeAtMostLimit(F::TimeLimit, timeLimitNs);
    if (sampleIntervalNs < tickNs) {
        throw ConfigError(F::SampleInterval, C::BelowTick,
                          {.value = Q::nanoseconds(sampleIntervalNs), .min = Q::nanoseconds(tickNs)},
                          "must be at least one tick");
    }
    timeAtMostLimit(F::SampleInterval, sampleIntervalNs);
    auto nameLength = [](F field, const std::string& name) {
        if (name.empty() || name.size() > stream::kMaxNameLength) {
            throw ConfigError(field, C::NameLength,
                              {.value = Q::count(name.size()), .min = Q::count(1),
                               .max = Q::count(stream::kMaxNameLength)},
                              "name must be 1 to 255 bytes long");
        }
    };
    nameLength(F::Device, deviceName);
    nameLength(F::Bitmap, bitmapName);
    workload.validate(diskBytes);
    for (size_t i = 0; i < injections.size(); ++i) {
        const auto& inj = injections[i];
        notNegative(F::InjectionTime, inj.timeNs, i);
        timeAtMostLimit(F::InjectionTime, inj.timeNs, i);
        if (inj.length == 0) {
            throw ConfigError(F::InjectionLength, C::NotPositive, {.value = Q::bytes(0)}, "must be above zero", i);
        }
        if (inj.offset >= diskBytes || inj.length > diskBytes - inj.offset) {
            throw ConfigError(F::Injection, C::PastEndOfDisk,
                              {.max = Q::bytes(diskBytes), .offset = Q::bytes(inj.offset),
                               .length = Q::bytes(inj.length)},
                              "range [" + std::to_string(inj.offset) + ", +" + std::to_string(inj.length) +
                                  ") is past the end of the disk",
                              i);
        }
    }
    for (size_t i = 0; i < faultsNs.size(); ++i) {
        notNegative(F::Fault, faultsNs[i], i);
    }
    if (faultRetryNs < -1) {
        throw ConfigError(F::FaultRetry, C::NotTimeOrUnset, {.value = Q::nanoseconds(faultRetryNs)},
                          "must be a time >= 0, or -1 for no retry");
    }
}

} // namespace bitmig
