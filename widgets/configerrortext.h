// A refused configuration value (bitmig::ConfigError) or unreadable text (bitmig::UnitError) in the
// reader's language: the reason
// phrased with tr(), its figures in the locale's numbers and units.
#pragma once

#include <bitmig/configerror.h>
#include <bitmig/units.h>

#include <QCoreApplication>
#include <QLocale>
#include <QString>

namespace bitmig {

class ConfigErrorText {
    Q_DECLARE_TR_FUNCTIONS(ConfigErrorText)

public:
    // The reason alone: "must be between 1 µs and 1 s, got 2 s".
    static QString reason(const ConfigError& error, const QLocale& locale = QLocale());
    // The field's name (as the scenario file and validate() name it: "tick", "workload.rate",
    // "injections[2]"), a colon and the reason.
    static QString message(const ConfigError& error, const QLocale& locale = QLocale());
    // One figure in its unit: "512 B", "1 MiB", "10 Tbit/s", "300 ms", "1e9".
    static QString quantity(const ConfigQuantity& q, const QLocale& locale = QLocale());
    // Text a field could not read as a size, bandwidth, duration or count (bitmig::UnitError):
    // "'10 Gbitz' has an unknown bandwidth unit 'Gbitz' (...)", in the reader's language.
    static QString unreadable(const UnitError& error);
};

} // namespace bitmig
