// A whole QEMU migration file ("QEVM", version 3): the reader that walks its sections and rebuilds the
// dirty bitmaps it carries, and the writer that wraps a recorded dirty-bitmap stream into a file a
// QEMU destination loads. See docs/qemu-file.md for the layout as implemented.
#pragma once

#include <bitmig/qemuloader.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace bitmig {

class HBitmap;

namespace qemufile {

inline constexpr uint32_t kMagic = 0x5145564d; // "QEVM"
inline constexpr uint32_t kVersion = 3;

// Top-level items of the file (QEMU_VM_*).
inline constexpr uint8_t kEof = 0x00;
inline constexpr uint8_t kSectionStart = 0x01;
inline constexpr uint8_t kSectionPart = 0x02;
inline constexpr uint8_t kSectionEnd = 0x03;
inline constexpr uint8_t kSectionFull = 0x04;
inline constexpr uint8_t kSubsection = 0x05;
inline constexpr uint8_t kVmDescription = 0x06;
inline constexpr uint8_t kConfiguration = 0x07;
inline constexpr uint8_t kCommand = 0x08;
inline constexpr uint8_t kFooter = 0x7e;

// Commands (MIG_CMD_*) the file may carry.
inline constexpr uint16_t kCommandPostcopyAdvise = 3;

// The ram section's record words: a be64 holding a page address and these flags in its low bits.
inline constexpr uint64_t kRamZero = 0x02;
inline constexpr uint64_t kRamMemSize = 0x04;
inline constexpr uint64_t kRamPage = 0x08;
inline constexpr uint64_t kRamEos = 0x10;
inline constexpr uint64_t kRamContinue = 0x20;
inline constexpr uint64_t kTargetPageSize = 4096; // x86 target pages: the flags live below it

// Section ids a QEMU 7.2 `-machine none` source gives its live sections (registration order).
inline constexpr uint32_t kRamSectionId = 2;
inline constexpr uint32_t kDirtyBitmapSectionId = 3;

// Whether `bytes` begins with the file's magic and version (4 + 4 bytes).
bool looksLikeQemuFile(std::span<const uint8_t> bytes) noexcept;

// "START", "PART", "END", "FULL" for a section type byte; "?" otherwise.
std::string_view sectionTypeName(uint8_t type) noexcept;

} // namespace qemufile

// A malformed or unreadable part of a migration file. offset: the offending byte (for a truncation,
// the end of the input); itemOffset: where the item being read began (header, command, section,
// record). section/sectionId: the section being read, when there is one.
class QemuFileError : public std::runtime_error {
public:
    QemuFileError(std::string reason, uint64_t offset, uint64_t itemOffset, std::string section = {},
                  std::optional<uint32_t> sectionId = std::nullopt);

    const std::string& reason() const noexcept { return reason_; }
    uint64_t offset() const noexcept { return offset_; }
    uint64_t itemOffset() const noexcept { return itemOffset_; }
    const std::string& section() const noexcept { return section_; }
    std::optional<uint32_t> sectionId() const noexcept { return sectionId_; }

private:
    std::string reason_;
    uint64_t offset_;
    uint64_t itemOffset_;
    std::string section_;
    std::optional<uint32_t> sectionId_;
};

// One section id of the file: how many sections of each type it had and their bytes (headers,
// content and footers).
struct QemuSectionSummary {
    uint32_t id = 0;
    std::string name;     // idstr from its START or FULL section
    uint32_t instance = 0;
    uint32_t version = 0;
    uint64_t firstOffset = 0;
    uint64_t start = 0, part = 0, end = 0, full = 0;
    uint64_t footers = 0;
    uint64_t bytes = 0;
};

// A bitmap rebuilt from the dirty-bitmap records. diskBytes is the end of the last chunk sent (the disk
// rounded up to a sector); dirtyBytes and sha256 are those QEMU reports for it at the destination
// (set granules times the granularity; SHA-256 of the bits as little-endian 64-bit words).
struct QemuBitmapInfo {
    std::string node;
    std::string name;
    uint32_t granularity = 0;
    bool enabled = false;
    bool persistent = false;
    bool complete = false;    // a COMPLETE record arrived
    uint64_t chunks = 0;      // BITS records, data and ZEROES
    uint64_t diskBytes = 0;
    uint64_t dirtyBytes = 0;
    // Empty when no BITS record arrived, or the bits were not rebuilt (see notRebuilt), or the digest
    // was not asked for (see digestSkipped).
    std::string sha256;
    // The bits were rebuilt and counted (dirtyBytes is set) but their SHA-256 was not computed: the
    // file was read with digest = false.
    bool digestSkipped = false;
    // Why the bits were not rebuilt: a chunk that is not whole 64-bit words of the bitmap, a buffer
    // shorter than its chunk, a granularity that is not a power of two of at least 512, or a bitmap
    // larger than the reader rebuilds for an input of this size (1024 bytes of bitmap per byte of
    // input, at least 1 MiB, at most 512 MiB). Empty when rebuilt or when no BITS record arrived.
    std::string notRebuilt;
    // With QemuFileInfo::read(..., keep): the rebuilt bits (null when not rebuilt), and the chunks that
    // carried data, one bit per `chunkBits` bits of the bitmap (the largest chunk the file sent).
    std::shared_ptr<const HBitmap> bits;
    std::shared_ptr<const HBitmap> dataChunks;
    uint64_t chunkBits = 0;
};

