#include "clirun.h"

#include <QFile>
#include <QTemporaryDir>

namespace {

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

} // namespace

TEST_CASE("simulate and sweep start from a scenario file that options override", "[scenario]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.json"));
    writeFile(path, R"({"format": "bitmig-scenario", "version": 1, "name": "small",
        "disk": "64G", "chunk": "4K", "strategy": "postcopy", "seed": 7, "migrationStart": "1s",
        "workload": {"type": "hotspot", "rate": 5000}})");

    const CliRun r = CliRun::run({QStringLiteral("simulate"), QStringLiteral("--scenario"), path, QStringLiteral("--json")});
    REQUIRE(r.exitCode == 0);
    const QJsonObject config = r.json().value(QStringLiteral("config")).toObject();
    CHECK(config.value(QStringLiteral("diskBytes")).toDouble() == double(uint64_t(64) << 30));
    CHECK(config.value(QStringLiteral("chunkBytes")).toDouble() == 4096);
    CHECK(config.value(QStringLiteral("strategy")).toString() == QStringLiteral("postcopy"));
    CHECK(r.json().value(QStringLiteral("verified")).toBool());

    // An option given on the command line wins over the file.
    const CliRun o = CliRun::run({QStringLiteral("simulate"), QStringLiteral("--scenario"), path, QStringLiteral("--chunk"),
                                  QStringLiteral("256"), QStringLiteral("--strategy"), QStringLiteral("precopy"),
                                  QStringLiteral("--json")});
    REQUIRE(o.exitCode == 0);
    const QJsonObject oc = o.json().value(QStringLiteral("config")).toObject();
    CHECK(oc.value(QStringLiteral("chunkBytes")).toDouble() == 256);
    CHECK(oc.value(QStringLiteral("strategy")).toString() == QStringLiteral("precopy"));
    CHECK(oc.value(QStringLiteral("diskBytes")).toDouble() == double(uint64_t(64) << 30));

    const CliRun s = CliRun::run({QStringLiteral("sweep"), QStringLiteral("--scenario"), path, QStringLiteral("--chunks"),
                                  QStringLiteral("1K,64K"), QStringLiteral("--format"), QStringLiteral("csv")});
    REQUIRE(s.exitCode == 0);
    CHECK(s.out.count(QLatin1Char('\n')) == 3);  // header and two points
}

TEST_CASE("a bad scenario file is named with its key path and exits 2", "[scenario]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.json"));
    writeFile(path, R"({"format": "bitmig-scenario", "version": 1, "chunk": "3K"})");
    const CliRun r = CliRun::run({QStringLiteral("simulate"), QStringLiteral("--scenario"), path});
    CHECK(r.exitCode == 2);
    CHECK(r.err.startsWith(QStringLiteral("bitmig: --scenario: ") + path + QStringLiteral(": chunk: ")));
    const QString none = dir.filePath(QStringLiteral("none.json"));
    const CliRun missing = CliRun::run({QStringLiteral("sweep"), QStringLiteral("--scenario"), none});
    CHECK(missing.exitCode == 2);
    CHECK(missing.err == QStringLiteral("bitmig: --scenario: ") + none + QStringLiteral(": does not exist\n"));

    const QString empty = dir.filePath(QStringLiteral("empty.json"));
    writeFile(empty, QByteArray());
    const CliRun e = CliRun::run({QStringLiteral("simulate"), QStringLiteral("--scenario"), empty});
    CHECK(e.exitCode == 2);
    CHECK(e.err == QStringLiteral("bitmig: --scenario: ") + empty + QStringLiteral(": is empty\n"));
}

TEST_CASE("trace options apply to the trace a scenario names", "[scenario][trace]")
{
    QTemporaryDir dir;
    writeFile(dir.filePath(QStringLiteral("t.csv")), "time,offset,length,operation\n0.001,0,4096,write\n");
    const QString path = dir.filePath(QStringLiteral("s.json"));
    writeFile(path, R"({"format": "bitmig-scenario", "version": 2, "disk": "64G", "migrationStart": "1s",
        "workload": {"type": "uniform", "rate": 100, "trace": {"path": "t.csv", "speed": 1}}})");
    const CliRun r = CliRun::run({QStringLiteral("simulate"), QStringLiteral("--scenario"), path,
                                  QStringLiteral("--trace-speed"), QStringLiteral("2"), QStringLiteral("--trace-loop"),
                                  QStringLiteral("--json")});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    const QJsonObject workload =
        r.json().value(QStringLiteral("config")).toObject().value(QStringLiteral("workload")).toObject();
    // The scenario's workload type stays; the trace is the file's, at the speed and looping asked for.
    CHECK(workload.value(QStringLiteral("kind")).toString() == QStringLiteral("uniform"));
    const QJsonObject trace = workload.value(QStringLiteral("trace")).toObject();
    CHECK(trace.value(QStringLiteral("speed")).toDouble() == 2);
    CHECK(trace.value(QStringLiteral("loop")).toBool());
    CHECK(trace.value(QStringLiteral("source")).toString().endsWith(QStringLiteral("t.csv")));
}

TEST_CASE("an injection's error names where it came from: the scenario file or --inject", "[scenario]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("crash.json"));
    writeFile(path, R"({"format": "bitmig-scenario", "version": 1, "disk": "64G", "chunk": "4K",
        "injections": [{"time": "1s", "offset": "1G", "length": "4K"},
                       {"time": "2s", "offset": "60G", "length": "1G"}]})");

    // The file is valid, but a smaller --disk leaves its second injection past the end.
    const CliRun fromFile = CliRun::run({QStringLiteral("simulate"), QStringLiteral("--scenario"), path,
                                         QStringLiteral("--disk"), QStringLiteral("32G")});
    CHECK(fromFile.exitCode == 2);
    INFO(fromFile.err.toStdString());
    CHECK(fromFile.err.startsWith(QStringLiteral("bitmig: --scenario: ") + path + QStringLiteral(": injections[1]")));
    CHECK(fromFile.err.contains(QStringLiteral("past the end")));
    CHECK_FALSE(fromFile.err.contains(QStringLiteral("--inject")));

    // The first --inject on the command line is "injection 1", whatever the file holds.
    const CliRun fromOption = CliRun::run({QStringLiteral("simulate"), QStringLiteral("--scenario"), path,
                                           QStringLiteral("--inject"), QStringLiteral("1s:write:1G:4K"),
                                           QStringLiteral("--inject"), QStringLiteral("3s:write:63G:2G")});
    CHECK(fromOption.exitCode == 2);
    INFO(fromOption.err.toStdString());
    CHECK(fromOption.err.startsWith(QStringLiteral("bitmig: --inject: injection 2 '3s:write:63G:2G': ")));
    CHECK(fromOption.err.contains(QStringLiteral("past the end")));

    // Without a scenario the numbering is the same.
    const CliRun alone = CliRun::run({QStringLiteral("simulate"), QStringLiteral("--disk"), QStringLiteral("64G"),
                                      QStringLiteral("--inject"), QStringLiteral("3s:write:63G:2G")});
    CHECK(alone.exitCode == 2);
    CHECK(alone.err.startsWith(QStringLiteral("bitmig: --inject: injection 1 '3s:write:63G:2G': ")));
}
