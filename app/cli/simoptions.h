// The options that describe one simulated migration, shared by `simulate` and `sweep`.
#pragma once

#include "argumenterror.h"

#include <bitmig/configerror.h>
#include <bitmig/simconfig.h>

#include <QCommandLineParser>
#include <QString>

#include <vector>

namespace bitmig::cli {

class SimOptions {
public:
    // Declares every engine parameter. `sweep` passes withChunk = false: it takes --chunks instead.
    static void addTo(QCommandLineParser& parser, bool withChunk);
    // The configuration the parsed options describe, defaults from SimConfig. Not validated: a sweep
    // still changes the chunk and one more parameter. Throws ArgumentError for a value it cannot read.
    static SimConfig toConfig(const QCommandLineParser& parser, bool withChunk);
    // A value a sweep point sets itself in place of the command line's: the option that sets the
    // field in `simulate` ("--chunk", "--bandwidth"), the argument a refusal names instead
    // ("--chunks", "--vary bandwidth") and the point's value as text.
    struct PointValue {
        QString option;
        QString argument;
        QString text;
    };
    // SimConfig::validate(), its message mapped to the option that sets the field, with the value
    // given to it ("tick: must be ..." becomes "--tick: '2s': must be ..."; a field no option given
    // sets, a default or the scenario file's, is "--tick: must be ..."). Throws ArgumentError. An
    // injection is named where it came from: "--scenario: FILE: injections[0]: ..." for the file's
    // (counted from 0, as the file's key paths are), "--inject: injection 1 '1s:write:0:0': ..." for
    // the command line's.
    static void validate(const SimConfig& config, const QCommandLineParser& parser,
                         const std::vector<PointValue>& pointValues = {});
    // A refusal of `error`'s field at the option that set it, as validate() words it.
    static ArgumentError fieldRefusal(const ConfigError& error, const QCommandLineParser& parser,
                                      const std::vector<PointValue>& pointValues = {});
    // --trace and its companions into c.workload.trace: reads the trace file now, so that a bad
    // line is reported (ArgumentError "--trace: FILE:LINE: reason") before anything runs.
    static void readTrace(const QCommandLineParser& parser, SimConfig& c);
    // The option that sets a field of SimConfig or its workload (ConfigField::MaxDowntime gives
    // "--max-downtime"), empty for a field no option sets alone.
    static QString optionForField(ConfigField field);
};

} // namespace bitmig::cli
