#include "parameterspanel.h"

#include "byteformat.h"
#include "configerrortext.h"
#include "seedtablemodel.h"
#include "sizespinbox.h"
#include "unitfield.h"

#include <bitmig/chunkgeometry.h>
#include <bitmig/printable.h>
#include <bitmig/runmemory.h>

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QScrollBar>
#include <QSlider>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <bit>

namespace bitmig {

ParametersPanel::ParametersPanel(QWidget* parent) : QWidget(parent)
{
    // Texts are recorded with their source (QT_TR_NOOP) and set again on a language change.
    auto named = [this](auto* w, const char* name) {
        texts_.name(w, name);
        return w;
    };
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->addLayout(form);

    // Every field takes what `bitmig simulate` takes for the same option, read by the same parsers.
    disk_ = named(new SizeSpinBox(this), QT_TR_NOOP("Disk size"));
    disk_->setRange(512, ~qulonglong(0));
    disk_->setMultipleOf(512);
    fields_.addRow(form, QT_TR_NOOP("&Disk"), disk_, disk_);

    granularity_ = named(new QComboBox(this), QT_TR_NOOP("Bitmap granularity"));
    for (uint64_t g = 512; g <= (1ULL << 31); g <<= 1) {
        granularity_->addItem(SizeSpinBox::format(g), QVariant::fromValue<qulonglong>(g));
    }
    fields_.addRow(form, QT_TR_NOOP("&Granularity"), granularity_, granularity_);
    // A run with a layout (several disks or bitmaps): the two fields above show its first bitmap,
    // and editing either gives one disk with one bitmap; the note says both before it happens.
    layoutNote_ = new QLabel(this);
    layoutNote_->setObjectName(QStringLiteral("layoutNote"));
    layoutNote_->setWordWrap(true);
    layoutNote_->setTextFormat(Qt::PlainText);
    layoutNote_->hide();
    form->addRow(layoutNote_);

    auto* chunkRow = new QWidget(this);
    auto* chunkLayout = new QHBoxLayout(chunkRow);
    chunkLayout->setContentsMargins(0, 0, 0, 0);
    chunkSlider_ = named(new QSlider(Qt::Horizontal, chunkRow), QT_TR_NOOP("Chunk size (log2 of bytes)"));
    chunkSlider_->setRange(0, 20);
    chunkSlider_->setPageStep(1);
    chunkSlider_->setTickPosition(QSlider::TicksBelow);
    chunk_ = named(new SizeSpinBox(chunkRow), QT_TR_NOOP("Chunk size"));
    chunk_->setRange(1, kMaxChunkBytes);
    chunk_->setPowerOfTwo(true);
    chunk_->setMinimumWidth(chunk_->fontMetrics().horizontalAdvance(QStringLiteral("1024 KiB")) + 40);
    chunkLayout->addWidget(chunkSlider_, 1);
    chunkLayout->addWidget(chunk_);
    fields_.addRow(form, QT_TR_NOOP("Chunk"), chunkRow, chunk_);

    derived_ = new QLabel(this);
    derived_->setWordWrap(true);
    texts_.accessibleName(derived_, QT_TR_NOOP("Derived chunk figures"));
    form->addRow(QString(), derived_);

    seedModel_ = new SeedTableModel(this);
    seedView_ = new QTableView(this);
    seedView_->setModel(seedModel_);
    texts_.accessibleName(seedView_, QT_TR_NOOP("Chunk size table of the seed thread"));
    seedView_->setSelectionBehavior(QAbstractItemView::SelectRows);
    seedView_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    seedView_->verticalHeader()->hide();
    seedView_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    seedView_->horizontalHeader()->setStretchLastSection(true);
    seedView_->setMinimumHeight(seedView_->verticalHeader()->defaultSectionSize() * 6);
    texts_.toolTip(seedView_, QT_TR_NOOP("The chunk sizes argued over in the seed thread; pick a row to try it."));
    layout->addWidget(seedView_, 1);

    auto* link = new QFormLayout;
    link->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->addLayout(link);
    strategy_ = named(new QComboBox(this), QT_TR_NOOP("Migration strategy"));
    const std::pair<const char*, Strategy> strategies[] = {
        {QT_TR_NOOP("Precopy with meta bitmap"), Strategy::Precopy},
        {QT_TR_NOOP("Postcopy"), Strategy::Postcopy},
        {QT_TR_NOOP("Stop and copy"), Strategy::StopAndCopy},
    };
    for (const auto& [text, strategy] : strategies) {
        const int index = strategy_->count();
        strategy_->addItem(QString(), int(strategy));
        texts_.add(strategy_, text, [this, index](const QString& t) { strategy_->setItemText(index, t); });
    }
    fields_.addRow(link, QT_TR_NOOP("&Strategy"), strategy_, strategy_);
    // Which strategy is what QEMU does: the seed's precopy with a meta bitmap was proposed in 2015
    // and never merged; QEMU's precopy sends the bitmaps at completion (stop and copy, for them).
    strategyNote_ = new QLabel(this);
    strategyNote_->setObjectName(QStringLiteral("strategyNote"));
    strategyNote_->setWordWrap(true);
    strategyNote_->setTextFormat(Qt::PlainText);
    strategyNote_->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    link->addRow(strategyNote_);

    bandwidth_ = named(new UnitField(UnitField::Kind::Bandwidth, this),
                       QT_TR_NOOP("Link bandwidth: 10 Gbit/s, 100 Mbit/s, 125 MB/s, ... (b is a bit, B a byte)"));
    fields_.addRow(link, QT_TR_NOOP("&Bandwidth"), bandwidth_, bandwidth_);
    latency_ = named(new UnitField(UnitField::Kind::Duration, this), QT_TR_NOOP("One-way link delay: 20 ms, 1.5 s, 250 µs"));
    fields_.addRow(link, QT_TR_NOOP("&Latency"), latency_, latency_);
    maxDowntime_ = named(new UnitField(UnitField::Kind::Duration, this), QT_TR_NOOP("Maximum downtime: 300 ms, 1 s"));
    fields_.addRow(link, QT_TR_NOOP("Max do&wntime"), maxDowntime_, maxDowntime_);
    maxPasses_ = named(new UnitField(UnitField::Kind::Whole, this), QT_TR_NOOP("Maximum dirty passes, 0 to 100000"));
    maxPasses_->setWholeRange(0, 100000);
    fields_.addRow(link, QT_TR_NOOP("Max &passes"), maxPasses_, maxPasses_);
    completeBelow_ = named(new SizeSpinBox(this), QT_TR_NOOP("Send everything in the complete phase below this size (0: off)"));
    completeBelow_->setRange(0, ~qulonglong(0));
    fields_.addRow(link, QT_TR_NOOP("Complete &only below"), completeBelow_, completeBelow_);

    auto* startRow = new QWidget(this);
    auto* startLayout = new QHBoxLayout(startRow);
    startLayout->setContentsMargins(0, 0, 0, 0);
    autoStart_ = named(new QCheckBox(startRow), QT_TR_NOOP("Start the migration automatically"));
    texts_.add(autoStart_, QT_TR_NOOP("at"), [this](const QString& t) { autoStart_->setText(t); });
    startAt_ = named(new UnitField(UnitField::Kind::Duration, startRow), QT_TR_NOOP("Simulated time at which the migration starts"));
    startLayout->addWidget(autoStart_);
    startLayout->addWidget(startAt_, 1);
    fields_.addRow(link, QT_TR_NOOP("Migration starts"), startRow, startAt_);
    seed_ = named(new UnitField(UnitField::Kind::Whole, this), QT_TR_NOOP("Random seed, 0 to 2^64 - 1"));
    seed_->setWholeRange(0, ~quint64(0));
    fields_.addRow(link, QT_TR_NOOP("S&eed"), seed_, seed_);
    tick_ = named(new UnitField(UnitField::Kind::Duration, this), QT_TR_NOOP("Simulation tick, 1 µs to 1 s"));
    fields_.addRow(link, QT_TR_NOOP("&Tick"), tick_, tick_);

    connect(disk_, &SizeSpinBox::valueChanged, this, [this] { edited(disk_); });
    connect(granularity_, &QComboBox::currentIndexChanged, this, [this] { edited(granularity_); });
    connect(chunkSlider_, &QSlider::valueChanged, this, [this](int log2) {
        if (!updating_) {
            chunk_->setValue(qulonglong(1) << log2);  // emits valueChanged -> edited
        }
    });
    connect(chunk_, &SizeSpinBox::valueChanged, this, [this] { edited(chunk_); });
    connect(seedView_, &QTableView::clicked, this, [this](const QModelIndex& index) {
        // A plain click tries the row; Ctrl or Shift only select rows (to compare them).
        if (!(QGuiApplication::keyboardModifiers() & (Qt::ControlModifier | Qt::ShiftModifier))) {
            chunk_->setValue(index.data(SeedTableModel::ChunkBytesRole).toULongLong());
        }
    });
    compareRows_ = new QAction(this);
    texts_.add(compareRows_, QT_TR_NOOP("Compare these rows"), [this](const QString& t) { compareRows_->setText(t); });
    compareRows_->setEnabled(false);
    connect(seedView_->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        const size_t n = selectedChunkSizes().size();
        compareRows_->setEnabled(n >= 2 && n <= 4);
    });
    connect(compareRows_, &QAction::triggered, this, [this] {
        const std::vector<uint64_t> chunks = selectedChunkSizes();
        if (chunks.size() >= 2 && chunks.size() <= 4) {
            Q_EMIT compareChunksRequested(chunks);
        }
    });
    connect(strategy_, &QComboBox::currentIndexChanged, this, [this] {
        showStrategyNote();
        edited(strategy_);
    });
    for (UnitField* f : {bandwidth_, latency_, maxDowntime_, maxPasses_, startAt_, seed_, tick_}) {
        connect(f, &UnitField::committed, this, [this, f] { edited(f); });
        connect(f, &UnitField::problemChanged, this, [this, f](const QString& m) { fields_.set(f, m); });
    }
    connect(completeBelow_, &SizeSpinBox::valueChanged, this, [this] { edited(completeBelow_); });
    connect(autoStart_, &QCheckBox::toggled, this, [this] { edited(startAt_); });
    for (SizeSpinBox* f : {disk_, chunk_, completeBelow_}) {
        connect(f, &SizeSpinBox::problemChanged, this, [this, f](const QString& m) { fields_.set(f, m); });
    }
    setConfig(SimConfig{});
    showStrategyNote();
}

void ParametersPanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
}

QString ParametersPanel::strategyNote(Strategy strategy)
{
    switch (strategy) {
    case Strategy::Precopy:
        return tr("The 2015 proposal the seed thread reviews: bitmaps sent while the guest runs, "
                  "tracked by a meta bitmap. QEMU never merged it.");
    case Strategy::Postcopy:
        return tr("What QEMU does with postcopy: the guest moves first, the bitmaps follow.");
    case Strategy::StopAndCopy:
        return tr("What QEMU's precopy does today: every bitmap is sent at completion, while the guest "
                  "is paused.");
    }
    return {};
}

void ParametersPanel::showStrategyNote()
{
    const auto strategy = Strategy(strategy_->currentData().toInt());
    strategyNote_->setText(strategyNote(strategy));
    for (int i = 0; i < strategy_->count(); ++i) {
        strategy_->setItemData(i, strategyNote(Strategy(strategy_->itemData(i).toInt())), Qt::ToolTipRole);
    }
}

void ParametersPanel::retranslateUi()
{
    texts_.retranslate();
    showStrategyNote();
    for (int i = 0; i < granularity_->count(); ++i) {
        granularity_->setItemText(i, SizeSpinBox::format(granularity_->itemData(i).toULongLong()));
    }
    showValues(base_);  // every value, the derived figures and the seed table in the new language
}

