// `bitmig attach` against a real QEMU 7.2 (tests/support/qemuvm.h): the list, the extents as
// nbdinfo --map prints them, a watch recording a trace the simulator replays, and the errors:
// not a socket, not QMP, an unknown node or bitmap, QEMU killed during a watch. After each run
// QEMU holds exactly what it held before.
#include "clirun.h"
#include "tests/support/qemuvm.h"
#include "tests/support/qtwait.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>

namespace {

constexpr uint64_t KiB = 1024;
constexpr uint64_t MiB = 1024 * KiB;
constexpr uint64_t GiB = 1024 * MiB;

QString arg(const char* s)
{
    return QString::fromLatin1(s);
}

// A `bitmig attach --watch` running beside the test, its temporary folder its own.
struct Watch {
    QTemporaryDir tmp;
    QProcess process;
    QString out;

    explicit Watch(const QStringList& arguments)
    {
        REQUIRE(tmp.isValid());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TMPDIR"), tmp.path());
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(BITMIG_EXECUTABLE), arguments);
        REQUIRE(process.waitForStarted(10000));
    }
    ~Watch()
    {
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(10000);
        }
    }
    // Waits until a line of standard output contains `text`.
    bitmig::test::Waited waitForLine(const QString& text)
    {
        return bitmig::test::waitUntil([&] {
            out += QString::fromUtf8(process.readAllStandardOutput());
            return out.contains(text) || process.state() == QProcess::NotRunning;
        }, "bitmig to print '" + text.toStdString() + "'");
    }
    int finish()
    {
        REQUIRE(process.waitForFinished(30000));
        out += QString::fromUtf8(process.readAllStandardOutput());
        return process.exitCode();
    }
    // What bitmig left in its temporary folder: nothing, once it ended.
    QStringList leftovers() const { return QDir(tmp.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden); }
};

} // namespace

TEST_CASE("attach --list: QEMU's nodes and bitmaps, as text and JSON", "[attach][qemu]")
{
    bitmig::test::QemuVm vm;
    vm.addBitmap(arg("drive0"), arg("b0"), 64 * KiB);
    vm.addBitmap(arg("drive0"), arg("p"), 4 * KiB, true);
    vm.write(arg("drive0"), 0, 3 * 64 * KiB);

    const CliRun j = CliRun::run({arg("attach"), vm.qmpSocket(), arg("--list"), arg("--json")});
    INFO(j.err.toStdString());
    REQUIRE(j.exitCode == 0);
    const QJsonObject doc = j.json();
    CHECK(doc.value(arg("qemu")).toString().startsWith(arg("7.")));
    QJsonObject drive;
    for (const QJsonValue& n : doc.value(arg("nodes")).toArray()) {
        if (n.toObject().value(arg("node")).toString() == arg("drive0")) {
            drive = n.toObject();
        }
    }
    CHECK(drive.value(arg("driver")).toString() == arg("qcow2"));
    CHECK(drive.value(arg("diskBytes")).toInteger() == qint64(GiB));
    const QJsonArray bitmaps = drive.value(arg("bitmaps")).toArray();
    REQUIRE(bitmaps.size() == 2);
    for (const QJsonValue& v : bitmaps) {
        const QJsonObject b = v.toObject();
        const bool p = b.value(arg("name")).toString() == arg("p");
        CHECK(b.value(arg("granularity")).toInteger() == qint64(p ? 4 * KiB : 64 * KiB));
        CHECK(b.value(arg("dirtyBytes")).toInteger() == qint64(3 * 64 * KiB));
        CHECK(b.value(arg("persistent")).toBool() == p);
        CHECK(b.value(arg("recording")).toBool());
        CHECK(!b.value(arg("busy")).toBool());
    }

    const CliRun t = CliRun::run({arg("attach"), vm.qmpSocket()});
    REQUIRE(t.exitCode == 0);
    CHECK(t.out.contains(arg("QEMU 7.")));
    bool row = false;
    for (const QString& line : t.lines()) {
        const QStringList cells = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (cells.value(0) == arg("drive0") && cells.contains(arg("p"))) {
            row = true;
            CHECK(cells.contains(arg("196608")));  // dirty bytes, exact
        }
    }
    CHECK(row);
}

