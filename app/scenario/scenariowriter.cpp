#include "scenariowriter.h"

#include <bitmig/units.h>

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace bitmig {

namespace {

QByteArray jsonString(const QString& s)
{
    QByteArray out = "\"";
    for (const char c : s.toUtf8()) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\r':
            out += "\\r";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                out += "\\u00" + QByteArray::number(static_cast<unsigned char>(c), 16).rightJustified(2, '0');
            } else {
                out += c;
            }
        }
    }
    return out + '"';
}

QByteArray jsonString(std::string_view s)
{
    return jsonString(QString::fromUtf8(s.data(), qsizetype(s.size())));
}

// The shortest text that reads back as the same double; integers without an exponent.
QByteArray jsonNumber(double v)
{
    if (!std::isfinite(v)) {
        return "null"; // JSON has no NaN or infinity; reading it back names the key
    }
    if (v == std::floor(v) && std::fabs(v) < 1e15) {
        return QByteArray::number(qint64(v));
    }
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, v);
    return QByteArray(buf, res.ptr - buf);
}

QByteArray jsonNumber(uint64_t v)
{
    return QByteArray::number(qulonglong(v));
}

// `value` in `unit` with at most `decimals` digits after the point, if the division is exact.
std::optional<std::string> decimalIn(uint64_t value, uint64_t unit, int decimals)
{
    if (value < unit) {
        return std::nullopt;
    }
    uint64_t scale = 1;
    for (int i = 0; i < decimals; ++i) {
        scale *= 10;
    }
    const uint64_t whole = value / unit;
    const uint64_t rest = value % unit;
    if (rest == 0) {
        return std::to_string(whole);
    }
    // The fraction rest/unit must be k/scale exactly.
    if (rest > std::numeric_limits<uint64_t>::max() / scale || (rest * scale) % unit != 0) {
        return std::nullopt;
    }
    std::string frac = std::to_string(rest * scale / unit);
    frac.insert(0, size_t(decimals) - frac.size(), '0');
    while (frac.back() == '0') {
        frac.pop_back();
    }
    return std::to_string(whole) + "." + frac;
}

// Whether the reader's parser gives `value` back for `text` (it works in doubles, so near the
// limits it may round or refuse).
template <class T, class Parse> bool parsesBackTo(const std::string& text, T value, Parse parse)
{
    try {
        return parse(text) == value;
    } catch (const std::invalid_argument&) {
        return false;
    }
}

// Sizes, times and bandwidths as strings with the largest unit that is exact, checked by reading
// them back with the same parser fromJson() uses; a plain number when no unit fits.
QByteArray sizeText(uint64_t bytes)
{
    static constexpr std::pair<uint64_t, const char*> kUnits[] = {
        {units::PiB, "P"}, {units::TiB, "T"}, {units::GiB, "G"}, {units::MiB, "M"}, {units::KiB, "K"}};
    for (const auto& [unit, suffix] : kUnits) {
        if (const auto text = decimalIn(bytes, unit, 2)) {
            const std::string s = *text + suffix;
            if (parsesBackTo(s, bytes, units::parseSize)) {
                return jsonString(s);
            }
        }
    }
    // JSON readers (Qt's too) keep integers exact only up to 2^63 - 1; above, digits in a string.
    if (bytes > uint64_t(std::numeric_limits<int64_t>::max())) {
        return jsonString(std::to_string(bytes));
    }
    return jsonNumber(bytes);
}

