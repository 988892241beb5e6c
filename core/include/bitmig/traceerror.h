// A recorded I/O trace that cannot be read: the file, the line and what is wrong with it.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace bitmig {

// what() is "FILE:LINE: reason", or "FILE: reason" when no line is at fault (a file that cannot be
// opened). Lines count from 1.
class TraceError : public std::runtime_error {
public:
    TraceError(std::string file, uint64_t line, std::string reason);

    const std::string& file() const noexcept { return file_; }
    uint64_t line() const noexcept { return line_; }  // 0: the file as a whole
    const std::string& reason() const noexcept { return reason_; }

    // The message TraceError gives for these parts, for callers that report a trace problem
    // through another exception type (SimConfig::validate()).
    static std::string format(const std::string& file, uint64_t line, const std::string& reason);

private:
    std::string file_;
    uint64_t line_;
    std::string reason_;
};

} // namespace bitmig
