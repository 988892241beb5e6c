// A real QEMU 7.2 bitmap migration run by RealMigration: precopy and postcopy between two
// -machine none QEMUs, the destination's SHA-256 against the source's and against the digest the
// core computes from the writes, writes during the run, scratch copies that leave the user's image
// alone, the typed failures (bad spec, not qcow2, QEMU killed, no convergence), and the simulator's
// prediction for the same disks, bitmaps and link. A missing QEMU fails, never skips.
#include "app/model/realmigration.h"
#include "app/qemu/livebitmaps.h"
#include "tests/support/qemuvm.h"
#include "tests/support/qtwait.h"

#include <bitmig/hbitmap.h>

#include <catch2/catch.hpp>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QSignalSpy>

#include <bit>

#include <signal.h>

using bitmig::RealBitmap;
using bitmig::RealDisk;
using bitmig::RealMigration;
using bitmig::RealMigrationError;
using bitmig::RealMigrationResult;
using bitmig::RealMigrationSpec;
using bitmig::RealWrite;

namespace {

constexpr uint64_t KiB = 1024;
constexpr uint64_t MiB = 1024 * KiB;
constexpr uint64_t GiB = 1024 * MiB;

// The digest QEMU must report for a bitmap of `granularity` on `diskBytes` after these writes,
// computed by the core (bitmapFromExtents + HBitmap::sha256), not by QEMU.
QString expectedSha(uint64_t diskBytes, uint64_t granularity, std::vector<RealWrite> writes)
{
    std::sort(writes.begin(), writes.end(), [](const RealWrite& a, const RealWrite& b) { return a.offset < b.offset; });
    bitmig::qemu::LiveBitmapCopy copy;
    copy.diskBytes = diskBytes;
    copy.granularity = granularity;
    for (const RealWrite& w : writes) {
        const uint64_t start = w.offset / granularity * granularity;
        const uint64_t end = std::min(diskBytes, (w.offset + w.length + granularity - 1) / granularity * granularity);
        if (!copy.extents.empty() && start <= copy.extents.back().start + copy.extents.back().count) {
            auto& last = copy.extents.back();
            last.count = std::max(last.start + last.count, end) - last.start;
        } else {
            copy.extents.push_back(bitmig::Range{start, end - start});
        }
    }
    return QString::fromStdString(copy.sha256());
}

const bitmig::RealBitmapResult* find(const RealMigrationResult& r, const QString& name)
{
    for (const auto& b : r.bitmaps) {
        if (b.name == name) {
            return &b;
        }
    }
    return nullptr;
}

// Runs `m` (prepared) to its end; the result, or FAILs with the failure.
RealMigrationResult runToEnd(RealMigration& m)
{
    QSignalSpy done(&m, &RealMigration::finished);
    QSignalSpy failed(&m, &RealMigration::failed);
    m.start();
    REQUIRE(bitmig::test::waitUntil([&] { return !done.isEmpty() || !failed.isEmpty(); }, "the migration's end", 60000));
    if (!failed.isEmpty()) {
        FAIL("the migration failed: " << failed.first().at(1).toString().toStdString());
    }
    REQUIRE(m.result().has_value());
    return *m.result();
}

} // namespace

