// The key under the heatmaps: the density ramp with its scale, the clean colour, the difference
// accent and the outline of the chunk being sent.
#pragma once

#include <QCoreApplication>
#include <QColor>
#include <QRect>
#include <QString>

#include <vector>

class QFontMetrics;
class QPainter;
class QPalette;

namespace bitmig {

class DensityPalette;

class HeatmapLegend {
    Q_DECLARE_TR_FUNCTIONS(bitmig::HeatmapLegend)
public:
    // One swatch after the ramp: its text, its fill, or the outline of a sent chunk.
    struct Entry {
        QString label;
        QColor fill;
        bool outline = false;
    };
    // The swatches in the order they are drawn; showSent: the view outlines chunks being sent
    // (a migration does, the bitmaps of an attached QEMU do not).
    static std::vector<Entry> entries(const DensityPalette& colours, bool showDifference, bool showSent);
    // The ramp's caption.
    static QString caption();

    // `rows` lines (at least two): the ramp and swatches, then the ramp's tick labels and swatches
    // that did not fit beside the ramp, then, in a narrow view, more swatches under them.
    static int height(const QFontMetrics& fm, int rows = 2);
    // The lines the legend needs in `rect` to show every swatch whole (at least two).
    static int rows(const QRect& rect, int rampLeft, const DensityPalette& colours, const QFontMetrics& fm,
                    bool showDifference, bool showSent = true);
    // rampLeft: where the ramp starts (aligned with the bands); its caption goes to the left of it.
    static void paint(QPainter& p, const QRect& rect, int rampLeft, const DensityPalette& colours,
                      const QPalette& palette, const QFontMetrics& fm, bool showDifference,
                      bool showSent = true);
};

} // namespace bitmig
