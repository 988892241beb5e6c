// Driving the simulation from tests: a small run, and waits for the snapshot that shows a state.
#pragma once

#include "app/model/simulationcontroller.h"

#include <QDeadlineTimer>
#include <QSignalSpy>

#include <functional>

namespace bitmig::test {

// Waits on snapshotChanged until `done(snapshot)` holds or `ms` pass; returns the controller's last
// snapshot either way, for the caller to check.
inline SimSnapshotPtr waitFor(SimulationController& c, const std::function<bool(const SimSnapshot&)>& done,
                              int ms = 20000)
{
    QSignalSpy arrived(&c, &SimulationController::snapshotChanged);
    const QDeadlineTimer deadline(ms);
    while (!(c.snapshot() && done(*c.snapshot()))) {
        const qint64 left = deadline.remainingTime();
        if (left <= 0 || !arrived.wait(int(left))) {
            break;
        }
    }
    return c.snapshot();
}

// 64 GiB at 64 KiB granularity (2^20 bits), 1 KiB chunks, uniform writes; started by the test.
inline SimConfig smallConfig()
{
    SimConfig c;
    c.diskBytes = uint64_t(64) << 30;
    c.chunkBytes = 1024;
    c.workload.kind = WorkloadKind::Uniform;
    c.workload.rate = 2000;
    c.migrationStartNs = -1;
    c.bandwidth = 125e6;
    return c;
}

} // namespace bitmig::test
