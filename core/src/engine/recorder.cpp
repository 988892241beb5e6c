#include <bitmig/engine/recorder.h>

#include <algorithm>

namespace bitmig::engine {

Recorder::Recorder(const SimConfig& config, uint64_t chunks)
    : sampleIntervalNs_(config.sampleIntervalNs), chunks_(chunks)
{
    summary_.strategy = config.strategy;
    summary_.maxDowntimeNs = config.maxDowntimeNs;
    summary_.chunks = chunks;
    summary_.phases.push_back(PhaseSpan{Phase::Idle, 0, 0, -1});
}

void Recorder::startAttempt(int64_t now)
{
    summary_.started = true;
    summary_.cancelled = false;
    summary_.aborted = false;
    summary_.migrationStartNs = now;
    summary_.chunksSent = summary_.chunksResent = summary_.chunksZeroes = 0;
    summary_.records = summary_.payloadBytes = summary_.headerBytes = summary_.wireBytes = 0;
    summary_.dirtyPasses = 0;
    summary_.passes.clear();
    summary_.error.clear();
    for (BitmapSummary& b : summary_.bitmaps) {
        b.chunksSent = b.chunksResent = b.chunksZeroes = 0;
        b.records = b.payloadBytes = b.wireBytes = 0;
    }
    sentOnce_.assign((chunks_ + 63) / 64, 0);
}

void Recorder::enterPhase(int64_t now, Phase phase, unsigned pass)
{
    if (!summary_.phases.empty() && summary_.phases.back().endNs < 0) {
        summary_.phases.back().endNs = now;
    }
    summary_.phases.push_back(PhaseSpan{phase, pass, now, -1});
    if (phase == Phase::Done || phase == Phase::Cancelled) {
        summary_.phases.back().endNs = now;
    }
    if (phase == Phase::Dirty) {
        summary_.dirtyPasses = std::max(summary_.dirtyPasses, pass);
    }
}

void Recorder::beginPass(int64_t now, unsigned pass, uint64_t pendingBytes)
{
    PassStats p;
    p.pass = pass;
    p.startNs = now;
    p.pendingStart = pendingBytes;
    summary_.passes.push_back(p);
}

void Recorder::endPass(int64_t now, uint64_t pendingBytes, double budgetBytes, bool endedFitting)
{
    if (!passOpen()) {
        return;
    }
    PassStats& p = summary_.passes.back();
    p.endNs = now;
    p.pendingEnd = pendingBytes;
    p.budgetBytes = budgetBytes;
    p.endedFitting = endedFitting;
}

void Recorder::sample(int64_t now, const BucketEnd& end)
{
    bucket_.timeNs = now;
    bucket_.durationNs = now - bucketStart_;
    bucket_.phase = end.phase;
    bucket_.pass = end.pass;
    bucket_.pendingBytes = end.pendingBytes;
    bucket_.thresholdBytes = end.thresholdBytes;
    bucket_.dirtyBits = end.dirtyBits;
    bucket_.dirtyChunks = end.dirtyChunks;
    samples_.push_back(bucket_);
    bucket_ = TimeSample{};
    bucketStart_ = now;
}

} // namespace bitmig::engine
