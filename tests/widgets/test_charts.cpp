// MigrationCharts and the pieces under it: the decimated sample history, the axis ticks and the
// phase bands, checked as values (no pixels).
#include "enginerun.h"
#include "widgets/axisticks.h"
#include "widgets/chartmodel.h"
#include "widgets/chartscales.h"
#include "widgets/chartstyle.h"
#include "widgets/migrationcharts.h"
#include "widgets/ratechart.h"
#include "widgets/samplehistory.h"
#include "tests/support/qtwait.h"
#include "tests/support/snapshotconfig.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QGraphicsScene>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QTest>
#include <QToolTip>

#include <catch2/catch.hpp>

#include <cmath>
#include <memory>

using namespace bitmig;
using bitmig::test::waitUntil;
using bitmig::test::editConfig;

namespace {

constexpr int64_t kMs = 1'000'000;

TimeSample sampleAt(int64_t endNs, int64_t durationNs, uint64_t payload, uint64_t header)
{
    TimeSample s;
    s.timeNs = endNs;
    s.durationNs = durationNs;
    s.phase = Phase::Bulk;
    s.payloadBytes = payload;
    s.headerBytes = header;
    s.pendingBytes = 1'000'000 - uint64_t(endNs / kMs);
    s.thresholdBytes = 37'500'000;
    s.writes = 500;
    s.redirtiedChunks = 3;
    return s;
}

// A run fed in snapshots, as the simulation controller would publish them.
class Feed {
public:
    explicit Feed(uint64_t runId = 1) : runId_(runId) {}

    std::shared_ptr<SimSnapshot> next(const std::vector<TimeSample>& samples)
    {
        auto s = std::make_shared<SimSnapshot>();
        s->serial = ++serial_;
        s->runId = runId_;
        editConfig(*s).chunkBytes = 1024;
        s->newSamples = samples;
        s->nowNs = samples.empty() ? 0 : samples.back().timeNs;
        s->phase = Phase::Bulk;
        return s;
    }

    // n samples of 10 ms continuing from the last one, with varying byte counts.
    std::shared_ptr<SimSnapshot> nextSamples(int n)
    {
        std::vector<TimeSample> v;
        for (int i = 0; i < n; ++i) {
            t_ += 10 * kMs;
            v.push_back(sampleAt(t_, 10 * kMs, 1000 + uint64_t(i % 7) * 300, 21 + uint64_t(i % 3)));
        }
        return next(v);
    }

private:
    uint64_t runId_;
    uint64_t serial_ = 0;
    int64_t t_ = 0;
};

// Integral of a rate series over time: sum of y * (x_i - x_{i-1}), starting at `start`.
double integrate(const QList<QPointF>& points, double start)
{
    double sum = 0;
    double prev = start;
    for (const QPointF& p : points) {
        sum += p.y() * (p.x() - prev);
        prev = p.x();
    }
    return sum;
}

} // namespace

TEST_CASE("charts: series grow as snapshots with new samples arrive", "[charts]")
{
    ChartModel model;
    MigrationCharts charts;
    charts.setModel(&model);
    Feed feed;
    model.setSnapshot(feed.nextSamples(3));
    CHECK(model.points(ChartKind::Throughput, 0).size() == 3);
    model.setSnapshot(feed.nextSamples(2));
    CHECK(model.points(ChartKind::Throughput, 0).size() == 5);
    CHECK(model.points(ChartKind::Pending, 1).size() == 5);
    CHECK(model.points(ChartKind::DirtyRate, 1).size() == 5);

    // A snapshot without samples (paused) adds nothing; the same snapshot twice counts once.
    auto idle = feed.next({});
    model.setSnapshot(idle);
    model.setSnapshot(idle);
    auto more = feed.nextSamples(1);
    model.setSnapshot(more);
    model.setSnapshot(more);
    CHECK(model.points(ChartKind::Throughput, 0).size() == 6);
}

