// Reads a scenario file's JSON into a Scenario, checking every key, type, unit and range.
#pragma once

#include "scenariofile.h"

namespace bitmig {

class ScenarioReader {
public:
    // ScenarioError for the first problem, naming `sourceName` and the key path.
    static Scenario read(const QByteArray& json, const QString& sourceName);
    // SimConfig::validate() and checkRunMemory() as a ScenarioError at the key path of the field it names.
    static void validate(const SimConfig& config, const QString& sourceName);
};

} // namespace bitmig
