#pragma once

#include <QLocale>
#include <QString>

namespace bitmig {

// A count with its noun ("1 extent", "2 extents") through Qt's plural forms. The caller passes
// tr(source, nullptr, n) with source in the English plural ("%Ln extents"), so a translation
// gives every form its language needs ("%Ln Extent | %Ln Extents"). The app ships no English
// translation file, so untranslated text (the source with its count put in) takes the English
// singular for a count of one.
inline QString countedText(const QString& translated, const char* source, const char* singular, int n)
{
    const QString untranslated = QString::fromUtf8(source)
                                     .replace(QLatin1String("%Ln"), QLocale().toString(n))
                                     .replace(QLatin1String("%n"), QString::number(n));
    if (n != 1 || translated != untranslated) {
        return translated;
    }
    return QString::fromUtf8(singular)
        .replace(QLatin1String("%Ln"), QLocale().toString(n))
        .replace(QLatin1String("%n"), QString::number(n));
}

} // namespace bitmig
