// English counts in their singular and plural: "1 pass", "2 passes". The sources write a count in
// the plural only (tr("%n passes", nullptr, n)) and English is their language, so without a
// translation Qt would read "1 passes". translations/bitmig_en.ts holds the English forms of every
// text with a count and nothing else; it is compiled into this library as ":/i18n/bitmig_en.qm"
// (scenario/CMakeLists.txt). The desktop app loads it as its English translation (LanguageManager);
// the `bitmig` command, which speaks English only, installs it at start.
#pragma once

#include <QString>

namespace bitmig::EnglishPlurals {

// The copy compiled into the program.
QString builtInFile();

// Installs the compiled-in English plurals into the running QCoreApplication, once, for its
// lifetime. False when it cannot be loaded (then counts read in the plural only).
bool install();

} // namespace bitmig::EnglishPlurals
