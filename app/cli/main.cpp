// bitmig: the headless command line of Bitmap Migration Lab (docs/cli.md).
#include "app/scenario/englishplurals.h"
#include "commandline.h"
#include "mappng.h"

#include <QCoreApplication>
#include <QTextStream>

#ifdef BITMIG_CLI_PNG
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QTemporaryDir>
#endif

#include <cstdio>
#include <memory>

int main(int argc, char** argv)
{
#ifdef BITMIG_CLI_PNG
    // Outlives the application: the runtime folder a graphics application may ask for.
    std::unique_ptr<QTemporaryDir> runtimeDir;
#endif
    std::unique_ptr<QCoreApplication> app;
#ifdef BITMIG_CLI_PNG
    // A PNG map needs fonts and a painter: a graphics application, on no screen. Without a session
    // (cron, ssh, a container) there is no XDG_RUNTIME_DIR, and Qt would say so on standard error
    // and fall back to a shared folder in /tmp: a private one (mode 0700), removed on exit, instead.
    if (bitmig::cli::MapPng::wanted(argc, argv)) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        const QByteArray runtime = qgetenv("XDG_RUNTIME_DIR");
        if (runtime.isEmpty() || !QFileInfo(QFile::decodeName(runtime)).isDir()) {
            runtimeDir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/bitmig-runtime-XXXXXX"));
            if (runtimeDir->isValid()) {
                qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtimeDir->path()));
            }
        }
        app = std::make_unique<QGuiApplication>(argc, argv);
    }
#endif
    if (!app) {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("bitmig"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BITMIG_VERSION));
    // Counts read "1 pass", "2 passes" (a comparison's lane names).
    bitmig::EnglishPlurals::install();
    QTextStream out(stdout);
    QTextStream err(stderr);
    const int status = bitmig::cli::CommandLine().run(QCoreApplication::arguments(), out, err);
    out.flush();
    err.flush();
    return status;
}
