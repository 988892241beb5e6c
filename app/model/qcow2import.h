// A qcow2 image's persistent bitmap as the start of a simulated run: the image's disk size and
// granularity, one scheduled write at t = 0 per dirty extent, and a workload that is either
// stopped (only the imported bits are dirty) or kept (its writes add to them). No widgets: the
// window asks which bitmap and shows the outcome; this says what the run is.
#pragma once

#include "app/scenario/scenariofile.h"

#include <bitmig/qcow2image.h>
#include <bitmig/simconfig.h>

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace bitmig {

class Qcow2Import {
    Q_DECLARE_TR_FUNCTIONS(bitmig::Qcow2Import)

public:
    enum class Workload { Idle, Keep };
    // Each extent becomes one scheduled write of the scenario (and of the undo history's copies).
    static constexpr size_t kMaxExtents = size_t(1) << 20;

    // Opens the image and reads its bitmap directory; the core's Qcow2Error (naming the file, the
    // field and the offset) when it cannot.
    explicit Qcow2Import(const QString& path);

    // The bitmaps' names as stored, and as shown: escaped, since a newline or a bidirectional
    // override in a name would forge or disguise what the window says.
    QStringList bitmapNames() const;
    static QString shownName(const QString& name);
    // Why there is nothing to import (no bitmap, or stale ones QEMU ignores too); empty when
    // there is something.
    QString nothingToImport() const;

    // The run that starts from bitmap `name` with the rest of `base`; std::nullopt with *why set
    // when the image has no such bitmap, when it has too many extents, or when the result cannot
    // be simulated (the core's reason).
    std::optional<Scenario> scenario(const QString& name, const SimConfig& base, Workload workload,
                                     QString* why) const;

    // A workload in a few words, in the workload panel's terms ("Zipf, 1,000 writes/s").
    static QString describe(const WorkloadSpec& workload);

private:
    QString path_;
    Qcow2Image image_;
};

} // namespace bitmig
