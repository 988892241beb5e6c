// Corrupted copies of a real qcow2 image: every malformed field gives a Qcow2Error that names it.
#include "qcow2_test_util.hpp"

#include <bitmig/dirtyextents.h>
#include <bitmig/qcow2image.h>

#include <catch2/catch.hpp>

#include <bit>
#include <functional>
#include <random>

using bitmig::dirtyExtents;
using bitmig::Qcow2Error;
using bitmig::Qcow2Image;
using namespace qcow2_test;

namespace {

struct Base {
    std::vector<uint8_t> bytes;
    Layout layout;
};

// 64 MiB disk, 64 KiB clusters, bitmaps b0 (64 KiB) and b1 (4 KiB), both with data clusters.
const Base& baseImage(const TempDir& dir)
{
    static Base base;
    if (base.bytes.empty()) {
        const std::string path = dir.file("base.qcow2");
        createImage(path, 64 * MiB);
        addBitmap(path, "b0", 64 * KiB);
        addBitmap(path, "b1", 4 * KiB);
        writeImage(path, {{1 * MiB, 128 * KiB}, {50 * MiB + 3, 10}});
        base.bytes = readFile(path);
        base.layout = locate(base.bytes);
        REQUIRE(base.layout.names == std::vector<std::string>{"b0", "b1"});
    }
    return base;
}

// Opens the file and loads every bitmap; the first Qcow2Error, if any.
std::optional<Qcow2Error> firstError(const std::string& path)
{
    try {
        const Qcow2Image image(path);
        for (const bitmig::Qcow2BitmapInfo& b : image.bitmaps()) {
            image.loadBitmap(b.name);
        }
    } catch (const Qcow2Error& e) {
        return e;
    }
    return std::nullopt;
}

struct Expect {
    std::string structure;
    std::string reason;
    std::optional<uint64_t> offset;
};

// Returns the error, for checks of the whole message.
std::optional<Qcow2Error> checkCorruption(const TempDir& dir, const std::string& what,
                                          const std::function<void(std::vector<uint8_t>&, const Layout&)>& patch,
                                          const Expect& expect)
{
    const Base& base = baseImage(dir);
    std::vector<uint8_t> bytes = base.bytes;
    patch(bytes, base.layout);
    const std::string path = dir.file("corrupt.qcow2");
    writeFile(path, bytes);
    INFO("corruption: " << what);
    const std::optional<Qcow2Error> e = firstError(path);
    REQUIRE(e.has_value());
    INFO("message: " << e->what());
    CHECK(e->file() == path);
    CHECK_THAT(std::string(e->what()), Catch::StartsWith(path + ": "));
    CHECK_THAT(e->structure(), Catch::Contains(expect.structure));
    CHECK_THAT(e->reason(), Catch::Contains(expect.reason));
    CHECK(e->offset() == expect.offset);
    if (expect.offset) {
        CHECK_THAT(std::string(e->what()), Catch::Contains("at byte " + std::to_string(*expect.offset)));
    }
    return e;
}

// The message after "FILE: ".
std::string messageAfterFile(const std::optional<Qcow2Error>& e)
{
    REQUIRE(e.has_value());
    const std::string what = e->what();
    REQUIRE(what.size() > e->file().size() + 2);
    return what.substr(e->file().size() + 2);
}

std::string num(uint64_t v)
{
    return std::to_string(v);
}

} // namespace

TEST_CASE("qcow2 errors: the header", "[qcow2][errors]")
{
    TempDir dir;
    checkCorruption(dir, "bad magic", [](auto& b, const Layout&) { putBE(b, 0, 4, 0x514649fc); },
                    {"header", "magic 0x514649fc", 0});
    checkCorruption(dir, "version 2", [](auto& b, const Layout&) { putBE(b, 4, 4, 2); },
                    {"header", "version 2 cannot hold persistent bitmaps", 4});
    checkCorruption(dir, "version 4", [](auto& b, const Layout&) { putBE(b, 4, 4, 4); },
                    {"header", "version 4 is not supported", 4});
    checkCorruption(dir, "cluster_bits 8", [](auto& b, const Layout&) { putBE(b, 20, 4, 8); },
                    {"header", "cluster_bits 8 out of range 9..21", 20});
    checkCorruption(dir, "cluster_bits 22", [](auto& b, const Layout&) { putBE(b, 20, 4, 22); },
                    {"header", "cluster_bits 22 out of range 9..21", 20});
    checkCorruption(dir, "unknown incompatible feature", [](auto& b, const Layout&) { putBE(b, 72, 8, 1u << 9); },
                    {"header", "incompatible_features 0x200 has unknown bits 0x200", 72});
    checkCorruption(dir, "header_length 100", [](auto& b, const Layout&) { putBE(b, 100, 4, 100); },
                    {"header", "header_length 100", 100});
    checkCorruption(dir, "backing_file_offset inside the header", [](auto& b, const Layout&) { putBE(b, 8, 8, 16); },
                    {"header", "backing_file_offset 16", 8});
}

