#include "seedtablemodel.h"

#include "byteformat.h"

#include <QBrush>
#include <QFont>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

#include <algorithm>

namespace bitmig {

SeedTableModel::SeedTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void SeedTableModel::setGeometry(uint64_t diskBytes, uint64_t granularity, uint64_t currentChunk)
{
    std::vector<uint64_t> sizes = ChunkGeometry::seedChunkSizes();
    if (std::find(sizes.begin(), sizes.end(), currentChunk) == sizes.end()) {
        sizes.push_back(currentChunk);
        std::sort(sizes.begin(), sizes.end(), std::greater<>());
    }
    std::vector<ChunkGeometry> rows;
    int current = -1;
    for (uint64_t chunk : sizes) {
        try {
            rows.push_back(ChunkGeometry::compute(diskBytes, granularity, chunk));
        } catch (const std::invalid_argument&) {
            continue;  // a granularity the table cannot describe: leave the row out
        }
        if (chunk == currentChunk) {
            current = int(rows.size()) - 1;
        }
    }
    // The same rows with another one current (a row picked in the table): the rows stay, so a
    // view keeps its selection (rows selected to compare them).
    const auto sameRow = [](const ChunkGeometry& a, const ChunkGeometry& b) {
        return a.diskBytes == b.diskBytes && a.granularity == b.granularity && a.chunkBytes == b.chunkBytes;
    };
    if (!rows_.empty() && rows.size() == rows_.size() && std::equal(rows.begin(), rows.end(), rows_.begin(), sameRow)) {
        currentRow_ = current;
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
        return;
    }
    beginResetModel();
    rows_ = std::move(rows);
    currentRow_ = current;
    endResetModel();
}

int SeedTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(rows_.size());
}

int SeedTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SeedTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= int(rows_.size())) {
        return {};
    }
    const ChunkGeometry& g = rows_[size_t(index.row())];
    const bool current = index.row() == currentRow_;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ChunkColumn:
            // Marked where a QEMU destination cannot load the stream; the tool tip says why.
            return g.qemuLoad == ChunkGeometry::QemuLoad::Loads ? formatBytes(g.chunkBytes)
                                                                 : tr("%1 ✗").arg(formatBytes(g.chunkBytes));
        case CoverageColumn:
            return formatBytes(g.coverage);
        case ChunksColumn:
            return QLocale().toString(qulonglong(g.metaBits));
        case OverheadColumn:
            return tr("%1 %").arg(QLocale().toString(100 * g.overhead, 'f', 1));
        }
        break;
    case Qt::ToolTipRole: {
        const QString text =
            tr("Chunks of %1: one meta bit covers %2 of disk; a data record carries %3 bytes of header and "
               "%4 bytes of padding.")
                .arg(formatBytes(g.chunkBytes), formatBytes(g.coverage), QString::number(g.headerBytes),
                     QString::number(g.paddingBytes));
        const QString qemu = qemuNote(g);
        return qemu.isEmpty() ? text : text + QLatin1Char(' ') + qemu;
    }
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::FontRole:
        if (current) {
            QFont f;
            f.setBold(true);
            return f;
        }
        break;
    case Qt::BackgroundRole:
        if (current) {
            return QGuiApplication::palette().brush(QPalette::Highlight);
        }
        break;
    case Qt::ForegroundRole:
        if (current) {
            return QGuiApplication::palette().brush(QPalette::HighlightedText);
        }
        break;
    case ChunkBytesRole:
        return QVariant::fromValue<qulonglong>(g.chunkBytes);
    case QemuLoadsRole:
        return g.qemuLoad == ChunkGeometry::QemuLoad::Loads;
    case IsCurrentRole:
        return current;
    }
    return {};
}

QVariant SeedTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section == ChunkColumn) {
        return tr("✗: a QEMU destination cannot load a stream of these chunks (a row's tool tip says why).");
    }
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case ChunkColumn:
        return tr("Chunk");
    case CoverageColumn:
        return tr("Disk per meta bit");
    case ChunksColumn:
        return tr("Chunks");
    case OverheadColumn:
        return tr("Overhead");
    }
    return {};
}

QString SeedTableModel::qemuNote(const ChunkGeometry& g)
{
    switch (g.qemuLoad) {
    case ChunkGeometry::QemuLoad::Loads:
        break;
    case ChunkGeometry::QemuLoad::Aborts:
        return tr("A QEMU destination aborts on these chunks: it deserializes whole 64-bit words, and a "
                  "chunk of %1 is less than one.")
            .arg(formatBytes(g.chunkBytes));
    case ChunkGeometry::QemuLoad::Fails:
        return tr("A QEMU destination fails the migration with these chunks: their %1 buffers are above "
                  "the %2 its loader accepts (\"buffer allocation request is too large\").")
            .arg(formatBytes(g.largestBufBytes), formatBytes(kQemuMaxBufBytes));
    }
    return {};
}

} // namespace bitmig
