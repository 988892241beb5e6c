#include "app/model/realmigration.h"
#include "app/model/simulationcontroller.h"
#include "widgets/byteformat.h"
#include "widgets/configerrortext.h"

#include <bitmig/migrationengine.h>

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QStandardPaths>

#include <algorithm>
#include <bit>

namespace bitmig {

namespace {


QString nodeName(int disk)
{
    return QStringLiteral("drive%1").arg(disk);
}

constexpr int kPollMs = 100;
constexpr int kStartMs = 30000;
constexpr int kImageMs = 600000;  // a copy of a large image may take minutes
constexpr int64_t kMaxDowntimeMs = 2000000;  // QEMU's limit for downtime-limit

// "source" / "destination" in the reader's language, for messages.
QString sideText(const QString& side)
{
    return side == QStringLiteral("source") ? QCoreApplication::translate("bitmig::RealMigration", "source")
                                            : QCoreApplication::translate("bitmig::RealMigration", "destination");
}

bool isFinalStatus(const QString& s)
{
    return s == QStringLiteral("completed") || s == QStringLiteral("failed") || s == QStringLiteral("cancelled");
}

} // namespace

QString RealMigrationError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::BadSpec: return QStringLiteral("bad-spec");
    case Kind::MissingProgram: return QStringLiteral("missing-program");
    case Kind::Image: return QStringLiteral("image");
    case Kind::QemuStart: return QStringLiteral("qemu-start");
    case Kind::Command: return QStringLiteral("command");
    case Kind::QemuDied: return QStringLiteral("qemu-died");
    case Kind::MigrationFailed: return QStringLiteral("migration-failed");
    case Kind::Timeout: return QStringLiteral("timeout");
    }
    return QStringLiteral("unknown");
}

bool RealMigrationResult::allMatch() const
{
    if (bitmaps.empty()) {
        return false;
    }
    for (const auto& b : bitmaps) {
        if (!b.matches()) {
            return false;
        }
    }
    return true;
}

RealMigration::RealMigration(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<RealProgress>();
    qRegisterMetaType<RealMigrationResult>();
    poll_.setInterval(kPollMs);
    connect(&poll_, &QTimer::timeout, this, &RealMigration::onPoll);
    deadline_.setSingleShot(true);
    connect(&deadline_, &QTimer::timeout, this, [this] {
        if (!running_) {
            return;
        }
        source_.send(QStringLiteral("migrate_cancel"), {}, [](const qemu::QmpReply&) {});
        fail(RealMigrationError::Kind::Timeout,
             tr("the migration did not complete within %1 s and was cancelled (last status: %2). QEMU's precopy "
                "keeps the bitmaps pending until they fit in the downtime limit at the bandwidth it measures; "
                "a larger downtime limit, a coarser granularity or postcopy lets it finish")
                 .arg(spec_.timeoutMs / 1000.0)
                 .arg(progress_.status));
    });
    for (auto* q : {&source_, &destination_}) {
        const QString side = q == &source_ ? QStringLiteral("source") : QStringLiteral("destination");
        connect(q, &qemu::QmpClient::eventReceived, this,
                [this, side](const QString& name, const QJsonObject& data, qint64) { onEvent(side, name, data); });
    }
}

RealMigration::~RealMigration()
{
    shutdown();
}

void RealMigration::validate(const RealMigrationSpec& spec) const
{
    using K = RealMigrationError::Kind;
    if (spec.disks.empty()) {
        throw RealMigrationError(K::BadSpec, tr("disks: at least one disk is needed"));
    }
    for (size_t i = 0; i < spec.disks.size(); ++i) {
        const RealDisk& d = spec.disks[i];
        if (d.copyOf.isEmpty()) {
            if (d.sizeBytes == 0 || d.sizeBytes % 512 != 0) {
                throw RealMigrationError(K::BadSpec, tr("disk %1: the size %2 bytes is not a positive multiple of 512")
                                                         .arg(i)
                                                         .arg(d.sizeBytes));
            }
        } else if (!QFileInfo(d.copyOf).isFile() || !QFileInfo(d.copyOf).isReadable()) {
            throw RealMigrationError(K::Image, tr("disk %1: %2 is not a readable file").arg(i).arg(d.copyOf));
        }
    }
    if (spec.bitmaps.empty()) {
        throw RealMigrationError(K::BadSpec, tr("bitmaps: at least one bitmap is needed"));
    }
    for (size_t i = 0; i < spec.bitmaps.size(); ++i) {
        const RealBitmap& b = spec.bitmaps[i];
        if (b.disk < 0 || size_t(b.disk) >= spec.disks.size()) {
            throw RealMigrationError(K::BadSpec, tr("bitmap %1: there is no disk %2").arg(i).arg(b.disk));
        }
        if (b.name.isEmpty() || b.name.size() > 1023) {
            throw RealMigrationError(K::BadSpec, tr("bitmap %1: a name of 1 to 1023 characters is needed").arg(i));
        }
        if (b.granularity < 512 || b.granularity > (uint64_t(1) << 31) || !std::has_single_bit(b.granularity)) {
            throw RealMigrationError(K::BadSpec, tr("bitmap %1 (%2): the granularity %3 is not a power of two from 512 B to 2 GiB")
                                                     .arg(i)
                                                     .arg(b.name)
                                                     .arg(b.granularity));
        }
        for (size_t j = 0; j < i; ++j) {
            if (spec.bitmaps[j].disk == b.disk && spec.bitmaps[j].name == b.name) {
                throw RealMigrationError(K::BadSpec, tr("bitmap %1: disk %2 already has a bitmap named %3").arg(i).arg(b.disk).arg(b.name));
            }
        }
    }
    if (!(spec.bandwidth >= 1) || spec.bandwidth > 9.0e18) {
        throw RealMigrationError(K::BadSpec, tr("bandwidth: %1 bytes per second is not one QEMU takes").arg(spec.bandwidth));
    }
    if (spec.downtimeLimitMs < 0 || spec.downtimeLimitMs > kMaxDowntimeMs) {
        throw RealMigrationError(K::BadSpec, tr("downtime limit: %1 ms is outside 0 to %2 ms").arg(spec.downtimeLimitMs).arg(kMaxDowntimeMs));
    }
    if (spec.timeoutMs <= 0) {
        throw RealMigrationError(K::BadSpec, tr("timeout: %1 ms is not positive").arg(spec.timeoutMs));
    }
    for (const RealWrite& w : spec.writesBefore) {
        if (w.disk < 0 || size_t(w.disk) >= spec.disks.size()) {
            throw RealMigrationError(K::BadSpec, tr("write: there is no disk %1").arg(w.disk));
        }
    }
}

