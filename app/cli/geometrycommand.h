// `bitmig geometry`: what each chunk size means for a disk and granularity (the seed thread's table).
#pragma once

#include "command.h"

namespace bitmig::cli {

class GeometryCommand : public Command {
public:
    QString name() const override;
    QString summary() const override;
    QString usage() const override;
    void setUp(QCommandLineParser& parser) const override;
    int run(const QCommandLineParser& parser, QTextStream& out, QTextStream& err) const override;
};

} // namespace bitmig::cli
