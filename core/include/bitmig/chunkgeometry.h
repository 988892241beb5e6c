// What one chunk size means for a given disk and granularity: the figures of the seed's table.
#pragma once

#include <cstdint>
#include <vector>

namespace bitmig {

// A chunk is `chunkBytes` bytes of serialized bitmap; one meta bit stands for one chunk.
struct ChunkGeometry {
    uint64_t diskBytes = 0;
    uint64_t granularity = 0;       // disk bytes per bitmap bit
    uint64_t chunkBytes = 0;        // bytes of bitmap per chunk (power of two, 1 B .. 1 MiB)

    uint64_t bitmapBits = 0;        // ceil(disk / granularity)
    uint64_t bitmapBytes = 0;       // ceil(bits / 8)
    uint64_t coverage = 0;          // disk bytes per meta bit = chunkBytes * 8 * granularity
    uint64_t metaBits = 0;          // ceil(disk / coverage) = chunks on this disk
    uint64_t headerBytes = 0;       // header of a BITS record after the first (no names): 21
    uint64_t bufBytes = 0;          // buffer of a full chunk: ALIGN_UP(max(chunk, 8), 32)
    uint64_t paddingBytes = 0;      // bufBytes - chunkBytes: sent, but not bitmap
    double overhead = 0;            // (header + padding) / (header + buf) for a full data chunk
    bool fitsRecord = true;         // false when one chunk covers >= 2^32 sectors (nr_sectors is u32)

    // What a QEMU destination (7.2, its loader as docs/qemu-limits.md describes it) does with a
    // stream of these chunks: loads it, aborts (chunks below one 64-bit word of bitmap: it
    // deserializes whole words), or fails the migration (a BITS buffer above its 10 KiB cap: EIO,
    // "buffer allocation request is too large").
    enum class QemuLoad { Loads, Aborts, Fails };
    uint64_t largestBufBytes = 0;   // the largest BITS buffer of the stream (a lone short chunk
                                    // when one chunk covers the whole bitmap)
    QemuLoad qemuLoad = QemuLoad::Loads;

    // std::invalid_argument if granularity is not a power of two >= 512 or chunkBytes is not a
    // power of two in 1 .. 1 MiB.
    static ChunkGeometry compute(uint64_t diskBytes, uint64_t granularity, uint64_t chunkBytes);

    // The chunk sizes of the seed's table, largest first: 1 MiB, 128 KiB, 32 KiB, 2 KiB, 1 KiB,
    // 512 B, 256 B, 32 B, 2 B.
    static const std::vector<uint64_t>& seedChunkSizes();
    // Every power of two from 1 B to 1 MiB, smallest first.
    static std::vector<uint64_t> allChunkSizes();
};

inline constexpr uint64_t kMaxChunkBytes = uint64_t(1) << 20;
// The largest BITS buffer a QEMU destination accepts: 10 x its own 1 KiB chunk.
inline constexpr uint64_t kQemuMaxBufBytes = 10 * 1024;
// The smallest chunk a QEMU destination deserializes: one 64-bit word of bitmap.
inline constexpr uint64_t kQemuMinChunkBytes = 8;

} // namespace bitmig
