#include <bitmig/engine/downtimebudget.h>

#include "../saturating.h"

#include <bitmig/streamencoder.h>

#include <string>

namespace bitmig::engine {

int64_t transferNs(uint64_t bytes, double bandwidth) noexcept
{
    return detail::saturatingNs(double(bytes) / bandwidth * 1e9);
}

double downtimeBudget(const DowntimeLimits& limits, int64_t queuedNs) noexcept
{
    // The 1 ns keeps the budget strict: a complete phase that would end exactly at the limit is over it.
    const double ns = double(limits.maxDowntimeNs) - 1 - double(limits.latencyNs) - double(queuedNs);
    return ns * 1e-9 * limits.bandwidth - double(limits.completeFramingBytes);
}

uint64_t downtimeBudgetBytes(const DowntimeLimits& limits, int64_t queuedNs) noexcept
{
    return detail::saturatingBytes(downtimeBudget(limits, queuedNs));
}

bool fitsDowntime(const DowntimeLimits& limits, uint64_t pendingBytes, int64_t queuedNs) noexcept
{
    const uint64_t bytes = pendingBytes + limits.completeFramingBytes;
    const double ns = double(queuedNs) + double(bytes) / limits.bandwidth * 1e9 + double(limits.latencyNs);
    return ns + 1 <= double(limits.maxDowntimeNs);
}

uint64_t completeFramingBytes(const StreamEncoder& encoder, std::string_view device, std::string_view bitmap)
{
    return StreamEncoder::eosRecordSize() + StreamEncoder::sectionHeaderSize(SectionType::End) +
           encoder.sizeOf(StreamRecord::complete(std::string(device), std::string(bitmap))).total() +
           StreamEncoder::eosRecordSize();
}

} // namespace bitmig::engine
