// The destination side of a bitmap migration: decodes the stream and loads it as QEMU's loader does.
#pragma once

#include <bitmig/dirtybitmap.h>
#include <bitmig/streamdecoder.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>

namespace bitmig {

// START creates the bitmap (disabled, with a disabled successor when the source was recording),
// BITS are deserialized without finishing, COMPLETE finishes it and reclaims the successor.
// Chunks smaller than a 64-bit word (below QEMU's minimum) carry the enclosing word; only the
// chunk's own bits are taken from it.
class BitmapReceiver {
public:
    BitmapReceiver(std::string device, std::string bitmap, uint64_t diskBytes, uint64_t maxBufSize);

    // Feeds stream bytes; applies every complete record. Throws StreamError on a malformed stream
    // and std::runtime_error when a record does not fit the bitmap (e.g. granularity mismatch).
    void feed(std::span<const uint8_t> bytes);

    // The guest starts here (QEMU dirty_bitmap_mig_before_vm_start): a complete bitmap is enabled,
    // an incomplete one records through its successor.
    void guestStarts();

    DirtyBitmap* bitmap() noexcept { return bitmap_.get(); }
    const DirtyBitmap* bitmap() const noexcept { return bitmap_.get(); }
    bool complete() const noexcept { return complete_; }
    bool ended() const noexcept { return ended_; }    // the END section's EOS was read
    uint64_t consumedBytes() const noexcept { return decoder_.offset(); }
    uint64_t records() const noexcept { return decoder_.recordCount(); }

    // Called at START with the bitmap just created.
    std::function<void(DirtyBitmap& created)> onStart;
    // Called at COMPLETE with the loaded bitmap (finished, successor not yet reclaimed).
    std::function<void(const DirtyBitmap& loaded)> onComplete;

    // Cancel: an unfinished bitmap is released. Returns the successor's
    // writes (the guest's writes here) so the caller can hand them back, or nullptr.
    std::unique_ptr<HBitmap> cancel();

private:
    void apply(const StreamRecord& record);
    void applyBits(const StreamRecord& record);

    std::string device_, name_;
    uint64_t diskBytes_;
    StreamDecoder decoder_;
    std::unique_ptr<DirtyBitmap> bitmap_;
    bool complete_ = false;
    bool ended_ = false;
    bool guestHere_ = false;
};

} // namespace bitmig
