// `bitmig sweep`: the same migration over many chunk sizes and, optionally, one more parameter.
#pragma once

#include "command.h"

namespace bitmig::cli {

class SweepCommand : public Command {
public:
    QString name() const override;
    QString summary() const override;
    QString usage() const override;
    void setUp(QCommandLineParser& parser) const override;
    // 0 when every point that ran verified, 1 otherwise; 2 also when no point is valid.
    int run(const QCommandLineParser& parser, QTextStream& out, QTextStream& err) const override;
};

} // namespace bitmig::cli
