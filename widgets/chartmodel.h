// The data behind the four charts as a table: one row per time bucket of the bounded
// SampleHistory (oldest first), one column per series of every chart (ChartModel::column), the
// value in ValueRole (and DisplayRole), the bucket's times in roles of their own. The app feeds it
// snapshots; views observe it through the model signals and draw what it holds. Rows are added at
// the end as samples arrive; when the history reaches its bound its buckets merge in pairs and the
// model resets, so it never holds more than maxBuckets() rows however long a run goes.
// Besides the rows: the run's phase spans and its current time (timelineChanged), and its strategy.
#pragma once

#include "chartdata.h"
#include "chartkind.h"
#include "samplehistory.h"

#include <bitmig/simsnapshot.h>

#include <QAbstractTableModel>
#include <QList>
#include <QPointF>

#include <vector>

namespace bitmig {

class ChartModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role {
        ValueRole = Qt::UserRole + 1,  // double in the chart's unit; invalid where the bucket has no point
        SecondsRole,                   // end of the bucket in simulated seconds (the point's x)
        StartSecondsRole,              // start of the bucket in simulated seconds
        ChartRole,                     // int(ChartKind) of the column
        SeriesRole,                    // the series' index within its chart
        SamplesRole,                   // engine samples merged into the bucket
    };

    static constexpr int kSeriesPerChart = 2;
    static constexpr int kColumnCount = kChartKindCount * kSeriesPerChart;
    static int column(ChartKind kind, int series) noexcept { return int(kind) * kSeriesPerChart + series; }
    static ChartKind chartOf(int column) noexcept { return ChartKind(column / kSeriesPerChart); }
    static int seriesOf(int column) noexcept { return column % kSeriesPerChart; }

    explicit ChartModel(QObject* parent = nullptr);
    ~ChartModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Appends the snapshot's new samples and takes its phases. A new runId starts over; the same
    // snapshot (or an older one of the same run) is ignored, so its samples never count twice.
    void setSnapshot(const SimSnapshotPtr& snapshot);
    void clear();

    // The bound on rows (SampleHistory::kDefaultMaxBuckets unless set); lowering it below the
    // current count merges at once.
    void setMaxBuckets(int buckets);
    int maxBuckets() const noexcept { return history_.maxBuckets(); }

    // x: simulated seconds (end of a bucket); y in the unit ChartKind names, never log-transformed.
    // maxPoints > 0 merges neighbouring rows for this list only (what a chart of some pixels draws).
    QList<QPointF> points(ChartKind kind, int series, int maxPoints = 0) const;
    // Every series with its key, name, unit and points: what CSV and JSON export write.
    QList<ChartSeriesData> seriesData() const;
    const SampleHistory& history() const noexcept { return history_; }

    const std::vector<PhaseSpan>& phases() const noexcept { return phases_; }
    int64_t nowNs() const noexcept { return nowNs_; }
    Strategy strategy() const noexcept { return strategy_; }
    // Whether the last snapshot was of a playing run (views may then spread their redraws).
    bool playing() const noexcept { return playing_; }

    static int seriesCount(ChartKind kind);
    static QString seriesName(ChartKind kind, int series);
    static QString chartKey(ChartKind kind);             // "throughput", "overhead", "pending", "dirty-rate"
    static QString seriesUnit(ChartKind kind, int series);  // "bytes/s", "%", "bytes", "writes/s"

signals:
    // The phase spans or the current time changed (rows may not have).
    void timelineChanged();
    void strategyChanged(bitmig::Strategy strategy);
    // Emitted once after a snapshot (or clear, or a new bound) changed anything, after the row
    // signals it caused: the moment for a view to draw.
    void updated();

private:
    void appendSamples(const std::vector<TimeSample>& samples);

    SampleHistory history_;
    std::vector<PhaseSpan> phases_;
    int64_t nowNs_ = 0;
    uint64_t runId_ = 0;
    bool haveRun_ = false;
    bool playing_ = false;
    SimSnapshotPtr last_;
    Strategy strategy_ = Strategy::Precopy;
    uint64_t chunkBytes_ = 1024;
};

} // namespace bitmig
