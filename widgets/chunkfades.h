// Chunks that just left, for the fading outlines ("chunks leaving visibly"): when each was last
// sent, in wall-clock milliseconds, kept for a short while and never more than a fixed number.
#pragma once

#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace bitmig {

class ChunkFades {
public:
    struct Run {
        uint64_t firstChunk = 0;
        uint64_t endChunk = 0;  // exclusive
        double alpha = 0;       // 1 just sent, 0 gone
    };

    explicit ChunkFades(int64_t fadeMs = 400, size_t capacity = 2048) : fadeMs_(fadeMs), capacity_(capacity) {}

    void record(const std::vector<uint64_t>& chunks, int64_t nowMs);
    // Drops what has faded, then the oldest beyond capacity.
    void expire(int64_t nowMs);
    void clear() { sent_.clear(); }
    bool empty() const noexcept { return sent_.empty(); }
    size_t size() const noexcept { return sent_.size(); }
    int64_t fadeMs() const noexcept { return fadeMs_; }

    // Consecutive chunks sent at about the same time merge into one run, so a burst of a pass is
    // one outline rather than a chain of boxes. Sorted by first chunk.
    std::vector<Run> runs(int64_t nowMs) const;

private:
    int64_t fadeMs_;
    size_t capacity_;
    std::unordered_map<uint64_t, int64_t> sent_;
};

} // namespace bitmig
