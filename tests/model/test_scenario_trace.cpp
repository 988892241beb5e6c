// Scenario files with a replayed trace: the path relative to the scenario, the round trip, errors.
#include "app/scenario/scenariofile.h"

#include <bitmig/migrationengine.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace bitmig;

namespace {

void writeFile(const QString& path, const QByteArray& text)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    REQUIRE(f.write(text) == text.size());
}

const QByteArray kCsv = "time,offset,length,operation\n"
                        "0.001,0,65536,write\n"
                        "0.002,1048576,4096,write\n"
                        "0.003,0,4096,trim\n";

QByteArray scenarioWithTrace(const QByteArray& trace, const QByteArray& disk = "\"1G\"")
{
    return R"({"format": "bitmig-scenario", "version": 2, "disk": )" + disk +
           R"(, "migrationStart": "10ms", "workload": {"type": "idle", "trace": )" + trace + "}}";
}

ScenarioError loadError(const QString& path)
{
    try {
        ScenarioFile::load(path);
    } catch (const ScenarioError& e) {
        return e;
    }
    FAIL("no error loading " << path.toStdString());
    return ScenarioError(QString(), QString(), QString());
}

} // namespace

TEST_CASE("a scenario replays a trace named relative to the scenario file", "[scenario][trace]")
{
    const QTemporaryDir dir;
    REQUIRE(dir.isValid());
    REQUIRE(QDir(dir.path()).mkpath(QStringLiteral("traces")));
    writeFile(dir.filePath(QStringLiteral("traces/t.csv")), kCsv);
    const QString path = dir.filePath(QStringLiteral("s.json"));
    writeFile(path, scenarioWithTrace(R"({"path": "traces/t.csv", "speed": 2, "loop": true})"));

    const Scenario s = ScenarioFile::load(path);
    const TraceReplay& t = s.config.workload.trace;
    REQUIRE(t.active());
    CHECK(t.speed == 2);
    CHECK(t.loop);
    CHECK(t.trace->format() == TraceFormat::Csv);
    CHECK(QString::fromStdString(t.trace->source()) == QDir::cleanPath(dir.filePath(QStringLiteral("traces/t.csv"))));
    REQUIRE(t.trace->records().size() == 3);
    CHECK(t.trace->records()[1] == TraceRecord{2'000'000, TraceOp::Write, 1048576, 4096, 3});

    // Runs in the engine: the trace's writes and its clear, before and during the migration.
    MigrationEngine e(s.config);
    e.runToEnd();
    CHECK(e.summary().verified);
    CHECK(e.summary().writesApplied >= 2);
    CHECK(e.summary().clearsApplied >= 1);

    SECTION("saved elsewhere, the path follows the scenario, and it loads the same")
    {
        REQUIRE(QDir(dir.path()).mkpath(QStringLiteral("other/deeper")));
        const QString moved = dir.filePath(QStringLiteral("other/deeper/s2.json"));
        ScenarioFile::save(moved, s);
        const QByteArray json = [&] {
            QFile f(moved);
            REQUIRE(f.open(QIODevice::ReadOnly));
            return f.readAll();
        }();
        CHECK(json.contains(R"("version": 2)"));
        CHECK(json.contains(R"("trace": {"path": "../../traces/t.csv", "format": "csv", "speed": 2, "loop": true})"));
        const Scenario again = ScenarioFile::load(moved);
        CHECK(again == s);
        CHECK(again.config.workload.trace.trace != s.config.workload.trace.trace);  // read again from the file
    }
    SECTION("without a trace the writer keeps version 1 and no trace key")
    {
        Scenario plain = s;
        plain.config.workload.trace = TraceReplay{};
        const QByteArray json = ScenarioFile::toJson(plain);
        CHECK(json.contains(R"("version": 1)"));
        CHECK(!json.contains("trace"));
    }
}

