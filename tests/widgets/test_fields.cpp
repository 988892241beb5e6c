// The Parameters and Workload fields: what is typed and committed with Enter is what the run gets,
// read by the command line's parsers; what cannot be read, or does not fit, is refused at the field
// with the range it accepts, and the previous value stays and is shown again.
#include "tests/support/fieldinput.h"
#include "widgets/parameterspanel.h"
#include "widgets/sizespinbox.h"
#include "widgets/unitfield.h"
#include "widgets/workloadnames.h"
#include "widgets/workloadpanel.h"

#include <bitmig/runmemory.h>

#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

#include <catch2/catch.hpp>

using namespace bitmig;
using namespace bitmig::test;

namespace {

// Sets BITMIG_MEMORY_LIMIT for one scope, so a refusal does not depend on this machine's memory.
struct MemoryLimit {
    explicit MemoryLimit(const char* v) { qputenv("BITMIG_MEMORY_LIMIT", v); }
    ~MemoryLimit() { qunsetenv("BITMIG_MEMORY_LIMIT"); }
};

} // namespace

TEST_CASE("Parameters: a bandwidth is read as bitmig reads it, and shown as understood", "[fields]")
{
    ParametersPanel p;
    QSignalSpy edited(&p, &ParametersPanel::configEdited);
    UnitField* f = p.bandwidthField();
    const struct {
        const char* typed;
        double bytesPerSecond;
        const char* shown;
    } cases[] = {
        {"10 Gbit/s", 1.25e9, "10 Gbit/s"}, {"10Gbps", 1.25e9, "10 Gbit/s"}, {"100 Mbit", 12.5e6, "100 Mbit/s"},
        {"125MB/s", 125.0 * 1048576, "125 MiB/s"}, {"1.5 GiB/s", 1.5 * 1073741824, "1.5 GiB/s"},
        {"1000000", 1e6, "8 Mbit/s"},
    };
    for (const auto& c : cases) {
        INFO(c.typed);
        typeAndEnter(f, QLatin1String(c.typed));
        CHECK(p.config().bandwidth == c.bytesPerSecond);
        CHECK(textOf(f) == QLatin1String(c.shown));
        CHECK(p.problem().isEmpty());
        REQUIRE(!edited.isEmpty());
        CHECK(edited.last().at(0).value<SimConfig>().bandwidth == c.bytesPerSecond);
    }
    CHECK(edited.count() == 5);  // "10Gbps" after "10 Gbit/s" changes nothing
}

TEST_CASE("Parameters: a bandwidth bitmig refuses is refused at the field, and the old one stays", "[fields]")
{
    ParametersPanel p;
    typeAndEnter(p.bandwidthField(), QStringLiteral("10 Gbit/s"));
    QSignalSpy edited(&p, &ParametersPanel::configEdited);
    for (const char* bad : {"1e99", "-1", "fast", "0", "10 Gbyte/s"}) {
        INFO(bad);
        typeAndEnter(p.bandwidthField(), QLatin1String(bad));
        CHECK(p.config().bandwidth == 1.25e9);
        CHECK(textOf(p.bandwidthField()) == QStringLiteral("10 Gbit/s"));
        CHECK(p.problemAt(p.bandwidthField()).startsWith(QStringLiteral("Not applied: ")));
        CHECK(p.problemAt(p.bandwidthField()).contains(QLatin1String(bad)));
        CHECK(edited.isEmpty());
    }
    // The message stays until a value is accepted.
    leave(p.bandwidthField());
    CHECK_FALSE(p.problemAt(p.bandwidthField()).isEmpty());
    typeAndEnter(p.bandwidthField(), QStringLiteral("1 Gbit/s"));
    CHECK(p.problemAt(p.bandwidthField()).isEmpty());
    CHECK(edited.count() == 1);
}

