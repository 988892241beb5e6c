// The time series the charts draw, bounded in size: when the buckets exceed the cap, neighbours
// merge in pairs (byte and write counts add, durations add, so every rate stays the time-weighted
// mean) and later samples fill buckets of the new width. Resolution is therefore uniform over the
// whole run, and a long run costs the same per frame as a short one.
#pragma once

#include "chartkind.h"

#include <bitmig/migrationsummary.h>

#include <QList>
#include <QPointF>

#include <cstdint>
#include <vector>

namespace bitmig {

class SampleHistory {
public:
    struct Bucket {
        int64_t startNs = 0;
        int64_t endNs = 0;
        uint64_t payloadBytes = 0;
        uint64_t headerBytes = 0;
        uint64_t writes = 0;
        uint64_t redirtiedBytes = 0;      // re-dirtied chunks x chunk bytes
        uint64_t pendingBytes = 0;        // at the end of the bucket
        uint64_t thresholdBytes = 0;      // at the end of the bucket
        uint64_t cumulativePayload = 0;   // since the first bucket, at its end
        uint64_t cumulativeHeader = 0;
        uint64_t samples = 0;             // engine samples merged into this bucket

        double seconds() const noexcept { return double(endNs - startNs) * 1e-9; }
    };

    static constexpr int kDefaultMaxBuckets = 2000;

    explicit SampleHistory(int maxBuckets = kDefaultMaxBuckets);

    void clear();
    // chunkBytes converts re-dirtied chunks into bytes of bitmap.
    void append(const TimeSample& sample, uint64_t chunkBytes);

    // At least 2; lowering it below the current count merges at once.
    void setMaxBuckets(int maxBuckets);
    int maxBuckets() const noexcept { return maxBuckets_; }
    uint64_t samplesPerBucket() const noexcept { return stride_; }

    const std::vector<Bucket>& buckets() const noexcept { return buckets_; }
    bool empty() const noexcept { return buckets_.empty(); }
    double startSeconds() const noexcept;
    double endSeconds() const noexcept;

    static int seriesCount(ChartKind kind) noexcept;
    // x: end of a bucket in seconds. y: bytes/s, percent, bytes or writes/s (see ChartKind).
    // Overhead points exist only for buckets (or totals) with bytes on the wire.
    // maxPoints > 0: runs of neighbouring buckets are merged for this list only (a chart a few
    // hundred pixels wide gains nothing from more points, and each one costs Qt Charts time).
    QList<QPointF> points(ChartKind kind, int series, int maxPoints = 0) const;
    // The value one bucket contributes to a series, or false when it has no point there.
    bool valueAt(size_t bucket, ChartKind kind, int series, double* value) const;
    static bool value(const Bucket& bucket, ChartKind kind, int series, double* value);
    static void merge(Bucket& into, const Bucket& next);

private:
    void compact();

    std::vector<Bucket> buckets_;
    int maxBuckets_;
    uint64_t stride_ = 1;
    uint64_t totalPayload_ = 0;
    uint64_t totalHeader_ = 0;
};

} // namespace bitmig
