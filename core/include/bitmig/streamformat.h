// Constants and arithmetic of QEMU's dirty-bitmap migration stream (migration/block-dirty-bitmap.c):
// flags, limits, section framing and chunk sizing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string_view>
#include <vector>

namespace bitmig {

// savevm section types that carry the dirty-bitmap device (QEMU_VM_SECTION_*).
enum class SectionType : uint8_t {
    Start = 0x01, // carries idstr, instance id and version
    Part = 0x02,
    End = 0x03,
};

namespace stream {

// Bytes of serialized bitmap per data chunk in QEMU (CHUNK_SIZE).
inline constexpr uint64_t kChunkSize = 1024;
// QEMU's receiver fails the migration with -EIO on a larger buf_size.
inline constexpr uint64_t kMaxBufSize = 10 * kChunkSize;
inline constexpr uint64_t kSectorSize = 512;
// buf_size is rounded up to 4 * sizeof(long) on the sender.
inline constexpr uint64_t kBufAlign = 32;
// Names are sent as a u8 length plus bytes; the receiver's buffers hold 255 + NUL.
inline constexpr size_t kMaxNameLength = 255;

// Record flags (one byte on the wire).
inline constexpr uint8_t kFlagEos = 0x01;
inline constexpr uint8_t kFlagZeroes = 0x02;
inline constexpr uint8_t kFlagBitmapName = 0x04;
inline constexpr uint8_t kFlagDeviceName = 0x08;
inline constexpr uint8_t kFlagStart = 0x10;
inline constexpr uint8_t kFlagComplete = 0x20;
inline constexpr uint8_t kFlagBits = 0x40;
inline constexpr uint8_t kFlagExtraFlags = 0x80; // another flag byte follows
inline constexpr uint8_t kKnownFlags = 0x7f;

// START record flags.
inline constexpr uint8_t kStartEnabled = 0x01;
inline constexpr uint8_t kStartPersistent = 0x02;
inline constexpr uint8_t kStartAutoloadObsolete = 0x04; // legal on the wire, carries no meaning
inline constexpr uint8_t kStartReservedMask = 0xf8;

// savevm framing of the "dirty-bitmap" device.
inline constexpr std::string_view kSectionIdstr = "dirty-bitmap";
inline constexpr uint32_t kSectionVersion = 1;
inline constexpr uint8_t kSectionFooterMarker = 0x7e;

// nr_sectors is a u32 on the wire. QEMU truncates it silently for huge chunks (granularity >= 256 MiB on
// a disk of >= 2 TiB); we cap instead. 2^31 is a multiple of every serialization alignment a u32
// granularity allows (granularity / 8 sectors <= 2^28), so capped chunks still start word-aligned.
inline constexpr uint32_t kMaxNrSectors = uint32_t(1) << 31;
// A chunk must end at or below this sector so that its byte range fits in 64 bits.
inline constexpr uint64_t kSectorLimit = uint64_t(1) << 55;

// buf_size for `serializationSize` bytes of hbitmap serialization: ALIGN_UP(size, 32).
constexpr uint64_t bufSize(uint64_t serializationSize)
{
    if (serializationSize > UINT64_MAX - (kBufAlign - 1)) {
        throw std::invalid_argument("bufSize: serialization size too large");
    }
    return (serializationSize + kBufAlign - 1) / kBufAlign * kBufAlign;
}

// Zero-pads a serialized chunk to its buf_size, as the sender does before sending it.
inline void padBuffer(std::vector<uint8_t>& buf)
{
    buf.resize(size_t(bufSize(buf.size())), 0);
}

// Disk sectors per chunk of `chunkBytes` serialized bytes: chunkBytes * 8 bits, each covering
// granularity / 512 sectors. granularity must be a power of two >= 512, so the result is an integer
// for every chunkBytes >= 1. std::invalid_argument on a bad argument or a result past 2^64.
constexpr uint64_t sectorsPerChunk(uint64_t chunkBytes, uint64_t granularity)
{
    if (chunkBytes == 0) {
        throw std::invalid_argument("sectorsPerChunk: chunk size must be at least 1 byte");
    }
    if (granularity < kSectorSize || (granularity & (granularity - 1)) != 0) {
        throw std::invalid_argument("sectorsPerChunk: granularity must be a power of two >= 512");
    }
    const uint64_t sectorsPerByte = granularity / 64; // 8 bits * granularity / 512
    if (chunkBytes > UINT64_MAX / sectorsPerByte) {
        throw std::invalid_argument("sectorsPerChunk: chunk covers more than 2^64 sectors");
    }
    return chunkBytes * sectorsPerByte;
}

// nr_sectors of the chunk starting at `curSector`: min(total - cur, sectorsPerChunk), capped to
// kMaxNrSectors. std::invalid_argument if curSector >= totalSectors or sectorsPerChunk is 0.
constexpr uint32_t chunkSectors(uint64_t totalSectors, uint64_t curSector, uint64_t sectorsPerChunk)
{
    if (curSector >= totalSectors) {
        throw std::invalid_argument("chunkSectors: chunk starts past the end of the disk");
    }
    if (sectorsPerChunk == 0) {
        throw std::invalid_argument("chunkSectors: sectorsPerChunk must not be 0");
    }
    uint64_t nr = totalSectors - curSector;
    if (nr > sectorsPerChunk) {
        nr = sectorsPerChunk;
    }
    if (nr > kMaxNrSectors) {
        nr = kMaxNrSectors;
    }
    return uint32_t(nr);
}

// Sectors of a disk of `diskBytes` bytes (bdrv_nb_sectors rounds a partial sector up).
constexpr uint64_t diskSectors(uint64_t diskBytes)
{
    return diskBytes / kSectorSize + (diskBytes % kSectorSize != 0 ? 1 : 0);
}

} // namespace stream
} // namespace bitmig
