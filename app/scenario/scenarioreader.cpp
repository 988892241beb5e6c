#include "scenarioreader.h"

#include "boundedfile.h"
#include "jsoncheck.h"

#include <bitmig/chunkgeometry.h>
#include <bitmig/printable.h>
#include <bitmig/runmemory.h>
#include <bitmig/tracereader.h>
#include <bitmig/units.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QStringList>
#include <QVariant>

#include <algorithm>
#include <bit>
#include <cctype>
#include <cmath>
#include <limits>
#include <memory>
#include <optional>
#include <span>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

namespace bitmig {

namespace {

// The schema's keys (docs/scenario.md), in the order toJson() writes them.
// clang-format off
constexpr const char* kTopLevelKeys[] = {
    "format", "version", "name", "description", "disk", "granularity", "chunk", "strategy", "bandwidth",
    "latency", "maxDowntime", "maxPasses", "completeOnlyBelow", "tick", "migrationStart", "timeLimit",
    "sampleInterval", "seed", "device", "bitmap", "disks", "bitmaps", "workload", "injections", "faults",
    "faultRetry", "lanes"};
constexpr const char* kLaneKeys[] = {
    "name", "granularity", "chunk", "strategy", "bandwidth", "latency", "maxDowntime", "maxPasses", "completeOnlyBelow"};
constexpr const char* kDiskKeys[] = {"node", "size"};
constexpr const char* kBitmapKeys[] = {"disk", "name", "granularity", "enabled", "persistent", "startBits"};
constexpr const char* kExtentKeys[] = {"offset", "length"};
constexpr const char* kWorkloadKeys[] = {
    "type", "rate", "writeSize", "hotFraction", "hotShare", "zipfExponent", "burstPeriod", "burstDuty", "trace"};
constexpr const char* kTraceKeys[] = {"path", "format", "speed", "loop"};
constexpr const char* kInjectionKeys[] = {"time", "op", "offset", "length"};
// clang-format on

QString childPath(const QString& parent, const QString& key)
{
    return parent.isEmpty() ? key : parent + QLatin1Char('.') + key;
}

QString indexPath(const QString& parent, qsizetype index)
{
    return parent + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

QString typeName(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return ScenarioFile::tr("null");
    case QJsonValue::Bool:
        return ScenarioFile::tr("a boolean");
    case QJsonValue::Double:
        return ScenarioFile::tr("a number");
    case QJsonValue::String:
        return ScenarioFile::tr("a string");
    case QJsonValue::Array:
        return ScenarioFile::tr("an array");
    case QJsonValue::Object:
        return ScenarioFile::tr("an object");
    case QJsonValue::Undefined:
        break;
    }
    return ScenarioFile::tr("nothing");
}

// A value or key from the file in a message: escaped and cut short (bitmig/printable.h), so that a
// value of megabytes gives a one-line message of a few dozen characters.
QString shown(const QString& text)
{
    return QString::fromStdString(printablePrefix(text.toStdString()));
}

// Levenshtein distance, for "did you mean" on unknown keys; keys are short, so O(n*m) is fine.
// `cells` counts the table cells computed.
qsizetype editDistance(const QString& a, const QString& b, qsizetype& cells)
{
    cells += a.size() * b.size();
    std::vector<qsizetype> row(size_t(b.size()) + 1);
    for (qsizetype j = 0; j <= b.size(); ++j) {
        row[size_t(j)] = j;
    }
    for (qsizetype i = 1; i <= a.size(); ++i) {
        qsizetype diag = row[0];
        row[0] = i;
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const qsizetype up = row[size_t(j)];
            const bool same = a[i - 1].toLower() == b[j - 1].toLower();
            row[size_t(j)] = std::min({up + 1, row[size_t(j - 1)] + 1, diag + (same ? 0 : 1)});
            diag = up;
        }
    }
    return row[size_t(b.size())];
}

// Throws ScenarioError for `sourceName` with the key path it is given.
class Reader {
public:
    explicit Reader(const QString& sourceName) : source_(sourceName) {}

    [[noreturn]] void fail(const QString& path, const QString& reason) const
    {
        throw ScenarioError(source_, path, reason);
    }
    [[noreturn]] void wrongType(const QString& path, const QString& expected, const QJsonValue& got) const
    {
        fail(path, ScenarioFile::tr("expected %1, got %2").arg(expected, typeName(got)));
    }

    void rejectUnknownKeys(const QJsonObject& obj, const QString& path,
                           std::span<const char* const> known) const
    {
        for (auto it = obj.begin(); it != obj.end(); ++it) {
            const QString key = it.key();
            const bool ok = std::any_of(known.begin(), known.end(),
                                        [&key](const char* k) { return key == QLatin1String(k); });
            if (ok) {
                continue;
            }
            const char* best = ScenarioReader::nearestKey(key, known);
            fail(childPath(path, shown(key)),
                 best ? ScenarioFile::tr("unknown key (did you mean \"%1\"?)").arg(QLatin1String(best))
                      : ScenarioFile::tr("unknown key"));
        }
    }

    QString string(const QJsonValue& v, const QString& path) const
    {
        if (!v.isString()) {
            wrongType(path, ScenarioFile::tr("a string"), v);
        }
        return v.toString();
    }

    double number(const QJsonValue& v, const QString& path) const
    {
        if (!v.isDouble()) {
            wrongType(path, ScenarioFile::tr("a number"), v);
        }
        return v.toDouble();
    }

