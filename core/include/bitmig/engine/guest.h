// The guest of a migration: its I/O (scheduled injections, the workload generator, a replayed
// trace) and the bitmap that I/O reaches, at the source or, once it runs there, the destination.
#pragma once

#include <bitmig/bitmapreceiver.h>
#include <bitmig/dirtybitmap.h>
#include <bitmig/simconfig.h>
#include <bitmig/traceplayer.h>
#include <bitmig/workload.h>

#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <vector>

namespace bitmig::engine {

class Recorder;

class Guest {
public:
    using Observer = std::function<void(const Injection&)>;

    // `observer` is called for every write or clear applied to a bitmap; it is read at each call,
    // so it may be set or changed later.
    Guest(const SimConfig& config, DirtyBitmap& source, Recorder& recorder, const Observer& observer);
    // Several bitmaps: `sources` holds one per SimConfig::bitmapList() entry, in that order. The
    // guest addresses the disks end to end (SimConfig::guestBytes()); a write dirties every
    // enabled bitmap of the disk it lands on (split where it crosses into the next disk), a clear
    // resets the range in each of them.
    Guest(const SimConfig& config, std::vector<DirtyBitmap*> sources, Recorder& recorder, const Observer& observer);

    // ---- I/O ----
    // Scheduled injections with a time before `endNs` (the tick's), or at or before `nowNs`.
    void applyInjectionsBefore(int64_t endNs);
    void applyInjectionsDueBy(int64_t nowNs);
    // The workload generator's writes and the trace's records of the tick [nowNs, nowNs + tick).
    void runWorkload(int64_t nowNs);
    void runTrace(int64_t nowNs);
    // I/O issued at `nowNs`, applied at once or held (see apply()). std::out_of_range past the disk end.
    void issue(const Injection& io);
    // A different trace (or speed, or loop setting) starts its replay over at `nowNs`; the same one
    // carries on.
    void setWorkload(const WorkloadSpec& spec, int64_t nowNs);
    const WorkloadSpec& workload() const noexcept { return generator_.spec(); }
    const TracePlayer* tracePlayer() const noexcept { return tracePlayer_ ? &*tracePlayer_ : nullptr; }

    // ---- where it runs ----
    void pause() noexcept { paused_ = true; }
    void resume() noexcept { paused_ = false; }
    bool paused() const noexcept { return paused_; }
    // From now on the guest's I/O goes to the destination's bitmap (through its successor until
    // COMPLETE).
    void moveToDestination(BitmapReceiver& destination) noexcept { destination_ = &destination; }
    void returnToSource() noexcept { destination_ = nullptr; }
    bool atDestination() const noexcept { return destination_ != nullptr; }
    // The (first) bitmap its writes reach now; nullptr while the destination has none yet.
    const DirtyBitmap* bitmap() const noexcept { return destination_ ? destination_->bitmap() : &source_; }
    // Applies the I/O held back, in order, as far as it can go now.
    void releaseHeldIo();
    size_t heldIo() const noexcept { return held_.size(); }

private:
    void apply(const Injection& io);
    // A write or clear on the disks of a layout; false when the destination has not every bitmap yet.
    bool applyToDisks(const Injection& io);
    uint64_t metaDirtyChunks() const noexcept;

    struct Disk {
        uint64_t start = 0, bytes = 0;
        std::vector<size_t> bitmaps;  // indexes into sources_
    };
    const Disk& diskAt(uint64_t offset) const noexcept;  // the disk that holds byte `offset` of the guest
    // applyToDisks() once the disk that holds io.offset is known (and the destination, if any, started).
    void applyFrom(const Disk& disk, const Injection& io);

    int64_t tickNs_;
    uint64_t diskBytes_;                 // every disk, end to end
    std::vector<DirtyBitmap*> sources_;
    std::vector<Disk> disks_;
    bool oneBitmap_;                     // one disk with one bitmap: the direct paths
    DirtyBitmap& source_;                // sources_[0]
    Recorder& recorder_;
    const Observer& observer_;
    WorkloadGenerator generator_;
    std::optional<TracePlayer> tracePlayer_;
    std::vector<Injection> injections_;  // sorted by time
    size_t nextInjection_ = 0;
    std::deque<Injection> held_;         // waiting: a paused guest, or a clear before COMPLETE
    bool releasing_ = false;
    bool paused_ = false;
    BitmapReceiver* destination_ = nullptr;  // where the guest runs; nullptr: at the source
};

} // namespace bitmig::engine
