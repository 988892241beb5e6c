// The whole disk at a glance: the snapshot's overview layer and a bracket around the part the
// heatmap shows. Clicking or dragging moves that part (the zoom level stays).
#pragma once

#include "densitypalette.h"
#include "heatmapraster.h"

#include <bitmig/simsnapshot.h>

#include <QImage>
#include <QPointer>
#include <QWidget>

namespace bitmig {

class ZoomStack;

class OverviewStrip : public QWidget {
    Q_OBJECT
public:
    explicit OverviewStrip(QWidget* parent = nullptr);

    void setZoomStack(ZoomStack* stack);
    ZoomStack* zoomStack() const { return stack_; }
    SimSnapshotPtr snapshot() const { return snapshot_; }

    // The overview geometry laid onto the strip (empty before the first snapshot).
    HeatmapRaster raster() const;
    // Where the visible range is drawn.
    QRectF visibleRangeRect() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

public Q_SLOTS:
    void setSnapshot(bitmig::SimSnapshotPtr snapshot);
    void setDensityScale(bitmig::DensityPalette::Scale scale);

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    QRectF stripRect() const;
    // Bit of the whole disk under an x coordinate (the strip is read left to right).
    uint64_t bitAtX(double x) const;
    void centreOn(const QPointF& point);
    QString toolTipText() const;

    QPointer<ZoomStack> stack_;
    SimSnapshotPtr snapshot_;
    QImage image_;
    bool imageValid_ = false;
    bool dragging_ = false;
    DensityPalette::Scale scale_ = DensityPalette::Scale::Logarithmic;
};

} // namespace bitmig
