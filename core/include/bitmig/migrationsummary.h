// What a simulated migration measured: phases, a time series and the closing summary.
#pragma once

#include <bitmig/simconfig.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bitmig {

enum class Phase { Idle, Setup, Bulk, Dirty, Complete, Done, Cancelled };

std::string_view phaseName(Phase p) noexcept;  // "idle", "setup", "bulk", "dirty", "complete", ...
std::optional<Phase> parsePhase(std::string_view name) noexcept;  // phaseName() read back

struct PhaseSpan {
    Phase phase = Phase::Idle;
    unsigned pass = 0;       // dirty pass number (1-based) for Phase::Dirty, else 0
    int64_t startNs = 0;
    int64_t endNs = -1;      // -1 while still running
    friend bool operator==(const PhaseSpan&, const PhaseSpan&) = default;
};

// One pass over the chunks of a precopy migration: the bulk pass (pass 0) or a dirty pass. What
// the convergence forecast reads: how much was pending when the pass began, how much its writes
// left behind when it ended, how long it took, and the budget the guest could pause within.
struct PassStats {
    unsigned pass = 0;            // 0: the bulk pass; 1, 2, ...: dirty passes
    int64_t startNs = 0;
    int64_t endNs = -1;           // -1 while the pass runs
    uint64_t pendingStart = 0;    // pending bytes (as records) when the pass began
    uint64_t pendingEnd = 0;      // pending bytes when it ended: the chunks its writes re-dirtied
    // Pending bytes the guest may pause with once the link has drained: bandwidth x (max downtime
    // - latency) less the complete phase's framing. Negative: not even an empty pass fits the limit.
    double budgetBytes = 0;
    bool endedFitting = false;    // the pass ended because pending fitted the budget
    friend bool operator==(const PassStats&, const PassStats&) = default;
};

// One bucket of the time series (sampleIntervalNs long, the last one may be shorter).
struct TimeSample {
    int64_t timeNs = 0;           // end of the bucket
    int64_t durationNs = 0;
    Phase phase = Phase::Idle;    // at the end of the bucket
    unsigned pass = 0;
    uint64_t payloadBytes = 0;    // bitmap bytes put on the wire in the bucket
    uint64_t headerBytes = 0;     // everything else put on the wire in the bucket
    uint64_t pendingBytes = 0;    // estimated chunk bytes still to send, at the end
    uint64_t thresholdBytes = 0;  // bandwidth * max downtime
    uint64_t dirtyBits = 0;       // set bits of the source bitmap, at the end
    uint64_t dirtyChunks = 0;     // set meta bits, at the end
    uint64_t writes = 0;          // guest writes and clears applied in the bucket
    uint64_t redirtiedChunks = 0; // meta bits newly set by those writes

    double seconds() const noexcept { return double(durationNs) * 1e-9; }
    double throughput() const noexcept  // bytes per second on the wire
    {
        return durationNs > 0 ? double(payloadBytes + headerBytes) / seconds() : 0;
    }
    double overhead() const noexcept
    {
        const uint64_t total = payloadBytes + headerBytes;
        return total ? double(headerBytes) / double(total) : 0;
    }
    friend bool operator==(const TimeSample&, const TimeSample&) = default;
};

// One bitmap's share of a migration (SimConfig::bitmapList() order). Its bytes are those of the
// records that name it (START, BITS, COMPLETE), names included; sections and EOS belong to none.
struct BitmapSummary {
    std::string device;
    std::string name;
    uint64_t granularity = 0;
    bool enabled = true;
    bool persistent = false;
    uint64_t bits = 0;              // bits of the bitmap
    uint64_t chunks = 0;
    uint64_t chunksSent = 0;
    uint64_t chunksResent = 0;
    uint64_t chunksZeroes = 0;
    uint64_t records = 0;
    uint64_t payloadBytes = 0;
    uint64_t wireBytes = 0;
    uint64_t dirtyBits = 0;         // set at the source when COMPLETE was loaded (or the run ended)
    uint64_t lostBits = 0;
    uint64_t extraBits = 0;
    bool verified = false;
    std::string sourceSha256;
    std::string destinationSha256;
    std::string expectedSha256;
};

struct MigrationSummary {
    Strategy strategy = Strategy::Precopy;
    std::vector<PhaseSpan> phases;
    std::vector<PassStats> passes;  // precopy: the bulk pass and each dirty pass of the last attempt
    bool started = false;
    bool finished = false;          // COMPLETE was applied at the destination
    bool cancelled = false;
    bool aborted = false;           // a link fault cancelled the migration and no retry followed
    bool converged = false;         // precopy: completed without hitting the pass cap
    bool verified = false;          // destination equals what the source tracked
    unsigned dirtyPasses = 0;
    uint64_t chunks = 0;            // chunks of the whole bitmap (of every bitmap)
    uint64_t chunksSent = 0;        // BITS records, ZEROES included
    uint64_t chunksResent = 0;      // of those, chunks already sent once before
    uint64_t chunksZeroes = 0;      // of those, ZEROES records
    uint64_t records = 0;           // records of every kind
    uint64_t payloadBytes = 0;
    uint64_t headerBytes = 0;       // record headers, padding and section framing
    uint64_t wireBytes = 0;         // payload + header: every byte encoded
    uint64_t decodedBytes = 0;      // bytes the destination's decoder consumed
    uint64_t writesApplied = 0;     // guest writes (workload and injections)
    uint64_t clearsApplied = 0;
    uint64_t faults = 0;            // scheduled link faults that cut a running migration
    uint64_t faultsIdle = 0;        // scheduled link faults while none ran (no effect)
    uint64_t retries = 0;           // migrations started again after a fault
    int64_t migrationStartNs = -1;
    int64_t pauseStartNs = -1;      // guest paused (precopy complete, stop-and-copy) or switched over
    int64_t downtimeNs = 0;
    int64_t expectedDowntimeNs = 0; // pending / bandwidth + latency, when the guest was paused
    int64_t maxDowntimeNs = 0;
    int64_t totalTimeNs = 0;        // migration start to COMPLETE applied
    int64_t unusableWindowNs = 0;   // postcopy: switch-over to COMPLETE, bitmap unusable at destination
    uint64_t lostBits = 0;          // set at the source, missing at the destination
    uint64_t extraBits = 0;         // set at the destination, clear at the source
    std::string sourceSha256;
    std::string destinationSha256;
    std::string expectedSha256;     // what the destination must hold (postcopy: source + successor)
    std::string error;              // the destination refused the stream (never expected)
    // Per bitmap. The figures above are totals over them, except the SHA-256 digests, which are
    // the first bitmap's (the only one without a layout).
    std::vector<BitmapSummary> bitmaps;

    double overhead() const noexcept
    {
        return wireBytes ? double(headerBytes) / double(wireBytes) : 0;
    }
};

} // namespace bitmig
