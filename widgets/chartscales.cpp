#include "chartscales.h"

#include "byteformat.h"

#include <QLocale>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace bitmig {

QString ChartScales::bytes(double bytes)
{
    const QLocale locale;
    if (bytes <= 0) {
        return locale.toString(0);
    }
    // formattedDataSize picks the binary unit from the value; pick just enough decimals for it so
    // tick labels read "4 MiB" and "1.5 MiB", not "4.00 MiB".
    const auto whole = qint64(std::llround(bytes));
    int power = 0;
    for (qint64 v = whole; v >= 1024; v /= 1024) {
        ++power;
    }
    const double scaled = double(whole) / std::pow(1024.0, power);
    int precision = 2;
    if (std::abs(scaled - std::round(scaled)) < 0.005) {
        precision = 0;
    } else if (std::abs(scaled * 10 - std::round(scaled * 10)) < 0.05) {
        precision = 1;
    }
    return formatBytes(uint64_t(whole), locale, precision);
}

QString ChartScales::rate(double bytesPerSecond)
{
    if (bytesPerSecond <= 0) {
        return QLocale().toString(0);
    }
    return tr("%1/s").arg(bytes(bytesPerSecond));
}

QString ChartScales::seconds(double seconds, int decimals)
{
    return tr("%1 s").arg(QLocale().toString(seconds, 'f', decimals));
}

QString ChartScales::span(double s)
{
    if (s < 1) {
        return tr("%1 ms").arg(QLocale().toString(s * 1e3, 'f', s < 0.01 ? 1 : 0));
    }
    return seconds(s, 2);
}

QString ChartScales::duration(const QString& number, units::TimeUnit unit)
{
    const char* pattern = QT_TR_NOOP("%1 ns");
    switch (unit) {
    case units::TimeUnit::Seconds:
        pattern = QT_TR_NOOP("%1 s");
        break;
    case units::TimeUnit::Milliseconds:
        pattern = QT_TR_NOOP("%1 ms");
        break;
    case units::TimeUnit::Microseconds:
        pattern = QT_TR_NOOP("%1 µs");
        break;
    case units::TimeUnit::Nanoseconds:
        break;
    }
    return tr(pattern).arg(QString(number).replace(QLatin1Char('.'), QLocale().decimalPoint()));
}

QString ChartScales::value(ChartKind kind, int series, double value)
{
    const QLocale locale;
    switch (kind) {
    case ChartKind::Throughput:
        return rate(value);
    case ChartKind::Overhead:
        return tr("%1 %").arg(locale.toString(value, 'f', 2));
    case ChartKind::Pending:
        return bytes(value);
    case ChartKind::DirtyRate:
        return series == 0 ? rate(value) : tr("%1 writes/s").arg(locale.toString(value, 'f', 0));
    }
    return {};
}

ChartScales::Axis ChartScales::timeAxis(double from, double to, int maxTicks)
{
    Axis axis;
    axis.scale = AxisTicks::decimal(from, to, maxTicks, false);
    const int decimals = AxisTicks::decimalsFor(axis.scale.step);
    for (double t : axis.scale.ticks) {
        axis.labels << seconds(t, decimals);
    }
    return axis;
}

std::array<ChartScales::Axis, 2> ChartScales::valueAxes(ChartKind kind, std::array<QList<QPointF>, 2>& points,
                                                         bool logScale, int maxTicks)
{
    std::array<double, 2> maxY{};
    double minPositive = std::numeric_limits<double>::infinity();
    bool zeros = false;
    for (size_t s = 0; s < 2; ++s) {
        for (const QPointF& p : points[s]) {
            maxY[s] = std::max(maxY[s], p.y());
            if (p.y() > 0) {
                minPositive = std::min(minPositive, p.y());
            } else {
                zeros = true;
            }
        }
    }
    const QLocale locale;
    std::array<Axis, 2> axes;
    auto label = [&](Axis& axis, auto&& format) {
        for (double t : axis.scale.ticks) {
            axis.labels << format(t);
        }
    };

    switch (kind) {
    case ChartKind::Throughput:
        axes[0].scale = AxisTicks::binary(std::max(maxY[0], maxY[1]) * kHeadroom, maxTicks);
        label(axes[0], [](double t) { return rate(t); });
        break;
    case ChartKind::Overhead: {
        // Buckets that carry only a record header (START, an end-of-pass marker) read 100 %; scaling
        // to them would flatten the line that matters, so the axis covers the bulk of the values
        // and those spikes run off the top (the tooltip still gives them).
        std::vector<double> values;
        values.reserve(size_t(points[0].size() + points[1].size()));
        for (const auto& list : points) {
            for (const QPointF& p : list) {
                values.push_back(p.y());
            }
        }
        double top = 1;
        if (!values.empty()) {
            const size_t at = size_t(double(values.size() - 1) * 0.9);
            std::nth_element(values.begin(), values.begin() + std::ptrdiff_t(at), values.end());
            top = std::max(values[at] * 1.25, 0.5);
            if (!points[1].isEmpty()) {
                top = std::max(top, points[1].last().y() * 1.25);
            }
        }
        axes[0].scale = AxisTicks::decimal(0, std::min(top, 100.0), maxTicks, true);
        const int decimals = AxisTicks::decimalsFor(axes[0].scale.step);
        label(axes[0], [&](double t) { return tr("%1 %").arg(locale.toString(t, 'f', decimals)); });
        break;
    }
    case ChartKind::Pending:
        if (logScale) {
            const double lo = std::isfinite(minPositive) ? std::log2(minPositive) - 1 : 10;
            const double hi = std::max({maxY[0], maxY[1], 2.0});
            axes[0].scale = AxisTicks::log2(std::max(0.0, lo), std::log2(hi * kHeadroom), maxTicks);
            const double floorExp = axes[0].scale.min;
            // Zeros are drawn on the floor, and no positive value comes within a factor of two of
            // it, so the floor reads as 0 when there are any.
            label(axes[0], [&](double t) {
                return zeros && t == floorExp ? locale.toString(0) : bytes(std::exp2(t));
            });
            for (auto& list : points) {
                for (QPointF& p : list) {
                    p.setY(std::max(floorExp, p.y() > 0 ? std::log2(p.y()) : floorExp));
                }
            }
        } else {
            axes[0].scale = AxisTicks::binary(std::max(maxY[0], maxY[1]) * kHeadroom, maxTicks);
            label(axes[0], [](double t) { return bytes(t); });
        }
        break;
    case ChartKind::DirtyRate: {
        axes[0].scale = AxisTicks::binary(maxY[0] * kHeadroom, maxTicks);
        label(axes[0], [](double t) { return rate(t); });
        axes[1].scale = AxisTicks::decimal(0, std::max(maxY[1] * kHeadroom, 1.0), maxTicks, true);
        const int decimals = AxisTicks::decimalsFor(axes[1].scale.step);
        label(axes[1], [&](double t) {
            return t == 0 ? locale.toString(0) : tr("%1/s").arg(locale.toString(t, 'f', decimals));
        });
        break;
    }
    }
    return axes;
}

} // namespace bitmig
