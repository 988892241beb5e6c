#include "scenariofile.h"

#include "boundedfile.h"
#include "scenarioreader.h"
#include "scenariowriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>

namespace bitmig {

namespace {

// A file larger than this is not a scenario; refusing it early keeps a wrong pick in the file
// dialog from eating memory.
constexpr qint64 kMaxFileBytes = qint64(64) << 20;

} // namespace

QString ScenarioFile::formatName()
{
    return QStringLiteral("bitmig-scenario");
}

QString ScenarioFile::fileFilter()
{
    return ScenarioFile::tr("Scenarios (*.json)");
}

Scenario ScenarioFile::fromJson(const QByteArray& json, const QString& sourceName)
{
    return ScenarioReader::read(json, sourceName);
}

QByteArray ScenarioFile::toJson(const Scenario& scenario, const QString& scenarioPath)
{
    return ScenarioWriter::write(scenario, scenarioPath);
}

void ScenarioFile::checkReadable(const QString& path)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        throw ScenarioError(path, QString(), ScenarioFile::tr("does not exist"));
    }
    if (info.isDir()) {
        throw ScenarioError(path, QString(), ScenarioFile::tr("is a folder, not a file"));
    }
    if (!info.isFile()) {
        throw ScenarioError(path, QString(), ScenarioFile::tr("is not a regular file (a device, a pipe or a socket)"));
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        throw ScenarioError(path, QString(), ScenarioFile::tr("cannot be read: %1").arg(file.errorString()));
    }
}

Scenario ScenarioFile::load(const QString& path)
{
    checkReadable(path);
    QString why;
    const QByteArray data = BoundedFile::read(path, kMaxFileBytes, QStringLiteral("64 MiB"), &why);
    if (!why.isEmpty()) {
        throw ScenarioError(path, QString(), why);
    }
    return fromJson(data, path);
}

void ScenarioFile::save(const QString& path, const Scenario& scenario)
{
    ScenarioReader::validate(scenario.config, path);
    const QByteArray data = toJson(scenario, path);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        throw ScenarioError(path, QString(),
                            ScenarioFile::tr("cannot be written: %1").arg(file.errorString()));
    }
    if (file.write(data) != data.size()) {
        const QString why = file.errorString();
        file.cancelWriting();
        throw ScenarioError(path, QString(), ScenarioFile::tr("cannot be written: %1").arg(why));
    }
    if (!file.commit()) {
        throw ScenarioError(path, QString(),
                            ScenarioFile::tr("cannot be written: %1").arg(file.errorString()));
    }
}

QList<Scenario> ScenarioFile::presets()
{
    const QDir dir(QStringLiteral(":/presets"));
    QList<Scenario> list;
    for (const QString& name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        list.append(load(dir.filePath(name)));
    }
    std::stable_sort(list.begin(), list.end(), [](const Scenario& a, const Scenario& b) {
        return QString::compare(a.name, b.name, Qt::CaseInsensitive) < 0;
    });
    return list;
}

} // namespace bitmig
