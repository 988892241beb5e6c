#include <bitmig/tracereader.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <utility>
#include <vector>

namespace bitmig {

namespace {

constexpr uint64_t kSector = 512;
constexpr int64_t kMaxNs = std::numeric_limits<int64_t>::max();

std::string_view trimmed(std::string_view s)
{
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && space(s.front())) {
        s.remove_prefix(1);
    }
    while (!s.empty() && space(s.back())) {
        s.remove_suffix(1);
    }
    return s;
}

std::vector<std::string_view> words(std::string_view s)
{
    std::vector<std::string_view> out;
    size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r')) {
            ++i;
        }
        const size_t start = i;
        while (i < s.size() && s[i] != ' ' && s[i] != '\t' && s[i] != '\r') {
            ++i;
        }
        if (i > start) {
            out.push_back(s.substr(start, i - start));
        }
    }
    return out;
}

bool allDigits(std::string_view s)
{
    if (s.empty()) {
        return false;
    }
    for (char c : s) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    return true;
}

std::string lower(std::string_view s)
{
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') {
            c = char(c - 'A' + 'a');
        }
    }
    return out;
}

// Reads one trace: lines, the current line number, and errors that name them.
class LineReader {
public:
    LineReader(std::istream& in, std::string source) : in_(in), source_(std::move(source)) {}

    // The next line without its newline; false at the end. A line is read into a buffer of at
    // most TraceReader::kMaxLineBytes, and the whole input is held to TraceReader::kMaxFileBytes,
    // so that a device that never ends (/dev/zero) is refused instead of filling memory.
    bool next(std::string& line)
    {
        buffer_.resize(TraceReader::kMaxLineBytes + 1);
        in_.getline(buffer_.data(), std::streamsize(buffer_.size()));
        const auto got = uint64_t(in_.gcount());
        if (got == 0 && in_.eof()) {
            return false;
        }
        ++line_;
        read_ += got;
        if (in_.fail() && !in_.eof()) {
            if (got + 1 == buffer_.size()) {
                fail("the line is longer than " + std::to_string(TraceReader::kMaxLineBytes) +
                     " bytes; this is not a trace");
            }
            return false;  // an input error: readFile() reports it
        }
        if (read_ > TraceReader::kMaxFileBytes) {
            fail("the trace is larger than 1 GiB (" + std::to_string(TraceReader::kMaxFileBytes) + " bytes)");
        }
        // gcount() counts the newline, which getline() does not store; at the end there is none.
        line.assign(buffer_.data(), size_t(in_.eof() ? got : got - 1));
        return true;
    }
    uint64_t line() const noexcept { return line_; }
    const std::string& source() const noexcept { return source_; }

    [[noreturn]] void fail(const std::string& reason) const { throw TraceError(source_, line_, reason); }

    // A whole number of bytes (or sectors, microseconds): digits only.
    uint64_t whole(std::string_view text, const char* what) const
    {
        if (text.empty()) {
            fail(std::string(what) + " is missing");
        }
        if (text.front() == '-' && allDigits(text.substr(1))) {
            fail(std::string(what) + " '" + std::string(text) + "' is negative");
        }
        if (!allDigits(text)) {
            fail(std::string(what) + " '" + std::string(text) + "' is not a number");
        }
        uint64_t v = 0;
        for (char c : text) {
            const uint64_t d = uint64_t(c - '0');
            if (v > (std::numeric_limits<uint64_t>::max() - d) / 10) {
                fail(std::string(what) + " '" + std::string(text) + "' is too large");
            }
            v = v * 10 + d;
        }
        return v;
    }

