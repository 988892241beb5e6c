// The visible part of the bitmap and how the user got there: one object that the heatmap, the
// overview strip, menus, toolbars and shortcuts all drive, so they never disagree.
#pragma once

#include <QObject>

#include <cstdint>
#include <utility>
#include <vector>

class QAction;

namespace bitmig {

class ZoomStack : public QObject {
    Q_OBJECT
public:
    explicit ZoomStack(QObject* parent = nullptr);

    uint64_t totalBits() const noexcept { return total_; }
    uint64_t firstBit() const noexcept { return first_; }
    uint64_t endBit() const noexcept { return end_; }
    uint64_t spanBits() const noexcept { return end_ - first_; }
    bool isZoomed() const noexcept { return spanBits() < total_; }
    bool canGoBack() const noexcept { return !history_.empty(); }
    size_t historyDepth() const noexcept { return history_.size(); }

    QAction* zoomInAction() const { return zoomIn_; }
    QAction* zoomOutAction() const { return zoomOut_; }
    QAction* resetZoomAction() const { return resetZoom_; }
    QAction* backAction() const { return back_; }
    QList<QAction*> actions() const;
    // The actions' texts in the current language (the view calls it on a language change).
    void retranslate();

    // A drag is one step of history, however many panBy calls it makes: the range at beginPan()
    // is pushed once, on the first pan that moves the view.
    void beginPan();
    void endPan();

    // Zoom factor of one zoom in/out action.
    static constexpr double stepFactor = 2.0;
    // History entries kept for "back"; older ones are dropped.
    static constexpr size_t maxHistory = 100;

public Q_SLOTS:
    // A new bitmap size resets the view to the whole bitmap and forgets the history; the same
    // size again changes nothing.
    void setTotalBits(uint64_t bits);
    // factor > 1 zooms in, < 1 zooms out; `bit` keeps its fractional position in the range.
    void zoomAround(uint64_t bit, double factor);
    void zoomTo(uint64_t first, uint64_t end);
    void panBy(int64_t deltaBits);
    void zoomIn();
    void zoomOut();
    void resetZoom();
    void back();

Q_SIGNALS:
    void rangeChanged(uint64_t first, uint64_t end);

private:
    using Range = std::pair<uint64_t, uint64_t>;
    Range clamped(uint64_t first, uint64_t end) const noexcept;
    void pushHistory();
    void apply(Range range);
    void updateActions();

    uint64_t total_ = 0, first_ = 0, end_ = 0;
    std::vector<Range> history_;
    bool panning_ = false;
    bool panPushed_ = false;
    QAction* zoomIn_;
    QAction* zoomOut_;
    QAction* resetZoom_;
    QAction* back_;
};

} // namespace bitmig
