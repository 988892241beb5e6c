#include "jsoncheck.h"

#include "scenariofile.h"

#include <bitmig/printable.h>

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <vector>

namespace bitmig {

namespace {

int columnAt(const QByteArray& text, qsizetype lineStart, qsizetype at)
{
    int column = 1;
    for (qsizetype i = lineStart; i < at; ++i) {
        column += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;  // characters, not bytes
    }
    return column;
}

QString shown(const QString& key)
{
    return QString::fromStdString(printablePrefix(key.toStdString()));
}

} // namespace

std::optional<JsonProblem> JsonCheck::rawControlCharacter(const QByteArray& json)
{
    bool inString = false;
    int line = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const auto c = static_cast<unsigned char>(json[i]);
        if (inString && c == '\\') {
            ++i;  // the escaped character, whatever it is, is checked by the parser
            continue;
        }
        if (c == '"') {
            inString = !inString;
            continue;
        }
        if (c < 0x20 && (inString || (c != '\t' && c != '\n' && c != '\r'))) {
            const QString code = QStringLiteral("%1").arg(c, 4, 16, QLatin1Char('0'));
            return JsonProblem{
                QString(),
                inString ? ScenarioFile::tr("a raw control character (U+%1) inside a string; JSON needs it escaped "
                                            "as \\u%1")
                               .arg(code)
                         : ScenarioFile::tr("a raw control character (U+%1) is not JSON").arg(code),
                line, columnAt(json, lineStart, i)};
        }
        if (c == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    return std::nullopt;
}

std::optional<JsonProblem> JsonCheck::duplicateKey(const QByteArray& json)
{
    struct Frame {
        bool object = false;
        QString path;
        qsizetype index = 0;          // arrays: the element being read
        QString key;                  // objects: the key of the value being read
        bool expectKey = true;        // objects: a string now is a key
        QHash<QString, int> keyLines; // objects: the keys seen so far, and their lines
    };
    std::vector<Frame> stack;
    auto valuePath = [&stack]() -> QString {
        if (stack.empty()) {
            return QString();
        }
        const Frame& f = stack.back();
        if (f.object) {
            return f.path.isEmpty() ? shown(f.key) : f.path + QLatin1Char('.') + shown(f.key);
        }
        return f.path + QLatin1Char('[') + QString::number(f.index) + QLatin1Char(']');
    };
    int line = 1;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json[i];
        switch (c) {
        case '\n':
            ++line;
            break;
        case '{':
        case '[': {
            Frame f;
            f.object = c == '{';
            f.path = valuePath();
            stack.push_back(std::move(f));
            break;
        }
        case '}':
        case ']':
            if (!stack.empty()) {
                stack.pop_back();
            }
            break;
        case ',':
            if (!stack.empty()) {
                Frame& f = stack.back();
                if (f.object) {
                    f.expectKey = true;
                } else {
                    ++f.index;
                }
            }
            break;
        case ':':
            if (!stack.empty()) {
                stack.back().expectKey = false;
            }
            break;
        case '"': {
            const qsizetype start = i;
            bool escaped = false;
            for (++i; i < json.size() && json[i] != '"'; ++i) {
                if (json[i] == '\\') {
                    escaped = true;
                    ++i;
                }
            }
            if (stack.empty() || !stack.back().object || !stack.back().expectKey) {
                break;  // a string value
            }
            const QByteArray token = json.mid(start, i - start + 1);
            // Escapes ("\u0061" is "a") are decoded by the JSON parser itself, as the reader sees them.
            const QString key = escaped ? QJsonDocument::fromJson("[" + token + "]").array().at(0).toString()
                                        : QString::fromUtf8(token.mid(1, token.size() - 2));
            Frame& f = stack.back();
            f.key = key;
            if (const auto seen = f.keyLines.constFind(key); seen != f.keyLines.cend()) {
                return JsonProblem{valuePath(),
                                   ScenarioFile::tr("the key appears twice in one object, on line %1 and on line %2 "
                                                    "(a reader would silently keep only one)")
                                       .arg(*seen)
                                       .arg(line),
                                   0, 0};
            }
            f.keyLines.insert(key, line);
            break;
        }
        default:
            break;
        }
    }
    return std::nullopt;
}

} // namespace bitmig