    // "must be at most MAX, got VALUE"; `value` as the file has it (a quoted string, a JSON number).
    [[noreturn]] void tooLarge(const QString& path, uint64_t max, const QString& value) const
    {
        const QString limit = max == std::numeric_limits<uint64_t>::max() ? QStringLiteral("2^64 - 1")
                                                                         : QString::number(qulonglong(max));
        fail(path, ScenarioFile::tr("must be at most %1, got %2").arg(limit, value));
    }

    // A JSON number that must be a whole number from 0 to `max`. Integers are read exactly (Qt keeps
    // them as 64-bit integers), so byte counts above 2^53 survive.
    uint64_t wholeNumber(const QJsonValue& v, const QString& path, const QString& expected,
                         uint64_t max = std::numeric_limits<uint64_t>::max()) const
    {
        if (!v.isDouble()) {
            wrongType(path, expected, v);
        }
        const QVariant var = v.toVariant();
        if (var.typeId() == QMetaType::LongLong) {
            const qlonglong n = var.toLongLong();
            if (n < 0) {
                fail(path, ScenarioFile::tr("must not be negative"));
            }
            if (uint64_t(n) > max) {
                tooLarge(path, max, QString::number(n));
            }
            return uint64_t(n);
        }
        const double d = v.toDouble();
        if (d < 0) {
            fail(path, ScenarioFile::tr("must not be negative"));
        }
        if (d != std::floor(d)) {
            fail(path, ScenarioFile::tr("must be a whole number"));
        }
        // 2^64 and above do not fit; below it, a double's conversion is exact.
        if (d >= 18446744073709551616.0 || uint64_t(d) > max) {
            tooLarge(path, max, QString::number(d, 'g', 17));
        }
        return uint64_t(d);
    }

    // A string of plain digits (a size or the seed), read exactly up to 2^64 - 1; nullopt for any
    // other string.
    std::optional<uint64_t> digits(const QString& text, const QString& path) const
    {
        const QString t = text.trimmed();
        if (t.isEmpty() || !std::all_of(t.begin(), t.end(), [](QChar c) { return c.isDigit() && c.unicode() < 128; })) {
            return std::nullopt;
        }
        bool ok = false;
        const uint64_t n = t.toULongLong(&ok, 10);
        if (!ok) {
            tooLarge(path, std::numeric_limits<uint64_t>::max(), QLatin1Char('"') + shown(text) + QLatin1Char('"'));
        }
        return n;
    }

    // A core parser's UnitError or invalid_argument becomes an error at `path`.
    template <class Parse> auto parsed(const QString& text, const QString& path, Parse parse) const
    {
        try {
            return parse(text.toStdString());
        } catch (const std::invalid_argument& e) {
            fail(path, QString::fromStdString(e.what()));
        }
    }

    uint64_t size(const QJsonValue& v, const QString& path) const
    {
        const QString expected = ScenarioFile::tr("a size (a string such as \"64K\" or a number of bytes)");
        if (v.isString()) {
            // Plain digits are read exactly: the unit parser works in doubles, which round above 2^53.
            if (const std::optional<uint64_t> exact = digits(v.toString(), path)) {
                return *exact;
            }
            return parsed(v.toString(), path, [](const std::string& s) { return units::parseSize(s); });
        }
        return wholeNumber(v, path, expected);
    }

    double bandwidth(const QJsonValue& v, const QString& path) const
    {
        if (v.isString()) {
            return parsed(v.toString(), path, [](const std::string& s) { return units::parseBandwidth(s); });
        }
        const double d = number(v, path);
        if (!(d > 0) || !std::isfinite(d)) {
            fail(path, ScenarioFile::tr("must be above zero"));
        }
        return d;
    }

