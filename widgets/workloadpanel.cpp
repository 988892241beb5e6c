#include "workloadpanel.h"

#include "sizespinbox.h"

#include <bitmig/trace.h>

#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLocale>
#include <QPushButton>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>

namespace bitmig {

namespace {

QDoubleSpinBox* spin(QWidget* parent, const QString& name, double lo, double hi, int decimals, const QString& suffix)
{
    auto* s = new QDoubleSpinBox(parent);
    s->setRange(lo, hi);
    s->setDecimals(decimals);
    s->setSuffix(suffix);
    s->setKeyboardTracking(false);
    s->setAccessibleName(name);
    s->setToolTip(name);
    return s;
}

} // namespace

WorkloadPanel::WorkloadPanel(QWidget* parent) : QWidget(parent)
{
    auto* form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    problem_ = new QLabel(this);
    problem_->setWordWrap(true);
    problem_->setVisible(false);
    problem_->setStyleSheet(QStringLiteral("QLabel { color: #c0392b; font-weight: bold; }"));
    form->addRow(problem_);

    kind_ = new QComboBox(this);
    kind_->setAccessibleName(tr("Workload type"));
    kind_->addItem(tr("Idle"), int(WorkloadKind::Idle));
    kind_->addItem(tr("Uniform random"), int(WorkloadKind::Uniform));
    kind_->addItem(tr("Sequential"), int(WorkloadKind::Sequential));
    kind_->addItem(tr("Hot spot"), int(WorkloadKind::HotSpot));
    kind_->addItem(tr("Zipf"), int(WorkloadKind::Zipf));
    kind_->addItem(tr("Bursts"), int(WorkloadKind::Bursts));
    form->addRow(tr("&Type"), kind_);
    rate_ = spin(this, tr("Guest writes per second"), 0, 1e8, 0, tr(" writes/s"));
    form->addRow(tr("&Rate"), rate_);
    minSize_ = new SizeSpinBox(this);
    minSize_->setAccessibleName(tr("Smallest write"));
    minSize_->setRange(512, 1ULL << 30);
    minSize_->setMultipleOf(512);
    form->addRow(tr("Write size &from"), minSize_);
    maxSize_ = new SizeSpinBox(this);
    maxSize_->setAccessibleName(tr("Largest write"));
    maxSize_->setRange(512, 1ULL << 30);
    maxSize_->setMultipleOf(512);
    form->addRow(tr("t&o"), maxSize_);
    hotFraction_ = spin(this, tr("Share of the disk that is hot"), 0.01, 100, 2, tr(" % of disk"));
    form->addRow(tr("Hot &area"), hotFraction_);
    hotShare_ = spin(this, tr("Share of writes that land in the hot area"), 0, 100, 1, tr(" % of writes"));
    form->addRow(tr("Hot &share"), hotShare_);
    zipf_ = spin(this, tr("Zipf exponent (skew)"), 0.01, 10, 2, QString());
    form->addRow(tr("&Zipf exponent"), zipf_);
    burstPeriod_ = spin(this, tr("Burst period"), 0.001, 3600, 3, tr(" s"));
    form->addRow(tr("Burst &period"), burstPeriod_);
    burstDuty_ = spin(this, tr("Share of each period with writes"), 1, 100, 0, tr(" %"));
    form->addRow(tr("Burst &duty"), burstDuty_);

    // A recorded trace, replayed alongside the generator (set the type to Idle to replay it alone).
    trace_ = new QLabel(this);
    trace_->setWordWrap(true);
    trace_->setAccessibleName(tr("Recorded trace"));
    form->addRow(tr("Trace"), trace_);
    auto* traceButtons = new QHBoxLayout;
    chooseTrace_ = new QPushButton(tr("C&hoose trace..."), this);
    chooseTrace_->setToolTip(tr("Replay the writes of a fio iolog, blkparse output or a CSV trace "
                                "(time, offset, length, operation)"));
    dropTrace_ = new QPushButton(tr("&No trace"), this);
    dropTrace_->setToolTip(tr("Stop replaying the trace"));
    traceButtons->addWidget(chooseTrace_);
    traceButtons->addWidget(dropTrace_);
    form->addRow(QString(), traceButtons);
    traceSpeed_ = spin(this, tr("Trace replay speed (2 = twice as fast)"), 0.001, 1e6, 3, tr("x"));
    form->addRow(tr("Replay sp&eed"), traceSpeed_);
    traceLoop_ = new QCheckBox(tr("&Loop the trace"), this);
    traceLoop_->setToolTip(tr("Start the trace again when it ends"));
    form->addRow(QString(), traceLoop_);
    connect(chooseTrace_, &QPushButton::clicked, this, &WorkloadPanel::traceFileRequested);
    connect(dropTrace_, &QPushButton::clicked, this, [this] {
        base_.trace = TraceReplay{};
        updateTraceLabel();
        edited();
    });
    connect(traceSpeed_, &QDoubleSpinBox::valueChanged, this, &WorkloadPanel::edited);
    connect(traceLoop_, &QCheckBox::toggled, this, &WorkloadPanel::edited);

    rows_[0] = hotFraction_;
    rows_[1] = hotShare_;
    rows_[2] = zipf_;
    rows_[3] = burstPeriod_;
    rows_[4] = burstDuty_;

    connect(kind_, &QComboBox::currentIndexChanged, this, &WorkloadPanel::edited);
    for (QDoubleSpinBox* s : {rate_, hotFraction_, hotShare_, zipf_, burstPeriod_, burstDuty_}) {
        connect(s, &QDoubleSpinBox::valueChanged, this, &WorkloadPanel::edited);
    }
    connect(minSize_, &SizeSpinBox::valueChanged, this, &WorkloadPanel::edited);
    connect(maxSize_, &SizeSpinBox::valueChanged, this, &WorkloadPanel::edited);
    setWorkload(WorkloadSpec{});
}

void WorkloadPanel::setWorkload(const WorkloadSpec& w)
{
    updating_ = true;
    base_ = w;
    kind_->setCurrentIndex(kind_->findData(int(w.kind)));
    rate_->setValue(w.rate);
    minSize_->setValue(w.minWriteBytes);
    maxSize_->setValue(w.maxWriteBytes);
    hotFraction_->setValue(w.hotFraction * 100);
    hotShare_->setValue(w.hotShare * 100);
    zipf_->setValue(w.zipfExponent);
    burstPeriod_->setValue(double(w.burstPeriodNs) / 1e9);
    burstDuty_->setValue(w.burstDuty * 100);
    traceSpeed_->setValue(w.trace.speed);
    shownTraceSpeed_ = traceSpeed_->value();
    traceLoop_->setChecked(w.trace.loop);
    updateTraceLabel();
    updateVisibility();
    updating_ = false;
}

WorkloadSpec WorkloadPanel::workload() const
{
    WorkloadSpec w = base_;
    w.kind = WorkloadKind(kind_->currentData().toInt());
    w.rate = rate_->value();
    w.minWriteBytes = minSize_->value();
    w.maxWriteBytes = maxSize_->value();
    w.hotFraction = hotFraction_->value() / 100;
    w.hotShare = hotShare_->value() / 100;
    w.zipfExponent = zipf_->value();
    w.burstPeriodNs = int64_t(burstPeriod_->value() * 1e9);
    w.burstDuty = burstDuty_->value() / 100;
    if (w.trace.active()) {
        // The box shows three decimals: a speed it cannot show exactly stays as it came, unless
        // the box itself was changed (a new speed restarts the replay).
        if (traceSpeed_->value() != shownTraceSpeed_) {
            w.trace.speed = traceSpeed_->value();
        }
        w.trace.loop = traceLoop_->isChecked();
    }
    return w;
}

void WorkloadPanel::updateVisibility()
{
    auto* form = static_cast<QFormLayout*>(layout());
    const auto kind = WorkloadKind(kind_->currentData().toInt());
    const bool show[5] = {kind == WorkloadKind::HotSpot, kind == WorkloadKind::HotSpot, kind == WorkloadKind::Zipf,
                          kind == WorkloadKind::Bursts, kind == WorkloadKind::Bursts};
    for (int i = 0; i < 5; ++i) {
        form->setRowVisible(rows_[i], show[i]);
    }
}

void WorkloadPanel::updateTraceLabel()
{
    const TraceReplay& t = base_.trace;
    if (!t.active()) {
        trace_->setText(tr("none"));
    } else {
        const QLocale l;
        trace_->setText(tr("%1: %2 writes, %3 clears over %4 s")
                            .arg(QFileInfo(QString::fromStdString(t.trace->source())).fileName(),
                                 l.toString(qulonglong(t.trace->writes())), l.toString(qulonglong(t.trace->clears())),
                                 l.toString(double(t.trace->endNs()) * 1e-9, 'f', 3)));
        trace_->setToolTip(QString::fromStdString(t.trace->source()));
    }
    dropTrace_->setEnabled(t.active());
    traceSpeed_->setEnabled(t.active());
    traceLoop_->setEnabled(t.active());
}

void WorkloadPanel::edited()
{
    if (updating_) {
        return;
    }
    updateVisibility();
    const WorkloadSpec w = workload();
    if (w.maxWriteBytes < w.minWriteBytes) {
        problem_->setText(tr("Not applied: the largest write is smaller than the smallest."));
        problem_->setVisible(true);
        return;
    }
    problem_->setVisible(false);
    base_ = w;
    shownTraceSpeed_ = traceSpeed_->value();
    Q_EMIT workloadEdited(w);
}

} // namespace bitmig
