// A real QEMU 7.2 with no guest for the tests that attach to one: `-machine none -nodefaults
// -display none -S`, one qcow2 image per disk (nodes file0/drive0, file1/drive1, ...) and the QMP
// sockets in a temporary folder. Ended with QMP quit, then by its own pid. A missing QEMU fails the
// test with a message saying so; it never skips.
#pragma once

#include "app/qemu/qmpclient.h"
#include "tests/support/qtwait.h"

#include <catch2/catch.hpp>

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cstdint>
#include <memory>
#include <vector>

namespace bitmig::test {

inline QString requireProgram(const QString& name, const char* package)
{
    const QString path = QStandardPaths::findExecutable(name);
    if (path.isEmpty()) {
        FAIL(name.toStdString() << " is not on PATH: this test runs a real QEMU (install " << package << ")");
    }
    return path;
}

class QemuVm {
public:
    explicit QemuVm(std::vector<uint64_t> diskBytes = {uint64_t(1) << 30})
    {
        const QString qemu = requireProgram(QStringLiteral("qemu-system-x86_64"), "qemu-system-x86");
        const QString img = requireProgram(QStringLiteral("qemu-img"), "qemu-utils");
        REQUIRE(dir_.isValid());
        QStringList args{QStringLiteral("-machine"), QStringLiteral("none"), QStringLiteral("-nodefaults"),
                         QStringLiteral("-display"), QStringLiteral("none"), QStringLiteral("-S")};
        for (size_t i = 0; i < diskBytes.size(); ++i) {
            const QString image = dir_.filePath(QStringLiteral("disk%1.qcow2").arg(i));
            QProcess create;
            create.start(img, {QStringLiteral("create"), QStringLiteral("-q"), QStringLiteral("-f"), QStringLiteral("qcow2"),
                               image, QString::number(diskBytes[i])});
            REQUIRE(create.waitForFinished(30000));
            INFO(create.readAllStandardError().toStdString());
            REQUIRE(create.exitCode() == 0);
            args << QStringLiteral("-blockdev")
                 << QStringLiteral("driver=file,filename=%1,node-name=file%2").arg(image).arg(i)
                 << QStringLiteral("-blockdev") << QStringLiteral("driver=qcow2,file=file%1,node-name=drive%1").arg(i);
        }
        // Two monitors: a QMP socket serves one client at a time, and the test keeps its own.
        args << QStringLiteral("-qmp") << QStringLiteral("unix:%1,server=on,wait=off").arg(qmpSocket())
             << QStringLiteral("-qmp") << QStringLiteral("unix:%1,server=on,wait=off").arg(controlSocket());
        process_.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process_.setStandardOutputFile(QProcess::nullDevice());
        process_.start(qemu, args);
        REQUIRE(process_.waitForStarted(30000));
        REQUIRE(waitUntil([&] { return (QFileInfo::exists(qmpSocket()) && QFileInfo::exists(controlSocket())) || process_.state() != QProcess::Running; },
                          "QEMU's QMP socket"));
        REQUIRE(process_.state() == QProcess::Running);
        // QEMU creates the socket file before it listens on it: a connection refused in between
        // is tried again.
        qemu::QmpError e;
        REQUIRE(waitUntil([&] {
            e = qmp_.open(controlSocket());
            return !e || process_.state() != QProcess::Running;
        }, "QEMU's QMP socket accepting a connection"));
        INFO(e.message().toStdString());
        REQUIRE(!e);
    }

    ~QemuVm() { stop(); }
    QemuVm(const QemuVm&) = delete;
    QemuVm& operator=(const QemuVm&) = delete;

    QString dir() const { return dir_.path(); }
    // The socket for the code under test; the test's own connection uses controlSocket().
    QString qmpSocket() const { return dir_.filePath(QStringLiteral("qmp.sock")); }
    QString controlSocket() const { return dir_.filePath(QStringLiteral("control.sock")); }
    qint64 pid() const { return process_.processId(); }
    bool running() const { return process_.state() == QProcess::Running; }
    QProcess& process() { return process_; }
    // The test's own connection, on controlSocket().
    qemu::QmpClient& qmp() { return qmp_; }

    // A command that must succeed; its "return".
    QJsonValue run(const QString& command, const QJsonObject& arguments = {})
    {
        const qemu::QmpReply r = qmp_.execute(command, arguments);
        INFO(command.toStdString() << ": " << r.error.message().toStdString());
        REQUIRE(r.ok());
        return r.value;
    }
    void addBitmap(const QString& node, const QString& name, uint64_t granularity, bool persistent = false)
    {
        run(QStringLiteral("block-dirty-bitmap-add"),
            QJsonObject{{QStringLiteral("node"), node}, {QStringLiteral("name"), name},
                        {QStringLiteral("granularity"), qint64(granularity)}, {QStringLiteral("persistent"), persistent}});
    }
    // A guest write without a guest: qemu-io through the human monitor.
    void write(const QString& node, uint64_t offset, uint64_t length)
    {
        const QString line = QStringLiteral("qemu-io %1 \"write %2 %3\"").arg(node).arg(offset).arg(length);
        const QString said = run(QStringLiteral("human-monitor-command"), QJsonObject{{QStringLiteral("command-line"), line}}).toString();
        INFO(line.toStdString() << ": " << said.toStdString());
        REQUIRE(said.isEmpty());  // qemu-io reports on QEMU's standard output; the monitor only its errors
    }
    QString sha256(const QString& node, const QString& name)
    {
        return run(QStringLiteral("x-debug-block-dirty-bitmap-sha256"),
                   QJsonObject{{QStringLiteral("node"), node}, {QStringLiteral("name"), name}})
            .toObject()
            .value(QStringLiteral("sha256"))
            .toString();
    }
    // What QEMU holds that a client could have added: nodes with their bitmaps, exports.
    QByteArray state()
    {
        const QJsonValue nodes = run(QStringLiteral("query-named-block-nodes"), QJsonObject{{QStringLiteral("flat"), true}});
        QJsonArray kept;
        for (const QJsonValue& v : nodes.toArray()) {
            const QJsonObject o = v.toObject();
            kept.append(QJsonObject{{QStringLiteral("node-name"), o.value(QStringLiteral("node-name"))},
                                    {QStringLiteral("dirty-bitmaps"), o.value(QStringLiteral("dirty-bitmaps"))}});
        }
        const QJsonValue exports = run(QStringLiteral("query-block-exports"));
        return QJsonDocument(QJsonObject{{QStringLiteral("nodes"), kept}, {QStringLiteral("exports"), exports}})
            .toJson(QJsonDocument::Compact);
    }

    // QMP quit, then the process's own pid if it is still there.
    void stop()
    {
        if (process_.state() == QProcess::NotRunning) {
            return;
        }
        if (qmp_.isOpen()) {
            qmp_.execute(QStringLiteral("quit"), {}, 5000);
        }
        if (!process_.waitForFinished(10000)) {
            process_.kill();
            process_.waitForFinished(10000);
        }
    }
    // SIGKILL by its own pid: QEMU ends at once, with whatever it was doing.
    void kill()
    {
        process_.kill();
        process_.waitForFinished(10000);
    }

private:
    QTemporaryDir dir_;
    QProcess process_;
    qemu::QmpClient qmp_;
};

} // namespace bitmig::test
