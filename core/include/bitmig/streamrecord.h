// One record of the dirty-bitmap migration stream, with names already resolved: the encoder decides
// which names go on the wire and the decoder fills in the ones the wire left out.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bitmig {

enum class RecordKind : uint8_t {
    Start,    // a bitmap's granularity and START flags, sent at setup
    Bits,     // one chunk of serialized bitmap, or a ZEROES chunk
    Complete, // the bitmap is fully sent
    Eos,      // end of the records of one section
};

// "START", "BITS", "COMPLETE", "EOS": the names the reference uses.
std::string_view recordKindName(RecordKind kind) noexcept;  // "START", "BITS", "COMPLETE", "EOS"
std::optional<RecordKind> parseRecordKind(std::string_view name) noexcept;  // recordKindName() read back

struct StreamRecord {
    RecordKind kind = RecordKind::Eos;
    std::string device; // node alias; empty for Eos
    std::string bitmap; // bitmap alias; empty for Eos

    // Start
    uint32_t granularity = 0; // bytes, a power of two >= 512
    uint8_t startFlags = 0;   // stream::kStartEnabled | stream::kStartPersistent

    // Bits
    uint64_t startSector = 0;
    uint32_t nrSectors = 0;
    bool zeroes = false;       // the chunk is all zero and carries no buffer
    std::vector<uint8_t> data; // the buffer; its size is buf_size (empty when zeroes)

    static StreamRecord start(std::string device, std::string bitmap, uint32_t granularity,
                              uint8_t startFlags);
    static StreamRecord bits(std::string device, std::string bitmap, uint64_t startSector, uint32_t nrSectors,
                             std::vector<uint8_t> data);
    static StreamRecord zeroChunk(std::string device, std::string bitmap, uint64_t startSector,
                                  uint32_t nrSectors);
    static StreamRecord complete(std::string device, std::string bitmap);
    static StreamRecord eos();

    friend bool operator==(const StreamRecord&, const StreamRecord&) = default;
};

} // namespace bitmig
