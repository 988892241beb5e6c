// The migration parameters: disk, granularity, chunk size with its derived figures and the seed's
// table, link and limits, strategy. Edits are checked in place before they reach the simulation.
#pragma once

#include "translatedtexts.h"

#include <bitmig/simconfig.h>

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSlider;
class QSpinBox;
class QTableView;

namespace bitmig {

class SeedTableModel;
class SizeSpinBox;

class ParametersPanel : public QWidget {
    Q_OBJECT
public:
    explicit ParametersPanel(QWidget* parent = nullptr);

    // Shows these values without emitting configEdited.
    void setConfig(const SimConfig& config);
    // The values on screen (workload and injections come from the config last set).
    SimConfig config() const;
    QString problem() const;

    SizeSpinBox* chunkSpinBox() const noexcept { return chunk_; }
    QSlider* chunkSlider() const noexcept { return chunkSlider_; }
    SeedTableModel* seedTable() const noexcept { return seedModel_; }
    QLabel* derivedLabel() const noexcept { return derived_; }

Q_SIGNALS:
    // The seed table needs another width (its figures grew or shrank): the dock should follow.
    void preferredWidthChanged();
    // A complete, valid configuration the user just made.
    void configEdited(const bitmig::SimConfig& config);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void edited();
    void updateDerived(const SimConfig& c);
    void fitSeedTable();
    void showProblem(const QString& message);

    TranslatedTexts texts_{staticMetaObject.className()};
    SimConfig base_;
    bool updating_ = false;
    QLabel* problem_ = nullptr;
    SizeSpinBox* disk_ = nullptr;
    QComboBox* granularity_ = nullptr;
    QSlider* chunkSlider_ = nullptr;
    SizeSpinBox* chunk_ = nullptr;
    QLabel* derived_ = nullptr;
    SeedTableModel* seedModel_ = nullptr;
    QTableView* seedView_ = nullptr;
    QComboBox* strategy_ = nullptr;
    QDoubleSpinBox* bandwidth_ = nullptr;
    QDoubleSpinBox* latency_ = nullptr;
    QDoubleSpinBox* maxDowntime_ = nullptr;
    QSpinBox* maxPasses_ = nullptr;
    SizeSpinBox* completeBelow_ = nullptr;
    QCheckBox* autoStart_ = nullptr;
    QDoubleSpinBox* startAt_ = nullptr;
    QSpinBox* seed_ = nullptr;
    QDoubleSpinBox* tick_ = nullptr;
};

} // namespace bitmig
