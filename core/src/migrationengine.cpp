#include "bitmig/migrationengine.h"

#include "bitmig/enumnames.h"
#include "bitmig/streamformat.h"

#include "saturating.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <limits>
#include <stdexcept>

namespace bitmig {

namespace {

using detail::saturatingAdd;
using detail::saturatingBytes;
using detail::saturatingNs;

constexpr uint32_t kSectionId = 1;
constexpr size_t kMaxSentListed = 4096;

const SimConfig& validated(const SimConfig& cfg)
{
    cfg.validate();
    return cfg;
}

// A hint only: never faults, and compiles to nothing where the builtin is missing.
inline void prefetchForWrite(const void* p) noexcept
{
#if defined(__GNUC__) || defined(__clang__)
    __builtin_prefetch(p, 1);
#else
    (void)p;
#endif
}

struct BitDifference {
    uint64_t onlyInA = 0, onlyInB = 0;
};

// Bits set in one span and not the other, over their common length, in one pass. The spans are
// nearly always equal, so equal blocks are skipped with memcmp (vectorised) before counting.
BitDifference bitDifference(std::span<const uint64_t> a, std::span<const uint64_t> b) noexcept
{
    constexpr size_t kBlock = 512;  // words
    BitDifference d;
    const size_t n = std::min(a.size(), b.size());
    for (size_t at = 0; at < n; at += kBlock) {
        const size_t len = std::min(kBlock, n - at);
        if (std::memcmp(a.data() + at, b.data() + at, len * sizeof(uint64_t)) == 0) {
            continue;
        }
        for (size_t i = at; i < at + len; ++i) {
            d.onlyInA += unsigned(std::popcount(a[i] & ~b[i]));
            d.onlyInB += unsigned(std::popcount(b[i] & ~a[i]));
        }
    }
    return d;
}

} // namespace

namespace {

constexpr EnumName<Phase> kPhaseNames[] = {
    {Phase::Idle, "idle"},         {Phase::Setup, "setup"}, {Phase::Bulk, "bulk"},
    {Phase::Dirty, "dirty"},       {Phase::Complete, "complete"}, {Phase::Done, "done"},
    {Phase::Cancelled, "cancelled"},
};
static_assert(isNameTable(kPhaseNames, Phase::Idle, Phase::Cancelled));

} // namespace

std::string_view phaseName(Phase p) noexcept
{
    return nameOf(kPhaseNames, p).value_or("unknown");
}

std::optional<Phase> parsePhase(std::string_view name) noexcept
{
    return valueNamed(kPhaseNames, name);
}

MigrationEngine::MigrationEngine(SimConfig config)
    : cfg_(validated(config)), generator_(cfg_.workload, cfg_.diskBytes, cfg_.seed),
      source_(cfg_.bitmapName, cfg_.diskBytes, cfg_.granularity)
{
    chunks_ = (source_.bitCount() + chunkBits() - 1) / chunkBits();
    if (cfg_.workload.trace.active()) {
        tracePlayer_.emplace(cfg_.workload.trace, 0, cfg_.tickNs);
    }
    injections_ = cfg_.injections;
    std::stable_sort(injections_.begin(), injections_.end(),
                     [](const Injection& a, const Injection& b) { return a.timeNs < b.timeNs; });
    faults_ = cfg_.faultsNs;
    std::sort(faults_.begin(), faults_.end());
    summary_.strategy = cfg_.strategy;
    summary_.maxDowntimeNs = cfg_.maxDowntimeNs;
    summary_.chunks = chunks_;
    summary_.phases.push_back(PhaseSpan{Phase::Idle, 0, 0, -1});
}

MigrationEngine::~MigrationEngine() = default;

void MigrationEngine::setDensityIndex(unsigned log2BlockBits)
{
    densityLog2_ = log2BlockBits;
    auto apply = [log2BlockBits](HBitmap& hb) {
        if (log2BlockBits) {
            hb.enableDensityIndex(log2BlockBits);
        } else {
            hb.disableDensityIndex();
        }
    };
    apply(source_.bits());
    if (auto* m = source_.meta()) {
        apply(*m);
    }
    if (receiver_ && receiver_->bitmap()) {
        apply(receiver_->bitmap()->bits());
    }
}

// ---- geometry ----------------------------------------------------------------------------

MigrationEngine::Chunk MigrationEngine::chunkAt(uint64_t index) const noexcept
{
    Chunk c;
    c.firstBit = index * chunkBits();
    c.nbits = std::min(chunkBits(), source_.bitCount() - c.firstBit);
    c.startByte = c.firstBit * cfg_.granularity;
    c.countBytes = std::min(c.nbits * cfg_.granularity, cfg_.diskBytes - c.startByte);
    return c;
}

uint64_t MigrationEngine::chunkRecordCost() const noexcept
{
    return StreamEncoder::bitsHeaderSize(false, false, 0, 0, false) +
           stream::bufSize(std::max<uint64_t>(cfg_.chunkBytes, 8));
}

uint64_t MigrationEngine::chunkRecordCost(uint64_t index) const noexcept
{
    // The last chunk may hold fewer bits than the others, and so a smaller buffer.
    const uint64_t words = (chunkAt(index).nbits + 63) / 64;
    return StreamEncoder::bitsHeaderSize(false, false, 0, 0, false) + stream::bufSize(words * 8);
}

uint64_t MigrationEngine::pendingBytes() const
{
    const HBitmap* m = source_.meta();
    const uint64_t metaDirty = m ? m->count() >> m->granularity() : 0;
    uint64_t chunksLeft = 0;
    switch (phase_) {
    case Phase::Idle:
    case Phase::Done:
    case Phase::Cancelled:
        return 0;
    case Phase::Setup:
        chunksLeft = chunks_;
        break;
    case Phase::Bulk:
        chunksLeft = (chunks_ - cursor_) + (m ? m->countBits(0, cursor_) : 0);
        break;
    case Phase::Dirty:
        chunksLeft = metaDirty;
        break;
    case Phase::Complete:
        if (completeSent_) {
            return 0;
        }
        chunksLeft = bulkDone_ ? (m ? m->countBits(cursor_, chunks_) : 0)
                               : (chunks_ - cursor_) + (m ? m->countBits(0, cursor_) : 0);
        break;
    }
    if (chunksLeft == 0) {
        return 0;
    }
    // Every pending chunk costs a full data record, except the last chunk of the bitmap.
    const uint64_t last = chunks_ - 1;
    const bool metaLast = m && m->get(last << m->granularity());
    bool lastPending = true;
    if (phase_ == Phase::Dirty) {
        lastPending = metaLast;
    } else if (phase_ == Phase::Bulk || (phase_ == Phase::Complete && !bulkDone_)) {
        lastPending = cursor_ <= last || metaLast;
    } else if (phase_ == Phase::Complete) {
        lastPending = cursor_ <= last && metaLast;
    }
    const uint64_t full = chunkRecordCost();
    return chunksLeft * full - (lastPending ? full - chunkRecordCost(last) : 0);
}

// ---- running -----------------------------------------------------------------------------

bool MigrationEngine::finished() const noexcept
{
    return phase_ == Phase::Done || limitReached_;
}

void MigrationEngine::step()
{
    if (finished()) {
        return;
    }
    sentLastTick_.clear();
    const bool aborted = applyDueFaults();
    applyDueInjections();
    if (phase_ == Phase::Idle && cfg_.migrationStartNs >= 0 && now_ >= cfg_.migrationStartNs) {
        startMigration();
    }
    if (phase_ == Phase::Cancelled && retryAtNs_ >= 0 && now_ >= retryAtNs_) {
        ++summary_.retries;
        startMigration();
    }
    runWorkload();
    runTrace();
    send();
    now_ += cfg_.tickNs;
    deliver();
    finishIfDone();
    if (now_ >= cfg_.timeLimitNs && phase_ != Phase::Done) {
        limitReached_ = true;
    }
    if (aborted) {
        // runToEnd() stops after this tick: what the source keeps is the result.
        summary_.sourceSha256 = source_.bits().sha256();
    }
    sample(finished());
}

void MigrationEngine::runFor(int64_t ns)
{
    const int64_t end = saturatingAdd(now_, ns);
    while (now_ < end && !finished()) {
        step();
    }
}

void MigrationEngine::runToEnd()
{
    while (!finished() && (phase_ != Phase::Cancelled || retryAtNs_ >= 0)) {
        step();
    }
}

// ---- guest I/O ---------------------------------------------------------------------------

void MigrationEngine::applyGuestIo(const Injection& io)
{
    const bool atDestination = guestAtDestination_;
    // A paused guest issues nothing; a clear at the destination waits for COMPLETE, since the
    // incoming bitmap there is merged with the successor by OR and would bring the bits back.
    // Once something waits, everything after it waits too, so the guest's I/O keeps its order.
    if (guestPaused_ || (!heldIo_.empty() && !draining_) ||
        (io.op == Injection::Op::Clear && atDestination && receiver_ && !receiver_->complete())) {
        heldIo_.push_back(io);
        return;
    }
    DirtyBitmap* target = &source_;
    if (atDestination) {
        target = receiver_ ? receiver_->bitmap() : nullptr;
        if (!target) {
            heldIo_.push_back(io);
            return;
        }
    }
    if (io.op == Injection::Op::Write) {
        target->markDirty(io.offset, io.length);
        ++summary_.writesApplied;
    } else {
        target->clearInside(io.offset, io.length);
        ++summary_.clearsApplied;
    }
    ++bucket_.writes;
    if (onGuestIo) {
        onGuestIo(io);
    }
}

void MigrationEngine::applyInjectionsDueNow()
{
    while (nextInjection_ < injections_.size() && injections_[nextInjection_].timeNs <= now_) {
        applyGuestIo(injections_[nextInjection_++]);
    }
}

void MigrationEngine::applyDueInjections()
{
    const int64_t tickEnd = now_ + cfg_.tickNs;
    while (nextInjection_ < injections_.size() && injections_[nextInjection_].timeNs < tickEnd) {
        applyGuestIo(injections_[nextInjection_++]);
    }
}

// Scheduled link faults due in this tick, at its start (before a migration starts in it). A fault
// that finds no migration running changes nothing and is counted apart; one that cuts a migration
// schedules its retry, or leaves it aborted (then true).
bool MigrationEngine::applyDueFaults()
{
    bool abortedNow = false;
    const int64_t tickEnd = now_ + cfg_.tickNs;
    while (nextFault_ < faults_.size() && faults_[nextFault_] < tickEnd) {
        const int64_t at = faults_[nextFault_++];
        if (!abort()) {
            ++summary_.faultsIdle;
            continue;
        }
        ++summary_.faults;
        if (cfg_.faultRetryNs >= 0) {
            // Saturating: a retry past the end of representable time never comes.
            constexpr int64_t kNever = std::numeric_limits<int64_t>::max();
            retryAtNs_ = at > kNever - cfg_.faultRetryNs ? kNever : at + cfg_.faultRetryNs;
        } else {
            summary_.aborted = true;
            abortedNow = true;
        }
    }
    return abortedNow;
}

void MigrationEngine::injectWrite(uint64_t offset, uint64_t length)
{
    if (offset >= cfg_.diskBytes || length > cfg_.diskBytes - offset) {
        throw std::out_of_range("write [" + std::to_string(offset) + ", +" + std::to_string(length) +
                                ") is past the end of the disk");
    }
    applyGuestIo(Injection{now_, Injection::Op::Write, offset, length});
}

void MigrationEngine::injectClear(uint64_t offset, uint64_t length)
{
    if (offset >= cfg_.diskBytes || length > cfg_.diskBytes - offset) {
        throw std::out_of_range("clear [" + std::to_string(offset) + ", +" + std::to_string(length) +
                                ") is past the end of the disk");
    }
    applyGuestIo(Injection{now_, Injection::Op::Clear, offset, length});
}

void MigrationEngine::setWorkload(const WorkloadSpec& spec)
{
    const bool sameTrace = spec.trace == generator_.spec().trace;
    generator_.setSpec(spec);  // validates
    if (!sameTrace) {
        tracePlayer_.reset();
        if (spec.trace.active()) {
            tracePlayer_.emplace(spec.trace, now_, cfg_.tickNs);
        }
    }
}

// Trace records go through applyGuestIo() one by one: a paused guest holds them until it resumes,
// so that every record reaches the bitmap.
void MigrationEngine::runTrace()
{
    if (!tracePlayer_) {
        return;
    }
    const HBitmap* m = source_.meta();
    const uint64_t before = m ? m->count() >> m->granularity() : 0;
    tracePlayer_->playUntil(now_ + cfg_.tickNs, [this](const TraceRecord& r) {
        applyGuestIo(Injection{now_, r.op == TraceOp::Write ? Injection::Op::Write : Injection::Op::Clear,
                               r.offset, r.length});
    });
    if (m) {
        const uint64_t after = m->count() >> m->granularity();
        bucket_.redirtiedChunks += after > before ? after - before : 0;
    }
}

void MigrationEngine::runWorkload()
{
    if (guestPaused_) {
        return;
    }
    const HBitmap* m = source_.meta();
    const uint64_t before = m ? m->count() >> m->granularity() : 0;
    if (!guestAtDestination_ && !onGuestIo) {
        // The hot path: straight into the source bitmap. Writes land at random places in a large
        // bitmap, so most miss the cache. Each batch is prefetched as soon as it is drawn and
        // applied only after the next batch has been drawn, so the misses resolve meanwhile; the
        // writes still reach the bitmap in order, all within the tick.
        const HBitmap& hb = source_.bits();
        const uint64_t* bottom = hb.words().data();
        const uint64_t* above = hb.levelWords(HBitmap::kLevels - 2).data();  // set with new bits
        const unsigned g = hb.granularity();
        GuestWrite held[WorkloadGenerator::kBatch];
        size_t heldCount = 0;
        uint64_t n = 0;
        auto apply = [&] {
            for (size_t i = 0; i < heldCount; ++i) {
                source_.markDirty(held[i].offset, held[i].length);
            }
            n += heldCount;
        };
        generator_.generateBatches(now_, cfg_.tickNs, [&](std::span<const GuestWrite> batch) {
            for (const GuestWrite& w : batch) {
                const uint64_t bit = w.offset >> g;
                prefetchForWrite(bottom + (bit >> 6));
                prefetchForWrite(above + (bit >> 12));
            }
            apply();
            std::copy(batch.begin(), batch.end(), held);
            heldCount = batch.size();
        });
        apply();
        summary_.writesApplied += n;
        bucket_.writes += n;
    } else {
        generator_.generate(now_, cfg_.tickNs, [this](uint64_t offset, uint64_t length) {
            applyGuestIo(Injection{now_, Injection::Op::Write, offset, length});
        });
    }
    if (m) {
        const uint64_t after = m->count() >> m->granularity();
        bucket_.redirtiedChunks += after > before ? after - before : 0;
    }
}

// ---- migration control -------------------------------------------------------------------

void MigrationEngine::startMigration()
{
    if (!canStartMigration()) {
        throw std::logic_error(std::string("a migration cannot start in phase ") + std::string(phaseName(phase_)));
    }
    encoder_.reset();
    const uint64_t maxBuf = std::max<uint64_t>(stream::kMaxBufSize, chunkRecordCost());
    receiver_ = std::make_unique<BitmapReceiver>(cfg_.deviceName, cfg_.bitmapName, cfg_.diskBytes, maxBuf);
    receiver_->onComplete = [this](const DirtyBitmap& loaded) { onLoaded(loaded); };
    receiver_->onStart = [this](DirtyBitmap& created) {
        if (densityLog2_) {
            created.bits().enableDensityIndex(densityLog2_);
        }
    };
    out_.clear();
    outBase_ = 0;
    wireEnd_ = 0;
    delivered_ = 0;
    arrivals_.clear();
    budget_ = 0;
    linkFreeAt_ = now_;

    summary_.started = true;
    summary_.cancelled = false;
    summary_.aborted = false;
    retryAtNs_ = -1;
    summary_.migrationStartNs = now_;
    summary_.chunksSent = summary_.chunksResent = summary_.chunksZeroes = 0;
    summary_.records = summary_.payloadBytes = summary_.headerBytes = summary_.wireBytes = 0;
    summary_.dirtyPasses = 0;
    summary_.passes.clear();
    summary_.error.clear();
    forcedComplete_ = false;

    sentOnce_.assign((chunks_ + 63) / 64, 0);
    if (cfg_.strategy == Strategy::Precopy) {
        HBitmap& m = source_.createMeta(cfg_.chunkBytes);
        if (densityLog2_) {
            m.enableDensityIndex(densityLog2_);
        }
    }
    source_.setBusy(true);
    cursor_ = 0;
    pass_ = 0;
    setupSent_ = false;
    completeSent_ = false;
    bulkDone_ = false;
    enterPhase(Phase::Setup);
    if (cfg_.strategy == Strategy::StopAndCopy) {
        pauseGuest();
        summary_.expectedDowntimeNs =
            saturatingAdd(saturatingNs(double(pendingBytes()) / cfg_.bandwidth * 1e9), cfg_.latencyNs);
    }
}

bool MigrationEngine::abort()
{
    if (phase_ != Phase::Setup && phase_ != Phase::Bulk && phase_ != Phase::Dirty && phase_ != Phase::Complete) {
        return false;
    }
    arrivals_.clear();  // what was on the wire is lost
    delivered_ = wireEnd_;
    if (receiver_) {
        std::unique_ptr<HBitmap> guestWrites = receiver_->cancel();
        if (guestAtDestination_ && guestWrites) {
            // The guest comes back: what it wrote at the destination must stay dirty here.
            source_.bits().merge(*guestWrites);
        }
        receiver_.reset();
    }
    if (source_.meta()) {
        source_.freeMeta();
    }
    source_.setBusy(false);
    guestAtDestination_ = false;
    guestPaused_ = false;
    summary_.cancelled = true;
    enterPhase(Phase::Cancelled);
    drainHeldIo();
    return true;
}

void MigrationEngine::enterPhase(Phase phase, unsigned pass)
{
    if (!summary_.phases.empty() && summary_.phases.back().endNs < 0) {
        summary_.phases.back().endNs = now_;
    }
    summary_.phases.push_back(PhaseSpan{phase, pass, now_, -1});
    if (phase == Phase::Done || phase == Phase::Cancelled) {
        summary_.phases.back().endNs = now_;
    }
    phase_ = phase;
    if (phase == Phase::Dirty) {
        pass_ = pass;
        summary_.dirtyPasses = std::max(summary_.dirtyPasses, pass);
    }
    if (cfg_.strategy == Strategy::Precopy && (phase == Phase::Bulk || phase == Phase::Dirty)) {
        PassStats p;
        p.pass = phase == Phase::Dirty ? pass : 0;
        p.startNs = now_;
        p.pendingStart = pendingBytes();
        summary_.passes.push_back(p);
    }
}

void MigrationEngine::closePass(bool fitting)
{
    if (cfg_.strategy != Strategy::Precopy || summary_.passes.empty() || summary_.passes.back().endNs >= 0) {
        return;
    }
    PassStats& p = summary_.passes.back();
    p.endNs = now_;
    p.pendingEnd = pendingBytes();
    p.budgetBytes = (double(cfg_.maxDowntimeNs) - 1 - double(cfg_.latencyNs)) * 1e-9 * cfg_.bandwidth -
                    double(completeFramingBytes());
    p.endedFitting = fitting;
}

void MigrationEngine::pauseGuest()
{
    guestPaused_ = true;
    summary_.pauseStartNs = now_;
}

void MigrationEngine::switchGuestToDestination()
{
    // Postcopy switch-over: the guest stops here and starts at the destination, one link delay later.
    summary_.pauseStartNs = now_;
    summary_.downtimeNs = cfg_.latencyNs;
    summary_.expectedDowntimeNs = cfg_.latencyNs;
    guestAtDestination_ = true;
    receiver_->guestStarts();
}

void MigrationEngine::beginComplete()
{
    if (cfg_.strategy == Strategy::Precopy) {
        pauseGuest();
    }
    enterPhase(Phase::Complete);
    if (bulkDone_) {
        cursor_ = 0;
    }
    if (cfg_.strategy != Strategy::Postcopy) {
        // What the complete phase will carry, record by record, and when it will have arrived.
        const uint64_t bytes = StreamEncoder::sectionHeaderSize(SectionType::End) + exactPendingBytes() +
                               encoder_.sizeOf(StreamRecord::complete(cfg_.deviceName, cfg_.bitmapName)).total() +
                               StreamEncoder::eosRecordSize();
        const int64_t queued = std::max<int64_t>(0, linkFreeAt_ - now_);
        summary_.expectedDowntimeNs = saturatingAdd(
            saturatingAdd((now_ - summary_.pauseStartNs) + queued, saturatingNs(double(bytes) / cfg_.bandwidth * 1e9)),
            cfg_.latencyNs);
    }
    emitSection(SectionType::End);
}

uint64_t MigrationEngine::completeFramingBytes() const
{
    // Around the chunks the complete phase sends: the closing EOS of this pass, the END section,
    // COMPLETE and EOS.
    return StreamEncoder::eosRecordSize() + StreamEncoder::sectionHeaderSize(SectionType::End) +
           encoder_.sizeOf(StreamRecord::complete(cfg_.deviceName, cfg_.bitmapName)).total() +
           StreamEncoder::eosRecordSize();
}

uint64_t MigrationEngine::downtimeBudgetBytes() const
{
    const int64_t queued = std::max<int64_t>(0, linkFreeAt_ - now_);
    const double ns = double(cfg_.maxDowntimeNs) - 1 - double(cfg_.latencyNs) - double(queued);
    const double bytes = ns * 1e-9 * cfg_.bandwidth - double(completeFramingBytes());
    return saturatingBytes(bytes);
}

bool MigrationEngine::fitsDowntime(bool drained) const
{
    // What the complete phase would carry if the guest paused now, counted high (every pending chunk
    // as a full data record), behind whatever the link still has queued: the closing EOS of this
    // pass, the END section, the chunks, COMPLETE and EOS. A switch-over decided here keeps the
    // expected downtime that beginComplete() computes exactly within the limit.
    const uint64_t bytes = pendingBytes() + completeFramingBytes();
    const int64_t queued = drained ? 0 : std::max<int64_t>(0, linkFreeAt_ - now_);
    const double ns = double(queued) + double(bytes) / cfg_.bandwidth * 1e9 + double(cfg_.latencyNs);
    return ns + 1 <= double(cfg_.maxDowntimeNs);
}

bool MigrationEngine::waitForLinkToDrain() const
{
    // At the end of a pass, only the bytes still on their way keep the guest from pausing within
    // the limit: wait for them rather than start a pass that would end at once.
    return linkFreeAt_ > now_ && !fitsDowntime() && fitsDowntime(true);
}

uint64_t MigrationEngine::exactPendingBytes() const
{
    const HBitmap& hb = source_.bits();
    const HBitmap* m = source_.meta();
    const uint64_t zeroCost = StreamEncoder::bitsHeaderSize(false, false, 0, 0, true);
    uint64_t bytes = 0;
    uint64_t from = cursor_;
    if (!bulkDone_) {
        // Unsent bulk chunks: data records for those holding a dirty bit, ZEROES for the rest.
        uint64_t dataChunks = 0;
        for (uint64_t chunk = cursor_; chunk < chunks_;) {
            const auto bit = hb.nextDirty(chunkAt(chunk).startByte);
            if (!bit) {
                break;
            }
            chunk = (*bit >> hb.granularity()) / chunkBits();
            ++dataChunks;
            bytes += chunkRecordCost(chunk);
            ++chunk;
        }
        bytes += (chunks_ - cursor_ - dataChunks) * zeroCost;
        from = 0;
    }
    if (m) {
        const uint64_t end = bulkDone_ ? chunks_ : cursor_;
        for (uint64_t chunk = from; chunk < end;) {
            const auto at = m->nextDirty(chunk << m->granularity());
            if (!at || (*at >> m->granularity()) >= end) {
                break;
            }
            chunk = *at >> m->granularity();
            const Chunk c = chunkAt(chunk);
            bytes += hb.anyBits(c.firstBit, c.nbits) ? chunkRecordCost(chunk) : zeroCost;
            ++chunk;
        }
    }
    return bytes;
}

// ---- sender ------------------------------------------------------------------------------

void MigrationEngine::send()
{
    if (phase_ != Phase::Setup && phase_ != Phase::Bulk && phase_ != Phase::Dirty && phase_ != Phase::Complete) {
        budget_ = 0;
        return;
    }
    const uint64_t before = wireEnd_;
    linkFreeAt_ = std::max(linkFreeAt_, now_);
    budget_ += cfg_.bandwidth * double(cfg_.tickNs) * 1e-9;
    while (budget_ > 0) {
        if (!sendNext()) {
            budget_ = std::min(budget_, 0.0);  // an idle link banks nothing
            break;
        }
    }
    if (wireEnd_ != before) {
        // The tick's last byte arrives when the link has carried everything before it, plus latency.
        arrivals_.emplace_back(wireEnd_, saturatingAdd(linkFreeAt_, cfg_.latencyNs));
    }
}

bool MigrationEngine::sendNext()
{
    switch (phase_) {
    case Phase::Setup: {
        if (!setupSent_) {
            emitSection(SectionType::Start);
            const uint8_t flags = (source_.recording() || source_.busy() ? stream::kStartEnabled : 0) |
                                  (source_.persistent() ? stream::kStartPersistent : 0);
            emitRecord(StreamRecord::start(cfg_.deviceName, cfg_.bitmapName, uint32_t(cfg_.granularity), flags), 0);
            emitRecord(StreamRecord::eos(), 0);
            setupSent_ = true;
            return true;
        }
        switch (cfg_.strategy) {
        case Strategy::Precopy:
            if (cfg_.completeOnlyBelow > 0 && pendingBytes() <= cfg_.completeOnlyBelow) {
                beginComplete();  // the seed's refinement: small enough to send only while paused
                return true;
            }
            enterPhase(Phase::Bulk);
            emitSection(SectionType::Part);
            return true;
        case Strategy::Postcopy:
            if (!receiver_->bitmap()) {
                return false;  // the switch-over waits until the destination knows the bitmap
            }
            switchGuestToDestination();
            enterPhase(Phase::Bulk);
            emitSection(SectionType::Part);
            return true;
        case Strategy::StopAndCopy:
            beginComplete();
            return true;
        }
        return false;
    }
    case Phase::Bulk:
        if (cursor_ < chunks_) {
            sendChunk(cursor_++);
            return true;
        }
        if (cfg_.strategy == Strategy::Precopy && waitForLinkToDrain()) {
            return false;
        }
        emitRecord(StreamRecord::eos(), 0);
        bulkDone_ = true;
        closePass(fitsDowntime());
        if (cfg_.strategy == Strategy::Precopy && !fitsDowntime()) {
            if (cfg_.maxPasses == 0) {
                forcedComplete_ = true;  // no dirty pass allowed: pause the guest now
                beginComplete();
            } else {
                cursor_ = 0;
                enterPhase(Phase::Dirty, 1);
                emitSection(SectionType::Part);
            }
        } else {
            beginComplete();
        }
        return true;
    case Phase::Dirty: {
        const HBitmap* m = source_.meta();
        if (fitsDowntime()) {
            closePass(true);
            emitRecord(StreamRecord::eos(), 0);
            beginComplete();
            return true;
        }
        if (cursor_ < chunks_) {
            if (const auto at = m->nextDirty(cursor_ << m->granularity())) {
                cursor_ = *at >> m->granularity();
                sendChunk(cursor_++);
                return true;
            }
            cursor_ = chunks_;
        }
        // End of a pass over the meta bitmap.
        if (waitForLinkToDrain()) {
            return false;
        }
        emitRecord(StreamRecord::eos(), 0);
        closePass(fitsDowntime());
        if (fitsDowntime()) {
            beginComplete();
        } else if (m->empty() || pass_ >= cfg_.maxPasses) {
            // Nothing left that another pass could send (the link's latency alone is over the
            // limit), or no pass left: pause the guest anyway.
            forcedComplete_ = true;
            beginComplete();
        } else {
            cursor_ = 0;
            enterPhase(Phase::Dirty, pass_ + 1);
            emitSection(SectionType::Part);
        }
        return true;
    }
    case Phase::Complete: {
        if (completeSent_) {
            return false;
        }
        if (!bulkDone_) {
            if (cursor_ < chunks_) {
                sendChunk(cursor_++);
                return true;
            }
            bulkDone_ = true;
            cursor_ = 0;
        }
        if (const HBitmap* m = source_.meta(); m && cursor_ < chunks_) {
            if (const auto at = m->nextDirty(cursor_ << m->granularity())) {
                cursor_ = *at >> m->granularity();
                sendChunk(cursor_++);
                return true;
            }
            cursor_ = chunks_;
        }
        emitRecord(StreamRecord::complete(cfg_.deviceName, cfg_.bitmapName), 0);
        emitRecord(StreamRecord::eos(), 0);
        completeSent_ = true;
        return true;
    }
    case Phase::Idle:
    case Phase::Done:
    case Phase::Cancelled:
        break;
    }
    return false;
}

void MigrationEngine::sendChunk(uint64_t index)
{
    const Chunk c = chunkAt(index);
    const HBitmap& hb = source_.bits();
    const uint64_t sector = c.startByte / stream::kSectorSize;
    const auto nr = uint32_t(c.countBytes / stream::kSectorSize);
    const uint64_t meaningful = (c.nbits + 7) / 8;
    const bool zero = !hb.anyBits(c.firstBit, c.nbits);

    record_.kind = RecordKind::Bits;
    record_.device = cfg_.deviceName;
    record_.bitmap = cfg_.bitmapName;
    record_.startSector = sector;
    record_.nrSectors = nr;
    record_.zeroes = zero;
    if (zero) {
        record_.data.clear();
        emitRecord(record_, 0);
    } else {
        if (chunkBits() >= 64) {
            record_.data.resize(hb.serializationSize(c.startByte, c.countBytes));
            hb.serializePart(record_.data, c.startByte, c.countBytes);
        } else {
            // Below QEMU's minimum: the enclosing word, with only this chunk's bits in it.
            const uint64_t word = hb.words()[c.firstBit >> 6] &
                                  (((uint64_t(1) << c.nbits) - 1) << (c.firstBit & 63));
            record_.data.resize(8);
            for (int i = 0; i < 8; ++i) {
                record_.data[size_t(i)] = uint8_t(word >> (8 * i));
            }
        }
        stream::padBuffer(record_.data);
        emitRecord(record_, meaningful);
    }
    if (HBitmap* m = source_.meta()) {
        m->reset(c.firstBit << hb.granularity(), c.nbits << hb.granularity());
    }
    ++summary_.chunksSent;
    summary_.chunksZeroes += zero;
    uint64_t& once = sentOnce_[index >> 6];
    const uint64_t bit = uint64_t(1) << (index & 63);
    summary_.chunksResent += (once & bit) != 0;
    once |= bit;
    if (sentLastTick_.size() < kMaxSentListed) {
        sentLastTick_.push_back(index);
    }
}

void MigrationEngine::emitRecord(const StreamRecord& record, uint64_t meaningfulPayload)
{
    const EncodedSize size = encoder_.encode(record, out_);
    const uint64_t total = size.total();
    const uint64_t payload = std::min<uint64_t>(meaningfulPayload, size.payload);
    summary_.payloadBytes += payload;
    summary_.headerBytes += total - payload;
    summary_.wireBytes += total;
    ++summary_.records;
    bucket_.payloadBytes += payload;
    bucket_.headerBytes += total - payload;
    budget_ -= double(total);
    wireEnd_ += total;
    linkFreeAt_ = saturatingAdd(linkFreeAt_, saturatingNs(double(total) / cfg_.bandwidth * 1e9));
}

void MigrationEngine::emitSection(SectionType type)
{
    const uint64_t n = encoder_.beginSection(type, kSectionId, out_);
    summary_.headerBytes += n;
    summary_.wireBytes += n;
    bucket_.headerBytes += n;
    budget_ -= double(n);
    wireEnd_ += n;
    linkFreeAt_ = saturatingAdd(linkFreeAt_, saturatingNs(double(n) / cfg_.bandwidth * 1e9));
}

// ---- link and destination ----------------------------------------------------------------

void MigrationEngine::deliver()
{
    while (!arrivals_.empty() && arrivals_.front().second <= now_) {
        const uint64_t end = arrivals_.front().first;
        lastArrivalNs_ = arrivals_.front().second;
        arrivals_.pop_front();
        const std::span<const uint8_t> bytes(out_.data() + (delivered_ - outBase_), end - delivered_);
        delivered_ = end;
        try {
            receiver_->feed(bytes);
        } catch (const std::exception& e) {
            summary_.error = e.what();
            abort();
            return;
        }
    }
    // Keep only bytes still in flight, unless the whole stream is being recorded.
    if (!recordStream_ && delivered_ - outBase_ > (uint64_t(1) << 20)) {
        out_.erase(out_.begin(), out_.begin() + std::ptrdiff_t(delivered_ - outBase_));
        outBase_ = delivered_;
    }
}

void MigrationEngine::onLoaded(const DirtyBitmap& loaded)
{
    // COMPLETE at the destination: the loaded bitmap must equal the source as the guest left it.
    const auto src = source_.bits().words();
    const auto dst = loaded.bits().words();
    const BitDifference diff = bitDifference(src, dst);
    summary_.lostBits = diff.onlyInA;
    summary_.extraBits = diff.onlyInB;
    summary_.sourceSha256 = source_.bits().sha256();
    summary_.expectedSha256 = summary_.sourceSha256;
    if (const DirtyBitmap* succ = loaded.successor(); succ && !succ->bits().empty()) {
        // Without a copy of the source: at this size a copy would be the run's largest allocation.
        summary_.expectedSha256 = source_.bits().sha256Union(succ->bits());
    }
}

void MigrationEngine::finishIfDone()
{
    if (phase_ != Phase::Complete || !receiver_ || !receiver_->ended()) {
        return;
    }
    const DirtyBitmap* dest = receiver_->bitmap();
    const int64_t doneAt = lastArrivalNs_;  // when the END section's last byte arrived
    if (cfg_.strategy != Strategy::Postcopy) {
        summary_.downtimeNs = doneAt - summary_.pauseStartNs;
        receiver_->guestStarts();
        guestAtDestination_ = true;
        guestPaused_ = false;
    } else {
        summary_.unusableWindowNs = doneAt - summary_.pauseStartNs;
    }
    summary_.destinationSha256 = dest->bits().sha256();
    summary_.verified = summary_.error.empty() && summary_.lostBits == 0 && summary_.extraBits == 0 &&
                        summary_.destinationSha256 == summary_.expectedSha256;
    summary_.finished = true;
    summary_.converged = !forcedComplete_;
    summary_.totalTimeNs = doneAt - summary_.migrationStartNs;
    if (source_.meta()) {
        source_.freeMeta();
    }
    source_.setBusy(false);
    enterPhase(Phase::Done);
    drainHeldIo();
}

void MigrationEngine::drainHeldIo()
{
    draining_ = true;
    while (!heldIo_.empty()) {
        const Injection io = heldIo_.front();
        heldIo_.pop_front();
        applyGuestIo(io);
    }
    draining_ = false;
}

// ---- measurements ------------------------------------------------------------------------

void MigrationEngine::sample(bool force)
{
    const int64_t length = now_ - bucketStart_;
    if (length <= 0 || (!force && length < cfg_.sampleIntervalNs)) {
        return;
    }
    bucket_.timeNs = now_;
    bucket_.durationNs = length;
    bucket_.phase = phase_;
    bucket_.pass = phase_ == Phase::Dirty ? pass_ : 0;
    bucket_.pendingBytes = pendingBytes();
    bucket_.thresholdBytes = downtimeBudgetBytes();
    bucket_.dirtyBits = source_.dirtyBits();
    const HBitmap* m = source_.meta();
    bucket_.dirtyChunks = m ? m->count() >> m->granularity() : 0;
    samples_.push_back(bucket_);
    bucket_ = TimeSample{};
    bucketStart_ = now_;
}

MigrationSummary MigrationEngine::summary() const
{
    MigrationSummary s = summary_;
    s.decodedBytes = receiver_ ? receiver_->consumedBytes() : 0;
    return s;
}

} // namespace bitmig
