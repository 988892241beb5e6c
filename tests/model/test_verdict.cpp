// The explanation's convergence verdict on the shipped presets: from dirty pass 2 on, what it says
// is what the run then does, and a run that will not converge is told so before the cap.
#include "app/model/phaseexplainer.h"
#include "app/scenario/scenariofile.h"
#include "tests/support/snapshotconfig.h"

#include <bitmig/convergence.h>
#include <bitmig/migrationengine.h>

#include <QDir>
#include <QString>

#include <catch2/catch.hpp>

using namespace bitmig;
using bitmig::test::editConfig;

namespace {

struct Verdicts {
    MigrationSummary summary;
    std::vector<std::pair<unsigned, ConvergenceForecast>> forecasts;  // (pass, forecast)
    std::vector<std::pair<unsigned, QString>> texts;                  // (pass, explanation body)
};

// Runs a configuration to its end, taking the explanation as the window would at the start of
// every dirty pass and once in its middle.
Verdicts run(const SimConfig& config)
{
    MigrationEngine engine(config);
    Verdicts v;
    size_t seen = 0;
    while (!engine.finished()) {
        engine.step();
        const auto& passes = engine.passes();
        if (passes.size() == seen || passes.empty() || passes.back().endNs >= 0 || passes.back().pass == 0) {
            continue;
        }
        seen = passes.size();
        SimSnapshot s;
        s.config = engine.sharedConfig();
        s.phase = engine.phase();
        s.pass = engine.pass();
        s.nowNs = engine.nowNs();
        s.pendingBytes = engine.pendingBytes();
        s.thresholdBytes = engine.downtimeBudgetBytes();
        s.summary.passes = passes;
        v.forecasts.emplace_back(passes.back().pass, PhaseExplainer::forecast(s));
        v.texts.emplace_back(passes.back().pass, PhaseExplainer::explain(s).body);
    }
    v.summary = engine.summary();
    return v;
}

} // namespace

TEST_CASE("the verdict on every preset agrees with how the run ends", "[verdict][presets]")
{
    const QStringList files = QDir(QStringLiteral(BITMIG_PRESET_DIR))
                                  .entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    REQUIRE(files.size() >= 10);
    unsigned decisive = 0;
    for (const QString& file : files) {
        INFO(file.toStdString());
        const Scenario sc = ScenarioFile::load(QStringLiteral(BITMIG_PRESET_DIR "/") + file);
        const Verdicts v = run(sc.config);
        REQUIRE(v.summary.finished);
        for (const auto& [pass, f] : v.forecasts) {
            if (pass < 2 || !f.decisive()) {
                continue;
            }
            INFO("dirty pass " << pass);
            ++decisive;
            CHECK(f.converges() == v.summary.converged);
        }
        for (const auto& [pass, text] : v.texts) {
            if (pass < 2) {
                continue;
            }
            INFO("dirty pass " << pass << ": " << text.toStdString());
            if (!v.summary.converged) {
                CHECK_FALSE(text.contains(QStringLiteral("It converges")));
            } else {
                CHECK_FALSE(text.contains(QStringLiteral("will not converge")));
                CHECK_FALSE(text.contains(QStringLiteral("cannot converge")));
            }
        }
    }
    CHECK(decisive > 0);
}

TEST_CASE("'Never converges' says so, and why, before the pass cap forces completion", "[verdict][presets]")
{
    const Scenario sc = ScenarioFile::load(QStringLiteral(BITMIG_PRESET_DIR "/never-converges.json"));
    const Verdicts v = run(sc.config);
    REQUIRE(v.summary.finished);
    REQUIRE_FALSE(v.summary.converged);
    REQUIRE(v.summary.dirtyPasses == sc.config.maxPasses);
    // Decided before the last pass, and it stays decided.
    unsigned firstDecided = 0;
    for (const auto& [pass, f] : v.forecasts) {
        if (f.decisive() && !firstDecided) {
            firstDecided = pass;
        }
        if (firstDecided) {
            CHECK(f.decisive());
            CHECK_FALSE(f.converges());
        }
    }
    CHECK(firstDecided >= 2);
    CHECK(firstDecided < sc.config.maxPasses);
    for (const auto& [pass, text] : v.texts) {
        if (pass >= firstDecided && firstDecided) {
            INFO(text.toStdString());
            CHECK(text.contains(QStringLiteral("will not converge")));
            CHECK(text.contains(QStringLiteral("the guest is paused anyway")));
        }
    }
}

