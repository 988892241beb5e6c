#include "stopandcopysender.h"

#include "../saturating.h"

#include <bitmig/engine/guest.h>
#include <bitmig/engine/recorder.h>

namespace bitmig::engine {

void StopAndCopySender::start(int64_t now)
{
    Sender::start(now);
    ctx_.guest.pause();
    MigrationSummary& summary = ctx_.recorder.summary();
    summary.pauseStartNs = now;
    summary.expectedDowntimeNs =
        detail::saturatingAdd(transferNs(pendingBytes(), ctx_.config.bandwidth), ctx_.config.latencyNs);
}

bool StopAndCopySender::sendNext(int64_t now)
{
    switch (phase_) {
    case Phase::Setup:
        if (sendStart()) {
            return true;
        }
        beginComplete(now);
        return true;
    case Phase::Complete:
        return sendCompleteStep();
    case Phase::Bulk:
    case Phase::Dirty:
    case Phase::Idle:
    case Phase::Done:
    case Phase::Cancelled:
        break;
    }
    return false;
}

} // namespace bitmig::engine
