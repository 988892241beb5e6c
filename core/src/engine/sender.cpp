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

Sender::Sender(const SenderContext& context)
    : ctx_(context),
      chunks_((context.source.bitCount() + context.config.chunkBytes * 8 - 1) / (context.config.chunkBytes * 8))
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

Sender::Chunk Sender::chunkAt(uint64_t index) const noexcept
{
    const uint64_t chunkBits = ctx_.config.chunkBytes * 8;
    Chunk c;
    c.firstBit = index * chunkBits;
    c.nbits = std::min(chunkBits, ctx_.source.bitCount() - c.firstBit);
    c.startByte = c.firstBit * ctx_.config.granularity;
    c.countBytes = std::min(c.nbits * ctx_.config.granularity, ctx_.config.diskBytes - c.startByte);
    return c;
}

uint64_t Sender::chunkRecordCost(uint64_t index) const noexcept
{
    // The last chunk may hold fewer bits than the others, and so a smaller buffer.
    const uint64_t words = (chunkAt(index).nbits + 63) / 64;
    return StreamEncoder::bitsHeaderSize(false, false, 0, 0, false) + stream::bufSize(words * 8);
}

uint64_t Sender::pendingBytes() const
{
    const HBitmap* m = ctx_.source.meta();
    const uint64_t metaDirty = m ? m->count() >> m->granularityLog2() : 0;
    uint64_t chunksLeft = 0;
    switch (phase_) {
    case Phase::Idle:
    case Phase::Done:
    case Phase::Cancelled:
        return 0;
    case Phase::Setup:
        chunksLeft = chunks_;
        break;
    case Phase::Bulk:
        chunksLeft = (chunks_ - cursor_) + (m ? m->countBits(0, cursor_) : 0);
        break;
    case Phase::Dirty:
        chunksLeft = metaDirty;
        break;
    case Phase::Complete:
        if (completeSent_) {
            return 0;
        }
        chunksLeft = bulkDone_ ? (m ? m->countBits(cursor_, chunks_) : 0)
                               : (chunks_ - cursor_) + (m ? m->countBits(0, cursor_) : 0);
        break;
    }
    if (chunksLeft == 0) {
        return 0;
    }
    // Every pending chunk costs a full data record, except the last chunk of the bitmap.
    const uint64_t last = chunks_ - 1;
    const bool metaLast = m && m->get(last << m->granularityLog2());
    bool lastPending = true;
    if (phase_ == Phase::Dirty) {
        lastPending = metaLast;
    } else if (phase_ == Phase::Bulk || (phase_ == Phase::Complete && !bulkDone_)) {
        lastPending = cursor_ <= last || metaLast;
    } else if (phase_ == Phase::Complete) {
        lastPending = cursor_ <= last && metaLast;
    }
    const uint64_t full = chunkRecordBytes(ctx_.config.chunkBytes);
    return chunksLeft * full - (lastPending ? full - chunkRecordCost(last) : 0);
}

uint64_t Sender::exactPendingBytes() const
{
    const HBitmap& hb = ctx_.source.bits();
    const HBitmap* m = ctx_.source.meta();
    const uint64_t chunkBits = ctx_.config.chunkBytes * 8;
    const uint64_t zeroCost = StreamEncoder::bitsHeaderSize(false, false, 0, 0, true);
    uint64_t bytes = 0;
    uint64_t from = cursor_;
    if (!bulkDone_) {
        // Unsent bulk chunks: data records for those holding a dirty bit, ZEROES for the rest.
        uint64_t dataChunks = 0;
        for (uint64_t chunk = cursor_; chunk < chunks_;) {
            const auto bit = hb.nextDirty(chunkAt(chunk).startByte);
            if (!bit) {
                break;
            }
            chunk = (*bit >> hb.granularityLog2()) / chunkBits;
            ++dataChunks;
            bytes += chunkRecordCost(chunk);
            ++chunk;
        }
        bytes += (chunks_ - cursor_ - dataChunks) * zeroCost;
        from = 0;
    }
    if (m) {
        const uint64_t end = bulkDone_ ? chunks_ : cursor_;
        for (uint64_t chunk = from; chunk < end;) {
            const auto at = m->nextDirty(chunk << m->granularityLog2());
            if (!at || (*at >> m->granularityLog2()) >= end) {
                break;
            }
            chunk = *at >> m->granularityLog2();
            const Chunk c = chunkAt(chunk);
            bytes += hb.anyBits(c.firstBit, c.nbits) ? chunkRecordCost(chunk) : zeroCost;
            ++chunk;
        }
    }
    return bytes;
}

