// The guest's write load, adjustable while the simulation runs.
#pragma once

#include <bitmig/workload.h>

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;

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

private:
    void edited();
    void updateVisibility();

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
    QWidget* rows_[5] = {};
};

} // namespace bitmig
