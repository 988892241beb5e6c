// A digest as lowercase hex, the form QEMU prints a bitmap's SHA-256 in (HBitmap::sha256,
// BitmapDigest, the bitmaps of a migration file).
#pragma once

#include <cstddef>
#include <string>

namespace bitmig::detail {

inline std::string lowerHex(const unsigned char* bytes, size_t size)
{
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(size * 2);
    for (size_t i = 0; i < size; ++i) {
        out.push_back(digits[bytes[i] >> 4]);
        out.push_back(digits[bytes[i] & 15]);
    }
    return out;
}

} // namespace bitmig::detail
