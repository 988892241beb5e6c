// The QMP client: against a fake server (QLocalServer) for what a real QEMU will not do on demand
// (an error of a chosen class, silence, hanging up mid-command, replies out of order, not QMP at
// all), and against a real QEMU 7.2.
#include "app/qemu/qmpclient.h"
#include "tests/support/qemuvm.h"
#include "tests/support/qtwait.h"

#include <catch2/catch.hpp>

#include <QJsonDocument>
#include <QElapsedTimer>
#include <QLocalServer>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <functional>
#include <memory>

using bitmig::qemu::QmpClient;
using bitmig::qemu::QmpError;
using bitmig::qemu::QmpReply;

namespace {

const QByteArray kGreeting =
    R"({"QMP": {"version": {"qemu": {"micro": 1, "minor": 2, "major": 7}, "package": ""}, "capabilities": []}})"
    "\n";

// A server on a unix socket that greets (unless told otherwise) and hands every line a client
// sends to `reply`, which answers through the socket it is given.
class FakeQmp {
public:
    using Reply = std::function<void(QLocalSocket&, const QJsonObject&)>;

    explicit FakeQmp(Reply reply, QByteArray greeting = kGreeting) : reply_(std::move(reply)), greeting_(std::move(greeting))
    {
        REQUIRE(dir_.isValid());
        REQUIRE(server_.listen(path()));
        QObject::connect(&server_, &QLocalServer::newConnection, [this] {
            QLocalSocket* s = server_.nextPendingConnection();
            if (!greeting_.isEmpty()) {
                s->write(greeting_);
            }
            QObject::connect(s, &QLocalSocket::readyRead, s, [this, s] {
                while (s->canReadLine()) {
                    const QJsonObject o = QJsonDocument::fromJson(s->readLine()).object();
                    received.append(o);
                    if (o.value(QStringLiteral("execute")).toString() == QStringLiteral("qmp_capabilities")) {
                        answer(*s, o, QJsonObject{{QStringLiteral("return"), QJsonObject{}}});
                    } else {
                        reply_(*s, o);
                    }
                }
            });
        });
    }
    QString path() const { return dir_.filePath(QStringLiteral("fake.sock")); }

    static void answer(QLocalSocket& s, const QJsonObject& request, QJsonObject reply)
    {
        reply.insert(QStringLiteral("id"), request.value(QStringLiteral("id")));
        s.write(QJsonDocument(reply).toJson(QJsonDocument::Compact) + '\n');
        s.flush();
    }

    QList<QJsonObject> received;

private:
    QTemporaryDir dir_;
    QLocalServer server_;
    Reply reply_;
    QByteArray greeting_;
};

} // namespace

TEST_CASE("QMP client: an error reply is a typed result with QEMU's class and desc", "[qmp]")
{
    FakeQmp fake([](QLocalSocket& s, const QJsonObject& r) {
        FakeQmp::answer(s, r, QJsonObject{{QStringLiteral("error"),
                                           QJsonObject{{QStringLiteral("class"), QStringLiteral("DeviceNotFound")},
                                                       {QStringLiteral("desc"), QStringLiteral("Device 'x' not found")}}}});
    });
    QmpClient qmp;
    REQUIRE(!qmp.open(fake.path()));
    CHECK(qmp.qemuVersion() == QStringLiteral("7.2.1"));
    const QmpReply r = qmp.execute(QStringLiteral("query-block"));
    CHECK(!r.ok());
    CHECK(r.error.kind == QmpError::Kind::Command);
    CHECK(r.error.errorClass == QStringLiteral("DeviceNotFound"));
    CHECK(r.error.desc == QStringLiteral("Device 'x' not found"));
    CHECK(r.error.command == QStringLiteral("query-block"));
    CHECK(r.error.message().contains(QStringLiteral("Device 'x' not found")));
    // The client sent qmp_capabilities before anything else, each with an id.
    REQUIRE(fake.received.size() == 2);
    CHECK(fake.received[0].value(QStringLiteral("execute")).toString() == QStringLiteral("qmp_capabilities"));
    CHECK(fake.received[0].value(QStringLiteral("id")) != fake.received[1].value(QStringLiteral("id")));
}