    // Strings need a unit: the command line reads a bare "300" as milliseconds while a JSON number
    // here is nanoseconds, and a file must not depend on which rule the reader remembers.
    int64_t duration(const QJsonValue& v, const QString& path) const
    {
        if (v.isString()) {
            const QString text = v.toString().trimmed();
            if (text.endsWith(QLatin1Char('h'), Qt::CaseInsensitive)) {
                // Hours, which the core's parser does not know: "1.5h" is 90 min.
                const int64_t minutes = parsed(text.chopped(1).trimmed() + QStringLiteral("min"), path,
                                               [](const std::string& s) { return units::parseDuration(s); });
                if (minutes > std::numeric_limits<int64_t>::max() / 60) {
                    fail(path, ScenarioFile::tr("must be at most 2^63 - 1 ns (about 292 years), got %1")
                                   .arg(QLatin1Char('"') + shown(v.toString()) + QLatin1Char('"')));
                }
                return minutes * 60;
            }
            const int64_t ns =
                parsed(text, path, [](const std::string& s) { return units::parseDuration(s); });
            if (ns != 0 && !text.isEmpty() && (text.back().isDigit() || text.back() == QLatin1Char('.'))) {
                fail(path, ScenarioFile::tr(
                               "\"%1\" needs a unit (ns, us, ms, s, min or h); a JSON number is nanoseconds")
                               .arg(shown(text)));
            }
            return ns;
        }
        const QString expected =
            ScenarioFile::tr("a duration (a string such as \"300ms\" or a number of nanoseconds)");
        // Integers up to 2^63 - 1 are kept exact (as 64-bit integers); a double at 2^63 or more does not fit.
        if (v.isDouble() && v.toVariant().typeId() != QMetaType::LongLong && v.toDouble() >= 9223372036854775808.0) {
            fail(path, ScenarioFile::tr("must be at most 2^63 - 1 ns (about 292 years), got %1")
                           .arg(QString::number(v.toDouble(), 'g', 17)));
        }
        return int64_t(wholeNumber(v, path, expected));
    }

private:
    QString source_;
};

std::pair<uint64_t, uint64_t> writeSizes(const Reader& r, const QJsonValue& v, const QString& path)
{
    if (!v.isString()) {
        const uint64_t bytes = r.wholeNumber(
            v, path,
            ScenarioFile::tr("a size or a range (a string such as \"4K..64K\" or a number of bytes)"));
        return {bytes, bytes};
    }
    const QStringList parts = v.toString().split(QStringLiteral(".."));
    if (parts.size() > 2) {
        r.fail(path, ScenarioFile::tr("\"%1\" is not SIZE or MIN..MAX").arg(shown(v.toString())));
    }
    const uint64_t lo = r.size(QJsonValue(parts.front()), path);
    const uint64_t hi = r.size(QJsonValue(parts.back()), path);
    if (hi < lo) {
        r.fail(path, ScenarioFile::tr("\"%1\": the maximum is below the minimum").arg(shown(v.toString())));
    }
    return {lo, hi};
}

// A trace file large enough to be a mistake rather than a trace (about 20 million lines).
constexpr qint64 kMaxTraceBytes = qint64(TraceReader::kMaxFileBytes);

// "trace": {"path", "format", "speed", "loop"}, the path relative to the scenario file's folder.
// The trace is read now, so a bad line is reported with the scenario.
TraceReplay readTrace(const Reader& r, const QJsonValue& v, const QString& path, const QDir& base)
{
    TraceReplay replay;
    if (v.isNull()) {
        return replay;
    }
    if (!v.isObject()) {
        r.wrongType(path, ScenarioFile::tr("an object or null"), v);
    }
    const QJsonObject o = v.toObject();
    r.rejectUnknownKeys(o, path, kTraceKeys);
    auto at = [&o](const char* key) { return o.value(QLatin1String(key)); };
    auto keyPath = [&path](const char* key) { return childPath(path, QLatin1String(key)); };
    if (!o.contains(QLatin1String("path"))) {
        r.fail(keyPath("path"), ScenarioFile::tr("missing (the trace file, relative to the scenario)"));
    }
    const QString file = r.string(at("path"), keyPath("path"));
    TraceFormat format = TraceFormat::Auto;
    if (o.contains(QLatin1String("format"))) {
        format = r.parsed(r.string(at("format"), keyPath("format")), keyPath("format"),
                          [](const std::string& s) { return parseTraceFormat(s); });
    }
    if (o.contains(QLatin1String("speed"))) {
        replay.speed = r.number(at("speed"), keyPath("speed"));
    }
    if (o.contains(QLatin1String("loop"))) {
        if (!at("loop").isBool()) {
            r.wrongType(keyPath("loop"), ScenarioFile::tr("true or false"), at("loop"));
        }
        replay.loop = at("loop").toBool();
    }
    // Read through QFile (a trace may sit in the resources next to a preset), parsed by the core.
    // Only a regular file, and at most 1 GiB of it: a device such as /dev/zero reports a size of 0.
    const QString resolved = QDir::cleanPath(base.absoluteFilePath(file));
    QString why;
    const QByteArray data = BoundedFile::read(resolved, kMaxTraceBytes, QStringLiteral("1 GiB"), &why);
    if (!why.isEmpty()) {
        r.fail(keyPath("path"), QStringLiteral("\"%1\" %2").arg(shown(file), why));
    }
    std::istringstream in(std::string(data.constData(), size_t(data.size())));
    try {
        Trace trace = TraceReader::read(in, file.toStdString(), format);
        trace.setSource(resolved.toStdString());  // absolute, so that it can be saved from anywhere
        replay.trace = std::make_shared<const Trace>(std::move(trace));
    } catch (const TraceError& e) {
        r.fail(keyPath("path"), QString::fromStdString(e.what()));
    }
    return replay;
}

// The versions of the format that added `workload.trace`, and `faults` with `faultRetry`.
constexpr uint64_t kTraceVersion = 2;
constexpr uint64_t kFaultsVersion = 3;
constexpr uint64_t kLayoutVersion = 4;  // `disks` and `bitmaps`
constexpr uint64_t kStartBitsVersion = 5;  // `bitmaps[i].startBits`
constexpr uint64_t kLanesVersion = 5;      // `lanes`

// The values a lane may give instead of the shared ones (LaneOverrides), at the top level of the file
// (`prefix` empty) or in `lanes[i]`: only the keys that are there are set.
void readLaneValues(const Reader& r, const QJsonObject& o, const QString& prefix, LaneOverrides& out)
{
    auto has = [&o](const char* key) { return o.contains(QLatin1String(key)); };
    auto at = [&o](const char* key) { return o.value(QLatin1String(key)); };
    auto key = [&prefix](const char* k) { return childPath(prefix, QLatin1String(k)); };
    if (has("granularity")) {
        out.granularity = r.size(at("granularity"), key("granularity"));
        if (*out.granularity < 512 || !std::has_single_bit(*out.granularity)) {
            r.fail(key("granularity"),
                   ScenarioFile::tr("must be a power of two of at least 512 bytes, got %1")
                       .arg(QString::fromStdString(units::formatSize(*out.granularity))));
        }
    }
    if (has("chunk")) {
        out.chunkBytes = r.size(at("chunk"), key("chunk"));
        if (*out.chunkBytes == 0 || *out.chunkBytes > kMaxChunkBytes || !std::has_single_bit(*out.chunkBytes)) {
            r.fail(key("chunk"), ScenarioFile::tr("must be a power of two from 1 B to 1 MiB, got %1")
                                     .arg(QString::fromStdString(units::formatSize(*out.chunkBytes))));
        }
    }
    if (has("strategy")) {
        const QString name = r.string(at("strategy"), key("strategy"));
        try {
            out.strategy = parseStrategy(name.toStdString());
        } catch (const std::invalid_argument&) {
            r.fail(
                key("strategy"),
                ScenarioFile::tr("\"%1\" is not a strategy (use precopy, postcopy or stop-copy)").arg(shown(name)));
        }
    }
    if (has("bandwidth")) {
        out.bandwidth = r.bandwidth(at("bandwidth"), key("bandwidth"));
    }
    if (has("latency")) {
        out.latencyNs = r.duration(at("latency"), key("latency"));
    }
    if (has("maxDowntime")) {
        out.maxDowntimeNs = r.duration(at("maxDowntime"), key("maxDowntime"));
    }
    if (has("maxPasses")) {
        out.maxPasses =
            unsigned(r.wholeNumber(at("maxPasses"), key("maxPasses"), ScenarioFile::tr("a whole number"), 100000));
    }
    if (has("completeOnlyBelow")) {
        out.completeOnlyBelow = r.size(at("completeOnlyBelow"), key("completeOnlyBelow"));
    }
}

// `lanes` (version 5): 2 to 4 lanes, each a name and the values it runs with instead of the shared
// ones; every lane's configuration is checked as a whole, its problems named at `lanes[i].key`.
std::vector<ScenarioLane> readLanes(const Reader& r, const QJsonValue& v, uint64_t version, const SimConfig& shared,
                                    const QString& sourceName)
{
    const QString path = QStringLiteral("lanes");
    if (version < kLanesVersion) {
        r.fail(path, ScenarioFile::tr("needs version %1 of the format; the file says version %2")
                         .arg(kLanesVersion)
                         .arg(version));
    }
    if (!v.isArray()) {
        r.wrongType(path, ScenarioFile::tr("an array of objects"), v);
    }
    const QJsonArray list = v.toArray();
    if (list.size() < 2 || list.size() > 4) {
        r.fail(path, ScenarioFile::tr("a comparison has 2 to 4 lanes, got %1").arg(list.size()));
    }
    std::vector<ScenarioLane> lanes;
    uint64_t memory = 0;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString lanePath = indexPath(path, i);
        if (!list.at(i).isObject()) {
            r.wrongType(lanePath, ScenarioFile::tr("an object"), list.at(i));
        }
        const QJsonObject o = list.at(i).toObject();
        r.rejectUnknownKeys(o, lanePath, kLaneKeys);
        ScenarioLane lane;
        if (o.contains(QLatin1String("name"))) {
            lane.name = r.string(o.value(QLatin1String("name")), childPath(lanePath, QStringLiteral("name")));
        }
        readLaneValues(r, o, lanePath, lane.overrides);
        if (lane.overrides.granularity && shared.hasLayout()) {
            r.fail(childPath(lanePath, QStringLiteral("granularity")),
                   ScenarioFile::tr("not with \"disks\" and \"bitmaps\", where each bitmap gives its own"));
        }
        const SimConfig config = lane.overrides.applyTo(shared);
        try {
            ScenarioReader::validate(config, sourceName);
        } catch (const ScenarioError& e) {
            // A lane's own key names the problem there; one of the shared keys (the disk is too large
            // for the lane's granularity) is named inside the lane's message.
            const bool own = std::any_of(std::begin(kLaneKeys), std::end(kLaneKeys),
                                         [&e](const char* k) { return e.keyPath() == QLatin1String(k); });
            if (own) {
                r.fail(childPath(lanePath, e.keyPath()), e.reason());
            }
            r.fail(lanePath, e.keyPath().isEmpty() ? e.reason() : e.keyPath() + QStringLiteral(": ") + e.reason());
        }
        memory += estimateRunMemory(config).total();
        lanes.push_back(std::move(lane));
    }
    // The lanes run side by side: together they must fit.
    AvailableMemory available;
    try {
        available = availableMemory();
    } catch (const std::invalid_argument& e) {
        r.fail(QString(), QString::fromStdString(e.what()));
    }
    if (available.bytes && memory > *available.bytes) {
        r.fail(path, ScenarioFile::tr("the %1 lanes together need %2 of memory for their bitmaps, this machine "
                                      "has %3 available")
                         .arg(list.size())
                         .arg(QString::fromStdString(units::formatSize(memory)),
                              QString::fromStdString(units::formatSize(*available.bytes))));
    }
    return lanes;
}

