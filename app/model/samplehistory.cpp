#include "samplehistory.h"

#include <algorithm>

namespace bitmig {

void SampleHistory::merge(Bucket& a, const Bucket& b)
{
    a.endNs = b.endNs;
    a.payloadBytes += b.payloadBytes;
    a.headerBytes += b.headerBytes;
    a.writes += b.writes;
    a.redirtiedBytes += b.redirtiedBytes;
    // Levels, not amounts: the merged bucket ends where b ends, so it reports b's state.
    a.pendingBytes = b.pendingBytes;
    a.thresholdBytes = b.thresholdBytes;
    a.cumulativePayload = b.cumulativePayload;
    a.cumulativeHeader = b.cumulativeHeader;
    a.samples += b.samples;
}

namespace {

double perSecond(uint64_t amount, const SampleHistory::Bucket& b)
{
    const double s = b.seconds();
    return s > 0 ? double(amount) / s : 0.0;
}

} // namespace

SampleHistory::SampleHistory(int maxBuckets) : maxBuckets_(std::max(2, maxBuckets)) {}

void SampleHistory::clear()
{
    buckets_.clear();
    stride_ = 1;
    totalPayload_ = 0;
    totalHeader_ = 0;
}

void SampleHistory::append(const TimeSample& sample, uint64_t chunkBytes)
{
    totalPayload_ += sample.payloadBytes;
    totalHeader_ += sample.headerBytes;
    Bucket b;
    b.startNs = sample.timeNs - sample.durationNs;
    b.endNs = sample.timeNs;
    b.payloadBytes = sample.payloadBytes;
    b.headerBytes = sample.headerBytes;
    b.writes = sample.writes;
    b.redirtiedBytes = sample.redirtiedChunks * chunkBytes;
    b.pendingBytes = sample.pendingBytes;
    b.thresholdBytes = sample.thresholdBytes;
    b.cumulativePayload = totalPayload_;
    b.cumulativeHeader = totalHeader_;
    b.samples = 1;

    if (!buckets_.empty() && buckets_.back().samples < stride_) {
        merge(buckets_.back(), b);
    } else {
        buckets_.push_back(b);
    }
    if (buckets_.size() > size_t(maxBuckets_)) {
        compact();
    }
}

void SampleHistory::setMaxBuckets(int maxBuckets)
{
    maxBuckets_ = std::max(2, maxBuckets);
    while (buckets_.size() > size_t(maxBuckets_)) {
        compact();
    }
}

void SampleHistory::compact()
{
    stride_ *= 2;
    size_t out = 0;
    for (size_t i = 0; i < buckets_.size(); ++i) {
        if (out > 0 && buckets_[out - 1].samples + buckets_[i].samples <= stride_) {
            merge(buckets_[out - 1], buckets_[i]);
        } else {
            buckets_[out++] = buckets_[i];
        }
    }
    buckets_.resize(out);
}

double SampleHistory::startSeconds() const noexcept
{
    return buckets_.empty() ? 0.0 : double(buckets_.front().startNs) * 1e-9;
}

double SampleHistory::endSeconds() const noexcept
{
    return buckets_.empty() ? 0.0 : double(buckets_.back().endNs) * 1e-9;
}

int SampleHistory::seriesCount(ChartKind) noexcept
{
    return 2;
}

bool SampleHistory::valueAt(size_t index, ChartKind kind, int series, double* v) const
{
    return index < buckets_.size() && value(buckets_[index], kind, series, v);
}

bool SampleHistory::value(const Bucket& b, ChartKind kind, int series, double* value)
{
    if (series < 0 || series > 1) {
        return false;
    }
    switch (kind) {
    case ChartKind::Throughput:
        *value = perSecond(series == 0 ? b.payloadBytes : b.headerBytes, b);
        return true;
    case ChartKind::Overhead: {
        const uint64_t header = series == 0 ? b.headerBytes : b.cumulativeHeader;
        const uint64_t wire = header + (series == 0 ? b.payloadBytes : b.cumulativePayload);
        if (wire == 0) {
            return false;  // nothing sent: a ratio would be made up
        }
        *value = 100.0 * double(header) / double(wire);
        return true;
    }
    case ChartKind::Pending:
        *value = double(series == 0 ? b.pendingBytes : b.thresholdBytes);
        return true;
    case ChartKind::DirtyRate:
        *value = perSecond(series == 0 ? b.redirtiedBytes : b.writes, b);
        return true;
    }
    return false;
}

QList<QPointF> SampleHistory::points(ChartKind kind, int series, int maxPoints) const
{
    const size_t n = buckets_.size();
    const size_t group = maxPoints > 0 && n > size_t(maxPoints) ? (n + size_t(maxPoints) - 1) / size_t(maxPoints) : 1;
    QList<QPointF> out;
    out.reserve(qsizetype(n / group + 1));
    double y = 0;
    for (size_t i = 0; i < n; i += group) {
        Bucket b = buckets_[i];
        for (size_t j = i + 1; j < std::min(n, i + group); ++j) {
            merge(b, buckets_[j]);
        }
        if (value(b, kind, series, &y)) {
            out.append(QPointF(double(b.endNs) * 1e-9, y));
        }
    }
    return out;
}

} // namespace bitmig
