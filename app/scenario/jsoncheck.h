// Checks of a JSON text that QJsonDocument does not make: raw control characters (which it lets
// through inside strings, or reads as the end of the text) and keys given twice in one object
// (where it keeps the last one and says nothing).
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace bitmig {

struct JsonProblem {
    QString keyPath;  // "workload.rate", "injections[1].time"; empty for a syntax problem
    QString reason;
    int line = 0;     // 1-based, with the column, for a syntax problem; 0 otherwise
    int column = 0;
};

class JsonCheck {
public:
    // The first raw control character (U+0000 to U+001F; outside strings, tab, line feed and
    // carriage return are whitespace), with its line and column.
    static std::optional<JsonProblem> rawControlCharacter(const QByteArray& json);
    // The first key that an object holds twice, by its key path, naming both lines. `json` must
    // be valid JSON (QJsonDocument read it).
    static std::optional<JsonProblem> duplicateKey(const QByteArray& json);
};

} // namespace bitmig
