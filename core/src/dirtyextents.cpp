#include <bitmig/dirtyextents.h>

namespace bitmig {

std::vector<Range> dirtyExtents(const HBitmap& bits)
{
    std::vector<Range> runs;
    uint64_t pos = 0;
    // nextDirtyArea returns a maximal run (it stops at the next clean granule), so runs never touch.
    while (const auto area = bits.nextDirtyArea(pos, bits.size(), kToEnd)) {
        runs.push_back(*area);
        pos = area->start + area->count;
    }
    return runs;
}

} // namespace bitmig
