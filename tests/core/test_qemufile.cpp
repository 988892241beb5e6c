// Whole migration files: a real one QEMU 7.2 wrote (tests/core/data), read item by item with QEMU's
// own SHA-256 of each bitmap; the same file truncated at every offset and with a byte changed in each
// kind of field; files the writer builds around the engine's stream.
#include <bitmig/migrationengine.h>
#include <bitmig/chunkgeometry.h>
#include <bitmig/qemufile.h>
#include <bitmig/qemuloader.h>
#include <bitmig/streamdecoder.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

using namespace bitmig;

namespace {

std::vector<uint8_t> sample()
{
    std::ifstream in(std::string(BITMIG_TEST_DATA_DIR) + "/qemu72-none-3bitmaps.mig", std::ios::binary);
    REQUIRE(in);
    return std::vector<uint8_t>(std::istreambuf_iterator<char>(in), {});
}

// Offsets in the sample (see tests/core/data/README.md for how it was written).
constexpr uint64_t kConfigLength = 9;
constexpr uint64_t kCommandType = 17;
constexpr uint64_t kCommandLength = 20;
constexpr uint64_t kRamStart = 22;
constexpr uint64_t kRamVersion = 35;
constexpr uint64_t kRamMemSizeWord = 39;
constexpr uint64_t kRamEosWord = 47;
constexpr uint64_t kRamFooter = 55;
constexpr uint64_t kBitmapStart = 60;
constexpr uint64_t kBitmapVersion = 82;
constexpr uint64_t kFirstRecord = 86;     // START drive0/fine: 0x1c, names, be32 granularity, flags
constexpr uint64_t kFirstGranularity = 99;
constexpr uint64_t kFirstStartFlags = 103;
constexpr uint64_t kBitmapEnd = 160;
constexpr uint64_t kFirstBits = 165;      // BITS drive0/fine, first chunk: 0x4c, names, ...
constexpr uint64_t kFirstBitsSector = 178;
constexpr uint64_t kFirstBitsCount = 186;
constexpr uint64_t kFirstBitsBufSize = 190;
constexpr uint64_t kFirstBitsData = 198;
constexpr uint64_t kEof = 3111;
constexpr uint64_t kDescriptionType = 3112;
constexpr uint64_t kDescriptionLength = 3113;

const QemuBitmapInfo& bitmap(const QemuFileInfo& info, const std::string& node, const std::string& name)
{
    const auto it = std::find_if(info.bitmaps.begin(), info.bitmaps.end(),
                                 [&](const QemuBitmapInfo& b) { return b.node == node && b.name == name; });
    REQUIRE(it != info.bitmaps.end());
    return *it;
}

} // namespace

TEST_CASE("qemu file: a file QEMU 7.2 wrote, every item and QEMU's SHA-256 of each bitmap", "[qemufile]")
{
    const std::vector<uint8_t> file = sample();
    REQUIRE(file.size() == 3603);
    REQUIRE(qemufile::looksLikeQemuFile(file));
    const QemuFileInfo info = QemuFileInfo::read(file);
    INFO((info.error ? info.error->what() : "no error"));
    REQUIRE_FALSE(info.error);
    REQUIRE_FALSE(info.stopped);
    CHECK(info.version == 3);
    CHECK(info.machine == "none");
    CHECK(info.commands == std::vector<uint16_t>{qemufile::kCommandPostcopyAdvise});
    CHECK(info.eof);
    REQUIRE(info.description);
    CHECK(info.description->size() == 486);
    CHECK(info.description->rfind("{\"page_size\": 4096, \"devices\": [{\"name\": \"timer\"", 0) == 0);
    CHECK(info.parsedBytes == file.size());

    REQUIRE(info.sections.size() == 4);
    CHECK(info.sections[0].name == "ram");
    CHECK(info.sections[0].id == 2);
    CHECK(info.sections[0].version == 4);
    CHECK(info.sections[0].start == 1);
    CHECK(info.sections[0].end == 1);
    CHECK(info.sections[0].footers == 2);
    CHECK(info.sections[1].name == "dirty-bitmap");
    CHECK(info.sections[1].id == 3);
    CHECK(info.sections[1].footers == 2);
    CHECK(info.sections[2].name == "timer");
    CHECK(info.sections[2].id == 0);
    CHECK(info.sections[2].full == 1);
    CHECK(info.sections[3].name == "globalstate");
    CHECK(info.sections[3].id == 4);
    CHECK(info.ramTotalBytes == 0);
    CHECK(info.ramBlocks.empty());

    CHECK(info.bitmapStartRecords == 3);
    CHECK(info.bitmapCompleteRecords == 3);
    CHECK(info.bitmapBitsRecords == 7);
    CHECK(info.bitmapZeroesRecords == 2);
    REQUIRE(info.bitmaps.size() == 3);

    const QemuBitmapInfo& b0 = bitmap(info, "drive0", "bitmap0");
    CHECK(b0.granularity == 65536);
    CHECK(b0.enabled);
    CHECK_FALSE(b0.persistent);
    CHECK(b0.complete);
    CHECK(b0.diskBytes == 100 << 20);
    CHECK(b0.dirtyBytes == 2228224);
    CHECK(b0.sha256 == "ca3c6d828a212778e8070d93f595c4ff844600c336d2a29afb5c2b3b67af9b7a");

    const QemuBitmapInfo& fine = bitmap(info, "drive0", "fine");
    CHECK(fine.granularity == 4096);
    CHECK_FALSE(fine.enabled);
    CHECK(fine.persistent);
    CHECK(fine.dirtyBytes == 2162688);
    CHECK(fine.sha256 == "4b22c745936a0ec460facdb79d4777330f158ea6ce3b44387a42c04241d58968");

    // 580 MiB at 64 KiB: one full chunk of 512 MiB and a short one of 68 MiB.
    const QemuBitmapInfo& tail = bitmap(info, "drive1", "tail");
    CHECK(tail.chunks == 2);
    CHECK(tail.diskBytes == uint64_t(580) << 20);
    CHECK(tail.dirtyBytes == 1114112);
    CHECK(tail.sha256 == "4c2fda08ece2f1959eb8b0d2cf8dba3990aa484c6689a326823269e274725bc9");
}

