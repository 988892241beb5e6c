// Reading the bitmaps of a real QEMU 7.2: the node list, a refresh's extents and digest against
// QEMU's own x-debug-block-dirty-bitmap-sha256 after real writes, steps past 4 GiB, several bitmaps
// in one refresh, and that everything the reader adds is gone afterwards, also after an error or a
// QEMU killed during a refresh.
#include "app/qemu/livebitmaps.h"
#include "tests/support/qemuvm.h"
#include "tests/support/qtwait.h"

#include <catch2/catch.hpp>

#include <QFileInfo>
#include <QJsonArray>
#include <QTimer>

using bitmig::Range;
using bitmig::qemu::BitmapRef;
using bitmig::qemu::LiveBitmapReader;
using bitmig::qemu::LiveError;
using bitmig::qemu::LiveRefresh;
using bitmig::qemu::QmpClient;

namespace {

constexpr uint64_t KiB = 1024;
constexpr uint64_t MiB = 1024 * KiB;
constexpr uint64_t GiB = 1024 * MiB;

const BitmapRef kB0{QStringLiteral("drive0"), QStringLiteral("b0")};

} // namespace

TEST_CASE("live: queryNodes lists the nodes and their bitmaps as QEMU reports them", "[live][qemu]")
{
    bitmig::test::QemuVm vm;
    vm.addBitmap(QStringLiteral("drive0"), QStringLiteral("b0"), 64 * KiB);
    vm.addBitmap(QStringLiteral("drive0"), QStringLiteral("p1"), 4 * KiB, true);
    vm.run(QStringLiteral("block-dirty-bitmap-disable"),
           QJsonObject{{QStringLiteral("node"), QStringLiteral("drive0")}, {QStringLiteral("name"), QStringLiteral("p1")}});
    vm.write(QStringLiteral("drive0"), 100 * KiB, 10 * KiB);
    QmpClient qmp;
    REQUIRE(!qmp.open(vm.qmpSocket()));
    const auto nodes = bitmig::qemu::queryNodes(qmp);
    REQUIRE(nodes.size() == 2);
    const auto& drive = nodes[0].nodeName == QStringLiteral("drive0") ? nodes[0] : nodes[1];
    CHECK(drive.driver == QStringLiteral("qcow2"));
    CHECK(drive.size == GiB);
    REQUIRE(drive.bitmaps.size() == 2);
    for (const auto& b : drive.bitmaps) {
        if (b.name == QStringLiteral("b0")) {
            CHECK(b.granularity == 64 * KiB);
            CHECK(b.count == 64 * KiB);  // [100K, 110K) lies in granule 1
            CHECK(b.recording);
            CHECK(!b.persistent);
        } else {
            CHECK(b.name == QStringLiteral("p1"));
            CHECK(b.granularity == 4 * KiB);
            CHECK(b.count == 0);  // disabled before the write
            CHECK(!b.recording);
            CHECK(b.persistent);
        }
        CHECK(!b.busy);
    }
}

