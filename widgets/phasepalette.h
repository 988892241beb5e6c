// Colours of the migration phases, shared by the phase strip and the chart bands so a colour means
// the same phase everywhere. Hues from the Okabe-Ito set, readable with common colour-vision
// deficiencies; dirty passes alternate two shades so neighbouring passes stay distinguishable.
#pragma once

#include <bitmig/migrationsummary.h>

#include <QColor>
#include <QPalette>

#include <optional>

namespace bitmig {

class PhasePalette {
public:
    enum class Band { Setup, Bulk, DirtyOdd, DirtyEven, Complete };
    static constexpr int kBandCount = 5;

    // The band a phase span is drawn in; nullopt for instants and states (idle, done, cancelled).
    static std::optional<Band> bandOf(Phase phase, unsigned pass) noexcept;
    // Solid colour, for swatches and markers.
    static QColor color(Band band, bool dark);
    // Translucent fill for chart backgrounds: light enough that series drawn over it keep contrast.
    static QColor bandFill(Band band, bool dark);
    // Whether a palette is a dark theme (window darker than its text).
    static bool isDark(const QPalette& palette);
};

} // namespace bitmig
