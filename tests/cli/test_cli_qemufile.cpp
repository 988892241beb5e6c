// `stream-info` on whole QEMU migration files and `simulate --qemu-file`, through the built binary.
// The loading of these files by a real QEMU is tested in tests/qemu.
#include "clirun.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>

namespace {

const QString kSample = QStringLiteral(BITMIG_SOURCE_DIR "/tests/core/data/qemu72-none-3bitmaps.mig");

QByteArray readAll(const QString& path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

void writeAll(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    REQUIRE(f.write(bytes) == bytes.size());
}

QJsonObject bitmapOf(const QJsonObject& info, const QString& node, const QString& name)
{
    for (const QJsonValue& v : info.value(QStringLiteral("bitmaps")).toArray()) {
        const QJsonObject b = v.toObject();
        if (b.value(QStringLiteral("node")).toString() == node && b.value(QStringLiteral("name")).toString() == name) {
            return b;
        }
    }
    FAIL("no bitmap " << node.toStdString() << "/" << name.toStdString());
    return {};
}

} // namespace

TEST_CASE("stream-info walks a file QEMU wrote and gives each bitmap QEMU's SHA-256", "[stream-info][qemu-file]")
{
    const CliRun r = CliRun::run({QStringLiteral("stream-info"), QStringLiteral("--json"), kSample});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    const QJsonObject i = r.json();
    CHECK(i.value(QStringLiteral("container")).toString() == QStringLiteral("qemu"));
    CHECK(i.value(QStringLiteral("valid")).toBool());
    CHECK(i.value(QStringLiteral("walked")).toBool());
    CHECK(i.value(QStringLiteral("eof")).toBool());
    CHECK(i.value(QStringLiteral("machine")).toString() == QStringLiteral("none"));
    CHECK(i.value(QStringLiteral("commands")).toArray() == QJsonArray{QStringLiteral("POSTCOPY_ADVISE")});
    const QJsonArray sections = i.value(QStringLiteral("qemuSections")).toArray();
    REQUIRE(sections.size() == 4);
    CHECK(sections[1].toObject().value(QStringLiteral("name")).toString() == QStringLiteral("dirty-bitmap"));
    CHECK(sections[1].toObject().value(QStringLiteral("id")).toInt() == 3);
    CHECK(sections[1].toObject().value(QStringLiteral("footers")).toInt() == 2);
    REQUIRE(i.value(QStringLiteral("bitmaps")).toArray().size() == 3);
    const QJsonObject fine = bitmapOf(i, QStringLiteral("drive0"), QStringLiteral("fine"));
    CHECK(fine.value(QStringLiteral("granularity")).toInt() == 4096);
    CHECK_FALSE(fine.value(QStringLiteral("enabled")).toBool());
    CHECK(fine.value(QStringLiteral("persistent")).toBool());
    CHECK(fine.value(QStringLiteral("dirtyBytes")).toDouble() == 2162688);
    CHECK(fine.value(QStringLiteral("sha256")).toString() ==
          QStringLiteral("4b22c745936a0ec460facdb79d4777330f158ea6ce3b44387a42c04241d58968"));
    const QJsonObject tail = bitmapOf(i, QStringLiteral("drive1"), QStringLiteral("tail"));
    CHECK(tail.value(QStringLiteral("enabled")).toBool());
    CHECK(tail.value(QStringLiteral("sha256")).toString() ==
          QStringLiteral("4c2fda08ece2f1959eb8b0d2cf8dba3990aa484c6689a326823269e274725bc9"));

    const CliRun text = CliRun::run({QStringLiteral("stream-info"), kSample});
    CHECK(text.exitCode == 0);
    CHECK(text.row(QStringLiteral("Container")) == QStringLiteral("QEMU migration file, version 3"));
    CHECK(text.out.contains(QStringLiteral("drive0/bitmap0: granularity 64 KiB, enabled; 2.12 MiB dirty of 100 MiB; "
                                           "sha256 ca3c6d828a212778e8070d93f595c4ff844600c336d2a29afb5c2b3b67af9b7a")));
    CHECK(text.row(QStringLiteral("Status")) == QStringLiteral("well-formed"));
}

TEST_CASE("stream-info --no-digest: the same counts, the SHA-256 not computed and said so", "[stream-info][qemu-file]")
{
    // QEMU's file (chunks in order) and a precopy run that resends chunks (the other path).
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString run = dir.filePath(QStringLiteral("run.mig"));
    const CliRun sim = CliRun::run({QStringLiteral("simulate"), QStringLiteral("--disk"), QStringLiteral("2G"),
                                    QStringLiteral("--granularity"), QStringLiteral("4K"), QStringLiteral("--bandwidth"),
                                    QStringLiteral("2Mbit"), QStringLiteral("--rate"), QStringLiteral("5k"),
                                    QStringLiteral("--start-at"), QStringLiteral("1s"), QStringLiteral("--max-downtime"),
                                    QStringLiteral("20ms"), QStringLiteral("--qemu-file"), run});
    INFO(sim.err.toStdString());
    REQUIRE(sim.exitCode == 0);
    for (const QString& file : {kSample, run}) {
        const CliRun full = CliRun::run({QStringLiteral("stream-info"), QStringLiteral("--json"), file});
        const CliRun counted =
            CliRun::run({QStringLiteral("stream-info"), QStringLiteral("--json"), QStringLiteral("--no-digest"), file});
        INFO(file.toStdString() << ": " << counted.err.toStdString());
        REQUIRE(full.exitCode == 0);
        REQUIRE(counted.exitCode == 0);
        QJsonObject a = full.json();
        QJsonObject b = counted.json();
        const QJsonArray fullBitmaps = a.take(QStringLiteral("bitmaps")).toArray();
        const QJsonArray countedBitmaps = b.take(QStringLiteral("bitmaps")).toArray();
        CHECK(a == b); // everything but the bitmaps is the same
        REQUIRE(fullBitmaps.size() == countedBitmaps.size());
        REQUIRE_FALSE(fullBitmaps.isEmpty());
        for (qsizetype i = 0; i < fullBitmaps.size(); ++i) {
            QJsonObject x = fullBitmaps[i].toObject();
            QJsonObject y = countedBitmaps[i].toObject();
            REQUIRE(x.value(QStringLiteral("sha256")).isString());
            CHECK(x.value(QStringLiteral("sha256")).toString().size() == 64);
            CHECK_FALSE(x.contains(QStringLiteral("sha256NotComputed")));
            CHECK(y.value(QStringLiteral("sha256")).isNull());
            CHECK(y.value(QStringLiteral("sha256NotComputed")).toBool());
            CHECK(y.value(QStringLiteral("dirtyBytes")) == x.value(QStringLiteral("dirtyBytes")));
            x.remove(QStringLiteral("sha256"));
            y.remove(QStringLiteral("sha256"));
            y.remove(QStringLiteral("sha256NotComputed"));
            CHECK(x == y);
        }
    }
    const CliRun text = CliRun::run({QStringLiteral("stream-info"), QStringLiteral("--no-digest"), kSample});
    CHECK(text.exitCode == 0);
    CHECK(text.out.contains(QStringLiteral("drive0/bitmap0: granularity 64 KiB, enabled; 2.12 MiB dirty of 100 MiB; "
                                           "sha256 not computed (--no-digest)")));
    CHECK_FALSE(text.out.contains(QStringLiteral("sha256 ca3c6d82")));
}

TEST_CASE("stream-info on a damaged migration file: the offset, exit status 1", "[stream-info][qemu-file]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QByteArray bytes = readAll(kSample);
    SECTION("truncated inside a BITS buffer")
    {
        const QString path = dir.filePath(QStringLiteral("cut.mig"));
        writeAll(path, bytes.left(700));
        const CliRun r = CliRun::run({QStringLiteral("stream-info"), QStringLiteral("--json"), path});
        CHECK(r.exitCode == 1);
        const QJsonObject e = r.json().value(QStringLiteral("error")).toObject();
        CHECK(e.value(QStringLiteral("offset")).toInt() == 700);
        CHECK(e.value(QStringLiteral("section")).toString() == QStringLiteral("dirty-bitmap"));
        CHECK(e.value(QStringLiteral("sectionId")).toInt() == 3);
        CHECK(e.value(QStringLiteral("reason")).toString().contains(QStringLiteral("the BITS buffer")));
        CHECK(r.err.contains(QStringLiteral("byte 700")));
    }
    SECTION("a footer that names another section")
    {
        QByteArray bad = bytes;
        bad[59] = char(9);
        const QString path = dir.filePath(QStringLiteral("footer.mig"));
        writeAll(path, bad);
        const CliRun r = CliRun::run({QStringLiteral("stream-info"), path});
        CHECK(r.exitCode == 1);
        CHECK(r.row(QStringLiteral("Error")) ==
              QStringLiteral("migration file: byte 56, section 'ram' (id 2), item starting at byte 55: footer of "
                             "section id 9 ends section id 2"));
    }
    SECTION("a section it cannot step over: what came before, exit status 0")
    {
        QByteArray renamed = bytes;
        const qsizetype timer = renamed.indexOf("\x05timer");
        REQUIRE(timer > 0);
        renamed[timer + 1] = 'T';
        const QString path = dir.filePath(QStringLiteral("device.mig"));
        writeAll(path, renamed);
        const CliRun r = CliRun::run({QStringLiteral("stream-info"), QStringLiteral("--json"), path});
        CHECK(r.exitCode == 0);
        const QJsonObject i = r.json();
        CHECK_FALSE(i.value(QStringLiteral("walked")).toBool());
        CHECK(i.value(QStringLiteral("valid")).toBool());
        const QJsonObject s = i.value(QStringLiteral("stopped")).toObject();
        CHECK(s.value(QStringLiteral("section")).toString() == QStringLiteral("Timer"));
        CHECK(s.value(QStringLiteral("sectionId")).toInt() == 0);
        CHECK(s.value(QStringLiteral("offset")).toInt() == timer - 5);
        CHECK(i.value(QStringLiteral("bitmaps")).toArray().size() == 3);
        CHECK(r.err.contains(QStringLiteral("stopped")));
    }
}

TEST_CASE("stream-info names the container of a bare section stream", "[stream-info][qemu-file]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString stream = dir.filePath(QStringLiteral("run.bin"));
    REQUIRE(CliRun::run({QStringLiteral("simulate"), QStringLiteral("--disk"), QStringLiteral("8G"),
                         QStringLiteral("--stream"), stream})
                .exitCode == 0);
    const CliRun r = CliRun::run({QStringLiteral("stream-info"), QStringLiteral("--json"), stream});
    CHECK(r.exitCode == 0);
    CHECK(r.json().value(QStringLiteral("container")).toString() == QStringLiteral("section"));
    CHECK(CliRun::run({QStringLiteral("stream-info"), stream}).row(QStringLiteral("Container")) ==
          QStringLiteral("dirty-bitmap sections"));
}

TEST_CASE("simulate --qemu-file writes a migration file stream-info reads with the run's SHA-256",
          "[simulate][qemu-file]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("run.mig"));
    const QStringList args = {QStringLiteral("simulate"), QStringLiteral("--disk"), QStringLiteral("2G"),
                              QStringLiteral("--granularity"), QStringLiteral("4K"), QStringLiteral("--bandwidth"),
                              QStringLiteral("2Mbit"), QStringLiteral("--rate"), QStringLiteral("5k"),
                              QStringLiteral("--start-at"), QStringLiteral("1s"), QStringLiteral("--max-downtime"),
                              QStringLiteral("20ms"), QStringLiteral("--max-passes"), QStringLiteral("6"),
                              QStringLiteral("--device"), QStringLiteral("disk0"), QStringLiteral("--bitmap"),
                              QStringLiteral("since-backup"), QStringLiteral("--qemu-file"), file};
    const CliRun sim = CliRun::run(args + QStringList{QStringLiteral("--json")});
    INFO(sim.err.toStdString());
    REQUIRE(sim.exitCode == 0);
    const QJsonObject s = sim.json();
    CHECK(s.value(QStringLiteral("dirtyPasses")).toInt() > 0);
    const QJsonObject q = s.value(QStringLiteral("qemuFile")).toObject();
    CHECK(q.value(QStringLiteral("bitmapSectionId")).toInt() == 3);
    CHECK(q.value(QStringLiteral("ramSectionId")).toInt() == 2);
    CHECK(q.value(QStringLiteral("footers")).toInt() == q.value(QStringLiteral("bitmapSections")).toInt() + 2);
    CHECK(q.value(QStringLiteral("bytes")).toDouble() == double(readAll(file).size()));
    CHECK(q.value(QStringLiteral("sha256")).toString() == s.value(QStringLiteral("sourceSha256")).toString());

    const CliRun info = CliRun::run({QStringLiteral("stream-info"), QStringLiteral("--json"), file});
    REQUIRE(info.exitCode == 0);
    const QJsonObject b = bitmapOf(info.json(), QStringLiteral("disk0"), QStringLiteral("since-backup"));
    CHECK(b.value(QStringLiteral("sha256")).toString() == s.value(QStringLiteral("sourceSha256")).toString());
    CHECK(b.value(QStringLiteral("diskBytes")).toDouble() == double(uint64_t(2) << 30));

    const CliRun text = CliRun::run(args);
    CHECK(text.exitCode == 0);
    CHECK(text.out.contains(QStringLiteral("QEMU file: ") + file));
    CHECK(text.out.contains(QStringLiteral("dirty-bitmap section id 3")));
}

TEST_CASE("simulate --qemu-file refuses chunks a QEMU destination cannot load", "[simulate][qemu-file]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("run.mig"));
    // 8 GiB at 64 KiB is a 16 KiB bitmap: 4 B chunks abort a destination, 16 KiB is one buffer of
    // 16 KiB (above the 10 KiB cap).
    const struct {
        const char* chunk;
        const char* says;
    } refused[] = {
        {"4", "--qemu-file: a QEMU destination aborts on 4 B chunks"},
        {"16K", "--qemu-file: a QEMU destination fails the migration: 16384 B buffers are above the 10240 B"},
    };
    for (const auto& c : refused) {
        const CliRun r = CliRun::run({QStringLiteral("simulate"), QStringLiteral("--disk"), QStringLiteral("8G"),
                                      QStringLiteral("--chunk"), QLatin1String(c.chunk), QStringLiteral("--qemu-file"),
                                      file});
        CHECK(r.exitCode == 2);
        CHECK(r.err.contains(QLatin1String(c.says)));
    }
    CHECK_FALSE(QFile::exists(file));
    // A whole bitmap in one chunk is loaded whatever the chunk size: 1 GiB at 64 KiB is 2 KiB of bitmap.
    const CliRun small = CliRun::run({QStringLiteral("simulate"), QStringLiteral("--disk"), QStringLiteral("1G"),
                                      QStringLiteral("--chunk"), QStringLiteral("16K"), QStringLiteral("--qemu-file"),
                                      file});
    CHECK(small.exitCode == 0);
    CHECK(QFile::exists(file));
}

TEST_CASE("simulate --qemu-file, postcopy: the file holds the source's bits at the switch", "[simulate][qemu-file]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("post.mig"));
    const CliRun sim = CliRun::run({QStringLiteral("simulate"), QStringLiteral("--strategy"), QStringLiteral("postcopy"),
                                    QStringLiteral("--disk"), QStringLiteral("2G"), QStringLiteral("--granularity"),
                                    QStringLiteral("4K"), QStringLiteral("--bandwidth"), QStringLiteral("2Mbit"),
                                    QStringLiteral("--rate"), QStringLiteral("5k"), QStringLiteral("--start-at"),
                                    QStringLiteral("1s"), QStringLiteral("--qemu-file"), file, QStringLiteral("--json")});
    INFO(sim.err.toStdString());
    REQUIRE(sim.exitCode == 0);
    const QJsonObject s = sim.json();
    const QString source = s.value(QStringLiteral("sourceSha256")).toString();
    // The guest wrote at the destination after the switch: the run's destination holds more than the file.
    CHECK(s.value(QStringLiteral("expectedSha256")).toString() != source);
    CHECK(s.value(QStringLiteral("qemuFile")).toObject().value(QStringLiteral("sha256")).toString() == source);
    const CliRun info = CliRun::run({QStringLiteral("stream-info"), QStringLiteral("--json"), file});
    REQUIRE(info.exitCode == 0);
    CHECK(bitmapOf(info.json(), QStringLiteral("drive0"), QStringLiteral("bitmap0")).value(QStringLiteral("sha256"))
              .toString() == source);
}

TEST_CASE("simulate --qemu-file writes nothing for a run that did not complete", "[simulate][qemu-file]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("unfinished.mig"));
    const CliRun r = CliRun::run({QStringLiteral("simulate"), QStringLiteral("--disk"), QStringLiteral("1T"),
                                  QStringLiteral("--bandwidth"), QStringLiteral("1Mbit"), QStringLiteral("--time-limit"),
                                  QStringLiteral("1s"), QStringLiteral("--qemu-file"), file});
    CHECK(r.exitCode == 1);
    CHECK(r.err.contains(QStringLiteral("bitmig: --qemu-file: not written: the migration did not complete and verify")));
    CHECK_FALSE(QFile::exists(file));
}

TEST_CASE("simulate --qemu-file-unchecked writes what QEMU refuses, with the verdict", "[simulate][qemu-file]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("run.mig"));
    const CliRun r = CliRun::run({QStringLiteral("simulate"), QStringLiteral("--disk"), QStringLiteral("8G"),
                                  QStringLiteral("--chunk"), QStringLiteral("16K"), QStringLiteral("--rate"),
                                  QStringLiteral("2k"), QStringLiteral("--start-at"), QStringLiteral("1s"),
                                  QStringLiteral("--qemu-file"), file, QStringLiteral("--qemu-file-unchecked"),
                                  QStringLiteral("--json")});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    const QJsonObject verdict =
        r.json().value(QStringLiteral("qemuFile")).toObject().value(QStringLiteral("qemuLoad")).toObject();
    CHECK(verdict.value(QStringLiteral("outcome")).toString() == QStringLiteral("fails-migration"));
    const QJsonObject finding = verdict.value(QStringLiteral("findings")).toArray().last().toObject();
    CHECK(finding.value(QStringLiteral("check")).toString() == QStringLiteral("buffer-too-large"));
    // stream-info reads the same verdict, at the same byte of the file.
    const CliRun info = CliRun::run({QStringLiteral("stream-info"), QStringLiteral("--json"), file});
    REQUIRE(info.exitCode == 0);
    const QJsonObject again = info.json().value(QStringLiteral("qemuLoad")).toObject();
    CHECK(again.value(QStringLiteral("outcome")).toString() == QStringLiteral("fails-migration"));
    CHECK(again.value(QStringLiteral("findings")).toArray().last().toObject().value(QStringLiteral("offset")) ==
          finding.value(QStringLiteral("offset")));
    // Without --qemu-file it is a bad argument.
    const CliRun alone = CliRun::run({QStringLiteral("simulate"), QStringLiteral("--qemu-file-unchecked")});
    CHECK(alone.exitCode == 2);
    CHECK(alone.err.contains(QStringLiteral("--qemu-file-unchecked")));
}

TEST_CASE("stream-info --destination-node and --destination-bitmap: QEMU's verdict in text and JSON",
          "[stream-info][qemu-file]")
{
    const CliRun text = CliRun::run({QStringLiteral("stream-info"), QStringLiteral("--destination-node"),
                                     QStringLiteral("drive1"), kSample});
    REQUIRE(text.exitCode == 0); // well-formed: the verdict does not change the status
    CHECK(text.out.contains(QStringLiteral("QEMU 7.2:          drops every incoming bitmap")));
    CHECK(text.out.contains(
        QStringLiteral("at byte 87: \"Cannot find device='drive0' nor node-name='drive0'\"")));
    CHECK(text.out.contains(QStringLiteral("the nodes --destination-node gives")));

    const CliRun assumed = CliRun::run({QStringLiteral("stream-info"), kSample});
    CHECK(assumed.out.contains(QStringLiteral("QEMU 7.2:          loads every bitmap")));
    CHECK(assumed.out.contains(QStringLiteral("assumed to have every node the records name")));

    const CliRun json = CliRun::run({QStringLiteral("stream-info"), QStringLiteral("--json"),
                                     QStringLiteral("--destination-bitmap"), QStringLiteral("drive1/tail"), kSample});
    REQUIRE(json.exitCode == 0);
    const QJsonObject v = json.json().value(QStringLiteral("qemuLoad")).toObject();
    CHECK(v.value(QStringLiteral("outcome")).toString() == QStringLiteral("fails-migration"));
    CHECK(v.value(QStringLiteral("bitmaps")).toString() == QStringLiteral("given"));
    CHECK(v.value(QStringLiteral("nodes")).toString() == QStringLiteral("assumed"));
    const QJsonObject f = v.value(QStringLiteral("findings")).toArray().last().toObject();
    CHECK(f.value(QStringLiteral("check")).toString() == QStringLiteral("bitmap-exists"));
    CHECK(f.value(QStringLiteral("qemuMessage")).toString() ==
          QStringLiteral("Bitmap with the same name ('tail') already exists on destination"));

    const CliRun bad = CliRun::run({QStringLiteral("stream-info"), QStringLiteral("--destination-bitmap"),
                                    QStringLiteral("tail"), kSample});
    CHECK(bad.exitCode == 2);
    CHECK(bad.err.contains(QStringLiteral("--destination-bitmap")));
    CHECK(bad.err.contains(QStringLiteral("'tail' is not NODE/NAME")));
}

TEST_CASE("stream-info on a bare section: QEMU's verdict on 16 KiB buffers", "[stream-info][qemu-file]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString stream = dir.filePath(QStringLiteral("run.bin"));
    const CliRun sim = CliRun::run({QStringLiteral("simulate"), QStringLiteral("--disk"), QStringLiteral("8G"),
                                    QStringLiteral("--chunk"), QStringLiteral("16K"), QStringLiteral("--rate"),
                                    QStringLiteral("2k"), QStringLiteral("--start-at"), QStringLiteral("1s"),
                                    QStringLiteral("--stream"), stream});
    REQUIRE(sim.exitCode == 0);
    const CliRun r = CliRun::run({QStringLiteral("stream-info"), QStringLiteral("--json"), stream});
    REQUIRE(r.exitCode == 0); // a well-formed lab stream
    const QJsonObject v = r.json().value(QStringLiteral("qemuLoad")).toObject();
    CHECK(v.value(QStringLiteral("outcome")).toString() == QStringLiteral("fails-migration"));
    const QJsonObject f = v.value(QStringLiteral("findings")).toArray().last().toObject();
    CHECK(f.value(QStringLiteral("check")).toString() == QStringLiteral("buffer-too-large"));
    // The offset is that of the buffer size: the 8 bytes before a 16384-byte buffer.
    const QByteArray bytes = readAll(stream);
    const qint64 at = f.value(QStringLiteral("offset")).toInteger();
    REQUIRE(at + 8 <= bytes.size());
    uint64_t size = 0;
    for (int i = 0; i < 8; ++i) {
        size = size << 8 | uint8_t(bytes[at + i]);
    }
    CHECK(size == 16384);
}
