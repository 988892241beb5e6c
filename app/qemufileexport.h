// File > Export > QEMU migration file...: the run on screen written as `bitmig simulate --qemu-file`
// writes it. The window does not record a run's stream while it plays, so the run is made again
// from its parameters (the engine is deterministic) with the stream recorded; a run that differs
// from the one on screen (the brush changed its bits, or its workload was changed while it ran)
// is refused rather than written wrongly. So is what a QEMU destination does not load.
#pragma once

#include <bitmig/simsnapshot.h>

#include <QCoreApplication>
#include <QString>

namespace bitmig {

class QemuFileExport {
    Q_DECLARE_TR_FUNCTIONS(QemuFileExport)
public:
    // Writes the completed run `shown` to `path`. Empty when written; otherwise why nothing was.
    static QString write(const SimSnapshot* shown, const QString& path);
};

} // namespace bitmig
