// `bitmig stream-info FILE`: decodes a stream written by `simulate --stream`, or walks a whole QEMU
// migration file, and summarises it.
#pragma once

#include "command.h"

#include <cstdint>
#include <span>

namespace bitmig::cli {

class StreamInfoCommand : public Command {
public:
    QString name() const override;
    QString summary() const override;
    QString usage() const override;
    void setUp(QCommandLineParser& parser) const override;
    // 0 for a well-formed stream, 1 for a malformed one.
    int run(const QCommandLineParser& parser, QTextStream& out, QTextStream& err) const override;

private:
    // A file that begins with "QEVM": 1 when it is malformed; 0 when it is whole, or the walk stopped
    // at a section it cannot step over.
    static int runQemuFile(const QCommandLineParser& parser, const QString& file, std::span<const uint8_t> bytes,
                           QTextStream& out, QTextStream& err);
};

} // namespace bitmig::cli
