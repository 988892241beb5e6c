#include "clirun.h"

#include <bitmig/units.h>

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringDecoder>
#include <QRegularExpression>
#include <QTemporaryDir>

namespace {

// A small disk whose bitmap is dirty by the time the migration starts: fast, yet every phase runs.
QStringList smallRun()
{
    return {QStringLiteral("simulate"), QStringLiteral("--disk"), QStringLiteral("64G"), QStringLiteral("--start-at"),
            QStringLiteral("1s")};
}

uint64_t integer(const QJsonObject& o, const char* key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    REQUIRE(v.isDouble());
    return uint64_t(v.toDouble());
}

} // namespace

TEST_CASE("simulate verifies with every strategy", "[simulate]")
{
    const QString strategy =
        GENERATE(QStringLiteral("precopy"), QStringLiteral("postcopy"), QStringLiteral("stop-copy"));
    const QStringList args = smallRun() + QStringList{QStringLiteral("--strategy"), strategy,
                                                      QStringLiteral("--bandwidth"), QStringLiteral("100Mbit"),
                                                      QStringLiteral("--json")};
    INFO(describe(args).toStdString());
    const CliRun r = CliRun::run(args);
    REQUIRE(r.exitCode == 0);
    const QJsonObject s = r.json();
    CHECK(s.value(QStringLiteral("strategy")).toString() == strategy);
    CHECK(s.value(QStringLiteral("config")).toObject().value(QStringLiteral("strategy")).toString() == strategy);
    CHECK(s.value(QStringLiteral("started")).toBool());
    CHECK(s.value(QStringLiteral("finished")).toBool());
    CHECK(s.value(QStringLiteral("verified")).toBool());
    CHECK_FALSE(s.value(QStringLiteral("cancelled")).toBool());
    CHECK(integer(s, "lostBits") == 0);
    CHECK(integer(s, "extraBits") == 0);
    CHECK(integer(s, "chunks") == 128);  // 64 GiB / 64 KiB = 2^20 bits = 128 KiB of bitmap in 1 KiB chunks
    CHECK(integer(s, "chunksSent") >= 128);
    CHECK(integer(s, "wireBytes") == integer(s, "payloadBytes") + integer(s, "headerBytes"));
    CHECK(integer(s, "wireBytes") == integer(s, "decodedBytes"));
    CHECK(s.value(QStringLiteral("overhead")).toDouble() ==
          Approx(double(integer(s, "headerBytes")) / double(integer(s, "wireBytes"))));
    CHECK(integer(s, "migrationStartNs") == 1'000'000'000);
    CHECK(integer(s, "maxDowntimeNs") == 300'000'000);
    CHECK(s.value(QStringLiteral("destinationSha256")).toString() ==
          s.value(QStringLiteral("expectedSha256")).toString());
    CHECK(s.value(QStringLiteral("destinationSha256")).toString().size() == 64);
    const QJsonArray phases = s.value(QStringLiteral("phases")).toArray();
    REQUIRE(phases.size() >= 4);
    CHECK(phases.first().toObject().value(QStringLiteral("phase")).toString() == QStringLiteral("idle"));
    CHECK(phases.last().toObject().value(QStringLiteral("phase")).toString() == QStringLiteral("done"));
    for (const QJsonValue& p : phases) {
        CHECK(p.toObject().value(QStringLiteral("endNs")).toDouble() >=
              p.toObject().value(QStringLiteral("startNs")).toDouble());
    }
    if (strategy != QStringLiteral("postcopy")) {
        CHECK(s.value(QStringLiteral("sourceSha256")).toString() ==
              s.value(QStringLiteral("destinationSha256")).toString());
    } else {
        CHECK(integer(s, "unusableWindowNs") > 0);
    }
    if (strategy == QStringLiteral("stop-copy")) {
        // The guest is paused for the whole transfer.
        CHECK(integer(s, "downtimeNs") == integer(s, "totalTimeNs"));
    }
}

TEST_CASE("simulate prints a text summary", "[simulate]")
{
    const CliRun r = CliRun::run(smallRun() + QStringList{QStringLiteral("--latency"), QStringLiteral("2ms")});
    REQUIRE(r.exitCode == 0);
    for (const char* expected : {"Phases", "bulk", "complete", "done", "Dirty passes:", "Payload bytes:",
                                 "Header bytes:", "Overhead:", "Chunks sent:", "Writes applied:", "Downtime:",
                                 "limit 300 ms", "Total time:", "Converged:", "Source SHA-256:",
                                 "Destination SHA-256:"}) {
        INFO(expected);
        CHECK(r.out.contains(QLatin1String(expected)));
    }
    CHECK(r.out.contains(QRegularExpression(QStringLiteral("Verified:\\s+yes"))));
    CHECK(r.out.contains(QRegularExpression(QStringLiteral("Lost bits:\\s+0\\n"))));
    CHECK(r.err.isEmpty());
}

TEST_CASE("the text output writes microseconds as \u00b5s in UTF-8, also in the C locale, and JSON keeps its fields", "[simulate]")
{
    // The raw bytes, in the C locale: the text is UTF-8 whatever the locale says.
    auto run = [](const QStringList& args, QByteArray* out, QByteArray* err) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
        env.insert(QStringLiteral("LANG"), QStringLiteral("C"));
        env.remove(QStringLiteral("LANGUAGE"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(BITMIG_EXECUTABLE), args);
        REQUIRE(p.waitForStarted(10000));
        REQUIRE(p.waitForFinished(300000));
        *out = p.readAllStandardOutput();
        *err = p.readAllStandardError();
        return p.exitCode();
    };
    auto utf8 = [](const QByteArray& bytes) {
        QStringDecoder decoder(QStringDecoder::Utf8);
        const QString text = decoder(bytes);
        return !decoder.hasError() && text.toUtf8() == bytes;
    };
    const QByteArray micro = "\xc2\xb5s";  // µs
    QByteArray out, err;
    const QStringList args{QStringLiteral("simulate"), QStringLiteral("--disk"), QStringLiteral("1G"),
                           QStringLiteral("--latency"), QStringLiteral("250us")};
    REQUIRE(run(args, &out, &err) == 0);
    INFO(out.toStdString());
    CHECK(utf8(out));
    CHECK(out.contains("latency 250 " + micro + "\n"));
    CHECK_FALSE(out.contains(" us\n"));
    CHECK_FALSE(out.contains(" us "));
    CHECK_FALSE(out.contains(" us,"));
    CHECK_FALSE(out.contains(" us)"));
    CHECK(err.isEmpty());

    // A microsecond duration in an error on standard error.
    REQUIRE(run({QStringLiteral("simulate"), QStringLiteral("--tick"), QStringLiteral("0")}, &out, &err) == 2);
    CHECK(utf8(err));
    CHECK(err.contains("--tick: '0': must be between 1 " + micro + " and 1 s"));

    // JSON: the machine fields as they were, nanoseconds, no unit text.
    REQUIRE(run(args + QStringList{QStringLiteral("--json")}, &out, &err) == 0);
    CHECK(out.contains("\"latencyNs\": 250000,"));
    CHECK_FALSE(out.contains(micro));
}

TEST_CASE("a sub-millisecond run's phases end when its total time says, in the same precision", "[simulate]")
{
    // An idle 1 GiB disk migrates in well under the 1 ms tick: the complete phase ends, and done
    // begins, when the END arrived, not at the tick after it.
    const QStringList args{QStringLiteral("simulate"), QStringLiteral("--disk"), QStringLiteral("1G"),
                           QStringLiteral("--workload"), QStringLiteral("idle")};
    const CliRun json = CliRun::run(args + QStringList{QStringLiteral("--json")});
    REQUIRE(json.exitCode == 0);
    const QJsonObject s = json.json();
    const uint64_t endAt = integer(s, "migrationStartNs") + integer(s, "totalTimeNs");
    REQUIRE(endAt < 1'000'000);  // the case at hand: sub-millisecond
    const QJsonArray phases = s.value(QStringLiteral("phases")).toArray();
    REQUIRE(phases.size() >= 2);
    const QJsonObject complete = phases[phases.size() - 2].toObject();
    const QJsonObject done = phases.last().toObject();
    CHECK(complete.value(QStringLiteral("phase")).toString() == QStringLiteral("complete"));
    CHECK(uint64_t(complete.value(QStringLiteral("endNs")).toDouble()) == endAt);
    CHECK(uint64_t(done.value(QStringLiteral("startNs")).toDouble()) == endAt);
    for (const QJsonValue& p : phases) {
        CHECK(uint64_t(p.toObject().value(QStringLiteral("endNs")).toDouble()) <= endAt);
    }

    // The text: with the migration starting at 0, the done row begins and ends at the total time,
    // written the same way (its length follows), and no phase row shows a time past it.
    const CliRun text = CliRun::run(args);
    REQUIRE(text.exitCode == 0);
    REQUIRE(text.row(QStringLiteral("Migration start")) == QStringLiteral("0 ns"));
    const QString total = text.row(QStringLiteral("Total time"));
    REQUIRE_FALSE(total.isEmpty());
    INFO(text.out.toStdString());
    const QRegularExpression doneRow(QStringLiteral("^  done\\s+(.+?) \\.\\.\\s+(\\S+ \\S+)  \\S+ \\S+$"), QRegularExpression::MultilineOption);
    const QRegularExpressionMatch m = doneRow.match(text.out);
    REQUIRE(m.hasMatch());
    CHECK(m.captured(1).trimmed() == total);
    CHECK(m.captured(2).trimmed() == total);
    CHECK_FALSE(text.out.contains(QStringLiteral(" 1 ms\n")));
}

TEST_CASE("simulate is deterministic and keeps large integers exact", "[simulate]")
{
    const QStringList args = smallRun() + QStringList{QStringLiteral("--seed"), QStringLiteral("18446744073709551615"),
                                                      QStringLiteral("--json")};
    const CliRun a = CliRun::run(args);
    const CliRun b = CliRun::run(args);
    REQUIRE(a.exitCode == 0);
    CHECK(a.out == b.out);
    // Above 2^53 an integer is a string, so no reader rounds it.
    CHECK(a.json().value(QStringLiteral("config")).toObject().value(QStringLiteral("seed")) ==
          QJsonValue(QStringLiteral("18446744073709551615")));
    const CliRun other = CliRun::run(smallRun() + QStringList{QStringLiteral("--seed"), QStringLiteral("2"),
                                                              QStringLiteral("--json")});
    CHECK(other.json().value(QStringLiteral("sourceSha256")) != a.json().value(QStringLiteral("sourceSha256")));
}

TEST_CASE("simulate exits 1 when the migration does not finish", "[simulate]")
{
    const CliRun r = CliRun::run({QStringLiteral("simulate"), QStringLiteral("--disk"), QStringLiteral("64G"),
                                  QStringLiteral("--start-at"), QStringLiteral("2s"), QStringLiteral("--time-limit"),
                                  QStringLiteral("1s"), QStringLiteral("--json")});
    CHECK(r.exitCode == 1);
    CHECK_FALSE(r.json().value(QStringLiteral("finished")).toBool());
    CHECK(r.err.contains(QStringLiteral("did not finish")));
}

TEST_CASE("simulate applies injected writes and clears", "[simulate]")
{
    const CliRun r = CliRun::run({QStringLiteral("simulate"), QStringLiteral("--disk"), QStringLiteral("64G"),
                                  QStringLiteral("--workload"), QStringLiteral("idle"), QStringLiteral("--start-at"),
                                  QStringLiteral("100ms"), QStringLiteral("--inject"), QStringLiteral("10ms:write:1G:3G"),
                                  QStringLiteral("--inject"), QStringLiteral("20ms:clear:1G:1G"), QStringLiteral("--json")});
    REQUIRE(r.exitCode == 0);
    const QJsonObject s = r.json();
    CHECK(integer(s, "writesApplied") == 1);
    CHECK(integer(s, "clearsApplied") == 1);
    CHECK(s.value(QStringLiteral("verified")).toBool());
    const QJsonArray inj = s.value(QStringLiteral("config")).toObject().value(QStringLiteral("injections")).toArray();
    REQUIRE(inj.size() == 2);
    CHECK(inj[0].toObject().value(QStringLiteral("op")).toString() == QStringLiteral("write"));
    CHECK(inj[0].toObject().value(QStringLiteral("offset")).toDouble() == 1073741824.0);
    CHECK(inj[1].toObject().value(QStringLiteral("op")).toString() == QStringLiteral("clear"));
}

TEST_CASE("the text summary gives no rate or write sizes for the idle workload", "[simulate]")
{
    const CliRun idle = CliRun::run(smallRun() + QStringList{QStringLiteral("--workload"), QStringLiteral("idle"),
                                                             QStringLiteral("--seed"), QStringLiteral("7")});
    REQUIRE(idle.exitCode == 0);
    CHECK(idle.row(QStringLiteral("Workload")) == QStringLiteral("idle, seed 7"));
    CHECK(idle.row(QStringLiteral("Trace")).isEmpty());

    const CliRun uniform = CliRun::run(smallRun() + QStringList{QStringLiteral("--rate"), QStringLiteral("5k"),
                                                                QStringLiteral("--seed"), QStringLiteral("7")});
    REQUIRE(uniform.exitCode == 0);
    CHECK(uniform.row(QStringLiteral("Workload")) == QStringLiteral("uniform, 5000 writes/s of 4 KiB to 64 KiB, seed 7"));

    // The JSON config keeps every field of the workload: it is the configuration, not a description.
    const CliRun json = CliRun::run(smallRun() + QStringList{QStringLiteral("--workload"), QStringLiteral("idle"),
                                                             QStringLiteral("--json")});
    REQUIRE(json.exitCode == 0);
    const QJsonObject w =
        json.json().value(QStringLiteral("config")).toObject().value(QStringLiteral("workload")).toObject();
    CHECK(w.value(QStringLiteral("kind")).toString() == QStringLiteral("idle"));
    CHECK(w.value(QStringLiteral("rate")).toDouble() == 20000);
    CHECK(integer(json.json(), "writesApplied") == 0);
}

TEST_CASE("simulate --timeseries writes the CSV", "[simulate]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("run.csv"));
    const CliRun r = CliRun::run(smallRun() + QStringList{QStringLiteral("--timeseries"), path});
    REQUIRE(r.exitCode == 0);
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    REQUIRE(lines.size() > 100);  // 1 s idle in 10 ms buckets, then the migration
    CHECK(lines[0] == QStringLiteral("time_s,duration_s,phase,pass,payload_bytes,header_bytes,throughput_Bps,"
                                     "overhead,pending_bytes,threshold_bytes,dirty_bits,dirty_chunks,writes,"
                                     "redirtied_chunks"));
    CHECK(lines[1].startsWith(QStringLiteral("0.01,0.01,idle,0,")));
    double previous = 0;
    uint64_t payload = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QStringList f = lines[i].split(QLatin1Char(','));
        REQUIRE(f.size() == 14);
        const double t = f[0].toDouble();
        CHECK(t > previous);
        previous = t;
        payload += f[4].toULongLong();
    }
    CHECK(lines.last().split(QLatin1Char(','))[2] == QStringLiteral("done"));
    CHECK(payload > 0);
}

