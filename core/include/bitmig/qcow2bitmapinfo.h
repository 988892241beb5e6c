// One entry of a qcow2 image's bitmap directory, as stored (reference section 5.2).
#pragma once

#include <cstdint>
#include <string>

namespace bitmig {

struct Qcow2BitmapInfo {
    static constexpr uint32_t kFlagInUse = 1u << 0; // inconsistent: QEMU held it and did not store it
    static constexpr uint32_t kFlagAuto = 1u << 1;  // enabled: records writes once loaded

    uint32_t index = 0;         // position in the directory, from 0
    uint64_t entryOffset = 0;   // file byte where the directory entry starts
    std::string name;           // the stored bytes (no terminating NUL); QEMU writes UTF-8
    uint32_t flags = 0;         // only kFlagInUse and kFlagAuto can be set in an accepted image
    uint8_t type = 1;           // 1 = dirty tracking, the only type there is
    unsigned granularityBits = 16;
    uint64_t granularity = 0;   // bytes of disk per bit: 1 << granularityBits
    uint64_t tableOffset = 0;   // file byte of the bitmap table
    uint32_t tableSize = 0;     // entries (clusters of bitmap data) in the table
    uint64_t diskBytes = 0;     // the image's virtual size, from the header

    bool inUse() const noexcept { return flags & kFlagInUse; }
    bool autoEnabled() const noexcept { return flags & kFlagAuto; }
};

} // namespace bitmig