// A list of objects at `path`, each read by `item(object, itemPath)`.
template <class Item>
void readObjects(const Reader& r, const QJsonValue& v, const QString& path, const char* const* keys, size_t keyCount,
                 Item&& item)
{
    if (!v.isArray()) {
        r.wrongType(path, ScenarioFile::tr("an array of objects"), v);
    }
    const QJsonArray list = v.toArray();
    if (list.isEmpty()) {
        r.fail(path, ScenarioFile::tr("must list at least one"));
    }
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString itemPath = indexPath(path, i);
        if (!list.at(i).isObject()) {
            r.wrongType(itemPath, ScenarioFile::tr("an object"), list.at(i));
        }
        const QJsonObject o = list.at(i).toObject();
        r.rejectUnknownKeys(o, itemPath, std::span<const char* const>(keys, keyCount));
        item(o, itemPath);
    }
}

bool readFlag(const Reader& r, const QJsonObject& o, const char* key, const QString& path, bool fallback)
{
    if (!o.contains(QLatin1String(key))) {
        return fallback;
    }
    const QJsonValue v = o.value(QLatin1String(key));
    if (!v.isBool()) {
        r.wrongType(childPath(path, QLatin1String(key)), ScenarioFile::tr("true or false"), v);
    }
    return v.toBool();
}

