#include "framestats.h"

#include <QCoreApplication>
#include <QEvent>
#include <QLocale>
#include <QWidget>

#include <algorithm>
#include <cmath>

namespace bitmig {

FrameStats::FrameStats(QObject* parent) : QObject(parent)
{
    clock_.start();
}

void FrameStats::watch(QWidget* widget)
{
    widget->installEventFilter(this);
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
        done_.push_back(double(openNs_) / 1e6);
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
    if (done_.empty()) {
        return 0;
    }
    std::vector<double> v = done_;
    std::sort(v.begin(), v.end());
    const size_t i = std::min(v.size() - 1, size_t(std::ceil(p / 100.0 * double(v.size()))) - (p > 0 ? 1 : 0));
    return v[i];
}

double FrameStats::maxMs() const
{
    return done_.empty() ? 0 : *std::max_element(done_.begin(), done_.end());
}

QString FrameStats::report() const
{
    const QLocale c = QLocale::c();
    return tr("frames %1  p50 %2 ms  p90 %3 ms  p99 %4 ms  max %5 ms")
        .arg(done_.size())
        .arg(c.toString(percentileMs(50), 'f', 2), c.toString(percentileMs(90), 'f', 2),
             c.toString(percentileMs(99), 'f', 2), c.toString(maxMs(), 'f', 2));
}

} // namespace bitmig
