// Several bitmaps on several disks: QEMU's record order and name fields, the guest's writes spread
// over the disks, each bitmap verified on its own. Figures worked out from the stream format.
#include "engine_test_util.hpp"

#include <bitmig/configerror.h>
#include <bitmig/migrationengine.h>
#include <bitmig/runmemory.h>
#include <bitmig/streamformat.h>

#include <catch2/catch.hpp>

#include <bit>
#include <string>
#include <vector>

using namespace bitmig;
using namespace bitmig_engine_test;

namespace {

// drive0 (1 GiB): "b0" at 64 KiB (16384 bits, 2 chunks of 1 KiB) and "b1" at 1 MiB, disabled and
// persistent (1024 bits, one 128-byte chunk); drive1 (2 GiB): "c0" at 64 KiB, persistent (4 chunks).
// The guest's space: drive0 at [0, 1 GiB), drive1 at [1 GiB, 3 GiB).
SimConfig twoDisks(Strategy strategy)
{
    SimConfig cfg = smallIdleConfig(strategy);
    cfg.setLayout({DiskSpec{"drive0", GiB}, DiskSpec{"drive1", 2 * GiB}},
                  {BitmapSpec{0, "b0", 64 * KiB, true, false}, BitmapSpec{1, "c0", 64 * KiB, true, true},
                   BitmapSpec{0, "b1", MiB, false, true}});
    // Bit 16383 of b0 and bit 0 of c0 (a write across the two disks), then bit 16384 of c0.
    cfg.injections = {Injection{0, Injection::Op::Write, GiB - 64 * KiB, 128 * KiB},
                      Injection{0, Injection::Op::Write, 2 * GiB, 64 * KiB},
                      Injection{0, Injection::Op::Write, 0, 1}};
    return cfg;
}

std::string names(const StreamRecord& r)
{
    return std::string(recordKindName(r.kind)) + " " + r.device + "/" + r.bitmap;
}

} // namespace

TEST_CASE("a layout is put in sending order and the one-bitmap fields follow its first bitmap", "[engine][layout]")
{
    const SimConfig cfg = twoDisks(Strategy::StopAndCopy);
    REQUIRE(cfg.bitmaps.size() == 3);
    CHECK(cfg.bitmaps[0].name == "b0");
    CHECK(cfg.bitmaps[1].name == "b1");  // drive0's bitmaps first, in their order
    CHECK(cfg.bitmaps[2].name == "c0");
    CHECK(cfg.diskBytes == GiB);
    CHECK(cfg.deviceName == "drive0");
    CHECK(cfg.bitmapName == "b0");
    CHECK(cfg.guestBytes() == 3 * GiB);
    CHECK_NOTHROW(cfg.validate());
}

