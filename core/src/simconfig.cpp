#include <bitmig/simconfig.h>

#include <bitmig/chunkgeometry.h>
#include <bitmig/configerror.h>
#include <bitmig/dirtybitmap.h>
#include <bitmig/enumnames.h>
#include <bitmig/limits.h>
#include <bitmig/printable.h>
#include <bitmig/streamformat.h>

#include <algorithm>
#include <bit>
#include <set>
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

void SimConfig::setLayout(std::vector<DiskSpec> diskList, std::vector<BitmapSpec> bitmapList)
{
    std::stable_sort(bitmapList.begin(), bitmapList.end(),
                     [](const BitmapSpec& a, const BitmapSpec& b) { return a.disk < b.disk; });
    disks = std::move(diskList);
    bitmaps = std::move(bitmapList);
    if (!bitmaps.empty() && bitmaps.front().disk < disks.size()) {
        const BitmapSpec& first = bitmaps.front();
        diskBytes = disks[first.disk].bytes;
        deviceName = disks[first.disk].node;
        granularity = first.granularity;
        bitmapName = first.name;
    }
}

std::vector<DiskSpec> SimConfig::diskList() const
{
    if (hasLayout()) {
        return disks;
    }
    return {DiskSpec{deviceName, diskBytes}};
}

std::vector<BitmapSpec> SimConfig::bitmapList() const
{
    if (hasLayout()) {
        return bitmaps;
    }
    return {BitmapSpec{0, bitmapName, granularity, true, false}};
}

