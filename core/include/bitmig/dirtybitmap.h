// A block-layer dirty bitmap: an HBitmap over disk bytes with QEMU BdrvDirtyBitmap state.
#pragma once

#include <bitmig/hbitmap.h>

#include <memory>
#include <string>

namespace bitmig {

// Items are bytes of the disk; one bit covers `granularity` bytes (a power of two >= 512).
// State follows QEMU's BdrvDirtyBitmap: enabled (recording), busy (in use by a migration),
// and an anonymous successor that takes over recording while the bitmap itself is migrated.
class DirtyBitmap {
public:
    static constexpr uint64_t kMinGranularity = 512;
    static constexpr size_t kMaxNameBytes = 1023;

    // std::invalid_argument if the granularity is not a power of two >= 512, the name is
    // longer than 1023 bytes, or the disk needs more than 2^41 bits.
    DirtyBitmap(std::string name, uint64_t diskBytes, uint64_t granularityBytes);

    const std::string& name() const noexcept { return name_; }
    uint64_t diskBytes() const noexcept { return bits_.size(); }
    uint64_t granularity() const noexcept { return uint64_t(1) << bits_.granularity(); }
    unsigned granularityLog2() const noexcept { return bits_.granularity(); }
    uint64_t bitCount() const noexcept { return bits_.bitCount(); }
    uint64_t dirtyBits() const noexcept { return bits_.count() >> bits_.granularity(); }
    // Bytes of the serialized bitmap: ceil(bits / 8), as QEMU reports it.
    uint64_t bitmapBytes() const noexcept { return (bitCount() + 7) / 8; }

    bool enabled() const noexcept { return enabled_; }
    void setEnabled(bool on);                 // std::logic_error while busy
    bool busy() const noexcept { return busy_; }
    void setBusy(bool on) noexcept { busy_ = on; }
    bool persistent() const noexcept { return persistent_; }
    void setPersistent(bool on) noexcept { persistent_ = on; }
    // QEMU's `recording`: enabled, or a successor that is enabled.
    bool recording() const noexcept { return enabled_ || (successor_ && successor_->enabled_); }

    // A guest write of [offset, offset + bytes): marks this bitmap if enabled and the successor
    // if it is enabled (QEMU sets every enabled bitmap of the node). std::out_of_range past the end.
    void markDirty(uint64_t offset, uint64_t bytes)
    {
        // Inline for the common case (called for every simulated write): a write inside the disk,
        // no successor; the rest, errors included, is out of line.
        if (!successor_ && bytes != 0 && offset < bits_.size() && bytes <= bits_.size() - offset) {
            if (enabled_) {
                bits_.set(offset, bytes);
            }
            return;
        }
        markDirtyGeneral(offset, bytes);
    }
    // A hint ahead of markDirty(offset, ...): prefetches what it will write in the bitmap that
    // records it (the successor while there is one). Changes nothing. Always inlined, as
    // HBitmap::prefetchForSet().
#if defined(__GNUC__) || defined(__clang__)
    [[gnu::always_inline]]
#endif
    void prefetchForWrite(uint64_t offset) const noexcept
    {
        if (successor_) {
            if (successor_->enabled_) {
                successor_->bits_.prefetchForSet(offset);
            }
        } else if (enabled_) {
            bits_.prefetchForSet(offset);
        }
    }
    // Clears the granules wholly inside [offset, offset + bytes) (a partly covered granule stays
    // dirty: it may still hold data written since). Returns the bytes of disk cleared.
    uint64_t clearInside(uint64_t offset, uint64_t bytes);
    void clearAll() { bits_.resetAll(); }

    HBitmap& bits() noexcept { return bits_; }
    const HBitmap& bits() const noexcept { return bits_; }

    // Meta bitmap with one bit per `chunkBytes` bytes of serialized bitmap (a power of two).
    HBitmap& createMeta(uint64_t chunkBytes);
    void freeMeta() { bits_.freeMeta(); }
    HBitmap* meta() noexcept { return bits_.meta(); }
    const HBitmap* meta() const noexcept { return bits_.meta(); }
    // Disk bytes one meta bit stands for: chunkBytes * 8 * granularity.
    static uint64_t metaCoverage(uint64_t chunkBytes, uint64_t granularityBytes) noexcept
    {
        return chunkBytes * 8 * granularityBytes;
    }

    // Successor protocol (reference section 2). std::logic_error when the state forbids it.
    DirtyBitmap& createSuccessor();
    DirtyBitmap* successor() noexcept { return successor_.get(); }
    const DirtyBitmap* successor() const noexcept { return successor_.get(); }
    // The successor takes this bitmap's name and persistence and is handed to the caller;
    // this bitmap is left without successor, to be released.
    std::unique_ptr<DirtyBitmap> abdicate();
    // this |= successor; recording state comes back from the successor; busy is cleared.
    void reclaim();

private:
    void markDirtyGeneral(uint64_t offset, uint64_t bytes);

    std::string name_;
    HBitmap bits_;
    bool enabled_ = true;
    bool busy_ = false;
    bool persistent_ = false;
    std::unique_ptr<DirtyBitmap> successor_;
};

} // namespace bitmig
