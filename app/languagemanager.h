// The user-interface language: English (the source strings), German or Russian. Installs the app's
// own translator (":/i18n/bitmig_<code>.qm") and Qt's for the standard dialogs, and sets the default
// QLocale so sizes, rates and times follow the language. English has a translation too: the
// singular and plural of the texts with a count ("1 pass", "2 passes"; app/scenario/englishplurals.h),
// loaded from the start, before any language is chosen.
#pragma once

#include <QCoreApplication>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTranslator>

#include <memory>

namespace bitmig {

class LanguageManager : public QObject {
    Q_OBJECT
public:
    // Starts in English, its plurals installed; the default QLocale is left as it is.
    explicit LanguageManager(QObject* parent = nullptr);
    ~LanguageManager() override;

    // "en", "de", "ru".
    static QStringList codes();
    // The language's own name ("Deutsch"), for the Language menu.
    static QString nativeName(const QString& code);
    static bool isKnown(const QString& code) { return codes().contains(code); }

    QString current() const { return current_; }
    // The .qm file the current language was loaded from: the installed one
    // (<prefix>/share/bitmig-lab/translations beside <prefix>/bin) when there is one, so packagers
    // can update it, else the copy compiled into the program (":/i18n"; English's is in
    // app/scenario, beside the `bitmig` command's texts). Empty when none could be loaded.
    QString loadedFrom() const { return loadedFrom_; }
    // Where installed translations are looked for.
    static QString installedDirectory();
    // Installs the translators; false (and nothing changed) for an unknown code or a missing
    // translation file. Emits languageChanged() when the language really changed.
    bool setLanguage(const QString& code);

Q_SIGNALS:
    void languageChanged(const QString& code);

private:
    void removeTranslators();
    // Loads and installs the translators of a known language; false (and nothing changed) when
    // its file is missing.
    bool install(const QString& code);

    QString current_ = QStringLiteral("en");
    QString loadedFrom_;
    std::unique_ptr<QTranslator> app_;
    std::unique_ptr<QTranslator> qt_;
};

} // namespace bitmig