TEST_CASE("simulate --stream and stream-info agree", "[simulate][stream-info]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("run.bin"));
    const CliRun sim = CliRun::run(smallRun() + QStringList{QStringLiteral("--stream"), path, QStringLiteral("--json")});
    REQUIRE(sim.exitCode == 0);
    const QJsonObject s = sim.json();
    CHECK(QFileInfo(path).size() == qint64(integer(s, "wireBytes")));

    const CliRun info = CliRun::run({QStringLiteral("stream-info"), QStringLiteral("--json"), path});
    REQUIRE(info.exitCode == 0);
    const QJsonObject i = info.json();
    CHECK(i.value(QStringLiteral("valid")).toBool());
    CHECK(integer(i, "bytes") == integer(s, "wireBytes"));
    CHECK(integer(i, "decodedBytes") == integer(s, "decodedBytes"));
    CHECK(integer(i, "records") == integer(s, "records"));
    CHECK(integer(i, "payloadBytes") == integer(s, "payloadBytes"));
    CHECK(integer(i, "headerBytes") == integer(s, "headerBytes"));
    const QJsonObject kinds = i.value(QStringLiteral("recordsByKind")).toObject();
    CHECK(uint64_t(kinds.value(QStringLiteral("BITS")).toDouble()) == integer(s, "chunksSent"));
    CHECK(integer(i, "bitsZeroes") == integer(s, "chunksZeroes"));
    CHECK(kinds.value(QStringLiteral("START")).toDouble() == 1);
    CHECK(kinds.value(QStringLiteral("COMPLETE")).toDouble() == 1);
    const QJsonObject sections = i.value(QStringLiteral("sectionsByType")).toObject();
    CHECK(sections.value(QStringLiteral("START")).toDouble() == 1);
    CHECK(sections.value(QStringLiteral("END")).toDouble() == 1);
    CHECK(integer(i, "sections") == kinds.value(QStringLiteral("EOS")).toDouble());
    CHECK(i.value(QStringLiteral("granularities")).toArray() == QJsonArray{65536});
    CHECK(i.value(QStringLiteral("devices")).toArray() == QJsonArray{QStringLiteral("drive0")});
    CHECK(i.value(QStringLiteral("bitmaps")).toArray() == QJsonArray{QStringLiteral("bitmap0")});

    const CliRun text = CliRun::run({QStringLiteral("stream-info"), path});
    REQUIRE(text.exitCode == 0);
    CHECK(text.out.contains(QRegularExpression(QStringLiteral("Bytes:\\s+%1 ").arg(integer(s, "wireBytes")))));
    CHECK(text.out.contains(QStringLiteral("well-formed")));
}

