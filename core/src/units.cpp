#include <bitmig/units.h>

#include <bitmig/enumnames.h>
#include <bitmig/printable.h>

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>
#include <optional>

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

// The quantity's name in the English messages.
constexpr EnumName<UnitError::Quantity> kQuantityNames[] = {
    {UnitError::Quantity::Size, "size"},
    {UnitError::Quantity::Bandwidth, "bandwidth"},
    {UnitError::Quantity::Duration, "duration"},
    {UnitError::Quantity::Count, "number"},
};
static_assert(isNameTable(kQuantityNames, UnitError::Quantity::Size, UnitError::Quantity::Count));

std::string what(UnitError::Quantity q)
{
    return std::string(nameOf(kQuantityNames, q).value_or("value"));
}

// Splits "1.5 GiB" (trimmed into `text`) at the end of its leading digits and points: returns the
// number's length and sets `unit` to the rest, trimmed.
size_t splitAtUnit(std::string_view& text, std::string_view& unit, UnitError::Quantity q)
{
    text = trim(text);
    if (text.empty()) {
        throw UnitError(std::string("empty ") + what(q), q, UnitError::Problem::Empty, {});
    }
    size_t i = 0;
    while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.')) {
        ++i;
    }
    if (i == 0) {
        throw UnitError(quoted(text) + " is not a " + what(q) + " (it must start with a digit)", q,
                        UnitError::Problem::NoDigit, std::string(text));
    }
    unit = trim(text.substr(i));
    return i;
}

// Splits "1.5 GiB" into the number 1.5 and the unit "GiB".
double splitNumber(std::string_view text, std::string_view& unit, UnitError::Quantity q)
{
    const size_t i = splitAtUnit(text, unit, q);
    double value = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + i, value);
    if (ec != std::errc() || ptr != text.data() + i) {
        throw UnitError(quoted(text) + " is not a " + what(q), q, UnitError::Problem::NotANumber, std::string(text));
    }
    return value;
}

// A decimal number as written: "1.005" is 1005 / 10^3. Kept as digits so that a value in a smaller
// unit is computed exactly ("1.005s" is 1 005 000 000 ns, which doubles cannot promise).
__extension__ typedef unsigned __int128 Uint128;

struct Decimal {
    Uint128 whole = 0;     // the digits before the point
    Uint128 fraction = 0;  // the digits after it, trailing zeros dropped
    unsigned fractionDigits = 0;
};

// At most this many digits before the point (10^20 > 2^64) and after it (any more cannot give a
// whole number in any unit here): the products below stay far inside 128 bits.
constexpr unsigned kMaxWholeDigits = 20;
constexpr unsigned kMaxFractionDigits = 18;

// Splits "1.5 GiB" into the exact decimal 1.5 and the unit "GiB".
Decimal splitDecimal(std::string_view text, std::string_view& unit, UnitError::Quantity q)
{
    const size_t length = splitAtUnit(text, unit, q);
    const std::string_view number = text.substr(0, length);
    const size_t dot = number.find('.');
    std::string_view whole = number.substr(0, dot);
    std::string_view fraction = dot == std::string_view::npos ? std::string_view() : number.substr(dot + 1);
    if (fraction.find('.') != std::string_view::npos || (whole.empty() && fraction.empty())) {
        throw UnitError(quoted(text) + " is not a " + what(q), q, UnitError::Problem::NotANumber, std::string(text));
    }
    while (!whole.empty() && whole.front() == '0') {
        whole.remove_prefix(1);
    }
    while (!fraction.empty() && fraction.back() == '0') {
        fraction.remove_suffix(1);
    }
    if (whole.size() > kMaxWholeDigits) {
        throw UnitError(quoted(text) + " is too large", q, UnitError::Problem::TooLarge, std::string(text));
    }
    if (fraction.size() > kMaxFractionDigits) {
        throw UnitError(quoted(text) + " has too many decimal places", q, UnitError::Problem::TooManyDecimals,
                        std::string(text));
    }
    Decimal d;
    for (const char c : whole) {
        d.whole = d.whole * 10 + unsigned(c - '0');
    }
    for (const char c : fraction) {
        d.fraction = d.fraction * 10 + unsigned(c - '0');
    }
    d.fractionDigits = unsigned(fraction.size());
    return d;
}

