// PhaseExplainer on hand-made snapshots: a title and a body for every phase and strategy, the
// figures of the snapshot in them, and what overrides the phase (time limit, a refused stream).
#include "app/model/phaseexplainer.h"
#include "tests/support/snapshotconfig.h"

#include <QLocale>
#include <QSet>

#include <catch2/catch.hpp>

using namespace bitmig;
using bitmig::test::editConfig;

namespace {

SimSnapshot at(Phase phase, Strategy strategy = Strategy::Precopy)
{
    SimSnapshot s;
    editConfig(s).strategy = strategy;
    s.phase = phase;
    return s;
}

} // namespace

TEST_CASE("every phase has its own title and a body", "[model][explainer]")
{
    QSet<QString> titles;
    for (Phase p : {Phase::Idle, Phase::Setup, Phase::Bulk, Phase::Dirty, Phase::Complete, Phase::Done,
                    Phase::Cancelled}) {
        const auto text = PhaseExplainer::explain(at(p));
        INFO(text.title.toStdString());
        CHECK_FALSE(text.title.isEmpty());
        CHECK_FALSE(text.body.isEmpty());
        titles.insert(text.title);
    }
    CHECK(titles.size() == 7);
}

TEST_CASE("the explanation quotes the snapshot's figures", "[model][explainer]")
{
    const QLocale l;
    SimSnapshot s = at(Phase::Idle);
    s.dirtyBits = 12345;
    CHECK(PhaseExplainer::explain(s).body.contains(l.toString(12345)));

    s = at(Phase::Bulk);
    s.chunkCount = 2000;
    s.cursorChunk = 500;
    auto text = PhaseExplainer::explain(s);
    CHECK(text.body.contains(l.toString(500)));
    CHECK(text.body.contains(l.toString(2000)));
    CHECK(text.body.contains(l.toString(25.0, 'f', 1)));

    s = at(Phase::Dirty);
    s.pass = 7;
    s.dirtyChunks = 4321;
    text = PhaseExplainer::explain(s);
    CHECK(text.title.contains(QStringLiteral("7")));
    CHECK(text.body.contains(l.toString(4321)));
}

TEST_CASE("setup, bulk and complete speak of the strategy that runs", "[model][explainer]")
{
    const QString precopy = PhaseExplainer::explain(at(Phase::Setup)).body;
    const QString postcopy = PhaseExplainer::explain(at(Phase::Setup, Strategy::Postcopy)).body;
    const QString stopCopy = PhaseExplainer::explain(at(Phase::Setup, Strategy::StopAndCopy)).body;
    CHECK(precopy.contains(QStringLiteral("meta bitmap")));
    CHECK(postcopy.contains(QStringLiteral("successor")));
    CHECK(stopCopy.contains(QStringLiteral("paused")));
    CHECK(PhaseExplainer::explain(at(Phase::Bulk, Strategy::Postcopy)).title !=
          PhaseExplainer::explain(at(Phase::Bulk)).title);
    CHECK(PhaseExplainer::explain(at(Phase::Complete, Strategy::Postcopy)).body !=
          PhaseExplainer::explain(at(Phase::Complete)).body);
}

TEST_CASE("a finished run says whether it verified and whether it converged", "[model][explainer]")
{
    SimSnapshot s = at(Phase::Done);
    s.summary.verified = true;
    s.summary.converged = true;
    const auto good = PhaseExplainer::explain(s);
    CHECK(good.title.contains(QStringLiteral("verified")));
    CHECK_FALSE(good.title.contains(QStringLiteral("NOT")));
    CHECK_FALSE(good.body.contains(QStringLiteral("did not converge")));
    s.summary.verified = false;
    s.summary.converged = false;
    const auto bad = PhaseExplainer::explain(s);
    CHECK(bad.title.contains(QStringLiteral("NOT verified")));
    CHECK(bad.body.contains(QStringLiteral("did not converge")));
}

