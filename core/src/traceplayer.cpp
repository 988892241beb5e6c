#include <bitmig/traceplayer.h>

#include <bitmig/limits.h>
#include <bitmig/traceerror.h>

#include <cmath>
#include <stdexcept>
#include <string>

namespace bitmig {

namespace {

// A replayed trace lasts no longer than the longest run, so that the start of a copy plus a
// record's replay time stays far below 2^63 ns.
constexpr double kMaxScaledNs = double(limits::kMaxTimeNs);

} // namespace

void TraceReplay::validate(uint64_t diskBytes) const
{
    if (!(speed > 0) || !std::isfinite(speed)) {
        throw std::invalid_argument("trace.speed: must be above zero");
    }
    if (speed < limits::kMinTraceSpeed || speed > limits::kMaxTraceSpeed) {
        throw std::invalid_argument("trace.speed: must be from 0.000001 to 1000000");
    }
    if (!trace) {
        return;
    }
    if (double(trace->endNs()) / speed >= kMaxScaledNs) {
        throw std::invalid_argument("trace.speed: the trace would last over 365 days (31536000 s) at this speed");
    }
    if (const TraceRecord* r = trace->firstPastEnd(diskBytes)) {
        throw std::invalid_argument(
            "trace: " + TraceError::format(trace->source(), r->line,
                                           std::string(r->op == TraceOp::Write ? "write" : "clear") + " [" +
                                               std::to_string(r->offset) + ", +" + std::to_string(r->length) +
                                               ") is past the end of the disk (" + std::to_string(diskBytes) +
                                               " bytes)"));
    }
}

bool operator==(const TraceReplay& a, const TraceReplay& b) noexcept
{
    if (a.speed != b.speed || a.loop != b.loop) {
        return false;
    }
    return a.trace == b.trace || (a.trace && b.trace && *a.trace == *b.trace);
}

TracePlayer::TracePlayer(TraceReplay replay, int64_t startNs, int64_t tickNs)
    : replay_(std::move(replay)), baseNs_(startNs)
{
    if (!replay_.trace) {
        throw std::invalid_argument("TracePlayer needs a trace");
    }
    if (tickNs <= 0) {
        throw std::invalid_argument("TracePlayer needs a tick above zero");
    }
    periodNs_ = (scaled(replay_.trace->endNs()) / tickNs + 1) * tickNs;
}

int64_t TracePlayer::scaled(int64_t traceNs) const noexcept
{
    if (replay_.speed == 1) {
        return traceNs;
    }
    return int64_t(std::floor(double(traceNs) / replay_.speed));
}

bool TracePlayer::done() const noexcept
{
    const auto& records = replay_.trace->records();
    return records.empty() || (!replay_.loop && next_ >= records.size());
}

void TracePlayer::playUntil(int64_t untilNs, const std::function<void(const TraceRecord&)>& sink)
{
    const auto& records = replay_.trace->records();
    while (!done()) {
        const TraceRecord& r = records[next_];
        if (baseNs_ + scaled(r.timeNs) >= untilNs) {
            return;
        }
        sink(r);
        if (++next_ == records.size() && replay_.loop) {
            next_ = 0;
            baseNs_ += periodNs_;
            ++copy_;
        }
    }
}

} // namespace bitmig
