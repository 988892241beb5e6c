// Parsing and formatting of sizes, bandwidths and durations for the command line and scenarios.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>
#include <string_view>

namespace bitmig {

// A value the user wrote could not be understood; what() says why, without naming the argument
// (the caller adds that).
// A value that could not be read. what() is the English sentence; the fields say the same for a
// translation: which quantity, what is wrong, the text as typed and the unit it carried.
class UnitError : public std::invalid_argument {
public:
    enum class Quantity { Size, Bandwidth, Duration, Count };
    enum class Problem {
        Empty,            // nothing typed
        NoDigit,          // does not start with a digit
        NotANumber,       // digits and points that make no number ("1.2.3")
        TooLarge,         // more than the quantity can hold
        TooManyDecimals,  // more decimal places than any unit can use
        UnknownUnit,      // `unit` is not one of the quantity's units
        NotWhole,         // not a whole number of bytes / nanoseconds
        NotPositive,      // a bandwidth of zero
    };
    UnitError(const std::string& message, Quantity quantity, Problem problem, std::string text,
              std::string unit = {})
        : std::invalid_argument(message), quantity_(quantity), problem_(problem), text_(std::move(text)),
          unit_(std::move(unit))
    {
    }
    Quantity quantity() const noexcept { return quantity_; }
    Problem problem() const noexcept { return problem_; }
    const std::string& text() const noexcept { return text_; }  // trimmed
    const std::string& unit() const noexcept { return unit_; }  // with UnknownUnit

private:
    Quantity quantity_;
    Problem problem_;
    std::string text_;
    std::string unit_;
};

namespace units {

inline constexpr uint64_t KiB = uint64_t(1) << 10;
inline constexpr uint64_t MiB = uint64_t(1) << 20;
inline constexpr uint64_t GiB = uint64_t(1) << 30;
inline constexpr uint64_t TiB = uint64_t(1) << 40;
inline constexpr uint64_t PiB = uint64_t(1) << 50;
inline constexpr int64_t kNsPerMs = 1'000'000;
inline constexpr int64_t kNsPerSec = 1'000'000'000;

// "4096", "4K", "64KiB", "1.5M", "16T", "2P", "512B": binary suffixes; the result must be a whole
// number of bytes. UnitError on anything else, negative values or overflow.
uint64_t parseSize(std::string_view text);
// "1Gbit", "100Mbit", "10 Gbit/s", "125MB/s", "1.5GB/s", "500KiB/s", "1000000" (bytes/s).
// Bits use decimal prefixes (network style), B/s forms binary ones. Result in bytes per second (> 0).
double parseBandwidth(std::string_view text);
// "300ms", "1.5s", "250us", "10ns", "0"; a bare number is milliseconds. Result in nanoseconds.
int64_t parseDuration(std::string_view text);
// "20000", "20k", "1.5M": a plain count with decimal k/M/G suffixes (rates in writes per second).
double parseCount(std::string_view text);

// "512 GiB", "1 KiB", "1.5 MiB", "3 B": exact when the value is a whole number of the unit.
std::string formatSize(uint64_t bytes);
std::string formatBandwidth(double bytesPerSecond);  // "1 Gbit/s", "125 Mbit/s"
std::string formatDuration(int64_t ns);              // "300 ms", "1.25 s", "12 µs" (UTF-8)

// A duration's unit, for text that writes it in another language.
enum class TimeUnit { Seconds, Milliseconds, Microseconds, Nanoseconds };
std::string_view timeUnitSymbol(TimeUnit unit);  // "s", "ms", "µs" (UTF-8), "ns"
// formatDuration()'s number ("1.25", '.' as the decimal point) and its unit, apart.
struct DurationParts {
    std::string number;
    TimeUnit unit = TimeUnit::Nanoseconds;
};
DurationParts formatDurationParts(int64_t ns);

} // namespace units
} // namespace bitmig
