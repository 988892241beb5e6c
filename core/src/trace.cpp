#include <bitmig/trace.h>

#include <bitmig/enumnames.h>
#include <bitmig/printable.h>

#include <algorithm>
#include <stdexcept>

namespace bitmig {

namespace {

constexpr EnumName<TraceFormat> kFormatNames[] = {
    {TraceFormat::Auto, "auto"},
    {TraceFormat::Fio, "fio"},
    {TraceFormat::Blkparse, "blkparse"},
    {TraceFormat::Csv, "csv"},
};
static_assert(isNameTable(kFormatNames, TraceFormat::Auto, TraceFormat::Csv));

} // namespace

std::string_view traceFormatName(TraceFormat format) noexcept
{
    return nameOf(kFormatNames, format).value_or("unknown");
}

TraceFormat parseTraceFormat(std::string_view name)
{
    if (const std::optional<TraceFormat> format = valueNamed(kFormatNames, name)) {
        return *format;
    }
    throw std::invalid_argument(quoted(name) + " is not a trace format (use auto, fio, blkparse or csv)");
}

Trace::Trace(std::string source, TraceFormat format, std::vector<TraceRecord> records, int64_t endNs)
    : source_(std::move(source)), format_(format), records_(std::move(records)), endNs_(endNs)
{
    std::stable_sort(records_.begin(), records_.end(),
                     [](const TraceRecord& a, const TraceRecord& b) { return a.timeNs < b.timeNs; });
    if (!records_.empty()) {
        endNs_ = std::max(endNs_, records_.back().timeNs);
    }
}

uint64_t Trace::writes() const noexcept
{
    return uint64_t(std::count_if(records_.begin(), records_.end(),
                                  [](const TraceRecord& r) { return r.op == TraceOp::Write; }));
}

uint64_t Trace::clears() const noexcept
{
    return records_.size() - writes();
}

const TraceRecord* Trace::firstPastEnd(uint64_t diskBytes) const noexcept
{
    const TraceRecord* first = nullptr;
    for (const TraceRecord& r : records_) {
        if ((r.offset >= diskBytes || r.length > diskBytes - r.offset) && (!first || r.line < first->line)) {
            first = &r;
        }
    }
    return first;
}

} // namespace bitmig
