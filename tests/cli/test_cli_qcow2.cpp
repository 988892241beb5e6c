// `bitmig qcow2` on real images made by qemu-img and qemu-io.
#include "clirun.h"

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <vector>

namespace {

struct Write {
    qint64 offset;
    qint64 length;
};

QString tool(const QString& name)
{
    const QString path = QStandardPaths::findExecutable(name);
    if (path.isEmpty()) {
        FAIL(name.toStdString() << " is not on PATH: the qcow2 tests build real images with it (Debian package "
                                   "qemu-utils; ./run.sh test installs it)");
    }
    return path;
}

void runTool(const QString& name, const QStringList& args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(tool(name), args);
    REQUIRE(p.waitForStarted(10000));
    REQUIRE(p.waitForFinished(60000));
    INFO(name.toStdString() << ' ' << args.join(QLatin1Char(' ')).toStdString() << '\n'
                            << p.readAll().toStdString());
    REQUIRE(p.exitStatus() == QProcess::NormalExit);
    REQUIRE(p.exitCode() == 0);
}

QString number(qint64 n)
{
    return QString::number(n);
}

void createImage(const QString& path, qint64 disk)
{
    runTool(QStringLiteral("qemu-img"), {QStringLiteral("create"), QStringLiteral("-q"), QStringLiteral("-f"),
                                         QStringLiteral("qcow2"), path, number(disk)});
}

void addBitmap(const QString& path, const QString& name, qint64 granularity)
{
    runTool(QStringLiteral("qemu-img"), {QStringLiteral("bitmap"), QStringLiteral("-f"), QStringLiteral("qcow2"),
                                         QStringLiteral("--add"), QStringLiteral("-g"), number(granularity), path,
                                         name});
}

void writeImage(const QString& path, const std::vector<Write>& writes)
{
    QStringList args{QStringLiteral("-f"), QStringLiteral("qcow2")};
    for (const Write& w : writes) {
        args << QStringLiteral("-c") << QStringLiteral("write -P 0xaa %1 %2").arg(w.offset).arg(w.length);
    }
    runTool(QStringLiteral("qemu-io"), args << path);
}

// "offset length" lines the writes imply: rounded outward to granules, merged, clipped to the disk.
QStringList expectedLines(const std::vector<Write>& writes, qint64 disk, qint64 granularity)
{
    std::vector<bool> dirty(size_t((disk + granularity - 1) / granularity), false);
    for (const Write& w : writes) {
        for (qint64 g = w.offset / granularity; g <= (w.offset + w.length - 1) / granularity; ++g) {
            dirty[size_t(g)] = true;
        }
    }
    QStringList lines;
    qint64 start = -1;
    for (size_t g = 0; g <= dirty.size(); ++g) {
        const bool on = g < dirty.size() && dirty[g];
        if (on && start < 0) {
            start = qint64(g) * granularity;
        } else if (!on && start >= 0) {
            const qint64 end = std::min(qint64(g) * granularity, disk);
            lines << QStringLiteral("%1 %2").arg(start).arg(end - start);
            start = -1;
        }
    }
    return lines;
}

qint64 bytesOf(const QStringList& lines)
{
    qint64 sum = 0;
    for (const QString& l : lines) {
        sum += l.split(QLatin1Char(' ')).at(1).toLongLong();
    }
    return sum;
}

constexpr qint64 MiB = 1024 * 1024;
constexpr qint64 KiB = 1024;

} // namespace