namespace {

// Runs qemu-img; its standard error on failure.
std::optional<QString> runImg(const QString& img, const QStringList& args, QByteArray* out = nullptr)
{
    QProcess p;
    p.start(img, args);
    if (!p.waitForFinished(kImageMs) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        const QString err = QString::fromLocal8Bit(p.readAllStandardError()).trimmed();
        p.kill();
        p.waitForFinished(1000);
        return err.isEmpty() ? p.errorString() : err;
    }
    if (out) {
        *out = p.readAllStandardOutput();
    }
    return std::nullopt;
}

} // namespace

void RealMigration::makeImages()
{
    using K = RealMigrationError::Kind;
    spec_.imageBitmaps.clear();
    for (size_t i = 0; i < spec_.disks.size(); ++i) {
        RealDisk& d = spec_.disks[i];
        const QString src = dir_->filePath(QStringLiteral("source%1.qcow2").arg(i));
        const QString dst = dir_->filePath(QStringLiteral("destination%1.qcow2").arg(i));
        if (!d.copyOf.isEmpty()) {
            QByteArray info;
            // -U: the user's image may be open in a VM; it is only read.
            if (auto e = runImg(imgPath_, {QStringLiteral("info"), QStringLiteral("-U"), QStringLiteral("--output=json"), d.copyOf}, &info)) {
                throw RealMigrationError(K::Image, tr("%1: qemu-img info failed: %2").arg(d.copyOf, *e));
            }
            const QJsonObject o = QJsonDocument::fromJson(info).object();
            if (o.value(QStringLiteral("format")).toString() != QStringLiteral("qcow2")) {
                throw RealMigrationError(K::Image, tr("%1: not a qcow2 image (qemu-img says format %2)")
                                                       .arg(d.copyOf, o.value(QStringLiteral("format")).toString()));
            }
            d.sizeBytes = uint64_t(o.value(QStringLiteral("virtual-size")).toDouble());
            // The image's persistent bitmaps: the copy keeps them, QEMU loads and migrates them.
            const QJsonArray bitmaps = o.value(QStringLiteral("format-specific")).toObject().value(QStringLiteral("data")).toObject().value(QStringLiteral("bitmaps")).toArray();
            for (const QJsonValue& b : bitmaps) {
                const QJsonObject bitmap = b.toObject();
                spec_.imageBitmaps.push_back(RealBitmap{int(i), bitmap.value(QStringLiteral("name")).toString(),
                                                    uint64_t(bitmap.value(QStringLiteral("granularity")).toDouble()), true});
            }
            // The scratch copy, with the image's persistent bitmaps; the original is only read.
            if (auto e = runImg(imgPath_, {QStringLiteral("convert"), QStringLiteral("-U"), QStringLiteral("-f"), QStringLiteral("qcow2"),
                                           QStringLiteral("-O"), QStringLiteral("qcow2"), QStringLiteral("--bitmaps"), d.copyOf, src})) {
                throw RealMigrationError(K::Image, tr("%1: the scratch copy failed: %2").arg(d.copyOf, *e));
            }
        } else if (auto e = runImg(imgPath_, {QStringLiteral("create"), QStringLiteral("-q"), QStringLiteral("-f"), QStringLiteral("qcow2"), src,
                                              QString::number(d.sizeBytes)})) {
            throw RealMigrationError(K::Image, tr("disk %1: qemu-img create failed: %2").arg(i).arg(*e));
        }
        // The destination's disk: new and empty, the same size (the bitmaps migrate, not the data).
        if (auto e = runImg(imgPath_, {QStringLiteral("create"), QStringLiteral("-q"), QStringLiteral("-f"), QStringLiteral("qcow2"), dst,
                                       QString::number(d.sizeBytes)})) {
            throw RealMigrationError(K::Image, tr("disk %1: qemu-img create failed: %2").arg(i).arg(*e));
        }
    }
}

