// `bitmig qcow2 IMAGE`: the persistent dirty bitmaps of a qcow2 image, or one bitmap's dirty extents.
#pragma once

#include "command.h"

namespace bitmig::cli {

class Qcow2Command : public Command {
public:
    QString name() const override;
    QString summary() const override;
    QString usage() const override;
    void setUp(QCommandLineParser& parser) const override;
    // 0 on success, 1 when the image or the bitmap is malformed or in use, 2 for a bad argument
    // (an image that cannot be opened included).
    int run(const QCommandLineParser& parser, QTextStream& out, QTextStream& err) const override;
};

} // namespace bitmig::cli
