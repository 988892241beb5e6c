// Scenario files, version 3: link faults ("faults") and the retry after one ("faultRetry").
#include "app/scenario/scenariofile.h"

#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace bitmig;

namespace {

QByteArray file(int version, const char* body)
{
    return QByteArray(R"({"format": "bitmig-scenario", "version": )") + QByteArray::number(version) + ", " + body +
           "}";
}

ScenarioError errorOf(const QByteArray& json)
{
    try {
        ScenarioFile::fromJson(json, QStringLiteral("f.json"));
    } catch (const ScenarioError& e) {
        return e;
    }
    FAIL("no error for " << json.toStdString());
    return ScenarioError(QString(), QString(), QString());
}

} // namespace

TEST_CASE("faults and faultRetry are read as times", "[scenario][fault]")
{
    const Scenario s = ScenarioFile::fromJson(file(3, R"("faults": ["1.5s", 2000, "0"], "faultRetry": "250ms")"),
                                              QStringLiteral("f.json"));
    CHECK(s.config.faultsNs == std::vector<int64_t>{1'500'000'000, 2000, 0});
    CHECK(s.config.faultRetryNs == 250'000'000);
    const Scenario none = ScenarioFile::fromJson(file(3, R"("faults": ["1s"], "faultRetry": null)"), QStringLiteral("f.json"));
    CHECK(none.config.faultRetryNs == -1);
    // Left out: no faults, no retry.
    const Scenario plain = ScenarioFile::fromJson(file(1, R"("disk": "64G")"), QStringLiteral("f.json"));
    CHECK(plain.config.faultsNs.empty());
    CHECK(plain.config.faultRetryNs == -1);
}

TEST_CASE("faults round-trip, the writer says version 3 only when they are set", "[scenario][fault]")
{
    Scenario s;
    s.name = QStringLiteral("Faulty link");
    s.config.faultsNs = {3'000'000'000, 1'500'000'000, 7};
    s.config.faultRetryNs = 200'000'000;
    const QByteArray json = ScenarioFile::toJson(s);
    INFO(json.toStdString());
    CHECK(json.contains(R"("version": 3)"));
    CHECK(json.contains("\"faults\": [\"3s\", \"1.5s\", 7],\n  \"faultRetry\": \"200ms\"\n}"));
    const Scenario back = ScenarioFile::fromJson(json, QStringLiteral("f.json"));
    CHECK(back == s);
    CHECK(ScenarioFile::toJson(back) == json);

    // Faults with no retry: null.
    s.config.faultRetryNs = -1;
    CHECK(ScenarioFile::toJson(s).contains(R"("faultRetry": null)"));
    CHECK(ScenarioFile::fromJson(ScenarioFile::toJson(s), QStringLiteral("f.json")) == s);

    // No faults: the keys are left out and the file stays version 1, as older readers expect.
    Scenario plain;
    const QByteArray old = ScenarioFile::toJson(plain);
    CHECK(old.contains(R"("version": 1)"));
    CHECK_FALSE(old.contains("fault"));

    // Through a file, as the app saves it.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.json"));
    s.config.faultRetryNs = 0;
    ScenarioFile::save(path, s);
    CHECK(ScenarioFile::load(path).config == s.config);
}

TEST_CASE("faults in an older version, or with bad values, are named", "[scenario][fault][errors]")
{
    SECTION("version 2 does not have them")
    {
        const ScenarioError e = errorOf(file(2, R"("faults": ["1s"])"));
        CHECK(e.keyPath() == QStringLiteral("faults"));
        CHECK(e.reason() == QStringLiteral("needs version 3 of the format; the file says version 2"));
        const ScenarioError r = errorOf(file(1, R"("faultRetry": "1s")"));
        CHECK(r.keyPath() == QStringLiteral("faultRetry"));
        CHECK(r.reason() == QStringLiteral("needs version 3 of the format; the file says version 1"));
    }
    SECTION("not an array")
    {
        const ScenarioError e = errorOf(file(3, R"("faults": "1s")"));
        CHECK(e.keyPath() == QStringLiteral("faults"));
        CHECK(e.reason() == QStringLiteral("expected an array of times, got a string"));
    }
    SECTION("an entry without a unit, or negative")
    {
        const ScenarioError e = errorOf(file(3, R"("faults": ["1s", "300"])"));
        CHECK(e.keyPath() == QStringLiteral("faults[1]"));
        CHECK(e.reason().contains(QStringLiteral("needs a unit")));
        CHECK(errorOf(file(3, R"("faults": [-5])")).keyPath() == QStringLiteral("faults[0]"));
    }
    SECTION("a bad retry")
    {
        const ScenarioError e = errorOf(file(3, R"("faults": ["1s"], "faultRetry": true)"));
        CHECK(e.keyPath() == QStringLiteral("faultRetry"));
        CHECK(errorOf(file(3, R"("faultRetry": "-1s")")).keyPath() == QStringLiteral("faultRetry"));
    }
    SECTION("a near miss gets a suggestion")
    {
        const ScenarioError e = errorOf(file(3, R"("fault": ["1s"])"));
        CHECK(e.keyPath() == QStringLiteral("fault"));
        CHECK(e.reason() == QStringLiteral("unknown key (did you mean \"faults\"?)"));
    }
}
