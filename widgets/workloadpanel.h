// The guest's write load, adjustable while the simulation runs.
#pragma once

#include "fieldmessages.h"
#include "translatedtexts.h"

#include <bitmig/simconfig.h>
#include <bitmig/workload.h>

#include <QWidget>

#include <vector>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QPushButton;

namespace bitmig {

class SizeSpinBox;
class UnitField;

class WorkloadPanel : public QWidget {
    Q_OBJECT
public:
    explicit WorkloadPanel(QWidget* parent = nullptr);
    void setWorkload(const WorkloadSpec& spec);  // without emitting; clears the fields' messages
    WorkloadSpec workload() const;
    // The disk the workload writes to: edits are checked against it (WorkloadSpec::validate()).
    void setDiskBytes(uint64_t bytes) { diskBytes_ = bytes; }
    // The refusals shown at the fields now, one per line; the one under `field`.
    QString problem() const;
    QString problemAt(const QWidget* field) const;

    UnitField* rateField() const noexcept { return rate_; }
    SizeSpinBox* minSizeField() const noexcept { return minSize_; }
    SizeSpinBox* maxSizeField() const noexcept { return maxSize_; }
    UnitField* hotFractionField() const noexcept { return hotFraction_; }
    UnitField* burstPeriodField() const noexcept { return burstPeriod_; }
    UnitField* burstDutyField() const noexcept { return burstDuty_; }

Q_SIGNALS:
    void workloadEdited(const bitmig::WorkloadSpec& spec);
    // The user asked to choose a recorded trace file (the window reads it and calls setWorkload).
    void traceFileRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void edited(QWidget* field);
    void showValues(const WorkloadSpec& spec);  // the fields only, messages as they are
    void updateVisibility();
    void updateTraceLabel();
    QWidget* addFieldRow(QFormLayout* form, const char* label, QWidget* field);
    QString refusal(const ConfigError& error) const;

    TranslatedTexts texts_{staticMetaObject.className()};
    bool updating_ = false;
    WorkloadSpec base_;
    uint64_t diskBytes_ = SimConfig{}.diskBytes;
    QComboBox* kind_ = nullptr;
    UnitField* rate_ = nullptr;
    SizeSpinBox* minSize_ = nullptr;
    SizeSpinBox* maxSize_ = nullptr;
    UnitField* hotFraction_ = nullptr;
    UnitField* hotShare_ = nullptr;
    UnitField* zipf_ = nullptr;
    UnitField* burstPeriod_ = nullptr;
    UnitField* burstDuty_ = nullptr;
    QLabel* trace_ = nullptr;
    QPushButton* chooseTrace_ = nullptr;
    QPushButton* dropTrace_ = nullptr;
    UnitField* traceSpeed_ = nullptr;
    QCheckBox* traceLoop_ = nullptr;
    QWidget* rows_[5] = {};
    FieldMessages fields_{this, texts_};
};

} // namespace bitmig
