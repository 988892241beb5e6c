// The migration parameters: disk, granularity, chunk size with its derived figures and the seed's
// table, link and limits, strategy. Edits are checked in place before they reach the simulation.
#pragma once

#include "fieldmessages.h"
#include "translatedtexts.h"

#include <bitmig/simconfig.h>

#include <QWidget>

#include <cstdint>
#include <vector>

class QAction;
class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QSlider;
class QTableView;

namespace bitmig {

class SeedTableModel;
class SizeSpinBox;
class UnitField;

class ParametersPanel : public QWidget {
    Q_OBJECT
public:
    explicit ParametersPanel(QWidget* parent = nullptr);

    // Shows these values without emitting configEdited; a different configuration than the panel's
    // own clears the fields' messages.
    void setConfig(const SimConfig& config);
    // The values on screen (workload and injections come from the config last set).
    SimConfig config() const;
    // The refusals shown at the fields now, one per line (empty when none).
    QString problem() const;
    // The message shown under `field`, empty when none.
    QString problemAt(const QWidget* field) const;

    SizeSpinBox* diskField() const noexcept { return disk_; }
    QComboBox* granularityField() const noexcept { return granularity_; }
    QComboBox* strategyField() const noexcept { return strategy_; }
    QLabel* strategyNoteLabel() const noexcept { return strategyNote_; }
    // One sentence on how a strategy relates to what QEMU does.
    static QString strategyNote(Strategy strategy);
    UnitField* bandwidthField() const noexcept { return bandwidth_; }
    UnitField* latencyField() const noexcept { return latency_; }
    UnitField* maxDowntimeField() const noexcept { return maxDowntime_; }
    UnitField* maxPassesField() const noexcept { return maxPasses_; }
    SizeSpinBox* completeBelowField() const noexcept { return completeBelow_; }
    UnitField* startAtField() const noexcept { return startAt_; }
    UnitField* seedField() const noexcept { return seed_; }
    UnitField* tickField() const noexcept { return tick_; }
    SizeSpinBox* chunkSpinBox() const noexcept { return chunk_; }
    QSlider* chunkSlider() const noexcept { return chunkSlider_; }
    SeedTableModel* seedTable() const noexcept { return seedModel_; }
    QLabel* derivedLabel() const noexcept { return derived_; }
    // Under Granularity, shown while the run has a layout of disks and bitmaps: which of them the
    // two fields show and that editing them replaces the layout. Empty text for no layout.
    QLabel* layoutNoteLabel() const noexcept { return layoutNote_; }
    static QString layoutNote(const SimConfig& config);
    QTableView* seedTableView() const noexcept { return seedView_; }
    // "Compare these rows" in the seed table's context menu: with 2 to 4 rows selected (Ctrl+click,
    // Shift+click), asks for a comparison of their chunk sizes (compareChunksRequested). Off unless
    // offered: a panel that edits a comparison's lane does not offer it.
    void offerCompareRows(bool on);
    QAction* compareRowsAction() const noexcept { return compareRows_; }
    // The chunk sizes of the selected rows, in table order.
    std::vector<uint64_t> selectedChunkSizes() const;

Q_SIGNALS:
    // The seed table needs another width (its figures grew or shrank): the dock should follow.
    void preferredWidthChanged();
    // A complete, valid configuration the user just made.
    void configEdited(const bitmig::SimConfig& config);
    // "Compare these rows": one lane per chunk size.
    void compareChunksRequested(const std::vector<uint64_t>& chunkSizes);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void showStrategyNote();
    // A field changed: the whole configuration is checked (SimConfig::validate() and the memory the
    // run needs); what fails is refused at `field` and every field shows the run's values again.
    void edited(QWidget* field);
    void showValues(const SimConfig& c);  // the fields only, messages as they are
    void updateDerived(const SimConfig& c);
    void showLayoutNote(const SimConfig& c);
    void fitSeedTable();
    QString refusal(const ConfigError& error) const;

    TranslatedTexts texts_{staticMetaObject.className()};
    SimConfig base_;
    bool updating_ = false;
    FieldMessages fields_{this, texts_};
    SizeSpinBox* disk_ = nullptr;
    QComboBox* granularity_ = nullptr;
    QSlider* chunkSlider_ = nullptr;
    SizeSpinBox* chunk_ = nullptr;
    QLabel* derived_ = nullptr;
    QLabel* layoutNote_ = nullptr;
    SeedTableModel* seedModel_ = nullptr;
    QTableView* seedView_ = nullptr;
    QAction* compareRows_ = nullptr;
    QComboBox* strategy_ = nullptr;
    QLabel* strategyNote_ = nullptr;
    UnitField* bandwidth_ = nullptr;
    UnitField* latency_ = nullptr;
    UnitField* maxDowntime_ = nullptr;
    UnitField* maxPasses_ = nullptr;
    SizeSpinBox* completeBelow_ = nullptr;
    QCheckBox* autoStart_ = nullptr;
    UnitField* startAt_ = nullptr;
    UnitField* seed_ = nullptr;
    UnitField* tick_ = nullptr;
};

} // namespace bitmig
