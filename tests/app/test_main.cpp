#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QApplication>
#include <QSettings>
#include <QTemporaryDir>

#include <cstdlib>

int main(int argc, char** argv)
{
    // Test discovery runs this binary at build time without the test environment.
    if (!std::getenv("QT_QPA_PLATFORM")) {
        setenv("QT_QPA_PLATFORM", "offscreen", 1);
    }
    QApplication app(argc, argv);
    // The window reads and writes QSettings: keep the tests' settings away from the user's.
    QTemporaryDir settingsDir;
    QCoreApplication::setOrganizationName(QStringLiteral("bitmig-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("test_app"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
    return Catch::Session().run(argc, argv);
}
