#include "qmpclient.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QPointer>
#include <QTimer>

namespace bitmig::qemu {

namespace {

// A line longer than this is not QMP (QEMU's largest replies, query-named-block-nodes of many
// nodes, are a few MiB).
constexpr qsizetype kMaxLineBytes = qsizetype(64) << 20;
constexpr size_t kRecentEvents = 64;

// The start of a line that is not QMP, for a message: printable ASCII, anything else as '?'.
QString shown(const QByteArray& line)
{
    QString out;
    for (const char c : line.left(60)) {
        out += (c >= 0x20 && c < 0x7f) ? QLatin1Char(c) : QLatin1Char('?');
    }
    return line.size() > 60 ? out + QStringLiteral("...") : out;
}

} // namespace

QString QmpError::message() const
{
    const QString what = command.isEmpty() ? QCoreApplication::translate("bitmig::qemu::QmpClient", "the QMP greeting") : command;
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::Command:
        return QCoreApplication::translate("bitmig::qemu::QmpClient", "QEMU refused %1: %2 (%3)").arg(what, desc, errorClass);
    case Kind::Timeout:
        return QCoreApplication::translate("bitmig::qemu::QmpClient", "QEMU did not answer %1 in time: %2").arg(what, desc);
    case Kind::Disconnected:
        return QCoreApplication::translate("bitmig::qemu::QmpClient", "the connection to QEMU ended during %1: %2").arg(what, desc);
    case Kind::Protocol:
        return QCoreApplication::translate("bitmig::qemu::QmpClient", "not a QMP server (during %1): %2").arg(what, desc);
    case Kind::Connect:
        return QCoreApplication::translate("bitmig::qemu::QmpClient", "cannot connect: %1").arg(desc);
    }
    return desc;
}

QmpClient::QmpClient(QObject* parent) : QObject(parent) {}

QmpClient::~QmpClient()
{
    // No callback runs after destruction: drop them before the socket goes.
    for (auto& [id, p] : pending_) {
        delete p.timer;
    }
    pending_.clear();
    if (socket_) {
        socket_->disconnect(this);
        socket_->abort();
    }
}

QmpError QmpClient::open(const QString& socketPath, int timeoutMs)
{
    close();
    path_ = socketPath;
    socket_ = new QLocalSocket(this);
    buffer_.clear();
    greeted_ = false;
    ready_ = false;
    ending_ = false;
    roundTrips_ = 0;
    recentEvents_.clear();
    endReason_.clear();
    connect(socket_, &QLocalSocket::readyRead, this, &QmpClient::onReadyRead);
    connect(socket_, &QLocalSocket::errorOccurred, this, &QmpClient::onSocketError);
    connect(socket_, &QLocalSocket::disconnected, this, &QmpClient::onDisconnected);

    QEventLoop loop;
    QmpError result;
    bool finished = false;
    auto end = [&](QmpError e) {
        if (!finished) {
            finished = true;
            result = std::move(e);
            loop.quit();
        }
    };
    QTimer timer;
    timer.setSingleShot(true);
    connect(&timer, &QTimer::timeout, &loop, [&] {
        end(QmpError{QmpError::Kind::Timeout, {}, {},
                     greeted_ ? QCoreApplication::translate("bitmig::qemu::QmpClient", "no answer to qmp_capabilities within %1 ms").arg(timeoutMs)
                              : QCoreApplication::translate("bitmig::qemu::QmpClient", "no QMP greeting within %1 ms").arg(timeoutMs)});
    });
    const QMetaObject::Connection onEnd = connect(this, &QmpClient::disconnected, &loop, [&](const QString& reason) {
        end(QmpError{endKind_, greeted_ ? QStringLiteral("qmp_capabilities") : QString(), {}, reason});
    });
    greetingHandler_ = [&](const QJsonObject& greeting) {
        const QJsonObject qemu = greeting.value(QStringLiteral("QMP")).toObject().value(QStringLiteral("version"))
                                     .toObject().value(QStringLiteral("qemu")).toObject();
        version_ = QStringLiteral("%1.%2.%3")
                       .arg(qemu.value(QStringLiteral("major")).toInt())
                       .arg(qemu.value(QStringLiteral("minor")).toInt())
                       .arg(qemu.value(QStringLiteral("micro")).toInt());
        send(QStringLiteral("qmp_capabilities"), {}, [&](const QmpReply& r) {
            if (r.ok()) {
                ready_ = true;
            }
            end(r.error);
        }, timeoutMs);
    };
    timer.start(timeoutMs);
    socket_->connectToServer(socketPath);
    if (!finished) {
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    }
    disconnect(onEnd);
    greetingHandler_ = nullptr;
    if (result) {
        if (result.kind == QmpError::Kind::Timeout && !greeted_) {
            // A socket that says nothing: not QMP.
            result.kind = QmpError::Kind::Protocol;
        }
        ending_ = true;
        close();
    }
    return result;
}

