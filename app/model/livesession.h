// A running QEMU attached to the window: the QMP connection, the watched bitmaps refreshed on a
// timer, what changed between refreshes and the snapshots the heatmap views paint. No widgets:
// tested headless (test_model) and wired by the attached view (app/livewindow.h).
#pragma once

#include "app/qemu/livebitmaps.h"
#include "app/qemu/qmpclient.h"

#include <bitmig/dirtyextents.h>
#include <bitmig/hbitmap.h>
#include <bitmig/simsnapshot.h>

#include <QList>
#include <QObject>
#include <QPointF>
#include <QTimer>

#include <memory>
#include <optional>
#include <vector>

namespace bitmig {

// One watched bitmap at the latest refresh.
struct LiveBitmapState {
    qemu::BitmapRef ref;
    uint64_t diskBytes = 0;
    uint64_t granularity = 0;
    uint64_t dirtyBytes = 0;
    uint64_t dirtiedBytes = 0;  // turned dirty since the refresh before (all of it at the first)
    uint64_t cleanedBytes = 0;  // turned clean since the refresh before
    double dirtyRate = 0;       // dirtiedBytes per second of wall time since the refresh before; 0 at the first
    unsigned refreshes = 0;     // refreshes that read this bitmap
    std::shared_ptr<const HBitmap> bits;     // the bits
    std::shared_ptr<const HBitmap> changed;  // the bits that turned dirty since the refresh before
    std::vector<Range> extents;
};

// A run that turned dirty (Write) or clean (Clear) in a watched bitmap between two refreshes, at
// the later refresh's time since the session's first refresh: what `bitmig attach --record` writes.
struct LiveChange {
    qint64 timeNs = 0;
    qemu::BitmapRef ref;
    bool cleaned = false;
    Range run;  // bytes of the bitmap's disk
};

class LiveSession : public QObject {
    Q_OBJECT
public:
    static constexpr int kDefaultIntervalMs = 1000;

    explicit LiveSession(QObject* parent = nullptr);
    ~LiveSession() override;  // detach()

    // Connects and lists the nodes; an empty string on success, else why not (in the reader's language).
    // `nbdSocket`: the unix socket of an NBD server the VM already runs, to read through it (QEMU runs
    // one at most); empty: the session starts its own on a private socket.
    QString attach(const QString& socketPath, const QString& nbdSocket = QString());
    bool isAttached() const;
    QString socketPath() const { return socketPath_; }
    QString qemuVersion() const { return qmp_.qemuVersion(); }
    // Removes what the session added to QEMU and closes the connection. Safe to call twice.
    void detach();

    const QList<qemu::LiveNodeInfo>& nodes() const { return nodes_; }
    const QList<qemu::BitmapRef>& watched() const { return watched_; }
    void setWatched(const QList<qemu::BitmapRef>& watched);
    const LiveBitmapState* state(const qemu::BitmapRef& ref) const;

    int intervalMs() const { return timer_.interval(); }
    void setIntervalMs(int ms);
    bool isPaused() const { return paused_; }
    void setPaused(bool paused);
    // Refreshes now (also while paused); false if it failed (failed() was emitted) or one was running.
    bool refreshNow();
    const qemu::LiveRefresh& lastRefresh() const { return last_; }
    unsigned refreshCount() const { return refreshCount_; }
    // Every change of a watched bitmap since it was first read (not its first bits), in time order;
    // at most kMaxChanges, after which changesTruncated() is true and no more are kept.
    static constexpr size_t kMaxChanges = size_t(1) << 20;
    const std::vector<LiveChange>& changes() const { return changes_; }
    bool changesTruncated() const { return changesTruncated_; }
    qint64 sinceFirstRefreshNs() const;
    // The dirty rate of a watched bitmap over time: a point per refresh that has a rate (from the
    // second refresh that read it on), x in seconds since the session's first refresh, y the rate
    // (LiveBitmapState::dirtyRate, bytes per second). At most kMaxRatePoints per bitmap, the oldest
    // dropped first (maxRatePoints()); a bitmap no longer watched loses its points, and detach() drops them all.
    static constexpr qsizetype kMaxRatePoints = 600;
    QList<QPointF> rateHistory(const qemu::BitmapRef& ref) const;
    void setMaxRatePoints(qsizetype points);  // at least 1; kMaxRatePoints unless set
    qsizetype maxRatePoints() const { return maxRatePoints_; }
    // Reads every bitmap of every node now, watched or not, without touching the watched ones'
    // states; std::nullopt with *why set when the read failed (failed() is emitted too).
    std::optional<qemu::LiveRefresh> readAll(QString* why);

    // What a heatmap view of `ref` paints for `request`: the bits as the source band, the bits that
    // turned dirty since the refresh before as the second band (one "chunk" per bit). Null before
    // the bitmap's first refresh.
    SimSnapshotPtr snapshot(const qemu::BitmapRef& ref, const HeatmapRequest& request) const;

signals:
    void refreshed();
    void failed(const QString& message);  // the session is detached afterwards when QEMU is gone
    void detached();

private:
    void onTimer();
    void recordChanges(const qemu::BitmapRef& ref, qint64 nowMs, const ExtentChanges& changes);
    void addRate(const qemu::BitmapRef& ref, double seconds, double rate);

    qemu::QmpClient qmp_;
    std::unique_ptr<qemu::LiveBitmapReader> reader_;
    QString socketPath_;
    QList<qemu::LiveNodeInfo> nodes_;
    QList<qemu::BitmapRef> watched_;
    std::vector<LiveBitmapState> states_;
    qemu::LiveRefresh last_;
    QTimer timer_;
    bool paused_ = false;
    bool busy_ = false;
    unsigned refreshCount_ = 0;
    qint64 lastRefreshMs_ = 0;
    qint64 firstRefreshMs_ = -1;
    std::vector<LiveChange> changes_;
    bool changesTruncated_ = false;
    std::vector<std::pair<qemu::BitmapRef, QList<QPointF>>> rates_;
    qsizetype maxRatePoints_ = kMaxRatePoints;
};

} // namespace bitmig
