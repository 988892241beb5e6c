#include "postcopysender.h"

#include <bitmig/engine/guest.h>
#include <bitmig/engine/recorder.h>

namespace bitmig::engine {

bool PostcopySender::sendNext(int64_t now)
{
    switch (phase_) {
    case Phase::Setup:
        if (sendStart()) {
            return true;
        }
        if (!ctx_.destination.started()) {
            return false;  // the switch-over waits until the destination knows every bitmap
        }
        switchGuestToDestination(now);
        enterPhase(now, Phase::Bulk);
        emitSection(SectionType::Part);
        return true;
    case Phase::Bulk:
        if (cursor_ < chunks_) {
            sendChunk(cursor_++);
            return true;
        }
        emitRecord(StreamRecord::eos());
        bulkDone_ = true;
        beginComplete(now);
        return true;
    case Phase::Complete:
        return sendCompleteStep();
    case Phase::Dirty:
    case Phase::Idle:
    case Phase::Done:
    case Phase::Cancelled:
        break;
    }
    return false;
}

void PostcopySender::switchGuestToDestination(int64_t now)
{
    // The guest stops here and starts at the destination, one link delay later.
    MigrationSummary& summary = ctx_.recorder.summary();
    summary.pauseStartNs = now;
    summary.downtimeNs = ctx_.config.latencyNs;
    summary.expectedDowntimeNs = ctx_.config.latencyNs;
    ctx_.guest.moveToDestination(ctx_.destination);
    ctx_.destination.guestStarts();
}

} // namespace bitmig::engine
