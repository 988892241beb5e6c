#include "chartmodel.h"

#include <algorithm>

namespace bitmig {

ChartModel::ChartModel(QObject* parent) : QAbstractTableModel(parent) {}

ChartModel::~ChartModel() = default;

int ChartModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(history_.buckets().size());
}

int ChartModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : kColumnCount;
}

QVariant ChartModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const SampleHistory::Bucket& b = history_.buckets()[size_t(index.row())];
    const ChartKind kind = chartOf(index.column());
    const int series = seriesOf(index.column());
    switch (role) {
    case Qt::DisplayRole:
    case ValueRole: {
        double v = 0;
        return SampleHistory::value(b, kind, series, &v) ? QVariant(v) : QVariant();
    }
    case SecondsRole:
        return double(b.endNs) * 1e-9;
    case StartSecondsRole:
        return double(b.startNs) * 1e-9;
    case ChartRole:
        return int(kind);
    case SeriesRole:
        return series;
    case SamplesRole:
        return qulonglong(b.samples);
    default:
        return {};
    }
}

QVariant ChartModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal) {
        if (section < 0 || section >= kColumnCount) {
            return {};
        }
        switch (role) {
        case Qt::DisplayRole:
            return seriesName(chartOf(section), seriesOf(section));
        case ChartRole:
            return int(chartOf(section));
        case SeriesRole:
            return seriesOf(section);
        default:
            return {};
        }
    }
    if (section < 0 || section >= rowCount() || (role != Qt::DisplayRole && role != SecondsRole)) {
        return {};
    }
    return double(history_.buckets()[size_t(section)].endNs) * 1e-9;
}

QHash<int, QByteArray> ChartModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(ValueRole, "value");
    names.insert(SecondsRole, "seconds");
    names.insert(StartSecondsRole, "startSeconds");
    names.insert(ChartRole, "chart");
    names.insert(SeriesRole, "series");
    names.insert(SamplesRole, "samples");
    return names;
}

void ChartModel::clear()
{
    beginResetModel();
    history_.clear();
    phases_.clear();
    nowNs_ = 0;
    haveRun_ = false;
    playing_ = false;
    last_.reset();
    endResetModel();
    emit timelineChanged();
    emit updated();
}

void ChartModel::setMaxBuckets(int buckets)
{
    beginResetModel();
    history_.setMaxBuckets(buckets);
    endResetModel();
    emit updated();
}

void ChartModel::setSnapshot(const SimSnapshotPtr& snapshot)
{
    if (!snapshot || snapshot == last_) {
        return;
    }
    bool changed = false;
    if (!haveRun_ || snapshot->runId != runId_) {
        beginResetModel();
        history_.clear();
        phases_.clear();
        nowNs_ = 0;
        endResetModel();
        haveRun_ = true;
        runId_ = snapshot->runId;
        changed = true;
    } else if (last_ && snapshot->serial != 0 && snapshot->serial <= last_->serial) {
        return;  // an older snapshot of this run: its samples are in already
    }
    last_ = snapshot;
    playing_ = snapshot->playing;

    changed = changed || !snapshot->newSamples.empty() || snapshot->nowNs != nowNs_ || snapshot->phases != phases_;
    chunkBytes_ = snapshot->config->chunkBytes;
    appendSamples(snapshot->newSamples);
    const bool timeline = snapshot->phases != phases_ || snapshot->nowNs != nowNs_;
    if (snapshot->phases != phases_) {
        phases_ = snapshot->phases;
    }
    nowNs_ = snapshot->nowNs;
    if (timeline) {
        emit timelineChanged();
    }
    if (snapshot->config->strategy != strategy_) {
        strategy_ = snapshot->config->strategy;
        emit strategyChanged(strategy_);
    }
    if (changed) {
        emit updated();
    }
}

// The open bucket fills first (its row changes), then new rows follow at the end; when they would
// pass the bound, the history merges its buckets in pairs and the model resets.
void ChartModel::appendSamples(const std::vector<TimeSample>& samples)
{
    size_t i = 0;
    const auto& buckets = history_.buckets();
    if (!buckets.empty() && buckets.back().samples < history_.samplesPerBucket()) {
        const size_t fill = std::min<size_t>(samples.size(), history_.samplesPerBucket() - buckets.back().samples);
        for (; i < fill; ++i) {
            history_.append(samples[i], chunkBytes_);
        }
        if (fill > 0) {
            const int last = rowCount() - 1;
            emit dataChanged(index(last, 0), index(last, kColumnCount - 1));
        }
    }
    const size_t remaining = samples.size() - i;
    if (remaining == 0) {
        return;
    }
    const uint64_t stride = history_.samplesPerBucket();
    const auto newRows = size_t((remaining + stride - 1) / stride);
    const size_t rows = buckets.size();
    if (rows + newRows > size_t(history_.maxBuckets())) {
        beginResetModel();
        for (; i < samples.size(); ++i) {
            history_.append(samples[i], chunkBytes_);
        }
        endResetModel();
        return;
    }
    beginInsertRows({}, int(rows), int(rows + newRows) - 1);
    for (; i < samples.size(); ++i) {
        history_.append(samples[i], chunkBytes_);
    }
    endInsertRows();
}

QList<QPointF> ChartModel::points(ChartKind kind, int series, int maxPoints) const
{
    return history_.points(kind, series, maxPoints);
}

QList<ChartSeriesData> ChartModel::seriesData() const
{
    QList<ChartSeriesData> out;
    for (int k = 0; k < kChartKindCount; ++k) {
        const auto kind = ChartKind(k);
        for (int s = 0; s < seriesCount(kind); ++s) {
            out.append(ChartSeriesData{chartKey(kind), seriesName(kind, s), seriesUnit(kind, s), points(kind, s)});
        }
    }
    return out;
}

int ChartModel::seriesCount(ChartKind kind)
{
    return SampleHistory::seriesCount(kind);
}

QString ChartModel::seriesName(ChartKind kind, int series)
{
    switch (kind) {
    case ChartKind::Throughput:
        return series == 0 ? tr("Payload (bitmap bytes)") : tr("Headers and framing");
    case ChartKind::Overhead:
        return series == 0 ? tr("Per interval") : tr("Since the start");
    case ChartKind::Pending:
        return series == 0 ? tr("Pending") : tr("Budget: what the max downtime allows");
    case ChartKind::DirtyRate:
        return series == 0 ? tr("Re-dirtied bitmap bytes/s (left)") : tr("Guest writes/s (right)");
    }
    return {};
}

QString ChartModel::chartKey(ChartKind kind)
{
    switch (kind) {
    case ChartKind::Throughput:
        return QStringLiteral("throughput");
    case ChartKind::Overhead:
        return QStringLiteral("overhead");
    case ChartKind::Pending:
        return QStringLiteral("pending");
    case ChartKind::DirtyRate:
        break;
    }
    return QStringLiteral("dirty-rate");
}

QString ChartModel::seriesUnit(ChartKind kind, int series)
{
    switch (kind) {
    case ChartKind::Throughput:
        return QStringLiteral("bytes/s");
    case ChartKind::Overhead:
        return QStringLiteral("%");
    case ChartKind::Pending:
        return QStringLiteral("bytes");
    case ChartKind::DirtyRate:
        break;
    }
    return series == 0 ? QStringLiteral("bytes/s") : QStringLiteral("writes/s");
}

} // namespace bitmig
