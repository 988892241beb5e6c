#include "englishplurals.h"

#include <QCoreApplication>
#include <QPointer>
#include <QTranslator>

namespace bitmig::EnglishPlurals {

QString builtInFile()
{
    return QStringLiteral(":/i18n/bitmig_en.qm");
}

bool install()
{
    static QPointer<QTranslator> installed;
    if (installed) {
        return true;
    }
    if (!QCoreApplication::instance()) {
        return false;
    }
    auto* translator = new QTranslator(QCoreApplication::instance());
    if (!translator->load(builtInFile())) {
        delete translator;
        return false;
    }
    QCoreApplication::installTranslator(translator);
    installed = translator;
    return true;
}

} // namespace bitmig::EnglishPlurals
