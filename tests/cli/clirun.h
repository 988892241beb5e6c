// Runs the built `bitmig` binary and keeps what it printed.
#pragma once

#include <catch2/catch.hpp>

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;

    static CliRun run(const QStringList& arguments);
    // Standard output parsed as one JSON object; fails the test if it is not one.
    QJsonObject json() const;
    // Lines of standard output.
    QStringList lines() const;
    // The value of the text summary's "LABEL: value" row, trimmed; empty when there is no such row.
    QString row(const QString& label) const;
};

// "--disk 64G": Catch prints the command of a failing check with this.
QString describe(const QStringList& arguments);

namespace Catch {
template <>
struct StringMaker<QString> {
    static std::string convert(const QString& s) { return '"' + s.toStdString() + '"'; }
};
} // namespace Catch
