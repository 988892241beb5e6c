// The window's fields and the run: what Enter commits in the Parameters dock is what the controller
// runs, once; what is refused at the field never reaches the run.
#include "app/mainwindow.h"
#include "tests/support/fieldinput.h"
#include "tests/support/simulation.h"
#include "widgets/parameterspanel.h"
#include "widgets/sizespinbox.h"
#include "widgets/unitfield.h"
#include "widgets/workloadpanel.h"

#include <QLineEdit>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>
#include <QUndoStack>

#include <catch2/catch.hpp>

using namespace bitmig;
using namespace bitmig::test;

TEST_CASE("Enter in the Disk field starts the run over once, with the size typed", "[fields][mainwindow]")
{
    MainWindow w;
    w.show();
    const SimConfig cfg = smallConfig();
    w.controller()->setConfig(cfg);
    waitFor(*w.controller(), [&cfg](const SimSnapshot& s) { return *s.config == cfg; });
    QSignalSpy changed(w.controller(), &SimulationController::configChanged);
    const int undoBefore = w.undoStack()->count();

    typeAndEnter(w.parameters()->diskField(), QStringLiteral("8 TiB"));
    REQUIRE(changed.count() == 1);
    CHECK(w.controller()->config().diskBytes == uint64_t(8) << 40);
    auto s = waitFor(*w.controller(), [](const SimSnapshot& s) { return s.config->diskBytes == uint64_t(8) << 40; });
    CHECK(s->config->diskBytes == uint64_t(8) << 40);
    leave(w.parameters()->diskField());
    CHECK_FALSE(changed.wait(200));  // leaving the field commits nothing again
    CHECK(changed.count() == 1);
    CHECK(w.undoStack()->count() == undoBefore + 1);

    typeAndEnter(w.parameters()->bandwidthField(), QStringLiteral("10 Gbit/s"));
    CHECK(w.controller()->config().bandwidth == 1.25e9);
    CHECK(w.parameters()->bandwidthField()->findChild<QLineEdit*>()->text() == QStringLiteral("10 Gbit/s"));
}

TEST_CASE("a disk that cannot fit is refused at the field and the run keeps its disk", "[fields][mainwindow][memory]")
{
    qputenv("BITMIG_MEMORY_LIMIT", "16G");
    MainWindow w;
    w.show();
    const SimConfig cfg = smallConfig();
    w.controller()->setConfig(cfg);
    waitFor(*w.controller(), [&cfg](const SimSnapshot& s) { return *s.config == cfg; });
    QSignalSpy changed(w.controller(), &SimulationController::configChanged);
    QSignalSpy failed(w.controller(), &SimulationController::failed);

    typeAndEnter(w.parameters()->diskField(), QStringLiteral("64 PiB"));
    CHECK_FALSE(changed.wait(200));  // no run of that size is even asked for
    CHECK(changed.isEmpty());
    CHECK(failed.isEmpty());
    CHECK(w.controller()->config().diskBytes == cfg.diskBytes);
    CHECK(w.parameters()->config().diskBytes == cfg.diskBytes);
    CHECK(w.parameters()->diskField()->findChild<QLineEdit*>()->text() == SizeSpinBox::format(cfg.diskBytes));
    CHECK(w.parameters()->problemAt(w.parameters()->diskField()).contains(QStringLiteral("the run needs ")));
    CHECK_FALSE(w.statusBar()->currentMessage().contains(QStringLiteral("bad_alloc")));
    qunsetenv("BITMIG_MEMORY_LIMIT");
}

TEST_CASE("in German, a value the run refuses is refused at the field in German", "[fields][mainwindow][i18n]")
{
    qputenv("BITMIG_MEMORY_LIMIT", "16G");
    MainWindow w;
    w.show();
    REQUIRE(w.setLanguage(QStringLiteral("de")));
    ParametersPanel* p = w.parameters();
    const SimConfig before = p->config();

    typeAndEnter(p->tickField(), QStringLiteral("2s"));
    CHECK(p->config() == before);
    CHECK(p->problemAt(p->tickField()) ==
          QStringLiteral("Nicht übernommen: Takt: muss zwischen 1 µs und 1 s liegen, erhalten: 2 s"));

    typeAndEnter(p->diskField(), QStringLiteral("64 PiB"));
    CHECK(p->config() == before);
    const QString memory = p->problemAt(p->diskField());
    CHECK(memory.startsWith(QStringLiteral("Nicht übernommen: der Lauf braucht ")));
    CHECK(memory.contains(QStringLiteral("BITMIG_MEMORY_LIMIT erlaubt 16 GiB")));

    WorkloadPanel* workload = w.workloadPanel();
    typeAndEnter(workload->rateField(), QStringLiteral("2G"));
    CHECK(workload->problemAt(workload->rateField()) ==
          QStringLiteral("Nicht übernommen: Rate (Schreibvorgänge/s): muss zwischen 0 und 1e9 Schreibvorgängen pro "
                         "Sekunde liegen, erhalten: 2e9"));

    // The same refusal in English reads as it always has.
    REQUIRE(w.setLanguage(QStringLiteral("en")));
    typeAndEnter(p->tickField(), QStringLiteral("2s"));
    CHECK(p->problemAt(p->tickField()).startsWith(QStringLiteral("Not applied: Tick: must be between 1 µs and 1 s")));
    qunsetenv("BITMIG_MEMORY_LIMIT");
}

TEST_CASE("in German, text a field cannot read is refused in German, with the text as typed", "[fields][mainwindow][i18n]")
{
    MainWindow w;
    w.setSettingsEnabled(false);
    w.show();
    REQUIRE(w.setLanguage(QStringLiteral("de")));
    ParametersPanel* p = w.parameters();
    const SimConfig before = p->config();

    typeAndEnter(p->bandwidthField(), QStringLiteral("10 Gbitz"));
    CHECK(p->config() == before);
    CHECK(p->problemAt(p->bandwidthField())
              .startsWith(QStringLiteral("Nicht übernommen: „10 Gbitz“ hat eine unbekannte Bandbreiten-Einheit „Gbitz“")));
    typeAndEnter(p->tickField(), QStringLiteral("soon"));
    CHECK(p->problemAt(p->tickField()) ==
          QStringLiteral("Nicht übernommen: „soon“ ist keine Dauer (sie muss mit einer Ziffer beginnen)."));
    typeAndEnter(p->diskField(), QStringLiteral("4 TX"));
    CHECK(p->problemAt(p->diskField())
              .startsWith(QStringLiteral("Nicht übernommen: „4 TX“ hat eine unbekannte Größeneinheit „TX“")));
    CHECK(p->config() == before);

    REQUIRE(w.setLanguage(QStringLiteral("en")));
    typeAndEnter(p->tickField(), QStringLiteral("1.5 fortnights"));
    CHECK(p->problemAt(p->tickField()) ==
          QStringLiteral("Not applied: '1.5 fortnights' has an unknown time unit 'fortnights' (use ns, µs or us, ms, s or min)."));
}