uint64_t SimConfig::guestBytes() const noexcept
{
    if (!hasLayout()) {
        return diskBytes;
    }
    uint64_t total = 0;
    for (const DiskSpec& d : disks) {
        total = d.bytes > limits::kMaxDiskBytes - std::min(total, limits::kMaxDiskBytes) ? limits::kMaxDiskBytes + 1
                                                                                          : total + d.bytes;
    }
    return total;
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
    // A layout's disks and bitmaps first: the one-bitmap fields only mirror its first bitmap.
    if (hasLayout()) {
        validateLayout();
    } else if (!disks.empty()) {
        throw ConfigError(F::LayoutBitmapDisk, C::NotPositive, {.value = Q::count(0)},
                          "a layout needs at least one bitmap", 0);
    }
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
                          "must be between 1 \xc2\xb5s and 1 s");
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
    const uint64_t guest = guestBytes();
    workload.validate(guest);
    for (size_t i = 0; i < injections.size(); ++i) {
        const auto& inj = injections[i];
        notNegative(F::InjectionTime, inj.timeNs, i);
        timeAtMostLimit(F::InjectionTime, inj.timeNs, i);
        if (inj.length == 0) {
            throw ConfigError(F::InjectionLength, C::NotPositive, {.value = Q::bytes(0)}, "must be above zero", i);
        }
        if (inj.offset >= guest || inj.length > guest - inj.offset) {
            throw ConfigError(F::Injection, C::PastEndOfDisk,
                              {.max = Q::bytes(guest), .offset = Q::bytes(inj.offset),
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

void SimConfig::validateLayout() const
{
    using F = ConfigField;
    using C = ConfigErrorCode;
    using Q = ConfigQuantity;
    auto nameLength = [](F field, const std::string& name, size_t i) {
        if (name.empty() || name.size() > stream::kMaxNameLength) {
            throw ConfigError(field, C::NameLength,
                              {.value = Q::count(name.size()), .min = Q::count(1),
                               .max = Q::count(stream::kMaxNameLength)},
                              "name must be 1 to 255 bytes long", i);
        }
    };
    if (disks.empty()) {
        throw ConfigError(F::LayoutDiskSize, C::NotPositive, {.value = Q::count(0)}, "a layout needs at least one disk",
                          0);
    }
    std::set<std::string_view> nodes;
    uint64_t total = 0;
    for (size_t i = 0; i < disks.size(); ++i) {
        const DiskSpec& d = disks[i];
        nameLength(F::LayoutDiskNode, d.node, i);
        if (!nodes.insert(d.node).second) {
            throw ConfigError(F::LayoutDiskNode, C::DuplicateName, {.text = d.node},
                              "node " + quoted(d.node) + " is named twice", i);
        }
        try {
            validateDisk(d.bytes, uint64_t(1) << 31);  // the size alone: the largest granularity needs the fewest bits
        } catch (const ConfigError& e) {
            throw ConfigError(F::LayoutDiskSize, e.code(), e.arguments(), e.reason(), i);
        }
        total += d.bytes;  // at most 2^60 each: no overflow below 2^63 disks' worth
        if (total > limits::kMaxDiskBytes) {
            throw ConfigError(F::LayoutDiskSize, C::TooLarge,
                              {.value = Q::bytes(total), .max = Q::bytes(limits::kMaxDiskBytes)},
                              "the disks together must be at most 1 EiB (2^60 bytes)", i);
        }
    }
    std::set<std::pair<size_t, std::string_view>> names;
    for (size_t i = 0; i < bitmaps.size(); ++i) {
        const BitmapSpec& b = bitmaps[i];
        if (b.disk >= disks.size()) {
            throw ConfigError(F::LayoutBitmapDisk, C::OutOfRange,
                              {.value = Q::count(b.disk), .min = Q::count(0), .max = Q::count(disks.size() - 1)},
                              "disk " + std::to_string(b.disk) + " does not exist", i);
        }
        if (i > 0 && b.disk < bitmaps[i - 1].disk) {
            throw ConfigError(F::LayoutBitmapDisk, C::OutOfRange,
                              {.value = Q::count(b.disk), .min = Q::count(bitmaps[i - 1].disk),
                               .max = Q::count(disks.size() - 1)},
                              "bitmaps must be listed disk by disk (setLayout() orders them)", i);
        }
        nameLength(F::LayoutBitmapName, b.name, i);
        if (!names.insert({b.disk, b.name}).second) {
            throw ConfigError(F::LayoutBitmapName, C::DuplicateName, {.text = b.name},
                              "bitmap " + quoted(b.name) + " is named twice on node " + quoted(disks[b.disk].node), i);
        }
        try {
            validateDisk(disks[b.disk].bytes, b.granularity);
        } catch (const ConfigError& e) {
            throw ConfigError(e.field() == F::Granularity ? F::LayoutBitmapGranularity : F::LayoutDiskSize, e.code(),
                              e.arguments(), e.reason(), e.field() == F::Granularity ? i : b.disk);
        }
        const uint64_t diskBytes = disks[b.disk].bytes;
        for (size_t j = 0; j < b.startBits.size(); ++j) {
            const Range& r = b.startBits[j];
            if (r.count == 0) {
                throw ConfigError(F::LayoutBitmapStartBits, C::NotPositive, {.value = Q::bytes(0)},
                                  "extent " + std::to_string(j) + " has length 0; it must be above zero", i);
            }
            if (r.start >= diskBytes || r.count > diskBytes - r.start) {
                throw ConfigError(F::LayoutBitmapStartBits, C::PastEndOfDisk,
                                  {.max = Q::bytes(diskBytes), .offset = Q::bytes(r.start), .length = Q::bytes(r.count)},
                                  "extent " + std::to_string(j) + " [" + std::to_string(r.start) + ", +" +
                                      std::to_string(r.count) + ") is past the end of disk " + quoted(disks[b.disk].node) +
                                      " (" + std::to_string(diskBytes) + " bytes)",
                                  i);
            }
        }
        // (A chunk size of its own problems is refused at the chunk, after the layout.)
        const bool chunkValid = chunkBytes != 0 && chunkBytes <= kMaxChunkBytes && std::has_single_bit(chunkBytes);
        if (chunkValid && !ChunkGeometry::compute(disks[b.disk].bytes, b.granularity, chunkBytes).fitsRecord) {
            throw ConfigError(F::Chunk, C::ChunkExceedsRecord, {.value = Q::bytes(chunkBytes)},
                              "one chunk of bitmap " + quoted(b.name) +
                                  " would cover 2^32 sectors or more, which a BITS record cannot describe "
                                  "(nr_sectors is 32-bit); use a smaller chunk or granularity");
        }
    }
    const BitmapSpec& first = bitmaps.front();
    if (diskBytes != disks[first.disk].bytes || deviceName != disks[first.disk].node ||
        granularity != first.granularity || bitmapName != first.name) {
        throw std::invalid_argument("disk, device, granularity and bitmap must be those of the layout's first bitmap "
                                    "(SimConfig::setLayout() sets them)");
    }
}

} // namespace bitmig
