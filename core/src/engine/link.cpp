#include <bitmig/engine/link.h>

#include "../saturating.h"

#include <bitmig/engine/downtimebudget.h>

#include <algorithm>

namespace bitmig::engine {

namespace {

constexpr uint32_t kSectionId = 1;  // one device's bitmaps: a single section

} // namespace

Link::Link(double bandwidth, int64_t latencyNs, int64_t tickNs)
    : bandwidth_(bandwidth), latencyNs_(latencyNs), tickNs_(tickNs)
{
}

void Link::reset(int64_t now)
{
    encoder_.reset();
    out_.clear();
    outBase_ = 0;
    wireEnd_ = 0;
    delivered_ = 0;
    arrivals_.clear();
    budget_ = 0;
    freeAt_ = now;
}

void Link::beginTick(int64_t now)
{
    tickStart_ = wireEnd_;
    freeAt_ = std::max(freeAt_, now);
    budget_ += bandwidth_ * double(tickNs_) * 1e-9;
}

void Link::endTick()
{
    if (wireEnd_ != tickStart_) {
        arrivals_.emplace_back(wireEnd_, detail::saturatingAdd(freeAt_, latencyNs_));
    }
}

EncodedSize Link::send(const StreamRecord& record)
{
    const EncodedSize size = encoder_.encode(record, out_);
    const uint64_t total = size.total();
    budget_ -= double(total);
    wireEnd_ += total;
    freeAt_ = detail::saturatingAdd(freeAt_, transferNs(total, bandwidth_));
    return size;
}

uint64_t Link::sendSection(SectionType type)
{
    const uint64_t n = encoder_.beginSection(type, kSectionId, out_);
    budget_ -= double(n);
    wireEnd_ += n;
    freeAt_ = detail::saturatingAdd(freeAt_, transferNs(n, bandwidth_));
    return n;
}

void Link::drop() noexcept
{
    arrivals_.clear();
    delivered_ = wireEnd_;
}

void Link::trimDelivered()
{
    // Delivered bytes are dropped in large steps, so that the erase is rare and cheap per byte.
    if (!recordStream_ && delivered_ - outBase_ > (uint64_t(1) << 20)) {
        out_.erase(out_.begin(), out_.begin() + std::ptrdiff_t(delivered_ - outBase_));
        outBase_ = delivered_;
    }
}

} // namespace bitmig::engine
