// Axis ranges, ticks and labels of the migration charts, and the figures of their tooltips: round
// numbers in units a reader knows (MiB/s, %, s), formatted through QLocale. Values, no widgets, so
// tests can read the labels without drawing.
#pragma once

#include "axisticks.h"
#include "chartkind.h"

#include <bitmig/units.h>

#include <QCoreApplication>
#include <QList>
#include <QPointF>
#include <QStringList>

#include <array>

namespace bitmig {

class ChartScales {
    Q_DECLARE_TR_FUNCTIONS(bitmig::ChartScales)
public:
    struct Axis {
        AxisTicks::Scale scale;
        QStringList labels;  // one per tick
    };

    // The value axes for the points a chart is about to draw: [0] for series 0, [1] for series 1
    // when it has a unit of its own (dirty rate; otherwise both share [0]). With logScale (pending
    // only) y becomes log2(y) in `points`, zeros resting on the floor of the axis.
    static std::array<Axis, 2> valueAxes(ChartKind kind, std::array<QList<QPointF>, 2>& points, bool logScale,
                                         int maxTicks);
    // Simulated time from `from` to `to` seconds, both ends exact (the axis follows now).
    static Axis timeAxis(double from, double to, int maxTicks);

    static QString bytes(double bytes);            // "4 MiB", "1.5 MiB", "0"
    static QString rate(double bytesPerSecond);    // "12 MiB/s"
    static QString seconds(double seconds, int decimals);
    static QString span(double seconds);           // "10 ms", "1.50 s"
    // A duration split into its number ('.' as the decimal point) and unit, as
    // units::formatDurationParts() and UnitField::formatDurationParts() split it, written in the
    // window's language: the same digits with the locale's decimal point, the unit as the charts
    // write it ("29,25 мс").
    static QString duration(const QString& number, units::TimeUnit unit);
    static QString value(ChartKind kind, int series, double value);  // a tooltip's figure

    // Room above the highest value, so a flat line stays off the top grid line.
    static constexpr double kHeadroom = 1.04;
};

} // namespace bitmig
