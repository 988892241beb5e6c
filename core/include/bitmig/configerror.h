// A refused configuration value, typed: which field, why, and the figures that say it, so that
// each front end can name the field its own way (an option, a key path) and phrase the reason in
// its own language. what() is the English "field: reason" that SimConfig::validate() has always
// thrown.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>

namespace bitmig {

// The fields of SimConfig and WorkloadSpec that validate() can refuse. Injections and faults are
// lists: ConfigError::index() says which element.
enum class ConfigField {
    Disk,
    Granularity,
    Chunk,
    Strategy,
    Bandwidth,
    Latency,
    MaxDowntime,
    MaxPasses,
    CompleteOnlyBelow,
    Tick,
    MigrationStart,
    TimeLimit,
    SampleInterval,
    Device,
    Bitmap,
    WorkloadKind,
    WorkloadRate,
    WorkloadMinWriteBytes,
    WorkloadMaxWriteBytes,
    WorkloadHotFraction,
    WorkloadHotShare,
    WorkloadZipfExponent,
    WorkloadBurstPeriod,
    WorkloadBurstDuty,
    WorkloadTrace,       // a record of the replayed trace
    WorkloadTraceSpeed,
    Injection,           // injections[i] as a whole (its range)
    InjectionTime,       // injections[i].time
    InjectionLength,     // injections[i].length
    Fault,               // faults[i]
    FaultRetry,
    LayoutDiskNode,      // disks[i].node
    LayoutDiskSize,      // disks[i].size
    LayoutBitmapDisk,    // bitmaps[i].disk
    LayoutBitmapName,    // bitmaps[i].name
    LayoutBitmapGranularity,  // bitmaps[i].granularity
    LayoutBitmapStartBits,    // bitmaps[i].startBits: a starting extent (the reason names which)
};

// The field's stable identifier, as validate() names it: "disk", "maxDowntime", "workload.rate",
// "workload.trace.speed", "injections.length" (without the index), "faults".
std::string_view configFieldName(ConfigField field) noexcept;

// Why a value is refused.
enum class ConfigErrorCode {
    NotPositive,          // must be above zero
    Negative,             // must not be negative
    NotMultiple,          // must be a positive multiple of `multiple` (value: what was given, if told)
    NotMultipleOrBelowMin,  // must be a multiple of `multiple` and at least `min`
    NotPowerOfTwo,        // must be a power of two from `min` (to `max`, if given)
    OutOfRange,           // must be from `min` to `max` (`minExclusive`: above `min`)
    TooLarge,             // must be at most `max`
    TooManyBits,          // the bitmap would need `value` bits, at most `max` are allowed
    ChunkExceedsRecord,   // one chunk covers 2^32 sectors or more (a BITS record's nr_sectors)
    BelowTick,            // must be at least one tick (`min`: the tick)
    NotTimeOrUnset,       // must be a time >= 0, or -1 (a manual start, no retry)
    LargerThanDisk,       // a write larger than the disk (`max`: the disk)
    PastEndOfDisk,        // [offset, +length) past the end of the disk (`max`: the disk; a trace's
                          // record: `text` is "FILE:LINE")
    TooLongAtSpeed,       // the replayed trace would last longer than `max`
    NameLength,           // a name must be `min` to `max` bytes long
    TooLargeForMemory,    // the run needs `value` bytes, `max` are available (see RunMemory)
    UnknownName,          // `text` names nothing known
    DuplicateName,        // `text` is used twice (two disks with one node name, two bitmaps of one
                          // name on a disk)
};

// A number with what it counts, so that it can be shown in the reader's units and locale.
struct ConfigQuantity {
    enum class Unit {
        Number,          // a plain number (a rate, a share, an exponent, a speed)
        Count,           // a whole count (passes, bits, bytes of a name)
        Bytes,
        Nanoseconds,
        BytesPerSecond,
    };
    Unit unit = Unit::Number;
    std::variant<uint64_t, int64_t, double> amount = 0.0;

    static ConfigQuantity number(double v) { return {Unit::Number, v}; }
    static ConfigQuantity count(uint64_t v) { return {Unit::Count, v}; }
    static ConfigQuantity bytes(uint64_t v) { return {Unit::Bytes, v}; }
    static ConfigQuantity nanoseconds(int64_t v) { return {Unit::Nanoseconds, v}; }
    static ConfigQuantity bytesPerSecond(double v) { return {Unit::BytesPerSecond, v}; }

    double toDouble() const noexcept;
    friend bool operator==(const ConfigQuantity&, const ConfigQuantity&) = default;
};

// The figures a reason is phrased with; which are set depends on the code (see ConfigErrorCode).
struct ConfigArguments {
    std::optional<ConfigQuantity> value = std::nullopt;        // what was given
    std::optional<ConfigQuantity> min = std::nullopt;
    std::optional<ConfigQuantity> max = std::nullopt;
    std::optional<ConfigQuantity> multiple = std::nullopt;
    std::optional<ConfigQuantity> offset = std::nullopt;       // PastEndOfDisk: the range
    std::optional<ConfigQuantity> length = std::nullopt;
    std::optional<ConfigQuantity> granularity = std::nullopt;  // TooLargeForMemory: the run's granularity...
    std::optional<ConfigQuantity> largestDisk = std::nullopt;  // ...and the largest disk that fits at it
    bool minExclusive = false;   // OutOfRange: the range is (min, max]
    bool memoryLimited = false;  // TooLargeForMemory: `max` is BITMIG_MEMORY_LIMIT
    std::string text = {};       // UnknownName: the name; PastEndOfDisk: "FILE:LINE" of a trace
    friend bool operator==(const ConfigArguments&, const ConfigArguments&) = default;
};

// Derives from std::invalid_argument: every catch of that still catches it.
class ConfigError : public std::invalid_argument {
public:
    // what() is "NAME: reason" (NAME with the index for list fields: "injections[2].length").
    ConfigError(ConfigField field, ConfigErrorCode code, ConfigArguments arguments, const std::string& reason,
                std::optional<size_t> index = std::nullopt);
    // what() as given, for messages that do not start with the field's name.
    static ConfigError withMessage(ConfigField field, ConfigErrorCode code, ConfigArguments arguments,
                                   const std::string& reason, const std::string& what,
                                   std::optional<size_t> index = std::nullopt);

    ConfigField field() const noexcept { return field_; }
    ConfigErrorCode code() const noexcept { return code_; }
    const ConfigArguments& arguments() const noexcept { return arguments_; }
    std::optional<size_t> index() const noexcept { return index_; }  // injections[i], faults[i]
    const std::string& reason() const noexcept { return reason_; }    // the English reason alone
    // "disk", "workload.rate", "injections[2].length": the name with the index.
    std::string fieldPath() const;

private:
    ConfigError(ConfigField field, ConfigErrorCode code, ConfigArguments arguments, std::string reason,
                std::optional<size_t> index, const std::string& what);

    ConfigField field_;
    ConfigErrorCode code_;
    ConfigArguments arguments_;
    std::optional<size_t> index_;
    std::string reason_;
};

} // namespace bitmig
