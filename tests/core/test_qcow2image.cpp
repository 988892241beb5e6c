// Bitmaps of real qcow2 images made by qemu-img and qemu-io, read back by Qcow2Image.
#include "qcow2_test_util.hpp"

#include <bitmig/dirtyextents.h>
#include <bitmig/qcow2image.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <spawn.h>
#include <thread>

using bitmig::dirtyExtents;
using bitmig::DirtyBitmap;
using bitmig::Qcow2Error;
using bitmig::Qcow2Image;
using namespace qcow2_test;

extern char** environ;

namespace {

uint64_t tableSizeFor(uint64_t disk, uint64_t granularity, uint64_t cluster)
{
    const uint64_t bits = (disk + granularity - 1) / granularity;
    return ((bits + 7) / 8 + cluster - 1) / cluster;
}

uint64_t total(const std::vector<Range>& runs)
{
    uint64_t sum = 0;
    for (const Range& r : runs) {
        sum += r.count;
    }
    return sum;
}

std::string errorOf(const Qcow2Image& image, const std::string& name)
{
    try {
        image.loadBitmap(name);
    } catch (const Qcow2Error& e) {
        return e.what();
    }
    return "(no error)";
}

} // namespace

TEST_CASE("qcow2: an image without bitmaps", "[qcow2]")
{
    TempDir dir;
    const std::string path = dir.file("plain.qcow2");
    createImage(path, 64 * MiB);
    const Qcow2Image image(path);
    CHECK(image.path() == path);
    CHECK(image.version() == 3);
    CHECK(image.clusterSize() == 64 * KiB);
    CHECK(image.clusterBits() == 16);
    CHECK(image.diskBytes() == 64 * MiB);
    CHECK(image.fileBytes() == std::filesystem::file_size(path));
    CHECK(image.bitmaps().empty());
    CHECK_FALSE(image.bitmapsIgnored());
    CHECK(image.find("b0") == nullptr);
    const std::string message = errorOf(image, "b0");
    CHECK_THAT(message, Catch::Contains(path) && Catch::Contains("bitmap 'b0'") && Catch::Contains("not found"));
}

TEST_CASE("qcow2: a bitmap holds the writes qemu-io made, at each granularity and cluster size", "[qcow2]")
{
    const uint64_t granularity = GENERATE(uint64_t(512), 4 * KiB, 64 * KiB, 1 * MiB);
    const uint64_t cluster = GENERATE(uint64_t(512), 64 * KiB);
    const uint64_t disk = 64 * MiB;
    INFO("granularity " << granularity << ", cluster " << cluster);
    TempDir dir;
    const std::string path = dir.file("one.qcow2");
    createImage(path, disk, cluster);
    addBitmap(path, "b0", granularity);
    // Aligned and unaligned writes, neighbours that merge, and one that reaches the end of the disk.
    const std::vector<Write> writes{{1 * MiB, 128 * KiB}, {3000, 100},         {10 * MiB + 1, 64 * KiB},
                                    {20 * MiB - 512, 1024}, {20 * MiB + 512, 512}, {33 * MiB + 7, 3 * MiB},
                                    {disk - 100, 100}};
    writeImage(path, writes);

    const std::vector<uint8_t> bytes = readFile(path);
    const Layout layout = locate(bytes);
    const Qcow2Image image(path);
    REQUIRE(image.bitmaps().size() == 1);
    const bitmig::Qcow2BitmapInfo& info = image.bitmaps().front();
    CHECK(info.name == "b0");
    CHECK(info.index == 0);
    CHECK(info.granularity == granularity);
    CHECK((uint64_t(1) << info.granularityBits) == granularity);
    CHECK(info.autoEnabled());
    CHECK_FALSE(info.inUse());
    CHECK(info.type == 1);
    CHECK(info.diskBytes == disk);
    CHECK(info.tableSize == tableSizeFor(disk, granularity, cluster));
    CHECK(info.tableOffset == layout.tableOffset[0]);
    CHECK(info.entryOffset == layout.entryAt[0]);
    CHECK(image.find("b0") == &info);

    const DirtyBitmap bm = image.loadBitmap("b0");
    CHECK(bm.name() == "b0");
    CHECK(bm.diskBytes() == disk);
    CHECK(bm.granularity() == granularity);
    CHECK(bm.enabled());
    CHECK(bm.persistent());
    const std::vector<Range> expected = expectedExtents(writes, disk, granularity);
    CHECK(dirtyExtents(bm.bits()) == expected);
    CHECK(bm.dirtyBits() * granularity == total(expected));
}