TEST_CASE("charts: values equal the sample figures", "[charts]")
{
    ChartModel model;
    MigrationCharts charts;
    charts.setModel(&model);
    Feed feed;
    TimeSample s = sampleAt(30 * kMs, 10 * kMs, 1000, 50);
    s.writes = 400;
    s.redirtiedChunks = 5;
    s.pendingBytes = 123456;
    s.thresholdBytes = 3'750'000;
    model.setSnapshot(feed.next({s}));

    const auto at = [&](ChartKind k, int series) {
        const auto pts = model.points(k, series);
        REQUIRE(pts.size() == 1);
        CHECK(pts[0].x() == Approx(0.030));
        return pts[0].y();
    };
    CHECK(at(ChartKind::Throughput, 0) == Approx(1000 / 0.01));
    CHECK(at(ChartKind::Throughput, 1) == Approx(50 / 0.01));
    CHECK(at(ChartKind::Overhead, 0) == Approx(100.0 * 50 / 1050));
    CHECK(at(ChartKind::Overhead, 0) == Approx(100.0 * s.overhead()));
    CHECK(at(ChartKind::Overhead, 1) == Approx(100.0 * 50 / 1050));
    CHECK(at(ChartKind::Pending, 0) == Approx(123456));
    CHECK(at(ChartKind::Pending, 1) == Approx(3'750'000));
    CHECK(at(ChartKind::DirtyRate, 0) == Approx(5 * 1024 / 0.01));
    CHECK(at(ChartKind::DirtyRate, 1) == Approx(400 / 0.01));

    // The cumulative overhead follows the totals; an interval with nothing on the wire has no
    // per-interval point (a ratio of nothing) but keeps its cumulative one.
    TimeSample quiet = sampleAt(40 * kMs, 10 * kMs, 0, 0);
    TimeSample busy = sampleAt(50 * kMs, 10 * kMs, 3000, 10);
    model.setSnapshot(feed.next({quiet, busy}));
    const auto perInterval = model.points(ChartKind::Overhead, 0);
    const auto cumulative = model.points(ChartKind::Overhead, 1);
    REQUIRE(perInterval.size() == 2);
    REQUIRE(cumulative.size() == 3);
    CHECK(perInterval[1].y() == Approx(100.0 * 10 / 3010));
    CHECK(cumulative[2].y() == Approx(100.0 * 60 / 4060));
}

TEST_CASE("charts: decimation caps the points and keeps the totals", "[charts]")
{
    ChartModel model;
    MigrationCharts charts;
    charts.setModel(&model);
    model.setMaxBuckets(100);
    Feed feed;
    uint64_t payload = 0, header = 0, writes = 0;
    for (int frame = 0; frame < 120; ++frame) {
        auto snap = feed.nextSamples(17);
        for (const TimeSample& s : snap->newSamples) {
            payload += s.payloadBytes;
            header += s.headerBytes;
            writes += s.writes;
        }
        model.setSnapshot(snap);
        REQUIRE(model.points(ChartKind::Throughput, 0).size() <= 100);
    }
    const auto pay = model.points(ChartKind::Throughput, 0);
    CHECK(pay.size() >= 50);  // halving leaves at least half the cap
    CHECK(model.history().samplesPerBucket() > 1);
    CHECK(integrate(pay, 0.0) == Approx(double(payload)).epsilon(1e-9));
    CHECK(integrate(model.points(ChartKind::Throughput, 1), 0.0) == Approx(double(header)).epsilon(1e-9));
    CHECK(integrate(model.points(ChartKind::DirtyRate, 1), 0.0) == Approx(double(writes)).epsilon(1e-9));
    // The last point still ends at the last sample, and the whole time span is covered.
    CHECK(pay.last().x() == Approx(120 * 17 * 0.010));
    const auto& buckets = model.history().buckets();
    for (size_t i = 1; i < buckets.size(); ++i) {
        REQUIRE(buckets[i].startNs == buckets[i - 1].endNs);
    }
    // Cumulative overhead is exact whatever the merging.
    CHECK(model.points(ChartKind::Overhead, 1).last().y() ==
          Approx(100.0 * double(header) / double(header + payload)));
}

TEST_CASE("charts: sample history merges pairs to a uniform width", "[charts]")
{
    SampleHistory h(8);
    for (int i = 1; i <= 9; ++i) {
        h.append(sampleAt(i * 10 * kMs, 10 * kMs, 100, 1), 1024);
    }
    // Nine samples with a cap of eight: pairs merged, the ninth alone in a bucket of width two.
    REQUIRE(h.buckets().size() == 5);
    CHECK(h.samplesPerBucket() == 2);
    CHECK(h.buckets()[0].payloadBytes == 200);
    CHECK(h.buckets()[4].samples == 1);
    // The next sample fills the open bucket instead of adding one.
    h.append(sampleAt(100 * kMs, 10 * kMs, 100, 1), 1024);
    CHECK(h.buckets().size() == 5);
    CHECK(h.buckets()[4].samples == 2);
    // Levels come from the end of the merged bucket.
    CHECK(h.buckets()[0].pendingBytes == 1'000'000 - 20);
}

