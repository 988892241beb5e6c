// A window onto a QEMU migration file (or bare dirty-bitmap sections): each bitmap as a heatmap
// (HeatmapView, with its zoom and tooltips; the meta band shows the chunks that carried data), its
// node, name, granularity, flags, dirty bytes and SHA-256, what a QEMU destination does with the
// records, and every record in a table (double-click a BITS record to zoom to its chunk). A file that
// does not read shows its error, with the offset, in the window's message bar.
#pragma once

#include <bitmig/qemufile.h>
#include <bitmig/simsnapshot.h>

#include <QAbstractTableModel>
#include <QWidget>

class QLabel;
class QListWidget;
class QTableView;

namespace bitmig {

class HeatmapView;
class MessageBar;

// The records of a file, one row each: offset, section, record, bitmap, start sector, sectors, buffer.
class QemuRecordModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Offset, Section, Record, Bitmap, StartSector, Sectors, Buffer, ColumnCount };

    explicit QemuRecordModel(QObject* parent = nullptr);
    void setInfo(const QemuFileInfo* info);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void retranslate();

private:
    const QemuFileInfo* info_ = nullptr;
};

class QemuFileViewer : public QWidget {
    Q_OBJECT
public:
    explicit QemuFileViewer(QWidget* parent = nullptr);
    ~QemuFileViewer() override;

    // Reads the file; false when it could not be read at all (the message bar says why). A file with a
    // malformed byte is shown up to it, with the error and its offset in the message bar.
    bool load(const QString& path);

    const QemuFileInfo& info() const noexcept { return info_; }
    int currentBitmap() const noexcept { return current_; }
    void showBitmap(int index);

    HeatmapView* heatmap() const noexcept { return heatmap_; }
    QListWidget* bitmapList() const noexcept { return list_; }
    QTableView* recordTable() const noexcept { return table_; }
    QLabel* details() const noexcept { return details_; }
    MessageBar* messageBar() const noexcept { return messages_; }

    // The largest file read, as for stream-info.
    static constexpr qint64 kMaxFileBytes = qint64(2) << 30;

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuild(const HeatmapRequest& request);
    void showBandTexts();
    void showDetails();
    void showMessages();
    void zoomToRecord(const QModelIndex& index);
    void retranslateUi();

    QString path_;
    QemuFileInfo info_;
    int current_ = -1;
    uint64_t serial_ = 0;
    MessageBar* messages_;
    QListWidget* list_;
    QLabel* details_;
    HeatmapView* heatmap_;
    QTableView* table_;
    QemuRecordModel* records_;
};

} // namespace bitmig
