#include "livewindow.h"

#include "widgets/byteformat.h"
#include "widgets/heatmapview.h"
#include "widgets/ratechart.h"
#include "widgets/zoomstack.h"

#include <QCloseEvent>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QResizeEvent>
#include <QScrollBar>
#include <QScrollArea>
#include <QSettings>
#include <QStandardPaths>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace bitmig {

namespace {

const QString kRecentKey = QStringLiteral("live/recentSockets");
constexpr int kNodeRole = Qt::UserRole;
constexpr int kBitmapRole = Qt::UserRole + 1;

enum Column { ColNode, ColBitmap, ColGranularity, ColDirty, ColRecording, ColPersistent, ColBusy, ColCount };

QString ms(qint64 ns)
{
    return QLocale().toString(double(ns) / 1e6, 'f', 1);
}

} // namespace

// ---- AttachDialog ---------------------------------------------------------------------------------

AttachDialog::AttachDialog(QWidget* parent, bool rememberSockets) : QDialog(parent), rememberSockets_(rememberSockets)
{
    setWindowTitle(tr("Attach to QEMU"));
    socket_ = new QComboBox(this);
    socket_->setEditable(true);
    socket_->setObjectName(QStringLiteral("socketField"));
    if (rememberSockets_) {
        socket_->addItems(recentSockets());
    }
    socket_->setMinimumContentsLength(40);
    socket_->setToolTip(tr("The QMP socket of a running QEMU, as given by -qmp unix:PATH,server=on,wait=off"));
    auto* browse = new QPushButton(tr("Browse..."), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("QMP socket"), socket_->currentText());
        if (!path.isEmpty()) {
            socket_->setCurrentText(path);
        }
    });
    auto* row = new QHBoxLayout;
    row->addWidget(socket_, 1);
    row->addWidget(browse);
    nbd_ = new QLineEdit(this);
    nbd_->setObjectName(QStringLiteral("nbdField"));
    nbd_->setPlaceholderText(tr("none: a private one is started"));
    nbd_->setToolTip(tr("Only when the VM already runs an NBD server (QEMU runs one at most): its unix socket"));
    error_ = new QLabel(this);
    error_->setObjectName(QStringLiteral("attachError"));
    error_->setWordWrap(true);
    error_->setTextFormat(Qt::PlainText);
    error_->hide();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Attach"));
    connect(buttons, &QDialogButtonBox::accepted, this, &AttachDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &AttachDialog::reject);
    auto* form = new QFormLayout;
    form->addRow(tr("QMP socket:"), row);
    form->addRow(tr("The VM's NBD server:"), nbd_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Reads the dirty bitmaps of a running QEMU. Each refresh copies the watched "
                                    "bitmaps, reads the copies over NBD and removes them again."), this));
    layout->addLayout(form);
    layout->addWidget(error_);
    layout->addWidget(buttons);
}

QStringList AttachDialog::recentSockets()
{
    return QSettings().value(kRecentKey).toStringList();
}

void AttachDialog::accept()
{
    const QString path = socket_->currentText().trimmed();
    if (path.isEmpty()) {
        error_->setText(tr("Name the QMP socket of a running QEMU."));
        error_->show();
        return;
    }
    auto session = std::make_unique<LiveSession>();
    const QString why = session->attach(path, nbd_->text().trimmed());
    if (!why.isEmpty()) {
        error_->setText(tr("Cannot attach to %1: %2").arg(path, why));
        error_->show();
        return;
    }
    if (rememberSockets_) {
        QStringList recent = recentSockets();
        recent.removeAll(path);
        recent.prepend(path);
        while (recent.size() > kMaxRecent) {
            recent.removeLast();
        }
        QSettings().setValue(kRecentKey, recent);
    }
    session_ = std::move(session);
    QDialog::accept();
}

// ---- LiveWindow -----------------------------------------------------------------------------------

LiveWindow* LiveWindow::attachFromDialog(QWidget* parent, bool rememberSockets)
{
    AttachDialog dialog(parent, rememberSockets);
    if (dialog.exec() != QDialog::Accepted) {
        return nullptr;
    }
    auto* w = new LiveWindow(dialog.takeSession(), parent);
    w->show();
    return w;
}

