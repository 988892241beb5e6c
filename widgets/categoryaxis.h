// Puts round ticks with their labels (ChartScales) on a Qt Charts category axis, labels on the tick
// values: the axes of the dirty rate chart and of a comparison's charts.
#pragma once

#include "chartscales.h"

#include <QCategoryAxis>

namespace bitmig {

inline void setCategoryTicks(QCategoryAxis* axis, const ChartScales::Axis& a)
{
    for (const QString& label : axis->categoriesLabels()) {
        axis->remove(label);
    }
    axis->setStartValue(a.scale.min);
    for (size_t i = 0; i < a.scale.ticks.size() && i < size_t(a.labels.size()); ++i) {
        axis->append(a.labels[qsizetype(i)], a.scale.ticks[i]);
    }
    axis->setRange(a.scale.min, a.scale.max);
}

} // namespace bitmig
