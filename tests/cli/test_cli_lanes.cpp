// `bitmig simulate --scenario` on a comparison (a scenario with lanes): every lane runs, one summary
// each, as text and as JSON; each lane's figures are those of the same parameters run alone.
#include "clirun.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>

namespace {

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

constexpr const char* kComparison = R"({"format": "bitmig-scenario", "version": 5, "name": "chunks",
    "disk": "64G", "chunk": "1K", "seed": 3, "migrationStart": "500ms", "bandwidth": "100Mbit",
    "workload": {"type": "uniform", "rate": 2000, "writeSize": "4K"},
    "lanes": [{"chunk": "1M"}, {"name": "small", "chunk": "32"}, {"strategy": "postcopy"}]})";

} // namespace

TEST_CASE("simulate runs every lane of a comparison and prints one summary per lane", "[scenario][lanes]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cmp.json"));
    writeFile(path, kComparison);

    const CliRun j = CliRun::run({QStringLiteral("simulate"), QStringLiteral("--scenario"), path, QStringLiteral("--json")});
    REQUIRE(j.exitCode == 0);
    const QJsonArray lanes = j.json().value(QStringLiteral("lanes")).toArray();
    REQUIRE(lanes.size() == 3);
    CHECK(lanes[0].toObject().value(QStringLiteral("name")).toString() == QStringLiteral("1 MiB chunks, precopy"));
    CHECK(lanes[1].toObject().value(QStringLiteral("name")).toString() == QStringLiteral("small"));
    CHECK(lanes[2].toObject().value(QStringLiteral("name")).toString() == QStringLiteral("1 KiB chunks, postcopy"));

    // Each lane is the run of its own parameters: the same figures as `simulate` with them as options.
    const QStringList alone[] = {
        {QStringLiteral("--chunk"), QStringLiteral("1M")},
        {QStringLiteral("--chunk"), QStringLiteral("32")},
        {QStringLiteral("--strategy"), QStringLiteral("postcopy")},
    };
    for (int i = 0; i < 3; ++i) {
        INFO("lane " << i);
        QStringList args = {QStringLiteral("simulate"), QStringLiteral("--disk"), QStringLiteral("64G"),
                            QStringLiteral("--chunk"), QStringLiteral("1K"), QStringLiteral("--seed"), QStringLiteral("3"),
                            QStringLiteral("--start-at"), QStringLiteral("500ms"), QStringLiteral("--bandwidth"),
                            QStringLiteral("100Mbit"), QStringLiteral("--workload"), QStringLiteral("uniform"),
                            QStringLiteral("--rate"), QStringLiteral("2000"), QStringLiteral("--write-size"),
                            QStringLiteral("4K"), QStringLiteral("--json")};
        args += alone[i];
        const CliRun single = CliRun::run(args);
        REQUIRE(single.exitCode == 0);
        const QJsonObject expected = single.json();
        const QJsonObject got = lanes[i].toObject();
        for (const char* key : {"wireBytes", "payloadBytes", "headerBytes", "downtimeNs", "totalTimeNs", "chunksResent",
                                "dirtyPasses", "converged", "verified"}) {
            INFO(key);
            CHECK(got.value(QLatin1String(key)) == expected.value(QLatin1String(key)));
        }
        CHECK(got.value(QStringLiteral("config")) == expected.value(QStringLiteral("config")));
    }
    // The lanes do differ: 1 MiB chunks resend far more than 32 B chunks.
    CHECK(lanes[0].toObject().value(QStringLiteral("payloadBytes")).toDouble() >
          lanes[1].toObject().value(QStringLiteral("payloadBytes")).toDouble());

    const CliRun t = CliRun::run({QStringLiteral("simulate"), QStringLiteral("--scenario"), path});
    REQUIRE(t.exitCode == 0);
    CHECK(t.out.contains(QStringLiteral("Lane 1 of 3: 1 MiB chunks, precopy\n")));
    CHECK(t.out.contains(QStringLiteral("Lane 2 of 3: small\n")));
    CHECK(t.out.contains(QStringLiteral("Lane 3 of 3: 1 KiB chunks, postcopy\n")));
    CHECK(t.out.count(QStringLiteral("Transfer\n")) == 3);

    // An option sets its value in every lane, over the lanes' own.
    const CliRun o = CliRun::run({QStringLiteral("simulate"), QStringLiteral("--scenario"), path, QStringLiteral("--chunk"),
                                  QStringLiteral("4K"), QStringLiteral("--json")});
    REQUIRE(o.exitCode == 0);
    for (const QJsonValue& lane : o.json().value(QStringLiteral("lanes")).toArray()) {
        CHECK(lane.toObject().value(QStringLiteral("config")).toObject().value(QStringLiteral("chunkBytes")).toDouble() == 4096);
    }

    // A run's own files are refused for a comparison, naming the option.
    const CliRun s = CliRun::run({QStringLiteral("simulate"), QStringLiteral("--scenario"), path, QStringLiteral("--stream"),
                                  dir.filePath(QStringLiteral("x.stream"))});
    CHECK(s.exitCode == 2);
    CHECK(s.err.contains(QStringLiteral("--stream")));
}

TEST_CASE("a bad lanes entry is named by its key path on the command line", "[scenario][lanes]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.json"));
    writeFile(path, R"({"format": "bitmig-scenario", "version": 5, "disk": "64G",
        "lanes": [{"chunk": "1K"}, {"chunk": "1K"}, {"chunk": "3K"}]})");
    const CliRun r = CliRun::run({QStringLiteral("simulate"), QStringLiteral("--scenario"), path});
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(QStringLiteral("bad.json: lanes[2].chunk: must be a power of two from 1 B to 1 MiB, got 3 KiB")));
}

TEST_CASE("a lane named by its pass cap reads in English's singular for one pass", "[scenario][lanes][i18n]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("passes.json"));
    writeFile(path, R"({"format": "bitmig-scenario", "version": 5, "disk": "64G", "chunk": "1K",
        "migrationStart": "500ms", "bandwidth": "100Mbit", "workload": {"type": "uniform", "rate": 2000, "writeSize": "4K"},
        "lanes": [{"maxPasses": 1}, {"maxPasses": 2}]})");
    const CliRun t = CliRun::run({QStringLiteral("simulate"), QStringLiteral("--scenario"), path});
    REQUIRE(t.exitCode == 0);
    CHECK(t.out.contains(QStringLiteral("Lane 1 of 2: 1 pass\n")));
    CHECK(t.out.contains(QStringLiteral("Lane 2 of 2: 2 passes\n")));
    const CliRun j = CliRun::run({QStringLiteral("simulate"), QStringLiteral("--scenario"), path, QStringLiteral("--json")});
    REQUIRE(j.exitCode == 0);
    const QJsonArray lanes = j.json().value(QStringLiteral("lanes")).toArray();
    REQUIRE(lanes.size() == 2);
    CHECK(lanes[0].toObject().value(QStringLiteral("name")).toString() == QStringLiteral("1 pass"));
    CHECK(lanes[1].toObject().value(QStringLiteral("name")).toString() == QStringLiteral("2 passes"));
}
