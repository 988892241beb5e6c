#include "figuresline.h"

#include "byteformat.h"

#include <QEvent>
#include <QPainter>

#include <algorithm>

namespace bitmig {

namespace {

constexpr int kPadX = 6;
constexpr int kPadY = 2;

QString separator()
{
    return QStringLiteral("  ·  ");
}

} // namespace

FiguresLine::FiguresLine(QWidget* parent) : QWidget(parent)
{
    // As tall as its lines at the width it gets (a Fixed height would cap it at one line).
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    setAccessibleName(tr("Key figures of the run"));
}

QString FiguresLine::textFor(const SimSnapshot& s)
{
    return partsFor(s).join(separator());
}

QStringList FiguresLine::partsFor(const SimSnapshot& s)
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
    return parts;
}

// The figures packed into lines no wider than `width`, broken only between figures (a figure wider
// than the line alone has a line of its own).
QStringList FiguresLine::linesFor(int width) const
{
    const int room = width - 2 * kPadX;
    const QFontMetrics fm = fontMetrics();
    QStringList lines;
    for (const QString& part : parts_) {
        if (!lines.isEmpty() && fm.horizontalAdvance(lines.last() + separator() + part) <= room) {
            lines.last() += separator() + part;
        } else {
            lines << part;
        }
    }
    return lines;
}

int FiguresLine::heightForWidth(int width) const
{
    const int rows = std::max<int>(1, int(linesFor(width).size()));
    return rows * fontMetrics().lineSpacing() + 2 * kPadY;
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
    QStringList parts = snapshot ? partsFor(*snapshot) : QStringList();
    const QString text = parts.join(separator());
    if (text == text_) {
        return;
    }
    const qsizetype rowsBefore = linesFor(width()).size();
    text_ = text;
    parts_ = std::move(parts);
    setAccessibleDescription(text_);
    if (linesFor(width()).size() != rowsBefore) {
        updateGeometry();  // a line more or less
    }
    update();
}

QSize FiguresLine::sizeHint() const
{
    return {fontMetrics().horizontalAdvance(text_) + 2 * kPadX, fontMetrics().lineSpacing() + 2 * kPadY};
}

QSize FiguresLine::minimumSizeHint() const
{
    return {100, fontMetrics().lineSpacing() + 2 * kPadY};
}

void FiguresLine::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    const QRect r = rect().adjusted(kPadX, kPadY, -kPadX, -kPadY);
    p.setPen(palette().color(QPalette::WindowText));
    const QFontMetrics fm = fontMetrics();
    const QStringList lines = linesFor(width());
    // Centred in the height the layout gave, each line whole (a figure wider than the widget alone is
    // elided, the only case left).
    int y = r.top() + std::max(0, (r.height() - int(lines.size()) * fm.lineSpacing()) / 2);
    for (const QString& line : lines) {
        p.drawText(QRect(r.left(), y, r.width(), fm.lineSpacing()), Qt::AlignLeft | Qt::AlignVCenter,
                   fm.elidedText(line, Qt::ElideRight, r.width()));
        y += fm.lineSpacing();
    }
}

} // namespace bitmig
