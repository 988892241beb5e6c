#include "commandline.h"

#include "argumenterror.h"
#include "attachcommand.h"
#include "geometrycommand.h"
#include "qcow2command.h"
#include "simulatecommand.h"
#include "streaminfocommand.h"
#include "sweepcommand.h"

#include <QCoreApplication>

#include <exception>

namespace bitmig::cli {

namespace {

QString dashed(const QString& name)
{
    return (name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name;
}

} // namespace

CommandLine::CommandLine()
{
    commands_.push_back(std::make_unique<GeometryCommand>());
    commands_.push_back(std::make_unique<SimulateCommand>());
    commands_.push_back(std::make_unique<SweepCommand>());
    commands_.push_back(std::make_unique<StreamInfoCommand>());
    commands_.push_back(std::make_unique<Qcow2Command>());
    commands_.push_back(std::make_unique<AttachCommand>());
}

CommandLine::~CommandLine() = default;

const Command* CommandLine::find(const QString& name) const
{
    for (const auto& c : commands_) {
        if (c->name() == name) {
            return c.get();
        }
    }
    return nullptr;
}

void CommandLine::addHelp(QCommandLineParser& parser)
{
    parser.addOption(QCommandLineOption({QStringLiteral("h"), QStringLiteral("help")},
                                        QCoreApplication::translate("bitmig", "Show this help.")));
}

void CommandLine::writeUsage(QTextStream& stream) const
{
    stream << QCoreApplication::translate("bitmig", "Usage: bitmig COMMAND [options]") << "\n\n"
           << QCoreApplication::translate("bitmig", "Bitmap Migration Lab: simulates the live migration of QEMU "
                                                    "block dirty bitmaps.")
           << "\n\n"
           << QCoreApplication::translate("bitmig", "Commands:") << '\n';
    for (const auto& c : commands_) {
        stream << "  " << c->name().leftJustified(13) << ' ' << c->summary() << '\n';
    }
    stream << "  " << QStringLiteral("help").leftJustified(13) << ' '
           << QCoreApplication::translate("bitmig", "Show the options of a command: bitmig help COMMAND.") << "\n\n"
           << QCoreApplication::translate("bitmig", "Options:") << '\n'
           << "  " << QStringLiteral("-h, --help").leftJustified(13) << ' '
           << QCoreApplication::translate("bitmig", "Show this help.") << '\n'
           << "  " << QStringLiteral("--version").leftJustified(13) << ' '
           << QCoreApplication::translate("bitmig", "Show the version.") << "\n\n"
           << QCoreApplication::translate("bitmig", "Sizes take binary suffixes (64K, 1M, 1T), bandwidths Mbit, Gbit "
                                                    "or MB/s, times ns, us, ms, s. Exit status: 0 success, 1 the run "
                                                    "did not verify or the stream or image is malformed, 2 bad arguments.")
           << '\n';
}

QString CommandLine::commandHelp(const Command& command) const
{
    QCommandLineParser parser;
    addHelp(parser);
    command.setUp(parser);
    // Qt's first line names the program file; ours names the command.
    QString text = parser.helpText();
    const qsizetype eol = text.indexOf(QLatin1Char('\n'));
    return QCoreApplication::translate("bitmig", "Usage: %1").arg(command.usage()) +
           (eol >= 0 ? QLatin1Char('\n') + text.mid(eol) : QString());
}

int CommandLine::run(const QStringList& arguments, QTextStream& out, QTextStream& err) const
{
    const QStringList args = arguments.mid(1);
    if (args.isEmpty()) {
        writeUsage(err);
        return ExitBadArguments;
    }
    const QString first = args.first();
    if (first == QLatin1String("--help") || first == QLatin1String("-h")) {
        writeUsage(out);
        return ExitOk;
    }
    if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
        out << QStringLiteral("bitmig ") << QCoreApplication::applicationVersion() << '\n';
        return ExitOk;
    }
    if (first == QLatin1String("help")) {
        if (args.size() == 1) {
            writeUsage(out);
            return ExitOk;
        }
        const Command* command = find(args[1]);
        if (!command || args.size() > 2) {
            err << QCoreApplication::translate("bitmig", "bitmig: help: '%1' is not a command (try bitmig --help)")
                       .arg(args.size() > 2 && command ? args[2] : args[1])
                << '\n';
            return ExitBadArguments;
        }
        out << commandHelp(*command);
        return ExitOk;
    }
    const Command* command = find(first);
    if (!command) {
        err << (first.startsWith(QLatin1Char('-'))
                    ? QCoreApplication::translate("bitmig", "bitmig: unknown option '%1' (a command comes first; "
                                                            "try bitmig --help)")
                    : QCoreApplication::translate("bitmig", "bitmig: '%1' is not a command (try bitmig --help)"))
                   .arg(first)
            << '\n';
        return ExitBadArguments;
    }

    QCommandLineParser parser;
    addHelp(parser);
    command->setUp(parser);
    const QString prefix = QStringLiteral("bitmig: ");
    if (!parser.parse(QStringList{QStringLiteral("bitmig ") + command->name()} + args.mid(1))) {
        const QStringList unknown = parser.unknownOptionNames();
        err << prefix
            << (unknown.isEmpty() ? parser.errorText()
                                  : QCoreApplication::translate("bitmig", "unknown option '%1' (try bitmig help %2)")
                                        .arg(dashed(unknown.first()), command->name()))
            << '\n';
        return ExitBadArguments;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << commandHelp(*command);
        return ExitOk;
    }
    try {
        return command->run(parser, out, err);
    } catch (const ArgumentError& e) {
        out.flush();
        err << prefix << e.message() << '\n';
        return ExitBadArguments;
    } catch (const std::exception& e) {
        // Not expected: the options were validated, so this is a bug worth reporting as such.
        out.flush();
        err << prefix << QCoreApplication::translate("bitmig", "internal error: %1").arg(QString::fromStdString(e.what()))
            << '\n';
        return ExitFailed;
    }
}

} // namespace bitmig::cli