void QmpClient::close()
{
    if (!socket_) {
        return;
    }
    ready_ = false;
    QLocalSocket* s = socket_;
    socket_ = nullptr;
    s->disconnect(this);
    s->abort();
    s->deleteLater();
    // Every request still waiting hears of it.
    auto pending = std::move(pending_);
    pending_.clear();
    for (auto& [id, p] : pending) {
        delete p.timer;
        if (p.done) {
            p.done(QmpReply{{}, QmpError{QmpError::Kind::Disconnected, p.command, {}, QCoreApplication::translate("bitmig::qemu::QmpClient", "the client closed the connection")}});
        }
    }
    if (!ending_) {
        emit disconnected(QCoreApplication::translate("bitmig::qemu::QmpClient", "the client closed the connection"));
    }
    ending_ = false;
}

quint64 QmpClient::send(const QString& command, const QJsonObject& arguments,
                        std::function<void(const QmpReply&)> done, int timeoutMs)
{
    const quint64 id = nextId_++;
    if (!socket_ || socket_->state() == QLocalSocket::UnconnectedState || (!greeted_)) {
        // Reported after return, as a reply would be.
        QTimer::singleShot(0, this, [done = std::move(done), command, reason = endReason_] {
            done(QmpReply{{}, QmpError{QmpError::Kind::Disconnected, command, {},
                                       reason.isEmpty() ? QCoreApplication::translate("bitmig::qemu::QmpClient", "not connected") : reason}});
        });
        return id;
    }
    QJsonObject message{{QStringLiteral("execute"), command}, {QStringLiteral("id"), qint64(id)}};
    if (!arguments.isEmpty()) {
        message.insert(QStringLiteral("arguments"), arguments);
    }
    Pending p{command, std::move(done), new QTimer(this)};
    p.timer->setSingleShot(true);
    connect(p.timer, &QTimer::timeout, this, [this, id, timeoutMs] {
        auto it = pending_.find(id);
        if (it != pending_.end()) {
            finish(id, QmpReply{{}, QmpError{QmpError::Kind::Timeout, it->second.command, {},
                                             QCoreApplication::translate("bitmig::qemu::QmpClient", "no reply within %1 ms").arg(timeoutMs)}});
        }
    });
    p.timer->start(timeoutMs);
    pending_.emplace(id, std::move(p));
    socket_->write(QJsonDocument(message).toJson(QJsonDocument::Compact) + '\n');
    socket_->flush();
    return id;
}

QmpReply QmpClient::execute(const QString& command, const QJsonObject& arguments, int timeoutMs)
{
    QEventLoop loop;
    // The loop and the result live on this frame; the callback may run after it only if the
    // request outlives this call, which it cannot: it ends in a reply, a timeout or a close.
    auto result = std::make_shared<std::optional<QmpReply>>();
    QPointer<QEventLoop> loopPtr(&loop);
    send(command, arguments, [result, loopPtr](const QmpReply& r) {
        *result = r;
        if (loopPtr) {
            loopPtr->quit();
        }
    }, timeoutMs);
    if (!result->has_value()) {
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    }
    return result->value_or(QmpReply{});
}

