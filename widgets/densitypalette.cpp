#include "densitypalette.h"

#include <bitmig/simsnapshot.h>

#include <QLinearGradient>

#include <algorithm>
#include <cmath>

namespace bitmig {

namespace {

QColor blend(const QColor& a, const QColor& b, double t)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
                            float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t));
}

} // namespace

namespace {
// 0.1 % lands at a tenth of the ramp, 1 % at a third, 10 % at two thirds.
constexpr double kLogSpread = 1000;
} // namespace

double DensityPalette::position(double density, Scale scale) noexcept
{
    const double d = std::clamp(density, 0.0, 1.0);
    return scale == Scale::Linear ? d : std::log1p(kLogSpread * d) / std::log1p(kLogSpread);
}

std::vector<double> DensityPalette::legendTicks() const
{
    if (scale_ == Scale::Linear) {
        return {0.0, 0.25, 0.5, 0.75, 1.0};
    }
    return {0.001, 0.01, 0.1, 1.0};
}

DensityPalette::DensityPalette(const QPalette& palette, Scale scale) : scale_(scale)
{
    for (size_t i = 0; i < lut_.size(); ++i) {
        lut_[i] = sequential(double(i) / double(lut_.size() - 1)).rgb();
    }
    const QColor window = palette.color(QPalette::Window);
    const QColor text = palette.color(QPalette::WindowText);
    dark_ = window.lightnessF() < text.lightnessF();
    // On a dark theme the grey must be lighter than viridis' dark purple end, or small densities
    // would vanish into it; on a light theme a pale grey keeps a single dirty bit visible.
    clean_ = blend(window, text, dark_ ? 0.28 : 0.12).rgb();
    outline_ = text;
    halo_ = window;
    grid_ = blend(window, text, 0.5);
    grid_.setAlpha(150);
}

QRgb DensityPalette::rgbAt(double density) const noexcept
{
    if (!(density > 0)) {
        return clean_;
    }
    return lut_[size_t(std::lround(position(density, scale_) * double(lut_.size() - 1)))];
}

QImage DensityPalette::rasterize(const HeatmapLayer& layer, const HeatmapGeometry& geometry,
                                 const HeatmapLayer* difference) const
{
    const int columns = geometry.columns(), rows = geometry.rows();
    if (columns <= 0 || rows <= 0) {
        return {};
    }
    QImage image(columns, rows, QImage::Format_RGB32);
    const QRgb accent = differenceColor().rgb();
    for (int row = 0; row < rows; ++row) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(row));
        for (int column = 0; column < columns; ++column) {
            const int cell = row * columns + column;
            const bool differs = difference && size_t(cell) < difference->set.size() && difference->set[size_t(cell)] > 0;
            line[column] = differs ? accent : rgbAt(layer.density(cell));
        }
    }
    return image;
}

QLinearGradient DensityPalette::gradient(const QPointF& from, const QPointF& to) const
{
    QLinearGradient g(from, to);
    constexpr int stops = 16;
    for (int i = 0; i <= stops; ++i) {
        const double t = double(i) / stops;
        g.setColorAt(t, sequential(t));
    }
    return g;
}

QColor DensityPalette::sequential(double t)
{
    t = std::clamp(t, 0.0, 1.0);
    // Coefficients of a degree-6 least-squares fit to matplotlib's viridis (per channel, 0..1).
    static constexpr double c[7][3] = {
        {0.2777273272234177, 0.005407344544966578, 0.3340998053353061},
        {0.1050930431085774, 1.404613529898575, 1.384590162594685},
        {-0.3308618287255563, 0.214847559468213, 0.09509516302823659},
        {-4.634230498983486, -5.799100973351585, -19.33244095627987},
        {6.228269936347081, 14.17993336680509, 56.69055260068105},
        {4.776384997670288, -13.74514537774601, -65.35303263337234},
        {-5.435455855934631, 4.645852612178535, 26.3124352495832},
    };
    double rgb[3];
    for (int ch = 0; ch < 3; ++ch) {
        double v = c[6][ch];
        for (int k = 5; k >= 0; --k) {
            v = v * t + c[k][ch];
        }
        rgb[ch] = std::clamp(v, 0.0, 1.0);
    }
    return QColor::fromRgbF(float(rgb[0]), float(rgb[1]), float(rgb[2]));
}

} // namespace bitmig
