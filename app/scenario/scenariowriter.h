// Writes a Scenario as scenario-file JSON: every key in schema order, exact units.
#pragma once

#include "scenariofile.h"

namespace bitmig {

class ScenarioWriter {
public:
    // Written by hand rather than through QJsonDocument, which sorts keys: the schema's order reads
    // better, and an injection fits on one line. ScenarioReader::read() gives the same scenario back.
    // A trace's path is written relative to `scenarioPath`'s folder when that is given, else as the
    // trace was read (an absolute path when it came from a scenario file).
    static QByteArray write(const Scenario& scenario, const QString& scenarioPath = QString());
};

} // namespace bitmig
