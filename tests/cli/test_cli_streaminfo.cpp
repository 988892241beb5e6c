#include "clirun.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>

TEST_CASE("stream-info reports the first error of a malformed stream", "[stream-info]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString whole = dir.filePath(QStringLiteral("whole.bin"));
    const CliRun sim = CliRun::run({QStringLiteral("simulate"), QStringLiteral("--disk"), QStringLiteral("64G"),
                                    QStringLiteral("--start-at"), QStringLiteral("1s"), QStringLiteral("--stream"),
                                    whole});
    REQUIRE(sim.exitCode == 0);
    QFile in(whole);
    REQUIRE(in.open(QIODevice::ReadOnly));
    const QByteArray bytes = in.readAll();
    REQUIRE(bytes.size() > 1000);

    SECTION("cut inside a record")
    {
        const QString path = dir.filePath(QStringLiteral("cut.bin"));
        QFile out(path);
        REQUIRE(out.open(QIODevice::WriteOnly));
        out.write(bytes.left(1000));
        out.close();
        const CliRun r = CliRun::run({QStringLiteral("stream-info"), QStringLiteral("--json"), path});
        CHECK(r.exitCode == 1);
        const QJsonObject i = r.json();
        CHECK_FALSE(i.value(QStringLiteral("valid")).toBool());
        const QJsonObject e = i.value(QStringLiteral("error")).toObject();
        CHECK(e.value(QStringLiteral("offset")).toDouble() == 1000);
        CHECK(e.value(QStringLiteral("recordOffset")).toDouble() < 1000);
        CHECK(e.value(QStringLiteral("recordIndex")).toDouble() == i.value(QStringLiteral("records")).toDouble());
        CHECK(r.err.contains(QStringLiteral("byte 1000")));
    }
    SECTION("a bad section type")
    {
        const QString path = dir.filePath(QStringLiteral("bad.bin"));
        QByteArray bad = bytes;
        bad[0] = char(0x09);
        QFile out(path);
        REQUIRE(out.open(QIODevice::WriteOnly));
        out.write(bad);
        out.close();
        const CliRun r = CliRun::run({QStringLiteral("stream-info"), path});
        CHECK(r.exitCode == 1);
        CHECK(r.out.contains(QStringLiteral("Error:")));
        CHECK(r.out.contains(QStringLiteral("at byte 0")));
    }
    SECTION("an empty file is not a stream: it holds no records")
    {
        const QString path = dir.filePath(QStringLiteral("empty.bin"));
        QFile out(path);
        REQUIRE(out.open(QIODevice::WriteOnly));
        out.close();
        const QString message = QStringLiteral("dirty-bitmap stream: byte 0, before record 0 starting at byte 0: "
                                               "the input is empty; it holds no records");
        const CliRun r = CliRun::run({QStringLiteral("stream-info"), QStringLiteral("--json"), path});
        CHECK(r.exitCode == 1);
        CHECK(r.err == QStringLiteral("bitmig: ") + path + QStringLiteral(": ") + message + QLatin1Char('\n'));
        const QJsonObject i = r.json();
        CHECK(i.value(QStringLiteral("records")).toDouble() == 0);
        CHECK_FALSE(i.value(QStringLiteral("valid")).toBool());
        const QJsonObject e = i.value(QStringLiteral("error")).toObject();
        CHECK(e.value(QStringLiteral("reason")).toString() == QStringLiteral("the input is empty; it holds no records"));
        CHECK(e.value(QStringLiteral("message")).toString() == message);
        CHECK(e.value(QStringLiteral("offset")).toDouble() == 0);

        const CliRun text = CliRun::run({QStringLiteral("stream-info"), path});
        CHECK(text.exitCode == 1);
        CHECK(text.out.contains(QStringLiteral("at byte 0, record 0 starting at byte 0: the input is empty; it holds "
                                               "no records")));
        CHECK_FALSE(text.out.contains(QStringLiteral("well-formed")));
    }
}

TEST_CASE("stream-info shows device and bitmap names from the stream escaped", "[stream-info]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("crafted.bin"));
    // A stream whose names would colour the terminal and forge an output line if printed raw.
    const QString device = QStringLiteral("dr\x1b[31mive\nFAKE: line");
    const QString bitmap = QStringLiteral("bit\u202emap\x07");
    const CliRun sim = CliRun::run({QStringLiteral("simulate"), QStringLiteral("--disk"), QStringLiteral("1G"),
                                    QStringLiteral("--device"), device, QStringLiteral("--bitmap"), bitmap,
                                    QStringLiteral("--stream"), path});
    REQUIRE(sim.exitCode == 0);

    const CliRun text = CliRun::run({QStringLiteral("stream-info"), path});
    CHECK(text.exitCode == 0);
    INFO(text.out.toStdString());
    CHECK_FALSE(text.out.contains(QChar(0x1b)));
    CHECK_FALSE(text.out.contains(QChar(0x07)));
    CHECK_FALSE(text.out.contains(QChar(0x202e)));
    CHECK_FALSE(text.out.contains(QStringLiteral("\nFAKE")));
    CHECK(text.row(QStringLiteral("Devices")) == QStringLiteral("dr\\x1b[31mive\\x0aFAKE: line"));
    CHECK(text.row(QStringLiteral("Bitmaps")) == QStringLiteral("bit\\xe2\\x80\\xaemap\\x07"));

    // JSON escapes by itself and keeps the names as they are.
    const CliRun json = CliRun::run({QStringLiteral("stream-info"), QStringLiteral("--json"), path});
    CHECK(json.exitCode == 0);
    CHECK_FALSE(json.out.contains(QChar(0x1b)));
    CHECK(json.json().value(QStringLiteral("devices")).toArray().at(0).toString() == device);
    CHECK(json.json().value(QStringLiteral("bitmaps")).toArray().at(0).toString() == bitmap);
}

TEST_CASE("stream-info reads only a regular file", "[stream-info][errors]")
{
    const CliRun r = CliRun::run({QStringLiteral("stream-info"), QStringLiteral("/dev/zero")});
    CHECK(r.exitCode == 2);
    CHECK(r.out.isEmpty());
    CHECK(r.err == QStringLiteral("bitmig: /dev/zero: is not a regular file (a device, a pipe or a socket)\n"));
}