TEST_CASE("stop and copy sends every START, each bitmap's chunks, every COMPLETE, names only when they change",
          "[engine][layout]")
{
    SimConfig cfg = twoDisks(Strategy::StopAndCopy);
    MigrationEngine engine(cfg);
    engine.setRecordStream(true);
    engine.runToEnd();
    const MigrationSummary s = engine.summary();
    REQUIRE(s.finished);
    CHECK(s.verified);

    const auto records = decodeStream(engine.recordedStream());
    std::vector<std::string> order;
    for (const DecodedRecord& d : records) {
        order.push_back(d.record.kind == RecordKind::Eos ? "EOS" : names(d.record));
    }
    CHECK(order == std::vector<std::string>{
                       "START drive0/b0", "START drive0/b1", "START drive1/c0", "EOS",
                       "BITS drive0/b0", "BITS drive0/b0", "BITS drive0/b1", "BITS drive1/c0", "BITS drive1/c0",
                       "BITS drive1/c0", "BITS drive1/c0", "COMPLETE drive0/b0", "COMPLETE drive0/b1",
                       "COMPLETE drive1/c0", "EOS"});
    const Reencoded again = reencode(records);
    REQUIRE(again.sizes.size() == 15);
    CHECK(again.sizes[0].total() == 16);   // START b0: flags, "drive0", "b0", granularity, start flags
    CHECK(again.sizes[1].total() == 9);    // START b1: same node, only the bitmap's name
    CHECK(again.sizes[2].total() == 16);   // START c0: another node, both names
    CHECK(again.sizes[4].total() == 1 + 7 + 3 + 8 + 4 + 8 + 1024);  // b0's first chunk after c0: names
    CHECK(again.sizes[5].total() == 21 + 1024);                      // b0's second chunk
    CHECK(again.sizes[6].total() == 1 + 3 + 8 + 4);  // b1, disabled so clean: ZEROES with its name
    CHECK(again.sizes[7].total() == 1 + 7 + 3 + 8 + 4 + 8 + 1024);   // c0 chunk 0 (bit 0)
    CHECK(again.sizes[8].total() == 13);                             // c0 chunk 1: ZEROES
    CHECK(again.sizes[9].total() == 21 + 1024);                      // c0 chunk 2 (bit 16384)
    CHECK(again.sizes[10].total() == 13);
    CHECK(again.sizes[11].total() == 1 + 7 + 3);  // COMPLETE b0 after c0's chunk: both names
    CHECK(again.sizes[12].total() == 1 + 3);      // COMPLETE b1
    CHECK(again.sizes[13].total() == 1 + 7 + 3);  // COMPLETE c0
    // The START section 26 + 16 + 9 + 16 + 1; the END section 5, the chunks, 11 + 4 + 11, EOS.
    const uint64_t wire = 26 + 16 + 9 + 16 + 1 + 5 + (1055 + 1045 + 16 + 1055 + 13 + 1045 + 13) + 11 + 4 + 11 + 1;
    CHECK(s.wireBytes == wire);
    CHECK(engine.recordedStream().size() == wire);
    // At 1 MB/s a byte is a microsecond; the guest paused at 0 and the last byte arrives at `wire`.
    // The forecast counts every record exactly (names included); the link rounds each tick's
    // arrival toward a whole nanosecond, five ticks here.
    CHECK(s.expectedDowntimeNs == int64_t(wire) * 1000);
    CHECK(s.downtimeNs <= s.expectedDowntimeNs);
    CHECK(s.downtimeNs >= s.expectedDowntimeNs - 5);

    REQUIRE(s.bitmaps.size() == 3);
    const BitmapSummary& b0 = s.bitmaps[0];
    const BitmapSummary& b1 = s.bitmaps[1];
    const BitmapSummary& c0 = s.bitmaps[2];
    CHECK(b0.name == "b0");
    CHECK(b1.name == "b1");
    CHECK(c0.device == "drive1");
    CHECK(b0.chunks == 2);
    CHECK(b1.chunks == 1);
    CHECK(c0.chunks == 4);
    CHECK(s.chunks == 7);
    CHECK(b0.wireBytes == 16 + 1055 + 1045 + 11);
    CHECK(b1.wireBytes == 9 + 16 + 4);
    CHECK(c0.wireBytes == 16 + 1055 + 13 + 1045 + 13 + 11);
    CHECK(b0.payloadBytes == 2048);
    CHECK(b1.payloadBytes == 0);
    CHECK(c0.payloadBytes == 2048);
    CHECK(b0.chunksSent == 2);
    CHECK(b1.chunksZeroes == 1);
    CHECK(c0.chunksZeroes == 2);
    CHECK(b0.dirtyBits == 2);   // bits 0 and 16383
    CHECK(b1.dirtyBits == 0);   // disabled: the guest's writes leave it alone
    CHECK(c0.dirtyBits == 2);   // bits 0 and 16384
    for (const BitmapSummary& b : s.bitmaps) {
        CHECK(b.verified);
        CHECK(b.destinationSha256 == b.sourceSha256);
    }
    CHECK(b0.sourceSha256 != c0.sourceSha256);
    CHECK(s.sourceSha256 == b0.sourceSha256);

    // The destination holds each bitmap with the source's state.
    REQUIRE(engine.destination(1));
    CHECK(engine.destination(0)->bits().get(0));
    CHECK(engine.destination(0)->bits().get((GiB - 1)));
    CHECK(engine.destination(0)->dirtyBits() == 2);
    CHECK_FALSE(engine.destination(1)->enabled());
    CHECK(engine.destination(1)->persistent());
    CHECK(engine.destination(2)->enabled());
    CHECK(engine.destination(2)->persistent());
    CHECK(engine.destination(2)->bits().get(0));
    CHECK(engine.destination(2)->bits().get(GiB));
    CHECK_FALSE(engine.destination(0)->persistent());
}

