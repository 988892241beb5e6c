// What the charts draw of their texts: whether titles and axis labels are drawn whole.
#pragma once

#include "widgets/migrationcharts.h"

#include <QChart>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QStringList>

namespace bitmig::test {

// The text each chart draws as its title (Qt Charts cuts a title that does not fit with "...").
inline QStringList drawnChartTitles(const MigrationCharts& charts)
{
    QStringList out;
    for (int k = 0; k < kChartKindCount; ++k) {
        QChart* chart = charts.chart(ChartKind(k));
        for (QGraphicsItem* item : chart->scene()->items()) {
            if (auto* text = dynamic_cast<QGraphicsTextItem*>(item);
                text && text->parentItem() == chart && text->isVisible() && !text->toPlainText().isEmpty() &&
                text->font().bold()) {
                out << text->toPlainText();
            }
        }
    }
    return out;
}

inline QStringList chartTitles(const MigrationCharts& charts)
{
    QStringList out;
    for (int k = 0; k < kChartKindCount; ++k) {
        out << charts.chart(ChartKind(k))->title();
    }
    return out;
}

// What Qt Charts drew cut short ("..." at the end) in any chart: titles, axis labels, legends.
inline QStringList cutChartTexts(const MigrationCharts& charts)
{
    QStringList out;
    for (int k = 0; k < kChartKindCount; ++k) {
        for (QGraphicsItem* item : charts.chart(ChartKind(k))->scene()->items()) {
            if (auto* text = dynamic_cast<QGraphicsTextItem*>(item); text && text->isVisible()) {
                const QString t = text->toPlainText();
                if (t.contains(QStringLiteral("...")) || t.contains(QChar(0x2026))) {
                    out << t;
                }
            }
        }
    }
    return out;
}

} // namespace bitmig::test
