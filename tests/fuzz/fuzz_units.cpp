// The unit parsers and the escaping of names, on arbitrary text.
#include <bitmig/printable.h>
#include <bitmig/units.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    using namespace bitmig::units;
    try {
        if (parseDuration(text) < 0) {
            std::abort();  // durations are never negative
        }
    } catch (const bitmig::UnitError&) {
    }
    try {
        (void)parseSize(text);
    } catch (const bitmig::UnitError&) {
    }
    try {
        if (!(parseBandwidth(text) > 0)) {
            std::abort();
        }
    } catch (const bitmig::UnitError&) {
    }
    try {
        (void)parseCount(text);
    } catch (const bitmig::UnitError&) {
    }
    // Escaped text holds no control character, and a quoted prefix stays short.
    for (const char c : bitmig::printable(text)) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
            std::abort();
        }
    }
    if (bitmig::quoted(text).size() > 4 * bitmig::kQuotedBytes + 40) {
        std::abort();
    }
    return 0;
}
