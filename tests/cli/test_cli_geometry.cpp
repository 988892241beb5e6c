#include "clirun.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace {

// Table cells are separated by two or more spaces.
QStringList cells(const QString& line)
{
    static const QRegularExpression gap(QStringLiteral("\\s{2,}"));
    return line.trimmed().split(gap);
}

} // namespace

TEST_CASE("geometry at 64 KiB granularity prints the seed's table", "[geometry]")
{
    const CliRun r = CliRun::run({QStringLiteral("geometry"), QStringLiteral("--granularity"), QStringLiteral("64K")});
    REQUIRE(r.exitCode == 0);
    const struct {
        int shift;
        const char* chunk;
        const char* perMetaBit;
    } seed[] = {
        {20, "1 MiB", "512 GiB"}, {17, "128 KiB", "64 GiB"}, {15, "32 KiB", "16 GiB"},
        {11, "2 KiB", "1 GiB"},   {10, "1 KiB", "512 MiB"},  {9, "512 B", "256 MiB"},
        {8, "256 B", "128 MiB"},  {5, "32 B", "16 MiB"},     {1, "2 B", "1 MiB"},
    };
    QStringList rows;
    for (const QString& line : r.lines()) {
        if (line.startsWith(QStringLiteral("(1 << "))) {
            rows.append(line);
        }
    }
    REQUIRE(rows.size() == 9);
    for (int i = 0; i < 9; ++i) {
        const QStringList c = cells(rows[i]);
        INFO(rows[i].toStdString());
        REQUIRE(c.size() == 7);
        CHECK(c[0] == QStringLiteral("(1 << %1)").arg(seed[i].shift));
        CHECK(c[1] == QLatin1String(seed[i].chunk));
        CHECK(c[2] == QLatin1String(seed[i].perMetaBit));
        CHECK(c[4] == QStringLiteral("21"));
    }
    // The thread's typo is pointed out above the table.
    CHECK(r.out.contains(QStringLiteral("\"(1 << 1) 1 B\"")));
    CHECK(r.out.indexOf(QStringLiteral("(1 << 1) 1 B")) < r.out.indexOf(rows[0]));
}

TEST_CASE("geometry --json gives exact values", "[geometry]")
{
    const CliRun r = CliRun::run({QStringLiteral("geometry"), QStringLiteral("--json")});
    REQUIRE(r.exitCode == 0);
    const QJsonObject doc = r.json();
    CHECK(doc.value(QStringLiteral("granularity")).toDouble() == 65536);
    CHECK(doc.value(QStringLiteral("diskBytes")).toDouble() == 1099511627776.0);
    CHECK(doc.value(QStringLiteral("bitmapBits")).toDouble() == 16777216);
    CHECK(doc.contains(QStringLiteral("note")));
    const QJsonArray rows = doc.value(QStringLiteral("rows")).toArray();
    REQUIRE(rows.size() == 9);
    const QJsonObject first = rows[0].toObject();
    CHECK(first.value(QStringLiteral("chunkBytes")).toDouble() == 1048576);
    CHECK(first.value(QStringLiteral("coverage")).toDouble() == 549755813888.0);
    CHECK(first.value(QStringLiteral("metaBits")).toDouble() == 2);
    CHECK(first.value(QStringLiteral("headerBytes")).toDouble() == 21);
    CHECK(first.value(QStringLiteral("fitsRecord")).toBool());
    const QJsonObject kib = rows[4].toObject();
    CHECK(kib.value(QStringLiteral("chunkBytes")).toDouble() == 1024);
    CHECK(kib.value(QStringLiteral("coverage")).toDouble() == 536870912.0);
    CHECK(kib.value(QStringLiteral("metaBits")).toDouble() == 2048);
    CHECK(kib.value(QStringLiteral("overhead")).toDouble() == Approx(21.0 / 1045.0));
    const QJsonObject last = rows[8].toObject();
    CHECK(last.value(QStringLiteral("chunkBytes")).toDouble() == 2);
    CHECK(last.value(QStringLiteral("coverage")).toDouble() == 1048576);
    CHECK(last.value(QStringLiteral("bufBytes")).toDouble() == 32);
    CHECK(last.value(QStringLiteral("paddingBytes")).toDouble() == 30);
}

TEST_CASE("geometry --chunks takes a list or all", "[geometry]")
{
    const CliRun list = CliRun::run({QStringLiteral("geometry"), QStringLiteral("--disk"), QStringLiteral("16T"),
                                     QStringLiteral("--chunks"), QStringLiteral("1M,1K,512"), QStringLiteral("--json")});
    REQUIRE(list.exitCode == 0);
    const QJsonArray rows = list.json().value(QStringLiteral("rows")).toArray();
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].toObject().value(QStringLiteral("metaBits")).toDouble() == 32);
    CHECK(rows[1].toObject().value(QStringLiteral("metaBits")).toDouble() == 32768);
    CHECK(rows[2].toObject().value(QStringLiteral("metaBits")).toDouble() == 65536);
    CHECK_FALSE(list.json().contains(QStringLiteral("note")));

    const CliRun all = CliRun::run({QStringLiteral("geometry"), QStringLiteral("--chunks"), QStringLiteral("all"),
                                    QStringLiteral("--json")});
    REQUIRE(all.exitCode == 0);
    const QJsonArray every = all.json().value(QStringLiteral("rows")).toArray();
    REQUIRE(every.size() == 21);
    CHECK(every.first().toObject().value(QStringLiteral("chunkBytes")).toDouble() == 1);
    CHECK(every.last().toObject().value(QStringLiteral("chunkBytes")).toDouble() == 1048576);
}

TEST_CASE("geometry refuses the disk and granularity that simulate refuses, with its messages", "[geometry][errors]")
{
    const struct {
        QStringList args;
        const char* message;
    } cases[] = {
        {{QStringLiteral("--granularity"), QStringLiteral("4G")},
         "--granularity: '4G': must be at most 2 GiB (a START record carries it in 32 bits)"},
        {{QStringLiteral("--disk"), QStringLiteral("513")}, "--disk: '513': must be a positive multiple of 512 bytes, got 513"},
        {{QStringLiteral("--disk"), QStringLiteral("0")}, "--disk: '0': must be a positive multiple of 512 bytes, got 0"},
        {{QStringLiteral("--disk"), QStringLiteral("2P"), QStringLiteral("--granularity"), QStringLiteral("512")},
         "--disk: '2P': needs 4398046511104 bits at this granularity; at most 2^41 are allowed"},
    };
    for (const auto& c : cases) {
        const QStringList geometry = QStringList{QStringLiteral("geometry")} + c.args;
        INFO(describe(geometry).toStdString());
        const CliRun g = CliRun::run(geometry);
        CHECK(g.exitCode == 2);
        CHECK(g.out.isEmpty());
        CHECK(g.err == QStringLiteral("bitmig: ") + QLatin1String(c.message) + QLatin1Char('\n'));
        const CliRun s = CliRun::run(QStringList{QStringLiteral("simulate")} + c.args);
        CHECK(s.exitCode == 2);
        CHECK(s.err == g.err);
    }
    // The largest granularity is accepted.
    const CliRun largest = CliRun::run({QStringLiteral("geometry"), QStringLiteral("--granularity"), QStringLiteral("2G"),
                                        QStringLiteral("--json")});
    REQUIRE(largest.exitCode == 0);
    CHECK(largest.json().value(QStringLiteral("granularity")).toDouble() == 2147483648.0);
}