TEST_CASE("qemu file: truncated at every offset, an error at the end of the input", "[qemufile]")
{
    const std::vector<uint8_t> file = sample();
    for (size_t n = 0; n < file.size(); ++n) {
        const std::span<const uint8_t> cut(file.data(), n);
        QemuFileInfo info;
        REQUIRE_NOTHROW(info = QemuFileInfo::read(cut));
        if (n == kEof + 1) {
            // The JSON description is optional: a file may end right after EOF.
            CHECK_FALSE(info.error);
            CHECK(info.eof);
            continue;
        }
        INFO("cut at " << n);
        REQUIRE(info.error);
        CHECK(info.error->offset() == n);
        CHECK(info.error->itemOffset() <= n);
        CHECK(std::string(info.error->what()).find("byte " + std::to_string(n)) != std::string::npos);
        CHECK(info.parsedBytes <= n);
    }
}

TEST_CASE("qemu file: a changed byte in each kind of field, found at its offset", "[qemufile]")
{
    struct Flip {
        const char* field;
        uint64_t at;
        uint8_t value;
        uint64_t errorAt; // UINT64_MAX: the end of the input
        const char* reason;
    };
    constexpr uint64_t kEnd = UINT64_MAX;
    const Flip flips[] = {
        {"magic", 0, 'X', 0, "not a migration file"},
        {"version", 7, 2, 4, "file version 2"},
        {"configuration length", kConfigLength, 1, kConfigLength, "machine name of"},
        {"item type", kCommandType, 0x09, kCommandType, "unknown item type 0x09"},
        {"command length", kCommandLength, 0xff, kEnd, "a command's payload"},
        {"section id", kRamStart + 4, 3, kRamFooter + 1, "footer of section id 2 ends section id 3"},
        {"section id of a later section", kBitmapStart + 4, 2, kBitmapStart + 1, "reuses id 2"},
        {"section name length", kRamStart + 5, 0, kRamStart + 5, "empty name"},
        {"ram word", kRamMemSizeWord + 7, 0x08, kRamEosWord, "MEM_SIZE did not announce"},
        {"footer marker", kRamFooter, 0x7f, kRamFooter, "expected the section footer"},
        {"footer id", kRamFooter + 4, 9, kRamFooter + 1, "footer of section id 9"},
        {"record flags", kFirstRecord, 0x1d, kFirstRecord, "EOS record with other flags"},
        {"record flags, two kinds", kFirstRecord, 0x3c, kFirstRecord, "no single record kind"},
        {"node name length", kFirstRecord + 1, 0, kFirstRecord + 1, "empty node name"},
        {"section type", kBitmapEnd, 0x05, kBitmapEnd, "unknown item type 0x05"},
        {"section id of an END", kBitmapEnd + 4, 7, kBitmapEnd + 1, "END section with id 7"},
        {"EOF", kEof, 0x09, kEof, "unknown item type"},
        {"description type", kDescriptionType, 0x05, kDescriptionType, "expected the JSON description"},
        {"description length", kDescriptionLength, 0x01, kEnd, "the JSON description"},
    };
    const std::vector<uint8_t> file = sample();
    for (const Flip& f : flips) {
        INFO(f.field);
        std::vector<uint8_t> bad = file;
        REQUIRE(bad[size_t(f.at)] != f.value);
        bad[size_t(f.at)] = f.value;
        const QemuFileInfo info = QemuFileInfo::read(bad);
        REQUIRE(info.error);
        INFO(info.error->what());
        CHECK(info.error->offset() == (f.errorAt == kEnd ? bad.size() : f.errorAt));
        CHECK(info.error->reason().find(f.reason) != std::string::npos);
    }
}

