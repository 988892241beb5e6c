#include "chartsfold.h"

#include "app/model/simulationcontroller.h"
#include "mainwindow.h"
#include "widgets/figuresline.h"
#include "widgets/heatmapview.h"
#include "widgets/migrationcharts.h"

#include <QAction>
#include <QActionGroup>
#include <QBoxLayout>
#include <QEvent>
#include <QMenu>
#include <QSplitter>

#include <algorithm>
#include <cmath>

namespace bitmig {

ChartsFold::ChartsFold(MainWindow* window, QSplitter* splitter)
    : QObject(window), window_(window), splitter_(splitter)
{
    QWidget* central = splitter->parentWidget();
    figures_ = new FiguresLine(central);
    figures_->setObjectName(QStringLiteral("chartsFiguresLine"));
    figures_->hide();
    if (auto* layout = qobject_cast<QBoxLayout*>(central->layout())) {
        layout->insertWidget(layout->indexOf(splitter) + 1, figures_);
    }
    connect(window_->controller(), &SimulationController::snapshotChanged, figures_, [this](const SimSnapshotPtr& s) {
        if (folded_) {
            figures_->setSnapshot(s);
        }
    });

    menu_ = new QMenu(window_);
    menu_->setObjectName(QStringLiteral("chartsMenu"));
    group_ = new QActionGroup(this);
    for (Mode m : {Mode::Automatic, Mode::Charts, Mode::Figures}) {
        QAction* a = menu_->addAction(QString());
        a->setCheckable(true);
        a->setData(key(m));
        a->setChecked(m == mode_);
        group_->addAction(a);
        connect(a, &QAction::triggered, this, [this, m] { setMode(m); });
    }
    retranslate();

    window_->installEventFilter(this);
    central->installEventFilter(this);
    window_->charts()->installEventFilter(this);
    // A split dragged by hand is the split the charts come back with.
    connect(splitter, &QSplitter::splitterMoved, this, [this] {
        const QList<int> sizes = splitter_->sizes();
        if (!folded_ && sizes.size() == 2 && sizes[0] + sizes[1] > 0) {
            chartsShare_ = double(sizes[1]) / double(sizes[0] + sizes[1]);
        }
        scheduleUpdate();
    });
}

QString ChartsFold::key(Mode mode)
{
    switch (mode) {
    case Mode::Automatic:
        return QStringLiteral("automatic");
    case Mode::Charts:
        return QStringLiteral("charts");
    case Mode::Figures:
        return QStringLiteral("figures");
    }
    return {};
}

bool ChartsFold::parse(const QString& key, Mode* mode)
{
    for (Mode m : {Mode::Automatic, Mode::Charts, Mode::Figures}) {
        if (key == ChartsFold::key(m)) {
            *mode = m;
            return true;
        }
    }
    return false;
}

QAction* ChartsFold::action(Mode mode) const
{
    for (QAction* a : group_->actions()) {
        if (a->data().toString() == key(mode)) {
            return a;
        }
    }
    return nullptr;
}

void ChartsFold::retranslate()
{
    menu_->setTitle(tr("C&harts"));
    // The automatic choice says what it shows now.
    action(Mode::Automatic)->setText(mode_ == Mode::Automatic && !presenting_
                                         ? (folded_ ? tr("&Automatic (now the figures line)")
                                                    : tr("&Automatic (now the charts)"))
                                         : tr("&Automatic"));
    action(Mode::Automatic)
        ->setStatusTip(tr("The charts where there is room to read them, otherwise their key figures as a line of text"));
    action(Mode::Charts)->setText(tr("Always the &charts"));
    action(Mode::Charts)->setStatusTip(tr("The four charts whatever the size of the window"));
    action(Mode::Figures)->setText(tr("Always the &figures line"));
    action(Mode::Figures)
        ->setStatusTip(tr("The run's key figures as a line of text instead of the charts, the heatmaps taking the room"));
    figures_->setToolTip(mode_ == Mode::Automatic
                             ? tr("The charts' key figures: the window has no room to draw the charts readably "
                                  "(View > Charts)")
                             : tr("The charts' key figures (View > Charts)"));
}

void ChartsFold::setMode(Mode mode)
{
    if (QAction* a = action(mode); a && !a->isChecked()) {
        a->setChecked(true);
    }
    if (mode == mode_) {
        return;
    }
    mode_ = mode;
    foldedAt_ = QSize();  // decided afresh
    update();
}

void ChartsFold::setPresenting(bool on)
{
    if (on == presenting_) {
        return;
    }
    presenting_ = on;
    if (on) {
        foldedBeforePresenting_ = folded_;
        update();
    } else {
        // The layout as it was, then decided again at the size the window goes back to.
        setFolded(foldedBeforePresenting_);
        retranslate();
        scheduleUpdate();
    }
}

void ChartsFold::scheduleUpdate()
{
    if (updatePending_) {
        return;
    }
    updatePending_ = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            updatePending_ = false;
            update();
        },
        Qt::QueuedConnection);
}

void ChartsFold::update()
{
    setFolded(wantFolded());
    retranslate();
}

bool ChartsFold::wantFolded()
{
    if (presenting_ || mode_ == Mode::Figures) {
        return true;
    }
    if (mode_ == Mode::Charts) {
        return false;
    }
    QWidget* central = splitter_ ? splitter_->parentWidget() : nullptr;
    if (!central || !window_->isVisible()) {
        return folded_;  // decided once the window has its size
    }
    MigrationCharts* charts = window_->charts();
    if (!folded_) {
        if (charts->readableAt(charts->size())) {
            return false;
        }
        foldedAt_ = central->size();
        return true;
    }
    if (central->size() == foldedAt_) {
        return true;
    }
    foldedAt_ = QSize();
    return !charts->readableAt(chartsSizeIfShown());
}

QSize ChartsFold::chartsSizeIfShown() const
{
    MigrationCharts* charts = window_->charts();
    if (!folded_) {
        return charts->size();
    }
    // The figures line gives its line back to the split.
    int height = splitter_->height() - splitter_->handleWidth();
    if (!figures_->isHidden()) {
        const auto* layout = splitter_->parentWidget()->layout();
        height += figures_->height() + (layout ? layout->spacing() : 0);
    }
    const int least = charts->minimumSizeHint().height();
    const int most = height - window_->heatmap()->minimumSizeHint().height();
    const int shown = int(std::lround(chartsShare_ * height));
    return {splitter_->width(), std::max(least, std::min(shown, most))};
}

void ChartsFold::setFolded(bool on)
{
    if (on == folded_) {
        return;
    }
    folded_ = on;
    MigrationCharts* charts = window_->charts();
    if (on) {
        charts->hide();
        figures_->setSnapshot(window_->controller()->snapshot());
        figures_->show();
    } else {
        figures_->hide();
        charts->show();
    }
    emit foldedChanged(on);
}

bool ChartsFold::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == window_) {
        if (event->type() == QEvent::LanguageChange) {
            retranslate();
            scheduleUpdate();  // the titles' widths change with the language
        } else if (event->type() == QEvent::Show) {
            scheduleUpdate();
        }
    } else if (event->type() == QEvent::Resize) {
        scheduleUpdate();  // the window, a dock or the split
    }
    return QObject::eventFilter(watched, event);
}

} // namespace bitmig
