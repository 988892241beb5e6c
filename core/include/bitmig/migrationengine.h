// The simulation: a guest dirtying a source bitmap, a sender in one of three strategies, a link with
// real record sizes, and a destination that decodes and loads what arrives.
#pragma once

#include <bitmig/bitmapreceiver.h>
#include <bitmig/dirtybitmap.h>
#include <bitmig/engine/guest.h>
#include <bitmig/engine/link.h>
#include <bitmig/engine/recorder.h>
#include <bitmig/engine/sender.h>
#include <bitmig/migrationsummary.h>
#include <bitmig/bitmapdigest.h>
#include <bitmig/simconfig.h>
#include <bitmig/streamencoder.h>
#include <bitmig/workload.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

namespace bitmig {

// Time advances in ticks (SimConfig::tickNs). In each tick: scheduled injections and workload
// writes reach the bitmap where the guest runs; the sender spends the link's budget on records
// (a record that does not fit leaves a debt for the next tick); bytes that have crossed the link
// (latency) are decoded at the destination. Deterministic: one seeded generator drives everything.
//
// The engine is the clock: it owns the two bitmaps and steps its parts in that order, the guest
// (engine::Guest), the sender of the strategy (engine::Sender) on the link (engine::Link), the
// destination, and the measurements (engine::Recorder).
class MigrationEngine {
public:
    explicit MigrationEngine(SimConfig config);  // std::invalid_argument from SimConfig::validate()
    ~MigrationEngine();

    const SimConfig& config() const noexcept { return cfg_; }
    // The same configuration as a shared, immutable object: snapshots of the run point to it
    // rather than copying it.
    const std::shared_ptr<const SimConfig>& sharedConfig() const noexcept { return shared_; }

    // ---- running ----
    void step();                    // one tick; does nothing once finished()
    void runFor(int64_t ns);        // whole ticks covering ns of simulated time
    void runToEnd();                // until the migration is done, cancelled with no retry to come
                                    // (a fault with no SimConfig::faultRetryNs, or abort()), or the
                                    // time limit
    // The same, but returns early (false) once `stop` is set, checked before every tick: a sweep
    // cancels the points it is running with it. True when the run got to its end.
    bool runToEnd(const std::atomic<bool>& stop);
    bool finished() const noexcept; // done, or the time limit reached
    // Applies the scheduled injections due at nowNs() without advancing the clock (step() would
    // apply them first anyway, so the run is the same): a view shows the bitmap a run starts
    // with, such as an imported image's, before the clock runs.
    void applyInjectionsDueNow();
    int64_t nowNs() const noexcept { return now_; }

    // ---- control ----
    // Starts (or, after a cancel, retries) the migration now. std::logic_error while one runs or
    // after one completed.
    void startMigration();
    bool canStartMigration() const noexcept { return phase() == Phase::Idle || phase() == Phase::Cancelled; }
    // A link fault: bytes in flight are lost and the migration is cancelled. The source keeps every
    // dirty bit (writes the guest made at the destination come back). False if nothing was running.
    bool abort();
    // When a migration cut by a scheduled fault starts again (SimConfig::faultRetryNs); -1: none
    // is pending.
    int64_t retryAtNs() const noexcept { return retryAtNs_; }
    // Guest I/O injected now, where the guest runs (applied at once; while the guest is paused it
    // waits for the resume). std::out_of_range past the disk end.
    void injectWrite(uint64_t offset, uint64_t length);
    void injectClear(uint64_t offset, uint64_t length);
    // From now on. A different trace (or speed, or loop setting) starts its replay over, from now;
    // the same one carries on.
    void setWorkload(const WorkloadSpec& spec);
    const WorkloadSpec& workload() const noexcept { return guest_.workload(); }
    // Keep every encoded byte (for --stream); off by default, since a long run can send a lot.
    void setRecordStream(bool on) noexcept { link_.setRecordStream(on); }
    // The current (or last) attempt's stream, whole when recording was on from its start.
    const std::vector<uint8_t>& recordedStream() const noexcept { return link_.stream(); }
    // The verification digests (SHA-256 of the bitmaps as the migration completes, or of the source
    // as it is aborted) are computed within the tick that needs them, by default. Deferred, they
    // wait for computeDigests() to hash them a slice at a time (a 2^30-bit bitmap is 128 MiB to
    // hash): the run stays in its complete phase, not finished, until they are done, and anything
    // that changes the run (a tick, guest I/O, a command) completes them first.
    void setDeferredDigests(bool on) noexcept { deferDigests_ = on; }
    bool digestsPending() const noexcept { return !digests_.empty(); }
    // Hashes up to `maxBytes` (at least 4 KiB) of the pending digests; true once none is left.
    bool computeDigests(uint64_t maxBytes);
    // Bytes hashed for digests since the engine was built.
    uint64_t digestBytesDone() const noexcept { return digestBytesDone_; }
    // Density indexes on source, meta and destination bitmaps for renderers (see HBitmap).
    // log2 of the block size in bits; 0 turns them off.
    void setDensityIndex(unsigned log2BlockBits);
    // The replay of WorkloadSpec::trace, or nullptr when there is none.
    const TracePlayer* tracePlayer() const noexcept { return guest_.tracePlayer(); }
    // Called for every guest write or clear applied to a bitmap (for tests and traces).
    std::function<void(const Injection&)> onGuestIo;

