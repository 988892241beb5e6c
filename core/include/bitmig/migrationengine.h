// The simulation: a guest dirtying a source bitmap, a sender in one of three strategies, a link with
// real record sizes, and a destination that decodes and loads what arrives.
#pragma once

#include <bitmig/bitmapreceiver.h>
#include <bitmig/dirtybitmap.h>
#include <bitmig/migrationsummary.h>
#include <bitmig/simconfig.h>
#include <bitmig/streamencoder.h>
#include <bitmig/workload.h>

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace bitmig {

// Time advances in ticks (SimConfig::tickNs). In each tick: scheduled injections and workload
// writes reach the bitmap where the guest runs; the sender spends the link's budget on records
// (a record that does not fit leaves a debt for the next tick); bytes that have crossed the link
// (latency) are decoded at the destination. Deterministic: one seeded generator drives everything.
class MigrationEngine {
public:
    explicit MigrationEngine(SimConfig config);  // std::invalid_argument from SimConfig::validate()
    ~MigrationEngine();

    const SimConfig& config() const noexcept { return cfg_; }

    // ---- running ----
    void step();                    // one tick; does nothing once finished()
    void runFor(int64_t ns);        // whole ticks covering ns of simulated time
    void runToEnd();                // until the migration is done, cancelled with no retry to come
                                    // (a fault with no SimConfig::faultRetryNs, or abort()), or the
                                    // time limit
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
    bool canStartMigration() const noexcept { return phase_ == Phase::Idle || phase_ == Phase::Cancelled; }
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
    const WorkloadSpec& workload() const noexcept { return generator_.spec(); }
    // Keep every encoded byte (for --stream); off by default, since a long run can send a lot.
    void setRecordStream(bool on) noexcept { recordStream_ = on; }
    // The current (or last) attempt's stream, whole when recording was on from its start.
    const std::vector<uint8_t>& recordedStream() const noexcept { return out_; }
    // Density indexes on source, meta and destination bitmaps for renderers (see HBitmap).
    // log2 of the block size in bits; 0 turns them off.
    void setDensityIndex(unsigned log2BlockBits);
    // The replay of WorkloadSpec::trace, or nullptr when there is none.
    const TracePlayer* tracePlayer() const noexcept { return tracePlayer_ ? &*tracePlayer_ : nullptr; }
    // Called for every guest write or clear applied to a bitmap (for tests and traces).
    std::function<void(const Injection&)> onGuestIo;

    // ---- state for views ----
    Phase phase() const noexcept { return phase_; }
    unsigned pass() const noexcept { return pass_; }
    bool guestPaused() const noexcept { return guestPaused_; }
    bool guestAtDestination() const noexcept { return guestAtDestination_; }
    const DirtyBitmap& source() const noexcept { return source_; }
    const HBitmap* meta() const noexcept { return source_.meta(); }
    const DirtyBitmap* destination() const noexcept { return receiver_ ? receiver_->bitmap() : nullptr; }
    // The bitmap the guest's writes go to now (the destination's records through its successor).
    const DirtyBitmap* guestBitmap() const noexcept { return guestAtDestination_ ? destination() : &source_; }
    uint64_t chunkCount() const noexcept { return chunks_; }
    uint64_t chunkBits() const noexcept { return cfg_.chunkBytes * 8; }
    // The next chunk the sender looks at in the current pass.
    uint64_t cursorChunk() const noexcept { return cursor_; }
    // Chunks put on the wire in the last tick, in order (at most a few thousand are kept).
    const std::vector<uint64_t>& chunksSentLastTick() const noexcept { return sentLastTick_; }
    // Pending bytes that can still go while the guest is paused within the maximum downtime: bandwidth
    // x max downtime, less the latency, the framing of the complete phase and the bytes still queued
    // on the link. Precopy pauses the guest once pendingBytes() is within it.
    uint64_t downtimeBudgetBytes() const;
    // Chunk bytes still to send (unsent bulk chunks and dirty chunks), as records.
    uint64_t pendingBytes() const;
    uint64_t bytesInFlight() const noexcept { return wireEnd_ - delivered_; }
    // The time series since the start, or since the last takeSamples().
    const std::vector<TimeSample>& samples() const noexcept { return samples_; }
    // Hands over the samples recorded since the last call and keeps none: a consumer that streams
    // them (the window) does not make the engine hold every sample of a long run.
    std::vector<TimeSample> takeSamples() noexcept { return std::exchange(samples_, {}); }
    const std::vector<PhaseSpan>& phases() const noexcept { return summary_.phases; }
    // Precopy: the bulk pass and every dirty pass of this attempt (the last one may still run).
    const std::vector<PassStats>& passes() const noexcept { return summary_.passes; }
    MigrationSummary summary() const;

private:
    struct Chunk {
        uint64_t firstBit, nbits, startByte, countBytes;
    };
    Chunk chunkAt(uint64_t index) const noexcept;
    uint64_t chunkRecordCost() const noexcept;                // a full data chunk
    uint64_t chunkRecordCost(uint64_t index) const noexcept;  // that chunk's data record
    uint64_t exactPendingBytes() const;  // the records still to send, each at its real size
    // Whether pausing the guest now would keep the expected downtime within the limit (drained:
    // as if the link had nothing queued).
    bool fitsDowntime(bool drained = false) const;
    uint64_t completeFramingBytes() const;
    bool waitForLinkToDrain() const;

    void applyGuestIo(const Injection& io);
    void applyDueInjections();
    bool applyDueFaults();
    void runWorkload();
    void runTrace();
    void send();
    bool sendNext();                     // one step of the sender; false when it has nothing to do now
    void sendChunk(uint64_t index);
    void emitRecord(const StreamRecord& record, uint64_t meaningfulPayload);
    void emitSection(SectionType type);
    void deliver();
    void enterPhase(Phase phase, unsigned pass = 0);
    void closePass(bool fitting);        // ends the open entry of summary_.passes
    void pauseGuest();
    void switchGuestToDestination();
    void beginComplete();
    void onLoaded(const DirtyBitmap& loaded);
    void finishIfDone();
    void sample(bool force);
    void drainHeldIo();

    SimConfig cfg_;
    WorkloadGenerator generator_;
    std::optional<TracePlayer> tracePlayer_;
    DirtyBitmap source_;
    std::unique_ptr<BitmapReceiver> receiver_;
    StreamEncoder encoder_;
    unsigned densityLog2_ = 0;

    int64_t now_ = 0;
    Phase phase_ = Phase::Idle;
    unsigned pass_ = 0;
    uint64_t chunks_ = 0;
    uint64_t cursor_ = 0;
    bool guestPaused_ = false;
    bool guestAtDestination_ = false;
    bool setupSent_ = false;
    bool completeSent_ = false;
    bool bulkDone_ = false;             // every chunk was sent once
    bool forcedComplete_ = false;       // the pass cap ended the dirty phase
    bool limitReached_ = false;
    std::vector<uint64_t> sentOnce_;     // bit per chunk: sent in this migration already ("resent")
    std::vector<Injection> injections_;  // sorted by time
    size_t nextInjection_ = 0;
    std::vector<int64_t> faults_;        // SimConfig::faultsNs, sorted
    size_t nextFault_ = 0;
    int64_t retryAtNs_ = -1;             // a retry after a fault, pending
    std::deque<Injection> heldIo_;       // guest I/O waiting (paused guest, or a clear before COMPLETE)
    bool draining_ = false;

    // Link: bytes [delivered_, wireEnd_) are on their way; out_ holds them.
    double budget_ = 0;
    uint64_t wireEnd_ = 0;
    uint64_t delivered_ = 0;
    int64_t linkFreeAt_ = 0;             // when the link will have carried every byte queued so far
    int64_t lastArrivalNs_ = 0;
    std::vector<uint8_t> out_;           // stream bytes from offset outBase_
    uint64_t outBase_ = 0;
    std::deque<std::pair<uint64_t, int64_t>> arrivals_;  // (stream end offset, arrival time)
    bool recordStream_ = false;
    StreamRecord record_;                // reused for every BITS record
    uint32_t sectionId_ = 0;

    std::vector<uint64_t> sentLastTick_;
    std::vector<TimeSample> samples_;
    TimeSample bucket_;
    int64_t bucketStart_ = 0;
    MigrationSummary summary_;
};

} // namespace bitmig
