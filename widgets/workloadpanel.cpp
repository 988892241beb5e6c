#include "workloadpanel.h"

#include "sizespinbox.h"
#include "unitfield.h"
#include "workloadnames.h"

#include <bitmig/trace.h>

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>

namespace bitmig {

WorkloadPanel::WorkloadPanel(QWidget* parent) : QWidget(parent)
{
    // Texts are recorded with their source (QT_TR_NOOP) and set again on a language change. Fields
    // read what the command line reads for the same option (bitmig/units.h, plain numbers).
    auto field = [this](QWidget* owner, UnitField::Kind kind, const char* name, double scale = 1) {
        auto* f = new UnitField(kind, owner);
        f->setScale(scale);
        texts_.name(f, name);
        return f;
    };
    auto* form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    kind_ = new QComboBox(this);
    texts_.accessibleName(kind_, QT_TR_NOOP("Workload type"));
    for (const WorkloadKind kind : kWorkloadKinds) {
        const int index = kind_->count();
        kind_->addItem(QString(), int(kind));
        texts_.add(kind_, workloadKindSourceText(kind), [this, index](const QString& t) { kind_->setItemText(index, t); });
    }
    addFieldRow(form, QT_TR_NOOP("&Type"), kind_);
    rate_ = field(this, UnitField::Kind::Count, QT_TR_NOOP("Guest writes per second: 20000, 20k, 1.5M (0 to 1e9)"));
    addFieldRow(form, QT_TR_NOOP("&Rate (writes/s)"), rate_);
    minSize_ = new SizeSpinBox(this);
    texts_.accessibleName(minSize_, QT_TR_NOOP("Smallest write"));
    minSize_->setRange(512, ~qulonglong(0));
    minSize_->setMultipleOf(512);
    addFieldRow(form, QT_TR_NOOP("Write size &from"), minSize_);
    maxSize_ = new SizeSpinBox(this);
    texts_.accessibleName(maxSize_, QT_TR_NOOP("Largest write"));
    maxSize_->setRange(512, ~qulonglong(0));
    maxSize_->setMultipleOf(512);
    addFieldRow(form, QT_TR_NOOP("t&o"), maxSize_);
    hotFraction_ = field(this, UnitField::Kind::Number, QT_TR_NOOP("Share of the disk that is hot, in percent (above 0, up to 100)"), 100);
    rows_[0] = addFieldRow(form, QT_TR_NOOP("Hot &area (% of disk)"), hotFraction_);
    hotShare_ = field(this, UnitField::Kind::Number, QT_TR_NOOP("Share of writes that land in the hot area, in percent (0 to 100)"), 100);
    rows_[1] = addFieldRow(form, QT_TR_NOOP("Hot &share (% of writes)"), hotShare_);
    zipf_ = field(this, UnitField::Kind::Number, QT_TR_NOOP("Zipf exponent (skew), above 0 and up to 10"));
    rows_[2] = addFieldRow(form, QT_TR_NOOP("&Zipf exponent"), zipf_);
    burstPeriod_ = field(this, UnitField::Kind::Duration, QT_TR_NOOP("Burst period: 1 s, 250 ms"));
    rows_[3] = addFieldRow(form, QT_TR_NOOP("Burst &period"), burstPeriod_);
    burstDuty_ = field(this, UnitField::Kind::Number, QT_TR_NOOP("Share of each period with writes, in percent (above 0, up to 100)"), 100);
    rows_[4] = addFieldRow(form, QT_TR_NOOP("Burst &duty (%)"), burstDuty_);

    // A recorded trace, replayed alongside the generator (set the type to Idle to replay it alone).
    trace_ = new QLabel(this);
    trace_->setWordWrap(true);
    texts_.accessibleName(trace_, QT_TR_NOOP("Recorded trace"));
    auto* traceCaption = new QLabel(this);
    texts_.add(traceCaption, QT_TR_NOOP("Trace"), [traceCaption](const QString& t) { traceCaption->setText(t); });
    form->addRow(traceCaption, trace_);
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
    traceSpeed_ = field(this, UnitField::Kind::Number, QT_TR_NOOP("Trace replay speed (2 = twice as fast)"));
    addFieldRow(form, QT_TR_NOOP("Replay sp&eed (x)"), traceSpeed_);
    traceLoop_ = new QCheckBox(this);
    texts_.add(traceLoop_, QT_TR_NOOP("&Loop the trace"), [this](const QString& t) { traceLoop_->setText(t); });
    texts_.toolTip(traceLoop_, QT_TR_NOOP("Start the trace again when it ends"));
    form->addRow(QString(), traceLoop_);
    connect(chooseTrace_, &QPushButton::clicked, this, &WorkloadPanel::traceFileRequested);
    connect(dropTrace_, &QPushButton::clicked, this, [this] {
        base_.trace = TraceReplay{};
        updateTraceLabel();
        edited(dropTrace_);
    });
    connect(traceLoop_, &QCheckBox::toggled, this, [this] { edited(traceLoop_); });

    connect(kind_, &QComboBox::currentIndexChanged, this, [this] { edited(kind_); });
    for (UnitField* f : {rate_, hotFraction_, hotShare_, zipf_, burstPeriod_, burstDuty_, traceSpeed_}) {
        connect(f, &UnitField::committed, this, [this, f] { edited(f); });
        connect(f, &UnitField::problemChanged, this, [this, f](const QString& m) { fields_.set(f, m); });
    }
    for (SizeSpinBox* f : {minSize_, maxSize_}) {
        connect(f, &SizeSpinBox::valueChanged, this, [this, f] { edited(f); });
        connect(f, &SizeSpinBox::problemChanged, this, [this, f](const QString& m) { fields_.set(f, m); });
    }
    setWorkload(WorkloadSpec{});
}

// Why validate() refused the workload, in the panel's words: the field it names by its caption (not
// the scenario key), and a share typed in percent as a percentage.
QString WorkloadPanel::refusal(const ConfigError& error) const
{
    QWidget* named = nullptr;
    bool percent = false;
    switch (error.field()) {
    case ConfigField::WorkloadRate: named = rate_; break;
    case ConfigField::WorkloadMinWriteBytes: named = minSize_; break;
    case ConfigField::WorkloadMaxWriteBytes: named = maxSize_; break;
    case ConfigField::WorkloadHotFraction: named = hotFraction_; percent = true; break;
    case ConfigField::WorkloadHotShare: named = hotShare_; percent = true; break;
    case ConfigField::WorkloadZipfExponent: named = zipf_; break;
    case ConfigField::WorkloadBurstPeriod: named = burstPeriod_; break;
    case ConfigField::WorkloadBurstDuty: named = burstDuty_; percent = true; break;
    case ConfigField::WorkloadTraceSpeed: named = traceSpeed_; break;
    default: break;
    }
    const ConfigArguments& a = error.arguments();
    if (percent && error.code() == ConfigErrorCode::OutOfRange && a.min && a.max && a.value) {
        const QLocale l;
        auto pc = [&l](const ConfigQuantity& q) { return l.toString(q.toDouble() * 100, 'g', 6); };
        return fields_.refusal(
            named, error,
            a.minExclusive ? tr("must be above %1 % and at most %2 %, got %3 %").arg(pc(*a.min), pc(*a.max), pc(*a.value))
                           : tr("must be from %1 % to %2 %, got %3 %").arg(pc(*a.min), pc(*a.max), pc(*a.value)));
    }
    return fields_.refusal(named, error);
}

// Adds the row and, under it, a message row for the field's refusals (hidden while empty).
// Returns the field, for setRowVisible().
QWidget* WorkloadPanel::addFieldRow(QFormLayout* form, const char* label, QWidget* field)
{
    fields_.addRow(form, label, field, field);
    return field;
}

void WorkloadPanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        texts_.retranslate();
        showValues(base_);  // the values and the trace in the new language
    }
}

