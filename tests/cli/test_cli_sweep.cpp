#include "clirun.h"

#include <QJsonArray>

#include <limits>

namespace {

QStringList sweep(const QStringList& more)
{
    return QStringList{QStringLiteral("sweep"), QStringLiteral("--disk"), QStringLiteral("64G"),
                       QStringLiteral("--start-at"), QStringLiteral("1s"), QStringLiteral("--chunks"),
                       QStringLiteral("64,1K,16K"), QStringLiteral("--vary"), QStringLiteral("bandwidth=100Mbit,1Gbit")} +
           more;
}

} // namespace

TEST_CASE("sweep table marks one best point and names the criterion", "[sweep]")
{
    const CliRun r = CliRun::run(sweep({QStringLiteral("--jobs"), QStringLiteral("3")}));
    REQUIRE(r.exitCode == 0);
    int rows = 0;
    int marked = 0;
    for (const QString& line : r.lines()) {
        if (line.contains(QStringLiteral("Mbit")) || line.contains(QStringLiteral("Gbit"))) {
            if (line.startsWith(QStringLiteral("Best"))) {
                continue;
            }
            ++rows;
            marked += line.endsWith(QLatin1Char('*'));
        }
    }
    CHECK(rows == 6);
    CHECK(marked == 1);
    CHECK(r.out.contains(QStringLiteral("Best by min-total-bytes")));
}

TEST_CASE("sweep csv has a column per field and the best row", "[sweep]")
{
    const CliRun r = CliRun::run(sweep({QStringLiteral("--format"), QStringLiteral("csv")}));
    REQUIRE(r.exitCode == 0);
    const QStringList lines = r.lines();
    REQUIRE(lines.size() == 7);
    const QStringList header = lines[0].split(QLatin1Char(','));
    CHECK(header.first() == QStringLiteral("chunk_bytes"));
    CHECK(header[1] == QStringLiteral("bandwidth"));
    const qsizetype wire = header.indexOf(QStringLiteral("wire_bytes"));
    const qsizetype best = header.indexOf(QStringLiteral("best"));
    const qsizetype verified = header.indexOf(QStringLiteral("verified"));
    REQUIRE(wire > 0);
    REQUIRE(best > 0);
    REQUIRE(verified > 0);
    qulonglong least = std::numeric_limits<qulonglong>::max();
    qsizetype leastRow = -1;
    qsizetype bestRow = -1;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QStringList f = lines[i].split(QLatin1Char(','));
        REQUIRE(f.size() == header.size());
        CHECK(f[verified] == QStringLiteral("1"));
        if (f[wire].toULongLong() < least) {
            least = f[wire].toULongLong();
            leastRow = i;
        }
        if (!f[best].isEmpty()) {
            CHECK(f[best] == QStringLiteral("min-total-bytes"));
            CHECK(bestRow == -1);
            bestRow = i;
        }
    }
    CHECK(bestRow == leastRow);
    // Points come by --vary value, then chunk size.
    CHECK(lines[1].startsWith(QStringLiteral("64,100Mbit,")));
    CHECK(lines[6].startsWith(QStringLiteral("16384,1Gbit,")));
}

TEST_CASE("sweep json is the same with any number of jobs", "[sweep]")
{
    const CliRun one = CliRun::run(sweep({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--best"),
                                          QStringLiteral("min-total-time")}));
    const CliRun four = CliRun::run(sweep({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--best"),
                                           QStringLiteral("min-total-time"), QStringLiteral("--jobs"),
                                           QStringLiteral("4")}));
    REQUIRE(one.exitCode == 0);
    REQUIRE(four.exitCode == 0);
    CHECK(one.out == four.out);
    const QJsonObject doc = one.json();
    CHECK(doc.value(QStringLiteral("criterion")).toString() == QStringLiteral("min-total-time"));
    CHECK(doc.value(QStringLiteral("vary")).toString() == QStringLiteral("bandwidth"));
    const QJsonArray points = doc.value(QStringLiteral("points")).toArray();
    REQUIRE(points.size() == 6);
    const int best = doc.value(QStringLiteral("best")).toInt(-1);
    REQUIRE(best >= 0);
    double least = 1e300;
    for (int i = 0; i < points.size(); ++i) {
        const QJsonObject p = points[i].toObject();
        CHECK(p.value(QStringLiteral("best")).toBool() == (i == best));
        const QJsonObject s = p.value(QStringLiteral("summary")).toObject();
        CHECK(s.value(QStringLiteral("verified")).toBool());
        CHECK(s.value(QStringLiteral("config")).toObject().value(QStringLiteral("chunkBytes")).toDouble() ==
              p.value(QStringLiteral("chunkBytes")).toDouble());
        least = std::min(least, s.value(QStringLiteral("totalTimeNs")).toDouble());
    }
    CHECK(points[best].toObject().value(QStringLiteral("summary")).toObject().value(QStringLiteral("totalTimeNs")).toDouble() ==
          least);
}

TEST_CASE("sweep by strategy finds postcopy has the least downtime", "[sweep]")
{
    const CliRun r = CliRun::run({QStringLiteral("sweep"), QStringLiteral("--disk"), QStringLiteral("64G"),
                                  QStringLiteral("--start-at"), QStringLiteral("1s"), QStringLiteral("--chunks"),
                                  QStringLiteral("1K"), QStringLiteral("--vary"),
                                  QStringLiteral("strategy=precopy,postcopy,stop-copy"), QStringLiteral("--best"),
                                  QStringLiteral("min-downtime"), QStringLiteral("--format"), QStringLiteral("json")});
    REQUIRE(r.exitCode == 0);
    const QJsonObject doc = r.json();
    CHECK(doc.value(QStringLiteral("best")).toInt(-1) == 1);
    CHECK(doc.value(QStringLiteral("points")).toArray()[1].toObject().value(QStringLiteral("varyValue")).toString() ==
          QStringLiteral("postcopy"));
}

TEST_CASE("sweep skips points whose chunk cannot be described", "[sweep]")
{
    const CliRun r = CliRun::run({QStringLiteral("sweep"), QStringLiteral("--disk"), QStringLiteral("4T"),
                                  QStringLiteral("--granularity"), QStringLiteral("1M"), QStringLiteral("--chunks"),
                                  QStringLiteral("1M,1K"), QStringLiteral("--format"), QStringLiteral("json")});
    REQUIRE(r.exitCode == 0);
    const QJsonArray points = r.json().value(QStringLiteral("points")).toArray();
    REQUIRE(points.size() == 2);
    CHECK(points[0].toObject().value(QStringLiteral("status")).toString() == QStringLiteral("skipped"));
    CHECK(points[0].toObject().value(QStringLiteral("reason")).toString().startsWith(QStringLiteral("--chunks")));
    CHECK(points[1].toObject().value(QStringLiteral("best")).toBool());
}
