// Disk offsets around a heatmap raster: where each row starts (in the gutter on its left) and ticks
// along its bottom edge. The raster is row-major, so with several rows the ticks give the offset
// within a row; with one row they are absolute.
#pragma once

#include "heatmapraster.h"

#include <QCoreApplication>
#include <QList>
#include <QRect>
#include <QString>

#include <cstdint>

class QFontMetrics;
class QPainter;

namespace bitmig {

class OffsetAxis {
    Q_DECLARE_TR_FUNCTIONS(bitmig::OffsetAxis)
public:
    OffsetAxis(const HeatmapRaster& raster, uint64_t granularity, uint64_t diskBytes)
        : raster_(raster), granularity_(granularity), diskBytes_(diskBytes)
    {
    }

    struct RowLabel {
        int row = 0;
        QString text;
    };
    struct Tick {
        uint64_t byte = 0;  // disk offset (absolute) or offset in the row
        double x = 0;       // from the band's left edge, in pixels of a band `width` wide
        QString text;
    };

    uint64_t byteOf(uint64_t bit) const noexcept;
    bool isAbsolute() const noexcept { return raster_.geometry().rows() == 1; }

    // The labels paintRowLabels() draws, one per row or every few rows when rows are thinner than
    // text. Each carries the decimals that tell it from the next; when such absolute offsets would
    // not fit `width` (deep zoom: "2.2304688 TiB"), the first names where the view starts, as
    // closely as fits, and the others count from there ("+64 KiB").
    // Every `step`-th row is labelled, at least every rowLabelStep()-th; `step` lets views of
    // several runs on one axis label the same rows.
    QList<RowLabel> rowLabels(const QFontMetrics& fm, int width, int step = 1) const;
    // The fewest rows between labels that keeps them apart (1 when rows are taller than text).
    int rowLabelStep(const QFontMetrics& fm) const;
    // Right-aligned in `gutter`.
    void paintRowLabels(QPainter& p, const QRect& gutter, const QFontMetrics& fm, int step = 1) const;
    // The ticks paintTicks() draws under a band `width` pixels wide, labels that may overlap included.
    QList<Tick> ticks(double width, const QFontMetrics& fm) const;
    // Ticks and labels under the raster, in `axis`; the caption ("offset" / "in row") in `caption`.
    void paintTicks(QPainter& p, const QRect& axis, const QRect& caption, const QFontMetrics& fm) const;

private:
    HeatmapRaster raster_;
    uint64_t granularity_;
    uint64_t diskBytes_;
};

} // namespace bitmig
