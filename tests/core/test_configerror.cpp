// Every refusal of SimConfig::validate() (and WorkloadSpec's, TraceReplay's, checkRunMemory()'s) is
// a ConfigError naming the field, the reason's code and the figures to phrase it with; its what()
// is the English "field: reason" text front ends have always shown. Also: the enum name tables and
// the CSV field quoting.
#include <bitmig/configerror.h>
#include <bitmig/csv.h>
#include <bitmig/limits.h>
#include <bitmig/migrationsummary.h>
#include <bitmig/runmemory.h>
#include <bitmig/simconfig.h>
#include <bitmig/streamrecord.h>
#include <bitmig/trace.h>
#include <bitmig/units.h>
#include <bitmig/workload.h>

#include <catch2/catch.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>

using namespace bitmig;

namespace {

using F = ConfigField;
using C = ConfigErrorCode;
using Q = ConfigQuantity;

constexpr int64_t kSec = 1'000'000'000;

SimConfig small()
{
    SimConfig c;
    c.diskBytes = 64 * units::MiB;
    c.granularity = 64 * units::KiB;
    c.chunkBytes = 16;
    c.workload.kind = WorkloadKind::Idle;
    c.timeLimitNs = 10 * kSec;
    return c;
}

// The ConfigError validate() throws for `c`; fails the test when it throws something else or nothing.
ConfigError refusalOf(const SimConfig& c)
{
    try {
        c.validate();
    } catch (const ConfigError& e) {
        return e;
    }
    FAIL("validate() accepted the configuration");
    throw std::logic_error("unreachable");
}

struct Case {
    const char* name;
    std::function<void(SimConfig&)> change;
    ConfigField field;
    ConfigErrorCode code;
    std::string what;
    ConfigArguments arguments;
    std::optional<size_t> index = std::nullopt;
};

} // namespace

