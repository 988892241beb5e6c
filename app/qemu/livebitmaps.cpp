#include "livebitmaps.h"

#include <bitmig/dirtyextents.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>

#include <libnbd.h>

#include <algorithm>
#include <bit>
#include <chrono>
#include <map>

namespace bitmig::qemu {

namespace {

qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

uint64_t u64(const QJsonValue& v)
{
    return v.isDouble() ? uint64_t(v.toInteger()) : 0;
}

QStringList nodeNames(const QList<LiveNodeInfo>& nodes)
{
    QStringList names;
    for (const LiveNodeInfo& n : nodes) {
        names.append(n.nodeName);
    }
    return names;
}

// One meta context being read: the dirty runs found so far and how far it is known.
struct ContextRead {
    std::string name;
    uint64_t covered = 0;
    bool seen = false;
    std::vector<Range> runs;
};

struct StatusRequest {
    std::vector<ContextRead>* contexts = nullptr;
    uint64_t end = 0;  // the end of the request: nothing past it is taken
};

void appendRun(std::vector<Range>& runs, uint64_t start, uint64_t end)
{
    if (start >= end) {
        return;
    }
    if (!runs.empty() && runs.back().start + runs.back().count == start) {
        runs.back().count += end - start;
    } else {
        runs.push_back(Range{start, end - start});
    }
}

int onExtents(void* user, const char* metacontext, uint64_t offset, uint32_t* entries, size_t count, int* /*error*/)
{
    auto* request = static_cast<StatusRequest*>(user);
    for (ContextRead& c : *request->contexts) {
        if (c.name != metacontext) {
            continue;
        }
        c.seen = true;
        uint64_t pos = offset;
        for (size_t i = 0; i + 1 < count && pos < request->end; i += 2) {
            const uint64_t end = std::min<uint64_t>(pos + entries[i], request->end);
            if (entries[i + 1] & 1) {  // NBD_STATE_DIRTY
                appendRun(c.runs, std::max(pos, c.covered), end);
            }
            pos = end;
        }
        c.covered = std::max(c.covered, pos);
    }
    return 0;
}

QString nbdError()
{
    const char* e = nbd_get_error();
    return e ? QString::fromLocal8Bit(e) : QCoreApplication::translate("bitmig::qemu::LiveBitmapReader", "unknown libnbd error");
}

// Reads the dirty runs of every context of `contexts` from export `exportName` on `socket`.
void readExport(const QString& socket, const QString& exportName, uint64_t step, std::vector<ContextRead>& contexts,
                uint64_t& diskBytes, uint64_t& requests)
{
    struct Handle {
        nbd_handle* h = nbd_create();
        ~Handle()
        {
            if (h) {
                nbd_shutdown(h, 0);
                nbd_close(h);
            }
        }
    } handle;
    nbd_handle* h = handle.h;
    if (!h) {
        throw LiveError(QCoreApplication::translate("bitmig::qemu::LiveBitmapReader", "NBD: %1").arg(nbdError()));
    }
    const QByteArray name = exportName.toUtf8();
    const QByteArray path = QFile::encodeName(socket);
    if (nbd_set_export_name(h, name.constData()) == -1) {
        throw LiveError(QCoreApplication::translate("bitmig::qemu::LiveBitmapReader", "NBD: %1").arg(nbdError()));
    }
    for (const ContextRead& c : contexts) {
        if (nbd_add_meta_context(h, c.name.c_str()) == -1) {
            throw LiveError(QCoreApplication::translate("bitmig::qemu::LiveBitmapReader", "NBD: %1").arg(nbdError()));
        }
    }
    if (nbd_connect_unix(h, path.constData()) == -1) {
        throw LiveError(QCoreApplication::translate("bitmig::qemu::LiveBitmapReader", "NBD: connecting to %1: %2").arg(socket, nbdError()));
    }
    for (const ContextRead& c : contexts) {
        if (nbd_can_meta_context(h, c.name.c_str()) != 1) {
            throw LiveError(QCoreApplication::translate("bitmig::qemu::LiveBitmapReader", "NBD: the export does not offer %1").arg(QString::fromStdString(c.name)));
        }
    }
    const int64_t size = nbd_get_size(h);
    if (size < 0) {
        throw LiveError(QCoreApplication::translate("bitmig::qemu::LiveBitmapReader", "NBD: %1").arg(nbdError()));
    }
    diskBytes = uint64_t(size);
    for (;;) {
        uint64_t from = diskBytes;
        for (const ContextRead& c : contexts) {
            from = std::min(from, c.covered);
        }
        if (from >= diskBytes) {
            break;
        }
        StatusRequest request{&contexts, from + std::min(step, diskBytes - from)};
        for (ContextRead& c : contexts) {
            c.seen = false;
        }
        ++requests;
        if (nbd_block_status(h, request.end - from, from, nbd_extent_callback{onExtents, &request, nullptr}, 0) == -1) {
            throw LiveError(QCoreApplication::translate("bitmig::qemu::LiveBitmapReader", "NBD: block status at offset %1: %2").arg(from).arg(nbdError()));
        }
        uint64_t after = diskBytes;
        for (const ContextRead& c : contexts) {
            after = std::min(after, c.covered);
        }
        if (after <= from) {
            throw LiveError(QCoreApplication::translate("bitmig::qemu::LiveBitmapReader", "NBD: block status at offset %1 described nothing").arg(from));
        }
    }
}

} // namespace

QList<LiveNodeInfo> queryNodes(QmpClient& qmp)
{
    const QmpReply nodes = qmp.execute(QStringLiteral("query-named-block-nodes"),
                                       QJsonObject{{QStringLiteral("flat"), true}});
    if (!nodes.ok()) {
        throw LiveError(nodes.error.message(), nodes.error);
    }
    const QmpReply block = qmp.execute(QStringLiteral("query-block"));
    if (!block.ok()) {
        throw LiveError(block.error.message(), block.error);
    }
    std::map<QString, QString> devices;
    for (const QJsonValue& v : block.value.toArray()) {
        const QJsonObject o = v.toObject();
        const QString node = o.value(QStringLiteral("inserted")).toObject().value(QStringLiteral("node-name")).toString();
        QString device = o.value(QStringLiteral("device")).toString();
        if (device.isEmpty()) {
            device = o.value(QStringLiteral("qdev")).toString();
        }
        if (!node.isEmpty()) {
            devices[node] = device;
        }
    }
    QList<LiveNodeInfo> out;
    for (const QJsonValue& v : nodes.value.toArray()) {
        const QJsonObject o = v.toObject();
        LiveNodeInfo n;
        n.nodeName = o.value(QStringLiteral("node-name")).toString();
        n.driver = o.value(QStringLiteral("drv")).toString();
        n.size = u64(o.value(QStringLiteral("image")).toObject().value(QStringLiteral("virtual-size")));
        if (auto it = devices.find(n.nodeName); it != devices.end()) {
            n.device = it->second;
        }
        for (const QJsonValue& b : o.value(QStringLiteral("dirty-bitmaps")).toArray()) {
            const QJsonObject bo = b.toObject();
            n.bitmaps.append(LiveBitmapInfo{bo.value(QStringLiteral("name")).toString(),
                                            u64(bo.value(QStringLiteral("granularity"))),
                                            u64(bo.value(QStringLiteral("count"))),
                                            bo.value(QStringLiteral("recording")).toBool(),
                                            bo.value(QStringLiteral("persistent")).toBool(),
                                            bo.value(QStringLiteral("busy")).toBool()});
        }
        out.append(std::move(n));
    }
    return out;
}

uint64_t LiveBitmapCopy::dirtyBytes() const noexcept
{
    uint64_t n = 0;
    for (const Range& r : extents) {
        n += r.count;
    }
    return n;
}

HBitmap LiveBitmapCopy::bitmap() const
{
    return bitmapFromExtents(diskBytes, unsigned(std::countr_zero(granularity)), extents);
}

std::string LiveBitmapCopy::sha256() const
{
    return bitmap().sha256();
}

// Something this reader put into QEMU during a refresh, removed again in reverse order.
struct LiveBitmapReader::Added {
    enum class Kind { Bitmap, Export } kind;
    QString node;
    QString name;  // the copy's name, or the export's id
};

LiveBitmapReader::LiveBitmapReader(QmpClient& qmp) : qmp_(qmp) {}

LiveBitmapReader::~LiveBitmapReader()
{
    detach();
}

void LiveBitmapReader::useNbdServer(const QString& path)
{
    nbdSocket_ = path;
    externalServer_ = true;
}

uint64_t LiveBitmapReader::blockStatusStep(uint64_t granularity)
{
    const uint64_t maxCount = 0xffffffffu;  // NBD lengths are 32 bits
    const uint64_t g = std::max<uint64_t>(granularity, 1);
    return g > maxCount ? maxCount : maxCount / g * g;
}

QmpReply LiveBitmapReader::must(const QString& command, const QJsonObject& arguments, const QString& step)
{
    QmpReply r = qmp_.execute(command, arguments);
    if (!r.ok()) {
        throw LiveError(QCoreApplication::translate("bitmig::qemu::LiveBitmapReader", "%1: %2").arg(step, r.error.message()), r.error);
    }
    return r;
}

void LiveBitmapReader::ensureServer()
{
    if (externalServer_ || startedServer_) {
        return;
    }
    if (!dir_) {
        // A folder of our own (mode 0700) for the server's socket.
        dir_ = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/bitmig-live-XXXXXX"));
        if (!dir_->isValid()) {
            const QString why = dir_->errorString();
            dir_.reset();
            throw LiveError(QCoreApplication::translate("bitmig::qemu::LiveBitmapReader", "cannot make a folder for the NBD socket: %1").arg(why));
        }
    }
    nbdSocket_ = dir_->filePath(QStringLiteral("nbd.sock"));
    const QmpReply r = qmp_.execute(
        QStringLiteral("nbd-server-start"),
        QJsonObject{{QStringLiteral("addr"),
                     QJsonObject{{QStringLiteral("type"), QStringLiteral("unix")},
                                 {QStringLiteral("data"), QJsonObject{{QStringLiteral("path"), nbdSocket_}}}}}});
    if (!r.ok()) {
        nbdSocket_.clear();
        if (r.error.kind == QmpError::Kind::Command && r.error.desc.contains(QStringLiteral("already running"))) {
            throw LiveError(QCoreApplication::translate("bitmig::qemu::LiveBitmapReader", "QEMU already runs an NBD server; name its unix socket to read through it "
                               "(QEMU said: %1)").arg(r.error.desc), r.error);
        }
        throw LiveError(QCoreApplication::translate("bitmig::qemu::LiveBitmapReader", "starting an NBD server: %1").arg(r.error.message()), r.error);
    }
    startedServer_ = true;
}

void LiveBitmapReader::undo(std::vector<Added>& added)
{
    bool lost = false;
    while (!added.empty()) {
        const Added a = added.back();
        added.pop_back();
        if (lost) {
            continue;  // QEMU is gone, and with it everything it held
        }
        if (a.kind == Added::Kind::Export) {
            const QmpReply r = qmp_.execute(QStringLiteral("block-export-del"), QJsonObject{{QStringLiteral("id"), a.name}});
            if (r.ok()) {
                // The copies stay busy until the export is gone, which QEMU says with an event.
                QmpError e;
                if (!qmp_.waitForEvent(QStringLiteral("BLOCK_EXPORT_DELETED"),
                                       [&](const QJsonObject& d) { return d.value(QStringLiteral("id")).toString() == a.name; },
                                       QmpClient::kDefaultTimeoutMs, &e)) {
                    lost = e.kind == QmpError::Kind::Disconnected;
                }
            } else {
                lost = r.error.kind == QmpError::Kind::Disconnected;
            }
        } else {
            const QmpReply r = qmp_.execute(QStringLiteral("block-dirty-bitmap-remove"),
                                            QJsonObject{{QStringLiteral("node"), a.node}, {QStringLiteral("name"), a.name}});
            lost = !r.ok() && r.error.kind == QmpError::Kind::Disconnected;
        }
    }
}

LiveRefresh LiveBitmapReader::refresh(const QList<BitmapRef>& watched)
{
    LiveRefresh out;
    if (watched.isEmpty()) {
        return out;
    }
    const qint64 start = nowNs();
    const uint64_t tripsBefore = qmp_.roundTrips();
    qint64 nbdNs = 0;
    std::vector<Added> added;
    try {
        // What the watched bitmaps are: their granularity, and whether they exist at all.
        const QList<LiveNodeInfo> nodes = queryNodes(qmp_);
        out.nodes = nodes;
        QJsonArray actions;
        const QString prefix = QStringLiteral("bitmig-%1-%2").arg(QCoreApplication::applicationPid()).arg(++serial_);
        std::vector<QString> copies;
        for (qsizetype i = 0; i < watched.size(); ++i) {
            const BitmapRef& ref = watched[i];
            auto node = std::find_if(nodes.begin(), nodes.end(), [&](const LiveNodeInfo& n) { return n.nodeName == ref.node; });
            if (node == nodes.end()) {
                throw LiveError(QCoreApplication::translate("bitmig::qemu::LiveBitmapReader", "QEMU has no block node '%1' (nodes: %2)").arg(ref.node, nodeNames(nodes).join(QStringLiteral(", "))));
            }
            auto bitmap = std::find_if(node->bitmaps.begin(), node->bitmaps.end(),
                                       [&](const LiveBitmapInfo& b) { return b.name == ref.bitmap; });
            if (bitmap == node->bitmaps.end()) {
                QStringList names;
                for (const LiveBitmapInfo& b : node->bitmaps) {
                    names.append(b.name);
                }
                throw LiveError(QCoreApplication::translate("bitmig::qemu::LiveBitmapReader", "block node '%1' has no bitmap '%2' (bitmaps: %3)")
                                    .arg(ref.node, ref.bitmap, names.isEmpty() ? QCoreApplication::translate("bitmig::qemu::LiveBitmapReader", "none") : names.join(QStringLiteral(", "))));
            }
            const QString copy = QStringLiteral("%1-%2").arg(prefix).arg(i);
            copies.push_back(copy);
            actions.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("block-dirty-bitmap-add")},
                                       {QStringLiteral("data"), QJsonObject{{QStringLiteral("node"), ref.node},
                                                                            {QStringLiteral("name"), copy},
                                                                            {QStringLiteral("granularity"), qint64(bitmap->granularity)},
                                                                            {QStringLiteral("disabled"), true}}}});
            actions.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("block-dirty-bitmap-merge")},
                                       {QStringLiteral("data"), QJsonObject{{QStringLiteral("node"), ref.node},
                                                                            {QStringLiteral("target"), copy},
                                                                            {QStringLiteral("bitmaps"), QJsonArray{ref.bitmap}}}}});
            LiveBitmapCopy c;
            c.ref = ref;
            c.granularity = bitmap->granularity;
            out.bitmaps.append(std::move(c));
        }
        // All copies in one transaction: the bits of every watched bitmap at one instant.
        must(QStringLiteral("transaction"), QJsonObject{{QStringLiteral("actions"), actions}}, QCoreApplication::translate("bitmig::qemu::LiveBitmapReader", "copying the bitmaps"));
        for (qsizetype i = 0; i < watched.size(); ++i) {
            added.push_back(Added{Added::Kind::Bitmap, watched[i].node, copies[size_t(i)]});
        }
        ensureServer();

        // One export per node, carrying the copies of that node's bitmaps.
        QStringList exportNodes;
        for (const BitmapRef& ref : watched) {
            if (!exportNodes.contains(ref.node)) {
                exportNodes.append(ref.node);
            }
        }
        for (qsizetype e = 0; e < exportNodes.size(); ++e) {
            const QString& node = exportNodes[e];
            const QString id = QStringLiteral("%1-export-%2").arg(prefix).arg(e);
            QJsonArray bitmaps;
            std::vector<ContextRead> contexts;
            std::vector<qsizetype> which;
            uint64_t step = 0xffffffffu;
            for (qsizetype i = 0; i < watched.size(); ++i) {
                if (watched[i].node == node) {
                    bitmaps.append(copies[size_t(i)]);
                    ContextRead context;
                    context.name = "qemu:dirty-bitmap:" + copies[size_t(i)].toStdString();
                    contexts.push_back(std::move(context));
                    which.push_back(i);
                    step = std::min(step, blockStatusStep(out.bitmaps[i].granularity));
                }
            }
            must(QStringLiteral("block-export-add"),
                 QJsonObject{{QStringLiteral("type"), QStringLiteral("nbd")},
                             {QStringLiteral("id"), id},
                             {QStringLiteral("node-name"), node},
                             {QStringLiteral("name"), id},
                             {QStringLiteral("writable"), false},
                             {QStringLiteral("bitmaps"), bitmaps}},
                 QCoreApplication::translate("bitmig::qemu::LiveBitmapReader", "exporting the copies of node '%1'").arg(node));
            added.push_back(Added{Added::Kind::Export, node, id});
            const qint64 nbdStart = nowNs();
            uint64_t diskBytes = 0;
            readExport(nbdSocket_, id, step, contexts, diskBytes, out.nbdRequests);
            nbdNs += nowNs() - nbdStart;
            for (size_t k = 0; k < which.size(); ++k) {
                LiveBitmapCopy& c = out.bitmaps[which[k]];
                c.diskBytes = diskBytes;
                c.extents = std::move(contexts[k].runs);
            }
            // The export goes as soon as it is read: its copies are then free to remove.
            std::vector<Added> exportOnly{added.back()};
            added.pop_back();
            undo(exportOnly);
        }
        undo(added);
    } catch (const LiveError& e) {
        undo(added);
        if (!e.lostQemu() && !qmp_.isOpen()) {
            // An NBD read that failed because QEMU went away: say that.
            throw LiveError(QCoreApplication::translate("bitmig::qemu::LiveBitmapReader", "QEMU exited during the refresh (%1)").arg(e.message()),
                            QmpError{QmpError::Kind::Disconnected, {}, {}, e.message()});
        }
        throw;
    }
    out.totalNs = nowNs() - start;
    out.nbdNs = nbdNs;
    out.qmpNs = out.totalNs - nbdNs;
    out.qmpRoundTrips = qmp_.roundTrips() - tripsBefore;
    return out;
}

void LiveBitmapReader::detach()
{
    if (startedServer_) {
        startedServer_ = false;
        if (qmp_.isOpen()) {
            qmp_.execute(QStringLiteral("nbd-server-stop"));
        }
        nbdSocket_.clear();
    }
    dir_.reset();
}

} // namespace bitmig::qemu
