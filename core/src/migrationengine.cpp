#include <bitmig/migrationengine.h>

#include "saturating.h"

#include <bitmig/enumnames.h>
#include <bitmig/streamformat.h>

#include <algorithm>
#include <bit>
#include <cstring>
#include <limits>
#include <stdexcept>

namespace bitmig {

namespace {

using detail::saturatingAdd;

SimConfig&& validated(SimConfig&& cfg)
{
    cfg.validate();
    return std::move(cfg);
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
    : shared_(std::make_shared<const SimConfig>(validated(std::move(config))))
    , cfg_(*shared_), source_(cfg_.bitmapName, cfg_.diskBytes, cfg_.granularity),
      chunks_((source_.bitCount() + chunkBits() - 1) / chunkBits()), recorder_(cfg_, chunks_),
      link_(cfg_.bandwidth, cfg_.latencyNs, cfg_.tickNs), guest_(cfg_, source_, recorder_, onGuestIo)
{
    faults_ = cfg_.faultsNs;
    std::sort(faults_.begin(), faults_.end());
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

uint64_t MigrationEngine::pendingBytes() const
{
    return sender_ ? sender_->pendingBytes() : 0;
}

engine::DowntimeLimits MigrationEngine::downtimeLimits() const
{
    return engine::DowntimeLimits{cfg_.bandwidth, cfg_.maxDowntimeNs, cfg_.latencyNs,
                                  engine::completeFramingBytes(link_.encoder(), cfg_.deviceName, cfg_.bitmapName)};
}

uint64_t MigrationEngine::downtimeBudgetBytes() const
{
    return engine::downtimeBudgetBytes(downtimeLimits(), link_.queuedNs(now_));
}

// ---- running -----------------------------------------------------------------------------

bool MigrationEngine::finished() const noexcept
{
    return phase() == Phase::Done || limitReached_;
}

void MigrationEngine::step()
{
    completeDigests();  // the bitmaps they read may change from here on
    if (finished()) {
        return;
    }
    recorder_.beginTick();
    const bool aborted = applyDueFaults();
    guest_.applyInjectionsBefore(now_ + cfg_.tickNs);
    if (phase() == Phase::Idle && cfg_.migrationStartNs >= 0 && now_ >= cfg_.migrationStartNs) {
        startMigration();
    }
    if (phase() == Phase::Cancelled && retryAtNs_ >= 0 && now_ >= retryAtNs_) {
        ++recorder_.summary().retries;
        startMigration();
    }
    guest_.runWorkload(now_);
    guest_.runTrace(now_);
    send();
    now_ += cfg_.tickNs;
    deliver();
    finishIfDone();
    if (now_ >= cfg_.timeLimitNs && phase() != Phase::Done) {
        limitReached_ = true;
    }
    if (aborted) {
        // runToEnd() stops after this tick: what the source keeps is the result.
        queueDigest(source_.bits(), nullptr, &MigrationSummary::sourceSha256);
        settleDigests();
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
    while (!finished() && (phase() != Phase::Cancelled || retryAtNs_ >= 0)) {
        step();
    }
}

// ---- guest I/O ---------------------------------------------------------------------------

void MigrationEngine::applyInjectionsDueNow()
{
    completeDigests();
    guest_.applyInjectionsDueBy(now_);
}

void MigrationEngine::injectWrite(uint64_t offset, uint64_t length)
{
    completeDigests();
    guest_.issue(Injection{now_, Injection::Op::Write, offset, length});
}

void MigrationEngine::injectClear(uint64_t offset, uint64_t length)
{
    completeDigests();
    guest_.issue(Injection{now_, Injection::Op::Clear, offset, length});
}

void MigrationEngine::setWorkload(const WorkloadSpec& spec)
{
    completeDigests();
    guest_.setWorkload(spec, now_);
}

// Scheduled link faults due in this tick, at its start (before a migration starts in it). A fault
// that finds no migration running changes nothing and is counted apart; one that cuts a migration
// schedules its retry, or leaves it aborted (then true).
bool MigrationEngine::applyDueFaults()
{
    MigrationSummary& summary = recorder_.summary();
    bool abortedNow = false;
    const int64_t tickEnd = now_ + cfg_.tickNs;
    while (nextFault_ < faults_.size() && faults_[nextFault_] < tickEnd) {
        const int64_t at = faults_[nextFault_++];
        if (!abort()) {
            ++summary.faultsIdle;
            continue;
        }
        ++summary.faults;
        if (cfg_.faultRetryNs >= 0) {
            // Saturating: a retry past the end of representable time never comes.
            retryAtNs_ = saturatingAdd(at, cfg_.faultRetryNs);
        } else {
            summary.aborted = true;
            abortedNow = true;
        }
    }
    return abortedNow;
}

// ---- migration control -------------------------------------------------------------------

void MigrationEngine::startMigration()
{
    completeDigests();
    if (!canStartMigration()) {
        throw std::logic_error(std::string("a migration cannot start in phase ") + std::string(phaseName(phase())));
    }
    const uint64_t maxBuf = std::max<uint64_t>(stream::kMaxBufSize, engine::chunkRecordBytes(cfg_.chunkBytes));
    receiver_ = std::make_unique<BitmapReceiver>(cfg_.deviceName, cfg_.bitmapName, cfg_.diskBytes, maxBuf);
    receiver_->onComplete = [this](const DirtyBitmap& loaded) { onLoaded(loaded); };
    receiver_->onStart = [this](DirtyBitmap& created) {
        if (densityLog2_) {
            created.bits().enableDensityIndex(densityLog2_);
        }
    };
    link_.reset(now_);
    recorder_.startAttempt(now_);
    retryAtNs_ = -1;

    // The sender of a cancelled attempt goes with it (its destination is gone already).
    sender_ = engine::makeSender(engine::SenderContext{cfg_, source_, *receiver_, link_, guest_, recorder_});
    source_.setBusy(true);
    sender_->start(now_);
    if (HBitmap* m = source_.meta(); m && densityLog2_) {
        m->enableDensityIndex(densityLog2_);
    }
}

bool MigrationEngine::abort()
{
    completeDigests();
    if (!sender_ || !sender_->sending()) {
        return false;
    }
    link_.drop();  // what was on the wire is lost
    const bool guestComesBack = guest_.atDestination();
    guest_.returnToSource();
    guest_.resume();
    if (receiver_) {
        std::unique_ptr<HBitmap> guestWrites = receiver_->cancel();
        if (guestComesBack && guestWrites) {
            // What the guest wrote at the destination must stay dirty here.
            source_.bits().merge(*guestWrites);
        }
        receiver_.reset();
    }
    if (source_.meta()) {
        source_.freeMeta();
    }
    source_.setBusy(false);
    recorder_.summary().cancelled = true;
    sender_->cancel(now_);
    guest_.releaseHeldIo();
    return true;
}

// ---- link and destination ----------------------------------------------------------------

void MigrationEngine::send()
{
    if (!sender_ || !sender_->sending()) {
        link_.closed();
        return;
    }
    link_.beginTick(now_);
    while (link_.hasBudget()) {
        if (!sender_->sendNext(now_)) {
            link_.idle();
            break;
        }
    }
    link_.endTick();
}

void MigrationEngine::deliver()
{
    try {
        link_.deliver(now_, [this](std::span<const uint8_t> bytes) { receiver_->feed(bytes); });
    } catch (const std::exception& e) {
        recorder_.summary().error = e.what();
        abort();
    }
}

void MigrationEngine::onLoaded(const DirtyBitmap& loaded)
{
    // COMPLETE at the destination: the loaded bitmap must equal the source as the guest left it.
    MigrationSummary& summary = recorder_.summary();
    const auto src = source_.bits().words();
    const auto dst = loaded.bits().words();
    const BitDifference diff = bitDifference(src, dst);
    summary.lostBits = diff.onlyInA;
    summary.extraBits = diff.onlyInB;
    if (const DirtyBitmap* succ = loaded.successor(); succ && !succ->bits().empty()) {
        // Now: the successor changes with the rest of the stream. Without a copy of the source: at
        // this size a copy would be the run's largest allocation.
        summary.expectedSha256 = source_.bits().sha256Union(succ->bits());
        // The source stays as it is (the guest is paused there, or runs at the destination) until
        // the END, whose handling waits for this digest.
        queueDigest(source_.bits(), nullptr, &MigrationSummary::sourceSha256);
    } else {
        queueDigest(source_.bits(), nullptr, &MigrationSummary::sourceSha256, &MigrationSummary::expectedSha256);
    }
    settleDigests();
}

void MigrationEngine::queueDigest(const HBitmap& bits, const HBitmap* with, std::string MigrationSummary::*target,
                                  std::string MigrationSummary::*also)
{
    digests_.push_back(PendingDigest{BitmapDigest(bits, with), target, also});
}

bool MigrationEngine::settleDigests()
{
    if (!deferDigests_) {
        completeDigests();
    }
    return digests_.empty();
}

bool MigrationEngine::computeDigests(uint64_t maxBytes)
{
    if (digests_.empty()) {
        return true;
    }
    while (!digests_.empty() && maxBytes > 0) {
        PendingDigest& d = digests_.front();
        const uint64_t before = d.digest.bytesDone();
        const bool done = d.digest.run(maxBytes);
        const uint64_t did = d.digest.bytesDone() - before;
        digestBytesDone_ += did;
        maxBytes = maxBytes > did ? maxBytes - did : 0;
        if (done) {
            MigrationSummary& summary = recorder_.summary();
            summary.*d.target = d.digest.hex();
            if (d.also) {
                summary.*d.also = d.digest.hex();
            }
            digests_.erase(digests_.begin());
        }
    }
    if (!digests_.empty()) {
        return false;
    }
    if (deferDigests_) {
        const bool wasFinished = finished();
        finishIfDone();  // the END that waited for them, if one did
        if (finished() && !wasFinished) {
            sample(true);  // the last measurement, as the tick that finishes takes it
        }
    }
    return digests_.empty();
}

void MigrationEngine::finishIfDone()
{
    if (phase() != Phase::Complete || !receiver_ || !receiver_->ended() || !digests_.empty()) {
        return;  // with digests pending, computeDigests() comes back once they are done
    }
    MigrationSummary& summary = recorder_.summary();
    const DirtyBitmap* dest = receiver_->bitmap();
    if (!endDigestQueued_) {
        // The destination as the END found it: nothing below changes its bits before the digest.
        endDigestQueued_ = true;
        queueDigest(dest->bits(), nullptr, &MigrationSummary::destinationSha256);
        if (!settleDigests()) {
            return;
        }
    }
    endDigestQueued_ = false;
    const int64_t doneAt = link_.lastArrivalNs();  // when the END section's last byte arrived
    if (!guest_.atDestination()) {
        // The guest was paused at the source for the whole complete phase; it resumes at the
        // destination. (A guest that switched over already, postcopy, had the bitmap unusable.)
        summary.downtimeNs = doneAt - summary.pauseStartNs;
        receiver_->guestStarts();
        guest_.moveToDestination(*receiver_);
        guest_.resume();
    } else {
        summary.unusableWindowNs = doneAt - summary.pauseStartNs;
    }
    summary.verified = summary.error.empty() && summary.lostBits == 0 && summary.extraBits == 0 &&
                       summary.destinationSha256 == summary.expectedSha256;
    summary.finished = true;
    summary.converged = sender_->converged();
    summary.totalTimeNs = doneAt - summary.migrationStartNs;
    if (source_.meta()) {
        source_.freeMeta();
    }
    source_.setBusy(false);
    sender_->finish(now_);
    guest_.releaseHeldIo();
}

// ---- measurements ------------------------------------------------------------------------

void MigrationEngine::sample(bool force)
{
    if (!recorder_.sampleDue(now_, force)) {
        return;
    }
    const HBitmap* m = source_.meta();
    engine::BucketEnd end;
    end.phase = phase();
    end.pass = end.phase == Phase::Dirty ? pass() : 0;
    end.pendingBytes = pendingBytes();
    end.thresholdBytes = downtimeBudgetBytes();
    end.dirtyBits = source_.dirtyBits();
    end.dirtyChunks = m ? m->count() >> m->granularityLog2() : 0;
    recorder_.sample(now_, end);
}

MigrationSummary MigrationEngine::summary() const
{
    MigrationSummary s = recorder_.summary();
    s.decodedBytes = receiver_ ? receiver_->consumedBytes() : 0;
    return s;
}

} // namespace bitmig
