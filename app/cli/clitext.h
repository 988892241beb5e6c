// Small conversions every subcommand's report uses.
#pragma once

#include <bitmig/printable.h>

#include <QString>

#include <cstdint>
#include <string>

namespace bitmig::cli {

inline QString number(uint64_t n)
{
    return QString::number(qulonglong(n));
}

inline QString text(const std::string& s)
{
    return QString::fromStdString(s);
}

// A name read from a file, for the terminal: control characters and the like escaped
// (bitmig/printable.h), so that a crafted name cannot colour the terminal or forge a line.
inline QString shownName(const std::string& s)
{
    return QString::fromStdString(printable(s));
}

} // namespace bitmig::cli