TEST_CASE("qcow2 errors: the bitmaps extension", "[qcow2][errors]")
{
    TempDir dir;
    checkCorruption(dir, "extension length 16",
                    [](auto& b, const Layout& l) { putBE(b, l.extensionAt + 4, 4, 16); },
                    {"bitmaps extension", "length 16, expected 24", baseImage(dir).layout.extensionAt + 4});
    const uint64_t ext = baseImage(dir).layout.extensionAt;
    checkCorruption(dir, "extension length past the header cluster",
                    [](auto& b, const Layout& l) { putBE(b, l.extensionAt + 4, 4, 1 << 20); },
                    {"header extension", "length 1048576 runs past byte 65536", ext + 4});
    checkCorruption(dir, "nb_bitmaps 0", [](auto& b, const Layout& l) { putBE(b, l.extensionAt + 8, 4, 0); },
                    {"bitmaps extension", "nb_bitmaps 0 out of range 1..65535", ext + 8});
    checkCorruption(dir, "reserved field", [](auto& b, const Layout& l) { putBE(b, l.extensionAt + 12, 4, 1); },
                    {"bitmaps extension", "reserved field is 0x1", ext + 12});
    checkCorruption(dir, "directory size too large",
                    [](auto& b, const Layout& l) { putBE(b, l.extensionAt + 16, 8, 1024 * 65535 + 8); },
                    {"bitmaps extension", "bitmap_directory_size 67107848 out of range", ext + 16});
    checkCorruption(dir, "directory offset past the end of the file",
                    [](auto& b, const Layout& l) {
                        putBE(b, l.extensionAt + 24, 8, (b.size() / l.clusterSize + 4) * l.clusterSize);
                    },
                    {"bitmaps extension", "runs past the end of the file", ext + 24});
    checkCorruption(dir, "directory offset not cluster aligned",
                    [](auto& b, const Layout& l) { putBE(b, l.extensionAt + 24, 8, l.directoryOffset + 8); },
                    {"bitmaps extension", "is not a non-zero multiple of the cluster size 65536", ext + 24});
    const Layout& l = baseImage(dir).layout;
    checkCorruption(dir, "more bitmaps than entries", [](auto& b, const Layout& l) { putBE(b, l.extensionAt + 8, 4, 3); },
                    {"bitmap directory entry 2", "ends inside entry 2 of nb_bitmaps 3", l.directoryOffset + l.directoryBytes});
    checkCorruption(dir, "fewer bitmaps than entries", [](auto& b, const Layout& l) { putBE(b, l.extensionAt + 8, 4, 1); },
                    {"bitmap directory", "but bitmap_directory_size is " + std::to_string(l.directoryBytes), l.entryAt[1]});
    checkCorruption(dir, "a second extension area with no end marker",
                    [](auto& b, const Layout& l) {
                        // Stretch the extension before the bitmaps one, when there is one, or the
                        // bitmaps one's successor, so that it ends exactly at the end of the cluster.
                        uint64_t at = getBE(b, 100, 4);
                        putBE(b, at + 4, 4, l.clusterSize - at - 8);
                        if (at == l.extensionAt) {
                            putBE(b, at, 4, 0x12345678); // not the bitmaps extension any more
                        }
                    },
                    {"header extension 1", "no end-of-extensions marker (type 0) before byte 65536", 65536});
}

