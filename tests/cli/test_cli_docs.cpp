// The examples in docs/cli.md and docs/scenario.md, run as written.
#include "clirun.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

namespace {

QString readDoc(const QString& name)
{
    QFile f(QStringLiteral(BITMIG_SOURCE_DIR "/docs/") + name);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return QString::fromUtf8(f.readAll());
}

// The text between a heading and the next heading of the same or a higher level.
QString section(const QString& doc, const QString& heading)
{
    const qsizetype start = doc.indexOf(QLatin1Char('\n') + heading + QLatin1Char('\n'));
    REQUIRE(start >= 0);
    const qsizetype end = doc.indexOf(QStringLiteral("\n## "), start + 1);
    return doc.mid(start, end < 0 ? -1 : end - start);
}

// Words as a shell splits them here: white space, and '...' for a word with spaces in it.
QStringList shellWords(const QString& line)
{
    QStringList words;
    QString word;
    bool quoted = false, any = false;
    for (const QChar c : line) {
        if (c == QLatin1Char('\'')) {
            quoted = !quoted;
            any = true;
        } else if (c.isSpace() && !quoted) {
            if (any) {
                words.append(word);
            }
            word.clear();
            any = false;
        } else {
            REQUIRE(c != QLatin1Char('"'));  // not handled here: the examples use none
            word += c;
            any = true;
        }
    }
    REQUIRE_FALSE(quoted);
    if (any) {
        words.append(word);
    }
    return words;
}

struct Ran {
    int exitCode = -1;
    QString err;
};

// `> FILE` at the end of a command sends its standard output to FILE (in `dir`).
Ran runIn(const QString& dir, QStringList words)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    if (words.size() >= 3 && words[words.size() - 2] == QLatin1String(">")) {
        p.setStandardOutputFile(dir + QLatin1Char('/') + words.last());
        words.resize(words.size() - 2);
    }
    const QString program =
        words.first() == QLatin1String("bitmig") ? QStringLiteral(BITMIG_EXECUTABLE) : words.first();
    p.start(program, words.mid(1));
    INFO(words.first().toStdString() << " is needed (run.sh installs qemu-utils and fio)");
    REQUIRE(p.waitForStarted(10000));
    REQUIRE(p.waitForFinished(120000));
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromLocal8Bit(p.readAllStandardError())};
}

} // namespace

TEST_CASE("every command of the examples in docs/cli.md runs as written", "[docs]")
{
    const QString examples = section(readDoc(QStringLiteral("cli.md")), QStringLiteral("## Examples"));
    QStringList commands;
    QString pending;
    for (const QString& raw : examples.split(QLatin1Char('\n'))) {
        if (!raw.startsWith(QStringLiteral("    "))) {
            continue;
        }
        const QString line = raw.trimmed();
        if (line.startsWith(QLatin1Char('#')) || line.isEmpty()) {
            continue;
        }
        pending += line;
        if (pending.endsWith(QLatin1Char('\\'))) {
            pending.chop(1);
            continue;
        }
        commands.append(pending);
        pending.clear();
    }
    REQUIRE(pending.isEmpty());
    REQUIRE(commands.size() >= 12);
    // The exact decimal times of the issue that started this test are among them.
    REQUIRE(commands.join(QLatin1Char('\n')).contains(QStringLiteral("--inject 1.005s:write:100G:1M")));

    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    for (const QString& command : commands) {
        INFO(command.toStdString());
        const Ran r = runIn(dir.path(), shellWords(command));
        INFO(r.err.toStdString());
        CHECK(r.exitCode == 0);
    }
}

TEST_CASE("the time forms docs/cli.md lists are read by the command line", "[docs]")
{
    const QString doc = readDoc(QStringLiteral("cli.md"));
    const qsizetype row = doc.indexOf(QStringLiteral("\n| time | "));
    REQUIRE(row >= 0);
    const QString line = doc.mid(row + 1, doc.indexOf(QLatin1Char('\n'), row + 1) - row - 1);
    static const QRegularExpression code(QStringLiteral("`([^`]+)`"));
    QStringList forms;
    for (auto it = code.globalMatch(line); it.hasNext();) {
        forms.append(it.next().captured(1));
    }
    REQUIRE(forms.size() >= 5);
    for (const QString& form : forms) {
        INFO(form.toStdString());
        const CliRun r = CliRun::run({QStringLiteral("simulate"), QStringLiteral("--disk"), QStringLiteral("64G"),
                                      QStringLiteral("--latency"), form, QStringLiteral("--json")});
        INFO(r.err.toStdString());
        CHECK(r.exitCode == 0);
    }
}

TEST_CASE("the example and the duration forms of docs/scenario.md are read as written", "[docs]")
{
    const QString doc = readDoc(QStringLiteral("scenario.md"));
    const qsizetype open = doc.indexOf(QStringLiteral("```json\n"));
    REQUIRE(open >= 0);
    const qsizetype close = doc.indexOf(QStringLiteral("```"), open + 8);
    const QString example = doc.mid(open + 8, close - open - 8);
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("example.json"));
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(example.toUtf8());
    f.close();
    const CliRun r = CliRun::run({QStringLiteral("simulate"), QStringLiteral("--scenario"), path});
    INFO(r.err.toStdString());
    CHECK(r.exitCode == 0);

    // Every duration string the document shows, in the Values table and in its text ("2.05s").
    static const QRegularExpression quotedDuration(QStringLiteral(R"re(`"([0-9.]+ ?(?:ns|us|ms|s|min|h))"`)re"));
    QStringList forms;
    for (auto it = quotedDuration.globalMatch(doc); it.hasNext();) {
        forms.append(it.next().captured(1));
    }
    REQUIRE(forms.contains(QStringLiteral("2.05s")));
    REQUIRE(forms.contains(QStringLiteral("1.5s")));
    for (const QString& form : forms) {
        INFO(form.toStdString());
        QFile s(path);
        REQUIRE(s.open(QIODevice::WriteOnly | QIODevice::Truncate));
        s.write(QStringLiteral(R"({"format": "bitmig-scenario", "version": 1, "disk": "64G", "latency": "%1"})")
                    .arg(form)
                    .toUtf8());
        s.close();
        // Read and accepted: the run goes (for 1 ms; "8760h" of latency does not arrive in that time).
        const CliRun run = CliRun::run({QStringLiteral("simulate"), QStringLiteral("--scenario"), path,
                                        QStringLiteral("--time-limit"), QStringLiteral("1ms"), QStringLiteral("--json")});
        INFO(run.err.toStdString());
        CHECK((run.exitCode == 0 || run.exitCode == 1));
        CHECK(run.json().value(QStringLiteral("config")).toObject().contains(QStringLiteral("latencyNs")));
    }
}