    // Seconds as a decimal ("12", "0.000123456"), exactly to the nanosecond; finer digits are cut.
    int64_t seconds(std::string_view text, const char* what) const
    {
        const std::string shown = std::string(what) + " '" + std::string(text) + "'";
        if (text.empty()) {
            fail(std::string(what) + " is missing");
        }
        if (text.front() == '-') {
            fail(shown + " is negative");
        }
        const size_t dot = text.find('.');
        const std::string_view whole = text.substr(0, dot);
        const std::string_view frac = dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
        if ((!whole.empty() && !allDigits(whole)) || (!frac.empty() && !allDigits(frac)) ||
            (whole.empty() && frac.empty())) {
            fail(shown + " is not a number of seconds");
        }
        uint64_t s = 0;
        for (char c : whole) {
            s = s * 10 + uint64_t(c - '0');
            if (s > uint64_t(kMaxNs / 1'000'000'000)) {
                fail(shown + " is too large");
            }
        }
        int64_t ns = 0;
        int64_t scale = 100'000'000;
        for (size_t i = 0; i < frac.size() && scale > 0; ++i, scale /= 10) {
            ns += int64_t(frac[i] - '0') * scale;
        }
        // The whole seconds fit; with the fraction added they may not.
        if (int64_t(s) > (kMaxNs - ns) / 1'000'000'000) {
            fail(shown + " is too large");
        }
        return int64_t(s) * 1'000'000'000 + ns;
    }

    // offset + length as a range, with the length above zero.
    TraceRecord record(int64_t timeNs, TraceOp op, uint64_t offset, uint64_t length) const
    {
        if (length == 0) {
            fail("length must be above zero");
        }
        if (length > std::numeric_limits<uint64_t>::max() - offset) {
            fail("offset + length is beyond 2^64 bytes");
        }
        return TraceRecord{timeNs, op, offset, length, line_};
    }

private:
    std::istream& in_;
    std::string source_;
    uint64_t line_ = 0;
    uint64_t read_ = 0;
    std::vector<char> buffer_;
};

// fio --write_iolog: "fio version 2 iolog" (no times) or "fio version 3 iolog" (each line starts
// with microseconds since the job started, as fio's log_io_u() writes them).
Trace readFio(LineReader& r, std::string_view header, const TraceReadOptions& options)
{
    const std::vector<std::string_view> h = words(header);
    if (h.size() != 4 || h[0] != "fio" || h[1] != "version" || h[3] != "iolog") {
        r.fail("expected a fio iolog header ('fio version 2 iolog' or 'fio version 3 iolog')");
    }
    if (h[2] != "2" && h[2] != "3") {
        r.fail("fio iolog version " + std::string(h[2]) + " is not supported (versions 2 and 3 are)");
    }
    const bool timed = h[2] == "3";
    const size_t shift = timed ? 1 : 0;  // v3 lines start with the time
    std::vector<TraceRecord> records;
    int64_t clock = 0;  // v2: the time of the next I/O line
    int64_t end = 0;
    std::string line;
    while (r.next(line)) {
        const std::vector<std::string_view> f = words(line);
        if (f.empty()) {
            continue;
        }
        if (f.size() != 2 + shift && f.size() != 4 + shift) {
            r.fail(std::string(timed ? "expected 'TIME FILE ACTION [OFFSET LENGTH]'"
                                     : "expected 'FILE ACTION [OFFSET LENGTH]'") +
                   ", got " + std::to_string(f.size()) + " fields");
        }
        int64_t at = clock;
        if (timed) {
            const uint64_t us = r.whole(f[0], "time");
            if (us > uint64_t(kMaxNs / 1000)) {
                r.fail("time '" + std::string(f[0]) + "' is too large");
            }
            at = int64_t(us) * 1000;
            end = std::max(end, at);
        }
        const std::string_view action = f[1 + shift];
        if (f.size() == 2 + shift) {
            if (action != "add" && action != "open" && action != "close") {
                r.fail("unknown file action '" + std::string(action) + "' (use add, open or close)");
            }
            continue;
        }
        const uint64_t offset = r.whole(f[2 + shift], "offset");
        const uint64_t length = r.whole(f[3 + shift], "length");
        if (action == "wait") {
            if (timed) {
                r.fail("'wait' is not allowed in a version 3 iolog (its lines carry times)");
            }
            if (offset > uint64_t(kMaxNs / 1000) || int64_t(offset) * 1000 > kMaxNs - clock) {
                r.fail("wait '" + std::string(f[2]) + "' is too long");
            }
            clock += int64_t(offset) * 1000;  // microseconds
            end = std::max(end, clock);
            continue;
        }
        if (action == "write") {
            records.push_back(r.record(at, TraceOp::Write, offset, length));
        } else if (action == "trim") {
            records.push_back(r.record(at, TraceOp::Clear, offset, length));
        } else if (action != "read" && action != "sync" && action != "datasync") {
            r.fail("unknown action '" + std::string(action) + "' (use read, write, trim, sync, datasync or wait)");
        }
        if (!timed) {
            if (options.untimedIntervalNs > kMaxNs - clock) {
                r.fail("too many lines for the interval between untimed I/O");
            }
            clock += options.untimedIntervalNs;
            end = clock;
        }
    }
    return Trace(r.source(), TraceFormat::Fio, std::move(records), end);
}

bool isBlkparseEvent(const std::vector<std::string_view>& f)
{
    if (f.size() < 7) {
        return false;
    }
    const size_t comma = f[0].find(',');
    return comma != std::string_view::npos && allDigits(f[0].substr(0, comma)) &&
           allDigits(f[0].substr(comma + 1)) && allDigits(f[1]) && allDigits(f[2]);
}

// blkparse's default output: "MAJ,MIN CPU SEQ SECONDS PID ACTION RWBS SECTOR + COUNT [PROCESS]".
// One event per request: its Q (queued) events, or when the trace has none (blkparse -a complete),
// its C (completed) events. RWBS with W is a write, with D a discard (a clear). Sectors are 512 bytes.
// The per-CPU and total summary blkparse prints at the end is skipped.
Trace readBlkparse(LineReader& r, const std::string& first)
{
    std::vector<TraceRecord> queued, completed;
    int64_t end = 0;
    std::string line = first;
    bool have = true;
    while (have) {
        const std::vector<std::string_view> f = words(line);
        if (!f.empty()) {
            if (!isBlkparseEvent(f)) {
                const std::string_view t = trimmed(line);
                if (t.starts_with("CPU") || t.starts_with("Total (")) {
                    break;  // the summary
                }
                r.fail("not a blkparse event line (expected 'MAJ,MIN CPU SEQ SECONDS PID ACTION RWBS ...')");
            }
            const int64_t at = r.seconds(f[3], "time");
            end = std::max(end, at);
            const std::string_view action = f[5], rwbs = f[6];
            const bool write = rwbs.find('W') != std::string_view::npos;
            const bool discard = rwbs.find('D') != std::string_view::npos;
            if ((action == "Q" || action == "C") && (write || discard)) {
                if (f.size() < 10 || f[8] != "+") {
                    r.fail("expected 'SECTOR + COUNT' after '" + std::string(action) + " " + std::string(rwbs) + "'");
                }
                const uint64_t sector = r.whole(f[7], "sector");
                const uint64_t count = r.whole(f[9], "sector count");
                if (sector > std::numeric_limits<uint64_t>::max() / kSector ||
                    count > std::numeric_limits<uint64_t>::max() / kSector) {
                    r.fail("sector '" + std::string(f[7]) + " + " + std::string(f[9]) + "' is beyond 2^64 bytes");
                }
                if (count > 0) {  // a flush without data writes nothing
                    auto& list = action == "Q" ? queued : completed;
                    list.push_back(r.record(at, discard ? TraceOp::Clear : TraceOp::Write, sector * kSector,
                                            count * kSector));
                }
            }
        }
        have = r.next(line);
    }
    return Trace(r.source(), TraceFormat::Blkparse, queued.empty() ? std::move(completed) : std::move(queued), end);
}

// "time,offset,length,operation": seconds, bytes, bytes, write|trim|discard|read. An optional
// header line (its first field "time"), blank lines and lines starting with '#' are skipped.
Trace readCsv(LineReader& r, const std::string& first)
{
    std::vector<TraceRecord> records;
    int64_t end = 0;
    std::string line = first;
    bool have = true;
    bool firstLine = true;
    while (have) {
        const std::string_view t = trimmed(line);
        if (!t.empty() && t.front() != '#') {
            std::vector<std::string_view> f;
            size_t start = 0;
            for (size_t comma; (comma = t.find(',', start)) != std::string_view::npos; start = comma + 1) {
                f.push_back(trimmed(t.substr(start, comma - start)));
            }
            f.push_back(trimmed(t.substr(start)));
            if (firstLine && lower(f[0]) == "time") {
                firstLine = false;
                have = r.next(line);
                continue;
            }
            firstLine = false;
            if (f.size() != 4) {
                r.fail("expected 4 fields 'time,offset,length,operation', got " + std::to_string(f.size()));
            }
            const int64_t at = r.seconds(f[0], "time");
            const uint64_t offset = r.whole(f[1], "offset");
            const uint64_t length = r.whole(f[2], "length");
            const std::string op = lower(f[3]);
            end = std::max(end, at);
            if (op == "write") {
                records.push_back(r.record(at, TraceOp::Write, offset, length));
            } else if (op == "trim" || op == "discard") {
                records.push_back(r.record(at, TraceOp::Clear, offset, length));
            } else if (op != "read") {
                r.fail(f[3].empty() ? std::string("operation is missing")
                                    : "unknown operation '" + std::string(f[3]) + "' (use write, trim, discard or read)");
            }
        }
        have = r.next(line);
    }
    return Trace(r.source(), TraceFormat::Csv, std::move(records), end);
}

} // namespace