LiveWindow::LiveWindow(std::unique_ptr<LiveSession> session, QWidget* parent)
    : QWidget(parent, Qt::Window), session_(std::move(session))
{
    setAttribute(Qt::WA_DeleteOnClose);
    setObjectName(QStringLiteral("liveWindow"));
    setWindowTitle(tr("QEMU %1 at %2").arg(session_->qemuVersion(), session_->socketPath()));

    table_ = new QTreeWidget(this);
    table_->setObjectName(QStringLiteral("liveBitmaps"));
    table_->setRootIsDecorated(false);
    table_->setColumnCount(ColCount);
    table_->setHeaderLabels({tr("Node"), tr("Bitmap"), tr("Granularity"), tr("Dirty"), tr("Recording"), tr("Persistent"),
                             tr("Busy")});
    table_->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->setToolTip(tr("Tick a bitmap to show it as a heatmap"));
    table_->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    connect(table_, &QTreeWidget::itemChanged, this, &LiveWindow::onItemChanged);

    interval_ = new QDoubleSpinBox(this);
    interval_->setObjectName(QStringLiteral("liveInterval"));
    interval_->setRange(0.1, 3600);
    interval_->setDecimals(1);
    interval_->setSuffix(tr(" s"));
    interval_->setValue(session_->intervalMs() / 1000.0);
    connect(interval_, &QDoubleSpinBox::valueChanged, this, [this](double s) { session_->setIntervalMs(int(s * 1000)); });
    pause_ = new QPushButton(tr("Pause"), this);
    pause_->setObjectName(QStringLiteral("livePause"));
    pause_->setCheckable(true);
    connect(pause_, &QPushButton::toggled, this, [this](bool paused) {
        session_->setPaused(paused);
        pause_->setText(paused ? tr("Resume") : tr("Pause"));
        onRefreshed();
    });
    auto* refresh = new QPushButton(tr("Refresh now"), this);
    connect(refresh, &QPushButton::clicked, session_.get(), &LiveSession::refreshNow);
    simulate_ = new QPushButton(tr("Simulate migration"), this);
    simulate_->setObjectName(QStringLiteral("liveSimulate"));
    simulate_->setToolTip(tr("Opens a simulated run in the main window with this VM's disks and bitmaps, their bits "
                             "as read now, and the changes seen between refreshes as the guest's workload"));
    connect(simulate_, &QPushButton::clicked, this, &LiveWindow::simulateRequested);
    detach_ = new QPushButton(tr("Detach"), this);
    connect(detach_, &QPushButton::clicked, this, &QWidget::close);

    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Refresh every"), this));
    controls->addWidget(interval_);
    controls->addWidget(pause_);
    controls->addWidget(refresh);
    controls->addStretch(1);
    controls->addWidget(simulate_);
    controls->addWidget(detach_);

    auto* viewsHost = new QWidget(this);
    views_ = new QVBoxLayout(viewsHost);
    emptyHint_ = new QLabel(tr("Tick a bitmap in the table to watch it: each refresh then shows its bits and what "
                               "turned dirty or clean since the refresh before."),
                            viewsHost);
    emptyHint_->setObjectName(QStringLiteral("liveEmptyHint"));
    emptyHint_->setWordWrap(true);
    emptyHint_->setAlignment(Qt::AlignCenter);
    emptyHint_->setEnabled(false);  // drawn in the palette's placeholder grey
    views_->addWidget(emptyHint_, 1);
    views_->addStretch(1);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(viewsHost);

    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("liveStatus"));
    status_->setTextFormat(Qt::PlainText);

    rateChart_ = new RateChart(this);
    rateChart_->setObjectName(QStringLiteral("liveDirtyRate"));
    rateChart_->setTitle(tr("Dirty rate (bitmap bytes turned dirty per second)"));
    rateChart_->setMinimumHeight(150);
    rateChart_->setMaximumHeight(200);

    // The table and its controls beside the dirty rate chart, so the heatmaps keep the height: three
    // bitmaps' heatmaps show at once in a 900 px window.
    auto* left = new QVBoxLayout;
    left->addWidget(table_);
    left->addLayout(controls);
    left->addStretch(1);
    auto* top = new QHBoxLayout;
    top->addLayout(left, 3);
    top->addWidget(rateChart_, 2);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(scroll, 1);
    layout->addWidget(status_);

    connect(session_.get(), &LiveSession::refreshed, this, &LiveWindow::onRefreshed);
    connect(session_.get(), &LiveSession::failed, this, &LiveWindow::onFailed);
    connect(session_.get(), &LiveSession::detached, rateChart_, &RateChart::clear);
    fillTable();
    onRefreshed();
    resize(900, 640);
}

LiveWindow::~LiveWindow()
{
    session_->detach();
}

void LiveWindow::closeEvent(QCloseEvent* event)
{
    session_->detach();
    QWidget::closeEvent(event);
}

void LiveWindow::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    fitTable();  // the horizontal scroll bar comes and goes with the width
}

