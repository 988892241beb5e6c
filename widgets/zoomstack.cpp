#include "zoomstack.h"

#include <QAction>
#include <QIcon>
#include <QKeySequence>

#include <algorithm>
#include <cmath>

namespace bitmig {

namespace {

QAction* makeAction(QObject* parent, const QString& icon, const QList<QKeySequence>& keys)
{
    auto* action = new QAction(QIcon::fromTheme(icon), QString(), parent);
    action->setShortcuts(keys);
    return action;
}

void setTexts(QAction* action, const QString& text, const QString& tip)
{
    action->setText(text);
    action->setToolTip(tip);
    action->setStatusTip(tip);
}

} // namespace

ZoomStack::ZoomStack(QObject* parent)
    : QObject(parent),
      zoomIn_(makeAction(this, QStringLiteral("zoom-in"),
                         {QKeySequence(QKeySequence::ZoomIn), QKeySequence(Qt::CTRL | Qt::Key_Equal)})),
      zoomOut_(makeAction(this, QStringLiteral("zoom-out"),
                          {QKeySequence(QKeySequence::ZoomOut), QKeySequence(Qt::CTRL | Qt::Key_Minus)})),
      resetZoom_(makeAction(this, QStringLiteral("zoom-original"), {QKeySequence(Qt::CTRL | Qt::Key_0)})),
      back_(makeAction(this, QStringLiteral("go-previous"),
                       {QKeySequence(Qt::ALT | Qt::Key_Left), QKeySequence(Qt::Key_Backspace)}))
{
    retranslate();
    // QKeySequence::ZoomOut is Ctrl+- already on most platforms; drop the duplicate.
    auto outKeys = zoomOut_->shortcuts();
    outKeys.erase(std::unique(outKeys.begin(), outKeys.end()), outKeys.end());
    zoomOut_->setShortcuts(outKeys);

    connect(zoomIn_, &QAction::triggered, this, &ZoomStack::zoomIn);
    connect(zoomOut_, &QAction::triggered, this, &ZoomStack::zoomOut);
    connect(resetZoom_, &QAction::triggered, this, &ZoomStack::resetZoom);
    connect(back_, &QAction::triggered, this, &ZoomStack::back);
    updateActions();
}

void ZoomStack::retranslate()
{
    setTexts(zoomIn_, tr("Zoom &In"), tr("Show a smaller part of the disk"));
    setTexts(zoomOut_, tr("Zoom &Out"), tr("Show a larger part of the disk"));
    setTexts(resetZoom_, tr("&Reset Zoom"), tr("Show the whole disk"));
    setTexts(back_, tr("&Back"), tr("Go back to the previous view"));
}

QList<QAction*> ZoomStack::actions() const
{
    return {zoomIn_, zoomOut_, resetZoom_, back_};
}

ZoomStack::Range ZoomStack::clamped(uint64_t first, uint64_t end) const noexcept
{
    if (total_ == 0) {
        return {0, 0};
    }
    first = std::min(first, total_ - 1);
    end = std::clamp(end, first + 1, total_);
    return {first, end};
}

void ZoomStack::pushHistory()
{
    if (history_.size() >= maxHistory) {
        history_.erase(history_.begin());
    }
    history_.emplace_back(first_, end_);
}

void ZoomStack::apply(Range range)
{
    if (range == Range{first_, end_}) {
        return;
    }
    first_ = range.first;
    end_ = range.second;
    updateActions();
    Q_EMIT rangeChanged(first_, end_);
}

void ZoomStack::updateActions()
{
    zoomIn_->setEnabled(spanBits() > 1);
    zoomOut_->setEnabled(isZoomed());
    resetZoom_->setEnabled(isZoomed());
    back_->setEnabled(canGoBack());
}

void ZoomStack::setTotalBits(uint64_t bits)
{
    if (bits == total_) {
        return;
    }
    total_ = bits;
    history_.clear();
    panPushed_ = false;
    first_ = 0;
    end_ = total_;
    updateActions();
    Q_EMIT rangeChanged(first_, end_);
}

void ZoomStack::zoomAround(uint64_t bit, double factor)
{
    if (total_ == 0 || !(factor > 0) || !std::isfinite(factor)) {
        return;
    }
    const uint64_t span = spanBits();
    // long double keeps 64 mantissa bits on x86, so spans up to 2^64 divide without visible error.
    const long double wanted = std::round(static_cast<long double>(span) / static_cast<long double>(factor));
    const uint64_t newSpan =
        wanted >= static_cast<long double>(total_) ? total_ : std::max<uint64_t>(1, static_cast<uint64_t>(wanted));
    if (newSpan == span) {
        return;
    }
    bit = std::clamp(bit, first_, end_ - 1);
    // Same fraction before and after: (bit - first) / span == (bit - newFirst) / newSpan, in exact
    // integer arithmetic so 2^41-bit bitmaps do not drift.
    // Rounded to the nearest bit, but never so far that the anchor itself leaves the view.
    const auto offset = std::min<uint64_t>(
        newSpan - 1, static_cast<uint64_t>((static_cast<__uint128_t>(bit - first_) * newSpan + span / 2) / span));
    uint64_t newFirst = bit >= offset ? bit - offset : 0;
    newFirst = std::min(newFirst, total_ - newSpan);
    pushHistory();
    apply({newFirst, newFirst + newSpan});
}

void ZoomStack::zoomTo(uint64_t first, uint64_t end)
{
    const Range range = clamped(first, end);
    if (range == Range{first_, end_}) {
        return;
    }
    pushHistory();
    apply(range);
}

void ZoomStack::panBy(int64_t deltaBits)
{
    if (total_ == 0 || deltaBits == 0) {
        return;
    }
    const uint64_t span = spanBits();
    const uint64_t maxFirst = total_ - span;
    uint64_t first;
    if (deltaBits < 0) {
        const uint64_t back = uint64_t(-(deltaBits + 1)) + 1;  // no overflow at INT64_MIN
        first = first_ > back ? first_ - back : 0;
    } else {
        first = std::min(maxFirst, first_ + std::min(uint64_t(deltaBits), maxFirst));
    }
    if (first == first_) {
        return;
    }
    if (panning_ && !panPushed_) {
        pushHistory();
        panPushed_ = true;
    }
    apply({first, first + span});
}

void ZoomStack::beginPan()
{
    panning_ = true;
    panPushed_ = false;
}

void ZoomStack::endPan()
{
    panning_ = false;
    panPushed_ = false;
}

void ZoomStack::zoomIn()
{
    zoomAround(first_ + spanBits() / 2, stepFactor);
}

void ZoomStack::zoomOut()
{
    zoomAround(first_ + spanBits() / 2, 1.0 / stepFactor);
}

void ZoomStack::resetZoom()
{
    zoomTo(0, total_);
}

void ZoomStack::back()
{
    if (history_.empty()) {
        return;
    }
    const Range range = history_.back();
    history_.pop_back();
    apply(clamped(range.first, range.second));
    updateActions();  // apply() skips it when the range did not move
}

} // namespace bitmig