TEST_CASE("qcow2: a disk that ends inside a granule, and a table of several clusters", "[qcow2]")
{
    TempDir dir;
    const std::string path = dir.file("tail.qcow2");
    const uint64_t disk = 4096 * MiB + 1536;  // 4 GiB and three sectors
    const uint64_t granularity = 4 * KiB;
    createImage(path, disk);
    addBitmap(path, "tail", granularity);
    const std::vector<Write> writes{{5, 10}, {3072 * MiB + 4095, 2}, {disk - 1024, 1024}};
    writeImage(path, writes);

    const Qcow2Image image(path);
    REQUIRE(image.bitmaps().size() == 1);
    CHECK(image.bitmaps()[0].tableSize == tableSizeFor(disk, granularity, 64 * KiB));
    CHECK(image.bitmaps()[0].tableSize > 1);
    const DirtyBitmap bm = image.loadBitmap("tail");
    const std::vector<Range> extents = dirtyExtents(bm.bits());
    CHECK(extents == expectedExtents(writes, disk, granularity));
    REQUIRE_FALSE(extents.empty());
    CHECK(extents.back().start + extents.back().count == disk);
}

TEST_CASE("qcow2: several bitmaps, a disabled one and one added later", "[qcow2]")
{
    TempDir dir;
    const std::string path = dir.file("many.qcow2");
    const uint64_t disk = 64 * MiB;
    createImage(path, disk);
    addBitmap(path, "b0", 64 * KiB);
    addBitmap(path, "fine", 512);
    addBitmap(path, "off", 64 * KiB, true);
    const std::vector<Write> first{{1 * MiB, 128 * KiB}, {7 * MiB + 3, 5000}};
    writeImage(path, first);
    addBitmap(path, "late", 1 * MiB);
    const std::vector<Write> second{{40 * MiB + 512, 512}, {1 * MiB + 64 * KiB, 256 * KiB}};
    writeImage(path, second);
    std::vector<Write> both = first;
    both.insert(both.end(), second.begin(), second.end());

    const Layout layout = locate(readFile(path));
    const Qcow2Image image(path);
    REQUIRE(image.bitmaps().size() == 4);
    for (size_t i = 0; i < 4; ++i) {
        CHECK(image.bitmaps()[i].name == layout.names[i]);
        CHECK(image.bitmaps()[i].index == i);
        CHECK(image.bitmaps()[i].entryOffset == layout.entryAt[i]);
    }
    REQUIRE(image.find("off") != nullptr);
    CHECK_FALSE(image.find("off")->autoEnabled());
    CHECK(image.find("late")->autoEnabled());

    const DirtyBitmap b0 = image.loadBitmap("b0");
    CHECK(dirtyExtents(b0.bits()) == expectedExtents(both, disk, 64 * KiB));
    const DirtyBitmap fine = image.loadBitmap("fine");
    CHECK(fine.granularity() == 512);
    CHECK(dirtyExtents(fine.bits()) == expectedExtents(both, disk, 512));
    const DirtyBitmap off = image.loadBitmap("off");
    CHECK_FALSE(off.enabled());
    CHECK(dirtyExtents(off.bits()).empty());
    const DirtyBitmap late = image.loadBitmap("late");
    CHECK(late.granularity() == 1 * MiB);
    CHECK(dirtyExtents(late.bits()) == expectedExtents(second, disk, 1 * MiB));

    // Loading by directory entry gives the same bitmaps as loading by name.
    for (const bitmig::Qcow2BitmapInfo& info : image.bitmaps()) {
        INFO(info.name);
        const DirtyBitmap byEntry = image.loadBitmap(info);
        const DirtyBitmap byName = image.loadBitmap(info.name);
        CHECK(byEntry.name() == info.name);
        CHECK(byEntry.granularity() == info.granularity);
        CHECK(byEntry.enabled() == byName.enabled());
        CHECK(dirtyExtents(byEntry.bits()) == dirtyExtents(byName.bits()));
    }
    // An entry that is not this image's as listed is refused, not trusted.
    bitmig::Qcow2BitmapInfo forged = image.bitmaps()[1];
    forged.tableOffset += 512;
    CHECK_THROWS_WITH(image.loadBitmap(forged),
                      path + ": bitmap 'fine': is not entry 1 of this image's bitmap directory (the image has 4 "
                             "bitmaps)");
    bitmig::Qcow2BitmapInfo beyond = image.bitmaps()[3];
    beyond.index = 4;
    CHECK_THROWS_AS(image.loadBitmap(beyond), Qcow2Error);
}

