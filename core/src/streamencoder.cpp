#include <bitmig/streamencoder.h>

#include "bigendian.h"

namespace bitmig {

using detail::appendBigEndian;

namespace {

void checkName(const std::string& name, const char* what)
{
    if (name.empty()) {
        throw std::invalid_argument(std::string("StreamEncoder: empty ") + what + " name");
    }
    if (name.size() > stream::kMaxNameLength) {
        throw std::invalid_argument(std::string("StreamEncoder: ") + what + " name longer than 255 bytes");
    }
}

// Refuses what the decoder would refuse, so every encoded stream decodes (given a large enough
// buf_size limit).
void checkRecord(const StreamRecord& r)
{
    if (r.kind == RecordKind::Eos) {
        return;
    }
    checkName(r.device, "device");
    checkName(r.bitmap, "bitmap");
    if (r.kind == RecordKind::Start) {
        if (r.granularity < stream::kSectorSize || (r.granularity & (r.granularity - 1)) != 0) {
            throw std::invalid_argument("StreamEncoder: START granularity must be a power of two >= 512");
        }
        if (r.startFlags & stream::kStartReservedMask) {
            throw std::invalid_argument("StreamEncoder: reserved START flags set");
        }
    } else if (r.kind == RecordKind::Bits) {
        if (r.nrSectors == 0) {
            throw std::invalid_argument("StreamEncoder: BITS record with nrSectors 0");
        }
        if (r.startSector > stream::kSectorLimit - r.nrSectors) {
            throw std::invalid_argument("StreamEncoder: BITS sector range past 2^64 bytes");
        }
        if (r.zeroes && !r.data.empty()) {
            throw std::invalid_argument("StreamEncoder: ZEROES record with data");
        }
        if (!r.zeroes && r.data.empty()) {
            throw std::invalid_argument("StreamEncoder: BITS record without data (use zeroes)");
        }
    }
}

void appendName(std::vector<uint8_t>& out, const std::string& name)
{
    out.push_back(uint8_t(name.size()));
    out.insert(out.end(), name.begin(), name.end());
}

} // namespace

StreamEncoder::NameFlags StreamEncoder::namesToSend(const StreamRecord& record) const
{
    if (record.kind == RecordKind::Eos) {
        return {false, false};
    }
    const bool device = !prevDevice_ || *prevDevice_ != record.device;
    // A bitmap belongs to one node, so a new node always means a new bitmap.
    const bool bitmap = device || !prevBitmap_ || *prevBitmap_ != record.bitmap;
    return {device, bitmap};
}

EncodedSize StreamEncoder::sizeOf(const StreamRecord& record) const
{
    checkRecord(record);
    const NameFlags n = namesToSend(record);
    const size_t dl = record.device.size();
    const size_t bl = record.bitmap.size();
    switch (record.kind) {
    case RecordKind::Start:
        return {startRecordSize(n.device, n.bitmap, dl, bl), 0};
    case RecordKind::Bits:
        return {bitsHeaderSize(n.device, n.bitmap, dl, bl, record.zeroes), record.data.size()};
    case RecordKind::Complete:
        return {completeRecordSize(n.device, n.bitmap, dl, bl), 0};
    case RecordKind::Eos:
        break;
    }
    return {eosRecordSize(), 0};
}

EncodedSize StreamEncoder::encode(const StreamRecord& record, std::vector<uint8_t>& out)
{
    checkRecord(record);
    const NameFlags n = namesToSend(record);
    const size_t before = out.size();

    uint8_t flags = 0;
    switch (record.kind) {
    case RecordKind::Start:
        flags = stream::kFlagStart;
        break;
    case RecordKind::Bits:
        flags = stream::kFlagBits | (record.zeroes ? stream::kFlagZeroes : 0);
        break;
    case RecordKind::Complete:
        flags = stream::kFlagComplete;
        break;
    case RecordKind::Eos:
        flags = stream::kFlagEos;
        break;
    }
    flags |= (n.device ? stream::kFlagDeviceName : 0) | (n.bitmap ? stream::kFlagBitmapName : 0);
    // Always the 1-byte form, as QEMU's writer.
    out.push_back(flags);
    if (n.device) {
        appendName(out, record.device);
    }
    if (n.bitmap) {
        appendName(out, record.bitmap);
    }

    size_t payload = 0;
    switch (record.kind) {
    case RecordKind::Start:
        appendBigEndian<uint32_t>(out, record.granularity);
        out.push_back(record.startFlags);
        break;
    case RecordKind::Bits:
        appendBigEndian<uint64_t>(out, record.startSector);
        appendBigEndian<uint32_t>(out, record.nrSectors);
        if (!record.zeroes) {
            appendBigEndian<uint64_t>(out, record.data.size());
            out.insert(out.end(), record.data.begin(), record.data.end());
            payload = record.data.size();
        }
        break;
    case RecordKind::Complete:
    case RecordKind::Eos:
        break;
    }

    if (record.kind != RecordKind::Eos) {
        prevDevice_ = record.device;
        prevBitmap_ = record.bitmap;
    }
    const size_t total = out.size() - before;
    return {total - payload, payload};
}

size_t StreamEncoder::beginSection(SectionType type, uint32_t sectionId, std::vector<uint8_t>& out,
                                   uint32_t instanceId)
{
    const size_t before = out.size();
    out.push_back(uint8_t(type));
    appendBigEndian<uint32_t>(out, sectionId);
    if (type == SectionType::Start) {
        out.push_back(uint8_t(stream::kSectionIdstr.size()));
        out.insert(out.end(), stream::kSectionIdstr.begin(), stream::kSectionIdstr.end());
        appendBigEndian<uint32_t>(out, instanceId);
        appendBigEndian<uint32_t>(out, stream::kSectionVersion);
    }
    sectionId_ = sectionId;
    return out.size() - before;
}

size_t StreamEncoder::writeSectionFooter(std::vector<uint8_t>& out) const
{
    if (!sectionId_) {
        throw std::logic_error("StreamEncoder: section footer without a section");
    }
    out.push_back(stream::kSectionFooterMarker);
    appendBigEndian<uint32_t>(out, *sectionId_);
    return sectionFooterSize();
}

void StreamEncoder::reset() noexcept
{
    prevDevice_.reset();
    prevBitmap_.reset();
}

} // namespace bitmig