TEST_CASE("attach --extents prints what nbdinfo --map prints for the same bits, and QEMU's SHA-256 in JSON", "[attach][qemu]")
{
    const QString nbdinfo = bitmig::test::requireProgram(arg("nbdinfo"), "libnbd-bin");
    bitmig::test::QemuVm vm;
    vm.addBitmap(arg("drive0"), arg("b0"), 64 * KiB);
    vm.write(arg("drive0"), 0, 1 * MiB);
    vm.write(arg("drive0"), 100 * MiB + 1, 200 * KiB);
    vm.write(arg("drive0"), GiB - 1, 1);
    const QByteArray before = vm.state();

    // nbdinfo reads a copy the test exports itself.
    vm.run(arg("transaction"),
           QJsonObject{{arg("actions"),
                        QJsonArray{QJsonObject{{arg("type"), arg("block-dirty-bitmap-add")},
                                               {arg("data"), QJsonObject{{arg("node"), arg("drive0")}, {arg("name"), arg("copy")},
                                                                         {arg("granularity"), qint64(64 * KiB)}, {arg("disabled"), true}}}},
                                   QJsonObject{{arg("type"), arg("block-dirty-bitmap-merge")},
                                               {arg("data"), QJsonObject{{arg("node"), arg("drive0")}, {arg("target"), arg("copy")},
                                                                         {arg("bitmaps"), QJsonArray{arg("b0")}}}}}}}});
    const QString nbdSocket = vm.dir() + arg("/t-nbd.sock");
    vm.run(arg("nbd-server-start"),
           QJsonObject{{arg("addr"), QJsonObject{{arg("type"), arg("unix")}, {arg("data"), QJsonObject{{arg("path"), nbdSocket}}}}}});
    vm.run(arg("block-export-add"), QJsonObject{{arg("type"), arg("nbd")}, {arg("id"), arg("t")}, {arg("node-name"), arg("drive0")},
                                                {arg("name"), arg("t")}, {arg("bitmaps"), QJsonArray{arg("copy")}}});
    QProcess info;
    info.start(nbdinfo, {arg("--map=qemu:dirty-bitmap:copy"), arg("nbd+unix:///t?socket=") + nbdSocket});
    REQUIRE(info.waitForFinished(30000));
    const QString expected = QString::fromUtf8(info.readAllStandardOutput());
    INFO(info.readAllStandardError().toStdString());
    REQUIRE(info.exitCode() == 0);
    REQUIRE(expected.count(arg("dirty")) == 3);
    vm.run(arg("block-export-del"), QJsonObject{{arg("id"), arg("t")}});
    REQUIRE(vm.qmp().waitForEvent(arg("BLOCK_EXPORT_DELETED"), [](const QJsonObject&) { return true; }, 10000, nullptr));
    vm.run(arg("nbd-server-stop"));
    vm.run(arg("block-dirty-bitmap-remove"), QJsonObject{{arg("node"), arg("drive0")}, {arg("name"), arg("copy")}});
    REQUIRE(vm.state() == before);

    const QStringList args{arg("attach"), vm.qmpSocket(), arg("--node"), arg("drive0"), arg("--bitmap"), arg("b0"), arg("--extents")};
    const CliRun r = CliRun::run(args);
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    CHECK(r.out == expected);
    CHECK(vm.state() == before);

    const CliRun j = CliRun::run(args + QStringList{arg("--json")});
    REQUIRE(j.exitCode == 0);
    const QJsonObject doc = j.json();
    CHECK(doc.value(arg("sha256")).toString() == vm.sha256(arg("drive0"), arg("b0")));
    CHECK(doc.value(arg("dirtyBytes")).toInteger() == qint64(1 * MiB + 4 * 64 * KiB + 64 * KiB));
    CHECK(doc.value(arg("extents")).toArray().size() == 5);  // dirty, clean, dirty, clean, dirty (the last granule)
    CHECK(doc.value(arg("nbdServer")).toString() == arg("started"));
    CHECK(vm.state() == before);
}

