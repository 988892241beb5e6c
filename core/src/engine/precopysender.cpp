#include "precopysender.h"

#include <bitmig/engine/recorder.h>

namespace bitmig::engine {

void PrecopySender::start(int64_t now)
{
    // The meta bitmap is what lets a dirty pass find the chunks written since they were sent.
    for (const Track& t : tracks_) {
        t.source->createMeta(ctx_.config.chunkBytes);
    }
    Sender::start(now);
}

bool PrecopySender::sendNext(int64_t now)
{
    switch (phase_) {
    case Phase::Setup:
        if (sendStart()) {
            return true;
        }
        if (ctx_.config.completeOnlyBelow > 0 && pendingBytes() <= ctx_.config.completeOnlyBelow) {
            beginComplete(now);  // the seed's refinement: small enough to send only while paused
            return true;
        }
        enterPass(now, Phase::Bulk, 0);
        emitSection(SectionType::Part);
        return true;
    case Phase::Bulk:
        return sendBulkStep(now);
    case Phase::Dirty:
        return sendDirtyStep(now);
    case Phase::Complete:
        return sendCompleteStep();
    case Phase::Idle:
    case Phase::Done:
    case Phase::Cancelled:
        break;
    }
    return false;
}

bool PrecopySender::sendBulkStep(int64_t now)
{
    if (cursor_ < chunks_) {
        sendChunk(cursor_++);
        return true;
    }
    if (waitForLinkToDrain(now)) {
        return false;
    }
    emitRecord(StreamRecord::eos());
    bulkDone_ = true;
    closePass(now, fitsDowntime(now));
    if (fitsDowntime(now)) {
        beginComplete(now);
    } else if (ctx_.config.maxPasses == 0) {
        forcedComplete_ = true;  // no dirty pass allowed: pause the guest now
        beginComplete(now);
    } else {
        cursor_ = 0;
        enterPass(now, Phase::Dirty, 1);
        emitSection(SectionType::Part);
    }
    return true;
}

bool PrecopySender::sendDirtyStep(int64_t now)
{
    if (fitsDowntime(now)) {
        closePass(now, true);
        emitRecord(StreamRecord::eos());
        beginComplete(now);
        return true;
    }
    if (sendNextDirtyChunk()) {
        return true;
    }
    // End of a pass over the meta bitmap.
    if (waitForLinkToDrain(now)) {
        return false;
    }
    emitRecord(StreamRecord::eos());
    closePass(now, fitsDowntime(now));
    if (fitsDowntime(now)) {
        beginComplete(now);
    } else if (dirtyChunks() == 0 || pass_ >= ctx_.config.maxPasses) {
        // Nothing left that another pass could send (the link's latency alone is over the
        // limit), or no pass left: pause the guest anyway.
        forcedComplete_ = true;
        beginComplete(now);
    } else {
        cursor_ = 0;
        enterPass(now, Phase::Dirty, pass_ + 1);
        emitSection(SectionType::Part);
    }
    return true;
}

void PrecopySender::enterPass(int64_t now, Phase phase, unsigned pass)
{
    enterPhase(now, phase, pass);
    ctx_.recorder.beginPass(now, phase == Phase::Dirty ? pass : 0, pendingBytes());
}

void PrecopySender::closePass(int64_t now, bool fitting)
{
    if (!ctx_.recorder.passOpen()) {
        return;
    }
    // The budget once the link has drained: what the forecast compares the passes with.
    ctx_.recorder.endPass(now, pendingBytes(), downtimeBudget(downtimeLimits(), 0), fitting);
}

} // namespace bitmig::engine
