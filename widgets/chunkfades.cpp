#include "chunkfades.h"

#include <algorithm>
#include <utility>

namespace bitmig {

void ChunkFades::record(const std::vector<uint64_t>& chunks, int64_t nowMs)
{
    for (const uint64_t chunk : chunks) {
        sent_[chunk] = nowMs;
    }
    expire(nowMs);
}

void ChunkFades::expire(int64_t nowMs)
{
    std::erase_if(sent_, [&](const auto& entry) { return nowMs - entry.second >= fadeMs_; });
    if (sent_.size() <= capacity_) {
        return;
    }
    std::vector<std::pair<int64_t, uint64_t>> byAge;
    byAge.reserve(sent_.size());
    for (const auto& [chunk, time] : sent_) {
        byAge.emplace_back(time, chunk);
    }
    const auto keepFrom = byAge.begin() + std::ptrdiff_t(byAge.size() - capacity_);
    std::nth_element(byAge.begin(), keepFrom, byAge.end());
    for (auto it = byAge.begin(); it != keepFrom; ++it) {
        sent_.erase(it->second);
    }
}

std::vector<ChunkFades::Run> ChunkFades::runs(int64_t nowMs) const
{
    std::vector<std::pair<uint64_t, int64_t>> live;
    live.reserve(sent_.size());
    for (const auto& [chunk, time] : sent_) {
        if (nowMs - time < fadeMs_) {
            live.emplace_back(chunk, time);
        }
    }
    std::sort(live.begin(), live.end());
    // Within this many ms two neighbours count as one burst.
    const int64_t together = std::max<int64_t>(1, fadeMs_ / 8);
    std::vector<Run> out;
    int64_t runTime = 0;
    for (const auto& [chunk, time] : live) {
        const double alpha = 1.0 - double(nowMs - time) / double(fadeMs_);
        if (!out.empty() && out.back().endChunk == chunk && std::abs(time - runTime) <= together) {
            out.back().endChunk = chunk + 1;
            out.back().alpha = std::max(out.back().alpha, alpha);
            runTime = std::max(runTime, time);
            continue;
        }
        out.push_back({chunk, chunk + 1, alpha});
        runTime = time;
    }
    return out;
}

} // namespace bitmig
