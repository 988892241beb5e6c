// What a migration run measures: the summary's counters, phase spans, precopy passes, the time
// series in buckets and the chunks of the last tick.
#pragma once

#include <bitmig/migrationsummary.h>
#include <bitmig/simconfig.h>
#include <bitmig/streamencoder.h>

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

namespace bitmig::engine {

// What a time-series bucket reports about the end of its interval (the rest it sums as it goes).
struct BucketEnd {
    Phase phase = Phase::Idle;
    unsigned pass = 0;
    uint64_t pendingBytes = 0;
    uint64_t thresholdBytes = 0;
    uint64_t dirtyBits = 0;
    uint64_t dirtyChunks = 0;
};

class Recorder {
public:
    // The run starts idle at time 0.
    Recorder(const SimConfig& config, uint64_t chunks);

    // The summary as measured so far. Its one-off figures (times, digests, the result) are set by
    // whoever knows them; the counters below go through the methods.
    MigrationSummary& summary() noexcept { return summary_; }
    const MigrationSummary& summary() const noexcept { return summary_; }

    // A new attempt: its transfer figures start from zero (faults and guest I/O carry on).
    void startAttempt(int64_t now);
    void beginTick() noexcept { sentLastTick_.clear(); }

    // ---- the wire ----
    // A record on the wire; only the first `meaningfulPayload` bytes of its payload are bitmap,
    // the rest (padding) is overhead.
    void recordSent(const EncodedSize& size, uint64_t meaningfulPayload) noexcept
    {
        const uint64_t total = size.total();
        const uint64_t payload = std::min<uint64_t>(meaningfulPayload, size.payload);
        summary_.payloadBytes += payload;
        summary_.headerBytes += total - payload;
        summary_.wireBytes += total;
        ++summary_.records;
        bucket_.payloadBytes += payload;
        bucket_.headerBytes += total - payload;
    }
    void sectionSent(uint64_t bytes) noexcept
    {
        summary_.headerBytes += bytes;
        summary_.wireBytes += bytes;
        bucket_.headerBytes += bytes;
    }
    // A record of bitmap `bitmap` (an index into summary().bitmaps), already counted by recordSent().
    void bitmapRecordSent(size_t bitmap, const EncodedSize& size, uint64_t meaningfulPayload) noexcept
    {
        if (bitmap < summary_.bitmaps.size()) {
            BitmapSummary& b = summary_.bitmaps[bitmap];
            ++b.records;
            b.payloadBytes += std::min<uint64_t>(meaningfulPayload, size.payload);
            b.wireBytes += size.total();
        }
    }
    // A chunk's BITS record (ZEROES when `zeroes`); a chunk sent before in this attempt is a resend.
    // `index` counts the chunks of every bitmap, one bitmap after the other; `bitmap` is its bitmap.
    void chunkSent(uint64_t index, bool zeroes, size_t bitmap = 0)
    {
        ++summary_.chunksSent;
        summary_.chunksZeroes += zeroes;
        uint64_t& once = sentOnce_[index >> 6];
        const uint64_t bit = uint64_t(1) << (index & 63);
        const bool resent = (once & bit) != 0;
        summary_.chunksResent += resent;
        once |= bit;
        if (bitmap < summary_.bitmaps.size()) {
            BitmapSummary& b = summary_.bitmaps[bitmap];
            ++b.chunksSent;
            b.chunksZeroes += zeroes;
            b.chunksResent += resent;
        }
        if (sentLastTick_.size() < kMaxSentListed) {
            sentLastTick_.push_back(index);
        }
    }

    // ---- the guest ----
    void guestIoApplied(Injection::Op op) noexcept
    {
        if (op == Injection::Op::Write) {
            ++summary_.writesApplied;
        } else {
            ++summary_.clearsApplied;
        }
        ++bucket_.writes;
    }
    void guestWritesApplied(uint64_t n) noexcept
    {
        summary_.writesApplied += n;
        bucket_.writes += n;
    }
    void chunksRedirtied(uint64_t n) noexcept { bucket_.redirtiedChunks += n; }

    // ---- phases and passes ----
    // Ends the open span and opens one for `phase` (Done and Cancelled are closed at once).
    void enterPhase(int64_t now, Phase phase, unsigned pass = 0);
    // A precopy pass (0: bulk) begins with `pendingBytes` to send.
    void beginPass(int64_t now, unsigned pass, uint64_t pendingBytes);
    bool passOpen() const noexcept { return !summary_.passes.empty() && summary_.passes.back().endNs < 0; }
    // Ends the open pass; nothing when none is open.
    void endPass(int64_t now, uint64_t pendingBytes, double budgetBytes, bool endedFitting);

    // ---- time series ----
    // Whether the bucket running since the last sample ends at `now` (`force`: whatever its
    // length, if it is not empty).
    bool sampleDue(int64_t now, bool force) const noexcept
    {
        const int64_t length = now - bucketStart_;
        return length > 0 && (force || length >= sampleIntervalNs_);
    }
    void sample(int64_t now, const BucketEnd& end);
    const std::vector<TimeSample>& samples() const noexcept { return samples_; }
    std::vector<TimeSample> takeSamples() noexcept { return std::exchange(samples_, {}); }

    // Chunks put on the wire in the current (or last) tick, in order, the first few thousand.
    const std::vector<uint64_t>& chunksSentLastTick() const noexcept { return sentLastTick_; }
    static constexpr size_t kMaxSentListed = 4096;

private:
    int64_t sampleIntervalNs_;
    uint64_t chunks_;
    MigrationSummary summary_;
    std::vector<uint64_t> sentOnce_;  // bit per chunk: sent in this attempt already
    std::vector<uint64_t> sentLastTick_;
    std::vector<TimeSample> samples_;
    TimeSample bucket_;
    int64_t bucketStart_ = 0;
};

} // namespace bitmig::engine
