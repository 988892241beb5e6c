#include <bitmig/streamdecoder.h>

#include "bigendian.h"

#include <bit>
#include <cstdio>
#include <stdexcept>
#include <utility>

namespace bitmig {

namespace {

std::string hex(unsigned value)
{
    char text[16];
    std::snprintf(text, sizeof text, "0x%02x", value);
    return text;
}

} // namespace

// Bounds-checked view of the unconsumed input. Callers ask has(n) before every take, so a parse that
// runs out of bytes stops and is retried from the item's start once more input arrives.
class StreamDecoder::Reader {
public:
    Reader(const uint8_t* data, size_t size, uint64_t base) : data_(data), size_(size), base_(base) {}

    bool has(uint64_t n) const noexcept { return size_ - pos_ >= n; }
    uint64_t offset() const noexcept { return base_ + pos_; }
    size_t pos() const noexcept { return pos_; }

    template <typename T> T take() noexcept
    {
        const T value = detail::readBigEndian<T>(data_ + pos_);
        pos_ += sizeof(T);
        return value;
    }
    const uint8_t* takeBytes(size_t n) noexcept
    {
        const uint8_t* p = data_ + pos_;
        pos_ += n;
        return p;
    }

private:
    const uint8_t* data_;
    size_t size_;
    uint64_t base_;
    size_t pos_ = 0;
};

StreamDecoder::StreamDecoder(StreamDecoderOptions options)
    : opts_(options), frame_(options.framing ? Frame::SectionHeader : Frame::Records)
{
}

void StreamDecoder::feed(std::span<const uint8_t> bytes)
{
    if (ended_) {
        throw std::logic_error("StreamDecoder: feed() after finish()");
    }
    // Drop consumed bytes once they are the larger part, so the buffer stays near one record's size.
    if (head_ == buf_.size() || (head_ >= 4096 && head_ * 2 >= buf_.size())) {
        buf_.erase(buf_.begin(), buf_.begin() + ptrdiff_t(head_));
        base_ += head_;
        head_ = 0;
    }
    buf_.insert(buf_.end(), bytes.begin(), bytes.end());
}

void StreamDecoder::finish() noexcept
{
    ended_ = true;
}

std::vector<StreamRecord> StreamDecoder::decodeAll(std::span<const uint8_t> bytes,
                                                   StreamDecoderOptions options)
{
    StreamDecoder decoder(options);
    decoder.feed(bytes);
    decoder.finish();
    std::vector<StreamRecord> records;
    while (auto record = decoder.next()) {
        records.push_back(std::move(*record));
    }
    return records;
}

void StreamDecoder::fail(std::string reason, uint64_t at, std::optional<QemuOutcome> qemuOutcome) const
{
    throw StreamError(std::move(reason), at, offset(), records_, partialKind_, qemuOutcome);
}

std::optional<StreamRecord> StreamDecoder::next()
{
    if (error_) {
        throw *error_;
    }
    try {
        for (;;) {
            Reader in(buf_.data() + head_, buf_.size() - head_, offset());
            partialKind_.reset();
            switch (frame_) {
            case Frame::SectionHeader:
                if (!parseSectionHeader(in)) {
                    return waitOrEnd("section header");
                }
                consume(in.pos());
                continue;
            case Frame::Footer:
                if (!parseFooter(in)) {
                    return waitOrEnd("section footer");
                }
                consume(in.pos());
                continue;
            case Frame::Done:
                if (in.has(1)) {
                    fail("data after the END section", in.offset());
                }
                return waitOrEnd("stream");
            case Frame::Records: {
                std::optional<StreamRecord> record = parseRecord(in);
                if (!record) {
                    return waitOrEnd("record");
                }
                consume(in.pos());
                ++records_;
                lastKind_ = record->kind;
                lastRecordOffset_ = parseRecordOffset_;
                lastNameOffset_ = parseNameOffset_;
                if (record->kind == RecordKind::Eos && opts_.framing) {
                    if (opts_.sectionFooters) {
                        frame_ = Frame::Footer;
                    } else {
                        frame_ = section_ == SectionType::End ? Frame::Done : Frame::SectionHeader;
                        section_.reset();
                    }
                }
                return record;
            }
            }
        }
    } catch (const StreamError& e) {
        error_ = e;
        throw;
    }
}

// No complete item is buffered: wait for input, or tell whether the input ended at a valid place.
std::optional<StreamRecord> StreamDecoder::waitOrEnd(const char* item)
{
    if (!ended_) {
        return std::nullopt;
    }
    const uint64_t end = base_ + buf_.size();
    if (head_ < buf_.size()) {
        fail(std::string("truncated ") + item + ": the input ends after " +
                 std::to_string(buf_.size() - head_) + " of its bytes",
             end);
    }
    switch (frame_) {
    case Frame::Records:
        if (opts_.framing) {
            fail("the input ends inside a section, before its EOS", end);
        }
        if (lastKind_ && *lastKind_ != RecordKind::Eos) {
            fail("the input ends after a " + std::string(recordKindName(*lastKind_)) + " record, without EOS",
                 end);
        }
        return std::nullopt;
    case Frame::SectionHeader:
        if (sectionId_) {
            fail("the input ends before the END section", end);
        }
        return std::nullopt; // nothing at all was sent
    case Frame::Footer:
        fail("the input ends before the section footer", end);
    case Frame::Done:
        break;
    }
    return std::nullopt;
}

std::optional<StreamRecord> StreamDecoder::parseRecord(Reader& in)
{
    using namespace stream;

    const uint64_t flagsAt = in.offset();
    parseRecordOffset_ = flagsAt;
    if (!in.has(1)) {
        return std::nullopt;
    }
    uint8_t flags = in.take<uint8_t>();
    if (flags & kFlagExtraFlags) {
        if (flags != kFlagExtraFlags) {
            fail("flags byte " + hex(flags) + " of the 2-byte form has bits besides 0x80, which QEMU drops",
                 flagsAt);
        }
        if (!in.has(1)) {
            return std::nullopt;
        }
        flags = in.take<uint8_t>();
        if (flags & kFlagExtraFlags) {
            if (flags != kFlagExtraFlags) {
                fail("flags byte " + hex(flags) +
                         " of the 4-byte form has bits besides 0x80, which QEMU drops",
                     flagsAt + 1);
            }
            if (!in.has(2)) {
                return std::nullopt;
            }
            const uint8_t high = in.take<uint8_t>();
            if (high != 0) {
                fail("high byte " + hex(high) + " of the 4-byte flags form is not 0; QEMU drops it",
                     flagsAt + 2);
            }
            flags = in.take<uint8_t>();
            if (flags & kFlagExtraFlags) {
                fail("unknown flag 0x80 in the last flags byte " + hex(flags), flagsAt + 3);
            }
        }
    }

    parseNameOffset_ = in.offset();
    const uint8_t kindBits = flags & (kFlagStart | kFlagComplete | kFlagBits | kFlagEos);
    if (std::popcount(kindBits) != 1) {
        fail("flags " + hex(flags) + (kindBits ? " name more than one record kind" : " name no record kind"),
             flagsAt);
    }
    RecordKind kind = RecordKind::Eos;
    switch (kindBits) {
    case kFlagStart:
        kind = RecordKind::Start;
        break;
    case kFlagComplete:
        kind = RecordKind::Complete;
        break;
    case kFlagBits:
        kind = RecordKind::Bits;
        break;
    default:
        break;
    }
    partialKind_ = kind;
    if ((flags & kFlagZeroes) && kind != RecordKind::Bits) {
        fail("ZEROES flag on a " + std::string(recordKindName(kind)) + " record", flagsAt);
    }
    if (kind == RecordKind::Eos) {
        if (flags != kFlagEos) {
            fail("EOS record with other flags: " + hex(flags), flagsAt);
        }
        return StreamRecord::eos();
    }

    auto readName = [&](std::optional<std::string>& name, const char* what) {
        const uint64_t at = in.offset();
        if (!in.has(1)) {
            return false;
        }
        const size_t length = in.take<uint8_t>();
        if (length == 0) {
            fail(std::string("empty ") + what + " name", at);
        }
        if (!in.has(length)) {
            return false;
        }
        const uint8_t* p = in.takeBytes(length);
        name.emplace(reinterpret_cast<const char*>(p), length);
        return true;
    };

    // Names are resolved into locals and committed only when the record is complete, because an
    // incomplete record is parsed again from its start.
    std::optional<std::string> device;
    std::optional<std::string> bitmap;
    if (flags & kFlagDeviceName) {
        if (!readName(device, "device")) {
            return std::nullopt;
        }
    } else if (!device_) {
        fail("no device name: no earlier record named one", flagsAt);
    }
    if (flags & kFlagBitmapName) {
        if (!readName(bitmap, "bitmap")) {
            return std::nullopt;
        }
    } else if (flags & kFlagDeviceName) {
        fail("a new device name without a bitmap name: the previous bitmap belongs to another device",
             flagsAt);
    } else if (!bitmap_) {
        fail("no bitmap name: no earlier record named one", flagsAt);
    }

    StreamRecord record;
    record.kind = kind;
    if (kind == RecordKind::Start) {
        const uint64_t at = in.offset();
        if (!in.has(4)) {
            return std::nullopt;
        }
        record.granularity = in.take<uint32_t>();
        if (record.granularity < kSectorSize || !std::has_single_bit(record.granularity)) {
            fail("granularity " + std::to_string(record.granularity) +
                     " is not a power of two >= 512 (QEMU aborts: \"Assertion `is_power_of_2(granularity) && "
                     "granularity >= BDRV_SECTOR_SIZE' failed.\")",
                 at, QemuOutcome::Aborts);
        }
        if (!in.has(1)) {
            return std::nullopt;
        }
        record.startFlags = in.take<uint8_t>();
        if (record.startFlags & kStartReservedMask) {
            char flagsText[8];
            std::snprintf(flagsText, sizeof flagsText, "%x", unsigned(record.startFlags));
            fail("reserved START flags set: " + hex(record.startFlags) +
                     " (QEMU fails the migration: \"Unknown flags in migrated dirty bitmap header: " + flagsText +
                     "\")",
                 at + 4, QemuOutcome::FailsMigration);
        }
    } else if (kind == RecordKind::Bits) {
        const uint64_t at = in.offset();
        if (!in.has(8 + 4)) {
            return std::nullopt;
        }
        record.startSector = in.take<uint64_t>();
        record.nrSectors = in.take<uint32_t>();
        record.zeroes = (flags & kFlagZeroes) != 0;
        if (record.nrSectors == 0) {
            fail("BITS record with nr_sectors 0", at + 8);
        }
        if (record.startSector > kSectorLimit - record.nrSectors) {
            fail("sectors " + std::to_string(record.startSector) + " + " + std::to_string(record.nrSectors) +
                     " reach past 2^64 bytes",
                 at);
        }
        if (!record.zeroes) {
            const uint64_t sizeAt = in.offset();
            if (!in.has(8)) {
                return std::nullopt;
            }
            const uint64_t size = in.take<uint64_t>();
            if (size == 0) {
                fail("buf_size 0 on a data chunk", sizeAt);
            }
            if (size > opts_.maxBufSize) {
                const bool qemuToo = size > kMaxBufSize;
                fail("buf_size " + std::to_string(size) + " exceeds the limit " + std::to_string(opts_.maxBufSize) +
                         (qemuToo ? " (QEMU fails the migration: \"Bitmap migration stream buffer allocation "
                                    "request is too large\")"
                                  : ""),
                     sizeAt, qemuToo ? std::optional(QemuOutcome::FailsMigration) : std::nullopt);
            }
            if (!in.has(size)) {
                return std::nullopt;
            }
            const uint8_t* p = in.takeBytes(size_t(size));
            record.data.assign(p, p + size);
        }
    }

    if (device || bitmap) {
        ++namings_;
    }
    if (device) {
        device_ = std::move(device);
    }
    if (bitmap) {
        bitmap_ = std::move(bitmap);
    }
    record.device = *device_;
    record.bitmap = *bitmap_;
    return record;
}

bool StreamDecoder::parseSectionHeader(Reader& in)
{
    const uint64_t at = in.offset();
    if (!in.has(1 + 4)) {
        return false;
    }
    const uint8_t type = in.take<uint8_t>();
    if (type < uint8_t(SectionType::Start) || type > uint8_t(SectionType::End)) {
        fail("section type " + hex(type) + " is not START 0x01, PART 0x02 or END 0x03", at);
    }
    const uint32_t id = in.take<uint32_t>();
    if (SectionType(type) == SectionType::Start) {
        if (sectionId_) {
            fail("a second START section", at);
        }
        const uint64_t idstrAt = in.offset();
        if (!in.has(1)) {
            return false;
        }
        const size_t length = in.take<uint8_t>();
        if (length != stream::kSectionIdstr.size()) {
            fail("section idstr of " + std::to_string(length) + " bytes, expected \"dirty-bitmap\"", idstrAt);
        }
        if (!in.has(length + 4 + 4)) {
            return false;
        }
        const uint8_t* idstr = in.takeBytes(length);
        if (std::string_view(reinterpret_cast<const char*>(idstr), length) != stream::kSectionIdstr) {
            fail("section idstr \"" + std::string(reinterpret_cast<const char*>(idstr), length) +
                     "\", expected \"dirty-bitmap\"",
                 idstrAt + 1);
        }
        const uint32_t instance = in.take<uint32_t>();
        if (instance != opts_.instanceId) {
            fail("instance id " + std::to_string(instance) + ", expected " + std::to_string(opts_.instanceId),
                 idstrAt + 1 + length);
        }
        const uint32_t version = in.take<uint32_t>();
        if (version != stream::kSectionVersion) {
            fail("version " + std::to_string(version) + ", only 1 is supported (QEMU fails the migration" +
                     (version > stream::kSectionVersion
                          ? ": \"savevm: unsupported version " + std::to_string(version) + " for 'dirty-bitmap' v1\")"
                          : ")"),
                 idstrAt + 1 + length + 4, QemuOutcome::FailsMigration);
        }
        sectionId_ = id;
    } else {
        if (!sectionId_) {
            fail(std::string(type == uint8_t(SectionType::Part) ? "PART" : "END") +
                     " section before the START section",
                 at);
        }
        if (id != *sectionId_) {
            fail("section id " + std::to_string(id) + ", the dirty-bitmap section is " +
                     std::to_string(*sectionId_),
                 at + 1);
        }
    }
    section_ = SectionType(type);
    frame_ = Frame::Records;
    return true;
}

bool StreamDecoder::parseFooter(Reader& in)
{
    const uint64_t at = in.offset();
    if (!in.has(1)) {
        return false;
    }
    const uint8_t marker = in.take<uint8_t>();
    if (marker != stream::kSectionFooterMarker) {
        fail("expected the section footer 0x7e, found " + hex(marker), at);
    }
    if (!in.has(4)) {
        return false;
    }
    const uint32_t id = in.take<uint32_t>();
    if (id != *sectionId_) {
        fail("section footer id " + std::to_string(id) + ", the section is " + std::to_string(*sectionId_),
             at + 1);
    }
    frame_ = section_ == SectionType::End ? Frame::Done : Frame::SectionHeader;
    section_.reset();
    return true;
}

} // namespace bitmig
