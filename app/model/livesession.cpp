#include "livesession.h"

#include <bitmig/dirtyextents.h>
#include <bitmig/snapshotbuilder.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>

#include <algorithm>
#include <bit>
#include <functional>

namespace bitmig {

namespace {

qint64 monotonicMs()
{
    static QElapsedTimer clock = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return clock.elapsed();
}

uint64_t total(const std::vector<Range>& runs)
{
    uint64_t n = 0;
    for (const Range& r : runs) {
        n += r.count;
    }
    return n;
}

std::shared_ptr<HBitmap> indexedBits(uint64_t diskBytes, uint64_t granularity, const std::vector<Range>& runs)
{
    auto bits = std::make_shared<HBitmap>(bitmapFromExtents(diskBytes, unsigned(std::countr_zero(granularity)), runs));
    // Zoomed-out views then read a bounded number of counters, whatever the disk size.
    bits->enableDensityIndex(SnapshotBuilder::densityLog2For(bits->bitCount()));
    return bits;
}

} // namespace

LiveSession::LiveSession(QObject* parent) : QObject(parent)
{
    timer_.setInterval(kDefaultIntervalMs);
    connect(&timer_, &QTimer::timeout, this, &LiveSession::onTimer);
    // QEMU going away between refreshes (during one, the refresh reports it).
    connect(&qmp_, &qemu::QmpClient::disconnected, this, [this](const QString& reason) {
        if (reader_ && !busy_) {
            timer_.stop();
            emit failed(tr("the connection to QEMU ended: %1").arg(reason));
            detach();
        }
    });
}

LiveSession::~LiveSession()
{
    timer_.stop();
    reader_.reset();  // removes the NBD server it started while the connection is still open
    qmp_.close();
}

QString LiveSession::attach(const QString& socketPath, const QString& nbdSocket)
{
    detach();
    if (const qemu::QmpError e = qmp_.open(socketPath)) {
        return e.message();
    }
    try {
        nodes_ = qemu::queryNodes(qmp_);
    } catch (const qemu::LiveError& e) {
        qmp_.close();
        return e.message();
    }
    socketPath_ = socketPath;
    reader_ = std::make_unique<qemu::LiveBitmapReader>(qmp_);
    if (!nbdSocket.isEmpty()) {
        reader_->useNbdServer(nbdSocket);
    }
    refreshCount_ = 0;
    firstRefreshMs_ = -1;
    rates_.clear();
    changes_.clear();
    changesTruncated_ = false;
    if (!paused_) {
        timer_.start();
    }
    return {};
}

bool LiveSession::isAttached() const
{
    return reader_ != nullptr && qmp_.isOpen();
}

void LiveSession::detach()
{
    timer_.stop();
    const bool was = reader_ != nullptr;
    reader_.reset();
    qmp_.close();
    states_.clear();
    rates_.clear();
    if (was) {
        emit detached();
    }
}

void LiveSession::setWatched(const QList<qemu::BitmapRef>& watched)
{
    watched_ = watched;
    std::erase_if(states_, [&](const LiveBitmapState& s) { return !watched_.contains(s.ref); });
    std::erase_if(rates_, [&](const auto& r) { return !watched_.contains(r.first); });
}

QList<QPointF> LiveSession::rateHistory(const qemu::BitmapRef& ref) const
{
    for (const auto& [r, points] : rates_) {
        if (r == ref) {
            return points;
        }
    }
    return {};
}

const LiveBitmapState* LiveSession::state(const qemu::BitmapRef& ref) const
{
    for (const LiveBitmapState& s : states_) {
        if (s.ref == ref) {
            return &s;
        }
    }
    return nullptr;
}

void LiveSession::setIntervalMs(int ms)
{
    timer_.setInterval(std::max(ms, 10));
}

void LiveSession::setPaused(bool paused)
{
    paused_ = paused;
    if (paused) {
        timer_.stop();
    } else if (reader_) {
        timer_.start();
    }
}

void LiveSession::onTimer()
{
    refreshNow();
}

bool LiveSession::refreshNow()
{
    if (busy_ || !reader_) {
        return false;
    }
    busy_ = true;
    const qint64 now = monotonicMs();
    if (firstRefreshMs_ < 0) {
        firstRefreshMs_ = now;
    }
    try {
        if (watched_.isEmpty()) {
            nodes_ = qemu::queryNodes(qmp_);
            last_ = qemu::LiveRefresh{};
        } else {
            last_ = reader_->refresh(watched_);
            nodes_ = last_.nodes;
            const double seconds = refreshCount_ > 0 ? double(now - lastRefreshMs_) / 1000.0 : 0.0;
            std::vector<LiveBitmapState> next;
            for (qemu::LiveBitmapCopy& copy : last_.bitmaps) {
                LiveBitmapState s;
                s.ref = copy.ref;
                s.diskBytes = copy.diskBytes;
                s.granularity = copy.granularity;
                s.dirtyBytes = copy.dirtyBytes();
                const LiveBitmapState* before = state(copy.ref);
                const bool comparable = before && before->diskBytes == copy.diskBytes && before->granularity == copy.granularity;
                const ExtentChanges changes = comparable ? diffExtents(before->extents, copy.extents)
                                                         : ExtentChanges{copy.extents, {}};
                if (comparable) {
                    recordChanges(copy.ref, now, changes);
                }
                s.dirtiedBytes = total(changes.dirtied);
                s.cleanedBytes = total(changes.cleaned);
                s.dirtyRate = comparable && seconds > 0 ? double(s.dirtiedBytes) / seconds : 0.0;
                s.refreshes = comparable ? before->refreshes + 1 : 1;
                if (comparable && seconds > 0) {
                    addRate(copy.ref, double(now - firstRefreshMs_) / 1000.0, s.dirtyRate);
                }
                s.bits = indexedBits(copy.diskBytes, copy.granularity, copy.extents);
                s.changed = indexedBits(copy.diskBytes, copy.granularity, changes.dirtied);
                s.extents = std::move(copy.extents);
                copy.extents.clear();
                next.push_back(std::move(s));
            }
            states_ = std::move(next);
        }
    } catch (const qemu::LiveError& e) {
        busy_ = false;
        const bool lost = e.lostQemu() || !qmp_.isOpen();
        emit failed(e.message());
        if (lost) {
            detach();
        }
        return false;
    }
    lastRefreshMs_ = now;
    ++refreshCount_;
    busy_ = false;
    emit refreshed();
    return true;
}

void LiveSession::setMaxRatePoints(qsizetype points)
{
    maxRatePoints_ = std::max<qsizetype>(points, 1);
    for (auto& [ref, list] : rates_) {
        while (list.size() > maxRatePoints_) {
            list.removeFirst();
        }
    }
}

void LiveSession::addRate(const qemu::BitmapRef& ref, double seconds, double rate)
{
    auto it = std::find_if(rates_.begin(), rates_.end(), [&](const auto& r) { return r.first == ref; });
    if (it == rates_.end()) {
        rates_.emplace_back(ref, QList<QPointF>{});
        it = rates_.end() - 1;
    }
    it->second.append(QPointF(seconds, rate));
    while (it->second.size() > maxRatePoints_) {
        it->second.removeFirst();
    }
}

void LiveSession::recordChanges(const qemu::BitmapRef& ref, qint64 nowMs, const ExtentChanges& changes)
{
    const qint64 at = (nowMs - firstRefreshMs_) * 1'000'000;
    auto add = [&](const std::vector<Range>& runs, bool cleaned) {
        for (const Range& r : runs) {
            if (changes_.size() >= kMaxChanges) {
                changesTruncated_ = true;
                return;
            }
            changes_.push_back(LiveChange{at, ref, cleaned, r});
        }
    };
    add(changes.dirtied, false);
    add(changes.cleaned, true);
}

qint64 LiveSession::sinceFirstRefreshNs() const
{
    return firstRefreshMs_ < 0 ? 0 : (monotonicMs() - firstRefreshMs_) * 1'000'000;
}

std::optional<qemu::LiveRefresh> LiveSession::readAll(QString* why)
{
    if (busy_ || !reader_) {
        if (why) {
            *why = reader_ ? tr("a refresh is running") : tr("the session is detached");
        }
        return std::nullopt;
    }
    busy_ = true;
    try {
        const QList<qemu::LiveNodeInfo> nodes = qemu::queryNodes(qmp_);
        QList<qemu::BitmapRef> all;
        for (const qemu::LiveNodeInfo& n : nodes) {
            for (const qemu::LiveBitmapInfo& b : n.bitmaps) {
                all.append({n.nodeName, b.name});
            }
        }
        qemu::LiveRefresh r;
        if (!all.isEmpty()) {
            r = reader_->refresh(all);
        } else {
            r.nodes = nodes;
        }
        busy_ = false;
        return r;
    } catch (const qemu::LiveError& e) {
        busy_ = false;
        const bool lost = e.lostQemu() || !qmp_.isOpen();
        if (why) {
            *why = e.message();
        }
        emit failed(e.message());
        if (lost) {
            detach();
        }
        return std::nullopt;
    }
}

SimSnapshotPtr LiveSession::snapshot(const qemu::BitmapRef& ref, const HeatmapRequest& request) const
{
    const LiveBitmapState* st = state(ref);
    if (!st || !st->bits) {
        return nullptr;
    }
    // The bits that turned dirty since the refresh before as the second band, one "chunk" a bit.
    const HBitmap& bits = *st->bits;
    auto s = SnapshotBuilder::ofBitmap(bits, st->changed.get(), 1, st->diskBytes, st->granularity,
                                       SnapshotBuilder::requestedGeometry(bits.bitCount(), request));
    s->serial = refreshCount_;
    s->runId = std::hash<std::string>{}((ref.node + QLatin1Char('/') + ref.bitmap).toStdString()) | 1;
    return s;
}

} // namespace bitmig