TEST_CASE("qcow2 lists the bitmaps and prints dirty extents", "[qcow2]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString image = dir.filePath(QStringLiteral("disk.qcow2"));
    const qint64 disk = 64 * MiB;
    createImage(image, disk);
    addBitmap(image, QStringLiteral("b0"), 64 * KiB);
    addBitmap(image, QStringLiteral("b1"), 4 * KiB);
    const std::vector<Write> writes{{1 * MiB, 128 * KiB}, {3000, 100}, {1 * MiB + 128 * KiB, 4096}, {disk - 1, 1}};
    writeImage(image, writes);
    const QStringList b0 = expectedLines(writes, disk, 64 * KiB);
    const QStringList b1 = expectedLines(writes, disk, 4 * KiB);

    SECTION("extents of a named bitmap")
    {
        const CliRun r = CliRun::run({QStringLiteral("qcow2"), image, QStringLiteral("--bitmap"), QStringLiteral("b1"),
                                      QStringLiteral("--extents")});
        CHECK(r.exitCode == 0);
        CHECK(r.err.isEmpty());
        CHECK(r.lines() == b1);
        const CliRun r0 = CliRun::run({QStringLiteral("qcow2"), QStringLiteral("--extents"), QStringLiteral("--bitmap"),
                                       QStringLiteral("b0"), image});
        CHECK(r0.exitCode == 0);
        CHECK(r0.lines() == b0);
    }
    SECTION("extents as JSON")
    {
        const CliRun r = CliRun::run({QStringLiteral("qcow2"), image, QStringLiteral("--bitmap"), QStringLiteral("b0"),
                                      QStringLiteral("--extents"), QStringLiteral("--json")});
        CHECK(r.exitCode == 0);
        const QJsonObject j = r.json();
        CHECK(j.value(QStringLiteral("file")).toString() == image);
        CHECK(j.value(QStringLiteral("bitmap")).toString() == QStringLiteral("b0"));
        CHECK(j.value(QStringLiteral("diskBytes")).toDouble() == double(disk));
        CHECK(j.value(QStringLiteral("granularity")).toDouble() == double(64 * KiB));
        CHECK(j.value(QStringLiteral("dirtyBytes")).toDouble() == double(bytesOf(b0)));
        QStringList lines;
        for (const QJsonValue& e : j.value(QStringLiteral("extents")).toArray()) {
            lines << QStringLiteral("%1 %2")
                         .arg(qint64(e.toObject().value(QStringLiteral("offset")).toDouble()))
                         .arg(qint64(e.toObject().value(QStringLiteral("length")).toDouble()));
        }
        CHECK(lines == b0);
    }
    SECTION("the list as text")
    {
        const CliRun r = CliRun::run({QStringLiteral("qcow2"), image});
        CHECK(r.exitCode == 0);
        CHECK(r.err.isEmpty());
        CHECK(r.out.contains(QStringLiteral("2 bitmaps")));
        const QStringList lines = r.lines();
        QStringList rows;
        for (const QString& l : lines) {
            if (l.startsWith(QStringLiteral("b0 ")) || l.startsWith(QStringLiteral("b1 "))) {
                rows << l.simplified();
            }
        }
        CHECK(rows == QStringList{QStringLiteral("b0 64 KiB auto %1 %2").arg(bytesOf(b0)).arg(b0.size()),
                                  QStringLiteral("b1 4 KiB auto %1 %2").arg(bytesOf(b1)).arg(b1.size())});
    }
    SECTION("the list as JSON, one bitmap")
    {
        const CliRun r = CliRun::run({QStringLiteral("qcow2"), QStringLiteral("--json"), image,
                                      QStringLiteral("--bitmap"), QStringLiteral("b1")});
        CHECK(r.exitCode == 0);
        const QJsonObject j = r.json();
        CHECK(j.value(QStringLiteral("version")).toDouble() == 3);
        CHECK(j.value(QStringLiteral("clusterSize")).toDouble() == 65536);
        CHECK(j.value(QStringLiteral("diskBytes")).toDouble() == double(disk));
        CHECK(j.value(QStringLiteral("fileBytes")).toDouble() == double(QFile(image).size()));
        CHECK_FALSE(j.value(QStringLiteral("bitmapsIgnored")).toBool());
        const QJsonArray list = j.value(QStringLiteral("bitmaps")).toArray();
        REQUIRE(list.size() == 1);
        const QJsonObject b = list.at(0).toObject();
        CHECK(b.value(QStringLiteral("name")).toString() == QStringLiteral("b1"));
        CHECK(b.value(QStringLiteral("granularity")).toDouble() == double(4 * KiB));
        CHECK(b.value(QStringLiteral("auto")).toBool());
        CHECK_FALSE(b.value(QStringLiteral("inUse")).toBool());
        CHECK(b.value(QStringLiteral("flags")).toDouble() == 2);
        CHECK(b.value(QStringLiteral("tableSize")).toDouble() == 1);
        CHECK(b.value(QStringLiteral("dirtyBytes")).toDouble() == double(bytesOf(b1)));
        CHECK(b.value(QStringLiteral("extents")).toDouble() == double(b1.size()));
    }
    SECTION("--extents needs --bitmap when there are two bitmaps")
    {
        const CliRun r = CliRun::run({QStringLiteral("qcow2"), image, QStringLiteral("--extents")});
        CHECK(r.exitCode == 2);
        CHECK(r.out.isEmpty());
        CHECK(r.err.count(QLatin1Char('\n')) == 1);
        CHECK(r.err.startsWith(QStringLiteral("bitmig: --bitmap: ")));
        CHECK(r.err.contains(QStringLiteral("b0, b1")));
    }
    SECTION("an unknown bitmap")
    {
        const CliRun r = CliRun::run({QStringLiteral("qcow2"), image, QStringLiteral("--bitmap"), QStringLiteral("nope")});
        CHECK(r.exitCode == 2);
        CHECK(r.err.count(QLatin1Char('\n')) == 1);
        CHECK(r.err.startsWith(QStringLiteral("bitmig: --bitmap: 'nope'")));
    }
    SECTION("a corrupt image: one line naming the file and the field, status 1")
    {
        QFile f(image);
        REQUIRE(f.open(QIODevice::ReadWrite));
        REQUIRE(f.seek(20));
        const char clusterBits[4] = {0, 0, 0, 30};
        REQUIRE(f.write(clusterBits, 4) == 4);
        f.close();
        const CliRun r = CliRun::run({QStringLiteral("qcow2"), image});
        CHECK(r.exitCode == 1);
        CHECK(r.out.isEmpty());
        CHECK(r.err.count(QLatin1Char('\n')) == 1);
        CHECK(r.err.startsWith(QStringLiteral("bitmig: %1: header at byte 20: cluster_bits 30").arg(image)));
    }
}

