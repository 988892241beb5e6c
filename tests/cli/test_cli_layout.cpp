// simulate with several bitmaps on several disks: the Bitmaps section, JSON bitmaps[] and
// config disks[]/bitmaps[], and --disk meaning one disk with one bitmap again.
#include "clirun.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>

namespace {

QString writeLayout(const QTemporaryDir& dir)
{
    const QString path = dir.filePath(QStringLiteral("layout.json"));
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    // drive0 (1 GiB): b0 at 64 KiB, b1 at 1 MiB disabled and persistent; drive1 (2 GiB): c0 at 64 KiB.
    // Writes: the last granule of drive0 and the first of drive1 (one write across both), bit
    // 16384 of c0, bit 0 of b0.
    f.write(R"({"format": "bitmig-scenario", "version": 4, "strategy": "stop-copy", "bandwidth": "8Mbit",
        "disks": [{"node": "drive0", "size": "1G"}, {"node": "drive1", "size": "2G"}],
        "bitmaps": [{"disk": "drive0", "name": "b0"},
                    {"disk": "drive0", "name": "b1", "granularity": "1M", "enabled": false, "persistent": true},
                    {"disk": "drive1", "name": "c0", "persistent": true}],
        "workload": {"type": "idle"},
        "injections": [{"time": 0, "op": "write", "offset": "1073676288", "length": "128K"},
                       {"time": 0, "op": "write", "offset": "2G", "length": "64K"},
                       {"time": 0, "op": "write", "offset": 0, "length": 1}]})");
    return path;
}

} // namespace

TEST_CASE("simulate reports every bitmap of a scenario with several disks", "[simulate][layout]")
{
    QTemporaryDir dir;
    const QString path = writeLayout(dir);
    const CliRun r = CliRun::run({QStringLiteral("simulate"), QStringLiteral("--scenario"), path,
                                  QStringLiteral("--progress"), QStringLiteral("never")});
    REQUIRE(r.exitCode == 0);
    CHECK(r.row(QStringLiteral("Disk drive0")) == QStringLiteral("1 GiB"));
    CHECK(r.row(QStringLiteral("Disk drive1")) == QStringLiteral("2 GiB"));
    // START section 68 bytes, END section 4274 (the engine test works them out record by record).
    CHECK(r.row(QStringLiteral("Wire bytes")).startsWith(QStringLiteral("4342 ")));
    const QStringList lines = r.lines();
    const qsizetype at = lines.indexOf(QStringLiteral("Bitmaps"));
    REQUIRE(at > 0);
    CHECK(lines.mid(at).contains(QStringLiteral("  drive0/b1")));
    CHECK(r.out.contains(QStringLiteral("granularity 1 MiB, disabled, persistent: 1024 bits, 0 dirty")));
    CHECK(r.out.contains(QStringLiteral("2127 bytes in 4 records; chunks 2 of 2 (resent 0, as zeroes 0)")));

    const CliRun j = CliRun::run({QStringLiteral("simulate"), QStringLiteral("--scenario"), path,
                                  QStringLiteral("--json"), QStringLiteral("--progress"), QStringLiteral("never")});
    REQUIRE(j.exitCode == 0);
    const QJsonObject s = j.json();
    const QJsonArray bitmaps = s.value(QStringLiteral("bitmaps")).toArray();
    REQUIRE(bitmaps.size() == 3);
    double wire = 0;
    for (const QJsonValue& v : bitmaps) {
        const QJsonObject b = v.toObject();
        CHECK(b.value(QStringLiteral("verified")).toBool());
        CHECK(b.value(QStringLiteral("destinationSha256")).toString() == b.value(QStringLiteral("sourceSha256")).toString());
        wire += b.value(QStringLiteral("wireBytes")).toDouble();
    }
    // The bitmaps' records plus the two section headers (26 + 5) and two EOS.
    CHECK(wire + 26 + 5 + 2 == s.value(QStringLiteral("wireBytes")).toDouble());
    CHECK(bitmaps[2].toObject().value(QStringLiteral("device")).toString() == QStringLiteral("drive1"));
    CHECK(bitmaps[2].toObject().value(QStringLiteral("dirtyBits")).toDouble() == 2);
    CHECK(bitmaps[1].toObject().value(QStringLiteral("enabled")).toBool() == false);
    const QJsonObject config = s.value(QStringLiteral("config")).toObject();
    CHECK(config.value(QStringLiteral("disks")).toArray().size() == 2);
    CHECK(config.value(QStringLiteral("bitmaps")).toArray().size() == 3);
}

TEST_CASE("the options for the disk and granularity mean one disk with one bitmap, over a scenario's several",
          "[simulate][layout]")
{
    QTemporaryDir dir;
    const QString path = writeLayout(dir);
    const CliRun r = CliRun::run({QStringLiteral("simulate"), QStringLiteral("--scenario"), path, QStringLiteral("--disk"),
                                  QStringLiteral("4G"), QStringLiteral("--json"), QStringLiteral("--progress"),
                                  QStringLiteral("never")});
    REQUIRE(r.exitCode == 0);
    const QJsonObject s = r.json();
    CHECK_FALSE(s.contains(QStringLiteral("bitmaps")));
    const QJsonObject config = s.value(QStringLiteral("config")).toObject();
    CHECK_FALSE(config.contains(QStringLiteral("disks")));
    CHECK(config.value(QStringLiteral("diskBytes")).toDouble() == 4.0 * (1 << 30));
    CHECK(config.value(QStringLiteral("bitmapName")).toString() == QStringLiteral("b0"));  // the first bitmap's
}

TEST_CASE("a scenario's bad layout exits 2 naming the file and key path", "[simulate][layout]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.json"));
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(R"({"format": "bitmig-scenario", "version": 4,
        "disks": [{"node": "drive0", "size": "1G"}],
        "bitmaps": [{"disk": "drive0", "name": "a"}, {"disk": "drive0", "name": "b", "granularity": "3K"}]})");
    f.close();
    const CliRun r = CliRun::run({QStringLiteral("simulate"), QStringLiteral("--scenario"), path});
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(QStringLiteral("--scenario")));
    CHECK(r.err.contains(path + QStringLiteral(": bitmaps[1].granularity: ")));
}