// `bitmaps[i].startBits` (version 5): the bitmap's bits at the start, byte runs of its own disk,
// each {"offset", "length"}; an empty list is a clean start.
std::vector<Range> readStartBits(const Reader& r, const QJsonValue& v, const QString& path, const DiskSpec& disk,
                                 uint64_t version)
{
    if (version < kStartBitsVersion) {
        r.fail(path, ScenarioFile::tr("needs version %1 of the format; the file says version %2").arg(kStartBitsVersion).arg(version));
    }
    if (!v.isArray()) {
        r.wrongType(path, ScenarioFile::tr("an array of objects"), v);
    }
    const QJsonArray list = v.toArray();
    std::vector<Range> runs;
    runs.reserve(size_t(list.size()));
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString itemPath = indexPath(path, i);
        if (!list.at(i).isObject()) {
            r.wrongType(itemPath, ScenarioFile::tr("an object"), list.at(i));
        }
        const QJsonObject o = list.at(i).toObject();
        r.rejectUnknownKeys(o, itemPath, kExtentKeys);
        Range run;
        for (const char* key : kExtentKeys) {
            const QString keyPath = childPath(itemPath, QLatin1String(key));
            if (!o.contains(QLatin1String(key))) {
                r.fail(keyPath, ScenarioFile::tr("missing (offset and length are required)"));
            }
            (std::string_view(key) == "offset" ? run.start : run.count) = r.size(o.value(QLatin1String(key)), keyPath);
        }
        if (run.count == 0) {
            r.fail(childPath(itemPath, QStringLiteral("length")), ScenarioFile::tr("must be above zero"));
        }
        if (run.start >= disk.bytes || run.count > disk.bytes - run.start) {
            r.fail(itemPath, ScenarioFile::tr("the range [%1, +%2) is past the end of disk \"%3\" (%4 bytes)")
                                 .arg(run.start)
                                 .arg(run.count)
                                 .arg(shown(QString::fromStdString(disk.node)))
                                 .arg(disk.bytes));
        }
        runs.push_back(run);
    }
    return runs;
}

// `disks` and `bitmaps` (version 4): the disks by node name, each bitmap on a disk named by its node.
void readLayout(const Reader& r, const QJsonValue& disksValue, const QJsonValue& bitmapsValue, SimConfig& c,
                uint64_t version)
{
    std::vector<DiskSpec> disks;
    readObjects(r, disksValue, QStringLiteral("disks"), kDiskKeys, std::size(kDiskKeys),
                [&](const QJsonObject& o, const QString& path) {
                    DiskSpec d;
                    const QString node = childPath(path, QStringLiteral("node"));
                    if (!o.contains(QLatin1String("node"))) {
                        r.fail(node, ScenarioFile::tr("missing; every disk names its node"));
                    }
                    d.node = r.string(o.value(QLatin1String("node")), node).toStdString();
                    const QString size = childPath(path, QStringLiteral("size"));
                    if (!o.contains(QLatin1String("size"))) {
                        r.fail(size, ScenarioFile::tr("missing; every disk gives its size"));
                    }
                    d.bytes = r.size(o.value(QLatin1String("size")), size);
                    disks.push_back(std::move(d));
                });
    std::vector<BitmapSpec> bitmaps;
    readObjects(r, bitmapsValue, QStringLiteral("bitmaps"), kBitmapKeys, std::size(kBitmapKeys),
                [&](const QJsonObject& o, const QString& path) {
                    BitmapSpec b;
                    const QString disk = childPath(path, QStringLiteral("disk"));
                    if (!o.contains(QLatin1String("disk"))) {
                        r.fail(disk, ScenarioFile::tr("missing; every bitmap names the node of its disk"));
                    }
                    const QString node = r.string(o.value(QLatin1String("disk")), disk);
                    const auto it = std::find_if(disks.begin(), disks.end(),
                                                 [&node](const DiskSpec& d) { return d.node == node.toStdString(); });
                    if (it == disks.end()) {
                        r.fail(disk, ScenarioFile::tr("\"%1\" is not the node of a disk in \"disks\"").arg(shown(node)));
                    }
                    b.disk = size_t(it - disks.begin());
                    if (!bitmaps.empty() && b.disk < bitmaps.back().disk) {
                        // Bitmaps go on the wire disk by disk: the file says them in that order.
                        r.fail(disk, ScenarioFile::tr("the bitmaps are listed disk by disk, in the order of "
                                                      "\"disks\""));
                    }
                    const QString name = childPath(path, QStringLiteral("name"));
                    if (!o.contains(QLatin1String("name"))) {
                        r.fail(name, ScenarioFile::tr("missing; every bitmap has a name"));
                    }
                    b.name = r.string(o.value(QLatin1String("name")), name).toStdString();
                    if (o.contains(QLatin1String("granularity"))) {
                        b.granularity = r.size(o.value(QLatin1String("granularity")),
                                               childPath(path, QStringLiteral("granularity")));
                    }
                    b.enabled = readFlag(r, o, "enabled", path, true);
                    b.persistent = readFlag(r, o, "persistent", path, false);
                    if (o.contains(QLatin1String("startBits"))) {
                        b.startBits = readStartBits(r, o.value(QLatin1String("startBits")),
                                                    childPath(path, QStringLiteral("startBits")), disks[b.disk], version);
                    }
                    bitmaps.push_back(std::move(b));
                });
    c.setLayout(std::move(disks), std::move(bitmaps));
}

