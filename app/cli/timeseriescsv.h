// The engine's time series as CSV, one row per sample bucket (columns in docs/cli.md).
#pragma once

#include <bitmig/migrationsummary.h>

#include <QString>
#include <QTextStream>

#include <vector>

namespace bitmig::cli {

class TimeSeriesCsv {
public:
    static QString header();
    static QString row(const TimeSample& sample);
    static void write(QTextStream& out, const std::vector<TimeSample>& samples);

    // Whole nanoseconds as exact decimal seconds ("0.01", "1.5", "2").
    static QString seconds(int64_t ns);
};

} // namespace bitmig::cli