TEST_CASE("live: a refresh reads the bits QEMU holds (its SHA-256) and leaves nothing behind", "[live][qemu]")
{
    bitmig::test::QemuVm vm;
    vm.addBitmap(QStringLiteral("drive0"), QStringLiteral("b0"), 64 * KiB);
    vm.write(QStringLiteral("drive0"), 0, 1 * MiB);
    vm.write(QStringLiteral("drive0"), 3 * MiB + 5, 70 * KiB);  // granules 48 and 49
    vm.write(QStringLiteral("drive0"), GiB - 4 * KiB, 4 * KiB);  // the last granule
    const QByteArray before = vm.state();

    QmpClient qmp;
    REQUIRE(!qmp.open(vm.qmpSocket()));
    LiveBitmapReader reader(qmp);
    const LiveRefresh r = reader.refresh({kB0});
    REQUIRE(r.bitmaps.size() == 1);
    const auto& copy = r.bitmaps[0];
    CHECK(copy.diskBytes == GiB);
    CHECK(copy.granularity == 64 * KiB);
    const std::vector<Range> expected{{0, 1 * MiB}, {3 * MiB, 2 * 64 * KiB}, {GiB - 64 * KiB, 64 * KiB}};
    CHECK(copy.extents == expected);
    CHECK(copy.dirtyBytes() == 1 * MiB + 3 * 64 * KiB);
    CHECK(QString::fromStdString(copy.sha256()) == vm.sha256(QStringLiteral("drive0"), QStringLiteral("b0")));
    CHECK(r.nbdRequests == 1);
    CHECK(r.qmpRoundTrips >= 5);
    CHECK(r.totalNs >= r.nbdNs);
    CHECK(reader.startedNbdServer());
    const QString socket = reader.nbdSocket();
    CHECK(QFileInfo::exists(socket));

    // Between refreshes: only the NBD server; the copies and the export are gone.
    CHECK(vm.state() == before);
    // More writes: the next refresh sees them.
    vm.write(QStringLiteral("drive0"), 512 * MiB, 1);
    const LiveRefresh again = reader.refresh({kB0});
    CHECK(again.bitmaps[0].dirtyBytes() == copy.dirtyBytes() + 64 * KiB);
    CHECK(QString::fromStdString(again.bitmaps[0].sha256()) == vm.sha256(QStringLiteral("drive0"), QStringLiteral("b0")));

    reader.detach();
    CHECK(!QFileInfo::exists(socket));
    // The server is stopped: a new one can start (QEMU runs one at most).
    vm.run(QStringLiteral("nbd-server-start"),
           QJsonObject{{QStringLiteral("addr"), QJsonObject{{QStringLiteral("type"), QStringLiteral("unix")},
                                                            {QStringLiteral("data"), QJsonObject{{QStringLiteral("path"), vm.dir() + QStringLiteral("/n.sock")}}}}}});
    vm.run(QStringLiteral("nbd-server-stop"));
}

TEST_CASE("live: several bitmaps on two nodes in one refresh, a disk read in steps of at most 4 GiB", "[live][qemu]")
{
    bitmig::test::QemuVm vm({10 * GiB, 64 * MiB});
    vm.addBitmap(QStringLiteral("drive0"), QStringLiteral("coarse"), 1 * MiB);
    vm.addBitmap(QStringLiteral("drive0"), QStringLiteral("fine"), 4 * KiB);
    vm.addBitmap(QStringLiteral("drive1"), QStringLiteral("other"), 64 * KiB);
    // Writes across the 4 GiB and 8 GiB steps, and one at the end of the disk.
    vm.write(QStringLiteral("drive0"), 4 * GiB - 8 * KiB, 16 * KiB);
    vm.write(QStringLiteral("drive0"), 8 * GiB - 4 * KiB, 4 * KiB);
    vm.write(QStringLiteral("drive0"), 10 * GiB - 4 * KiB, 4 * KiB);
    vm.write(QStringLiteral("drive1"), 1 * MiB, 128 * KiB);
    const QByteArray before = vm.state();

    QmpClient qmp;
    REQUIRE(!qmp.open(vm.qmpSocket()));
    LiveBitmapReader reader(qmp);
    const QList<BitmapRef> watched{{QStringLiteral("drive0"), QStringLiteral("fine")},
                                   {QStringLiteral("drive1"), QStringLiteral("other")},
                                   {QStringLiteral("drive0"), QStringLiteral("coarse")}};
    const LiveRefresh r = reader.refresh(watched);
    REQUIRE(r.bitmaps.size() == 3);
    CHECK(r.bitmaps[0].ref == watched[0]);
    CHECK(r.bitmaps[0].extents == std::vector<Range>{{4 * GiB - 8 * KiB, 16 * KiB}, {8 * GiB - 4 * KiB, 4 * KiB}, {10 * GiB - 4 * KiB, 4 * KiB}});
    CHECK(r.bitmaps[1].extents == std::vector<Range>{{1 * MiB, 128 * KiB}});
    CHECK(r.bitmaps[2].extents == std::vector<Range>{{4 * GiB - 1 * MiB, 2 * MiB}, {8 * GiB - 1 * MiB, 1 * MiB}, {10 * GiB - 1 * MiB, 1 * MiB}});
    for (const auto& b : r.bitmaps) {
        INFO(b.ref.node.toStdString() << "/" << b.ref.bitmap.toStdString());
        CHECK(QString::fromStdString(b.sha256()) == vm.sha256(b.ref.node, b.ref.bitmap));
    }
    // 10 GiB in steps below 4 GiB: three requests on drive0, one on drive1.
    CHECK(r.nbdRequests == 4);
    reader.detach();
    CHECK(vm.state() == before);
}

