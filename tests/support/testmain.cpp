// The one Catch2 main of the Qt test binaries. BITMIG_TEST_GUI (set by the bitmig_testmain_gui
// library) picks a QApplication, for binaries that build widgets; without it a QCoreApplication,
// which the headless glue (event loop, queued signals, timers) and QProcess need. test_core keeps
// Catch2's own main: the core has no Qt, and its tests link none.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QSettings>
#include <QTemporaryDir>
#ifdef BITMIG_TEST_GUI
#include <QApplication>
#endif

int main(int argc, char** argv)
{
#ifdef BITMIG_TEST_GUI
    // Test discovery runs the binary at build time without the tests' environment: no display is
    // needed when nothing else was chosen.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
#else
    QCoreApplication app(argc, argv);
#endif
    // Whatever reads or writes QSettings (the window does) keeps away from the user's settings.
    QTemporaryDir settingsDir;
    QCoreApplication::setOrganizationName(QStringLiteral("bitmig-tests"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
    return Catch::Session().run(argc, argv);
}
