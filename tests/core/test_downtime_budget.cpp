// The downtime arithmetic on its own: figures worked out by hand from bandwidth, limit, latency,
// framing and what the link still holds.
#include <bitmig/engine/downtimebudget.h>
#include <bitmig/streamencoder.h>

#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <vector>

using namespace bitmig;
using namespace bitmig::engine;

namespace {

constexpr int64_t kMs = 1'000'000;

// 1 MB/s: one byte per microsecond, so byte counts and times read alike.
DowntimeLimits limits1MBs(int64_t maxDowntimeNs, int64_t latencyNs, uint64_t framing)
{
    return DowntimeLimits{1e6, maxDowntimeNs, latencyNs, framing};
}

} // namespace

TEST_CASE("Downtime budget: time on the wire", "[engine][downtime]")
{
    CHECK(transferNs(1000, 1e6) == 1 * kMs);
    CHECK(transferNs(125, 125e6) == 1000);  // 1 Gbit/s: 8 ns per byte
    CHECK(transferNs(0, 1e6) == 0);
    CHECK(transferNs(1, 3) == 333'333'333);  // rounded toward zero
    // Far past representable time: saturated, not wrapped.
    CHECK(transferNs(std::numeric_limits<uint64_t>::max(), 125) == std::numeric_limits<int64_t>::max());
}

TEST_CASE("Downtime budget: bandwidth x what is left of the limit, less the framing", "[engine][downtime]")
{
    // 10 ms limit, 2 ms latency, 3 ms still queued: 5 ms less 1 ns at 1 byte/us is 4999.999 bytes,
    // less 100 bytes of framing.
    const DowntimeLimits l = limits1MBs(10 * kMs, 2 * kMs, 100);
    CHECK(downtimeBudget(l, 3 * kMs) == Approx(4899.999).epsilon(1e-12));
    CHECK(downtimeBudgetBytes(l, 3 * kMs) == 4899);
    // A drained link leaves 3 ms more: 3000 bytes.
    CHECK(downtimeBudgetBytes(l, 0) == 7899);
    // Twice the bandwidth, twice the bytes (the framing stays).
    DowntimeLimits fast = l;
    fast.bandwidth = 2e6;
    CHECK(downtimeBudgetBytes(fast, 3 * kMs) == 9899);
}

TEST_CASE("Downtime budget: a limit the latency and framing alone exceed leaves nothing", "[engine][downtime]")
{
    const DowntimeLimits l = limits1MBs(2 * kMs, 2 * kMs, 8);
    CHECK(downtimeBudget(l, 0) < 0);  // kept negative for the pass statistics
    CHECK(downtimeBudgetBytes(l, 0) == 0);
    CHECK_FALSE(fitsDowntime(l, 0, 0));
    // The queued time counts like latency.
    const DowntimeLimits m = limits1MBs(5 * kMs, 1 * kMs, 8);
    CHECK(downtimeBudgetBytes(m, 4 * kMs) == 0);
    CHECK_FALSE(fitsDowntime(m, 0, 4 * kMs));
    CHECK(fitsDowntime(m, 0, 3 * kMs));
}

TEST_CASE("Downtime budget: the fit check and the budget agree at the boundary", "[engine][downtime]")
{
    // 3 ms queued + (pending + 100) us + 2 ms must stay under 10 ms: pending up to 4899 bytes.
    const DowntimeLimits l = limits1MBs(10 * kMs, 2 * kMs, 100);
    CHECK(fitsDowntime(l, 4899, 3 * kMs));
    CHECK_FALSE(fitsDowntime(l, 4900, 3 * kMs));
    CHECK(fitsDowntime(l, downtimeBudgetBytes(l, 3 * kMs), 3 * kMs));
    CHECK_FALSE(fitsDowntime(l, downtimeBudgetBytes(l, 3 * kMs) + 1, 3 * kMs));
    // Ending exactly at the limit is over it.
    const DowntimeLimits exact = limits1MBs(1 * kMs, 0, 0);
    CHECK_FALSE(fitsDowntime(exact, 1000, 0));
    CHECK(fitsDowntime(exact, 999, 0));
}

TEST_CASE("Downtime budget: the complete phase's framing follows the encoder's names", "[engine][downtime]")
{
    // EOS (1) + END section header (5) + COMPLETE + EOS (1). COMPLETE is a flags byte and, while the
    // encoder has sent no names, both names with their length bytes: 1 + (1 + 6) + (1 + 7).
    StreamEncoder enc;
    CHECK(completeFramingBytes(enc, "drive0", "bitmap0") == 1 + 5 + 16 + 1);
    std::vector<uint8_t> out;
    enc.encode(StreamRecord::start("drive0", "bitmap0", 65536, 0), out);
    // Names already on the wire: COMPLETE is its flags byte alone.
    CHECK(completeFramingBytes(enc, "drive0", "bitmap0") == 1 + 5 + 1 + 1);
    // Another bitmap of the same device: only the bitmap name goes again.
    CHECK(completeFramingBytes(enc, "drive0", "other") == 1 + 5 + (1 + 1 + 5) + 1);
}
