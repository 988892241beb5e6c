#include <bitmig/bitmapreceiver.h>

#include <bitmig/printable.h>
#include <bitmig/streamformat.h>

#include <stdexcept>

namespace bitmig {

BitmapReceiver::BitmapReceiver(std::string device, std::string bitmap, uint64_t diskBytes, uint64_t maxBufSize)
    : BitmapReceiver(std::vector<Target>{Target{std::move(device), std::move(bitmap), diskBytes}}, maxBufSize)
{
}

BitmapReceiver::BitmapReceiver(std::vector<Target> targets, uint64_t maxBufSize)
    : decoder_(StreamDecoderOptions{.framing = true, .sectionFooters = false, .instanceId = 0,
                                    .maxBufSize = maxBufSize})
{
    if (targets.empty()) {
        throw std::invalid_argument("a destination needs at least one bitmap");
    }
    for (Target& t : targets) {
        slots_.push_back(Slot{std::move(t), nullptr, false, false});
    }
}

BitmapReceiver::Slot& BitmapReceiver::slotFor(const StreamRecord& record)
{
    // Records come from decoder_ (feed()): the same namings() means the same names as the last one.
    if (lastSlot_ && lastSlotNamings_ == decoder_.namings()) {
        return slots_[*lastSlot_];
    }
    for (size_t i = 0; i < slots_.size(); ++i) {
        Slot& s = slots_[i];
        if (s.target.device == record.device && s.target.bitmap == record.bitmap) {
            lastSlot_ = i;
            lastSlotNamings_ = decoder_.namings();
            return s;
        }
    }
    throw std::runtime_error("record for unknown bitmap " + quoted(record.device + "/" + record.bitmap));
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
        if (complete()) {
            ended_ = true;  // the EOS that closes the END section
        }
        return;
    }
    Slot& slot = slotFor(record);
    const size_t index = size_t(&slot - slots_.data());
    const std::string& name = slot.target.bitmap;
    switch (record.kind) {
    case RecordKind::Start: {
        if (slot.bitmap) {
            throw std::runtime_error("START for bitmap " + quoted(name) + ", which already exists");
        }
        slot.bitmap = std::make_unique<DirtyBitmap>(name, slot.target.diskBytes, record.granularity);
        DirtyBitmap& bm = *slot.bitmap;
        ++startedCount_;
        bm.setPersistent(record.startFlags & stream::kStartPersistent);
        bm.setEnabled(false);
        slot.recording = record.startFlags & stream::kStartEnabled;
        if (slot.recording) {
            bm.createSuccessor();  // disabled, like the bitmap, until the guest starts here
            if (guestHere_) {
                bm.successor()->setEnabled(true);
            }
        } else {
            bm.setBusy(true);
        }
        if (onStart) {
            onStart(index, bm);
        }
        break;
    }
    case RecordKind::Bits:
        applyBits(slot, record);
        break;
    case RecordKind::Complete: {
        if (!slot.bitmap || slot.complete) {
            throw std::runtime_error("COMPLETE without a bitmap being loaded");
        }
        DirtyBitmap& bm = *slot.bitmap;
        bm.bits().deserializeFinish();
        slot.complete = true;
        ++completeCount_;
        if (onComplete) {
            onComplete(index, bm);
        }
        // The recording state comes back with the successor: a bitmap the source did not record
        // with (no successor) stays disabled.
        if (bm.successor()) {
            bm.reclaim();
            if (guestHere_ && !bm.enabled()) {
                bm.setEnabled(true);
            }
        } else {
            bm.setBusy(false);
        }
        break;
    }
    case RecordKind::Eos:
        break;
    }
}

void BitmapReceiver::applyBits(Slot& slot, const StreamRecord& record)
{
    if (!slot.bitmap || slot.complete) {
        throw std::runtime_error("BITS without a bitmap being loaded");
    }
    const uint64_t diskBytes_ = slot.target.diskBytes;
    HBitmap& hb = slot.bitmap->bits();
    const uint64_t start = record.startSector * stream::kSectorSize;
    uint64_t count = uint64_t(record.nrSectors) * stream::kSectorSize;
    if (start >= diskBytes_) {
        throw std::runtime_error("BITS chunk starts at byte " + std::to_string(start) + ", past the disk end");
    }
    count = std::min(count, diskBytes_ - start);
    const uint64_t g = slot.bitmap->granularity();
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
    for (Slot& slot : slots_) {
        if (!slot.bitmap) {
            continue;
        }
        DirtyBitmap& bm = *slot.bitmap;
        if (slot.complete) {
            if (slot.recording && !bm.enabled()) {
                bm.setEnabled(true);
            }
        } else if (auto* succ = bm.successor()) {
            succ->setEnabled(true);
        }
    }
}

std::vector<std::unique_ptr<HBitmap>> BitmapReceiver::cancel()
{
    std::vector<std::unique_ptr<HBitmap>> guestWrites(slots_.size());
    for (size_t i = 0; i < slots_.size(); ++i) {
        Slot& slot = slots_[i];
        if (slot.bitmap && !slot.complete) {
            if (auto* succ = slot.bitmap->successor()) {
                // Moved, not copied: the bitmap and its successor are dropped just below.
                guestWrites[i] = std::make_unique<HBitmap>(std::move(succ->bits()));
            }
        }
        slot.bitmap.reset();
    }
    return guestWrites;
}

} // namespace bitmig