QString WorkloadPanel::problem() const
{
    return fields_.all();
}

QString WorkloadPanel::problemAt(const QWidget* field) const
{
    return fields_.at(field);
}

void WorkloadPanel::setWorkload(const WorkloadSpec& w)
{
    const bool same = w == base_;  // the workload this panel just made, coming back
    showValues(w);
    if (!same) {
        fields_.clear();
    }
}

void WorkloadPanel::showValues(const WorkloadSpec& w)
{
    updating_ = true;
    base_ = w;
    kind_->setCurrentIndex(kind_->findData(int(w.kind)));
    rate_->setNumber(w.rate);
    minSize_->setValue(w.minWriteBytes);
    maxSize_->setValue(w.maxWriteBytes);
    hotFraction_->setNumber(w.hotFraction);
    hotShare_->setNumber(w.hotShare);
    zipf_->setNumber(w.zipfExponent);
    burstPeriod_->setDuration(w.burstPeriodNs);
    burstDuty_->setNumber(w.burstDuty);
    traceSpeed_->setNumber(w.trace.speed);
    traceLoop_->setChecked(w.trace.loop);
    updateTraceLabel();
    updateVisibility();
    updating_ = false;
}

WorkloadSpec WorkloadPanel::workload() const
{
    WorkloadSpec w = base_;
    w.kind = WorkloadKind(kind_->currentData().toInt());
    w.rate = rate_->number();
    w.minWriteBytes = minSize_->value();
    w.maxWriteBytes = maxSize_->value();
    w.hotFraction = hotFraction_->number();
    w.hotShare = hotShare_->number();
    w.zipfExponent = zipf_->number();
    w.burstPeriodNs = burstPeriod_->duration();
    w.burstDuty = burstDuty_->number();
    if (w.trace.active()) {
        w.trace.speed = traceSpeed_->number();  // shown exactly: unchanged unless edited
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

void WorkloadPanel::edited(QWidget* field)
{
    if (updating_) {
        return;
    }
    updateVisibility();
    const WorkloadSpec w = workload();
    try {
        w.validate(diskBytes_);  // what `bitmig simulate` checks for the same values
    } catch (const ConfigError& e) {
        // Refused: every field shows the run's values again, and the edited one says why (the
        // messages of other fields stay until those are corrected).
        showValues(base_);
        fields_.set(field, refusal(e));
        return;
    }
    fields_.set(field, QString());
    if (w == base_) {
        return;
    }
    base_ = w;
    Q_EMIT workloadEdited(w);
}

} // namespace bitmig