TEST_CASE("qcow2 errors: directory entries", "[qcow2][errors]")
{
    TempDir dir;
    const Layout& l = baseImage(dir).layout;
    const uint64_t e0 = l.entryAt[0];
    const uint64_t e1 = l.entryAt[1];
    checkCorruption(dir, "table offset not aligned", [](auto& b, const Layout& l) { putBE(b, l.entryAt[0], 8, l.tableOffset[0] + 512); },
                    {"bitmap directory entry 0 'b0'", "bitmap_table_offset " + std::to_string(l.tableOffset[0] + 512), e0});
    checkCorruption(dir, "table offset 0", [](auto& b, const Layout& l) { putBE(b, l.entryAt[1], 8, 0); },
                    {"bitmap directory entry 1 'b1'", "bitmap_table_offset 0 is not a non-zero multiple", e1});
    checkCorruption(dir, "table past the end of the file",
                    [](auto& b, const Layout& l) { putBE(b, l.entryAt[0], 8, (b.size() / l.clusterSize + 2) * l.clusterSize); },
                    {"bitmap directory entry 0 'b0'", "bitmap table", e0});
    checkCorruption(dir, "table size mismatch", [](auto& b, const Layout& l) { putBE(b, l.entryAt[1] + 8, 4, l.tableSize[1] + 1); },
                    {"bitmap directory entry 1 'b1'", "bitmap_table_size " + std::to_string(l.tableSize[1] + 1) + " does not match the disk", e1 + 8});
    checkCorruption(dir, "table size 0", [](auto& b, const Layout& l) { putBE(b, l.entryAt[0] + 8, 4, 0); },
                    {"bitmap directory entry 0 'b0'", "bitmap_table_size 0 out of range", e0 + 8});
    checkCorruption(dir, "unknown flag", [](auto& b, const Layout& l) { putBE(b, l.entryAt[0] + 12, 4, 0x12); },
                    {"bitmap directory entry 0 'b0'", "flags 0x12 has unknown bits 0x10", e0 + 12});
    checkCorruption(dir, "extra_data_compatible flag", [](auto& b, const Layout& l) { putBE(b, l.entryAt[1] + 12, 4, 0x6); },
                    {"bitmap directory entry 1 'b1'", "extra_data_compatible (bit 2)", e1 + 12});
    checkCorruption(dir, "type 2", [](auto& b, const Layout& l) { b[l.entryAt[0] + 16] = 2; },
                    {"bitmap directory entry 0 'b0'", "type 2 is not 1", e0 + 16});
    checkCorruption(dir, "granularity_bits 40", [](auto& b, const Layout& l) { b[l.entryAt[1] + 17] = 40; },
                    {"bitmap directory entry 1 'b1'", "granularity_bits 40 out of range 9..31", e1 + 17});
    checkCorruption(dir, "granularity_bits 8", [](auto& b, const Layout& l) { b[l.entryAt[0] + 17] = 8; },
                    {"bitmap directory entry 0 'b0'", "granularity_bits 8 out of range 9..31", e0 + 17});
    checkCorruption(dir, "name_size 0", [](auto& b, const Layout& l) { putBE(b, l.entryAt[0] + 18, 2, 0); },
                    {"bitmap directory entry 0", "name_size 0 out of range 1..1023", e0 + 18});
    checkCorruption(dir, "name_size 1024", [](auto& b, const Layout& l) { putBE(b, l.entryAt[1] + 18, 2, 1024); },
                    {"bitmap directory entry 1", "name_size 1024 out of range 1..1023", e1 + 18});
    checkCorruption(dir, "name past the directory", [](auto& b, const Layout& l) { putBE(b, l.entryAt[1] + 18, 2, 1000); },
                    {"bitmap directory entry 1", "runs past the end of the directory", e1});
    checkCorruption(dir, "extra data", [](auto& b, const Layout& l) { putBE(b, l.entryAt[0] + 20, 4, 8); },
                    {"bitmap directory entry 0", "extra_data_size 8", e0 + 20});
    checkCorruption(dir, "duplicate name", [](auto& b, const Layout& l) { b[l.entryAt[1] + 24 + 1] = '0'; },
                    {"bitmap directory entry 1 'b0'", "used by an earlier entry", e1 + 24});
}

