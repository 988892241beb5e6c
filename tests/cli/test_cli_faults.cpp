// --fault and --fault-retry: link faults on a schedule, in simulate, sweep and scenario files.
#include "clirun.h"

#include <QFile>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTemporaryDir>

namespace {

QString s(const char* text)
{
    return QString::fromLatin1(text);
}

// A migration of 128 chunks over a slow link: about 0.27 s, bulk then complete.
QStringList small()
{
    return {s("simulate"), s("--disk"), s("64G"), s("--rate"), s("3000"), s("--bandwidth"), s("1MB/s")};
}

double number(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toDouble(-1);
}

} // namespace

TEST_CASE("simulate --fault: retried faults, faults while none ran and after the end are counted", "[fault]")
{
    const QStringList args = small() + QStringList{s("--fault"), s("20ms"), s("--fault"), s("0"), s("--fault"),
                                                   s("50ms"), s("--fault-retry"), s("10ms"), s("--fault"),
                                                   s("25ms"), s("--fault"), s("60min")};
    INFO(describe(args).toStdString());
    const CliRun text = CliRun::run(args);
    REQUIRE(text.exitCode == 0);
    CHECK(text.row(s("Link faults")) == s("at 0 ns, 20 ms, 25 ms, 50 ms, 3600 s; retry after 10 ms"));
    // 0: before the migration starts in that tick; 25 ms: while the retry waits; 60 min: never reached.
    CHECK(text.row(s("Faults")) == s("2 cut the migration, 2 while none ran, 1 after the run ended; 2 retries"));
    CHECK(text.row(s("Aborted")) == s("no"));
    CHECK(text.row(s("Finished")) == s("yes"));
    CHECK(text.row(s("Verified")) == s("yes"));
    CHECK(text.row(s("Migration start")) == s("60 ms"));  // the second retry: 50 ms + 10 ms

    const CliRun json = CliRun::run(args + QStringList{s("--json")});
    REQUIRE(json.exitCode == 0);
    const QJsonObject o = json.json();
    CHECK(number(o, "faults") == 2);
    CHECK(number(o, "faultsIdle") == 2);
    CHECK(number(o, "retries") == 2);
    CHECK(o.value(s("aborted")).toBool(true) == false);
    CHECK(o.value(s("verified")).toBool());
    CHECK(number(o, "lostBits") == 0);
    const QJsonObject config = o.value(s("config")).toObject();
    CHECK(config.value(s("faultsNs")).toArray() ==
          QJsonArray{20e6, 0.0, 50e6, 25e6, 3600e9});
    CHECK(number(config, "faultRetryNs") == 10e6);
    // Phases: two attempts cut in the bulk phase, then the one that completes.
    QStringList phases;
    for (const QJsonValue& p : o.value(s("phases")).toArray()) {
        phases << p.toObject().value(s("phase")).toString();
    }
    CHECK(phases.join(QLatin1Char(' ')) ==
          s("idle setup bulk cancelled setup bulk cancelled setup bulk complete done"));

    // Without faults the summary has no fault rows, and the JSON counts zero.
    const CliRun plain = CliRun::run(small());
    REQUIRE(plain.exitCode == 0);
    CHECK(plain.row(s("Faults")).isEmpty());
    CHECK(plain.row(s("Link faults")).isEmpty());
}

TEST_CASE("simulate --fault without --fault-retry ends aborted, exit 1, the source's digest kept", "[fault]")
{
    const QStringList args = small() + QStringList{s("--fault"), s("20ms"), s("--fault"), s("30ms")};
    const CliRun text = CliRun::run(args);
    CHECK(text.exitCode == 1);
    CHECK(text.err == s("bitmig: a link fault aborted the migration at 20 ms (no --fault-retry)\n"));
    CHECK(text.row(s("Link faults")) == s("at 20 ms, 30 ms; no retry"));
    CHECK(text.row(s("Finished")) == s("no (aborted by a link fault)"));
    CHECK(text.row(s("Faults")) == s("1 cut the migration, 0 while none ran, 1 after the run ended; 0 retries"));
    CHECK(text.row(s("Aborted")) == s("yes"));
    CHECK(text.row(s("Source SHA-256")).size() == 64);

    const CliRun json = CliRun::run(args + QStringList{s("--json")});
    CHECK(json.exitCode == 1);
    const QJsonObject o = json.json();
    CHECK(o.value(s("aborted")).toBool());
    CHECK(o.value(s("cancelled")).toBool());
    CHECK_FALSE(o.value(s("finished")).toBool(true));
    CHECK(number(o, "faults") == 1);
    CHECK(number(o, "retries") == 0);
    CHECK(number(o.value(s("config")).toObject(), "faultRetryNs") == -1);
    CHECK(o.value(s("sourceSha256")).toString() == text.row(s("Source SHA-256")));
}

TEST_CASE("bad --fault and --fault-retry values name the option", "[fault]")
{
    const CliRun unit = CliRun::run(small() + QStringList{s("--fault"), s("2x")});
    CHECK(unit.exitCode == 2);
    CHECK(unit.err.startsWith(s("bitmig: --fault: '2x'")));
    const CliRun retry = CliRun::run(small() + QStringList{s("--fault"), s("1s"), s("--fault-retry"), s("soon")});
    CHECK(retry.exitCode == 2);
    CHECK(retry.err.startsWith(s("bitmig: --fault-retry: 'soon'")));
    const CliRun empty = CliRun::run(small() + QStringList{s("--fault")});
    CHECK(empty.exitCode == 2);
    CHECK(empty.err.contains(s("--fault")));
}

