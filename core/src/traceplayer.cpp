#include <bitmig/traceplayer.h>

#include <bitmig/configerror.h>
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
    using F = ConfigField;
    using C = ConfigErrorCode;
    using Q = ConfigQuantity;
    // The messages start "trace.speed: " and "trace: ", as a TraceReplay knows nothing of the
    // workload around it; WorkloadSpec::validate() puts "workload." before them.
    auto fail = [](F field, C code, ConfigArguments arguments, const std::string& name, const std::string& reason) {
        throw ConfigError::withMessage(field, code, std::move(arguments), reason, name + ": " + reason);
    };
    if (!(speed > 0) || !std::isfinite(speed)) {
        fail(F::WorkloadTraceSpeed, C::NotPositive, {.value = Q::number(speed)}, "trace.speed", "must be above zero");
    }
    if (speed < limits::kMinTraceSpeed || speed > limits::kMaxTraceSpeed) {
        fail(F::WorkloadTraceSpeed, C::OutOfRange,
             {.value = Q::number(speed), .min = Q::number(limits::kMinTraceSpeed), .max = Q::number(limits::kMaxTraceSpeed)},
             "trace.speed", "must be from 0.000001 to 1000000");
    }
    if (!trace) {
        return;
    }
    if (double(trace->endNs()) / speed >= kMaxScaledNs) {
        fail(F::WorkloadTraceSpeed, C::TooLongAtSpeed,
             {.value = Q::number(speed), .max = Q::nanoseconds(limits::kMaxTimeNs)}, "trace.speed",
             "the trace would last over 365 days (31536000 s) at this speed");
    }
    if (const TraceRecord* r = trace->firstPastEnd(diskBytes)) {
        const std::string op = r->op == TraceOp::Write ? "write" : "clear";
        fail(F::WorkloadTrace, C::PastEndOfDisk,
             {.max = Q::bytes(diskBytes), .offset = Q::bytes(r->offset), .length = Q::bytes(r->length),
              .text = r->line ? trace->source() + ":" + std::to_string(r->line) : trace->source()},
             "trace",
             TraceError::format(trace->source(), r->line,
                                op + " [" + std::to_string(r->offset) + ", +" + std::to_string(r->length) +
                                    ") is past the end of the disk (" + std::to_string(diskBytes) + " bytes)"));
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
