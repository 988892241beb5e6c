#include "scenarioerror.h"

#include "scenariofile.h"

namespace bitmig {

namespace {

QString composeMessage(const QString& file, const QString& keyPath, const QString& reason, int line,
                       int column)
{
    const QString where = line > 0 ? ScenarioFile::tr("line %1, column %2").arg(line).arg(column) : keyPath;
    QString message = file;
    if (!where.isEmpty()) {
        message += QStringLiteral(": ") + where;
    }
    return message + QStringLiteral(": ") + reason;
}

} // namespace

ScenarioError::ScenarioError(const QString& file, const QString& keyPath, const QString& reason, int line,
                             int column)
    : std::runtime_error(composeMessage(file, keyPath, reason, line, column).toStdString()), file_(file),
      keyPath_(keyPath), reason_(reason), message_(composeMessage(file, keyPath, reason, line, column)),
      line_(line), column_(column)
{
}

} // namespace bitmig