TEST_CASE("every strategy carries every bitmap while the guest writes over both disks", "[engine][layout]")
{
    for (const Strategy strategy : {Strategy::Precopy, Strategy::Postcopy, Strategy::StopAndCopy}) {
        for (const uint64_t seed : {1u, 2u, 3u}) {
            CAPTURE(strategyName(strategy), seed);
            SimConfig cfg = twoDisks(strategy);
            cfg.workload.kind = WorkloadKind::Uniform;
            cfg.workload.rate = 20000;
            cfg.bandwidth = 125e6;
            cfg.latencyNs = 2 * kMs;
            cfg.maxDowntimeNs = 20 * kMs;
            cfg.seed = seed;
            cfg.migrationStartNs = 50 * kMs;  // the guest writes alone first (stop and copy pauses it at once)
            MigrationEngine engine(cfg);
            // An independent record of every write, split over the disks by hand.
            TruthModel b0(GiB, 64 * KiB), c0(2 * GiB, 64 * KiB);
            uint64_t ioCount = 0;
            engine.onGuestIo = [&](const Injection& io) {
                ++ioCount;
                const uint64_t end = io.offset + io.length;
                if (io.offset < GiB) {
                    b0.write(io.offset, std::min(end, GiB) - io.offset);
                }
                if (end > GiB) {
                    const uint64_t from = std::max(io.offset, GiB);
                    c0.write(from - GiB, end - from);
                }
            };
            engine.runToEnd();
            const MigrationSummary s = engine.summary();
            REQUIRE(s.finished);
            CHECK(s.verified);
            CHECK(s.writesApplied == ioCount);
            CHECK(s.bitmaps[1].dirtyBits == 0);
            if (strategy != Strategy::Postcopy) {
                // The source as the guest left it: exactly the writes it made on each disk.
                CHECK(engine.source(0).dirtyBits() == b0.count());
                CHECK(engine.source(2).dirtyBits() == c0.count());
                CHECK(engine.source(0).bits().sha256() == s.bitmaps[0].destinationSha256);
                CHECK(engine.source(2).bits().sha256() == s.bitmaps[2].destinationSha256);
            } else {
                // The destination records what the guest wrote after the switch-over too.
                CHECK(engine.destination(0)->dirtyBits() == b0.count());
                CHECK(engine.destination(2)->dirtyBits() == c0.count());
            }
            CHECK(s.bitmaps[0].dirtyBits > 0);
            CHECK(s.bitmaps[2].dirtyBits > s.bitmaps[0].dirtyBits);  // twice the disk, twice the writes
        }
    }
}

