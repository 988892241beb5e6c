// Qcow2Import without a window: real images made by qemu-img and qemu-io, the scenario they give.
#include "../core/qcow2_test_util.hpp"

#include "app/model/qcow2import.h"

#include <bitmig/qcow2error.h>

#include <QLocale>

#include <catch2/catch.hpp>

using namespace bitmig;
using namespace qcow2_test;
using bitmig_test::TempDir;

namespace {

SimConfig baseConfig()
{
    SimConfig c;
    c.workload.kind = WorkloadKind::Zipf;
    c.workload.rate = 1000;
    c.injections.push_back(Injection{5, Injection::Op::Write, 0, 4096});  // replaced by the import
    return c;
}

} // namespace

TEST_CASE("a qcow2 bitmap becomes a run: disk, granularity and one write per dirty extent", "[qcow2import]")
{
    TempDir dir;
    const std::string image = dir.file("disk.qcow2");
    createImage(image, 256 * MiB);
    addBitmap(image, "b0", 128 * KiB);
    const std::vector<Write> writes{{1 * MiB, 64 * KiB}, {10340 * KiB, 300 * KiB}};
    writeImage(image, writes);

    const Qcow2Import import(QString::fromStdString(image));
    CHECK(import.bitmapNames() == QStringList{QStringLiteral("b0")});
    CHECK(import.nothingToImport().isEmpty());

    QString why;
    const auto idle = import.scenario(QStringLiteral("b0"), baseConfig(), Qcow2Import::Workload::Idle, &why);
    REQUIRE(idle);
    CHECK(why.isEmpty());
    CHECK(idle->config.diskBytes == 256 * MiB);
    CHECK(idle->config.granularity == 128 * KiB);
    CHECK(idle->config.workload.kind == WorkloadKind::Idle);
    const std::vector<Range> expected = expectedExtents(writes, 256 * MiB, 128 * KiB);
    REQUIRE(idle->config.injections.size() == expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
        CHECK(idle->config.injections[i].timeNs == 0);
        CHECK(idle->config.injections[i].op == Injection::Op::Write);
        CHECK(idle->config.injections[i].offset == expected[i].start);
        CHECK(idle->config.injections[i].length == expected[i].count);
    }
    CHECK(idle->name.contains(QStringLiteral("disk.qcow2")));
    CHECK(idle->description.contains(QStringLiteral("idle")));

    const auto kept = import.scenario(QStringLiteral("b0"), baseConfig(), Qcow2Import::Workload::Keep, &why);
    REQUIRE(kept);
    CHECK(kept->config.workload.kind == WorkloadKind::Zipf);
    CHECK(kept->config.injections == idle->config.injections);
    CHECK(kept->description.contains(Qcow2Import::describe(baseConfig().workload)));
}

TEST_CASE("a qcow2 import names what is missing and changes nothing", "[qcow2import]")
{
    TempDir dir;
    const std::string image = dir.file("plain.qcow2");
    createImage(image, 64 * MiB);
    const Qcow2Import none(QString::fromStdString(image));
    CHECK(none.bitmapNames().isEmpty());
    CHECK(none.nothingToImport().contains(QStringLiteral("holds no persistent bitmap")));
    CHECK(none.nothingToImport().contains(QString::fromStdString(image)));

    addBitmap(image, "b0", 64 * KiB);
    const Qcow2Import one(QString::fromStdString(image));
    QString why;
    CHECK_FALSE(one.scenario(QStringLiteral("nope\x1b[2J"), baseConfig(), Qcow2Import::Workload::Idle, &why));
    CHECK(why.contains(QStringLiteral("nope")));
    CHECK_FALSE(why.contains(QChar(0x1b)));  // shown escaped

    const std::string junk = dir.file("junk.qcow2");
    writeFile(junk, std::vector<uint8_t>(4096, 'x'));
    CHECK_THROWS_AS(Qcow2Import(QString::fromStdString(junk)), Qcow2Error);
}

TEST_CASE("workloads are described in the workload panel's words", "[qcow2import]")
{
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    WorkloadSpec w;
    w.kind = WorkloadKind::Idle;
    CHECK(Qcow2Import::describe(w) == QStringLiteral("Idle"));
    w.kind = WorkloadKind::Uniform;
    w.rate = 2500;
    CHECK(Qcow2Import::describe(w) == QStringLiteral("Uniform random, 2,500 writes/s"));
    QLocale::setDefault(before);
}
