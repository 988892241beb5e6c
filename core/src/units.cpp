#include "bitmig/units.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>

namespace bitmig::units {

namespace {

std::string_view trim(std::string_view s)
{
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) {
        s.remove_prefix(1);
    }
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) {
        s.remove_suffix(1);
    }
    return s;
}

bool iequals(std::string_view a, std::string_view b)
{
    if (a.size() != b.size()) {
        return false;
    }
    for (size_t i = 0; i < a.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) {
            return false;
        }
    }
    return true;
}

// Splits "1.5 GiB" into the number 1.5 and the unit "GiB".
double splitNumber(std::string_view text, std::string_view& unit, const char* what)
{
    text = trim(text);
    if (text.empty()) {
        throw UnitError(std::string("empty ") + what);
    }
    size_t i = 0;
    while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.')) {
        ++i;
    }
    if (i == 0) {
        throw UnitError("'" + std::string(text) + "' is not a " + what + " (it must start with a digit)");
    }
    double value = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + i, value);
    if (ec != std::errc() || ptr != text.data() + i) {
        throw UnitError("'" + std::string(text) + "' is not a " + what);
    }
    unit = trim(text.substr(i));
    return value;
}

std::string trimmedNumber(double v)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    std::string s(buf);
    while (!s.empty() && s.back() == '0') {
        s.pop_back();
    }
    if (!s.empty() && s.back() == '.') {
        s.pop_back();
    }
    return s;
}

} // namespace

uint64_t parseSize(std::string_view text)
{
    std::string_view unit;
    const double value = splitNumber(text, unit, "size");
    uint64_t mult = 0;
    struct Suffix {
        std::string_view a, b, c;
        uint64_t mult;
    };
    static constexpr Suffix suffixes[] = {
        {"", "B", "", 1},           {"K", "KiB", "KB", KiB}, {"M", "MiB", "MB", MiB},
        {"G", "GiB", "GB", GiB},    {"T", "TiB", "TB", TiB}, {"P", "PiB", "PB", PiB},
    };
    for (const auto& s : suffixes) {
        if (iequals(unit, s.a) || iequals(unit, s.b) || (!s.c.empty() && iequals(unit, s.c))) {
            mult = s.mult;
            break;
        }
    }
    if (mult == 0) {
        throw UnitError("'" + std::string(trim(text)) + "' has an unknown size unit '" + std::string(unit) +
                        "' (use B, K, M, G, T or P; binary)");
    }
    const long double bytes = static_cast<long double>(value) * static_cast<long double>(mult);
    if (bytes >= 18446744073709551616.0L) {
        throw UnitError("'" + std::string(trim(text)) + "' is too large");
    }
    if (bytes != std::floor(bytes)) {
        throw UnitError("'" + std::string(trim(text)) + "' is not a whole number of bytes");
    }
    return static_cast<uint64_t>(bytes);
}

double parseBandwidth(std::string_view text)
{
    std::string_view unit;
    const double value = splitNumber(text, unit, "bandwidth");
    std::string u(unit);
    if (u.size() > 2 && (u.ends_with("/s") || u.ends_with("ps"))) {
        u.resize(u.size() - 2);
    }
    double mult = 0;
    struct Suffix {
        std::string_view name;
        double mult;
    };
    static constexpr Suffix suffixes[] = {
        {"", 1},          {"B", 1},         {"bit", 1.0 / 8},     {"Kbit", 1e3 / 8},  {"Mbit", 1e6 / 8},
        {"Gbit", 1e9 / 8}, {"Tbit", 1e12 / 8}, {"KB", 1024.0},    {"KiB", 1024.0},    {"MB", 1048576.0},
        {"MiB", 1048576.0}, {"GB", 1073741824.0}, {"GiB", 1073741824.0}, {"K", 1024.0}, {"M", 1048576.0},
        {"G", 1073741824.0},
    };
    for (const auto& s : suffixes) {
        if (iequals(u, s.name)) {
            mult = s.mult;
            break;
        }
    }
    if (mult == 0) {
        throw UnitError("'" + std::string(trim(text)) + "' has an unknown bandwidth unit '" +
                        std::string(unit) + "' (use Mbit, Gbit, MB/s, GB/s or bytes per second)");
    }
    const double bps = value * mult;
    if (!(bps > 0) || !std::isfinite(bps)) {
        throw UnitError("bandwidth '" + std::string(trim(text)) + "' must be above zero");
    }
    return bps;
}

int64_t parseDuration(std::string_view text)
{
    std::string_view unit;
    const double value = splitNumber(text, unit, "duration");
    double mult = 0;
    if (unit.empty() || iequals(unit, "ms")) {
        mult = 1e6;
    } else if (iequals(unit, "s")) {
        mult = 1e9;
    } else if (iequals(unit, "us")) {
        mult = 1e3;
    } else if (iequals(unit, "ns")) {
        mult = 1;
    } else if (iequals(unit, "min")) {
        mult = 60e9;
    } else {
        throw UnitError("'" + std::string(trim(text)) + "' has an unknown time unit '" + std::string(unit) +
                        "' (use ns, us, ms, s or min)");
    }
    const double ns = value * mult;
    if (ns > 9.2e18) {
        throw UnitError("duration '" + std::string(trim(text)) + "' is too long");
    }
    if (ns != std::floor(ns)) {
        throw UnitError("duration '" + std::string(trim(text)) + "' is not a whole number of nanoseconds");
    }
    return static_cast<int64_t>(ns);
}

double parseCount(std::string_view text)
{
    std::string_view unit;
    const double value = splitNumber(text, unit, "number");
    double mult = 0;
    if (unit.empty()) {
        mult = 1;
    } else if (iequals(unit, "k")) {
        mult = 1e3;
    } else if (unit == "M" || unit == "m") {
        mult = 1e6;
    } else if (iequals(unit, "G")) {
        mult = 1e9;
    } else {
        throw UnitError("'" + std::string(trim(text)) + "' has an unknown suffix '" + std::string(unit) +
                        "' (use k, M or G)");
    }
    return value * mult;
}

std::string formatSize(uint64_t bytes)
{
    static constexpr const char* names[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    int i = 0;
    double v = double(bytes);
    while (v >= 1024.0 && i < 6) {
        v /= 1024.0;
        ++i;
    }
    return trimmedNumber(v) + " " + names[i];
}

std::string formatBandwidth(double bytesPerSecond)
{
    const double bits = bytesPerSecond * 8;
    if (bits >= 1e9) {
        return trimmedNumber(bits / 1e9) + " Gbit/s";
    }
    if (bits >= 1e6) {
        return trimmedNumber(bits / 1e6) + " Mbit/s";
    }
    if (bits >= 1e3) {
        return trimmedNumber(bits / 1e3) + " kbit/s";
    }
    return trimmedNumber(bits) + " bit/s";
}

std::string formatDuration(int64_t ns)
{
    const double a = std::fabs(double(ns));
    if (a >= 1e9) {
        return trimmedNumber(double(ns) / 1e9) + " s";
    }
    if (a >= 1e6) {
        return trimmedNumber(double(ns) / 1e6) + " ms";
    }
    if (a >= 1e3) {
        return trimmedNumber(double(ns) / 1e3) + " us";
    }
    return std::to_string(ns) + " ns";
}

} // namespace bitmig::units