void LiveWindow::fitTable()
{
    const int rows = std::clamp(table_->topLevelItemCount(), 1, kMaxTableRows);
    const int rowHeight = std::max(table_->sizeHintForRow(0), table_->fontMetrics().height());
    int height = 2 * table_->frameWidth() + table_->header()->sizeHint().height() + rows * rowHeight;
    if (table_->header()->length() > table_->width() - 2 * table_->frameWidth()) {
        height += table_->horizontalScrollBar()->sizeHint().height();
    }
    table_->setFixedHeight(height);
}

HeatmapView* LiveWindow::heatmap(const qemu::BitmapRef& ref) const
{
    const auto it = watched_.find({ref.node, ref.bitmap});
    return it == watched_.end() ? nullptr : it->second.view;
}

QLabel* LiveWindow::figures(const qemu::BitmapRef& ref) const
{
    const auto it = watched_.find({ref.node, ref.bitmap});
    return it == watched_.end() ? nullptr : it->second.figures;
}

void LiveWindow::fillTable()
{
    filling_ = true;
    const QLocale locale;
    QList<QTreeWidgetItem*> seen;
    for (const qemu::LiveNodeInfo& node : session_->nodes()) {
        for (const qemu::LiveBitmapInfo& b : node.bitmaps) {
            QTreeWidgetItem* item = nullptr;
            for (int i = 0; i < table_->topLevelItemCount(); ++i) {
                QTreeWidgetItem* x = table_->topLevelItem(i);
                if (x->data(ColNode, kNodeRole).toString() == node.nodeName && x->data(ColNode, kBitmapRole).toString() == b.name) {
                    item = x;
                }
            }
            if (!item) {
                item = new QTreeWidgetItem(table_);
                item->setData(ColNode, kNodeRole, node.nodeName);
                item->setData(ColNode, kBitmapRole, b.name);
                item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
                item->setCheckState(ColNode, Qt::Unchecked);
            }
            item->setText(ColNode, node.device.isEmpty() ? node.nodeName : tr("%1 (%2)").arg(node.nodeName, node.device));
            item->setText(ColBitmap, b.name);
            item->setText(ColGranularity, formatBytes(b.granularity, locale));
            item->setText(ColDirty, formatBytes(b.count, locale));
            item->setText(ColRecording, b.recording ? tr("yes") : tr("no"));
            item->setText(ColPersistent, b.persistent ? tr("yes") : tr("no"));
            item->setText(ColBusy, b.busy ? tr("yes") : tr("no"));
            for (int c = ColGranularity; c <= ColDirty; ++c) {
                item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
            }
            seen.append(item);
        }
    }
    for (int i = table_->topLevelItemCount() - 1; i >= 0; --i) {
        if (!seen.contains(table_->topLevelItem(i))) {
            delete table_->takeTopLevelItem(i);  // the bitmap is gone from QEMU
        }
    }
    filling_ = false;
    fitTable();
}

void LiveWindow::onItemChanged(QTreeWidgetItem* item, int column)
{
    if (filling_ || column != ColNode) {
        return;
    }
    const qemu::BitmapRef ref{item->data(ColNode, kNodeRole).toString(), item->data(ColNode, kBitmapRole).toString()};
    const std::pair<QString, QString> key{ref.node, ref.bitmap};
    const bool on = item->checkState(ColNode) == Qt::Checked;
    if (on && !watched_.count(key)) {
        Watched w;
        w.box = new QWidget;
        auto* box = new QVBoxLayout(w.box);
        box->setContentsMargins(0, 0, 0, 0);
        w.figures = new QLabel(w.box);
        w.figures->setTextFormat(Qt::PlainText);
        w.view = new HeatmapView(w.box);
        w.view->setShowDestination(false);
        w.view->setShowsSentChunks(false);  // a running VM's bitmap: nothing is being sent
        w.view->setMinimumHeight(200);
        w.view->setBandText(HeatmapView::Band::Source, tr("Dirty bitmap %1 of %2").arg(ref.bitmap, ref.node), tr("waiting for the first refresh"));
        w.view->setBandText(HeatmapView::Band::Meta, tr("Changed since the refresh before"), QString());
        box->addWidget(w.figures);
        box->addWidget(w.view);
        views_->insertWidget(views_->count() - 1, w.box);
        connect(w.view, &HeatmapView::requestChanged, this, [this, ref] { updateView(ref); });
        watched_[key] = w;
    } else if (!on && watched_.count(key)) {
        delete watched_[key].box;
        watched_.erase(key);
    }
    emptyHint_->setVisible(watched_.empty());
    QList<qemu::BitmapRef> refs;
    for (int i = 0; i < table_->topLevelItemCount(); ++i) {
        QTreeWidgetItem* x = table_->topLevelItem(i);
        if (x->checkState(ColNode) == Qt::Checked) {
            refs.append({x->data(ColNode, kNodeRole).toString(), x->data(ColNode, kBitmapRole).toString()});
        }
    }
    session_->setWatched(refs);
    if (on && !session_->isPaused()) {
        session_->refreshNow();  // show it now rather than at the next tick
    }
}

