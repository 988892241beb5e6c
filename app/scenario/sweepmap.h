// The convergence map of a two-parameter sweep (chunk sizes x the --vary values) as an SVG
// document: a cell per point coloured by its downtime against its limit, runs that did not converge
// within the pass cap crossed out, the boundary between converging and not converging drawn, and
// the point of the configuration the sweep started from ringed. Written by `bitmig sweep --map`
// and the window's sweep view alike, byte for byte the same.
#pragma once

#include "sweepreport.h"

#include <QByteArray>
#include <QRect>
#include <QString>

#include <optional>

namespace bitmig {

class SweepMap {
public:
    // The bandwidths a map spans when no other parameter is given (the window's default too).
    static QString defaultBandwidths()
    {
        return QStringLiteral("100Mbit,250Mbit,500Mbit,1Gbit,2500Mbit,10Gbit");
    }
    // The SVG document. `results` needs configs (SweepResults::describeConfigs() or a merge).
    static QByteArray svg(const SweepResults& results);
    // The colour ("#rrggbb") of a converged run whose downtime is `ratio` of its limit (0..1, clamped).
    static QString colour(double ratio);
    // The document's width and height.
    static int width(const SweepResults& results);
    static int height(const SweepResults& results);
    // The cell of a point, in the document's coordinates; empty for no such point.
    static QRect cellRect(const SweepResults& results, size_t point);
    // The point whose cell holds (x, y), in the document's coordinates.
    static std::optional<size_t> pointAt(const SweepResults& results, double x, double y);
    // The point whose configuration is the sweep's starting one, if it is on the map.
    static std::optional<size_t> currentPoint(const SweepResults& results);
};

} // namespace bitmig
