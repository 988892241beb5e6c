#include <bitmig/configerror.h>

#include <utility>

namespace bitmig {

namespace {

struct FieldName {
    ConfigField field;
    std::string_view list;    // the list a field of one element belongs to ("injections"), or empty
    std::string_view name;    // "disk", "injections.time": the list's name comes first
};

// clang-format off
constexpr FieldName kFieldNames[] = {
    {ConfigField::Disk, {}, "disk"},
    {ConfigField::Granularity, {}, "granularity"},
    {ConfigField::Chunk, {}, "chunk"},
    {ConfigField::Strategy, {}, "strategy"},
    {ConfigField::Bandwidth, {}, "bandwidth"},
    {ConfigField::Latency, {}, "latency"},
    {ConfigField::MaxDowntime, {}, "maxDowntime"},
    {ConfigField::MaxPasses, {}, "maxPasses"},
    {ConfigField::CompleteOnlyBelow, {}, "completeOnlyBelow"},
    {ConfigField::Tick, {}, "tick"},
    {ConfigField::MigrationStart, {}, "migrationStart"},
    {ConfigField::TimeLimit, {}, "timeLimit"},
    {ConfigField::SampleInterval, {}, "sampleInterval"},
    {ConfigField::Device, {}, "device"},
    {ConfigField::Bitmap, {}, "bitmap"},
    {ConfigField::WorkloadKind, {}, "workload.kind"},
    {ConfigField::WorkloadRate, {}, "workload.rate"},
    {ConfigField::WorkloadMinWriteBytes, {}, "workload.minWriteBytes"},
    {ConfigField::WorkloadMaxWriteBytes, {}, "workload.maxWriteBytes"},
    {ConfigField::WorkloadHotFraction, {}, "workload.hotFraction"},
    {ConfigField::WorkloadHotShare, {}, "workload.hotShare"},
    {ConfigField::WorkloadZipfExponent, {}, "workload.zipfExponent"},
    {ConfigField::WorkloadBurstPeriod, {}, "workload.burstPeriod"},
    {ConfigField::WorkloadBurstDuty, {}, "workload.burstDuty"},
    {ConfigField::WorkloadTrace, {}, "workload.trace"},
    {ConfigField::WorkloadTraceSpeed, {}, "workload.trace.speed"},
    {ConfigField::Injection, "injections", "injections"},
    {ConfigField::InjectionTime, "injections", "injections.time"},
    {ConfigField::InjectionLength, "injections", "injections.length"},
    {ConfigField::Fault, "faults", "faults"},
    {ConfigField::FaultRetry, {}, "faultRetry"},
    {ConfigField::LayoutDiskNode, "disks", "disks.node"},
    {ConfigField::LayoutDiskSize, "disks", "disks.size"},
    {ConfigField::LayoutBitmapDisk, "bitmaps", "bitmaps.disk"},
    {ConfigField::LayoutBitmapName, "bitmaps", "bitmaps.name"},
    {ConfigField::LayoutBitmapGranularity, "bitmaps", "bitmaps.granularity"},
    {ConfigField::LayoutBitmapStartBits, "bitmaps", "bitmaps.startBits"},
};
// clang-format on

constexpr const FieldName* findField(ConfigField field) noexcept
{
    for (const FieldName& f : kFieldNames) {
        if (f.field == field) {
            return &f;
        }
    }
    return nullptr;
}

// Every field has its name: a new enumerator without one fails the build.
constexpr bool everyFieldNamed()
{
    for (int i = 0; i <= int(ConfigField::LayoutBitmapStartBits); ++i) {
        if (!findField(ConfigField(i))) {
            return false;
        }
    }
    return true;
}
static_assert(everyFieldNamed());

std::string pathOf(ConfigField field, std::optional<size_t> index)
{
    const FieldName* f = findField(field);
    if (!f) {
        return "unknown";
    }
    if (f->list.empty()) {
        return std::string(f->name);
    }
    return std::string(f->list) + "[" + (index ? std::to_string(*index) : std::string()) + "]" +
           std::string(f->name.substr(f->list.size()));
}

} // namespace

std::string_view configFieldName(ConfigField field) noexcept
{
    const FieldName* f = findField(field);
    return f ? f->name : std::string_view("unknown");
}

double ConfigQuantity::toDouble() const noexcept
{
    return std::visit([](auto v) { return double(v); }, amount);
}

ConfigError::ConfigError(ConfigField field, ConfigErrorCode code, ConfigArguments arguments, const std::string& reason,
                         std::optional<size_t> index)
    : ConfigError(field, code, std::move(arguments), reason, index, pathOf(field, index) + ": " + reason)
{
}

ConfigError::ConfigError(ConfigField field, ConfigErrorCode code, ConfigArguments arguments, std::string reason,
                         std::optional<size_t> index, const std::string& what)
    : std::invalid_argument(what),
      field_(field),
      code_(code),
      arguments_(std::move(arguments)),
      index_(index),
      reason_(std::move(reason))
{
}

ConfigError ConfigError::withMessage(ConfigField field, ConfigErrorCode code, ConfigArguments arguments,
                                     const std::string& reason, const std::string& what, std::optional<size_t> index)
{
    return ConfigError(field, code, std::move(arguments), reason, index, what);
}

std::string ConfigError::fieldPath() const
{
    return pathOf(field_, index_);
}

} // namespace bitmig
