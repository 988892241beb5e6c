#include "howitworkspanel.h"

#include <QCoreApplication>
#include <QEvent>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace bitmig {

namespace {

struct Section {
    const char* key;
    const char* title;
    const char* body;
};

// In the order a precopy migration goes through them; postcopy and stop-and-copy follow.
const Section kSections[] = {
    {"bitmap", QT_TRANSLATE_NOOP("HowItWorksPanel", "The dirty bitmap"),
     QT_TRANSLATE_NOOP("HowItWorksPanel",
                       "Every guest write marks the bits of the disk areas it touched, one bit per granule "
                       "(64 KiB by default). The top heatmap shows it: brighter cells hold more dirty bits. "
                       "Backup tools read it to copy only what changed, so it must reach the destination "
                       "intact.")},
    {"meta", QT_TRANSLATE_NOOP("HowItWorksPanel", "The meta bitmap"),
     QT_TRANSLATE_NOOP("HowItWorksPanel",
                       "A bitmap of the bitmap: one bit per chunk of serialized bitmap. It lights up when any "
                       "bit of its chunk changes, set or cleared, and goes dark when the chunk is sent. Its "
                       "cells line up with the disk area their chunk describes.")},
    {"setup", QT_TRANSLATE_NOOP("HowItWorksPanel", "Setup"),
     QT_TRANSLATE_NOOP("HowItWorksPanel",
                       "The source sends a START record naming the device and the bitmap with its "
                       "granularity, so the destination can create an empty bitmap of the same shape.")},
    {"bulk", QT_TRANSLATE_NOOP("HowItWorksPanel", "Bulk pass"),
     QT_TRANSLATE_NOOP("HowItWorksPanel",
                       "Every chunk is sent once, in disk order, while the guest keeps running; an all-zero "
                       "chunk goes as a short ZEROES record. Writes behind the moving cursor re-dirty chunks "
                       "that were already sent: their meta bits light up again.")},
    {"dirty", QT_TRANSLATE_NOOP("HowItWorksPanel", "Dirty passes"),
     QT_TRANSLATE_NOOP("HowItWorksPanel",
                       "Each pass resends the chunks whose meta bit is lit. The migration converges when the "
                       "bitmap bytes re-dirtied per second stay below the link's bandwidth, so the pending "
                       "set shrinks until it fits into bandwidth × maximum downtime. A big chunk makes one "
                       "write resend a lot; a tiny chunk pays a record header for every few bytes.")},
    {"complete", QT_TRANSLATE_NOOP("HowItWorksPanel", "Complete"),
     QT_TRANSLATE_NOOP("HowItWorksPanel",
                       "The guest is paused, the remaining dirty chunks and a COMPLETE record are sent. This "
                       "time is the downtime the guest sees; the expected downtime was checked against the "
                       "limit before pausing.")},
    {"done", QT_TRANSLATE_NOOP("HowItWorksPanel", "Done and verified"),
     QT_TRANSLATE_NOOP("HowItWorksPanel",
                       "The destination bitmap is compared bit by bit with what the source tracked. A lost "
                       "bit would be a bug, never a statistic: the summary shows it.")},
    {"postcopy", QT_TRANSLATE_NOOP("HowItWorksPanel", "Postcopy instead"),
     QT_TRANSLATE_NOOP("HowItWorksPanel",
                       "The guest moves to the destination at once; its new writes go to a successor bitmap "
                       "there. The source sends the whole bitmap once and COMPLETE merges the two. No bitmap "
                       "bytes add to downtime, but the bitmap is unusable until COMPLETE. This is what QEMU "
                       "does when a migration switches to postcopy.")},
    {"stop-copy", QT_TRANSLATE_NOOP("HowItWorksPanel", "Stop and copy instead"),
     QT_TRANSLATE_NOOP("HowItWorksPanel",
                       "The baseline: pause the guest and send the whole bitmap. Simple and exact, but the "
                       "downtime is the bitmap's size divided by the bandwidth. It is what QEMU's precopy "
                       "does with bitmaps today: every bitmap of every disk goes in the final section, "
                       "while the guest is paused. The precopy with a meta bitmap shown above is the 2015 "
                       "proposal, which was never merged.")},
};

QString sectionFor(Phase phase, Strategy strategy)
{
    switch (phase) {
    case Phase::Setup:
        return QStringLiteral("setup");
    case Phase::Bulk:
        return strategy == Strategy::Postcopy    ? QStringLiteral("postcopy")
               : strategy == Strategy::StopAndCopy ? QStringLiteral("stop-copy")
                                                   : QStringLiteral("bulk");
    case Phase::Dirty:
        return QStringLiteral("dirty");
    case Phase::Complete:
        return strategy == Strategy::Precopy     ? QStringLiteral("complete")
               : strategy == Strategy::Postcopy ? QStringLiteral("postcopy")
                                                : QStringLiteral("stop-copy");
    case Phase::Done:
        return QStringLiteral("done");
    case Phase::Idle:
    case Phase::Cancelled:
        break;
    }
    return QString();
}

} // namespace