TraceFormat TraceReader::detect(std::string_view firstLine)
{
    const std::string_view t = trimmed(firstLine);
    if (t.starts_with("fio version ")) {
        return TraceFormat::Fio;
    }
    if (isBlkparseEvent(words(t))) {
        return TraceFormat::Blkparse;
    }
    size_t commas = 0;
    for (char c : t) {
        commas += c == ',';
    }
    return commas == 3 ? TraceFormat::Csv : TraceFormat::Auto;
}

Trace TraceReader::read(std::istream& in, const std::string& sourceName, TraceFormat format,
                        const TraceReadOptions& options)
{
    if (options.untimedIntervalNs < 0) {
        throw std::invalid_argument("untimedIntervalNs must not be negative");
    }
    LineReader r(in, sourceName);
    std::string first;
    bool any = false;
    // Blank lines, and the '#' comments a CSV trace may start with, say nothing about the format.
    while ((any = r.next(first)) && (trimmed(first).empty() || trimmed(first).starts_with('#'))) {
    }
    if (!any) {
        throw TraceError(sourceName, r.line() ? r.line() : 1, "the file is empty: no trace");
    }
    if (format == TraceFormat::Auto) {
        format = detect(first);
        if (format == TraceFormat::Auto) {
            r.fail("cannot tell the trace format from this line (expected a fio iolog header, a blkparse "
                   "event or CSV time,offset,length,operation); name the format");
        }
    }
    switch (format) {
    case TraceFormat::Fio:
        return readFio(r, first, options);
    case TraceFormat::Blkparse:
        return readBlkparse(r, first);
    case TraceFormat::Csv:
    case TraceFormat::Auto:
        break;
    }
    return readCsv(r, first);
}

Trace TraceReader::readFile(const std::string& path, TraceFormat format, const TraceReadOptions& options)
{
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (!ec && status.type() != std::filesystem::file_type::regular) {
        throw TraceError(path, 0, status.type() == std::filesystem::file_type::directory
                                      ? "cannot be read: is a folder, not a file"
                                      : "cannot be read: not a regular file (a device, a pipe or a socket)");
    }
    if (!ec) {
        const uintmax_t bytes = std::filesystem::file_size(path, ec);
        if (!ec && bytes > kMaxFileBytes) {
            throw TraceError(path, 0, "is larger than 1 GiB (" + std::to_string(bytes) + " bytes); this is not a trace");
        }
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw TraceError(path, 0, std::string("cannot be read: ") + std::strerror(errno));
    }
    Trace trace = read(in, path, format, options);
    if (in.bad()) {
        throw TraceError(path, 0, "cannot be read: input error");
    }
    return trace;
}

} // namespace bitmig
