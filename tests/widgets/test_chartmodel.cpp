// ChartModel without a window: rows and columns as snapshots stream in, the bound on rows, the
// roles against the points the charts draw, export, and the model contract under
// QAbstractItemModelTester while samples arrive, the history merges, a new run starts and it clears.
#include "widgets/chartmodel.h"
#include "tests/support/snapshotconfig.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

#include <catch2/catch.hpp>

#include <memory>

using namespace bitmig;
using bitmig::test::editConfig;

namespace {

constexpr int64_t kMs = 1'000'000;

class Feed {
public:
    explicit Feed(uint64_t runId = 1) : runId_(runId) {}

    std::shared_ptr<SimSnapshot> next(int samples, bool playing = true)
    {
        auto s = std::make_shared<SimSnapshot>();
        s->serial = ++serial_;
        s->runId = runId_;
        s->playing = playing;
        editConfig(*s).chunkBytes = 4096;
        for (int i = 0; i < samples; ++i) {
            t_ += 10 * kMs;
            TimeSample x;
            x.timeNs = t_;
            x.durationNs = 10 * kMs;
            x.phase = Phase::Bulk;
            x.payloadBytes = 1000 + uint64_t(count_ % 7) * 300;
            x.headerBytes = count_ % 5 == 0 ? 0 : 20 + uint64_t(count_ % 3);
            if (count_ % 11 == 0) {
                x.payloadBytes = 0;  // nothing on the wire: no per-interval overhead point
                x.headerBytes = 0;
            }
            x.pendingBytes = 5'000'000 - uint64_t(count_) * 10;
            x.thresholdBytes = 37'500'000;
            x.writes = 100 + uint64_t(count_ % 13);
            x.redirtiedChunks = uint64_t(count_ % 4);
            s->newSamples.push_back(x);
            ++count_;
        }
        s->nowNs = t_;
        s->phases = {PhaseSpan{Phase::Setup, 0, 0, 5 * kMs}, PhaseSpan{Phase::Bulk, 0, 5 * kMs, -1}};
        return s;
    }

private:
    uint64_t runId_;
    uint64_t serial_ = 0;
    int64_t t_ = 0;
    int count_ = 0;
};

// The points of one column read through the model's roles: what any view of the model sees.
QList<QPointF> columnPoints(const ChartModel& m, int column)
{
    QList<QPointF> out;
    for (int row = 0; row < m.rowCount(); ++row) {
        const QModelIndex i = m.index(row, column);
        const QVariant v = m.data(i, ChartModel::ValueRole);
        if (v.isValid()) {
            out.append(QPointF(m.data(i, ChartModel::SecondsRole).toDouble(), v.toDouble()));
        }
    }
    return out;
}

} // namespace

TEST_CASE("chart model: one row per bucket, one column per series, values in roles", "[chartmodel]")
{
    ChartModel model;
    CHECK(model.columnCount() == 8);
    CHECK(model.rowCount() == 0);
    Feed feed;
    model.setSnapshot(feed.next(3));
    CHECK(model.rowCount() == 3);
    model.setSnapshot(feed.next(2));
    CHECK(model.rowCount() == 5);

    for (int k = 0; k < kChartKindCount; ++k) {
        for (int s = 0; s < ChartModel::seriesCount(ChartKind(k)); ++s) {
            const int c = ChartModel::column(ChartKind(k), s);
            INFO("column " << c);
            CHECK(ChartModel::chartOf(c) == ChartKind(k));
            CHECK(ChartModel::seriesOf(c) == s);
            CHECK(model.headerData(c, Qt::Horizontal).toString() == ChartModel::seriesName(ChartKind(k), s));
            CHECK(model.data(model.index(0, c), ChartModel::ChartRole).toInt() == k);
            CHECK(columnPoints(model, c) == model.points(ChartKind(k), s));
        }
    }
    // The first sample sent nothing: no overhead ratio, but a throughput of zero.
    CHECK_FALSE(model.data(model.index(0, ChartModel::column(ChartKind::Overhead, 0))).isValid());
    CHECK(model.data(model.index(0, ChartModel::column(ChartKind::Throughput, 0))).toDouble() == 0.0);
    CHECK(model.data(model.index(1, 0), ChartModel::SecondsRole).toDouble() == Approx(0.020));
    CHECK(model.data(model.index(1, 0), ChartModel::StartSecondsRole).toDouble() == Approx(0.010));
    CHECK(model.data(model.index(4, ChartModel::column(ChartKind::Pending, 0))).toDouble() == 5'000'000 - 40);
    CHECK(model.phases().size() == 2);
    CHECK(model.nowNs() == 50 * kMs);

    // The same snapshot twice, or an older one, adds nothing.
    auto s = feed.next(1);
    model.setSnapshot(s);
    model.setSnapshot(s);
    CHECK(model.rowCount() == 6);
}

