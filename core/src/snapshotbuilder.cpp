#include <bitmig/snapshotbuilder.h>

#include <algorithm>
#include <bit>

namespace bitmig {

unsigned SnapshotBuilder::densityLog2For(uint64_t bits) noexcept
{
    const unsigned log2Bits = bits > 1 ? unsigned(std::bit_width(bits - 1)) : 0;
    return std::max(6u, log2Bits > 18 ? log2Bits - 18 : 0u);
}

namespace {

// The set bits of a density block below a position: [block << shift, at).
struct BlockPart {
    uint64_t block = ~uint64_t(0);
    uint64_t at = 0;
    uint64_t count = 0;
};

// SnapshotBuilder::countRange() over a bitmap with a density index (first < end), for cells one
// after the other: `part` holds what the cell before counted of its last block (when it ended at
// `first`), so that this cell's first block costs a subtraction instead of reading its words, and
// is left holding this cell's last block's part. A `part` of no block gives countRange()'s count,
// which reads both edges.
uint64_t countRangeAfter(const HBitmap& hb, uint64_t first, uint64_t end, BlockPart& part) noexcept
{
    const unsigned shift = hb.densityBlockLog2();
    const auto blocks = hb.densityBlocks();
    const uint64_t fb = first >> shift, lb = (end - 1) >> shift;
    if (fb == lb || lb - fb < 2) {
        part = {};
        return hb.countBits(first, end - first);
    }
    // Partial first block, whole blocks between, partial last block. A part of a block is counted
    // from the words, or, when it is the larger part, as the block's count less the other part's:
    // at most half a block of words is read at each end.
    const uint64_t block = uint64_t(1) << shift;
    const uint64_t head = first - (fb << shift);  // bits of the first block before the range
    uint64_t n = 0;
    if (part.block == fb && part.at == first) {
        n = blocks[fb] - part.count;
    } else {
        n = head <= block / 2 ? blocks[fb] - hb.countBits(fb << shift, head) : hb.countBits(first, block - head);
    }
    for (uint64_t b = fb + 1; b < lb; ++b) {
        n += blocks[b];
    }
    const uint64_t tail = end - (lb << shift);  // bits of the last block inside the range
    const uint64_t inside = tail <= block / 2 ? hb.countBits(lb << shift, tail) : blocks[lb] - hb.countBits(end, block - tail);
    part = BlockPart{lb, end, inside};
    return n + inside;
}

} // namespace

uint64_t SnapshotBuilder::countRange(const HBitmap& hb, uint64_t first, uint64_t end) noexcept
{
    if (end <= first) {
        return 0;
    }
    if (!hb.hasDensityIndex()) {
        return hb.countBits(first, end - first);
    }
    BlockPart none;
    return countRangeAfter(hb, first, end, none);
}

void SnapshotBuilder::fillLayer(const HBitmap& hb, const HeatmapGeometry& geometry, HeatmapLayer& layer)
{
    const int cells = geometry.cells();
    layer.set.resize(size_t(cells));
    layer.total.resize(size_t(cells));
    BlockPart part;
    for (int i = 0; i < cells; ++i) {
        const uint64_t a = geometry.cellFirstBit(i), b = geometry.cellEndBit(i);
        layer.total[size_t(i)] = b - a;
        if (b <= a || !hb.anyBits(a, b - a)) {
            layer.set[size_t(i)] = 0;
            part = {};
        } else {
            layer.set[size_t(i)] = hb.hasDensityIndex() ? countRangeAfter(hb, a, b, part) : hb.countBits(a, b - a);
        }
    }
}

void SnapshotBuilder::fillMetaLayer(const HBitmap& meta, uint64_t chunkBits, const HeatmapGeometry& geometry,
                                    HeatmapLayer& layer)
{
    const int cells = geometry.cells();
    layer.set.resize(size_t(cells));
    layer.total.resize(size_t(cells));
    for (int i = 0; i < cells; ++i) {
        const uint64_t a = geometry.cellFirstBit(i) / chunkBits;
        const uint64_t b = (geometry.cellEndBit(i) - 1) / chunkBits + 1;
        layer.total[size_t(i)] = b - a;
        layer.set[size_t(i)] = meta.anyBits(a, b - a) ? countRange(meta, a, b) : 0;
    }
}

bool SnapshotBuilder::fillDifferenceLayer(const HBitmap& a, const HBitmap& b, const HeatmapGeometry& geometry,
                                          const HeatmapLayer& countsA, const HeatmapLayer& countsB,
                                          HeatmapLayer& layer, bool missingOnly)
{
    const int cells = geometry.cells();
    layer.set.assign(size_t(cells), 0);
    layer.total = countsA.total;
    if (geometry.spanBits() > kExactDifferenceBits || a.bitCount() != b.bitCount()) {
        for (int i = 0; i < cells; ++i) {
            const uint64_t x = countsA.set[size_t(i)], y = countsB.set[size_t(i)];
            layer.set[size_t(i)] = x > y ? x - y : missingOnly ? 0 : y - x;
        }
        return false;
    }
    const auto wa = a.words();
    const auto wb = b.words();
    for (int i = 0; i < cells; ++i) {
        const uint64_t first = geometry.cellFirstBit(i), end = geometry.cellEndBit(i);
        uint64_t n = 0;
        for (uint64_t bit = first; bit < end;) {
            const uint64_t w = bit >> 6;
            const unsigned lo = unsigned(bit & 63);
            const uint64_t stop = std::min(end, (w + 1) << 6);
            const unsigned hi = unsigned((stop - 1) & 63);
            const uint64_t mask = (~uint64_t(0) << lo) & (~uint64_t(0) >> (63 - hi));
            n += std::popcount((missingOnly ? wa[w] & ~wb[w] : wa[w] ^ wb[w]) & mask);
            bit = stop;
        }
        layer.set[size_t(i)] = n;
    }
    return true;
}

HeatmapGeometry SnapshotBuilder::requestedGeometry(uint64_t bits, const HeatmapRequest& request, uint64_t alignChunkBits)
{
    uint64_t end = request.endBit == 0 ? bits : std::min(request.endBit, bits);
    uint64_t first = std::min(request.firstBit, end);
    if (first >= end) {
        first = 0;
        end = bits;
    }
    const int columns = std::max(request.columns, 1);
    const int rows = HeatmapGeometry::chunkAlignedRows(first, end, columns, std::max(request.rows, 1), alignChunkBits);
    return HeatmapGeometry(bits, first, end, columns, rows);
}

std::shared_ptr<SimSnapshot> SnapshotBuilder::ofBitmap(const HBitmap& bits, const HBitmap* meta, uint64_t chunkBits,
                                                       uint64_t diskBytes, uint64_t granularity,
                                                       const HeatmapGeometry& geometry)
{
    auto s = std::make_shared<SimSnapshot>();
    auto config = std::make_shared<SimConfig>();
    config->diskBytes = diskBytes;
    config->granularity = granularity;
    config->strategy = Strategy::Precopy;  // the meta band shows the chunks
    s->config = std::move(config);
    const uint64_t count = bits.bitCount();
    s->geometry = geometry;
    fillLayer(bits, s->geometry, s->source);
    if (meta) {
        fillMetaLayer(*meta, chunkBits, s->geometry, s->meta);
        s->chunkCount = meta->bitCount();
        s->dirtyChunks = meta->count() >> meta->granularityLog2();
    }
    s->chunkBits = chunkBits;
    s->overviewGeometry = HeatmapGeometry(count, 0, count, kOverviewCells, 1);
    fillLayer(bits, s->overviewGeometry, s->overview);
    s->dirtyBits = bits.count() >> bits.granularityLog2();
    return s;
}

void SnapshotBuilder::fill(const MigrationEngine& engine, const HeatmapRequest& request, SimSnapshot& out)
{
    const size_t shown = std::min(request.bitmap, engine.bitmapCount() - 1);
    const engine::Track& track = engine.track(shown);
    const HBitmap& src = engine.source(shown).bits();
    const uint64_t bits = src.bitCount();
    out.bitmap = shown;
    out.bitmapDiskBytes = track.diskBytes;
    out.bitmapGranularity = track.granularity;
    out.bitmapDiskStart = 0;
    const std::vector<DiskSpec> disks = engine.config().diskList();
    for (size_t d = 0; d < disks.size() && disks[d].node != track.device; ++d) {
        out.bitmapDiskStart += disks[d].bytes;
    }
    out.bitmapLabels.clear();
    for (size_t i = 0; i < engine.bitmapCount(); ++i) {
        out.bitmapLabels.push_back(engine.track(i).device + "/" + engine.track(i).bitmap);
    }
    const uint64_t end = request.endBit == 0 ? bits : std::min(request.endBit, bits);
    out.config = engine.sharedConfig();  // shared, not copied
    out.liveWorkload = engine.workload();
    const uint64_t first = std::min(request.firstBit, end);
    const int rows = HeatmapGeometry::chunkAlignedRows(first, end, request.columns, request.rows,
                                                       request.alignRowsToChunks ? engine.chunkBits() : 0);
    out.geometry = HeatmapGeometry(bits, first, end, request.columns, rows);
    fillLayer(src, out.geometry, out.source);
    if (const HBitmap* meta = engine.source(shown).meta()) {
        fillMetaLayer(*meta, engine.chunkBits(), out.geometry, out.meta);
    } else {
        out.meta = {};
    }
    if (const DirtyBitmap* dest = engine.destination(shown)) {
        fillLayer(dest->bits(), out.geometry, out.destination);
        out.differenceMissingOnly = engine.guestAtDestination();
        out.differenceExact = fillDifferenceLayer(src, dest->bits(), out.geometry, out.source, out.destination,
                                                  out.difference, out.differenceMissingOnly);
    } else {
        out.destination = {};
        out.difference = {};
        out.differenceExact = true;
        out.differenceMissingOnly = false;
    }
    out.overviewGeometry = HeatmapGeometry(bits, 0, bits, kOverviewCells, 1);
    fillLayer(src, out.overviewGeometry, out.overview);

    out.phase = engine.phase();
    out.pass = engine.pass();
    out.nowNs = engine.nowNs();
    out.guestPaused = engine.guestPaused();
    out.guestAtDestination = engine.guestAtDestination();
    out.chunkCount = track.chunks;
    out.chunkBits = engine.chunkBits();
    // The sender's cursor counts every bitmap's chunks in turn: this bitmap's part of it, or past
    // its end (no cursor shown) while the sender is on another bitmap.
    const uint64_t cursor = engine.cursorChunk();
    out.cursorChunk = cursor >= track.firstChunk && cursor < track.firstChunk + track.chunks
                          ? cursor - track.firstChunk
                          : track.chunks;
    out.pendingBytes = engine.pendingBytes();
    out.thresholdBytes = engine.downtimeBudgetBytes();
    out.dirtyBits = engine.source(shown).dirtyBits();
    const HBitmap* meta = engine.source(shown).meta();
    out.dirtyChunks = meta ? meta->count() >> meta->granularityLog2() : 0;
    out.bytesInFlight = engine.bytesInFlight();
    out.canStart = engine.canStartMigration();
    out.verifying = engine.digestsPending();
    out.finished = engine.finished();
    out.timeLimitReached = engine.finished() && engine.phase() != Phase::Done;
    out.phases = engine.phases();
    out.summary = engine.summary();
}

} // namespace bitmig
