// The guest's write load, adjustable while the simulation runs.
#pragma once

#include "translatedtexts.h"

#include <bitmig/workload.h>

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;

namespace bitmig {

class SizeSpinBox;

class WorkloadPanel : public QWidget {
    Q_OBJECT
public:
    explicit WorkloadPanel(QWidget* parent = nullptr);
    void setWorkload(const WorkloadSpec& spec);  // without emitting
    WorkloadSpec workload() const;

Q_SIGNALS:
    void workloadEdited(const bitmig::WorkloadSpec& spec);
    // The user asked to choose a recorded trace file (the window reads it and calls setWorkload).
    void traceFileRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void edited();
    void updateVisibility();
    void updateTraceLabel();

    TranslatedTexts texts_{staticMetaObject.className()};
    bool updating_ = false;
    WorkloadSpec base_;
    QComboBox* kind_ = nullptr;
    QDoubleSpinBox* rate_ = nullptr;
    SizeSpinBox* minSize_ = nullptr;
    SizeSpinBox* maxSize_ = nullptr;
    QDoubleSpinBox* hotFraction_ = nullptr;
    QDoubleSpinBox* hotShare_ = nullptr;
    QDoubleSpinBox* zipf_ = nullptr;
    QDoubleSpinBox* burstPeriod_ = nullptr;
    QDoubleSpinBox* burstDuty_ = nullptr;
    QLabel* problem_ = nullptr;
    QLabel* trace_ = nullptr;
    QPushButton* chooseTrace_ = nullptr;
    QPushButton* dropTrace_ = nullptr;
    QDoubleSpinBox* traceSpeed_ = nullptr;
    QCheckBox* traceLoop_ = nullptr;
    double shownTraceSpeed_ = 1;  // what the speed box showed for base_'s speed
    QWidget* rows_[5] = {};
};

} // namespace bitmig
