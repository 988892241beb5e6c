// The range of every time, rate and size a simulation accepts (SimConfig::validate() enforces
// them; docs/cli.md lists them). They keep the engine's arithmetic far from overflow: every time
// is below 2^55 ns, so a sum of a few of them (the clock, a tick, the link's queue, the latency)
// stays below 2^63, and the few products of a rate and a time (bytes the link carries in a
// downtime, a record's time on the wire) are computed in doubles and converted with saturation.
#pragma once

#include <cstdint>

namespace bitmig::limits {

inline constexpr int64_t kMaxTimeNs = int64_t(365) * 24 * 3600 * 1'000'000'000;  // 365 days, < 2^55 ns
inline constexpr uint64_t kMaxDiskBytes = uint64_t(1) << 60;                     // 1 EiB
inline constexpr double kMinBandwidth = 125;      // bytes per second: 1 kbit/s
inline constexpr double kMaxBandwidth = 1.25e12;  // bytes per second: 10 Tbit/s
inline constexpr double kMaxWriteRate = 1e9;      // guest writes per second
inline constexpr double kMinBurstDuty = 1e-6;
inline constexpr double kMinTraceSpeed = 1e-6;
inline constexpr double kMaxTraceSpeed = 1e6;

static_assert(kMaxTimeNs < (int64_t(1) << 55));

} // namespace bitmig::limits
