// Frame times of the GUI thread: the time to take a snapshot into the views plus the time to paint
// what it changed. Reported as percentiles by --frame-stats and the frame-time benchmark.
#pragma once

#include <QElapsedTimer>
#include <QObject>

#include <vector>

namespace bitmig {

class FrameStats : public QObject {
    Q_OBJECT
public:
    explicit FrameStats(QObject* parent = nullptr);

    // The widgets whose paint events count towards a frame.
    void watch(QWidget* widget);
    // Marks the start and end of handling one snapshot.
    void beginFrame();
    void endFrame();

    size_t frames() const noexcept { return done_.size(); }
    // Percentile p (0..100) of the frame times, in milliseconds.
    double percentileMs(double p) const;
    double maxMs() const;
    QString report() const;
    void clear() { done_.clear(); }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void closeOpenFrame();

    QElapsedTimer clock_;
    qint64 openNs_ = -1;        // time spent on the frame being assembled, or -1
    qint64 handleStart_ = 0;
    qint64 paintStart_ = 0;
    std::vector<double> done_;  // milliseconds per finished frame
};

} // namespace bitmig
