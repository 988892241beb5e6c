// Helpers for driving the simulation from tests: wait for snapshots that satisfy a condition.
#pragma once

#include "app/model/simulationcontroller.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTest>

#include <functional>

namespace bitmig::test {

// Processes events until `done(snapshot)` holds or `ms` pass; returns the last snapshot.
inline SimSnapshotPtr waitFor(SimulationController& c, const std::function<bool(const SimSnapshot&)>& done,
                              int ms = 20000)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        if (c.snapshot() && done(*c.snapshot())) {
            return c.snapshot();
        }
        QTest::qWait(5);
    }
    return c.snapshot();
}

inline SimConfig smallConfig()
{
    SimConfig c;
    c.diskBytes = uint64_t(64) << 30;   // 64 GiB: 2^20 bits at 64 KiB
    c.chunkBytes = 1024;
    c.workload.kind = WorkloadKind::Uniform;
    c.workload.rate = 2000;
    c.migrationStartNs = -1;            // started by the test
    c.bandwidth = 125e6;
    return c;
}

} // namespace bitmig::test
