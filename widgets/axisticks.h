// Where an axis puts its ticks: round numbers a reader can interpolate between. Pure values, so the
// choices are testable without drawing anything.
#pragma once

#include <vector>

namespace bitmig {

class AxisTicks {
public:
    struct Scale {
        double min = 0;
        double max = 1;
        double step = 1;
        std::vector<double> ticks;  // ascending, within [min, max]
    };

    // Steps of 1, 2 or 5 x 10^k, at most maxTicks ticks in [lo, hi]. extend: min and max move out to
    // the nearest ticks (a value axis); otherwise they stay at lo and hi (a time axis that follows now).
    static Scale decimal(double lo, double hi, int maxTicks, bool extend);
    // From 0 to at least hi in steps that are powers of two, at least 1: byte amounts then read
    // exactly in binary units (0, 4 MiB, 8 MiB ... or 0, 256 KiB, 512 KiB, 768 KiB, 1 MiB).
    static Scale binary(double hi, int maxTicks);
    // For values plotted as log2: integer exponents every k (k in 1, 2, 3, 5, 10 ...), min and max
    // extended to ticks.
    static Scale log2(double loExp, double hiExp, int maxTicks);
    // Digits after the decimal point that tell ticks `step` apart.
    static int decimalsFor(double step);
};

} // namespace bitmig