void ParametersPanel::setConfig(const SimConfig& c)
{
    // The run this panel just made, coming back: refusals shown at other fields stay.
    const bool same = c == base_;
    showValues(c);
    if (!same) {
        fields_.clear();
    }
}

void ParametersPanel::showValues(const SimConfig& c)
{
    updating_ = true;
    base_ = c;
    disk_->setValue(c.diskBytes);
    granularity_->setCurrentIndex(granularity_->findData(QVariant::fromValue<qulonglong>(c.granularity)));
    chunk_->setValue(c.chunkBytes);
    chunkSlider_->setValue(std::countr_zero(c.chunkBytes));
    strategy_->setCurrentIndex(strategy_->findData(int(c.strategy)));
    bandwidth_->setNumber(c.bandwidth);
    latency_->setDuration(c.latencyNs);
    maxDowntime_->setDuration(c.maxDowntimeNs);
    maxPasses_->setWhole(c.maxPasses);
    completeBelow_->setValue(c.completeOnlyBelow);
    autoStart_->setChecked(c.migrationStartNs >= 0);
    startAt_->setDuration(std::max<int64_t>(c.migrationStartNs, 0));
    seed_->setWhole(c.seed);
    tick_->setDuration(c.tickNs);
    updateDerived(c);
    showLayoutNote(c);
    updating_ = false;
}