TEST_CASE("qemu file: a changed byte QEMU's loader refuses: the outcome, the byte and QEMU's words", "[qemufile]")
{
    struct Flip {
        const char* field;
        uint64_t at;
        uint8_t value;
        QemuOutcome outcome;
        uint64_t findingAt;
        const char* check;
        const char* message;
        bool wellFormed = true; // false: the changed length misleads the reader after it
    };
    using O = QemuOutcome;
    const Flip flips[] = {
        {"dirty-bitmap version", kBitmapVersion + 3, 2, O::FailsMigration, kBitmapVersion, "section-version",
         "savevm: unsupported version 2 for 'dirty-bitmap' v1"},
        {"granularity", kFirstGranularity + 1, 0x01, O::Aborts, kFirstGranularity, "bad-granularity",
         "Assertion `is_power_of_2(granularity) && granularity >= BDRV_SECTOR_SIZE' failed."},
        {"START flags", kFirstStartFlags, 0x0a, O::FailsMigration, kFirstStartFlags, "reserved-start-flags",
         "Unknown flags in migrated dirty bitmap header: a"},
        {"BITS start sector", kFirstBitsSector + 7, 0x01, O::Aborts, kFirstBitsSector, "unaligned-chunk",
         "Assertion `(start & (gran - 1)) == 0' failed."},
        {"BITS sector count", kFirstBitsCount, 0xff, O::DropsBitmaps, kFirstBitsBufSize, "granularity-mismatch",
         "Migrated bitmap granularity doesn't match the destination bitmap 'fine' granularity"},
        {"BITS buffer size", kFirstBitsBufSize + 6, 0x08, O::DropsBitmaps, kFirstBitsBufSize,
         "granularity-mismatch", "granularity doesn't match", false},
        {"BITS buffer size, too large", kFirstBitsBufSize + 5, 0x01, O::FailsMigration, kFirstBitsBufSize,
         "buffer-too-large", "Bitmap migration stream buffer allocation request is too large", false},
    };
    const std::vector<uint8_t> file = sample();
    const QemuFileInfo good = QemuFileInfo::read(file);
    CHECK(good.qemuLoad.outcome == QemuOutcome::Loads);
    CHECK(good.qemuLoad.findings.empty());
    CHECK(good.qemuLoad.decisive() == nullptr);
    for (const Flip& f : flips) {
        INFO(f.field);
        std::vector<uint8_t> bad = file;
        REQUIRE(bad[size_t(f.at)] != f.value);
        bad[size_t(f.at)] = f.value;
        const QemuFileInfo info = QemuFileInfo::read(bad);
        INFO((info.error ? info.error->what() : "no error"));
        CHECK(info.error.has_value() == !f.wellFormed); // otherwise only QEMU's loader refuses it
        CHECK(info.qemuLoad.outcome == f.outcome);
        const QemuFinding* d = info.qemuLoad.decisive();
        REQUIRE(d != nullptr);
        CHECK(d->outcome == f.outcome);
        CHECK(d->offset == f.findingAt);
        CHECK(d->check == f.check);
        CHECK(d->qemuMessage.find(f.message) != std::string::npos);
        // The fatal finding is the last: QEMU reads no further.
        if (f.outcome >= QemuOutcome::FailsMigration) {
            CHECK(&info.qemuLoad.findings.back() == d);
        }
    }
}

