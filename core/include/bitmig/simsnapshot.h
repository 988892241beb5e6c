// What the views draw: a copy of the simulation's state, made on the simulation thread at display
// rate. Views never touch the engine; they paint the latest snapshot.
#pragma once

#include <bitmig/heatmapgeometry.h>
#include <bitmig/migrationsummary.h>
#include <bitmig/simconfig.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace bitmig {

// The part of the disk a heatmap shows, and the raster it asks for.
struct HeatmapRequest {
    uint64_t firstBit = 0;
    uint64_t endBit = 0;  // 0: the whole bitmap
    int columns = 256;
    int rows = 32;
    size_t bitmap = 0;    // which bitmap (SimConfig::bitmapList() index); past the last: the last
    // Whether a run's snapshot shifts `rows` to fit its chunks (HeatmapGeometry::chunkAlignedRows);
    // false: the rows as asked, for views of several runs that line their rows up on one axis.
    bool alignRowsToChunks = true;
    friend bool operator==(const HeatmapRequest&, const HeatmapRequest&) = default;
};

// Per cell: how many of its bits are set. The bits a cell holds come from the geometry (for the
// meta layer, `total` counts the chunks the cell overlaps).
struct HeatmapLayer {
    std::vector<uint64_t> set;
    std::vector<uint64_t> total;
    bool empty() const noexcept { return set.empty(); }
    double density(int cell) const noexcept
    {
        const auto i = size_t(cell);
        return i < set.size() && total[i] ? double(set[i]) / double(total[i]) : 0.0;
    }
};

// A default configuration, one object for the whole program: what a snapshot made without a run
// points to.
inline const std::shared_ptr<const SimConfig>& defaultSnapshotConfig()
{
    static const auto config = std::make_shared<const SimConfig>();
    return config;
}

struct SimSnapshot {
    uint64_t serial = 0;            // increases with every snapshot; none is ever skipped
    // The parameters of this run: the engine's own, one object shared by every snapshot of the run
    // and never copied per frame (an imported image's injections make it megabytes). Never null.
    std::shared_ptr<const SimConfig> config = defaultSnapshotConfig();
    std::optional<WorkloadSpec> liveWorkload;  // the workload now (it may have changed since the start)
    HeatmapGeometry geometry;       // cells of the layers below
    HeatmapLayer source;            // dirty bits of the source bitmap
    HeatmapLayer meta;              // dirty chunks (meta bits); empty when no meta bitmap exists
    HeatmapLayer destination;       // bits of the destination bitmap; empty before START arrives
    HeatmapLayer difference;        // bits that differ between destination and source
    bool differenceExact = true;    // false: a lower bound (|source - destination| per cell)
    // The guest runs at the destination (postcopy after switch-over, any strategy once done): its
    // new writes set bits there that the frozen source never sees, so `difference` counts only the
    // source bits the destination still lacks.
    bool differenceMissingOnly = false;
    HeatmapLayer overview;          // source density over the whole disk (overviewCells cells)
    HeatmapGeometry overviewGeometry;
    // The bitmap the layers, the chunk figures and the dirty counts show, and its disk; with one
    // bitmap, the configuration's disk and granularity.
    size_t bitmap = 0;
    uint64_t bitmapDiskBytes = 0;
    uint64_t bitmapGranularity = 0;
    uint64_t bitmapDiskStart = 0;   // where its disk starts in the guest's space (disks end to end)
    std::vector<std::string> bitmapLabels;  // "node/name" of every bitmap, in order

    Phase phase = Phase::Idle;
    unsigned pass = 0;
    int64_t nowNs = 0;
    bool playing = false;
    uint64_t playCommand = 0;       // the front end's last Play or Pause taken when it was built
    double speed = 1;               // requested simulated seconds per wall second
    double achievedSpeed = 0;       // what the last frames achieved
    bool guestPaused = false;
    bool guestAtDestination = false;
    uint64_t chunkCount = 0;
    uint64_t chunkBits = 0;         // bitmap bits per chunk
    uint64_t cursorChunk = 0;       // next chunk the sender looks at
    std::vector<uint64_t> sentChunks;  // chunks sent since the previous snapshot (capped)
    uint64_t pendingBytes = 0;
    uint64_t thresholdBytes = 0;
    uint64_t dirtyBits = 0;
    uint64_t dirtyChunks = 0;
    uint64_t bytesInFlight = 0;
    double recentWireRate = 0;      // wire bytes per second over the last simulated second
    double recentRedirtyRate = 0;   // bytes of chunks re-dirtied per second over the last second
    double recentWriteRate = 0;     // guest writes per second over the last second
    bool canStart = true;
    bool finished = false;
    bool timeLimitReached = false;  // stopped at config.timeLimitNs before the migration was done
    // The run's verification digests are being computed, a slice at a time between frames (see
    // MigrationEngine::setDeferredDigests): the run waits in its complete phase meanwhile.
    bool verifying = false;

    uint64_t runId = 0;                // changes when the simulation is reset: views start over
    std::vector<TimeSample> newSamples;  // samples since the previous snapshot of the same run
    std::vector<PhaseSpan> phases;
    MigrationSummary summary;
};

using SimSnapshotPtr = std::shared_ptr<const SimSnapshot>;

} // namespace bitmig