QString ParametersPanel::layoutNote(const SimConfig& c)
{
    if (!c.hasLayout()) {
        return {};
    }
    const QString disk = QString::fromStdString(printable(c.deviceName));
    const QString bitmap = QString::fromStdString(printable(c.bitmapName));
    return tr("%1 disks, %2 bitmaps: Disk and Granularity show disk '%3' / bitmap '%4'; changing either replaces "
              "the layout with one disk and one bitmap (Edit > Undo brings the layout back).")
        .arg(c.disks.size())
        .arg(c.bitmaps.size())
        .arg(disk, bitmap);
}

void ParametersPanel::showLayoutNote(const SimConfig& c)
{
    const QString note = layoutNote(c);
    layoutNote_->setText(note);
    layoutNote_->setVisible(!note.isEmpty());
}

SimConfig ParametersPanel::config() const
{
    SimConfig c = base_;
    c.diskBytes = disk_->value();
    c.granularity = granularity_->currentData().toULongLong();
    if (c.diskBytes != base_.diskBytes || c.granularity != base_.granularity) {
        // The disk and granularity fields mean one disk with one bitmap, as on the command line: a
        // scenario's several disks and bitmaps give way to them.
        c.disks.clear();
        c.bitmaps.clear();
    }
    c.chunkBytes = chunk_->value();
    c.strategy = Strategy(strategy_->currentData().toInt());
    c.bandwidth = bandwidth_->number();
    c.latencyNs = latency_->duration();
    c.maxDowntimeNs = maxDowntime_->duration();
    c.maxPasses = unsigned(maxPasses_->whole());
    c.completeOnlyBelow = completeBelow_->value();
    c.migrationStartNs = autoStart_->isChecked() ? startAt_->duration() : -1;
    c.seed = seed_->whole();
    c.tickNs = tick_->duration();
    c.sampleIntervalNs = std::max(c.sampleIntervalNs, c.tickNs);
    return c;
}

QString ParametersPanel::problem() const
{
    return fields_.all();
}

QString ParametersPanel::problemAt(const QWidget* field) const
{
    return fields_.at(field);
}

// Why validate() refused the configuration, in the panel's words: the field it names by its caption
// as shown ("Tick: ..."), not by the scenario key ("tick: ...").
QString ParametersPanel::refusal(const ConfigError& error) const
{
    QWidget* named = nullptr;
    switch (error.field()) {
    case ConfigField::Disk: named = disk_; break;
    case ConfigField::Granularity: named = granularity_; break;
    case ConfigField::Chunk: named = chunk_; break;
    case ConfigField::Strategy: named = strategy_; break;
    case ConfigField::Bandwidth: named = bandwidth_; break;
    case ConfigField::Latency: named = latency_; break;
    case ConfigField::MaxDowntime: named = maxDowntime_; break;
    case ConfigField::MaxPasses: named = maxPasses_; break;
    case ConfigField::CompleteOnlyBelow: named = completeBelow_; break;
    case ConfigField::Tick: named = tick_; break;
    case ConfigField::MigrationStart: named = startAt_; break;
    default: break;
    }
    return fields_.refusal(named, error);
}

