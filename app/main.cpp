#include "app/model/simulationcontroller.h"
#include "app/scenario/scenariofile.h"
#include "framestats.h"
#include "languagemanager.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

namespace {

int fail(const QString& message)
{
    QTextStream(stderr) << QCoreApplication::applicationName() << QStringLiteral(": ") << message << Qt::endl;
    return 2;
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("bitmig-lab"));
    QApplication::setApplicationDisplayName(QObject::tr("Bitmap Migration Lab"));
    QApplication::setOrganizationName(QStringLiteral("bitmig"));
    QApplication::setApplicationVersion(QStringLiteral(BITMIG_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.bitmig.BitmapMigrationLab"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/io.github.bitmig.BitmapMigrationLab.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QObject::tr("Watch and steer the live migration of block dirty bitmaps."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption autostart(QStringLiteral("autostart"), QObject::tr("Start the simulated clock at once."));
    const QCommandLineOption speed(QStringLiteral("speed"),
                                   QObject::tr("Simulated seconds per wall second (0.001 to 1000)."), QStringLiteral("X"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QObject::tr("Save a PNG of the main window and quit (see --after)."),
                                        QStringLiteral("FILE.png"));
    const QCommandLineOption after(QStringLiteral("after"),
                                   QObject::tr("Milliseconds of wall time before the screenshot (default 2000)."),
                                   QStringLiteral("MS"), QStringLiteral("2000"));
    const QCommandLineOption frameStats(QStringLiteral("frame-stats"),
                                        QObject::tr("Print frame-time percentiles on exit."));
    const QCommandLineOption scenario(QStringLiteral("scenario"), QObject::tr("Load a scenario file at start."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption lang(QStringLiteral("lang"), QObject::tr("User-interface language: en, de or ru."),
                                  QStringLiteral("CODE"));
    const QCommandLineOption theme(QStringLiteral("theme"), QObject::tr("Colour theme: system, light or dark."),
                                   QStringLiteral("THEME"));
    const QCommandLineOption fresh(QStringLiteral("no-settings"),
                                   QObject::tr("Start with the defaults; neither read nor write saved settings."));
    parser.addOptions({scenario, autostart, speed, screenshot, after, frameStats, lang, theme, fresh});
    parser.process(app);

    double speedValue = 0;
    if (parser.isSet(speed)) {
        bool ok = false;
        speedValue = parser.value(speed).toDouble(&ok);
        if (!ok || speedValue < bitmig::SimulationController::kMinSpeed ||
            speedValue > bitmig::SimulationController::kMaxSpeed) {
            return fail(QObject::tr("--speed: '%1' is not a number from 0.001 to 1000").arg(parser.value(speed)));
        }
    }
    int afterMs = 0;
    if (parser.isSet(screenshot)) {
        bool ok = false;
        afterMs = parser.value(after).toInt(&ok);
        if (!ok || afterMs < 0) {
            return fail(QObject::tr("--after: '%1' is not a number of milliseconds").arg(parser.value(after)));
        }
        const QFileInfo target(parser.value(screenshot));
        if (!target.absoluteDir().exists()) {
            return fail(QObject::tr("--screenshot: the folder of '%1' does not exist").arg(parser.value(screenshot)));
        }
    } else if (parser.isSet(after)) {
        return fail(QObject::tr("--after: only meaningful with --screenshot"));
    }

    if (parser.isSet(lang) && !bitmig::LanguageManager::isKnown(parser.value(lang))) {
        return fail(QObject::tr("--lang: '%1' is not one of en, de, ru").arg(parser.value(lang)));
    }
    bitmig::ThemeManager::Theme themeValue = bitmig::ThemeManager::Theme::System;
    if (parser.isSet(theme) && !bitmig::ThemeManager::parse(parser.value(theme), &themeValue)) {
        return fail(QObject::tr("--theme: '%1' is not one of system, light, dark").arg(parser.value(theme)));
    }
    if (parser.isSet(scenario)) {
        // The same words as `bitmig --scenario` and File > Open scenario: "FILE: does not exist".
        try {
            bitmig::ScenarioFile::checkReadable(parser.value(scenario));
        } catch (const bitmig::ScenarioError& e) {
            return fail(QObject::tr("--scenario: %1").arg(e.message()));
        }
    }

    bitmig::MainWindow window;
    if (parser.isSet(fresh)) {
        window.setSettingsEnabled(false);
    } else {
        window.restoreSettings();
    }
    if (parser.isSet(theme)) {
        window.setTheme(themeValue);
    }
    if (parser.isSet(lang)) {
        window.setLanguage(parser.value(lang));
    }
    if (parser.isSet(scenario)) {
        QString error;
        if (!window.openScenario(parser.value(scenario), &error)) {
            return fail(QObject::tr("--scenario: %1").arg(error));
        }
    }
    if (speedValue > 0) {
        window.setSpeed(speedValue);
    }
    window.show();
    if (parser.isSet(autostart)) {
        window.controller()->setPlaying(true);
    }
    int status = 0;
    if (parser.isSet(screenshot)) {
        const QString file = parser.value(screenshot);
        QTimer::singleShot(afterMs, &window, [&window, &status, file] {
            if (!window.grab().save(file, "PNG")) {
                status = fail(QObject::tr("--screenshot: cannot write '%1'").arg(file));
            }
            QCoreApplication::exit(status);
        });
    }
    const int code = app.exec();
    if (parser.isSet(frameStats)) {
        QTextStream(stdout) << window.frameStats()->report() << Qt::endl;
    }
    return code ? code : status;
}
