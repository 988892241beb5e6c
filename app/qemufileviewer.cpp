#include "qemufileviewer.h"

#include "app/scenario/boundedfile.h"
#include "messagebar.h"
#include "widgets/byteformat.h"
#include "widgets/heatmapview.h"
#include "widgets/zoomstack.h"

#include <bitmig/hbitmap.h>
#include <bitmig/heatmapgeometry.h>
#include <bitmig/printable.h>
#include <bitmig/snapshotbuilder.h>
#include <bitmig/streamformat.h>

#include <QDir>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace bitmig {

namespace {

QString shown(const std::string& s)
{
    return QString::fromStdString(printable(s));
}

QString outcomeText(QemuOutcome outcome)
{
    switch (outcome) {
    case QemuOutcome::Loads:
        return QemuFileViewer::tr("a QEMU 7.2 destination loads every bitmap");
    case QemuOutcome::DropsBitmaps:
        return QemuFileViewer::tr("a QEMU 7.2 destination drops every incoming bitmap (the migration completes)");
    case QemuOutcome::FailsMigration:
        return QemuFileViewer::tr("a QEMU 7.2 destination fails the migration");
    case QemuOutcome::Aborts:
        return QemuFileViewer::tr("a QEMU 7.2 destination aborts (an assertion ends the process)");
    }
    return {};
}

QString sectionName(uint8_t type)
{
    const std::string_view name = qemufile::sectionTypeName(type);
    return QString::fromLatin1(name.data(), qsizetype(name.size()));
}

QString recordName(QemuLoaderRecord::Kind kind, bool zeroes)
{
    switch (kind) {
    case QemuLoaderRecord::Kind::Start:
        return QStringLiteral("START");
    case QemuLoaderRecord::Kind::Complete:
        return QStringLiteral("COMPLETE");
    case QemuLoaderRecord::Kind::Bits:
        return zeroes ? QStringLiteral("BITS (ZEROES)") : QStringLiteral("BITS");
    case QemuLoaderRecord::Kind::Eos:
        return QStringLiteral("EOS");
    case QemuLoaderRecord::Kind::None:
        break;
    }
    return {};
}

} // namespace

QemuRecordModel::QemuRecordModel(QObject* parent) : QAbstractTableModel(parent) {}

void QemuRecordModel::setInfo(const QemuFileInfo* info)
{
    beginResetModel();
    info_ = info;
    endResetModel();
}

int QemuRecordModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !info_ ? 0 : int(std::min<size_t>(info_->records.size(), size_t(INT32_MAX)));
}

int QemuRecordModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant QemuRecordModel::data(const QModelIndex& index, int role) const
{
    if (!info_ || !index.isValid() || size_t(index.row()) >= info_->records.size()) {
        return {};
    }
    const QemuRecordEntry& r = info_->records[size_t(index.row())];
    const bool bits = r.kind == QemuLoaderRecord::Kind::Bits;
    if (role == Qt::TextAlignmentRole) {
        return index.column() == Offset || index.column() >= StartSector ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                                         : QVariant();
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    const QLocale locale;
    switch (Column(index.column())) {
    case Offset:
        return locale.toString(qulonglong(r.offset));
    case Section:
        return sectionName(r.sectionType);
    case Record:
        return recordName(r.kind, r.zeroes);
    case Bitmap:
        if (r.bitmap >= 0 && size_t(r.bitmap) < info_->bitmaps.size()) {
            const QemuBitmapInfo& b = info_->bitmaps[size_t(r.bitmap)];
            return shown(b.node) + QLatin1Char('/') + shown(b.name);
        }
        return {};
    case StartSector:
        return bits ? locale.toString(qulonglong(r.startSector)) : QString();
    case Sectors:
        return bits ? locale.toString(qulonglong(r.nrSectors)) : QString();
    case Buffer:
        return bits && !r.zeroes ? formatBytes(r.bufSize, locale) : QString();
    case ColumnCount:
        break;
    }
    return {};
}

QVariant QemuRecordModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (Column(section)) {
    case Offset:
        return QemuFileViewer::tr("Offset");
    case Section:
        return QemuFileViewer::tr("Section");
    case Record:
        return QemuFileViewer::tr("Record");
    case Bitmap:
        return QemuFileViewer::tr("Bitmap");
    case StartSector:
        return QemuFileViewer::tr("Start sector");
    case Sectors:
        return QemuFileViewer::tr("Sectors");
    case Buffer:
        return QemuFileViewer::tr("Buffer");
    case ColumnCount:
        break;
    }
    return {};
}

void QemuRecordModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

QemuFileViewer::QemuFileViewer(QWidget* parent) : QWidget(parent, Qt::Window)
{
    setAttribute(Qt::WA_DeleteOnClose);
    auto* layout = new QVBoxLayout(this);
    messages_ = new MessageBar(this);
    layout->addWidget(messages_);

    auto* split = new QSplitter(Qt::Vertical, this);
    layout->addWidget(split, 1);
    auto* top = new QSplitter(Qt::Horizontal, split);
    list_ = new QListWidget(top);
    auto* right = new QWidget(top);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    details_ = new QLabel(right);
    details_->setTextFormat(Qt::PlainText);
    details_->setWordWrap(true);
    details_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    rightLayout->addWidget(details_);
    heatmap_ = new HeatmapView(right);
    heatmap_->setShowDestination(false);
    heatmap_->setShowsSentChunks(false);  // a file: nothing is being sent
    rightLayout->addWidget(heatmap_, 1);
    top->setStretchFactor(1, 1);

    records_ = new QemuRecordModel(this);
    table_ = new QTableView(split);
    table_->setModel(records_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);

    connect(list_, &QListWidget::currentRowChanged, this, &QemuFileViewer::showBitmap);
    connect(heatmap_, &HeatmapView::requestChanged, this, &QemuFileViewer::rebuild);
    connect(table_, &QTableView::doubleClicked, this, &QemuFileViewer::zoomToRecord);
    resize(1000, 720);
    retranslateUi();
}

QemuFileViewer::~QemuFileViewer() = default;

bool QemuFileViewer::load(const QString& path)
{
    path_ = path;
    retranslateUi();
    QString why;
    const QByteArray data = BoundedFile::read(path, kMaxFileBytes, QStringLiteral("2 GiB"), &why);
    if (!why.isEmpty()) {
        messages_->showMessage(tr("Cannot open %1: %2").arg(QDir::toNativeSeparators(path), why));
        return false;
    }
    const std::span<const uint8_t> bytes(reinterpret_cast<const uint8_t*>(data.constData()), size_t(data.size()));
    current_ = -1;
    records_->setInfo(nullptr);
    info_ = qemufile::looksLikeQemuFile(bytes) ? QemuFileInfo::read(bytes, {}, true)
                                               : QemuFileInfo::readSections(bytes, {}, true);
    records_->setInfo(&info_);
    list_->clear();
    for (const QemuBitmapInfo& b : info_.bitmaps) {
        list_->addItem(shown(b.node) + QLatin1Char('/') + shown(b.name));
    }
    showMessages();
    if (!info_.bitmaps.empty()) {
        list_->setCurrentRow(0);
    } else {
        showDetails();
    }
    return true;
}

void QemuFileViewer::showMessages()
{
    QStringList lines;
    MessageBar::Kind kind = MessageBar::Kind::Information;
    if (info_.error) {
        lines << tr("%1: byte %2: %3")
                     .arg(QDir::toNativeSeparators(path_), QLocale().toString(qulonglong(info_.error->offset())),
                          QString::fromStdString(info_.error->reason()));
        kind = MessageBar::Kind::Error;
    } else if (info_.stopped) {
        lines << tr("%1: the walk stopped at byte %2: %3")
                     .arg(QDir::toNativeSeparators(path_), QLocale().toString(qulonglong(info_.stopped->offset())),
                          QString::fromStdString(info_.stopped->reason()));
        kind = MessageBar::Kind::Warning;
    }
    if (const QemuFinding* f = info_.qemuLoad.decisive()) {
        lines << tr("%1 at byte %2: \"%3\"")
                     .arg(outcomeText(info_.qemuLoad.outcome), QLocale().toString(qulonglong(f->offset)),
                          shown(f->qemuMessage));
        if (kind == MessageBar::Kind::Information) {
            kind = MessageBar::Kind::Warning;
        }
    }
    if (lines.isEmpty()) {
        messages_->dismiss();
    } else {
        messages_->showMessage(lines.join(QLatin1Char('\n')), kind);
    }
}

void QemuFileViewer::showBitmap(int index)
{
    if (index < 0 || size_t(index) >= info_.bitmaps.size()) {
        return;
    }
    current_ = index;
    showDetails();
    const QemuBitmapInfo& b = info_.bitmaps[size_t(index)];
    heatmap_->setVisible(b.bits != nullptr);
    if (b.bits) {
        heatmap_->zoomStack()->setTotalBits(b.bits->bitCount());
        heatmap_->zoomStack()->resetZoom();
        rebuild(heatmap_->currentRequest());
    }
}

