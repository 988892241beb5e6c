// MigrationSummary and SimConfig as JSON objects, with the field names documented in docs/cli.md.
#pragma once

#include <bitmig/migrationsummary.h>
#include <bitmig/simconfig.h>

#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace bitmig::cli {

// Keys are the C++ member names (camelCase). JSON numbers are doubles, so an integer whose magnitude
// is above 2^53 is written as a decimal string instead; the readers accept both forms.
class SummaryJson {
public:
    static QJsonObject toJson(const MigrationSummary& summary);
    // std::invalid_argument when a field has the wrong type or an unknown enum name; missing
    // fields keep their defaults.
    static MigrationSummary fromJson(const QJsonObject& json);

    static QJsonObject configToJson(const SimConfig& config);
    // A comparison's lanes, as `bitmig simulate --scenario FILE --json` writes them for a file with
    // lanes and the window exports them: {"lanes": [{"name", the summary's fields, "config"}, ...]}.
    static QJsonObject lanesToJson(const QStringList& names, const std::vector<SimConfig>& configs,
                                   const std::vector<MigrationSummary>& summaries);
    static SimConfig configFromJson(const QJsonObject& json);

    static constexpr uint64_t kMaxExactInteger = uint64_t(1) << 53;
    static QJsonValue exact(uint64_t value);
    static QJsonValue exact(int64_t value);
    static uint64_t toUnsigned(const QJsonValue& value);  // std::invalid_argument if not one
    static int64_t toSigned(const QJsonValue& value);
};

} // namespace bitmig::cli