TEST_CASE("QMP client: replies sent out of order reach the requests they answer", "[qmp]")
{
    std::vector<std::pair<QLocalSocket*, QJsonObject>> held;
    FakeQmp fake([&](QLocalSocket& s, const QJsonObject& r) {
        held.emplace_back(&s, r);
        if (held.size() == 3) {
            for (auto it = held.rbegin(); it != held.rend(); ++it) {  // the last request first
                FakeQmp::answer(*it->first, it->second,
                                QJsonObject{{QStringLiteral("return"), it->second.value(QStringLiteral("execute"))}});
            }
        }
    });
    QmpClient qmp;
    REQUIRE(!qmp.open(fake.path()));
    QStringList got(3);
    int answered = 0;
    for (int i = 0; i < 3; ++i) {
        qmp.send(QStringLiteral("cmd-%1").arg(i), {}, [&, i](const QmpReply& r) {
            got[i] = r.value.toString();
            ++answered;
        });
    }
    REQUIRE(bitmig::test::waitUntil([&] { return answered == 3; }, "three replies"));
    CHECK(got == QStringList{QStringLiteral("cmd-0"), QStringLiteral("cmd-1"), QStringLiteral("cmd-2")});
    CHECK(qmp.roundTrips() == 4);  // qmp_capabilities and the three
}

TEST_CASE("QMP client: a command with no reply times out, and the late reply is ignored", "[qmp]")
{
    QLocalSocket* server = nullptr;
    QJsonObject request;
    FakeQmp fake([&](QLocalSocket& s, const QJsonObject& r) {
        server = &s;
        request = r;
    });
    QmpClient qmp;
    REQUIRE(!qmp.open(fake.path()));
    const QmpReply r = qmp.execute(QStringLiteral("query-status"), {}, 200);
    CHECK(r.error.kind == QmpError::Kind::Timeout);
    CHECK(r.error.command == QStringLiteral("query-status"));
    REQUIRE(server);
    // The answer comes after all: it must not be taken for the next command's.
    FakeQmp::answer(*server, request, QJsonObject{{QStringLiteral("return"), QStringLiteral("late")}});
    QmpReply next;
    bool done = false;
    qmp.send(QStringLiteral("query-version"), {}, [&](const QmpReply& x) {
        next = x;
        done = true;
    }, 300);
    REQUIRE(bitmig::test::waitUntil([&] { return done; }, "the second command's end"));
    CHECK(next.error.kind == QmpError::Kind::Timeout);
    CHECK(qmp.isOpen());
}

TEST_CASE("QMP client: a server that hangs up during a command fails it as Disconnected", "[qmp]")
{
    FakeQmp fake([](QLocalSocket& s, const QJsonObject&) { s.disconnectFromServer(); });
    QmpClient qmp;
    REQUIRE(!qmp.open(fake.path()));
    QSignalSpy gone(&qmp, &QmpClient::disconnected);
    const QmpReply r = qmp.execute(QStringLiteral("block-dirty-bitmap-add"));
    CHECK(r.error.kind == QmpError::Kind::Disconnected);
    CHECK(r.error.command == QStringLiteral("block-dirty-bitmap-add"));
    CHECK(r.error.message().contains(QStringLiteral("block-dirty-bitmap-add")));
    CHECK(gone.size() == 1);
    CHECK(!qmp.isOpen());
    // And later commands fail at once, the same way.
    CHECK(qmp.execute(QStringLiteral("query-status")).error.kind == QmpError::Kind::Disconnected);
}

TEST_CASE("QMP client: a socket that is not QMP, says nothing, or does not exist", "[qmp]")
{
    SECTION("a first line that is not a greeting")
    {
        FakeQmp fake([](QLocalSocket&, const QJsonObject&) {}, "SSH-2.0-OpenSSH_9.2\n");
        QmpClient qmp;
        const QmpError e = qmp.open(fake.path());
        CHECK(e.kind == QmpError::Kind::Protocol);
        CHECK(e.message().contains(QStringLiteral("SSH-2.0")));
        CHECK(!qmp.isOpen());
    }
    SECTION("JSON, but no greeting")
    {
        FakeQmp fake([](QLocalSocket&, const QJsonObject&) {}, "{\"hello\": 1}\n");
        QmpClient qmp;
        const QmpError e = qmp.open(fake.path());
        CHECK(e.kind == QmpError::Kind::Protocol);
        CHECK(e.message().contains(QStringLiteral("greeting")));
        // The message shows what the other end sent.
        CHECK(e.message().contains(QStringLiteral("{\"hello\": 1}")));
    }
    SECTION("JSON, but no greeting: a long first line is shown cut, its control characters as '?'")
    {
        // A tab is JSON white space, so the line is a JSON object and only its missing "QMP" is wrong.
        const QByteArray line = "{\"hello\":\t\"" + QByteArray(200, 'x') + "\"}";
        FakeQmp fake([](QLocalSocket&, const QJsonObject&) {}, line + '\n');
        QmpClient qmp;
        const QmpError e = qmp.open(fake.path());
        CHECK(e.kind == QmpError::Kind::Protocol);
        const QString m = e.message();
        CHECK(m.contains(QStringLiteral("not a QMP greeting: {\"hello\":?\"xxxx")));
        CHECK(m.endsWith(QStringLiteral("...")));
        CHECK(!m.contains(QString::fromLatin1(QByteArray(200, 'x'))));
        CHECK(!m.contains(QLatin1Char('\t')));
    }
    SECTION("silence")
    {
        FakeQmp fake([](QLocalSocket&, const QJsonObject&) {}, QByteArray());
        QmpClient qmp;
        const QmpError e = qmp.open(fake.path(), 300);
        CHECK(e.kind == QmpError::Kind::Protocol);
        CHECK(e.message().contains(QStringLiteral("no QMP greeting")));
    }
    SECTION("no such socket")
    {
        QTemporaryDir dir;
        QmpClient qmp;
        const QmpError e = qmp.open(dir.filePath(QStringLiteral("absent.sock")));
        CHECK(e.kind == QmpError::Kind::Connect);
        CHECK(e.message().contains(QStringLiteral("absent.sock")));
    }
}

