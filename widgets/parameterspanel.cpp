#include "parameterspanel.h"

#include "datasize.h"
#include "seedtablemodel.h"
#include "sizespinbox.h"

#include <bitmig/chunkgeometry.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QScrollBar>
#include <QLabel>
#include <QLocale>
#include <QSlider>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

#include <bit>
#include <type_traits>

namespace bitmig {

ParametersPanel::ParametersPanel(QWidget* parent) : QWidget(parent)
{
    // Texts are recorded with their source (QT_TR_NOOP) and set again on a language change.
    auto named = [this](auto* w, const char* name) {
        texts_.name(w, name);
        return w;
    };
    auto addRow = [this](QFormLayout* form, const char* label, auto* field) {
        auto* caption = new QLabel(this);
        if constexpr (std::is_base_of_v<QWidget, std::remove_pointer_t<decltype(field)>>) {
            caption->setBuddy(field);
        }
        texts_.add(caption, label, [caption](const QString& t) { caption->setText(t); });
        form->addRow(caption, field);
    };
    auto suffix = [this](QDoubleSpinBox* box, const char* text) {
        texts_.add(box, text, [box](const QString& t) { box->setSuffix(t); });
    };
    auto* layout = new QVBoxLayout(this);
    problem_ = new QLabel(this);
    problem_->setWordWrap(true);
    problem_->setVisible(false);
    texts_.accessibleName(problem_, QT_TR_NOOP("Parameter problem"));
    problem_->setStyleSheet(QStringLiteral("QLabel { color: #c0392b; font-weight: bold; }"));
    layout->addWidget(problem_);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->addLayout(form);

    disk_ = named(new SizeSpinBox(this), QT_TR_NOOP("Disk size"));
    disk_->setRange(1ULL << 20, 1ULL << 56);
    disk_->setMultipleOf(512);
    addRow(form, QT_TR_NOOP("&Disk"), disk_);

    granularity_ = named(new QComboBox(this), QT_TR_NOOP("Bitmap granularity"));
    for (uint64_t g = 512; g <= (1ULL << 31); g <<= 1) {
        granularity_->addItem(SizeSpinBox::format(g), QVariant::fromValue<qulonglong>(g));
    }
    addRow(form, QT_TR_NOOP("&Granularity"), granularity_);

    auto* chunkRow = new QHBoxLayout;
    chunkSlider_ = named(new QSlider(Qt::Horizontal, this), QT_TR_NOOP("Chunk size (log2 of bytes)"));
    chunkSlider_->setRange(0, 20);
    chunkSlider_->setPageStep(1);
    chunkSlider_->setTickPosition(QSlider::TicksBelow);
    chunk_ = named(new SizeSpinBox(this), QT_TR_NOOP("Chunk size"));
    chunk_->setRange(1, kMaxChunkBytes);
    chunk_->setPowerOfTwo(true);
    chunk_->setMinimumWidth(chunk_->fontMetrics().horizontalAdvance(QStringLiteral("1024 KiB")) + 40);
    chunkRow->addWidget(chunkSlider_, 1);
    chunkRow->addWidget(chunk_);
    addRow(form, QT_TR_NOOP("Chunk"), chunkRow);

    derived_ = new QLabel(this);
    derived_->setWordWrap(true);
    texts_.accessibleName(derived_, QT_TR_NOOP("Derived chunk figures"));
    form->addRow(QString(), derived_);

    seedModel_ = new SeedTableModel(this);
    seedView_ = new QTableView(this);
    seedView_->setModel(seedModel_);
    texts_.accessibleName(seedView_, QT_TR_NOOP("Chunk size table of the seed thread"));
    seedView_->setSelectionBehavior(QAbstractItemView::SelectRows);
    seedView_->setSelectionMode(QAbstractItemView::SingleSelection);
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
    addRow(link, QT_TR_NOOP("&Strategy"), strategy_);

    bandwidth_ = named(new QDoubleSpinBox(this), QT_TR_NOOP("Link bandwidth in Mbit/s"));
    bandwidth_->setRange(0.001, 1e6);
    bandwidth_->setDecimals(3);
    suffix(bandwidth_, QT_TR_NOOP(" Mbit/s"));
    addRow(link, QT_TR_NOOP("&Bandwidth"), bandwidth_);
    latency_ = named(new QDoubleSpinBox(this), QT_TR_NOOP("Link latency in milliseconds"));
    latency_->setRange(0, 10000);
    latency_->setDecimals(3);
    suffix(latency_, QT_TR_NOOP(" ms"));
    addRow(link, QT_TR_NOOP("&Latency"), latency_);
    maxDowntime_ = named(new QDoubleSpinBox(this), QT_TR_NOOP("Maximum downtime in milliseconds"));
    maxDowntime_->setRange(0, 1e6);
    maxDowntime_->setDecimals(1);
    suffix(maxDowntime_, QT_TR_NOOP(" ms"));
    addRow(link, QT_TR_NOOP("Max do&wntime"), maxDowntime_);
    maxPasses_ = named(new QSpinBox(this), QT_TR_NOOP("Maximum dirty passes"));
    maxPasses_->setRange(0, 100000);
    addRow(link, QT_TR_NOOP("Max &passes"), maxPasses_);
    completeBelow_ = named(new SizeSpinBox(this), QT_TR_NOOP("Send everything in the complete phase below this size (0: off)"));
    completeBelow_->setRange(0, 1ULL << 40);
    addRow(link, QT_TR_NOOP("Complete &only below"), completeBelow_);

    auto* startRow = new QHBoxLayout;
    autoStart_ = named(new QCheckBox(this), QT_TR_NOOP("Start the migration automatically"));
    texts_.add(autoStart_, QT_TR_NOOP("at"), [this](const QString& t) { autoStart_->setText(t); });
    startAt_ = named(new QDoubleSpinBox(this), QT_TR_NOOP("Simulated time at which the migration starts"));
    startAt_->setRange(0, 86400);
    startAt_->setDecimals(3);
    suffix(startAt_, QT_TR_NOOP(" s"));
    startRow->addWidget(autoStart_);
    startRow->addWidget(startAt_, 1);
    addRow(link, QT_TR_NOOP("Migration starts"), startRow);
    seed_ = named(new QSpinBox(this), QT_TR_NOOP("Random seed"));
    seed_->setRange(0, std::numeric_limits<int>::max());
    addRow(link, QT_TR_NOOP("S&eed"), seed_);
    tick_ = named(new QDoubleSpinBox(this), QT_TR_NOOP("Simulation tick in milliseconds"));
    tick_->setRange(0.001, 1000);
    tick_->setDecimals(3);
    suffix(tick_, QT_TR_NOOP(" ms"));
    addRow(link, QT_TR_NOOP("&Tick"), tick_);

    connect(disk_, &SizeSpinBox::valueChanged, this, &ParametersPanel::edited);
    connect(granularity_, &QComboBox::currentIndexChanged, this, &ParametersPanel::edited);
    connect(chunkSlider_, &QSlider::valueChanged, this, [this](int log2) {
        if (!updating_) {
            chunk_->setValue(qulonglong(1) << log2);  // emits valueChanged -> edited
        }
    });
    connect(chunk_, &SizeSpinBox::valueChanged, this, &ParametersPanel::edited);
    connect(seedView_, &QTableView::clicked, this, [this](const QModelIndex& index) {
        chunk_->setValue(index.data(SeedTableModel::ChunkBytesRole).toULongLong());
    });
    connect(strategy_, &QComboBox::currentIndexChanged, this, &ParametersPanel::edited);
    for (QDoubleSpinBox* s : {bandwidth_, latency_, maxDowntime_, startAt_, tick_}) {
        s->setKeyboardTracking(false);
        connect(s, &QDoubleSpinBox::valueChanged, this, &ParametersPanel::edited);
    }
    for (QSpinBox* s : {maxPasses_, seed_}) {
        s->setKeyboardTracking(false);
        connect(s, &QSpinBox::valueChanged, this, &ParametersPanel::edited);
    }
    connect(completeBelow_, &SizeSpinBox::valueChanged, this, &ParametersPanel::edited);
    connect(autoStart_, &QCheckBox::toggled, this, &ParametersPanel::edited);
    for (SizeSpinBox* s : {disk_, chunk_, completeBelow_}) {
        connect(s, &SizeSpinBox::problemChanged, this, &ParametersPanel::showProblem);
    }
    setConfig(SimConfig{});
}

void ParametersPanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
}

