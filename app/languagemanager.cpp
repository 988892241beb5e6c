#include "languagemanager.h"

#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>

namespace bitmig {

namespace {

// Numbers, dates and sizes are written as the language writes them: the same in English at start
// as after a switch back to English, whatever the system's locale.
void setLocaleOf(const QString& code)
{
    if (code == QLatin1String("de")) {
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    } else if (code == QLatin1String("ru")) {
        QLocale::setDefault(QLocale(QLocale::Russian, QLocale::Russia));
    } else {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }
}

} // namespace

LanguageManager::LanguageManager(QObject* parent) : QObject(parent)
{
    install(current_);
    setLocaleOf(current_);
}

LanguageManager::~LanguageManager()
{
    removeTranslators();
}

QStringList LanguageManager::codes()
{
    return {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("ru")};
}

QString LanguageManager::nativeName(const QString& code)
{
    if (code == QLatin1String("de")) {
        return QStringLiteral("Deutsch");
    }
    if (code == QLatin1String("ru")) {
        return QStringLiteral("Русский");
    }
    return QStringLiteral("English");
}

QString LanguageManager::installedDirectory()
{
    return QDir::cleanPath(QCoreApplication::applicationDirPath() +
                           QStringLiteral("/../share/bitmig-lab/translations"));
}

void LanguageManager::removeTranslators()
{
    for (auto* t : {app_.get(), qt_.get()}) {
        if (t) {
            QCoreApplication::removeTranslator(t);
        }
    }
    app_.reset();
    qt_.reset();
}

bool LanguageManager::install(const QString& code)
{
    std::unique_ptr<QTranslator> app = std::make_unique<QTranslator>();
    const QString name = QStringLiteral("bitmig_%1.qm").arg(code);
    const QString installed = QDir(installedDirectory()).filePath(name);
    const QString builtIn = QStringLiteral(":/i18n/") + name;  // English too: EnglishPlurals::builtInFile()
    QString from;
    if (QFileInfo::exists(installed) && app->load(installed)) {
        from = installed;
    } else if (app->load(builtIn)) {
        from = builtIn;
    } else {
        return false;
    }
    // Qt's own strings (standard buttons, file dialogs); absent on a minimal install, which only
    // leaves those few in English. Qt speaks English without one.
    std::unique_ptr<QTranslator> qt;
    if (code != QLatin1String("en")) {
        qt = std::make_unique<QTranslator>();
        if (!qt->load(QStringLiteral("qtbase_%1").arg(code), QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            qt.reset();
        }
    }
    removeTranslators();
    app_ = std::move(app);
    qt_ = std::move(qt);
    for (auto* t : {app_.get(), qt_.get()}) {
        if (t) {
            QCoreApplication::installTranslator(t);
        }
    }
    loadedFrom_ = from;
    return true;
}

bool LanguageManager::setLanguage(const QString& code)
{
    if (!isKnown(code)) {
        return false;
    }
    if (code == current_) {
        return true;
    }
    if (!install(code)) {
        return false;
    }
    setLocaleOf(code);
    current_ = code;
    Q_EMIT languageChanged(code);
    return true;
}

} // namespace bitmig