QByteArray durationText(int64_t ns)
{
    if (ns <= 0) {
        return QByteArray::number(qint64(ns)); // 0, or a negative value validate() will reject
    }
    static constexpr struct {
        uint64_t unit;
        int decimals;
        const char* suffix;
    } kUnits[] = {
        {60'000'000'000, 0, "min"}, {1'000'000'000, 3, "s"}, {1'000'000, 3, "ms"}, {1'000, 3, "us"}};
    for (const auto& u : kUnits) {
        if (const auto text = decimalIn(uint64_t(ns), u.unit, u.decimals)) {
            const std::string s = *text + u.suffix;
            if (parsesBackTo(s, ns, units::parseDuration)) {
                return jsonString(s);
            }
        }
    }
    return QByteArray::number(qint64(ns));
}

QByteArray bandwidthText(double bytesPerSecond)
{
    if (bytesPerSecond > 0 && std::isfinite(bytesPerSecond) && bytesPerSecond < 1e18) {
        const double bits = bytesPerSecond * 8;
        static constexpr struct {
            double unit;
            const char* suffix;
            bool isBits;
        } kUnits[] = {{1e9, "Gbit", true},         {1e6, "Mbit", true},
                      {1e3, "kbit", true},         {1073741824.0, "GiB/s", false},
                      {1048576.0, "MiB/s", false}, {1024.0, "KiB/s", false}};
        for (const auto& u : kUnits) {
            const double amount = u.isBits ? bits : bytesPerSecond;
            const double scaled = amount / u.unit;
            // At most three decimals, so the text stays readable.
            if (scaled < 1 || std::round(scaled * 1000) != scaled * 1000) {
                continue;
            }
            const std::string s = jsonNumber(scaled).toStdString() + u.suffix;
            if (parsesBackTo(s, bytesPerSecond, units::parseBandwidth)) {
                return jsonString(s);
            }
        }
    }
    return jsonNumber(bytesPerSecond);
}

QByteArray writeSizeText(const WorkloadSpec& w)
{
    if (w.minWriteBytes == w.maxWriteBytes) {
        return sizeText(w.minWriteBytes);
    }
    auto bare = [](uint64_t bytes) {
        QByteArray t = sizeText(bytes);
        if (t.startsWith('"')) {
            t = t.mid(1, t.size() - 2);
        }
        return t;
    };
    return '"' + bare(w.minWriteBytes) + ".." + bare(w.maxWriteBytes) + '"';
}

} // namespace

QByteArray ScenarioWriter::write(const Scenario& scenario, const QString& scenarioPath)
{
    const SimConfig& c = scenario.config;
    const WorkloadSpec& w = c.workload;
    QByteArray out = "{\n";
    bool first = true;
    auto field = [&out, &first](const char* key, const QByteArray& value, const char* indent = "  ") {
        if (!first) {
            out += ",\n";
        }
        first = false;
        out += indent;
        out += '"';
        out += key;
        out += "\": ";
        out += value;
    };
    field("format", jsonString(ScenarioFile::formatName()));
    // The oldest version that holds the scenario, so that older readers keep reading what they can.
    const bool faults = !c.faultsNs.empty() || c.faultRetryNs != -1;
    const bool startBits = std::any_of(c.bitmaps.begin(), c.bitmaps.end(), [](const BitmapSpec& b) { return !b.startBits.empty(); });
    const int version = !scenario.lanes.empty() || startBits ? 5 : c.hasLayout() ? 4 : faults ? 3 : w.trace.active() ? 2 : 1;
    field("version", QByteArray::number(version));
    field("name", jsonString(scenario.name));
    field("description", jsonString(scenario.description));
    if (!c.hasLayout()) {
        field("disk", sizeText(c.diskBytes));
        field("granularity", sizeText(c.granularity));
    }
    field("chunk", sizeText(c.chunkBytes));
    field("strategy", jsonString(strategyName(c.strategy)));
    field("bandwidth", bandwidthText(c.bandwidth));
    field("latency", durationText(c.latencyNs));
    field("maxDowntime", durationText(c.maxDowntimeNs));
    field("maxPasses", QByteArray::number(c.maxPasses));
    field("completeOnlyBelow", sizeText(c.completeOnlyBelow));
    field("tick", durationText(c.tickNs));
    field("migrationStart", c.migrationStartNs == -1 ? QByteArray("null") : durationText(c.migrationStartNs));
    field("timeLimit", durationText(c.timeLimitNs));
    field("sampleInterval", durationText(c.sampleIntervalNs));
    field("seed", c.seed < (uint64_t(1) << 53) ? jsonNumber(c.seed) : jsonString(std::to_string(c.seed)));
    if (c.hasLayout()) {
        QByteArray disks = "[";
        for (size_t i = 0; i < c.disks.size(); ++i) {
            disks += i ? ",\n    " : "\n    ";
            disks += "{\"node\": " + jsonString(c.disks[i].node) + ", \"size\": " + sizeText(c.disks[i].bytes) + "}";
        }
        field("disks", disks + "\n  ]");
        QByteArray bitmaps = "[";
        for (size_t i = 0; i < c.bitmaps.size(); ++i) {
            const BitmapSpec& b = c.bitmaps[i];
            bitmaps += i ? ",\n    " : "\n    ";
            bitmaps += "{\"disk\": " + jsonString(c.disks[b.disk].node) + ", \"name\": " + jsonString(b.name) +
                       ", \"granularity\": " + sizeText(b.granularity) +
                       ", \"enabled\": " + (b.enabled ? "true" : "false") +
                       ", \"persistent\": " + (b.persistent ? "true" : "false");
            if (!b.startBits.empty()) {  // only when set: a file without them stays readable by version 4
                bitmaps += ", \"startBits\": [";
                for (size_t j = 0; j < b.startBits.size(); ++j) {
                    bitmaps += (j ? ",\n      " : "\n      ") + QByteArray("{\"offset\": ") + sizeText(b.startBits[j].start) +
                               ", \"length\": " + sizeText(b.startBits[j].count) + "}";
                }
                bitmaps += "\n    ]";
            }
            bitmaps += "}";
        }
        field("bitmaps", bitmaps + "\n  ]");
    } else {
        field("device", jsonString(c.deviceName));
        field("bitmap", jsonString(c.bitmapName));
    }

    field("workload", "{\n");
    first = true;
    field("type", jsonString(workloadKindName(w.kind)), "    ");
    field("rate", jsonNumber(w.rate), "    ");
    field("writeSize", writeSizeText(w), "    ");
    field("hotFraction", jsonNumber(w.hotFraction), "    ");
    field("hotShare", jsonNumber(w.hotShare), "    ");
    field("zipfExponent", jsonNumber(w.zipfExponent), "    ");
    field("burstPeriod", durationText(w.burstPeriodNs), "    ");
    field("burstDuty", jsonNumber(w.burstDuty), "    ");
    if (w.trace.active()) {
        // Relative to the scenario file when it is known, so that both can move together.
        QString path = QString::fromStdString(w.trace.trace->source());
        if (!scenarioPath.isEmpty()) {
            path = QFileInfo(scenarioPath).absoluteDir().relativeFilePath(path);
        }
        field("trace",
              "{\"path\": " + jsonString(path) + ", \"format\": " + jsonString(traceFormatName(w.trace.trace->format())) +
                  ", \"speed\": " + jsonNumber(w.trace.speed) + ", \"loop\": " + (w.trace.loop ? "true" : "false") +
                  "}",
              "    ");
    }
    out += "\n  }";

    QByteArray injections = "[";
    for (size_t i = 0; i < c.injections.size(); ++i) {
        const Injection& inj = c.injections[i];
        injections += i ? ",\n    " : "\n    ";
        injections += "{\"time\": " + durationText(inj.timeNs) +
                      ", \"op\": \"" + QByteArray(injectionOpName(inj.op).data(), qsizetype(injectionOpName(inj.op).size())) + "\"" +
                      ", \"offset\": " + sizeText(inj.offset) + ", \"length\": " + sizeText(inj.length) + "}";
    }
    injections += c.injections.empty() ? "]" : "\n  ]";
    out += ",\n  \"injections\": " + injections;
    if (faults) {
        // Only when set, so that a file without faults stays readable by older versions.
        QByteArray times = "[";
        for (size_t i = 0; i < c.faultsNs.size(); ++i) {
            times += (i ? ", " : "") + durationText(c.faultsNs[i]);
        }
        out += ",\n  \"faults\": " + times + "]";
        out += ",\n  \"faultRetry\": " + (c.faultRetryNs == -1 ? QByteArray("null") : durationText(c.faultRetryNs));
    }
    if (!scenario.lanes.empty()) {
        // A comparison (version 5): each lane's name and the values it runs with instead of the above.
        out += ",\n  \"lanes\": [";
        for (size_t i = 0; i < scenario.lanes.size(); ++i) {
            const ScenarioLane& lane = scenario.lanes[i];
            const LaneOverrides& o = lane.overrides;
            QByteArray entry = "{\"name\": " + jsonString(lane.name);
            auto add = [&entry](const char* key, const QByteArray& value) {
                entry += QByteArray(", \"") + key + "\": " + value;
            };
            if (o.granularity) {
                add("granularity", sizeText(*o.granularity));
            }
            if (o.chunkBytes) {
                add("chunk", sizeText(*o.chunkBytes));
            }
            if (o.strategy) {
                add("strategy", jsonString(strategyName(*o.strategy)));
            }
            if (o.bandwidth) {
                add("bandwidth", bandwidthText(*o.bandwidth));
            }
            if (o.latencyNs) {
                add("latency", durationText(*o.latencyNs));
            }
            if (o.maxDowntimeNs) {
                add("maxDowntime", durationText(*o.maxDowntimeNs));
            }
            if (o.maxPasses) {
                add("maxPasses", QByteArray::number(*o.maxPasses));
            }
            if (o.completeOnlyBelow) {
                add("completeOnlyBelow", sizeText(*o.completeOnlyBelow));
            }
            out += (i ? ",\n    " : "\n    ") + entry + "}";
        }
        out += "\n  ]";
    }
    out += "\n}\n";
    return out;
}

} // namespace bitmig