TEST_CASE("attach --watch --record: the changes between refreshes as a trace simulate replays; SIGTERM cleans up", "[attach][qemu]")
{
    bitmig::test::QemuVm vm;
    vm.addBitmap(arg("drive0"), arg("b0"), 64 * KiB);
    vm.write(arg("drive0"), 0, 1 * MiB);
    const QByteArray before = vm.state();
    QTemporaryDir dir;
    const QString trace = dir.filePath(arg("live.csv"));
    Watch w({arg("attach"), vm.qmpSocket(), arg("--node"), arg("drive0"), arg("--bitmap"), arg("b0"), arg("--watch"), arg("0.1"),
             arg("--record"), trace});
    REQUIRE(w.waitForLine(arg("+1 MiB")));
    vm.write(arg("drive0"), 8 * MiB, 64 * KiB);
    REQUIRE(w.waitForLine(arg("+64 KiB")));
    vm.run(arg("block-dirty-bitmap-clear"), QJsonObject{{arg("node"), arg("drive0")}, {arg("name"), arg("b0")}});
    REQUIRE(w.waitForLine(arg("-1.06 MiB")));
    w.process.terminate();  // SIGTERM to its own pid
    CHECK(w.finish() == 0);
    CHECK(w.leftovers().isEmpty());
    const QByteArray after = vm.state();
    // The same, but for the dirty count the clear changed.
    CHECK(QString::fromUtf8(after).replace(arg("\"count\":0"), arg("\"count\":1048576")) == QString::fromUtf8(before));

    QFile f(trace);
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    REQUIRE(lines.size() == 5);
    CHECK(lines[0] == arg("time,offset,length,operation"));
    CHECK(lines[1] == arg("0.000000000,0,1048576,write"));
    CHECK(lines[2].endsWith(arg(",8388608,65536,write")));
    CHECK(lines[3].endsWith(arg(",0,1048576,trim")));
    CHECK(lines[4].endsWith(arg(",8388608,65536,trim")));
    CHECK(lines[3].section(QLatin1Char(','), 0, 0) == lines[4].section(QLatin1Char(','), 0, 0));
    CHECK(lines[2].section(QLatin1Char(','), 0, 0).toDouble() > 0);

    // The simulator reads it as a csv trace: two writes, two clears.
    const CliRun sim = CliRun::run({arg("simulate"), arg("--disk"), arg("1G"), arg("--granularity"), arg("64K"), arg("--trace"), trace,
                                    arg("--json")});
    INFO(sim.err.toStdString());
    REQUIRE(sim.exitCode == 0);
    const QJsonObject t = sim.json().value(arg("config")).toObject().value(arg("workload")).toObject().value(arg("trace")).toObject();
    CHECK(t.value(arg("format")).toString() == arg("csv"));
    CHECK(t.value(arg("writes")).toInt() == 2);
    CHECK(t.value(arg("clears")).toInt() == 2);
}

TEST_CASE("attach --watch --refreshes --json: one object with every refresh and its timings", "[attach][qemu]")
{
    bitmig::test::QemuVm vm;
    vm.addBitmap(arg("drive0"), arg("b0"), 4 * KiB);
    vm.write(arg("drive0"), 4 * MiB, 12 * KiB);
    const QByteArray before = vm.state();
    const CliRun r = CliRun::run({arg("attach"), vm.qmpSocket(), arg("--node"), arg("drive0"), arg("--bitmap"), arg("b0"),
                                  arg("--watch"), arg("0.05"), arg("--refreshes"), arg("3"), arg("--json")});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    const QJsonArray refreshes = r.json().value(arg("refreshes")).toArray();
    REQUIRE(refreshes.size() == 3);
    CHECK(refreshes[0].toObject().value(arg("dirtiedBytes")).toInteger() == qint64(12 * KiB));
    for (const QJsonValue& v : refreshes) {
        const QJsonObject o = v.toObject();
        CHECK(o.value(arg("dirtyBytes")).toInteger() == qint64(12 * KiB));
        CHECK(o.value(arg("extents")).toInt() == 1);
        CHECK(o.value(arg("refreshNs")).toInteger() >= o.value(arg("nbdNs")).toInteger());
        CHECK(o.value(arg("nbdRequests")).toInt() == 1);
    }
    CHECK(refreshes[1].toObject().value(arg("dirtiedBytes")).toInteger() == 0);
    CHECK(refreshes[2].toObject().value(arg("timeNs")).toInteger() >= 100000000);  // two intervals of 50 ms
    CHECK(vm.state() == before);
}

