#include "sweepmap.h"

#include <bitmig/units.h>

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <iterator>

namespace bitmig {

namespace {

QString esc(const QString& text)
{
    return text.toHtmlEscaped();
}

// A diverging palette that stays readable for colour-blind readers: blue (no downtime) through
// pale yellow (half the limit) to red (the limit).
struct Stop {
    double at;
    int r, g, b;
};
constexpr Stop kStops[] = {{0, 0x2c, 0x7b, 0xb6},
                           {0.25, 0xab, 0xd9, 0xe9},
                           {0.5, 0xff, 0xff, 0xbf},
                           {0.75, 0xfd, 0xae, 0x61},
                           {1, 0xd7, 0x19, 0x1c}};

constexpr int kCellW = 44;
constexpr int kCellH = 30;
constexpr int kLeft = 110;
constexpr int kTop = 56;
constexpr int kBottom = 70;
constexpr int kLegendW = 170;

} // namespace

QString SweepMap::colour(double ratio)
{
    const double r = std::clamp(std::isfinite(ratio) ? ratio : 1.0, 0.0, 1.0);
    size_t k = 1;
    while (k + 1 < std::size(kStops) && r > kStops[k].at) {
        ++k;
    }
    const Stop& a = kStops[k - 1];
    const Stop& b = kStops[k];
    const double t = (r - a.at) / (b.at - a.at);
    auto mix = [t](int x, int y) { return int(std::lround(x + (y - x) * t)); };
    return QStringLiteral("#%1%2%3")
        .arg(mix(a.r, b.r), 2, 16, QLatin1Char('0'))
        .arg(mix(a.g, b.g), 2, 16, QLatin1Char('0'))
        .arg(mix(a.b, b.b), 2, 16, QLatin1Char('0'));
}

namespace {

int columns(const SweepResults& results)
{
    return int(results.definition.chunks.size());
}

int rows(const SweepResults& results)
{
    return results.definition.varyName.isEmpty() ? 1 : int(results.definition.varyValues.size());
}

} // namespace

int SweepMap::width(const SweepResults& results)
{
    return kLeft + columns(results) * kCellW + 20 + kLegendW;
}

int SweepMap::height(const SweepResults& results)
{
    return kTop + rows(results) * kCellH + kBottom;
}

QRect SweepMap::cellRect(const SweepResults& results, size_t point)
{
    const int cols = columns(results);
    if (cols == 0 || point >= results.points.size()) {
        return {};
    }
    const int c = int(point % size_t(cols));
    const int r = int(point / size_t(cols));
    return QRect(kLeft + c * kCellW, kTop + (rows(results) - 1 - r) * kCellH, kCellW, kCellH);
}

std::optional<size_t> SweepMap::pointAt(const SweepResults& results, double x, double y)
{
    const int cols = columns(results);
    const int rs = rows(results);
    if (x < kLeft || y < kTop || x >= kLeft + cols * kCellW || y >= kTop + rs * kCellH) {
        return std::nullopt;
    }
    const int c = int((x - kLeft) / kCellW);
    const int r = rs - 1 - int((y - kTop) / kCellH); // the first value is the bottom row
    const size_t index = size_t(r) * size_t(cols) + size_t(c);
    return index < results.points.size() ? std::optional<size_t>(index) : std::nullopt;
}

std::optional<size_t> SweepMap::currentPoint(const SweepResults& results)
{
    for (size_t i = 0; i < results.points.size() && i < results.configs.size(); ++i) {
        if (results.configs[i] == results.definition.baseConfig) {
            return i;
        }
    }
    return std::nullopt;
}

QByteArray SweepMap::svg(const SweepResults& results)
{
    const SweepDefinition& def = results.definition;
    const int cols = columns(results);
    const int rows = bitmig::rows(results);
    const int width = SweepMap::width(results);
    const int height = SweepMap::height(results);
    // Point (column c, row r) is index r * cols + c; the first value is the bottom row.
    auto cellX = [](int c) { return kLeft + c * kCellW; };
    auto cellY = [rows](int r) { return kTop + (rows - 1 - r) * kCellH; };
    auto at = [&](int c, int r) -> const SweepPoint& { return results.points[size_t(r * cols + c)]; };

    QStringList out;
    out << QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    out << QStringLiteral(
               "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%1\" height=\"%2\" viewBox=\"0 0 %1 %2\" "
               "font-family=\"sans-serif\" font-size=\"11\">")
               .arg(width)
               .arg(height);
    const QString vary = def.varyName.isEmpty()
                             ? QCoreApplication::translate("bitmig", "one run per chunk size")
                             : def.varyName;
    out << QStringLiteral("<title>%1</title>")
               .arg(esc(QCoreApplication::translate("bitmig", "Convergence map")));
    out << QStringLiteral("<rect width=\"%1\" height=\"%2\" fill=\"#ffffff\"/>").arg(width).arg(height);
    out << QStringLiteral("<text x=\"%1\" y=\"20\" font-size=\"14\" font-weight=\"bold\">%2</text>")
               .arg(kLeft)
               .arg(
                   esc(QCoreApplication::translate("bitmig", "Convergence map: downtime by chunk size and %1")
                           .arg(vary)));
    out << QStringLiteral("<text x=\"%1\" y=\"38\">%2</text>")
               .arg(kLeft)
               .arg(esc(QCoreApplication::translate(
                   "bitmig",
                   "colour: downtime against its limit; crossed out: did not converge within the pass cap; "
                   "thick line: where convergence stops; ring: the current configuration")));

    // Cells.
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < cols; ++c) {
            const SweepPoint& p = at(c, r);
            const int x = cellX(c);
            const int y = cellY(r);
            QString fill = QStringLiteral("#e0e0e0");
            QString tip;
            if (p.ran && p.summary.converged) {
                const double limit = double(p.summary.maxDowntimeNs);
                fill = colour(limit > 0 ? double(p.summary.downtimeNs) / limit : 1.0);
                tip = QCoreApplication::translate("bitmig", "downtime %1 of %2")
                          .arg(QString::fromStdString(units::formatDuration(p.summary.downtimeNs)),
                               QString::fromStdString(units::formatDuration(p.summary.maxDowntimeNs)));
            } else if (p.ran) {
                fill = QStringLiteral("#404040");
                tip = QCoreApplication::translate("bitmig", "did not converge: %1 dirty passes")
                          .arg(p.summary.dirtyPasses);
            } else {
                tip = SweepReport::reason(p);
            }
            out << QStringLiteral(
                       "<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"%5\" stroke=\"#ffffff\">"
                       "<title>%6</title></rect>")
                       .arg(x)
                       .arg(y)
                       .arg(kCellW)
                       .arg(kCellH)
                       .arg(fill, esc(tip));
            if (p.ran && !p.summary.converged) {
                out << QStringLiteral(
                           "<path d=\"M%1 %2L%3 %4M%1 %4L%3 %2\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>")
                           .arg(x + 8)
                           .arg(y + 6)
                           .arg(x + kCellW - 8)
                           .arg(y + kCellH - 6);
            } else if (!p.ran) {
                out << QStringLiteral(
                           "<text x=\"%1\" y=\"%2\" text-anchor=\"middle\" fill=\"#808080\">-</text>")
                           .arg(x + kCellW / 2)
                           .arg(y + kCellH / 2 + 4);
            }
        }
    }
    // The boundary: an edge between a run that converged and a neighbour that ran and did not.
    auto differs = [&](const SweepPoint& a, const SweepPoint& b) {
        return a.ran && b.ran && a.summary.converged != b.summary.converged;
    };
    QStringList edges;
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < cols; ++c) {
            if (c + 1 < cols && differs(at(c, r), at(c + 1, r))) {
                edges << QStringLiteral("M%1 %2V%3").arg(cellX(c + 1)).arg(cellY(r)).arg(cellY(r) + kCellH);
            }
            if (r + 1 < rows && differs(at(c, r), at(c, r + 1))) {
                edges << QStringLiteral("M%1 %2H%3").arg(cellX(c)).arg(cellY(r)).arg(cellX(c) + kCellW);
            }
        }
    }
    if (!edges.isEmpty()) {
        out << QStringLiteral("<path d=\"%1\" stroke=\"#000000\" stroke-width=\"3\" fill=\"none\"/>")
                   .arg(edges.join(QString()));
    }
    // The current configuration.
    if (const std::optional<size_t> current = currentPoint(results)) {
        const int c = int(*current % size_t(cols));
        const int r = int(*current / size_t(cols));
        out << QStringLiteral(
                   "<circle cx=\"%1\" cy=\"%2\" r=\"%3\" fill=\"none\" stroke=\"#00a000\" stroke-width=\"3\">"
                   "<title>%4</title></circle>")
                   .arg(cellX(c) + kCellW / 2)
                   .arg(cellY(r) + kCellH / 2)
                   .arg(kCellH / 2 - 2)
                   .arg(esc(QCoreApplication::translate("bitmig", "the current configuration")));
    }
    // Axes: chunk sizes below, the values at the left.
    for (int c = 0; c < cols; ++c) {
        const int x = cellX(c) + kCellW / 2;
        const int y = kTop + rows * kCellH + 8;
        out << QStringLiteral(
                   "<text x=\"%1\" y=\"%2\" text-anchor=\"end\" transform=\"rotate(-45 %1 %2)\">%3</text>")
                   .arg(x)
                   .arg(y)
                   .arg(esc(QString::fromStdString(units::formatSize(def.chunks[size_t(c)]))));
    }
    out << QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"middle\">%3</text>")
               .arg(kLeft + cols * kCellW / 2)
               .arg(height - 8)
               .arg(esc(QCoreApplication::translate("bitmig", "chunk size")));
    for (int r = 0; r < rows; ++r) {
        out << QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"end\">%3</text>")
                   .arg(kLeft - 6)
                   .arg(cellY(r) + kCellH / 2 + 4)
                   .arg(esc(def.varyName.isEmpty() ? QString() : def.varyValues[r]));
    }
    out << QStringLiteral(
               "<text x=\"14\" y=\"%1\" text-anchor=\"middle\" transform=\"rotate(-90 14 %1)\">%2</text>")
               .arg(kTop + rows * kCellH / 2)
               .arg(esc(vary));
    // Legend: the colour scale, then the other marks.
    const int lx = kLeft + cols * kCellW + 20;
    const int steps = 10;
    for (int k = 0; k < steps; ++k) {
        out << QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"16\" height=\"10\" fill=\"%3\"/>")
                   .arg(lx)
                   .arg(kTop + (steps - 1 - k) * 10)
                   .arg(colour((k + 0.5) / steps));
    }
    out << QStringLiteral("<text x=\"%1\" y=\"%2\">%3</text>")
               .arg(lx + 22)
               .arg(kTop + 8)
               .arg(esc(QCoreApplication::translate("bitmig", "at the limit")));
    out << QStringLiteral("<text x=\"%1\" y=\"%2\">%3</text>")
               .arg(lx + 22)
               .arg(kTop + steps * 10)
               .arg(esc(QCoreApplication::translate("bitmig", "no downtime")));
    const int ly = kTop + steps * 10 + 16;
    out << QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"16\" height=\"12\" fill=\"#404040\"/>")
               .arg(lx)
               .arg(ly);
    out << QStringLiteral("<text x=\"%1\" y=\"%2\">%3</text>")
               .arg(lx + 22)
               .arg(ly + 10)
               .arg(esc(QCoreApplication::translate("bitmig", "not converged")));
    out << QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"16\" height=\"12\" fill=\"#e0e0e0\"/>")
               .arg(lx)
               .arg(ly + 18);
    out << QStringLiteral("<text x=\"%1\" y=\"%2\">%3</text>")
               .arg(lx + 22)
               .arg(ly + 28)
               .arg(esc(QCoreApplication::translate("bitmig", "not run")));
    out << QStringLiteral("<text x=\"%1\" y=\"%2\">%3</text>")
               .arg(lx)
               .arg(ly + 48)
               .arg(esc(currentPoint(results)
                            ? QCoreApplication::translate("bitmig", "ring: current configuration")
                            : QCoreApplication::translate("bitmig",
                                                          "the current configuration is not on the map")));
    out << QStringLiteral("</svg>");
    return (out.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8();
}

} // namespace bitmig
