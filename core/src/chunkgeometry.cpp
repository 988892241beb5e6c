#include <bitmig/chunkgeometry.h>

#include <bitmig/streamencoder.h>
#include <bitmig/streamformat.h>

#include <algorithm>
#include <bit>
#include <stdexcept>
#include <string>

namespace bitmig {

ChunkGeometry ChunkGeometry::compute(uint64_t diskBytes, uint64_t granularity, uint64_t chunkBytes)
{
    if (granularity < 512 || !std::has_single_bit(granularity)) {
        throw std::invalid_argument("granularity " + std::to_string(granularity) +
                                    " is not a power of two of at least 512 bytes");
    }
    if (chunkBytes == 0 || chunkBytes > kMaxChunkBytes || !std::has_single_bit(chunkBytes)) {
        throw std::invalid_argument("chunk size " + std::to_string(chunkBytes) +
                                    " is not a power of two from 1 B to 1 MiB");
    }
    ChunkGeometry g;
    g.diskBytes = diskBytes;
    g.granularity = granularity;
    g.chunkBytes = chunkBytes;
    g.bitmapBits = diskBytes / granularity + (diskBytes % granularity != 0);
    g.bitmapBytes = (g.bitmapBits + 7) / 8;
    // chunk <= 2^20 and granularity < 2^64 / 2^23 keep this product in range for every real disk;
    // a granularity above 2^40 is refused here rather than overflowing.
    if (granularity > (uint64_t(1) << 40)) {
        throw std::invalid_argument("granularity " + std::to_string(granularity) + " is above 1 TiB");
    }
    g.coverage = chunkBytes * 8 * granularity;
    g.metaBits = diskBytes / g.coverage + (diskBytes % g.coverage != 0);
    g.headerBytes = StreamEncoder::bitsHeaderSize(false, false, 0, 0, false);
    g.bufBytes = stream::bufSize(chunkBytes < 8 ? 8 : chunkBytes);
    g.paddingBytes = g.bufBytes - chunkBytes;
    g.overhead = double(g.headerBytes + g.paddingBytes) / double(g.headerBytes + g.bufBytes);
    g.fitsRecord = g.coverage / stream::kSectorSize <= UINT32_MAX;
    // One chunk for the whole bitmap: its buffer holds the bitmap's words, not a full chunk.
    const uint64_t bitmapWordBytes = (g.bitmapBits + 63) / 64 * 8;
    g.largestBufBytes = g.metaBits > 1 ? g.bufBytes : stream::bufSize(std::max<uint64_t>(bitmapWordBytes, 8));
    // A chunk that is the whole bitmap is aligned at both ends, whatever its size.
    if (chunkBytes < kQemuMinChunkBytes && g.metaBits > 1) {
        g.qemuLoad = QemuLoad::Aborts;
    } else if (g.largestBufBytes > kQemuMaxBufBytes) {
        g.qemuLoad = QemuLoad::Fails;
    }
    return g;
}

const std::vector<uint64_t>& ChunkGeometry::seedChunkSizes()
{
    static const std::vector<uint64_t> sizes = {uint64_t(1) << 20, uint64_t(1) << 17, uint64_t(1) << 15,
                                                uint64_t(1) << 11, uint64_t(1) << 10, uint64_t(1) << 9,
                                                uint64_t(1) << 8,  uint64_t(1) << 5,  uint64_t(1) << 1};
    return sizes;
}

std::vector<uint64_t> ChunkGeometry::allChunkSizes()
{
    std::vector<uint64_t> sizes;
    for (uint64_t c = 1; c <= kMaxChunkBytes; c <<= 1) {
        sizes.push_back(c);
    }
    return sizes;
}

} // namespace bitmig
