// LiveSession against a real QEMU 7.2, without a window: what changed between refreshes, the dirty
// rate, the snapshot a heatmap view paints, and detaching.
#include "app/model/livesession.h"
#include "tests/support/qemuvm.h"
#include "tests/support/qtwait.h"

#include <QRegularExpression>
#include <QSignalSpy>

#include <catch2/catch.hpp>

using bitmig::LiveSession;
using bitmig::qemu::BitmapRef;

namespace {
constexpr uint64_t KiB = 1024;
constexpr uint64_t MiB = 1024 * KiB;
QString s(const char* t)
{
    return QString::fromUtf8(t);
}
} // namespace

TEST_CASE("LiveSession: changes between refreshes, the dirty rate and the heatmap snapshot", "[live][qemu]")
{
    bitmig::test::QemuVm vm;
    vm.addBitmap(s("drive0"), s("b0"), 64 * KiB);
    vm.write(s("drive0"), 0, 1 * MiB);
    const QByteArray before = vm.state();

    LiveSession session;
    session.setPaused(true);  // refreshed by hand here
    REQUIRE(session.attach(vm.qmpSocket()).isEmpty());
    const BitmapRef ref{s("drive0"), s("b0")};
    CHECK(session.snapshot(ref, {}) == nullptr);
    session.setWatched({ref});
    QSignalSpy refreshed(&session, &LiveSession::refreshed);
    REQUIRE(session.refreshNow());
    CHECK(refreshed.size() == 1);
    const bitmig::LiveBitmapState* st = session.state(ref);
    REQUIRE(st);
    CHECK(st->dirtyBytes == 1 * MiB);
    CHECK(st->dirtiedBytes == 1 * MiB);  // the first refresh: all of it
    CHECK(st->dirtyRate == 0);

    vm.write(s("drive0"), 32 * MiB, 192 * KiB);
    vm.run(s("block-dirty-bitmap-clear"), QJsonObject{{s("node"), s("drive0")}, {s("name"), s("b0")}});
    vm.write(s("drive0"), 512 * KiB, 64 * KiB);
    QTest::qWait(100);  // a measurable time between the refreshes, for the rate
    REQUIRE(session.refreshNow());
    st = session.state(ref);
    CHECK(st->dirtyBytes == 64 * KiB);
    CHECK(st->dirtiedBytes == 0);  // granule 8 was dirty before too
    CHECK(st->cleanedBytes == 1 * MiB - 64 * KiB);
    CHECK(st->refreshes == 2);

    vm.write(s("drive0"), 100 * MiB, 128 * KiB);
    QTest::qWait(100);
    REQUIRE(session.refreshNow());
    st = session.state(ref);
    CHECK(st->dirtiedBytes == 128 * KiB);
    CHECK(st->dirtyRate > 0);
    CHECK(st->dirtyRate < 128.0 * KiB / 0.1 + 1);  // at least 100 ms passed
    CHECK(QString::fromStdString(st->bits->sha256()) == vm.sha256(s("drive0"), s("b0")));

    // The snapshot: the bits as the source band, what turned dirty as the second band.
    const bitmig::SimSnapshotPtr snap = session.snapshot(ref, bitmig::HeatmapRequest{0, 0, 64, 8});
    REQUIRE(snap);
    CHECK(snap->config->diskBytes == 1024 * MiB);
    CHECK(snap->geometry.totalBits() == 16384);
    CHECK(snap->dirtyBits == 3);
    CHECK(snap->dirtyChunks == 2);
    uint64_t sourceSet = 0;
    uint64_t changedSet = 0;
    for (int c = 0; c < snap->geometry.cells(); ++c) {
        sourceSet += snap->source.set[size_t(c)];
        changedSet += snap->meta.set[size_t(c)];
    }
    CHECK(sourceSet == 3);
    CHECK(changedSet == 2);

    QSignalSpy detached(&session, &LiveSession::detached);
    session.detach();
    CHECK(detached.size() == 1);
    CHECK(!session.isAttached());
    const QRegularExpression counts(s("\"count\":[0-9]+"));
    CHECK(QString::fromUtf8(vm.state()).replace(counts, s("count")) == QString::fromUtf8(before).replace(counts, s("count")));
}

TEST_CASE("LiveSession: reads through the NBD server the VM already runs when it is named", "[live][qemu]")
{
    bitmig::test::QemuVm vm;
    vm.addBitmap(s("drive0"), s("b0"), 64 * KiB);
    vm.write(s("drive0"), 3 * MiB, 64 * KiB);
    const QString own = vm.dir() + s("/vm-nbd.sock");
    vm.run(s("nbd-server-start"),
           QJsonObject{{s("addr"), QJsonObject{{s("type"), s("unix")}, {s("data"), QJsonObject{{s("path"), own}}}}}});
    const BitmapRef ref{s("drive0"), s("b0")};
    {
        LiveSession session;
        session.setPaused(true);
        REQUIRE(session.attach(vm.qmpSocket()).isEmpty());
        session.setWatched({ref});
        QSignalSpy failed(&session, &LiveSession::failed);
        CHECK(!session.refreshNow());
        REQUIRE(failed.size() == 1);
        CHECK(failed.at(0).at(0).toString().contains(s("already runs an NBD server")));
        CHECK(session.isAttached());  // QEMU is still there: the session stays
    }
    LiveSession session;
    session.setPaused(true);
    REQUIRE(session.attach(vm.qmpSocket(), own).isEmpty());
    session.setWatched({ref});
    REQUIRE(session.refreshNow());
    CHECK(session.state(ref)->dirtyBytes == 64 * KiB);
}
