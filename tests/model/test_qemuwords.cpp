// The window says which strategy is what QEMU does: the explanation of the setup phase.
#include "app/model/phaseexplainer.h"
#include "tests/support/snapshotconfig.h"

#include <bitmig/simsnapshot.h>

#include <catch2/catch.hpp>

using namespace bitmig;
using bitmig::test::editConfig;

namespace {

QString setupText(Strategy strategy)
{
    SimSnapshot s;
    editConfig(s).strategy = strategy;
    s.phase = Phase::Setup;
    return PhaseExplainer::explain(s).body;
}

} // namespace

TEST_CASE("the setup explanation says where QEMU puts the bitmaps", "[qemu][explainer]")
{
    const QString stopCopy = setupText(Strategy::StopAndCopy);
    CHECK(stopCopy.contains(QStringLiteral("QEMU's precopy puts the bitmaps today")));
    CHECK(stopCopy.contains(QStringLiteral("guest is paused")));
    const QString precopy = setupText(Strategy::Precopy);
    CHECK(precopy.contains(QStringLiteral("2015 proposal")));
    CHECK_FALSE(setupText(Strategy::Postcopy).contains(QStringLiteral("2015")));
}