TEST_CASE("qcow2 errors: bitmap tables and data", "[qcow2][errors]")
{
    TempDir dir;
    const Layout& l = baseImage(dir).layout;
    const uint64_t t0 = l.tableOffset[0];
    REQUIRE(getBE(baseImage(dir).bytes, t0, 8) != 0); // b0's first entry has data (the 1 MiB write)
    checkCorruption(dir, "table entry past the end of the file",
                    [](auto& b, const Layout& l) { putBE(b, l.tableOffset[0], 8, (b.size() / l.clusterSize + 3) * l.clusterSize); },
                    {"bitmap 'b0' table entry 0", "runs past the end of the file", t0});
    checkCorruption(dir, "table entry not aligned",
                    [](auto& b, const Layout& l) { putBE(b, l.tableOffset[0], 8, getBE(b, l.tableOffset[0], 8) + 512); },
                    {"bitmap 'b0' table entry 0", "is not a multiple of the cluster size 65536", t0});
    checkCorruption(dir, "reserved bit 1",
                    [](auto& b, const Layout& l) { putBE(b, l.tableOffset[0], 8, getBE(b, l.tableOffset[0], 8) | 2); },
                    {"bitmap 'b0' table entry 0", "reserved bits 0x2 set", t0});
    checkCorruption(dir, "reserved bit 60",
                    [](auto& b, const Layout& l) { putBE(b, l.tableOffset[0], 8, uint64_t(1) << 60); },
                    {"bitmap 'b0' table entry 0", "reserved bits 0x1000000000000000 set", t0});
    checkCorruption(dir, "all ones with an offset",
                    [](auto& b, const Layout& l) { putBE(b, l.tableOffset[0], 8, getBE(b, l.tableOffset[0], 8) | 1); },
                    {"bitmap 'b0' table entry 0", "bit 0 (all ones) set with a data cluster offset", t0});
    checkCorruption(dir, "in use", [](auto& b, const Layout& l) { putBE(b, l.entryAt[1] + 12, 4, 3); },
                    {"bitmap directory entry 1 'b1'", "in use", l.entryAt[1] + 12});
}

TEST_CASE("qcow2 errors: non-zero padding after a directory entry's name", "[qcow2][errors]")
{
    TempDir dir;
    const Base& base = baseImage(dir);
    const Layout& l = base.layout;
    const uint64_t e0 = l.entryAt[0];
    const uint64_t e1 = l.entryAt[1];
    // "b0" and "b1": 24 + 2 bytes, padded with 6 zero bytes to 32.
    REQUIRE(e1 - e0 == 32);
    for (uint64_t k = 26; k < 32; ++k) {
        REQUIRE(base.bytes[e0 + k] == 0);
        REQUIRE(base.bytes[e1 + k] == 0);
    }
    const auto last = checkCorruption(dir, "last padding byte of entry 0", [](auto& b, const Layout& l) { b[l.entryAt[0] + 31] = 0x01; },
                                      {"bitmap directory entry 0 'b0'", "padding after the name is not zero: entry byte 31 is 0x1", e0 + 31});
    CHECK(messageAfterFile(last) == "bitmap directory entry 0 'b0' at byte " + num(e0 + 31) +
                                        ": padding after the name is not zero: entry byte 31 is 0x1 (bytes 26..31 pad "
                                        "the entry to a multiple of 8 and must be 0)");
    checkCorruption(dir, "first padding byte of entry 1", [](auto& b, const Layout& l) { b[l.entryAt[1] + 26] = 0xff; },
                    {"bitmap directory entry 1 'b1'", "entry byte 26 is 0xff", e1 + 26});
    // A name_size one short leaves the name's last byte in the padding.
    const auto shorter = checkCorruption(dir, "name_size one short", [](auto& b, const Layout& l) { putBE(b, l.entryAt[1] + 18, 2, 1); },
                                         {"bitmap directory entry 1 'b'", "entry byte 25 is 0x31", e1 + 25});
    REQUIRE(shorter.has_value());
    CHECK(shorter->structure() == "bitmap directory entry 1 'b'");
    CHECK(shorter->reason() == "padding after the name is not zero: entry byte 25 is 0x31 (bytes 25..31 pad the entry to a "
                               "multiple of 8 and must be 0)");
}

