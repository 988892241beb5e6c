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

TEST_CASE("a whole-number option states its range, also for a number that is too large", "[errors]")
{
    const QString sim = QStringLiteral("simulate"), sweep = QStringLiteral("sweep");
    const struct {
        QStringList args;
        QString message;
    } cases[] = {
        {{sim, QStringLiteral("--seed"), QStringLiteral("18446744073709551616")},
         QStringLiteral("--seed: '18446744073709551616' is too large (use a whole number from 0 to 2^64 - 1)")},
        {{sim, QStringLiteral("--seed"), QStringLiteral("99999999999999999999999")},
         QStringLiteral("--seed: '99999999999999999999999' is too large (use a whole number from 0 to 2^64 - 1)")},
        {{sim, QStringLiteral("--seed"), QStringLiteral("-1")},
         QStringLiteral("--seed: '-1' is not a whole number from 0 to 2^64 - 1")},
        {{sim, QStringLiteral("--seed"), QStringLiteral("1e3")},
         QStringLiteral("--seed: '1e3' is not a whole number from 0 to 2^64 - 1")},
        {{sim, QStringLiteral("--max-passes"), QStringLiteral("100001")},
         QStringLiteral("--max-passes: '100001' is too large (use a whole number from 0 to 100000)")},
        {{sim, QStringLiteral("--max-passes"), QStringLiteral("18446744073709551616")},
         QStringLiteral("--max-passes: '18446744073709551616' is too large (use a whole number from 0 to 100000)")},
        {{sim, QStringLiteral("--max-passes"), QStringLiteral("many")},
         QStringLiteral("--max-passes: 'many' is not a whole number from 0 to 100000")},
        {{sweep, QStringLiteral("--jobs"), QStringLiteral("0")},
         QStringLiteral("--jobs: '0' is too small (use a whole number from 1 to 1024)")},
        {{sweep, QStringLiteral("--jobs"), QStringLiteral("18446744073709551616")},
         QStringLiteral("--jobs: '18446744073709551616' is too large (use a whole number from 1 to 1024)")},
    };
    for (const auto& c : cases) {
        INFO(describe(c.args).toStdString());
        const CliRun r = CliRun::run(c.args);
        CHECK(r.exitCode == 2);
        CHECK(r.out.isEmpty());
        CHECK(r.err == QStringLiteral("bitmig: ") + c.message + QLatin1Char('\n'));
    }
    // The largest seed and a leading plus sign are accepted.
    for (const char* seed : {"18446744073709551615", "+5"}) {
        const CliRun r = CliRun::run({sim, QStringLiteral("--disk"), QStringLiteral("64G"), QStringLiteral("--seed"),
                                      QLatin1String(seed), QStringLiteral("--time-limit"), QStringLiteral("10ms")});
        INFO(seed << ": " << r.err.toStdString());
        CHECK(r.exitCode != 2);
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

TEST_CASE("a huge argument value is quoted by a short prefix", "[errors]")
{
    const QString huge(100000, QLatin1Char('x'));  // one argument may be at most 128 KiB
    for (const char* option : {"--disk", "--strategy", "--bandwidth", "--latency", "--workload", "--rate",
                               "--write-size", "--max-passes", "--inject"}) {
        const QStringList args{QStringLiteral("simulate"), QLatin1String(option), huge};
        INFO(option);
        const CliRun r = CliRun::run(args);
        INFO(r.err.left(300).toStdString());
        CHECK(r.exitCode == 2);
        CHECK(r.err.startsWith(QStringLiteral("bitmig: ") + QLatin1String(option) + QStringLiteral(": ")));
        CHECK(r.err.count(QLatin1Char('\n')) == 1);
        CHECK(r.err.size() < 300);
    }
}

TEST_CASE("a value simulate refuses is reported at the option that set it, with the value given and validate()'s reason", "[errors]")
{
    const QString sim = QStringLiteral("simulate");
    const struct {
        QStringList args;
        QString line;
    } cases[] = {
        {{sim, QStringLiteral("--tick"), QStringLiteral("2s")}, QStringLiteral("--tick: '2s': must be between 1 µs and 1 s")},
        {{sim, QStringLiteral("--max-downtime"), QStringLiteral("600000min")},
         QStringLiteral("--max-downtime: '600000min': must be at most 365 days (31536000 s), got 36000000000000000 ns")},
        {{sim, QStringLiteral("--rate"), QStringLiteral("2G")},
         QStringLiteral("--rate: '2G': must be between 0 and 1e9 writes per second")},
        {{sim, QStringLiteral("--hot-fraction"), QStringLiteral("2")},
         QStringLiteral("--hot-fraction: '2': must be in (0, 1]")},
        {{sim, QStringLiteral("--hot-fraction"), QStringLiteral("0")},
         QStringLiteral("--hot-fraction: '0': must be in (0, 1]")},
        {{sim, QStringLiteral("--hot-share"), QStringLiteral("1.5")},
         QStringLiteral("--hot-share: '1.5': must be in [0, 1]")},
        {{sim, QStringLiteral("--zipf-exponent"), QStringLiteral("11")},
         QStringLiteral("--zipf-exponent: '11': must be in (0, 10]")},
        {{sim, QStringLiteral("--burst-duty"), QStringLiteral("3")},
         QStringLiteral("--burst-duty: '3': must be from 0.000001 to 1")},
        {{sim, QStringLiteral("--disk"), QStringLiteral("1M"), QStringLiteral("--write-size"), QStringLiteral("4K..2M")},
         QStringLiteral("--write-size: '4K..2M': is larger than the disk")},
        {{sim, QStringLiteral("--write-size"), QStringLiteral("0")},
         QStringLiteral("--write-size: '0': must be a positive multiple of 512 bytes")},
        {{sim, QStringLiteral("--write-size"), QStringLiteral("4K..6000")},
         QStringLiteral("--write-size: '4K..6000': must be a multiple of 512 bytes and at least minWriteBytes")},
        // No --write-size given: the default is refused, and there is no text of the user's to show.
        {{sim, QStringLiteral("--disk"), QStringLiteral("32K")}, QStringLiteral("--write-size: is larger than the disk")},
        {{sim, QStringLiteral("--sample-interval"), QStringLiteral("1us")},
         QStringLiteral("--sample-interval: '1us': must be at least one tick")},
        {{sim, QStringLiteral("--device"), QString()}, QStringLiteral("--device: '': name must be 1 to 255 bytes long")},
        {{sim, QStringLiteral("--bandwidth"), QStringLiteral("100bit")},
         QStringLiteral("--bandwidth: '100bit': must be from 1 kbit/s to 10 Tbit/s (125 to 1.25e12 bytes per second), "
                        "got 12.5 bytes per second")},
        {{sim, QStringLiteral("--disk"), QStringLiteral("1M"), QStringLiteral("--inject"), QStringLiteral("1s:write:0:0")},
         QStringLiteral("--inject: injection 1 '1s:write:0:0': length must be above zero")},
        {{sim, QStringLiteral("--disk"), QStringLiteral("1M"), QStringLiteral("--inject"), QStringLiteral("1s:write:0:4K"),
          QStringLiteral("--inject"), QStringLiteral("0s:clear:1M:4K")},
         QStringLiteral("--inject: injection 2 '0s:clear:1M:4K': range [1048576, +4096) is past the end of the disk")},
        {{QStringLiteral("geometry"), QStringLiteral("--disk"), QStringLiteral("1000")},
         QStringLiteral("--disk: '1000': must be a positive multiple of 512 bytes, got 1000")},
        {{QStringLiteral("geometry"), QStringLiteral("--granularity"), QStringLiteral("4G")},
         QStringLiteral("--granularity: '4G': must be at most 2 GiB (a START record carries it in 32 bits)")},
        // A sweep point's own value is named where it came from: --vary, or its chunk of --chunks.
        {{QStringLiteral("sweep"), QStringLiteral("--chunks"), QStringLiteral("1K"), QStringLiteral("--rate"),
          QStringLiteral("5k"), QStringLiteral("--vary"), QStringLiteral("rate=2G")},
         QStringLiteral("--vary rate: '2G': must be between 0 and 1e9 writes per second")},
        {{QStringLiteral("sweep"), QStringLiteral("--disk"), QStringLiteral("4T"), QStringLiteral("--granularity"),
          QStringLiteral("1M"), QStringLiteral("--chunks"), QStringLiteral("1M")},
         QStringLiteral("--chunks: '1 MiB': one chunk would cover 2^32 sectors or more, which a BITS record cannot "
                        "describe (nr_sectors is 32-bit); use a smaller chunk or granularity")},
    };
    for (const auto& c : cases) {
        INFO(describe(c.args).toStdString());
        const CliRun r = CliRun::run(c.args);
        CHECK(r.exitCode == 2);
        CHECK(r.err == QStringLiteral("bitmig: ") + c.line + QLatin1Char('\n'));
    }
}
