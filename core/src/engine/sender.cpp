#include <bitmig/engine/sender.h>

#include "../saturating.h"
#include "postcopysender.h"
#include "precopysender.h"
#include "stopandcopysender.h"

#include <bitmig/engine/guest.h>
#include <bitmig/engine/link.h>
#include <bitmig/engine/recorder.h>
#include <bitmig/streamencoder.h>
#include <bitmig/streamformat.h>

#include <algorithm>

namespace bitmig::engine {

using detail::saturatingAdd;

uint64_t chunkRecordBytes(uint64_t chunkBytes) noexcept
{
    return StreamEncoder::bitsHeaderSize(false, false, 0, 0, false) + stream::bufSize(std::max<uint64_t>(chunkBytes, 8));
}

std::unique_ptr<Sender> makeSender(const SenderContext& context)
{
    switch (context.config.strategy) {
    case Strategy::Precopy:
        return std::make_unique<PrecopySender>(context);
    case Strategy::Postcopy:
        return std::make_unique<PostcopySender>(context);
    case Strategy::StopAndCopy:
        return std::make_unique<StopAndCopySender>(context);
    }
    return nullptr;
}

namespace {

std::vector<DirtyBitmap*> sourcesOf(const SenderContext& context)
{
    return context.sources.empty() ? std::vector<DirtyBitmap*>{&context.source} : context.sources;
}

uint64_t totalChunks(const std::vector<Track>& tracks) noexcept
{
    return tracks.empty() ? 0 : tracks.back().firstChunk + tracks.back().chunks;
}

// The name fields a record for (device, bitmap) carries after `state`'s names, which it updates.
struct NameState {
    std::optional<std::string_view> device, bitmap;
    uint64_t namesFor(std::string_view dev, std::string_view bm)
    {
        const bool withDevice = !device || *device != dev;
        const bool withBitmap = withDevice || !bitmap || *bitmap != bm;
        device = dev;
        bitmap = bm;
        return StreamEncoder::namesSize(withDevice, withBitmap, dev.size(), bm.size());
    }
};

NameState nameState(const std::optional<std::string>& device, const std::optional<std::string>& bitmap)
{
    NameState state;
    if (device) {
        state.device = *device;
    }
    if (bitmap) {
        state.bitmap = *bitmap;
    }
    return state;
}

} // namespace

std::vector<Track> makeTracks(const SimConfig& config, std::span<DirtyBitmap* const> sources)
{
    const std::vector<DiskSpec> disks = config.diskList();
    const std::vector<BitmapSpec> bitmaps = config.bitmapList();
    std::vector<Track> tracks;
    tracks.reserve(bitmaps.size());
    uint64_t first = 0;
    for (size_t i = 0; i < bitmaps.size() && i < sources.size(); ++i) {
        Track t;
        t.source = sources[i];
        t.device = disks[bitmaps[i].disk].node;
        t.bitmap = bitmaps[i].name;
        t.diskBytes = disks[bitmaps[i].disk].bytes;
        t.granularity = bitmaps[i].granularity;
        t.startFlags = uint8_t((bitmaps[i].enabled ? stream::kStartEnabled : 0) |
                               (bitmaps[i].persistent ? stream::kStartPersistent : 0));
        const uint64_t chunkBits = config.chunkBytes * 8;
        t.firstChunk = first;
        t.chunks = (t.source->bitCount() + chunkBits - 1) / chunkBits;
        first += t.chunks;
        tracks.push_back(std::move(t));
    }
    return tracks;
}

uint64_t completeRecordsBytes(const std::optional<std::string>& prevDevice,
                              const std::optional<std::string>& prevBitmap, std::span<const Track> tracks)
{
    NameState state = nameState(prevDevice, prevBitmap);
    uint64_t bytes = 0;
    for (const Track& t : tracks) {
        bytes += 1 + state.namesFor(t.device, t.bitmap);
    }
    return bytes;
}

uint64_t completeFramingBytes(const StreamEncoder& encoder, std::span<const Track> tracks)
{
    return StreamEncoder::eosRecordSize() + StreamEncoder::sectionHeaderSize(SectionType::End) +
           completeRecordsBytes(encoder.previousDevice(), encoder.previousBitmap(), tracks) +
           StreamEncoder::eosRecordSize();
}

Sender::Sender(const SenderContext& context)
    : ctx_(context), tracks_(makeTracks(context.config, sourcesOf(context))), chunks_(totalChunks(tracks_))
{
}

Sender::~Sender() = default;

void Sender::start(int64_t now)
{
    enterPhase(now, Phase::Setup);
}

void Sender::finish(int64_t now)
{
    enterPhase(now, Phase::Done);
}

void Sender::cancel(int64_t now)
{
    enterPhase(now, Phase::Cancelled);
}

void Sender::enterPhase(int64_t now, Phase phase, unsigned pass)
{
    ctx_.recorder.enterPhase(now, phase, pass);
    phase_ = phase;
    if (phase == Phase::Dirty) {
        pass_ = pass;
    }
}

// ---- chunks ------------------------------------------------------------------------------

size_t Sender::trackOf(uint64_t index) const noexcept
{
    if (tracks_.size() == 1) {
        return 0;
    }
    const auto it = std::upper_bound(tracks_.begin(), tracks_.end(), index,
                                     [](uint64_t i, const Track& t) { return i < t.firstChunk; });
    return size_t(it - tracks_.begin()) - 1;
}

Sender::Chunk Sender::chunkAt(uint64_t index) const noexcept
{
    const size_t ti = trackOf(index);
    const Track& t = tracks_[ti];
    const uint64_t chunkBits = ctx_.config.chunkBytes * 8;
    Chunk c;
    c.track = ti;
    c.firstBit = (index - t.firstChunk) * chunkBits;
    c.nbits = std::min(chunkBits, t.source->bitCount() - c.firstBit);
    c.startByte = c.firstBit * t.granularity;
    c.countBytes = std::min(c.nbits * t.granularity, t.diskBytes - c.startByte);
    return c;
}

uint64_t Sender::chunkRecordCost(uint64_t index) const noexcept
{
    // The last chunk may hold fewer bits than the others, and so a smaller buffer.
    const uint64_t words = (chunkAt(index).nbits + 63) / 64;
    return StreamEncoder::bitsHeaderSize(false, false, 0, 0, false) + stream::bufSize(words * 8);
}

uint64_t Sender::dirtyChunks() const noexcept
{
    uint64_t n = 0;
    for (const Track& t : tracks_) {
        if (const HBitmap* m = t.source->meta()) {
            n += m->count() >> m->granularityLog2();
        }
    }
    return n;
}

std::optional<uint64_t> Sender::nextDirtyChunk(uint64_t from) const
{
    for (size_t ti = from < chunks_ ? trackOf(from) : tracks_.size(); ti < tracks_.size(); ++ti) {
        const Track& t = tracks_[ti];
        const HBitmap* m = t.source->meta();
        if (!m) {
            continue;
        }
        const uint64_t local = from > t.firstChunk ? from - t.firstChunk : 0;
        if (local >= t.chunks) {
            continue;
        }
        if (const auto at = m->nextDirty(local << m->granularityLog2())) {
            return t.firstChunk + (*at >> m->granularityLog2());
        }
    }
    return std::nullopt;
}

bool Sender::sendNextDirtyChunk()
{
    if (cursor_ < chunks_) {
        if (const auto at = nextDirtyChunk(cursor_)) {
            cursor_ = *at;
            sendChunk(cursor_++);
            return true;
        }
        cursor_ = chunks_;
    }
    return false;
}

uint64_t Sender::pendingBytes() const
{
    switch (phase_) {
    case Phase::Idle:
    case Phase::Done:
    case Phase::Cancelled:
        return 0;
    case Phase::Complete:
        if (completeSent_) {
            return 0;
        }
        break;
    case Phase::Setup:
    case Phase::Bulk:
    case Phase::Dirty:
        break;
    }
    const uint64_t full = chunkRecordBytes(ctx_.config.chunkBytes);
    uint64_t total = 0;
    for (const Track& t : tracks_) {
        const HBitmap* m = t.source->meta();
        const uint64_t n = t.chunks;
        // This bitmap's part of the cursor: all of it behind, none of it reached, or within.
        const uint64_t cursor = cursor_ <= t.firstChunk ? 0 : std::min(cursor_ - t.firstChunk, n);
        uint64_t chunksLeft = 0;
        switch (phase_) {
        case Phase::Setup:
            chunksLeft = n;
            break;
        case Phase::Bulk:
            chunksLeft = (n - cursor) + (m ? m->countBits(0, cursor) : 0);
            break;
        case Phase::Dirty:
            chunksLeft = m ? m->count() >> m->granularityLog2() : 0;
            break;
        case Phase::Complete:
            chunksLeft = bulkDone_ ? (m ? m->countBits(cursor, n) : 0)
                                   : (n - cursor) + (m ? m->countBits(0, cursor) : 0);
            break;
        default:
            break;
        }
        if (chunksLeft == 0) {
            continue;
        }
        // Every pending chunk costs a full data record, except the last chunk of the bitmap.
        const uint64_t last = n - 1;
        const bool metaLast = m && m->get(last << m->granularityLog2());
        bool lastPending = true;
        if (phase_ == Phase::Dirty) {
            lastPending = metaLast;
        } else if (phase_ == Phase::Bulk || (phase_ == Phase::Complete && !bulkDone_)) {
            lastPending = cursor <= last || metaLast;
        } else if (phase_ == Phase::Complete) {
            lastPending = cursor <= last && metaLast;
        }
        total += chunksLeft * full - (lastPending ? full - chunkRecordCost(t.firstChunk + last) : 0);
    }
    return total;
}

uint64_t Sender::exactCompleteBytes() const
{
    const uint64_t chunkBits = ctx_.config.chunkBytes * 8;
    const uint64_t zeroCost = StreamEncoder::bitsHeaderSize(false, false, 0, 0, true);
    // The first record of each bitmap after another bitmap's carries names.
    NameState names = nameState(ctx_.link.encoder().previousDevice(), ctx_.link.encoder().previousBitmap());
    uint64_t bytes = 0;
    for (const Track& t : tracks_) {
        const HBitmap& hb = t.source->bits();
        const HBitmap* m = t.source->meta();
        const uint64_t cursor = cursor_ <= t.firstChunk ? 0 : std::min(cursor_ - t.firstChunk, t.chunks);
        uint64_t trackBytes = 0;
        uint64_t records = 0;
        uint64_t from = cursor;
        if (!bulkDone_) {
            // Unsent bulk chunks: data records for those holding a dirty bit, ZEROES for the rest.
            uint64_t dataChunks = 0;
            for (uint64_t chunk = cursor; chunk < t.chunks;) {
                const auto bit = hb.nextDirty(chunk * chunkBits * t.granularity);
                if (!bit) {
                    break;
                }
                chunk = (*bit >> hb.granularityLog2()) / chunkBits;
                ++dataChunks;
                trackBytes += chunkRecordCost(t.firstChunk + chunk);
                ++chunk;
            }
            trackBytes += (t.chunks - cursor - dataChunks) * zeroCost;
            records += t.chunks - cursor;
            from = 0;
        }
        if (m) {
            const uint64_t end = bulkDone_ ? t.chunks : cursor;
            for (uint64_t chunk = from; chunk < end;) {
                const auto at = m->nextDirty(chunk << m->granularityLog2());
                if (!at || (*at >> m->granularityLog2()) >= end) {
                    break;
                }
                chunk = *at >> m->granularityLog2();
                const uint64_t firstBit = chunk * chunkBits;
                const uint64_t nbits = std::min(chunkBits, hb.bitCount() - firstBit);
                trackBytes += hb.anyBits(firstBit, nbits) ? chunkRecordCost(t.firstChunk + chunk) : zeroCost;
                ++records;
                ++chunk;
            }
        }
        if (records > 0) {
            bytes += trackBytes + names.namesFor(t.device, t.bitmap);
        }
    }
    for (const Track& t : tracks_) {
        bytes += StreamEncoder::completeRecordSize(false, false, 0, 0) + names.namesFor(t.device, t.bitmap);
    }
    return bytes;
}

// ---- downtime ----------------------------------------------------------------------------

DowntimeLimits Sender::downtimeLimits() const
{
    return DowntimeLimits{ctx_.config.bandwidth, ctx_.config.maxDowntimeNs, ctx_.config.latencyNs,
                          completeFramingBytes(ctx_.link.encoder(), tracks_)};
}

bool Sender::fitsDowntime(int64_t now) const
{
    // Counted high (every pending chunk as a full data record), behind whatever the link still has
    // queued, so that a switch-over decided here keeps the expected downtime that beginComplete()
    // computes exactly within the limit.
    return engine::fitsDowntime(downtimeLimits(), pendingBytes(), ctx_.link.queuedNs(now));
}

bool Sender::waitForLinkToDrain(int64_t now) const
{
    // At the end of a pass: wait for the bytes on their way rather than start a pass that would
    // end at once.
    if (ctx_.link.freeAt() <= now) {
        return false;
    }
    const DowntimeLimits limits = downtimeLimits();
    const uint64_t pending = pendingBytes();
    return !engine::fitsDowntime(limits, pending, ctx_.link.queuedNs(now)) && engine::fitsDowntime(limits, pending, 0);
}

// ---- records -----------------------------------------------------------------------------

void Sender::emitRecord(const StreamRecord& record, uint64_t meaningfulPayload, std::optional<size_t> track)
{
    const EncodedSize size = ctx_.link.send(record);
    ctx_.recorder.recordSent(size, meaningfulPayload);
    if (track) {
        ctx_.recorder.bitmapRecordSent(*track, size, meaningfulPayload);
    }
}

void Sender::emitSection(SectionType type)
{
    ctx_.recorder.sectionSent(ctx_.link.sendSection(type));
}

void Sender::sendChunk(uint64_t index)
{
    const Chunk c = chunkAt(index);
    const Track& t = tracks_[c.track];
    const HBitmap& hb = t.source->bits();
    const uint64_t sector = c.startByte / stream::kSectorSize;
    const auto nr = uint32_t(c.countBytes / stream::kSectorSize);
    const uint64_t meaningful = (c.nbits + 7) / 8;
    const bool zero = !hb.anyBits(c.firstBit, c.nbits);

    record_.kind = RecordKind::Bits;
    record_.device = t.device;
    record_.bitmap = t.bitmap;
    record_.startSector = sector;
    record_.nrSectors = nr;
    record_.zeroes = zero;
    if (zero) {
        record_.data.clear();
        emitRecord(record_, 0, c.track);
    } else {
        if (ctx_.config.chunkBytes * 8 >= 64) {
            record_.data.resize(hb.serializationSize(c.startByte, c.countBytes));
            hb.serializePart(record_.data, c.startByte, c.countBytes);
        } else {
            // Below QEMU's minimum: the enclosing word, with only this chunk's bits in it.
            const uint64_t word = hb.words()[c.firstBit >> 6] & (((uint64_t(1) << c.nbits) - 1) << (c.firstBit & 63));
            record_.data.resize(8);
            for (int i = 0; i < 8; ++i) {
                record_.data[size_t(i)] = uint8_t(word >> (8 * i));
            }
        }
        stream::padBuffer(record_.data);
        emitRecord(record_, meaningful, c.track);
    }
    if (HBitmap* m = t.source->meta()) {
        m->reset(c.firstBit << hb.granularityLog2(), c.nbits << hb.granularityLog2());
    }
    ctx_.recorder.chunkSent(index, zero, c.track);
}

// ---- phases shared by every strategy -----------------------------------------------------

bool Sender::sendStart()
{
    if (startSent_) {
        return false;
    }
    // QEMU's setup: every bitmap's START in the START section, then EOS.
    emitSection(SectionType::Start);
    for (size_t i = 0; i < tracks_.size(); ++i) {
        const Track& t = tracks_[i];
        emitRecord(StreamRecord::start(t.device, t.bitmap, uint32_t(t.granularity), t.startFlags), 0, i);
    }
    emitRecord(StreamRecord::eos());
    startSent_ = true;
    return true;
}

void Sender::beginComplete(int64_t now)
{
    Guest& guest = ctx_.guest;
    MigrationSummary& summary = ctx_.recorder.summary();
    const bool guestAtSource = !guest.atDestination();
    if (guestAtSource && !guest.paused()) {
        guest.pause();
        summary.pauseStartNs = now;
    }
    enterPhase(now, Phase::Complete);
    if (bulkDone_) {
        cursor_ = 0;
    }
    if (guestAtSource) {
        // The complete phase is the downtime: what it will carry, record by record, and when that
        // will have arrived. (A guest at the destination had its downtime at the switch-over.)
        const uint64_t bytes = StreamEncoder::sectionHeaderSize(SectionType::End) + exactCompleteBytes() +
                               StreamEncoder::eosRecordSize();
        summary.expectedDowntimeNs =
            saturatingAdd(saturatingAdd((now - summary.pauseStartNs) + ctx_.link.queuedNs(now),
                                        transferNs(bytes, ctx_.config.bandwidth)),
                          ctx_.config.latencyNs);
    }
    emitSection(SectionType::End);
}

bool Sender::sendCompleteStep()
{
    if (completeSent_) {
        return false;
    }
    if (!bulkDone_) {
        if (cursor_ < chunks_) {
            sendChunk(cursor_++);
            return true;
        }
        bulkDone_ = true;
        cursor_ = 0;
    }
    const bool anyMeta = std::any_of(tracks_.begin(), tracks_.end(), [](const Track& t) { return t.source->meta(); });
    if (anyMeta && sendNextDirtyChunk()) {
        return true;
    }
    for (size_t i = 0; i < tracks_.size(); ++i) {
        emitRecord(StreamRecord::complete(tracks_[i].device, tracks_[i].bitmap), 0, i);
    }
    emitRecord(StreamRecord::eos());
    completeSent_ = true;
    return true;
}

} // namespace bitmig::engine
