// Scenario files: the schema, the round trip, the error messages and the shipped presets.
#include "app/scenario/scenariofile.h"
#include "app/scenario/scenarioreader.h"

#include <bitmig/limits.h>
#include <bitmig/migrationengine.h>

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSet>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

#include <limits>

using namespace bitmig;

namespace {

QByteArray operator""_json(const char* s, size_t n)
{
    return QByteArray(s, qsizetype(n));
}

// A scenario file with `body` (JSON members, no braces) after the format and version.
QByteArray scenarioWith(const char* body)
{
    QByteArray json = R"({"format": "bitmig-scenario", "version": 1)"_json;
    if (*body) {
        json += ", ";
        json += body;
    }
    return json + "}";
}

ScenarioError errorOf(const QByteArray& json)
{
    try {
        ScenarioFile::fromJson(json, QStringLiteral("test.json"));
    } catch (const ScenarioError& e) {
        return e;
    }
    FAIL("no error for " << json.toStdString());
    return ScenarioError(QString(), QString(), QString());
}

// Every field away from its default, and values that need care to write exactly.
Scenario unusualScenario()
{
    Scenario s;
    s.name = QStringLiteral("Odd \"values\" \u00e9\u00e8 \\ slash");
    s.description = QStringLiteral("Two lines,\nand a tab\there.");
    SimConfig& c = s.config;
    c.diskBytes = (uint64_t(3) << 40) + 1536; // not a whole number of any unit above 512 B
    c.granularity = 512;
    c.chunkBytes = 1;
    c.strategy = Strategy::Postcopy;
    c.bandwidth = 123456789.125;
    c.latencyNs = 1'500'001;
    c.maxDowntimeNs = 1'500'000'000;
    c.maxPasses = 0;
    c.completeOnlyBelow = 1536;
    c.tickNs = 250'000;
    c.migrationStartNs = -1;
    c.timeLimitNs = int64_t(7200) * 1'000'000'000;
    c.sampleIntervalNs = 1'000'000'007;
    c.seed = 0xfedcba9876543210ULL;
    c.deviceName = "virtio-disk0";
    c.bitmapName = "b\u00e4ckup";
    c.workload.kind = WorkloadKind::Bursts;
    c.workload.rate = 12345.678;
    c.workload.minWriteBytes = 1536;
    c.workload.maxWriteBytes = 3 * 1024 * 1024 + 512;
    c.workload.hotFraction = 0.1 + 0.2; // 0.30000000000000004: needs all 17 digits
    c.workload.hotShare = 1e-7;
    c.workload.zipfExponent = 1;
    c.workload.burstPeriodNs = 333'333'333;
    c.workload.burstDuty = 0.5;
    c.injections = {
        Injection{.timeNs = 0, .op = Injection::Op::Write, .offset = 0, .length = 512},
        Injection{.timeNs = 1'500'000'000,
                  .op = Injection::Op::Clear,
                  .offset = uint64_t(3) << 30,
                  .length = 65536},
        Injection{
            .timeNs = 7, .op = Injection::Op::Write, .offset = 1536, .length = 1024 * 1024 * 1024 + 512},
    };
    return s;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Round trip and writing

TEST_CASE("a default scenario survives toJson and fromJson", "[scenario]")
{
    Scenario s;
    s.name = QStringLiteral("Defaults");
    const Scenario back = ScenarioFile::fromJson(ScenarioFile::toJson(s), QStringLiteral("defaults.json"));
    CHECK(back == s);
    CHECK(back.config == SimConfig{});
}

TEST_CASE("every field survives the round trip exactly", "[scenario]")
{
    const Scenario s = unusualScenario();
    REQUIRE_NOTHROW(s.config.validate());
    const QByteArray json = ScenarioFile::toJson(s);
    INFO(json.toStdString());
    const Scenario back = ScenarioFile::fromJson(json, QStringLiteral("unusual.json"));
    CHECK(back.name == s.name);
    CHECK(back.description == s.description);
    CHECK(back.config.workload == s.config.workload);
    CHECK(back.config.injections == s.config.injections);
    CHECK(back.config == s.config);
    // Writing again gives the same bytes: the output is a fixed point.
    CHECK(ScenarioFile::toJson(back) == json);
}

TEST_CASE("values at the limits survive the round trip", "[scenario]")
{
    Scenario s;
    SimConfig& c = s.config;
    c.granularity = uint64_t(1) << 31;
    c.chunkBytes = 1;
    c.diskBytes = limits::kMaxDiskBytes - 512; // above 2^53, and no unit but the sector divides it
    c.completeOnlyBelow = limits::kMaxDiskBytes;
    c.timeLimitNs = limits::kMaxTimeNs;
    c.sampleIntervalNs = limits::kMaxTimeNs;
    c.maxDowntimeNs = limits::kMaxTimeNs - 1;
    c.bandwidth = limits::kMinBandwidth;
    c.seed = UINT64_MAX;
    c.workload.kind = WorkloadKind::Idle;
    c.workload.rate = 0;
    REQUIRE_NOTHROW(c.validate());
    const QByteArray json = ScenarioFile::toJson(s);
    INFO(json.toStdString());
    CHECK(ScenarioFile::fromJson(json, QStringLiteral("limits.json")) == s);

    // Not valid, but still written without throwing.
    Scenario bad;
    bad.config.bandwidth = std::numeric_limits<double>::quiet_NaN();
    bad.config.latencyNs = -5;
    bad.config.workload.rate = std::numeric_limits<double>::infinity();
    QJsonParseError error;
    QJsonDocument::fromJson(ScenarioFile::toJson(bad), &error);
    CHECK(error.error == QJsonParseError::NoError);
}

TEST_CASE("toJson writes the schema's keys in order with readable units", "[scenario]")
{
    Scenario s;
    s.name = QStringLiteral("Units");
    SimConfig& c = s.config;
    c.diskBytes = uint64_t(16) << 40;
    c.bandwidth = 125e6;
    c.migrationStartNs = 1'500'000'000;
    c.timeLimitNs = int64_t(3600) * 1'000'000'000;
    c.workload.kind = WorkloadKind::Zipf;
    c.workload.rate = 100000;
    c.injections = {Injection{
        .timeNs = 1'500'000'000, .op = Injection::Op::Write, .offset = uint64_t(3) << 30, .length = 65536}};
    const QByteArray json = ScenarioFile::toJson(s);
    INFO(json.toStdString());

    CHECK(
        json.startsWith("{\n  \"format\": \"bitmig-scenario\",\n  \"version\": 1,\n  \"name\": \"Units\","));
    CHECK(json.contains("\"disk\": \"16T\""));
    CHECK(json.contains("\"granularity\": \"64K\""));
    CHECK(json.contains("\"chunk\": \"1K\""));
    CHECK(json.contains("\"strategy\": \"precopy\""));
    CHECK(json.contains("\"bandwidth\": \"1Gbit\""));
    CHECK(json.contains("\"latency\": 0"));
    CHECK(json.contains("\"maxDowntime\": \"300ms\""));
    CHECK(json.contains("\"migrationStart\": \"1.5s\""));
    CHECK(json.contains("\"timeLimit\": \"60min\""));
    CHECK(json.contains("\"rate\": 100000"));
    CHECK(json.contains("\"writeSize\": \"4K..64K\""));
    CHECK(json.contains(R"({"time": "1.5s", "op": "write", "offset": "3G", "length": "64K"})"));
    CHECK(json.indexOf("\"disk\"") < json.indexOf("\"workload\""));
    CHECK(json.indexOf("\"workload\"") < json.indexOf("\"injections\""));

    QJsonParseError error;
    QJsonDocument::fromJson(json, &error);
    CHECK(error.error == QJsonParseError::NoError);

    s.config.migrationStartNs = -1;
    CHECK(ScenarioFile::toJson(s).contains("\"migrationStart\": null"));
}

// ---------------------------------------------------------------------------------------------
// Reading values

TEST_CASE("only format and version are required, the rest defaults to SimConfig", "[scenario]")
{
    const Scenario s = ScenarioFile::fromJson(scenarioWith(""), QStringLiteral("min.json"));
    CHECK(s.name.isEmpty());
    CHECK(s.description.isEmpty());
    CHECK(s.config == SimConfig{});

    const Scenario w =
        ScenarioFile::fromJson(scenarioWith(R"("workload": {"rate": 5})"), QStringLiteral("w.json"));
    WorkloadSpec expected;
    expected.rate = 5;
    CHECK(w.config.workload == expected);
}

TEST_CASE("numbers are bytes, bytes per second and nanoseconds, strings carry units", "[scenario]")
{
    const Scenario s = ScenarioFile::fromJson(scenarioWith(R"(
        "disk": 1099511627776, "granularity": 65536, "chunk": "1KiB", "bandwidth": 1000000,
        "latency": 2000000, "maxDowntime": "0.3s", "tick": "500us", "timeLimit": "1.5h",
        "sampleInterval": "10 ms", "migrationStart": null, "completeOnlyBelow": "1M", "seed": "18446744073709551615",
        "workload": {"type": "hot-spot", "rate": "20k", "writeSize": 4096, "burstPeriod": 250000000},
        "injections": [{"time": 0, "offset": 0, "length": "512"}])"),
                                              QStringLiteral("n.json"));
    const SimConfig& c = s.config;
    CHECK(c.diskBytes == uint64_t(1) << 40);
    CHECK(c.granularity == 65536);
    CHECK(c.chunkBytes == 1024);
    CHECK(c.bandwidth == 1e6);
    CHECK(c.latencyNs == 2'000'000);
    CHECK(c.maxDowntimeNs == 300'000'000);
    CHECK(c.tickNs == 500'000);
    CHECK(c.timeLimitNs == int64_t(5400) * 1'000'000'000);
    CHECK(c.sampleIntervalNs == 10'000'000);
    CHECK(c.migrationStartNs == -1);
    CHECK(c.completeOnlyBelow == 1024 * 1024);
    CHECK(c.seed == UINT64_MAX);
    CHECK(c.workload.kind == WorkloadKind::HotSpot);
    CHECK(c.workload.rate == 20000);
    CHECK(c.workload.minWriteBytes == 4096);
    CHECK(c.workload.maxWriteBytes == 4096);
    CHECK(c.workload.burstPeriodNs == 250'000'000);
    REQUIRE(c.injections.size() == 1);
    CHECK(c.injections[0].op == Injection::Op::Write); // op defaults to write
    CHECK(c.injections[0].length == 512);
}

TEST_CASE("integers are read exactly, beyond a double's 53 bits", "[scenario]")
{
    const Scenario s = ScenarioFile::fromJson(
        scenarioWith(R"("seed": 9007199254740993, "disk": 9007199254740992, "granularity": "64M", "chunk": "1")"),
        QStringLiteral("big.json"));  // a coarse granularity: 8 PiB at 64 KiB needs 32 GiB of bitmaps
    CHECK(s.config.seed == (uint64_t(1) << 53) + 1);
    CHECK(s.config.diskBytes == uint64_t(1) << 53);
}

// ---------------------------------------------------------------------------------------------
// Errors

TEST_CASE("errors name the file, the key path and the reason", "[scenario][errors]")
{
    struct Case {
        const char* what;
        const char* body;
        const char* keyPath;
        const char* reason; // a part of the reason
    };
    const Case cases[] = {
        // unknown keys, at every level
        {"unknown top-level key", R"("dsik": "1T")", "dsik", "unknown key (did you mean \"disk\"?)"},
        {"unknown key, no near match", R"("colour": "red")", "colour", "unknown key"},
        {"unknown workload key", R"("workload": {"type": "zipf", "rat": 5})", "workload.rat",
         "unknown key (did you mean \"rate\"?)"},
        {"unknown injection key", R"("injections": [{"time": "1s", "offset": 0, "length": 512},
                                      {"time": "2s", "offset": 0, "length": 512, "size": 4}])",
         "injections[1].size", "unknown key"},
        // wrong types
        {"string for a count", R"("maxPasses": "30")", "maxPasses", "expected a whole number, got a string"},
        {"string for a fraction", R"("workload": {"hotShare": "0.9"})", "workload.hotShare",
         "expected a number, got a string"},
        {"boolean for a rate", R"("workload": {"rate": true})", "workload.rate",
         "expected a number of writes per second, got a boolean"},
        {"array for a size", R"("disk": [1])", "disk", "expected a size"},
        {"null for a duration", R"("latency": null)", "latency", "got null"},
        {"object for the injections", R"("injections": {})", "injections",
         "expected an array, got an object"},
        {"number for an injection", R"("injections": [5])", "injections[0]",
         "expected an object, got a number"},
        {"number for the strategy", R"("strategy": 1)", "strategy", "expected a string, got a number"},
        {"fraction of a byte", R"("disk": 1024.5)", "disk", "must be a whole number"},
        {"negative size", R"("completeOnlyBelow": -1)", "completeOnlyBelow", "must not be negative"},
        // out of range, from the parser and from SimConfig::validate()
        {"disk not a multiple of 512", R"("disk": 1000)", "disk", "must be a positive multiple of 512 bytes"},
        {"hot share above 1", R"("workload": {"hotShare": 1.5})", "workload.hotShare", "must be in [0, 1]"},
        {"tick too long", R"("tick": "2s")", "tick", "must be between 1 us and 1 s"},
        {"too many passes", R"("maxPasses": 200000)", "maxPasses", "must be at most 100000"},
        {"write sizes reversed", R"("workload": {"writeSize": "64K..4K"})", "workload.writeSize",
         "the maximum is below the minimum"},
        {"write size not sectors", R"("workload": {"writeSize": "1000..4K"})", "workload.writeSize",
         "multiple of 512"},
        {"injection past the end",
         R"("disk": "1G", "injections": [{"time": "1s", "offset": "1G", "length": "4K"}])", "injections[0]",
         "past the end of the disk"},
        {"injection without length", R"("injections": [{"time": "1s", "offset": 0}])", "injections[0].length",
         "missing"},
        {"unknown strategy", R"("strategy": "teleport")", "strategy", "\"teleport\" is not a strategy"},
        {"unknown workload", R"("workload": {"type": "chaos"})", "workload.type",
         "\"chaos\" is not a workload"},
        {"unknown operation", R"("injections": [{"time": "1s", "op": "trim", "offset": 0, "length": 512}])",
         "injections[0].op", "\"trim\" is not an operation"},
        // units
        {"bad size unit", R"("disk": "16Q")", "disk", "unknown size unit 'Q'"},
        {"bad time unit", R"("maxDowntime": "3 fortnights")", "maxDowntime", "unknown time unit"},
        {"bad bandwidth unit", R"("bandwidth": "1 Gfoo")", "bandwidth", "unknown bandwidth unit"},
        {"duration without unit", R"("maxDowntime": "300")", "maxDowntime", "needs a unit"},
        {"bad count suffix", R"("workload": {"rate": "5x"})", "workload.rate", "unknown suffix"},
        {"zero bandwidth", R"("bandwidth": 0)", "bandwidth", "must be above zero"},
        // powers of two
        {"chunk not a power of two", R"("chunk": "3K")", "chunk",
         "must be a power of two from 1 B to 1 MiB, got 3 KiB"},
        {"chunk too large", R"("chunk": "2M")", "chunk", "must be a power of two from 1 B to 1 MiB"},
        {"chunk zero", R"("chunk": 0)", "chunk", "must be a power of two from 1 B to 1 MiB"},
        {"granularity not a power of two", R"("granularity": "96K")", "granularity",
         "must be a power of two of at least 512 bytes"},
        {"granularity too small", R"("granularity": 256)", "granularity",
         "must be a power of two of at least 512"},
    };
    for (const Case& c : cases) {
        SECTION(c.what)
        {
            const QByteArray json = scenarioWith(c.body);
            const ScenarioError e = errorOf(json);
            INFO(e.message().toStdString());
            CHECK(e.file() == QStringLiteral("test.json"));
            CHECK(e.keyPath() == QLatin1String(c.keyPath));
            CHECK(e.reason().contains(QString::fromUtf8(c.reason)));
            CHECK(e.message() == QStringLiteral("test.json: ") + QLatin1String(c.keyPath) +
                                     QStringLiteral(": ") + e.reason());
            CHECK(QString::fromStdString(e.what()) == e.message());
            CHECK(e.line() == 0);
        }
    }
}

TEST_CASE("the message reads FILE: KEY.PATH: reason", "[scenario][errors]")
{
    const ScenarioError e = errorOf(scenarioWith(R"("workload": {"hotShare": "high"})"));
    CHECK(e.message() == QStringLiteral("test.json: workload.hotShare: expected a number, got a string"));
}

TEST_CASE("a number out of range is named with the limit", "[scenario][errors]")
{
    const struct {
        const char* body;
        const char* message;
    } cases[] = {
        {R"("maxPasses": 1e20)", "maxPasses: must be at most 100000, got 1e+20"},
        {R"("maxPasses": 200000)", "maxPasses: must be at most 100000, got 200000"},
        {R"("disk": 1e20)", "disk: must be at most 2^64 - 1, got 1e+20"},
        {R"("disk": "99999999999999999999")", "disk: must be at most 2^64 - 1, got \"99999999999999999999\""},
        {R"("seed": 18446744073709551616)", "seed: must be at most 2^64 - 1, got 1.8446744073709552e+19"},
        {R"("seed": "18446744073709551616")", "seed: must be at most 2^64 - 1, got \"18446744073709551616\""},
        {R"("workload": {"writeSize": 1e30})", "workload.writeSize: must be at most 2^64 - 1, got 1e+30"},
        {R"("latency": 1e19)", "latency: must be at most 2^63 - 1 ns (about 292 years), got 1e+19"},
        {R"("timeLimit": "3000000h")", "timeLimit: must be at most 2^63 - 1 ns (about 292 years), got \"3000000h\""},
        // Within 64 bits, but past the limits the engine's arithmetic is proven for.
        {R"("latency": 9223372036854775807)", "latency: must be at most 365 days (31536000 s), got 9223372036854775807 ns"},
        {R"("timeLimit": "8761h")", "timeLimit: must be at most 365 days (31536000 s), got 31539600000000000 ns"},
        {R"("bandwidth": 1e-300)", "bandwidth: must be from 1 kbit/s to 10 Tbit/s (125 to 1.25e12 bytes per second), "
                                   "got 1e-300 bytes per second"},
        {R"("bandwidth": "100Tbit")", "bandwidth: must be from 1 kbit/s to 10 Tbit/s (125 to 1.25e12 bytes per "
                                      "second), got 1.25e+13 bytes per second"},
    };
    for (const auto& c : cases) {
        const ScenarioError e = errorOf(scenarioWith(c.body));
        INFO(c.body << " gives " << e.message().toStdString());
        CHECK(e.message() == QStringLiteral("test.json: ") + QString::fromUtf8(c.message));
    }
    // The limits themselves are read.
    const Scenario s = ScenarioFile::fromJson(
        scenarioWith(R"("maxPasses": 100000, "seed": "18446744073709551615", "latency": 31536000000000000,
                        "timeLimit": "8760h")"),
        QStringLiteral("limits.json"));
    CHECK(s.config.maxPasses == 100000);
    CHECK(s.config.seed == std::numeric_limits<uint64_t>::max());
    CHECK(s.config.latencyNs == limits::kMaxTimeNs);
    CHECK(s.config.timeLimitNs == limits::kMaxTimeNs);
    CHECK(ScenarioFile::fromJson(scenarioWith(R"("seed": "+5")"), QStringLiteral("plus.json")).config.seed == 5);
}

TEST_CASE("an empty file is reported as empty, not as a syntax error", "[scenario][errors]")
{
    for (const QByteArray& json : {QByteArray(), QByteArray(" \n\t\n")}) {
        const ScenarioError e = errorOf(json);
        CHECK(e.message() == QStringLiteral("test.json: is empty"));
        CHECK(e.keyPath().isEmpty());
        CHECK(e.line() == 0);
    }
}

TEST_CASE("format and version are checked first", "[scenario][errors]")
{
    SECTION("missing format")
    {
        const ScenarioError e = errorOf(R"({"version": 1, "disk": "1T"})"_json);
        CHECK(e.keyPath() == QStringLiteral("format"));
        CHECK(e.reason().startsWith(QStringLiteral("missing")));
    }
    SECTION("another format")
    {
        const ScenarioError e = errorOf(R"({"format": "qemu-config", "version": 1})"_json);
        CHECK(e.keyPath() == QStringLiteral("format"));
        CHECK(e.reason().contains(QStringLiteral("\"qemu-config\" is not a scenario")));
    }
    SECTION("missing version")
    {
        const ScenarioError e = errorOf(R"({"format": "bitmig-scenario"})"_json);
        CHECK(e.keyPath() == QStringLiteral("version"));
        CHECK(e.reason().startsWith(QStringLiteral("missing")));
    }
    SECTION("a newer version names the version, before any unknown key")
    {
        const ScenarioError e =
            errorOf(R"({"format": "bitmig-scenario", "version": 6, "hologram": true})"_json);
        CHECK(e.keyPath() == QStringLiteral("version"));
        CHECK(e.reason().contains(QStringLiteral("version 6 is newer")));
        CHECK(e.reason().contains(QStringLiteral("reads version 5")));
    }
    SECTION("version 0")
    {
        CHECK(errorOf(R"({"format": "bitmig-scenario", "version": 0})"_json).keyPath() ==
              QStringLiteral("version"));
    }
    SECTION("version as a string")
    {
        const ScenarioError e = errorOf(R"({"format": "bitmig-scenario", "version": "1"})"_json);
        CHECK(e.reason() == QStringLiteral("expected a whole number, got a string"));
    }
    SECTION("not an object")
    {
        const ScenarioError e = errorOf("[1, 2]"_json);
        CHECK(e.keyPath().isEmpty());
        CHECK(e.message() == QStringLiteral("test.json: expected a JSON object at the top level"));
    }
}

TEST_CASE("JSON syntax errors report line and column", "[scenario][errors]")
{
    SECTION("a missing comma")
    {
        const QByteArray json =
            "{\n  \"format\": \"bitmig-scenario\",\n  \"version\": 1\n  \"disk\": \"1T\"\n}\n";
        const ScenarioError e = errorOf(json);
        INFO(e.message().toStdString());
        CHECK(e.keyPath().isEmpty());
        CHECK(e.line() == 4);
        CHECK(e.column() == 3);
        CHECK(e.message().startsWith(QStringLiteral("test.json: line 4, column 3: ")));
    }
    SECTION("columns count characters, not bytes")
    {
        // "é" is two bytes in UTF-8 but one column.
        const QByteArray json = "{\"name\": \"\xc3\xa9\" x}";
        const ScenarioError e = errorOf(json);
        INFO(e.message().toStdString());
        CHECK(e.line() == 1);
        CHECK(e.column() == 14);
    }
    SECTION("an unterminated document")
    {
        const ScenarioError e = errorOf("{\n  \"format\": \"bitmig-scenario\",\n"_json);
        INFO(e.message().toStdString());
        CHECK(e.line() == 3);
    }
}

// ---------------------------------------------------------------------------------------------
// Files

TEST_CASE("save and load a file", "[scenario][file]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("run.json"));
    const Scenario s = unusualScenario();

    ScenarioFile::save(path, s);
    CHECK(ScenarioFile::load(path) == s);

    SECTION("an invalid scenario is refused and the old file kept")
    {
        Scenario bad = s;
        bad.config.chunkBytes = 3;
        try {
            ScenarioFile::save(path, bad);
            FAIL("saved an invalid scenario");
        } catch (const ScenarioError& e) {
            CHECK(e.file() == path);
            CHECK(e.keyPath() == QStringLiteral("chunk"));
        }
        CHECK(ScenarioFile::load(path) == s);
    }
    SECTION("a file that cannot be written names the file and keeps the old one")
    {
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::ExeOwner);
        const bool writable = QFile(dir.filePath(QStringLiteral("probe"))).open(QIODevice::WriteOnly);
        if (!writable) { // running as root ignores the permissions; nothing to check then
            Scenario other = s;
            other.name = QStringLiteral("other");
            try {
                ScenarioFile::save(path, other);
                FAIL("saved into a read-only folder");
            } catch (const ScenarioError& e) {
                CHECK(e.file() == path);
                CHECK(e.reason().startsWith(QStringLiteral("cannot be written")));
            }
            CHECK(ScenarioFile::load(path) == s);
        }
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    SECTION("a folder that does not exist")
    {
        const QString missing = dir.filePath(QStringLiteral("no/such/folder/run.json"));
        CHECK_THROWS_AS(ScenarioFile::save(missing, s), ScenarioError);
    }
    SECTION("a missing file")
    {
        const QString missing = dir.filePath(QStringLiteral("missing.json"));
        try {
            ScenarioFile::load(missing);
            FAIL("loaded a missing file");
        } catch (const ScenarioError& e) {
            CHECK(e.file() == missing);
            CHECK(e.message() == missing + QStringLiteral(": does not exist"));
        }
        // The check the app makes of its --scenario argument gives the same message.
        try {
            ScenarioFile::checkReadable(missing);
            FAIL("a missing file passed the check");
        } catch (const ScenarioError& e) {
            CHECK(e.message() == missing + QStringLiteral(": does not exist"));
        }
        CHECK_NOTHROW(ScenarioFile::checkReadable(path));
    }
    SECTION("a folder")
    {
        try {
            ScenarioFile::load(dir.path());
            FAIL("loaded a folder");
        } catch (const ScenarioError& e) {
            CHECK(e.message() == dir.path() + QStringLiteral(": is a folder, not a file"));
        }
    }
    SECTION("errors in a loaded file name its path")
    {
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(scenarioWith(R"("chunk": "3K")"));
        f.close();
        try {
            ScenarioFile::load(path);
            FAIL("loaded a bad file");
        } catch (const ScenarioError& e) {
            CHECK(e.message().startsWith(path + QStringLiteral(": chunk: ")));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Presets

TEST_CASE("every preset file is compiled in, listed in resources.qrc and loads", "[scenario][presets]")
{
    const QStringList files = QDir(QStringLiteral(BITMIG_PRESET_DIR))
                                  .entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    REQUIRE(files.size() >= 10);

    QFile qrc(QStringLiteral(BITMIG_RESOURCE_DIR "/resources.qrc"));
    REQUIRE(qrc.open(QIODevice::ReadOnly));
    const QByteArray qrcText = qrc.readAll();

    for (const QString& file : files) {
        INFO(file.toStdString());
        CHECK(QFile::exists(QStringLiteral(":/presets/") + file));
        CHECK(qrcText.contains((QStringLiteral("presets/") + file).toUtf8()));
        const Scenario fromDisk = ScenarioFile::load(QStringLiteral(BITMIG_PRESET_DIR "/") + file);
        CHECK_FALSE(fromDisk.name.isEmpty());
        CHECK(fromDisk.description.size() > 40);
        CHECK_NOTHROW(fromDisk.config.validate());
        // Moderate bitmaps, so the app stays quick.
        CHECK(fromDisk.config.diskBytes / fromDisk.config.granularity <= uint64_t(1) << 28);
        // Round trip through the writer.
        CHECK(ScenarioFile::fromJson(ScenarioFile::toJson(fromDisk), file) == fromDisk);
    }

    const QList<Scenario> presets = ScenarioFile::presets();
    CHECK(presets.size() == files.size());
    QSet<QString> names;
    for (qsizetype i = 0; i < presets.size(); ++i) {
        names.insert(presets[i].name);
        if (i > 0) {
            CHECK(QString::compare(presets[i - 1].name, presets[i].name, Qt::CaseInsensitive) < 0);
        }
    }
    CHECK(names.size() == presets.size());
}

namespace {

MigrationSummary runPreset(const QString& file)
{
    const Scenario s = ScenarioFile::load(QStringLiteral(":/presets/") + file);
    MigrationEngine engine(s.config);
    engine.runToEnd();
    const MigrationSummary m = engine.summary();
    INFO(file.toStdString());
    // Every preset finishes well inside its time limit, and the bitmap arrives whole.
    CHECK(m.finished);
    CHECK(m.verified);
    CHECK(m.lostBits == 0);
    CHECK(m.totalTimeNs < int64_t(30) * 1'000'000'000);
    return m;
}

constexpr int64_t kMs = 1'000'000;

} // namespace

TEST_CASE("each preset behaves as its description says", "[scenario][presets][engine]")
{
    SECTION("idle disk: no dirty pass, nothing resent, next to no downtime")
    {
        const MigrationSummary m = runPreset(QStringLiteral("idle.json"));
        CHECK(m.converged);
        CHECK(m.dirtyPasses == 0);
        CHECK(m.chunksResent == 0);
        CHECK(m.chunksZeroes > m.chunks * 9 / 10);
        CHECK(m.downtimeNs < 1 * kMs);
    }
    SECTION("a hot spot resends far less than random writes at the same rate")
    {
        const MigrationSummary hot = runPreset(QStringLiteral("database-hotspot.json"));
        const MigrationSummary random = runPreset(QStringLiteral("random-4k.json"));
        CHECK(hot.converged);
        CHECK(hot.dirtyPasses <= 1);
        CHECK(random.converged);
        CHECK(random.dirtyPasses >= 3);
        CHECK(random.downtimeNs < 2 * random.maxDowntimeNs);
        CHECK(hot.chunksResent * 10 < random.chunksResent);
    }
    SECTION("a sequential writer dirties one chunk at a time")
    {
        const MigrationSummary m = runPreset(QStringLiteral("sequential-log.json"));
        CHECK(m.converged);
        CHECK(m.dirtyPasses == 0);
        CHECK(m.chunksResent <= 2);
    }
    SECTION("never converges: the pass cap forces completion")
    {
        const MigrationSummary m = runPreset(QStringLiteral("never-converges.json"));
        CHECK_FALSE(m.converged);
        CHECK(m.dirtyPasses == 10);
        CHECK(m.downtimeNs > 10 * m.maxDowntimeNs);
    }
    SECTION("16 TiB on 1 GbE: the three strategies")
    {
        const MigrationSummary pre = runPreset(QStringLiteral("16t-on-1gbe-precopy.json"));
        const MigrationSummary post = runPreset(QStringLiteral("16t-on-1gbe-postcopy.json"));
        const MigrationSummary stop = runPreset(QStringLiteral("16t-on-1gbe-stop-copy.json"));
        CHECK(pre.strategy == Strategy::Precopy);
        CHECK(post.strategy == Strategy::Postcopy);
        CHECK(stop.strategy == Strategy::StopAndCopy);
        CHECK(pre.converged);
        CHECK(pre.downtimeNs < 50 * kMs);
        CHECK(post.downtimeNs < 1 * kMs);
        CHECK(post.unusableWindowNs > 200 * kMs);
        CHECK(stop.downtimeNs > 200 * kMs);
        CHECK(stop.downtimeNs > 4 * pre.downtimeNs);
    }
    SECTION("three 4 TiB disks with backup chains: QEMU's precopy pauses for all nine bitmaps, postcopy for none")
    {
        const MigrationSummary stop = runPreset(QStringLiteral("three-disks-backup-chain-stop-copy.json"));
        const MigrationSummary post = runPreset(QStringLiteral("three-disks-backup-chain-postcopy.json"));
        for (const MigrationSummary* m : {&stop, &post}) {
            REQUIRE(m->bitmaps.size() == 9);
            uint64_t chunks = 0;
            for (const BitmapSummary& b : m->bitmaps) {
                CHECK(b.verified);
                CHECK(b.persistent);
                CHECK(b.chunksSent == b.chunks);  // every bitmap whole, once
                chunks += b.chunks;
                if (b.enabled) {
                    CHECK(b.dirtyBits > 0);
                } else {
                    CHECK(b.dirtyBits == 0);  // the previous incremental, frozen: all ZEROES
                    CHECK(b.chunksZeroes == b.chunks);
                }
            }
            CHECK(chunks == m->chunks);
            CHECK(m->chunks == 3 * (512 + 8192 + 8192));
        }
        CHECK(stop.strategy == Strategy::StopAndCopy);
        CHECK(stop.downtimeNs > 150 * kMs);
        CHECK(stop.downtimeNs < stop.maxDowntimeNs);
        CHECK(post.downtimeNs < 1 * kMs);
        CHECK(post.unusableWindowNs > 150 * kMs);
    }
    SECTION("the seed's 1 MiB chunk resends far more than 1 KiB")
    {
        const MigrationSummary big = runPreset(QStringLiteral("seed-1mib-chunk.json"));
        const MigrationSummary small = runPreset(QStringLiteral("seed-1kib-chunk.json"));
        CHECK(big.chunks == 32);
        CHECK(small.chunks == 32768);
        CHECK_FALSE(big.converged);
        CHECK(big.dirtyPasses == 30);
        CHECK(small.converged);
        CHECK(small.dirtyPasses == 0);
        CHECK(big.payloadBytes > 100 * small.wireBytes);
        CHECK(big.downtimeNs > big.maxDowntimeNs);
        CHECK(small.downtimeNs < 10 * kMs);
    }
    SECTION("the seed's 32 B and 2 B rows: headers are nearly all that crosses the link")
    {
        const MigrationSummary kib = runPreset(QStringLiteral("seed-1kib-chunk.json"));
        const MigrationSummary b32 = runPreset(QStringLiteral("seed-32b-chunk.json"));
        const MigrationSummary b2 = runPreset(QStringLiteral("seed-2b-chunk.json"));
        CHECK(b32.chunks == uint64_t(1) << 20);
        CHECK(b2.chunks == uint64_t(1) << 24);
        for (const MigrationSummary* m : {&b32, &b2}) {
            CHECK(m->converged);
            CHECK(m->dirtyPasses == 0);
            CHECK(m->overhead() > 0.99);
            CHECK(m->headerBytes > 10 * m->payloadBytes);
        }
        // Described as 13 MiB and 208 MiB of headers, 110 ms and 1.75 s against 20 ms.
        CHECK(b32.headerBytes > (uint64_t(12) << 20));
        CHECK(b32.headerBytes < (uint64_t(14) << 20));
        CHECK(b2.headerBytes > (uint64_t(200) << 20));
        CHECK(b2.headerBytes < (uint64_t(216) << 20));
        CHECK(b32.totalTimeNs > 4 * kib.totalTimeNs);
        CHECK(b2.totalTimeNs > 1000 * kMs);
        CHECK(b2.totalTimeNs < 2000 * kMs);
        CHECK(b2.wireBytes > 10 * b32.wireBytes);
    }
}

TEST_CASE("a huge value or key gives a one-line message that quotes a short prefix", "[scenario][errors]")
{
    // 10 MB values were echoed whole in a one-line error.
    const QByteArray huge(10'000'000, 'x');
    const QByteArray hugeDigits(10'000'000, '7');
    const struct {
        QByteArray body;
        const char* keyPath;
    } cases[] = {
        {R"("disk": ")" + huge + "\"", "disk"},
        {R"("disk": ")" + hugeDigits + "\"", "disk"},
        {R"("strategy": ")" + huge + "\"", "strategy"},
        {R"("bandwidth": ")" + huge + "\"", "bandwidth"},
        {R"("bandwidth": ")" + hugeDigits + "Gbit\"", "bandwidth"},
        {R"("latency": ")" + huge + "\"", "latency"},
        {R"("latency": ")" + hugeDigits + "s\"", "latency"},
        {R"("latency": ")" + hugeDigits + "\"", "latency"},
        {R"("seed": ")" + huge + "\"", "seed"},
        {R"("workload": {"type": ")" + huge + "\"}", "workload.type"},
        {R"("workload": {"writeSize": ")" + huge + "..1K\"}", "workload.writeSize"},
        {R"("injections": [{"time": 0, "op": ")" + huge + R"(", "offset": 0, "length": 512}])", "injections[0].op"},
        {R"("format": ")" + huge + "\"", "format"},
    };
    for (const auto& c : cases) {
        QByteArray json = c.body;
        if (!json.startsWith("\"format\"")) {
            json = R"({"format": "bitmig-scenario", "version": 1, )" + json + "}";
        } else {
            json = "{" + json + R"(, "version": 1})";
        }
        const ScenarioError e = errorOf(json);
        INFO(c.keyPath << ": " << e.message().left(300).toStdString());
        CHECK(e.keyPath() == QLatin1String(c.keyPath));
        CHECK(e.message().size() < 300);
        CHECK(e.message().count(QLatin1Char('\n')) == 0);
        CHECK(e.message().contains(QStringLiteral("...")));
    }
}

