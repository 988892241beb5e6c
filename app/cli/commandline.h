// `bitmig COMMAND [options]`: picks the command, parses its options, maps errors to exit statuses.
#pragma once

#include "command.h"

#include <QStringList>
#include <QTextStream>

#include <memory>
#include <vector>

namespace bitmig::cli {

class CommandLine {
public:
    CommandLine();
    ~CommandLine();

    // `arguments` as QCoreApplication::arguments() gives them, program name first.
    int run(const QStringList& arguments, QTextStream& out, QTextStream& err) const;

private:
    const Command* find(const QString& name) const;
    void writeUsage(QTextStream& stream) const;
    QString commandHelp(const Command& command) const;
    static void addHelp(QCommandLineParser& parser);

    std::vector<std::unique_ptr<Command>> commands_;
};

} // namespace bitmig::cli