TEST_CASE("charts: the phase legend lists only the phases of the run's strategy", "[charts]")
{
    ChartModel model;
    MigrationCharts charts;
    charts.setModel(&model);
    uint64_t run = 0;
    const auto shownLegend = [&](Strategy strategy) {
        Feed feed(++run);  // a new run each time, as a reset with other parameters makes
        auto s = feed.nextSamples(1);
        editConfig(*s).strategy = strategy;
        model.setSnapshot(s);
        QStringList shown;
        for (const QLabel* label : charts.findChildren<QLabel*>()) {
            if (!label->isHidden() && !label->text().isEmpty()) {
                shown << label->text();
            }
        }
        return shown;
    };
    const QStringList precopy = shownLegend(Strategy::Precopy);
    CHECK(precopy.contains(QStringLiteral("bulk")));
    CHECK(precopy.contains(QStringLiteral("dirty passes (alternating)")));
    CHECK(precopy.contains(QStringLiteral("complete (guest paused)")));

    const QStringList postcopy = shownLegend(Strategy::Postcopy);
    CHECK(postcopy.contains(QStringLiteral("bulk (guest at destination)")));
    CHECK_FALSE(postcopy.contains(QStringLiteral("dirty passes (alternating)")));
    CHECK(postcopy.contains(QStringLiteral("complete")));

    const QStringList stopCopy = shownLegend(Strategy::StopAndCopy);
    CHECK_FALSE(stopCopy.contains(QStringLiteral("bulk")));
    CHECK_FALSE(stopCopy.contains(QStringLiteral("dirty passes (alternating)")));
    CHECK(stopCopy.contains(QStringLiteral("setup")));
    CHECK(stopCopy.contains(QStringLiteral("complete (guest paused)")));

    // Back to precopy: the dirty passes come back.
    CHECK(shownLegend(Strategy::Precopy).contains(QStringLiteral("dirty passes (alternating)")));
}

TEST_CASE("charts: postcopy draws no downtime budget line", "[charts]")
{
    ChartModel model;
    MigrationCharts charts;
    charts.setModel(&model);
    charts.resize(900, 600);
    charts.show();
    REQUIRE(QTest::qWaitForWindowExposed(&charts));
    const QString budgetName = ChartModel::seriesName(ChartKind::Pending, 1);
    uint64_t run = 0;
    const auto budgetLine = [&](Strategy strategy) -> QAbstractSeries* {
        Feed feed(++run);
        auto s = feed.nextSamples(20);
        editConfig(*s).strategy = strategy;
        model.setSnapshot(s);
        QTest::qWait(50);
        for (QAbstractSeries* series : charts.chart(ChartKind::Pending)->series()) {
            if (series->name() == budgetName) {
                return series;
            }
        }
        return nullptr;
    };
    QAbstractSeries* line = budgetLine(Strategy::Precopy);
    REQUIRE(line);
    CHECK(line->isVisible());
    line = budgetLine(Strategy::Postcopy);
    REQUIRE(line);
    CHECK_FALSE(line->isVisible());
    CHECK_FALSE(charts.chart(ChartKind::Pending)->title().contains(QStringLiteral("budget")));
    CHECK(model.points(ChartKind::Pending, 1).size() == 20);  // the data is still exported
    line = budgetLine(Strategy::StopAndCopy);
    REQUIRE(line);
    CHECK(line->isVisible());
    CHECK(charts.chart(ChartKind::Pending)->title() == MigrationCharts::chartTitle(ChartKind::Pending));
}

TEST_CASE("charts: a new runId clears everything", "[charts]")
{
    ChartModel model;
    MigrationCharts charts;
    charts.setModel(&model);
    Feed first(1);
    model.setSnapshot(first.nextSamples(5));
    auto withPhases = first.nextSamples(1);
    withPhases->phases = {{Phase::Setup, 0, 0, 10 * kMs}, {Phase::Bulk, 0, 10 * kMs, -1}};
    model.setSnapshot(withPhases);
    REQUIRE(model.points(ChartKind::Throughput, 0).size() == 6);
    REQUIRE(charts.phaseBands().size() == 2);

    Feed second(2);
    model.setSnapshot(second.nextSamples(2));
    CHECK(model.points(ChartKind::Throughput, 0).size() == 2);
    CHECK(charts.phaseBands().isEmpty());

    model.clear();
    CHECK(model.points(ChartKind::Pending, 0).isEmpty());
}

