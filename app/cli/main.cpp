// bitmig: the headless command line of Bitmap Migration Lab (docs/cli.md).
#include "commandline.h"
#include "mappng.h"

#include <QCoreApplication>
#include <QTextStream>

#ifdef BITMIG_CLI_PNG
#include <QGuiApplication>
#endif

#include <cstdio>
#include <memory>

int main(int argc, char** argv)
{
    std::unique_ptr<QCoreApplication> app;
#ifdef BITMIG_CLI_PNG
    // A PNG map needs fonts and a painter: a graphics application, on no screen.
    if (bitmig::cli::MapPng::wanted(argc, argv)) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    }
#endif
    if (!app) {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("bitmig"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BITMIG_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    const int status = bitmig::cli::CommandLine().run(QCoreApplication::arguments(), out, err);
    out.flush();
    err.flush();
    return status;
}
