// A bitmap's dirty regions as byte runs, the form `qemu-img map` and NBD block status use.
#pragma once

#include <bitmig/hbitmap.h>

#include <vector>

namespace bitmig {

// The dirty items of `bits` as ascending, non-overlapping, non-adjacent runs [start, start + count):
// each run is whole granules, merged with its dirty neighbours, the last one clipped to size().
std::vector<Range> dirtyExtents(const HBitmap& bits);

} // namespace bitmig
