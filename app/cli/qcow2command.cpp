#include "qcow2command.h"

#include "app/scenario/summaryjson.h"
#include "argumenterror.h"
#include "clitext.h"
#include "summaryreport.h"
#include "texttable.h"

#include <bitmig/dirtyextents.h>
#include <bitmig/printable.h>
#include <bitmig/qcow2image.h>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <optional>
#include <vector>

namespace bitmig::cli {

namespace {

QString flagsText(const Qcow2BitmapInfo& b)
{
    QStringList flags;
    if (b.inUse()) {
        flags.append(QStringLiteral("in_use"));
    }
    if (b.autoEnabled()) {
        flags.append(QStringLiteral("auto"));
    }
    return flags.isEmpty() ? QStringLiteral("-") : flags.join(QLatin1Char(','));
}

QString nameList(const Qcow2Image& image)
{
    QStringList names;
    for (const Qcow2BitmapInfo& b : image.bitmaps()) {
        names.append(shownName(b.name));
    }
    return names.join(QStringLiteral(", "));
}

uint64_t totalBytes(const std::vector<Range>& extents)
{
    uint64_t sum = 0;
    for (const Range& r : extents) {
        sum += r.count;
    }
    return sum;
}

// The extents of a bitmap that is not in use; the image's own errors propagate.
std::optional<std::vector<Range>> extentsOf(const Qcow2Image& image, const Qcow2BitmapInfo& b)
{
    if (b.inUse()) {
        return std::nullopt;
    }
    return dirtyExtents(image.loadBitmap(b.name).bits());
}

int list(const Qcow2Image& image, const std::vector<const Qcow2BitmapInfo*>& shown, bool json, QTextStream& out)
{
    // Load everything first, so a malformed bitmap gives an error and no partial listing.
    std::vector<std::optional<std::vector<Range>>> extents;
    for (const Qcow2BitmapInfo* b : shown) {
        extents.push_back(extentsOf(image, *b));
    }
    if (json) {
        QJsonArray bitmaps;
        for (size_t i = 0; i < shown.size(); ++i) {
            const Qcow2BitmapInfo& b = *shown[i];
            bitmaps.append(QJsonObject{
                {QStringLiteral("index"), SummaryJson::exact(uint64_t(b.index))},
                {QStringLiteral("name"), text(b.name)},
                {QStringLiteral("granularity"), SummaryJson::exact(b.granularity)},
                {QStringLiteral("flags"), SummaryJson::exact(uint64_t(b.flags))},
                {QStringLiteral("inUse"), b.inUse()},
                {QStringLiteral("auto"), b.autoEnabled()},
                {QStringLiteral("tableOffset"), SummaryJson::exact(b.tableOffset)},
                {QStringLiteral("tableSize"), SummaryJson::exact(uint64_t(b.tableSize))},
                {QStringLiteral("dirtyBytes"),
                 extents[i] ? SummaryJson::exact(totalBytes(*extents[i])) : QJsonValue(QJsonValue::Null)},
                {QStringLiteral("extents"),
                 extents[i] ? SummaryJson::exact(uint64_t(extents[i]->size())) : QJsonValue(QJsonValue::Null)},
            });
        }
        const QJsonObject doc{
            {QStringLiteral("file"), text(image.path())},
            {QStringLiteral("fileBytes"), SummaryJson::exact(image.fileBytes())},
            {QStringLiteral("version"), SummaryJson::exact(uint64_t(image.version()))},
            {QStringLiteral("clusterSize"), SummaryJson::exact(image.clusterSize())},
            {QStringLiteral("diskBytes"), SummaryJson::exact(image.diskBytes())},
            {QStringLiteral("bitmapsIgnored"), image.bitmapsIgnored()},
            {QStringLiteral("bitmaps"), bitmaps},
        };
        out << QJsonDocument(doc).toJson(QJsonDocument::Indented);
        return ExitOk;
    }

    out << QCoreApplication::translate("bitmig", "%1: qcow2 version %2, %3 disk (%4 bytes), %5 clusters, %6 bitmaps")
               .arg(text(image.path()), number(image.version()), SummaryReport::size(image.diskBytes()),
                    number(image.diskBytes()), SummaryReport::size(image.clusterSize()),
                    number(image.bitmaps().size()))
        << '\n';
    if (image.bitmapsIgnored()) {
        out << QCoreApplication::translate("bitmig", "The bitmaps extension is ignored: autoclear_features bit 0 is "
                                                     "clear, so every bitmap in it is stale.")
            << '\n';
    }
    if (shown.empty()) {
        return ExitOk;
    }
    out << '\n';
    TextTable table;
    table.addColumn(QCoreApplication::translate("bitmig", "name"), TextTable::Align::Left);
    table.addColumn(QCoreApplication::translate("bitmig", "granularity"), TextTable::Align::Right);
    table.addColumn(QCoreApplication::translate("bitmig", "flags"), TextTable::Align::Left);
    table.addColumn(QCoreApplication::translate("bitmig", "dirty bytes"), TextTable::Align::Right);
    table.addColumn(QCoreApplication::translate("bitmig", "extents"), TextTable::Align::Right);
    for (size_t i = 0; i < shown.size(); ++i) {
        const Qcow2BitmapInfo& b = *shown[i];
        const QString unknown = QStringLiteral("-");
        table.addRow({shownName(b.name), SummaryReport::size(b.granularity), flagsText(b),
                      extents[i] ? number(totalBytes(*extents[i])) : unknown,
                      extents[i] ? number(extents[i]->size()) : unknown});
    }
    table.write(out);
    return ExitOk;
}

int extentsOut(const Qcow2Image& image, const Qcow2BitmapInfo& b, bool json, QTextStream& out)
{
    const std::vector<Range> extents = dirtyExtents(image.loadBitmap(b.name).bits());
    if (json) {
        QJsonArray list;
        for (const Range& r : extents) {
            list.append(QJsonObject{{QStringLiteral("offset"), SummaryJson::exact(r.start)},
                                    {QStringLiteral("length"), SummaryJson::exact(r.count)}});
        }
        const QJsonObject doc{
            {QStringLiteral("file"), text(image.path())},
            {QStringLiteral("bitmap"), text(b.name)},
            {QStringLiteral("diskBytes"), SummaryJson::exact(image.diskBytes())},
            {QStringLiteral("granularity"), SummaryJson::exact(b.granularity)},
            {QStringLiteral("dirtyBytes"), SummaryJson::exact(totalBytes(extents))},
            {QStringLiteral("extents"), list},
        };
        out << QJsonDocument(doc).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    for (const Range& r : extents) {
        out << number(r.start) << ' ' << number(r.count) << '\n';
    }
    return ExitOk;
}

} // namespace

QString Qcow2Command::name() const
{
    return QStringLiteral("qcow2");
}

QString Qcow2Command::summary() const
{
    return QCoreApplication::translate("bitmig", "List the persistent bitmaps of a qcow2 image, or their dirty extents.");
}

QString Qcow2Command::usage() const
{
    return QCoreApplication::translate("bitmig", "bitmig qcow2 IMAGE [--bitmap NAME] [--extents] [--json]");
}

void Qcow2Command::setUp(QCommandLineParser& parser) const
{
    parser.setApplicationDescription(QCoreApplication::translate(
        "bitmig", "Reads the bitmaps extension of a qcow2 version 3 image (nothing is written) and lists its "
                  "bitmaps: name, granularity, flags, dirty bytes and extents. With --extents, prints the dirty "
                  "extents of one bitmap as \"offset length\" lines in bytes, adjacent granules merged. Exit "
                  "status 1 when the image or the bitmap is malformed or in use."));
    parser.addOption(QCommandLineOption(
        QStringLiteral("bitmap"),
        QCoreApplication::translate("bitmig", "Only this bitmap; needed by --extents when the image has more than one."),
        QStringLiteral("NAME")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("extents"),
        QCoreApplication::translate("bitmig", "Print the bitmap's dirty extents instead of the list.")));
    parser.addOption(
        QCommandLineOption(QStringLiteral("json"), QCoreApplication::translate("bitmig", "Write JSON.")));
    parser.addPositionalArgument(QStringLiteral("IMAGE"), QCoreApplication::translate("bitmig", "A qcow2 image."));
}

int Qcow2Command::run(const QCommandLineParser& parser, QTextStream& out, QTextStream& err) const
{
    const QStringList args = parser.positionalArguments();
    if (args.isEmpty()) {
        throw ArgumentError(QStringLiteral("IMAGE"), QCoreApplication::translate("bitmig", "missing"));
    }
    if (args.size() > 1) {
        throw ArgumentError(args[1], QCoreApplication::translate("bitmig", "unexpected argument"));
    }
    const bool json = parser.isSet(QStringLiteral("json"));
    const bool wantExtents = parser.isSet(QStringLiteral("extents"));
    const QString bitmapOption = QStringLiteral("--bitmap");
    const bool named = parser.isSet(QStringLiteral("bitmap"));
    const QString wanted = parser.value(QStringLiteral("bitmap"));
    if (named && wanted.isEmpty()) {
        throw ArgumentError(bitmapOption, QCoreApplication::translate("bitmig", "the name is empty"));
    }

    try {
        const Qcow2Image image(args[0].toStdString());
        const Qcow2BitmapInfo* chosen = nullptr;
        if (named) {
            chosen = image.find(wanted.toStdString());
            if (!chosen) {
                throw ArgumentError(bitmapOption,
                                    image.bitmaps().empty()
                                        ? QCoreApplication::translate("bitmig", "'%1': %2 has no bitmaps")
                                              .arg(shownName(wanted.toStdString()), args[0])
                                        : QCoreApplication::translate("bitmig", "'%1' is not a bitmap of %2 (it has %3)")
                                              .arg(shownName(wanted.toStdString()), args[0], nameList(image)));
            }
        }
        if (!wantExtents) {
            std::vector<const Qcow2BitmapInfo*> shown;
            for (const Qcow2BitmapInfo& b : image.bitmaps()) {
                if (!chosen || &b == chosen) {
                    shown.push_back(&b);
                }
            }
            return list(image, shown, json, out);
        }
        if (!chosen) {
            if (image.bitmaps().size() == 1) {
                chosen = &image.bitmaps().front();
            } else if (image.bitmaps().empty()) {
                out.flush();
                err << QCoreApplication::translate("bitmig", "bitmig: %1: the image has no bitmaps%2")
                           .arg(args[0], image.bitmapsIgnored()
                                             ? QCoreApplication::translate(
                                                   "bitmig", " (the bitmaps extension is ignored: autoclear_features "
                                                             "bit 0 is clear)")
                                             : QString())
                    << '\n';
                return ExitFailed;
            } else {
                throw ArgumentError(bitmapOption,
                                    QCoreApplication::translate("bitmig", "needed with --extents: %1 has %2 bitmaps (%3)")
                                        .arg(args[0], number(image.bitmaps().size()), nameList(image)));
            }
        }
        return extentsOut(image, *chosen, json, out);
    } catch (const Qcow2Error& e) {
        out.flush();
        if (e.structure().empty()) {
            // The file itself cannot be read: a bad argument, as for every other command.
            throw ArgumentError(args[0], text(e.reason()));
        }
        err << QStringLiteral("bitmig: ") << text(e.what()) << '\n';
        return ExitFailed;
    }
}

} // namespace bitmig::cli
