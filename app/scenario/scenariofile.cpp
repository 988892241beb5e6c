#include "scenariofile.h"

#include "boundedfile.h"
#include "scenarioreader.h"
#include "scenariowriter.h"

#include <bitmig/units.h>

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

namespace {

QString size(uint64_t bytes)
{
    return QString::fromStdString(units::formatSize(bytes));
}

QString durationText(int64_t ns)
{
    return QString::fromStdString(units::formatDuration(ns));
}

QString strategyText(Strategy s)
{
    switch (s) {
    case Strategy::Precopy:
        return ScenarioFile::tr("precopy");
    case Strategy::Postcopy:
        return ScenarioFile::tr("postcopy");
    case Strategy::StopAndCopy:
        break;
    }
    return ScenarioFile::tr("stop and copy");
}

} // namespace

QStringList ScenarioFile::laneNames(const SimConfig& shared, const std::vector<ScenarioLane>& lanes)
{
    std::vector<SimConfig> configs;
    for (const ScenarioLane& l : lanes) {
        configs.push_back(l.overrides.applyTo(shared));
    }
    auto differs = [&configs](auto member) {
        return std::any_of(configs.begin(), configs.end(),
                           [&](const SimConfig& c) { return !(c.*member == configs.front().*member); });
    };
    QStringList names;
    for (size_t i = 0; i < lanes.size(); ++i) {
        if (!lanes[i].name.trimmed().isEmpty()) {
            names.append(lanes[i].name.trimmed());
            continue;
        }
        const SimConfig& c = configs[i];
        QStringList parts;
        if (differs(&SimConfig::chunkBytes)) {
            parts.append(ScenarioFile::tr("%1 chunks").arg(size(c.chunkBytes)));
        }
        if (differs(&SimConfig::granularity)) {
            parts.append(ScenarioFile::tr("%1 granularity").arg(size(c.granularity)));
        }
        if (differs(&SimConfig::strategy)) {
            parts.append(strategyText(c.strategy));
        }
        if (differs(&SimConfig::bandwidth)) {
            parts.append(QString::fromStdString(units::formatBandwidth(c.bandwidth)));
        }
        if (differs(&SimConfig::latencyNs)) {
            parts.append(ScenarioFile::tr("latency %1").arg(durationText(c.latencyNs)));
        }
        if (differs(&SimConfig::maxDowntimeNs)) {
            parts.append(ScenarioFile::tr("max downtime %1").arg(durationText(c.maxDowntimeNs)));
        }
        if (differs(&SimConfig::maxPasses)) {
            parts.append(ScenarioFile::tr("%n passes", nullptr, int(c.maxPasses)));
        }
        if (differs(&SimConfig::completeOnlyBelow)) {
            parts.append(c.completeOnlyBelow == 0 ? ScenarioFile::tr("no complete-only threshold")
                                                  : ScenarioFile::tr("complete below %1").arg(size(c.completeOnlyBelow)));
        }
        names.append(parts.isEmpty() ? ScenarioFile::tr("Lane %1").arg(i + 1) : parts.join(QStringLiteral(", ")));
    }
    // Two lanes of one name (two lanes alike, or a given name used twice) are told apart.
    for (qsizetype i = 0; i < names.size(); ++i) {
        int same = 0;
        for (qsizetype j = 0; j < i; ++j) {
            same += names[j] == names[i] ? 1 : 0;
        }
        if (same > 0) {
            names[i] = ScenarioFile::tr("%1 (%2)").arg(names[i]).arg(same + 1);
        }
    }
    return names;
}

} // namespace bitmig
