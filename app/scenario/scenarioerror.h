// What went wrong with a scenario file, and where: the file, the key path or the line and column.
#pragma once

#include <QString>

#include <stdexcept>

namespace bitmig {

// A scenario that cannot be read, written or used. message() is "FILE: KEY.PATH: reason",
// "FILE: line L, column C: reason" for JSON syntax errors, or "FILE: reason" when no key is at fault.
class ScenarioError : public std::runtime_error {
public:
    ScenarioError(const QString& file, const QString& keyPath, const QString& reason, int line = 0,
                  int column = 0);

    const QString& file() const noexcept { return file_; }
    const QString& keyPath() const noexcept { return keyPath_; } // "workload.rate", "injections[2].offset"
    const QString& reason() const noexcept { return reason_; }
    int line() const noexcept { return line_; }     // 1-based; 0 unless a syntax error
    int column() const noexcept { return column_; } // 1-based, in characters
    const QString& message() const noexcept { return message_; }

private:
    QString file_, keyPath_, reason_, message_;
    int line_ = 0, column_ = 0;
};

} // namespace bitmig