WorkloadSpec readWorkload(const Reader& r, const QJsonValue& v, const QString& path, const QDir& base,
                          uint64_t version)
{
    if (!v.isObject()) {
        r.wrongType(path, ScenarioFile::tr("an object"), v);
    }
    const QJsonObject o = v.toObject();
    r.rejectUnknownKeys(o, path, kWorkloadKeys);
    WorkloadSpec w;
    auto has = [&o](const char* key) { return o.contains(QLatin1String(key)); };
    auto at = [&o](const char* key) { return o.value(QLatin1String(key)); };
    auto keyPath = [&path](const char* key) { return childPath(path, QLatin1String(key)); };

    if (has("type")) {
        const QString name = r.string(at("type"), keyPath("type"));
        try {
            w.kind = parseWorkloadKind(name.toStdString());
        } catch (const std::invalid_argument&) {
            r.fail(keyPath("type"),
                   ScenarioFile::tr(
                       "\"%1\" is not a workload (use idle, uniform, sequential, hotspot, zipf or bursts)")
                       .arg(shown(name)));
        }
    }
    if (has("rate")) {
        const QJsonValue rate = at("rate");
        if (rate.isString()) {
            w.rate = r.parsed(rate.toString(), keyPath("rate"),
                              [](const std::string& s) { return units::parseCount(s); });
        } else if (rate.isDouble()) {
            w.rate = rate.toDouble();
        } else {
            r.wrongType(keyPath("rate"), ScenarioFile::tr("a number of writes per second"), rate);
        }
    }
    if (has("writeSize")) {
        std::tie(w.minWriteBytes, w.maxWriteBytes) = writeSizes(r, at("writeSize"), keyPath("writeSize"));
    }
    if (has("hotFraction")) {
        w.hotFraction = r.number(at("hotFraction"), keyPath("hotFraction"));
    }
    if (has("hotShare")) {
        w.hotShare = r.number(at("hotShare"), keyPath("hotShare"));
    }
    if (has("zipfExponent")) {
        w.zipfExponent = r.number(at("zipfExponent"), keyPath("zipfExponent"));
    }
    if (has("burstPeriod")) {
        w.burstPeriodNs = r.duration(at("burstPeriod"), keyPath("burstPeriod"));
    }
    if (has("burstDuty")) {
        w.burstDuty = r.number(at("burstDuty"), keyPath("burstDuty"));
    }
    if (has("trace")) {
        // An older reader does not know the key; a file that uses it must say the version that has it.
        if (version < kTraceVersion) {
            r.fail(keyPath("trace"), ScenarioFile::tr("needs version %1 of the format; the file says version %2")
                                         .arg(kTraceVersion)
                                         .arg(version));
        }
        w.trace = readTrace(r, at("trace"), keyPath("trace"), base);
    }
    return w;
}

Injection readInjection(const Reader& r, const QJsonValue& v, const QString& path)
{
    if (!v.isObject()) {
        r.wrongType(path, ScenarioFile::tr("an object"), v);
    }
    const QJsonObject o = v.toObject();
    r.rejectUnknownKeys(o, path, kInjectionKeys);
    auto required = [&](const char* key) {
        if (!o.contains(QLatin1String(key))) {
            r.fail(childPath(path, QLatin1String(key)),
                   ScenarioFile::tr("missing (time, offset and length are required)"));
        }
        return o.value(QLatin1String(key));
    };
    Injection inj;
    inj.timeNs = r.duration(required("time"), childPath(path, QStringLiteral("time")));
    if (o.contains(QLatin1String("op"))) {
        const QString opPath = childPath(path, QStringLiteral("op"));
        const QString op = r.string(o.value(QLatin1String("op")), opPath);
        if (const std::optional<Injection::Op> named = parseInjectionOp(op.toStdString())) {
            inj.op = *named;
        } else {
            r.fail(opPath, ScenarioFile::tr("\"%1\" is not an operation (use write or clear)").arg(shown(op)));
        }
    }
    inj.offset = r.size(required("offset"), childPath(path, QStringLiteral("offset")));
    inj.length = r.size(required("length"), childPath(path, QStringLiteral("length")));
    return inj;
}

} // namespace