TEST_CASE("an unknown key of megabytes is named by a prefix, and no suggestion is searched", "[scenario][errors]")
{
    const QByteArray key(10'000'000, 'k');
    const ScenarioError e = errorOf(R"({"format": "bitmig-scenario", "version": 1, ")" + key + R"(": 1})");
    CHECK(e.reason() == QStringLiteral("unknown key"));
    CHECK(e.keyPath().size() < 80);
    CHECK(e.message().size() < 120);

    // The search compares only keys within two characters of the unknown one's length: none here.
    static constexpr const char* kKnown[] = {"strategy", "bandwidth", "latency", "workload"};
    qsizetype cells = -1;
    CHECK(ScenarioReader::nearestKey(QString::fromLatin1(key), kKnown, &cells) == nullptr);
    CHECK(cells == 0);
    CHECK(ScenarioReader::nearestKey(QStringLiteral("k").repeated(12), kKnown, &cells) == nullptr);
    CHECK(cells == 0);
    // A near miss is still found, at the cost of the few keys of about its length.
    CHECK(std::string(ScenarioReader::nearestKey(QStringLiteral("Stratgy"), kKnown, &cells)) == "strategy");
    CHECK(cells == 7 * (8 + 9 + 7 + 8));  // all four are within two characters of its length
    CHECK(ScenarioReader::nearestKey(QStringLiteral("latencies"), kKnown, &cells) == nullptr);
    CHECK(cells == 9 * (8 + 9 + 7 + 8));
    // What the reader suggests for a typo, as before.
    CHECK(errorOf(scenarioWith(R"("bandwith": "1Gbit")")).reason() ==
          QStringLiteral("unknown key (did you mean \"bandwidth\"?)"));
}

