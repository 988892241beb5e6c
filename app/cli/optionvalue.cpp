#include "optionvalue.h"

#include "argumenterror.h"
#include "clitext.h"

#include <bitmig/chunkgeometry.h>
#include <bitmig/units.h>

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

#include <bit>
#include <cmath>
#include <stdexcept>

namespace bitmig::cli {

namespace {

// The core's parsers explain the problem in English without naming the argument; we add the name.
template <class Parse>
auto parsed(const QString& option, const QString& text, Parse parse)
{
    try {
        return parse(text.toStdString());
    } catch (const std::invalid_argument& e) {
        throw ArgumentError(option, QString::fromStdString(e.what()));
    }
}

} // namespace

uint64_t OptionValue::size(const QString& option, const QString& text)
{
    return parsed(option, text, [](const std::string& s) { return units::parseSize(s); });
}

uint64_t OptionValue::chunkSize(const QString& option, const QString& text)
{
    const uint64_t bytes = size(option, text);
    if (bytes == 0 || bytes > kMaxChunkBytes || !std::has_single_bit(bytes)) {
        throw ArgumentError(option, QCoreApplication::translate("bitmig", "'%1' is not a power of two from 1 B to 1 MiB")
                                        .arg(shownValue(text)));
    }
    return bytes;
}

uint64_t OptionValue::granularity(const QString& option, const QString& text)
{
    const uint64_t bytes = size(option, text);
    if (bytes < 512 || !std::has_single_bit(bytes)) {
        throw ArgumentError(option,
                            QCoreApplication::translate("bitmig", "'%1' is not a power of two of at least 512 bytes")
                                .arg(shownValue(text)));
    }
    return bytes;
}

double OptionValue::bandwidth(const QString& option, const QString& text)
{
    return parsed(option, text, [](const std::string& s) { return units::parseBandwidth(s); });
}

int64_t OptionValue::duration(const QString& option, const QString& text)
{
    return parsed(option, text, [](const std::string& s) { return units::parseDuration(s); });
}

double OptionValue::count(const QString& option, const QString& text)
{
    return parsed(option, text, [](const std::string& s) { return units::parseCount(s); });
}

double OptionValue::real(const QString& option, const QString& text)
{
    bool ok = false;
    const double value = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(value)) {
        throw ArgumentError(option, QCoreApplication::translate("bitmig", "'%1' is not a number").arg(shownValue(text)));
    }
    return value;
}

uint64_t OptionValue::integer(const QString& option, const QString& text, uint64_t min, uint64_t max)
{
    // The range as the scenario reader states it: "from 0 to 2^64 - 1".
    const QString range = QCoreApplication::translate("bitmig", "%1 to %2")
                              .arg(QString::number(qulonglong(min)),
                                   max == std::numeric_limits<uint64_t>::max() ? QStringLiteral("2^64 - 1")
                                                                               : QString::number(qulonglong(max)));
    const QString t = text.trimmed();
    bool ok = false;
    const qulonglong value = t.toULongLong(&ok, 10);
    static const QRegularExpression digits(QStringLiteral("^\\+?[0-9]+$"));
    if (!ok && !digits.match(t).hasMatch()) {
        throw ArgumentError(option,
                            QCoreApplication::translate("bitmig", "'%1' is not a whole number from %2").arg(shownValue(text), range));
    }
    if (!ok || value > max) {  // digits that do not fit in 64 bits are a whole number too, only too large
        throw ArgumentError(
            option, QCoreApplication::translate("bitmig", "'%1' is too large (use a whole number from %2)").arg(shownValue(text), range));
    }
    if (value < min) {
        throw ArgumentError(
            option, QCoreApplication::translate("bitmig", "'%1' is too small (use a whole number from %2)").arg(shownValue(text), range));
    }
    return value;
}

Strategy OptionValue::strategy(const QString& option, const QString& text)
{
    try {
        return parseStrategy(text.trimmed().toStdString());
    } catch (const std::invalid_argument&) {
        throw ArgumentError(option, QCoreApplication::translate(
                                        "bitmig", "'%1' is not a strategy (use precopy, postcopy or stop-copy)")
                                        .arg(shownValue(text)));
    }
}

WorkloadKind OptionValue::workload(const QString& option, const QString& text)
{
    try {
        return parseWorkloadKind(text.trimmed().toStdString());
    } catch (const std::invalid_argument&) {
        throw ArgumentError(
            option, QCoreApplication::translate(
                        "bitmig", "'%1' is not a workload (use idle, uniform, sequential, hotspot, zipf or bursts)")
                        .arg(shownValue(text)));
    }
}

std::pair<uint64_t, uint64_t> OptionValue::writeSizes(const QString& option, const QString& text)
{
    const QStringList parts = text.split(QStringLiteral(".."));
    if (parts.size() == 1) {
        const uint64_t bytes = size(option, parts[0]);
        return {bytes, bytes};
    }
    if (parts.size() != 2) {
        throw ArgumentError(option,
                            QCoreApplication::translate("bitmig", "'%1' is not SIZE or MIN..MAX").arg(shownValue(text)));
    }
    const uint64_t lo = size(option, parts[0]);
    const uint64_t hi = size(option, parts[1]);
    if (hi < lo) {
        throw ArgumentError(option, QCoreApplication::translate("bitmig", "'%1': the maximum is below the minimum")
                                        .arg(shownValue(text)));
    }
    return {lo, hi};
}

std::vector<uint64_t> OptionValue::chunkList(const QString& option, const QString& text)
{
    const QString t = text.trimmed();
    if (t == QLatin1String("all")) {
        return ChunkGeometry::allChunkSizes();
    }
    if (t == QLatin1String("seed")) {
        return ChunkGeometry::seedChunkSizes();
    }
    std::vector<uint64_t> sizes;
    for (const QString& item : t.split(QLatin1Char(','))) {
        if (item.trimmed().isEmpty()) {
            throw ArgumentError(option, QCoreApplication::translate(
                                            "bitmig", "'%1' has an empty item (use a comma list of sizes, "
                                                      "\"all\" or \"seed\")")
                                            .arg(shownValue(text)));
        }
        sizes.push_back(chunkSize(option, item.trimmed()));
    }
    return sizes;
}

Injection OptionValue::injection(const QString& option, const QString& text)
{
    const QStringList parts = text.split(QLatin1Char(':'));
    if (parts.size() != 4) {
        throw ArgumentError(
            option, QCoreApplication::translate("bitmig", "'%1' is not TIME:write|clear:OFFSET:LENGTH").arg(shownValue(text)));
    }
    Injection io;
    io.timeNs = duration(option, parts[0]);
    const QString op = parts[1].trimmed();
    if (const std::optional<Injection::Op> named = parseInjectionOp(op.toStdString())) {
        io.op = *named;
    } else {
        throw ArgumentError(option, QCoreApplication::translate("bitmig", "'%1' in '%2' is neither write nor clear")
                                        .arg(shownValue(parts[1]), shownValue(text)));
    }
    io.offset = size(option, parts[2]);
    io.length = size(option, parts[3]);
    return io;
}

} // namespace bitmig::cli