TEST_CASE("real migration: precopy carries every bitmap with the source's SHA-256", "[realmig][qemu]")
{
    bitmig::test::requireProgram(QStringLiteral("qemu-system-x86_64"), "qemu-system-x86");
    RealMigrationSpec spec;
    spec.disks = {RealDisk{{}, GiB}, RealDisk{{}, 256 * MiB}};
    spec.bitmaps = {RealBitmap{0, QStringLiteral("b0"), 64 * KiB, false}, RealBitmap{0, QStringLiteral("p1"), 4 * KiB, true},
                    RealBitmap{1, QStringLiteral("c0"), 512 * KiB, false}};
    spec.writesBefore = {RealWrite{0, 0, MiB}, RealWrite{0, 300 * MiB + 4 * KiB, 70 * KiB}, RealWrite{0, GiB - 4 * KiB, 4 * KiB},
                         RealWrite{1, 10 * MiB, 512}};
    spec.bandwidth = 100e6;
    spec.downtimeLimitMs = 1000;  // room to spare: QEMU measures the bandwidth it compares with
    RealMigration m;
    m.prepare(spec);
    const QString folder = m.folder();
    CHECK(QFileInfo(folder).isDir());
    CHECK((QFileInfo(folder).permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup)) == 0);
    const RealMigrationResult r = runToEnd(m);

    CHECK(r.statuses.contains(QStringLiteral("active")));
    CHECK(r.statuses.contains(QStringLiteral("pre-switchover")));
    CHECK(r.statuses.last() == QStringLiteral("completed"));
    CHECK(!r.statuses.contains(QStringLiteral("postcopy-active")));
    CHECK(r.figures.status == QStringLiteral("completed"));
    CHECK(r.figures.totalTimeMs > 0);
    CHECK(r.figures.downtimeMs >= 0);
    CHECK(r.figures.transferredBytes > 0);
    REQUIRE(r.bitmaps.size() == 3);
    CHECK(r.allMatch());
    const std::vector<RealWrite> disk0(spec.writesBefore.begin(), spec.writesBefore.begin() + 3);
    const auto* b0 = find(r, QStringLiteral("b0"));
    const auto* p1 = find(r, QStringLiteral("p1"));
    const auto* c0 = find(r, QStringLiteral("c0"));
    REQUIRE((b0 && p1 && c0));
    CHECK(b0->destinationSha256 == expectedSha(GiB, 64 * KiB, disk0));
    CHECK(p1->destinationSha256 == expectedSha(GiB, 4 * KiB, disk0));
    CHECK(c0->destinationSha256 == expectedSha(256 * MiB, 512 * KiB, {spec.writesBefore[3]}));
    CHECK(b0->destinationSha256 != expectedSha(GiB, 64 * KiB, {}));  // not an empty bitmap
    CHECK(b0->count == MiB + 2 * 64 * KiB + 64 * KiB);
    CHECK(c0->node == QStringLiteral("drive1"));
    // Both QEMUs are gone and the folder with them.
    CHECK(!m.isRunning());
    CHECK(m.sourcePid() == 0);
    CHECK(!QFileInfo::exists(folder));
}

TEST_CASE("real migration: postcopy with writes to the source's disk while it runs", "[realmig][qemu]")
{
    RealMigrationSpec spec;
    spec.disks = {RealDisk{{}, 64 * GiB}};  // 4 KiB granularity: a 2 MiB bitmap, more than precopy's budget
    spec.bitmaps = {RealBitmap{0, QStringLiteral("b0"), 4 * KiB, false}};
    spec.writesBefore = {RealWrite{0, 0, 8 * MiB}};
    spec.postcopy = true;
    spec.postcopyAfterMs = -1;  // the test switches
    spec.bandwidth = 4e6;
    spec.downtimeLimitMs = 50;
    RealMigration m;
    m.prepare(spec);
    QSignalSpy done(&m, &RealMigration::finished);
    QSignalSpy failed(&m, &RealMigration::failed);
    m.start();
    REQUIRE(bitmig::test::waitUntil([&] { return m.progressNow().status == QStringLiteral("active"); }, "status active"));
    REQUIRE(m.canWrite());
    std::vector<RealWrite> all = spec.writesBefore;
    for (uint64_t i = 0; i < 8; ++i) {
        const RealWrite w{0, 20 * GiB + i * GiB, 64 * KiB};
        INFO(i);
        REQUIRE(m.write(w.disk, w.offset, w.length).isEmpty());
        all.push_back(w);
    }
    // A write out of the disk is refused with the reason, and changes nothing.
    CHECK(m.write(0, 64 * GiB - 512, 4096).contains(QStringLiteral("inside disk 0")));
    CHECK(m.startPostcopy().isEmpty());
    REQUIRE(bitmig::test::waitUntil([&] { return !done.isEmpty() || !failed.isEmpty(); }, "the migration's end", 60000));
    if (!failed.isEmpty()) {
        FAIL(failed.first().at(1).toString().toStdString());
    }
    const RealMigrationResult r = *m.result();
    CHECK(r.statuses.contains(QStringLiteral("pre-switchover")));
    CHECK(r.statuses.contains(QStringLiteral("postcopy-active")));
    CHECK(r.statuses.last() == QStringLiteral("completed"));
    CHECK(r.writes.size() == 9);
    CHECK(r.writes[1].atMs >= 0);  // during the run
    REQUIRE(r.bitmaps.size() == 1);
    CHECK(r.bitmaps[0].matches());
    CHECK(r.bitmaps[0].destinationSha256 == expectedSha(64 * GiB, 4 * KiB, all));
    CHECK(r.bitmaps[0].count == 8 * MiB + 8 * 64 * KiB);
    CHECK(!m.canWrite());
    CHECK(!m.write(0, 0, 4096).isEmpty());
}