TEST_CASE("charts: one phase band per phase span", "[charts]")
{
    ChartModel model;
    MigrationCharts charts;
    charts.setModel(&model);
    charts.resize(900, 600);
    charts.show();
    Feed feed;
    auto snap = feed.nextSamples(50);  // 0.5 s
    snap->phases = {
        {Phase::Setup, 0, 0, 20 * kMs},         {Phase::Bulk, 0, 20 * kMs, 200 * kMs},
        {Phase::Dirty, 1, 200 * kMs, 300 * kMs}, {Phase::Dirty, 2, 300 * kMs, 380 * kMs},
        {Phase::Dirty, 3, 380 * kMs, 420 * kMs}, {Phase::Complete, 0, 420 * kMs, -1},
    };
    model.setSnapshot(snap);

    const auto bands = charts.phaseBands();
    REQUIRE(bands.size() == qsizetype(snap->phases.size()));
    CHECK(bands[2].phase == Phase::Dirty);
    CHECK(bands[2].pass == 1);
    CHECK(bands[1].startSeconds == Approx(0.020));
    CHECK(bands[1].endSeconds == Approx(0.200));
    CHECK(bands.last().endSeconds == Approx(0.5));  // open: runs to the snapshot's time

    // What the chart draws: every band is one rectangle (four outline points) in some area series.
    for (int k = 0; k < kChartKindCount; ++k) {
        qsizetype rectangles = 0;
        for (QAbstractSeries* series : charts.chart(ChartKind(k))->series()) {
            if (auto* area = qobject_cast<QAreaSeries*>(series)) {
                rectangles += area->upperSeries()->count() / 4;
            }
        }
        CHECK(rectangles == bands.size());
    }

    // A Done marker is an instant, not a band.
    auto done = feed.nextSamples(1);
    done->phases = snap->phases;
    done->phases.back().endNs = 510 * kMs;
    done->phases.push_back({Phase::Done, 0, 510 * kMs, 510 * kMs});
    model.setSnapshot(done);
    CHECK(charts.phaseBands().size() == qsizetype(snap->phases.size()));
}

TEST_CASE("charts: the drawn series follow the data, log scale changes only the drawing", "[charts]")
{
    ChartModel model;
    MigrationCharts charts;
    charts.setModel(&model);
    charts.resize(900, 600);
    charts.show();
    Feed feed;
    model.setSnapshot(feed.nextSamples(40));

    auto drawn = [&](ChartKind kind, int index) {
        QList<QLineSeries*> lines;
        for (QAbstractSeries* s : charts.chart(kind)->series()) {
            if (auto* line = qobject_cast<QLineSeries*>(s)) {
                lines << line;
            }
        }
        REQUIRE(lines.size() == 2);
        return lines[index]->points();
    };
    CHECK(drawn(ChartKind::Throughput, 0) == model.points(ChartKind::Throughput, 0));

    REQUIRE(charts.pendingLogScale());
    const auto raw = model.points(ChartKind::Pending, 0);
    const auto logged = drawn(ChartKind::Pending, 0);
    REQUIRE(logged.size() == raw.size());
    CHECK(logged[5].y() == Approx(std::log2(raw[5].y())));
    charts.setPendingLogScale(false);
    CHECK(drawn(ChartKind::Pending, 0) == raw);

    // Charts hidden behind the single-chart view catch up when shown again.
    charts.setSingleChart(ChartKind::Overhead);
    model.setSnapshot(feed.nextSamples(5));
    charts.setSingleChart(std::nullopt);
    CHECK(drawn(ChartKind::Throughput, 0).size() == 45);
}

