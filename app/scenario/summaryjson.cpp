#include "summaryjson.h"

#include <QJsonArray>
#include <QString>

#include <cmath>
#include <stdexcept>

namespace bitmig::cli {

namespace {

QString key(const char* name)
{
    return QLatin1String(name);
}

QString text(const std::string& s)
{
    return QString::fromStdString(s);
}

Phase phaseFromName(const QString& name)
{
    if (const std::optional<Phase> p = parsePhase(name.toStdString())) {
        return *p;
    }
    throw std::invalid_argument("unknown phase '" + name.toStdString() + "'");
}

// Readers for one field each: a missing key leaves the target alone.
class Fields {
public:
    explicit Fields(const QJsonObject& json) : json_(json) {}

    template <class T>
    void unsignedField(const char* name, T& target) const
    {
        if (const QJsonValue v = json_.value(key(name)); !v.isUndefined()) {
            const uint64_t u = SummaryJson::toUnsigned(v);
            if (u > uint64_t(T(~T(0)))) {
                throw std::invalid_argument(std::string(name) + ": value out of range");
            }
            target = T(u);
        }
    }
    void signedField(const char* name, int64_t& target) const
    {
        if (const QJsonValue v = json_.value(key(name)); !v.isUndefined()) {
            target = SummaryJson::toSigned(v);
        }
    }
    void boolField(const char* name, bool& target) const
    {
        if (const QJsonValue v = json_.value(key(name)); !v.isUndefined()) {
            if (!v.isBool()) {
                throw std::invalid_argument(std::string(name) + ": not a boolean");
            }
            target = v.toBool();
        }
    }
    void realField(const char* name, double& target) const
    {
        if (const QJsonValue v = json_.value(key(name)); !v.isUndefined()) {
            if (!v.isDouble()) {
                throw std::invalid_argument(std::string(name) + ": not a number");
            }
            target = v.toDouble();
        }
    }
    void stringField(const char* name, std::string& target) const
    {
        if (const QJsonValue v = json_.value(key(name)); !v.isUndefined()) {
            if (!v.isString()) {
                throw std::invalid_argument(std::string(name) + ": not a string");
            }
            target = v.toString().toStdString();
        }
    }
    QJsonValue value(const char* name) const { return json_.value(key(name)); }

private:
    const QJsonObject& json_;
};

} // namespace

QJsonValue SummaryJson::exact(uint64_t value)
{
    if (value <= kMaxExactInteger) {
        return QJsonValue(double(value));
    }
    return QJsonValue(QString::number(qulonglong(value)));
}

QJsonValue SummaryJson::exact(int64_t value)
{
    const uint64_t magnitude = value < 0 ? uint64_t(0) - uint64_t(value) : uint64_t(value);
    if (magnitude <= kMaxExactInteger) {
        return QJsonValue(double(value));
    }
    return QJsonValue(QString::number(qlonglong(value)));
}

uint64_t SummaryJson::toUnsigned(const QJsonValue& value)
{
    if (value.isString()) {
        bool ok = false;
        const qulonglong u = value.toString().toULongLong(&ok, 10);
        if (!ok) {
            throw std::invalid_argument("'" + value.toString().toStdString() + "' is not an unsigned integer");
        }
        return u;
    }
    const double d = value.toDouble(-1);
    if (!value.isDouble() || d < 0 || d > double(kMaxExactInteger) || d != std::floor(d)) {
        throw std::invalid_argument("not an unsigned integer up to 2^53 (larger ones are strings)");
    }
    return uint64_t(d);
}

int64_t SummaryJson::toSigned(const QJsonValue& value)
{
    if (value.isString()) {
        bool ok = false;
        const qlonglong i = value.toString().toLongLong(&ok, 10);
        if (!ok) {
            throw std::invalid_argument("'" + value.toString().toStdString() + "' is not an integer");
        }
        return i;
    }
    const double d = value.toDouble(0.5);
    if (!value.isDouble() || std::fabs(d) > double(kMaxExactInteger) || d != std::floor(d)) {
        throw std::invalid_argument("not an integer up to 2^53 in magnitude (larger ones are strings)");
    }
    return int64_t(d);
}

QJsonObject SummaryJson::toJson(const MigrationSummary& s)
{
    QJsonArray phases;
    for (const PhaseSpan& p : s.phases) {
        phases.append(QJsonObject{
            {key("phase"), QString::fromLatin1(phaseName(p.phase).data(), qsizetype(phaseName(p.phase).size()))},
            {key("pass"), exact(uint64_t(p.pass))},
            {key("startNs"), exact(p.startNs)},
            {key("endNs"), exact(p.endNs)},
        });
    }
    const std::string_view strategy = strategyName(s.strategy);
    QJsonObject out{
        {key("strategy"), QString::fromLatin1(strategy.data(), qsizetype(strategy.size()))},
        {key("phases"), phases},
        {key("started"), s.started},
        {key("finished"), s.finished},
        {key("cancelled"), s.cancelled},
        {key("aborted"), s.aborted},
        {key("converged"), s.converged},
        {key("verified"), s.verified},
        {key("dirtyPasses"), exact(uint64_t(s.dirtyPasses))},
        {key("chunks"), exact(s.chunks)},
        {key("chunksSent"), exact(s.chunksSent)},
        {key("chunksResent"), exact(s.chunksResent)},
        {key("chunksZeroes"), exact(s.chunksZeroes)},
        {key("records"), exact(s.records)},
        {key("payloadBytes"), exact(s.payloadBytes)},
        {key("headerBytes"), exact(s.headerBytes)},
        {key("wireBytes"), exact(s.wireBytes)},
        {key("decodedBytes"), exact(s.decodedBytes)},
        {key("overhead"), s.overhead()},
        {key("writesApplied"), exact(s.writesApplied)},
        {key("clearsApplied"), exact(s.clearsApplied)},
        {key("faults"), exact(s.faults)},
        {key("faultsIdle"), exact(s.faultsIdle)},
        {key("retries"), exact(s.retries)},
        {key("migrationStartNs"), exact(s.migrationStartNs)},
        {key("pauseStartNs"), exact(s.pauseStartNs)},
        {key("downtimeNs"), exact(s.downtimeNs)},
        {key("expectedDowntimeNs"), exact(s.expectedDowntimeNs)},
        {key("maxDowntimeNs"), exact(s.maxDowntimeNs)},
        {key("totalTimeNs"), exact(s.totalTimeNs)},
        {key("unusableWindowNs"), exact(s.unusableWindowNs)},
        {key("lostBits"), exact(s.lostBits)},
        {key("extraBits"), exact(s.extraBits)},
        {key("sourceSha256"), text(s.sourceSha256)},
        {key("destinationSha256"), text(s.destinationSha256)},
        {key("expectedSha256"), text(s.expectedSha256)},
        {key("error"), text(s.error)},
    };
    if (s.bitmaps.size() > 1) {
        // Several bitmaps: each one's share (the figures above are their totals).
        QJsonArray bitmaps;
        for (const BitmapSummary& b : s.bitmaps) {
            bitmaps.append(QJsonObject{
                {key("device"), text(b.device)},
                {key("name"), text(b.name)},
                {key("granularity"), exact(b.granularity)},
                {key("enabled"), b.enabled},
                {key("persistent"), b.persistent},
                {key("bits"), exact(b.bits)},
                {key("chunks"), exact(b.chunks)},
                {key("chunksSent"), exact(b.chunksSent)},
                {key("chunksResent"), exact(b.chunksResent)},
                {key("chunksZeroes"), exact(b.chunksZeroes)},
                {key("records"), exact(b.records)},
                {key("payloadBytes"), exact(b.payloadBytes)},
                {key("wireBytes"), exact(b.wireBytes)},
                {key("dirtyBits"), exact(b.dirtyBits)},
                {key("lostBits"), exact(b.lostBits)},
                {key("extraBits"), exact(b.extraBits)},
                {key("verified"), b.verified},
                {key("sourceSha256"), text(b.sourceSha256)},
                {key("destinationSha256"), text(b.destinationSha256)},
                {key("expectedSha256"), text(b.expectedSha256)},
            });
        }
        out.insert(key("bitmaps"), bitmaps);
    }
    return out;
}

MigrationSummary SummaryJson::fromJson(const QJsonObject& json)
{
    MigrationSummary s;
    const Fields f(json);
    if (const QJsonValue v = f.value("strategy"); !v.isUndefined()) {
        s.strategy = parseStrategy(v.toString().toStdString());
    }
    if (const QJsonValue v = f.value("phases"); !v.isUndefined()) {
        if (!v.isArray()) {
            throw std::invalid_argument("phases: not an array");
        }
        for (const QJsonValue& item : v.toArray()) {
            const QJsonObject o = item.toObject();
            const Fields pf(o);
            PhaseSpan p;
            p.phase = phaseFromName(o.value(key("phase")).toString());
            pf.unsignedField("pass", p.pass);
            pf.signedField("startNs", p.startNs);
            pf.signedField("endNs", p.endNs);
            s.phases.push_back(p);
        }
    }
    f.boolField("started", s.started);
    f.boolField("finished", s.finished);
    f.boolField("cancelled", s.cancelled);
    f.boolField("aborted", s.aborted);
    f.boolField("converged", s.converged);
    f.boolField("verified", s.verified);
    f.unsignedField("dirtyPasses", s.dirtyPasses);
    f.unsignedField("chunks", s.chunks);
    f.unsignedField("chunksSent", s.chunksSent);
    f.unsignedField("chunksResent", s.chunksResent);
    f.unsignedField("chunksZeroes", s.chunksZeroes);
    f.unsignedField("records", s.records);
    f.unsignedField("payloadBytes", s.payloadBytes);
    f.unsignedField("headerBytes", s.headerBytes);
    f.unsignedField("wireBytes", s.wireBytes);
    f.unsignedField("decodedBytes", s.decodedBytes);
    f.unsignedField("writesApplied", s.writesApplied);
    f.unsignedField("clearsApplied", s.clearsApplied);
    f.unsignedField("faults", s.faults);
    f.unsignedField("faultsIdle", s.faultsIdle);
    f.unsignedField("retries", s.retries);
    f.signedField("migrationStartNs", s.migrationStartNs);
    f.signedField("pauseStartNs", s.pauseStartNs);
    f.signedField("downtimeNs", s.downtimeNs);
    f.signedField("expectedDowntimeNs", s.expectedDowntimeNs);
    f.signedField("maxDowntimeNs", s.maxDowntimeNs);
    f.signedField("totalTimeNs", s.totalTimeNs);
    f.signedField("unusableWindowNs", s.unusableWindowNs);
    f.unsignedField("lostBits", s.lostBits);
    f.unsignedField("extraBits", s.extraBits);
    f.stringField("sourceSha256", s.sourceSha256);
    f.stringField("destinationSha256", s.destinationSha256);
    f.stringField("expectedSha256", s.expectedSha256);
    f.stringField("error", s.error);
    if (const QJsonValue v = f.value("bitmaps"); v.isArray()) {
        for (const QJsonValue& item : v.toArray()) {
            const QJsonObject o = item.toObject();
            const Fields bf(o);
            BitmapSummary b;
            bf.stringField("device", b.device);
            bf.stringField("name", b.name);
            bf.unsignedField("granularity", b.granularity);
            bf.boolField("enabled", b.enabled);
            bf.boolField("persistent", b.persistent);
            bf.unsignedField("bits", b.bits);
            bf.unsignedField("chunks", b.chunks);
            bf.unsignedField("chunksSent", b.chunksSent);
            bf.unsignedField("chunksResent", b.chunksResent);
            bf.unsignedField("chunksZeroes", b.chunksZeroes);
            bf.unsignedField("records", b.records);
            bf.unsignedField("payloadBytes", b.payloadBytes);
            bf.unsignedField("wireBytes", b.wireBytes);
            bf.unsignedField("dirtyBits", b.dirtyBits);
            bf.unsignedField("lostBits", b.lostBits);
            bf.unsignedField("extraBits", b.extraBits);
            bf.boolField("verified", b.verified);
            bf.stringField("sourceSha256", b.sourceSha256);
            bf.stringField("destinationSha256", b.destinationSha256);
            bf.stringField("expectedSha256", b.expectedSha256);
            s.bitmaps.push_back(std::move(b));
        }
    }
    // "overhead" is derived from headerBytes and wireBytes, so it is not read back.
    return s;
}

QJsonObject SummaryJson::lanesToJson(const QStringList& names, const std::vector<SimConfig>& configs,
                                     const std::vector<MigrationSummary>& summaries)
{
    QJsonArray lanes;
    for (size_t i = 0; i < summaries.size() && i < configs.size(); ++i) {
        QJsonObject lane = toJson(summaries[i]);
        lane.insert(QStringLiteral("name"), names.value(qsizetype(i)));
        lane.insert(QStringLiteral("config"), configToJson(configs[i]));
        lanes.append(lane);
    }
    return QJsonObject{{QStringLiteral("lanes"), lanes}};
}

QJsonObject SummaryJson::configToJson(const SimConfig& c)
{
    const WorkloadSpec& w = c.workload;
    const std::string_view kind = workloadKindName(w.kind);
    QJsonArray injections;
    for (const Injection& io : c.injections) {
        injections.append(QJsonObject{
            {key("timeNs"), exact(io.timeNs)},
            {key("op"), QString::fromUtf8(injectionOpName(io.op))},
            {key("offset"), exact(io.offset)},
            {key("length"), exact(io.length)},
        });
    }
    QJsonObject workload{
        {key("kind"), QString::fromLatin1(kind.data(), qsizetype(kind.size()))},
        {key("rate"), w.rate},
        {key("minWriteBytes"), exact(w.minWriteBytes)},
        {key("maxWriteBytes"), exact(w.maxWriteBytes)},
        {key("hotFraction"), w.hotFraction},
        {key("hotShare"), w.hotShare},
        {key("zipfExponent"), w.zipfExponent},
        {key("burstPeriodNs"), exact(w.burstPeriodNs)},
        {key("burstDuty"), w.burstDuty},
    };
    if (w.trace.active()) {
        // A description of the trace; configFromJson() does not read it back (the records are not here).
        const std::string_view format = traceFormatName(w.trace.trace->format());
        workload.insert(key("trace"), QJsonObject{
                                          {key("source"), text(w.trace.trace->source())},
                                          {key("format"), QString::fromLatin1(format.data(), qsizetype(format.size()))},
                                          {key("writes"), exact(w.trace.trace->writes())},
                                          {key("clears"), exact(w.trace.trace->clears())},
                                          {key("endNs"), exact(w.trace.trace->endNs())},
                                          {key("speed"), w.trace.speed},
                                          {key("loop"), w.trace.loop},
                                      });
    }
    QJsonArray faults;
    for (const int64_t t : c.faultsNs) {
        faults.append(exact(t));
    }
    const std::string_view strategy = strategyName(c.strategy);
    QJsonObject out{
        {key("strategy"), QString::fromLatin1(strategy.data(), qsizetype(strategy.size()))},
        {key("diskBytes"), exact(c.diskBytes)},
        {key("granularity"), exact(c.granularity)},
        {key("chunkBytes"), exact(c.chunkBytes)},
        {key("bandwidth"), c.bandwidth},
        {key("latencyNs"), exact(c.latencyNs)},
        {key("maxDowntimeNs"), exact(c.maxDowntimeNs)},
        {key("maxPasses"), exact(uint64_t(c.maxPasses))},
        {key("completeOnlyBelow"), exact(c.completeOnlyBelow)},
        {key("tickNs"), exact(c.tickNs)},
        {key("migrationStartNs"), exact(c.migrationStartNs)},
        {key("timeLimitNs"), exact(c.timeLimitNs)},
        {key("sampleIntervalNs"), exact(c.sampleIntervalNs)},
        {key("seed"), exact(c.seed)},
        {key("workload"), workload},
        {key("injections"), injections},
        {key("faultsNs"), faults},
        {key("faultRetryNs"), exact(c.faultRetryNs)},
        {key("deviceName"), text(c.deviceName)},
        {key("bitmapName"), text(c.bitmapName)},
    };
    if (c.hasLayout()) {
        QJsonArray disks;
        for (const DiskSpec& d : c.disks) {
            disks.append(QJsonObject{{key("node"), text(d.node)}, {key("bytes"), exact(d.bytes)}});
        }
        QJsonArray bitmaps;
        for (const BitmapSpec& b : c.bitmaps) {
            bitmaps.append(QJsonObject{{key("disk"), exact(uint64_t(b.disk))},
                                       {key("name"), text(b.name)},
                                       {key("granularity"), exact(b.granularity)},
                                       {key("enabled"), b.enabled},
                                       {key("persistent"), b.persistent}});
        }
        out.insert(key("disks"), disks);
        out.insert(key("bitmaps"), bitmaps);
    }
    return out;
}

SimConfig SummaryJson::configFromJson(const QJsonObject& json)
{
    SimConfig c;
    const Fields f(json);
    if (const QJsonValue v = f.value("strategy"); !v.isUndefined()) {
        c.strategy = parseStrategy(v.toString().toStdString());
    }
    f.unsignedField("diskBytes", c.diskBytes);
    f.unsignedField("granularity", c.granularity);
    f.unsignedField("chunkBytes", c.chunkBytes);
    f.realField("bandwidth", c.bandwidth);
    f.signedField("latencyNs", c.latencyNs);
    f.signedField("maxDowntimeNs", c.maxDowntimeNs);
    f.unsignedField("maxPasses", c.maxPasses);
    f.unsignedField("completeOnlyBelow", c.completeOnlyBelow);
    f.signedField("tickNs", c.tickNs);
    f.signedField("migrationStartNs", c.migrationStartNs);
    f.signedField("timeLimitNs", c.timeLimitNs);
    f.signedField("sampleIntervalNs", c.sampleIntervalNs);
    f.unsignedField("seed", c.seed);
    f.stringField("deviceName", c.deviceName);
    f.stringField("bitmapName", c.bitmapName);
    if (f.value("disks").isArray() && f.value("bitmaps").isArray()) {
        std::vector<DiskSpec> disks;
        for (const QJsonValue& item : f.value("disks").toArray()) {
            const QJsonObject o = item.toObject();
            const Fields df(o);
            DiskSpec d;
            df.stringField("node", d.node);
            df.unsignedField("bytes", d.bytes);
            disks.push_back(std::move(d));
        }
        std::vector<BitmapSpec> bitmaps;
        for (const QJsonValue& item : f.value("bitmaps").toArray()) {
            const QJsonObject o = item.toObject();
            const Fields bf(o);
            BitmapSpec b;
            uint64_t disk = 0;
            bf.unsignedField("disk", disk);
            b.disk = size_t(disk);
            bf.stringField("name", b.name);
            bf.unsignedField("granularity", b.granularity);
            bf.boolField("enabled", b.enabled);
            bf.boolField("persistent", b.persistent);
            bitmaps.push_back(std::move(b));
        }
        c.setLayout(std::move(disks), std::move(bitmaps));
    }
    if (const QJsonValue v = f.value("workload"); v.isObject()) {
        const QJsonObject o = v.toObject();
        const Fields wf(o);
        WorkloadSpec& w = c.workload;
        if (const QJsonValue k = wf.value("kind"); !k.isUndefined()) {
            w.kind = parseWorkloadKind(k.toString().toStdString());
        }
        wf.realField("rate", w.rate);
        wf.unsignedField("minWriteBytes", w.minWriteBytes);
        wf.unsignedField("maxWriteBytes", w.maxWriteBytes);
        wf.realField("hotFraction", w.hotFraction);
        wf.realField("hotShare", w.hotShare);
        wf.realField("zipfExponent", w.zipfExponent);
        wf.signedField("burstPeriodNs", w.burstPeriodNs);
        wf.realField("burstDuty", w.burstDuty);
    }
    if (const QJsonValue v = f.value("injections"); v.isArray()) {
        for (const QJsonValue& item : v.toArray()) {
            const QJsonObject o = item.toObject();
            const Fields inf(o);
            Injection io;
            inf.signedField("timeNs", io.timeNs);
            const QString op = o.value(key("op")).toString();
            if (const std::optional<Injection::Op> named = parseInjectionOp(op.toStdString())) {
                io.op = *named;
            } else {
                throw std::invalid_argument("injections: unknown op '" + op.toStdString() + "'");
            }
            inf.unsignedField("offset", io.offset);
            inf.unsignedField("length", io.length);
            c.injections.push_back(io);
        }
    }
    if (const QJsonValue v = f.value("faultsNs"); v.isArray()) {
        for (const QJsonValue& item : v.toArray()) {
            c.faultsNs.push_back(toSigned(item));
        }
    }
    f.signedField("faultRetryNs", c.faultRetryNs);
    return c;
}

} // namespace bitmig::cli
