// What `bitmig stream-info` says about a whole QEMU migration file: its sections, the RAM it stepped
// over and every dirty bitmap it carries, as text or JSON.
#pragma once

#include <bitmig/qemufile.h>

#include <QJsonObject>
#include <QString>
#include <QTextStream>

namespace bitmig::cli {

class QemuFileReport {
public:
    static QJsonObject toJson(const QString& file, const QemuFileInfo& info);
    static void write(QTextStream& out, const QString& file, const QemuFileInfo& info);

    // What a QEMU destination does with the records (both containers): JSON {outcome, destination,
    // findings: [{outcome, offset, check, qemuMessage, detail}]}, and the text rows.
    static QJsonObject verdictJson(const QemuLoadVerdict& verdict);
    static void writeVerdict(QTextStream& out, const QemuLoadVerdict& verdict);
    // The outcome in words ("loads", "drops every incoming bitmap", ...).
    static QString outcomeText(QemuOutcome outcome);
};

} // namespace bitmig::cli
