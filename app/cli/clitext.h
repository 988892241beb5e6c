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

// An argument's text in a message: escaped and cut short (bitmig/printable.h), so that a value of
// megabytes gives a one-line message.
inline QString shownValue(const QString& text)
{
    return QString::fromStdString(printablePrefix(text.toStdString()));
}

} // namespace bitmig::cli