TEST_CASE("qcow2 with a single bitmap needs no --bitmap, and refuses it when in use", "[qcow2]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString image = dir.filePath(QStringLiteral("one.qcow2"));
    const qint64 disk = 16 * MiB;
    createImage(image, disk);
    addBitmap(image, QStringLiteral("only"), 512);
    const std::vector<Write> writes{{513, 1}, {5 * MiB, 1536}};
    writeImage(image, writes);

    const CliRun r = CliRun::run({QStringLiteral("qcow2"), image, QStringLiteral("--extents")});
    CHECK(r.exitCode == 0);
    CHECK(r.lines() == expectedLines(writes, disk, 512));

    // Set the in_use flag of the only directory entry (the directory is stored after the data).
    QFile f(image);
    REQUIRE(f.open(QIODevice::ReadWrite));
    const QByteArray bytes = f.readAll();
    const QByteArray name = QByteArrayLiteral("only");
    // The entry's name follows its 24-byte fixed part; flags are at byte 12 of the entry.
    const qsizetype nameAt = bytes.lastIndexOf(name);
    REQUIRE(nameAt > 24);
    REQUIRE(f.seek(nameAt - 24 + 12));
    const char flags[4] = {0, 0, 0, 3};
    REQUIRE(f.write(flags, 4) == 4);
    f.close();

    const CliRun list = CliRun::run({QStringLiteral("qcow2"), image});
    CHECK(list.exitCode == 0);
    bool row = false;
    for (const QString& l : list.lines()) {
        if (l.startsWith(QStringLiteral("only "))) {
            row = true;
            CHECK(l.simplified() == QStringLiteral("only 512 B in_use,auto - -"));
        }
    }
    CHECK(row);
    const CliRun extents = CliRun::run({QStringLiteral("qcow2"), image, QStringLiteral("--extents")});
    CHECK(extents.exitCode == 1);
    CHECK(extents.out.isEmpty());
    CHECK(extents.err.count(QLatin1Char('\n')) == 1);
    CHECK(extents.err.startsWith(QStringLiteral("bitmig: %1: bitmap directory entry 0 'only'").arg(image)));
    CHECK(extents.err.contains(QStringLiteral("in use")));
}

TEST_CASE("qcow2 argument errors", "[qcow2][errors]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString missing = dir.filePath(QStringLiteral("missing.qcow2"));
    const struct {
        QStringList args;
        QString named;
    } cases[] = {
        {{QStringLiteral("qcow2")}, QStringLiteral("IMAGE")},
        {{QStringLiteral("qcow2"), missing}, missing + QStringLiteral(": cannot open")},
        {{QStringLiteral("qcow2"), QStringLiteral("/dev/zero")},
         QStringLiteral("/dev/zero: cannot read: not a regular file (a device, a pipe or a socket)")},
        {{QStringLiteral("qcow2"), missing, QStringLiteral("extra")}, QStringLiteral("extra")},
        {{QStringLiteral("qcow2"), missing, QStringLiteral("--bitmap")}, QStringLiteral("--bitmap")},
        {{QStringLiteral("qcow2"), missing, QStringLiteral("--bitmap="), QStringLiteral("--extents")},
         QStringLiteral("--bitmap: the name is empty")},
        {{QStringLiteral("qcow2"), missing, QStringLiteral("--extent")}, QStringLiteral("--extent")},
    };
    for (const auto& c : cases) {
        INFO(describe(c.args).toStdString());
        const CliRun r = CliRun::run(c.args);
        CHECK(r.exitCode == 2);
        CHECK(r.out.isEmpty());
        CHECK(r.err.startsWith(QStringLiteral("bitmig: ")));
        CHECK(r.err.count(QLatin1Char('\n')) == 1);
        CHECK(r.err.contains(c.named));
    }
}

TEST_CASE("qcow2 shows bitmap names from the image escaped", "[qcow2]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString image = dir.filePath(QStringLiteral("crafted.qcow2"));
    createImage(image, qint64(64) << 20);
    addBitmap(image, QStringLiteral("dr\x1b[31mive\nFAKE: line"), 65536);
    addBitmap(image, QStringLiteral("plain"), 65536);

    const CliRun list = CliRun::run({QStringLiteral("qcow2"), image});
    CHECK(list.exitCode == 0);
    INFO(list.out.toStdString());
    CHECK_FALSE(list.out.contains(QChar(0x1b)));
    CHECK_FALSE(list.out.contains(QStringLiteral("\nFAKE")));
    CHECK(list.out.contains(QStringLiteral("dr\\x1b[31mive\\x0aFAKE: line")));
    CHECK(list.lines().size() == 5);  // the image, the titles, the rule, two bitmaps

    // The list of names in an error is escaped too.
    const CliRun wrong = CliRun::run({QStringLiteral("qcow2"), image, QStringLiteral("--bitmap"), QStringLiteral("x")});
    CHECK(wrong.exitCode == 2);
    CHECK(wrong.err.count(QLatin1Char('\n')) == 1);
    CHECK(wrong.err.contains(QStringLiteral("dr\\x1b[31mive\\x0aFAKE: line")));
}
