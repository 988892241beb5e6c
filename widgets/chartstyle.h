// The look of a Qt Charts chart in the widget's palette and font, shared by the migration charts and
// the dirty rate chart. Qt Charts themes know nothing of the widget palette: the chart starts from
// the matching light or dark theme, then takes its background, text and grid from the palette.
#pragma once

#include <QFont>
#include <QPalette>

QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace bitmig::ChartStyle {

// Axis labels and the legend: the widget's font at 85 %, never below 7 pt.
QFont labelFont(const QFont& base);
// The chart's title: the widget's font in bold.
QFont titleFont(const QFont& base);
// The theme, backgrounds, title, legend and every axis the chart has now (labels, grid and axis
// lines as cosmetic one-pixel pens, no minor grid, no shades). A theme resets the series' pens and
// the axes' categories: the caller sets those again after this.
void apply(QChart* chart, const QPalette& palette, const QFont& base);

} // namespace bitmig::ChartStyle