bool QmpClient::waitForEvent(const QString& event, const std::function<bool(const QJsonObject&)>& matches,
                             int timeoutMs, QmpError* error)
{
    for (auto it = recentEvents_.begin(); it != recentEvents_.end(); ++it) {
        if (it->first == event && matches(it->second)) {
            recentEvents_.erase(it);
            return true;
        }
    }
    QEventLoop loop;
    bool found = false;
    QmpError why;
    QTimer timer;
    timer.setSingleShot(true);
    connect(&timer, &QTimer::timeout, &loop, [&] {
        why = QmpError{QmpError::Kind::Timeout, event, {}, QCoreApplication::translate("bitmig::qemu::QmpClient", "no %1 event within %2 ms").arg(event).arg(timeoutMs)};
        loop.quit();
    });
    connect(this, &QmpClient::eventReceived, &loop, [&](const QString& name, const QJsonObject& data) {
        if (!found && name == event && matches(data)) {
            found = true;
            // Taken: it is not left for a later wait.
            for (auto it = recentEvents_.rbegin(); it != recentEvents_.rend(); ++it) {
                if (it->first == name && it->second == data) {
                    recentEvents_.erase(std::next(it).base());
                    break;
                }
            }
            loop.quit();
        }
    });
    connect(this, &QmpClient::disconnected, &loop, [&](const QString& reason) {
        why = QmpError{QmpError::Kind::Disconnected, event, {}, reason};
        loop.quit();
    });
    if (!socket_) {
        why = QmpError{QmpError::Kind::Disconnected, event, {}, endReason_.isEmpty() ? QCoreApplication::translate("bitmig::qemu::QmpClient", "not connected") : endReason_};
    } else {
        timer.start(timeoutMs);
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    }
    if (!found && error) {
        *error = why;
    }
    return found;
}

void QmpClient::onReadyRead()
{
    if (!socket_) {
        return;
    }
    buffer_ += socket_->readAll();
    qsizetype start = 0;
    for (;;) {
        const qsizetype eol = buffer_.indexOf('\n', start);
        if (eol < 0) {
            break;
        }
        const QByteArray line = buffer_.mid(start, eol - start).trimmed();
        start = eol + 1;
        if (!line.isEmpty()) {
            QPointer<QmpClient> self(this);
            handleLine(line);
            if (!self || !socket_) {
                return;  // the line ended the connection (or a callback closed or destroyed the client)
            }
        }
    }
    buffer_.remove(0, start);
    if (!greeted_) {
        // A server of another protocol may send a greeting with no newline (NBD's "NBDMAGIC..."):
        // anything that cannot start a JSON object ends the wait at once.
        const QByteArray head = buffer_.trimmed();
        if (!head.isEmpty() && !head.startsWith('{')) {
            fail(QmpError::Kind::Protocol, QCoreApplication::translate("bitmig::qemu::QmpClient", "received data that is not a QMP greeting: %1").arg(shown(head)));
            return;
        }
    }
    if (buffer_.size() > kMaxLineBytes) {
        fail(QmpError::Kind::Protocol, QCoreApplication::translate("bitmig::qemu::QmpClient", "a line of more than %1 bytes").arg(kMaxLineBytes));
    }
}