TEST_CASE("qcow2: images qemu writes have zero padding and no overlaps, and load", "[qcow2]")
{
    // Names of 1 to 16 bytes: entries with 7 to 0 bytes of padding, and with 512-byte clusters a
    // directory of 576 bytes over two clusters.
    const uint64_t cluster = GENERATE(uint64_t(512), 64 * KiB);
    INFO("cluster " << cluster);
    TempDir dir;
    const std::string path = dir.file("padded.qcow2");
    const uint64_t disk = 64 * MiB;
    createImage(path, disk, cluster);
    const std::string longest = "bitmap-name-0123";
    const std::vector<uint64_t> granularities{512, 4 * KiB, 64 * KiB, 1 * MiB};
    for (size_t n = 1; n <= longest.size(); ++n) {
        addBitmap(path, longest.substr(0, n), granularities[n % granularities.size()]);
    }
    const std::vector<Write> writes{{0, 4096}, {5 * MiB + 3, 300 * KiB}, {disk - 512, 512}};
    writeImage(path, writes);

    const std::vector<uint8_t> bytes = readFile(path);
    const Layout layout = locate(bytes);
    REQUIRE(layout.names.size() == longest.size());
    CHECK(layout.directoryBytes == 8 * 32 + 8 * 40);
    // What the reader checks, found independently: every padding byte is zero, and the directory,
    // the tables and the data clusters are disjoint clusters.
    struct Extent {
        uint64_t start;
        uint64_t bytes;
        bool data;
    };
    std::vector<Extent> extents{{layout.directoryOffset, layout.directoryBytes, false}};
    for (size_t i = 0; i < layout.names.size(); ++i) {
        for (uint64_t k = 24 + layout.names[i].size(); k % 8; ++k) {
            CHECK(bytes[layout.entryAt[i] + k] == 0);
        }
        extents.push_back({layout.tableOffset[i], uint64_t(layout.tableSize[i]) * 8, false});
        for (uint64_t j = 0; j < layout.tableSize[i]; ++j) {
            const uint64_t entry = getBE(bytes, layout.tableOffset[i] + j * 8, 8);
            if (entry & 0x00fffffffffffe00) {
                extents.push_back({entry & 0x00fffffffffffe00, cluster, true});
            }
        }
    }
    std::sort(extents.begin(), extents.end(), [](const Extent& a, const Extent& b) { return a.start < b.start; });
    size_t dataClusters = 0;
    for (size_t i = 0; i < extents.size(); ++i) {
        dataClusters += extents[i].data;
        if (i > 0) {
            CHECK(extents[i - 1].start + extents[i - 1].bytes <= extents[i].start);
        }
    }
    CHECK(dataClusters >= layout.names.size());

    const Qcow2Image image(path);
    REQUIRE(image.bitmaps().size() == longest.size());
    for (size_t n = 1; n <= longest.size(); ++n) {
        const std::string name = longest.substr(0, n);
        INFO("bitmap " << name);
        const DirtyBitmap bm = image.loadBitmap(name);
        CHECK(bm.granularity() == granularities[n % granularities.size()]);
        CHECK(dirtyExtents(bm.bits()) == expectedExtents(writes, disk, bm.granularity()));
    }
}

