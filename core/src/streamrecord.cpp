#include <bitmig/streamrecord.h>

#include <bitmig/enumnames.h>

#include <utility>

namespace bitmig {

namespace {

constexpr EnumName<RecordKind> kRecordKindNames[] = {
    {RecordKind::Start, "START"},
    {RecordKind::Bits, "BITS"},
    {RecordKind::Complete, "COMPLETE"},
    {RecordKind::Eos, "EOS"},
};
static_assert(isNameTable(kRecordKindNames, RecordKind::Start, RecordKind::Eos));

} // namespace

std::string_view recordKindName(RecordKind kind) noexcept
{
    return nameOf(kRecordKindNames, kind).value_or("?");
}

std::optional<RecordKind> parseRecordKind(std::string_view name) noexcept
{
    return valueNamed(kRecordKindNames, name);
}

StreamRecord StreamRecord::start(std::string device, std::string bitmap, uint32_t granularity,
                                 uint8_t startFlags)
{
    StreamRecord r;
    r.kind = RecordKind::Start;
    r.device = std::move(device);
    r.bitmap = std::move(bitmap);
    r.granularity = granularity;
    r.startFlags = startFlags;
    return r;
}

StreamRecord StreamRecord::bits(std::string device, std::string bitmap, uint64_t startSector,
                                uint32_t nrSectors, std::vector<uint8_t> data)
{
    StreamRecord r;
    r.kind = RecordKind::Bits;
    r.device = std::move(device);
    r.bitmap = std::move(bitmap);
    r.startSector = startSector;
    r.nrSectors = nrSectors;
    r.data = std::move(data);
    return r;
}

StreamRecord StreamRecord::zeroChunk(std::string device, std::string bitmap, uint64_t startSector,
                                     uint32_t nrSectors)
{
    StreamRecord r = bits(std::move(device), std::move(bitmap), startSector, nrSectors, {});
    r.zeroes = true;
    return r;
}

StreamRecord StreamRecord::complete(std::string device, std::string bitmap)
{
    StreamRecord r;
    r.kind = RecordKind::Complete;
    r.device = std::move(device);
    r.bitmap = std::move(bitmap);
    return r;
}

StreamRecord StreamRecord::eos()
{
    return StreamRecord{};
}

} // namespace bitmig