// ---- downtime ----------------------------------------------------------------------------

DowntimeLimits Sender::downtimeLimits() const
{
    return DowntimeLimits{ctx_.config.bandwidth, ctx_.config.maxDowntimeNs, ctx_.config.latencyNs,
                          completeFramingBytes(ctx_.link.encoder(), ctx_.config.deviceName, ctx_.config.bitmapName)};
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

void Sender::emitRecord(const StreamRecord& record, uint64_t meaningfulPayload)
{
    ctx_.recorder.recordSent(ctx_.link.send(record), meaningfulPayload);
}

void Sender::emitSection(SectionType type)
{
    ctx_.recorder.sectionSent(ctx_.link.sendSection(type));
}

void Sender::sendChunk(uint64_t index)
{
    const Chunk c = chunkAt(index);
    const HBitmap& hb = ctx_.source.bits();
    const uint64_t sector = c.startByte / stream::kSectorSize;
    const auto nr = uint32_t(c.countBytes / stream::kSectorSize);
    const uint64_t meaningful = (c.nbits + 7) / 8;
    const bool zero = !hb.anyBits(c.firstBit, c.nbits);

    record_.kind = RecordKind::Bits;
    record_.device = ctx_.config.deviceName;
    record_.bitmap = ctx_.config.bitmapName;
    record_.startSector = sector;
    record_.nrSectors = nr;
    record_.zeroes = zero;
    if (zero) {
        record_.data.clear();
        emitRecord(record_, 0);
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
        emitRecord(record_, meaningful);
    }
    if (HBitmap* m = ctx_.source.meta()) {
        m->reset(c.firstBit << hb.granularityLog2(), c.nbits << hb.granularityLog2());
    }
    ctx_.recorder.chunkSent(index, zero);
}

// ---- phases shared by every strategy -----------------------------------------------------

bool Sender::sendStart()
{
    if (startSent_) {
        return false;
    }
    const DirtyBitmap& src = ctx_.source;
    emitSection(SectionType::Start);
    const uint8_t flags = (src.recording() || src.busy() ? stream::kStartEnabled : 0) |
                          (src.persistent() ? stream::kStartPersistent : 0);
    emitRecord(StreamRecord::start(ctx_.config.deviceName, ctx_.config.bitmapName, uint32_t(ctx_.config.granularity),
                                   flags));
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
        const StreamEncoder& enc = ctx_.link.encoder();
        const uint64_t bytes = StreamEncoder::sectionHeaderSize(SectionType::End) + exactPendingBytes() +
                               enc.sizeOf(StreamRecord::complete(ctx_.config.deviceName, ctx_.config.bitmapName)).total() +
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
    if (const HBitmap* m = ctx_.source.meta(); m && cursor_ < chunks_) {
        if (const auto at = m->nextDirty(cursor_ << m->granularityLog2())) {
            cursor_ = *at >> m->granularityLog2();
            sendChunk(cursor_++);
            return true;
        }
        cursor_ = chunks_;
    }
    emitRecord(StreamRecord::complete(ctx_.config.deviceName, ctx_.config.bitmapName));
    emitRecord(StreamRecord::eos());
    completeSent_ = true;
    return true;
}

} // namespace bitmig::engine
