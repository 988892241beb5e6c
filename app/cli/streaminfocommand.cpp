#include "streaminfocommand.h"

#include "app/scenario/boundedfile.h"
#include "app/scenario/summaryjson.h"
#include "argumenterror.h"
#include "clitext.h"
#include "qemufilereport.h"
#include "streaminventory.h"
#include "summaryreport.h"

#include <bitmig/printable.h>
#include <bitmig/qemufile.h>

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace bitmig::cli {

namespace {

constexpr qint64 kMaxStreamFileBytes = qint64(2) << 30;

QString kindName(RecordKind kind)
{
    const std::string_view name = recordKindName(kind);
    return QString::fromLatin1(name.data(), qsizetype(name.size()));
}

QStringList names(const std::vector<std::string>& list)
{
    QStringList out;
    for (const std::string& s : list) {
        out.append(QString::fromStdString(s));
    }
    return out;
}

// Names from the stream, for the terminal: a crafted name with escape sequences or a newline is
// shown escaped (bitmig/printable.h) instead of colouring the terminal or forging a line.
QStringList shownNames(const std::vector<std::string>& list)
{
    QStringList out;
    for (const std::string& s : list) {
        out.append(QString::fromStdString(printable(s)));
    }
    return out;
}

void row(QTextStream& out, const QString& label, const QString& value)
{
    out << (label + QLatin1Char(':')).leftJustified(18) << ' ' << value << '\n';
}

QJsonObject errorJson(const StreamError& e)
{
    QJsonObject o{
        {QStringLiteral("reason"), QString::fromStdString(e.reason())},
        {QStringLiteral("message"), QString::fromStdString(e.what())},
        {QStringLiteral("offset"), SummaryJson::exact(e.offset())},
        {QStringLiteral("recordOffset"), SummaryJson::exact(e.recordOffset())},
        {QStringLiteral("recordIndex"), SummaryJson::exact(e.recordIndex())},
    };
    if (e.kind()) {
        o.insert(QStringLiteral("kind"), kindName(*e.kind()));
    }
    if (e.qemuOutcome()) {
        const std::string_view outcome = qemuOutcomeName(*e.qemuOutcome());
        o.insert(QStringLiteral("qemuOutcome"), QString::fromLatin1(outcome.data(), qsizetype(outcome.size())));
    }
    return o;
}

// The destination's nodes and bitmaps, as --destination-node and --destination-bitmap give them.
QemuDestination destinationOf(const QCommandLineParser& parser)
{
    QemuDestination d;
    const QStringList nodes = parser.values(QStringLiteral("destination-node"));
    if (!nodes.isEmpty()) {
        d.nodes.emplace();
        for (const QString& n : nodes) {
            if (n.isEmpty() || n.toUtf8().size() > 255) {
                throw ArgumentError(QStringLiteral("--destination-node"),
                                    QCoreApplication::translate("bitmig", "'%1' is not a node name of 1 to 255 bytes")
                                        .arg(n));
            }
            d.nodes->push_back(n.toStdString());
        }
    }
    for (const QString& b : parser.values(QStringLiteral("destination-bitmap"))) {
        const qsizetype slash = b.indexOf(QLatin1Char('/'));
        if (slash <= 0 || slash == b.size() - 1) {
            throw ArgumentError(QStringLiteral("--destination-bitmap"),
                                QCoreApplication::translate("bitmig", "'%1' is not NODE/NAME").arg(b));
        }
        d.bitmaps.emplace_back(b.left(slash).toStdString(), b.mid(slash + 1).toStdString());
    }
    return d;
}

} // namespace

int StreamInfoCommand::runQemuFile(const QCommandLineParser& parser, const QString& file,
                                   std::span<const uint8_t> bytes, QTextStream& out, QTextStream& err)
{
    const QemuFileInfo info =
        QemuFileInfo::read(bytes, destinationOf(parser), false, !parser.isSet(QStringLiteral("no-digest")));
    if (parser.isSet(QStringLiteral("json"))) {
        out << QJsonDocument(QemuFileReport::toJson(file, info)).toJson(QJsonDocument::Indented);
    } else {
        QemuFileReport::write(out, file, info);
    }
    if (info.error) {
        err << QCoreApplication::translate("bitmig", "bitmig: %1: %2").arg(file, QString::fromStdString(info.error->what()))
            << '\n';
        return ExitFailed;
    }
    if (info.stopped) {
        err << QCoreApplication::translate("bitmig", "bitmig: %1: stopped: %2")
                   .arg(file, QString::fromStdString(info.stopped->what()))
            << '\n';
    }
    return ExitOk;
}

QString StreamInfoCommand::name() const
{
    return QStringLiteral("stream-info");
}

QString StreamInfoCommand::summary() const
{
    return QCoreApplication::translate("bitmig", "Decode a stream written by simulate --stream, or a whole QEMU "
                                                 "migration file, and summarise it.");
}

QString StreamInfoCommand::usage() const
{
    return QCoreApplication::translate("bitmig", "bitmig stream-info [--json] [--no-digest] [--destination-node NODE]... "
                                                 "[--destination-bitmap NODE/NAME]... FILE");
}

void StreamInfoCommand::setUp(QCommandLineParser& parser) const
{
    parser.setApplicationDescription(QCoreApplication::translate(
        "bitmig", "Decodes a dirty-bitmap migration stream (savevm framing, no section footers) and counts "
                  "its records, sections and bytes; or walks a whole QEMU migration file (\"QEVM\") and "
                  "rebuilds the dirty bitmaps it carries. Exit status 1 when the input is malformed."));
    parser.addOption(QCommandLineOption(QStringLiteral("json"),
                                        QCoreApplication::translate("bitmig", "Write the summary as JSON.")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("no-digest"),
        QCoreApplication::translate("bitmig", "Count each bitmap of a migration file without its SHA-256 (the slowest "
                                              "part of the walk); the summary says the digest was not computed.")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("destination-node"),
        QCoreApplication::translate("bitmig", "A node (or drive alias) the QEMU destination has; repeat for each. "
                                              "Without it every node the records name is assumed present."),
        QStringLiteral("NODE")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("destination-bitmap"),
        QCoreApplication::translate("bitmig", "A bitmap the QEMU destination already has, as NODE/NAME; repeat for "
                                              "each. Without it none is assumed."),
        QStringLiteral("NODE/NAME")));
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QCoreApplication::translate("bitmig", "The stream, as simulate --stream wrote it, or a "
                                                                       "migration file."));
}