void LiveWindow::updateView(const qemu::BitmapRef& ref)
{
    HeatmapView* view = heatmap(ref);
    const LiveBitmapState* st = session_->state(ref);
    if (!view || !st) {
        return;
    }
    const QLocale locale;
    view->setBandText(HeatmapView::Band::Source, tr("Dirty bitmap %1 of %2").arg(ref.bitmap, ref.node),
                      tr("%1 dirty of %2, 1 bit = %3")
                          .arg(formatBytes(st->dirtyBytes, locale), formatBytes(st->diskBytes, locale),
                               formatBytes(st->granularity, locale)));
    view->setBandText(HeatmapView::Band::Meta, tr("Changed since the refresh before"),
                      tr("%1 turned dirty, %2 clean").arg(formatBytes(st->dirtiedBytes, locale), formatBytes(st->cleanedBytes, locale)));
    const SimSnapshotPtr snapshot = session_->snapshot(ref, view->currentRequest());
    if (snapshot) {
        view->zoomStack()->setTotalBits(snapshot->geometry.totalBits());
        view->setSnapshot(snapshot);
    }
}

void LiveWindow::onRefreshed()
{
    fillTable();
    const QLocale locale;
    QList<RateChart::Series> rates;
    for (const qemu::BitmapRef& ref : session_->watched()) {
        rates.append(RateChart::Series{tr("%1/%2").arg(ref.node, ref.bitmap), session_->rateHistory(ref)});
    }
    rateChart_->setSeries(session_->isAttached() ? rates : QList<RateChart::Series>{});
    for (const auto& [key, w] : watched_) {
        const qemu::BitmapRef ref{key.first, key.second};
        const LiveBitmapState* st = session_->state(ref);
        if (!st) {
            continue;
        }
        const int extents = int(st->extents.size());
        w.figures->setText(tr("%1/%2: %3 dirty in %4 · +%5 −%6 since the refresh before · dirty rate %7/s")
                               .arg(ref.node, ref.bitmap, formatBytes(st->dirtyBytes, locale),
                                    tr("%Ln extents", nullptr, extents),
                                    formatBytes(st->dirtiedBytes, locale), formatBytes(st->cleanedBytes, locale),
                                    formatBytes(uint64_t(st->dirtyRate), locale)));
        updateView(ref);
    }
    if (!session_->isAttached()) {
        return;
    }
    const qemu::LiveRefresh& r = session_->lastRefresh();
    QString text = tr("Attached to QEMU %1 at %2").arg(session_->qemuVersion(), session_->socketPath());
    if (session_->refreshCount() > 0 && !r.bitmaps.isEmpty()) {
        const int trips = int(r.qmpRoundTrips);
        const int requests = int(r.nbdRequests);
        text += tr(" · refresh %1 took %2 ms (QMP %3 ms in %4, NBD %5 ms in %6)")
                    .arg(session_->refreshCount())
                    .arg(ms(r.totalNs), ms(r.qmpNs),
                         tr("%Ln round trips", nullptr, trips),
                         ms(r.nbdNs), tr("%Ln requests", nullptr, requests));
    }
    if (session_->isPaused()) {
        text += tr(" · paused");
    }
    status_->setText(text);
}

void LiveWindow::onFailed(const QString& message)
{
    if (session_->isAttached()) {
        status_->setText(tr("The refresh failed: %1").arg(message));
        return;
    }
    status_->setText(tr("Detached: %1").arg(message));
    pause_->setEnabled(false);
    interval_->setEnabled(false);
    simulate_->setEnabled(false);
}

QString LiveWindow::traceFolder()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)).filePath(QStringLiteral("live-traces"));
}

std::optional<LiveSimulation::Result> LiveWindow::simulation(const SimConfig& base, const QString& traceDir, QString* why)
{
    const std::optional<qemu::LiveRefresh> bits = session_->readAll(why);
    if (!bits) {
        return std::nullopt;
    }
    return LiveSimulation::build(tr("%1 at %2").arg(session_->qemuVersion(), session_->socketPath()), *bits,
                                 session_->changes(), session_->changesTruncated(), base, traceDir, why);
}

} // namespace bitmig
