#include "heatmaplegend.h"

#include "densitypalette.h"

#include <QFontMetrics>
#include <QLinearGradient>
#include <QLocale>
#include <QPainter>
#include <QPalette>

#include <algorithm>
#include <vector>

namespace bitmig {

namespace {
constexpr int rampWidth = 200;
constexpr int gap = 6;
} // namespace

int HeatmapLegend::height(const QFontMetrics& fm, int rows)
{
    return std::max(2, rows) * (fm.height() + 2);
}

namespace {

// The ramp's ticks and their labels under it, at their place on the scale; a label that would
// collide with the one before is not shown (its tick is).
struct Tick {
    int x = 0;         // the tick on the ramp
    QString label;
    int left = 0;      // where the label starts, inside the rect
    int width = 0;
    bool shown = false;
};

std::vector<Tick> placeTicks(const QRect& rect, int rampLeft, const DensityPalette& colours, const QFontMetrics& fm)
{
    const QLocale locale;
    const int rampRight = std::min(rect.right(), rampLeft + rampWidth);
    const int rampW = rampRight - rampLeft;
    std::vector<Tick> ticks;
    int lastRight = rect.left() - 1000;
    for (const double density : colours.legendTicks()) {
        Tick tick;
        tick.label = HeatmapLegend::tr("%1 %").arg(locale.toString(density * 100, 'g', 3));
        tick.x = rampLeft + int(DensityPalette::position(density, colours.scale()) * rampW);
        tick.width = fm.horizontalAdvance(tick.label);
        tick.left = std::clamp(tick.x - tick.width / 2, rect.left(), rect.right() - tick.width);
        tick.shown = tick.left > lastRight + gap;
        if (tick.shown) {
            lastRight = tick.left + tick.width;
        }
        ticks.push_back(std::move(tick));
    }
    return ticks;
}

// Where the ramp's tick labels end on the right (they sit under the ramp on the second line).
int tickLabelsRight(const QRect& rect, const std::vector<Tick>& ticks)
{
    int lastRight = rect.left() - 1000;
    for (const Tick& tick : ticks) {
        if (tick.shown) {
            lastRight = tick.left + tick.width;
        }
    }
    return lastRight;
}

struct Placed {
    int row = 0;
    int x = 0;
};

// The swatches follow the ramp on the first line; what does not fit there goes to the second line,
// right of the tick labels (a long translation, a narrow window), and then to further lines from the
// ramp's left edge: none is dropped.
std::vector<Placed> placeItems(const QRect& rect, int rampLeft, int labelsRight, const QFontMetrics& fm,
                               const std::vector<HeatmapLegend::Entry>& items)
{
    const int line = fm.height();
    const int swatch = std::min(12, line - 2);
    const int rampRight = std::min(rect.right(), rampLeft + rampWidth);
    const int itemsLeft = rampRight + 4 * gap;
    std::vector<Placed> out;
    int x = itemsLeft;
    int row = 0;
    for (const HeatmapLegend::Entry& item : items) {
        const int w = swatch + gap / 2 + fm.horizontalAdvance(item.label);
        const int rowLeft = row == 0 ? itemsLeft : row == 1 ? std::max(itemsLeft, labelsRight + 3 * gap) : rampLeft;
        if (x + w > rect.right() && x > rowLeft) {
            ++row;
            x = row == 1 ? std::max(itemsLeft, labelsRight + 3 * gap) : rampLeft;
            if (row == 1 && x + w > rect.right()) {
                ++row;  // no room right of the tick labels either
                x = rampLeft;
            }
        }
        out.push_back({row, x});
        x += w + 3 * gap;
    }
    return out;
}

} // namespace

int HeatmapLegend::rows(const QRect& rect, int rampLeft, const DensityPalette& colours, const QFontMetrics& fm,
                        bool showDifference, bool showSent)
{
    const auto placed = placeItems(rect, rampLeft, tickLabelsRight(rect, placeTicks(rect, rampLeft, colours, fm)), fm,
                                   entries(colours, showDifference, showSent));
    int rows = 2;
    for (const Placed& p : placed) {
        rows = std::max(rows, p.row + 1);
    }
    return rows;
}

QString HeatmapLegend::caption()
{
    return tr("dirty");
}

std::vector<HeatmapLegend::Entry> HeatmapLegend::entries(const DensityPalette& colours, bool showDifference,
                                                         bool showSent)
{
    std::vector<Entry> items{{tr("clean (no bit set)"), colours.cleanColor(), false}};
    if (showDifference) {
        items.push_back({tr("destination differs from source"), DensityPalette::differenceColor(), false});
    }
    if (showSent) {
        items.push_back({tr("chunk being sent"), QColor(), true});
    }
    return items;
}

void HeatmapLegend::paint(QPainter& p, const QRect& rect, int rampLeft, const DensityPalette& colours,
                          const QPalette& palette, const QFontMetrics& fm, bool showDifference, bool showSent)
{
    const int line = fm.height();
    const int swatch = std::min(12, line - 2);
    const QRect first(rect.left(), rect.top(), rect.width(), line);
    const int cy = first.center().y();
    const QColor text = palette.color(QPalette::WindowText);
    p.setPen(text);

    p.drawText(QRect(rect.left(), first.top(), rampLeft - rect.left() - gap, line), Qt::AlignRight | Qt::AlignVCenter,
               caption());
    const int rampRight = std::min(rect.right(), rampLeft + rampWidth);
    const QRect ramp(rampLeft, cy - swatch / 2, rampRight - rampLeft, swatch);
    p.fillRect(ramp, colours.gradient(ramp.topLeft(), ramp.topRight()));

    // Tick labels under the ramp at their place on the scale, dropped where they would collide.
    const std::vector<Tick> ticks = placeTicks(rect, rampLeft, colours, fm);
    for (const Tick& tick : ticks) {
        p.drawLine(tick.x, ramp.bottom() + 1, tick.x, ramp.bottom() + 3);
        if (tick.shown) {
            p.drawText(QRect(tick.left, ramp.bottom() + 3, tick.width + 1, line), Qt::AlignLeft | Qt::AlignTop, tick.label);
        }
    }

    const std::vector<Entry> items = entries(colours, showDifference, showSent);
    const std::vector<Placed> placed = placeItems(rect, rampLeft, tickLabelsRight(rect, ticks), fm, items);
    for (size_t i = 0; i < items.size(); ++i) {
        const Entry& item = items[i];
        const int w = swatch + gap / 2 + fm.horizontalAdvance(item.label);
        const int x = placed[i].x;
        const QRect lineRect = first.translated(0, placed[i].row * (line + 2));
        const int y = lineRect.center().y();
        const QRect box(x, y - swatch / 2, swatch, swatch);
        if (item.outline) {
            p.fillRect(box, colours.cleanColor());
            p.setPen(QPen(colours.outlineColor(), 2));
            p.setBrush(Qt::NoBrush);
            p.drawRect(box.adjusted(1, 1, -1, -1));
        } else {
            p.fillRect(box, item.fill);
            p.setPen(palette.color(QPalette::Mid));
            p.setBrush(Qt::NoBrush);
            p.drawRect(box.adjusted(0, 0, -1, -1));
        }
        p.setPen(text);
        p.drawText(QRect(box.right() + gap / 2, lineRect.top(), w, line), Qt::AlignLeft | Qt::AlignVCenter,
                   item.label);
    }
}

} // namespace bitmig
