#include "figuresline.h"

#include "byteformat.h"

#include <QEvent>
#include <QPainter>

#include <algorithm>

namespace bitmig {

namespace {

constexpr int kPadX = 6;
constexpr int kPadY = 2;

} // namespace

FiguresLine::FiguresLine(QWidget* parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    setAccessibleName(tr("Key figures of the run"));
}

QString FiguresLine::textFor(const SimSnapshot& s)
{
    const QLocale l;
    const auto rate = [&](double bytesPerSecond) {
        return tr("%1/s").arg(formatBytes(uint64_t(std::max(0.0, bytesPerSecond)), l, 1));
    };
    QStringList parts;
    parts << tr("t = %1 s").arg(l.toString(double(s.nowNs) * 1e-9, 'f', 3));
    // Only precopy waits for pending to fit a budget; postcopy switches over at once.
    parts << (s.config->strategy == Strategy::Precopy
                  ? tr("pending %1 (budget %2)").arg(formatBytes(s.pendingBytes, l, 1), formatBytes(s.thresholdBytes, l, 1))
                  : tr("pending %1").arg(formatBytes(s.pendingBytes, l, 1)));
    parts << tr("link %1").arg(rate(s.recentWireRate));
    parts << tr("re-dirtied %1").arg(rate(s.recentRedirtyRate));
    parts << tr("sent %1, %2 % headers")
                 .arg(formatBytes(s.summary.wireBytes, l, 1), l.toString(100.0 * s.summary.overhead(), 'f', 1));
    if (s.summary.finished) {
        parts << tr("downtime %1 ms").arg(l.toString(double(s.summary.downtimeNs) * 1e-6, 'f', 1));
    }
    return parts.join(QStringLiteral("  ·  "));
}

void FiguresLine::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        setAccessibleName(tr("Key figures of the run"));
        text_.clear();
        setSnapshot(snapshot_);  // a paused run's figures too, in the new language and locale
    }
}

void FiguresLine::setSnapshot(const SimSnapshotPtr& snapshot)
{
    snapshot_ = snapshot;
    const QString text = snapshot ? textFor(*snapshot) : QString();
    if (text == text_) {
        return;
    }
    text_ = text;
    setAccessibleDescription(text_);
    update();
}

QSize FiguresLine::sizeHint() const
{
    return {fontMetrics().horizontalAdvance(text_) + 2 * kPadX, fontMetrics().height() + 2 * kPadY};
}

QSize FiguresLine::minimumSizeHint() const
{
    return {100, fontMetrics().height() + 2 * kPadY};
}

void FiguresLine::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    const QRect r = rect().adjusted(kPadX, kPadY, -kPadX, -kPadY);
    p.setPen(palette().color(QPalette::WindowText));
    p.drawText(r, Qt::AlignLeft | Qt::AlignVCenter, fontMetrics().elidedText(text_, Qt::ElideRight, r.width()));
}

} // namespace bitmig
