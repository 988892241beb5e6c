#include "sweepreport.h"

#include "boundedfile.h"
#include "summaryjson.h"

#include <bitmig/csv.h>
#include <bitmig/printable.h>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>
#include <map>
#include <set>

namespace bitmig {

using cli::SummaryJson;

namespace {

QString number(uint64_t n)
{
    return QString::number(qulonglong(n));
}

QString csvField(const QString& text)
{
    return QString::fromStdString(bitmig::csvField(text.toStdString()));
}

// The version of the shard file format; a merge reads only its own.
constexpr int kShardVersion = 1;
const QLatin1String kShardFormat("bitmig-sweep-shard");
// A shard holds one summary of about 2 KiB per point: 256 MiB is far more than any sweep writes.
constexpr qint64 kMaxShardBytes = qint64(256) << 20;

QString key(const char* name)
{
    return QLatin1String(name);
}

} // namespace

QJsonObject SweepDefinition::toJson() const
{
    QJsonArray chunkList;
    for (uint64_t c : chunks) {
        chunkList.append(SummaryJson::exact(c));
    }
    QJsonObject o{
        {key("chunks"), chunkList},
        {key("config"), baseConfig},
        {key("points"), SummaryJson::exact(uint64_t(pointCount()))},
    };
    if (!varyName.isEmpty()) {
        o.insert(key("vary"), varyName);
        o.insert(key("varyValues"), QJsonArray::fromStringList(varyValues));
    }
    return o;
}

void SweepResults::describeConfigs()
{
    configs.clear();
    configs.reserve(points.size());
    for (const SweepPoint& p : points) {
        configs.push_back(SummaryJson::configToJson(p.config));
    }
}

bool SweepResults::allGood() const
{
    return std::all_of(points.begin(), points.end(), [](const SweepPoint& p) {
        return !p.skipReason.empty() || (p.ran && p.summary.finished && p.summary.verified);
    });
}

QString SweepReport::criterionName(SweepCriterion c)
{
    const std::string_view name = sweepCriterionName(c);
    return QString::fromLatin1(name.data(), qsizetype(name.size()));
}

QString SweepReport::criterionDescription(SweepCriterion c)
{
    switch (c) {
    case SweepCriterion::MinTotalBytes:
        return QCoreApplication::translate("bitmig", "fewest wire bytes among verified and converged points");
    case SweepCriterion::MinDowntime:
        return QCoreApplication::translate("bitmig", "shortest downtime among verified and converged points");
    case SweepCriterion::MinTotalTime:
        return QCoreApplication::translate("bitmig",
                                           "shortest total time among verified and converged points");
    }
    return {};
}

// Machine-readable (CSV and JSON), so not translated.
QString SweepReport::status(const SweepPoint& p)
{
    if (!p.skipReason.empty()) {
        return QStringLiteral("skipped");
    }
    if (!p.failure.empty()) {
        return QStringLiteral("error");
    }
    return QStringLiteral("ran");
}

QString SweepReport::reason(const SweepPoint& p)
{
    return QString::fromStdString(p.skipReason.empty() ? p.failure : p.skipReason);
}

void SweepReport::writeCsv(QTextStream& out, const SweepResults& results, std::optional<size_t> best,
                           SweepCriterion criterion)
{
    const SweepDefinition& def = results.definition;
    const bool vary = !def.varyName.isEmpty();
    QStringList header{QStringLiteral("chunk_bytes")};
    if (vary) {
        header.append(QString(def.varyName).replace(QLatin1Char('-'), QLatin1Char('_')));
    }
    header << QStringLiteral("status") << QStringLiteral("verified") << QStringLiteral("converged")
           << QStringLiteral("dirty_passes") << QStringLiteral("chunks") << QStringLiteral("chunks_sent")
           << QStringLiteral("chunks_resent") << QStringLiteral("chunks_zeroes") << QStringLiteral("records")
           << QStringLiteral("payload_bytes") << QStringLiteral("header_bytes")
           << QStringLiteral("wire_bytes") << QStringLiteral("overhead") << QStringLiteral("downtime_ns")
           << QStringLiteral("expected_downtime_ns") << QStringLiteral("max_downtime_ns")
           << QStringLiteral("total_time_ns") << QStringLiteral("unusable_window_ns")
           << QStringLiteral("lost_bits") << QStringLiteral("extra_bits") << QStringLiteral("best")
           << QStringLiteral("reason");
    out << header.join(QLatin1Char(',')) << '\n';
    for (size_t i = 0; i < results.points.size(); ++i) {
        const SweepPoint& p = results.points[i];
        const MigrationSummary& s = p.summary;
        QStringList row{number(def.chunkOf(i))};
        if (vary) {
            row.append(csvField(def.varyValueOf(i)));
        }
        row << status(p);
        if (p.ran) {
            row << QString::number(int(s.verified)) << QString::number(int(s.converged))
                << QString::number(s.dirtyPasses) << number(s.chunks) << number(s.chunksSent)
                << number(s.chunksResent) << number(s.chunksZeroes) << number(s.records)
                << number(s.payloadBytes) << number(s.headerBytes) << number(s.wireBytes)
                << QString::number(s.overhead(), 'f', 6) << QString::number(s.downtimeNs)
                << QString::number(s.expectedDowntimeNs) << QString::number(s.maxDowntimeNs)
                << QString::number(s.totalTimeNs) << QString::number(s.unusableWindowNs) << number(s.lostBits)
                << number(s.extraBits);
        } else {
            for (int k = 0; k < 19; ++k) {
                row << QString();
            }
        }
        row << (best == i ? criterionName(criterion) : QString()) << csvField(reason(p));
        out << row.join(QLatin1Char(',')) << '\n';
    }
}

namespace {

QJsonObject pointJson(const SweepResults& results, size_t i)
{
    const SweepPoint& p = results.points[i];
    QJsonObject o{
        {key("chunkBytes"), SummaryJson::exact(results.definition.chunkOf(i))},
        {key("status"), SweepReport::status(p)},
    };
    if (!results.definition.varyName.isEmpty()) {
        o.insert(key("varyValue"), results.definition.varyValueOf(i));
    }
    if (!p.skipReason.empty() || !p.failure.empty()) {
        o.insert(key("reason"), SweepReport::reason(p));
    }
    if (p.ran) {
        QJsonObject summary = SummaryJson::toJson(p.summary);
        summary.insert(key("config"),
                       i < results.configs.size() ? results.configs[i] : SummaryJson::configToJson(p.config));
        o.insert(key("summary"), summary);
    }
    return o;
}

} // namespace

void SweepReport::writeJson(QTextStream& out, const SweepResults& results, std::optional<size_t> best,
                            SweepCriterion criterion)
{
    QJsonArray list;
    for (size_t i = 0; i < results.points.size(); ++i) {
        QJsonObject o = pointJson(results, i);
        o.insert(key("best"), best == i);
        list.append(o);
    }
    QJsonObject doc{
        {key("criterion"), criterionName(criterion)},
        {key("criterionDescription"), criterionDescription(criterion)},
        {key("best"), best ? QJsonValue(double(*best)) : QJsonValue(QJsonValue::Null)},
        {key("points"), list},
    };
    if (!results.definition.varyName.isEmpty()) {
        doc.insert(key("vary"), results.definition.varyName);
        doc.insert(key("varyValues"), QJsonArray::fromStringList(results.definition.varyValues));
    }
    out << QJsonDocument(doc).toJson(QJsonDocument::Indented);
}

// ---- shards ---------------------------------------------------------------------------------

SweepShard SweepShardFile::parseShard(const QString& option, const QString& text)
{
    const QString shown = QString::fromStdString(printablePrefix(text.toStdString()));
    const QStringList parts = text.trimmed().split(QLatin1Char('/'));
    bool okIndex = false;
    bool okCount = false;
    const uint index = parts.size() == 2 ? parts[0].trimmed().toUInt(&okIndex, 10) : 0;
    const uint count = parts.size() == 2 ? parts[1].trimmed().toUInt(&okCount, 10) : 0;
    if (!okIndex || !okCount) {
        throw SweepShardError(option, QCoreApplication::translate(
                                          "bitmig", "'%1' is not I/N (shard I of N, whole numbers, e.g. 2/7)")
                                          .arg(shown));
    }
    constexpr uint kMaxShards = 1'000'000;
    if (count < 1 || count > kMaxShards) {
        throw SweepShardError(
            option,
            QCoreApplication::translate("bitmig", "'%1': N must be from 1 to %2").arg(shown).arg(kMaxShards));
    }
    if (index < 1 || index > count) {
        throw SweepShardError(
            option,
            QCoreApplication::translate("bitmig", "'%1': I must be from 1 to N (%2)").arg(shown).arg(count));
    }
    return SweepShard{index, count};
}

QByteArray SweepShardFile::write(const SweepResults& results, SweepShard shard)
{
    QJsonArray list;
    for (size_t i = 0; i < results.points.size(); ++i) {
        if (shard.contains(i)) {
            QJsonObject o = pointJson(results, i);
            o.insert(key("index"), SummaryJson::exact(uint64_t(i)));
            list.append(o);
        }
    }
    const QJsonObject doc{
        {key("format"), kShardFormat},
        {key("version"), kShardVersion},
        {key("shard"), double(shard.index)},
        {key("shards"), double(shard.count)},
        {key("sweep"), results.definition.toJson()},
        {key("points"), list},
    };
    return QJsonDocument(doc).toJson(QJsonDocument::Indented);
}

namespace {

struct ReadShard {
    QString file;
    SweepShard shard;
    SweepDefinition definition;
    QJsonArray points;
};

uint64_t unsignedAt(const QString& file, const QJsonObject& o, const char* name, const QString& where)
{
    const QJsonValue v = o.value(key(name));
    if (v.isUndefined()) {
        throw SweepShardError(file, QCoreApplication::translate("bitmig", "%1 is missing").arg(where));
    }
    try {
        return SummaryJson::toUnsigned(v);
    } catch (const std::invalid_argument& e) {
        throw SweepShardError(file, QStringLiteral("%1: %2").arg(where, QString::fromStdString(e.what())));
    }
}

SweepDefinition readDefinition(const QString& file, const QJsonObject& o)
{
    SweepDefinition d;
    const QJsonValue chunks = o.value(key("chunks"));
    if (!chunks.isArray() || chunks.toArray().isEmpty()) {
        throw SweepShardError(
            file, QCoreApplication::translate("bitmig", "sweep.chunks is not a list of chunk sizes"));
    }
    for (const QJsonValue& c : chunks.toArray()) {
        try {
            d.chunks.push_back(SummaryJson::toUnsigned(c));
        } catch (const std::invalid_argument& e) {
            throw SweepShardError(file,
                                  QStringLiteral("sweep.chunks: %1").arg(QString::fromStdString(e.what())));
        }
    }
    if (const QJsonValue v = o.value(key("vary")); !v.isUndefined()) {
        const QJsonValue values = o.value(key("varyValues"));
        if (!v.isString() || v.toString().isEmpty() || !values.isArray() || values.toArray().isEmpty()) {
            throw SweepShardError(
                file, QCoreApplication::translate(
                          "bitmig", "sweep.vary needs a name and sweep.varyValues a list of values"));
        }
        d.varyName = v.toString();
        for (const QJsonValue& value : values.toArray()) {
            if (!value.isString()) {
                throw SweepShardError(file, QCoreApplication::translate(
                                                "bitmig", "sweep.varyValues holds a value that is not text"));
            }
            d.varyValues.append(value.toString());
        }
    }
    if (!o.value(key("config")).isObject()) {
        throw SweepShardError(file, QCoreApplication::translate("bitmig", "sweep.config is missing"));
    }
    d.baseConfig = o.value(key("config")).toObject();
    if (unsignedAt(file, o, "points", QStringLiteral("sweep.points")) != d.pointCount()) {
        throw SweepShardError(
            file, QCoreApplication::translate("bitmig", "sweep.points does not match its chunks and values"));
    }
    return d;
}

ReadShard readShard(const QString& file)
{
    QString why;
    const QByteArray bytes = BoundedFile::read(file, kMaxShardBytes, QStringLiteral("256 MiB"), &why);
    if (!why.isEmpty()) {
        throw SweepShardError(file, why);
    }
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError) {
        throw SweepShardError(file, QCoreApplication::translate("bitmig", "not JSON: %1 at byte %2")
                                        .arg(error.errorString())
                                        .arg(error.offset));
    }
    const QJsonObject o = doc.object();
    if (!doc.isObject() || o.value(key("format")).toString() != kShardFormat) {
        throw SweepShardError(file, QCoreApplication::translate(
                                        "bitmig", "not a sweep shard (written by bitmig sweep --shard)"));
    }
    if (o.value(key("version")).toInt(-1) != kShardVersion) {
        throw SweepShardError(file, QCoreApplication::translate(
                                        "bitmig", "shard format version %1, this bitmig reads version %2")
                                        .arg(o.value(key("version")).toVariant().toString())
                                        .arg(kShardVersion));
    }
    ReadShard r;
    r.file = file;
    const uint64_t index = unsignedAt(file, o, "shard", QStringLiteral("shard"));
    const uint64_t count = unsignedAt(file, o, "shards", QStringLiteral("shards"));
    if (count < 1 || count > 1'000'000 || index < 1 || index > count) {
        throw SweepShardError(file, QCoreApplication::translate(
                                        "bitmig", "shard %1 of %2 is not a shard I of N with 1 <= I <= N")
                                        .arg(index)
                                        .arg(count));
    }
    r.shard = SweepShard{unsigned(index), unsigned(count)};
    if (!o.value(key("sweep")).isObject()) {
        throw SweepShardError(file, QCoreApplication::translate("bitmig", "sweep is missing"));
    }
    r.definition = readDefinition(file, o.value(key("sweep")).toObject());
    if (!o.value(key("points")).isArray()) {
        throw SweepShardError(file, QCoreApplication::translate("bitmig", "points is not a list"));
    }
    r.points = o.value(key("points")).toArray();
    return r;
}

// What differs between two definitions, for the message: "chunks", "vary", "config.bandwidth".
QString difference(const SweepDefinition& a, const SweepDefinition& b)
{
    if (a.chunks != b.chunks) {
        return QStringLiteral("chunks");
    }
    if (a.varyName != b.varyName) {
        return QStringLiteral("vary");
    }
    if (a.varyValues != b.varyValues) {
        return QStringLiteral("varyValues");
    }
    QStringList keys = a.baseConfig.keys() + b.baseConfig.keys();
    keys.removeDuplicates();
    for (const QString& k : keys) {
        if (a.baseConfig.value(k) != b.baseConfig.value(k)) {
            return QStringLiteral("config.") + k;
        }
    }
    return QStringLiteral("config");
}

} // namespace

