// Turns the text of one option into a value, or an ArgumentError naming the option.
#pragma once

#include <bitmig/simconfig.h>
#include <bitmig/workload.h>

#include <QString>

#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

namespace bitmig::cli {

// Every function takes the option as the user would type it ("--chunk") and its text; the error
// message is "<option>: <why>", e.g. "--chunk: '3K' is not a power of two from 1 B to 1 MiB".
class OptionValue {
public:
    static uint64_t size(const QString& option, const QString& text);        // units::parseSize
    static uint64_t chunkSize(const QString& option, const QString& text);   // power of two, 1 B .. 1 MiB
    static uint64_t granularity(const QString& option, const QString& text); // power of two >= 512
    static double bandwidth(const QString& option, const QString& text);     // bytes per second
    static int64_t duration(const QString& option, const QString& text);     // nanoseconds
    static double count(const QString& option, const QString& text);         // "20k"
    static double real(const QString& option, const QString& text);          // "0.05"
    // A plain whole number from min to max, e.g. "'0' is too small (use a whole number from 1 to 1024)".
    static uint64_t integer(const QString& option, const QString& text, uint64_t min = 0,
                            uint64_t max = std::numeric_limits<uint64_t>::max());
    static Strategy strategy(const QString& option, const QString& text);
    static WorkloadKind workload(const QString& option, const QString& text);
    // "4K..64K" or one size: the range write sizes are drawn from.
    static std::pair<uint64_t, uint64_t> writeSizes(const QString& option, const QString& text);
    // "1M,1K,512", "all" (1 B .. 1 MiB, smallest first) or "seed" (the seed thread's table).
    static std::vector<uint64_t> chunkList(const QString& option, const QString& text);
    // "TIME:write|clear:OFFSET:LENGTH", e.g. "2s:write:1G:64K".
    static Injection injection(const QString& option, const QString& text);
};

} // namespace bitmig::cli