TEST_CASE("live: an unknown node or bitmap is named, and nothing is left behind", "[live][qemu]")
{
    bitmig::test::QemuVm vm;
    vm.addBitmap(QStringLiteral("drive0"), QStringLiteral("b0"), 64 * KiB);
    const QByteArray before = vm.state();
    QmpClient qmp;
    REQUIRE(!qmp.open(vm.qmpSocket()));
    LiveBitmapReader reader(qmp);
    try {
        reader.refresh({kB0, {QStringLiteral("drive9"), QStringLiteral("b0")}});
        FAIL("an unknown node was accepted");
    } catch (const LiveError& e) {
        CHECK(e.message().contains(QStringLiteral("'drive9'")));
        CHECK(e.message().contains(QStringLiteral("drive0")));  // the nodes there are
    }
    try {
        reader.refresh({kB0, {QStringLiteral("drive0"), QStringLiteral("nope")}});
        FAIL("an unknown bitmap was accepted");
    } catch (const LiveError& e) {
        CHECK(e.message().contains(QStringLiteral("'nope'")));
        CHECK(e.message().contains(QStringLiteral("b0")));
    }
    reader.detach();
    CHECK(vm.state() == before);
}

TEST_CASE("live: a VM that runs its own NBD server: refused by default, read through it when named", "[live][qemu]")
{
    bitmig::test::QemuVm vm;
    vm.addBitmap(QStringLiteral("drive0"), QStringLiteral("b0"), 64 * KiB);
    vm.write(QStringLiteral("drive0"), 2 * MiB, 64 * KiB);
    const QString own = vm.dir() + QStringLiteral("/vm-nbd.sock");
    vm.run(QStringLiteral("nbd-server-start"),
           QJsonObject{{QStringLiteral("addr"), QJsonObject{{QStringLiteral("type"), QStringLiteral("unix")},
                                                            {QStringLiteral("data"), QJsonObject{{QStringLiteral("path"), own}}}}}});
    const QByteArray before = vm.state();
    QmpClient qmp;
    REQUIRE(!qmp.open(vm.qmpSocket()));
    {
        LiveBitmapReader reader(qmp);
        try {
            reader.refresh({kB0});
            FAIL("a second NBD server was started");
        } catch (const LiveError& e) {
            CHECK(e.message().contains(QStringLiteral("already runs an NBD server")));
        }
    }
    CHECK(vm.state() == before);
    {
        LiveBitmapReader reader(qmp);
        reader.useNbdServer(own);
        const LiveRefresh r = reader.refresh({kB0});
        CHECK(r.bitmaps[0].extents == std::vector<Range>{{2 * MiB, 64 * KiB}});
        CHECK(!reader.startedNbdServer());
    }
    CHECK(vm.state() == before);
    CHECK(QFileInfo::exists(own));
    // The VM's server still runs: it was not ours to stop.
    const auto again = qmp.execute(QStringLiteral("nbd-server-start"),
                                   QJsonObject{{QStringLiteral("addr"), QJsonObject{{QStringLiteral("type"), QStringLiteral("unix")},
                                                                                    {QStringLiteral("data"), QJsonObject{{QStringLiteral("path"), own + QStringLiteral("2")}}}}}});
    CHECK(again.error.desc.contains(QStringLiteral("already running")));
}

TEST_CASE("live: QEMU killed during a refresh: an error that says so, the private folder removed", "[live][qemu]")
{
    bitmig::test::QemuVm vm({4 * GiB});
    vm.addBitmap(QStringLiteral("drive0"), QStringLiteral("b0"), 512);
    vm.write(QStringLiteral("drive0"), 0, 64 * MiB);
    QmpClient qmp;
    REQUIRE(!qmp.open(vm.qmpSocket()));
    LiveBitmapReader reader(qmp);
    reader.refresh({kB0});
    const QString socket = reader.nbdSocket();
    // Events run only inside a refresh here (its QMP waits), so the timer fires during one.
    QTimer::singleShot(50, [&] { vm.kill(); });
    bool lost = false;
    QString message;
    for (int i = 0; i < 1000 && !lost; ++i) {
        try {
            reader.refresh({kB0});
        } catch (const LiveError& e) {
            lost = e.lostQemu();
            message = e.message();
        }
    }
    INFO(message.toStdString());
    REQUIRE(lost);
    CHECK((message.contains(QStringLiteral("QEMU exited")) || message.contains(QStringLiteral("connection to QEMU ended"))));
    reader.detach();
    CHECK(!QFileInfo::exists(socket));
}
