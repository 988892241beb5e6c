// The data behind the charts as plain values, for export (CSV, JSON) and re-import. A series is one
// line of one chart: its points are (simulated seconds, value in the chart's unit).
#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QPointF>
#include <QString>

#include <stdexcept>

namespace bitmig {

struct ChartSeriesData {
    QString chart;   // a stable key: "throughput", "overhead", "pending", "dirty-rate"
    QString series;  // the series name as the legend shows it
    QString unit;    // "bytes/s", "%", "bytes", "writes/s"
    QList<QPointF> points;
    friend bool operator==(const ChartSeriesData&, const ChartSeriesData&) = default;
};

// A CSV that does not parse: the message names the source, the line and the reason.
class ChartDataError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class ChartData {
    Q_DECLARE_TR_FUNCTIONS(ChartData)

public:
    // Long format, one row per point: chart,series,unit,seconds,value. Values are written with
    // enough digits to read back the same double.
    static QByteArray toCsv(const QList<ChartSeriesData>& data);
    static QList<ChartSeriesData> fromCsv(const QByteArray& csv, const QString& sourceName);
    // {"format": "bitmig-chart-data", "version": 1, "series": [{chart, series, unit, points: [[s, v]...]}]}
    static QJsonObject toJson(const QList<ChartSeriesData>& data);

    // A flat key,value CSV of any JSON object: nested keys joined with '.', array items by index.
    static QByteArray flattenToCsv(const QJsonObject& object);

    // RFC 4180 quoting when a field holds a comma, quote or line break.
    static QString csvField(const QString& field);
};

} // namespace bitmig
