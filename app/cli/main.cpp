// bitmig: the headless command line of Bitmap Migration Lab (docs/cli.md).
#include "commandline.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("bitmig"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BITMIG_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    const int status = bitmig::cli::CommandLine().run(QCoreApplication::arguments(), out, err);
    out.flush();
    err.flush();
    return status;
}
