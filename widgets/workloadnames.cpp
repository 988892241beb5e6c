#include "workloadnames.h"

#include <QCoreApplication>

namespace bitmig {

const char* workloadKindSourceText(WorkloadKind kind) noexcept
{
    switch (kind) {
    case WorkloadKind::Idle:
        return QT_TRANSLATE_NOOP("bitmig::WorkloadPanel", "Idle");
    case WorkloadKind::Uniform:
        return QT_TRANSLATE_NOOP("bitmig::WorkloadPanel", "Uniform random");
    case WorkloadKind::Sequential:
        return QT_TRANSLATE_NOOP("bitmig::WorkloadPanel", "Sequential");
    case WorkloadKind::HotSpot:
        return QT_TRANSLATE_NOOP("bitmig::WorkloadPanel", "Hot spot");
    case WorkloadKind::Zipf:
        return QT_TRANSLATE_NOOP("bitmig::WorkloadPanel", "Zipf");
    case WorkloadKind::Bursts:
        return QT_TRANSLATE_NOOP("bitmig::WorkloadPanel", "Bursts");
    }
    return "";
}

QString workloadKindLabel(WorkloadKind kind)
{
    return QCoreApplication::translate(kWorkloadNamesContext, workloadKindSourceText(kind));
}

} // namespace bitmig