TEST_CASE("chart model: rows stay within the bound and the totals stay exact", "[chartmodel]")
{
    ChartModel model;
    model.setMaxBuckets(64);
    Feed feed;
    uint64_t payload = 0;
    int most = 0;
    for (int frame = 0; frame < 300; ++frame) {
        auto snap = feed.next(1 + frame % 23);
        for (const TimeSample& t : snap->newSamples) {
            payload += t.payloadBytes;
        }
        model.setSnapshot(snap);
        most = std::max(most, model.rowCount());
    }
    CHECK(most <= 64);
    CHECK(model.rowCount() >= 32);
    CHECK(model.history().samplesPerBucket() > 1);
    double sent = 0, prev = 0;
    for (const QPointF& p : columnPoints(model, ChartModel::column(ChartKind::Throughput, 0))) {
        sent += p.y() * (p.x() - prev);
        prev = p.x();
    }
    CHECK(sent == Approx(double(payload)).epsilon(1e-9));
}

TEST_CASE("chart model: the item model contract holds while samples stream in and on reset", "[chartmodel]")
{
    ChartModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setMaxBuckets(16);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy updated(&model, &ChartModel::updated);

    Feed feed;
    for (int frame = 0; frame < 120; ++frame) {
        model.setSnapshot(feed.next(frame % 9));  // some empty, some filling the open bucket
        REQUIRE(model.rowCount() <= 16);
    }
    CHECK(inserted.count() > 0);
    CHECK(changed.count() > 0);  // buckets wider than one sample filled in place
    CHECK(resets.count() > 1);   // the history merged its buckets
    CHECK(updated.count() > 0);

    // A new run starts over: one reset, then its rows.
    const int before = int(resets.count());
    Feed second(2);
    model.setSnapshot(second.next(5));
    CHECK(resets.count() == before + 1);
    CHECK(model.rowCount() == 5);
    model.setMaxBuckets(2);  // lowering the bound merges at once
    CHECK(model.rowCount() <= 2);
    model.clear();
    CHECK(model.rowCount() == 0);
    CHECK(model.phases().empty());
    model.setMaxBuckets(1000);
    model.setSnapshot(second.next(7));
    CHECK(model.rowCount() == 7);
}

TEST_CASE("chart model: one updated() per snapshot that changed anything, after the row signals", "[chartmodel]")
{
    ChartModel model;
    Feed feed;
    QStringList order;
    QObject::connect(&model, &QAbstractItemModel::rowsInserted, [&] { order << QStringLiteral("rows"); });
    QObject::connect(&model, &ChartModel::timelineChanged, [&] { order << QStringLiteral("timeline"); });
    QObject::connect(&model, &ChartModel::updated, [&] { order << QStringLiteral("updated"); });
    model.setSnapshot(feed.next(4));
    CHECK(order.last() == QStringLiteral("updated"));
    CHECK(order.count(QStringLiteral("updated")) == 1);
    CHECK(order.contains(QStringLiteral("rows")));
    CHECK(model.playing());

    order.clear();
    auto still = feed.next(0, false);
    still->nowNs = 40 * kMs;  // nothing new
    model.setSnapshot(still);
    CHECK(order.isEmpty());
    CHECK_FALSE(model.playing());
}

TEST_CASE("chart model: export data names every series with its key and unit", "[chartmodel]")
{
    ChartModel model;
    Feed feed;
    model.setSnapshot(feed.next(12));
    const QList<ChartSeriesData> data = model.seriesData();
    REQUIRE(data.size() == 8);
    const QStringList keys = {QStringLiteral("throughput"), QStringLiteral("overhead"), QStringLiteral("pending"),
                              QStringLiteral("dirty-rate")};
    const QStringList units = {QStringLiteral("bytes/s"),  QStringLiteral("bytes/s"), QStringLiteral("%"),
                               QStringLiteral("%"),        QStringLiteral("bytes"),   QStringLiteral("bytes"),
                               QStringLiteral("bytes/s"), QStringLiteral("writes/s")};
    for (int c = 0; c < 8; ++c) {
        INFO("column " << c);
        CHECK(data[c].chart == keys[c / 2]);
        CHECK(data[c].unit == units[c]);
        CHECK(data[c].series == model.headerData(c, Qt::Horizontal).toString());
        CHECK(data[c].points == columnPoints(model, c));
    }
    // What CSV export writes reads back as the same data.
    CHECK(ChartData::fromCsv(ChartData::toCsv(data), QStringLiteral("charts.csv")) == data);
}
