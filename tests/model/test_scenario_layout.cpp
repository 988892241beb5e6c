// Scenario files of version 4: several disks and bitmaps, read, written back and refused by key path.
#include "app/scenario/scenarioerror.h"
#include "app/scenario/scenariofile.h"

#include <catch2/catch.hpp>

using namespace bitmig;

namespace {

QByteArray layoutScenario(const char* disks, const char* bitmaps, int version = 4, const char* extra = "")
{
    return QByteArray(R"({"format": "bitmig-scenario", "version": )") + QByteArray::number(version) +
           R"(, "disks": )" + disks + R"(, "bitmaps": )" + bitmaps + extra + "}";
}

constexpr const char* kDisks = R"([{"node": "drive0", "size": "4T"}, {"node": "drive1", "size": "2T"}])";
constexpr const char* kBitmaps =
    R"([{"disk": "drive0", "name": "incr"}, {"disk": "drive0", "name": "full", "granularity": "1M",
        "enabled": false, "persistent": true}, {"disk": "drive1", "name": "incr", "granularity": "4K"}])";

ScenarioError errorOf(const QByteArray& json)
{
    try {
        ScenarioFile::fromJson(json, QStringLiteral("layout.json"));
    } catch (const ScenarioError& e) {
        return e;
    }
    FAIL("no error for " << json.toStdString());
    return ScenarioError(QString(), QString(), QString());
}

} // namespace

TEST_CASE("a version 4 scenario reads its disks and bitmaps and writes them back", "[scenario][layout]")
{
    const Scenario s = ScenarioFile::fromJson(layoutScenario(kDisks, kBitmaps), QStringLiteral("layout.json"));
    const SimConfig& c = s.config;
    REQUIRE(c.disks.size() == 2);
    REQUIRE(c.bitmaps.size() == 3);
    CHECK(c.disks[1] == DiskSpec{"drive1", uint64_t(2) << 40});
    CHECK(c.bitmaps[0] == BitmapSpec{0, "incr", 64 * 1024, true, false});
    CHECK(c.bitmaps[1] == BitmapSpec{0, "full", 1 << 20, false, true});
    CHECK(c.bitmaps[2] == BitmapSpec{1, "incr", 4096, true, false});
    CHECK(c.diskBytes == uint64_t(4) << 40);  // the first bitmap's disk
    CHECK(c.guestBytes() == uint64_t(6) << 40);
    const QByteArray json = ScenarioFile::toJson(s);
    CHECK(json.contains("\"version\": 4"));
    CHECK(json.contains("\"disks\""));
    CHECK_FALSE(json.contains("\"granularity\": \"64K\",\n  \"chunk\""));  // no one-disk keys
    CHECK(ScenarioFile::fromJson(json, QStringLiteral("again.json")) == s);
    // A scenario of one disk keeps its older version and keys.
    Scenario one;
    CHECK(ScenarioFile::toJson(one).contains("\"version\": 1"));
    CHECK_FALSE(ScenarioFile::toJson(one).contains("\"disks\""));
}

TEST_CASE("a bad layout is refused naming its key path", "[scenario][layout]")
{
    struct Case {
        QByteArray json;
        QString keyPath;
        QString reasonPart;
    };
    const Case cases[] = {
        {layoutScenario(kDisks, kBitmaps, 3), QStringLiteral("disks"), QStringLiteral("needs version 4")},
        {layoutScenario(kDisks, kBitmaps, 4, R"(, "granularity": "4K")"), QStringLiteral("granularity"),
         QStringLiteral("not with")},
        {QByteArray(R"({"format": "bitmig-scenario", "version": 4, "disks": [{"node": "a", "size": "1G"}]})"),
         QStringLiteral("bitmaps"), QStringLiteral("go together")},
        {layoutScenario(kDisks, R"([{"disk": "drive9", "name": "x"}])"), QStringLiteral("bitmaps[0].disk"),
         QStringLiteral("drive9")},
        {layoutScenario(kDisks, R"([{"disk": "drive1", "name": "x"}, {"disk": "drive0", "name": "y"}])"),
         QStringLiteral("bitmaps[1].disk"), QStringLiteral("disk by disk")},
        {layoutScenario(kDisks, R"([{"disk": "drive0", "name": "x"}, {"disk": "drive0", "name": "x"}])"),
         QStringLiteral("bitmaps[1].name"), QStringLiteral("named twice")},
        {layoutScenario(kDisks, R"([{"disk": "drive0", "name": "x", "granularity": "1000"}])"),
         QStringLiteral("bitmaps[0].granularity"), QStringLiteral("power of two")},
        {layoutScenario(R"([{"node": "a", "size": "1000"}])", R"([{"disk": "a", "name": "x"}])"),
         QStringLiteral("disks[0].size"), QStringLiteral("multiple of 512")},
        {layoutScenario(kDisks, R"([{"disk": "drive0", "name": "x", "enabled": 1}])"),
         QStringLiteral("bitmaps[0].enabled"), QStringLiteral("true or false")},
        {layoutScenario(kDisks, R"([{"disk": "drive0", "nmae": "x"}])"), QStringLiteral("bitmaps[0].nmae"),
         QString()},
        {layoutScenario(kDisks, "[]"), QStringLiteral("bitmaps"), QStringLiteral("at least one")},
    };
    for (const Case& c : cases) {
        CAPTURE(c.json.toStdString());
        const ScenarioError e = errorOf(c.json);
        CHECK(e.keyPath() == c.keyPath);
        CHECK(e.reason().contains(c.reasonPart));
    }
}

