#include "workloadpanel.h"

#include "sizespinbox.h"

#include <bitmig/trace.h>

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLocale>
#include <QPushButton>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>

namespace bitmig {

WorkloadPanel::WorkloadPanel(QWidget* parent) : QWidget(parent)
{
    // Texts are recorded with their source (QT_TR_NOOP) and set again on a language change.
    auto spin = [this](QWidget* owner, const char* name, double lo, double hi, int decimals, const char* suffix) {
        auto* s = new QDoubleSpinBox(owner);
        s->setRange(lo, hi);
        s->setDecimals(decimals);
        if (suffix) {
            texts_.add(s, suffix, [s](const QString& t) { s->setSuffix(t); });
        }
        s->setKeyboardTracking(false);
        texts_.name(s, name);
        return s;
    };
    auto addRow = [this](QFormLayout* form, const char* label, QWidget* field) {
        auto* caption = new QLabel(this);
        caption->setBuddy(field);
        texts_.add(caption, label, [caption](const QString& t) { caption->setText(t); });
        form->addRow(caption, field);
    };
    auto* form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    problem_ = new QLabel(this);
    problem_->setWordWrap(true);
    problem_->setVisible(false);
    problem_->setStyleSheet(QStringLiteral("QLabel { color: #c0392b; font-weight: bold; }"));
    form->addRow(problem_);

    kind_ = new QComboBox(this);
    texts_.accessibleName(kind_, QT_TR_NOOP("Workload type"));
    const std::pair<const char*, WorkloadKind> kinds[] = {
        {QT_TR_NOOP("Idle"), WorkloadKind::Idle},         {QT_TR_NOOP("Uniform random"), WorkloadKind::Uniform},
        {QT_TR_NOOP("Sequential"), WorkloadKind::Sequential}, {QT_TR_NOOP("Hot spot"), WorkloadKind::HotSpot},
        {QT_TR_NOOP("Zipf"), WorkloadKind::Zipf},         {QT_TR_NOOP("Bursts"), WorkloadKind::Bursts},
    };
    for (const auto& [text, kind] : kinds) {
        const int index = kind_->count();
        kind_->addItem(QString(), int(kind));
        texts_.add(kind_, text, [this, index](const QString& t) { kind_->setItemText(index, t); });
    }
    addRow(form, QT_TR_NOOP("&Type"), kind_);
    rate_ = spin(this, QT_TR_NOOP("Guest writes per second"), 0, 1e8, 0, QT_TR_NOOP(" writes/s"));
    addRow(form, QT_TR_NOOP("&Rate"), rate_);
    minSize_ = new SizeSpinBox(this);
    texts_.accessibleName(minSize_, QT_TR_NOOP("Smallest write"));
    minSize_->setRange(512, 1ULL << 30);
    minSize_->setMultipleOf(512);
    addRow(form, QT_TR_NOOP("Write size &from"), minSize_);
    maxSize_ = new SizeSpinBox(this);
    texts_.accessibleName(maxSize_, QT_TR_NOOP("Largest write"));
    maxSize_->setRange(512, 1ULL << 30);
    maxSize_->setMultipleOf(512);
    addRow(form, QT_TR_NOOP("t&o"), maxSize_);
    hotFraction_ = spin(this, QT_TR_NOOP("Share of the disk that is hot"), 0.01, 100, 2, QT_TR_NOOP(" % of disk"));
    addRow(form, QT_TR_NOOP("Hot &area"), hotFraction_);
    hotShare_ = spin(this, QT_TR_NOOP("Share of writes that land in the hot area"), 0, 100, 1, QT_TR_NOOP(" % of writes"));
    addRow(form, QT_TR_NOOP("Hot &share"), hotShare_);
    zipf_ = spin(this, QT_TR_NOOP("Zipf exponent (skew)"), 0.01, 10, 2, nullptr);
    addRow(form, QT_TR_NOOP("&Zipf exponent"), zipf_);
    burstPeriod_ = spin(this, QT_TR_NOOP("Burst period"), 0.001, 3600, 3, QT_TR_NOOP(" s"));
    addRow(form, QT_TR_NOOP("Burst &period"), burstPeriod_);
    burstDuty_ = spin(this, QT_TR_NOOP("Share of each period with writes"), 1, 100, 0, QT_TR_NOOP(" %"));
    addRow(form, QT_TR_NOOP("Burst &duty"), burstDuty_);

    // A recorded trace, replayed alongside the generator (set the type to Idle to replay it alone).
    trace_ = new QLabel(this);
    trace_->setWordWrap(true);
    texts_.accessibleName(trace_, QT_TR_NOOP("Recorded trace"));
    addRow(form, QT_TR_NOOP("Trace"), trace_);
    auto* traceButtons = new QHBoxLayout;
    chooseTrace_ = new QPushButton(this);
    texts_.add(chooseTrace_, QT_TR_NOOP("C&hoose trace..."), [this](const QString& t) { chooseTrace_->setText(t); });
    texts_.toolTip(chooseTrace_, QT_TR_NOOP("Replay the writes of a fio iolog, blkparse output or a CSV trace "
                                            "(time, offset, length, operation)"));
    dropTrace_ = new QPushButton(this);
    texts_.add(dropTrace_, QT_TR_NOOP("&No trace"), [this](const QString& t) { dropTrace_->setText(t); });
    texts_.toolTip(dropTrace_, QT_TR_NOOP("Stop replaying the trace"));
    traceButtons->addWidget(chooseTrace_);
    traceButtons->addWidget(dropTrace_);
    form->addRow(QString(), traceButtons);
    traceSpeed_ = spin(this, QT_TR_NOOP("Trace replay speed (2 = twice as fast)"), 0.001, 1e6, 3, QT_TR_NOOP("x"));
    addRow(form, QT_TR_NOOP("Replay sp&eed"), traceSpeed_);
    traceLoop_ = new QCheckBox(this);
    texts_.add(traceLoop_, QT_TR_NOOP("&Loop the trace"), [this](const QString& t) { traceLoop_->setText(t); });
    texts_.toolTip(traceLoop_, QT_TR_NOOP("Start the trace again when it ends"));
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

void WorkloadPanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        texts_.retranslate();
        setWorkload(base_);  // the values and the trace in the new language
    }
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