TEST_CASE("qcow2 errors: bitmap tables that overlap the directory or each other", "[qcow2][errors]")
{
    TempDir dir;
    const Layout& l = baseImage(dir).layout;
    const uint64_t e0 = l.entryAt[0];
    const uint64_t e1 = l.entryAt[1];
    const uint64_t d = l.directoryOffset;
    const std::string directory = "the bitmap directory [" + num(d) + ", +" + num(l.directoryBytes) + ")";
    REQUIRE(l.tableSize == std::vector<uint32_t>{1, 1}); // 128 and 2048 bytes of bitmap: one cluster each

    const auto e = checkCorruption(dir, "table 1 is the directory", [](auto& b, const Layout& l) { putBE(b, l.entryAt[1], 8, l.directoryOffset); },
                                   {"bitmap directory entry 1 'b1'", "bitmap table [" + num(d) + ", +8) overlaps " + directory, e1});
    CHECK(messageAfterFile(e) == "bitmap directory entry 1 'b1' at byte " + num(e1) + ": bitmap table [" + num(d) +
                                     ", +8) overlaps " + directory);
    checkCorruption(dir, "table 0 is the directory", [](auto& b, const Layout& l) { putBE(b, l.entryAt[0], 8, l.directoryOffset); },
                    {"bitmap directory entry 0 'b0'", "bitmap table [" + num(d) + ", +8) overlaps " + directory, e0});
    // Two tables in the same place: the later directory entry is named first, the earlier one in the reason.
    const std::string table0 = "the bitmap table of directory entry 0 'b0' [" + num(l.tableOffset[0]) + ", +8)";
    checkCorruption(dir, "table 1 is table 0", [](auto& b, const Layout& l) { putBE(b, l.entryAt[1], 8, l.tableOffset[0]); },
                    {"bitmap directory entry 1 'b1'", "bitmap table [" + num(l.tableOffset[0]) + ", +8) overlaps " + table0, e1});
    checkCorruption(dir, "table 0 is table 1", [](auto& b, const Layout& l) { putBE(b, l.entryAt[0], 8, l.tableOffset[1]); },
                    {"bitmap directory entry 1 'b1'",
                     "overlaps the bitmap table of directory entry 0 'b0' [" + num(l.tableOffset[1]) + ", +8)", e1});
    // An in-use bitmap is not loaded, but its table is still there and still may not overlap.
    checkCorruption(dir, "in-use table 1 is the directory",
                    [](auto& b, const Layout& l) {
                        putBE(b, l.entryAt[1] + 12, 4, 3);
                        putBE(b, l.entryAt[1], 8, l.directoryOffset);
                    },
                    {"bitmap directory entry 1 'b1'", "overlaps " + directory, e1});
}

TEST_CASE("qcow2 errors: data clusters that are the directory or a bitmap table", "[qcow2][errors]")
{
    TempDir dir;
    const Base& base = baseImage(dir);
    const Layout& l = base.layout;
    const uint64_t t0 = l.tableOffset[0];
    const uint64_t t1 = l.tableOffset[1];
    REQUIRE(getBE(base.bytes, t0, 8) != 0);
    REQUIRE(getBE(base.bytes, t1, 8) != 0);
    const std::string directory = "the bitmap directory [" + num(l.directoryOffset) + ", +" + num(l.directoryBytes) + ")";

    const auto e = checkCorruption(dir, "b0's data cluster is the directory",
                                   [](auto& b, const Layout& l) { putBE(b, l.tableOffset[0], 8, l.directoryOffset); },
                                   {"bitmap 'b0' table entry 0", "data cluster [" + num(l.directoryOffset) + ", +65536) overlaps " + directory, t0});
    CHECK(messageAfterFile(e) == "bitmap 'b0' table entry 0 at byte " + num(t0) + ": data cluster [" +
                                     num(l.directoryOffset) + ", +65536) overlaps " + directory);
    checkCorruption(dir, "b0's data cluster is its own table", [](auto& b, const Layout& l) { putBE(b, l.tableOffset[0], 8, l.tableOffset[0]); },
                    {"bitmap 'b0' table entry 0",
                     "data cluster [" + num(t0) + ", +65536) overlaps the bitmap table of directory entry 0 'b0' [" + num(t0) + ", +8)", t0});
    checkCorruption(dir, "b0's data cluster is b1's table", [](auto& b, const Layout& l) { putBE(b, l.tableOffset[0], 8, l.tableOffset[1]); },
                    {"bitmap 'b0' table entry 0", "overlaps the bitmap table of directory entry 1 'b1' [" + num(t1) + ", +8)", t0});
    checkCorruption(dir, "b1's data cluster is b0's table", [](auto& b, const Layout& l) { putBE(b, l.tableOffset[1], 8, l.tableOffset[0]); },
                    {"bitmap 'b1' table entry 0", "overlaps the bitmap table of directory entry 0 'b0' [" + num(t0) + ", +8)", t1});
}

