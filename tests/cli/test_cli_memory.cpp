// Runs that cannot fit in memory are refused before anything is allocated, with what they need and
// what there is, by simulate, sweep and a scenario file alike.
#include "clirun.h"

#include <bitmig/runmemory.h>
#include <bitmig/units.h>

#include <QFile>
#include <QTemporaryDir>

namespace {

// Sets BITMIG_MEMORY_LIMIT for the runs of one scope.
class MemoryLimit {
public:
    explicit MemoryLimit(const char* value) { qputenv("BITMIG_MEMORY_LIMIT", value); }
    ~MemoryLimit() { qunsetenv("BITMIG_MEMORY_LIMIT"); }
    MemoryLimit(const MemoryLimit&) = delete;
    MemoryLimit& operator=(const MemoryLimit&) = delete;
};

QString needs(uint64_t disk, uint64_t granularity, uint64_t chunk = 1024, int64_t timeLimitNs = 3'600'000'000'000)
{
    bitmig::SimConfig c;
    c.diskBytes = disk;
    c.granularity = granularity;
    c.chunkBytes = chunk;
    c.timeLimitNs = timeLimitNs;
    return QStringLiteral("the run needs %1 of memory for its bitmaps, ")
        .arg(QString::fromStdString(bitmig::units::formatSize(bitmig::estimateRunMemory(c).total())));
}

// "this machine has X available" or, when the limit is lower, "BITMIG_MEMORY_LIMIT allows X".
bool namesWhatThereIs(const QString& message)
{
    return (message.contains(QLatin1String("this machine has ")) && message.contains(QLatin1String(" available"))) ||
           message.contains(QLatin1String("BITMIG_MEMORY_LIMIT allows 16 GiB"));
}

} // namespace

TEST_CASE("simulate refuses a run that cannot fit, with both figures", "[memory]")
{
    const MemoryLimit limit("16G");  // the same refusal on a machine with more memory than that
    const uint64_t T = uint64_t(1) << 40, P = uint64_t(1) << 50;
    const struct {
        const char* disk;
        const char* granularity;
        uint64_t diskBytes, granularityBytes;
    } cases[] = {{"512T", "512", 512 * T, 512}, {"1P", "512", P, 512}, {"64P", "64K", 64 * P, 65536}};
    for (const auto& c : cases) {
        const QStringList args{QStringLiteral("simulate"), QStringLiteral("--disk"), QLatin1String(c.disk),
                               QStringLiteral("--granularity"), QLatin1String(c.granularity)};
        INFO(describe(args).toStdString());
        const CliRun r = CliRun::run(args);
        INFO(r.err.toStdString());
        CHECK(r.exitCode == 2);
        CHECK(r.out.isEmpty());
        CHECK(r.err.count(QLatin1Char('\n')) == 1);
        CHECK(r.err.startsWith(QStringLiteral("bitmig: --disk: '%1': ").arg(QLatin1String(c.disk)) +
                               needs(c.diskBytes, c.granularityBytes)));
        CHECK(namesWhatThereIs(r.err));
        CHECK(!r.err.contains(QLatin1String("bad_alloc")));
    }
}

TEST_CASE("BITMIG_MEMORY_LIMIT lowers what a run may have", "[memory]")
{
    const QStringList args{QStringLiteral("simulate"), QStringLiteral("--disk"), QStringLiteral("1T"),
                           QStringLiteral("--granularity"), QStringLiteral("512"), QStringLiteral("--time-limit"),
                           QStringLiteral("10ms")};
    {
        const MemoryLimit limit("256M");  // 1 TiB at 512 B: 256 MiB per bitmap
        const CliRun r = CliRun::run(args);
        CHECK(r.exitCode == 2);
        CHECK(r.err.startsWith(QStringLiteral("bitmig: --disk: '1T': ") + needs(uint64_t(1) << 40, 512, 1024, 10'000'000) +
                               QStringLiteral("BITMIG_MEMORY_LIMIT allows 256 MiB; at a granularity of 512 B disks up to ")));
    }
    {
        const MemoryLimit limit("2G");
        const CliRun r = CliRun::run(args);
        INFO(r.err.toStdString());
        CHECK(r.exitCode != 2);
        CHECK(r.out.contains(QLatin1String("Scenario")));
    }
    {
        const MemoryLimit limit("plenty");
        const CliRun r = CliRun::run(args);
        CHECK(r.exitCode == 2);
        CHECK(r.err.startsWith(QStringLiteral("bitmig: BITMIG_MEMORY_LIMIT: 'plenty'")));
    }
}

TEST_CASE("sweep refuses points that cannot fit and runs the ones that can", "[memory]")
{
    const MemoryLimit limit("16G");
    const CliRun all = CliRun::run({QStringLiteral("sweep"), QStringLiteral("--disk"), QStringLiteral("1P"),
                                    QStringLiteral("--granularity"), QStringLiteral("512"), QStringLiteral("--chunks"),
                                    QStringLiteral("1K,64K")});
    CHECK(all.exitCode == 2);
    CHECK(all.err.startsWith(QStringLiteral("bitmig: --disk: '1P': ") + needs(uint64_t(1) << 50, 512)));

    // Per point: the coarse granularity runs, the fine one is listed as skipped with the reason.
    const CliRun some = CliRun::run({QStringLiteral("sweep"), QStringLiteral("--disk"), QStringLiteral("64T"),
                                     QStringLiteral("--chunks"), QStringLiteral("64K"), QStringLiteral("--vary"),
                                     QStringLiteral("granularity=64K,512"), QStringLiteral("--workload"),
                                     QStringLiteral("idle"), QStringLiteral("--bandwidth"), QStringLiteral("100Gbit"),
                                     QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--jobs"),
                                     QStringLiteral("2")});
    INFO(some.err.toStdString() << some.out.toStdString());
    REQUIRE(some.exitCode == 0);
    CHECK(some.out.contains(QLatin1String("\"reason\": \"--disk: '64T': the run needs ")));
    CHECK(some.out.count(QLatin1String("the run needs")) == 1);
}

TEST_CASE("a scenario file whose run cannot fit is refused at its disk", "[memory][scenario]")
{
    const MemoryLimit limit("16G");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("huge.json"));
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(R"({"format": "bitmig-scenario", "version": 1, "disk": "64P"})");
    f.close();
    const CliRun r = CliRun::run({QStringLiteral("simulate"), QStringLiteral("--scenario"), path});
    CHECK(r.exitCode == 2);
    CHECK(r.err.startsWith(QStringLiteral("bitmig: --scenario: ") + path + QStringLiteral(": disk: ") +
                           needs(uint64_t(64) << 50, 65536)));
    CHECK(namesWhatThereIs(r.err));
}
