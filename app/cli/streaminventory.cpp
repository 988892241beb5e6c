#include "streaminventory.h"

#include <bitmig/streamdecoder.h>
#include <bitmig/streamformat.h>

#include <algorithm>
#include <map>
#include <utility>

namespace bitmig::cli {

namespace {

template <class T>
void addDistinct(std::vector<T>& list, const T& value)
{
    if (std::find(list.begin(), list.end(), value) == list.end()) {
        list.push_back(value);
    }
}

// The record as QEMU's loader reads it, its fields located from where the decoder says it began and
// ended. Names count as sent when they change (the sender's rule; a repeated name changes nothing).
QemuLoaderRecord loaderRecord(const StreamRecord& record, const StreamDecoder& decoder, std::string& lastDevice,
                              std::string& lastBitmap)
{
    QemuLoaderRecord r;
    r.offset = decoder.lastRecordOffset();
    r.nameOffset = decoder.lastNameOffset();
    const uint64_t end = decoder.offset();
    switch (record.kind) {
    case RecordKind::Eos:
        r.kind = QemuLoaderRecord::Kind::Eos;
        return r;
    case RecordKind::Start:
        r.kind = QemuLoaderRecord::Kind::Start;
        r.granularity = record.granularity;
        r.startFlags = record.startFlags;
        r.granularityOffset = end - 5;
        break;
    case RecordKind::Complete:
        r.kind = QemuLoaderRecord::Kind::Complete;
        break;
    case RecordKind::Bits:
        r.kind = QemuLoaderRecord::Kind::Bits;
        r.startSector = record.startSector;
        r.nrSectors = record.nrSectors;
        r.zeroes = record.zeroes;
        r.bufSize = record.data.size();
        r.bufSizeOffset = end - r.bufSize - 8;
        r.startSectorOffset = record.zeroes ? end - 12 : r.bufSizeOffset - 12;
        break;
    }
    if (record.device != lastDevice) {
        lastDevice = record.device;
        r.node = record.device;
    }
    if (record.bitmap != lastBitmap || r.node) {
        lastBitmap = record.bitmap;
        r.bitmap = record.bitmap;
    }
    return r;
}

} // namespace

StreamInventory StreamInventory::take(std::span<const uint8_t> stream, const QemuDestination& destination)
{
    StreamInventory inv;
    inv.bytes = stream.size();
    if (stream.empty()) {
        // The decoder reads no input as a migration that sent nothing; a file is a stream only when it
        // holds at least the START section.
        inv.error = StreamError("the input is empty; it holds no records", 0, 0, 0, std::nullopt);
        return inv;
    }
    StreamDecoder decoder(StreamDecoderOptions{.framing = true, .sectionFooters = false, .instanceId = 0,
                                               .maxBufSize = kMaxBufSize});
    decoder.feed(stream);
    decoder.finish();

    std::map<std::pair<std::string, std::string>, uint32_t> granularityOf;
    QemuLoaderModel loader(destination);
    bool versionSeen = false;
    std::string lastDevice, lastBitmap; // the names the wire carried last (the sender sends changes)
    bool atSectionStart = true;  // the next byte opens a section (framing without footers)
    try {
        for (;;) {
            const uint64_t before = decoder.offset();
            std::optional<StreamRecord> record = decoder.next();
            if (!record) {
                break;
            }
            if (atSectionStart && before < stream.size()) {
                // The decoder accepted the section header, so its first byte is a valid type.
                ++inv.sections;
                switch (SectionType(stream[size_t(before)])) {
                case SectionType::Start:
                    ++inv.startSections;
                    break;
                case SectionType::Part:
                    ++inv.partSections;
                    break;
                case SectionType::End:
                    ++inv.endSections;
                    break;
                }
            }
            atSectionStart = record->kind == RecordKind::Eos;
            if (!versionSeen) {
                versionSeen = true;
                loader.section(stream::kSectionVersion, 0); // the decoder refuses any other version
            }
            loader.record(loaderRecord(*record, decoder, lastDevice, lastBitmap));
            ++inv.records;
            if (!record->device.empty()) {
                addDistinct(inv.devices, record->device);
            }
            if (!record->bitmap.empty()) {
                addDistinct(inv.bitmaps, record->bitmap);
            }
            switch (record->kind) {
            case RecordKind::Start:
                ++inv.startRecords;
                addDistinct(inv.granularities, record->granularity);
                granularityOf[{record->device, record->bitmap}] = record->granularity;
                break;
            case RecordKind::Bits: {
                ++inv.bitsRecords;
                if (record->zeroes) {
                    ++inv.zeroesRecords;
                    break;
                }
                const uint64_t buffer = record->data.size();
                inv.bufferBytes += buffer;
                uint64_t meaningful = buffer;
                if (const auto g = granularityOf.find({record->device, record->bitmap}); g != granularityOf.end()) {
                    // Bits the chunk covers, rounded up as the bitmap rounds a partial last granule.
                    const uint64_t bytes = uint64_t(record->nrSectors) * stream::kSectorSize;
                    const uint64_t bits = (bytes + g->second - 1) / g->second;
                    meaningful = std::min(buffer, (bits + 7) / 8);
                }
                inv.payloadBytes += meaningful;
                break;
            }
            case RecordKind::Complete:
                ++inv.completeRecords;
                break;
            case RecordKind::Eos:
                ++inv.eosRecords;
                break;
            }
        }
    } catch (const StreamError& e) {
        inv.error = e;
    }
    loader.finish();
    inv.qemuLoad = loader.verdict();
    if (inv.error && inv.error->qemuOutcome() && !loader.stopped()) {
        // The decoder stopped at input QEMU refuses too: say so in the verdict.
        QemuLoadVerdict v = inv.qemuLoad;
        v.outcome = std::max(v.outcome, *inv.error->qemuOutcome());
        v.findings.push_back(QemuFinding{*inv.error->qemuOutcome(), inv.error->offset(), "stream-error",
                                         inv.error->reason(), {}});
        inv.qemuLoad = v;
    }
    inv.decodedBytes = inv.error ? inv.error->recordOffset() : decoder.offset();
    inv.headerBytes = inv.decodedBytes - std::min(inv.decodedBytes, inv.payloadBytes);
    return inv;
}

} // namespace bitmig::cli
