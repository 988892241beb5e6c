#include "summarypanel.h"

#include "datasize.h"

#include <QFormLayout>
#include <QLabel>
#include <QLocale>

namespace bitmig {

namespace {

QString bytes(uint64_t b)
{
    return formatDataSize(b, 2);
}

QString ms(int64_t ns)
{
    return SummaryPanel::tr("%1 ms").arg(QLocale().toString(double(ns) / 1e6, 'f', 3));
}

} // namespace

SummaryPanel::SummaryPanel(QWidget* parent) : QWidget(parent)
{
    form_ = new QFormLayout(this);
    verified_ = row(tr("Verified"));
    QFont f = verified_->font();
    f.setBold(true);
    verified_->setFont(f);
    strategy_ = row(tr("Strategy"));
    state_ = row(tr("State"));
    passes_ = row(tr("Dirty passes"));
    payload_ = row(tr("Payload"));
    header_ = row(tr("Header"));
    overhead_ = row(tr("Overhead"));
    chunks_ = row(tr("Chunks sent"));
    writes_ = row(tr("Writes applied"));
    downtime_ = row(tr("Downtime"));
    expected_ = row(tr("Expected downtime"));
    total_ = row(tr("Total time"));
    window_ = row(tr("Unusable window"));
    lost_ = row(tr("Lost bits"));
    sourceSha_ = row(tr("Source SHA-256"));
    destSha_ = row(tr("Destination SHA-256"));
    for (QLabel* l : {sourceSha_, destSha_}) {
        l->setWordWrap(true);
        QFont mono = l->font();
        mono.setFamily(QStringLiteral("monospace"));
        mono.setStyleHint(QFont::Monospace);
        l->setFont(mono);
    }
    setSummary(MigrationSummary{}, SimConfig{});
}

QLabel* SummaryPanel::row(const QString& name)
{
    auto* label = new QLabel(this);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setAccessibleName(name);
    form_->addRow(name, label);
    rows_.append({name, label});
    return label;
}

void SummaryPanel::setSummary(const MigrationSummary& s, const SimConfig& config)
{
    const QLocale l;
    if (!s.finished) {
        verified_->setText(s.cancelled ? tr("no (cancelled)") : tr("not yet"));
        verified_->setStyleSheet(QString());
    } else {
        verified_->setText(s.verified ? tr("yes ✓") : tr("NO ✗"));
        verified_->setStyleSheet(s.verified ? QStringLiteral("color: #1e8449;") : QStringLiteral("color: #c0392b;"));
    }
    strategy_->setText(s.strategy == Strategy::Precopy    ? tr("precopy")
                       : s.strategy == Strategy::Postcopy ? tr("postcopy")
                                                          : tr("stop and copy"));
    state_->setText(!s.started     ? tr("not started")
                    : s.finished   ? (s.converged ? tr("finished, converged") : tr("finished, did not converge"))
                    : s.cancelled  ? tr("cancelled")
                                   : tr("running"));
    passes_->setText(l.toString(s.dirtyPasses));
    payload_->setText(bytes(s.payloadBytes));
    header_->setText(bytes(s.headerBytes));
    overhead_->setText(tr("%1 %").arg(l.toString(100 * s.overhead(), 'f', 2)));
    chunks_->setText(tr("%1 (%2 resent, %3 zeroes) of %4")
                         .arg(l.toString(qulonglong(s.chunksSent)), l.toString(qulonglong(s.chunksResent)),
                              l.toString(qulonglong(s.chunksZeroes)), l.toString(qulonglong(s.chunks))));
    writes_->setText(tr("%1 writes, %2 clears").arg(l.toString(qulonglong(s.writesApplied)),
                                                    l.toString(qulonglong(s.clearsApplied))));
    downtime_->setText(tr("%1 (limit %2)").arg(ms(s.downtimeNs), ms(config.maxDowntimeNs)));
    expected_->setText(ms(s.expectedDowntimeNs));
    total_->setText(ms(s.totalTimeNs));
    window_->setText(ms(s.unusableWindowNs));
    lost_->setText(tr("%1 lost, %2 extra").arg(l.toString(qulonglong(s.lostBits)), l.toString(qulonglong(s.extraBits))));
    sourceSha_->setText(QString::fromStdString(s.sourceSha256));
    destSha_->setText(QString::fromStdString(s.destinationSha256));
}

QStringList SummaryPanel::lines() const
{
    QStringList out;
    for (const auto& [name, label] : rows_) {
        out << name + QStringLiteral(": ") + label->text();
    }
    return out;
}

} // namespace bitmig
