// Big-endian integer fields of the migration stream (QEMUFile's be16/be32/be64).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace bitmig::detail {

template <typename T> inline void appendBigEndian(std::vector<uint8_t>& out, T value)
{
    for (int shift = int(sizeof(T) * 8) - 8; shift >= 0; shift -= 8) {
        out.push_back(uint8_t(value >> shift));
    }
}

// The caller has checked that sizeof(T) bytes are readable at `p`.
template <typename T> inline T readBigEndian(const uint8_t* p)
{
    T value = 0;
    for (size_t i = 0; i < sizeof(T); ++i) {
        value = T(value << 8) | T(p[i]);
    }
    return value;
}

} // namespace bitmig::detail
