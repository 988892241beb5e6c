// `bitmig sweep --shard I/N` and `--merge`: the merged shards are the unsharded output byte for byte.
#include "clirun.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <thread>

namespace {

const QStringList kChunkSweep{QStringLiteral("sweep"), QStringLiteral("--disk"), QStringLiteral("64G"),
                              QStringLiteral("--start-at"), QStringLiteral("1s")};
// A grid with a point that cannot run (1 MiB chunks at 1 MiB granularity cover 2^33 sectors) and
// one that does not finish within the time limit (1 B chunks).
const QStringList kGrid{
    QStringLiteral("sweep"),        QStringLiteral("--disk"), QStringLiteral("4T"),
    QStringLiteral("--start-at"),   QStringLiteral("1s"),     QStringLiteral("--chunks"),
    QStringLiteral("1,1K,1M"),      QStringLiteral("--vary"), QStringLiteral("granularity=64K,1M"),
    QStringLiteral("--time-limit"), QStringLiteral("1.2s")};

// Runs the sweep as `count` shards into `dir` and returns the shard files, in reverse order (the
// merge does not depend on it).
QStringList runShards(const QStringList& sweep, int count, const QTemporaryDir& dir)
{
    QStringList files;
    for (int i = 1; i <= count; ++i) {
        const QStringList args =
            sweep + QStringList{QStringLiteral("--shard"), QStringLiteral("%1/%2").arg(i).arg(count)};
        const CliRun r = CliRun::run(args);
        INFO(describe(args).toStdString() << "\n" << r.err.toStdString());
        REQUIRE((r.exitCode == 0 || r.exitCode == 1));
        const QString path = dir.filePath(QStringLiteral("shard-%1-of-%2.json").arg(i).arg(count));
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(r.out.toUtf8());
        files.prepend(path);
    }
    return files;
}

CliRun merge(const QStringList& files, const QStringList& options = {})
{
    return CliRun::run(QStringList{QStringLiteral("sweep"), QStringLiteral("--merge")} + options + files);
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

} // namespace

TEST_CASE("merged shards are byte for byte the unsharded sweep", "[sweep][shard]")
{
    const QStringList sweep = GENERATE(kChunkSweep, kGrid);
    const int count = GENERATE(1, 3, 7);
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QStringList files = runShards(sweep, count, dir);
    for (const QStringList& format :
         {QStringList{QStringLiteral("--format"), QStringLiteral("json")},
          QStringList{QStringLiteral("--format"), QStringLiteral("csv")},
          QStringList{QStringLiteral("--best"), QStringLiteral("min-downtime")},
          QStringList{QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--best"),
                      QStringLiteral("min-total-time")}}) {
        const CliRun whole = CliRun::run(sweep + format);
        const CliRun merged = merge(files, format);
        INFO(describe(sweep + format).toStdString() << " in " << count << " shards\n"
                                                    << merged.err.toStdString());
        REQUIRE(whole.out.size() > 100);
        CHECK(merged.exitCode == whole.exitCode);
        CHECK(merged.out == whole.out);
        CHECK(merged.err.isEmpty());
    }
}

TEST_CASE("a shard holds exactly its slice of the points", "[sweep][shard]")
{
    const CliRun r = CliRun::run(kChunkSweep + QStringList{QStringLiteral("--shard"), QStringLiteral("2/7")});
    REQUIRE(r.exitCode == 0);
    const QJsonObject doc = r.json();
    CHECK(doc.value(QStringLiteral("shard")).toInt() == 2);
    CHECK(doc.value(QStringLiteral("shards")).toInt() == 7);
    const QJsonObject sweep = doc.value(QStringLiteral("sweep")).toObject();
    CHECK(sweep.value(QStringLiteral("points")).toInt() == 21);
    CHECK(sweep.value(QStringLiteral("config"))
              .toObject()
              .value(QStringLiteral("migrationStartNs"))
              .toDouble() == 1e9);
    const QJsonArray points = doc.value(QStringLiteral("points")).toArray();
    REQUIRE(points.size() == 3);
    for (int k = 0; k < 3; ++k) {
        const int index = 1 + 7 * k; // point i belongs to shard (i mod 7) + 1
        CHECK(points[k].toObject().value(QStringLiteral("index")).toInt() == index);
        CHECK(points[k].toObject().value(QStringLiteral("chunkBytes")).toDouble() == double(1u << index));
    }
}

TEST_CASE("merge refuses shards of different sweeps, missing and doubled shards", "[sweep][shard]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QStringList a = runShards(kChunkSweep, 3, dir); // shard 3, 2, 1
    QTemporaryDir other;
    REQUIRE(other.isValid());
    const QStringList b = runShards(
        kChunkSweep + QStringList{QStringLiteral("--bandwidth"), QStringLiteral("100Mbit")}, 3, other);

    SECTION("another sweep")
    {
        const CliRun r = merge({a[0], a[1], b[2]});
        CHECK(r.exitCode == 2);
        CHECK(r.out.isEmpty());
        CHECK(r.err ==
              QStringLiteral("bitmig: %1: a shard of another sweep than %2 (config.bandwidth differs)\n")
                  .arg(b[2], a[0]));
    }
    SECTION("another number of shards")
    {
        QTemporaryDir seven;
        REQUIRE(seven.isValid());
        const QStringList c = runShards(kChunkSweep, 7, seven);
        const CliRun r = merge({a[2], c[0]});
        CHECK(r.exitCode == 2);
        CHECK(r.err == QStringLiteral("bitmig: %1: shard 7/7, but %2 is one of 3 shards\n").arg(c[0], a[2]));
    }
    SECTION("a missing shard")
    {
        const CliRun r = merge({a[0], a[2]});
        CHECK(r.exitCode == 2);
        CHECK(r.err == QStringLiteral("bitmig: --merge: shards missing: 2/3 (2 of 3 given)\n"));
    }
    SECTION("a shard twice")
    {
        const CliRun r = merge({a[0], a[1], a[2], a[1]});
        CHECK(r.exitCode == 2);
        CHECK(r.err == QStringLiteral("bitmig: %1: shard 2/3 is given twice (also %1)\n").arg(a[1]));
    }
    SECTION("a copy of a shard under another name")
    {
        const QString copy = dir.filePath(QStringLiteral("copy.json"));
        REQUIRE(QFile::copy(a[1], copy));
        const CliRun r = merge({a[1], copy, a[0], a[2]});
        CHECK(r.exitCode == 2);
        CHECK(r.err == QStringLiteral("bitmig: %1: shard 2/3 is given twice (also %2)\n").arg(copy, a[1]));
    }
    SECTION("no files")
    {
        const CliRun r = merge({});
        CHECK(r.exitCode == 2);
        CHECK(r.err == QStringLiteral("bitmig: --merge: no shard files given\n"));
    }
    SECTION("a shard cut short: a point missing")
    {
        QJsonObject doc = QJsonDocument::fromJson(readFile(a[1])).object();
        QJsonArray points = doc.value(QStringLiteral("points")).toArray();
        points.removeLast();
        doc.insert(QStringLiteral("points"), points);
        writeFile(a[1], QJsonDocument(doc).toJson());
        const CliRun r = merge(a);
        CHECK(r.exitCode == 2);
        CHECK(r.err ==
              QStringLiteral("bitmig: %1: point 19 of shard 2/3 is missing (a cut-off file?)\n").arg(a[1]));
    }
    SECTION("a point in the wrong shard")
    {
        QJsonObject doc = QJsonDocument::fromJson(readFile(a[1])).object();
        QJsonArray points = doc.value(QStringLiteral("points")).toArray();
        QJsonObject p = points[0].toObject();
        p.insert(QStringLiteral("index"), 2);
        points[0] = p;
        doc.insert(QStringLiteral("points"), points);
        writeFile(a[1], QJsonDocument(doc).toJson());
        const CliRun r = merge(a);
        CHECK(r.exitCode == 2);
        CHECK(r.err ==
              QStringLiteral("bitmig: %1: points[0].index 2 is not a point of shard 2/3\n").arg(a[1]));
    }
    SECTION("a file that is no shard")
    {
        const QString sweepJson = dir.filePath(QStringLiteral("sweep.json"));
        writeFile(sweepJson,
                  CliRun::run(kChunkSweep + QStringList{QStringLiteral("--format"), QStringLiteral("json")})
                      .out.toUtf8());
        CHECK(merge({sweepJson}).err ==
              QStringLiteral("bitmig: %1: not a sweep shard (written by bitmig sweep --shard)\n")
                  .arg(sweepJson));
        const QString broken = dir.filePath(QStringLiteral("broken.json"));
        writeFile(broken, readFile(a[0]).left(200));
        const CliRun r = merge({broken});
        CHECK(r.exitCode == 2);
        CHECK(r.err.startsWith(QStringLiteral("bitmig: %1: not JSON: ").arg(broken)));
        const CliRun missing = merge({dir.filePath(QStringLiteral("nothing.json"))});
        CHECK(missing.exitCode == 2);
        CHECK(missing.err.startsWith(
            QStringLiteral("bitmig: %1: ").arg(dir.filePath(QStringLiteral("nothing.json")))));
    }
}

TEST_CASE("bad --shard values and options that do not go with shards are refused", "[sweep][shard]")
{
    struct Case {
        QStringList args;
        QString error;
    };
    const std::vector<Case> cases{
        {{QStringLiteral("--shard"), QStringLiteral("0/3")},
         QStringLiteral("--shard: '0/3': I must be from 1 to N (3)")},
        {{QStringLiteral("--shard"), QStringLiteral("4/3")},
         QStringLiteral("--shard: '4/3': I must be from 1 to N (3)")},
        {{QStringLiteral("--shard"), QStringLiteral("1/0")},
         QStringLiteral("--shard: '1/0': N must be from 1 to 1000000")},
        {{QStringLiteral("--shard"), QStringLiteral("3")},
         QStringLiteral("--shard: '3' is not I/N (shard I of N, whole numbers, e.g. 2/7)")},
        {{QStringLiteral("--shard"), QStringLiteral("-1/3")},
         QStringLiteral("--shard: '-1/3' is not I/N (shard I of N, whole numbers, e.g. 2/7)")},
        {{QStringLiteral("--shard"), QStringLiteral("a/b")},
         QStringLiteral("--shard: 'a/b' is not I/N (shard I of N, whole numbers, e.g. 2/7)")},
        {{QStringLiteral("--shard"), QStringLiteral("1/3"), QStringLiteral("--format"),
          QStringLiteral("csv")},
         QStringLiteral("--format: not with --shard (a shard file is JSON of its own; give it to --merge)")},
        {{QStringLiteral("--shard"), QStringLiteral("1/3"), QStringLiteral("--best"),
          QStringLiteral("min-downtime")},
         QStringLiteral("--best: not with --shard (a shard file is JSON of its own; give it to --merge)")},
    };
    for (const Case& c : cases) {
        const CliRun r = CliRun::run(kChunkSweep + c.args);
        INFO(describe(kChunkSweep + c.args).toStdString());
        CHECK(r.exitCode == 2);
        CHECK(r.out.isEmpty());
        CHECK(r.err == QStringLiteral("bitmig: ") + c.error + QLatin1Char('\n'));
    }
    const CliRun withOption =
        CliRun::run({QStringLiteral("sweep"), QStringLiteral("--merge"), QStringLiteral("--disk"),
                     QStringLiteral("1T"), QStringLiteral("a.json")});
    CHECK(withOption.exitCode == 2);
    CHECK(withOption.err ==
          QStringLiteral("bitmig: --disk: not with --merge (the shard files hold the sweep; "
                         "--format, --best and --map apply)\n"));
}

TEST_CASE("sweep --jobs defaults to the machine's cores", "[sweep]")
{
    const CliRun r = CliRun::run({QStringLiteral("sweep"), QStringLiteral("--help")});
    REQUIRE(r.exitCode == 0);
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    CHECK(r.out.simplified().contains(
        QStringLiteral("Points run at once (default: the machine's cores, %1 here).").arg(cores)));
}