TEST_CASE("real migration: a scratch copy migrates the image's bitmaps and leaves the original alone", "[realmig][qemu]")
{
    // A user's image with a persistent bitmap holding known bits.
    bitmig::test::QemuVm vm({256 * MiB});
    vm.addBitmap(QStringLiteral("drive0"), QStringLiteral("user"), 64 * KiB, true);
    vm.write(QStringLiteral("drive0"), 5 * MiB, 128 * KiB);
    vm.stop();
    const QString image = QDir(vm.dir()).filePath(QStringLiteral("disk0.qcow2"));
    QFile f(image);
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QByteArray before = QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
    f.close();
    const QDateTime modified = QFileInfo(image).lastModified();

    RealMigrationSpec spec;
    spec.disks = {RealDisk{image, 0}};
    spec.bitmaps = {RealBitmap{0, QStringLiteral("added"), 128 * KiB, false}};
    spec.writesBefore = {RealWrite{0, 0, 4096}};
    RealMigration m;
    m.prepare(spec);
    CHECK(m.spec().disks[0].sizeBytes == 256 * MiB);
    // The copy's own bitmap is known before the run, and QEMU's pending count has its bits too.
    REQUIRE(m.spec().imageBitmaps.size() == 1);
    CHECK(m.spec().imageBitmaps[0].disk == 0);
    CHECK(m.spec().imageBitmaps[0].name == QStringLiteral("user"));
    CHECK(m.spec().imageBitmaps[0].granularity == 64 * KiB);
    CHECK(bitmig::predictQemuCompletion(m.spec()).pendingBytes == 256 * MiB / (64 * KiB) + 256 * MiB / (128 * KiB));
    const RealMigrationResult r = runToEnd(m);
    REQUIRE(r.bitmaps.size() == 2);
    CHECK(r.allMatch());
    const auto* user = find(r, QStringLiteral("user"));
    REQUIRE(user);
    // The user's bits, plus the write before the migration (a bitmap records every write).
    CHECK(user->destinationSha256 == expectedSha(256 * MiB, 64 * KiB, {RealWrite{0, 5 * MiB, 128 * KiB}, RealWrite{0, 0, 4096}}));
    REQUIRE(f.open(QIODevice::ReadOnly));
    CHECK(QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256) == before);
    CHECK(QFileInfo(image).lastModified() == modified);
}

