#include "clirun.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace {

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& text)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    REQUIRE(f.write(text) == text.size());
    return path;
}

uint64_t integer(const QJsonObject& o, const char* key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    REQUIRE(v.isDouble());
    return uint64_t(v.toDouble());
}

QJsonObject workloadOf(const QJsonObject& summary)
{
    return summary.value(QStringLiteral("config")).toObject().value(QStringLiteral("workload")).toObject();
}

// Three writes and a trim in the first 30 ms, and a read.
const QByteArray kCsv = "time,offset,length,operation\n"
                        "0.000,0,65536,write\n"
                        "0.010,1048576,4096,write\n"
                        "0.015,0,65536,read\n"
                        "0.020,2097152,8192,write\n"
                        "0.030,1048576,65536,trim\n";

QStringList simulate(const QString& trace)
{
    return {QStringLiteral("simulate"), QStringLiteral("--disk"), QStringLiteral("1G"), QStringLiteral("--trace"),
            trace, QStringLiteral("--json")};
}

} // namespace

TEST_CASE("simulate --trace replays a CSV trace on an otherwise idle disk", "[simulate][trace]")
{
    const QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString csv = writeFile(dir, QStringLiteral("t.csv"), kCsv);
    const QStringList args = simulate(csv) + QStringList{QStringLiteral("--start-at"), QStringLiteral("1s")};
    INFO(describe(args).toStdString());
    const CliRun r = CliRun::run(args);
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    const QJsonObject s = r.json();
    CHECK(s.value(QStringLiteral("verified")).toBool());
    CHECK(integer(s, "writesApplied") == 3);
    CHECK(integer(s, "clearsApplied") == 1);
    const QJsonObject w = workloadOf(s);
    CHECK(w.value(QStringLiteral("kind")).toString() == QStringLiteral("idle"));
    const QJsonObject t = w.value(QStringLiteral("trace")).toObject();
    CHECK(t.value(QStringLiteral("source")).toString() == csv);
    CHECK(t.value(QStringLiteral("format")).toString() == QStringLiteral("csv"));
    CHECK(integer(t, "writes") == 3);
    CHECK(integer(t, "clears") == 1);
    CHECK(integer(t, "endNs") == 30'000'000);
    CHECK(t.value(QStringLiteral("speed")).toDouble() == 1.0);
    CHECK(!t.value(QStringLiteral("loop")).toBool());

    // The text summary names the trace.
    const CliRun text = CliRun::run(args.mid(0, args.size() - 3) + args.mid(args.size() - 2));
    REQUIRE(text.exitCode == 0);
    CHECK(text.out.contains(QStringLiteral("Trace")));
    CHECK(text.out.contains(csv + QStringLiteral(" (csv): 3 writes, 1 clears")));
    // The idle generator writes nothing: the workload is the trace, not a rate.
    CHECK(text.row(QStringLiteral("Workload")) == QStringLiteral("idle, replaying ") + csv +
                                                       QStringLiteral(" at speed 1, seed 1"));
}

TEST_CASE("the text summary names the replayed trace, its speed and looping", "[simulate][trace]")
{
    const QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString csv = writeFile(dir, QStringLiteral("t.csv"), kCsv);
    const QStringList args = {QStringLiteral("simulate"), QStringLiteral("--disk"), QStringLiteral("1G"),
                              QStringLiteral("--trace"), csv, QStringLiteral("--start-at"), QStringLiteral("100ms"),
                              QStringLiteral("--seed"), QStringLiteral("3")};
    const CliRun looped =
        CliRun::run(args + QStringList{QStringLiteral("--trace-speed"), QStringLiteral("2.5"), QStringLiteral("--trace-loop")});
    INFO(looped.err.toStdString());
    REQUIRE(looped.exitCode == 0);
    CHECK(looped.row(QStringLiteral("Workload")) == QStringLiteral("idle, replaying ") + csv +
                                                         QStringLiteral(" at speed 2.5, looping, seed 3"));

    // A generator that writes keeps its rate; the trace has its own row.
    const CliRun uniform = CliRun::run(args + QStringList{QStringLiteral("--workload"), QStringLiteral("uniform"),
                                                          QStringLiteral("--rate"), QStringLiteral("100")});
    INFO(uniform.err.toStdString());
    REQUIRE(uniform.exitCode == 0);
    CHECK(uniform.row(QStringLiteral("Workload")) == QStringLiteral("uniform, 100 writes/s of 4 KiB to 64 KiB, seed 3"));
    CHECK(uniform.row(QStringLiteral("Trace")).startsWith(csv + QStringLiteral(" (csv): 3 writes, 1 clears")));
}

