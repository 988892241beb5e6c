// The four time-series charts under the heatmaps, named so views, tests and export agree.
#pragma once

namespace bitmig {

enum class ChartKind {
    Throughput,  // series 0: payload bytes/s, 1: header bytes/s
    Overhead,    // series 0: header / wire per bucket (%), 1: the same since the first bucket (%)
    Pending,     // series 0: pending bytes, 1: bandwidth x max downtime (bytes)
    DirtyRate,   // series 0: re-dirtied bitmap bytes/s, 1: guest writes/s
};

inline constexpr int kChartKindCount = 4;

} // namespace bitmig
