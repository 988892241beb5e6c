#include "timeseriescsv.h"

#include <QStringList>

namespace bitmig::cli {

QString TimeSeriesCsv::header()
{
    return QStringLiteral("time_s,duration_s,phase,pass,payload_bytes,header_bytes,throughput_Bps,overhead,"
                          "pending_bytes,threshold_bytes,dirty_bits,dirty_chunks,writes,redirtied_chunks");
}

QString TimeSeriesCsv::seconds(int64_t ns)
{
    // Printed from integers so that no rounding creeps into the time axis.
    const bool negative = ns < 0;
    const uint64_t magnitude = negative ? uint64_t(0) - uint64_t(ns) : uint64_t(ns);
    QString text = QString::number(qulonglong(magnitude / 1'000'000'000));
    if (const uint64_t fraction = magnitude % 1'000'000'000) {
        QString digits = QString::number(qulonglong(fraction)).rightJustified(9, QLatin1Char('0'));
        while (digits.endsWith(QLatin1Char('0'))) {
            digits.chop(1);
        }
        text += QLatin1Char('.') + digits;
    }
    return negative ? QLatin1Char('-') + text : text;
}

QString TimeSeriesCsv::row(const TimeSample& s)
{
    const std::string_view phase = phaseName(s.phase);
    return QStringList{
        seconds(s.timeNs),
        seconds(s.durationNs),
        QString::fromLatin1(phase.data(), qsizetype(phase.size())),
        QString::number(s.pass),
        QString::number(qulonglong(s.payloadBytes)),
        QString::number(qulonglong(s.headerBytes)),
        QString::number(s.throughput(), 'f', 1),
        QString::number(s.overhead(), 'f', 6),
        QString::number(qulonglong(s.pendingBytes)),
        QString::number(qulonglong(s.thresholdBytes)),
        QString::number(qulonglong(s.dirtyBits)),
        QString::number(qulonglong(s.dirtyChunks)),
        QString::number(qulonglong(s.writes)),
        QString::number(qulonglong(s.redirtiedChunks)),
    }
        .join(QLatin1Char(','));
}

void TimeSeriesCsv::write(QTextStream& out, const std::vector<TimeSample>& samples)
{
    out << header() << '\n';
    for (const TimeSample& s : samples) {
        out << row(s) << '\n';
    }
}

} // namespace bitmig::cli