SweepResults SweepShardFile::merge(const QStringList& files)
{
    const QString option = QStringLiteral("--merge");
    if (files.isEmpty()) {
        throw SweepShardError(option, QCoreApplication::translate("bitmig", "no shard files given"));
    }
    std::vector<ReadShard> shards;
    std::map<unsigned, QString> seen;
    for (const QString& file : files) {
        ReadShard r = readShard(file);
        if (!shards.empty()) {
            const ReadShard& first = shards.front();
            if (!(r.definition == first.definition)) {
                throw SweepShardError(file, QCoreApplication::translate(
                                                "bitmig", "a shard of another sweep than %1 (%2 differs)")
                                                .arg(first.file, difference(first.definition, r.definition)));
            }
            if (r.shard.count != first.shard.count) {
                throw SweepShardError(
                    file, QCoreApplication::translate("bitmig", "shard %1/%2, but %3 is one of %4 shards")
                              .arg(r.shard.index)
                              .arg(r.shard.count)
                              .arg(first.file)
                              .arg(first.shard.count));
            }
        }
        if (const auto it = seen.find(r.shard.index); it != seen.end()) {
            throw SweepShardError(
                file, QCoreApplication::translate("bitmig", "shard %1/%2 is given twice (also %3)")
                          .arg(r.shard.index)
                          .arg(r.shard.count)
                          .arg(it->second));
        }
        seen.emplace(r.shard.index, file);
        shards.push_back(std::move(r));
    }
    const unsigned count = shards.front().shard.count;
    QStringList missing;
    for (unsigned i = 1; i <= count; ++i) {
        if (!seen.count(i)) {
            missing.append(QStringLiteral("%1/%2").arg(i).arg(count));
        }
    }
    if (!missing.isEmpty()) {
        throw SweepShardError(option,
                              QCoreApplication::translate("bitmig", "shards missing: %1 (%2 of %3 given)")
                                  .arg(missing.join(QStringLiteral(", ")))
                                  .arg(shards.size())
                                  .arg(count));
    }

    SweepResults results;
    results.definition = shards.front().definition;
    const size_t total = results.definition.pointCount();
    results.points.resize(total);
    results.configs.resize(total);
    std::vector<bool> filled(total, false);
    for (const ReadShard& r : shards) {
        for (qsizetype n = 0; n < r.points.size(); ++n) {
            const QString where = QStringLiteral("points[%1]").arg(n);
            if (!r.points[n].isObject()) {
                throw SweepShardError(
                    r.file, QCoreApplication::translate("bitmig", "%1 is not an object").arg(where));
            }
            const QJsonObject o = r.points[n].toObject();
            const uint64_t index = unsignedAt(r.file, o, "index", where + QStringLiteral(".index"));
            if (index >= total) {
                throw SweepShardError(
                    r.file, QCoreApplication::translate("bitmig", "%1.index %2 is past the sweep's %3 points")
                                .arg(where)
                                .arg(index)
                                .arg(total));
            }
            if (!r.shard.contains(size_t(index))) {
                throw SweepShardError(
                    r.file, QCoreApplication::translate("bitmig", "%1.index %2 is not a point of shard %3/%4")
                                .arg(where)
                                .arg(index)
                                .arg(r.shard.index)
                                .arg(r.shard.count));
            }
            if (filled[index]) {
                throw SweepShardError(r.file,
                                      QCoreApplication::translate("bitmig", "%1.index %2 is given twice")
                                          .arg(where)
                                          .arg(index));
            }
            filled[index] = true;
            SweepPoint& p = results.points[index];
            const QString status = o.value(key("status")).toString();
            const QString reason = o.value(key("reason")).toString();
            if (status == QLatin1String("skipped")) {
                p.skipReason = reason.toStdString();
            } else if (status == QLatin1String("error")) {
                p.failure = reason.toStdString();
            } else if (status == QLatin1String("ran")) {
                const QJsonObject summary = o.value(key("summary")).toObject();
                if (!summary.value(key("config")).isObject()) {
                    throw SweepShardError(r.file, QCoreApplication::translate(
                                                      "bitmig", "%1.summary is missing or has no config")
                                                      .arg(where));
                }
                try {
                    p.summary = SummaryJson::fromJson(summary);
                } catch (const std::invalid_argument& e) {
                    throw SweepShardError(
                        r.file,
                        QStringLiteral("%1.summary: %2").arg(where, QString::fromStdString(e.what())));
                }
                p.ran = true;
                results.configs[index] = summary.value(key("config")).toObject();
            } else {
                throw SweepShardError(
                    r.file,
                    QCoreApplication::translate("bitmig", "%1.status '%2' is not ran, skipped or error")
                        .arg(where, QString::fromStdString(printablePrefix(status.toStdString()))));
            }
        }
    }
    for (const ReadShard& r : shards) {
        for (size_t i = 0; i < total; ++i) {
            if (r.shard.contains(i) && !filled[i]) {
                throw SweepShardError(r.file,
                                      QCoreApplication::translate(
                                          "bitmig", "point %1 of shard %2/%3 is missing (a cut-off file?)")
                                          .arg(i)
                                          .arg(r.shard.index)
                                          .arg(r.shard.count));
            }
        }
    }
    return results;
}

} // namespace bitmig
