// A client of QEMU's machine protocol (QMP) on a unix socket: the greeting, qmp_capabilities,
// commands whose replies are matched to them by id, events as signals, errors as typed results.
// QtCore + QtNetwork only, so both the window and the `bitmig` command use it (docs/live.md).
#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QLocalSocket>
#include <QObject>
#include <QString>

#include <functional>
#include <map>
#include <memory>

class QTimer;

namespace bitmig::qemu {

// Why a command has no result.
struct QmpError {
    enum class Kind {
        None,          // no error
        Command,       // QEMU answered {"error": {"class", "desc"}}
        Timeout,       // no answer in time
        Disconnected,  // the connection ended (QEMU exited, or the client was closed) before the answer
        Protocol,      // what came is not QMP (no greeting, a line that is not a JSON object)
        Connect,       // the socket could not be reached
    };
    Kind kind = Kind::None;
    QString command;     // the command that failed ("" for the greeting)
    QString errorClass;  // Command: QEMU's class ("GenericError", "DeviceNotFound", ...)
    QString desc;        // Command: QEMU's desc; otherwise what happened

    explicit operator bool() const noexcept { return kind != Kind::None; }
    // One sentence naming the command and what happened, in the reader's language.
    QString message() const;
};

struct QmpReply {
    QJsonValue value;  // the "return" member
    QmpError error;
    bool ok() const noexcept { return !error; }
};

class QmpClient : public QObject {
    Q_OBJECT
public:
    static constexpr int kDefaultTimeoutMs = 10000;

    explicit QmpClient(QObject* parent = nullptr);
    ~QmpClient() override;

    // Connects to `socketPath`, reads the greeting and negotiates capabilities; blocks (running a
    // local event loop) until ready or failed. An error of kind Connect, Protocol, Timeout or
    // Disconnected leaves the client closed.
    QmpError open(const QString& socketPath, int timeoutMs = kDefaultTimeoutMs);
    bool isOpen() const noexcept { return ready_; }
    void close();
    QString socketPath() const { return path_; }
    // "7.2.22" from the greeting; empty before open().
    QString qemuVersion() const { return version_; }

    // Sends a command; `done` is called exactly once with the reply, a timeout, or the end of the
    // connection (also when close() is called first), never after the client is destroyed.
    // Returns the request's id.
    quint64 send(const QString& command, const QJsonObject& arguments, std::function<void(const QmpReply&)> done,
                 int timeoutMs = kDefaultTimeoutMs);
    // Sends a command and runs a local event loop until its reply, a timeout or the end of the
    // connection. Events that arrive meanwhile are emitted as usual.
    QmpReply execute(const QString& command, const QJsonObject& arguments = {}, int timeoutMs = kDefaultTimeoutMs);
    // Runs a local event loop until `event` arrives with data for which `matches` holds, the
    // timeout passes, or the connection ends. One of the last 64 events received counts too (an
    // event QEMU sends before the reply of the command that caused it); it is taken once.
    bool waitForEvent(const QString& event, const std::function<bool(const QJsonObject&)>& matches, int timeoutMs,
                      QmpError* error);

    // Requests sent and replies received since open(): the protocol's round trips.
    quint64 roundTrips() const noexcept { return roundTrips_; }

signals:
    // An asynchronous event: its name, its "data" and its timestamp in microseconds since the epoch.
    void eventReceived(const QString& name, const QJsonObject& data, qint64 timestampUs);
    // The connection ended (QEMU exited or closed it, a protocol error, or close()).
    void disconnected(const QString& reason);

private:
    struct Pending {
        QString command;
        std::function<void(const QmpReply&)> done;
        QTimer* timer = nullptr;
    };

    void onReadyRead();
    void onSocketError(QLocalSocket::LocalSocketError error);
    void onDisconnected();
    void handleLine(const QByteArray& line);
    void fail(QmpError::Kind kind, const QString& reason);  // ends the connection, fails every request
    void finish(quint64 id, const QmpReply& reply);

    QLocalSocket* socket_ = nullptr;
    QString path_;
    QString version_;
    QByteArray buffer_;
    bool greeted_ = false;
    bool ready_ = false;
    bool ending_ = false;
    quint64 nextId_ = 1;
    quint64 roundTrips_ = 0;
    std::map<quint64, Pending> pending_;
    std::function<void(const QJsonObject&)> greetingHandler_;
    QString endReason_;
    QmpError::Kind endKind_ = QmpError::Kind::Disconnected;
    // Events seen while waitForEvent() may want them: name and data, in order.
    std::vector<std::pair<QString, QJsonObject>> recentEvents_;
};

} // namespace bitmig::qemu