TEST_CASE("qemu file: a destination without the node drops the bitmaps; with the bitmap, it fails", "[qemufile]")
{
    const std::vector<uint8_t> file = sample();
    QemuDestination noDrive0;
    noDrive0.nodes = std::vector<std::string>{"drive1"};
    const QemuFileInfo dropped = QemuFileInfo::read(file, noDrive0);
    CHECK_FALSE(dropped.error);
    CHECK_FALSE(dropped.qemuLoad.assumedNodes);
    CHECK(dropped.qemuLoad.outcome == QemuOutcome::DropsBitmaps);
    REQUIRE(dropped.qemuLoad.decisive());
    CHECK(dropped.qemuLoad.decisive()->check == "unknown-node");
    CHECK(dropped.qemuLoad.decisive()->offset == kFirstRecord + 1); // the node name's length byte
    CHECK(dropped.qemuLoad.decisive()->qemuMessage == "Cannot find device='drive0' nor node-name='drive0'");
    // Dropped once: the loader reads on cancelled and checks nothing but buffer sizes.
    CHECK(dropped.qemuLoad.findings.size() == 1);

    QemuDestination both;
    both.nodes = std::vector<std::string>{"drive0", "drive1"};
    CHECK(QemuFileInfo::read(file, both).qemuLoad.outcome == QemuOutcome::Loads);

    QemuDestination hasFine;
    hasFine.bitmaps = {{"drive0", "fine"}};
    const QemuFileInfo failed = QemuFileInfo::read(file, hasFine);
    CHECK(failed.qemuLoad.assumedNodes);
    CHECK(failed.qemuLoad.outcome == QemuOutcome::FailsMigration);
    REQUIRE(failed.qemuLoad.decisive());
    CHECK(failed.qemuLoad.decisive()->check == "bitmap-exists");
    CHECK(failed.qemuLoad.decisive()->offset == kFirstRecord + 1);
    CHECK(failed.qemuLoad.decisive()->qemuMessage ==
          "Bitmap with the same name ('fine') already exists on destination");
    // A bitmap of that name on another node is no conflict.
    QemuDestination elsewhere;
    elsewhere.bitmaps = {{"drive1", "fine"}};
    CHECK(QemuFileInfo::read(file, elsewhere).qemuLoad.outcome == QemuOutcome::Loads);
}

TEST_CASE("qemu file: the loader's verdict on the writer's files agrees with ChunkGeometry::qemuLoad", "[qemufile]")
{
    // Every chunk size on a disk of several chunks, and on one whose bitmap is one chunk for the largest.
    struct Disk {
        uint64_t bytes;
        uint64_t granularity;
    };
    for (const Disk disk : {Disk{(uint64_t(1) << 30) + (uint64_t(5) << 20), 4096},
                            Disk{(uint64_t(3) << 29), 65536}}) {
        for (const uint64_t chunk : ChunkGeometry::allChunkSizes()) {
            SimConfig cfg;
            cfg.diskBytes = disk.bytes;
            cfg.granularity = disk.granularity;
            cfg.chunkBytes = chunk;
            cfg.strategy = Strategy::StopAndCopy;
            cfg.bandwidth = 1e9;
            cfg.workload.rate = 20000; // every chunk carries set bits: buffers, not ZEROES
            cfg.migrationStartNs = 1'000'000'000;
            MigrationEngine engine(cfg);
            engine.setRecordStream(true);
            engine.runToEnd();
            QemuFileLayout layout;
            const std::vector<uint8_t> file = QemuFileWriter::wrap(engine.recordedStream(), &layout);
            const ChunkGeometry g = ChunkGeometry::compute(cfg.diskBytes, cfg.granularity, chunk);
            const QemuOutcome expected = g.qemuLoad == ChunkGeometry::QemuLoad::Loads    ? QemuOutcome::Loads
                                         : g.qemuLoad == ChunkGeometry::QemuLoad::Aborts ? QemuOutcome::Aborts
                                                                                         : QemuOutcome::FailsMigration;
            INFO("disk " << disk.bytes << ", granularity " << disk.granularity << ", chunk " << chunk);
            CHECK(layout.qemuLoad.outcome == expected);
            // The reader of the whole file says the same, at an offset inside the file.
            const QemuFileInfo info = QemuFileInfo::read(file);
            REQUIRE_FALSE(info.error);
            CHECK(info.qemuLoad.outcome == expected);
            if (expected != QemuOutcome::Loads) {
                REQUIRE(info.qemuLoad.decisive());
                CHECK(info.qemuLoad.decisive()->offset < file.size());
                CHECK(info.qemuLoad.decisive()->check ==
                      (expected == QemuOutcome::Aborts ? "unaligned-chunk" : "buffer-too-large"));
            } else {
                CHECK(info.bitmaps.at(0).sha256 == engine.summary().sourceSha256);
            }
        }
    }
}