TEST_CASE("real migration: bad input is refused with the field and the reason", "[realmig]")
{
    RealMigration m;
    RealMigrationSpec spec;
    spec.disks = {RealDisk{{}, GiB}};
    spec.bitmaps = {RealBitmap{0, QStringLiteral("b0"), 3000, false}};
    try {
        m.prepare(spec);
        FAIL("a granularity of 3000 was taken");
    } catch (const RealMigrationError& e) {
        CHECK(e.kind() == RealMigrationError::Kind::BadSpec);
        CHECK(e.message().contains(QStringLiteral("granularity 3000")));
    }
    spec.bitmaps = {RealBitmap{0, QStringLiteral("b0"), 64 * KiB, false}};
    spec.disks = {RealDisk{{}, 1000}};
    CHECK_THROWS_WITH(m.prepare(spec), Catch::Contains("disk 0") && Catch::Contains("multiple of 512"));
    spec.disks = {RealDisk{{}, GiB}};
    spec.downtimeLimitMs = -1;
    CHECK_THROWS_WITH(m.prepare(spec), Catch::Contains("downtime limit"));
    spec.downtimeLimitMs = 300;
    spec.writesBefore = {RealWrite{0, GiB, 4096}};
    try {
        m.prepare(spec);
        FAIL("a write past the disk was taken");
    } catch (const RealMigrationError& e) {
        CHECK(e.kind() == RealMigrationError::Kind::BadSpec);
        CHECK(e.message().contains(QStringLiteral("inside disk 0")));
    }
    CHECK(m.folder().isEmpty());  // what was started for it is gone

    // A file that is not qcow2.
    QTemporaryDir dir;
    const QString raw = dir.filePath(QStringLiteral("disk.raw"));
    QFile file(raw);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(64 * 1024, '\0'));
    file.close();
    spec.writesBefore.clear();
    spec.disks = {RealDisk{raw, 0}};
    try {
        m.prepare(spec);
        FAIL("a raw file was taken as qcow2");
    } catch (const RealMigrationError& e) {
        CHECK(e.kind() == RealMigrationError::Kind::Image);
        CHECK(e.message().contains(raw));
        CHECK(e.message().contains(QStringLiteral("not a qcow2 image")));
    }
    spec.disks = {RealDisk{dir.filePath(QStringLiteral("missing.qcow2")), 0}};
    CHECK_THROWS_WITH(m.prepare(spec), Catch::Contains("missing.qcow2") && Catch::Contains("not a readable file"));
}

TEST_CASE("real migration: the source QEMU killed during the run is named", "[realmig][qemu]")
{
    RealMigrationSpec spec;
    spec.disks = {RealDisk{{}, 64 * GiB}};
    spec.bitmaps = {RealBitmap{0, QStringLiteral("b0"), 4 * KiB, false}};
    spec.postcopy = true;
    spec.postcopyAfterMs = -1;
    spec.bandwidth = 1e6;
    spec.downtimeLimitMs = 10;
    RealMigration m;
    m.prepare(spec);
    const QString folder = m.folder();
    QSignalSpy failed(&m, &RealMigration::failed);
    m.start();
    REQUIRE(bitmig::test::waitUntil([&] { return m.progressNow().status == QStringLiteral("active"); }, "status active"));
    REQUIRE(::kill(pid_t(m.sourcePid()), SIGKILL) == 0);
    REQUIRE(failed.wait(20000));
    CHECK(failed.first().at(0).toInt() == int(RealMigrationError::Kind::QemuDied));
    CHECK(failed.first().at(1).toString().contains(QStringLiteral("source QEMU")));
    CHECK(!m.result().has_value());
    CHECK(m.destinationPid() == 0);  // the other one was stopped
    CHECK(!QFileInfo::exists(folder));
}

TEST_CASE("real migration: precopy of bitmaps larger than the downtime allows is cancelled at the timeout", "[realmig][qemu]")
{
    RealMigrationSpec spec;
    spec.disks = {RealDisk{{}, 64 * GiB}};
    spec.bitmaps = {RealBitmap{0, QStringLiteral("b0"), 4 * KiB, false}};
    spec.bandwidth = 1e6;
    spec.downtimeLimitMs = 10;
    spec.timeoutMs = 3000;
    RealMigration m;
    m.prepare(spec);
    QSignalSpy failed(&m, &RealMigration::failed);
    m.start();
    REQUIRE(failed.wait(30000));
    CHECK(failed.first().at(0).toInt() == int(RealMigrationError::Kind::Timeout));
    CHECK(failed.first().at(1).toString().contains(QStringLiteral("did not complete within 3 s")));
}

