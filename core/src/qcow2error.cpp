#include <bitmig/qcow2error.h>

#include <utility>

namespace bitmig {

namespace {

std::string describe(const std::string& file, const std::string& structure, const std::string& reason,
                     std::optional<uint64_t> offset)
{
    std::string what = file + ": ";
    if (!structure.empty()) {
        what += structure;
        if (offset) {
            what += " at byte " + std::to_string(*offset);
        }
        what += ": ";
    } else if (offset) {
        what += "byte " + std::to_string(*offset) + ": ";
    }
    return what + reason;
}

} // namespace

Qcow2Error::Qcow2Error(std::string file, std::string structure, std::string reason, std::optional<uint64_t> offset)
    : std::runtime_error(describe(file, structure, reason, offset)), file_(std::move(file)),
      structure_(std::move(structure)), reason_(std::move(reason)), offset_(offset)
{
}

} // namespace bitmig
