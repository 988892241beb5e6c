#include "phasestrip.h"

#include <QAccessible>
#include <QEvent>
#include <QHelpEvent>
#include <QLinearGradient>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QTimer>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <functional>

namespace bitmig {

namespace {

constexpr int kPadX = 8;
constexpr int kPadY = 4;
constexpr int kBar = 3;       // phase colour bar under each step, ties it to the chart bands
constexpr int kChevron = 14;  // room for the ">" between steps
constexpr int kSweepPeriodMs = 1600;
constexpr int kRadius = 4;

QFont smallFont(const QFont& base)
{
    QFont f = base;
    f.setPointSizeF(std::max(7.0, base.pointSizeF() * 0.85));
    return f;
}

QColor mix(const QColor& a, const QColor& b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

bool running(Phase p)
{
    return p == Phase::Setup || p == Phase::Bulk || p == Phase::Dirty || p == Phase::Complete;
}

} // namespace

PhaseStrip::PhaseStrip(QWidget* parent) : QWidget(parent)
{
    setAccessibleName(tr("Migration phase"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    sweep_ = new QTimer(this);
    sweep_->setInterval(33);
    connect(sweep_, &QTimer::timeout, this, [this] {
        if (const int a = activeStep(); a >= 0) {
            update(rects_[size_t(a)]);
        }
    });
    clock_.start();
    rebuild();
}

QString PhaseStrip::formatDuration(int64_t ns)
{
    const QLocale locale;
    if (ns < 1'000'000'000) {
        const double ms = double(ns) * 1e-6;
        return tr("%1 ms").arg(locale.toString(ms, 'f', ms < 10 && ns % 1'000'000 != 0 ? 1 : 0));
    }
    return tr("%1 s").arg(locale.toString(double(ns) * 1e-9, 'f', 2));
}

void PhaseStrip::setSnapshot(const SimSnapshotPtr& snapshot)
{
    if (!snapshot || snapshot == snapshot_) {
        return;
    }
    snapshot_ = snapshot;
    rebuild();
}

void PhaseStrip::rebuild()
{
    all_.clear();
    const SimSnapshot* s = snapshot_.get();
    const Strategy strategy = s ? s->config->strategy : Strategy::Precopy;
    const Phase now = s ? s->phase : Phase::Idle;
    const int64_t nowNs = s ? s->nowNs : 0;
    const unsigned maxPasses = s ? s->config->maxPasses : 30;

    // Only the current attempt: an abort ends one with "cancelled", a retry starts again at setup.
    std::vector<PhaseSpan> spans;
    if (s) {
        const auto& all = s->phases;
        size_t limit = all.size();
        if (now == Phase::Cancelled && !all.empty() && all.back().phase == Phase::Cancelled) {
            limit = all.size() - 1;  // the attempt that just failed ends with this marker
        }
        size_t begin = 0;
        for (size_t i = limit; i-- > 0;) {
            if (all[i].phase == Phase::Cancelled) {
                begin = i + 1;
                break;
            }
        }
        spans.assign(all.begin() + std::ptrdiff_t(begin), all.end());
    }
    auto find = [&](Phase phase, unsigned pass = 0) -> const PhaseSpan* {
        for (const PhaseSpan& span : spans) {
            if (span.phase == phase && (phase != Phase::Dirty || span.pass == pass)) {
                return &span;
            }
        }
        return nullptr;
    };
    auto add = [&](QString label, QString spoken, const PhaseSpan* span, std::optional<PhasePalette::Band> band) {
        Step step;
        step.label = std::move(label);
        step.spoken = std::move(spoken);
        step.band = band;
        if (span) {
            const bool open = span->endNs < 0;
            step.durationNs = (open ? nowNs : span->endNs) - span->startNs;
            step.state = open ? StepState::Active : StepState::Finished;
            step.detail = formatDuration(step.durationNs);
        }
        all_.push_back(step);
        return &all_.back();
    };
    using B = PhasePalette::Band;

    add(tr("setup"), tr("setup"), find(Phase::Setup), B::Setup);
    const PhaseSpan* bulk = find(Phase::Bulk);
    if (strategy == Strategy::Postcopy) {
        // The switch-over is an instant, not a span: it happened when the bulk phase began.
        Step* sw = add(tr("switch-over"), tr("switch-over"), nullptr, std::nullopt);
        if (bulk) {
            sw->state = StepState::Finished;
            sw->detail = tr("at %1").arg(formatDuration(bulk->startNs));
        }
        add(tr("bulk (guest at destination)"), tr("bulk, guest at the destination"), bulk, B::Bulk)->shortLabel = tr("bulk");
    } else if (strategy == Strategy::Precopy) {
        add(tr("bulk"), tr("bulk"), bulk, B::Bulk);
        unsigned passes = 0;
        for (const PhaseSpan& span : spans) {
            if (span.phase == Phase::Dirty) {
                passes = std::max(passes, span.pass);
            }
        }
        for (unsigned k = 1; k <= passes; ++k) {
            add(tr("dirty %1").arg(k), tr("dirty pass %1").arg(k), find(Phase::Dirty, k),
                PhasePalette::bandOf(Phase::Dirty, k));
        }
        if (passes == 0 && !find(Phase::Complete) && now != Phase::Cancelled) {
            add(tr("dirty passes"), tr("dirty passes"), nullptr, B::DirtyOdd);  // ahead, count unknown
        }
    }
    const QString complete = strategy == Strategy::Postcopy ? tr("complete") : tr("complete (guest paused)");
    Step* completeStep = add(complete, complete, find(Phase::Complete), B::Complete);
    if (strategy != Strategy::Postcopy) {
        completeStep->shortLabel = tr("complete");
    }

    if (now == Phase::Cancelled) {
        Step* c = add(tr("cancelled"), tr("cancelled"), nullptr, std::nullopt);
        c->state = StepState::Failed;
        if (const PhaseSpan* span = find(Phase::Cancelled)) {
            c->detail = tr("at %1").arg(formatDuration(span->startNs));
        }
        // The step that was running when the link failed is not finished.
        for (Step& step : all_) {
            if (step.state == StepState::Active) {
                step.state = StepState::Finished;
            }
        }
    } else if (s && s->timeLimitReached) {
        // The engine stopped at the time limit: nothing runs any more, and the run never got done.
        for (Step& step : all_) {
            if (step.state == StepState::Active) {
                step.state = StepState::Finished;
            }
        }
        Step* limit = add(tr("time limit"), tr("stopped at the time limit"), nullptr, std::nullopt);
        limit->state = StepState::Failed;
        limit->detail = tr("at %1").arg(formatDuration(nowNs));
        limit->failure = tr("the run reached its time limit of %1 before the migration finished")
                             .arg(formatDuration(s->config->timeLimitNs));
    } else {
        Step* done = add(tr("done"), tr("done"), nullptr, std::nullopt);
        if (now == Phase::Done) {
            done->state = StepState::Active;
            if (s && s->summary.totalTimeNs > 0) {
                done->detail = tr("total %1").arg(formatDuration(s->summary.totalTimeNs));
            }
        }
    }

    // ---- the pass counter ----
    passShortText_.clear();
    if (!s || now == Phase::Idle) {
        passText_ = strategy == Strategy::Precopy ? tr("not started, up to %1 dirty passes").arg(maxPasses)
                                                  : tr("not started");
    } else if (s->timeLimitReached) {
        unsigned passes = 0;
        for (const PhaseSpan& span : spans) {
            if (span.phase == Phase::Dirty) {
                passes = std::max(passes, span.pass);
            }
        }
        const QString limit = formatDuration(s->config->timeLimitNs);
        passText_ = strategy == Strategy::Precopy && passes > 0
                        ? tr("%1 of max %2 dirty passes, stopped at the time limit (%3)").arg(passes).arg(maxPasses).arg(limit)
                        : tr("stopped at the time limit (%1)").arg(limit);
        if (strategy == Strategy::Precopy && passes > 0) {
            passShortText_ = tr("%1/%2 passes, time limit %3").arg(passes).arg(maxPasses).arg(limit);
        }
    } else if (strategy == Strategy::Postcopy) {
        passText_ = tr("no dirty passes: the guest writes at the destination");
    } else if (strategy == Strategy::StopAndCopy) {
        passText_ = tr("no dirty passes: the guest is paused");
    } else if (now == Phase::Dirty) {
        passText_ = tr("pass %1 of max %2").arg(s->pass).arg(maxPasses);
    } else {
        unsigned passes = 0;
        for (const PhaseSpan& span : spans) {
            if (span.phase == Phase::Dirty) {
                passes = std::max(passes, span.pass);
            }
        }
        if (now == Phase::Setup || now == Phase::Bulk) {
            passText_ = tr("up to %1 dirty passes").arg(maxPasses);
        } else if (now == Phase::Done && s->summary.finished && !s->summary.converged) {
            passText_ = tr("%1 of max %2 dirty passes: did not converge").arg(passes).arg(maxPasses);
            passShortText_ = tr("%1/%2 passes, not converged").arg(passes).arg(maxPasses);
        } else {
            passText_ = tr("%1 of max %2 dirty passes").arg(passes).arg(maxPasses);
        }
    }

    measureSteps();
    layoutSteps();
    updateDescription();
    updateAnimation();
    update();
}

int PhaseStrip::stepWidth(const Step& step) const
{
    QFont bold = font();
    bold.setBold(true);  // measure bold: the active step is drawn bold and must not grow
    const int label = QFontMetrics(bold).horizontalAdvance(step.label);
    const int detail = QFontMetrics(smallFont(font())).horizontalAdvance(step.detail);
    return std::max(label, detail) + 2 * kPadX;
}

namespace {

// The text on `count` lines, broken at the spaces that make the widest line narrowest; empty when
// it has too few spaces.
QStringList balancedLines(const QString& text, const QFontMetrics& fm, int count)
{
    const QStringList words = text.split(QLatin1Char(' '));
    if (count < 1 || words.size() < count) {
        return {};
    }
    QStringList best;
    int bestWidth = 0;
    QStringList lines;
    // Every way to put the words [from, end) on `left` lines, the ones before already in `lines`.
    std::function<void(qsizetype, int, int)> place = [&](qsizetype from, int left, int widestSoFar) {
        if (!best.isEmpty() && widestSoFar >= bestWidth) {
            return;
        }
        if (left == 1) {
            lines.append(words.mid(from).join(QLatin1Char(' ')));
            const int w = std::max(widestSoFar, fm.horizontalAdvance(lines.back()));
            if (best.isEmpty() || w < bestWidth) {
                best = lines;
                bestWidth = w;
            }
            lines.removeLast();
            return;
        }
        for (qsizetype end = from + 1; end <= words.size() - (left - 1); ++end) {
            lines.append(words.mid(from, end - from).join(QLatin1Char(' ')));
            place(end, left - 1, std::max(widestSoFar, fm.horizontalAdvance(lines.back())));
            lines.removeLast();
        }
    };
    place(0, count, 0);
    return best;
}

int widest(const QStringList& lines, const QFontMetrics& fm)
{
    int w = 0;
    for (const QString& line : lines) {
        w = std::max(w, fm.horizontalAdvance(line));
    }
    return w;
}

} // namespace

void PhaseStrip::measureSteps()
{
    // The folded steps: the earliest dirty passes as one step, keeping as many recent ones as the
    // room allows (layoutSteps() chooses).
    dirty_.clear();
    for (size_t i = 0; i < all_.size(); ++i) {
        if (all_[i].band && (*all_[i].band == PhasePalette::Band::DirtyOdd ||
                             *all_[i].band == PhasePalette::Band::DirtyEven) &&
            all_[i].durationNs >= 0) {
            dirty_.push_back(i);
        }
    }
    folded_.clear();
    for (size_t fold = 2; dirty_.size() >= 3 && fold <= dirty_.size(); ++fold) {  // first `fold` passes as one
        Step folded;
        folded.label = tr("dirty %1–%2").arg(1).arg(fold);
        folded.spoken = tr("dirty passes %1 to %2").arg(1).arg(fold);
        folded.band = PhasePalette::Band::DirtyOdd;
        folded.mixedDirty = true;
        folded.state = StepState::Finished;
        folded.durationNs = 0;
        for (size_t i = 0; i < fold; ++i) {
            folded.durationNs += all_[dirty_[i]].durationNs;
            if (all_[dirty_[i]].state == StepState::Active) {
                folded.state = StepState::Active;
            }
        }
        folded.detail = formatDuration(folded.durationNs);
        folded_.push_back(std::move(folded));
    }

    // Every text measured once: a layout's width is then a sum.
    widths_.clear();
    shortWidths_.clear();
    hasShortLabels_ = false;
    for (const Step& step : all_) {
        widths_.push_back(stepWidth(step));
        if (step.shortLabel.isEmpty()) {
            shortWidths_.push_back(widths_.back());
        } else {
            Step shorter = step;
            shorter.label = step.shortLabel;
            shortWidths_.push_back(stepWidth(shorter));
            hasShortLabels_ = true;
        }
    }
    foldedWidths_.clear();
    for (const Step& step : folded_) {
        foldedWidths_.push_back(stepWidth(step));
    }
}

void PhaseStrip::layoutSteps()
{
    const QFontMetrics fm(font());

    // The ways to lay the steps out, from the fullest to the most compact: every step; the earliest
    // dirty passes folded into one step (`fold` of them; 0: none), keeping as many recent ones as
    // the room allows; then the same with the long labels shortened ("complete" for "complete
    // (guest paused)").
    struct Level {
        size_t fold;
        bool shortened;
    };
    std::vector<Level> levels{{0, false}};
    for (size_t fold = 2; fold < folded_.size() + 2; ++fold) {
        levels.push_back({fold, false});
    }
    const size_t full = levels.size();
    if (hasShortLabels_) {
        for (size_t k = 0; k < full; ++k) {
            levels.push_back({levels[k].fold, true});
        }
    }
    // A level's width is a sum of measured widths: every step's, less the passes folded away, plus
    // the folded step's.
    int sums[2] = {0, 0};  // every step, with the long labels; with the short ones
    for (size_t i = 0; i < all_.size(); ++i) {
        sums[0] += widths_[i];
        sums[1] += shortWidths_[i];
    }
    std::vector<int> foldedAway{0};  // foldedAway[f]: the widths of the first f passes
    for (const size_t i : dirty_) {
        foldedAway.push_back(foldedAway.back() + widths_[i]);  // a pass has no short label
    }
    auto total = [&](const Level& level) {
        int w = sums[level.shortened ? 1 : 0];
        int count = int(all_.size());
        if (level.fold > 0) {
            w += foldedWidths_[level.fold - 2] - foldedAway[level.fold];
            count -= int(level.fold) - 1;
        }
        return w + kChevron * std::max(0, count - 1);
    };

    // The pass counter on one line beside the fullest steps that leave room for it, else on two
    // lines (long labels are kept before the counter breaks), else in the smaller font of the
    // durations on as many lines as the strip holds, else beside the most compact steps, its last
    // line cut.
    const int w = width();
    const int h = height();
    const QFont small = smallFont(font());
    const QFontMetrics sm(small);
    const int smallLines = std::max(1, (h - 2) / std::max(1, sm.height()));
    // Then the same with the counter's compact form ("30/30 passes, not converged"), where it has one.
    struct Try {
        size_t begin, end;  // the levels to try
        bool smallFont;
        int lines;
        bool compact;
    };
    const Try tries[] = {{0, full, false, 1, false},           {0, full, false, 2, false},
                         {full, levels.size(), false, 1, false}, {full, levels.size(), false, 2, false},
                         {full, levels.size(), true, 2, false},  {full, levels.size(), true, smallLines, false},
                         {full, levels.size(), false, 1, true},  {full, levels.size(), false, 2, true},
                         {full, levels.size(), true, 2, true},   {full, levels.size(), true, smallLines, true}};
    std::optional<Level> chosen;
    passLines_.clear();
    passElided_ = false;
    passSmall_ = false;
    passShown_ = passText_;
    for (const Try& t : tries) {
        const QFontMetrics& m = t.smallFont ? sm : fm;
        if (t.lines * m.height() > h - 2 || (t.compact && passShortText_.isEmpty())) {
            continue;
        }
        const QString& text = t.compact ? passShortText_ : passText_;
        const QStringList lines = t.lines == 1 ? QStringList{text} : balancedLines(text, m, t.lines);
        if (lines.isEmpty()) {
            continue;
        }
        const int counter = 2 * kPadX + widest(lines, m);
        for (size_t k = t.begin; k < t.end; ++k) {
            if (total(levels[k]) + counter <= w) {
                chosen = levels[k];
                passLines_ = lines;
                passSmall_ = t.smallFont;
                passShown_ = text;
                break;
            }
        }
        if (chosen) {
            break;
        }
    }
    if (!chosen) {
        chosen = levels.back();
    }

    shown_.clear();
    rects_.clear();
    int x = 0;
    for (size_t i = 0; i < all_.size(); ++i) {
        int sw = chosen->shortened ? shortWidths_[i] : widths_[i];
        if (chosen->fold > 0 && i == dirty_[0]) {
            shown_.push_back(folded_[chosen->fold - 2]);
            sw = foldedWidths_[chosen->fold - 2];
        } else if (std::binary_search(dirty_.begin(), dirty_.begin() + std::ptrdiff_t(chosen->fold), i)) {
            continue;  // folded into the step above
        } else {
            shown_.push_back(all_[i]);
            if (chosen->shortened && !all_[i].shortLabel.isEmpty()) {
                shown_.back().label = all_[i].shortLabel;
            }
        }
        rects_.emplace_back(x, 1, sw, h - 2);
        x += sw + kChevron;
    }
    const int stepsEnd = shown_.empty() ? 0 : x - kChevron;
    const int room = std::max(0, w - stepsEnd - 2 * kPadX);
    if (passLines_.isEmpty()) {
        // No room for the whole counter: as much of it as the lines hold, the rest cut with "…".
        passElided_ = true;
        passSmall_ = true;
        QString rest = passShortText_.isEmpty() ? passText_ : passShortText_;
        passShown_ = rest;
        while (!rest.isEmpty() && passLines_.size() < smallLines - 1) {
            // As many words as the line holds.
            qsizetype cut = -1;
            for (qsizetype at = rest.indexOf(QLatin1Char(' ')); at > 0; at = rest.indexOf(QLatin1Char(' '), at + 1)) {
                if (sm.horizontalAdvance(rest.left(at)) > room) {
                    break;
                }
                cut = at;
            }
            if (cut < 0) {
                break;
            }
            passLines_.append(rest.left(cut));
            rest = rest.mid(cut + 1);
        }
        passLines_.append(sm.elidedText(rest, Qt::ElideRight, room));
        if (passLines_.last().isEmpty()) {
            passLines_.clear();  // the steps take the whole strip: no room for even "…"
        }
    }
    const QFontMetrics& pm = passSmall_ ? sm : fm;
    // Right-aligned as a block, the lines left-aligned within it.
    const int textWidth = std::min(room, widest(passLines_, pm));
    const int passX = std::max(stepsEnd + kPadX, w - kPadX - textWidth - kPadX);
    passRect_ = QRect(passX, 0, w - passX, h);
    const int textHeight = pm.height() * int(passLines_.size());
    passArea_ = passLines_.isEmpty() ? QRect() : QRect(passX + kPadX, (h - textHeight) / 2, textWidth, textHeight);
}

QList<PhaseStrip::Step> PhaseStrip::steps() const
{
    return QList<Step>(shown_.begin(), shown_.end());
}

int PhaseStrip::activeStep() const
{
    for (size_t i = 0; i < shown_.size(); ++i) {
        if (shown_[i].state == StepState::Active || shown_[i].state == StepState::Failed) {
            return int(i);
        }
    }
    return -1;
}

QRect PhaseStrip::stepRect(int index) const
{
    return index >= 0 && size_t(index) < rects_.size() ? rects_[size_t(index)] : QRect();
}

QColor PhaseStrip::activeColor() const
{
    return palette().color(QPalette::Highlight);
}

bool PhaseStrip::isAnimating() const
{
    return sweep_->isActive();
}

void PhaseStrip::updateAnimation()
{
    const bool on = snapshot_ && snapshot_->playing && running(snapshot_->phase) && isVisible();
    if (on && !sweep_->isActive()) {
        sweep_->start();
    } else if (!on && sweep_->isActive()) {
        sweep_->stop();
        update();
    }
}

void PhaseStrip::updateDescription()
{
    QString current = tr("not started");
    QStringList finished;
    for (const Step& step : all_) {
        if (step.state == StepState::Active || step.state == StepState::Failed) {
            current = step.spoken;
        } else if (step.state == StepState::Finished) {
            finished << (step.detail.isEmpty() ? step.spoken : tr("%1 %2").arg(step.spoken, step.detail));
        }
    }
    QString text = tr("Current phase: %1. %2.").arg(current, passText_);
    if (!finished.isEmpty()) {
        text += QLatin1Char(' ') + tr("Finished: %1.").arg(QLocale().createSeparatedList(finished));
    }
    if (text != accessibleDescription()) {
        setAccessibleDescription(text);  // Qt raises the accessibility event itself
    }
}

QSize PhaseStrip::sizeHint() const
{
    const QSize min = minimumSizeHint();
    int w = QFontMetrics(font()).horizontalAdvance(passText_) + 2 * kPadX;
    for (const int stepWidth : widths_) {
        w += stepWidth + kChevron;
    }
    return {std::max(w, min.width()), min.height()};
}

QSize PhaseStrip::minimumSizeHint() const
{
    const int h = QFontMetrics(font()).height() + QFontMetrics(smallFont(font())).height() + 2 * kPadY + kBar + 6;
    return {200, h};
}

void PhaseStrip::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    layoutSteps();
}

void PhaseStrip::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::LanguageChange) {
        rebuild();
        updateGeometry();
    } else if (event->type() == QEvent::PaletteChange) {
        update();
    }
}

void PhaseStrip::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    updateAnimation();
}