TEST_CASE("the seed's 1 MiB chunks: the verdict is the pass cap's, never 'it converges'", "[verdict][presets]")
{
    const Scenario sc = ScenarioFile::load(QStringLiteral(BITMIG_PRESET_DIR "/seed-1mib-chunk.json"));
    const Verdicts v = run(sc.config);
    REQUIRE_FALSE(v.summary.converged);
    bool decided = false;
    for (const auto& [pass, text] : v.texts) {
        INFO("pass " << pass << ": " << text.toStdString());
        CHECK_FALSE(text.contains(QStringLiteral("It converges")));
        decided = decided || (pass < sc.config.maxPasses && text.contains(QStringLiteral("will not converge")));
    }
    CHECK(decided);
}

TEST_CASE("a zero downtime budget cannot converge, and the verdict says why", "[verdict]")
{
    Scenario sc = ScenarioFile::load(QStringLiteral(BITMIG_PRESET_DIR "/never-converges.json"));
    sc.config.maxDowntimeNs = 0;
    sc.config.maxPasses = 5;
    const Verdicts v = run(sc.config);
    REQUIRE_FALSE(v.summary.converged);
    REQUIRE_FALSE(v.texts.empty());
    for (const auto& [pass, text] : v.texts) {
        INFO(text.toStdString());
        CHECK(text.contains(QStringLiteral("cannot converge")));
        CHECK(text.contains(QStringLiteral("maximum downtime")));
    }
}

TEST_CASE("a run whose first dirty pass is still going: too early to tell", "[verdict]")
{
    SimSnapshot s;
    editConfig(s).strategy = Strategy::Precopy;
    s.phase = Phase::Dirty;
    s.pass = 1;
    PassStats bulk;
    bulk.pass = 0;
    bulk.startNs = 0;
    bulk.endNs = 100;
    bulk.pendingStart = 1'000'000;
    bulk.pendingEnd = 400'000;
    bulk.budgetBytes = 1000;
    PassStats first;
    first.pass = 1;
    first.startNs = 100;
    first.pendingStart = 400'000;
    s.summary.passes = {bulk, first};
    const QString body = PhaseExplainer::explain(s).body;
    CHECK(body.contains(QStringLiteral("Too early to tell")));
    CHECK(PhaseExplainer::forecast(s).outcome == ConvergenceForecast::Outcome::TooEarly);
}

TEST_CASE("a run stopped by its time limit is explained as stopped, not as still sending", "[verdict]")
{
    Scenario sc = ScenarioFile::load(QStringLiteral(BITMIG_PRESET_DIR "/never-converges.json"));
    sc.config.timeLimitNs = 3'000'000'000;  // in the bulk pass
    MigrationEngine engine(sc.config);
    engine.runToEnd();
    REQUIRE(engine.finished());
    REQUIRE(engine.phase() == Phase::Bulk);
    SimSnapshot s;
    s.config = engine.sharedConfig();
    s.phase = engine.phase();
    s.nowNs = engine.nowNs();
    s.timeLimitReached = true;
    s.summary = engine.summary();
    const PhaseExplainer::Text t = PhaseExplainer::explain(s);
    CHECK(t.title == QStringLiteral("Stopped at the time limit"));
    CHECK(t.body.contains(QStringLiteral("3.00 s")));
    CHECK(t.body.contains(QStringLiteral("bulk")));
    CHECK_FALSE(t.body.contains(QStringLiteral("Every chunk is sent once")));
}
