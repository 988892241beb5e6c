// `bitmig sweep --map FILE.svg|png`: the convergence map of chunk sizes x one more parameter.
#include "clirun.h"

#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>

namespace {

// 1 TiB under 200 000 writes/s with a 30 ms limit and 5 passes: slow links and large chunks stop
// converging, fast links converge (see the map in docs/cli.md).
const QStringList kBusy{QStringLiteral("sweep"),
                        QStringLiteral("--disk"),
                        QStringLiteral("1T"),
                        QStringLiteral("--start-at"),
                        QStringLiteral("1s"),
                        QStringLiteral("--rate"),
                        QStringLiteral("200k"),
                        QStringLiteral("--max-downtime"),
                        QStringLiteral("30ms"),
                        QStringLiteral("--max-passes"),
                        QStringLiteral("5"),
                        QStringLiteral("--chunks"),
                        QStringLiteral("1,64,1K,64K,1M")};

QByteArray readFile(const QString& path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

} // namespace

TEST_CASE("sweep --map draws a cell per point, crosses out runs that did not converge and the boundary",
          "[sweep][map]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString map = dir.filePath(QStringLiteral("map.svg"));
    const CliRun r = CliRun::run(kBusy + QStringList{QStringLiteral("--vary"),
                                                     QStringLiteral("bandwidth=100Mbit,500Mbit,1Gbit,10Gbit"),
                                                     QStringLiteral("--map"), map, QStringLiteral("--format"),
                                                     QStringLiteral("csv")});
    REQUIRE(r.exitCode == 0);
    const QStringList lines = r.lines();
    REQUIRE(lines.size() == 21);
    const qsizetype convergedColumn = lines[0].split(QLatin1Char(',')).indexOf(QStringLiteral("converged"));
    int notConverged = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        notConverged += lines[i].split(QLatin1Char(','))[convergedColumn] == QStringLiteral("0");
    }
    REQUIRE(notConverged > 0);
    REQUIRE(notConverged < 20);
    const QString svg = QString::fromUtf8(readFile(map));
    CHECK(svg.startsWith(QStringLiteral("<?xml")));
    CHECK(svg.count(QStringLiteral("<rect x=")) ==
          20 + 10 + 2); // the cells, the colour scale, two legend marks
    CHECK(svg.count(QStringLiteral("<path d=\"M")) == notConverged + 1);
    CHECK(svg.contains(QStringLiteral("stroke-width=\"3\" fill=\"none\""))); // the boundary
    // --bandwidth is 1Gbit (the default) and --chunk 1K is on the map: that cell is ringed.
    CHECK(svg.contains(QStringLiteral("<circle")));
    CHECK(svg.contains(QStringLiteral(">10Gbit</text>")));
    CHECK(svg.contains(QStringLiteral(">1 MiB</text>")));
}

TEST_CASE("sweep --map without --vary spans the bandwidths, and as PNG", "[sweep][map]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString svgPath = dir.filePath(QStringLiteral("map.svg"));
    const QString pngPath = dir.filePath(QStringLiteral("map.png"));
    const CliRun r = CliRun::run(kBusy + QStringList{QStringLiteral("--map"), svgPath,
                                                     QStringLiteral("--format"), QStringLiteral("csv")});
    REQUIRE(r.exitCode == 0);
    CHECK(r.lines().first().startsWith(QStringLiteral("chunk_bytes,bandwidth,")));
    CHECK(r.lines().size() == 1 + 5 * 6);
    CHECK(r.lines()[1].startsWith(QStringLiteral("1,100Mbit,")));
    CHECK(r.lines().last().startsWith(QStringLiteral("1048576,10Gbit,")));
    const CliRun png = CliRun::run(kBusy + QStringList{QStringLiteral("--map"), pngPath});
    REQUIRE(png.exitCode == 0);
    const QByteArray bytes = readFile(pngPath);
    REQUIRE(bytes.startsWith("\x89PNG\r\n\x1a\n"));
    // IHDR: width and height, big-endian, twice the SVG's size.
    auto be32 = [&](int at) {
        return (quint32(quint8(bytes[at])) << 24) | (quint32(quint8(bytes[at + 1])) << 16) |
               (quint32(quint8(bytes[at + 2])) << 8) | quint32(quint8(bytes[at + 3]));
    };
    const QRegularExpression size(QStringLiteral("width=\"(\\d+)\" height=\"(\\d+)\""));
    const auto m = size.match(QString::fromUtf8(readFile(svgPath)));
    REQUIRE(m.hasMatch());
    CHECK(be32(16) == 2 * m.captured(1).toUInt());
    CHECK(be32(20) == 2 * m.captured(2).toUInt());
}