TEST_CASE("a raw control character is reported where it is, not as a missing key", "[scenario][errors]")
{
    // A NUL inside "format" was reported as "format: missing".
    const QByteArray nul("{\"format\": \"bitmig-sce\0nario\", \"version\": 1}", 44);
    ScenarioError e = errorOf(nul);
    CHECK(e.message() == QStringLiteral("test.json: line 1, column 23: a raw control character (U+0000) inside a "
                                        "string; JSON needs it escaped as \\u0000"));
    e = errorOf("{\"format\": \"bitmig-scenario\", \"version\": 1,\n \"name\": \"a\tb\"}");
    CHECK(e.message() == QStringLiteral("test.json: line 2, column 12: a raw control character (U+0009) inside a "
                                        "string; JSON needs it escaped as \\u0009"));
    e = errorOf("{\"format\": \"bitmig-scenario\",\x01 \"version\": 1}");
    CHECK(e.message() == QStringLiteral("test.json: line 1, column 30: a raw control character (U+0001) is not JSON"));
    // Escaped, they are fine; so are tabs and line breaks between the tokens.
    const Scenario s = ScenarioFile::fromJson(
        "{\"format\":\t\"bitmig-scenario\",\r\n\"version\": 1, \"name\": \"a\\tb\\u0000c\"}", QStringLiteral("ok.json"));
    CHECK(s.name == QStringLiteral("a\tb") + QChar(0) + QStringLiteral("c"));
}