TEST_CASE("qcow2 errors: overlaps inside tables of several clusters", "[qcow2][errors]")
{
    // 512-byte clusters and a 512 MiB disk: bitmap 'a' (512 B granularity) has a table of 256 entries
    // (2048 bytes, four clusters), bitmap 'b' (64 KiB) one of 2 entries.
    TempDir dir;
    const std::string path = dir.file("small.qcow2");
    const uint64_t cluster = 512;
    createImage(path, 512 * MiB, cluster);
    addBitmap(path, "a", 512);
    addBitmap(path, "b", 64 * KiB);
    writeImage(path, {{0, 4096}, {3 * MiB + 1, 1 * MiB}, {300 * MiB, 64 * KiB}});
    const std::vector<uint8_t> base = readFile(path);
    const Layout l = locate(base);
    REQUIRE(l.tableSize == std::vector<uint32_t>{256, 2});
    const uint64_t ta = l.tableOffset[0];
    const uint64_t tb = l.tableOffset[1];
    REQUIRE(getBE(base, ta, 8) != 0);
    REQUIRE(getBE(base, ta + 8, 8) != 0);
    REQUIRE(getBE(base, tb, 8) != 0);
    REQUIRE(getBE(base, tb + 8, 8) != 0);
    REQUIRE(l.directoryOffset >= ta + 2048 + cluster); // table 'a' ends more than a cluster before the directory
    REQUIRE(Qcow2Image(path).loadBitmap("a").dirtyBits() > 0);

    const auto errorAfter = [&](const std::function<void(std::vector<uint8_t>&)>& patch) {
        std::vector<uint8_t> bytes = base;
        patch(bytes);
        const std::string bad = dir.file("bad.qcow2");
        writeFile(bad, bytes);
        const std::optional<Qcow2Error> e = firstError(bad);
        REQUIRE(e.has_value());
        CHECK(e->file() == bad);
        return messageAfterFile(e);
    };
    const std::string tableA = "the bitmap table of directory entry 0 'a' [" + num(ta) + ", +2048)";
    // Table 'b' starts in the third cluster of table 'a'.
    CHECK(errorAfter([&](auto& b) { putBE(b, l.entryAt[1], 8, ta + 1024); }) ==
          "bitmap directory entry 1 'b' at byte " + num(l.entryAt[1]) + ": bitmap table [" + num(ta + 1024) +
              ", +16) overlaps " + tableA);
    // Table 'a' starts two clusters before the directory and runs into it (table 'b' moves to where
    // table 'a' was, out of the way; the directory is the end of the file, so the file grows to hold
    // the rest of the table).
    const uint64_t early = l.directoryOffset - 2 * cluster;
    CHECK(errorAfter([&](auto& b) {
              b.resize(b.size() + 4 * cluster, 0);
              putBE(b, l.entryAt[0], 8, early);
              putBE(b, l.entryAt[1], 8, ta);
          }) ==
          "bitmap directory entry 0 'a' at byte " + num(l.entryAt[0]) + ": bitmap table [" + num(early) +
              ", +2048) overlaps the bitmap directory [" + num(l.directoryOffset) + ", +" + num(l.directoryBytes) + ")");
    // Table 'a' ends exactly where the directory starts: no overlap. Copies of both go past the
    // end of the file, the table right before the directory.
    {
        std::vector<uint8_t> bytes = base;
        bytes.resize((bytes.size() + cluster - 1) / cluster * cluster, 0);
        const uint64_t table = bytes.size();
        const uint64_t directory = table + 2048;
        bytes.insert(bytes.end(), base.begin() + std::ptrdiff_t(ta), base.begin() + std::ptrdiff_t(ta + 2048));
        bytes.insert(bytes.end(), base.begin() + std::ptrdiff_t(l.directoryOffset),
                     base.begin() + std::ptrdiff_t(l.directoryOffset + l.directoryBytes));
        bytes.resize((bytes.size() + cluster - 1) / cluster * cluster, 0);
        putBE(bytes, l.extensionAt + 24, 8, directory);
        putBE(bytes, directory + (l.entryAt[0] - l.directoryOffset), 8, table);
        const std::string adjacent = dir.file("adjacent.qcow2");
        writeFile(adjacent, bytes);
        const Qcow2Image image(adjacent);
        REQUIRE(image.find("a") != nullptr);
        CHECK(image.find("a")->tableOffset == table);
        CHECK(image.loadBitmap("a").dirtyBits() == Qcow2Image(path).loadBitmap("a").dirtyBits());
        CHECK_FALSE(firstError(adjacent).has_value());
    }
    // A data cluster of 'a' is the second cluster of its own table; one of 'b' is the last cluster of that table.
    CHECK(errorAfter([&](auto& b) { putBE(b, ta + 8, 8, ta + cluster); }) ==
          "bitmap 'a' table entry 1 at byte " + num(ta + 8) + ": data cluster [" + num(ta + cluster) + ", +512) overlaps " +
              tableA);
    CHECK(errorAfter([&](auto& b) { putBE(b, tb + 8, 8, ta + 3 * cluster); }) ==
          "bitmap 'b' table entry 1 at byte " + num(tb + 8) + ": data cluster [" + num(ta + 3 * cluster) +
              ", +512) overlaps " + tableA);
}

