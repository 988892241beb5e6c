#include <bitmig/simconfig.h>

#include <bitmig/chunkgeometry.h>
#include <bitmig/dirtybitmap.h>
#include <bitmig/limits.h>
#include <bitmig/printable.h>
#include <bitmig/streamformat.h>

#include <bit>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace bitmig {

std::string_view strategyName(Strategy s) noexcept
{
    switch (s) {
    case Strategy::Precopy:
        return "precopy";
    case Strategy::Postcopy:
        return "postcopy";
    case Strategy::StopAndCopy:
        return "stop-copy";
    }
    return "unknown";
}

Strategy parseStrategy(std::string_view name)
{
    if (name == "precopy") {
        return Strategy::Precopy;
    }
    if (name == "postcopy") {
        return Strategy::Postcopy;
    }
    if (name == "stop-copy" || name == "stop-and-copy") {
        return Strategy::StopAndCopy;
    }
    throw std::invalid_argument("unknown strategy " + quoted(name) + " (use precopy, postcopy or stop-copy)");
}

void SimConfig::validateDisk(uint64_t diskBytes, uint64_t granularity)
{
    auto fail = [](const std::string& field, const std::string& why) {
        throw std::invalid_argument(field + ": " + why);
    };
    if (diskBytes == 0 || diskBytes % 512) {
        fail("disk", "must be a positive multiple of 512 bytes, got " + std::to_string(diskBytes));
    }
    if (diskBytes > limits::kMaxDiskBytes) {
        fail("disk", "must be at most 1 EiB (2^60 bytes), got " + std::to_string(diskBytes));
    }
    if (granularity < DirtyBitmap::kMinGranularity || !std::has_single_bit(granularity)) {
        fail("granularity", "must be a power of two of at least 512 bytes, got " + std::to_string(granularity));
    }
    if (granularity > (uint64_t(1) << 31)) {
        fail("granularity", "must be at most 2 GiB (a START record carries it in 32 bits)");
    }
    const uint64_t bits = diskBytes / granularity + (diskBytes % granularity != 0);
    if (bits > (uint64_t(1) << 41)) {
        fail("disk", "needs " + std::to_string(bits) + " bits at this granularity; at most 2^41 are allowed");
    }
}

void SimConfig::validate() const
{
    auto fail = [](const std::string& field, const std::string& why) {
        throw std::invalid_argument(field + ": " + why);
    };
    // Every time has the same ceiling (see bitmig/limits.h).
    auto timeAtMostLimit = [&fail](const std::string& field, int64_t ns) {
        if (ns > limits::kMaxTimeNs) {
            fail(field, "must be at most 365 days (31536000 s), got " + std::to_string(ns) + " ns");
        }
    };
    validateDisk(diskBytes, granularity);
    if (chunkBytes == 0 || chunkBytes > kMaxChunkBytes || !std::has_single_bit(chunkBytes)) {
        fail("chunk", "must be a power of two from 1 B to 1 MiB, got " + std::to_string(chunkBytes));
    }
    if (!ChunkGeometry::compute(diskBytes, granularity, chunkBytes).fitsRecord) {
        fail("chunk", "one chunk would cover 2^32 sectors or more, which a BITS record cannot describe "
                      "(nr_sectors is 32-bit); use a smaller chunk or granularity");
    }
    if (!(bandwidth > 0) || !std::isfinite(bandwidth)) {
        fail("bandwidth", "must be above zero");
    }
    if (bandwidth < limits::kMinBandwidth || bandwidth > limits::kMaxBandwidth) {
        char got[64];
        std::snprintf(got, sizeof got, "%.6g", bandwidth);
        fail("bandwidth", std::string("must be from 1 kbit/s to 10 Tbit/s (125 to 1.25e12 bytes per second), got ") +
                              got + " bytes per second");
    }
    if (latencyNs < 0) {
        fail("latency", "must not be negative");
    }
    timeAtMostLimit("latency", latencyNs);
    if (maxDowntimeNs < 0) {
        fail("maxDowntime", "must not be negative");
    }
    timeAtMostLimit("maxDowntime", maxDowntimeNs);
    if (completeOnlyBelow > limits::kMaxDiskBytes) {
        fail("completeOnlyBelow", "must be at most 1 EiB (2^60 bytes), got " + std::to_string(completeOnlyBelow));
    }
    if (maxPasses > 100000) {
        fail("maxPasses", "must be at most 100000");
    }
    if (tickNs < 1000 || tickNs > 1'000'000'000) {
        fail("tick", "must be between 1 us and 1 s");
    }
    if (migrationStartNs < -1) {
        fail("migrationStart", "must be a time >= 0, or -1 for a manual start");
    }
    timeAtMostLimit("migrationStart", migrationStartNs);
    if (timeLimitNs <= 0) {
        fail("timeLimit", "must be above zero");
    }
    timeAtMostLimit("timeLimit", timeLimitNs);
    if (sampleIntervalNs < tickNs) {
        fail("sampleInterval", "must be at least one tick");
    }
    timeAtMostLimit("sampleInterval", sampleIntervalNs);
    if (deviceName.empty() || deviceName.size() > stream::kMaxNameLength) {
        fail("device", "name must be 1 to 255 bytes long");
    }
    if (bitmapName.empty() || bitmapName.size() > stream::kMaxNameLength) {
        fail("bitmap", "name must be 1 to 255 bytes long");
    }
    workload.validate(diskBytes);
    for (size_t i = 0; i < injections.size(); ++i) {
        const auto& inj = injections[i];
        const std::string field = "injections[" + std::to_string(i) + "]";
        if (inj.timeNs < 0) {
            fail(field + ".time", "must not be negative");
        }
        timeAtMostLimit(field + ".time", inj.timeNs);
        if (inj.length == 0) {
            fail(field + ".length", "must be above zero");
        }
        if (inj.offset >= diskBytes || inj.length > diskBytes - inj.offset) {
            fail(field, "range [" + std::to_string(inj.offset) + ", +" + std::to_string(inj.length) +
                            ") is past the end of the disk");
        }
    }
    for (size_t i = 0; i < faultsNs.size(); ++i) {
        if (faultsNs[i] < 0) {
            fail("faults[" + std::to_string(i) + "]", "must not be negative");
        }
    }
    if (faultRetryNs < -1) {
        fail("faultRetry", "must be a time >= 0, or -1 for no retry");
    }
}

} // namespace bitmig