TEST_CASE("qcow2: all-ones and all-zeroes table entries", "[qcow2]")
{
    TempDir dir;
    const std::string path = dir.file("entries.qcow2");
    const uint64_t disk = 64 * MiB;
    const uint64_t cluster = 512;
    const uint64_t granularity = 512;
    const uint64_t coverage = cluster * 8 * granularity; // disk bytes per table entry
    createImage(path, disk, cluster);
    addBitmap(path, "b0", granularity);
    const std::vector<Write> kept{{100, 1000}, {3 * coverage + 5, 70 * KiB}};
    const std::vector<Write> dropped{{7 * coverage + 4096, 4096}};
    std::vector<Write> writes = kept;
    writes.insert(writes.end(), dropped.begin(), dropped.end());
    writeImage(path, writes);

    std::vector<uint8_t> bytes = readFile(path);
    const Layout layout = locate(bytes);
    REQUIRE(layout.tableSize[0] == disk / coverage);
    REQUIRE(getBE(bytes, layout.tableOffset[0] + 7 * 8, 8) != 0); // a data cluster
    REQUIRE(getBE(bytes, layout.tableOffset[0] + 5 * 8, 8) == 0); // all zeroes
    putBE(bytes, layout.tableOffset[0] + 7 * 8, 8, 0);           // now all zeroes
    putBE(bytes, layout.tableOffset[0] + 5 * 8, 8, 1);           // now all ones
    const std::string patched = dir.file("patched.qcow2");
    writeFile(patched, bytes);

    std::vector<Write> expected = kept;
    expected.push_back(Write{5 * coverage, coverage});
    const DirtyBitmap bm = Qcow2Image(patched).loadBitmap("b0");
    CHECK(dirtyExtents(bm.bits()) == expectedExtents(expected, disk, granularity));
}

TEST_CASE("qcow2: a bitmap a running QEMU holds is in use and refused", "[qcow2]")
{
    TempDir dir;
    const std::string path = dir.file("held.qcow2");
    createImage(path, 64 * MiB);
    addBitmap(path, "b0", 64 * KiB);
    writeImage(path, {{0, 64 * KiB}});

    // qemu-io opens the image read-write, which marks its bitmaps in use; killed, it never clears them.
    const std::string qemuIo = findTool("qemu-io");
    std::vector<std::string> args{qemuIo, "-f", "qcow2", "-c", "write 1M 64K", "-c", "sleep 30000", path};
    std::vector<char*> argv;
    for (std::string& a : args) {
        argv.push_back(a.data());
    }
    argv.push_back(nullptr);
    pid_t pid = 0;
    REQUIRE(::posix_spawn(&pid, qemuIo.c_str(), nullptr, nullptr, argv.data(), environ) == 0);
    bool held = false;
    for (int i = 0; i < 200 && !held; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        const std::vector<uint8_t> bytes = readFile(path);
        // In use, and the header's autoclear bit 0 (bitmaps extension valid, byte 88) set again:
        // QEMU rewrites the header while it opens the image, so both together mean it is done.
        held = (getBE(bytes, locate(bytes).entryAt[0] + 12, 4) & 1) != 0 && (getBE(bytes, 88, 8) & 1) != 0;
    }
    if (held) {
        // Let qemu-io reach its sleep: the write and its metadata updates are then behind it.
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
    }
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    REQUIRE(held);

    const Qcow2Image image(path);
    REQUIRE(image.bitmaps().size() == 1);
    CHECK(image.bitmaps()[0].inUse());
    const std::string message = errorOf(image, "b0");
    CHECK_THAT(message, Catch::Contains(path) && Catch::Contains("bitmap directory entry 0 'b0'") &&
                            Catch::Contains("in use"));
}
