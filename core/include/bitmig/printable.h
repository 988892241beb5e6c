// Text that came from a file or a stream (a device or bitmap name, a value a scenario gave), made
// safe to print on a terminal or show in a window, and short enough for a one-line message.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace bitmig {

// How much of a value an error message quotes before it cuts it short.
inline constexpr size_t kQuotedBytes = 64;

// Valid UTF-8 is kept, except for what a terminal or a text view would act on rather than show:
// control characters (C0, DEL and C1, so escape sequences and line breaks), the line and paragraph
// separators and the bidirectional controls. Those, every byte that is not valid UTF-8, and the
// backslash become \xNN escapes, one per byte, so the result is one line and names its bytes.
std::string printable(std::string_view bytes);

// printable() of at most the first `maxBytes` (cut on a character boundary), with "..." when
// something was cut: a value for a message that supplies its own quotes.
std::string printablePrefix(std::string_view bytes, size_t maxBytes = kQuotedBytes);

// printable(), between `quote` characters (escaped inside as \xNN), for a message. Longer than
// `maxBytes`: only the first maxBytes (cut on a character boundary), "..." and the whole length,
// as in 'aaaa...' (10485760 bytes).
std::string quoted(std::string_view bytes, char quote = '\'', size_t maxBytes = kQuotedBytes);

} // namespace bitmig