TEST_CASE("the text's phase list gives each phase's start and end exactly, as JSON has them, and its length", "[simulate]")
{
    // A run a second in: its phases last microseconds to milliseconds, a second from zero.
    const CliRun text = CliRun::run(smallRun());
    REQUIRE(text.exitCode == 0);
    const CliRun json = CliRun::run(smallRun() + QStringList{QStringLiteral("--json")});
    REQUIRE(json.exitCode == 0);
    const QJsonArray phases = json.json().value(QStringLiteral("phases")).toArray();
    QStringList lines = text.lines();
    const qsizetype first = lines.indexOf(QStringLiteral("Phases"));
    REQUIRE(first >= 0);
    lines = lines.mid(first + 1, phases.size());
    REQUIRE(lines.size() == phases.size());
    static const QRegularExpression line(QStringLiteral("^  (\\S.*\\S)\\s+(\\S+ \\S+) \\.\\.\\s+(\\S+ \\S+)  (\\S+ \\S+)$"));
    for (qsizetype i = 0; i < phases.size(); ++i) {
        const QJsonObject p = phases[i].toObject();
        INFO(lines[i].toStdString());
        const QRegularExpressionMatch m = line.match(lines[i]);
        REQUIRE(m.hasMatch());
        CHECK(m.captured(1).startsWith(p.value(QStringLiteral("phase")).toString()));
        const auto start = int64_t(p.value(QStringLiteral("startNs")).toDouble());
        const auto end = int64_t(p.value(QStringLiteral("endNs")).toDouble());
        CHECK(bitmig::units::parseDuration(m.captured(2).toStdString()) == start);
        CHECK(bitmig::units::parseDuration(m.captured(3).toStdString()) == end);
        CHECK(m.captured(4) == QString::fromStdString(bitmig::units::formatDuration(end - start)));
    }
    // The bulk phase starts at 1 s and ends later: the two read apart.
    const QRegularExpressionMatch bulk = line.match(lines[2]);
    REQUIRE(bulk.hasMatch());
    CHECK(bulk.captured(1) == QStringLiteral("bulk"));
    CHECK(bulk.captured(2) != bulk.captured(3));
}