TEST_CASE("real migration: the simulator's prediction for the same bitmap and link", "[realmig]")
{
    RealMigrationSpec spec;
    spec.disks = {RealDisk{{}, GiB}};
    spec.bitmaps = {RealBitmap{0, QStringLiteral("b0"), 64 * KiB, false}};
    spec.bandwidth = 1e6;
    spec.downtimeLimitMs = 300;
    const std::vector<RealWrite> writes{RealWrite{0, 0, MiB, -1}, RealWrite{0, 512 * MiB, 64 * KiB, 50}};
    auto pre = bitmig::predictRealMigration(spec, writes);
    CHECK(pre.note.isEmpty());
    CHECK(pre.ran);
    CHECK(pre.config.strategy == bitmig::Strategy::StopAndCopy);
    CHECK(pre.config.diskBytes == GiB);
    CHECK(pre.config.granularity == 64 * KiB);
    CHECK(pre.config.bandwidth == 1e6);
    CHECK(pre.config.maxDowntimeNs == 300'000'000);
    CHECK(pre.config.injections.size() == 2);
    CHECK(pre.summary.finished);
    CHECK(pre.summary.verified);
    // Stop and copy: the guest is paused for the whole transfer.
    CHECK(pre.summary.downtimeNs > 0);
    CHECK(pre.summary.wireBytes > 0);
    CHECK(pre.config.injections[0].timeNs < pre.config.migrationStartNs);          // before the start
    CHECK(pre.config.injections[1].timeNs == pre.config.migrationStartNs + 50'000'000);  // 50 ms into it
    CHECK(pre.summary.writesApplied >= 1);

    spec.postcopy = true;
    spec.bitmaps.push_back(RealBitmap{0, QStringLiteral("b1"), 4 * KiB, false});
    auto post = bitmig::predictRealMigration(spec, writes);
    CHECK(post.config.strategy == bitmig::Strategy::Postcopy);
    CHECK(post.summary.finished);
    CHECK(post.note.isEmpty());  // both bitmaps are modelled
    CHECK(post.summary.bitmaps.size() == 2);
    CHECK(post.summary.downtimeNs < pre.summary.downtimeNs);

    // A bitmap the machine cannot hold twice: no run, and the note says why.
    spec.disks[0].sizeBytes = uint64_t(64) << 50;
    spec.bitmaps.pop_back();
    auto huge = bitmig::predictRealMigration(spec, {});
    CHECK(!huge.ran);
    CHECK(huge.note.contains(QStringLiteral("the run needs")));
    // A bitmap of more bits than the lab takes (2^44 here): no run, and the note names the field.
    spec.bitmaps.push_back(RealBitmap{0, QStringLiteral("b1"), 4 * KiB, false});
    auto tooMany = bitmig::predictRealMigration(spec, {});
    INFO(tooMany.note.toStdString());
    CHECK(!tooMany.ran);
    CHECK(tooMany.note.startsWith(QStringLiteral("The simulator cannot model this run: ")));
    CHECK(tooMany.note.contains(QStringLiteral("granularity")));
}

