// File > Run a real QEMU migration...: the dialog (new images of chosen sizes or scratch copies of
// qcow2 files, the bitmaps, precopy or postcopy; bandwidth and downtime limit from the Parameters
// dock) and the view of the run: a strip of QEMU's own migration statuses, the brush writing to the
// source's disk while it runs, QEMU's figures beside the simulator's prediction for the same disks,
// bitmaps and link, and every bitmap's SHA-256 at the source and the destination. The run itself is
// RealMigration (app/model).
#pragma once

#include "app/model/realmigration.h"

#include <QDialog>
#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QTableWidget;

namespace bitmig {

class BitmapSelector;
class HeatmapView;
class SizeSpinBox;

class RealMigrationDialog : public QDialog {
    Q_OBJECT
public:
    // `params`: the Parameters dock's configuration (bandwidth, downtime limit, disk size, granularity).
    explicit RealMigrationDialog(const SimConfig& params, QWidget* parent = nullptr);

    QRadioButton* newImageButton() const { return newImage_; }
    QRadioButton* copyButton() const { return copy_; }
    SizeSpinBox* sizeField() const { return size_; }
    QLineEdit* filesField() const { return files_; }
    QTableWidget* bitmapTable() const { return bitmaps_; }
    QComboBox* modeField() const { return mode_; }
    QCheckBox* manualSwitchField() const { return manualSwitch_; }
    QLabel* errorLabel() const { return error_; }
    // The spec the fields describe; a RealMigrationError (BadSpec) naming the field otherwise.
    RealMigrationSpec spec() const;
    // After accept(): the prepared migration, handed over.
    std::unique_ptr<RealMigration> takeMigration() { return std::move(migration_); }

public slots:
    void accept() override;  // prepares it (images, both QEMUs); stays open with the reason when that fails

private:
    void addBitmapRow(const QString& name, uint64_t granularity, bool persistent);

    SimConfig params_;
    QRadioButton* newImage_;
    QRadioButton* copy_;
    SizeSpinBox* size_;
    QLineEdit* files_;
    QTableWidget* bitmaps_;
    QComboBox* mode_;
    QCheckBox* manualSwitch_;
    QLabel* error_;
    std::unique_ptr<RealMigration> migration_;
};

class RealMigrationWindow : public QWidget {
    Q_OBJECT
public:
    // Takes the prepared migration; a top-level window deleted on close (which stops both QEMUs).
    explicit RealMigrationWindow(std::unique_ptr<RealMigration> migration, QWidget* parent = nullptr);
    ~RealMigrationWindow() override;

    static RealMigrationWindow* runFromDialog(QWidget* parent, const SimConfig& params);

    RealMigration* migration() const { return migration_.get(); }
    QPushButton* startButton() const { return start_; }
    QPushButton* postcopyButton() const { return postcopy_; }
    QList<QLabel*> stripSteps() const { return steps_; }
    // The step of QEMU's status that is current, -1 before the start.
    int activeStep() const { return active_; }
    HeatmapView* heatmap() const { return heatmap_; }
    // Which bitmap the heatmap shows (of the spec's, in its order); the brush writes to its disk.
    BitmapSelector* bitmapSelector() const { return selector_; }
    size_t shownBitmap() const { return shown_; }
    QTableWidget* figuresTable() const { return figures_; }
    QTableWidget* shaTable() const { return sha_; }
    QLabel* statusLabel() const { return status_; }
    QLabel* noteLabel() const { return note_; }
    // Whether QEMU completes at all: the prediction before the run, then what the bandwidth QEMU
    // measures lets through while it runs (precopy).
    QLabel* completionLabel() const { return completion_; }

private:
    void onStatus(const QString& status);
    void onProgress(const RealProgress& p);
    void onFinished(const RealMigrationResult& r);
    void onFailed(int kind, const QString& message);
    void onBrush(uint64_t first, uint64_t length, bool clear);
    void updateHeatmap();
    void fillFigures(const RealProgress* qemu, const RealPrediction& prediction);

    std::unique_ptr<RealMigration> migration_;
    QStringList statuses_;  // the strip's steps: QEMU's statuses in order
    QList<QLabel*> steps_;
    int active_ = -1;
    QPushButton* start_;
    QPushButton* postcopy_;
    QPushButton* cancel_;
    HeatmapView* heatmap_;
    BitmapSelector* selector_;
    size_t shown_ = 0;
    QTableWidget* figures_;
    QTableWidget* sha_;
    QLabel* status_;
    QLabel* note_;
    QLabel* completion_;
    QemuCompletion predicted_;
    std::vector<RealWrite> writes_;  // applied to the source's disks, before and during the run
    unsigned serial_ = 0;
};

} // namespace bitmig
