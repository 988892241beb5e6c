#include <bitmig/engine/guest.h>

#include <bitmig/engine/recorder.h>

#include <algorithm>
#include <iterator>
#include <span>
#include <stdexcept>
#include <string>

namespace bitmig::engine {

Guest::Guest(const SimConfig& config, DirtyBitmap& source, Recorder& recorder, const Observer& observer)
    : Guest(config, std::vector<DirtyBitmap*>{&source}, recorder, observer)
{
}

Guest::Guest(const SimConfig& config, std::vector<DirtyBitmap*> sources, Recorder& recorder, const Observer& observer)
    : tickNs_(config.tickNs), diskBytes_(config.guestBytes()), sources_(std::move(sources)),
      oneBitmap_(!config.hasLayout()), source_(*sources_.at(0)),
      recorder_(recorder), observer_(observer), generator_(config.workload, config.guestBytes(), config.seed)
{
    const std::vector<DiskSpec> disks = config.diskList();
    const std::vector<BitmapSpec> bitmaps = config.bitmapList();
    uint64_t start = 0;
    for (const DiskSpec& d : disks) {
        disks_.push_back(Disk{start, d.bytes, {}});
        start += d.bytes;
    }
    for (size_t i = 0; i < bitmaps.size() && i < sources_.size(); ++i) {
        disks_.at(bitmaps[i].disk).bitmaps.push_back(i);
    }
    if (config.workload.trace.active()) {
        tracePlayer_.emplace(config.workload.trace, 0, tickNs_);
    }
    injections_ = config.injections;
    std::stable_sort(injections_.begin(), injections_.end(),
                     [](const Injection& a, const Injection& b) { return a.timeNs < b.timeNs; });
}

void Guest::apply(const Injection& io)
{
    // A paused guest issues nothing; a clear at the destination waits for COMPLETE, since the
    // incoming bitmap there is merged with the successor by OR and would bring the bits back.
    // Once something waits, everything after it waits too, so the guest's I/O keeps its order.
    if (paused_ || (!held_.empty() && !releasing_) ||
        (io.op == Injection::Op::Clear && destination_ && !destination_->complete())) {
        held_.push_back(io);
        return;
    }
    if (!oneBitmap_) {
        if (!applyToDisks(io)) {
            held_.push_back(io);
            return;
        }
        recorder_.guestIoApplied(io.op);
        if (observer_) {
            observer_(io);
        }
        return;
    }
    DirtyBitmap* target = &source_;
    if (destination_) {
        target = destination_->bitmap();
        if (!target) {
            held_.push_back(io);
            return;
        }
    }
    if (io.op == Injection::Op::Write) {
        target->markDirty(io.offset, io.length);
    } else {
        target->clearInside(io.offset, io.length);
    }
    recorder_.guestIoApplied(io.op);
    if (observer_) {
        observer_(io);
    }
}

const Guest::Disk& Guest::diskAt(uint64_t offset) const noexcept
{
    // The last disk that starts at or before `offset` (the first starts at 0).
    return *std::prev(std::upper_bound(disks_.begin(), disks_.end(), offset,
                                       [](uint64_t at, const Disk& d) { return at < d.start; }));
}

bool Guest::applyToDisks(const Injection& io)
{
    if (destination_ && !destination_->started()) {
        return false;
    }
    applyFrom(diskAt(io.offset), io);
    return true;
}

void Guest::applyFrom(const Disk& disk, const Injection& io)
{
    // The disk the range starts on, then the next ones while it goes on.
    auto it = disks_.begin() + (&disk - disks_.data());
    uint64_t offset = io.offset;
    uint64_t left = io.length;
    for (; left > 0 && it != disks_.end(); ++it) {
        const uint64_t local = offset - it->start;
        const uint64_t length = std::min(left, it->bytes - local);
        for (const size_t b : it->bitmaps) {
            DirtyBitmap* target = destination_ ? destination_->bitmap(b) : sources_[b];
            if (io.op == Injection::Op::Write) {
                target->markDirty(local, length);
            } else if (target->enabled()) {
                target->clearInside(local, length);
            }
        }
        offset += length;
        left -= length;
    }
}

uint64_t Guest::metaDirtyChunks() const noexcept
{
    uint64_t n = 0;
    for (const DirtyBitmap* b : sources_) {
        if (const HBitmap* m = b->meta()) {
            n += m->count() >> m->granularityLog2();
        }
    }
    return n;
}

void Guest::applyInjectionsBefore(int64_t endNs)
{
    while (nextInjection_ < injections_.size() && injections_[nextInjection_].timeNs < endNs) {
        apply(injections_[nextInjection_++]);
    }
}

void Guest::applyInjectionsDueBy(int64_t nowNs)
{
    while (nextInjection_ < injections_.size() && injections_[nextInjection_].timeNs <= nowNs) {
        apply(injections_[nextInjection_++]);
    }
}

void Guest::issue(const Injection& io)
{
    if (io.offset >= diskBytes_ || io.length > diskBytes_ - io.offset) {
        throw std::out_of_range(std::string(io.op == Injection::Op::Write ? "write" : "clear") + " [" +
                                std::to_string(io.offset) + ", +" + std::to_string(io.length) +
                                ") is past the end of the disk");
    }
    apply(io);
}

void Guest::setWorkload(const WorkloadSpec& spec, int64_t nowNs)
{
    const bool sameTrace = spec.trace == generator_.spec().trace;
    generator_.setSpec(spec);  // validates
    if (!sameTrace) {
        tracePlayer_.reset();
        if (spec.trace.active()) {
            tracePlayer_.emplace(spec.trace, nowNs, tickNs_);
        }
    }
}

// Trace records go through apply() one by one: a paused guest holds them until it resumes, so that
// every record reaches the bitmap.
void Guest::runTrace(int64_t nowNs)
{
    if (!tracePlayer_) {
        return;
    }
    const bool metas = std::any_of(sources_.begin(), sources_.end(), [](const DirtyBitmap* b) { return b->meta(); });
    const uint64_t before = metaDirtyChunks();
    tracePlayer_->playUntil(nowNs + tickNs_, [this, nowNs](const TraceRecord& r) {
        apply(Injection{nowNs, r.op == TraceOp::Write ? Injection::Op::Write : Injection::Op::Clear, r.offset,
                        r.length});
    });
    if (metas) {
        const uint64_t after = metaDirtyChunks();
        recorder_.chunksRedirtied(after > before ? after - before : 0);
    }
}

void Guest::runWorkload(int64_t nowNs)
{
    if (paused_) {
        return;
    }
    const bool metas = std::any_of(sources_.begin(), sources_.end(), [](const DirtyBitmap* b) { return b->meta(); });
    const uint64_t before = metaDirtyChunks();
    if (oneBitmap_ && !destination_ && !observer_) {
        // The hot path: straight into the source bitmap. Writes land at random places in a large
        // bitmap, so most miss the cache. Each batch is prefetched as soon as it is drawn and
        // applied only after the next batch has been drawn, so the misses resolve meanwhile; the
        // writes still reach the bitmap in order, all within the tick.
        GuestWrite held[WorkloadGenerator::kBatch];
        size_t heldCount = 0;
        uint64_t n = 0;
        auto flush = [&] {
            for (size_t i = 0; i < heldCount; ++i) {
                source_.markDirty(held[i].offset, held[i].length);
            }
            n += heldCount;
        };
        generator_.generateBatches(nowNs, tickNs_, [&](std::span<const GuestWrite> batch) {
            for (const GuestWrite& w : batch) {
                source_.prefetchForWrite(w.offset);
            }
            flush();
            std::copy(batch.begin(), batch.end(), held);
            heldCount = batch.size();
        });
        flush();
        recorder_.guestWritesApplied(n);
    } else if (!oneBitmap_ && !destination_ && !observer_ && held_.empty()) {
        // The same for several bitmaps: every write goes to each bitmap of the disk it lands on,
        // as apply() would send it (nothing is held while the guest runs at the source with
        // nothing waiting), and each of those bitmaps is prefetched a batch ahead.
        // The disk of each write is looked up once, as it is prefetched, and kept for its apply.
        GuestWrite held[WorkloadGenerator::kBatch];
        const Disk* heldDisk[WorkloadGenerator::kBatch];
        size_t heldCount = 0;
        uint64_t n = 0;
        const bool oneDisk = disks_.size() == 1;
        auto flush = [&] {
            if (oneDisk) {
                // Every write lies inside the one disk: each of its bitmaps takes it whole.
                for (size_t i = 0; i < heldCount; ++i) {
                    for (const size_t b : disks_.front().bitmaps) {
                        sources_[b]->markDirty(held[i].offset, held[i].length);
                    }
                }
            } else {
                for (size_t i = 0; i < heldCount; ++i) {
                    applyFrom(*heldDisk[i], Injection{nowNs, Injection::Op::Write, held[i].offset, held[i].length});
                }
            }
            n += heldCount;
        };
        generator_.generateBatches(nowNs, tickNs_, [&](std::span<const GuestWrite> batch) {
            const Disk* disks[WorkloadGenerator::kBatch];
            for (size_t i = 0; i < batch.size(); ++i) {
                const Disk& d = oneDisk ? disks_.front() : diskAt(batch[i].offset);
                disks[i] = &d;
                for (const size_t b : d.bitmaps) {
                    sources_[b]->prefetchForWrite(batch[i].offset - d.start);
                }
            }
            flush();
            std::copy(batch.begin(), batch.end(), held);
            std::copy(disks, disks + batch.size(), heldDisk);
            heldCount = batch.size();
        });
        flush();
        recorder_.guestWritesApplied(n);
    } else {
        generator_.generate(nowNs, tickNs_, [this, nowNs](uint64_t offset, uint64_t length) {
            apply(Injection{nowNs, Injection::Op::Write, offset, length});
        });
    }
    if (metas) {
        const uint64_t after = metaDirtyChunks();
        recorder_.chunksRedirtied(after > before ? after - before : 0);
    }
}

void Guest::releaseHeldIo()
{
    releasing_ = true;
    while (!held_.empty()) {
        const Injection io = held_.front();
        held_.pop_front();
        apply(io);
    }
    releasing_ = false;
}

} // namespace bitmig::engine
