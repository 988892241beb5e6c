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

// Bandwidth units. As everywhere in networking, a lower-case b is a bit and an upper-case B a
// byte: "1Gbps", "1Gb/s" and "1Gbit" are 10^9 bit/s; "1GB/s", "1GiB/s" and a bare "1G" are 2^30
// bytes/s. The prefix letter may be of either case; the b/B may not, which is the whole difference.
namespace {

double bandwidthUnit(std::string_view unit) noexcept
{
    std::string u(unit);
    if (u.size() > 2 && (u.ends_with("/s") || u.ends_with("ps"))) {
        u.resize(u.size() - 2);
    }
    if (u.empty()) {
        return 1;  // bytes per second
    }
    const auto prefix = [](std::string_view p, bool binary) -> double {
        if (p.empty()) {
            return 1;
        }
        if (p.size() != 1) {
            return 0;
        }
        switch (p[0]) {
        case 'k':
        case 'K':
            return binary ? 1024.0 : 1e3;
        case 'm':
        case 'M':
            return binary ? 1048576.0 : 1e6;
        case 'g':
        case 'G':
            return binary ? 1073741824.0 : 1e9;
        case 't':
        case 'T':
            return binary ? 1099511627776.0 : 1e12;
        default:
            return 0;
        }
    };
    const std::string_view v(u);
    if (v.size() >= 3 && iequals(v.substr(v.size() - 3), "bit")) {
        return prefix(v.substr(0, v.size() - 3), false) / 8;  // "Gbit", "kbit", "bit"
    }
    if (v.back() == 'b') {
        return prefix(v.substr(0, v.size() - 1), false) / 8;  // "Gb", "Mb", "b" (from "Gbps", "Mb/s")
    }
    if (v.back() == 'B') {
        std::string_view p = v.substr(0, v.size() - 1);
        if (p.size() == 2 && (p[1] == 'i' || p[1] == 'I')) {
            p = p.substr(0, 1);  // "KiB", "GiB"
        }
        return prefix(p, true);  // "B", "KB", "GB", "KiB": binary bytes
    }
    return prefix(v, true);  // a bare "K", "M", "G": binary bytes
}

} // namespace

double parseBandwidth(std::string_view text)
{
    std::string_view unit;
    const double value = splitNumber(text, unit, "bandwidth");
    const double mult = bandwidthUnit(unit);
    if (mult == 0) {
        throw UnitError("'" + std::string(trim(text)) + "' has an unknown bandwidth unit '" + std::string(unit) +
                        "' (use bits as Mbit, Gbit or Gbps, bytes as MB/s, GB/s or MiB/s, or a bare number "
                        "of bytes per second; b is a bit, B a byte)");
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