std::unique_ptr<QProcess> RealMigration::startQemu(const QString& side, bool incoming, qemu::QmpClient& qmp)
{
    using K = RealMigrationError::Kind;
    QStringList args{QStringLiteral("-machine"), QStringLiteral("none"), QStringLiteral("-nodefaults"),
                     QStringLiteral("-display"), QStringLiteral("none")};
    for (size_t i = 0; i < spec_.disks.size(); ++i) {
        args << QStringLiteral("-blockdev")
             << QStringLiteral("driver=file,filename=%1,node-name=file%2").arg(dir_->filePath(QStringLiteral("%1%2.qcow2").arg(side).arg(i))).arg(i)
             << QStringLiteral("-blockdev") << QStringLiteral("driver=qcow2,file=file%1,node-name=drive%1").arg(i);
    }
    const QString qmpSocket = dir_->filePath(QStringLiteral("%1.qmp").arg(side));
    args << QStringLiteral("-qmp") << QStringLiteral("unix:%1,server=on,wait=off").arg(qmpSocket);
    if (incoming) {
        // Paused at the destination until the source's switch-over.
        args << QStringLiteral("-S") << QStringLiteral("-incoming") << QStringLiteral("unix:%1").arg(dir_->filePath(QStringLiteral("migration.sock")));
    }
    auto p = std::make_unique<QProcess>();
    p->setStandardOutputFile(QProcess::nullDevice());  // qemu-io reports there
    p->start(qemuPath_, args);
    if (!p->waitForStarted(kStartMs)) {
        throw RealMigrationError(K::QemuStart, tr("the %1 QEMU did not start: %2").arg(sideText(side), p->errorString()));
    }
    QElapsedTimer t;
    t.start();
    while (!QFileInfo::exists(qmpSocket)) {
        if (p->state() != QProcess::Running || p->waitForFinished(20)) {
            throw RealMigrationError(K::QemuStart, tr("the %1 QEMU exited at once: %2")
                                                       .arg(sideText(side), QString::fromLocal8Bit(p->readAllStandardError()).trimmed()));
        }
        if (t.elapsed() > kStartMs) {
            throw RealMigrationError(K::QemuStart, tr("the %1 QEMU made no QMP socket in %2 s").arg(sideText(side)).arg(kStartMs / 1000));
        }
    }
    // The socket's file appears when QEMU binds it, a moment before it listens: a refused
    // connection is tried again while QEMU runs.
    for (;;) {
        const qemu::QmpError e = qmp.open(qmpSocket);
        if (!e) {
            break;
        }
        if (e.kind != qemu::QmpError::Kind::Connect || t.elapsed() > kStartMs || p->state() != QProcess::Running || p->waitForFinished(20)) {
            throw RealMigrationError(K::QemuStart, tr("the %1 QEMU: %2").arg(sideText(side), e.message()));
        }
    }
    connect(p.get(), &QProcess::finished, this,
            [this, side](int code, QProcess::ExitStatus status) { onProcessEnded(side, code, status); });
    return p;
}

QJsonValue RealMigration::must(qemu::QmpClient& qmp, const QString& side, const QString& command, const QJsonObject& args)
{
    const qemu::QmpReply r = qmp.execute(command, args);
    if (!r.ok()) {
        throw RealMigrationError(r.error.kind == qemu::QmpError::Kind::Disconnected ? RealMigrationError::Kind::QemuDied
                                                                                    : RealMigrationError::Kind::Command,
                                 tr("the %1 QEMU: %2").arg(sideText(side), r.error.message()));
    }
    return r.value;
}

