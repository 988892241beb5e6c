// Reads recorded I/O traces: fio iologs (versions 2 and 3), blkparse's default text output, and CSV
// (time,offset,length,operation). Only writes and trims/discards are kept; reads, syncs and file
// actions are skipped. The formats and their rules are in docs/core.md.
#pragma once

#include <bitmig/trace.h>
#include <bitmig/traceerror.h>

#include <cstddef>
#include <cstdint>
#include <istream>
#include <string>
#include <string_view>

namespace bitmig {

struct TraceReadOptions {
    // A fio version 2 iolog has no times: its I/O lines are spread this far apart, one after the
    // other (a `wait` line adds its microseconds on top).
    int64_t untimedIntervalNs = 1'000'000;
};

class TraceReader {
public:
    // A line longer than this is not a trace line (fio's longest, a path and three numbers, is
    // about 4 KiB); a file larger than this is a mistake rather than a trace (about 20 million
    // lines). Both are refused with an error instead of being read into memory.
    static constexpr size_t kMaxLineBytes = size_t(64) << 10;
    static constexpr uint64_t kMaxFileBytes = uint64_t(1) << 30;

    // TraceError ("FILE:LINE: reason") for the first bad line, an empty file, one that cannot be
    // opened, is not a regular file (a device, a pipe, a folder) or is larger than kMaxFileBytes. TraceFormat::Auto tells the format from the first line that is not blank.
    static Trace readFile(const std::string& path, TraceFormat format = TraceFormat::Auto,
                          const TraceReadOptions& options = {});
    // The same from a stream; `sourceName` is the FILE of error messages and Trace::source(). Reads
    // at most kMaxFileBytes, in lines of at most kMaxLineBytes.
    static Trace read(std::istream& in, const std::string& sourceName, TraceFormat format = TraceFormat::Auto,
                      const TraceReadOptions& options = {});
    // The format a trace starting with this line is in; Auto when the line fits none of them.
    static TraceFormat detect(std::string_view firstLine);
};

} // namespace bitmig
