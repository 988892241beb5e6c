// Scenario files of version 5: a comparison's lanes, read, written back and refused by key path.
#include "app/scenario/scenariofile.h"

#include <QDir>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace bitmig;

namespace {

QByteArray withLanes(const QByteArray& lanes, int version = 5)
{
    return R"({"format": "bitmig-scenario", "version": )" + QByteArray::number(version) +
           R"(, "disk": "64G", "chunk": "1K", "lanes": )" + lanes + "}";
}

ScenarioError errorOf(const QByteArray& json)
{
    try {
        ScenarioFile::fromJson(json, QStringLiteral("cmp.json"));
    } catch (const ScenarioError& e) {
        return e;
    }
    FAIL("no error for " << json.toStdString());
    return ScenarioError(QString(), QString(), QString());
}

} // namespace

TEST_CASE("a version 5 scenario reads its lanes and writes them back", "[scenario][lanes]")
{
    const Scenario s = ScenarioFile::fromJson(
        withLanes(R"([{"name": "big", "chunk": "1M"}, {"chunk": 32, "strategy": "postcopy", "bandwidth": "100Mbit",
                      "maxDowntime": "30ms", "maxPasses": 5, "latency": "1ms", "completeOnlyBelow": "1M",
                      "granularity": "4K"}])"),
        QStringLiteral("cmp.json"));
    REQUIRE(s.lanes.size() == 2);
    CHECK(s.lanes[0].name == QStringLiteral("big"));
    CHECK(s.lanes[0].overrides.chunkBytes == uint64_t(1) << 20);
    CHECK_FALSE(s.lanes[0].overrides.strategy);
    const LaneOverrides& o = s.lanes[1].overrides;
    CHECK(s.lanes[1].name.isEmpty());
    CHECK(o.chunkBytes == 32u);
    CHECK(o.strategy == Strategy::Postcopy);
    CHECK(o.bandwidth == 12.5e6);
    CHECK(o.maxDowntimeNs == 30'000'000);
    CHECK(o.maxPasses == 5u);
    CHECK(o.latencyNs == 1'000'000);
    CHECK(o.completeOnlyBelow == uint64_t(1) << 20);
    CHECK(o.granularity == 4096u);
    CHECK(s.config.chunkBytes == 1024u);  // the shared value stays

    const QByteArray written = ScenarioFile::toJson(s);
    CHECK(written.contains("\"version\": 5"));
    CHECK(written.contains("\"lanes\": ["));
    const Scenario back = ScenarioFile::fromJson(written, QStringLiteral("back.json"));
    CHECK(back == s);

    // Without lanes the file stays at the oldest version that holds it.
    Scenario single = s;
    single.lanes.clear();
    CHECK(ScenarioFile::toJson(single).contains("\"version\": 1"));
    CHECK_FALSE(ScenarioFile::toJson(single).contains("lanes"));
}

TEST_CASE("a comparison saves and loads through a file", "[scenario][lanes][file]")
{
    QTemporaryDir dir;
    Scenario s;
    s.name = QStringLiteral("Chunks");
    s.config.diskBytes = uint64_t(64) << 30;
    s.lanes = {ScenarioLane{QStringLiteral("1 MiB chunks"), {}}, ScenarioLane{QStringLiteral("32 B chunks"), {}}};
    s.lanes[0].overrides.chunkBytes = uint64_t(1) << 20;
    s.lanes[1].overrides.chunkBytes = 32;
    const QString path = QDir(dir.path()).filePath(QStringLiteral("cmp.json"));
    ScenarioFile::save(path, s);
    CHECK(ScenarioFile::load(path) == s);
}

TEST_CASE("a bad lanes entry is named by its key path", "[scenario][lanes][errors]")
{
    struct Case {
        QByteArray json;
        QString keyPath;
        QString reason;
    };
    const std::vector<Case> cases = {
        {withLanes(R"([{"chunk": "1K"}, {"chunk": "1K"}])", 4), QStringLiteral("lanes"),
         QStringLiteral("needs version 5 of the format; the file says version 4")},
        {withLanes(R"({"chunk": "1K"})"), QStringLiteral("lanes"), QStringLiteral("expected an array of objects, got an object")},
        {withLanes(R"([{"chunk": "1K"}])"), QStringLiteral("lanes"), QStringLiteral("a comparison has 2 to 4 lanes, got 1")},
        {withLanes(R"([{}, {}, {}, {}, {}])"), QStringLiteral("lanes"),
         QStringLiteral("a comparison has 2 to 4 lanes, got 5")},
        {withLanes(R"([{}, 3])"), QStringLiteral("lanes[1]"), QStringLiteral("expected an object, got a number")},
        {withLanes(R"([{}, {}, {"chunk": "3K"}])"), QStringLiteral("lanes[2].chunk"),
         QStringLiteral("must be a power of two from 1 B to 1 MiB, got 3 KiB")},
        {withLanes(R"([{}, {"chnk": "1K"}])"), QStringLiteral("lanes[1].chnk"),
         QStringLiteral("unknown key (did you mean \"chunk\"?)")},
        {withLanes(R"([{}, {"disk": "1T"}])"), QStringLiteral("lanes[1].disk"), QStringLiteral("unknown key")},
        {withLanes(R"([{}, {"strategy": "warp"}])"), QStringLiteral("lanes[1].strategy"),
         QStringLiteral("\"warp\" is not a strategy (use precopy, postcopy or stop-copy)")},
        {withLanes(R"([{"maxDowntime": "300"}, {}])"), QStringLiteral("lanes[0].maxDowntime"),
         QStringLiteral("\"300\" needs a unit (ns, us, ms, s, min or h); a JSON number is nanoseconds")},
        {withLanes(R"([{}, {"name": 5}])"), QStringLiteral("lanes[1].name"), QStringLiteral("expected a string, got a number")},
        // A value the lane's whole configuration refuses (SimConfig::validate()), at the lane's key.
        {withLanes(R"([{}, {"latency": "9000h"}])"), QStringLiteral("lanes[1].latency"),
         QStringLiteral("must be at most 365 days (31536000 s), got 32400000000000000 ns")},
    };
    for (const Case& c : cases) {
        INFO(c.json.toStdString());
        const ScenarioError e = errorOf(c.json);
        CHECK(e.keyPath().toStdString() == c.keyPath.toStdString());
        CHECK(e.reason().toStdString() == c.reason.toStdString());
        CHECK(e.message().startsWith(QStringLiteral("cmp.json: ") + c.keyPath + QStringLiteral(": ")));
    }
}