TEST_CASE("qcow2 errors: table entries may share a data cluster", "[qcow2][errors]")
{
    // Sharing a data cluster is not an overlap of metadata: every entry reads it as bitmap bits.
    TempDir dir;
    const std::string path = dir.file("small.qcow2");
    createImage(path, 512 * MiB, 512);
    addBitmap(path, "a", 512);
    addBitmap(path, "b", 64 * KiB);
    writeImage(path, {{0, 4096}, {3 * MiB + 1, 1 * MiB}, {300 * MiB, 64 * KiB}});
    std::vector<uint8_t> bytes = readFile(path);
    const Layout l = locate(bytes);
    const uint64_t shared = getBE(bytes, l.tableOffset[0], 8);
    REQUIRE(shared != 0);
    putBE(bytes, l.tableOffset[0] + 5 * 8, 8, shared); // 'a' entry 5 was all zeroes
    putBE(bytes, l.tableOffset[1], 8, shared);         // 'b' entry 0 had a cluster of its own
    const std::string patched = dir.file("shared.qcow2");
    writeFile(patched, bytes);

    // Each table entry stands for a full cluster of bits here (no partial last cluster).
    const auto popcount = [&](uint64_t offset) {
        uint64_t n = 0;
        for (uint64_t k = 0; k < 512; ++k) {
            n += uint64_t(std::popcount(bytes[offset + k]));
        }
        return n;
    };
    const auto expectedBits = [&](size_t bitmap) {
        uint64_t n = 0;
        for (uint64_t i = 0; i < l.tableSize[bitmap]; ++i) {
            const uint64_t entry = getBE(bytes, l.tableOffset[bitmap] + i * 8, 8);
            REQUIRE((entry & 1) == 0);
            n += entry ? popcount(entry) : 0;
        }
        return n;
    };
    REQUIRE(popcount(shared) > 0);
    const Qcow2Image image(patched);
    CHECK(image.loadBitmap("a").dirtyBits() == expectedBits(0));
    CHECK(image.loadBitmap("b").dirtyBits() == expectedBits(1));
}

TEST_CASE("qcow2 errors: truncated files", "[qcow2][errors]")
{
    TempDir dir;
    const Base& base = baseImage(dir);
    const Layout& l = base.layout;
    const uint64_t dataCluster = getBE(base.bytes, l.tableOffset[0], 8);
    struct Cut {
        uint64_t size;
        Expect expect;
    };
    const std::vector<Cut> cuts{
        {0, {"header", "the file is 0 bytes, shorter than a qcow2 header", 0}},
        {71, {"header", "the file is 71 bytes", 0}},
        {90, {"header", "104 bytes run past the end of the file (90 bytes)", 0}},
        {l.extensionAt + 4, {"header extension", "8 bytes run past the end of the file", l.extensionAt}},
        {l.directoryOffset + 16, {"bitmaps extension", "runs past the end of the file", l.extensionAt + 24}},
        // QEMU writes the directory last, so any cut after the header area loses it first.
        {dataCluster + 5, {"bitmaps extension", "runs past the end of the file", l.extensionAt + 24}},
    };
    for (const Cut& cut : cuts) {
        REQUIRE(cut.size < base.bytes.size());
        checkCorruption(dir, "cut at byte " + std::to_string(cut.size),
                        [&](auto& b, const Layout&) { b.resize(cut.size); }, cut.expect);
    }
}