QString ScenarioReader::keyPathForField(ConfigField field, std::optional<size_t> index)
{
    // The schema's keys are validate()'s names, except for the write sizes and the trace.
    switch (field) {
    case ConfigField::WorkloadMinWriteBytes:
    case ConfigField::WorkloadMaxWriteBytes:
        return QStringLiteral("workload.writeSize");
    case ConfigField::WorkloadKind:
        return QStringLiteral("workload.type");
    case ConfigField::WorkloadTrace:
        return QStringLiteral("workload.trace.path");  // a record past the disk
    case ConfigField::Injection:
    case ConfigField::InjectionTime:
    case ConfigField::InjectionLength:
    case ConfigField::Fault:
    case ConfigField::LayoutDiskNode:
    case ConfigField::LayoutDiskSize:
    case ConfigField::LayoutBitmapDisk:
    case ConfigField::LayoutBitmapName:
    case ConfigField::LayoutBitmapGranularity:
    case ConfigField::LayoutBitmapStartBits:
        if (!index) {
            break;
        }
        {
            const std::string_view name = configFieldName(field);  // "injections.time"
            const size_t dot = name.find('.');
            const QString list = QString::fromUtf8(name.substr(0, dot));
            const QString member = dot == std::string_view::npos ? QString() : QString::fromUtf8(name.substr(dot));
            return indexPath(list, qsizetype(*index)) + member;
        }
    default:
        break;
    }
    return QString::fromUtf8(configFieldName(field));
}

namespace {

// 1-based line and column (in characters) of a parse error. Qt's offset points just past the
// character it could not use; step back onto it, unless the input simply ended.
std::pair<int, int> lineAndColumn(const QByteArray& text, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, text.size());
    if (offset > 0 && offset < text.size() && !std::isspace(static_cast<unsigned char>(text[offset - 1]))) {
        --offset;
    }
    int line = 1, column = 1;
    for (qsizetype i = 0; i < offset; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++line;
            column = 1;
        } else if ((c & 0xC0) != 0x80) { // continuation bytes belong to the previous character
            ++column;
        }
    }
    return {line, column};
}

} // namespace

const char* ScenarioReader::nearestKey(const QString& key, std::span<const char* const> known, qsizetype* cells)
{
    // Suggest only near misses (a typo, wrong case): a distance below 3. Lengths 3 or more apart
    // are at least that far, so they are not compared; a long key costs nothing.
    constexpr qsizetype kNear = 3;
    const char* best = nullptr;
    qsizetype bestDistance = kNear;
    qsizetype computed = 0;
    for (const char* k : known) {
        const QLatin1String candidate(k);
        if (std::abs(key.size() - candidate.size()) >= kNear) {
            continue;
        }
        const qsizetype d = editDistance(key, candidate, computed);
        if (d < bestDistance) {
            bestDistance = d;
            best = k;
        }
    }
    if (cells) {
        *cells = computed;
    }
    return best;
}