TEST_CASE("precopy resends the chunks of each bitmap the guest dirtied again, counted per bitmap", "[engine][layout]")
{
    SimConfig cfg = twoDisks(Strategy::Precopy);
    // The bulk pass sends b0's chunk 0 in its first millisecond and ends after about 4.3 ms (a
    // byte a microsecond); at 3 ms the guest dirties that chunk again (bit 1 of b0).
    cfg.injections.push_back(Injection{3 * kMs, Injection::Op::Write, 64 * KiB, 1});
    cfg.maxDowntimeNs = 2 * kMs;
    MigrationEngine engine(cfg);
    engine.runToEnd();
    const MigrationSummary s = engine.summary();
    REQUIRE(s.finished);
    CHECK(s.verified);
    CHECK(s.bitmaps[0].chunksResent == 1);
    CHECK(s.bitmaps[1].chunksResent == 0);
    CHECK(s.bitmaps[2].chunksResent == 0);
    CHECK(s.chunksResent == 1);
    CHECK(s.chunksSent == 8);
    CHECK(s.bitmaps[0].chunksSent == 3);
    CHECK(s.bitmaps[0].dirtyBits == 3);
}

TEST_CASE("a bad layout is refused naming the disk or bitmap", "[engine][layout]")
{
    using F = ConfigField;
    using C = ConfigErrorCode;
    struct Case {
        const char* what;
        std::vector<DiskSpec> disks;
        std::vector<BitmapSpec> bitmaps;
        F field;
        C code;
        size_t index;
        std::string message;
    };
    const std::vector<Case> cases = {
        {"two disks of one name", {{"d", GiB}, {"d", GiB}}, {{0, "a"}}, F::LayoutDiskNode, C::DuplicateName, 1,
         "disks[1].node: node 'd' is named twice"},
        {"a disk size", {{"d", GiB}, {"e", 1000}}, {{0, "a"}}, F::LayoutDiskSize, C::NotMultiple, 1,
         "disks[1].size: must be a positive multiple of 512 bytes, got 1000"},
        {"two bitmaps of one name on a disk", {{"d", GiB}}, {{0, "a"}, {0, "a"}}, F::LayoutBitmapName,
         C::DuplicateName, 1, "bitmaps[1].name: bitmap 'a' is named twice on node 'd'"},
        {"a granularity", {{"d", GiB}}, {{0, "a"}, {0, "b", 1000}}, F::LayoutBitmapGranularity, C::NotPowerOfTwo, 1,
         "bitmaps[1].granularity: must be a power of two of at least 512 bytes, got 1000"},
        {"an empty name", {{"d", GiB}}, {{0, "a"}, {0, ""}}, F::LayoutBitmapName, C::NameLength, 1,
         "bitmaps[1].name: name must be 1 to 255 bytes long"},
        {"a disk that is not there", {{"d", GiB}}, {{0, "a"}, {3, "b"}}, F::LayoutBitmapDisk, C::OutOfRange, 1,
         "bitmaps[1].disk: disk 3 does not exist"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        SimConfig cfg = smallIdleConfig(Strategy::Precopy);
        cfg.setLayout(c.disks, c.bitmaps);
        try {
            cfg.validate();
            FAIL("accepted");
        } catch (const ConfigError& e) {
            CHECK(e.field() == c.field);
            CHECK(e.code() == c.code);
            CHECK(e.index() == c.index);
            CHECK(std::string(e.what()) == c.message);
        }
    }
    // Injections address every disk end to end: past the last one is past the end.
    SimConfig cfg = twoDisks(Strategy::Precopy);
    cfg.injections = {Injection{0, Injection::Op::Write, 3 * GiB - 512, 1024}};
    CHECK_THROWS_AS(cfg.validate(), ConfigError);
    cfg.injections = {Injection{0, Injection::Op::Write, 3 * GiB - 512, 512}};
    CHECK_NOTHROW(cfg.validate());
}

TEST_CASE("the memory check counts every bitmap of a layout", "[engine][layout][memory]")
{
    SimConfig one = smallIdleConfig(Strategy::Precopy);
    one.diskBytes = GiB;
    const RunMemory single = estimateRunMemory(one);
    // Three bitmaps like `one` (1 GiB at 64 KiB) on three disks: three times each bitmap array.
    SimConfig three = one;
    three.setLayout({{"a", GiB}, {"b", GiB}, {"c", GiB}},
                    {{0, "x", 64 * KiB}, {1, "x", 64 * KiB}, {2, "x", 64 * KiB, false, true}});
    const RunMemory all = estimateRunMemory(three);
    CHECK(all.source == 3 * single.source);
    CHECK(all.destination == 3 * single.destination);
    CHECK(all.meta == 3 * single.meta);
    CHECK(all.bookkeeping == (3 * 2 + 63) / 64 * 8);
    // A layout too large for the memory given is refused with both figures.
    const std::optional<ConfigError> refused = memoryRefusal(three, AvailableMemory{all.total() - 1, true});
    REQUIRE(refused);
    CHECK(refused->code() == ConfigErrorCode::TooLargeForMemory);
    CHECK_FALSE(memoryRefusal(three, AvailableMemory{all.total(), true}));
}

TEST_CASE("a link fault cuts every bitmap's attempt and the retry carries them all", "[engine][layout][fault]")
{
    for (const Strategy strategy : {Strategy::Precopy, Strategy::Postcopy, Strategy::StopAndCopy}) {
        CAPTURE(strategyName(strategy));
        SimConfig cfg = twoDisks(strategy);
        cfg.workload.kind = WorkloadKind::Uniform;
        cfg.workload.rate = 5000;
        cfg.faultsNs = {3 * kMs};   // in the middle of the first attempt (about 4.3 ms of records)
        cfg.faultRetryNs = 5 * kMs;
        MigrationEngine engine(cfg);
        engine.setRecordStream(true);
        engine.runToEnd();
        const MigrationSummary s = engine.summary();
        REQUIRE(s.finished);
        CHECK(s.faults == 1);
        CHECK(s.retries == 1);
        CHECK(s.verified);
        for (const BitmapSummary& b : s.bitmaps) {
            CHECK(b.verified);
            CHECK(b.chunksSent >= b.chunks);  // the retry sends every chunk again
        }
        // The retry's stream alone: three STARTs again, names as from a fresh encoder.
        const auto records = decodeStream(engine.recordedStream());
        REQUIRE(records.size() >= 3);
        CHECK(records[0].record.kind == RecordKind::Start);
        CHECK(records[1].record.bitmap == "b1");
        CHECK(records[2].record.device == "drive1");
    }
}

TEST_CASE("each bitmap starts from its own starting bits, recording or not, and arrives with them", "[engine][layout][startbits]")
{
    for (const Strategy strategy : {Strategy::Precopy, Strategy::Postcopy, Strategy::StopAndCopy}) {
        CAPTURE(strategyName(strategy));
        SimConfig cfg = smallIdleConfig(strategy);
        // Two bitmaps on one disk with different bits, one of them disabled; a third on another disk.
        BitmapSpec b0{0, "b0", 64 * KiB, true, false};
        b0.startBits = {Range{0, MiB}, Range{512 * MiB + 1, 10}};  // 16 granules, and 1 touched twice
        BitmapSpec frozen{0, "frozen", MiB, false, true};
        frozen.startBits = {Range{100 * MiB, 3 * MiB}};
        BitmapSpec c0{1, "c0", 512, true, false};
        c0.startBits = {Range{4096, 512}};
        cfg.setLayout({DiskSpec{"drive0", GiB}, DiskSpec{"drive1", 64 * MiB}}, {b0, frozen, c0});
        // A write on drive0 adds to the recording bitmap only.
        cfg.migrationStartNs = 2 * kMs;
        cfg.injections = {Injection{kMs, Injection::Op::Write, 900 * MiB, 64 * KiB}};
        REQUIRE_NOTHROW(cfg.validate());

        MigrationEngine engine(cfg);
        REQUIRE(engine.bitmapCount() == 3);
        // Before anything runs: each bitmap holds exactly its own extents.
        auto expected = [](uint64_t disk, uint64_t granularity, const std::vector<Range>& runs) {
            HBitmap h(disk, unsigned(std::countr_zero(granularity)));
            for (const Range& r : runs) {
                h.set(r.start, r.count);
            }
            return h;
        };
        const HBitmap b0Start = expected(GiB, 64 * KiB, b0.startBits);
        const HBitmap frozenStart = expected(GiB, MiB, frozen.startBits);
        const HBitmap c0Start = expected(64 * MiB, 512, c0.startBits);
        CHECK(engine.source(0).name() == "b0");
        CHECK(engine.source(0).dirtyBits() == 17);
        CHECK(engine.source(0).bits().sha256() == b0Start.sha256());
        CHECK(engine.source(1).name() == "frozen");
        CHECK(!engine.source(1).enabled());
        CHECK(engine.source(1).dirtyBits() == 3);
        CHECK(engine.source(1).bits().sha256() == frozenStart.sha256());
        CHECK(engine.source(2).bits().sha256() == c0Start.sha256());

        engine.runToEnd();
        const MigrationSummary s = engine.summary();
        REQUIRE(s.finished);
        CHECK(s.verified);
        REQUIRE(s.bitmaps.size() == 3);
        CHECK(s.bitmaps[0].dirtyBits == 18);  // its own 17 and the write
        CHECK(s.bitmaps[1].dirtyBits == 3);   // not recording: its own bits only
        CHECK(s.bitmaps[2].dirtyBits == 1);
        for (size_t i = 0; i < 3; ++i) {
            CAPTURE(i);
            CHECK(s.bitmaps[i].verified);
            REQUIRE(engine.destination(i));
            CHECK(engine.destination(i)->bits().sha256() == engine.source(i).bits().sha256());
        }
        CHECK(engine.destination(1)->bits().sha256() == frozenStart.sha256());
    }
}

TEST_CASE("starting bits out of their disk are refused at the bitmap, naming the extent", "[engine][layout][startbits]")
{
    using F = ConfigField;
    using C = ConfigErrorCode;
    SimConfig cfg = smallIdleConfig(Strategy::Precopy);
    BitmapSpec a{0, "a", 64 * KiB, true, false};
    BitmapSpec b{1, "b", 64 * KiB, false, false};
    // b's disk is the second (1 GiB): an extent inside the guest's space but past its own disk.
    b.startBits = {Range{0, 512}, Range{GiB - 512, 1024}};
    cfg.setLayout({DiskSpec{"d", 2 * GiB}, DiskSpec{"e", GiB}}, {a, b});
    try {
        cfg.validate();
        FAIL("accepted");
    } catch (const ConfigError& e) {
        CHECK(e.field() == F::LayoutBitmapStartBits);
        CHECK(e.code() == C::PastEndOfDisk);
        CHECK(e.index() == 1);
        CHECK(std::string(e.what()) == "bitmaps[1].startBits: extent 1 [1073741312, +1024) is past the end of disk 'e' (1073741824 bytes)");
    }
    cfg.bitmaps[1].startBits = {Range{512, 0}};
    try {
        cfg.validate();
        FAIL("accepted");
    } catch (const ConfigError& e) {
        CHECK(e.code() == C::NotPositive);
        CHECK(std::string(e.what()) == "bitmaps[1].startBits: extent 0 has length 0; it must be above zero");
    }
    cfg.bitmaps[1].startBits = {Range{GiB - 512, 512}};
    CHECK_NOTHROW(cfg.validate());
}

TEST_CASE("the memory check counts the starting bits", "[engine][layout][memory][startbits]")
{
    SimConfig cfg = smallIdleConfig(Strategy::Precopy);
    cfg.setLayout({{"a", GiB}}, {{0, "x", 64 * KiB}});
    const RunMemory without = estimateRunMemory(cfg);
    CHECK(without.startBits == 0);
    for (uint64_t i = 0; i < 1000; ++i) {
        cfg.bitmaps[0].startBits.push_back(Range{i * MiB, 4096});
    }
    const RunMemory with = estimateRunMemory(cfg);
    CHECK(with.startBits == 1000 * sizeof(Range));
    CHECK(with.total() == without.total() + 1000 * sizeof(Range));
    CHECK(memoryRefusal(cfg, AvailableMemory{with.total() - 1, true}));
    CHECK_FALSE(memoryRefusal(cfg, AvailableMemory{with.total(), true}));
}

TEST_CASE("a layout's workload reaches its bitmaps the same with or without an observer of each write",
          "[engine][layout]")
{
    // Without an observer the guest applies the generator's writes a batch at a time, prefetching
    // every bitmap of the disk each lands on; with one, write by write through apply(). Both must
    // give the same run: the same bits in every bitmap at every moment, the same samples.
    for (const Strategy strategy : {Strategy::Precopy, Strategy::Postcopy, Strategy::StopAndCopy}) {
        for (const WorkloadKind kind : {WorkloadKind::Uniform, WorkloadKind::Zipf}) {
            for (const bool oneDisk : {false, true}) {
                CAPTURE(strategyName(strategy), workloadKindName(kind), oneDisk);
                SimConfig cfg = twoDisks(strategy);
                if (oneDisk) {
                    // One disk with three bitmaps, one of them disabled (the writes leave it alone).
                    cfg.setLayout({DiskSpec{"drive0", 3 * GiB}},
                                  {BitmapSpec{0, "b0", 64 * KiB, true, false}, BitmapSpec{0, "b1", MiB, true, true},
                                   BitmapSpec{0, "b2", 64 * KiB, false, true}});
                }
                cfg.workload.kind = kind;
                cfg.workload.rate = 50000;
                cfg.workload.maxWriteBytes = 4 * MiB;  // some writes cross from drive0 into drive1
                cfg.bandwidth = 125e6;
                cfg.maxDowntimeNs = 5 * kMs;
                cfg.migrationStartNs = 30 * kMs;
                cfg.seed = 7;
                MigrationEngine batched(cfg);
                MigrationEngine observed(cfg);
                uint64_t seen = 0;
                observed.onGuestIo = [&seen](const Injection&) { ++seen; };
                std::vector<TimeSample> samplesBatched, samplesObserved;
                while (!batched.finished() || !observed.finished()) {
                    REQUIRE(batched.nowNs() == observed.nowNs());
                    for (size_t b = 0; b < batched.bitmapCount(); ++b) {
                        REQUIRE(batched.source(b).bits().count() == observed.source(b).bits().count());
                    }
                    batched.step();
                    observed.step();
                    const auto a = batched.takeSamples();
                    const auto o = observed.takeSamples();
                    samplesBatched.insert(samplesBatched.end(), a.begin(), a.end());
                    samplesObserved.insert(samplesObserved.end(), o.begin(), o.end());
                }
                const MigrationSummary sb = batched.summary();
                const MigrationSummary so = observed.summary();
                CHECK(sb.writesApplied == so.writesApplied);
                CHECK(so.writesApplied == seen);
                CHECK(sb.writesApplied > 1000);
                CHECK(sb.chunksSent == so.chunksSent);
                CHECK(sb.wireBytes == so.wireBytes);
                CHECK(sb.downtimeNs == so.downtimeNs);
                CHECK(sb.verified);
                CHECK(samplesBatched == samplesObserved);
                for (size_t b = 0; b < sb.bitmaps.size(); ++b) {
                    CAPTURE(b);
                    CHECK(sb.bitmaps[b].sourceSha256 == so.bitmaps[b].sourceSha256);
                    CHECK(sb.bitmaps[b].destinationSha256 == so.bitmaps[b].destinationSha256);
                    CHECK(batched.source(b).bits().sha256() == observed.source(b).bits().sha256());
                }
            }
        }
    }
}
