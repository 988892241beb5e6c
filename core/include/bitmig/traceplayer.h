// Replays a recorded trace as guest I/O: each record lands in the tick its scaled time falls in.
#pragma once

#include <bitmig/trace.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>

namespace bitmig {

// A trace to replay, part of the workload (WorkloadSpec::trace), alongside the generator.
struct TraceReplay {
    std::shared_ptr<const Trace> trace;  // none: nothing is replayed
    double speed = 1;                    // time scale: 2 replays twice as fast, 0.5 at half speed
    bool loop = false;                   // start again when the trace ends (see TracePlayer)

    bool active() const noexcept { return trace != nullptr; }
    // ConfigError "trace.speed: ..." or "trace: FILE:LINE: ..." for a record past the disk (its field
    // is ConfigField::WorkloadTraceSpeed or WorkloadTrace).
    void validate(uint64_t diskBytes) const;
    // Equal when they replay the same (the traces compared by content).
    friend bool operator==(const TraceReplay& a, const TraceReplay& b) noexcept;
};

// Deterministic: integer times, one division by the speed per record. A record at trace time t
// replays at start + t / speed (rounded down to the nanosecond). Looping, copy k of the trace is
// shifted by k * period, where the period is the scaled end of the trace rounded up to the next
// whole tick (at least one tick): every copy starts on a tick boundary, after the last record of
// the copy before it.
class TracePlayer {
public:
    TracePlayer(TraceReplay replay, int64_t startNs, int64_t tickNs);

    // Calls sink(record) for every record not yet played whose replay time is before untilNs, in
    // time order.
    void playUntil(int64_t untilNs, const std::function<void(const TraceRecord&)>& sink);

    const TraceReplay& replay() const noexcept { return replay_; }
    bool done() const noexcept;                    // not looping and every record played
    uint64_t copiesStarted() const noexcept { return copy_ + 1; }
    int64_t periodNs() const noexcept { return periodNs_; }
    int64_t scaled(int64_t traceNs) const noexcept;  // trace time to replay time, before the start

private:
    TraceReplay replay_;
    int64_t baseNs_;         // when the current copy starts
    int64_t periodNs_;
    size_t next_ = 0;        // the next record of the current copy
    uint64_t copy_ = 0;
};

} // namespace bitmig
