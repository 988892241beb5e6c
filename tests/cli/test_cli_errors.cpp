#include "clirun.h"

TEST_CASE("a bad argument exits 2 with one line naming it", "[errors]")
{
    const struct {
        QStringList args;
        const char* named;
    } cases[] = {
        {{QStringLiteral("simulate"), QStringLiteral("--chunk"), QStringLiteral("3K")}, "--chunk: '3K'"},
        {{QStringLiteral("simulate"), QStringLiteral("--disk"), QStringLiteral("1Q")}, "--disk: '1Q'"},
        {{QStringLiteral("simulate"), QStringLiteral("--bandwidth"), QStringLiteral("fast")}, "--bandwidth: 'fast'"},
        {{QStringLiteral("simulate"), QStringLiteral("--strategy"), QStringLiteral("warp")}, "--strategy: 'warp'"},
        {{QStringLiteral("simulate"), QStringLiteral("--frobnicate")}, "--frobnicate"},
        {{QStringLiteral("simulate"), QStringLiteral("--disk")}, "--disk"},
        {{QStringLiteral("simulate"), QStringLiteral("--tick"), QStringLiteral("0")}, "--tick:"},
        {{QStringLiteral("simulate"), QStringLiteral("--max-downtime"), QStringLiteral("soon")}, "--max-downtime:"},
        {{QStringLiteral("simulate"), QStringLiteral("--hot-fraction"), QStringLiteral("2")}, "--hot-fraction:"},
        {{QStringLiteral("simulate"), QStringLiteral("--inject"), QStringLiteral("1s:write:2T:4K")}, "--inject:"},
        {{QStringLiteral("simulate"), QStringLiteral("stray")}, "stray"},
        {{QStringLiteral("geometry"), QStringLiteral("--granularity"), QStringLiteral("1000")}, "--granularity:"},
        {{QStringLiteral("geometry"), QStringLiteral("--chunks"), QStringLiteral("1K,3")}, "--chunks: '3'"},
        {{QStringLiteral("sweep"), QStringLiteral("--vary"), QStringLiteral("speed=1,2")}, "--vary: 'speed'"},
        {{QStringLiteral("sweep"), QStringLiteral("--format"), QStringLiteral("xml")}, "--format: 'xml'"},
        {{QStringLiteral("sweep"), QStringLiteral("--best"), QStringLiteral("cheapest")}, "--best: 'cheapest'"},
        {{QStringLiteral("sweep"), QStringLiteral("--chunk"), QStringLiteral("1K")}, "--chunk"},
        {{QStringLiteral("stream-info")}, "FILE"},
        {{QStringLiteral("stream-info"), QStringLiteral("/nonexistent/stream.bin")}, "/nonexistent/stream.bin"},
        {{QStringLiteral("teleport")}, "'teleport'"},
        {{QStringLiteral("help"), QStringLiteral("teleport")}, "'teleport'"},
    };
    for (const auto& c : cases) {
        INFO(describe(c.args).toStdString());
        const CliRun r = CliRun::run(c.args);
        CHECK(r.exitCode == 2);
        CHECK(r.out.isEmpty());
        CHECK(r.err.startsWith(QStringLiteral("bitmig: ")));
        CHECK(r.err.count(QLatin1Char('\n')) == 1);
        CHECK(r.err.contains(QLatin1String(c.named)));
    }
}

TEST_CASE("help and version", "[errors]")
{
    const CliRun help = CliRun::run({QStringLiteral("--help")});
    CHECK(help.exitCode == 0);
    for (const char* command : {"geometry", "simulate", "sweep", "stream-info"}) {
        CHECK(help.out.contains(QLatin1String(command)));
    }
    const CliRun simulate = CliRun::run({QStringLiteral("help"), QStringLiteral("simulate")});
    CHECK(simulate.exitCode == 0);
    CHECK(simulate.out.startsWith(QStringLiteral("Usage: bitmig simulate")));
    CHECK(simulate.out.contains(QStringLiteral("--max-downtime")));
    CHECK(simulate.out.contains(QStringLiteral("--timeseries")));
    const CliRun sweep = CliRun::run({QStringLiteral("sweep"), QStringLiteral("--help")});
    CHECK(sweep.exitCode == 0);
    CHECK(sweep.out.contains(QStringLiteral("--vary")));
    const CliRun version = CliRun::run({QStringLiteral("--version")});
    CHECK(version.exitCode == 0);
    CHECK(version.out.startsWith(QStringLiteral("bitmig ")));
    const CliRun none = CliRun::run({});
    CHECK(none.exitCode == 2);
    CHECK(none.err.contains(QStringLiteral("Usage:")));
}