TEST_CASE("simulate --trace-loop and --trace-speed", "[simulate][trace]")
{
    const QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString csv = writeFile(dir, QStringLiteral("t.csv"), kCsv);
    auto writesWith = [&csv](const QStringList& extra) {
        const QStringList args = simulate(csv) + QStringList{QStringLiteral("--start-at"), QStringLiteral("1s"),
                                                             QStringLiteral("--strategy"), QStringLiteral("stop-copy")} +
                                 extra;
        INFO(describe(args).toStdString());
        const CliRun r = CliRun::run(args);
        INFO(r.err.toStdString());
        REQUIRE(r.exitCode == 0);
        return integer(r.json(), "writesApplied") + integer(r.json(), "clearsApplied");
    };
    // Stop and copy pauses the guest at 1 s and the small bitmap is across within that tick, so the
    // guest's I/O is what the trace holds before about 1 s. The trace lasts 30 ms; looping, a copy
    // takes 31 ms (up to the next 1 ms tick after its end), 16 ms at twice the speed.
    CHECK(writesWith({}) == 4);
    CHECK(writesWith({QStringLiteral("--trace-speed"), QStringLiteral("2")}) == 4);
    const uint64_t looped = writesWith({QStringLiteral("--trace-loop")});
    const uint64_t fast =
        writesWith({QStringLiteral("--trace-loop"), QStringLiteral("--trace-speed"), QStringLiteral("2")});
    const uint64_t copies = 1000 / 31, fastCopies = 1000 / 16;  // whole copies before 1 s
    CHECK(looped >= copies * 4);
    CHECK(looped <= (copies + 2) * 4);
    CHECK(fast >= fastCopies * 4);
    CHECK(fast <= (fastCopies + 2) * 4);
}

TEST_CASE("simulate --trace replays a log written by fio", "[simulate][trace]")
{
    const QString fio = QStandardPaths::findExecutable(QStringLiteral("fio"));
    INFO("fio is needed for this test: install it (apt-get install fio)");
    REQUIRE(!fio.isEmpty());
    const QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString log = dir.filePath(QStringLiteral("fio.log"));
    QProcess p;
    p.start(fio, {QStringLiteral("--output=/dev/null"), QStringLiteral("--name=t"),
                  QStringLiteral("--filename=") + dir.filePath(QStringLiteral("F")), QStringLiteral("--size=8M"),
                  QStringLiteral("--rw=randwrite"), QStringLiteral("--bs=4k"), QStringLiteral("--io_size=512k"),
                  QStringLiteral("--ioengine=sync"), QStringLiteral("--write_iolog=") + log});
    REQUIRE(p.waitForFinished(60000));
    REQUIRE(p.exitCode() == 0);

    for (const QString& format : {QStringLiteral("auto"), QStringLiteral("fio")}) {
        const QStringList args = {QStringLiteral("simulate"), QStringLiteral("--disk"), QStringLiteral("8M"),
                                  QStringLiteral("--granularity"), QStringLiteral("4K"), QStringLiteral("--chunk"),
                                  QStringLiteral("8"), QStringLiteral("--trace"), log, QStringLiteral("--trace-format"),
                                  format, QStringLiteral("--start-at"), QStringLiteral("10s"), QStringLiteral("--json")};
        INFO(describe(args).toStdString());
        const CliRun r = CliRun::run(args);
        INFO(r.err.toStdString());
        REQUIRE(r.exitCode == 0);
        const QJsonObject s = r.json();
        CHECK(s.value(QStringLiteral("verified")).toBool());
        CHECK(integer(s, "writesApplied") == (512 / 4));  // --io_size / --bs
        CHECK(integer(workloadOf(s).value(QStringLiteral("trace")).toObject(), "writes") == 512 / 4);
    }
}

