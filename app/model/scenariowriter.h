// Writes a Scenario as scenario-file JSON: every key in schema order, exact units.
#pragma once

#include "scenariofile.h"

namespace bitmig {

class ScenarioWriter {
public:
    // Written by hand rather than through QJsonDocument, which sorts keys: the schema's order reads
    // better, and an injection fits on one line. ScenarioReader::read() gives the same scenario back.
    static QByteArray write(const Scenario& scenario);
};

} // namespace bitmig
