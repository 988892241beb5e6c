#include "sweepjob.h"

#include "app/scenario/summaryjson.h"
#include "app/scenario/sweepmap.h"
#include "widgets/configerrortext.h"

#include <bitmig/chunkgeometry.h>
#include <bitmig/configerror.h>
#include <bitmig/runmemory.h>
#include <bitmig/units.h>

#include <QMetaObject>
#include <QStringList>

#include <algorithm>
#include <bit>
#include <stdexcept>

namespace bitmig {

QList<SweepParameter> SweepParameters::all()
{
    return {SweepParameter::ChunkSize, SweepParameter::Granularity, SweepParameter::Bandwidth,
            SweepParameter::WriteRate, SweepParameter::MaxDowntime, SweepParameter::MigrationStart};
}

QString SweepParameters::label(SweepParameter p)
{
    switch (p) {
    case SweepParameter::ChunkSize:
        return tr("Chunk size");
    case SweepParameter::Granularity:
        return tr("Granularity");
    case SweepParameter::Bandwidth:
        return tr("Bandwidth");
    case SweepParameter::WriteRate:
        return tr("Write rate");
    case SweepParameter::MaxDowntime:
        return tr("Downtime limit");
    case SweepParameter::MigrationStart:
        return tr("Migration start");
    }
    return {};
}

QString SweepParameters::axisTitle(SweepParameter p)
{
    switch (p) {
    case SweepParameter::ChunkSize:
        return tr("chunk size");
    case SweepParameter::Granularity:
        return tr("granularity");
    case SweepParameter::Bandwidth:
        return tr("bandwidth (Mbit/s)");
    case SweepParameter::WriteRate:
        return tr("write rate (writes/s)");
    case SweepParameter::MaxDowntime:
        return tr("downtime limit");
    case SweepParameter::MigrationStart:
        return tr("migration start");
    }
    return {};
}

QString SweepParameters::varyName(SweepParameter p)
{
    switch (p) {
    case SweepParameter::ChunkSize:
        return {};
    case SweepParameter::Granularity:
        return QStringLiteral("granularity");
    case SweepParameter::Bandwidth:
        return QStringLiteral("bandwidth");
    case SweepParameter::WriteRate:
        return QStringLiteral("rate");
    case SweepParameter::MaxDowntime:
        return QStringLiteral("max-downtime");
    case SweepParameter::MigrationStart:
        return QStringLiteral("start-at");
    }
    return {};
}

QString SweepParameters::defaultValues(SweepParameter p)
{
    switch (p) {
    case SweepParameter::ChunkSize:
        return QStringLiteral("all");
    case SweepParameter::Granularity:
        return QStringLiteral("4K,16K,64K,256K,1M");
    case SweepParameter::Bandwidth:
        return SweepMap::defaultBandwidths();
    case SweepParameter::WriteRate:
        return QStringLiteral("1k,5k,20k,50k,100k,200k,500k");
    case SweepParameter::MaxDowntime:
        return QStringLiteral("10ms,30ms,100ms,300ms,1s");
    case SweepParameter::MigrationStart:
        return QStringLiteral("0,1s,2s,5s,10s,30s");
    }
    return {};
}

double SweepParameters::axisValue(SweepParameter p, const SimConfig& c)
{
    switch (p) {
    case SweepParameter::ChunkSize:
        return double(c.chunkBytes);
    case SweepParameter::Granularity:
        return double(c.granularity);
    case SweepParameter::Bandwidth:
        return c.bandwidth * 8 / 1e6;
    case SweepParameter::WriteRate:
        return c.workload.rate;
    case SweepParameter::MaxDowntime:
        return double(c.maxDowntimeNs) / 1e6;
    case SweepParameter::MigrationStart:
        return double(c.migrationStartNs) / 1e9;
    }
    return 0;
}

namespace {

uint64_t powerOfTwo(const QString& value, uint64_t min, uint64_t max)
{
    const uint64_t bytes = units::parseSize(value.toStdString());
    if (bytes < min || bytes > max || !std::has_single_bit(bytes)) {
        throw std::invalid_argument(SweepParameters::tr("'%1' is not a power of two from %2 to %3")
                                        .arg(value, QString::fromStdString(units::formatSize(min)),
                                             QString::fromStdString(units::formatSize(max)))
                                        .toStdString());
    }
    return bytes;
}

} // namespace

void SweepParameters::apply(SweepParameter p, const QString& value, SimConfig& c)
{
    const std::string text = value.toStdString();
    switch (p) {
    case SweepParameter::ChunkSize:
        c.chunkBytes = powerOfTwo(value, 1, kMaxChunkBytes);
        return;
    case SweepParameter::Granularity:
        c.granularity = powerOfTwo(value, 512, uint64_t(1) << 62);
        return;
    case SweepParameter::Bandwidth:
        c.bandwidth = units::parseBandwidth(text);
        return;
    case SweepParameter::WriteRate:
        c.workload.rate = units::parseCount(text);
        return;
    case SweepParameter::MaxDowntime:
        c.maxDowntimeNs = units::parseDuration(text);
        return;
    case SweepParameter::MigrationStart:
        c.migrationStartNs = units::parseDuration(text);
        return;
    }
}

namespace {

QStringList valueList(const QString& values)
{
    QStringList list;
    for (const QString& v : values.split(QLatin1Char(','))) {
        if (v.trimmed().isEmpty()) {
            throw std::invalid_argument(
                SweepParameters::tr("'%1' has an empty value").arg(values).toStdString());
        }
        list.append(v.trimmed());
    }
    return list;
}

std::vector<uint64_t> chunkList(const QString& values)
{
    const QStringList list = valueList(values);
    if (list == QStringList{QStringLiteral("all")}) {
        return ChunkGeometry::allChunkSizes();
    }
    std::vector<uint64_t> chunks;
    for (const QString& v : list) {
        SimConfig probe;
        try {
            SweepParameters::apply(SweepParameter::ChunkSize, v, probe);
        } catch (const std::invalid_argument& e) {
            throw std::invalid_argument(
                SweepParameters::tr("%1: %2").arg(v, QString::fromStdString(e.what())).toStdString());
        }
        chunks.push_back(probe.chunkBytes);
    }
    return chunks;
}

} // namespace

SweepResults SweepParameters::build(SweepParameter p, const QString& values, const SimConfig& base,
                                    const QString& chunks)
{
    SweepResults r;
    SweepDefinition& def = r.definition;
    def.baseConfig = cli::SummaryJson::configToJson(base);
    if (p == SweepParameter::ChunkSize) {
        def.chunks = chunkList(values);
    } else {
        def.chunks = chunks.trimmed().isEmpty() ? std::vector<uint64_t>{base.chunkBytes} : chunkList(chunks);
        def.varyName = varyName(p);
        def.varyValues = valueList(values);
    }
    for (size_t i = 0; i < def.pointCount(); ++i) {
        SweepPoint point;
        point.config = base;
        point.config.chunkBytes = def.chunkOf(i);
        if (p != SweepParameter::ChunkSize) {
            try {
                apply(p, def.varyValueOf(i), point.config);
            } catch (const std::invalid_argument& e) {
                throw std::invalid_argument(
                    tr("%1: %2").arg(def.varyValueOf(i), QString::fromStdString(e.what())).toStdString());
            }
        }
        try {
            point.config.validate();
            checkRunMemory(point.config);
        } catch (const ConfigError& e) {
            point.skipReason = ConfigErrorText::message(e).toStdString();
        } catch (const std::invalid_argument& e) {
            point.skipReason = e.what();
        }
        r.points.push_back(std::move(point));
    }
    return r;
}

// ---- the job ------------------------------------------------------------------------------

SweepJob::SweepJob(QObject* parent) : QObject(parent), alive_(std::make_shared<std::atomic<bool>>(true)) {}

SweepJob::~SweepJob()
{
    *alive_ = false;
    cancel_ = true;
    if (thread_.joinable()) {
        thread_.join();
    }
}

bool SweepJob::start(SweepResults results, unsigned jobs)
{
    if (running_) {
        return false;
    }
    if (thread_.joinable()) {
        thread_.join();
    }
    results_ = std::move(results);
    results_.configs.clear();
    working_ = results_.points;
    cancel_ = false;
    done_ = 0;
    progress_ = SweepProgress{};
    total_ = size_t(std::count_if(working_.begin(), working_.end(),
                                  [](const SweepPoint& p) { return p.skipReason.empty(); }));
    running_ = true;
    clock_.start();
    std::vector<size_t> which(working_.size());
    for (size_t i = 0; i < which.size(); ++i) {
        which[i] = i;
    }
    thread_ = std::thread([this, which = std::move(which), jobs, alive = alive_] {
        const bool complete = runSweep(
            working_, which, jobs,
            [this, alive](const SweepProgress& p) {
                // This point's engine is done and no thread touches it again: a copy is safe.
                SweepPoint point = working_[p.point];
                QMetaObject::invokeMethod(
                    this,
                    [this, alive, index = int(p.point), point = std::move(point), p] {
                        if (*alive) {
                            onPointDone(index, point, p);
                        }
                    },
                    Qt::QueuedConnection);
            },
            &cancel_);
        QMetaObject::invokeMethod(
            this,
            [this, alive, complete] {
                if (*alive) {
                    onFinished(complete);
                }
            },
            Qt::QueuedConnection);
    });
    return true;
}

void SweepJob::cancel()
{
    cancel_ = true;
}

std::optional<qint64> SweepJob::remainingMs() const
{
    if (!running_ || done_ == 0) {
        return std::nullopt;
    }
    const std::optional<int64_t> left = sweepTimeLeftNs(progress_, clock_.nsecsElapsed());
    return left ? std::optional<qint64>(*left / 1'000'000) : std::nullopt;
}

void SweepJob::onPointDone(int index, const SweepPoint& point, const SweepProgress& progress)
{
    if (!running_) {
        return;
    }
    results_.points[size_t(index)] = point;
    progress_ = progress;
    done_ = progress.done;
    total_ = progress.total;
    Q_EMIT pointDone(index, done_, total_);
}

void SweepJob::onFinished(bool complete)
{
    if (thread_.joinable()) {
        thread_.join();
    }
    working_.clear();
    running_ = false;
    results_.describeConfigs();
    Q_EMIT finished(complete && !cancel_);
}

} // namespace bitmig