TEST_CASE("a key given twice is reported by its key path and both lines", "[scenario][errors]")
{
    const struct {
        const char* json;
        const char* message;
    } cases[] = {
        {"{\"format\": \"bitmig-scenario\", \"version\": 1,\n\"disk\": \"1T\",\n\"tick\": \"1ms\",\n\"disk\": \"2T\"}",
         "test.json: disk: the key appears twice in one object, on line 2 and on line 4 (a reader would silently "
         "keep only one)"},
        {"{\"format\": \"bitmig-scenario\", \"version\": 1,\n\"workload\": {\"rate\": 5,\n\"rate\": 6}}",
         "test.json: workload.rate: the key appears twice in one object, on line 2 and on line 3 (a reader would "
         "silently keep only one)"},
        {"{\"format\": \"bitmig-scenario\", \"version\": 1, \"injections\": [\n"
         "{\"time\": 0, \"offset\": 0, \"length\": 512},\n"
         "{\"time\": 0, \"offset\": 0, \"length\": 512,\n\"time\": 5}]}",
         "test.json: injections[1].time: the key appears twice in one object, on line 3 and on line 4 (a reader "
         "would silently keep only one)"},
        {"{\"format\": \"bitmig-scenario\", \"version\": 1, \"disk\": \"1T\", \"\\u0064isk\": \"2T\"}",
         "test.json: disk: the key appears twice in one object, on line 1 and on line 1 (a reader would silently "
         "keep only one)"},
    };
    for (const auto& c : cases) {
        INFO(c.json);
        CHECK(errorOf(c.json).message() == QString::fromUtf8(c.message));
    }
    // The same key in different objects, or as a string value, is no duplicate.
    const Scenario s = ScenarioFile::fromJson(
        R"({"format": "bitmig-scenario", "version": 2, "name": "time", "description": "name",
            "injections": [{"time": "1s", "offset": 0, "length": 512}, {"time": "2s", "offset": 0, "length": 512}],
            "workload": {"type": "idle", "trace": null}})",
        QStringLiteral("ok.json"));
    CHECK(s.config.injections.size() == 2);
}

