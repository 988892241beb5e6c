// `bitmig stream-info FILE`: decodes a stream written by `simulate --stream` and summarises it.
#pragma once

#include "command.h"

namespace bitmig::cli {

class StreamInfoCommand : public Command {
public:
    QString name() const override;
    QString summary() const override;
    QString usage() const override;
    void setUp(QCommandLineParser& parser) const override;
    // 0 for a well-formed stream, 1 for a malformed one.
    int run(const QCommandLineParser& parser, QTextStream& out, QTextStream& err) const override;
};

} // namespace bitmig::cli
