// The options that describe one simulated migration, shared by `simulate` and `sweep`.
#pragma once

#include <bitmig/simconfig.h>

#include <QCommandLineParser>
#include <QString>

namespace bitmig::cli {

class SimOptions {
public:
    // Declares every engine parameter. `sweep` passes withChunk = false: it takes --chunks instead.
    static void addTo(QCommandLineParser& parser, bool withChunk);
    // The configuration the parsed options describe, defaults from SimConfig. Not validated: a sweep
    // still changes the chunk and one more parameter. Throws ArgumentError for a value it cannot read.
    static SimConfig toConfig(const QCommandLineParser& parser, bool withChunk);
    // SimConfig::validate(), its message mapped to the option that sets the field
    // ("tick: must be ..." becomes "--tick: must be ..."). Throws ArgumentError. `chunkOption` is
    // the option that set the chunk size ("--chunks" for a sweep). An injection is named where it
    // came from: "--scenario: FILE: injections[0]: ..." for the file's (counted from 0, as the
    // file's key paths are), "--inject: injection 1: ..." for the command line's.
    static void validate(const SimConfig& config, const QCommandLineParser& parser,
                         const QString& chunkOption = QStringLiteral("--chunk"));
    // --trace and its companions into c.workload.trace: reads the trace file now, so that a bad
    // line is reported (ArgumentError "--trace: FILE:LINE: reason") before anything runs.
    static void readTrace(const QCommandLineParser& parser, SimConfig& c);
    // The option that sets a field of SimConfig or its workload (ConfigField::MaxDowntime gives
    // "--max-downtime"), empty for a field no option sets alone.
    static QString optionForField(ConfigField field);
};

} // namespace bitmig::cli
