// The link of a migration: the encoded stream, the bytes on their way and when they arrive.
#pragma once

#include <bitmig/streamencoder.h>

#include <algorithm>
#include <cstdint>
#include <deque>
#include <span>
#include <utility>
#include <vector>

namespace bitmig::engine {

// Each tick the link gains bandwidth x tick bytes of budget. A record is put on the wire whole even
// when it is larger than what is left, so the budget goes negative and the next ticks pay the debt.
// A byte arrives once the link has carried every byte before it, plus the latency; the bytes a tick
// sends arrive together, at the time its last byte does.
class Link {
public:
    Link(double bandwidth, int64_t latencyNs, int64_t tickNs);

    // An empty link for a new attempt, free from `now`, with an encoder that has sent no names.
    void reset(int64_t now);

    // ---- one tick of sending ----
    void beginTick(int64_t now);
    bool hasBudget() const noexcept { return budget_ > 0; }
    // Nothing more to send this tick: a debt stays, unused budget is not banked.
    void idle() noexcept { budget_ = std::min(budget_, 0.0); }
    // No migration is sending: the budget neither grows nor carries a debt.
    void closed() noexcept { budget_ = 0; }
    void endTick();

    // Encodes the record onto the wire; what it cost.
    EncodedSize send(const StreamRecord& record);
    // A savevm section header; its size.
    uint64_t sendSection(SectionType type);
    const StreamEncoder& encoder() const noexcept { return encoder_; }

    // ---- the far end ----
    // Hands `feed` every span whose arrival time is at or before `now`, in stream order. An
    // exception from `feed` goes to the caller; the span it was given counts as delivered.
    template <class Feed>
    void deliver(int64_t now, Feed&& feed);
    // A fault: everything on the wire is lost.
    void drop() noexcept;
    // When the last span delivered arrived.
    int64_t lastArrivalNs() const noexcept { return lastArrivalNs_; }

    // ---- state ----
    double budget() const noexcept { return budget_; }
    // How long the link still needs for what it holds, from `now`.
    int64_t queuedNs(int64_t now) const noexcept { return std::max<int64_t>(0, freeAt_ - now); }
    // When the link will have carried every byte queued so far.
    int64_t freeAt() const noexcept { return freeAt_; }
    uint64_t bytesSent() const noexcept { return wireEnd_; }
    uint64_t bytesInFlight() const noexcept { return wireEnd_ - delivered_; }

    // Keep every byte of the attempt (off: only the bytes still in flight, give or take a MiB).
    void setRecordStream(bool on) noexcept { recordStream_ = on; }
    const std::vector<uint8_t>& stream() const noexcept { return out_; }

private:
    void trimDelivered();

    double bandwidth_;
    int64_t latencyNs_;
    int64_t tickNs_;
    StreamEncoder encoder_;

    double budget_ = 0;
    uint64_t tickStart_ = 0;              // wireEnd_ when the tick began
    uint64_t wireEnd_ = 0;                // bytes [delivered_, wireEnd_) are on their way
    uint64_t delivered_ = 0;
    int64_t freeAt_ = 0;
    int64_t lastArrivalNs_ = 0;
    std::vector<uint8_t> out_;            // stream bytes from offset outBase_
    uint64_t outBase_ = 0;
    std::deque<std::pair<uint64_t, int64_t>> arrivals_;  // (stream end offset, arrival time)
    bool recordStream_ = false;
};

template <class Feed>
void Link::deliver(int64_t now, Feed&& feed)
{
    while (!arrivals_.empty() && arrivals_.front().second <= now) {
        const uint64_t end = arrivals_.front().first;
        lastArrivalNs_ = arrivals_.front().second;
        arrivals_.pop_front();
        const std::span<const uint8_t> bytes(out_.data() + (delivered_ - outBase_), end - delivered_);
        delivered_ = end;
        feed(bytes);
    }
    trimDelivered();
}

} // namespace bitmig::engine