Scenario ScenarioReader::read(const QByteArray& json, const QString& sourceName)
{
    const Reader r(sourceName);
    if (json.trimmed().isEmpty()) {
        // Qt's parser calls this an illegal value at the end of the input.
        r.fail(QString(), ScenarioFile::tr("is empty"));
    }
    // Qt's parser takes raw control characters inside strings (a NUL ends its input there), and
    // keeps the last of two equal keys: both are reported here, where they are.
    if (const std::optional<JsonProblem> p = JsonCheck::rawControlCharacter(json)) {
        throw ScenarioError(sourceName, QString(), p->reason, p->line, p->column);
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const auto [line, column] = lineAndColumn(json, parseError.offset);
        throw ScenarioError(sourceName, QString(), parseError.errorString(), line, column);
    }
    if (const std::optional<JsonProblem> p = JsonCheck::duplicateKey(json)) {
        throw ScenarioError(sourceName, p->keyPath, p->reason);
    }
    if (!doc.isObject()) {
        r.fail(QString(), ScenarioFile::tr("expected a JSON object at the top level"));
    }
    const QJsonObject o = doc.object();
    auto has = [&o](const char* key) { return o.contains(QLatin1String(key)); };
    auto at = [&o](const char* key) { return o.value(QLatin1String(key)); };
    auto key = [](const char* k) { return QLatin1String(k); };

    // Format and version first: a newer file may well have keys this version does not know, and
    // the version is the useful thing to report then.
    if (!has("format")) {
        r.fail(key("format"), ScenarioFile::tr("missing; a scenario file starts with \"format\": \"%1\"")
                                  .arg(ScenarioFile::formatName()));
    }
    const QString format = r.string(at("format"), key("format"));
    if (format != ScenarioFile::formatName()) {
        r.fail(key("format"), ScenarioFile::tr("\"%1\" is not a scenario (expected \"%2\")")
                                  .arg(shown(format), ScenarioFile::formatName()));
    }
    if (!has("version")) {
        r.fail(key("version"),
               ScenarioFile::tr("missing; this program writes version %1").arg(ScenarioFile::kVersion));
    }
    const uint64_t version = r.wholeNumber(at("version"), key("version"), ScenarioFile::tr("a whole number"));
    if (version > uint64_t(ScenarioFile::kVersion)) {
        r.fail(key("version"),
               ScenarioFile::tr("version %1 is newer than this program, which reads version %2 and older")
                   .arg(version)
                   .arg(ScenarioFile::kVersion));
    }
    if (version < 1) {
        r.fail(key("version"),
               ScenarioFile::tr("version %1 does not exist; versions start at 1").arg(version));
    }

    r.rejectUnknownKeys(o, QString(), kTopLevelKeys);

    Scenario s;
    SimConfig& c = s.config;
    if (has("name")) {
        s.name = r.string(at("name"), key("name"));
    }
    if (has("description")) {
        s.description = r.string(at("description"), key("description"));
    }
    if (has("disk")) {
        c.diskBytes = r.size(at("disk"), key("disk"));
    }
    {
        LaneOverrides values;
        readLaneValues(r, o, QString(), values);
        c = values.applyTo(c);
    }
    if (has("tick")) {
        c.tickNs = r.duration(at("tick"), key("tick"));
    }
    if (has("migrationStart")) {
        const QJsonValue v = at("migrationStart");
        c.migrationStartNs = v.isNull() ? -1 : r.duration(v, key("migrationStart"));
    }
    if (has("timeLimit")) {
        c.timeLimitNs = r.duration(at("timeLimit"), key("timeLimit"));
    }
    if (has("sampleInterval")) {
        c.sampleIntervalNs = r.duration(at("sampleInterval"), key("sampleInterval"));
    }
    if (has("seed")) {
        const QJsonValue v = at("seed");
        if (v.isString()) {
            // Seeds above 2^53 do not survive a JSON number in most readers: a string keeps them.
            if (const std::optional<uint64_t> seed = r.digits(v.toString(), key("seed"))) {
                c.seed = *seed;
            } else {
                bool ok = false;  // a sign, for one
                c.seed = v.toString().trimmed().toULongLong(&ok, 10);
                if (!ok) {
                    r.fail(key("seed"), ScenarioFile::tr("\"%1\" is not a whole number from 0 to 2^64 - 1")
                                            .arg(shown(v.toString())));
                }
            }
        } else {
            c.seed = r.wholeNumber(v, key("seed"), ScenarioFile::tr("a whole number"));
        }
    }
    if (has("device")) {
        c.deviceName = r.string(at("device"), key("device")).toStdString();
    }
    if (has("bitmap")) {
        c.bitmapName = r.string(at("bitmap"), key("bitmap")).toStdString();
    }
    if (has("disks") || has("bitmaps")) {
        for (const char* name : {"disks", "bitmaps"}) {
            if (version < kLayoutVersion) {
                r.fail(key(has(name) ? name : "bitmaps"),
                       ScenarioFile::tr("needs version %1 of the format; the file says version %2")
                           .arg(kLayoutVersion)
                           .arg(version));
            }
            if (!has(name)) {
                r.fail(key(name), ScenarioFile::tr("missing; \"disks\" and \"bitmaps\" go together"));
            }
        }
        for (const char* name : {"disk", "granularity", "device", "bitmap"}) {
            if (has(name)) {
                r.fail(key(name), ScenarioFile::tr("not with \"disks\" and \"bitmaps\", where each disk and "
                                                   "bitmap gives its own"));
            }
        }
        readLayout(r, at("disks"), at("bitmaps"), c, version);
    }
    if (has("workload")) {
        c.workload =
            readWorkload(r, at("workload"), key("workload"), QFileInfo(sourceName).absoluteDir(), version);
    }
    if (has("injections")) {
        const QJsonValue v = at("injections");
        if (!v.isArray()) {
            r.wrongType(key("injections"), ScenarioFile::tr("an array"), v);
        }
        const QJsonArray list = v.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            c.injections.push_back(readInjection(r, list.at(i), indexPath(key("injections"), i)));
        }
    }

    // Link faults: a key that version 2 and older do not have.
    for (const char* name : {"faults", "faultRetry"}) {
        if (has(name) && version < kFaultsVersion) {
            r.fail(key(name), ScenarioFile::tr("needs version %1 of the format; the file says version %2")
                                  .arg(kFaultsVersion)
                                  .arg(version));
        }
    }
    if (has("faults")) {
        const QJsonValue v = at("faults");
        if (!v.isArray()) {
            r.wrongType(key("faults"), ScenarioFile::tr("an array of times"), v);
        }
        const QJsonArray list = v.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            c.faultsNs.push_back(r.duration(list.at(i), indexPath(key("faults"), i)));
        }
    }
    if (has("faultRetry")) {
        const QJsonValue v = at("faultRetry");
        c.faultRetryNs = v.isNull() ? -1 : r.duration(v, key("faultRetry"));
    }

    validate(c, sourceName);
    if (has("lanes")) {
        s.lanes = readLanes(r, at("lanes"), version, c, sourceName);
    }
    return s;
}

void ScenarioReader::validate(const SimConfig& config, const QString& sourceName)
{
    try {
        config.validate();
        checkRunMemory(config);  // a run this machine cannot hold is refused here, before anything is allocated
    } catch (const ConfigError& e) {
        throw ScenarioError(sourceName, keyPathForField(e.field(), e.index()), QString::fromStdString(e.reason()));
    } catch (const std::invalid_argument& e) {
        throw ScenarioError(sourceName, QString(), QString::fromStdString(e.what()));  // BITMIG_MEMORY_LIMIT
    }
}

} // namespace bitmig
