// A bitmap's dirty regions as byte runs, the form `qemu-img map` and NBD block status use.
#pragma once

#include <bitmig/hbitmap.h>

#include <vector>

namespace bitmig {

// The dirty items of `bits` as ascending, non-overlapping, non-adjacent runs [start, start + count):
// each run is whole granules, merged with its dirty neighbours, the last one clipped to size().
std::vector<Range> dirtyExtents(const HBitmap& bits);

// A bitmap of `size` items at 2^granularityLog2 items per bit with the granules `runs` touch set
// (the inverse of dirtyExtents()); std::out_of_range if a run reaches past `size`.
HBitmap bitmapFromExtents(uint64_t size, unsigned granularityLog2, const std::vector<Range>& runs);

// What changed from one list of runs to the next (both ascending and non-overlapping, as
// dirtyExtents() gives them): the runs dirty in `after` but not in `before`, and the reverse.
struct ExtentChanges {
    std::vector<Range> dirtied;
    std::vector<Range> cleaned;
};
ExtentChanges diffExtents(const std::vector<Range>& before, const std::vector<Range>& after);

} // namespace bitmig
