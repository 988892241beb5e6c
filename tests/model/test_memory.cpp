// The window's simulation and memory: a run that cannot fit is refused before anything is
// allocated, and Reset hands a large run's memory to the next run (or gives it back when the next
// run's bitmaps are of other sizes) before the next run takes any of its own.
#include "app/model/simulationcontroller.h"
#include "tests/support/simulation.h"

#include <bitmig/runmemory.h>
#include <bitmig/zeropageallocator.h>

#include <QSignalSpy>
#include <QTest>

#include <catch2/catch.hpp>

using namespace bitmig;
using bitmig::test::waitFor;

TEST_CASE("the controller refuses a run that cannot fit, and the previous run stays", "[controller][memory]")
{
    SimulationController c;
    SimConfig small = bitmig::test::smallConfig();
    c.setConfig(small);
    REQUIRE(*waitFor(c, [&](const SimSnapshot& s) { return *s.config == small; })->config == small);

    QSignalSpy failed(&c, &SimulationController::failed);
    QSignalSpy changed(&c, &SimulationController::configChanged);
    SimConfig huge = small;
    huge.diskBytes = uint64_t(64) << 50;  // 64 PiB at 64 KiB: 2^40 bits, 128 GiB per bitmap
    const size_t before = detail::zeroedBytesInUse();
    c.setConfig(huge);
    REQUIRE(failed.count() == 1);
    const QString message = failed.at(0).at(0).toString();
    CHECK(message.startsWith(QStringLiteral("disk: the run needs ")));
    CHECK(message.contains(QStringLiteral(" available")));
    CHECK(message == QStringLiteral("disk: ") + SimulationController::memoryProblem(huge));
    CHECK(changed.isEmpty());
    CHECK(c.config() == small);
    QTest::qWait(100);
    CHECK(detail::zeroedBytesInUse() == before);  // nothing was allocated for it
    CHECK(*c.snapshot()->config == small);
}

TEST_CASE("Reset gives a large run's memory back before the next run is built", "[controller][memory]")
{
    SimulationController c;
    SimConfig cfg = bitmig::test::smallConfig();
    cfg.diskBytes = uint64_t(1) << 40;  // 1 TiB at 512 B: 2^31 bits, 256 MiB per bitmap
    cfg.granularity = 512;
    cfg.workload.kind = WorkloadKind::Idle;
    cfg.bandwidth = 1e9;
    // Written all over by the brush (not by the configuration, which a new run would apply again),
    // so the source's pages are resident, and a migration started, so the meta bitmap, the
    // destination and its successor exist too.
    cfg.migrationStartNs = 0;
    c.setConfig(cfg);
    c.inject(false, 0, cfg.diskBytes);
    c.step(3);
    auto running = waitFor(c, [](const SimSnapshot& s) { return !s.destination.empty() && s.dirtyBits > 0; });
    REQUIRE_FALSE(running->destination.empty());
    const size_t held = detail::zeroedBytesInUse();
    const uint64_t source = hbitmapBytes(cfg.diskBytes / cfg.granularity);
    REQUIRE(held >= 3 * source);  // source, destination, successor
    const uint64_t residentBefore = processAnonymousMemory().value_or(0);

    detail::resetZeroedPeak();
    const uint64_t runBefore = running->runId;
    c.reset();
    auto fresh = waitFor(c, [runBefore](const SimSnapshot& s) { return s.runId != runBefore; });
    REQUIRE(fresh->runId != runBefore);
    CHECK(fresh->nowNs == 0);
    // The new run holds its source bitmap only (the migration starts at its first tick); at no
    // moment were both runs' arrays held. Its source took the old run's memory; the old run's
    // other arrays wait for the new run's destination and successor, of the same sizes.
    CHECK(detail::zeroedBytesInUse() <= source + (uint64_t(4) << 20));
    CHECK(detail::zeroedBytesPeak() <= held);
    CHECK(detail::zeroedBytesInUse() + detail::zeroedBytesKept() <= held);
    CHECK(detail::zeroedBytesKept() >= 2 * (source - (uint64_t(1) << 20)));  // their mapped arrays
    CHECK(fresh->dirtyBits == 0);  // on the old run's pages, zeroed

    // Once the new run has them, nothing is kept, and the process holds no more than before.
    c.step(3);
    auto again = waitFor(c, [](const SimSnapshot& s) { return !s.destination.empty(); });
    REQUIRE_FALSE(again->destination.empty());
    CHECK(again->dirtyBits == 0);
    CHECK(detail::zeroedBytesKept() == 0);
    const uint64_t residentAfter = processAnonymousMemory().value_or(0);
    CAPTURE(residentBefore, residentAfter, source);
    CHECK(residentAfter <= residentBefore + source / 10);
}

TEST_CASE("Reset to a run of other sizes gives the old run's memory back at once", "[controller][memory]")
{
    SimulationController c;
    SimConfig cfg = bitmig::test::smallConfig();
    cfg.diskBytes = uint64_t(1) << 40;  // 2^31 bits at 512 B: 256 MiB per bitmap
    cfg.granularity = 512;
    cfg.workload.kind = WorkloadKind::Idle;
    cfg.migrationStartNs = 0;
    c.setConfig(cfg);
    c.inject(false, 0, cfg.diskBytes);
    c.step(3);
    REQUIRE_FALSE(waitFor(c, [](const SimSnapshot& s) { return !s.destination.empty() && s.dirtyBits > 0; })
                      ->destination.empty());
    const uint64_t residentBefore = processAnonymousMemory().value_or(0);
    const uint64_t source = hbitmapBytes(cfg.diskBytes / cfg.granularity);

    SimConfig other = bitmig::test::smallConfig();  // 64 GiB at 64 KiB: 128 KiB of bitmap
    c.setConfig(other);
    auto fresh = waitFor(c, [&](const SimSnapshot& s) { return *s.config == other; });
    REQUIRE(*fresh->config == other);
    CHECK(detail::zeroedBytesKept() == 0);
    const uint64_t residentAfter = processAnonymousMemory().value_or(0);
    CAPTURE(residentBefore, residentAfter, source);
    CHECK(residentAfter + source / 10 * 9 <= residentBefore);
}

TEST_CASE("a run the simulation thread cannot build leaves the previous one, and the window says so",
          "[controller][memory]")
{
    SimulationController c;
    const SimConfig small = bitmig::test::smallConfig();
    c.setConfig(small);
    REQUIRE(*waitFor(c, [&](const SimSnapshot& s) { return *s.config == small; })->config == small);
    QSignalSpy failed(&c, &SimulationController::failed);
    QSignalSpy changed(&c, &SimulationController::configChanged);

    // Passes the checks made before anything is allocated, yet no bitmap can have this size
    // (more than 2^63 - 1 bytes): building it throws on the simulation thread.
    SimConfig odd = small;
    odd.diskBytes = uint64_t(1) << 63;
    odd.granularity = uint64_t(1) << 31;
    odd.chunkBytes = 64;
    c.setConfig(odd);
    if (changed.isEmpty()) {
        // The checks before the thread refused it already: the run never changed either.
        REQUIRE(failed.count() == 1);
        CHECK(c.config() == small);
        return;
    }
    REQUIRE(changed.count() == 1);  // the odd one, first
    REQUIRE(changed.wait(5000));    // then the previous one, restored
    CHECK(failed.count() == 1);
    CHECK(changed.last().at(0).value<SimConfig>() == small);
    CHECK(c.config() == small);
    auto s = waitFor(c, [&](const SimSnapshot& s) { return *s.config == small && s.runId > 1; });
    CHECK(*s->config == small);
}