TEST_CASE("QMP client on a real QEMU: commands, a typed error and an event", "[qmp][qemu]")
{
    bitmig::test::QemuVm vm;
    QmpClient qmp;
    REQUIRE(!qmp.open(vm.qmpSocket()));
    CHECK(qmp.qemuVersion().startsWith(QStringLiteral("7.")));
    const QmpReply status = qmp.execute(QStringLiteral("query-status"));
    REQUIRE(status.ok());
    CHECK(status.value.toObject().value(QStringLiteral("status")).toString() == QStringLiteral("prelaunch"));

    const QmpReply bad = qmp.execute(QStringLiteral("block-dirty-bitmap-add"),
                                     QJsonObject{{QStringLiteral("node"), QStringLiteral("nosuch")},
                                                 {QStringLiteral("name"), QStringLiteral("b")}});
    CHECK(bad.error.kind == QmpError::Kind::Command);
    CHECK(bad.error.errorClass == QStringLiteral("GenericError"));
    CHECK(bad.error.desc.contains(QStringLiteral("nosuch")));

    const QmpReply unknown = qmp.execute(QStringLiteral("no-such-command"));
    CHECK(unknown.error.errorClass == QStringLiteral("CommandNotFound"));

    QSignalSpy events(&qmp, &QmpClient::eventReceived);
    REQUIRE(qmp.execute(QStringLiteral("cont")).ok());
    REQUIRE(bitmig::test::waitUntil([&] {
        for (const auto& e : events) {
            if (e.at(0).toString() == QStringLiteral("RESUME")) {
                return true;
            }
        }
        return false;
    }, "the RESUME event"));
    for (const auto& e : events) {
        CHECK(e.at(2).toLongLong() > 0);  // a timestamp
    }
}

TEST_CASE("QMP client on a real QEMU that is killed: the pending command ends as Disconnected", "[qmp][qemu]")
{
    bitmig::test::QemuVm vm;
    QmpClient qmp;
    REQUIRE(!qmp.open(vm.qmpSocket()));
    QSignalSpy gone(&qmp, &QmpClient::disconnected);
    QmpReply reply;
    bool done = false;
    // qemu-io reading 256 MiB keeps QEMU busy long enough for the kill to land first.
    qmp.send(QStringLiteral("human-monitor-command"),
             QJsonObject{{QStringLiteral("command-line"), QStringLiteral("qemu-io drive0 \"read 0 256M\"")}},
             [&](const QmpReply& r) {
                 reply = r;
                 done = true;
             });
    vm.kill();
    REQUIRE(bitmig::test::waitUntil([&] { return done; }, "the command's end"));
    if (reply.ok()) {
        // QEMU answered before it died: then the connection still ends, and the next command fails.
        reply = qmp.execute(QStringLiteral("query-status"));
    }
    CHECK(reply.error.kind == QmpError::Kind::Disconnected);
    REQUIRE(bitmig::test::waitUntil([&] { return !gone.isEmpty(); }, "the disconnected signal"));
    CHECK(!qmp.isOpen());
}

TEST_CASE("QMP client: a server of another protocol that greets without a newline is refused at once", "[qmp]")
{
    FakeQmp fake([](QLocalSocket&, const QJsonObject&) {}, QByteArray("NBDMAGIC") + QByteArray("IHAVEOPT\0\3", 10));
    QmpClient qmp;
    QElapsedTimer t;
    t.start();
    const QmpError e = qmp.open(fake.path(), 20000);
    CHECK(t.elapsed() < 10000);  // not the timeout
    CHECK(e.kind == QmpError::Kind::Protocol);
    CHECK(e.message().contains(QStringLiteral("NBDMAGICIHAVEOPT??")));
}
