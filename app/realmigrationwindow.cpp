#include "app/realmigrationwindow.h"

#include "widgets/bitmapselector.h"
#include "widgets/byteformat.h"
#include "widgets/heatmapview.h"
#include "widgets/sizespinbox.h"
#include "widgets/zoomstack.h"

#include <bitmig/hbitmap.h>
#include <bitmig/snapshotbuilder.h>

#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <bit>

namespace bitmig {

namespace {

enum BitmapCol { ColName, ColGranularity, ColPersistent, ColDisk, ColCount };

QString seconds(int64_t ns)
{
    return QCoreApplication::translate("bitmig::RealMigrationWindow", "%1 ms").arg(QLocale().toString(double(ns) / 1e6, 'f', 1));
}

} // namespace

RealMigrationDialog::RealMigrationDialog(const SimConfig& params, QWidget* parent) : QDialog(parent), params_(params)
{
    setWindowTitle(tr("Run a real QEMU migration"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Two QEMUs with no guest (-machine none) are started on scratch images in a private folder, "
                                "and the source's dirty bitmaps migrate to the destination over a unix socket. "
                                "Your own images are only read."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* form = new QFormLayout;
    newImage_ = new QRadioButton(tr("New image of"), this);
    size_ = new SizeSpinBox(this);
    size_->setRange(512, qulonglong(1) << 50);
    size_->setMultipleOf(512);
    size_->setValue(params.diskBytes);
    form->addRow(newImage_, size_);
    copy_ = new QRadioButton(tr("Scratch copies of"), this);
    auto* filesRow = new QHBoxLayout;
    files_ = new QLineEdit(this);
    files_->setPlaceholderText(tr("qcow2 files, separated by ;"));
    auto* browse = new QPushButton(tr("Browse..."), this);
    filesRow->addWidget(files_);
    filesRow->addWidget(browse);
    form->addRow(copy_, filesRow);
    newImage_->setChecked(true);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QStringList files = QFileDialog::getOpenFileNames(this, tr("qcow2 images to copy"), QString(), tr("qcow2 images (*.qcow2);;All files (*)"));
        if (!files.isEmpty()) {
            files_->setText(files.join(QLatin1Char(';')));
            copy_->setChecked(true);
        }
    });
    connect(files_, &QLineEdit::textEdited, this, [this] { copy_->setChecked(true); });

    bitmaps_ = new QTableWidget(0, ColCount, this);
    bitmaps_->setHorizontalHeaderLabels({tr("Bitmap"), tr("Granularity (bytes)"), tr("Persistent"), tr("Disk")});
    bitmaps_->horizontalHeader()->setStretchLastSection(true);
    bitmaps_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);  // whole headers
    bitmaps_->verticalHeader()->hide();
    addBitmapRow(QString::fromStdString(params.bitmapName), params.granularity, false);
    auto* bitmapButtons = new QHBoxLayout;
    auto* add = new QPushButton(tr("Add bitmap"), this);
    auto* remove = new QPushButton(tr("Remove bitmap"), this);
    bitmapButtons->addWidget(add);
    bitmapButtons->addWidget(remove);
    bitmapButtons->addStretch();
    connect(add, &QPushButton::clicked, this, [this] { addBitmapRow(tr("bitmap%1").arg(bitmaps_->rowCount()), params_.granularity, false); });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (bitmaps_->rowCount() > 1) {
            bitmaps_->removeRow(bitmaps_->currentRow() >= 0 ? bitmaps_->currentRow() : bitmaps_->rowCount() - 1);
        }
    });
    auto* bitmapBox = new QVBoxLayout;
    bitmapBox->addWidget(bitmaps_);
    bitmapBox->addLayout(bitmapButtons);
    form->addRow(tr("Bitmaps on the source:"), bitmapBox);

    mode_ = new QComboBox(this);
    mode_->addItem(tr("Precopy (the bitmaps are sent at completion, the guest paused)"), false);
    mode_->addItem(tr("Postcopy (migrate-start-postcopy; the bitmaps follow the switch-over)"), true);
    form->addRow(tr("Mode:"), mode_);
    manualSwitch_ = new QCheckBox(tr("Switch to postcopy when I press the button (else at once)"), this);
    manualSwitch_->setEnabled(false);
    form->addRow(QString(), manualSwitch_);
    connect(mode_, &QComboBox::currentIndexChanged, this, [this] { manualSwitch_->setEnabled(mode_->currentData().toBool()); });
    const QLocale locale;
    auto* link = new QLabel(tr("max-bandwidth %1/s, downtime-limit %2 (from the Parameters dock)")
                                .arg(formatBytes(uint64_t(params.bandwidth), locale), seconds(params.maxDowntimeNs)),
                            this);
    form->addRow(tr("Link:"), link);
    layout->addLayout(form);

    error_ = new QLabel(this);
    error_->setWordWrap(true);
    error_->setTextFormat(Qt::PlainText);
    error_->setStyleSheet(QStringLiteral("color: palette(highlight)"));
    error_->hide();
    layout->addWidget(error_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Start the QEMUs"));
    connect(buttons, &QDialogButtonBox::accepted, this, &RealMigrationDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

void RealMigrationDialog::addBitmapRow(const QString& name, uint64_t granularity, bool persistent)
{
    const int row = bitmaps_->rowCount();
    bitmaps_->insertRow(row);
    bitmaps_->setItem(row, ColName, new QTableWidgetItem(name));
    bitmaps_->setItem(row, ColGranularity, new QTableWidgetItem(QString::number(granularity)));
    auto* p = new QTableWidgetItem;
    p->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
    p->setCheckState(persistent ? Qt::Checked : Qt::Unchecked);
    bitmaps_->setItem(row, ColPersistent, p);
    bitmaps_->setItem(row, ColDisk, new QTableWidgetItem(QStringLiteral("0")));
}

RealMigrationSpec RealMigrationDialog::spec() const
{
    using K = RealMigrationError::Kind;
    RealMigrationSpec s;
    if (copy_->isChecked()) {
        const QStringList files = files_->text().split(QLatin1Char(';'), Qt::SkipEmptyParts);
        if (files.isEmpty()) {
            throw RealMigrationError(K::BadSpec, tr("Scratch copies: name at least one qcow2 file"));
        }
        for (const QString& f : files) {
            s.disks.push_back(RealDisk{f.trimmed(), 0});
        }
    } else {
        s.disks.push_back(RealDisk{{}, size_->value()});
    }
    for (int row = 0; row < bitmaps_->rowCount(); ++row) {
        RealBitmap b;
        b.name = bitmaps_->item(row, ColName)->text().trimmed();
        bool ok = false;
        const QString gran = bitmaps_->item(row, ColGranularity)->text().trimmed();
        b.granularity = gran.toULongLong(&ok);
        if (!ok) {
            throw RealMigrationError(K::BadSpec, tr("Bitmap %1: the granularity \"%2\" is not a number of bytes").arg(row + 1).arg(gran));
        }
        b.persistent = bitmaps_->item(row, ColPersistent)->checkState() == Qt::Checked;
        const QString disk = bitmaps_->item(row, ColDisk)->text().trimmed();
        b.disk = disk.toInt(&ok);
        if (!ok) {
            throw RealMigrationError(K::BadSpec, tr("Bitmap %1: the disk \"%2\" is not a disk number").arg(row + 1).arg(disk));
        }
        s.bitmaps.push_back(b);
    }
    s.postcopy = mode_->currentData().toBool();
    s.postcopyAfterMs = manualSwitch_->isChecked() ? -1 : 0;
    s.bandwidth = params_.bandwidth;
    s.downtimeLimitMs = params_.maxDowntimeNs / 1'000'000;
    return s;
}

void RealMigrationDialog::accept()
{
    error_->hide();
    try {
        const RealMigrationSpec s = spec();
        auto m = std::make_unique<RealMigration>();
        m->prepare(s);
        migration_ = std::move(m);
    } catch (const RealMigrationError& e) {
        error_->setText(e.message());
        error_->show();
        return;
    }
    QDialog::accept();
}

RealMigrationWindow* RealMigrationWindow::runFromDialog(QWidget* parent, const SimConfig& params)
{
    RealMigrationDialog dialog(params, parent);
    if (dialog.exec() != QDialog::Accepted) {
        return nullptr;
    }
    auto* w = new RealMigrationWindow(dialog.takeMigration(), parent);
    w->show();
    return w;
}

RealMigrationWindow::RealMigrationWindow(std::unique_ptr<RealMigration> migration, QWidget* parent)
    : QWidget(parent, Qt::Window), migration_(std::move(migration))
{
    setAttribute(Qt::WA_DeleteOnClose);
    const RealMigrationSpec& spec = migration_->spec();
    setWindowTitle(tr("Real QEMU migration (%1)").arg(spec.postcopy ? tr("postcopy") : tr("precopy")));
    auto* layout = new QVBoxLayout(this);

    // QEMU's statuses in the order it goes through them.
    statuses_ = {QStringLiteral("setup"), QStringLiteral("active"), QStringLiteral("pre-switchover")};
    if (spec.postcopy) {
        statuses_ << QStringLiteral("postcopy-active");
    }
    statuses_ << QStringLiteral("completed");
    auto* strip = new QHBoxLayout;
    for (const QString& s : statuses_) {
        auto* l = new QLabel(s, this);
        l->setAlignment(Qt::AlignCenter);
        l->setFrameShape(QFrame::StyledPanel);
        l->setMargin(4);
        l->setAutoFillBackground(true);
        strip->addWidget(l, 1);
        steps_.append(l);
    }
    layout->addLayout(strip);

    status_ = new QLabel(tr("QEMU %1 is ready: source and destination started, bitmaps added. Brush on the disk to write to it, then Start.")
                             .arg(migration_->qemuVersion()),
                         this);
    status_->setWordWrap(true);
    status_->setTextFormat(Qt::PlainText);
    layout->addWidget(status_);

    auto* buttons = new QHBoxLayout;
    start_ = new QPushButton(tr("Start the migration"), this);
    postcopy_ = new QPushButton(tr("Switch to postcopy"), this);
    postcopy_->setVisible(spec.postcopy && spec.postcopyAfterMs < 0);
    postcopy_->setEnabled(false);
    cancel_ = new QPushButton(tr("Cancel the migration"), this);
    cancel_->setEnabled(false);
    buttons->addWidget(start_);
    buttons->addWidget(postcopy_);
    buttons->addWidget(cancel_);
    buttons->addStretch();
    layout->addLayout(buttons);

    selector_ = new BitmapSelector(this);
    layout->addWidget(selector_);
    heatmap_ = new HeatmapView(this);
    heatmap_->setShowDestination(false);
    heatmap_->setShowsSentChunks(false);  // QEMU reports no chunk it is sending
    heatmap_->setMinimumHeight(200);
    heatmap_->setTool(HeatmapView::Tool::Brush);
    layout->addWidget(heatmap_, 1);

    completion_ = new QLabel(this);
    completion_->setWordWrap(true);
    completion_->setTextFormat(Qt::PlainText);
    layout->addWidget(completion_);

    figures_ = new QTableWidget(0, 3, this);
    figures_->setHorizontalHeaderLabels({QString(), tr("QEMU"), tr("Simulator's prediction")});
    figures_->horizontalHeader()->setStretchLastSection(true);
    figures_->verticalHeader()->hide();
    figures_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(figures_);
    note_ = new QLabel(this);
    note_->setWordWrap(true);
    note_->setTextFormat(Qt::PlainText);
    layout->addWidget(note_);

    sha_ = new QTableWidget(0, 4, this);
    sha_->setHorizontalHeaderLabels({tr("Bitmap"), tr("Source SHA-256 (at the switch-over)"), tr("Destination SHA-256"), tr("Same")});
    sha_->horizontalHeader()->setStretchLastSection(true);
    sha_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);  // whole headers, before a row too
    sha_->verticalHeader()->hide();
    sha_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(sha_);

    for (const RealWrite& w : spec.writesBefore) {
        writes_.push_back(w);
    }
    const RealPrediction prediction = predictRealMigration(spec, writes_);
    predicted_ = prediction.completion;
    completion_->setText(predicted_.text);
    fillFigures(nullptr, prediction);

    connect(start_, &QPushButton::clicked, this, [this] {
        try {
            migration_->start();
        } catch (const RealMigrationError& e) {
            onFailed(int(e.kind()), e.message());
            return;
        }
        start_->setEnabled(false);
        cancel_->setEnabled(true);
    });
    connect(postcopy_, &QPushButton::clicked, this, [this] {
        const QString e = migration_->startPostcopy();
        postcopy_->setEnabled(false);
        if (!e.isEmpty()) {
            status_->setText(e);
        }
    });
    connect(cancel_, &QPushButton::clicked, this, [this] { migration_->cancel(); });
    connect(migration_.get(), &RealMigration::statusChanged, this, &RealMigrationWindow::onStatus);
    connect(migration_.get(), &RealMigration::progress, this, &RealMigrationWindow::onProgress);
    connect(migration_.get(), &RealMigration::finished, this, &RealMigrationWindow::onFinished);
    connect(migration_.get(), &RealMigration::failed, this, &RealMigrationWindow::onFailed);
    connect(heatmap_, &HeatmapView::brushStroke, this, &RealMigrationWindow::onBrush);
    connect(selector_, &BitmapSelector::bitmapChosen, this, [this](size_t index) {
        shown_ = std::min(index, migration_->spec().bitmaps.size() - 1);
        heatmap_->setBitmap(shown_);  // another disk, another axis: the whole of it
        updateHeatmap();
    });
    connect(heatmap_, &HeatmapView::requestChanged, this, &RealMigrationWindow::updateHeatmap);
    resize(900, 720);
    updateHeatmap();
}

RealMigrationWindow::~RealMigrationWindow()
{
    migration_->disconnect(this);
    migration_->shutdown();
}

void RealMigrationWindow::onStatus(const QString& status)
{
    const int index = int(statuses_.indexOf(status));
    if (index >= 0) {
        active_ = index;
    }
    for (int i = 0; i < steps_.size(); ++i) {
        QFont f = steps_[i]->font();
        f.setBold(i == active_);
        steps_[i]->setFont(f);
        steps_[i]->setBackgroundRole(i == active_ ? QPalette::Highlight : i < active_ ? QPalette::Midlight : QPalette::Window);
        steps_[i]->setForegroundRole(i == active_ ? QPalette::HighlightedText : QPalette::WindowText);
    }
    if (index < 0) {  // failed, cancelled, ...: the current step is marked as where it stopped
        if (active_ >= 0) {
            steps_[active_]->setText(tr("%1 (%2)").arg(statuses_[active_], status));
        }
    }
    postcopy_->setEnabled(status == QStringLiteral("active") && !migration_->result());
}

void RealMigrationWindow::onProgress(const RealProgress& p)
{
    const QLocale locale;
    status_->setText(tr("QEMU: %1, %2 ms, %3 sent").arg(p.status).arg(p.totalTimeMs).arg(formatBytes(uint64_t(std::max<qint64>(0, p.transferredBytes)), locale)));
    const QString now = qemuCompletionNow(migration_->spec(), p.mbps);
    if (!now.isEmpty() && !migration_->result()) {
        completion_->setText(predicted_.text + QLatin1Char('\n') + now);
    }
}

void RealMigrationWindow::onFinished(const RealMigrationResult& r)
{
    cancel_->setEnabled(false);
    postcopy_->setEnabled(false);
    const RealPrediction prediction = predictRealMigration(migration_->spec(), r.writes);
    fillFigures(&r.figures, prediction);
    sha_->setRowCount(int(r.bitmaps.size()));
    for (int i = 0; i < int(r.bitmaps.size()); ++i) {
        const RealBitmapResult& b = r.bitmaps[size_t(i)];
        sha_->setItem(i, 0, new QTableWidgetItem(tr("%1 on %2").arg(b.name, b.node)));
        sha_->setItem(i, 1, new QTableWidgetItem(b.sourceSha256));
        sha_->setItem(i, 2, new QTableWidgetItem(b.destinationSha256.isEmpty() ? tr("(no such bitmap)") : b.destinationSha256));
        sha_->setItem(i, 3, new QTableWidgetItem(b.matches() ? tr("yes") : tr("NO")));
    }
    sha_->resizeColumnsToContents();
    status_->setText(r.allMatch() ? tr("Completed: every bitmap arrived with the source's SHA-256. Both QEMUs are stopped and their folder removed.")
                                  : tr("Completed, but not every bitmap arrived with the source's SHA-256. Both QEMUs are stopped and their folder removed."));
}

void RealMigrationWindow::onFailed(int kind, const QString& message)
{
    cancel_->setEnabled(false);
    postcopy_->setEnabled(false);
    start_->setEnabled(false);
    if (figures_->rowCount() > 0) {  // the last row: whether QEMU completed
        figures_->setItem(figures_->rowCount() - 1, 1, new QTableWidgetItem(tr("no (%1)").arg(RealMigrationError::kindName(RealMigrationError::Kind(kind)))));
    }
    status_->setText(tr("The migration failed (%1): %2").arg(RealMigrationError::kindName(RealMigrationError::Kind(kind)), message));
}

void RealMigrationWindow::onBrush(uint64_t first, uint64_t length, bool clear)
{
    if (clear) {
        status_->setText(tr("The brush writes to the real disk; a clear has no QEMU counterpart here."));
        return;
    }
    const RealMigrationSpec& spec = migration_->spec();
    const RealBitmap& b = spec.bitmaps[shown_];  // the bitmap shown: the stroke lands on its disk
    const uint64_t size = spec.disks[size_t(b.disk)].sizeBytes;
    // qemu-io writes whole sectors: the stroke rounded outward to 512 bytes, within the disk.
    const uint64_t start = first / 512 * 512;
    const uint64_t end = std::min(size, (first + length + 511) / 512 * 512);
    if (end <= start) {
        return;
    }
    const QString e = migration_->write(b.disk, start, end - start);
    if (!e.isEmpty()) {
        status_->setText(e);
        return;
    }
    writes_.push_back(RealWrite{b.disk, start, end - start, 0});
    updateHeatmap();
}

void RealMigrationWindow::updateHeatmap()
{
    const RealMigrationSpec& spec = migration_->spec();
    const RealBitmap& b = spec.bitmaps[shown_];
    const uint64_t diskBytes = spec.disks[size_t(b.disk)].sizeBytes;
    HBitmap bits(diskBytes, unsigned(std::countr_zero(b.granularity)));
    HBitmap during(diskBytes, unsigned(std::countr_zero(b.granularity)));
    for (const RealWrite& w : writes_) {
        if (w.disk == b.disk) {
            bits.set(w.offset, w.length);
            if (w.atMs >= 0) {
                during.set(w.offset, w.length);
            }
        }
    }
    const QLocale locale;
    heatmap_->setBandText(HeatmapView::Band::Source, tr("Writes to the source's disk (what %1 of %2 records)").arg(b.name, QStringLiteral("drive%1").arg(b.disk)),
                          tr("%1 dirty of %2, 1 bit = %3").arg(formatBytes(bits.count(), locale), formatBytes(diskBytes, locale), formatBytes(b.granularity, locale)));
    heatmap_->setBandText(HeatmapView::Band::Meta, tr("Written with the brush"), QString());
    const HeatmapRequest request = heatmap_->currentRequest();
    const uint64_t count = bits.bitCount();
    auto s = SnapshotBuilder::ofBitmap(bits, &during, 1, diskBytes, b.granularity,
                                       SnapshotBuilder::requestedGeometry(count, request));
    s->serial = ++serial_;
    s->runId = 7;
    for (const RealBitmap& each : spec.bitmaps) {
        s->bitmapLabels.push_back(QStringLiteral("drive%1/%2").arg(each.disk).arg(each.name).toStdString());
    }
    s->bitmap = shown_;
    heatmap_->zoomStack()->setTotalBits(count);
    selector_->setSnapshot(s);
    heatmap_->setSnapshot(s);
}

void RealMigrationWindow::fillFigures(const RealProgress* qemu, const RealPrediction& prediction)
{
    const QLocale locale;
    const MigrationSummary& sim = prediction.summary;
    const QString strategy = prediction.config.strategy == Strategy::Postcopy ? tr("postcopy") : tr("stop and copy");
    struct Row {
        QString what, real, predicted;
    };
    const QString none = tr("(after the run)");
    const QString noPrediction = tr("(none)");
    QString completes;
    switch (prediction.completion.verdict) {
    case QemuCompletion::Verdict::Postcopy: completes = tr("yes, after the switch to postcopy"); break;
    case QemuCompletion::Verdict::Completes:
        completes = tr("yes, once QEMU measures over %1/s").arg(formatBytes(uint64_t(prediction.completion.neededBandwidth), locale));
        break;
    case QemuCompletion::Verdict::NeverCompletes:
        completes = tr("no: %1 pending, at most %2 let through")
                        .arg(formatBytes(prediction.completion.pendingBytes, locale), formatBytes(prediction.completion.limitBytes, locale));
        break;
    }
    const bool never = prediction.completion.verdict == QemuCompletion::Verdict::NeverCompletes;
    const QString notCompleted = tr("(does not complete)");
    std::vector<Row> rows{
        {tr("Total time"), qemu ? tr("%1 ms").arg(qemu->totalTimeMs) : none, never ? notCompleted : prediction.ran ? seconds(sim.totalTimeNs) : noPrediction},
        {tr("Downtime"), qemu ? tr("%1 ms").arg(qemu->downtimeMs) : none, never ? notCompleted : prediction.ran ? seconds(sim.downtimeNs) : noPrediction},
        {tr("Bytes sent"), qemu ? formatBytes(uint64_t(std::max<qint64>(0, qemu->transferredBytes)), locale) : none,
         prediction.ran ? formatBytes(sim.wireBytes, locale) : noPrediction},
        {tr("Completes"), qemu ? tr("yes") : none, completes},
    };
    figures_->setRowCount(int(rows.size()));
    for (int i = 0; i < int(rows.size()); ++i) {
        figures_->setItem(i, 0, new QTableWidgetItem(rows[size_t(i)].what));
        figures_->setItem(i, 1, new QTableWidgetItem(rows[size_t(i)].real));
        figures_->setItem(i, 2, new QTableWidgetItem(rows[size_t(i)].predicted));
    }
    figures_->resizeColumnsToContents();
    QString note = tr("The prediction runs the lab's %1 (what QEMU's %2 does with the bitmaps) on the same disks and bitmaps, "
                      "bandwidth and downtime limit, with the same writes. QEMU's downtime includes the pause at "
                      "pre-switchover where the app reads the source's SHA-256.")
                       .arg(strategy, migration_->spec().postcopy ? tr("postcopy") : tr("precopy"));
    if (never) {
        note += QLatin1Char(' ') + tr("QEMU does not complete it, so the lab's time and downtime are not shown; the bytes are what the "
                                      "bitmaps would take at completion.");
    }
    if (!prediction.note.isEmpty()) {
        note += QLatin1Char(' ') + prediction.note;
    }
    note_->setText(note);
}

} // namespace bitmig
