// The steps of the migration as a strip: "setup > bulk > dirty 1 > dirty 2 > complete > done" for
// precopy, with the switch-over and the guest's place for postcopy and the single paused copy for
// stop-and-copy. A run stopped by its time limit ends in a "time limit" step instead of "done".
// The current step is highlighted (and, while the simulation plays, a light sweep
// crosses it so the strip visibly moves); finished steps show how long they took.
#pragma once

#include "phasepalette.h"

#include <bitmig/simsnapshot.h>

#include <QElapsedTimer>
#include <QList>
#include <QRect>
#include <QWidget>

#include <optional>
#include <vector>

class QTimer;

namespace bitmig {

class PhaseStrip : public QWidget {
    Q_OBJECT
public:
    enum class StepState { Future, Active, Finished, Failed };
    struct Step {
        QString label;    // "dirty 3"
        QString shortLabel;  // where room is short ("complete" for "complete (guest paused)"); empty: none
        QString detail;   // duration when finished, elapsed time when active, empty ahead
        QString spoken;   // the step for a screen reader: "dirty pass 3"
        StepState state = StepState::Future;
        std::optional<PhasePalette::Band> band;
        bool mixedDirty = false;  // several dirty passes folded into one step
        int64_t durationNs = -1;
        QString failure;          // why a failed step failed (empty: the link failed)
    };

    explicit PhaseStrip(QWidget* parent = nullptr);

    void setSnapshot(const SimSnapshotPtr& snapshot);

    // As laid out for the current width (early dirty passes fold into one step when they do not fit,
    // then long labels give way to their short ones).
    QList<Step> steps() const;
    int activeStep() const;          // -1 before the migration starts
    QRect stepRect(int index) const;
    QString passText() const { return passText_; }
    // The pass counter as drawn: on one line when it fits beside the steps, else on two, else in
    // the smaller font of the durations on as many lines as the strip holds, else its last line
    // cut with "…" (the whole text stays in the tooltip and for a screen reader). The steps fold
    // their dirty passes first; the counter breaks onto two lines before the steps shorten their
    // long labels, and shrinks only after that.
    QStringList passLines() const { return passLines_; }
    // The text passLines() hold: passText(), or where that does not fit even in the small font, its
    // compact form ("30/30 passes, not converged") for the counters that have one.
    QString passShownText() const { return passShown_; }
    bool isPassTextElided() const { return passElided_; }
    bool isPassTextSmall() const { return passSmall_; }
    // Where passLines() are drawn, one under the other; empty when the steps take the whole strip.
    QRect passTextRect() const { return passArea_; }
    QColor activeColor() const;      // fill of the current step (the palette's highlight)
    bool isAnimating() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;
    bool event(QEvent* event) override;

private:
    void rebuild();
    // Folds the dirty passes and measures every step's text, once per rebuild().
    void measureSteps();
    // Chooses the layout for the current width from the measured widths.
    void layoutSteps();
    void updateAnimation();
    void updateDescription();
    int stepWidth(const Step& step) const;
    QString tooltipFor(const Step& step) const;
    static QString formatDuration(int64_t ns);

    SimSnapshotPtr snapshot_;
    std::vector<Step> all_;       // every step, no folding
    std::vector<Step> shown_;     // what is painted
    // measureSteps(): the passes that can fold (indices into all_), the folded steps (folded_[f - 2]:
    // passes 1 to f as one), and the widths of all_'s steps, of the same with their short labels
    // (their labels where they have none) and of the folded steps.
    std::vector<size_t> dirty_;
    std::vector<Step> folded_;
    std::vector<int> widths_;
    std::vector<int> shortWidths_;
    std::vector<int> foldedWidths_;
    bool hasShortLabels_ = false;  // a step has a short label: the layouts with them differ
    std::vector<QRect> rects_;
    QRect passRect_;
    QRect passArea_;
    QString passText_;
    QString passShortText_;  // the compact form, empty where passText_ is short already
    QString passShown_;
    QStringList passLines_;
    bool passElided_ = false;
    bool passSmall_ = false;  // drawn in the smaller font of the durations
    QTimer* sweep_ = nullptr;
    QElapsedTimer clock_;
};

} // namespace bitmig