TEST_CASE("charts: hovering a line shows the exact value and time", "[charts]")
{
    ChartModel model;
    MigrationCharts charts;
    charts.setModel(&model);
    charts.resize(900, 600);
    charts.show();
    Feed feed;
    std::vector<TimeSample> samples;
    for (int i = 1; i <= 40; ++i) {
        samples.push_back(sampleAt(i * 1000 * kMs, 1000 * kMs, uint64_t(i) << 20, 21));  // i MiB/s
    }
    model.setSnapshot(feed.next(samples));
    QCoreApplication::processEvents();

    QChart* chart = charts.chart(ChartKind::Throughput);
    QLineSeries* payload = nullptr;
    for (QAbstractSeries* s : chart->series()) {
        if (auto* line = qobject_cast<QLineSeries*>(s); line && !payload) {
            payload = line;
        }
    }
    REQUIRE(payload);
    REQUIRE(payload->count() == 40);
    auto* view = qobject_cast<QChartView*>(chart->scene()->views().value(0));
    REQUIRE(view);
    const QPointF target = payload->at(19);  // 20 MiB/s at 20 s
    const QPoint at = view->mapFromScene(chart->mapToScene(chart->mapToPosition(target, payload)));
    QTest::mouseMove(view->viewport(), at + QPoint(0, 12));
    QTest::mouseMove(view->viewport(), at);
    REQUIRE(waitUntil([] { return QToolTip::isVisible(); }, "the tool tip shown", 1000));
    const QString text = QToolTip::text();
    INFO(text.toStdString());
    CHECK(text.contains(ChartModel::seriesName(ChartKind::Throughput, 0)));
    CHECK(text.contains(QLocale().formattedDataSize(20 * 1024 * 1024, 0) + QStringLiteral("/s")));
    CHECK(text.contains(QStringLiteral("at 20.00 s")));
    CHECK(text.contains(QStringLiteral("over 1.00 s")));
    QToolTip::hideText();
}

TEST_CASE("charts: axis ticks are round numbers", "[charts]")
{
    const auto bytes = AxisTicks::binary(11.92 * 1024 * 1024, 5);
    CHECK(bytes.step == Approx(4.0 * 1024 * 1024));
    CHECK(bytes.max == Approx(12.0 * 1024 * 1024));
    CHECK(bytes.ticks.size() == 4);

    const auto time = AxisTicks::decimal(0.0, 7.3, 6, false);
    CHECK(time.step == Approx(2.0));
    CHECK(time.max == Approx(7.3));
    CHECK(time.ticks == std::vector<double>{0, 2, 4, 6});

    const auto percent = AxisTicks::decimal(0, 2.6, 5, true);
    CHECK(percent.step == Approx(1.0));
    CHECK(percent.max == Approx(3.0));

    const auto log = AxisTicks::log2(12.3, 23.1, 7);
    CHECK(log.min <= 12.3);
    CHECK(log.max >= 23.1);
    CHECK(log.ticks.size() <= 7);
    for (double t : log.ticks) {
        CHECK(t == std::round(t));
    }
    CHECK(AxisTicks::decimalsFor(0.25) == 2);
    CHECK(AxisTicks::decimalsFor(0.2) == 1);
    CHECK(AxisTicks::decimalsFor(0.05) == 2);
    CHECK(AxisTicks::decimalsFor(5) == 0);
}

TEST_CASE("charts: a real engine run", "[charts][engine]")
{
    const auto snapshots = testing::engineSnapshots(testing::realisticConfig());
    REQUIRE(snapshots.size() > 10);
    ChartModel model;
    MigrationCharts charts;
    charts.setModel(&model);
    charts.resize(1100, 560);
    charts.show();
    for (const auto& s : snapshots) {
        model.setSnapshot(s);
        if (s->phase == Phase::Dirty && s->pass == 2) {
            testing::saveScreenshot(charts, QStringLiteral("migrationcharts-running"));
        }
    }
    const MigrationSummary& summary = snapshots.back()->summary;
    REQUIRE(summary.finished);
    // Every byte the engine put on the wire is under the throughput curves.
    const double start = model.history().startSeconds();
    CHECK(integrate(model.points(ChartKind::Throughput, 0), start) ==
          Approx(double(summary.payloadBytes)).epsilon(1e-9));
    CHECK(integrate(model.points(ChartKind::Throughput, 1), start) ==
          Approx(double(summary.headerBytes)).epsilon(1e-9));
    CHECK(model.points(ChartKind::Overhead, 1).last().y() == Approx(100.0 * summary.overhead()));
    qsizetype spans = 0;
    for (const PhaseSpan& span : summary.phases) {
        spans += span.phase == Phase::Setup || span.phase == Phase::Bulk || span.phase == Phase::Dirty ||
                 span.phase == Phase::Complete;
    }
    CHECK(charts.phaseBands().size() == spans);
    testing::saveScreenshot(charts, QStringLiteral("migrationcharts"));
    charts.setSingleChart(ChartKind::Pending);
    testing::saveScreenshot(charts, QStringLiteral("migrationcharts-pending"));
    charts.setSingleChart(std::nullopt);
    charts.setPalette(testing::darkPalette());
    testing::saveScreenshot(charts, QStringLiteral("migrationcharts-dark"));

    // Decimated to a few hundred points, the totals still hold.
    model.setMaxBuckets(64);
    CHECK(model.points(ChartKind::Throughput, 0).size() <= 64);
    CHECK(integrate(model.points(ChartKind::Throughput, 0), start) ==
          Approx(double(summary.payloadBytes)).epsilon(1e-9));
}