    // ---- state for views ----
    Phase phase() const noexcept { return sender_ ? sender_->phase() : Phase::Idle; }
    unsigned pass() const noexcept { return sender_ ? sender_->pass() : 0; }
    bool guestPaused() const noexcept { return guest_.paused(); }
    bool guestAtDestination() const noexcept { return guest_.atDestination(); }
    const DirtyBitmap& source() const noexcept { return source_; }
    const HBitmap* meta() const noexcept { return source_.meta(); }
    const DirtyBitmap* destination() const noexcept { return receiver_ ? receiver_->bitmap() : nullptr; }
    // Every bitmap, in SimConfig::bitmapList() order (bitmap 0 is source() / destination()).
    size_t bitmapCount() const noexcept { return sources_.size(); }
    const DirtyBitmap& source(size_t i) const noexcept { return *sources_[i]; }
    const DirtyBitmap* destination(size_t i) const noexcept { return receiver_ ? receiver_->bitmap(i) : nullptr; }
    // Bitmap i's names and its chunks' place in the attempt's chunk numbering (cursorChunk(),
    // chunksSentLastTick() count the chunks of every bitmap, one bitmap after the other).
    const engine::Track& track(size_t i) const noexcept { return tracks_[i]; }
    // The bitmap the guest's writes go to now (the destination's records through its successor).
    const DirtyBitmap* guestBitmap() const noexcept { return guest_.bitmap(); }
    uint64_t chunkCount() const noexcept { return chunks_; }  // of bitmap 0
    uint64_t chunkBits() const noexcept { return cfg_.chunkBytes * 8; }
    // The next chunk the sender looks at in the current pass.
    uint64_t cursorChunk() const noexcept { return sender_ ? sender_->cursorChunk() : 0; }
    // Chunks put on the wire in the last tick, in order (at most a few thousand are kept).
    const std::vector<uint64_t>& chunksSentLastTick() const noexcept { return recorder_.chunksSentLastTick(); }
    // Pending bytes that can still go while the guest is paused within the maximum downtime: bandwidth
    // x max downtime, less the latency, the framing of the complete phase and the bytes still queued
    // on the link. Precopy pauses the guest once pendingBytes() is within it.
    uint64_t downtimeBudgetBytes() const;
    // Chunk bytes still to send (unsent bulk chunks and dirty chunks), as records.
    uint64_t pendingBytes() const;
    uint64_t bytesInFlight() const noexcept { return link_.bytesInFlight(); }
    // The time series since the start, or since the last takeSamples().
    const std::vector<TimeSample>& samples() const noexcept { return recorder_.samples(); }
    // Hands over the samples recorded since the last call and keeps none: a consumer that streams
    // them (the window) does not make the engine hold every sample of a long run.
    std::vector<TimeSample> takeSamples() noexcept { return recorder_.takeSamples(); }
    const std::vector<PhaseSpan>& phases() const noexcept { return recorder_.summary().phases; }
    // Precopy: the bulk pass and every dirty pass of this attempt (the last one may still run).
    const std::vector<PassStats>& passes() const noexcept { return recorder_.summary().passes; }
    MigrationSummary summary() const;

private:
    engine::DowntimeLimits downtimeLimits() const;
    bool applyDueFaults();
    void send();
    void deliver();
    void onLoaded(size_t index, const DirtyBitmap& loaded);
    void finishIfDone();
    // The digest of `bits` (or its union with `with`) into bitmap `index`'s `target` (and `also`) in
    // the summary; the summary's own digests are the first bitmap's.
    void queueDigest(const HBitmap& bits, const HBitmap* with, size_t index, std::string BitmapSummary::*target,
                     std::string BitmapSummary::*also = nullptr);
    // The destination's digest at the END: the source's, when the two hold the same bits.
    void shareOrQueueDestinationDigest(size_t index);
    void mirrorFirstBitmap();
    // Not deferred: computes them now. True when none is pending.
    bool settleDigests();
    void completeDigests()
    {
        while (!computeDigests(UINT64_MAX)) {
        }
    }
    void sample(bool force);

    std::shared_ptr<const SimConfig> shared_;
    const SimConfig& cfg_;  // *shared_
    std::vector<std::unique_ptr<DirtyBitmap>> sources_;  // one per SimConfig::bitmapList() entry
    DirtyBitmap& source_;                                // sources_[0]
    std::vector<engine::Track> tracks_;
    uint64_t chunks_;
    std::unique_ptr<BitmapReceiver> receiver_;  // the destination of the current (or last) attempt
    engine::Recorder recorder_;
    engine::Link link_;
    engine::Guest guest_;
    std::unique_ptr<engine::Sender> sender_;     // the current (or last) attempt's; none before the first
    unsigned densityLog2_ = 0;

    int64_t now_ = 0;
    bool limitReached_ = false;
    struct PendingDigest {
        BitmapDigest digest;
        size_t index;  // into MigrationSummary::bitmaps
        std::string BitmapSummary::*target;
        std::string BitmapSummary::*also;
    };
    std::vector<PendingDigest> digests_;
    bool deferDigests_ = false;
    bool endDigestQueued_ = false;  // the destination's digest, for the END that arrived
    uint64_t digestBytesDone_ = 0;
    std::vector<int64_t> faults_;        // SimConfig::faultsNs, sorted
    size_t nextFault_ = 0;
    int64_t retryAtNs_ = -1;             // a retry after a fault, pending
};

} // namespace bitmig
