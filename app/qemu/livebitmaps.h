// The dirty bitmaps of a running QEMU, read through QMP and NBD (docs/live.md):
// queryNodes() lists the block nodes and their bitmaps; LiveBitmapReader::refresh() takes a
// consistent copy of the watched bitmaps in one transaction, exports the copies on an NBD server,
// reads their extents with libnbd's block status, and removes the export and the copies again.
#pragma once

#include "qmpclient.h"

#include <bitmig/hbitmap.h>

#include <QList>
#include <QString>
#include <QTemporaryDir>

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <vector>

namespace bitmig::qemu {

// One bitmap as query-named-block-nodes reports it.
struct LiveBitmapInfo {
    QString name;
    uint64_t granularity = 0;  // bytes per bit
    uint64_t count = 0;        // dirty bytes
    bool recording = false;
    bool persistent = false;
    bool busy = false;
};

// One block node: its name, driver, virtual size, the device it backs (query-block; empty for none)
// and its bitmaps.
struct LiveNodeInfo {
    QString nodeName;
    QString driver;
    QString device;
    uint64_t size = 0;
    QList<LiveBitmapInfo> bitmaps;
};

// A failure while reading: the QMP error (kind None for an NBD or a consistency failure) and a
// sentence naming the step, in the reader's language.
class LiveError : public std::runtime_error {
public:
    LiveError(const QString& message, QmpError qmp = {})
        : std::runtime_error(message.toStdString()), message_(message), qmp_(std::move(qmp))
    {
    }
    const QString& message() const noexcept { return message_; }
    const QmpError& qmp() const noexcept { return qmp_; }
    // The connection to QEMU ended (QEMU exited or was killed).
    bool lostQemu() const noexcept { return qmp_.kind == QmpError::Kind::Disconnected; }

private:
    QString message_;
    QmpError qmp_;
};

// Every named node with its bitmaps, in QEMU's order; throws LiveError.
QList<LiveNodeInfo> queryNodes(QmpClient& qmp);

struct BitmapRef {
    QString node;
    QString bitmap;
    friend bool operator==(const BitmapRef&, const BitmapRef&) = default;
};

// A bitmap's bits at one refresh, as dirty runs of bytes.
struct LiveBitmapCopy {
    BitmapRef ref;
    uint64_t diskBytes = 0;
    uint64_t granularity = 0;
    std::vector<Range> extents;  // ascending, non-adjacent dirty runs (the last clipped to diskBytes)
    uint64_t dirtyBytes() const noexcept;
    // QEMU's digest of these bits (x-debug-block-dirty-bitmap-sha256), as the core computes it.
    std::string sha256() const;
    // The bits, rebuilt.
    HBitmap bitmap() const;
};

struct LiveRefresh {
    QList<LiveBitmapCopy> bitmaps;  // in the order asked for
    QList<LiveNodeInfo> nodes;      // every node as QEMU listed it at the start of the refresh
    qint64 totalNs = 0;             // the whole refresh
    qint64 qmpNs = 0;               // the QMP commands (copy, export, removal)
    qint64 nbdNs = 0;               // connecting and reading block status
    uint64_t qmpRoundTrips = 0;
    uint64_t nbdRequests = 0;       // block-status requests
};

class LiveBitmapReader {
public:
    // Reads through `qmp`, which must be open and outlive the reader.
    explicit LiveBitmapReader(QmpClient& qmp);
    ~LiveBitmapReader();  // detach()
    LiveBitmapReader(const LiveBitmapReader&) = delete;
    LiveBitmapReader& operator=(const LiveBitmapReader&) = delete;

    // Use the NBD server QEMU already runs on the unix socket `path` instead of starting one.
    void useNbdServer(const QString& path);
    // The socket the exports are read on, and whether this reader started that server.
    QString nbdSocket() const { return nbdSocket_; }
    bool startedNbdServer() const noexcept { return startedServer_; }

    // Copies, exports, reads and removes every bitmap of `watched` (see the header comment).
    // Throws LiveError; what it added to QEMU is removed first (when QEMU is still there).
    LiveRefresh refresh(const QList<BitmapRef>& watched);
    // Removes everything this reader added that is still there (the NBD server it started);
    // nothing else. Safe to call twice.
    void detach();

    // The step of one block-status request: at most 4 GiB (NBD's 32-bit length), whole granules.
    static uint64_t blockStatusStep(uint64_t granularity);

private:
    struct Added;
    void ensureServer();
    void undo(std::vector<Added>& added);
    QmpReply must(const QString& command, const QJsonObject& arguments, const QString& step);

    QmpClient& qmp_;
    std::unique_ptr<QTemporaryDir> dir_;
    QString nbdSocket_;
    bool startedServer_ = false;
    bool externalServer_ = false;
    uint64_t serial_ = 0;
};

} // namespace bitmig::qemu