// The decimal times `mult`, exactly; nullopt when that is not a whole number. Below 2^128 for
// every input splitDecimal() lets through and every multiplier here (at most 2^50).
std::optional<Uint128> scaledExactly(const Decimal& d, uint64_t mult)
{
    Uint128 pow10 = 1;
    for (unsigned k = 0; k < d.fractionDigits; ++k) {
        pow10 *= 10;
    }
    const Uint128 fractionPart = d.fraction * mult;
    if (fractionPart % pow10 != 0) {
        return std::nullopt;
    }
    return d.whole * mult + fractionPart / pow10;
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
    const Decimal value = splitDecimal(text, unit, UnitError::Quantity::Size);
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
        throw UnitError(quoted(trim(text)) + " has an unknown size unit " + quoted(unit) +
                            " (use B, K, M, G, T or P; binary)",
                        UnitError::Quantity::Size, UnitError::Problem::UnknownUnit, std::string(trim(text)),
                        std::string(unit));
    }
    const std::optional<Uint128> bytes = scaledExactly(value, mult);
    if (!bytes) {
        throw UnitError(quoted(trim(text)) + " is not a whole number of bytes", UnitError::Quantity::Size,
                        UnitError::Problem::NotWhole, std::string(trim(text)));
    }
    if (*bytes > std::numeric_limits<uint64_t>::max()) {
        throw UnitError(quoted(trim(text)) + " is too large", UnitError::Quantity::Size, UnitError::Problem::TooLarge,
                        std::string(trim(text)));
    }
    return static_cast<uint64_t>(*bytes);
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
    const double value = splitNumber(text, unit, UnitError::Quantity::Bandwidth);
    const double mult = bandwidthUnit(unit);
    if (mult == 0) {
        throw UnitError(quoted(trim(text)) + " has an unknown bandwidth unit " + quoted(unit) +
                            " (use bits as Mbit, Gbit or Gbps, bytes as MB/s, GB/s or MiB/s, or a bare number "
                            "of bytes per second; b is a bit, B a byte)",
                        UnitError::Quantity::Bandwidth, UnitError::Problem::UnknownUnit, std::string(trim(text)),
                        std::string(unit));
    }
    const double bps = value * mult;
    if (!(bps > 0) || !std::isfinite(bps)) {
        throw UnitError("bandwidth " + quoted(trim(text)) + " must be above zero", UnitError::Quantity::Bandwidth,
                        UnitError::Problem::NotPositive, std::string(trim(text)));
    }
    return bps;
}

int64_t parseDuration(std::string_view text)
{
    std::string_view unit;
    const Decimal value = splitDecimal(text, unit, UnitError::Quantity::Duration);
    uint64_t mult = 0;
    if (unit.empty() || iequals(unit, "ms")) {
        mult = 1'000'000;
    } else if (iequals(unit, "s")) {
        mult = 1'000'000'000;
    } else if (iequals(unit, "us") || unit == "\xc2\xb5s" || unit == "\xce\xbcs") {  // us, µs (micro sign), μs (Greek mu), UTF-8
        mult = 1'000;
    } else if (iequals(unit, "ns")) {
        mult = 1;
    } else if (iequals(unit, "min")) {
        mult = 60'000'000'000;
    } else {
        throw UnitError(quoted(trim(text)) + " has an unknown time unit " + quoted(unit) + " (use ns, us, ms, s or min)",
                        UnitError::Quantity::Duration, UnitError::Problem::UnknownUnit, std::string(trim(text)),
                        std::string(unit));
    }
    const std::optional<Uint128> ns = scaledExactly(value, mult);
    if (!ns) {
        throw UnitError("duration " + quoted(trim(text)) + " is not a whole number of nanoseconds",
                        UnitError::Quantity::Duration, UnitError::Problem::NotWhole, std::string(trim(text)));
    }
    if (*ns > uint64_t(std::numeric_limits<int64_t>::max())) {
        throw UnitError("duration " + quoted(trim(text)) + " is too long (at most 2^63 - 1 ns)",
                        UnitError::Quantity::Duration, UnitError::Problem::TooLarge, std::string(trim(text)));
    }
    return static_cast<int64_t>(*ns);
}

double parseCount(std::string_view text)
{
    std::string_view unit;
    const double value = splitNumber(text, unit, UnitError::Quantity::Count);
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
        throw UnitError(quoted(trim(text)) + " has an unknown suffix " + quoted(unit) + " (use k, M or G)",
                        UnitError::Quantity::Count, UnitError::Problem::UnknownUnit, std::string(trim(text)),
                        std::string(unit));
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

std::string_view timeUnitSymbol(TimeUnit unit)
{
    switch (unit) {
    case TimeUnit::Seconds:
        return "s";
    case TimeUnit::Milliseconds:
        return "ms";
    case TimeUnit::Microseconds:
        return "\xc2\xb5s";  // µs, UTF-8
    case TimeUnit::Nanoseconds:
        break;
    }
    return "ns";
}

DurationParts formatDurationParts(int64_t ns)
{
    const double a = std::fabs(double(ns));
    if (a >= 1e9) {
        return {trimmedNumber(double(ns) / 1e9), TimeUnit::Seconds};
    }
    if (a >= 1e6) {
        return {trimmedNumber(double(ns) / 1e6), TimeUnit::Milliseconds};
    }
    if (a >= 1e3) {
        return {trimmedNumber(double(ns) / 1e3), TimeUnit::Microseconds};
    }
    return {std::to_string(ns), TimeUnit::Nanoseconds};
}

std::string formatDuration(int64_t ns)
{
    const DurationParts parts = formatDurationParts(ns);
    return parts.number + " " + std::string(timeUnitSymbol(parts.unit));
}

} // namespace bitmig::units