TEST_CASE("scenario files carry faults and faultRetry (version 3), --fault adds, --fault-retry overrides", "[fault][scenario]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(s("f.json"));
    {
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(R"({"format": "bitmig-scenario", "version": 3, "disk": "64G", "bandwidth": "1MB/s",
            "workload": {"rate": 3000}, "faults": ["20ms", "50ms"], "faultRetry": "10ms"})");
    }
    const CliRun fromFile = CliRun::run({s("simulate"), s("--scenario"), path, s("--json")});
    const CliRun fromOptions = CliRun::run(small() + QStringList{s("--fault"), s("20ms"), s("--fault"), s("50ms"),
                                                                 s("--fault-retry"), s("10ms"), s("--json")});
    REQUIRE(fromFile.exitCode == 0);
    REQUIRE(fromOptions.exitCode == 0);
    CHECK(fromFile.out == fromOptions.out);
    CHECK(number(fromFile.json(), "retries") == 2);

    // --fault adds to the file's faults, --fault-retry none turns the retry off: the first one aborts.
    const CliRun more = CliRun::run({s("simulate"), s("--scenario"), path, s("--fault"), s("5ms"),
                                     s("--fault-retry"), s("none"), s("--json")});
    CHECK(more.exitCode == 1);
    CHECK(more.json().value(s("config")).toObject().value(s("faultsNs")).toArray() == QJsonArray{20e6, 50e6, 5e6});
    CHECK(more.json().value(s("aborted")).toBool());
    CHECK(more.json().value(s("phases")).toArray().last().toObject().value(s("startNs")).toDouble() == 5e6);

    // A version 2 file may not use the keys.
    const QString old = dir.filePath(s("old.json"));
    {
        QFile f(old);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(R"({"format": "bitmig-scenario", "version": 2, "faults": ["1s"]})");
    }
    const CliRun refused = CliRun::run({s("simulate"), s("--scenario"), old});
    CHECK(refused.exitCode == 2);
    CHECK(refused.err == s("bitmig: --scenario: ") + old +
                             s(": faults: needs version 3 of the format; the file says version 2\n"));
}

TEST_CASE("sweep --fault: every point is cut and retried", "[fault][sweep]")
{
    const CliRun r = CliRun::run({s("sweep"), s("--disk"), s("64G"), s("--rate"), s("3000"), s("--bandwidth"),
                                  s("1MB/s"), s("--chunks"), s("1K,4K"), s("--fault"), s("15ms"), s("--fault-retry"),
                                  s("5ms"), s("--format"), s("json")});
    REQUIRE(r.exitCode == 0);
    const QJsonArray points = r.json().value(s("points")).toArray();
    REQUIRE(points.size() == 2);
    for (const QJsonValue& p : points) {
        const QJsonObject summary = p.toObject().value(s("summary")).toObject();
        CHECK(number(summary, "faults") == 1);
        CHECK(number(summary, "retries") == 1);
        CHECK(summary.value(s("verified")).toBool());
    }
    const CliRun aborted = CliRun::run({s("sweep"), s("--disk"), s("64G"), s("--rate"), s("3000"), s("--bandwidth"),
                                        s("1MB/s"), s("--chunks"), s("1K"), s("--fault"), s("15ms"), s("--format"),
                                        s("json")});
    CHECK(aborted.exitCode == 1);
    const QJsonObject summary =
        aborted.json().value(s("points")).toArray().first().toObject().value(s("summary")).toObject();
    CHECK(summary.value(s("aborted")).toBool());
}

// Random fault times over the three strategies through the command: what the summaries say.
TEST_CASE("simulate with random faults: retried runs verify, the others end aborted", "[fault]")
{
    QRandomGenerator rng(17);
    const char* strategies[] = {"precopy", "postcopy", "stop-copy"};
    int verified = 0, aborted = 0;
    for (int i = 0; i < 36; ++i) {
        QStringList args = small() + QStringList{s("--strategy"), s(strategies[i % 3]), s("--seed"),
                                                 QString::number(i + 1), s("--json")};
        const int n = 1 + int(rng.bounded(4));
        for (int k = 0; k < n; ++k) {
            args << s("--fault") << QString::number(rng.bounded(120)) + s("ms");
        }
        const bool retry = i % 2 == 0;
        if (retry) {
            args << s("--fault-retry") << QString::number(rng.bounded(30)) + s("ms");
        }
        INFO(describe(args).toStdString());
        const CliRun r = CliRun::run(args);
        const QJsonObject o = r.json();
        CHECK(number(o, "lostBits") == 0);
        CHECK(number(o, "faults") + number(o, "faultsIdle") <= n);
        if (retry || number(o, "faults") == 0) {
            CHECK(r.exitCode == 0);
            CHECK(o.value(s("verified")).toBool());
            CHECK(number(o, "retries") == number(o, "faults"));
            verified += o.value(s("verified")).toBool();
        } else {
            CHECK(r.exitCode == 1);
            CHECK(o.value(s("aborted")).toBool());
            CHECK(number(o, "faults") == 1);
            aborted += o.value(s("aborted")).toBool();
        }
    }
    CHECK(verified > 10);
    CHECK(aborted > 5);
}