void ParametersPanel::edited(QWidget* field)
{
    if (updating_) {
        return;
    }
    updating_ = true;
    chunkSlider_->setValue(std::countr_zero(chunk_->value()));
    updating_ = false;
    const SimConfig c = config();
    QString why;
    try {
        c.validate();
        if (const std::optional<ConfigError> refusal = replacementRunMemoryRefusal(c)) {
            why = ConfigErrorText::reason(*refusal);
        }
    } catch (const ConfigError& e) {
        why = refusal(e);
    } catch (const std::invalid_argument& e) {  // a malformed BITMIG_MEMORY_LIMIT
        why = QString::fromStdString(e.what());
    }
    if (!why.isEmpty()) {
        // Refused: every field shows the run's values again, and the edited one says why (the
        // messages of other fields stay until those are corrected).
        showValues(base_);
        fields_.set(field, why);
        return;
    }
    fields_.set(field, QString());
    if (c == base_) {
        return;  // the same run: nothing to start over
    }
    updateDerived(c);
    base_ = c;
    Q_EMIT configEdited(c);
}

// The seed table is never narrower than its four columns: in every language the whole row shows
// without a horizontal scroll bar (preferredWidthChanged() tells the dock to follow).
void ParametersPanel::fitSeedTable()
{
    const QHeaderView* header = seedView_->horizontalHeader();
    int width = 2 * seedView_->frameWidth() + seedView_->verticalScrollBar()->sizeHint().width();
    for (int column = 0; column < seedModel_->columnCount(); ++column) {
        // Public in QAbstractItemView (QTableView makes its override protected).
        const QAbstractItemView* view = seedView_;
        width += std::max(view->sizeHintForColumn(column), header->sectionSizeHint(column));
    }
    seedView_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    if (width != seedView_->minimumWidth()) {
        seedView_->setMinimumWidth(width);
        Q_EMIT preferredWidthChanged();
    }
}

void ParametersPanel::updateDerived(const SimConfig& c)
{
    try {
        const ChunkGeometry g = ChunkGeometry::compute(c.diskBytes, c.granularity, c.chunkBytes);
        const QLocale l;
        derived_->setText(tr("1 meta bit = %1 of disk · %2 meta bits (chunks) · bitmap %3 · "
                             "%4 B header per record, %5 % overhead")
                              .arg(formatBytes(g.coverage), l.toString(qulonglong(g.metaBits)),
                                   formatBytes(g.bitmapBytes), QString::number(g.headerBytes + g.paddingBytes),
                                   l.toString(100 * g.overhead, 'f', 1)) +
                          (g.qemuLoad == ChunkGeometry::QemuLoad::Loads
                               ? QString()
                               : QStringLiteral("\n") + SeedTableModel::qemuNote(g)));
        seedModel_->setGeometry(c.diskBytes, c.granularity, c.chunkBytes);
        fitSeedTable();
        if (seedModel_->currentRow() >= 0) {
            seedView_->scrollTo(seedModel_->index(seedModel_->currentRow(), 0));
        }
    } catch (const std::invalid_argument& e) {
        derived_->setText(QString::fromStdString(e.what()));
    }
}

void ParametersPanel::offerCompareRows(bool on)
{
    seedView_->setContextMenuPolicy(on ? Qt::ActionsContextMenu : Qt::DefaultContextMenu);
    if (on) {
        seedView_->addAction(compareRows_);
    } else {
        seedView_->removeAction(compareRows_);
    }
}

std::vector<uint64_t> ParametersPanel::selectedChunkSizes() const
{
    QModelIndexList rows = seedView_->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    std::vector<uint64_t> out;
    for (const QModelIndex& i : rows) {
        out.push_back(i.data(SeedTableModel::ChunkBytesRole).toULongLong());
    }
    return out;
}

} // namespace bitmig
