// The destination side of a bitmap migration: decodes the stream and loads it as QEMU's loader does.
#pragma once

#include <bitmig/dirtybitmap.h>
#include <bitmig/streamdecoder.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace bitmig {

// START creates the bitmap (disabled, with a disabled successor when the source was recording),
// BITS are deserialized without finishing, COMPLETE finishes it and reclaims the successor.
// Chunks smaller than a 64-bit word (below QEMU's minimum) carry the enclosing word; only the
// chunk's own bits are taken from it.
//
// Several bitmaps, on several nodes, load side by side: each record goes to the bitmap its names
// say. The END section's EOS ends the load once every bitmap is complete.
class BitmapReceiver {
public:
    // A bitmap the destination expects: its node, its name and the node's size.
    struct Target {
        std::string device, bitmap;
        uint64_t diskBytes = 0;
    };

    BitmapReceiver(std::string device, std::string bitmap, uint64_t diskBytes, uint64_t maxBufSize);
    BitmapReceiver(std::vector<Target> targets, uint64_t maxBufSize);

    // Feeds stream bytes; applies every complete record. Throws StreamError on a malformed stream
    // and std::runtime_error when a record does not fit the bitmap (e.g. granularity mismatch).
    void feed(std::span<const uint8_t> bytes);

    // The guest starts here (QEMU dirty_bitmap_mig_before_vm_start): a complete bitmap is enabled,
    // an incomplete one records through its successor.
    void guestStarts();

    // The first target's bitmap; nullptr before its START.
    DirtyBitmap* bitmap() noexcept { return slots_.front().bitmap.get(); }
    const DirtyBitmap* bitmap() const noexcept { return slots_.front().bitmap.get(); }
    // Target i's bitmap; nullptr before its START.
    DirtyBitmap* bitmap(size_t i) noexcept { return slots_[i].bitmap.get(); }
    const DirtyBitmap* bitmap(size_t i) const noexcept { return slots_[i].bitmap.get(); }
    size_t bitmapCount() const noexcept { return slots_.size(); }
    bool started() const noexcept { return startedCount_ == slots_.size(); }    // every START read
    bool complete() const noexcept { return completeCount_ == slots_.size(); }  // every COMPLETE read
    bool complete(size_t i) const noexcept { return slots_[i].complete; }
    bool ended() const noexcept { return ended_; }    // the END section's EOS was read
    uint64_t consumedBytes() const noexcept { return decoder_.offset(); }
    uint64_t records() const noexcept { return decoder_.recordCount(); }

    // Called at START with the target's index and the bitmap just created.
    std::function<void(size_t index, DirtyBitmap& created)> onStart;
    // Called at COMPLETE with the target's index and the loaded bitmap (finished, successor not yet
    // reclaimed).
    std::function<void(size_t index, const DirtyBitmap& loaded)> onComplete;

    // Cancel: every bitmap is released. Returns, per target, the successor's writes of an
    // unfinished bitmap (the guest's writes here) so the caller can hand them back, or nullptr.
    std::vector<std::unique_ptr<HBitmap>> cancel();

private:

    struct Slot {
        Target target;
        std::unique_ptr<DirtyBitmap> bitmap;
        bool complete = false;
        bool recording = false;  // START said ENABLED
    };
    Slot& slotFor(const StreamRecord& record);
    void apply(const StreamRecord& record);
    void applyBits(Slot& slot, const StreamRecord& record);

    std::vector<Slot> slots_;
    StreamDecoder decoder_;
    // The slot of the last record and the decoder's namings() then: a record that names nothing new
    // goes to the same slot without comparing its names again (once per chunk record otherwise).
    std::optional<size_t> lastSlot_;
    uint64_t lastSlotNamings_ = 0;
    size_t startedCount_ = 0;
    size_t completeCount_ = 0;
    bool ended_ = false;
    bool guestHere_ = false;
};

} // namespace bitmig