int StreamInfoCommand::run(const QCommandLineParser& parser, QTextStream& out, QTextStream& err) const
{
    const QStringList args = parser.positionalArguments();
    if (args.isEmpty()) {
        throw ArgumentError(QStringLiteral("FILE"), QCoreApplication::translate("bitmig", "missing"));
    }
    if (args.size() > 1) {
        throw ArgumentError(args[1], QCoreApplication::translate("bitmig", "unexpected argument"));
    }
    // The stream is decoded in memory: only a regular file, and at most 2 GiB of it.
    QString why;
    const QByteArray data = BoundedFile::read(args[0], kMaxStreamFileBytes, QStringLiteral("2 GiB"), &why);
    if (!why.isEmpty()) {
        throw ArgumentError(args[0], why);
    }
    const std::span<const uint8_t> bytes(reinterpret_cast<const uint8_t*>(data.constData()), size_t(data.size()));
    if (qemufile::looksLikeQemuFile(bytes)) {
        return runQemuFile(parser, args[0], bytes, out, err);
    }
    const StreamInventory inv = StreamInventory::take(bytes, destinationOf(parser));

    QStringList granularities;
    QJsonArray granularityList;
    for (uint32_t g : inv.granularities) {
        granularities.append(SummaryReport::size(g));
        granularityList.append(SummaryJson::exact(uint64_t(g)));
    }

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject json{
            {QStringLiteral("file"), args[0]},
            {QStringLiteral("container"), QStringLiteral("section")},
            {QStringLiteral("bytes"), SummaryJson::exact(inv.bytes)},
            {QStringLiteral("decodedBytes"), SummaryJson::exact(inv.decodedBytes)},
            {QStringLiteral("records"), SummaryJson::exact(inv.records)},
            {QStringLiteral("recordsByKind"),
             QJsonObject{{kindName(RecordKind::Start), SummaryJson::exact(inv.startRecords)},
                         {kindName(RecordKind::Bits), SummaryJson::exact(inv.bitsRecords)},
                         {kindName(RecordKind::Complete), SummaryJson::exact(inv.completeRecords)},
                         {kindName(RecordKind::Eos), SummaryJson::exact(inv.eosRecords)}}},
            {QStringLiteral("bitsData"), SummaryJson::exact(inv.bitsRecords - inv.zeroesRecords)},
            {QStringLiteral("bitsZeroes"), SummaryJson::exact(inv.zeroesRecords)},
            {QStringLiteral("sections"), SummaryJson::exact(inv.sections)},
            {QStringLiteral("sectionsByType"),
             QJsonObject{{QStringLiteral("START"), SummaryJson::exact(inv.startSections)},
                         {QStringLiteral("PART"), SummaryJson::exact(inv.partSections)},
                         {QStringLiteral("END"), SummaryJson::exact(inv.endSections)}}},
            {QStringLiteral("bufferBytes"), SummaryJson::exact(inv.bufferBytes)},
            {QStringLiteral("payloadBytes"), SummaryJson::exact(inv.payloadBytes)},
            {QStringLiteral("headerBytes"), SummaryJson::exact(inv.headerBytes)},
            {QStringLiteral("granularities"), granularityList},
            {QStringLiteral("devices"), QJsonArray::fromStringList(names(inv.devices))},
            {QStringLiteral("bitmaps"), QJsonArray::fromStringList(names(inv.bitmaps))},
            {QStringLiteral("qemuLoad"), QemuFileReport::verdictJson(inv.qemuLoad)},
            {QStringLiteral("valid"), !inv.error.has_value()},
        };
        if (inv.error) {
            json.insert(QStringLiteral("error"), errorJson(*inv.error));
        }
        out << QJsonDocument(json).toJson(QJsonDocument::Indented);
    } else {
        row(out, QCoreApplication::translate("bitmig", "File"), args[0]);
        row(out, QCoreApplication::translate("bitmig", "Bytes"),
            QStringLiteral("%1 (%2)").arg(number(inv.bytes), SummaryReport::size(inv.bytes)));
        row(out, QCoreApplication::translate("bitmig", "Container"),
            QCoreApplication::translate("bitmig", "dirty-bitmap sections"));
        row(out, QCoreApplication::translate("bitmig", "Records"),
            QCoreApplication::translate("bitmig", "%1 (START %2, BITS %3, COMPLETE %4, EOS %5)")
                .arg(number(inv.records), number(inv.startRecords), number(inv.bitsRecords),
                     number(inv.completeRecords), number(inv.eosRecords)));
        row(out, QCoreApplication::translate("bitmig", "BITS"),
            QCoreApplication::translate("bitmig", "%1 data, %2 zeroes")
                .arg(number(inv.bitsRecords - inv.zeroesRecords), number(inv.zeroesRecords)));
        row(out, QCoreApplication::translate("bitmig", "Sections"),
            QCoreApplication::translate("bitmig", "%1 (START %2, PART %3, END %4)")
                .arg(number(inv.sections), number(inv.startSections), number(inv.partSections),
                     number(inv.endSections)));
        row(out, QCoreApplication::translate("bitmig", "Payload bytes"),
            QCoreApplication::translate("bitmig", "%1 (bitmap bytes; buffers %2)")
                .arg(number(inv.payloadBytes), number(inv.bufferBytes)));
        row(out, QCoreApplication::translate("bitmig", "Header bytes"), number(inv.headerBytes));
        row(out, QCoreApplication::translate("bitmig", "Granularity"),
            granularities.isEmpty() ? QCoreApplication::translate("bitmig", "(no START record)")
                                    : granularities.join(QStringLiteral(", ")));
        row(out, QCoreApplication::translate("bitmig", "Devices"), shownNames(inv.devices).join(QStringLiteral(", ")));
        row(out, QCoreApplication::translate("bitmig", "Bitmaps"), shownNames(inv.bitmaps).join(QStringLiteral(", ")));
        QemuFileReport::writeVerdict(out, inv.qemuLoad);
        if (inv.error) {
            const StreamError& e = *inv.error;
            row(out, QCoreApplication::translate("bitmig", "Error"),
                QCoreApplication::translate("bitmig", "at byte %1, record %2%3 starting at byte %4: %5")
                    .arg(number(e.offset()), number(e.recordIndex()),
                         e.kind() ? QStringLiteral(" (%1)").arg(kindName(*e.kind())) : QString(),
                         number(e.recordOffset()), QString::fromStdString(e.reason())));
        } else {
            row(out, QCoreApplication::translate("bitmig", "Status"),
                QCoreApplication::translate("bitmig", "well-formed"));
        }
    }
    if (inv.error) {
        err << QCoreApplication::translate("bitmig", "bitmig: %1: %2").arg(args[0], QString::fromStdString(inv.error->what()))
            << '\n';
        return ExitFailed;
    }
    return ExitOk;
}

} // namespace bitmig::cli
