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
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace bitmig::engine {

class Guest;
class Link;
class Recorder;

// The data record of a full chunk of `chunkBytes` bytes of bitmap, names not repeated.
uint64_t chunkRecordBytes(uint64_t chunkBytes) noexcept;

// What a sender works on. Everything outlives the sender; `destination` is this attempt's.
// `sources` holds one source bitmap per SimConfig::bitmapList() entry, in that order; empty means
// `source` alone (the one-bitmap configuration).
struct SenderContext {
    const SimConfig& config;
    DirtyBitmap& source;
    BitmapReceiver& destination;
    Link& link;
    Guest& guest;
    Recorder& recorder;
    std::vector<DirtyBitmap*> sources = {};
};

// One bitmap as the sender sees it: its names on the wire, its source, and its chunks' place in
// the attempt's chunk numbering (the bitmaps' chunks one after the other, in sending order).
struct Track {
    DirtyBitmap* source = nullptr;
    std::string device, bitmap;
    uint64_t diskBytes = 0;
    uint64_t granularity = 0;
    uint8_t startFlags = 0;
    uint64_t firstChunk = 0;
    uint64_t chunks = 0;
};

// Bytes of the COMPLETE records of `tracks`, in order, after a record that carried `prevDevice`
// and `prevBitmap` (unset: none yet), names sent as QEMU's sender does.
uint64_t completeRecordsBytes(const std::optional<std::string>& prevDevice,
                              const std::optional<std::string>& prevBitmap, std::span<const Track> tracks);
// The tracks of `config` over `sources` (one per SimConfig::bitmapList() entry).
std::vector<Track> makeTracks(const SimConfig& config, std::span<DirtyBitmap* const> sources);
// Around the chunks the complete phase sends, for every bitmap: the closing EOS of the pass, the
// END section header, the COMPLETE records (names as the encoder would put them now) and EOS.
uint64_t completeFramingBytes(const StreamEncoder& encoder, std::span<const Track> tracks);

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
    uint64_t chunkCount() const noexcept { return chunks_; }  // of every bitmap
    const std::vector<Track>& tracks() const noexcept { return tracks_; }
    // Set meta bits (chunks dirty since sent) over every bitmap.
    uint64_t dirtyChunks() const noexcept;
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
        uint64_t firstBit, nbits, startByte, countBytes;  // within its bitmap
        size_t track;
    };
    size_t trackOf(uint64_t index) const noexcept;
    Chunk chunkAt(uint64_t index) const noexcept;
    uint64_t chunkRecordCost(uint64_t index) const noexcept;
    // The records the complete phase still sends, each at its real size: the chunks (data or
    // ZEROES, with the names where the bitmap changes) and a COMPLETE per bitmap.
    uint64_t exactCompleteBytes() const;
    bool fitsDowntime(int64_t now) const;
    // Only the bytes still on their way keep the guest from pausing within the limit.
    bool waitForLinkToDrain(int64_t now) const;

    void enterPhase(int64_t now, Phase phase, unsigned pass = 0);
    // `track`: the bitmap the record belongs to (its figures in the summary), none for EOS.
    void emitRecord(const StreamRecord& record, uint64_t meaningfulPayload = 0,
                    std::optional<size_t> track = std::nullopt);
    void emitSection(SectionType type);
    void sendChunk(uint64_t index);
    // The next chunk at or after `from` whose meta bit is set, over every bitmap in order.
    std::optional<uint64_t> nextDirtyChunk(uint64_t from) const;
    // Sends the next chunk at or after the cursor whose meta bit is set and moves the cursor past
    // it; false, with the cursor at the end, when none is left (the end of a pass over the meta bits).
    bool sendNextDirtyChunk();
    // Setup: the START section with a START record per bitmap, once; false when it was sent already.
    bool sendStart();
    // The guest stops at the source (unless it runs at the destination already) and the END
    // section opens.
    void beginComplete(int64_t now);
    // One step of the complete phase: what the bulk pass left, the dirty chunks, a COMPLETE per
    // bitmap and EOS.
    bool sendCompleteStep();

    const SenderContext ctx_;
    const std::vector<Track> tracks_;
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
