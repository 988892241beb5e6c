#include "framestats.h"

#include <QCoreApplication>
#include <QEvent>
#include <QLocale>
#include <QWidget>

#include <algorithm>
#include <cmath>

namespace bitmig {

FrameStats::FrameStats(QObject* parent) : QObject(parent), bins_(size_t(kBins), 0)
{
    clock_.start();
}

void FrameStats::clear()
{
    std::fill(bins_.begin(), bins_.end(), 0);
    frames_ = 0;
    maxMs_ = 0;
}

void FrameStats::addFrame(double ms)
{
    ms = std::max(0.0, ms);
    // Bin 0: below kMinMs; then one bin per factor kBinRatio; the last bin takes everything above.
    const double b = ms < kMinMs ? 0.0 : std::floor(std::log(ms / kMinMs) / std::log(kBinRatio)) + 1;
    ++bins_[size_t(std::min(b, double(kBins - 1)))];
    ++frames_;
    maxMs_ = std::max(maxMs_, ms);
}

void FrameStats::watch(QWidget* widget)
{
    // With its child widgets: a chart view paints in its viewport, not in the chart widget.
    widget->installEventFilter(this);
    const QList<QWidget*> children = widget->findChildren<QWidget*>();
    for (QWidget* child : children) {
        child->installEventFilter(this);
    }
}

void FrameStats::beginFrame()
{
    closeOpenFrame();  // the previous frame's paints are over once a new snapshot arrives
    handleStart_ = clock_.nsecsElapsed();
}

void FrameStats::endFrame()
{
    openNs_ = clock_.nsecsElapsed() - handleStart_;
}

void FrameStats::closeOpenFrame()
{
    if (openNs_ >= 0) {
        addFrame(double(openNs_) / 1e6);
        openNs_ = -1;
    }
}

bool FrameStats::eventFilter(QObject* watched, QEvent* event)
{
    Q_UNUSED(watched);
    if (event->type() == QEvent::Paint && openNs_ >= 0) {
        // The filter runs before the widget paints; the widget's paint time is measured by the
        // gap to the next event we see, so time the paint itself here.
        auto* w = static_cast<QWidget*>(watched);
        w->removeEventFilter(this);
        const qint64 t0 = clock_.nsecsElapsed();
        QCoreApplication::sendEvent(w, event);
        openNs_ += clock_.nsecsElapsed() - t0;
        w->installEventFilter(this);
        return true;
    }
    return false;
}

double FrameStats::percentileMs(double p) const
{
    if (frames_ == 0) {
        return 0;
    }
    // The rank of the percentile among the sorted frame times (1-based), as in a sorted list.
    const auto rank = std::max<uint64_t>(1, uint64_t(std::ceil(std::clamp(p, 0.0, 100.0) / 100.0 * double(frames_))));
    uint64_t seen = 0;
    for (int i = 0; i < kBins; ++i) {
        seen += bins_[size_t(i)];
        if (seen >= rank) {
            // The last bin is open above: what lies there is at most the maximum.
            return i == kBins - 1 ? maxMs_ : std::min(maxMs_, kMinMs * std::pow(kBinRatio, i));
        }
    }
    return maxMs_;
}

QString FrameStats::report() const
{
    const QLocale c = QLocale::c();
    return tr("frames %1  p50 %2 ms  p90 %3 ms  p99 %4 ms  max %5 ms")
        .arg(frames_)
        .arg(c.toString(percentileMs(50), 'f', 2), c.toString(percentileMs(90), 'f', 2),
             c.toString(percentileMs(99), 'f', 2), c.toString(maxMs(), 'f', 2));
}

} // namespace bitmig
