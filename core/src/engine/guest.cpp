#include <bitmig/engine/guest.h>

#include <bitmig/engine/recorder.h>

#include <algorithm>
#include <span>
#include <stdexcept>
#include <string>

namespace bitmig::engine {

namespace {

// A hint only: never faults, and compiles to nothing where the builtin is missing.
inline void prefetchForWrite(const void* p) noexcept
{
#if defined(__GNUC__) || defined(__clang__)
    __builtin_prefetch(p, 1);
#else
    (void)p;
#endif
}

uint64_t dirtyChunks(const HBitmap* meta) noexcept
{
    return meta ? meta->count() >> meta->granularityLog2() : 0;
}

} // namespace

Guest::Guest(const SimConfig& config, DirtyBitmap& source, Recorder& recorder, const Observer& observer)
    : tickNs_(config.tickNs), diskBytes_(config.diskBytes), source_(source), recorder_(recorder),
      observer_(observer), generator_(config.workload, config.diskBytes, config.seed)
{
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
    const HBitmap* m = source_.meta();
    const uint64_t before = dirtyChunks(m);
    tracePlayer_->playUntil(nowNs + tickNs_, [this, nowNs](const TraceRecord& r) {
        apply(Injection{nowNs, r.op == TraceOp::Write ? Injection::Op::Write : Injection::Op::Clear, r.offset,
                        r.length});
    });
    if (m) {
        const uint64_t after = dirtyChunks(m);
        recorder_.chunksRedirtied(after > before ? after - before : 0);
    }
}

void Guest::runWorkload(int64_t nowNs)
{
    if (paused_) {
        return;
    }
    const HBitmap* m = source_.meta();
    const uint64_t before = dirtyChunks(m);
    if (!destination_ && !observer_) {
        // The hot path: straight into the source bitmap. Writes land at random places in a large
        // bitmap, so most miss the cache. Each batch is prefetched as soon as it is drawn and
        // applied only after the next batch has been drawn, so the misses resolve meanwhile; the
        // writes still reach the bitmap in order, all within the tick.
        const HBitmap& hb = source_.bits();
        const uint64_t* bottom = hb.words().data();
        const uint64_t* above = hb.levelWords(HBitmap::kLevels - 2).data();  // set with new bits
        const unsigned g = hb.granularityLog2();
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
                const uint64_t bit = w.offset >> g;
                prefetchForWrite(bottom + (bit >> 6));
                prefetchForWrite(above + (bit >> 12));
            }
            flush();
            std::copy(batch.begin(), batch.end(), held);
            heldCount = batch.size();
        });
        flush();
        recorder_.guestWritesApplied(n);
    } else {
        generator_.generate(nowNs, tickNs_, [this, nowNs](uint64_t offset, uint64_t length) {
            apply(Injection{nowNs, Injection::Op::Write, offset, length});
        });
    }
    if (m) {
        const uint64_t after = dirtyChunks(m);
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