TEST_CASE("real migration: the prediction models every disk and bitmap, each write on its own disk", "[realmig]")
{
    RealMigrationSpec spec;
    spec.disks = {RealDisk{{}, GiB}, RealDisk{{}, 256 * MiB}};
    spec.bitmaps = {RealBitmap{0, QStringLiteral("b0"), 64 * KiB, false}, RealBitmap{1, QStringLiteral("c0"), 512 * KiB, false},
                    RealBitmap{0, QStringLiteral("p1"), 4 * KiB, true}};
    spec.bandwidth = 100e6;
    spec.downtimeLimitMs = 1000;
    // Disk 1's writes lie within disk 0's first 256 MiB too: one placed on the wrong disk shows.
    const std::vector<RealWrite> writes{RealWrite{0, 0, MiB, -1}, RealWrite{0, 300 * MiB + 4 * KiB, 70 * KiB, -1},
                                        RealWrite{1, 10 * MiB, 512, -1}, RealWrite{1, 200 * MiB, 3 * MiB, -1}};
    const auto p = bitmig::predictRealMigration(spec, writes);
    REQUIRE(p.ran);
    CHECK(p.note.isEmpty());

    // The layout: the real run's nodes and sizes; its bitmaps, a node's newest first as QEMU sends them.
    REQUIRE(p.config.disks.size() == 2);
    CHECK(p.config.disks[0].node == "drive0");
    CHECK(p.config.disks[0].bytes == GiB);
    CHECK(p.config.disks[1].node == "drive1");
    CHECK(p.config.disks[1].bytes == 256 * MiB);
    REQUIRE(p.config.bitmaps.size() == 3);
    CHECK(p.config.bitmaps[0] == bitmig::BitmapSpec{0, "p1", 4 * KiB, true, true});
    CHECK(p.config.bitmaps[1] == bitmig::BitmapSpec{0, "b0", 64 * KiB, true, false});
    CHECK(p.config.bitmaps[2] == bitmig::BitmapSpec{1, "c0", 512 * KiB, true, false});
    CHECK(p.config.guestBytes() == GiB + 256 * MiB);

    // The writes end to end: disk 1's start after disk 0's last byte.
    REQUIRE(p.config.injections.size() == 4);
    CHECK(p.config.injections[0].offset == 0);
    CHECK(p.config.injections[1].offset == 300 * MiB + 4 * KiB);
    CHECK(p.config.injections[2].offset == GiB + 10 * MiB);
    CHECK(p.config.injections[2].length == 512);
    CHECK(p.config.injections[3].offset == GiB + 200 * MiB);

    // Each bitmap holds the bits its own disk's writes imply, and has its own figures.
    CHECK(p.summary.finished);
    CHECK(p.summary.verified);
    REQUIRE(p.summary.bitmaps.size() == 3);
    uint64_t wire = 0;
    for (const bitmig::BitmapSummary& b : p.summary.bitmaps) {
        INFO(b.name);
        const RealBitmap* spec_b = nullptr;
        for (const RealBitmap& r : spec.bitmaps) {
            if (r.name.toStdString() == b.name) {
                spec_b = &r;
            }
        }
        REQUIRE(spec_b);
        const uint64_t diskBytes = spec.disks[size_t(spec_b->disk)].sizeBytes;
        bitmig::HBitmap implied(diskBytes, unsigned(std::countr_zero(spec_b->granularity)));
        for (const RealWrite& w : writes) {
            if (w.disk == spec_b->disk) {
                implied.set(w.offset, w.length);
            }
        }
        CHECK(b.device == (spec_b->disk == 0 ? "drive0" : "drive1"));
        CHECK(b.granularity == spec_b->granularity);
        CHECK(b.persistent == spec_b->persistent);
        CHECK(b.enabled);
        CHECK(b.bits == (diskBytes + spec_b->granularity - 1) / spec_b->granularity);
        CHECK(b.dirtyBits == implied.count() >> implied.granularityLog2());
        CHECK(b.dirtyBits > 0);
        CHECK(b.chunks > 0);
        CHECK(b.chunksSent > 0);
        CHECK(b.wireBytes > 0);
        CHECK(b.verified);
        wire += b.wireBytes;
    }
    CHECK(wire <= p.summary.wireBytes);
}

namespace {

// QEMU's threshold while a precopy runs, from the bandwidth it reports (ram.mbps).
uint64_t thresholdNow(const RealMigration& m)
{
    return bitmig::qemuThresholdBytes(m.progressNow().mbps, m.spec().downtimeLimitMs);
}

} // namespace

