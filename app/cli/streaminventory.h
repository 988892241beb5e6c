// What a recorded dirty-bitmap stream holds: records by kind, sections, payload and header bytes.
#pragma once

#include <bitmig/qemuloader.h>
#include <bitmig/streamerror.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace bitmig::cli {

// Reads a stream as `bitmig simulate --stream` writes it: savevm framing, no section footers, data
// chunks up to 1 MiB. Payload is counted as the engine counts it: the bitmap bytes a BITS record
// describes (ceil(bits / 8), at most its buffer); padding, names and framing are header.
struct StreamInventory {
    uint64_t bytes = 0;          // size of the input
    uint64_t decodedBytes = 0;   // bytes read up to the end or the error
    uint64_t records = 0;
    uint64_t startRecords = 0;
    uint64_t bitsRecords = 0;    // data and ZEROES chunks
    uint64_t zeroesRecords = 0;
    uint64_t completeRecords = 0;
    uint64_t eosRecords = 0;
    uint64_t sections = 0;
    uint64_t startSections = 0;
    uint64_t partSections = 0;
    uint64_t endSections = 0;
    uint64_t bufferBytes = 0;    // buf_size of every data chunk
    uint64_t payloadBytes = 0;
    uint64_t headerBytes = 0;    // decodedBytes - payloadBytes
    std::vector<uint32_t> granularities;  // from START records, distinct, in order
    std::vector<std::string> devices;     // distinct, in order of appearance
    std::vector<std::string> bitmaps;
    std::optional<StreamError> error;     // the first malformed byte, if any (byte 0 of an empty input)
    // What a QEMU 7.2 destination's loader does with the records decoded (offsets in the stream).
    QemuLoadVerdict qemuLoad;

    static constexpr uint64_t kMaxBufSize = (uint64_t(1) << 20) + 64;
    static StreamInventory take(std::span<const uint8_t> stream, const QemuDestination& destination = {});
};

} // namespace bitmig::cli
