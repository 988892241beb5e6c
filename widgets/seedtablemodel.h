// The seed thread's chunk-size table for the current disk and granularity, current row marked.
#pragma once

#include <bitmig/chunkgeometry.h>

#include <QAbstractTableModel>

#include <vector>

namespace bitmig {

class SeedTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { ChunkColumn, CoverageColumn, ChunksColumn, OverheadColumn, ColumnCount };
    static constexpr int ChunkBytesRole = Qt::UserRole + 1;
    static constexpr int IsCurrentRole = Qt::UserRole + 2;
    static constexpr int QemuLoadsRole = Qt::UserRole + 3;  // bool: a QEMU destination loads the stream

    explicit SeedTableModel(QObject* parent = nullptr);

    // Rows: the seed's chunk sizes, plus the current one when it is not among them.
    void setGeometry(uint64_t diskBytes, uint64_t granularity, uint64_t currentChunk);
    int currentRow() const noexcept { return currentRow_; }
    // Why a QEMU destination cannot load a stream of these chunks, empty when it can.
    static QString qemuNote(const ChunkGeometry& geometry);
    const ChunkGeometry& row(int r) const { return rows_.at(size_t(r)); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::vector<ChunkGeometry> rows_;
    int currentRow_ = -1;
};

} // namespace bitmig
