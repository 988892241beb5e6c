// The window's names of the workload kinds ("Uniform random"), in the workload panel's translation
// context: the panel's type list and, without widgets, the qcow2 import's words for the workload
// that keeps running.
#pragma once

#include <bitmig/workload.h>

#include <QString>

namespace bitmig {

// Every kind, in the order the workload panel lists them.
inline constexpr WorkloadKind kWorkloadKinds[] = {WorkloadKind::Idle,    WorkloadKind::Uniform, WorkloadKind::Sequential,
                                                  WorkloadKind::HotSpot, WorkloadKind::Zipf,    WorkloadKind::Bursts};
// The kind's name untranslated (the source text), and translated into the current language.
const char* workloadKindSourceText(WorkloadKind kind) noexcept;
QString workloadKindLabel(WorkloadKind kind);
// The translation context of the names.
inline constexpr char kWorkloadNamesContext[] = "bitmig::WorkloadPanel";

} // namespace bitmig