TEST_CASE("qemu loader: a record before any name, and a record for a bitmap no START began", "[qemufile]")
{
    using Kind = QemuLoaderRecord::Kind;
    QemuLoaderModel unnamed;
    QemuLoaderRecord complete;
    complete.kind = Kind::Complete;
    complete.offset = 40;
    unnamed.record(complete);
    CHECK(unnamed.verdict().outcome == QemuOutcome::DropsBitmaps);
    CHECK(unnamed.verdict().findings.at(0).check == "no-node");
    CHECK(unnamed.verdict().findings.at(0).offset == 40);
    CHECK(unnamed.verdict().findings.at(0).qemuMessage == "Error: block device name is not set");

    QemuLoaderModel unknown;
    QemuLoaderRecord bits;
    bits.kind = Kind::Bits;
    bits.offset = 7;
    bits.nameOffset = 8;
    bits.node = "d";
    bits.bitmap = "b";
    bits.nrSectors = 8;
    bits.zeroes = true;
    unknown.record(bits);
    CHECK(unknown.verdict().outcome == QemuOutcome::DropsBitmaps);
    CHECK(unknown.verdict().findings.at(0).check == "unknown-bitmap");
    CHECK(unknown.verdict().findings.at(0).offset == 8);
    CHECK(unknown.verdict().findings.at(0).qemuMessage == "Error: unknown dirty bitmap 'b' for block device 'd'");
    // Cancelled, the loader still fails on an oversized buffer.
    QemuLoaderRecord big = bits;
    big.node.reset();
    big.bitmap.reset();
    big.zeroes = false;
    big.bufSize = 10241;
    big.bufSizeOffset = 99;
    unknown.record(big);
    CHECK(unknown.verdict().outcome == QemuOutcome::FailsMigration);
    CHECK(unknown.verdict().decisive()->offset == 99);
    CHECK(unknown.verdict().findings.size() == 2);
    CHECK(qemuOutcomeName(QemuOutcome::DropsBitmaps) == "drops-bitmaps");
    CHECK(parseQemuOutcome("aborts") == QemuOutcome::Aborts);
    CHECK_FALSE(parseQemuOutcome("abort"));
}

TEST_CASE("qemu file: a section it cannot step over stops the walk, with what came before", "[qemufile]")
{
    std::vector<uint8_t> file = sample();
    file[kRamVersion + 3] = 5; // ram version 5
    QemuFileInfo info = QemuFileInfo::read(file);
    CHECK_FALSE(info.error);
    REQUIRE(info.stopped);
    CHECK(info.stopped->section() == "ram");
    CHECK(info.stopped->sectionId() == 2u);
    CHECK(info.stopped->offset() == kRamStart);
    CHECK(info.parsedBytes == kRamStart);
    CHECK(info.commands.size() == 1);

    // A device section whose layout is not known: the bitmaps before it are all there.
    file = sample();
    const uint64_t timerName = kEof - 134 - 48 + 6; // timer FULL: type, id, then u8 length + "timer"
    REQUIRE(std::string(file.begin() + ptrdiff_t(timerName), file.begin() + ptrdiff_t(timerName) + 5) == "timer");
    file[size_t(timerName)] = 'T';
    info = QemuFileInfo::read(file);
    CHECK_FALSE(info.error);
    REQUIRE(info.stopped);
    CHECK(info.stopped->section() == "Timer");
    CHECK(info.stopped->sectionId() == 0u);
    CHECK(info.stopped->reason().find("cannot step over this FULL section") != std::string::npos);
    CHECK(info.bitmaps.size() == 3);
    CHECK(bitmap(info, "drive1", "tail").sha256 == "4c2fda08ece2f1959eb8b0d2cf8dba3990aa484c6689a326823269e274725bc9");
}

TEST_CASE("qemu file: a changed bit of a chunk loads, with the SHA-256 of the new bits", "[qemufile]")
{
    std::vector<uint8_t> file = sample();
    const QemuFileInfo before = QemuFileInfo::read(file);
    file[kFirstBitsData + 100] ^= 0x10;
    const QemuFileInfo after = QemuFileInfo::read(file);
    REQUIRE_FALSE(after.error);
    const QemuBitmapInfo& a = bitmap(before, "drive0", "fine");
    const QemuBitmapInfo& b = bitmap(after, "drive0", "fine");
    CHECK(b.sha256 != a.sha256);
    CHECK((b.dirtyBytes == a.dirtyBytes + 4096 || b.dirtyBytes + 4096 == a.dirtyBytes));
}

TEST_CASE("qemu file: every byte changed in turn never crashes the reader", "[qemufile]")
{
    const std::vector<uint8_t> file = sample();
    for (uint8_t mask : {uint8_t(0xff), uint8_t(0x01), uint8_t(0x80)}) {
        for (size_t i = 0; i < file.size(); ++i) {
            std::vector<uint8_t> bad = file;
            bad[i] ^= mask;
            QemuFileInfo info;
            REQUIRE_NOTHROW(info = QemuFileInfo::read(bad));
            if (info.error) {
                CHECK(info.error->offset() <= bad.size());
            }
        }
    }
}

