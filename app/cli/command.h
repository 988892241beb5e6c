// One subcommand of `bitmig`: declares its options on a parser, then runs on what was parsed.
#pragma once

#include <QCommandLineParser>
#include <QString>
#include <QTextStream>

namespace bitmig::cli {

// Exit statuses shared by every command (docs/cli.md).
enum ExitStatus : int {
    ExitOk = 0,
    ExitFailed = 1,       // the run did not verify or finish, the stream is malformed
    ExitBadArguments = 2,
};

class Command {
public:
    virtual ~Command() = default;

    virtual QString name() const = 0;
    virtual QString summary() const = 0;      // one line for `bitmig --help`
    virtual QString usage() const = 0;        // "bitmig simulate [options]"
    virtual void setUp(QCommandLineParser& parser) const = 0;
    // Throws ArgumentError for a value it cannot use; returns the exit status otherwise.
    virtual int run(const QCommandLineParser& parser, QTextStream& out, QTextStream& err) const = 0;
};

} // namespace bitmig::cli