TEST_CASE("attach: a path that is no socket, a socket that is not QMP, an unknown node or bitmap", "[attach][qemu]")
{
    bitmig::test::QemuVm vm;
    vm.addBitmap(arg("drive0"), arg("b0"), 64 * KiB);
    const QString image = vm.dir() + arg("/disk0.qcow2");
    {
        const CliRun r = CliRun::run({arg("attach"), image});
        CHECK(r.exitCode == 2);
        CHECK(r.err.trimmed() == arg("bitmig: SOCKET: %1: a regular file, not a socket").arg(image));
    }
    {
        const CliRun r = CliRun::run({arg("attach"), vm.dir() + arg("/absent.sock")});
        CHECK(r.exitCode == 2);
        CHECK(r.err.contains(arg("absent.sock: No such file or directory")));
    }
    // QEMU's own NBD socket speaks another protocol.
    const QString nbd = vm.dir() + arg("/nbd.sock");
    vm.run(arg("nbd-server-start"),
           QJsonObject{{arg("addr"), QJsonObject{{arg("type"), arg("unix")}, {arg("data"), QJsonObject{{arg("path"), nbd}}}}}});
    {
        const CliRun r = CliRun::run({arg("attach"), nbd});
        CHECK(r.exitCode == 2);
        CHECK(r.err.contains(arg("not a QMP server")));
        CHECK(r.err.contains(arg("NBDMAGIC")));
    }
    vm.run(arg("nbd-server-stop"));
    const QByteArray before = vm.state();
    {
        const CliRun r = CliRun::run({arg("attach"), vm.qmpSocket(), arg("--node"), arg("nosuch"), arg("--bitmap"), arg("b0"), arg("--extents")});
        CHECK(r.exitCode == 2);
        CHECK(r.err.trimmed() == arg("bitmig: --node: 'nosuch': QEMU has no such block node (it has drive0, file0)"));
    }
    {
        const CliRun r = CliRun::run({arg("attach"), vm.qmpSocket(), arg("--node"), arg("drive0"), arg("--bitmap"), arg("b9"), arg("--watch"), arg("1")});
        CHECK(r.exitCode == 2);
        CHECK(r.err.trimmed() == arg("bitmig: --bitmap: 'b9' is not a bitmap of node 'drive0' (it has b0)"));
    }
    {
        const CliRun r = CliRun::run({arg("attach"), vm.qmpSocket(), arg("--node"), arg("drive0"), arg("--extents")});
        CHECK(r.exitCode == 2);
        CHECK(r.err.trimmed() == arg("bitmig: --bitmap: needed by --extents"));
    }
    {
        const CliRun r = CliRun::run({arg("attach"), vm.qmpSocket(), arg("--node"), arg("drive0"), arg("--bitmap"), arg("b0"), arg("--watch"), arg("0")});
        CHECK(r.exitCode == 2);
        CHECK(r.err.contains(arg("--watch: '0' is out of range")));
    }
    {
        const CliRun r = CliRun::run({arg("attach"), vm.qmpSocket(), arg("--record"), arg("x.csv")});
        CHECK(r.exitCode == 2);
        CHECK(r.err.trimmed() == arg("bitmig: --record: needs --watch"));
    }
    CHECK(vm.state() == before);
}

TEST_CASE("attach --watch: QEMU killed during the watch: exit 1 naming it, the trace so far kept, nothing left", "[attach][qemu]")
{
    bitmig::test::QemuVm vm({4 * GiB});
    vm.addBitmap(arg("drive0"), arg("b0"), 512);
    vm.write(arg("drive0"), 0, 32 * MiB);
    QTemporaryDir dir;
    const QString trace = dir.filePath(arg("t.csv"));
    Watch w({arg("attach"), vm.qmpSocket(), arg("--node"), arg("drive0"), arg("--bitmap"), arg("b0"), arg("--watch"), arg("0.01"),
             arg("--record"), trace});
    REQUIRE(w.waitForLine(arg("+32 MiB")));
    vm.kill();
    CHECK(w.finish() == 1);
    const QString err = QString::fromUtf8(w.process.readAllStandardError());
    INFO(err.toStdString());
    CHECK(err.startsWith(arg("bitmig: ") + vm.qmpSocket() + arg(": ")));
    CHECK((err.contains(arg("QEMU exited")) || err.contains(arg("connection to QEMU ended")) ||
           err.contains(arg("QEMU closed the connection"))));
    CHECK(err.contains(trace + arg(" holds them")));
    CHECK(w.leftovers().isEmpty());
    QFile f(trace);
    REQUIRE(f.open(QIODevice::ReadOnly));
    CHECK(f.readAll().startsWith("time,offset,length,operation\n0.000000000,0,33554432,write\n"));
}

