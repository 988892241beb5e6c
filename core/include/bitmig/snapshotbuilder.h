// Fills a SimSnapshot from a MigrationEngine: counts per heatmap cell, migration state, new samples.
// Plain C++, run on the simulation thread.
#pragma once

#include <bitmig/migrationengine.h>
#include <bitmig/simsnapshot.h>

namespace bitmig {

class SnapshotBuilder {
public:
    static constexpr int kOverviewCells = 1024;
    // Beyond this many bits in view the difference layer is estimated from per-cell counts.
    static constexpr uint64_t kExactDifferenceBits = uint64_t(1) << 24;

    // The density block size for a bitmap of `bits` bits: at most 2^18 blocks, so a full
    // zoom-out reads a bounded number of counters whatever the disk size.
    static unsigned densityLog2For(uint64_t bits) noexcept;

    // Set bits of `hb` in every cell of `geometry` (cells in bitmap bits).
    static void fillLayer(const HBitmap& hb, const HeatmapGeometry& geometry, HeatmapLayer& layer);
    // Dirty chunks overlapping every cell: `meta` has one bit per `chunkBits` bitmap bits.
    static void fillMetaLayer(const HBitmap& meta, uint64_t chunkBits, const HeatmapGeometry& geometry,
                              HeatmapLayer& layer);
    // Bits that differ between a and b per cell (with `missingOnly`: bits of a that b lacks); exact
    // when the view is small enough, otherwise |count(a) - count(b)| (with `missingOnly`:
    // count(a) - count(b) when positive), a lower bound. Returns whether it is exact.
    static bool fillDifferenceLayer(const HBitmap& a, const HBitmap& b, const HeatmapGeometry& geometry,
                                    const HeatmapLayer& countsA, const HeatmapLayer& countsB,
                                    HeatmapLayer& layer, bool missingOnly = false);
    // Set bits in [first, end) using the density index when there is one.
    static uint64_t countRange(const HBitmap& hb, uint64_t first, uint64_t end) noexcept;

    // The cells a view's request asks for over a bitmap of `bits` bits: its range, or the whole
    // bitmap when that range is empty; rows aligned to chunks of `alignChunkBits` bits
    // (HeatmapGeometry::chunkAlignedRows), 0 for the rows as asked.
    static HeatmapGeometry requestedGeometry(uint64_t bits, const HeatmapRequest& request, uint64_t alignChunkBits = 0);
    // A snapshot of one bitmap on its own, not of a run (a bitmap read from QEMU or a migration
    // file): `bits` in the source band and the overview, `meta` (one bit per `chunkBits` bits of
    // `bits`; null: no second band) in the meta band, over `geometry`; the configuration names the
    // disk and the granularity. The caller sets the serial, the run id and the phase.
    static std::shared_ptr<SimSnapshot> ofBitmap(const HBitmap& bits, const HBitmap* meta, uint64_t chunkBits,
                                                 uint64_t diskBytes, uint64_t granularity,
                                                 const HeatmapGeometry& geometry);

    // Everything but the samples, which the caller hands over (they accumulate between snapshots).
    static void fill(const MigrationEngine& engine, const HeatmapRequest& request, SimSnapshot& out);
};

} // namespace bitmig