void QemuFileViewer::showDetails()
{
    const QLocale locale;
    QStringList lines;
    lines << tr("File: %1 (%2)").arg(QDir::toNativeSeparators(path_), formatBytes(info_.bytes, locale));
    lines << tr("QEMU: %1").arg(outcomeText(info_.qemuLoad.outcome));
    if (current_ >= 0) {
        const QemuBitmapInfo& b = info_.bitmaps[size_t(current_)];
        QStringList flags;
        flags << (b.enabled ? tr("enabled") : tr("disabled"));
        if (b.persistent) {
            flags << tr("persistent");
        }
        if (!b.complete) {
            flags << tr("no COMPLETE");
        }
        lines << tr("Node %1, bitmap %2; granularity %3; %4")
                     .arg(shown(b.node), shown(b.name), formatBytes(b.granularity, locale), flags.join(QStringLiteral(", ")));
        if (!b.sha256.empty()) {
            lines << tr("%1 dirty of %2; SHA-256 %3")
                         .arg(formatBytes(b.dirtyBytes, locale), formatBytes(b.diskBytes, locale),
                              QString::fromStdString(b.sha256));
        } else if (!b.notRebuilt.empty()) {
            lines << tr("Bits not rebuilt: %1").arg(shown(b.notRebuilt));
        } else {
            lines << tr("No chunk of this bitmap arrived");
        }
    } else {
        lines << tr("No bitmap in this file");
    }
    details_->setText(lines.join(QLatin1Char('\n')));
}

void QemuFileViewer::rebuild(const HeatmapRequest& request)
{
    if (current_ < 0) {
        return;
    }
    const QemuBitmapInfo& b = info_.bitmaps[size_t(current_)];
    if (!b.bits) {
        return;
    }
    // The file's chunks as the meta band, rows aligned to them.
    const HBitmap& bits = *b.bits;
    auto s = SnapshotBuilder::ofBitmap(bits, b.dataChunks.get(), b.chunkBits, b.diskBytes, b.granularity,
                                       SnapshotBuilder::requestedGeometry(bits.bitCount(), request, b.chunkBits));
    s->serial = ++serial_;
    s->runId = uint64_t(current_) + 1;
    s->phase = Phase::Done;
    s->finished = true;
    heatmap_->setSnapshot(std::move(s));
    showBandTexts();
}

// A file has no meta bitmap: the band under the file's bitmap shows the chunks its BITS records sent
// with data (the others went as ZEROES records).
void QemuFileViewer::showBandTexts()
{
    const SimSnapshotPtr s = heatmap_->snapshot();
    if (!s) {
        return;
    }
    const QLocale locale;
    heatmap_->setBandText(HeatmapView::Band::Meta,
                          tr("Chunks sent with data (1 bit = %1)").arg(formatBytes(s->chunkBits * s->config->granularity, locale)),
                          tr("%1 of %2 chunks in BITS records with data, the rest in ZEROES records or not sent")
                              .arg(locale.toString(qulonglong(s->dirtyChunks)), locale.toString(qulonglong(s->chunkCount))));
}

void QemuFileViewer::zoomToRecord(const QModelIndex& index)
{
    if (!index.isValid() || size_t(index.row()) >= info_.records.size()) {
        return;
    }
    const QemuRecordEntry& r = info_.records[size_t(index.row())];
    if (r.kind != QemuLoaderRecord::Kind::Bits || r.bitmap < 0) {
        return;
    }
    if (r.bitmap != current_) {
        list_->setCurrentRow(r.bitmap);
    }
    const QemuBitmapInfo& b = info_.bitmaps[size_t(r.bitmap)];
    if (!b.bits) {
        return;
    }
    const uint64_t first = r.startSector * stream::kSectorSize / b.granularity;
    const uint64_t end = (r.startSector + r.nrSectors) * stream::kSectorSize / b.granularity;
    heatmap_->zoomStack()->zoomTo(first, std::max(end, first + 1));
}

void QemuFileViewer::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        showDetails();
        showBandTexts();
        showMessages();
        records_->retranslate();
    }
    QWidget::changeEvent(event);
}

void QemuFileViewer::retranslateUi()
{
    setWindowTitle(path_.isEmpty() ? tr("Migration file")
                                   : tr("Migration file: %1").arg(QDir::toNativeSeparators(path_)));
    list_->setAccessibleName(tr("Bitmaps in the file"));
    table_->setAccessibleName(tr("Records in the file"));
}

} // namespace bitmig