void ParametersPanel::retranslateUi()
{
    texts_.retranslate();
    for (int i = 0; i < granularity_->count(); ++i) {
        granularity_->setItemText(i, SizeSpinBox::format(granularity_->itemData(i).toULongLong()));
    }
    setConfig(base_);  // every value, the derived figures and the seed table in the new language
}

void ParametersPanel::setConfig(const SimConfig& c)
{
    updating_ = true;
    base_ = c;
    disk_->setValue(c.diskBytes);
    granularity_->setCurrentIndex(granularity_->findData(QVariant::fromValue<qulonglong>(c.granularity)));
    chunk_->setValue(c.chunkBytes);
    chunkSlider_->setValue(std::countr_zero(c.chunkBytes));
    strategy_->setCurrentIndex(strategy_->findData(int(c.strategy)));
    bandwidth_->setValue(c.bandwidth * 8 / 1e6);
    latency_->setValue(double(c.latencyNs) / 1e6);
    maxDowntime_->setValue(double(c.maxDowntimeNs) / 1e6);
    maxPasses_->setValue(int(c.maxPasses));
    completeBelow_->setValue(c.completeOnlyBelow);
    autoStart_->setChecked(c.migrationStartNs >= 0);
    startAt_->setValue(c.migrationStartNs >= 0 ? double(c.migrationStartNs) / 1e9 : 0);
    seed_->setValue(int(std::min<uint64_t>(c.seed, uint64_t(std::numeric_limits<int>::max()))));
    tick_->setValue(double(c.tickNs) / 1e6);
    updateDerived(c);
    showProblem({});
    updating_ = false;
}

