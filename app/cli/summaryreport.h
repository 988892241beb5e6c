// The text summary of one simulated migration, as `bitmig simulate` prints it.
#pragma once

#include <bitmig/migrationsummary.h>
#include <bitmig/simconfig.h>

#include <QString>
#include <QTextStream>

#include <cstdint>

namespace bitmig::cli {

class SummaryReport {
public:
    static void write(QTextStream& out, const SimConfig& config, const MigrationSummary& summary);
    // The "Workload:" value: the generator's kind, rate and write sizes and the seed; for idle no rate
    // or sizes (it makes no writes), but the trace it replays, if any.
    static QString workload(const SimConfig& config);
    // The "Link faults:" value: the fault times in order and the retry delay ("at 1.5 s, 3 s; retry
    // after 200 ms" or "...; no retry").
    static QString faultSchedule(const SimConfig& config);

    // "300 ms (300000000 ns)"-style figures shared with the sweep table.
    static QString size(uint64_t bytes);       // "2 MiB"
    static QString duration(int64_t ns);       // "12.5 ms"
    static QString bandwidth(double bytesPerSecond);
    static QString percent(double share);      // "2.04 %"
    static QString yesNo(bool value);
};

} // namespace bitmig::cli
