#include <bitmig/dirtybitmap.h>

#include <bit>
#include <stdexcept>

namespace bitmig {

namespace {

unsigned checkedGranularityLog2(uint64_t granularityBytes)
{
    if (granularityBytes < DirtyBitmap::kMinGranularity || !std::has_single_bit(granularityBytes)) {
        throw std::invalid_argument("dirty bitmap granularity " + std::to_string(granularityBytes) +
                                    " is not a power of two of at least 512 bytes");
    }
    return unsigned(std::countr_zero(granularityBytes));
}

} // namespace

DirtyBitmap::DirtyBitmap(std::string name, uint64_t diskBytes, uint64_t granularityBytes)
    : name_(std::move(name)), bits_(diskBytes, checkedGranularityLog2(granularityBytes))
{
    if (name_.size() > kMaxNameBytes) {
        throw std::invalid_argument("dirty bitmap name is " + std::to_string(name_.size()) +
                                    " bytes long; at most 1023 are allowed");
    }
}

void DirtyBitmap::setEnabled(bool on)
{
    if (busy_) {
        throw std::logic_error("dirty bitmap '" + name_ + "' is busy and cannot be enabled or disabled");
    }
    enabled_ = on;
}

void DirtyBitmap::markDirtyGeneral(uint64_t offset, uint64_t bytes)
{
    if (bytes == 0) {
        return;
    }
    if (offset >= diskBytes() || bytes > diskBytes() - offset) {
        throw std::out_of_range("write [" + std::to_string(offset) + ", +" + std::to_string(bytes) +
                                ") is past the end of a " + std::to_string(diskBytes()) + "-byte disk");
    }
    if (enabled_) {
        bits_.set(offset, bytes);
    }
    if (successor_ && successor_->enabled_) {
        successor_->bits_.set(offset, bytes);
    }
}

uint64_t DirtyBitmap::clearInside(uint64_t offset, uint64_t bytes)
{
    if (bytes == 0) {
        return 0;
    }
    if (offset >= diskBytes() || bytes > diskBytes() - offset) {
        throw std::out_of_range("clear [" + std::to_string(offset) + ", +" + std::to_string(bytes) +
                                ") is past the end of a " + std::to_string(diskBytes()) + "-byte disk");
    }
    const uint64_t g = granularity();
    const uint64_t first = (offset + g - 1) / g * g;
    uint64_t end = offset + bytes;
    if (end != diskBytes()) {
        end = end / g * g;  // a granule is cleared only when the range covers it (or the disk ends)
    }
    if (end <= first) {
        return 0;
    }
    bits_.reset(first, end - first);
    return end - first;
}

HBitmap& DirtyBitmap::createMeta(uint64_t chunkBytes)
{
    if (chunkBytes == 0 || !std::has_single_bit(chunkBytes)) {
        throw std::invalid_argument("chunk size " + std::to_string(chunkBytes) +
                                    " bytes is not a power of two");
    }
    return bits_.createMeta(chunkBytes * 8);
}

DirtyBitmap& DirtyBitmap::createSuccessor()
{
    if (busy_) {
        throw std::logic_error("dirty bitmap '" + name_ + "' is busy: cannot create a successor");
    }
    if (successor_) {
        throw std::logic_error("dirty bitmap '" + name_ + "' already has a successor");
    }
    successor_ = std::make_unique<DirtyBitmap>(std::string(), diskBytes(), granularity());
    successor_->enabled_ = enabled_;
    enabled_ = false;
    busy_ = true;
    return *successor_;
}

std::unique_ptr<DirtyBitmap> DirtyBitmap::abdicate()
{
    if (!successor_) {
        throw std::logic_error("dirty bitmap '" + name_ + "' has no successor to abdicate to");
    }
    auto succ = std::move(successor_);
    succ->name_ = std::move(name_);
    succ->persistent_ = persistent_;
    name_.clear();
    persistent_ = false;
    return succ;
}

void DirtyBitmap::reclaim()
{
    if (!successor_) {
        throw std::logic_error("dirty bitmap '" + name_ + "' has no successor to reclaim");
    }
    bits_.merge(successor_->bits_);
    enabled_ = successor_->enabled_;
    busy_ = false;
    successor_.reset();
}

} // namespace bitmig
