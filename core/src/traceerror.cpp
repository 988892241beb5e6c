#include <bitmig/traceerror.h>

namespace bitmig {

TraceError::TraceError(std::string file, uint64_t line, std::string reason)
    : std::runtime_error(format(file, line, reason)), file_(std::move(file)), line_(line), reason_(std::move(reason))
{
}

std::string TraceError::format(const std::string& file, uint64_t line, const std::string& reason)
{
    return line ? file + ":" + std::to_string(line) + ": " + reason : file + ": " + reason;
}

} // namespace bitmig