TEST_CASE("a scenario whose run cannot fit in memory is refused at its disk, before anything is allocated",
          "[scenario][memory]")
{
    qputenv("BITMIG_MEMORY_LIMIT", "16G");  // the same refusal on a machine with more than that
    const QByteArray json = R"({"format": "bitmig-scenario", "version": 1, "disk": "64P"})";
    try {
        ScenarioFile::fromJson(json, QStringLiteral("huge.json"));
        FAIL("a 64 PiB disk at 64 KiB was accepted");
    } catch (const ScenarioError& e) {
        CHECK(e.file() == QStringLiteral("huge.json"));
        CHECK(e.keyPath() == QStringLiteral("disk"));
        CHECK(e.reason().startsWith(QStringLiteral("the run needs ")));
        CHECK((e.reason().contains(QStringLiteral("BITMIG_MEMORY_LIMIT allows 16 GiB")) ||
               e.reason().contains(QStringLiteral("this machine has "))));
    }
    // What fits loads.
    const Scenario small =
        ScenarioFile::fromJson(R"({"format": "bitmig-scenario", "version": 1, "disk": "64T"})", QStringLiteral("ok.json"));
    CHECK(small.config.diskBytes == uint64_t(64) << 40);
    qunsetenv("BITMIG_MEMORY_LIMIT");
}