TEST_CASE("qemu file: the writer wraps the engine's stream as QEMU frames it", "[qemufile]")
{
    for (const Strategy strategy : {Strategy::StopAndCopy, Strategy::Precopy}) {
        SimConfig cfg;
        cfg.diskBytes = (uint64_t(2) << 30) + (uint64_t(3) << 20);
        cfg.granularity = 4096;
        cfg.strategy = strategy;
        cfg.bandwidth = 250e3;
        cfg.workload.rate = 5000;
        cfg.migrationStartNs = 1'000'000'000;
        cfg.maxDowntimeNs = 20'000'000;
        cfg.maxPasses = 6;
        cfg.deviceName = "disk0";
        cfg.bitmapName = "since-backup";
        MigrationEngine engine(cfg);
        engine.setRecordStream(true);
        engine.runToEnd();
        const MigrationSummary summary = engine.summary();
        REQUIRE(summary.verified);

        QemuFileLayout layout;
        const std::vector<uint8_t> file = QemuFileWriter::wrap(engine.recordedStream(), &layout);
        CHECK(layout.bytes == file.size());
        CHECK(layout.ramSectionId == 2);
        CHECK(layout.bitmapSectionId == 3);
        CHECK(layout.footers == layout.bitmapSections + 2);
        // Header, configuration "none", POSTCOPY_ADVISE without payload, ram START with MEM_SIZE 0.
        const std::vector<uint8_t> head = {'Q', 'E', 'V', 'M', 0, 0, 0, 3, 7, 0, 0, 0, 4, 'n', 'o', 'n', 'e',
                                           8, 0, 3, 0, 0, 1, 0, 0, 0, 2, 3, 'r', 'a', 'm'};
        CHECK(std::equal(head.begin(), head.end(), file.begin()));

        const QemuFileInfo info = QemuFileInfo::read(file);
        INFO((info.error ? info.error->what() : "no error"));
        REQUIRE_FALSE(info.error);
        REQUIRE_FALSE(info.stopped);
        CHECK(info.description == std::string(R"({"page_size": 4096, "devices": []})"));
        REQUIRE(info.sections.size() == 2);
        CHECK(info.sections[1].footers == layout.bitmapSections);
        if (strategy == Strategy::Precopy) {
            CHECK(summary.dirtyPasses > 0);
            CHECK(info.sections[1].part > 0);
        }
        REQUIRE(info.bitmaps.size() == 1);
        const QemuBitmapInfo& b = info.bitmaps[0];
        CHECK(b.node == "disk0");
        CHECK(b.name == "since-backup");
        CHECK(b.granularity == 4096);
        CHECK(b.enabled);
        CHECK(b.complete);
        CHECK(b.diskBytes == cfg.diskBytes);
        CHECK(b.sha256 == summary.sourceSha256);
        CHECK(b.dirtyBytes == engine.source().bits().count());
    }
}

TEST_CASE("qemu file: the writer refuses what is not a whole recorded stream", "[qemufile]")
{
    const std::vector<uint8_t> empty;
    CHECK_THROWS_AS(QemuFileWriter::wrap(empty), std::invalid_argument);
    const std::vector<uint8_t> notAStream = {0x04, 0, 0, 0, 1};
    CHECK_THROWS_AS(QemuFileWriter::wrap(notAStream), std::invalid_argument);

    SimConfig cfg;
    cfg.diskBytes = uint64_t(1) << 30;
    cfg.strategy = Strategy::StopAndCopy;
    cfg.workload.kind = WorkloadKind::Idle;
    MigrationEngine engine(cfg);
    engine.setRecordStream(true);
    engine.runToEnd();
    std::vector<uint8_t> stream = engine.recordedStream();
    REQUIRE_NOTHROW(QemuFileWriter::wrap(stream));
    stream.pop_back(); // the END section's EOS
    CHECK_THROWS_AS(QemuFileWriter::wrap(stream), std::invalid_argument);
}