TEST_CASE("ConfigError: every refusal of validate() has its field, code and figures", "[configerror]")
{
    const uint64_t kMaxDisk = limits::kMaxDiskBytes;
    const int64_t kMaxTime = limits::kMaxTimeNs;
    const Case cases[] = {
        {"disk not a multiple", [](SimConfig& c) { c.diskBytes = 1000; }, F::Disk, C::NotMultiple,
         "disk: must be a positive multiple of 512 bytes, got 1000",
         {.value = Q::bytes(1000), .multiple = Q::bytes(512)}},
        {"disk zero", [](SimConfig& c) { c.diskBytes = 0; }, F::Disk, C::NotMultiple,
         "disk: must be a positive multiple of 512 bytes, got 0", {.value = Q::bytes(0), .multiple = Q::bytes(512)}},
        {"disk too large", [&](SimConfig& c) { c.diskBytes = kMaxDisk + 512; }, F::Disk, C::TooLarge,
         "disk: must be at most 1 EiB (2^60 bytes), got " + std::to_string(kMaxDisk + 512),
         {.value = Q::bytes(kMaxDisk + 512), .max = Q::bytes(kMaxDisk)}},
        {"granularity not a power of two", [](SimConfig& c) { c.granularity = 3000; }, F::Granularity, C::NotPowerOfTwo,
         "granularity: must be a power of two of at least 512 bytes, got 3000",
         {.value = Q::bytes(3000), .min = Q::bytes(512)}},
        {"granularity too large", [](SimConfig& c) { c.granularity = uint64_t(1) << 32; }, F::Granularity, C::TooLarge,
         "granularity: must be at most 2 GiB (a START record carries it in 32 bits)",
         {.value = Q::bytes(uint64_t(1) << 32), .max = Q::bytes(uint64_t(1) << 31)}},
        {"too many bits",
         [](SimConfig& c) {
             c.diskBytes = uint64_t(1) << 51;
             c.granularity = 512;
         },
         F::Disk, C::TooManyBits,
         "disk: needs " + std::to_string(uint64_t(1) << 42) + " bits at this granularity; at most 2^41 are allowed",
         {.value = Q::count(uint64_t(1) << 42), .max = Q::count(uint64_t(1) << 41)}},
        {"chunk not a power of two", [](SimConfig& c) { c.chunkBytes = 3; }, F::Chunk, C::NotPowerOfTwo,
         "chunk: must be a power of two from 1 B to 1 MiB, got 3",
         {.value = Q::bytes(3), .min = Q::bytes(1), .max = Q::bytes(units::MiB)}},
        {"chunk beyond a record",
         [](SimConfig& c) {
             c.diskBytes = 8 * units::TiB;
             c.granularity = 2 * units::GiB;
             c.chunkBytes = 256;  // 2048 bits of 2 GiB: 2^33 sectors
         },
         F::Chunk, C::ChunkExceedsRecord,
         "chunk: one chunk would cover 2^32 sectors or more, which a BITS record cannot describe (nr_sectors is "
         "32-bit); use a smaller chunk or granularity",
         {.value = Q::bytes(256)}},
        {"bandwidth zero", [](SimConfig& c) { c.bandwidth = 0; }, F::Bandwidth, C::NotPositive,
         "bandwidth: must be above zero", {.value = Q::bytesPerSecond(0)}},
        {"bandwidth too high", [](SimConfig& c) { c.bandwidth = 2e12; }, F::Bandwidth, C::OutOfRange,
         "bandwidth: must be from 1 kbit/s to 10 Tbit/s (125 to 1.25e12 bytes per second), got 2e+12 bytes per second",
         {.value = Q::bytesPerSecond(2e12), .min = Q::bytesPerSecond(125), .max = Q::bytesPerSecond(1.25e12)}},
        {"latency negative", [](SimConfig& c) { c.latencyNs = -1; }, F::Latency, C::Negative,
         "latency: must not be negative", {.value = Q::nanoseconds(-1)}},
        {"latency too long", [&](SimConfig& c) { c.latencyNs = kMaxTime + 1; }, F::Latency, C::TooLarge,
         "latency: must be at most 365 days (31536000 s), got " + std::to_string(kMaxTime + 1) + " ns",
         {.value = Q::nanoseconds(kMaxTime + 1), .max = Q::nanoseconds(kMaxTime)}},
        {"max downtime negative", [](SimConfig& c) { c.maxDowntimeNs = -5; }, F::MaxDowntime, C::Negative,
         "maxDowntime: must not be negative", {.value = Q::nanoseconds(-5)}},
        {"max downtime too long", [&](SimConfig& c) { c.maxDowntimeNs = kMaxTime + 1; }, F::MaxDowntime, C::TooLarge,
         "maxDowntime: must be at most 365 days (31536000 s), got " + std::to_string(kMaxTime + 1) + " ns",
         {.value = Q::nanoseconds(kMaxTime + 1), .max = Q::nanoseconds(kMaxTime)}},
        {"complete below too large", [&](SimConfig& c) { c.completeOnlyBelow = kMaxDisk + 1; }, F::CompleteOnlyBelow,
         C::TooLarge, "completeOnlyBelow: must be at most 1 EiB (2^60 bytes), got " + std::to_string(kMaxDisk + 1),
         {.value = Q::bytes(kMaxDisk + 1), .max = Q::bytes(kMaxDisk)}},
        {"max passes", [](SimConfig& c) { c.maxPasses = 100001; }, F::MaxPasses, C::TooLarge,
         "maxPasses: must be at most 100000", {.value = Q::count(100001), .max = Q::count(100000)}},
        {"tick too short", [](SimConfig& c) { c.tickNs = 999; }, F::Tick, C::OutOfRange,
         "tick: must be between 1 µs and 1 s",
         {.value = Q::nanoseconds(999), .min = Q::nanoseconds(1000), .max = Q::nanoseconds(kSec)}},
        {"migration start", [](SimConfig& c) { c.migrationStartNs = -2; }, F::MigrationStart, C::NotTimeOrUnset,
         "migrationStart: must be a time >= 0, or -1 for a manual start", {.value = Q::nanoseconds(-2)}},
        {"migration start too late", [&](SimConfig& c) { c.migrationStartNs = kMaxTime + 1; }, F::MigrationStart,
         C::TooLarge, "migrationStart: must be at most 365 days (31536000 s), got " + std::to_string(kMaxTime + 1) + " ns",
         {.value = Q::nanoseconds(kMaxTime + 1), .max = Q::nanoseconds(kMaxTime)}},
        {"time limit zero", [](SimConfig& c) { c.timeLimitNs = 0; }, F::TimeLimit, C::NotPositive,
         "timeLimit: must be above zero", {.value = Q::nanoseconds(0)}},
        {"time limit too long", [&](SimConfig& c) { c.timeLimitNs = kMaxTime + 1; }, F::TimeLimit, C::TooLarge,
         "timeLimit: must be at most 365 days (31536000 s), got " + std::to_string(kMaxTime + 1) + " ns",
         {.value = Q::nanoseconds(kMaxTime + 1), .max = Q::nanoseconds(kMaxTime)}},
        {"sample interval below a tick", [](SimConfig& c) { c.sampleIntervalNs = c.tickNs - 1; }, F::SampleInterval,
         C::BelowTick, "sampleInterval: must be at least one tick",
         {.value = Q::nanoseconds(999'999), .min = Q::nanoseconds(1'000'000)}},
        {"sample interval too long",
         [&](SimConfig& c) {
             c.sampleIntervalNs = kMaxTime + 1;
         },
         F::SampleInterval, C::TooLarge,
         "sampleInterval: must be at most 365 days (31536000 s), got " + std::to_string(kMaxTime + 1) + " ns",
         {.value = Q::nanoseconds(kMaxTime + 1), .max = Q::nanoseconds(kMaxTime)}},
        {"device name empty", [](SimConfig& c) { c.deviceName.clear(); }, F::Device, C::NameLength,
         "device: name must be 1 to 255 bytes long", {.value = Q::count(0), .min = Q::count(1), .max = Q::count(255)}},
        {"bitmap name too long", [](SimConfig& c) { c.bitmapName = std::string(256, 'b'); }, F::Bitmap, C::NameLength,
         "bitmap: name must be 1 to 255 bytes long",
         {.value = Q::count(256), .min = Q::count(1), .max = Q::count(255)}},
        {"rate", [](SimConfig& c) { c.workload.rate = -1; }, F::WorkloadRate, C::OutOfRange,
         "workload.rate: must be between 0 and 1e9 writes per second",
         {.value = Q::number(-1), .min = Q::number(0), .max = Q::number(1e9)}},
        {"min write size", [](SimConfig& c) { c.workload.minWriteBytes = 1000; }, F::WorkloadMinWriteBytes,
         C::NotMultiple, "workload.minWriteBytes: must be a positive multiple of 512 bytes",
         {.value = Q::bytes(1000), .multiple = Q::bytes(512)}},
        {"max write size below min", [](SimConfig& c) { c.workload.maxWriteBytes = 2048; }, F::WorkloadMaxWriteBytes,
         C::NotMultipleOrBelowMin, "workload.maxWriteBytes: must be a multiple of 512 bytes and at least minWriteBytes",
         {.value = Q::bytes(2048), .min = Q::bytes(4096), .multiple = Q::bytes(512)}},
        {"max write size beyond the disk", [](SimConfig& c) { c.workload.maxWriteBytes = 128 * units::MiB; },
         F::WorkloadMaxWriteBytes, C::LargerThanDisk, "workload.maxWriteBytes: is larger than the disk",
         {.value = Q::bytes(128 * units::MiB), .max = Q::bytes(64 * units::MiB)}},
        {"hot fraction", [](SimConfig& c) { c.workload.hotFraction = 0; }, F::WorkloadHotFraction, C::OutOfRange,
         "workload.hotFraction: must be in (0, 1]",
         {.value = Q::number(0), .min = Q::number(0), .max = Q::number(1), .minExclusive = true}},
        {"hot share", [](SimConfig& c) { c.workload.hotShare = 1.5; }, F::WorkloadHotShare, C::OutOfRange,
         "workload.hotShare: must be in [0, 1]", {.value = Q::number(1.5), .min = Q::number(0), .max = Q::number(1)}},
        {"zipf exponent", [](SimConfig& c) { c.workload.zipfExponent = 11; }, F::WorkloadZipfExponent, C::OutOfRange,
         "workload.zipfExponent: must be in (0, 10]",
         {.value = Q::number(11), .min = Q::number(0), .max = Q::number(10), .minExclusive = true}},
        {"burst period zero", [](SimConfig& c) { c.workload.burstPeriodNs = 0; }, F::WorkloadBurstPeriod,
         C::NotPositive, "workload.burstPeriod: must be above zero", {.value = Q::nanoseconds(0)}},
        {"burst period too long", [&](SimConfig& c) { c.workload.burstPeriodNs = kMaxTime + 1; },
         F::WorkloadBurstPeriod, C::TooLarge,
         "workload.burstPeriod: must be at most 365 days (31536000 s), got " + std::to_string(kMaxTime + 1) + " ns",
         {.value = Q::nanoseconds(kMaxTime + 1), .max = Q::nanoseconds(kMaxTime)}},
        {"burst duty", [](SimConfig& c) { c.workload.burstDuty = 0; }, F::WorkloadBurstDuty, C::OutOfRange,
         "workload.burstDuty: must be from 0.000001 to 1",
         {.value = Q::number(0), .min = Q::number(1e-6), .max = Q::number(1)}},
        {"trace speed zero", [](SimConfig& c) { c.workload.trace.speed = 0; }, F::WorkloadTraceSpeed, C::NotPositive,
         "workload.trace.speed: must be above zero", {.value = Q::number(0)}},
        {"trace speed too high", [](SimConfig& c) { c.workload.trace.speed = 2e6; }, F::WorkloadTraceSpeed,
         C::OutOfRange, "workload.trace.speed: must be from 0.000001 to 1000000",
         {.value = Q::number(2e6), .min = Q::number(1e-6), .max = Q::number(1e6)}},
        {"trace too long at its speed",
         [&](SimConfig& c) {
             c.workload.trace.trace = std::make_shared<const Trace>("t.csv", TraceFormat::Csv,
                                                                    std::vector<TraceRecord>{}, kMaxTime / 2);
             c.workload.trace.speed = 0.25;
         },
         F::WorkloadTraceSpeed, C::TooLongAtSpeed,
         "workload.trace.speed: the trace would last over 365 days (31536000 s) at this speed",
         {.value = Q::number(0.25), .max = Q::nanoseconds(kMaxTime)}},
        {"trace record past the disk",
         [](SimConfig& c) {
             c.workload.trace.trace = std::make_shared<const Trace>(
                 "t.csv", TraceFormat::Csv,
                 std::vector<TraceRecord>{{0, TraceOp::Clear, 64 * units::MiB, 4096, 7}}, 0);
         },
         F::WorkloadTrace, C::PastEndOfDisk,
         "workload.trace: t.csv:7: clear [67108864, +4096) is past the end of the disk (67108864 bytes)",
         {.max = Q::bytes(64 * units::MiB), .offset = Q::bytes(64 * units::MiB), .length = Q::bytes(4096),
          .text = "t.csv:7"}},
        {"injection time negative",
         [](SimConfig& c) { c.injections = {{0, Injection::Op::Write, 0, 512}, {-1, Injection::Op::Write, 0, 512}}; },
         F::InjectionTime, C::Negative, "injections[1].time: must not be negative", {.value = Q::nanoseconds(-1)}, 1},
        {"injection time too late",
         [&](SimConfig& c) { c.injections = {{kMaxTime + 1, Injection::Op::Write, 0, 512}}; }, F::InjectionTime,
         C::TooLarge,
         "injections[0].time: must be at most 365 days (31536000 s), got " + std::to_string(kMaxTime + 1) + " ns",
         {.value = Q::nanoseconds(kMaxTime + 1), .max = Q::nanoseconds(kMaxTime)}, 0},
        {"injection length zero", [](SimConfig& c) { c.injections = {{0, Injection::Op::Clear, 0, 0}}; },
         F::InjectionLength, C::NotPositive, "injections[0].length: must be above zero", {.value = Q::bytes(0)}, 0},
        {"injection past the disk",
         [](SimConfig& c) { c.injections = {{0, Injection::Op::Write, 64 * units::MiB - 512, 1024}}; }, F::Injection,
         C::PastEndOfDisk, "injections[0]: range [67108352, +1024) is past the end of the disk",
         {.max = Q::bytes(64 * units::MiB), .offset = Q::bytes(64 * units::MiB - 512), .length = Q::bytes(1024)}, 0},
        {"fault negative", [](SimConfig& c) { c.faultsNs = {5, 6, -1}; }, F::Fault, C::Negative,
         "faults[2]: must not be negative", {.value = Q::nanoseconds(-1)}, 2},
        {"fault retry", [](SimConfig& c) { c.faultRetryNs = -2; }, F::FaultRetry, C::NotTimeOrUnset,
         "faultRetry: must be a time >= 0, or -1 for no retry", {.value = Q::nanoseconds(-2)}},
    };
    for (const Case& k : cases) {
        INFO(k.name);
        SimConfig c = small();
        k.change(c);
        const ConfigError e = refusalOf(c);
        CHECK(std::string(e.what()) == k.what);
        CHECK(e.field() == k.field);
        CHECK(e.code() == k.code);
        CHECK(e.arguments() == k.arguments);
        CHECK(e.index() == k.index);
        CHECK(e.fieldPath() + ": " + e.reason() == k.what);
        // Still the documented exception type.
        CHECK_THROWS_AS(c.validate(), std::invalid_argument);
    }
}

TEST_CASE("ConfigError: field names are the stable identifiers validate() has always used", "[configerror]")
{
    CHECK(configFieldName(ConfigField::MaxDowntime) == "maxDowntime");
    CHECK(configFieldName(ConfigField::WorkloadTraceSpeed) == "workload.trace.speed");
    CHECK(configFieldName(ConfigField::InjectionLength) == "injections.length");
    CHECK(configFieldName(ConfigField::Fault) == "faults");
    const ConfigError e(ConfigField::InjectionTime, ConfigErrorCode::Negative, {}, "must not be negative", 3);
    CHECK(e.fieldPath() == "injections[3].time");
    CHECK(std::string(e.what()) == "injections[3].time: must not be negative");
}

TEST_CASE("ConfigError: a TraceReplay alone says trace.speed, inside the workload workload.trace.speed",
          "[configerror]")
{
    TraceReplay t;
    t.speed = 0;
    try {
        t.validate(units::MiB);
        FAIL("accepted");
    } catch (const ConfigError& e) {
        CHECK(std::string(e.what()) == "trace.speed: must be above zero");
        CHECK(e.field() == ConfigField::WorkloadTraceSpeed);
        CHECK(e.reason() == "must be above zero");
    }
}

TEST_CASE("ConfigError: a run too large for the memory is refused at the disk with both figures", "[configerror]")
{
    SimConfig c = small();
    c.diskBytes = uint64_t(64) << 50;
    AvailableMemory available;
    available.bytes = uint64_t(16) << 30;
    available.limited = true;
    const std::optional<ConfigError> e = memoryRefusal(c, available);
    REQUIRE(e);
    CHECK(e->field() == ConfigField::Disk);
    CHECK(e->code() == ConfigErrorCode::TooLargeForMemory);
    CHECK(e->arguments().value == Q::bytes(estimateRunMemory(c).total()));
    CHECK(e->arguments().max == Q::bytes(uint64_t(16) << 30));
    CHECK(e->arguments().memoryLimited);
    CHECK(e->arguments().granularity == Q::bytes(c.granularity));
    REQUIRE(e->arguments().largestDisk);
    CHECK(std::get<uint64_t>(e->arguments().largestDisk->amount) <= largestDiskThatFits(c, uint64_t(16) << 30));
    CHECK(std::string(e->what()) == "disk: " + memoryShortfall(c, available));
    CHECK(e->reason() == memoryShortfall(c, available));
    available.bytes = uint64_t(1) << 62;
    CHECK_FALSE(memoryRefusal(c, available));
}

TEST_CASE("ConfigError: unknown names are refused with the name", "[configerror]")
{
    try {
        parseStrategy("fast");
        FAIL("accepted");
    } catch (const ConfigError& e) {
        CHECK(std::string(e.what()) == "unknown strategy 'fast' (use precopy, postcopy or stop-copy)");
        CHECK(e.field() == ConfigField::Strategy);
        CHECK(e.code() == ConfigErrorCode::UnknownName);
        CHECK(e.arguments().text == "fast");
    }
    try {
        parseWorkloadKind("heavy");
        FAIL("accepted");
    } catch (const ConfigError& e) {
        CHECK(std::string(e.what()) ==
              "unknown workload 'heavy' (use idle, uniform, sequential, hotspot, zipf or bursts)");
        CHECK(e.field() == ConfigField::WorkloadKind);
        CHECK(e.arguments().text == "heavy");
    }
}

TEST_CASE("Enum names: each name reads back as its value, aliases read but never written", "[enumnames]")
{
    for (Strategy s : {Strategy::Precopy, Strategy::Postcopy, Strategy::StopAndCopy}) {
        CHECK(parseStrategy(strategyName(s)) == s);
    }
    CHECK(strategyName(Strategy::StopAndCopy) == "stop-copy");
    CHECK(parseStrategy("stop-and-copy") == Strategy::StopAndCopy);
    for (WorkloadKind k : allWorkloadKinds()) {
        CHECK(parseWorkloadKind(workloadKindName(k)) == k);
    }
    CHECK(allWorkloadKinds().size() == 6);
    CHECK(parseWorkloadKind("hot-spot") == WorkloadKind::HotSpot);
    CHECK(workloadKindName(WorkloadKind::HotSpot) == "hotspot");
    for (Phase p : {Phase::Idle, Phase::Setup, Phase::Bulk, Phase::Dirty, Phase::Complete, Phase::Done,
                    Phase::Cancelled}) {
        CHECK(parsePhase(phaseName(p)) == p);
    }
    CHECK(phaseName(Phase::Cancelled) == "cancelled");
    CHECK_FALSE(parsePhase("Idle"));
    for (RecordKind k : {RecordKind::Start, RecordKind::Bits, RecordKind::Complete, RecordKind::Eos}) {
        CHECK(parseRecordKind(recordKindName(k)) == k);
    }
    CHECK(recordKindName(RecordKind::Eos) == "EOS");
    for (TraceFormat f : {TraceFormat::Auto, TraceFormat::Fio, TraceFormat::Blkparse, TraceFormat::Csv}) {
        CHECK(parseTraceFormat(traceFormatName(f)) == f);
    }
    CHECK(injectionOpName(Injection::Op::Clear) == "clear");
    CHECK(parseInjectionOp("write") == Injection::Op::Write);
    CHECK_FALSE(parseInjectionOp("Write"));
}

TEST_CASE("CSV: a field is quoted when it holds a comma, a quote, a CR or an LF (RFC 4180)", "[csv]")
{
    CHECK(csvField("") == "");
    CHECK(csvField("plain text") == "plain text");
    CHECK(csvField("a,b") == "\"a,b\"");
    CHECK(csvField("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csvField("\"") == "\"\"\"\"");
    CHECK(csvField("two\nlines") == "\"two\nlines\"");
    CHECK(csvField("carriage\rreturn") == "\"carriage\rreturn\"");
    CHECK(csvField("crlf\r\n") == "\"crlf\r\n\"");
    CHECK(csvField("tab\there; semicolon") == "tab\there; semicolon");
    CHECK(csvField("ünïcode") == "ünïcode");
}
