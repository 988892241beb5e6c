#include <bitmig/bitmapreceiver.h>

#include <bitmig/printable.h>
#include <bitmig/streamformat.h>

#include <stdexcept>

namespace bitmig {

BitmapReceiver::BitmapReceiver(std::string device, std::string bitmap, uint64_t diskBytes, uint64_t maxBufSize)
    : device_(std::move(device)), name_(std::move(bitmap)), diskBytes_(diskBytes),
      decoder_(StreamDecoderOptions{.framing = true, .sectionFooters = false, .instanceId = 0,
                                    .maxBufSize = maxBufSize})
{
}

void BitmapReceiver::feed(std::span<const uint8_t> bytes)
{
    decoder_.feed(bytes);
    while (auto record = decoder_.next()) {
        apply(*record);
    }
}

void BitmapReceiver::apply(const StreamRecord& record)
{
    if (record.kind == RecordKind::Eos) {
        if (complete_) {
            ended_ = true;  // the EOS that closes the END section
        }
        return;
    }
    if (record.device != device_ || record.bitmap != name_) {
        throw std::runtime_error("record for unknown bitmap " + quoted(record.device + "/" + record.bitmap));
    }
    switch (record.kind) {
    case RecordKind::Start:
        if (bitmap_) {
            throw std::runtime_error("START for bitmap " + quoted(name_) + ", which already exists");
        }
        bitmap_ = std::make_unique<DirtyBitmap>(name_, diskBytes_, record.granularity);
        bitmap_->setPersistent(record.startFlags & stream::kStartPersistent);
        bitmap_->setEnabled(false);
        if (record.startFlags & stream::kStartEnabled) {
            bitmap_->createSuccessor();  // disabled, like the bitmap, until the guest starts here
        } else {
            bitmap_->setBusy(true);
        }
        if (onStart) {
            onStart(*bitmap_);
        }
        break;
    case RecordKind::Bits:
        applyBits(record);
        break;
    case RecordKind::Complete: {
        if (!bitmap_ || complete_) {
            throw std::runtime_error("COMPLETE without a bitmap being loaded");
        }
        bitmap_->bits().deserializeFinish();
        complete_ = true;
        if (onComplete) {
            onComplete(*bitmap_);
        }
        if (bitmap_->successor()) {
            bitmap_->reclaim();
        } else {
            bitmap_->setBusy(false);
        }
        if (guestHere_ && !bitmap_->enabled()) {
            bitmap_->setEnabled(true);
        }
        break;
    }
    case RecordKind::Eos:
        break;
    }
}

void BitmapReceiver::applyBits(const StreamRecord& record)
{
    if (!bitmap_ || complete_) {
        throw std::runtime_error("BITS without a bitmap being loaded");
    }
    HBitmap& hb = bitmap_->bits();
    const uint64_t start = record.startSector * stream::kSectorSize;
    uint64_t count = uint64_t(record.nrSectors) * stream::kSectorSize;
    if (start >= diskBytes_) {
        throw std::runtime_error("BITS chunk starts at byte " + std::to_string(start) + ", past the disk end");
    }
    count = std::min(count, diskBytes_ - start);
    const uint64_t g = bitmap_->granularity();
    const uint64_t align = hb.serializationAlign();
    if (start % align == 0 && (count % align == 0 || start + count == diskBytes_)) {
        if (record.zeroes) {
            hb.deserializeZeroes(start, count, false);
            return;
        }
        const uint64_t needed = hb.serializationSize(start, count);
        if (record.data.size() < needed || record.data.size() > stream::bufSize(needed)) {
            throw std::runtime_error("BITS buffer of " + std::to_string(record.data.size()) + " bytes for " +
                                     std::to_string(needed) + " bytes of bitmap: granularity doesn't match");
        }
        hb.deserializePart(record.data, start, count, false);
        return;
    }
    // A chunk inside one 64-bit word: the record carries that word, of which only the chunk's bits count.
    if (start % g != 0) {
        throw std::runtime_error("BITS chunk at byte " + std::to_string(start) + " is not granule aligned");
    }
    const uint64_t firstBit = start / g;
    const uint64_t nbits = (count + g - 1) / g;
    if ((firstBit & 63) + nbits > 64) {
        throw std::runtime_error("BITS chunk at byte " + std::to_string(start) + " crosses a 64-bit word");
    }
    hb.reset(start, count);
    if (record.zeroes) {
        return;
    }
    if (record.data.size() < 8) {
        throw std::runtime_error("BITS buffer of " + std::to_string(record.data.size()) +
                                 " bytes is smaller than one word");
    }
    uint64_t word = 0;
    for (int i = 0; i < 8; ++i) {
        word |= uint64_t(record.data[size_t(i)]) << (8 * i);
    }
    for (uint64_t b = 0; b < nbits; ++b) {
        if ((word >> ((firstBit + b) & 63)) & 1) {
            hb.set((firstBit + b) * g, 1);
        }
    }
}

void BitmapReceiver::guestStarts()
{
    guestHere_ = true;
    if (!bitmap_) {
        return;
    }
    if (complete_) {
        if (!bitmap_->enabled()) {
            bitmap_->setEnabled(true);
        }
    } else if (auto* succ = bitmap_->successor()) {
        succ->setEnabled(true);
    }
}

std::unique_ptr<HBitmap> BitmapReceiver::cancel()
{
    std::unique_ptr<HBitmap> guestWrites;
    if (bitmap_ && !complete_) {
        if (auto* succ = bitmap_->successor()) {
            // Moved, not copied: the bitmap and its successor are dropped just below.
            guestWrites = std::make_unique<HBitmap>(std::move(succ->bits()));
        }
    }
    bitmap_.reset();
    return guestWrites;
}

} // namespace bitmig