TEST_CASE("qemu file: a small file that claims a huge bitmap is listed without its bits", "[qemufile]")
{
    // Header, a dirty-bitmap START section with a START record (node "d", bitmap "b", 512 B), an END
    // section with one ZEROES chunk of `sectors` sectors, COMPLETE and EOS, then EOF.
    auto build = [](uint32_t sectors) {
        std::vector<uint8_t> f = {'Q', 'E', 'V', 'M', 0, 0, 0, 3, 1, 0, 0, 0, 3, 12};
        for (char c : std::string("dirty-bitmap")) {
            f.push_back(uint8_t(c));
        }
        const std::vector<uint8_t> rest = {
            0, 0, 0, 0, 0, 0, 0, 1,                             // instance 0, version 1
            0x1c, 1, 'd', 1, 'b', 0, 0, 2, 0, 0x01,             // START, 512 B, enabled
            0x01, 0x7e, 0, 0, 0, 3,                             // EOS, footer
            0x03, 0, 0, 0, 3,                                   // END section
            0x42, 0, 0, 0, 0, 0, 0, 0, 0,                       // BITS ZEROES from sector 0
            uint8_t(sectors >> 24), uint8_t(sectors >> 16), uint8_t(sectors >> 8), uint8_t(sectors),
            0x20, 0x01, 0x7e, 0, 0, 0, 3, 0x00};                 // COMPLETE, EOS, footer, EOF
        f.insert(f.end(), rest.begin(), rest.end());
        return f;
    };
    const QemuFileInfo small = QemuFileInfo::read(build(2048)); // 1 MiB of disk: 2048 bits
    INFO((small.error ? small.error->what() : "no error"));
    REQUIRE_FALSE(small.error);
    REQUIRE(small.bitmaps.size() == 1);
    CHECK(small.bitmaps[0].diskBytes == 1 << 20);
    CHECK(small.bitmaps[0].dirtyBytes == 0);
    CHECK(small.bitmaps[0].sha256.size() == 64);

    const QemuFileInfo huge = QemuFileInfo::read(build(0xffffffffu)); // 2 TiB at 512 B: 512 MiB of bits
    REQUIRE_FALSE(huge.error);
    REQUIRE(huge.bitmaps.size() == 1);
    CHECK(huge.bitmaps[0].complete);
    CHECK(huge.bitmaps[0].diskBytes == uint64_t(0xffffffffu) * 512);
    CHECK(huge.bitmaps[0].sha256.empty());
}

TEST_CASE("stream decoder: input QEMU's loader refuses too carries QEMU's outcome and words", "[qemufile]")
{
    // A recorded stream (savevm framing, no footers) of node "disk0", bitmap "b0": the START section's
    // header is 26 bytes, its version the last 4; the START record's granularity follows its flags
    // byte and the two names (1 + 6 + 3 bytes), its START flags follow the granularity.
    SimConfig cfg;
    cfg.diskBytes = uint64_t(1) << 30;
    cfg.strategy = Strategy::StopAndCopy;
    cfg.workload.kind = WorkloadKind::Idle;
    cfg.deviceName = "disk0";
    cfg.bitmapName = "b0";
    MigrationEngine engine(cfg);
    engine.setRecordStream(true);
    engine.runToEnd();
    const std::vector<uint8_t> good = engine.recordedStream();
    const StreamDecoderOptions framed{.framing = true, .sectionFooters = false, .instanceId = 0};
    REQUIRE_NOTHROW(StreamDecoder::decodeAll(good, framed));
    REQUIRE(good[26] == (stream::kFlagStart | stream::kFlagDeviceName | stream::kFlagBitmapName));
    struct Flip {
        const char* field;
        size_t at;
        uint8_t value;
        QemuOutcome outcome;
        const char* words;
    };
    const Flip flips[] = {
        {"section version", 25, 2, QemuOutcome::FailsMigration, "savevm: unsupported version 2 for 'dirty-bitmap' v1"},
        {"START flags", 40, 0x09, QemuOutcome::FailsMigration, "Unknown flags in migrated dirty bitmap header: 9"},
        {"granularity", 37, 0x03, QemuOutcome::Aborts, "Assertion `is_power_of_2(granularity)"},
    };
    for (const Flip& f : flips) {
        INFO(f.field);
        std::vector<uint8_t> bad = good;
        bad[f.at] = f.value;
        try {
            StreamDecoder::decodeAll(bad, framed);
            FAIL("decoded");
        } catch (const StreamError& e) {
            INFO(e.what());
            REQUIRE(e.qemuOutcome());
            CHECK(*e.qemuOutcome() == f.outcome);
            CHECK(e.reason().find(f.words) != std::string::npos);
        }
    }
    // A structural error QEMU does not check the same way carries no outcome.
    std::vector<uint8_t> cut = good;
    cut.pop_back();
    try {
        StreamDecoder::decodeAll(cut, framed);
        FAIL("decoded");
    } catch (const StreamError& e) {
        CHECK_FALSE(e.qemuOutcome());
    }
}