// One dirty-bitmap record as the file holds it (QemuFileInfo::read(..., keep)).
struct QemuRecordEntry {
    uint64_t offset = 0;       // its first byte in the file
    QemuLoaderRecord::Kind kind = QemuLoaderRecord::Kind::Eos;
    uint8_t sectionType = 0;   // the dirty-bitmap section it is in (qemufile::kSectionStart, ...)
    int32_t bitmap = -1;       // index in QemuFileInfo::bitmaps; -1 for EOS or an unknown bitmap
    uint64_t startSector = 0;  // BITS
    uint32_t nrSectors = 0;
    bool zeroes = false;
    uint64_t bufSize = 0;
};

struct QemuFileInfo {
    uint64_t bytes = 0;           // size of the input
    uint64_t parsedBytes = 0;     // up to the end, or to the item that stopped the walk
    uint32_t version = 0;
    std::string machine;          // the configuration section's machine type, empty if none
    std::vector<uint16_t> commands;
    std::vector<QemuSectionSummary> sections; // by first appearance
    // ram: the blocks MEM_SIZE announced and the pages stepped over.
    uint64_t ramTotalBytes = 0;
    std::vector<std::pair<std::string, uint64_t>> ramBlocks;
    uint64_t ramZeroPages = 0;
    uint64_t ramNormalPages = 0;
    // dirty-bitmap records by kind.
    uint64_t bitmapStartRecords = 0, bitmapBitsRecords = 0, bitmapZeroesRecords = 0,
             bitmapCompleteRecords = 0, bitmapEosRecords = 0;
    std::vector<QemuBitmapInfo> bitmaps;
    bool eof = false;               // the EOF byte was read
    std::optional<std::string> description; // the trailing JSON description
    // The walk stopped at a section it cannot step over (not an error in the file): why, and where.
    std::optional<QemuFileError> stopped;
    std::optional<QemuFileError> error; // the first malformed byte
    // What a QEMU 7.2 destination with `destination`'s nodes and bitmaps does with the dirty-bitmap
    // records read (up to a stop or an error): loads them, drops the bitmaps, fails, aborts; where, why.
    QemuLoadVerdict qemuLoad;

    // With read(..., keep): every dirty-bitmap record, in file order.
    std::vector<QemuRecordEntry> records;

    // Walks the whole file; never throws for any input (errors land in `error`). With `keep`, the
    // rebuilt bits of each bitmap and the list of records are kept too (for a viewer). Without
    // `digest`, each rebuilt bitmap is counted but not hashed: its sha256 stays empty and
    // digestSkipped is set (SHA-256 runs at about 2 GB/s, slower than the rest of the walk).
    static QemuFileInfo read(std::span<const uint8_t> file, const QemuDestination& destination = {},
                             bool keep = false, bool digest = true);
    // The same for bare dirty-bitmap sections as `simulate --stream` writes them (savevm framing
    // without footers, no file header): version 0, no configuration, offsets in the stream.
    static QemuFileInfo readSections(std::span<const uint8_t> stream, const QemuDestination& destination = {},
                                     bool keep = false, bool digest = true);
};

// What QemuFileWriter::wrap() put around the stream.
struct QemuFileLayout {
    uint32_t ramSectionId = qemufile::kRamSectionId;
    uint32_t bitmapSectionId = qemufile::kDirtyBitmapSectionId;
    uint64_t bitmapSections = 0; // START + PART + END re-framed
    uint64_t footers = 0;        // every section's
    uint64_t bytes = 0;
    QemuLoadVerdict qemuLoad;    // what a QEMU 7.2 destination does with it (offsets in the stream)
};

// Builds a migration file as a QEMU 7.2 `-machine none` source with the dirty-bitmaps capability
// writes it: header, configuration "none", POSTCOPY_ADVISE (no payload), the ram section of a machine
// without RAM, the dirty-bitmap sections of `stream` (savevm framing without footers, as the engine
// records it) re-framed with QEMU's section id and a footer after each, EOF and the JSON description.
// std::invalid_argument if `stream` is not such a stream. A stream QEMU's loader refuses is written all
// the same (its verdict is in the layout): refusing it is the caller's choice.
class QemuFileWriter {
public:
    static std::vector<uint8_t> wrap(std::span<const uint8_t> stream, QemuFileLayout* layout = nullptr);
};

} // namespace bitmig
