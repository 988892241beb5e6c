// `bitmig simulate`: runs one migration to the end and reports what it measured.
#pragma once

#include "command.h"

namespace bitmig::cli {

class SimulateCommand : public Command {
public:
    QString name() const override;
    QString summary() const override;
    QString usage() const override;
    void setUp(QCommandLineParser& parser) const override;
    // 0 when the run verified, 1 when it did not (or did not finish).
    int run(const QCommandLineParser& parser, QTextStream& out, QTextStream& err) const override;
};

} // namespace bitmig::cli