TEST_CASE("sweep --map FILE.png prints nothing on standard error, with no XDG_RUNTIME_DIR set", "[sweep][map]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString pngPath = dir.filePath(QStringLiteral("map.png"));
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("XDG_RUNTIME_DIR"));  // as under cron, ssh without a session, containers
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(BITMIG_EXECUTABLE),
            kBusy + QStringList{QStringLiteral("--vary"), QStringLiteral("bandwidth=1Gbit,10Gbit"), QStringLiteral("--map"),
                                pngPath, QStringLiteral("--format"), QStringLiteral("csv")});
    REQUIRE(p.waitForStarted(10000));
    REQUIRE(p.waitForFinished(300000));
    const QByteArray err = p.readAllStandardError();
    INFO(err.toStdString());
    CHECK(p.exitCode() == 0);
    CHECK(err.isEmpty());
    CHECK(readFile(pngPath).startsWith("\x89PNG\r\n\x1a\n"));
    CHECK(p.readAllStandardOutput().startsWith("chunk_bytes,bandwidth,"));
}

TEST_CASE("merged shards draw the same map, and bad map names are refused", "[sweep][map]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QStringList sweep =
        kBusy + QStringList{QStringLiteral("--vary"), QStringLiteral("bandwidth=100Mbit,1Gbit")};
    const QString whole = dir.filePath(QStringLiteral("whole.svg"));
    REQUIRE(CliRun::run(sweep + QStringList{QStringLiteral("--map"), whole}).exitCode == 0);
    QStringList shards;
    for (int i = 1; i <= 3; ++i) {
        const CliRun s =
            CliRun::run(sweep + QStringList{QStringLiteral("--shard"), QStringLiteral("%1/3").arg(i)});
        REQUIRE(s.exitCode == 0);
        const QString path = dir.filePath(QStringLiteral("s%1.json").arg(i));
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(s.out.toUtf8());
        shards << path;
    }
    const QString merged = dir.filePath(QStringLiteral("merged.svg"));
    const CliRun m = CliRun::run(
        QStringList{QStringLiteral("sweep"), QStringLiteral("--merge"), QStringLiteral("--map"), merged} +
        shards);
    REQUIRE(m.exitCode == 0);
    CHECK(readFile(merged) == readFile(whole));

    const CliRun txt =
        CliRun::run(sweep + QStringList{QStringLiteral("--map"), dir.filePath(QStringLiteral("map.txt"))});
    CHECK(txt.exitCode == 2);
    CHECK(txt.err == QStringLiteral("bitmig: --map: '%1' is not a .png or .svg file name\n")
                         .arg(dir.filePath(QStringLiteral("map.txt"))));
    const CliRun withShard =
        CliRun::run(sweep + QStringList{QStringLiteral("--map"), whole, QStringLiteral("--shard"),
                                        QStringLiteral("1/2")});
    CHECK(withShard.exitCode == 2);
    CHECK(withShard.err ==
          QStringLiteral(
              "bitmig: --map: not with --shard (a shard file is JSON of its own; give it to --merge)\n"));
    const CliRun unwritable = CliRun::run(
        sweep + QStringList{QStringLiteral("--map"), dir.filePath(QStringLiteral("no/such/map.svg"))});
    CHECK(unwritable.exitCode == 2);
    CHECK(unwritable.err.startsWith(QStringLiteral("bitmig: --map: %1: cannot be written: ")
                                        .arg(dir.filePath(QStringLiteral("no/such/map.svg")))));
}
