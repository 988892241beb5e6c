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
};

} // namespace bitmig::cli
