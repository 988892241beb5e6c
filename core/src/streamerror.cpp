#include <bitmig/streamerror.h>

#include <utility>

namespace bitmig {

namespace {

std::string describe(const std::string& reason, uint64_t offset, uint64_t recordOffset, uint64_t recordIndex,
                     std::optional<RecordKind> kind)
{
    std::string what = "dirty-bitmap stream: byte " + std::to_string(offset) + ", ";
    if (kind) {
        what += "record " + std::to_string(recordIndex) + " (" + std::string(recordKindName(*kind)) + ")";
    } else {
        what += "before record " + std::to_string(recordIndex);
    }
    what += " starting at byte " + std::to_string(recordOffset) + ": " + reason;
    return what;
}

} // namespace

StreamError::StreamError(std::string reason, uint64_t offset, uint64_t recordOffset, uint64_t recordIndex,
                         std::optional<RecordKind> kind, std::optional<QemuOutcome> qemuOutcome)
    : std::runtime_error(describe(reason, offset, recordOffset, recordIndex, kind)),
      reason_(std::move(reason)), offset_(offset), recordOffset_(recordOffset), recordIndex_(recordIndex),
      kind_(kind), qemuOutcome_(qemuOutcome)
{
}

} // namespace bitmig