TEST_CASE("qcow2 errors: bits past the end of the disk in the last data cluster", "[qcow2][errors]")
{
    TempDir dir;
    const std::string path = dir.file("tail.qcow2");
    const uint64_t disk = 64 * MiB + 3 * 64 * KiB; // 1027 granules: the last byte holds 3 bits
    createImage(path, disk);
    addBitmap(path, "b0", 64 * KiB);
    writeImage(path, {{disk - 1, 1}});
    std::vector<uint8_t> bytes = readFile(path);
    const Layout l = locate(bytes);
    const uint64_t data = getBE(bytes, l.tableOffset[0], 8);
    REQUIRE(bytes[data + 128] == 0x04); // granule 1026
    bytes[data + 128] |= 0x80;
    const std::string bad = dir.file("bad.qcow2");
    writeFile(bad, bytes);
    const std::optional<Qcow2Error> e = firstError(bad);
    REQUIRE(e.has_value());
    CHECK_THAT(e->structure(), Catch::Contains("bitmap 'b0' table entry 0 data cluster"));
    CHECK_THAT(e->reason(), Catch::Contains("bits past the end of the disk are set"));
    CHECK(e->offset() == data + 128);
}

TEST_CASE("qcow2 errors: a cleared autoclear bit makes the bitmaps stale", "[qcow2][errors]")
{
    TempDir dir;
    std::vector<uint8_t> bytes = baseImage(dir).bytes;
    putBE(bytes, 88, 8, getBE(bytes, 88, 8) & ~uint64_t(1));
    const std::string path = dir.file("stale.qcow2");
    writeFile(path, bytes);
    const Qcow2Image image(path);
    CHECK(image.bitmapsIgnored());
    CHECK(image.bitmaps().empty());
    CHECK_THROWS_WITH(image.loadBitmap("b0"), Catch::Contains("autoclear_features bit 0"));
}

TEST_CASE("qcow2 errors: a file that cannot be opened", "[qcow2][errors]")
{
    TempDir dir;
    const std::string missing = dir.file("missing.qcow2");
    try {
        Qcow2Image image(missing);
        FAIL("opened a missing file");
    } catch (const Qcow2Error& e) {
        CHECK(e.structure().empty());
        CHECK(e.file() == missing);
        CHECK_THAT(e.reason(), Catch::Contains("cannot open"));
    }
}

TEST_CASE("qcow2 errors: random corruption never gets past Qcow2Error", "[qcow2][errors][fuzz]")
{
    TempDir dir;
    // Small clusters keep the file small and the structures many: tables of several entries.
    const std::string basePath = dir.file("fuzzbase.qcow2");
    const uint64_t disk = 16 * MiB;
    createImage(basePath, disk, 512);
    addBitmap(basePath, "a", 512);
    addBitmap(basePath, "bb", 4 * KiB);
    writeImage(basePath, {{0, 4096}, {3 * MiB + 1, 1 * MiB}, {disk - 512, 512}});
    const std::vector<uint8_t> base = readFile(basePath);
    const Layout l = locate(base);
    std::vector<std::pair<uint64_t, uint64_t>> regions{
        {0, 512}, {l.directoryOffset, l.directoryBytes}, {l.tableOffset[0], l.tableSize[0] * 8},
        {l.tableOffset[1], l.tableSize[1] * 8}, {0, base.size()}};

    std::mt19937_64 rng(0x71c0);
    const std::string path = dir.file("fuzz.qcow2");
    int rejected = 0;
    int loaded = 0;
    for (int round = 0; round < 400; ++round) {
        std::vector<uint8_t> bytes = base;
        const auto [start, length] = regions[rng() % regions.size()];
        const int flips = 1 + int(rng() % 6);
        for (int i = 0; i < flips; ++i) {
            const uint64_t at = start + rng() % length;
            bytes[at] = rng() % 2 ? uint8_t(rng()) : uint8_t(bytes[at] ^ (1u << (rng() % 8)));
        }
        if (rng() % 8 == 0) {
            bytes.resize(rng() % bytes.size());
        }
        writeFile(path, bytes);
        INFO("round " << round);
        try {
            const Qcow2Image image(path);
            for (const bitmig::Qcow2BitmapInfo& b : image.bitmaps()) {
                const auto bm = image.loadBitmap(b.name);
                uint64_t end = 0;
                for (const Range& r : dirtyExtents(bm.bits())) {
                    CHECK(r.count > 0);
                    CHECK(r.start >= end);
                    end = r.start + r.count;
                    CHECK(end <= image.diskBytes());
                }
                ++loaded;
            }
        } catch (const Qcow2Error& e) {
            CHECK_THAT(std::string(e.what()), Catch::StartsWith(path + ": "));
            ++rejected;
        }
    }
    // Both outcomes happen: corruption of data clusters loads, corruption of structure is refused.
    CHECK(rejected > 50);
    CHECK(loaded > 50);
}