void QmpClient::handleLine(const QByteArray& line)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        fail(QmpError::Kind::Protocol,
             QCoreApplication::translate("bitmig::qemu::QmpClient", "received a line that is not a JSON object: %1").arg(shown(line)));
        return;
    }
    const QJsonObject o = doc.object();
    if (!greeted_) {
        if (!o.value(QStringLiteral("QMP")).isObject()) {
            fail(QmpError::Kind::Protocol,
                 QCoreApplication::translate("bitmig::qemu::QmpClient", "the first line is not a QMP greeting: %1").arg(shown(line)));
            return;
        }
        greeted_ = true;
        if (greetingHandler_) {
            greetingHandler_(o);
        }
        return;
    }
    if (o.contains(QStringLiteral("event"))) {
        const QString name = o.value(QStringLiteral("event")).toString();
        const QJsonObject data = o.value(QStringLiteral("data")).toObject();
        const QJsonObject ts = o.value(QStringLiteral("timestamp")).toObject();
        const qint64 us = qint64(ts.value(QStringLiteral("seconds")).toDouble()) * 1000000 +
                          qint64(ts.value(QStringLiteral("microseconds")).toDouble());
        recentEvents_.emplace_back(name, data);
        if (recentEvents_.size() > kRecentEvents) {
            recentEvents_.erase(recentEvents_.begin());
        }
        emit eventReceived(name, data, us);
        return;
    }
    const QJsonValue idValue = o.value(QStringLiteral("id"));
    const quint64 id = idValue.isDouble() ? quint64(idValue.toInteger()) : 0;
    if (pending_.find(id) == pending_.end()) {
        return;  // an answer to a request that timed out already
    }
    if (o.contains(QStringLiteral("return"))) {
        finish(id, QmpReply{o.value(QStringLiteral("return")), {}});
    } else if (o.value(QStringLiteral("error")).isObject()) {
        const QJsonObject e = o.value(QStringLiteral("error")).toObject();
        finish(id, QmpReply{{}, QmpError{QmpError::Kind::Command, pending_.at(id).command,
                                         e.value(QStringLiteral("class")).toString(),
                                         e.value(QStringLiteral("desc")).toString()}});
    } else {
        fail(QmpError::Kind::Protocol, QCoreApplication::translate("bitmig::qemu::QmpClient", "a reply with neither \"return\" nor \"error\""));
    }
}

void QmpClient::finish(quint64 id, const QmpReply& reply)
{
    auto it = pending_.find(id);
    if (it == pending_.end()) {
        return;
    }
    Pending p = std::move(it->second);
    pending_.erase(it);
    delete p.timer;
    if (reply.ok() || reply.error.kind == QmpError::Kind::Command) {
        ++roundTrips_;
    }
    if (p.done) {
        p.done(reply);
    }
}

void QmpClient::fail(QmpError::Kind kind, const QString& reason)
{
    if (!socket_) {
        return;
    }
    endKind_ = kind;
    endReason_ = reason;
    ready_ = false;
    QLocalSocket* s = socket_;
    socket_ = nullptr;
    s->disconnect(this);
    s->abort();
    s->deleteLater();
    auto pending = std::move(pending_);
    pending_.clear();
    for (auto& [id, p] : pending) {
        delete p.timer;
        if (p.done) {
            p.done(QmpReply{{}, QmpError{kind, p.command, {}, reason}});
        }
    }
    emit disconnected(reason);
    endKind_ = QmpError::Kind::Disconnected;
}

void QmpClient::onSocketError(QLocalSocket::LocalSocketError error)
{
    if (!socket_) {
        return;
    }
    if (error == QLocalSocket::PeerClosedError) {
        onDisconnected();
        return;
    }
    const bool connected = greeted_;
    fail(connected ? QmpError::Kind::Disconnected : QmpError::Kind::Connect,
         QCoreApplication::translate("bitmig::qemu::QmpClient", "%1: %2").arg(path_, socket_->errorString()));
}

void QmpClient::onDisconnected()
{
    if (!socket_) {
        return;
    }
    // Lines that came with the close are still read.
    onReadyRead();
    if (socket_) {
        fail(QmpError::Kind::Disconnected, QCoreApplication::translate("bitmig::qemu::QmpClient", "QEMU closed the connection"));
    }
}

} // namespace bitmig::qemu