void PhaseStrip::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    updateAnimation();
}

QString PhaseStrip::tooltipFor(const Step& step) const
{
    QString state;
    switch (step.state) {
    case StepState::Future:
        state = tr("not reached yet");
        break;
    case StepState::Active:
        state = step.detail.isEmpty() ? tr("now") : tr("now, for %1").arg(step.detail);
        break;
    case StepState::Finished:
        state = step.detail.isEmpty() ? tr("finished") : tr("finished, took %1").arg(step.detail);
        break;
    case StepState::Failed:
        state = step.failure.isEmpty() ? tr("the link failed; the source keeps every dirty bit") : step.failure;
        break;
    }
    return tr("%1: %2").arg(step.spoken, state);
}

bool PhaseStrip::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto* help = static_cast<QHelpEvent*>(event);
        for (size_t i = 0; i < rects_.size(); ++i) {
            if (rects_[i].contains(help->pos())) {
                QToolTip::showText(help->globalPos(), tooltipFor(shown_[i]), this, rects_[i]);
                return true;
            }
        }
        if (passRect_.contains(help->pos())) {
            QToolTip::showText(help->globalPos(), accessibleDescription(), this, passRect_);
            return true;
        }
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    return QWidget::event(event);
}

void PhaseStrip::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    const bool dark = PhasePalette::isDark(pal);
    const QFont labelFont = font();
    QFont activeFont = font();
    activeFont.setBold(true);
    const QFont detailFont = smallFont(font());
    const QFontMetrics fm(labelFont);
    const QFontMetrics dm(detailFont);
    const QColor text = pal.color(QPalette::WindowText);
    const QColor dim = pal.color(QPalette::PlaceholderText);
    const QColor finishedFill = mix(pal.color(QPalette::Window), pal.color(QPalette::Highlight), 0.18);
    const QColor failed(0xd5, 0x5e, 0x00);  // vermillion, as the difference accent of the heatmaps

    for (size_t i = 0; i < shown_.size(); ++i) {
        const Step& step = shown_[i];
        const QRectF r = QRectF(rects_[i]).adjusted(0.5, 0.5, -0.5, -0.5);
        QPainterPath shape;
        shape.addRoundedRect(r, kRadius, kRadius);
        QColor fg = text;
        switch (step.state) {
        case StepState::Future:
            p.setPen(QPen(dim, 1, Qt::DashLine));
            p.setBrush(Qt::NoBrush);
            p.drawPath(shape);
            fg = dim;
            break;
        case StepState::Finished:
            p.fillPath(shape, finishedFill);
            break;
        case StepState::Active:
            p.fillPath(shape, activeColor());
            fg = pal.color(QPalette::HighlightedText);
            if (sweep_->isActive()) {
                // A soft light band crossing the step: it moves while time moves.
                const double t = double(clock_.elapsed() % kSweepPeriodMs) / kSweepPeriodMs;
                const double band = std::max(24.0, r.width() * 0.4);
                const double cx = r.left() - band + (r.width() + 2 * band) * t;
                QLinearGradient g(cx - band / 2, 0, cx + band / 2, 0);
                QColor light = activeColor().lighter(dark ? 150 : 135);
                light.setAlpha(0);
                g.setColorAt(0, light);
                light.setAlpha(150);
                g.setColorAt(0.5, light);
                light.setAlpha(0);
                g.setColorAt(1, light);
                p.save();
                p.setClipPath(shape);
                p.fillRect(r, g);
                p.restore();
            }
            break;
        case StepState::Failed:
            p.fillPath(shape, failed);
            fg = Qt::white;
            break;
        }

        // Phase colour bar, the same colour as the step's band behind the charts.
        if (step.band) {
            const QRectF bar(r.left() + kRadius, r.bottom() - kBar - 1, r.width() - 2 * kRadius, kBar);
            QColor c = PhasePalette::color(*step.band, dark);
            if (step.state == StepState::Future) {
                c.setAlpha(110);
            }
            if (step.mixedDirty) {
                QLinearGradient stripes(bar.left(), 0, bar.left() + 8, 0);
                stripes.setSpread(QGradient::RepeatSpread);
                stripes.setColorAt(0, PhasePalette::color(PhasePalette::Band::DirtyOdd, dark));
                stripes.setColorAt(0.5, PhasePalette::color(PhasePalette::Band::DirtyOdd, dark));
                stripes.setColorAt(0.51, PhasePalette::color(PhasePalette::Band::DirtyEven, dark));
                stripes.setColorAt(1, PhasePalette::color(PhasePalette::Band::DirtyEven, dark));
                p.fillRect(bar, stripes);
            } else {
                p.fillRect(bar, c);
            }
        }

        const int textTop = rects_[i].top() + kPadY;
        p.setPen(fg);
        p.setFont(step.state == StepState::Active || step.state == StepState::Failed ? activeFont : labelFont);
        p.drawText(QRect(rects_[i].left(), textTop, rects_[i].width(), fm.height()), Qt::AlignCenter, step.label);
        if (!step.detail.isEmpty()) {
            p.setFont(detailFont);
            p.drawText(QRect(rects_[i].left(), textTop + fm.height(), rects_[i].width(), dm.height()),
                       Qt::AlignCenter, step.detail);
        }

        if (i + 1 < shown_.size()) {
            // ">" between steps
            const double cx = rects_[i].right() + kChevron / 2.0 + 1;
            const double cy = rects_[i].center().y();
            p.setPen(QPen(i + 1 < shown_.size() && shown_[i + 1].state == StepState::Future ? dim : text, 1.4));
            p.drawPolyline(QPolygonF({QPointF(cx - 2.5, cy - 4.5), QPointF(cx + 2.5, cy), QPointF(cx - 2.5, cy + 4.5)}));
        }
    }

    p.setFont(passSmall_ ? detailFont : labelFont);
    p.setPen(text);
    const int lineHeight = passSmall_ ? dm.height() : fm.height();
    QRect line(passArea_.left(), passArea_.top(), passArea_.width(), lineHeight);
    for (const QString& l : passLines_) {
        p.drawText(line, Qt::AlignVCenter | Qt::AlignLeft, l);
        line.translate(0, lineHeight);
    }
}

} // namespace bitmig