TEST_CASE("sweep --trace runs every chunk size on the trace", "[sweep][trace]")
{
    const QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString csv = writeFile(dir, QStringLiteral("t.csv"), kCsv);
    const QStringList args = {QStringLiteral("sweep"),  QStringLiteral("--disk"),   QStringLiteral("1G"),
                              QStringLiteral("--chunks"), QStringLiteral("64,1K"), QStringLiteral("--trace"),
                              csv,                      QStringLiteral("--trace-format"), QStringLiteral("csv"),
                              QStringLiteral("--start-at"), QStringLiteral("1s"), QStringLiteral("--format"),
                              QStringLiteral("json")};
    INFO(describe(args).toStdString());
    const CliRun r = CliRun::run(args);
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    const QJsonArray points = r.json().value(QStringLiteral("points")).toArray();
    REQUIRE(points.size() == 2);
    for (const QJsonValue& p : points) {
        const QJsonObject summary = p.toObject().value(QStringLiteral("summary")).toObject();
        CHECK(integer(summary, "writesApplied") == 3);
        CHECK(integer(summary, "clearsApplied") == 1);
    }
}

TEST_CASE("a bad trace or trace option exits 2 with one line naming it", "[errors][trace]")
{
    const QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString bad = writeFile(dir, QStringLiteral("bad.csv"), "0,0,512,write\n0.1,4096,512,write\n0.2,abc,512,write\n");
    const QString big = writeFile(dir, QStringLiteral("big.csv"), "0,0,512,write\n1,1073741824,512,write\n");
    const QString ok = writeFile(dir, QStringLiteral("ok.csv"), kCsv);
    const QString longLine = writeFile(dir, QStringLiteral("long.csv"), "0,0,512,write\n" + QByteArray(1 << 20, '0') + "\n");
    const QString missing = dir.filePath(QStringLiteral("missing.csv"));
    const QString sim = QStringLiteral("simulate"), sweep = QStringLiteral("sweep");
    const struct {
        QStringList args;
        QString named;
    } cases[] = {
        {{sim, QStringLiteral("--trace"), bad}, QStringLiteral("--trace: ") + bad + QStringLiteral(":3: offset 'abc' is not a number")},
        {{sweep, QStringLiteral("--trace"), bad}, QStringLiteral("--trace: ") + bad + QStringLiteral(":3: offset 'abc' is not a number")},
        {{sim, QStringLiteral("--trace"), missing}, QStringLiteral("--trace: ") + missing + QStringLiteral(": cannot be read")},
        {{sim, QStringLiteral("--trace"), QStringLiteral("/dev/zero")},
         QStringLiteral("--trace: /dev/zero: cannot be read: not a regular file (a device, a pipe or a socket)")},
        {{sim, QStringLiteral("--trace"), longLine},
         QStringLiteral("--trace: ") + longLine + QStringLiteral(":2: the line is longer than 65536 bytes; this is not a trace")},
        {{sim, QStringLiteral("--disk"), QStringLiteral("1G"), QStringLiteral("--trace"), big},
         QStringLiteral("--trace: ") + big + QStringLiteral(":2: write [1073741824, +512) is past the end of the disk")},
        {{sim, QStringLiteral("--trace"), ok, QStringLiteral("--trace-format"), QStringLiteral("xml")},
         QStringLiteral("--trace-format: 'xml' is not a trace format")},
        {{sim, QStringLiteral("--trace"), ok, QStringLiteral("--trace-format"), QStringLiteral("blkparse")},
         QStringLiteral("--trace: ") + ok + QStringLiteral(":1: not a blkparse event line")},
        {{sim, QStringLiteral("--trace"), ok, QStringLiteral("--trace-speed"), QStringLiteral("0")},
         QStringLiteral("--trace-speed: '0': must be above zero")},
        {{sim, QStringLiteral("--trace"), ok, QStringLiteral("--trace-speed"), QStringLiteral("fast")},
         QStringLiteral("--trace-speed: 'fast'")},
        {{sim, QStringLiteral("--trace-loop")}, QStringLiteral("--trace-loop: needs --trace FILE")},
        {{sweep, QStringLiteral("--trace-speed"), QStringLiteral("2")}, QStringLiteral("--trace-speed: needs --trace FILE")},
        {{sim, QStringLiteral("--trace")}, QStringLiteral("--trace")},
    };
    for (const auto& c : cases) {
        INFO(describe(c.args).toStdString());
        const CliRun r = CliRun::run(c.args);
        INFO(r.err.toStdString());
        CHECK(r.exitCode == 2);
        CHECK(r.out.isEmpty());
        CHECK(r.err.startsWith(QStringLiteral("bitmig: ")));
        CHECK(r.err.count(QLatin1Char('\n')) == 1);
        CHECK(r.err.contains(c.named));
    }
}
