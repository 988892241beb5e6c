#include "chartstyle.h"

#include "phasepalette.h"

#include <QAbstractAxis>
#include <QChart>
#include <QLegend>
#include <QPen>

#include <algorithm>

namespace bitmig::ChartStyle {

QFont labelFont(const QFont& base)
{
    QFont f = base;
    f.setPointSizeF(std::max(7.0, f.pointSizeF() * 0.85));
    return f;
}

QFont titleFont(const QFont& base)
{
    QFont f = base;
    f.setBold(true);
    return f;
}

void apply(QChart* chart, const QPalette& pal, const QFont& base)
{
    const bool dark = PhasePalette::isDark(pal);
    const QColor text = pal.color(QPalette::WindowText);
    QColor grid = text;
    grid.setAlpha(dark ? 50 : 40);
    const QFont labels = labelFont(base);
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(pal.color(QPalette::Base));
    chart->setBackgroundPen(Qt::NoPen);
    chart->setBackgroundRoundness(0);
    chart->setTitleBrush(text);
    chart->setTitleFont(titleFont(base));
    chart->legend()->setLabelColor(text);
    chart->legend()->setFont(labels);
    for (QAbstractAxis* axis : chart->axes()) {
        axis->setLabelsBrush(text);
        axis->setLabelsFont(labels);
        // Cosmetic one-pixel pens: the raster engine draws them without the path stroker, which
        // otherwise costs more than the data lines on every redraw.
        QPen gridPen(grid, 1);
        gridPen.setCosmetic(true);
        axis->setGridLinePen(gridPen);
        axis->setLinePen(gridPen);
        axis->setMinorGridLineVisible(false);
        axis->setShadesVisible(false);
    }
}

} // namespace bitmig::ChartStyle
