#include "chartdata.h"

#include <bitmig/csv.h>

#include <QJsonArray>
#include <QStringList>

#include <limits>

namespace bitmig {

namespace {

const QByteArray kHeader = "chart,series,unit,seconds,value";

QString number(double v)
{
    return QString::number(v, 'g', std::numeric_limits<double>::max_digits10);
}

// Splits one CSV record; false on an unterminated quote.
bool splitRecord(const QString& line, QStringList* fields)
{
    fields->clear();
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < line.size() && line.at(i + 1) == QLatin1Char('"')) {
                    field += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"') && field.isEmpty()) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            fields->append(field);
            field.clear();
        } else {
            field += c;
        }
    }
    fields->append(field);
    return !quoted;
}

void flatten(const QString& prefix, const QJsonValue& value, QList<QPair<QString, QString>>* rows)
{
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            flatten(prefix.isEmpty() ? it.key() : prefix + QLatin1Char('.') + it.key(), it.value(), rows);
        }
    } else if (value.isArray()) {
        const QJsonArray a = value.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            flatten(prefix + QLatin1Char('.') + QString::number(i), a.at(i), rows);
        }
    } else if (value.isBool()) {
        rows->append({prefix, value.toBool() ? QStringLiteral("true") : QStringLiteral("false")});
    } else if (value.isDouble()) {
        rows->append({prefix, number(value.toDouble())});
    } else if (value.isNull()) {
        rows->append({prefix, QString()});
    } else {
        rows->append({prefix, value.toString()});
    }
}

} // namespace

QString ChartData::csvField(const QString& field)
{
    return QString::fromStdString(bitmig::csvField(field.toStdString()));
}

QByteArray ChartData::toCsv(const QList<ChartSeriesData>& data)
{
    QByteArray out = kHeader + '\n';
    for (const ChartSeriesData& s : data) {
        const QString prefix =
            csvField(s.chart) + QLatin1Char(',') + csvField(s.series) + QLatin1Char(',') + csvField(s.unit) + QLatin1Char(',');
        for (const QPointF& p : s.points) {
            out += (prefix + number(p.x()) + QLatin1Char(',') + number(p.y()) + QLatin1Char('\n')).toUtf8();
        }
    }
    return out;
}

QList<ChartSeriesData> ChartData::fromCsv(const QByteArray& csv, const QString& sourceName)
{
    const QStringList lines = QString::fromUtf8(csv).split(QLatin1Char('\n'));
    auto fail = [&sourceName](qsizetype line, const QString& reason) {
        throw ChartDataError(tr("%1:%2: %3").arg(sourceName).arg(line).arg(reason).toStdString());
    };
    if (lines.isEmpty() || lines.first().trimmed().toUtf8() != kHeader) {
        fail(1, tr("expected the header '%1'").arg(QString::fromUtf8(kHeader)));
    }
    QList<ChartSeriesData> out;
    QStringList fields;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        QString line = lines.at(i);
        if (line.endsWith(QLatin1Char('\r'))) {
            line.chop(1);
        }
        if (line.isEmpty()) {
            continue;
        }
        // A quoted field may hold line breaks: the record goes on on the next line.
        const qsizetype first = i;
        while (!splitRecord(line, &fields)) {
            if (++i >= lines.size()) {
                fail(first + 1, tr("a quoted field is not closed"));
            }
            line += QLatin1Char('\n') + lines.at(i);
            if (line.endsWith(QLatin1Char('\r'))) {
                line.chop(1);
            }
        }
        if (fields.size() != 5) {
            fail(first + 1, tr("expected 5 fields, found %1").arg(fields.size()));
        }
        bool okX = false, okY = false;
        const double x = fields.at(3).toDouble(&okX);
        const double y = fields.at(4).toDouble(&okY);
        if (!okX) {
            fail(first + 1, tr("seconds '%1' is not a number").arg(fields.at(3)));
        }
        if (!okY) {
            fail(first + 1, tr("value '%1' is not a number").arg(fields.at(4)));
        }
        if (out.isEmpty() || out.last().chart != fields.at(0) || out.last().series != fields.at(1)) {
            out.append(ChartSeriesData{fields.at(0), fields.at(1), fields.at(2), {}});
        } else if (out.last().unit != fields.at(2)) {
            fail(first + 1, tr("unit '%1' differs from the series' unit '%2'").arg(fields.at(2), out.last().unit));
        }
        out.last().points.append(QPointF(x, y));
    }
    return out;
}

QJsonObject ChartData::toJson(const QList<ChartSeriesData>& data)
{
    QJsonArray series;
    for (const ChartSeriesData& s : data) {
        QJsonArray points;
        for (const QPointF& p : s.points) {
            points.append(QJsonArray{p.x(), p.y()});
        }
        series.append(QJsonObject{{QStringLiteral("chart"), s.chart},
                                  {QStringLiteral("series"), s.series},
                                  {QStringLiteral("unit"), s.unit},
                                  {QStringLiteral("points"), points}});
    }
    return QJsonObject{{QStringLiteral("format"), QStringLiteral("bitmig-chart-data")},
                       {QStringLiteral("version"), 1},
                       {QStringLiteral("series"), series}};
}

QByteArray ChartData::flattenToCsv(const QJsonObject& object)
{
    QList<QPair<QString, QString>> rows;
    flatten(QString(), object, &rows);
    QByteArray out = "key,value\n";
    for (const auto& [key, value] : rows) {
        out += (csvField(key) + QLatin1Char(',') + csvField(value) + QLatin1Char('\n')).toUtf8();
    }
    return out;
}

} // namespace bitmig
