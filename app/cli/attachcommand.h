// `bitmig attach SOCKET`: the dirty bitmaps of a running QEMU through its QMP socket: the nodes and
// their bitmaps, one bitmap's extents (read over NBD), or its changes refresh after refresh,
// recorded as a trace the simulator replays (docs/cli.md).
#pragma once

#include "command.h"

namespace bitmig::cli {

class AttachCommand : public Command {
public:
    QString name() const override;
    QString summary() const override;
    QString usage() const override;
    void setUp(QCommandLineParser& parser) const override;
    // 0 on success (a watch ended by --refreshes or by SIGINT/SIGTERM included), 1 when QEMU fails
    // or goes away, 2 for a bad argument (a path that is no QMP socket, an unknown node or bitmap).
    int run(const QCommandLineParser& parser, QTextStream& out, QTextStream& err) const override;
};

} // namespace bitmig::cli
