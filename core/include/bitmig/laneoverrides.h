// A comparison of runs: lanes that share the disk, the workload, the seed, the injections and the
// clock, each with its own values of the parameters that decide how the bitmap travels (chunk size,
// granularity, strategy, link, limits). A lane is the shared configuration with its overrides.
#pragma once

#include <bitmig/simconfig.h>

#include <cstdint>
#include <optional>

namespace bitmig {

struct LaneOverrides {
    std::optional<uint64_t> granularity;
    std::optional<uint64_t> chunkBytes;
    std::optional<Strategy> strategy;
    std::optional<double> bandwidth;
    std::optional<int64_t> latencyNs;
    std::optional<int64_t> maxDowntimeNs;
    std::optional<unsigned> maxPasses;
    std::optional<uint64_t> completeOnlyBelow;

    bool empty() const noexcept { return *this == LaneOverrides{}; }

    // The lane's configuration: `shared` with every override set here.
    SimConfig applyTo(SimConfig shared) const
    {
        if (granularity) {
            shared.granularity = *granularity;
        }
        if (chunkBytes) {
            shared.chunkBytes = *chunkBytes;
        }
        if (strategy) {
            shared.strategy = *strategy;
        }
        if (bandwidth) {
            shared.bandwidth = *bandwidth;
        }
        if (latencyNs) {
            shared.latencyNs = *latencyNs;
        }
        if (maxDowntimeNs) {
            shared.maxDowntimeNs = *maxDowntimeNs;
        }
        if (maxPasses) {
            shared.maxPasses = *maxPasses;
        }
        if (completeOnlyBelow) {
            shared.completeOnlyBelow = *completeOnlyBelow;
        }
        return shared;
    }

    // The overrides that turn `shared` into `lane`: the lane's own values where they differ. The
    // values every lane shares (disk, workload, seed, clock) are not among them.
    static LaneOverrides between(const SimConfig& shared, const SimConfig& lane)
    {
        LaneOverrides o;
        if (lane.granularity != shared.granularity) {
            o.granularity = lane.granularity;
        }
        if (lane.chunkBytes != shared.chunkBytes) {
            o.chunkBytes = lane.chunkBytes;
        }
        if (lane.strategy != shared.strategy) {
            o.strategy = lane.strategy;
        }
        if (lane.bandwidth != shared.bandwidth) {
            o.bandwidth = lane.bandwidth;
        }
        if (lane.latencyNs != shared.latencyNs) {
            o.latencyNs = lane.latencyNs;
        }
        if (lane.maxDowntimeNs != shared.maxDowntimeNs) {
            o.maxDowntimeNs = lane.maxDowntimeNs;
        }
        if (lane.maxPasses != shared.maxPasses) {
            o.maxPasses = lane.maxPasses;
        }
        if (lane.completeOnlyBelow != shared.completeOnlyBelow) {
            o.completeOnlyBelow = lane.completeOnlyBelow;
        }
        return o;
    }

    // `lane` with the shared values of `shared` (disk, layout, workload, seed, injections, clock and
    // faults) and its own values of the overridable parameters.
    static SimConfig withShared(const SimConfig& shared, const SimConfig& lane)
    {
        return between(shared, lane).applyTo(shared);
    }

    friend bool operator==(const LaneOverrides&, const LaneOverrides&) = default;
};

} // namespace bitmig