void RealMigration::prepare(const RealMigrationSpec& spec)
{
    using K = RealMigrationError::Kind;
    shutdown();
    result_.reset();
    building_ = {};
    progress_ = {};
    switchedOver_ = false;
    postcopyAsked_ = false;
    cancelling_ = false;
    validate(spec);
    spec_ = spec;
    qemuPath_ = QStandardPaths::findExecutable(QStringLiteral("qemu-system-x86_64"));
    if (qemuPath_.isEmpty()) {
        throw RealMigrationError(K::MissingProgram, tr("qemu-system-x86_64 is not on PATH (Debian: the qemu-system-x86 package)"));
    }
    imgPath_ = QStandardPaths::findExecutable(QStringLiteral("qemu-img"));
    if (imgPath_.isEmpty()) {
        throw RealMigrationError(K::MissingProgram, tr("qemu-img is not on PATH (Debian: the qemu-utils package)"));
    }
    busy_ = true;
    try {
        dir_ = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/bitmig-real-XXXXXX"));
        if (!dir_->isValid()) {
            throw RealMigrationError(K::Image, tr("cannot make a private folder: %1").arg(dir_->errorString()));
        }
        QFile::setPermissions(dir_->path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        makeImages();
        srcProc_ = startQemu(QStringLiteral("source"), false, source_);
        dstProc_ = startQemu(QStringLiteral("destination"), true, destination_);
        const QString src = QStringLiteral("source");
        for (const RealBitmap& b : spec_.bitmaps) {
            must(source_, src, QStringLiteral("block-dirty-bitmap-add"),
                 QJsonObject{{QStringLiteral("node"), nodeName(b.disk)}, {QStringLiteral("name"), b.name},
                             {QStringLiteral("granularity"), qint64(b.granularity)}, {QStringLiteral("persistent"), b.persistent}});
        }
        for (const RealWrite& w : spec_.writesBefore) {
            const QString e = hmpWrite(w.disk, w.offset, w.length);
            if (!e.isEmpty()) {
                throw RealMigrationError(K::BadSpec, e);
            }
            building_.writes.push_back(RealWrite{w.disk, w.offset, w.length, -1});
        }
        // dirty-bitmaps: the bitmaps migrate; events: MIGRATION events; pause-before-switchover:
        // the source stops at "pre-switchover", where its bits are read, then migrate-continue.
        // Postcopy of bitmaps alone needs no postcopy-ram: dirty-bitmaps lets migrate-start-postcopy
        // switch (there is no RAM with -machine none).
        QJsonArray caps{QJsonObject{{QStringLiteral("capability"), QStringLiteral("dirty-bitmaps")}, {QStringLiteral("state"), true}},
                        QJsonObject{{QStringLiteral("capability"), QStringLiteral("events")}, {QStringLiteral("state"), true}}};
        must(destination_, QStringLiteral("destination"), QStringLiteral("migrate-set-capabilities"), QJsonObject{{QStringLiteral("capabilities"), caps}});
        caps.append(QJsonObject{{QStringLiteral("capability"), QStringLiteral("pause-before-switchover")}, {QStringLiteral("state"), true}});
        must(source_, src, QStringLiteral("migrate-set-capabilities"), QJsonObject{{QStringLiteral("capabilities"), caps}});
        must(source_, src, QStringLiteral("migrate-set-parameters"),
             QJsonObject{{QStringLiteral("max-bandwidth"), qint64(spec_.bandwidth)}, {QStringLiteral("downtime-limit"), qint64(spec_.downtimeLimitMs)}});
        // The guest runs (a machine with no CPU): the source is not a paused VM.
        must(source_, src, QStringLiteral("cont"));
    } catch (...) {
        busy_ = false;
        shutdown();
        throw;
    }
    busy_ = false;
}

QString RealMigration::hmpWrite(int disk, uint64_t offset, uint64_t length)
{
    if (disk < 0 || size_t(disk) >= spec_.disks.size()) {
        return tr("write: there is no disk %1").arg(disk);
    }
    const uint64_t size = spec_.disks[size_t(disk)].sizeBytes;
    if (length == 0 || offset >= size || length > size - offset) {
        return tr("write: %1 bytes at %2 do not lie inside disk %3 (%4 bytes)").arg(length).arg(offset).arg(disk).arg(size);
    }
    if (offset % 512 != 0 || length % 512 != 0) {
        return tr("write: qemu-io writes whole 512-byte sectors; %1 bytes at %2 are not").arg(length).arg(offset);
    }
    const QString line = QStringLiteral("qemu-io %1 \"write %2 %3\"").arg(nodeName(disk)).arg(offset).arg(length);
    const qemu::QmpReply r = source_.execute(QStringLiteral("human-monitor-command"), QJsonObject{{QStringLiteral("command-line"), line}});
    if (!r.ok()) {
        return tr("write: %1").arg(r.error.message());
    }
    const QString said = r.value.toString().trimmed();
    if (!said.isEmpty()) {  // qemu-io reports success on QEMU's standard output, the monitor only errors
        return tr("write: QEMU said: %1").arg(said);
    }
    return {};
}

void RealMigration::start()
{
    using K = RealMigrationError::Kind;
    if (!srcProc_ || running_ || result_) {
        throw RealMigrationError(K::BadSpec, tr("start: prepare() a new migration first"));
    }
    building_.statuses.clear();
    busy_ = true;
    try {
        must(source_, QStringLiteral("source"), QStringLiteral("migrate"),
             QJsonObject{{QStringLiteral("uri"), QStringLiteral("unix:%1").arg(dir_->filePath(QStringLiteral("migration.sock")))}});
    } catch (...) {
        busy_ = false;
        throw;
    }
    busy_ = false;
    running_ = true;
    clock_.start();
    deadline_.start(spec_.timeoutMs);
    poll_.start();
    if (spec_.postcopy && spec_.postcopyAfterMs >= 0) {
        QTimer::singleShot(spec_.postcopyAfterMs, this, [this] {
            if (running_ && !postcopyAsked_) {
                const QString e = startPostcopy();
                if (!e.isEmpty()) {
                    fail(K::Command, e);
                }
            }
        });
    }
    onPoll();
}

QString RealMigration::startPostcopy()
{
    if (!running_) {
        return tr("migrate-start-postcopy: no migration is running");
    }
    if (!spec_.postcopy) {
        return tr("migrate-start-postcopy: this migration was set up as precopy");
    }
    if (postcopyAsked_) {
        return {};
    }
    postcopyAsked_ = true;
    const qemu::QmpReply r = source_.execute(QStringLiteral("migrate-start-postcopy"));
    return r.ok() ? QString() : r.error.message();
}

bool RealMigration::canWrite() const
{
    return srcProc_ && !switchedOver_ && !result_ &&
           (progress_.status.isEmpty() || progress_.status == QStringLiteral("setup") || progress_.status == QStringLiteral("active"));
}

QString RealMigration::write(int disk, uint64_t offset, uint64_t length)
{
    if (!canWrite()) {
        return tr("write: the source no longer runs (status %1): QEMU stopped it for the switch-over")
            .arg(progress_.status.isEmpty() ? tr("not started") : progress_.status);
    }
    const bool wasBusy = busy_;
    busy_ = true;
    const QString e = hmpWrite(disk, offset, length);
    busy_ = wasBusy;
    if (e.isEmpty()) {
        building_.writes.push_back(RealWrite{disk, offset, length, running_ ? clock_.elapsed() : -1});
    }
    return e;
}

void RealMigration::cancel()
{
    if (running_) {
        cancelling_ = true;
        source_.send(QStringLiteral("migrate_cancel"), {}, [](const qemu::QmpReply&) {});
    }
}

void RealMigration::onEvent(const QString& side, const QString& name, const QJsonObject& data)
{
    if (side != QStringLiteral("source")) {
        return;
    }
    if (name == QStringLiteral("MIGRATION_PASS")) {
        progress_.passes = unsigned(data.value(QStringLiteral("pass")).toInt());
        return;
    }
    if (name == QStringLiteral("MIGRATION")) {
        const QString status = data.value(QStringLiteral("status")).toString();
        onStatus(status);
    }
}

void RealMigration::onStatus(const QString& status)
{
    if (status.isEmpty() || status == progress_.status) {
        return;
    }
    progress_.status = status;
    if (building_.statuses.isEmpty() || building_.statuses.last() != status) {
        building_.statuses.append(status);
    }
    emit statusChanged(status);
    emit progress(progress_);
    if (!busy_) {
        QTimer::singleShot(0, this, &RealMigration::onPoll);
    }
}

void RealMigration::onSourceReply(const QJsonObject& r)
{
    progress_.totalTimeMs = qint64(r.value(QStringLiteral("total-time")).toDouble());
    progress_.setupTimeMs = qint64(r.value(QStringLiteral("setup-time")).toDouble());
    if (r.contains(QStringLiteral("downtime"))) {
        progress_.downtimeMs = qint64(r.value(QStringLiteral("downtime")).toDouble());
    }
    progress_.transferredBytes = qint64(r.value(QStringLiteral("ram")).toObject().value(QStringLiteral("transferred")).toDouble());
    progress_.mbps = r.value(QStringLiteral("ram")).toObject().value(QStringLiteral("mbps")).toDouble();
    const QString status = r.value(QStringLiteral("status")).toString();
    if (status == QStringLiteral("failed")) {
        lastError_ = r.value(QStringLiteral("error-desc")).toString();
    }
    if (status != progress_.status) {
        onStatus(status);
    } else {
        emit progress(progress_);
    }
}

void RealMigration::onPoll()
{
    if (!running_ || busy_) {
        return;
    }
    const QString status = progress_.status;
    if (status == QStringLiteral("pre-switchover") && !switchedOver_) {
        readSourceAndContinue();
        return;
    }
    if (status == QStringLiteral("completed")) {
        finishRun();
        return;
    }
    if (status == QStringLiteral("failed") || status == QStringLiteral("cancelled")) {
        // The reason, from the last query-migrate.
        busy_ = true;
        const qemu::QmpReply r = source_.execute(QStringLiteral("query-migrate"));
        busy_ = false;
        const QString desc = r.ok() ? r.value.toObject().value(QStringLiteral("error-desc")).toString() : lastError_;
        fail(RealMigrationError::Kind::MigrationFailed,
             desc.isEmpty() ? tr("QEMU's migration ended with status %1").arg(status)
                            : tr("QEMU's migration ended with status %1: %2").arg(status, desc));
        return;
    }
    if (queryPending_) {
        return;
    }
    queryPending_ = true;
    source_.send(QStringLiteral("query-migrate"), {}, [this](const qemu::QmpReply& r) {
        queryPending_ = false;
        if (r.ok() && running_) {
            onSourceReply(r.value.toObject());
        }
    });
}

void RealMigration::readSourceAndContinue()
{
    busy_ = true;
    QElapsedTimer pause;
    pause.start();
    try {
        // What the source holds at the switch-over, every bitmap of every node (a copy's own
        // persistent bitmaps too): these are the bits it sends.
        const QJsonArray nodes = must(source_, QStringLiteral("source"), QStringLiteral("query-named-block-nodes"),
                                      QJsonObject{{QStringLiteral("flat"), true}})
                                     .toArray();
        building_.bitmaps.clear();
        for (size_t i = 0; i < spec_.disks.size(); ++i) {
            for (const QJsonValue& v : nodes) {
                const QJsonObject n = v.toObject();
                if (n.value(QStringLiteral("node-name")).toString() != nodeName(int(i))) {
                    continue;
                }
                for (const QJsonValue& bv : n.value(QStringLiteral("dirty-bitmaps")).toArray()) {
                    const QJsonObject b = bv.toObject();
                    RealBitmapResult res;
                    res.node = nodeName(int(i));
                    res.name = b.value(QStringLiteral("name")).toString();
                    res.granularity = uint64_t(b.value(QStringLiteral("granularity")).toDouble());
                    res.count = uint64_t(b.value(QStringLiteral("count")).toDouble());
                    res.sourceSha256 = must(source_, QStringLiteral("source"), QStringLiteral("x-debug-block-dirty-bitmap-sha256"),
                                            QJsonObject{{QStringLiteral("node"), res.node}, {QStringLiteral("name"), res.name}})
                                           .toObject()
                                           .value(QStringLiteral("sha256"))
                                           .toString();
                    building_.bitmaps.push_back(res);
                }
            }
        }
        switchedOver_ = true;
        must(source_, QStringLiteral("source"), QStringLiteral("migrate-continue"), QJsonObject{{QStringLiteral("state"), QStringLiteral("pre-switchover")}});
    } catch (const RealMigrationError& e) {
        busy_ = false;
        fail(e.kind(), e.message());
        return;
    }
    building_.switchoverPauseMs = pause.elapsed();
    busy_ = false;
}

void RealMigration::finishRun()
{
    busy_ = true;
    try {
        if (!switchedOver_) {
            throw RealMigrationError(RealMigrationError::Kind::MigrationFailed,
                                     tr("QEMU completed the migration without pausing before the switch-over"));
        }
        onSourceReply(must(source_, QStringLiteral("source"), QStringLiteral("query-migrate")).toObject());
        // The destination has the bits once its own side has completed (postcopy: the last chunks
        // arrive after the source's switch-over).
        QElapsedTimer t;
        t.start();
        QString dst;
        for (;;) {
            dst = must(destination_, QStringLiteral("destination"), QStringLiteral("query-migrate")).toObject().value(QStringLiteral("status")).toString();
            if (isFinalStatus(dst) || t.elapsed() > 30000) {
                break;
            }
            QEventLoop loop;
            QTimer::singleShot(kPollMs, &loop, &QEventLoop::quit);
            loop.exec();
        }
        if (dst != QStringLiteral("completed")) {
            throw RealMigrationError(RealMigrationError::Kind::MigrationFailed,
                                     tr("the source completed but the destination's migration status is %1").arg(dst));
        }
        for (RealBitmapResult& b : building_.bitmaps) {
            const qemu::QmpReply r = destination_.execute(QStringLiteral("x-debug-block-dirty-bitmap-sha256"),
                                                          QJsonObject{{QStringLiteral("node"), b.node}, {QStringLiteral("name"), b.name}});
            if (r.ok()) {
                b.destinationSha256 = r.value.toObject().value(QStringLiteral("sha256")).toString();
            } else if (r.error.kind != qemu::QmpError::Kind::Command) {
                throw RealMigrationError(RealMigrationError::Kind::QemuDied, tr("the destination QEMU: %1").arg(r.error.message()));
            }  // a bitmap the destination does not have: an empty digest, no match
        }
    } catch (const RealMigrationError& e) {
        busy_ = false;
        fail(e.kind(), e.message());
        return;
    }
    busy_ = false;
    running_ = false;
    poll_.stop();
    deadline_.stop();
    building_.figures = progress_;
    result_ = building_;
    shutdown();
    emit finished(*result_);
}

namespace {

// True when the process has ended, reaped or not: a QEMU killed a moment ago is a zombie until its
// parent's event loop reaps it, and QProcess still reports it running until then.
bool processEnded(const QProcess* p)
{
    if (!p || p->state() == QProcess::NotRunning) {
        return true;
    }
    QFile stat(QStringLiteral("/proc/%1/stat").arg(p->processId()));
    if (!stat.open(QIODevice::ReadOnly)) {
        return true;
    }
    const QByteArray line = stat.readAll();
    const qsizetype close = line.lastIndexOf(')');  // the state follows the command name in parentheses
    return close < 0 || close + 2 >= line.size() || line.at(close + 2) == 'Z' || line.at(close + 2) == 'X';
}

} // namespace

void RealMigration::fail(RealMigrationError::Kind kind, QString message)
{
    if (!running_) {
        return;
    }
    // A destination whose source died ends its incoming migration and exits, and its end may be
    // noticed first (its socket, its process). When the source has ended too, it is the one named.
    if (kind == RealMigrationError::Kind::QemuDied && !message.contains(sideText(QStringLiteral("source"))) &&
        processEnded(srcProc_.get())) {
        message = tr("the source QEMU ended during the migration (status %1)").arg(progress_.status);
    }
    running_ = false;
    poll_.stop();
    deadline_.stop();
    shutdown();
    emit failed(int(kind), message);
}

void RealMigration::onProcessEnded(const QString& side, int exitCode, QProcess::ExitStatus status)
{
    if (stopping_ || !running_) {
        return;
    }
    // A cancelled migration ends the destination's incoming side, and the destination QEMU exits:
    // the source's "cancelled" status reports the end.
    if (cancelling_ && side == QStringLiteral("destination")) {
        return;
    }
    // A QEMU that exits on its own may be following the other one: a destination whose source was
    // killed ends its incoming migration and exits. Give the other a moment to be seen ending, so
    // the one that was killed is named (its own report comes first, from within the wait).
    QProcess* other = side == QStringLiteral("source") ? dstProc_.get() : srcProc_.get();
    if (status == QProcess::NormalExit && other && other->state() != QProcess::NotRunning) {
        other->waitForFinished(1000);
        if (!running_) {
            return;
        }
    }
    fail(RealMigrationError::Kind::QemuDied,
         status == QProcess::CrashExit ? tr("the %1 QEMU was killed during the migration (status %2)").arg(sideText(side), progress_.status)
                                       : tr("the %1 QEMU exited with code %2 during the migration (status %3)").arg(sideText(side)).arg(exitCode).arg(progress_.status));
}

void RealMigration::shutdown()
{
    stopping_ = true;
    for (auto* pair : {&srcProc_, &dstProc_}) {
        std::unique_ptr<QProcess>& p = *pair;
        qemu::QmpClient& q = pair == &srcProc_ ? source_ : destination_;
        if (p && p->state() != QProcess::NotRunning && q.isOpen()) {
            q.send(QStringLiteral("quit"), {}, [](const qemu::QmpReply&) {});
        }
    }
    for (auto* pair : {&srcProc_, &dstProc_}) {
        std::unique_ptr<QProcess>& p = *pair;
        if (p && p->state() != QProcess::NotRunning && !p->waitForFinished(10000)) {
            p->kill();  // its own pid
            p->waitForFinished(10000);
        }
        if (p) {
            p->disconnect(this);
        }
        p.reset();
    }
    source_.close();
    destination_.close();
    running_ = false;
    poll_.stop();
    deadline_.stop();
    dir_.reset();  // removes the folder and the scratch images
    stopping_ = false;
}

namespace {

// QEMU's pending count for the bitmaps before any is sent: one per bit (ceil(disk / granularity)),
// over the bitmaps the run adds and a prepared copy's own.
uint64_t qemuPendingBits(const RealMigrationSpec& spec)
{
    uint64_t pending = 0;
    const auto count = [&](const RealBitmap& b) {
        if (b.disk >= 0 && size_t(b.disk) < spec.disks.size() && b.granularity > 0) {
            const uint64_t size = spec.disks[size_t(b.disk)].sizeBytes;
            pending += size / b.granularity + (size % b.granularity != 0 ? 1 : 0);
        }
    };
    for (const RealBitmap& b : spec.bitmaps) {
        count(b);
    }
    for (const RealBitmap& b : spec.imageBitmaps) {
        count(b);
    }
    return pending;
}

QString pendingText(uint64_t pending, const QLocale& locale)
{
    return QCoreApplication::translate("bitmig::RealMigration", "%1 pending (QEMU counts each of the bitmaps' %2 bits as a byte)")
        .arg(formatBytes(pending, locale), locale.toString(qulonglong(pending)));
}

} // namespace

QemuCompletion predictQemuCompletion(const RealMigrationSpec& spec)
{
    QemuCompletion c;
    const QLocale locale;
    c.pendingBytes = qemuPendingBits(spec);
    const double limit = spec.bandwidth * double(std::max<int64_t>(0, spec.downtimeLimitMs)) / 1000.0;
    c.limitBytes = uint64_t(std::max(0.0, limit));
    c.neededBandwidth = spec.downtimeLimitMs > 0 ? double(c.pendingBytes) * 1000.0 / double(spec.downtimeLimitMs) : 0;
    if (spec.postcopy) {
        c.verdict = QemuCompletion::Verdict::Postcopy;
        c.text = QCoreApplication::translate("bitmig::RealMigration", "QEMU switches to postcopy when asked, whatever is pending; the bitmaps follow the switch-over.");
        return c;
    }
    if (c.pendingBytes >= c.limitBytes) {
        c.verdict = QemuCompletion::Verdict::NeverCompletes;
        c.text = QCoreApplication::translate("bitmig::RealMigration", "QEMU will not complete this precopy: %1, and the downtime limit lets at most %2 through at "
                                "max-bandwidth (%3/s for %4 ms). It keeps iterating until cancelled; a larger downtime limit or "
                                "bandwidth, a coarser granularity or postcopy lets it finish.")
                     .arg(pendingText(c.pendingBytes, locale), formatBytes(c.limitBytes, locale),
                          formatBytes(uint64_t(spec.bandwidth), locale), locale.toString(qlonglong(spec.downtimeLimitMs)));
        return c;
    }
    c.verdict = QemuCompletion::Verdict::Completes;
    c.text = QCoreApplication::translate("bitmig::RealMigration", "QEMU completes this precopy once the bandwidth it measures exceeds %1/s: %2 must fit in what the "
                            "downtime limit (%3 ms) lets through, at most %4 at max-bandwidth. It measures its first window "
                            "after 100 ms.")
                 .arg(formatBytes(uint64_t(c.neededBandwidth), locale), pendingText(c.pendingBytes, locale),
                      locale.toString(qlonglong(spec.downtimeLimitMs)), formatBytes(c.limitBytes, locale));
    return c;
}

uint64_t qemuThresholdBytes(double mbps, int64_t downtimeLimitMs)
{
    // QEMU: bandwidth = transferred / time_spent (bytes per ms), threshold = bandwidth * downtime-limit;
    // mbps = transferred * 8 / time_spent(s) / 10^6 over the same window.
    const double threshold = mbps * 1e6 / 8.0 / 1000.0 * double(std::max<int64_t>(0, downtimeLimitMs));
    return threshold <= 0 ? 0 : uint64_t(threshold);
}

QString qemuCompletionNow(const RealMigrationSpec& spec, double mbps)
{
    if (spec.postcopy || mbps <= 0) {
        return {};
    }
    const QLocale locale;
    const uint64_t pending = qemuPendingBits(spec);
    const uint64_t threshold = qemuThresholdBytes(mbps, spec.downtimeLimitMs);
    const QString measured = formatBytes(uint64_t(mbps * 1e6 / 8.0), locale);
    return pending < threshold
               ? QCoreApplication::translate("bitmig::RealMigration", "QEMU measures %1/s: the downtime limit lets %2 through, more than the %3 pending: it completes.")
                     .arg(measured, formatBytes(threshold, locale), formatBytes(pending, locale))
               : QCoreApplication::translate("bitmig::RealMigration", "QEMU measures %1/s: the downtime limit lets %2 through, less than the %3 pending: it does not "
                                "complete at this bandwidth.")
                     .arg(measured, formatBytes(threshold, locale), formatBytes(pending, locale));
}

RealPrediction predictRealMigration(const RealMigrationSpec& spec, const std::vector<RealWrite>& writes)
{
    RealPrediction p;
    if (spec.bitmaps.empty() || spec.disks.empty()) {
        return p;
    }
    p.completion = predictQemuCompletion(spec);
    SimConfig& c = p.config;
    // Every disk under its node name, end to end as the guest sees them; every bitmap on its node,
    // enabled (block-dirty-bitmap-add makes it so) and persistent as added. QEMU sends a node's
    // bitmaps newest first: within a disk, the last added is listed first.
    std::vector<DiskSpec> disks;
    std::vector<uint64_t> diskStart;
    uint64_t guestBytes = 0;
    for (size_t d = 0; d < spec.disks.size(); ++d) {
        disks.push_back(DiskSpec{nodeName(int(d)).toStdString(), spec.disks[d].sizeBytes});
        diskStart.push_back(guestBytes);
        guestBytes += spec.disks[d].sizeBytes;
    }
    std::vector<BitmapSpec> bitmaps;
    for (auto b = spec.bitmaps.rbegin(); b != spec.bitmaps.rend(); ++b) {
        bitmaps.push_back(BitmapSpec{size_t(b->disk), b->name.toStdString(), b->granularity, true, b->persistent});
    }
    c.setLayout(std::move(disks), std::move(bitmaps));  // by disk, the order within each kept
    c.chunkBytes = 1024;  // QEMU's CHUNK_SIZE in migration/block-dirty-bitmap.c
    c.strategy = spec.postcopy ? Strategy::Postcopy : Strategy::StopAndCopy;
    c.bandwidth = spec.bandwidth;
    c.latencyNs = 0;
    c.maxDowntimeNs = spec.downtimeLimitMs * 1'000'000;
    c.workload.kind = WorkloadKind::Idle;
    // The writes before the migration land in the first tick; the migration starts in the second.
    c.migrationStartNs = c.tickNs;
    for (const RealWrite& w : writes) {
        if (w.disk < 0 || size_t(w.disk) >= diskStart.size()) {
            continue;  // QEMU refused it (no such drive): it wrote nothing
        }
        Injection inj;
        inj.op = Injection::Op::Write;
        inj.offset = diskStart[size_t(w.disk)] + w.offset;
        inj.length = w.length;
        inj.timeNs = w.atMs < 0 ? 0 : c.migrationStartNs + w.atMs * 1'000'000;
        c.injections.push_back(inj);
    }
    std::stable_sort(c.injections.begin(), c.injections.end(), [](const Injection& a, const Injection& z) { return a.timeNs < z.timeNs; });
    // QEMU takes layouts the lab does not (a bitmap of more than 2^41 bits): no run, and why.
    try {
        c.validate();
    } catch (const ConfigError& e) {
        p.note = QCoreApplication::translate("bitmig::RealMigration", "The simulator cannot model this run: %1")
                     .arg(ConfigErrorText::message(e));
        return p;
    }
    // The engine holds the whole bitmap (twice): a run the machine cannot hold is not started.
    const QString memory = SimulationController::memoryProblem(c);
    if (!memory.isEmpty()) {
        p.note = memory;
        return p;
    }
    MigrationEngine engine(c);
    engine.runToEnd();
    p.summary = engine.summary();
    p.ran = true;
    return p;
}

} // namespace bitmig