TEST_CASE("qemu file: the reader's flat rebuild gives HBitmap's dirty bytes and SHA-256", "[qemufile]")
{
    // stream-info rebuilds the bits as words alone; the viewer (keep) through HBitmap. Both must agree:
    // on QEMU's own file, on precopy runs that resend chunks, and with set padding bits past the end.
    std::vector<std::vector<uint8_t>> files = {sample()};
    for (const uint64_t granularity : {uint64_t(512), uint64_t(4096), uint64_t(65536)}) {
        SimConfig cfg;
        cfg.diskBytes = (uint64_t(1) << 30) + (uint64_t(3) << 20) + 4096; // a short last chunk and word
        cfg.granularity = granularity;
        cfg.strategy = Strategy::Precopy;
        cfg.bandwidth = 250e3;
        cfg.workload.rate = 5000;
        cfg.migrationStartNs = 1'000'000'000;
        cfg.maxDowntimeNs = 20'000'000;
        cfg.maxPasses = 4;
        MigrationEngine engine(cfg);
        engine.setRecordStream(true);
        engine.runToEnd();
        files.push_back(QemuFileWriter::wrap(engine.recordedStream()));
        const QemuFileInfo flat = QemuFileInfo::read(files.back());
        CHECK(flat.bitmaps.at(0).sha256 == engine.summary().sourceSha256);
    }
    // A stop-and-copy run: its chunks tile the bitmap once, in order (the reader's other path).
    {
        SimConfig cfg;
        cfg.diskBytes = (uint64_t(1) << 30) + (uint64_t(3) << 20) + 4096;
        cfg.granularity = 65536;
        cfg.strategy = Strategy::StopAndCopy;
        cfg.workload.rate = 5000;
        cfg.migrationStartNs = 1'000'000'000;
        MigrationEngine engine(cfg);
        engine.setRecordStream(true);
        engine.runToEnd();
        files.push_back(QemuFileWriter::wrap(engine.recordedStream()));
        CHECK(QemuFileInfo::read(files.back()).bitmaps.at(0).sha256 == engine.summary().sourceSha256);
    }
    // The sample's last chunk of drive1/tail (580 MiB at 64 KiB: 9280 bits, 9280 % 64 = 0) has no
    // padding; the files of the 1 GiB + 3 MiB + 4 KiB disk at 64 KiB (16433 bits) do: set every byte
    // of their last buffer, so that the padding bits are set on the wire.
    for (const size_t which : {files.size() - 2, files.size() - 1}) {
        std::vector<uint8_t> padded = files[which];
        const QemuFileInfo info = QemuFileInfo::read(padded, {}, true);
        const QemuRecordEntry* last = nullptr;
        const uint64_t diskBytes = info.bitmaps.at(0).diskBytes;
        for (const QemuRecordEntry& r : info.records) {
            if (r.kind == QemuLoaderRecord::Kind::Bits && !r.zeroes &&
                (r.startSector + r.nrSectors) * 512 == diskBytes) {
                last = &r; // a data chunk ending at the disk's end: its last word has padding
            }
        }
        REQUIRE(last);
        REQUIRE((diskBytes / 65536 + 1) % 64 != 0);
        const uint64_t bufAt = last->offset + 1 + 8 + 4 + 8; // flags, start, count, size
        for (uint64_t i = 0; i < last->bufSize; ++i) {
            padded[size_t(bufAt + i)] = 0xff;
        }
        files.push_back(padded);
    }
    for (const auto& f : files) {
        const QemuFileInfo flat = QemuFileInfo::read(f);
        const QemuFileInfo viaHBitmap = QemuFileInfo::read(f, {}, true);
        REQUIRE_FALSE(flat.error);
        REQUIRE(flat.bitmaps.size() == viaHBitmap.bitmaps.size());
        // Without the digest: the same counts by either path, no SHA-256, and saying so.
        const QemuFileInfo counted = QemuFileInfo::read(f, {}, false, false);
        const QemuFileInfo countedKept = QemuFileInfo::read(f, {}, true, false);
        REQUIRE(counted.bitmaps.size() == flat.bitmaps.size());
        REQUIRE(countedKept.bitmaps.size() == flat.bitmaps.size());
        for (size_t i = 0; i < flat.bitmaps.size(); ++i) {
            CHECK(flat.bitmaps[i].sha256 == viaHBitmap.bitmaps[i].sha256);
            CHECK(flat.bitmaps[i].dirtyBytes == viaHBitmap.bitmaps[i].dirtyBytes);
            CHECK(flat.bitmaps[i].notRebuilt == viaHBitmap.bitmaps[i].notRebuilt);
            CHECK_FALSE(flat.bitmaps[i].sha256.empty());
            CHECK_FALSE(flat.bitmaps[i].digestSkipped);
            CHECK_FALSE(viaHBitmap.bitmaps[i].digestSkipped);
            for (const QemuFileInfo* c : {&counted, &countedKept}) {
                CHECK(c->bitmaps[i].dirtyBytes == flat.bitmaps[i].dirtyBytes);
                CHECK(c->bitmaps[i].notRebuilt == flat.bitmaps[i].notRebuilt);
                CHECK(c->bitmaps[i].sha256.empty());
                CHECK(c->bitmaps[i].digestSkipped);
            }
        }
    }
}
