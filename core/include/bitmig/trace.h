// A recorded guest I/O trace (fio iolog, blkparse output or CSV), reduced to what dirties a bitmap:
// writes, and trims or discards, which clear it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bitmig {

enum class TraceFormat { Auto, Fio, Blkparse, Csv };

std::string_view traceFormatName(TraceFormat format) noexcept;  // "auto", "fio", "blkparse", "csv"
// Accepts the names above; std::invalid_argument otherwise.
TraceFormat parseTraceFormat(std::string_view name);

enum class TraceOp { Write, Clear };

// One write or clear of bytes [offset, offset + length), at timeNs after the start of the trace.
struct TraceRecord {
    int64_t timeNs = 0;
    TraceOp op = TraceOp::Write;
    uint64_t offset = 0;
    uint64_t length = 0;
    uint64_t line = 0;  // where it was in the file, from 1, for error messages
    friend bool operator==(const TraceRecord&, const TraceRecord&) = default;
};

class Trace {
public:
    Trace() = default;
    // Sorts the records by time, keeping the file's order among equal times. `endNs` is when the
    // trace ends (at least the last record's time; raised to it if lower).
    Trace(std::string source, TraceFormat format, std::vector<TraceRecord> records, int64_t endNs);

    const std::string& source() const noexcept { return source_; }  // the file, as it was named
    void setSource(std::string source) { source_ = std::move(source); }
    TraceFormat format() const noexcept { return format_; }          // never Auto
    const std::vector<TraceRecord>& records() const noexcept { return records_; }
    int64_t endNs() const noexcept { return endNs_; }
    uint64_t writes() const noexcept;
    uint64_t clears() const noexcept;

    // The first record (in file order) that reaches past a disk of that size, or nullptr.
    const TraceRecord* firstPastEnd(uint64_t diskBytes) const noexcept;

    // Equal when they replay the same: the same records and end (source and format aside).
    friend bool operator==(const Trace& a, const Trace& b) noexcept
    {
        return a.endNs_ == b.endNs_ && a.records_ == b.records_;
    }

private:
    std::string source_;
    TraceFormat format_ = TraceFormat::Csv;
    std::vector<TraceRecord> records_;
    int64_t endNs_ = 0;
};

} // namespace bitmig
