// The downtime arithmetic of a migration: how many pending bytes may still go once the guest
// pauses, and whether what is pending fits the maximum downtime. Pure functions of their inputs.
#pragma once

#include <cstdint>
#include <string_view>

namespace bitmig {
class StreamEncoder;
}

namespace bitmig::engine {

// What bounds the complete phase. The framing is what the complete phase sends besides chunks
// (see completeFramingBytes()); it depends on the encoder's name state, so it is an input here.
struct DowntimeLimits {
    double bandwidth = 0;               // bytes per second
    int64_t maxDowntimeNs = 0;
    int64_t latencyNs = 0;
    uint64_t completeFramingBytes = 0;
};

// Time on the wire of `bytes` at `bandwidth`, rounded toward zero and saturated. Every link time
// in the engine goes through here, so budgets and arrivals agree to the nanosecond.
int64_t transferNs(uint64_t bytes, double bandwidth) noexcept;

// Pending bytes that can still go within the maximum downtime when the link needs `queuedNs` more
// to carry what it already holds: bandwidth x (max downtime - 1 ns - latency - queued), less the
// framing. Negative when not even an empty complete phase fits (PassStats::budgetBytes keeps that).
double downtimeBudget(const DowntimeLimits& limits, int64_t queuedNs) noexcept;
// The same, in whole bytes, 0 when negative.
uint64_t downtimeBudgetBytes(const DowntimeLimits& limits, int64_t queuedNs) noexcept;

// Whether pausing the guest now keeps the expected downtime within the limit: the queued time, then
// `pendingBytes` and the framing on the wire, then the latency, strictly under the maximum. Counted
// from the same figures as downtimeBudget(), so a pause decided here is one the budget allows.
bool fitsDowntime(const DowntimeLimits& limits, uint64_t pendingBytes, int64_t queuedNs) noexcept;

// Around the chunks the complete phase sends: the closing EOS of the pass, the END section header,
// COMPLETE (with the names the encoder would put on it now) and EOS.
uint64_t completeFramingBytes(const StreamEncoder& encoder, std::string_view device, std::string_view bitmap);

} // namespace bitmig::engine