TEST_CASE("a version 5 scenario gives each bitmap its own starting bits, and writes them back", "[scenario][layout][startbits]")
{
    const char* bitmaps =
        R"([{"disk": "drive0", "name": "incr", "startBits": [{"offset": "0", "length": "1M"}, {"offset": 4398046510592, "length": 512}]},
            {"disk": "drive0", "name": "full", "granularity": "1M", "enabled": false, "startBits": [{"offset": "3G", "length": "64K"}]},
            {"disk": "drive1", "name": "incr", "startBits": []}])";
    const Scenario s = ScenarioFile::fromJson(layoutScenario(kDisks, bitmaps, 5), QStringLiteral("bits.json"));
    const SimConfig& c = s.config;
    REQUIRE(c.bitmaps.size() == 3);
    CHECK(c.bitmaps[0].startBits == std::vector<Range>{Range{0, 1 << 20}, Range{(uint64_t(4) << 40) - 512, 512}});
    CHECK(c.bitmaps[1].startBits == std::vector<Range>{Range{uint64_t(3) << 30, 64 * 1024}});
    CHECK(c.bitmaps[2].startBits.empty());
    const QByteArray json = ScenarioFile::toJson(s);
    CHECK(json.contains("\"version\": 5"));
    CHECK(json.contains("\"startBits\": ["));
    CHECK(ScenarioFile::fromJson(json, QStringLiteral("again.json")) == s);
    // Without starting bits a layout stays version 4, with no startBits key.
    Scenario plain = s;
    for (BitmapSpec& b : plain.config.bitmaps) {
        b.startBits.clear();
    }
    const QByteArray four = ScenarioFile::toJson(plain);
    CHECK(four.contains("\"version\": 4"));
    CHECK_FALSE(four.contains("startBits"));
    CHECK(ScenarioFile::fromJson(four, QStringLiteral("four.json")) == plain);
}

TEST_CASE("bad starting bits are refused naming their key path", "[scenario][layout][startbits]")
{
    struct Case {
        QByteArray json;
        QString keyPath;
        QString reasonPart;
    };
    auto one = [](const char* startBits, int version = 5) {
        return layoutScenario(kDisks,
                              (QByteArray(R"([{"disk": "drive0", "name": "a"}, {"disk": "drive1", "name": "b", "startBits": )") +
                               startBits + "}]")
                                  .constData(),
                              version);
    };
    const Case cases[] = {
        {one(R"([{"offset": 0, "length": 512}])", 4), QStringLiteral("bitmaps[1].startBits"), QStringLiteral("needs version 5 of the format; the file says version 4")},
        {one(R"({"offset": 0})"), QStringLiteral("bitmaps[1].startBits"), QStringLiteral("an array of objects")},
        {one(R"([{"offset": 0, "length": 512}, 7])"), QStringLiteral("bitmaps[1].startBits[1]"), QStringLiteral("an object")},
        {one(R"([{"offset": 0, "length": 512}, {"offset": 0, "lenght": 512}])"), QStringLiteral("bitmaps[1].startBits[1].lenght"), QString()},
        {one(R"([{"offset": 0}])"), QStringLiteral("bitmaps[1].startBits[0].length"), QStringLiteral("missing")},
        {one(R"([{"offset": "1Q", "length": 512}])"), QStringLiteral("bitmaps[1].startBits[0].offset"), QStringLiteral("unknown size unit")},
        {one(R"([{"offset": 0, "length": 0}])"), QStringLiteral("bitmaps[1].startBits[0].length"), QStringLiteral("must be above zero")},
        // drive1 is 2 TiB: inside the guest's 6 TiB, past its own disk.
        {one(R"([{"offset": 0, "length": 512}, {"offset": "2T", "length": 512}])"), QStringLiteral("bitmaps[1].startBits[1]"),
         QStringLiteral("past the end of disk \"drive1\" (2199023255552 bytes)")},
    };
    for (const Case& c : cases) {
        CAPTURE(c.json.toStdString());
        const ScenarioError e = errorOf(c.json);
        CHECK(e.keyPath() == c.keyPath);
        CHECK(e.reason().contains(c.reasonPart));
    }
    // A version 6 file is refused as newer than this program, which reads version 5.
    const ScenarioError newer = errorOf(one("[]", 6));
    CHECK(newer.keyPath() == QStringLiteral("version"));
    CHECK(newer.reason().contains(QStringLiteral("reads version 5 and older")));
}
