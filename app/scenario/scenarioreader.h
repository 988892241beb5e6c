// Reads a scenario file's JSON into a Scenario, checking every key, type, unit and range.
#pragma once

#include "scenariofile.h"

#include <bitmig/configerror.h>

#include <optional>
#include <span>

namespace bitmig {

class ScenarioReader {
public:
    // ScenarioError for the first problem, naming `sourceName` and the key path.
    static Scenario read(const QByteArray& json, const QString& sourceName);
    // SimConfig::validate() and checkRunMemory() as a ScenarioError at the key path of the field it names.
    static void validate(const SimConfig& config, const QString& sourceName);
    // The key path of a field validate() refuses: "chunk", "workload.writeSize",
    // "injections[2].length" (with the element's index for a list).
    static QString keyPathForField(ConfigField field, std::optional<size_t> index = std::nullopt);
    // The known key an unknown one is probably a typo of (edit distance below 3, case ignored), or
    // nullptr. Only keys of about the same length are compared, so the work is bounded by the
    // known keys, whatever the length of `key`; `cells` (if given) is set to the edit-distance
    // table cells computed.
    static const char* nearestKey(const QString& key, std::span<const char* const> known,
                                  qsizetype* cells = nullptr);
};

} // namespace bitmig
