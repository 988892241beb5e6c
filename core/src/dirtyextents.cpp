#include <bitmig/dirtyextents.h>

#include <algorithm>
#include <stdexcept>
#include <string>

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

HBitmap bitmapFromExtents(uint64_t size, unsigned granularityLog2, const std::vector<Range>& runs)
{
    HBitmap bits(size, granularityLog2);
    for (const Range& r : runs) {
        if (r.start > size || r.count > size - r.start) {
            throw std::out_of_range("extent [" + std::to_string(r.start) + ", +" + std::to_string(r.count) +
                                    ") reaches past the end (" + std::to_string(size) + ")");
        }
        bits.set(r.start, r.count);
    }
    return bits;
}

namespace {

// Appends [start, end) to `out`, joined to the last run when they touch.
void append(std::vector<Range>& out, uint64_t start, uint64_t end)
{
    if (start >= end) {
        return;
    }
    if (!out.empty() && out.back().start + out.back().count == start) {
        out.back().count += end - start;
    } else {
        out.push_back(Range{start, end - start});
    }
}

// The parts of `a` that no run of `b` covers (both ascending, non-overlapping).
std::vector<Range> subtract(const std::vector<Range>& a, const std::vector<Range>& b)
{
    std::vector<Range> out;
    size_t j = 0;
    for (const Range& r : a) {
        uint64_t pos = r.start;
        const uint64_t end = r.start + r.count;
        while (j < b.size() && b[j].start + b[j].count <= pos) {
            ++j;
        }
        size_t k = j;
        while (pos < end && k < b.size() && b[k].start < end) {
            append(out, pos, std::min(end, b[k].start));
            pos = std::max(pos, b[k].start + b[k].count);
            ++k;
        }
        append(out, pos, end);
    }
    return out;
}

} // namespace

ExtentChanges diffExtents(const std::vector<Range>& before, const std::vector<Range>& after)
{
    return ExtentChanges{subtract(after, before), subtract(before, after)};
}

} // namespace bitmig