TEST_CASE("charts: axis labels carry units and read as round figures", "[charts]")
{
    const QLocale locale;
    const auto mib = [&](int n) { return locale.formattedDataSize(qint64(n) << 20, 0); };

    std::array<QList<QPointF>, 2> throughput{QList<QPointF>{{1, 11.92 * (1 << 20)}}, QList<QPointF>{{1, 250'000}}};
    const auto t = ChartScales::valueAxes(ChartKind::Throughput, throughput, false, 5);
    CHECK(t[0].labels == QStringList{locale.toString(0), mib(4) + QStringLiteral("/s"), mib(8) + QStringLiteral("/s"),
                                     mib(12) + QStringLiteral("/s"), mib(16) + QStringLiteral("/s")});
    CHECK(t[1].labels.isEmpty());  // the header line shares the payload's axis

    // Log scale: the points become log2, zeros rest on the floor, which reads "0".
    std::array<QList<QPointF>, 2> pending{QList<QPointF>{{0, 0}, {1, 8 << 20}, {2, 64 << 10}},
                                          QList<QPointF>{{0, 2'500'000}, {1, 2'500'000}, {2, 2'500'000}}};
    const auto p = ChartScales::valueAxes(ChartKind::Pending, pending, true, 7);
    CHECK(p[0].labels.first() == locale.toString(0));
    CHECK(pending[0][0].y() == Approx(p[0].scale.min));
    CHECK(pending[0][1].y() == Approx(23.0));
    CHECK(pending[0][2].y() == Approx(16.0));
    CHECK(p[0].scale.min <= 15.0);
    CHECK(p[0].scale.max >= std::log2(2'500'000.0));

    const auto time = ChartScales::timeAxis(0, 4.13, 6);
    CHECK(time.labels.first() == ChartScales::seconds(0, 0));
    CHECK(time.scale.max == Approx(4.13));
    CHECK(ChartScales::span(0.01) == QStringLiteral("10 ms"));
}

TEST_CASE("short charts give their series legend's line to the plot", "[charts][layout]")
{
    ChartModel model;
    MigrationCharts charts;
    charts.setModel(&model);
    charts.resize(700, 300);  // short, and too narrow for a row of four: 2 x 2
    charts.show();
    REQUIRE(QTest::qWaitForWindowExposed(&charts));
    REQUIRE_FALSE(charts.oneRow());
    for (int k = 0; k < kChartKindCount; ++k) {
        QChart* chart = charts.chart(ChartKind(k));
        REQUIRE(chart->scene()->views().first()->height() < 150);
        CHECK_FALSE(chart->legend()->isVisible());
    }
    charts.resize(900, 700);
    REQUIRE(waitUntil([&] { return charts.chart(ChartKind::Pending)->legend()->isVisible(); }, "the pending chart's legend shown"));
    for (int k = 0; k < kChartKindCount; ++k) {
        CHECK(charts.chart(ChartKind(k))->legend()->isVisible());
    }
}

namespace {

// Texts Qt Charts drew cut short ("..." at the end) in a chart: its title, axis labels, legend.
QStringList cutTexts(QChart* chart)
{
    QStringList out;
    for (QGraphicsItem* item : chart->scene()->items()) {
        if (auto* text = dynamic_cast<QGraphicsTextItem*>(item); text && text->isVisible()) {
            const QString t = text->toPlainText();
            if (t.contains(QStringLiteral("...")) || t.contains(QChar(0x2026))) {
                out << t;
            }
        }
    }
    return out;
}

// The tool tip of the text item that draws a chart's title (the chart's one text child).
QString titleToolTip(QChart* chart)
{
    for (QGraphicsItem* item : chart->childItems()) {
        if (auto* text = dynamic_cast<QGraphicsTextItem*>(item)) {
            return text->toolTip();
        }
    }
    return QStringLiteral("(no title item)");
}

} // namespace

TEST_CASE("wide and short, the four charts go in one row with their short names", "[charts][layout]")
{
    ChartModel model;
    MigrationCharts charts;
    charts.setModel(&model);
    Feed feed;
    model.setSnapshot(feed.nextSamples(300));
    charts.resize(1100, 300);  // what the charts get under the heatmaps of a wide window
    charts.show();
    REQUIRE(QTest::qWaitForWindowExposed(&charts));
    REQUIRE(waitUntil([&] { return charts.oneRow(); }, "the charts in one row"));
    const int top = charts.chart(ChartKind::Throughput)->scene()->views().first()->y();
    for (int k = 0; k < kChartKindCount; ++k) {
        const auto kind = ChartKind(k);
        QChartView* view = qobject_cast<QChartView*>(charts.chart(kind)->scene()->views().first());
        INFO("chart " << k << ": " << view->width() << " x " << view->height());
        CHECK(view->y() == top);
        CHECK(view->height() >= 150);
        CHECK(charts.chart(kind)->title() == MigrationCharts::shortTitle(kind));
        CHECK(titleToolTip(charts.chart(kind)) == MigrationCharts::chartTitle(kind));  // in full on hover
        CHECK_FALSE(charts.chart(kind)->legend()->isVisible());
        CHECK(cutTexts(charts.chart(kind)).isEmpty());
    }
    // One chart alone takes its full title again; all four in 2 x 2 when there is height.
    charts.setSingleChart(ChartKind::Pending);
    CHECK(charts.chart(ChartKind::Pending)->title() == MigrationCharts::chartTitle(ChartKind::Pending));
    charts.setSingleChart(std::nullopt);
    charts.resize(1100, 700);
    REQUIRE(waitUntil([&] { return !charts.oneRow(); }, "the charts in two rows"));
    for (int k = 0; k < kChartKindCount; ++k) {
        CHECK(charts.chart(ChartKind(k))->title() == MigrationCharts::chartTitle(ChartKind(k)));
        CHECK(titleToolTip(charts.chart(ChartKind(k))).isEmpty());
    }
}

TEST_CASE("charts: the dirty rate chart and the migration charts take one look from the palette", "[charts]")
{
    for (const QPalette& palette : {QPalette(), testing::darkPalette()}) {
        MigrationCharts charts;
        RateChart rate;
        charts.setPalette(palette);
        rate.setPalette(palette);
        rate.setSeries({RateChart::Series{QStringLiteral("drive0/b0"), {QPointF(0, 1), QPointF(1, 2)}}});
        const QChart* a = charts.chart(ChartKind::Throughput);
        const QChart* b = rate.chart();
        REQUIRE(a);
        INFO("window " << palette.color(QPalette::Window).name().toStdString());
        CHECK(b->backgroundBrush().color() == palette.color(QPalette::Base));
        CHECK(b->backgroundBrush() == a->backgroundBrush());
        CHECK(b->backgroundPen() == a->backgroundPen());
        CHECK(b->titleBrush().color() == palette.color(QPalette::WindowText));
        CHECK(b->titleBrush() == a->titleBrush());
        CHECK(b->titleFont() == ChartStyle::titleFont(rate.font()));
        CHECK(b->legend()->labelColor() == a->legend()->labelColor());
        CHECK(b->legend()->font() == ChartStyle::labelFont(rate.font()));
        REQUIRE_FALSE(b->axes().isEmpty());
        const QAbstractAxis* reference = a->axes(Qt::Horizontal).value(0);
        REQUIRE(reference);
        for (const QAbstractAxis* axis : b->axes()) {
            CHECK(axis->labelsFont() == reference->labelsFont());
            CHECK(axis->labelsBrush() == reference->labelsBrush());
            CHECK(axis->gridLinePen() == reference->gridLinePen());
            CHECK(axis->gridLinePen().isCosmetic());
            CHECK_FALSE(axis->isMinorGridLineVisible());
        }
    }
}