TEST_CASE("real migration: QEMU's completion of a precopy, predicted from the pending bits and the downtime limit", "[realmig]")
{
    using V = bitmig::QemuCompletion::Verdict;
    RealMigrationSpec spec;
    spec.disks = {RealDisk{{}, GiB}, RealDisk{{}, 64 * MiB}};
    spec.bitmaps = {RealBitmap{0, QStringLiteral("b0"), 64 * KiB, false}, RealBitmap{1, QStringLiteral("c0"), 512, false},
                    RealBitmap{0, QStringLiteral("p1"), 4 * KiB, false}};
    spec.bandwidth = 1e6;
    spec.downtimeLimitMs = 300;
    // QEMU counts one pending byte per bit of every bitmap: 16384 + 131072 + 262144.
    const uint64_t bits = GiB / (64 * KiB) + 64 * MiB / 512 + GiB / (4 * KiB);
    bitmig::QemuCompletion c = bitmig::predictQemuCompletion(spec);
    CHECK(c.pendingBytes == bits);
    CHECK(c.limitBytes == 300'000);  // 1 MB/s for 300 ms
    CHECK(c.verdict == V::NeverCompletes);
    INFO(c.text.toStdString());
    CHECK(c.text.startsWith(QStringLiteral("QEMU will not complete this precopy: ")));
    CHECK(c.text.contains(QStringLiteral("%1 bits").arg(QLocale().toString(qulonglong(bits)))));
    CHECK(bitmig::predictRealMigration(spec, {}).completion.verdict == V::NeverCompletes);

    spec.downtimeLimitMs = 410;  // 410,000 bytes let through at most, 409,600 pending
    c = bitmig::predictQemuCompletion(spec);
    CHECK(c.verdict == V::Completes);
    CHECK(c.neededBandwidth == Approx(double(bits) / 0.410));
    CHECK(c.text.startsWith(QStringLiteral("QEMU completes this precopy once the bandwidth it measures exceeds ")));

    spec.postcopy = true;  // the switch does not wait
    CHECK(bitmig::predictQemuCompletion(spec).verdict == V::Postcopy);
    CHECK(bitmig::qemuCompletionNow(spec, 8.0).isEmpty());

    // QEMU's own threshold from its mbps: 8 Mbit/s is 1000 bytes per ms, times the limit.
    CHECK(bitmig::qemuThresholdBytes(8.0, 300) == 300'000);
    CHECK(bitmig::qemuThresholdBytes(0.0, 300) == 0);
    spec.postcopy = false;
    spec.downtimeLimitMs = 300;
    CHECK(bitmig::qemuCompletionNow(spec, 0.0).isEmpty());  // no window measured yet
    CHECK(bitmig::qemuCompletionNow(spec, 8.0).contains(QStringLiteral("it does not complete at this bandwidth")));
    CHECK(bitmig::qemuCompletionNow(spec, 80.0).contains(QStringLiteral("it completes")));
}

TEST_CASE("real migration: a scratch copy's own persistent bitmaps count toward QEMU's pending bytes", "[realmig]")
{
    using V = bitmig::QemuCompletion::Verdict;
    RealMigrationSpec spec;
    spec.disks = {RealDisk{QStringLiteral("/images/vm.qcow2"), 64 * MiB}};
    spec.bitmaps = {RealBitmap{0, QStringLiteral("added"), 64 * KiB, false}};
    spec.bandwidth = 1e6;
    spec.downtimeLimitMs = 100;  // at most 100,000 let through
    // The bitmap the run adds alone: 1,024 bits pending, it completes.
    CHECK(bitmig::predictQemuCompletion(spec).pendingBytes == 1024);
    CHECK(bitmig::predictQemuCompletion(spec).verdict == V::Completes);
    // The image's own bitmap at 512 B migrates too: 131,072 more, and it never completes.
    spec.imageBitmaps = {RealBitmap{0, QStringLiteral("user"), 512, true}};
    const bitmig::QemuCompletion c = bitmig::predictQemuCompletion(spec);
    CHECK(c.pendingBytes == 1024 + 131072);
    CHECK(c.verdict == V::NeverCompletes);
    CHECK(bitmig::qemuCompletionNow(spec, 8.0).contains(QStringLiteral("it does not complete at this bandwidth")));
    CHECK(bitmig::predictRealMigration(spec, {}).completion.pendingBytes == c.pendingBytes);
}

TEST_CASE("real migration: the completion prediction against QEMU, a precopy that completes", "[realmig][qemu]")
{
    // 16,384 bits pending (1 GiB at 64 KiB); at 1 MB/s QEMU's window lets up to 300,000 through.
    RealMigrationSpec spec;
    spec.disks = {RealDisk{{}, GiB}};
    spec.bitmaps = {RealBitmap{0, QStringLiteral("b0"), 64 * KiB, false}};
    spec.bandwidth = 1e6;
    spec.downtimeLimitMs = 300;
    spec.writesBefore = {RealWrite{0, 0, MiB, -1}};
    const bitmig::QemuCompletion c = bitmig::predictQemuCompletion(spec);
    REQUIRE(c.verdict == bitmig::QemuCompletion::Verdict::Completes);
    RealMigration m;
    m.prepare(spec);
    const RealMigrationResult r = runToEnd(m);
    CHECK(r.statuses.contains(QStringLiteral("completed")));
    REQUIRE(r.bitmaps.size() == 1);
    CHECK(r.bitmaps[0].matches());
    // QEMU's own last measurement let the pending count through.
    CHECK(r.figures.mbps > 0);
    CHECK(bitmig::qemuThresholdBytes(r.figures.mbps, spec.downtimeLimitMs) > c.pendingBytes);
}

TEST_CASE("real migration: the completion prediction against QEMU, a precopy that never completes", "[realmig][qemu]")
{
    // A small disk at the finest granularity: 131,072 bits pending (64 MiB at 512 B); at 1 MB/s a
    // 100 ms downtime limit lets at most 100,000 through.
    RealMigrationSpec spec;
    spec.disks = {RealDisk{{}, 64 * MiB}};
    spec.bitmaps = {RealBitmap{0, QStringLiteral("b0"), 512, false}};
    spec.bandwidth = 1e6;
    spec.downtimeLimitMs = 100;
    spec.timeoutMs = 120000;  // the test cancels it itself
    const bitmig::QemuCompletion c = bitmig::predictQemuCompletion(spec);
    REQUIRE(c.verdict == bitmig::QemuCompletion::Verdict::NeverCompletes);
    CHECK(c.pendingBytes == 131072);
    CHECK(c.limitBytes == 100000);
    RealMigration m;
    m.prepare(spec);
    const QString folder = m.folder();
    const qint64 srcPid = m.sourcePid();
    const qint64 dstPid = m.destinationPid();
    QSignalSpy done(&m, &RealMigration::finished);
    QSignalSpy failed(&m, &RealMigration::failed);
    m.start();
    // QEMU measures its first window (after 100 ms) at the bandwidth it is held to, and the bitmaps
    // do not fit; a second later it is still active, no measurement having let them through.
    REQUIRE(bitmig::test::waitUntil([&] { return m.progressNow().mbps > 0 || !done.isEmpty() || !failed.isEmpty(); },
                                    "QEMU's first measured window"));
    REQUIRE(done.isEmpty());
    REQUIRE(failed.isEmpty());
    INFO("QEMU measures " << m.progressNow().mbps << " Mbit/s");
    CHECK(thresholdNow(m) < c.pendingBytes);
    CHECK(thresholdNow(m) <= c.limitBytes + 1000);  // one iteration's bytes over the rate limit at most
    CHECK(bitmig::qemuCompletionNow(m.spec(), m.progressNow().mbps).contains(QStringLiteral("does not complete")));
    CHECK(!done.wait(1500));
    REQUIRE(failed.isEmpty());
    CHECK(m.progressNow().status == QStringLiteral("active"));
    CHECK(thresholdNow(m) < c.pendingBytes);
    // Cancelled cleanly: QEMU reports "cancelled", both QEMUs end and the folder goes.
    m.cancel();
    REQUIRE(bitmig::test::waitUntil([&] { return !failed.isEmpty(); }, "the cancelled migration reported"));
    CHECK(failed.first().at(0).toInt() == int(RealMigrationError::Kind::MigrationFailed));
    CHECK(failed.first().at(1).toString().contains(QStringLiteral("cancelled")));
    CHECK(!m.isRunning());
    CHECK(!QFileInfo::exists(folder));
    CHECK(!QFileInfo::exists(QStringLiteral("/proc/%1").arg(srcPid)));
    CHECK(!QFileInfo::exists(QStringLiteral("/proc/%1").arg(dstPid)));
}
