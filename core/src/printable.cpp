#include <bitmig/printable.h>

#include <cstdint>

namespace bitmig {

namespace {

void escapeByte(std::string& out, unsigned char b)
{
    out += "\\x";
    out += "0123456789abcdef"[b >> 4];
    out += "0123456789abcdef"[b & 15];
}

// The length of the valid UTF-8 sequence at s[i] and its code point; 0 when it is not one
// (a stray continuation byte, a truncated or overlong sequence, a surrogate, above U+10FFFF).
size_t decode(std::string_view s, size_t i, uint32_t& cp)
{
    const auto b0 = static_cast<unsigned char>(s[i]);
    size_t n = 0;
    uint32_t min = 0;
    if (b0 < 0x80) {
        cp = b0;
        return 1;
    }
    if ((b0 & 0xe0) == 0xc0) {
        n = 2, cp = b0 & 0x1f, min = 0x80;
    } else if ((b0 & 0xf0) == 0xe0) {
        n = 3, cp = b0 & 0x0f, min = 0x800;
    } else if ((b0 & 0xf8) == 0xf0) {
        n = 4, cp = b0 & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (s.size() - i < n) {
        return 0;
    }
    for (size_t k = 1; k < n; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xc0) != 0x80) {
            return 0;
        }
        cp = (cp << 6) | (b & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
        return 0;
    }
    return n;
}

bool acted(uint32_t cp) noexcept
{
    return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp == 0x2028 || cp == 0x2029 ||  // controls, separators
           cp == 0x061c || cp == 0x200e || cp == 0x200f || (cp >= 0x202a && cp <= 0x202e) ||
           (cp >= 0x2066 && cp <= 0x2069);  // bidirectional marks, embeddings, overrides and isolates
}

void append(std::string& out, std::string_view bytes, char quote)
{
    for (size_t i = 0; i < bytes.size();) {
        uint32_t cp = 0;
        const size_t n = decode(bytes, i, cp);
        if (n == 0) {
            escapeByte(out, static_cast<unsigned char>(bytes[i]));
            ++i;
            continue;
        }
        if (acted(cp) || cp == '\\' || (quote && cp == static_cast<unsigned char>(quote))) {
            for (size_t k = 0; k < n; ++k) {
                escapeByte(out, static_cast<unsigned char>(bytes[i + k]));
            }
        } else {
            out.append(bytes.substr(i, n));
        }
        i += n;
    }
}

} // namespace

std::string printable(std::string_view bytes)
{
    std::string out;
    out.reserve(bytes.size());
    append(out, bytes, 0);
    return out;
}

namespace {

// Where to cut `bytes` to keep at most maxBytes without splitting a character.
size_t cutAt(std::string_view bytes, size_t maxBytes)
{
    if (bytes.size() <= maxBytes) {
        return bytes.size();
    }
    size_t cut = maxBytes;
    // Back to the start of a character, unless there is none in reach (invalid bytes).
    size_t start = cut;
    while (start > 0 && cut - start < 3 && (static_cast<unsigned char>(bytes[start]) & 0xc0) == 0x80) {
        --start;
    }
    if ((static_cast<unsigned char>(bytes[start]) & 0xc0) != 0x80) {
        cut = start;
    }
    return cut;
}

} // namespace

std::string printablePrefix(std::string_view bytes, size_t maxBytes)
{
    const size_t cut = cutAt(bytes, maxBytes);
    std::string out;
    append(out, bytes.substr(0, cut), 0);
    if (cut < bytes.size()) {
        out += "...";
    }
    return out;
}

std::string quoted(std::string_view bytes, char quote, size_t maxBytes)
{
    const size_t cut = cutAt(bytes, maxBytes);
    std::string out(1, quote);
    append(out, bytes.substr(0, cut), quote);
    if (cut < bytes.size()) {
        out += "...";
        out += quote;
        out += " (" + std::to_string(bytes.size()) + " bytes)";
        return out;
    }
    out += quote;
    return out;
}

} // namespace bitmig
