#include "presentationmode.h"

#include "chartsfold.h"
#include "mainwindow.h"
#include "widgets/figuresline.h"
#include "widgets/heatmapview.h"

#include <QAction>
#include <QDockWidget>
#include <QEvent>
#include <QSplitter>
#include <QStatusBar>

#include <cmath>

namespace bitmig {

PresentationMode::PresentationMode(MainWindow* window) : QObject(window), window_(window), action_(new QAction(this))
{
    action_->setCheckable(true);
    action_->setShortcut(QKeySequence(Qt::Key_F11));
    action_->setShortcutContext(Qt::WindowShortcut);
    connect(action_, &QAction::toggled, this, &PresentationMode::setActive);
    retranslate();
    window_->installEventFilter(this);
}

void PresentationMode::retranslate()
{
    action_->setText(tr("&Presentation"));
    action_->setStatusTip(tr("Full screen with large text, the heatmaps filling it and the charts folded to "
                             "a line of figures; again to go back (F11)"));
}

FiguresLine* PresentationMode::figuresLine() const
{
    return active_ ? window_->chartsFold()->figuresLine() : nullptr;
}

QSplitter* PresentationMode::splitter() const
{
    QWidget* central = window_->centralWidget();
    return central ? central->findChild<QSplitter*>(QStringLiteral("mainSplitter")) : nullptr;
}

void PresentationMode::setActive(bool on)
{
    if (on != active_) {
        on ? enter() : leave();
        active_ = on;
    }
    if (action_->isChecked() != on) {
        const QSignalBlocker block(action_);
        action_->setChecked(on);
    }
}

void PresentationMode::enter()
{
    saved_.geometry = window_->saveGeometry();
    saved_.normalGeometry = window_->geometry();
    saved_.state = window_->saveState();
    saved_.windowState = window_->windowState();
    saved_.statusBarVisible = !window_->statusBar()->isHidden();
    if (QSplitter* s = splitter()) {
        saved_.splitterSizes = s->sizes();
        saved_.splitterSize = s->size();
    }
    for (QDockWidget* dock : window_->findChildren<QDockWidget*>(Qt::FindDirectChildrenOnly)) {
        dock->hide();
    }
    window_->statusBar()->hide();
    applyToCentral();
    window_->setWindowState((saved_.windowState & ~Qt::WindowMinimized) | Qt::WindowFullScreen);
}

void PresentationMode::leave()
{
    restoreCentral();
    window_->statusBar()->setVisible(saved_.statusBarVisible);
    window_->setWindowState(saved_.windowState);
    window_->restoreGeometry(saved_.geometry);
    if (!(saved_.windowState & (Qt::WindowMaximized | Qt::WindowFullScreen))) {
        window_->setGeometry(saved_.normalGeometry);
    }
    window_->restoreState(saved_.state);
    if (QSplitter* s = splitter(); s && !saved_.splitterSizes.isEmpty()) {
        s->setSizes(saved_.splitterSizes);
        if (s->size() != saved_.splitterSize) {
            // The window takes its old size when the platform says so: put the split back then.
            pendingSplitter_ = s;
            s->installEventFilter(this);
        }
    }
}

void PresentationMode::applyToCentral()
{
    QWidget* central = window_->centralWidget();
    saved_.centralFont = central->font();
    saved_.centralFontSet = central->testAttribute(Qt::WA_SetFont);
    QFont large = central->font();
    if (large.pointSizeF() > 0) {
        large.setPointSizeF(large.pointSizeF() * kFontScale);
    } else {
        large.setPixelSize(int(std::lround(large.pixelSize() * kFontScale)));
    }
    central->setFont(large);

    HeatmapView* heatmap = window_->heatmap();
    saved_.cellPixels = heatmap->cellPixels();
    heatmap->setCellPixels(int(std::lround(saved_.cellPixels * kCellScale)));
    window_->chartsFold()->setPresenting(true);
}

void PresentationMode::restoreCentral()
{
    window_->chartsFold()->setPresenting(false);
    QWidget* central = window_->centralWidget();
    if (saved_.centralFontSet) {
        central->setFont(saved_.centralFont);
    } else {
        central->setFont(QFont());  // inherit again, as before
        central->setAttribute(Qt::WA_SetFont, false);
    }
    window_->heatmap()->setCellPixels(saved_.cellPixels);
}

bool PresentationMode::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == window_) {
        if (event->type() == QEvent::Close && active_) {
            setActive(false);  // the settings saved on close keep the normal layout
        } else if (event->type() == QEvent::LanguageChange) {
            retranslate();  // the window keeps its widgets in a new language (MainWindow::buildUi)
        }
    } else if (watched == pendingSplitter_ && event->type() == QEvent::Resize) {
        if (pendingSplitter_->size() == saved_.splitterSize) {
            pendingSplitter_->removeEventFilter(this);
            pendingSplitter_->setSizes(saved_.splitterSizes);
            pendingSplitter_ = nullptr;
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace bitmig
