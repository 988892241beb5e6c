// A running QEMU attached to the window: the QMP connection, the watched bitmaps refreshed on a
// timer, what changed between refreshes and the snapshots the heatmap views paint. No widgets:
// tested headless (test_model) and wired by the attached view (app/livewindow.h).
#pragma once

#include "app/qemu/livebitmaps.h"
#include "app/qemu/qmpclient.h"

#include <bitmig/hbitmap.h>
#include <bitmig/simsnapshot.h>

#include <QList>
#include <QObject>
#include <QTimer>

#include <memory>
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
};

} // namespace bitmig
