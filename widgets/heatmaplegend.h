// The key under the heatmaps: the density ramp with its scale, the clean colour, the difference
// accent and the outline of the chunk being sent.
#pragma once

#include <QCoreApplication>
#include <QRect>

class QFontMetrics;
class QPainter;
class QPalette;

namespace bitmig {

class DensityPalette;

class HeatmapLegend {
    Q_DECLARE_TR_FUNCTIONS(bitmig::HeatmapLegend)
public:
    // Two lines: the ramp and swatches, then the ramp's tick labels.
    static int height(const QFontMetrics& fm);
    // rampLeft: where the ramp starts (aligned with the bands); its caption goes to the left of it.
    static void paint(QPainter& p, const QRect& rect, int rampLeft, const DensityPalette& colours,
                      const QPalette& palette, const QFontMetrics& fm, bool showDifference);
};

} // namespace bitmig
