// The bitmaps of an attached QEMU as the start of a simulated run: the VM's disks (the nodes that
// hold bitmaps, with their sizes) and bitmaps (name, granularity, recording, persistent) as the
// run's layout, each bitmap starting from its own bits as read now (BitmapSpec::startBits), and the changes the session saw
// between refreshes as a recorded trace (the CSV `bitmig attach --record` writes) the guest
// replays. No widgets: the attached view asks for it and the main window shows it.
#pragma once

#include "app/model/livesession.h"
#include "app/scenario/scenariofile.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace bitmig {

class LiveSimulation {
    Q_DECLARE_TR_FUNCTIONS(bitmig::LiveSimulation)

public:
    struct Result {
        Scenario scenario;
        QString summary;       // what was taken, for the window's message bar
        QStringList warnings;  // what the run cannot show as the VM has it
        QString traceFile;     // the recorded changes, empty when there were none
    };

    // `bits`: every bitmap of the VM at one instant (LiveSession::readAll()); `changes`: the
    // session's recorded changes (LiveSession::changes()), written to a CSV trace in `traceDir`;
    // `base`: the rest of the run (link, strategy, ...). The guest runs nothing but the trace.
    // std::nullopt with *why set when the VM has no bitmap, the trace cannot be written or read
    // back, or the result cannot be simulated (the core's reason).
    static std::optional<Result> build(const QString& vmName, const qemu::LiveRefresh& bits,
                                       const std::vector<LiveChange>& changes, bool changesTruncated,
                                       const SimConfig& base, const QString& traceDir, QString* why);
};

} // namespace bitmig
