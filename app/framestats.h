// Frame times of the GUI thread: the time to take a snapshot into the views plus the time to paint
// what it changed. Reported as percentiles by --frame-stats and the frame-time benchmark. Kept as a
// histogram with logarithmic bins (each about 1 % wide), so a window left running for days uses the
// same memory and the same time per report as one started a minute ago.
#pragma once

#include <QElapsedTimer>
#include <QObject>

#include <vector>

namespace bitmig {

class FrameStats : public QObject {
    Q_OBJECT
public:
    explicit FrameStats(QObject* parent = nullptr);

    // The widgets whose paint events count towards a frame: this one and its children.
    void watch(QWidget* widget);
    // Marks the start and end of handling one snapshot.
    void beginFrame();
    void endFrame();

    size_t frames() const noexcept { return frames_; }
    // Percentile p (0..100) of the frame times, in milliseconds: the upper edge of the bin that
    // holds it (at most about 1 % above the exact figure, never above the maximum).
    double percentileMs(double p) const;
    double maxMs() const { return maxMs_; }
    QString report() const;
    void clear();
    // Records one frame time directly (what endFrame() and the paints add up to).
    void addFrame(double ms);

    static constexpr int kBins = 2048;   // 1 us .. beyond 10 min at 1 % per bin
    static constexpr double kMinMs = 1e-3;
    static constexpr double kBinRatio = 1.01;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void closeOpenFrame();

    QElapsedTimer clock_;
    qint64 openNs_ = -1;        // time spent on the frame being assembled, or -1
    qint64 handleStart_ = 0;
    qint64 paintStart_ = 0;
    std::vector<uint64_t> bins_;  // frames per bin; bin i holds [kMinMs * r^(i-1), kMinMs * r^i)
    size_t frames_ = 0;
    double maxMs_ = 0;
};

} // namespace bitmig