TEST_CASE("attach on a VM that runs its own NBD server: refused without --nbd-socket, read through it with", "[attach][qemu]")
{
    bitmig::test::QemuVm vm;
    vm.addBitmap(arg("drive0"), arg("b0"), 64 * KiB);
    vm.write(arg("drive0"), 5 * MiB, 64 * KiB);
    const QString own = vm.dir() + arg("/vm-nbd.sock");
    vm.run(arg("nbd-server-start"),
           QJsonObject{{arg("addr"), QJsonObject{{arg("type"), arg("unix")}, {arg("data"), QJsonObject{{arg("path"), own}}}}}});
    const QByteArray before = vm.state();
    const QStringList args{arg("attach"), vm.qmpSocket(), arg("--node"), arg("drive0"), arg("--bitmap"), arg("b0"), arg("--extents"), arg("--json")};
    {
        const CliRun r = CliRun::run(args);
        CHECK(r.exitCode == 1);
        CHECK(r.err.contains(arg("QEMU already runs an NBD server")));
        CHECK(vm.state() == before);
    }
    {
        const CliRun r = CliRun::run(args + QStringList{arg("--nbd-socket"), own});
        INFO(r.err.toStdString());
        REQUIRE(r.exitCode == 0);
        const QJsonObject doc = r.json();
        CHECK(doc.value(arg("nbdServer")).toString() == arg("the VM's"));
        CHECK(doc.value(arg("dirtyBytes")).toInteger() == qint64(64 * KiB));
        CHECK(vm.state() == before);
    }
    {
        const CliRun r = CliRun::run({arg("attach"), vm.qmpSocket(), arg("--node"), arg("drive0"), arg("--bitmap"), arg("b0"),
                                      arg("--watch"), arg("0.05"), arg("--refreshes"), arg("1"), arg("--nbd-socket"), own});
        REQUIRE(r.exitCode == 0);
        CHECK(r.out.contains(arg("Reading through the VM's NBD server at ") + own));
    }
    // The VM's server is still there: it was not bitmig's to stop.
    const auto again = vm.qmp().execute(arg("nbd-server-start"),
                                        QJsonObject{{arg("addr"), QJsonObject{{arg("type"), arg("unix")}, {arg("data"), QJsonObject{{arg("path"), own + arg("2")}}}}}});
    CHECK(again.error.desc.contains(arg("already running")));
}

TEST_CASE("attach --watch --record: the trace of several refreshes, replayed by simulate, gives the VM's final bitmap", "[attach][qemu]")
{
    bitmig::test::QemuVm vm;
    vm.addBitmap(arg("drive0"), arg("b0"), 64 * KiB);
    vm.write(arg("drive0"), 0, 1 * MiB);
    QTemporaryDir dir;
    const QString trace = dir.filePath(arg("live.csv"));
    Watch w({arg("attach"), vm.qmpSocket(), arg("--node"), arg("drive0"), arg("--bitmap"), arg("b0"), arg("--watch"), arg("0.1"),
             arg("--record"), trace});
    REQUIRE(w.waitForLine(arg("+1 MiB")));
    vm.write(arg("drive0"), 8 * MiB, 64 * KiB);
    REQUIRE(w.waitForLine(arg("+64 KiB")));
    vm.run(arg("block-dirty-bitmap-clear"), QJsonObject{{arg("node"), arg("drive0")}, {arg("name"), arg("b0")}});
    REQUIRE(w.waitForLine(arg("-1.06 MiB")));
    vm.write(arg("drive0"), 100 * MiB, 192 * KiB);
    REQUIRE(w.waitForLine(arg("+192 KiB")));
    vm.write(arg("drive0"), 512 * MiB + 4 * KiB, 4 * KiB);
    REQUIRE(w.waitForLine(arg("dirty 256 KiB")));
    w.process.terminate();
    CHECK(w.finish() == 0);

    // Stop and copy after the trace has played: the bitmap sent is the source's at that moment.
    const CliRun sim = CliRun::run({arg("simulate"), arg("--disk"), arg("1G"), arg("--granularity"), arg("64K"), arg("--trace"), trace,
                                    arg("--strategy"), arg("stop-copy"), arg("--start-at"), arg("60s"), arg("--json")});
    INFO(sim.err.toStdString());
    REQUIRE(sim.exitCode == 0);
    CHECK(sim.json().value(arg("sourceSha256")).toString() == vm.sha256(arg("drive0"), arg("b0")));
    CHECK(sim.json().value(arg("sourceSha256")).toString() != QString());
}
