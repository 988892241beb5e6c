// Reads dirty-bitmap migration records from QEMU's wire format, whole or in pieces, and checks them.
#pragma once

#include <bitmig/streamerror.h>
#include <bitmig/streamformat.h>
#include <bitmig/streamrecord.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace bitmig {

struct StreamDecoderOptions {
    // Expect savevm framing: one START section ("dirty-bitmap", instanceId, version 1), any number of
    // PART sections and one END section, all with the START section's id, each holding records up to
    // its EOS. Without framing the input is bare records.
    bool framing = false;
    // With framing: each section's EOS is followed by the footer 0x7e + be32 section id.
    bool sectionFooters = true;
    uint32_t instanceId = 0;
    // QEMU's receiver refuses more than 10 * CHUNK_SIZE; simulations with larger chunks raise this.
    uint64_t maxBufSize = stream::kMaxBufSize;
};

// Feed bytes as they arrive and pull complete records; or decode a whole buffer with decodeAll().
//
// Every malformed input throws StreamError, as early as the bytes allow: unknown or contradictory flags,
// reserved START flags, a granularity that is not a power of two >= 512, an empty name, a record whose
// device or bitmap is not known from an earlier record, BITS with nrSectors 0 or past 2^64 bytes, a
// buf_size of 0 or above maxBufSize, bad framing. Where a QEMU destination refuses the same input, the
// error says what QEMU does (StreamError::qemuOutcome) in QEMU's words: reserved START flags and a
// section version other than 1 fail the migration, a bad granularity aborts it, a buffer above 10 KiB
// fails it. What QEMU refuses in a well-formed stream (a buffer that does not fit its chunk, a node the
// destination lacks, ...) is for QemuLoaderModel. After finish(), input that stops inside a record or
// frame, or does not end right after an EOS (unframed) or the END section (framed), is an error too;
// empty input is a valid empty stream. Once an error was thrown, next() throws it again.
//
// Flags: the 1-byte form, and the 2- and 4-byte forms QEMU's reader accepts (0x80 in a byte means more
// follow: one byte, then a be16). QEMU keeps only the last byte read, silently dropping the others; a
// reader that took the flags as one wide number would see those bits instead. We take the last byte
// and accept only the inputs on which both readings agree: every earlier byte must be exactly the
// continuation bit 0x80 and the be16's high byte 0x00; anything else is an error.
//
// Names: a record that names a new device must name its bitmap too (QEMU's sender always does, since
// a bitmap belongs to one node); EOS must be the bare flag 0x01. The name state lives across sections.
class StreamDecoder {
public:
    explicit StreamDecoder(StreamDecoderOptions options = {});

    // Appends input. std::logic_error after finish().
    void feed(std::span<const uint8_t> bytes);
    // Declares the end of the input, so that an incomplete stream becomes an error instead of a wait.
    void finish() noexcept;
    // The next complete record, or nullopt: more input is needed or, after finish(), the stream ended.
    std::optional<StreamRecord> next();

    static std::vector<StreamRecord> decodeAll(std::span<const uint8_t> bytes,
                                               StreamDecoderOptions options = {});

    uint64_t offset() const noexcept { return base_ + head_; } // stream bytes consumed
    uint64_t recordCount() const noexcept { return records_; }
    // Where the record next() returned last began, and its first byte after the flags (a name, if any).
    uint64_t lastRecordOffset() const noexcept { return lastRecordOffset_; }
    uint64_t lastNameOffset() const noexcept { return lastNameOffset_; }
    // The current name state, as the receiver's s->bs / s->bitmap; nullopt before the first name.
    const std::optional<std::string>& device() const noexcept { return device_; }
    const std::optional<std::string>& bitmap() const noexcept { return bitmap_; }
    // Grows each time a record next() returns names a device or a bitmap: while it stays the same,
    // the records carry the names of the one before (the sender names them only when they change).
    uint64_t namings() const noexcept { return namings_; }
    // With framing: the section whose records are being read, if one is open.
    std::optional<SectionType> section() const noexcept { return section_; }
    const StreamDecoderOptions& options() const noexcept { return opts_; }

private:
    class Reader;
    enum class Frame : uint8_t { SectionHeader, Records, Footer, Done };

    std::optional<StreamRecord> parseRecord(Reader& in);
    bool parseSectionHeader(Reader& in);
    bool parseFooter(Reader& in);
    std::optional<StreamRecord> waitOrEnd(const char* item);
    void consume(size_t bytes) noexcept { head_ += bytes; }
    [[noreturn]] void fail(std::string reason, uint64_t at,
                           std::optional<QemuOutcome> qemuOutcome = std::nullopt) const;

    StreamDecoderOptions opts_;
    std::vector<uint8_t> buf_;
    size_t head_ = 0;   // first unconsumed byte of buf_
    uint64_t base_ = 0; // stream offset of buf_[0]
    bool ended_ = false;
    uint64_t records_ = 0;
    uint64_t lastRecordOffset_ = 0, lastNameOffset_ = 0;
    uint64_t parseRecordOffset_ = 0, parseNameOffset_ = 0; // of the record being parsed
    std::optional<RecordKind> lastKind_;
    std::optional<RecordKind> partialKind_; // kind of the record being parsed, once its flags are read
    std::optional<std::string> device_;
    std::optional<std::string> bitmap_;
    uint64_t namings_ = 0;
    Frame frame_;
    std::optional<SectionType> section_;
    std::optional<uint32_t> sectionId_; // id of the START section, which PART and END must repeat
    std::optional<StreamError> error_;
};

} // namespace bitmig
