#include "summarypanel.h"

#include "byteformat.h"

#include <bitmig/printable.h>

#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>

namespace bitmig {

namespace {

QString bytes(uint64_t b)
{
    return formatBytes(b, QLocale(), 2);
}

QString ms(int64_t ns)
{
    return SummaryPanel::tr("%1 ms").arg(QLocale().toString(double(ns) / 1e6, 'f', 3));
}

// A time limit as it was given: "300 ms", "90 s", "1 h".
QString duration(int64_t ns)
{
    const QLocale l;
    if (ns < 1'000'000'000) {
        return SummaryPanel::tr("%1 ms").arg(l.toString(double(ns) / 1e6, 'g', 6));
    }
    if (ns % (int64_t(3600) * 1'000'000'000) == 0) {
        return SummaryPanel::tr("%1 h").arg(l.toString(ns / (int64_t(3600) * 1'000'000'000)));
    }
    return SummaryPanel::tr("%1 s").arg(l.toString(double(ns) / 1e9, 'g', 9));
}

} // namespace

SummaryPanel::SummaryPanel(QWidget* parent) : QWidget(parent)
{
    form_ = new QFormLayout(this);
    verified_ = row(QT_TR_NOOP("Verified"));
    QFont f = verified_->font();
    f.setBold(true);
    verified_->setFont(f);
    strategy_ = row(QT_TR_NOOP("Strategy"));
    state_ = row(QT_TR_NOOP("State"));
    passes_ = row(QT_TR_NOOP("Dirty passes"));
    payload_ = row(QT_TR_NOOP("Payload"));
    header_ = row(QT_TR_NOOP("Header"));
    overhead_ = row(QT_TR_NOOP("Overhead"));
    chunks_ = row(QT_TR_NOOP("Chunks sent"));
    writes_ = row(QT_TR_NOOP("Writes applied"));
    downtime_ = row(QT_TR_NOOP("Downtime"));
    expected_ = row(QT_TR_NOOP("Expected downtime"));
    total_ = row(QT_TR_NOOP("Total time"));
    window_ = row(QT_TR_NOOP("Unusable window"));
    lost_ = row(QT_TR_NOOP("Lost bits"));
    sourceSha_ = row(QT_TR_NOOP("Source SHA-256"));
    destSha_ = row(QT_TR_NOOP("Destination SHA-256"));
    bitmaps_ = row(QT_TR_NOOP("Bitmaps"));
    bitmaps_->setObjectName(QStringLiteral("summaryBitmaps"));
    for (QLabel* l : {sourceSha_, destSha_}) {
        l->setWordWrap(true);
        QFont mono = l->font();
        mono.setFamily(QStringLiteral("monospace"));
        mono.setStyleHint(QFont::Monospace);
        l->setFont(mono);
    }
    setSummary(MigrationSummary{}, std::make_shared<const SimConfig>());
}

QLabel* SummaryPanel::row(const char* name)
{
    auto* label = new QLabel(this);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setAccessibleName(tr(name));
    form_->addRow(tr(name), label);
    rows_.append({name, label});
    return label;
}

void SummaryPanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
}

void SummaryPanel::retranslateUi()
{
    for (const auto& [name, label] : std::as_const(rows_)) {
        label->setAccessibleName(tr(name));
        if (auto* caption = qobject_cast<QLabel*>(form_->labelForField(label))) {
            caption->setText(tr(name));
        }
    }
    setSummary(summary_, config_, timeLimitReached_);  // the values in the new language and locale
}

void SummaryPanel::setSummary(const MigrationSummary& s, std::shared_ptr<const SimConfig> shared,
                              bool timeLimitReached)
{
    summary_ = s;
    config_ = std::move(shared);
    const SimConfig& config = *config_;
    timeLimitReached_ = timeLimitReached;
    const QLocale l;
    if (timeLimitReached && !s.finished) {
        verified_->setText(tr("no (stopped at the time limit)"));
        verified_->setStyleSheet(QStringLiteral("color: #c0392b;"));
    } else if (!s.finished) {
        verified_->setText(s.cancelled ? tr("no (cancelled)") : tr("not yet"));
        verified_->setStyleSheet(QString());
    } else {
        verified_->setText(s.verified ? tr("yes ✓") : tr("NO ✗"));
        verified_->setStyleSheet(s.verified ? QStringLiteral("color: #1e8449;") : QStringLiteral("color: #c0392b;"));
    }
    strategy_->setText(s.strategy == Strategy::Precopy    ? tr("precopy")
                       : s.strategy == Strategy::Postcopy ? tr("postcopy")
                                                          : tr("stop and copy"));
    state_->setText(timeLimitReached && !s.finished
                        ? tr("stopped at the time limit of %1 before the migration finished").arg(duration(config.timeLimitNs))
                    : !s.started     ? tr("not started")
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
    // Several bitmaps: each one's share (the rows above are totals, the SHA-256 rows the first's).
    QStringList perBitmap;
    if (s.bitmaps.size() > 1) {
        for (const BitmapSummary& b : s.bitmaps) {
            const QString verified = !s.finished ? tr("not yet") : b.verified ? tr("verified ✓") : tr("NOT verified ✗");
            perBitmap << tr("%1/%2: %3 in %4 of %5 chunks (%6 resent), %7 dirty bits, %8; SHA-256 %9")
                             .arg(QString::fromStdString(printable(b.device)), QString::fromStdString(printable(b.name)),
                                  bytes(b.wireBytes), l.toString(qulonglong(b.chunksSent)),
                                  l.toString(qulonglong(b.chunks)), l.toString(qulonglong(b.chunksResent)),
                                  l.toString(qulonglong(b.dirtyBits)), verified,
                                  QString::fromStdString(b.destinationSha256.empty() ? b.sourceSha256
                                                                                      : b.destinationSha256)
                                      .left(16));
        }
    }
    bitmaps_->setText(perBitmap.join(QLatin1Char('\n')));
    bitmaps_->setVisible(!perBitmap.isEmpty());
    if (auto* caption = form_->labelForField(bitmaps_)) {
        caption->setVisible(!perBitmap.isEmpty());
    }
}

QStringList SummaryPanel::lines() const
{
    QStringList out;
    for (const auto& [name, label] : rows_) {
        if (label == bitmaps_ && label->text().isEmpty()) {
            continue;  // one bitmap: the rows above say it all
        }
        out << tr(name) + QStringLiteral(": ") + label->text();
    }
    return out;
}

} // namespace bitmig