SimConfig ParametersPanel::config() const
{
    SimConfig c = base_;
    c.diskBytes = disk_->value();
    c.granularity = granularity_->currentData().toULongLong();
    c.chunkBytes = chunk_->value();
    c.strategy = Strategy(strategy_->currentData().toInt());
    c.bandwidth = bandwidth_->value() * 1e6 / 8;
    c.latencyNs = int64_t(latency_->value() * 1e6);
    c.maxDowntimeNs = int64_t(maxDowntime_->value() * 1e6);
    c.maxPasses = unsigned(maxPasses_->value());
    c.completeOnlyBelow = completeBelow_->value();
    c.migrationStartNs = autoStart_->isChecked() ? int64_t(startAt_->value() * 1e9) : -1;
    c.seed = uint64_t(seed_->value());
    c.tickNs = int64_t(tick_->value() * 1e6);
    c.sampleIntervalNs = std::max(c.sampleIntervalNs, c.tickNs);
    return c;
}

QString ParametersPanel::problem() const
{
    return problem_->isVisible() ? problem_->text() : QString();
}

void ParametersPanel::showProblem(const QString& message)
{
    problem_->setText(message);
    problem_->setVisible(!message.isEmpty());
}

void ParametersPanel::edited()
{
    if (updating_) {
        return;
    }
    updating_ = true;
    chunkSlider_->setValue(std::countr_zero(chunk_->value()));
    updating_ = false;
    const SimConfig c = config();
    try {
        c.validate();
    } catch (const std::exception& e) {
        showProblem(tr("Not applied: %1").arg(QString::fromStdString(e.what())));
        return;
    }
    showProblem({});
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
                              .arg(formatDataSize(g.coverage, 2), l.toString(qulonglong(g.metaBits)),
                                   formatDataSize(g.bitmapBytes, 2), QString::number(g.headerBytes + g.paddingBytes),
                                   l.toString(100 * g.overhead, 'f', 1)));
        seedModel_->setGeometry(c.diskBytes, c.granularity, c.chunkBytes);
        fitSeedTable();
        if (seedModel_->currentRow() >= 0) {
            seedView_->scrollTo(seedModel_->index(seedModel_->currentRow(), 0));
        }
    } catch (const std::exception& e) {
        derived_->setText(QString::fromStdString(e.what()));
    }
}

} // namespace bitmig
