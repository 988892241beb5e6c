// Arithmetic that cannot overflow, for the places where sums of user values meet: a result out of
// range becomes the nearest representable value.
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>

namespace bitmig::detail {

inline int64_t saturatingAdd(int64_t a, int64_t b) noexcept
{
    int64_t r = 0;
    if (__builtin_add_overflow(a, b, &r)) {
        return b > 0 ? std::numeric_limits<int64_t>::max() : std::numeric_limits<int64_t>::min();
    }
    return r;
}

// Nanoseconds computed in a double (bytes / bandwidth), rounded toward zero; NaN is 0.
inline int64_t saturatingNs(double ns) noexcept
{
    if (!(ns == ns)) {
        return 0;
    }
    if (ns >= 9223372036854775808.0) {
        return std::numeric_limits<int64_t>::max();
    }
    if (ns <= -9223372036854775808.0) {
        return std::numeric_limits<int64_t>::min();
    }
    return int64_t(ns);
}

// Bytes computed in a double, rounded toward zero; at most 2^64 - 1, at least 0 (and NaN is 0).
inline uint64_t saturatingBytes(double bytes) noexcept
{
    if (!(bytes > 0)) {
        return 0;
    }
    if (bytes >= 18446744073709551616.0) {
        return std::numeric_limits<uint64_t>::max();
    }
    return uint64_t(bytes);
}

} // namespace bitmig::detail
