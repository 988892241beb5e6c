#include "axisticks.h"

#include <algorithm>
#include <cmath>

namespace bitmig {

namespace {

// Ticks k * step for every integer k with k * step in [lo, hi]; multiplying (not accumulating)
// keeps labels such as 0.3 free of rounding noise.
std::vector<double> ticksBetween(double lo, double hi, double step)
{
    std::vector<double> out;
    const double eps = step * 1e-9;
    const double first = std::ceil((lo - eps) / step);
    for (double k = first;; k += 1) {
        const double t = k * step;
        if (t > hi + eps || out.size() > 1000) {
            break;
        }
        out.push_back(t == 0 ? 0.0 : t);  // no "-0"
    }
    return out;
}

} // namespace

AxisTicks::Scale AxisTicks::decimal(double lo, double hi, int maxTicks, bool extend)
{
    if (!std::isfinite(lo) || !std::isfinite(hi)) {
        lo = 0;
        hi = 1;
    }
    if (hi < lo) {
        std::swap(lo, hi);
    }
    if (hi - lo <= 0) {
        hi = lo + (lo != 0 ? std::abs(lo) * 0.1 : 1.0);
    }
    const double raw = (hi - lo) / double(std::max(1, maxTicks - 1));
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = 10 * magnitude;
    for (double m : {1.0, 2.0, 5.0, 10.0}) {
        if (m * magnitude >= raw * (1 - 1e-9)) {
            step = m * magnitude;
            break;
        }
    }
    Scale s;
    s.step = step;
    s.min = lo;
    s.max = hi;
    if (extend) {
        s.min = std::floor(lo / step + 1e-9) * step;
        s.max = std::ceil(hi / step - 1e-9) * step;
        if (s.max <= s.min) {
            s.max = s.min + step;
        }
    }
    s.ticks = ticksBetween(s.min, s.max, step);
    return s;
}

AxisTicks::Scale AxisTicks::binary(double hi, int maxTicks)
{
    if (!std::isfinite(hi) || hi <= 0) {
        hi = 1;
    }
    const double raw = hi / double(std::max(1, maxTicks - 1));
    const double step = std::max(1.0, std::exp2(std::ceil(std::log2(raw) - 1e-9)));
    Scale s;
    s.step = step;
    s.min = 0;
    s.max = std::max(step, std::ceil(hi / step - 1e-9) * step);
    s.ticks = ticksBetween(s.min, s.max, step);
    return s;
}

AxisTicks::Scale AxisTicks::log2(double loExp, double hiExp, int maxTicks)
{
    if (!std::isfinite(loExp) || !std::isfinite(hiExp)) {
        loExp = 0;
        hiExp = 10;
    }
    double lo = std::floor(std::min(loExp, hiExp));
    double hi = std::ceil(std::max(loExp, hiExp));
    if (hi <= lo) {
        hi = lo + 1;
    }
    const int intervals = std::max(1, maxTicks - 1);
    double k = 10;
    for (double candidate : {1.0, 2.0, 3.0, 5.0, 10.0}) {
        if (std::ceil(hi / candidate) - std::floor(lo / candidate) <= intervals) {
            k = candidate;
            break;
        }
    }
    while (std::ceil(hi / k) - std::floor(lo / k) > intervals) {
        k *= 2;
    }
    Scale s;
    s.step = k;
    s.min = std::floor(lo / k) * k;
    s.max = std::ceil(hi / k) * k;
    s.ticks = ticksBetween(s.min, s.max, k);
    return s;
}

int AxisTicks::decimalsFor(double step)
{
    if (!(step > 0) || !std::isfinite(step)) {
        return 0;
    }
    for (int d = 0; d < 9; ++d) {
        const double scaled = step * std::pow(10.0, d);
        if (std::abs(scaled - std::round(scaled)) < 1e-6 * scaled) {
            return d;
        }
    }
    return 9;
}

} // namespace bitmig
