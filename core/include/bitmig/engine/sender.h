// The sending side of one migration attempt: what goes on the link next, phase by phase. One
// sender per strategy (precopy with a meta bitmap, postcopy, stop-and-copy) behind one interface.
#pragma once

#include <bitmig/bitmapreceiver.h>
#include <bitmig/dirtybitmap.h>
#include <bitmig/engine/downtimebudget.h>
#include <bitmig/migrationsummary.h>
#include <bitmig/simconfig.h>
#include <bitmig/streamrecord.h>

#include <cstdint>
#include <memory>

namespace bitmig::engine {

class Guest;
class Link;
class Recorder;

// The data record of a full chunk of `chunkBytes` bytes of bitmap, names not repeated.
uint64_t chunkRecordBytes(uint64_t chunkBytes) noexcept;

// What a sender works on. Everything outlives the sender; `destination` is this attempt's.
struct SenderContext {
    const SimConfig& config;
    DirtyBitmap& source;
    BitmapReceiver& destination;
    Link& link;
    Guest& guest;
    Recorder& recorder;
};

// The attempt goes Setup -> (Bulk -> Dirty...) -> Complete -> Done, or Cancelled at any point. Each
// step of sendNext() puts one record or a few on the link whatever the budget left; the caller
// asks again while the link has budget, so a step that overdraws it is paid for in the next ticks.
class Sender {
public:
    virtual ~Sender();
    Sender(const Sender&) = delete;
    Sender& operator=(const Sender&) = delete;

    // The attempt begins, in the setup phase.
    virtual void start(int64_t now);
    // One step; false when there is nothing to send now (the link idles for the rest of the tick).
    virtual bool sendNext(int64_t now) = 0;
    // The destination has read the END section: the attempt is done.
    void finish(int64_t now);
    // A link fault cut the attempt.
    void cancel(int64_t now);

    Phase phase() const noexcept { return phase_; }
    bool sending() const noexcept
    {
        return phase_ == Phase::Setup || phase_ == Phase::Bulk || phase_ == Phase::Dirty || phase_ == Phase::Complete;
    }
    unsigned pass() const noexcept { return pass_; }  // the dirty pass (precopy), else 0
    uint64_t cursorChunk() const noexcept { return cursor_; }
    uint64_t chunkCount() const noexcept { return chunks_; }
    // False when the pass cap, not the downtime budget, ended the dirty phase.
    bool converged() const noexcept { return !forcedComplete_; }
    // Chunk bytes still to send (unsent bulk chunks and dirty chunks), each a full data record but
    // the bitmap's last chunk, which may be smaller.
    uint64_t pendingBytes() const;
    // What limits the complete phase if the guest paused now.
    DowntimeLimits downtimeLimits() const;

protected:
    explicit Sender(const SenderContext& context);

    struct Chunk {
        uint64_t firstBit, nbits, startByte, countBytes;
    };
    Chunk chunkAt(uint64_t index) const noexcept;
    uint64_t chunkRecordCost(uint64_t index) const noexcept;
    // The records still to send, each at its real size (data or ZEROES).
    uint64_t exactPendingBytes() const;
    bool fitsDowntime(int64_t now) const;
    // Only the bytes still on their way keep the guest from pausing within the limit.
    bool waitForLinkToDrain(int64_t now) const;

    void enterPhase(int64_t now, Phase phase, unsigned pass = 0);
    void emitRecord(const StreamRecord& record, uint64_t meaningfulPayload = 0);
    void emitSection(SectionType type);
    void sendChunk(uint64_t index);
    // Setup: the START section with its record, once; false when it was sent already.
    bool sendStart();
    // The guest stops at the source (unless it runs at the destination already) and the END
    // section opens.
    void beginComplete(int64_t now);
    // One step of the complete phase: what the bulk pass left, the dirty chunks, COMPLETE and EOS.
    bool sendCompleteStep();

    const SenderContext ctx_;
    const uint64_t chunks_;
    Phase phase_ = Phase::Idle;
    unsigned pass_ = 0;
    uint64_t cursor_ = 0;       // the next chunk this pass looks at
    bool bulkDone_ = false;     // every chunk was sent once
    bool forcedComplete_ = false;

private:
    bool startSent_ = false;
    bool completeSent_ = false;
    StreamRecord record_;       // reused for every BITS record
};

// The sender of `context.config.strategy`.
std::unique_ptr<Sender> makeSender(const SenderContext& context);

} // namespace bitmig::engine