TEST_CASE("the time limit and a refused stream override what the phase says", "[model][explainer]")
{
    SimSnapshot s = at(Phase::Bulk);
    editConfig(s).timeLimitNs = 300'000'000;
    s.timeLimitReached = true;
    const auto stopped = PhaseExplainer::explain(s);
    CHECK(stopped.title.contains(QStringLiteral("time limit")));
    CHECK(stopped.body.contains(QStringLiteral("bulk")));
    CHECK(stopped.body != PhaseExplainer::explain(at(Phase::Bulk)).body);

    s = at(Phase::Dirty);
    s.summary.error = "bad record";
    CHECK(PhaseExplainer::explain(s).body.endsWith(QStringLiteral("bad record")));
}

TEST_CASE("the explanation says why the dirty phase converges or not", "[model]")
{
    // The verdict comes from what the passes measured, not from a comparison of rates.
    SimSnapshot s;
    editConfig(s).bandwidth = 125e6;
    editConfig(s).maxPasses = 10;
    s.phase = Phase::Dirty;
    s.pass = 3;
    auto pass = [](unsigned n, int64_t start, int64_t end, uint64_t before, uint64_t after) {
        PassStats p;
        p.pass = n;
        p.startNs = start;
        p.endNs = end;
        p.pendingStart = before;
        p.pendingEnd = after;
        p.budgetBytes = 50'000;
        return p;
    };
    // Each pass leaves a tenth of what it began with: 10 MB, 1 MB, 100 kB, then 10 kB fits in pass 4.
    s.summary.passes = {pass(0, 0, 800'000'000, 100'000'000, 100'000'000),
                        pass(1, 800'000'000, 880'000'000, 100'000'000, 10'000'000),
                        pass(2, 880'000'000, 888'000'000, 10'000'000, 1'000'000),
                        pass(3, 888'000'000, -1, 1'000'000, 0)};
    s.nowNs = 888'000'000;
    auto text = PhaseExplainer::explain(s);
    CHECK(text.title.contains(QStringLiteral("3")));
    CHECK(text.body.contains(QStringLiteral("It converges")));
    CHECK(text.body.contains(QStringLiteral("in pass 4")));
    // Each pass leaves as much as it began with: a floor far above the budget.
    s.summary.passes = {pass(0, 0, 800'000'000, 100'000'000, 13'000'000),
                        pass(1, 800'000'000, 910'000'000, 13'000'000, 13'000'000),
                        pass(2, 910'000'000, 1'020'000'000, 13'000'000, 13'100'000),
                        pass(3, 1'020'000'000, -1, 13'100'000, 0)};
    s.nowNs = 1'020'000'000;
    text = PhaseExplainer::explain(s);
    CHECK(text.body.contains(QStringLiteral("will not converge")));
    CHECK_FALSE(text.body.contains(QStringLiteral("It converges")));
}

TEST_CASE("before a scheduled start the explanation says when the migration starts by itself", "[model][explainer]")
{
    const QLocale l;
    SimSnapshot s = at(Phase::Idle);
    editConfig(s).migrationStartNs = 2'000'000'000;
    s.nowNs = 500'000'000;
    const QString scheduled = PhaseExplainer::explain(s).body;
    INFO(scheduled.toStdString());
    CHECK(scheduled.contains(QStringLiteral("starts by itself at %1 s").arg(l.toString(2.0, 'f', 2))));
    CHECK(scheduled.contains(QStringLiteral("in %1 s").arg(l.toString(1.5, 'f', 2))));
    CHECK_FALSE(scheduled.contains(QStringLiteral("Press Start migration")));

    // Never by itself (-1): only the button starts it.
    editConfig(s).migrationStartNs = -1;
    const QString manual = PhaseExplainer::explain(s).body;
    CHECK(manual.contains(QStringLiteral("Press Start migration")));
    CHECK_FALSE(manual.contains(QStringLiteral("by itself")));
}
