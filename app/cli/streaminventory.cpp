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

} // namespace

StreamInventory StreamInventory::take(std::span<const uint8_t> stream)
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
    inv.decodedBytes = inv.error ? inv.error->recordOffset() : decoder.offset();
    inv.headerBytes = inv.decodedBytes - std::min(inv.decodedBytes, inv.payloadBytes);
    return inv;
}

} // namespace bitmig::cli
