// Scenario files: one simulated migration (every SimConfig parameter, the workload, the seed and the
// injections) as a versioned JSON document, shared by the app and the `bitmig` command.
// The schema is docs/scenario.md.
#pragma once

#include "scenarioerror.h"

#include <bitmig/laneoverrides.h>
#include <bitmig/simconfig.h>

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QStringList>
#include <QString>

#include <vector>

namespace bitmig {

// One lane of a comparison (version 5): its name and what it changes in the shared configuration.
struct ScenarioLane {
    QString name;  // empty: named by what differs from the other lanes
    LaneOverrides overrides;
    friend bool operator==(const ScenarioLane&, const ScenarioLane&) = default;
};

struct Scenario {
    QString name;        // one line, shown in menus
    QString description; // a few sentences: what the scenario demonstrates
    SimConfig config;
    // A comparison: the lanes run `config` with their overrides, in lockstep. Empty: one run.
    std::vector<ScenarioLane> lanes;
    friend bool operator==(const Scenario&, const Scenario&) = default;
};

class ScenarioFile {
    Q_DECLARE_TR_FUNCTIONS(ScenarioFile)

public:
    static constexpr int kVersion = 5; // the newest version this build reads and writes (2: traces, 3: faults,
                                       // 4: disks and bitmaps, 5: lanes and a bitmap's startBits)
    static QString formatName();       // "bitmig-scenario", the "format" key's value
    static QString fileFilter();       // for file dialogs: "Scenarios (*.json)"

    // Parses and validates (SimConfig::validate(), and checkRunMemory(): the run must fit in the memory
    // this machine has available). `sourceName` is the FILE of error messages.
    static Scenario fromJson(const QByteArray& json, const QString& sourceName);
    // Every key, in schema order, sizes and times with exact units; fromJson() gives the same
    // scenario back. Does not validate. A trace's path is written relative to `scenarioPath`'s
    // folder when that is given (see ScenarioWriter).
    static QByteArray toJson(const Scenario& scenario, const QString& scenarioPath = QString());

    // ScenarioError "FILE: reason" unless `path` is a file that can be opened for reading: "does not
    // exist", "is a folder, not a file" or "cannot be read: <the system's reason>". load() checks
    // this first; the app checks its --scenario argument with it before it opens a window.
    static void checkReadable(const QString& path);
    static Scenario load(const QString& path);
    // Validates first, so a saved file always loads. Writes through QSaveFile: on any error the old
    // file is left as it was.
    static void save(const QString& path, const Scenario& scenario);

    // The lanes' names as shown and saved: the one a lane was given, else what differs between it
    // and the other lanes ("1 MiB chunks", "postcopy, 100 Mbit/s"), else "Lane N"; equal names are
    // told apart ("... (2)"). Figures in the units of `bitmig`, whatever the locale.
    static QStringList laneNames(const SimConfig& shared, const std::vector<ScenarioLane>& lanes);

    // The shipped presets (resources/presets, compiled in as ":/presets/*.json"), sorted by name.
    // A preset that does not load throws like any file; the model tests load them all.
    static QList<Scenario> presets();
};

} // namespace bitmig