TEST_CASE("BITMIG_MEMORY_LIMIT replaces what the machine has: lower refuses, higher lets a sparse run go",
          "[scenario][memory]")
{
    const QByteArray json =
        R"({"format": "bitmig-scenario", "version": 1, "disk": "64T", "granularity": "512"})";
    qputenv("BITMIG_MEMORY_LIMIT", "1G");
    CHECK_THROWS_AS(ScenarioFile::fromJson(json, QStringLiteral("sparse.json")), ScenarioError);
    qputenv("BITMIG_MEMORY_LIMIT", "1P");  // far above any machine: the dense worst case is 32 GiB
    const Scenario s = ScenarioFile::fromJson(json, QStringLiteral("sparse.json"));
    CHECK(s.config.diskBytes == uint64_t(64) << 40);
    qunsetenv("BITMIG_MEMORY_LIMIT");
}

TEST_CASE("Scenario: a value validate() refuses is reported at its key path, from the typed field", "[scenario]")
{
    const struct {
        const char* body;
        const char* keyPath;
        const char* reason;
    } cases[] = {
        {R"("tick": "2s")", "tick", "must be between 1 us and 1 s"},
        {R"("maxDowntime": "600000min")", "maxDowntime",
         "must be at most 365 days (31536000 s), got 36000000000000000 ns"},
        {R"("disk": "1M", "workload": {"type": "uniform", "writeSize": "4K..2M"})", "workload.writeSize",
         "is larger than the disk"},
        {R"("workload": {"type": "hotspot", "hotFraction": 2})", "workload.hotFraction", "must be in (0, 1]"},
        {R"("disk": "1M", "injections": [{"time": "0s", "offset": 0, "length": 512},
                                         {"time": "0s", "offset": "1M", "length": 512}])",
         "injections[1]", "range [1048576, +512) is past the end of the disk"},
        {R"("injections": [{"time": "0s", "offset": 0, "length": 0}])", "injections[0].length", "must be above zero"},
    };
    for (const auto& c : cases) {
        INFO(c.body);
        const ScenarioError e = errorOf(scenarioWith(c.body));
        CHECK(e.keyPath() == QLatin1String(c.keyPath));
        CHECK(e.reason() == QLatin1String(c.reason));
    }
    CHECK(ScenarioReader::keyPathForField(ConfigField::Chunk) == QStringLiteral("chunk"));
    CHECK(ScenarioReader::keyPathForField(ConfigField::WorkloadMinWriteBytes) == QStringLiteral("workload.writeSize"));
    CHECK(ScenarioReader::keyPathForField(ConfigField::WorkloadTrace) == QStringLiteral("workload.trace.path"));
    CHECK(ScenarioReader::keyPathForField(ConfigField::InjectionTime, 4) == QStringLiteral("injections[4].time"));
    CHECK(ScenarioReader::keyPathForField(ConfigField::Fault, 0) == QStringLiteral("faults[0]"));
}
