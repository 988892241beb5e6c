// The heatmaps of one migration: the source dirty bitmap, its meta bitmap and (optionally) the
// destination, stacked on one raster so a cell covers the same disk range in every band. Painting
// and input only: the numbers come from the latest SimSnapshot, the visible range from a ZoomStack,
// and writes drawn with the brush leave as brushStroke signals.
#pragma once

#include "brushstroke.h"
#include "chunkfades.h"
#include "densitypalette.h"
#include "heatmapraster.h"
#include "offsetaxis.h"

#include <bitmig/simsnapshot.h>

#include <QElapsedTimer>
#include <QImage>
#include <QStringList>
#include <QTimer>
#include <QWidget>

#include <array>
#include <utility>
#include <cstdint>
#include <optional>

namespace bitmig {

class OverviewStrip;
class ZoomStack;

class HeatmapView : public QWidget {
    Q_OBJECT
public:
    enum class Tool { Pan, Zoom, Brush };
    Q_ENUM(Tool)
    enum class Band { Source, Meta, Destination };
    Q_ENUM(Band)

    explicit HeatmapView(QWidget* parent = nullptr);
    ~HeatmapView() override;

    // Owned by the view; hand its actions to menus and toolbars.
    ZoomStack* zoomStack() const { return stack_; }
    OverviewStrip* overviewStrip() const { return overview_; }
    SimSnapshotPtr snapshot() const { return snapshot_; }
    Tool tool() const { return tool_; }
    bool showDestination() const { return showDestination_; }
    bool showsAxisAndLegend() const { return showAxisAndLegend_; }
    bool showsOverview() const { return showOverview_; }
    int cellPixels() const { return cellPixels_; }
    // The raster the simulation should fill for this view (its size and the visible range).
    HeatmapRequest currentRequest() const;

    // Where things are drawn; empty for a hidden band. raster() lays the snapshot's geometry on it.
    QRect bandRect(Band band) const;
    HeatmapRaster raster(Band band) const;
    std::optional<Band> bandAt(const QPoint& point) const;
    // A band's title and the detail line right of it, as painted.
    std::pair<QString, QString> bandTitle(Band band) const;
    // The offsets in a band's gutter, as drawn: where the rows named there start.
    QList<OffsetAxis::RowLabel> rowLabels(Band band) const;
    // The fewest rows between two gutter labels that keeps them apart at the band's cell height.
    int automaticRowLabelStep() const;
    int rowLabelStep() const { return rowLabelStep_; }
    // What the tooltip at a point says (empty outside the bands).
    QString toolTipAt(const QPoint& point) const;
    // The legend's texts as drawn: the ramp's caption, then each swatch's.
    QStringList legendTexts() const;
    bool showsSentChunks() const { return showsSentChunks_; }
    // What the meta band says when a snapshot has no meta layer: why there is none.
    static QString metaPlaceholder(const SimSnapshot& snapshot);
    DensityPalette densityPalette() const { return DensityPalette(palette(), densityScale_); }
    DensityPalette::Scale densityScale() const { return densityScale_; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    static constexpr int minBandPixels = 40;     // each band at least this tall at the minimum size
    static constexpr int fadeMs = 400;           // sent chunks stay outlined this long (wall time)
    static constexpr int brushIntervalMs = 30;   // at most one brush report per interval while dragging
    static constexpr size_t maxFadingChunks = 2048;
    static constexpr size_t maxFadeOutlines = 256;  // outlines drawn per paint, the freshest first

public Q_SLOTS:
    // Keeps a reference and schedules a repaint; never paints synchronously.
    void setSnapshot(bitmig::SimSnapshotPtr snapshot);
    void setShowDestination(bool show);
    // The bitmap to show (SimConfig::bitmapList() index): asked for in the next request.
    void setBitmap(size_t index);
    void setTool(bitmig::HeatmapView::Tool tool);
    void setCellPixels(int pixels);
    void setDensityScale(bitmig::DensityPalette::Scale scale);
    // A title and detail line that replace a band's own, for a view that shows other bitmaps than
    // a migration's (the bitmaps of an attached QEMU); an empty title gives the band its own back.
    void setBandText(bitmig::HeatmapView::Band band, const QString& title, const QString& detail);
    // Whether the snapshots carry chunks being sent (a migration's do, an attached QEMU's bitmaps
    // do not): without them the legend does not list the sent chunk's outline.
    void setShowsSentChunks(bool shows);
    // Whether the view draws the offset axis and colour legend under its bands, and the "Whole disk"
    // overview strip above them (all on by default); a window with several views of one disk on one
    // axis shows them once, the other views give the room to their bands.
    void setShowAxisAndLegend(bool show);
    void setShowOverview(bool show);
    // Label at least every `rows`-th row in the gutter (1, the default: as often as the text fits),
    // so that views of several runs with one raster name the same rows.
    void setRowLabelStep(int rows);

Q_SIGNALS:
    void requestChanged(const bitmig::HeatmapRequest& request);
    // Disk bytes under one brush segment; clear: reset the bits instead of writing.
    void brushStroke(uint64_t firstByte, uint64_t lengthBytes, bool clear);
    void toolChanged(bitmig::HeatmapView::Tool tool);
    void showDestinationChanged(bool show);

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    enum class Gesture { None, Pan, Select, Brush };
    struct Layout {
        QRect overview;
        std::array<QRect, 3> title;
        std::array<QRect, 3> band;
        QRect axis;
        QRect legend;
        int gutter = 0;
        int columns = 0;
        int rows = 0;
    };

    int bandCount() const { return showDestination_ ? 3 : 2; }
    void relayout();
    void emitRequestIfChanged();
    void ensureImages();
    uint64_t granularity() const;
    uint64_t diskBytes() const;
    uint64_t bitToByte(uint64_t bit) const;
    std::optional<int> cellAt(const QPoint& point) const;
    void updateCursor();
    void flushBrush();

    void paintBand(QPainter& p, Band band, const DensityPalette& colours);
    void paintTitle(QPainter& p, Band band);
    void paintOverlays(QPainter& p, const HeatmapRaster& raster, const DensityPalette& colours);

    ZoomStack* stack_;
    OverviewStrip* overview_;
    SimSnapshotPtr snapshot_;
    Layout layout_;
    std::optional<HeatmapRequest> lastRequest_;
    Tool tool_ = Tool::Pan;
    bool showDestination_ = true;
    size_t bitmap_ = 0;
    int cellPixels_ = 4;
    DensityPalette::Scale densityScale_ = DensityPalette::Scale::Logarithmic;

    bool showsSentChunks_ = true;
    bool showAxisAndLegend_ = true;
    bool showOverview_ = true;
    int rowLabelStep_ = 1;
    std::array<std::pair<QString, QString>, 3> bandText_;  // setBandText(): title, detail
    std::array<QImage, 3> images_;
    bool imagesValid_ = false;

    ChunkFades fades_{fadeMs, maxFadingChunks};
    QElapsedTimer clock_;  // wall time of the fades
    QTimer fadeTimer_;        // advances the fades while no snapshot arrives to repaint them
    int64_t lastSnapshotMs_ = -1;
    uint64_t runId_ = 0;

    std::optional<int> hoveredCell_;
    Gesture gesture_ = Gesture::None;
    QPoint pressPos_;
    QPointF lastPos_;
    uint64_t pressFirst_ = 0;
    HeatmapRaster pressRaster_;
    int selectAnchor_ = 0, selectCurrent_ = 0;
    BrushStroke stroke_;
    QElapsedTimer brushClock_;
    QTimer brushTimer_;
};

} // namespace bitmig