HowItWorksPanel::HowItWorksPanel(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    text_ = new QTextBrowser(this);
    text_->setOpenLinks(false);
    layout->addWidget(text_, 1);
    guided_ = new QPushButton(this);
    layout->addWidget(guided_);
    connect(guided_, &QPushButton::clicked, this, &HowItWorksPanel::guidedRunRequested);
    retranslateUi();
}

void HowItWorksPanel::retranslateUi()
{
    text_->setAccessibleName(tr("How migration works"));
    guided_->setText(tr("Show every phase on the live view"));
    guided_->setAccessibleName(tr("Start the guided run"));
    guided_->setToolTip(tr("Loads a small disk whose migration goes through every phase within seconds, "
                           "and starts it; this section follows the live run."));
    render();
    if (!current_.isEmpty()) {
        text_->scrollToAnchor(current_);
    }
}

void HowItWorksPanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
}

void HowItWorksPanel::setSnapshot(const SimSnapshot& snapshot)
{
    const QString section = sectionFor(snapshot.phase, snapshot.config->strategy);
    if (section == current_ && snapshot.config->strategy == strategy_) {
        return;
    }
    current_ = section;
    strategy_ = snapshot.config->strategy;
    render();
    if (!current_.isEmpty()) {
        text_->scrollToAnchor(current_);
    }
}

QString HowItWorksPanel::text() const
{
    return text_->toPlainText();
}

void HowItWorksPanel::render()
{
    const QColor accent = palette().color(QPalette::Highlight);
    QString html = QStringLiteral("<p>%1</p>").arg(tr("Follow along: the section of the phase the run is in now "
                                                      "is highlighted."));
    for (const Section& s : kSections) {
        const QString key = QString::fromLatin1(s.key);
        const bool now = key == current_;
        const QString title = QCoreApplication::translate("HowItWorksPanel", s.title);
        html += QStringLiteral("<a name=\"%1\"></a>").arg(key);
        if (now) {
            html += QStringLiteral("<table width=\"100%\" cellpadding=\"4\" style=\"border-left: 4px solid %1\">"
                                   "<tr><td><h3>%2 &mdash; %3</h3><p>%4</p></td></tr></table>")
                        .arg(accent.name(), title.toHtmlEscaped(), tr("now").toHtmlEscaped(), QCoreApplication::translate("HowItWorksPanel", s.body).toHtmlEscaped());
        } else {
            html += QStringLiteral("<h3>%1</h3><p>%2</p>").arg(title.toHtmlEscaped(), QCoreApplication::translate("HowItWorksPanel", s.body).toHtmlEscaped());
        }
    }
    text_->setHtml(html);
}

} // namespace bitmig
