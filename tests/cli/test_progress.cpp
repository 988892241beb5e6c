#include "app/cli/progress.h"
#include "clirun.h"

#include <QRegularExpression>

#include <cstdio>
#include <string>

using bitmig::cli::Progress;

namespace {

bitmig::SimConfig shortRun()
{
    bitmig::SimConfig c;
    c.diskBytes = uint64_t(64) << 30;
    c.timeLimitNs = 50'000'000;
    c.migrationStartNs = 10'000'000;
    return c;
}

QStringList linesOf(std::FILE* f)
{
    std::fflush(f);
    std::rewind(f);
    QByteArray all;
    char buf[4096];
    size_t n = 0;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
        all.append(buf, qsizetype(n));
    }
    return QString::fromLocal8Bit(all).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

} // namespace

TEST_CASE("progress reports simulated time, speed and wall time left, and runs as runToEnd() does", "[progress]")
{
    std::FILE* f = std::tmpfile();
    REQUIRE(f);
    bitmig::MigrationEngine withProgress(shortRun());
    Progress p(Progress::Mode::Always, f, 0, 0);  // a report after every step
    REQUIRE(p.enabled());
    p.run(withProgress);
    bitmig::MigrationEngine plain(shortRun());
    plain.runToEnd();
    CHECK(withProgress.nowNs() == plain.nowNs());
    CHECK(withProgress.summary().destinationSha256 == plain.summary().destinationSha256);
    CHECK(withProgress.summary().wireBytes == plain.summary().wireBytes);

    const QStringList lines = linesOf(f);
    std::fclose(f);
    const int64_t steps = plain.nowNs() / shortRun().tickNs;
    CHECK(lines.size() == steps + 1);  // one per step, and the last
    static const QRegularExpression running(QStringLiteral(
        R"(^bitmig: simulated [0-9.]+ (?:m|\x{00b5}|n)?s of at most 50 ms \((idle|setup|bulk|dirty|complete|done)\), )"
        R"([0-9.e+-]+x real time, at most [0-9.]+ (?:m|\x{00b5}|n)?s of wall time left$)"));
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        INFO(lines[i].toStdString());
        CHECK(running.match(lines[i]).hasMatch());
    }
    CHECK(lines.first().startsWith(QStringLiteral("bitmig: simulated 1 ms of at most 50 ms (idle)")));
    INFO(lines.last().toStdString());
    CHECK(lines.last().startsWith(QStringLiteral("bitmig: simulated ") +
                                  QString::fromStdString(std::to_string(plain.nowNs() / 1'000'000)) +
                                  QStringLiteral(" ms of at most 50 ms (done), ")));
    CHECK_FALSE(lines.last().contains(QStringLiteral("left")));
}

TEST_CASE("progress says nothing unless asked or on a terminal", "[progress]")
{
    std::FILE* f = std::tmpfile();
    REQUIRE(f);
    for (const Progress::Mode mode : {Progress::Mode::Auto, Progress::Mode::Never}) {
        Progress p(mode, f, 0, 0);
        CHECK_FALSE(p.enabled());  // a file is no terminal
        bitmig::MigrationEngine e(shortRun());
        p.run(e);
        CHECK(e.finished());
    }
    CHECK(linesOf(f).isEmpty());
    std::fclose(f);
}

TEST_CASE("simulate --progress", "[progress]")
{
    const QStringList base{QStringLiteral("simulate"), QStringLiteral("--disk"), QStringLiteral("64G")};
    const CliRun quiet = CliRun::run(base);
    REQUIRE(quiet.exitCode == 0);
    CHECK(quiet.err.isEmpty());  // standard error is a pipe here, not a terminal
    const CliRun shown = CliRun::run(base + QStringList{QStringLiteral("--progress"), QStringLiteral("always")});
    CHECK(shown.exitCode == 0);
    CHECK(shown.out == quiet.out);
    CHECK(shown.err.startsWith(QStringLiteral("bitmig: simulated ")));
    CHECK(shown.err.contains(QStringLiteral("(done)")));
    CHECK(shown.err.endsWith(QStringLiteral("x real time\n")));
    const CliRun never = CliRun::run(base + QStringList{QStringLiteral("--progress"), QStringLiteral("never")});
    CHECK(never.err.isEmpty());
    const CliRun bad = CliRun::run(base + QStringList{QStringLiteral("--progress"), QStringLiteral("sometimes")});
    CHECK(bad.exitCode == 2);
    CHECK(bad.err == QStringLiteral("bitmig: --progress: 'sometimes' is not auto, always or never\n"));
}

TEST_CASE("sweep --progress reports every point run", "[progress]")
{
    const QStringList base{QStringLiteral("sweep"), QStringLiteral("--disk"), QStringLiteral("64G"),
                           QStringLiteral("--chunks"), QStringLiteral("1K,4K,64K"), QStringLiteral("--vary"),
                           QStringLiteral("strategy=precopy,postcopy"), QStringLiteral("--jobs"), QStringLiteral("2")};
    const CliRun quiet = CliRun::run(base);
    REQUIRE(quiet.exitCode == 0);
    CHECK(quiet.err.isEmpty());
    const CliRun shown = CliRun::run(base + QStringList{QStringLiteral("--progress"), QStringLiteral("always")});
    CHECK(shown.exitCode == 0);
    CHECK(shown.out == quiet.out);
    const QStringList lines = shown.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    REQUIRE(lines.size() == 6);
    static const QRegularExpression point(
        QStringLiteral(R"(^bitmig: sweep: ([1-5]) of 6 points run, [0-9.]+ [mnµ]?s, about [0-9.]+ [mnµ]?s left$)"));
    for (int i = 0; i < 5; ++i) {
        INFO(lines[i].toStdString());
        const auto m = point.match(lines[i]);
        CHECK(m.hasMatch());
        CHECK(m.captured(1) == QString::number(i + 1));
    }
    CHECK(lines[5].startsWith(QStringLiteral("bitmig: sweep: 6 of 6 points run, ")));
    CHECK_FALSE(lines[5].contains(QStringLiteral("left")));
    const CliRun bad = CliRun::run(base + QStringList{QStringLiteral("--progress"), QStringLiteral("loud")});
    CHECK(bad.exitCode == 2);
    CHECK(bad.err == QStringLiteral("bitmig: --progress: 'loud' is not auto, always or never\n"));
}
