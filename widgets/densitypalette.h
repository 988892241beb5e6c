// Colours of the heatmaps: density (set bits / bits of a cell) through viridis, a perceptually
// uniform sequential map that stays readable with every common colour-vision deficiency, plus a
// neutral "clean" colour and an accent for destination/source differences.
#pragma once

#include <QColor>
#include <QImage>
#include <QPalette>
#include <QRgb>

#include <array>
#include <vector>

class QLinearGradient;
class QPointF;

namespace bitmig {

class HeatmapGeometry;
struct HeatmapLayer;

class DensityPalette {
public:
    // Logarithmic spreads the sparse densities of a zoomed-out disk (0.01 % .. 1 %) over the ramp,
    // so where the writes land shows; Linear reads as "how much of the cell is dirty".
    enum class Scale { Linear, Logarithmic };

    // The clean colour follows the widget palette, so light and dark themes both read well.
    explicit DensityPalette(const QPalette& palette = QPalette(), Scale scale = Scale::Logarithmic);

    Scale scale() const noexcept { return scale_; }
    // Where a density (0..1) sits on the colour ramp (0..1).
    static double position(double density, Scale scale) noexcept;
    // Densities worth a label under the legend's ramp.
    std::vector<double> legendTicks() const;

    // 0 is "clean" (no bit set); anything above, however small, is on the sequential scale.
    QRgb rgbAt(double density) const noexcept;
    QColor colorAt(double density) const { return QColor::fromRgb(rgbAt(density)); }
    QColor cleanColor() const { return QColor::fromRgb(clean_); }
    QColor fullColor() const { return QColor::fromRgb(lut_.back()); }
    bool isDark() const noexcept { return dark_; }

    // Outline colour for cursors and boundaries, with a halo colour that separates it from any cell.
    QColor outlineColor() const { return outline_; }
    QColor haloColor() const { return halo_; }
    // Chunk boundaries: half-way between outline and halo, so they show on dark and light cells alike.
    QColor gridColor() const { return grid_; }

    // One pixel per cell (columns x rows): painting cost follows the raster, never the disk size.
    // Cells where `difference` has a set bit take the difference colour.
    QImage rasterize(const HeatmapLayer& layer, const HeatmapGeometry& geometry,
                     const HeatmapLayer* difference = nullptr) const;

    // The colour ramp from position 0 to 1, for the legend.
    QLinearGradient gradient(const QPointF& from, const QPointF& to) const;

    // Viridis at t in [0, 1] (a polynomial fit, within about 1 % of the published table).
    static QColor sequential(double t);
    // Vermillion from the Okabe-Ito set: away from every viridis hue and from the clean grey.
    static QColor differenceColor() { return QColor(0xd5, 0x5e, 0x00); }

private:
    std::array<QRgb, 256> lut_{};
    Scale scale_ = Scale::Logarithmic;
    QRgb clean_ = 0;
    QColor outline_, halo_, grid_;
    bool dark_ = false;
};

} // namespace bitmig
