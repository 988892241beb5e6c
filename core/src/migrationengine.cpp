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

std::vector<std::unique_ptr<DirtyBitmap>> makeSources(const SimConfig& cfg)
{
    const std::vector<DiskSpec> disks = cfg.diskList();
    std::vector<std::unique_ptr<DirtyBitmap>> sources;
    for (const BitmapSpec& b : cfg.bitmapList()) {
        auto bm = std::make_unique<DirtyBitmap>(b.name, disks[b.disk].bytes, b.granularity);
        bm->setEnabled(b.enabled);
        bm->setPersistent(b.persistent);
        for (const Range& r : b.startBits) {  // its own starting bits, recording or not
            bm->bits().set(r.start, r.count);
        }
        sources.push_back(std::move(bm));
    }
    return sources;
}

std::vector<DirtyBitmap*> pointers(const std::vector<std::unique_ptr<DirtyBitmap>>& bitmaps)
{
    std::vector<DirtyBitmap*> out;
    for (const auto& b : bitmaps) {
        out.push_back(b.get());
    }
    return out;
}

uint64_t totalChunks(const std::vector<engine::Track>& tracks) noexcept
{
    return tracks.back().firstChunk + tracks.back().chunks;
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
    : shared_(std::make_shared<const SimConfig>(validated(std::move(config)))), cfg_(*shared_),
      sources_(makeSources(cfg_)), source_(*sources_.front()), tracks_(engine::makeTracks(cfg_, pointers(sources_))),
      chunks_(tracks_.front().chunks), recorder_(cfg_, totalChunks(tracks_)),
      link_(cfg_.bandwidth, cfg_.latencyNs, cfg_.tickNs), guest_(cfg_, pointers(sources_), recorder_, onGuestIo)
{
    const std::vector<BitmapSpec> specs = cfg_.bitmapList();
    for (size_t i = 0; i < tracks_.size(); ++i) {
        BitmapSummary b;
        b.device = tracks_[i].device;
        b.name = tracks_[i].bitmap;
        b.granularity = tracks_[i].granularity;
        b.enabled = specs[i].enabled;
        b.persistent = specs[i].persistent;
        b.bits = sources_[i]->bitCount();
        b.chunks = tracks_[i].chunks;
        recorder_.summary().bitmaps.push_back(std::move(b));
    }
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
    for (size_t i = 0; i < sources_.size(); ++i) {
        apply(sources_[i]->bits());
        if (auto* m = sources_[i]->meta()) {
            apply(*m);
        }
        if (receiver_ && receiver_->bitmap(i)) {
            apply(receiver_->bitmap(i)->bits());
        }
    }
}

uint64_t MigrationEngine::pendingBytes() const
{
    return sender_ ? sender_->pendingBytes() : 0;
}

engine::DowntimeLimits MigrationEngine::downtimeLimits() const
{
    return engine::DowntimeLimits{cfg_.bandwidth, cfg_.maxDowntimeNs, cfg_.latencyNs,
                                  engine::completeFramingBytes(link_.encoder(), tracks_)};
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
        MigrationSummary& summary = recorder_.summary();
        for (size_t i = 0; i < sources_.size(); ++i) {
            summary.bitmaps[i].dirtyBits = sources_[i]->dirtyBits();
            queueDigest(sources_[i]->bits(), nullptr, i, &BitmapSummary::sourceSha256);
        }
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

bool MigrationEngine::runToEnd(const std::atomic<bool>& stop)
{
    while (!finished() && (phase() != Phase::Cancelled || retryAtNs_ >= 0)) {
        if (stop.load(std::memory_order_relaxed)) {
            return false;
        }
        step();
    }
    return true;
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
    std::vector<BitmapReceiver::Target> targets;
    for (const engine::Track& t : tracks_) {
        targets.push_back(BitmapReceiver::Target{t.device, t.bitmap, t.diskBytes});
    }
    receiver_ = std::make_unique<BitmapReceiver>(std::move(targets), maxBuf);
    receiver_->onComplete = [this](size_t index, const DirtyBitmap& loaded) { onLoaded(index, loaded); };
    receiver_->onStart = [this](size_t index, DirtyBitmap& created) {
        // The destination receives the source's bits: huge pages where the source is dense, at
        // the first write rather than by copying small pages once the region has filled.
        created.bits().useHugePagesOf(sources_[index]->bits());
        if (densityLog2_) {
            created.bits().enableDensityIndex(densityLog2_);
        }
    };
    link_.reset(now_);
    recorder_.startAttempt(now_);
    retryAtNs_ = -1;

    // The sender of a cancelled attempt goes with it (its destination is gone already).
    sender_ = engine::makeSender(
        engine::SenderContext{cfg_, source_, *receiver_, link_, guest_, recorder_, pointers(sources_)});
    for (auto& src : sources_) {
        src->setBusy(true);
    }
    sender_->start(now_);
    for (auto& src : sources_) {
        if (HBitmap* m = src->meta(); m && densityLog2_) {
            m->enableDensityIndex(densityLog2_);
        }
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
        const std::vector<std::unique_ptr<HBitmap>> guestWrites = receiver_->cancel();
        for (size_t i = 0; i < guestWrites.size(); ++i) {
            if (guestComesBack && guestWrites[i]) {
                // What the guest wrote at the destination must stay dirty here.
                sources_[i]->bits().merge(*guestWrites[i]);
            }
        }
        receiver_.reset();
    }
    for (auto& src : sources_) {
        if (src->meta()) {
            src->freeMeta();
        }
        src->setBusy(false);
    }
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

void MigrationEngine::onLoaded(size_t index, const DirtyBitmap& loaded)
{
    // COMPLETE at the destination: the loaded bitmap must equal the source as the guest left it.
    MigrationSummary& summary = recorder_.summary();
    BitmapSummary& b = summary.bitmaps[index];
    const DirtyBitmap& source = *sources_[index];
    const auto src = source.bits().words();
    const auto dst = loaded.bits().words();
    const BitDifference diff = bitDifference(src, dst);
    b.lostBits = diff.onlyInA;
    b.extraBits = diff.onlyInB;
    b.dirtyBits = source.dirtyBits();
    summary.lostBits = summary.extraBits = 0;
    for (const BitmapSummary& each : summary.bitmaps) {
        summary.lostBits += each.lostBits;
        summary.extraBits += each.extraBits;
    }
    if (const DirtyBitmap* succ = loaded.successor(); succ && !succ->bits().empty()) {
        // Now: the successor changes with the rest of the stream. Without a copy of the source: at
        // this size a copy would be the run's largest allocation.
        b.expectedSha256 = source.bits().sha256Union(succ->bits());
        mirrorFirstBitmap();
        // The source stays as it is (the guest is paused there, or runs at the destination) until
        // the END, whose handling waits for this digest.
        queueDigest(source.bits(), nullptr, index, &BitmapSummary::sourceSha256);
    } else {
        queueDigest(source.bits(), nullptr, index, &BitmapSummary::sourceSha256, &BitmapSummary::expectedSha256);
    }
    settleDigests();
}

void MigrationEngine::queueDigest(const HBitmap& bits, const HBitmap* with, size_t index,
                                  std::string BitmapSummary::*target, std::string BitmapSummary::*also)
{
    digests_.push_back(PendingDigest{BitmapDigest(bits, with), index, target, also});
}

void MigrationEngine::shareOrQueueDestinationDigest(size_t index)
{
    const HBitmap& destination = receiver_->bitmap(index)->bits();
    BitmapSummary& b = recorder_.summary().bitmaps[index];
    // The END is handled once the digests queued before it are done (finishIfDone()): the source's,
    // queued when the bitmap completed (onLoaded()), is there. A destination with the same bits has
    // the same digest, found by a comparison of the words that hold bits instead of a second hash.
    if (!b.sourceSha256.empty() && destination.sameBits(sources_[index]->bits())) {
        b.destinationSha256 = b.sourceSha256;
        return;
    }
    queueDigest(destination, nullptr, index, &BitmapSummary::destinationSha256);
}

void MigrationEngine::mirrorFirstBitmap()
{
    MigrationSummary& summary = recorder_.summary();
    const BitmapSummary& first = summary.bitmaps.front();
    summary.sourceSha256 = first.sourceSha256;
    summary.expectedSha256 = first.expectedSha256;
    summary.destinationSha256 = first.destinationSha256;
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
            BitmapSummary& b = recorder_.summary().bitmaps[d.index];
            b.*d.target = d.digest.hex();
            if (d.also) {
                b.*d.also = d.digest.hex();
            }
            if (d.index == 0) {
                mirrorFirstBitmap();
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
    if (!endDigestQueued_) {
        // The destinations as the END found them: nothing below changes their bits before the digests.
        endDigestQueued_ = true;
        for (size_t i = 0; i < summary.bitmaps.size(); ++i) {
            shareOrQueueDestinationDigest(i);
        }
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
    bool allVerified = true;
    for (BitmapSummary& b : summary.bitmaps) {
        b.verified = b.lostBits == 0 && b.extraBits == 0 && b.destinationSha256 == b.expectedSha256;
        allVerified = allVerified && b.verified;
    }
    mirrorFirstBitmap();
    summary.verified = summary.error.empty() && allVerified;
    summary.finished = true;
    summary.converged = sender_->converged();
    summary.totalTimeNs = doneAt - summary.migrationStartNs;
    for (auto& src : sources_) {
        if (src->meta()) {
            src->freeMeta();
        }
        src->setBusy(false);
    }
    sender_->finish(doneAt);  // Done begins when the END arrived, as the total time counts
    guest_.releaseHeldIo();
}

// ---- measurements ------------------------------------------------------------------------

void MigrationEngine::sample(bool force)
{
    if (!recorder_.sampleDue(now_, force)) {
        return;
    }
    engine::BucketEnd end;
    end.phase = phase();
    end.pass = end.phase == Phase::Dirty ? pass() : 0;
    end.pendingBytes = pendingBytes();
    end.thresholdBytes = downtimeBudgetBytes();
    for (const auto& src : sources_) {
        end.dirtyBits += src->dirtyBits();
        if (const HBitmap* m = src->meta()) {
            end.dirtyChunks += m->count() >> m->granularityLog2();
        }
    }
    recorder_.sample(now_, end);
}

MigrationSummary MigrationEngine::summary() const
{
    MigrationSummary s = recorder_.summary();
    s.decodedBytes = receiver_ ? receiver_->consumedBytes() : 0;
    return s;
}

} // namespace bitmig
