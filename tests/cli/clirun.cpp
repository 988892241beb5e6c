#include "clirun.h"

#include <catch2/catch.hpp>

#include <QJsonDocument>
#include <QJsonParseError>
#include <QProcess>

CliRun CliRun::run(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral(BITMIG_EXECUTABLE), arguments);
    REQUIRE(process.waitForStarted(10000));
    // Generous: a sweep that takes 2 s in the dev build runs ten to twenty times longer under the
    // sanitizers on a loaded machine.
    REQUIRE(process.waitForFinished(300000));
    CliRun r;
    REQUIRE(process.exitStatus() == QProcess::NormalExit);
    r.exitCode = process.exitCode();
    r.out = QString::fromUtf8(process.readAllStandardOutput());
    r.err = QString::fromUtf8(process.readAllStandardError());
    return r;
}

QJsonObject CliRun::json() const
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(out.toUtf8(), &error);
    INFO(error.errorString().toStdString());
    REQUIRE(error.error == QJsonParseError::NoError);
    REQUIRE(doc.isObject());
    return doc.object();
}

QStringList CliRun::lines() const
{
    return out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

QString CliRun::row(const QString& label) const
{
    const QString prefix = label + QLatin1Char(':');
    for (const QString& line : lines()) {
        if (line.trimmed().startsWith(prefix)) {
            return line.trimmed().mid(prefix.size()).trimmed();
        }
    }
    return {};
}

QString describe(const QStringList& arguments)
{
    return QStringLiteral("bitmig ") + arguments.join(QLatin1Char(' '));
}