TEST_CASE("trace keys in a scenario are checked with key paths", "[scenario][trace][errors]")
{
    const QTemporaryDir dir;
    REQUIRE(dir.isValid());
    writeFile(dir.filePath(QStringLiteral("t.csv")), kCsv);
    writeFile(dir.filePath(QStringLiteral("bad.csv")), "0.001,0,4096,write\n0.002,zero,4096,write\n");
    writeFile(dir.filePath(QStringLiteral("long.csv")),
              "0.001,0,4096,write\n" + QByteArray(70000, ' ') + "0.002,0,4096,write\n");
    const QString path = dir.filePath(QStringLiteral("s.json"));
    const struct {
        QByteArray trace;
        QByteArray disk;
        const char* keyPath;
        const char* reason;
    } cases[] = {
        {R"({"format": "csv"})", "\"1G\"", "workload.trace.path", "missing"},
        {R"({"path": 3})", "\"1G\"", "workload.trace.path", "expected a string, got a number"},
        {R"({"path": "nothing.csv"})", "\"1G\"", "workload.trace.path", "\"nothing.csv\" cannot be read"},
        // A device has no size (QFile::size() is 0) and no end: refused before a byte is read.
        {R"({"path": "/dev/zero"})", "\"1G\"", "workload.trace.path",
         "\"/dev/zero\" is not a regular file (a device, a pipe or a socket)"},
        {R"({"path": "."})", "\"1G\"", "workload.trace.path", "\".\" is a folder, not a file"},
        {R"({"path": "long.csv"})", "\"1G\"", "workload.trace.path",
         "long.csv:2: the line is longer than 65536 bytes; this is not a trace"},
        {R"({"path": "bad.csv"})", "\"1G\"", "workload.trace.path", "bad.csv:2: offset 'zero' is not a number"},
        {R"({"path": "t.csv", "format": "blkparse"})", "\"1G\"", "workload.trace.path",
         "t.csv:1: not a blkparse event line"},
        {R"({"path": "t.csv", "format": "xml"})", "\"1G\"", "workload.trace.format", "'xml' is not a trace format"},
        {R"({"path": "t.csv", "speed": 0})", "\"1G\"", "workload.trace.speed", "must be above zero"},
        {R"({"path": "t.csv", "speed": "fast"})", "\"1G\"", "workload.trace.speed", "expected a number, got a string"},
        {R"({"path": "t.csv", "loop": "yes"})", "\"1G\"", "workload.trace.loop", "expected true or false, got a string"},
        {R"({"path": "t.csv", "sped": 2})", "\"1G\"", "workload.trace.sped", "unknown key (did you mean \"speed\"?)"},
        {R"("t.csv")", "\"1G\"", "workload.trace", "expected an object or null, got a string"},
        {R"({"path": "t.csv"})", "\"1M\"", "workload.trace.path",
         "t.csv:3: write [1048576, +4096) is past the end of the disk (1048576 bytes)"},
    };
    for (const auto& c : cases) {
        INFO(c.trace.toStdString());
        writeFile(path, scenarioWithTrace(c.trace, c.disk));
        const ScenarioError e = loadError(path);
        CHECK(e.file() == path);
        CHECK(e.keyPath() == QLatin1String(c.keyPath));
        CHECK(e.reason().contains(QString::fromUtf8(c.reason)));
        CHECK(e.message().startsWith(path + QStringLiteral(": ") + QLatin1String(c.keyPath) + QStringLiteral(": ")));
    }
    // null: no trace.
    writeFile(path, scenarioWithTrace("null"));
    CHECK(!ScenarioFile::load(path).config.workload.trace.active());
}

TEST_CASE("a scenario file that is not a regular file is refused unread", "[scenario][errors]")
{
    for (const QString& path : {QStringLiteral("/dev/zero"), QStringLiteral("/dev/null")}) {
        INFO(path.toStdString());
        const ScenarioError e = loadError(path);
        CHECK(e.message() == path + QStringLiteral(": is not a regular file (a device, a pipe or a socket)"));
    }
}

TEST_CASE("a version 1 file cannot hold a trace: version 2 added it", "[scenario][trace][errors]")
{
    const QTemporaryDir dir;
    REQUIRE(dir.isValid());
    writeFile(dir.filePath(QStringLiteral("t.csv")), kCsv);
    const QString path = dir.filePath(QStringLiteral("s.json"));
    for (const QByteArray& trace : {QByteArray(R"({"path": "t.csv"})"), QByteArray("null")}) {
        INFO(trace.toStdString());
        QByteArray json = scenarioWithTrace(trace);
        json.replace(R"("version": 2)", R"("version": 1)");
        writeFile(path, json);
        const ScenarioError e = loadError(path);
        CHECK(e.message() == path + QStringLiteral(": workload.trace: needs version 2 of the format; the file says "
                                                   "version 1"));
    }
    // The same file as version 2 loads.
    writeFile(path, scenarioWithTrace(R"({"path": "t.csv"})"));
    CHECK(ScenarioFile::load(path).config.workload.trace.active());
}
