// While a run plays, the views whose update costs text layout (the phase strip, the explanation,
// the "how it works" page, the summary) take turns: at most one of them takes a snapshot per frame,
// and each at most every `intervalMs`. Their text changes a little with every frame, and laying it
// out for all of them on every frame would cost the window more than a frame. A snapshot of a
// paused or finished run, and the first of a new stage (phase or pass), go to all of them at once:
// what stands still is exact, and no view skips a step of the migration.
#pragma once

#include <QElapsedTimer>

#include <vector>

namespace bitmig {

class LiveTurns {
public:
    LiveTurns(int views, int intervalMs) : last_(size_t(views), -1), intervalMs_(intervalMs) { clock_.start(); }

    // Which views take this snapshot, one flag per view. `stage` names the step of the run the
    // snapshot shows (its phase and pass): a new one goes to every view.
    std::vector<bool> plan(bool live, quint64 stage) { return plan(live, stage, clock_.elapsed()); }
    std::vector<bool> plan(bool live, quint64 stage, qint64 nowMs)
    {
        const bool newStage = stage != stage_;
        stage_ = stage;
        live = live && !newStage;
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
    quint64 stage_ = ~quint64(0);
};

} // namespace bitmig
