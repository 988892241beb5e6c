// Writes dirty-bitmap migration records in QEMU's wire format and tells how many bytes each costs.
#pragma once

#include <bitmig/streamformat.h>
#include <bitmig/streamrecord.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace bitmig {

// Bytes a record or frame adds to the stream. Payload is the bitmap buffer of a BITS record; everything
// else (flags, names, sectors, buf_size, section framing) is header, i.e. overhead.
struct EncodedSize {
    size_t header = 0;
    size_t payload = 0;

    size_t total() const noexcept { return header + payload; }
    EncodedSize& operator+=(const EncodedSize& other) noexcept
    {
        header += other.header;
        payload += other.payload;
        return *this;
    }
    friend bool operator==(const EncodedSize&, const EncodedSize&) = default;
};

// Keeps the previous record's names exactly as QEMU's sender does: the node alias goes on the wire only
// when the node differs from the previous record's, the bitmap alias only when the bitmap differs (a
// bitmap on another node always differs). EOS carries no names and leaves the state alone; the state
// lives across sections.
//
// Misuse throws std::invalid_argument: a name that is empty or longer than 255 bytes, a START granularity
// that is not a power of two >= 512, reserved START flags, a BITS record with nrSectors 0, a sector range
// past 2^64 bytes, a ZEROES record with data or a data record without. Fields that do not belong to the
// record's kind are ignored. The buffer size is not limited to QEMU's 10 KiB receiver limit, because
// the simulated chunk size goes up to 1 MiB.
class StreamEncoder {
public:
    // Appends the record to `out` and remembers its names.
    EncodedSize encode(const StreamRecord& record, std::vector<uint8_t>& out);
    // What encode() would add now, without writing or changing state.
    EncodedSize sizeOf(const StreamRecord& record) const;

    // Appends a savevm section header: u8 type, be32 section id and, for Start, u8 length + "dirty-bitmap",
    // be32 instance id and be32 version 1. Returns its size (5 or 26). Name state is not touched.
    size_t beginSection(SectionType type, uint32_t sectionId, std::vector<uint8_t>& out,
                        uint32_t instanceId = 0);
    // Appends the optional section footer 0x7e + be32 id of the section last begun. Returns 5.
    // std::logic_error if no section was begun.
    size_t writeSectionFooter(std::vector<uint8_t>& out) const;

    // Forgets the previous names, so the next record carries both.
    void reset() noexcept;
    const std::optional<std::string>& previousDevice() const noexcept { return prevDevice_; }
    const std::optional<std::string>& previousBitmap() const noexcept { return prevBitmap_; }

    // Record sizes without encoding, for the link model. A name length only counts when its flag is set;
    // std::invalid_argument if such a length is over 255.
    static constexpr size_t nameFieldSize(size_t nameLength)
    {
        if (nameLength > stream::kMaxNameLength) {
            throw std::invalid_argument("stream name longer than 255 bytes");
        }
        return 1 + nameLength;
    }
    static constexpr size_t namesSize(bool withDevice, bool withBitmap, size_t deviceLen, size_t bitmapLen)
    {
        return (withDevice ? nameFieldSize(deviceLen) : 0) + (withBitmap ? nameFieldSize(bitmapLen) : 0);
    }
    // flags, names, be32 granularity, u8 start flags.
    static constexpr size_t startRecordSize(bool withDevice, bool withBitmap, size_t deviceLen,
                                            size_t bitmapLen)
    {
        return 1 + namesSize(withDevice, withBitmap, deviceLen, bitmapLen) + 4 + 1;
    }
    static constexpr size_t completeRecordSize(bool withDevice, bool withBitmap, size_t deviceLen,
                                               size_t bitmapLen)
    {
        return 1 + namesSize(withDevice, withBitmap, deviceLen, bitmapLen);
    }
    // flags, names, be64 start sector, be32 nr sectors and, unless zeroes, be64 buf_size.
    static constexpr size_t bitsHeaderSize(bool withDevice, bool withBitmap, size_t deviceLen,
                                           size_t bitmapLen, bool zeroes)
    {
        return 1 + namesSize(withDevice, withBitmap, deviceLen, bitmapLen) + 8 + 4 + (zeroes ? 0 : 8);
    }
    static constexpr size_t bitsRecordSize(bool withDevice, bool withBitmap, size_t deviceLen,
                                           size_t bitmapLen, bool zeroes, size_t bufSize)
    {
        return bitsHeaderSize(withDevice, withBitmap, deviceLen, bitmapLen, zeroes) + (zeroes ? 0 : bufSize);
    }
    static constexpr size_t eosRecordSize() noexcept { return 1; }
    static constexpr size_t sectionHeaderSize(SectionType type) noexcept
    {
        return type == SectionType::Start ? 1 + 4 + 1 + stream::kSectionIdstr.size() + 4 + 4 : 1 + 4;
    }
    static constexpr size_t sectionFooterSize() noexcept { return 1 + 4; }

private:
    struct NameFlags {
        bool device;
        bool bitmap;
    };
    NameFlags namesToSend(const StreamRecord& record) const;

    std::optional<std::string> prevDevice_;
    std::optional<std::string> prevBitmap_;
    std::optional<uint32_t> sectionId_;
};

} // namespace bitmig
