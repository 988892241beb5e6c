// While a run plays, the views whose update costs text layout (the phase strip, the explanation,
// the "how it works" page, the summary) take turns: at most one of them takes a snapshot per frame,
// and each at most every `intervalMs`. Their text changes a little with every frame, and laying it
// out for all of them on every frame would cost the window more than a frame. A snapshot of a
// paused or finished run goes to all of them at once, so what stands still is exact.
#pragma once

#include <QElapsedTimer>

#include <vector>

namespace bitmig {

class LiveTurns {
public:
    LiveTurns(int views, int intervalMs) : last_(size_t(views), -1), intervalMs_(intervalMs) { clock_.start(); }

    // Which views take this snapshot, one flag per view.
    std::vector<bool> plan(bool live) { return plan(live, clock_.elapsed()); }
    std::vector<bool> plan(bool live, qint64 nowMs)
    {
        std::vector<bool> take(last_.size(), !live);
        if (!live) {
            std::fill(last_.begin(), last_.end(), nowMs);
            return take;
        }
        for (size_t i = 0; i < last_.size(); ++i) {
            const size_t v = (next_ + i) % last_.size();
            if (last_[v] < 0 || nowMs - last_[v] >= intervalMs_) {
                take[v] = true;
                last_[v] = nowMs;
                next_ = (v + 1) % last_.size();
                break;
            }
        }
        return take;
    }

private:
    QElapsedTimer clock_;
    std::vector<qint64> last_;  // when each view last took a snapshot, -1 never
    qint64 intervalMs_;
    size_t next_ = 0;           // the view that goes first at the next frame
};

} // namespace bitmig
