#include "qemufilereport.h"

#include "app/scenario/summaryjson.h"
#include "clitext.h"
#include "summaryreport.h"

#include <bitmig/printable.h>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonValue>
#include <QStringList>

namespace bitmig::cli {

namespace {

void row(QTextStream& out, const QString& label, const QString& value)
{
    out << (label + QLatin1Char(':')).leftJustified(18) << ' ' << value << '\n';
}

QJsonObject errorJson(const QemuFileError& e)
{
    QJsonObject o{
        {QStringLiteral("reason"), text(e.reason())},
        {QStringLiteral("message"), text(e.what())},
        {QStringLiteral("offset"), SummaryJson::exact(e.offset())},
        {QStringLiteral("itemOffset"), SummaryJson::exact(e.itemOffset())},
    };
    if (!e.section().empty()) {
        o.insert(QStringLiteral("section"), text(e.section()));
    }
    if (e.sectionId()) {
        o.insert(QStringLiteral("sectionId"), SummaryJson::exact(uint64_t(*e.sectionId())));
    }
    return o;
}

QString commandName(uint16_t command)
{
    return command == qemufile::kCommandPostcopyAdvise ? QStringLiteral("POSTCOPY_ADVISE")
                                                       : QStringLiteral("command %1").arg(command);
}

QString outcomeId(QemuOutcome outcome)
{
    const std::string_view name = qemuOutcomeName(outcome);
    return QString::fromLatin1(name.data(), qsizetype(name.size()));
}

} // namespace

QString QemuFileReport::outcomeText(QemuOutcome outcome)
{
    switch (outcome) {
    case QemuOutcome::Loads:
        return QCoreApplication::translate("bitmig", "loads every bitmap");
    case QemuOutcome::DropsBitmaps:
        return QCoreApplication::translate("bitmig", "drops every incoming bitmap (the migration completes)");
    case QemuOutcome::FailsMigration:
        return QCoreApplication::translate("bitmig", "fails the migration");
    case QemuOutcome::Aborts:
        return QCoreApplication::translate("bitmig", "aborts (an assertion ends the process)");
    }
    return {};
}

QJsonObject QemuFileReport::verdictJson(const QemuLoadVerdict& verdict)
{
    QJsonArray findings;
    for (const QemuFinding& f : verdict.findings) {
        findings.append(QJsonObject{
            {QStringLiteral("outcome"), outcomeId(f.outcome)},
            {QStringLiteral("offset"), SummaryJson::exact(f.offset)},
            {QStringLiteral("check"), text(f.check)},
            {QStringLiteral("qemuMessage"), text(f.qemuMessage)},
            {QStringLiteral("detail"), text(f.detail)},
        });
    }
    return QJsonObject{
        {QStringLiteral("outcome"), outcomeId(verdict.outcome)},
        {QStringLiteral("nodes"), verdict.assumedNodes ? QStringLiteral("assumed") : QStringLiteral("given")},
        {QStringLiteral("bitmaps"), verdict.givenBitmaps ? QStringLiteral("given") : QStringLiteral("assumed")},
        {QStringLiteral("findings"), findings},
    };
}

void QemuFileReport::writeVerdict(QTextStream& out, const QemuLoadVerdict& verdict)
{
    row(out, QCoreApplication::translate("bitmig", "QEMU 7.2"), outcomeText(verdict.outcome));
    for (const QemuFinding& f : verdict.findings) {
        QString line = QCoreApplication::translate("bitmig", "%1 at byte %2: \"%3\"")
                           .arg(outcomeText(f.outcome), number(f.offset), shownName(f.qemuMessage));
        if (!f.detail.empty()) {
            line += QStringLiteral(" (%1)").arg(shownName(f.detail));
        }
        row(out, QCoreApplication::translate("bitmig", "QEMU refuses"), line);
    }
    const QString nodes = verdict.assumedNodes
                              ? QCoreApplication::translate("bitmig", "assumed to have every node the records name, "
                                                                      "each disk ending at its last chunk "
                                                                      "(--destination-node)")
                              : QCoreApplication::translate("bitmig", "the nodes --destination-node gives");
    const QString bitmaps = verdict.givenBitmaps
                                ? QCoreApplication::translate("bitmig", "the bitmaps --destination-bitmap gives")
                                : QCoreApplication::translate("bitmig", "assumed to have none of the bitmaps "
                                                                        "(--destination-bitmap)");
    row(out, QCoreApplication::translate("bitmig", "Destination"), nodes + QStringLiteral("; ") + bitmaps);
}

QJsonObject QemuFileReport::toJson(const QString& file, const QemuFileInfo& info)
{
    QJsonArray commands;
    for (uint16_t c : info.commands) {
        commands.append(commandName(c));
    }
    QJsonArray sections;
    for (const QemuSectionSummary& s : info.sections) {
        sections.append(QJsonObject{
            {QStringLiteral("id"), SummaryJson::exact(uint64_t(s.id))},
            {QStringLiteral("name"), text(s.name)},
            {QStringLiteral("instance"), SummaryJson::exact(uint64_t(s.instance))},
            {QStringLiteral("version"), SummaryJson::exact(uint64_t(s.version))},
            {QStringLiteral("offset"), SummaryJson::exact(s.firstOffset)},
            {QStringLiteral("start"), SummaryJson::exact(s.start)},
            {QStringLiteral("part"), SummaryJson::exact(s.part)},
            {QStringLiteral("end"), SummaryJson::exact(s.end)},
            {QStringLiteral("full"), SummaryJson::exact(s.full)},
            {QStringLiteral("footers"), SummaryJson::exact(s.footers)},
            {QStringLiteral("bytes"), SummaryJson::exact(s.bytes)},
        });
    }
    QJsonArray blocks;
    for (const auto& [name, length] : info.ramBlocks) {
        blocks.append(QJsonObject{{QStringLiteral("name"), text(name)},
                                  {QStringLiteral("bytes"), SummaryJson::exact(length)}});
    }
    QJsonArray bitmaps;
    for (const QemuBitmapInfo& b : info.bitmaps) {
        QJsonObject o{
            {QStringLiteral("node"), text(b.node)},
            {QStringLiteral("name"), text(b.name)},
            {QStringLiteral("granularity"), SummaryJson::exact(uint64_t(b.granularity))},
            {QStringLiteral("enabled"), b.enabled},
            {QStringLiteral("persistent"), b.persistent},
            {QStringLiteral("complete"), b.complete},
            {QStringLiteral("chunks"), SummaryJson::exact(b.chunks)},
            {QStringLiteral("diskBytes"), SummaryJson::exact(b.diskBytes)},
        };
        if (!b.sha256.empty()) {
            o.insert(QStringLiteral("dirtyBytes"), SummaryJson::exact(b.dirtyBytes));
            o.insert(QStringLiteral("sha256"), text(b.sha256));
        } else if (b.digestSkipped) {
            o.insert(QStringLiteral("dirtyBytes"), SummaryJson::exact(b.dirtyBytes));
            o.insert(QStringLiteral("sha256"), QJsonValue(QJsonValue::Null));
            o.insert(QStringLiteral("sha256NotComputed"), true);
        }
        if (!b.notRebuilt.empty()) {
            o.insert(QStringLiteral("notRebuilt"), text(b.notRebuilt));
        }
        bitmaps.append(o);
    }
    QJsonObject json{
        {QStringLiteral("file"), file},
        {QStringLiteral("container"), QStringLiteral("qemu")},
        {QStringLiteral("bytes"), SummaryJson::exact(info.bytes)},
        {QStringLiteral("parsedBytes"), SummaryJson::exact(info.parsedBytes)},
        {QStringLiteral("version"), SummaryJson::exact(uint64_t(info.version))},
        {QStringLiteral("machine"), text(info.machine)},
        {QStringLiteral("commands"), commands},
        {QStringLiteral("qemuSections"), sections},
        {QStringLiteral("ram"),
         QJsonObject{{QStringLiteral("totalBytes"), SummaryJson::exact(info.ramTotalBytes)},
                     {QStringLiteral("blocks"), blocks},
                     {QStringLiteral("zeroPages"), SummaryJson::exact(info.ramZeroPages)},
                     {QStringLiteral("normalPages"), SummaryJson::exact(info.ramNormalPages)}}},
        {QStringLiteral("recordsByKind"),
         QJsonObject{{QStringLiteral("START"), SummaryJson::exact(info.bitmapStartRecords)},
                     {QStringLiteral("BITS"), SummaryJson::exact(info.bitmapBitsRecords)},
                     {QStringLiteral("COMPLETE"), SummaryJson::exact(info.bitmapCompleteRecords)},
                     {QStringLiteral("EOS"), SummaryJson::exact(info.bitmapEosRecords)}}},
        {QStringLiteral("bitsZeroes"), SummaryJson::exact(info.bitmapZeroesRecords)},
        {QStringLiteral("bitmaps"), bitmaps},
        {QStringLiteral("eof"), info.eof},
        {QStringLiteral("description"), info.description ? QJsonValue(text(*info.description)) : QJsonValue()},
        {QStringLiteral("qemuLoad"), verdictJson(info.qemuLoad)},
        {QStringLiteral("walked"), !info.stopped && !info.error},
        {QStringLiteral("valid"), !info.error.has_value()},
    };
    if (info.stopped) {
        json.insert(QStringLiteral("stopped"), errorJson(*info.stopped));
    }
    if (info.error) {
        json.insert(QStringLiteral("error"), errorJson(*info.error));
    }
    return json;
}

void QemuFileReport::write(QTextStream& out, const QString& file, const QemuFileInfo& info)
{
    row(out, QCoreApplication::translate("bitmig", "File"), file);
    row(out, QCoreApplication::translate("bitmig", "Bytes"),
        QStringLiteral("%1 (%2)").arg(number(info.bytes), SummaryReport::size(info.bytes)));
    row(out, QCoreApplication::translate("bitmig", "Container"),
        QCoreApplication::translate("bitmig", "QEMU migration file, version %1").arg(info.version));
    row(out, QCoreApplication::translate("bitmig", "Machine"),
        info.machine.empty() ? QCoreApplication::translate("bitmig", "(no configuration)") : shownName(info.machine));
    QStringList commands;
    for (uint16_t c : info.commands) {
        commands.append(commandName(c));
    }
    row(out, QCoreApplication::translate("bitmig", "Commands"),
        commands.isEmpty() ? QCoreApplication::translate("bitmig", "(none)") : commands.join(QStringLiteral(", ")));
    for (const QemuSectionSummary& s : info.sections) {
        row(out, QCoreApplication::translate("bitmig", "Section %1").arg(s.id),
            QCoreApplication::translate("bitmig", "%1 v%2: START %3, PART %4, END %5, FULL %6, footers %7, %8 bytes")
                .arg(shownName(s.name), number(s.version), number(s.start), number(s.part), number(s.end),
                     number(s.full), number(s.footers), number(s.bytes)));
    }
    row(out, QCoreApplication::translate("bitmig", "RAM"),
        QCoreApplication::translate("bitmig", "%1 in %2 blocks; %3 zero pages, %4 normal pages")
            .arg(SummaryReport::size(info.ramTotalBytes), number(info.ramBlocks.size()), number(info.ramZeroPages),
                 number(info.ramNormalPages)));
    row(out, QCoreApplication::translate("bitmig", "Bitmap records"),
        QCoreApplication::translate("bitmig", "START %1, BITS %2 (%3 zeroes), COMPLETE %4, EOS %5")
            .arg(number(info.bitmapStartRecords), number(info.bitmapBitsRecords), number(info.bitmapZeroesRecords),
                 number(info.bitmapCompleteRecords), number(info.bitmapEosRecords)));
    for (const QemuBitmapInfo& b : info.bitmaps) {
        QString flags = b.enabled ? QCoreApplication::translate("bitmig", "enabled")
                                  : QCoreApplication::translate("bitmig", "disabled");
        if (b.persistent) {
            flags += QStringLiteral(", ") + QCoreApplication::translate("bitmig", "persistent");
        }
        if (!b.complete) {
            flags += QStringLiteral(", ") + QCoreApplication::translate("bitmig", "no COMPLETE");
        }
        QString value = QCoreApplication::translate("bitmig", "%1/%2: granularity %3, %4")
                            .arg(shownName(b.node), shownName(b.name), SummaryReport::size(b.granularity), flags);
        if (!b.sha256.empty()) {
            value += QCoreApplication::translate("bitmig", "; %1 dirty of %2; sha256 %3")
                         .arg(SummaryReport::size(b.dirtyBytes), SummaryReport::size(b.diskBytes), text(b.sha256));
        } else if (b.digestSkipped) {
            value += QCoreApplication::translate("bitmig", "; %1 dirty of %2; sha256 not computed (--no-digest)")
                         .arg(SummaryReport::size(b.dirtyBytes), SummaryReport::size(b.diskBytes));
        } else if (!b.notRebuilt.empty()) {
            value += QCoreApplication::translate("bitmig", "; bits not rebuilt: %1").arg(shownName(b.notRebuilt));
        } else {
            value += QCoreApplication::translate("bitmig", "; bits not rebuilt");
        }
        row(out, QCoreApplication::translate("bitmig", "Bitmap"), value);
    }
    row(out, QCoreApplication::translate("bitmig", "EOF"),
        info.eof ? QCoreApplication::translate("bitmig", "yes") : QCoreApplication::translate("bitmig", "no"));
    row(out, QCoreApplication::translate("bitmig", "Description"),
        info.description ? QCoreApplication::translate("bitmig", "%1 bytes of JSON").arg(info.description->size())
                         : QCoreApplication::translate("bitmig", "(none)"));
    writeVerdict(out, info.qemuLoad);
    if (info.error) {
        row(out, QCoreApplication::translate("bitmig", "Error"), text(info.error->what()));
    } else if (info.stopped) {
        row(out, QCoreApplication::translate("bitmig", "Stopped"), text(info.stopped->what()));
    } else {
        row(out, QCoreApplication::translate("bitmig", "Status"), QCoreApplication::translate("bitmig", "well-formed"));
    }
}

} // namespace bitmig::cli
