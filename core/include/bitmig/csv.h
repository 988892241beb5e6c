// CSV as RFC 4180 writes it, for every CSV file the program writes.
#pragma once

#include <string>
#include <string_view>

namespace bitmig {

// One field: as it is, unless it holds a comma, a double quote, a CR or an LF; then in double
// quotes, each double quote in it doubled ("a,b" -> "\"a,b\"", "say \"hi\"" -> "\"say \"\"hi\"\"\"").
std::string csvField(std::string_view field);

} // namespace bitmig
