// Parsing and formatting of sizes, bandwidths and durations for the command line and scenarios.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace bitmig {

// A value the user wrote could not be understood; what() says why, without naming the argument
// (the caller adds that).
class UnitError : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
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
std::string formatDuration(int64_t ns);              // "300 ms", "1.25 s", "12 us"

} // namespace units
} // namespace bitmig