TEST_CASE("Parameters: counts, times and the seed are neither clamped nor reverted silently", "[fields]")
{
    ParametersPanel p;
    QSignalSpy edited(&p, &ParametersPanel::configEdited);
    const SimConfig start = p.config();

    // Refused, with the accepted range, the previous value shown again.
    const struct {
        UnitField* field;
        const char* typed;
        const char* says;
    } refused[] = {
        {p.maxPassesField(), "-1", "'-1' is not a whole number from 0 to 100000"},
        {p.maxPassesField(), "1000000000", "'1000000000' is too large (use a whole number from 0 to 100000)"},
        {p.tickField(), "0", "Tick: must be between 1 µs and 1 s"},
        {p.tickField(), "2s", "Tick: must be between 1 µs and 1 s"},
        {p.startAtField(), "-5", "'-5' is not a duration"},
        {p.latencyField(), "soon", "'soon' is not a duration"},
        {p.seedField(), "18446744073709551616", "is too large (use a whole number from 0 to 2^64 - 1)"},
        {p.seedField(), "-1", "'-1' is not a whole number from 0 to 2^64 - 1"},
    };
    for (const auto& r : refused) {
        INFO(r.typed);
        const QString shown = textOf(r.field);
        typeAndEnter(r.field, QLatin1String(r.typed));
        CHECK(p.config() == start);
        CHECK(textOf(r.field) == shown);
        CHECK(p.problemAt(r.field).contains(QString::fromUtf8(r.says)));
        CHECK(edited.isEmpty());
    }

    // Accepted as typed.
    typeAndEnter(p.maxPassesField(), QStringLiteral("100000"));
    CHECK(p.config().maxPasses == 100000);
    typeAndEnter(p.latencyField(), QStringLiteral("99999999"));  // milliseconds, as --latency
    CHECK(p.config().latencyNs == int64_t(99999999) * 1'000'000);
    CHECK(textOf(p.latencyField()) == QStringLiteral("99999.999 s"));
    typeAndEnter(p.tickField(), QStringLiteral("250us"));
    CHECK(p.config().tickNs == 250'000);
    CHECK(textOf(p.tickField()) == QString::fromUtf8("250 µs"));  // microseconds shown as µs
    // The field reads back what it shows, and "us" as well.
    typeAndEnter(p.tickField(), QString::fromUtf8("1.5 µs"));
    CHECK(p.config().tickNs == 1'500);
    CHECK(textOf(p.tickField()) == QString::fromUtf8("1.5 µs"));
    typeAndEnter(p.tickField(), QStringLiteral("250us"));
    CHECK(p.config().tickNs == 250'000);
    for (UnitField* duration : {p.latencyField(), p.tickField()}) {
        CHECK(duration->toolTip().contains(QString::fromUtf8(" µs")));
        CHECK_FALSE(duration->toolTip().contains(QStringLiteral(" us")));
    }
    typeAndEnter(p.seedField(), QStringLiteral("18446744073709551615"));
    CHECK(p.config().seed == ~uint64_t(0));
    CHECK(textOf(p.seedField()) == QStringLiteral("18446744073709551615"));
    CHECK(edited.count() == 6);
    for (UnitField* corrected : {p.maxPassesField(), p.latencyField(), p.tickField(), p.seedField()}) {
        CHECK(p.problemAt(corrected).isEmpty());
    }
    CHECK(p.problemAt(p.startAtField()).contains(QStringLiteral("'-5'")));  // not corrected yet

    // A scenario's 2^64 - 1 seed is shown as it is.
    SimConfig c;
    c.seed = ~uint64_t(0);
    p.setConfig(c);
    CHECK(textOf(p.seedField()) == QStringLiteral("18446744073709551615"));
    CHECK(p.config().seed == ~uint64_t(0));
}

TEST_CASE("Parameters: Enter commits a disk size once, and leaving the field later does not again", "[fields]")
{
    ParametersPanel p;
    QSignalSpy edited(&p, &ParametersPanel::configEdited);
    typeAndEnter(p.diskField(), QStringLiteral("8 TiB"));
    REQUIRE(edited.count() == 1);
    CHECK(edited.at(0).at(0).value<SimConfig>().diskBytes == uint64_t(8) << 40);
    CHECK(p.config().diskBytes == uint64_t(8) << 40);
    CHECK(textOf(p.diskField()) == QStringLiteral("8 TiB"));
    leave(p.diskField());
    CHECK(edited.count() == 1);
    // "8T" is the same disk: nothing to apply.
    typeAndEnter(p.diskField(), QStringLiteral("8T"));
    leave(p.diskField());
    CHECK(edited.count() == 1);
    CHECK(textOf(p.diskField()) == QStringLiteral("8 TiB"));
    // An exact figure for a size that is no whole number of a unit.
    typeAndEnter(p.diskField(), QStringLiteral("1000000000000"));
    CHECK(p.config().diskBytes == 1000000000000);
    CHECK(textOf(p.diskField()) == QStringLiteral("976562500 KiB"));
}

TEST_CASE("Parameters: a disk that cannot fit in memory is refused at the field with both figures", "[fields]")
{
    const MemoryLimit limit("16G");
    ParametersPanel p;
    QSignalSpy edited(&p, &ParametersPanel::configEdited);
    const SimConfig before = p.config();
    typeAndEnter(p.diskField(), QStringLiteral("64 PiB"));
    CHECK(edited.isEmpty());
    CHECK(p.config() == before);
    CHECK(textOf(p.diskField()) == SizeSpinBox::format(before.diskBytes));
    const QString why = p.problemAt(p.diskField());
    CHECK(why.startsWith(QStringLiteral("Not applied: the run needs ")));
    CHECK((why.contains(QStringLiteral("BITMIG_MEMORY_LIMIT allows 16 GiB")) ||
           why.contains(QStringLiteral("this machine has "))));
    CHECK(why.contains(QStringLiteral("disks up to ")));

    // A granularity that makes the same disk too large: refused at the granularity.
    typeAndEnter(p.diskField(), QStringLiteral("64 TiB"));
    REQUIRE(edited.count() == 1);
    p.granularityField()->setCurrentIndex(p.granularityField()->findData(QVariant::fromValue<qulonglong>(512)));
    CHECK(p.config().granularity == 65536);
    CHECK(p.granularityField()->currentData().toULongLong() == 65536);
    CHECK(p.problemAt(p.granularityField()).startsWith(QStringLiteral("Not applied: the run needs ")));
    CHECK(edited.count() == 1);

    // Not a size at all.
    typeAndEnter(p.diskField(), QStringLiteral("lots"));
    CHECK(p.config().diskBytes == uint64_t(64) << 40);
    CHECK(p.problemAt(p.diskField()).contains(QStringLiteral("'lots'")));
}

TEST_CASE("Workload: rates, shares and periods are read as bitmig reads them", "[fields]")
{
    WorkloadPanel w;
    QSignalSpy edited(&w, &WorkloadPanel::workloadEdited);
    typeAndEnter(w.rateField(), QStringLiteral("30k"));
    CHECK(w.workload().rate == 30000);
    typeAndEnter(w.rateField(), QStringLiteral("1.5M"));
    CHECK(w.workload().rate == 1.5e6);
    CHECK(textOf(w.rateField()) == QStringLiteral("1500000"));
    CHECK(edited.count() == 2);

    for (const char* bad : {"-1", "many", "2G"}) {  // 2G is above 1e9 writes per second
        INFO(bad);
        typeAndEnter(w.rateField(), QLatin1String(bad));
        CHECK(w.workload().rate == 1.5e6);
        CHECK(textOf(w.rateField()) == QStringLiteral("1500000"));
        CHECK_FALSE(w.problemAt(w.rateField()).isEmpty());
    }
    CHECK(w.problemAt(w.rateField()).contains(QStringLiteral("between 0 and 1e9")));
    CHECK(edited.count() == 2);

    WorkloadSpec hot;
    hot.kind = WorkloadKind::HotSpot;
    w.setWorkload(hot);
    typeAndEnter(w.hotFractionField(), QStringLiteral("0.001"));  // percent of the disk
    CHECK(w.workload().hotFraction == 0.00001);
    typeAndEnter(w.hotFractionField(), QStringLiteral("150"));
    CHECK(w.workload().hotFraction == 0.00001);
    // The field is in percent, and so is its refusal; it names the field by its caption.
    CHECK(w.problemAt(w.hotFractionField()) ==
          QStringLiteral("Not applied: Hot area (% of disk): must be above 0 % and at most 100 %, got 150 %"));

    // A write larger than the disk is refused at the field, as bitmig refuses it.
    w.setDiskBytes(uint64_t(1) << 20);
    typeAndEnter(w.maxSizeField(), QStringLiteral("2M"));
    CHECK(w.workload().maxWriteBytes == hot.maxWriteBytes);
    CHECK(w.problemAt(w.maxSizeField()).contains(QStringLiteral("larger than the disk")));
}

TEST_CASE("Parameters: a refusal stays at its field until that field is corrected", "[fields]")
{
    const MemoryLimit limit("16G");
    ParametersPanel p;
    QObject::connect(&p, &ParametersPanel::configEdited, &p, [&p](const SimConfig& c) { p.setConfig(c); });
    typeAndEnter(p.bandwidthField(), QStringLiteral("1e99"));
    const QString bandwidthWhy = p.problemAt(p.bandwidthField());
    REQUIRE_FALSE(bandwidthWhy.isEmpty());
    // Another field refused, then another accepted (and the run's values come back to the panel):
    typeAndEnter(p.diskField(), QStringLiteral("64 PiB"));
    CHECK_FALSE(p.problemAt(p.diskField()).isEmpty());
    typeAndEnter(p.tickField(), QStringLiteral("2ms"));
    CHECK(p.config().tickNs == 2'000'000);
    CHECK(p.problemAt(p.bandwidthField()) == bandwidthWhy);
    CHECK_FALSE(p.problemAt(p.diskField()).isEmpty());
    CHECK(p.problemAt(p.tickField()).isEmpty());
    // Corrected: the message goes.
    typeAndEnter(p.diskField(), QStringLiteral("2 TiB"));
    CHECK(p.problemAt(p.diskField()).isEmpty());
    CHECK(p.problemAt(p.bandwidthField()) == bandwidthWhy);
    // A configuration from elsewhere (a scenario, undo) starts over without messages.
    p.setConfig(SimConfig{});
    CHECK(p.problem().isEmpty());
}

TEST_CASE("Workload: the type list names every kind as workloadKindLabel() does, in that order", "[fields]")
{
    WorkloadPanel w;
    auto* kinds = w.findChild<QComboBox*>();
    REQUIRE(kinds);
    REQUIRE(kinds->count() == int(std::size(kWorkloadKinds)));
    for (int i = 0; i < kinds->count(); ++i) {
        CHECK(kinds->itemData(i).toInt() == int(kWorkloadKinds[i]));
        CHECK(kinds->itemText(i) == workloadKindLabel(kWorkloadKinds[i]));
    }
    CHECK(kinds->itemText(1) == QStringLiteral("Uniform random"));
}

TEST_CASE("Workload: a refusal names the field by its caption, not the scenario key, and shares in percent", "[fields]")
{
    WorkloadPanel w;
    // The smallest write raised above the largest: the message under "from" says which field holds
    // the value that no longer fits, as the panel names it.
    typeAndEnter(w.maxSizeField(), QStringLiteral("64K"));
    typeAndEnter(w.minSizeField(), QStringLiteral("128K"));
    CHECK(w.workload().minWriteBytes == WorkloadSpec{}.minWriteBytes);
    const QString sizes = w.problemAt(w.minSizeField());
    INFO(sizes.toStdString());
    CHECK_FALSE(sizes.contains(QStringLiteral("workload.")));
    CHECK(sizes == QStringLiteral("Not applied: to: must be a multiple of 512 B and at least the smallest write size "
                                  "(128 KiB), got 64 KiB"));

    WorkloadSpec bursts;
    bursts.kind = WorkloadKind::Bursts;
    w.setWorkload(bursts);
    typeAndEnter(w.burstDutyField(), QStringLiteral("120"));
    CHECK(w.workload().burstDuty == bursts.burstDuty);
    CHECK(w.problemAt(w.burstDutyField()) ==
          QStringLiteral("Not applied: Burst duty (%): must be from 0.0001 % to 100 %, got 120 %"));
}

TEST_CASE("Parameters: a refusal names the field by its caption, not the scenario key", "[fields]")
{
    ParametersPanel p;
    const SimConfig start = p.config();
    typeAndEnter(p.tickField(), QStringLiteral("2s"));
    CHECK(p.config() == start);
    const QString tick = p.problemAt(p.tickField());
    INFO(tick.toStdString());
    CHECK(tick == QString::fromUtf8("Not applied: Tick: must be between 1 µs and 1 s, got 2 s"));
    CHECK_FALSE(tick.contains(QStringLiteral("tick:")));
}
