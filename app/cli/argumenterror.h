// A command-line argument the command cannot use: the message names the argument, exit status 2.
#pragma once

#include <QString>

#include <stdexcept>

namespace bitmig::cli {

class ArgumentError : public std::runtime_error {
public:
    // `argument` is what the user typed the value for ("--chunk", "FILE"); `reason` says what is wrong.
    ArgumentError(const QString& argument, const QString& reason)
        : std::runtime_error((argument + QStringLiteral(": ") + reason).toStdString()),
          message_(argument + QStringLiteral(": ") + reason)
    {
    }
    // A message that names its argument itself (e.g. Qt's "Missing value after '--disk'.").
    explicit ArgumentError(const QString& message)
        : std::runtime_error(message.toStdString()), message_(message)
    {
    }

    const QString& message() const noexcept { return message_; }

private:
    QString message_;
};

} // namespace bitmig::cli
