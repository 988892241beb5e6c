// View > Presentation (F11): the window set up to be read from the back of a room. Full screen,
// the docks and the status bar out of the way, larger text and cells in the heatmaps, the phase
// strip and the explanation, and the charts folded to a line of key figures (FiguresLine) so
// the heatmaps fill the rest. Leaving restores the layout as it was: window geometry and state,
// docks, toolbars, the heatmap/charts split, fonts and cell size.
#pragma once

#include "widgets/figuresline.h"

#include <QByteArray>
#include <QFont>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QRect>
#include <QSize>
#include <QSplitter>

class QAction;
class QWidget;

namespace bitmig {

class MainWindow;

class PresentationMode : public QObject {
    Q_OBJECT
public:
    static constexpr double kFontScale = 1.6;
    static constexpr double kCellScale = 1.5;

    // Lives as long as the window; the window puts action() in its View menu.
    explicit PresentationMode(MainWindow* window);

    QAction* action() const noexcept { return action_; }
    bool isActive() const noexcept { return active_; }
    // The one-line readout shown instead of the charts (ChartsFold's); null when not presenting.
    FiguresLine* figuresLine() const;

public Q_SLOTS:
    void setActive(bool on);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void enter();
    void leave();
    // The parts inside the central widget: larger text and cells, the charts folded.
    void applyToCentral();
    void restoreCentral();
    void retranslate();
    QSplitter* splitter() const;

    MainWindow* window_;
    QAction* action_;
    bool active_ = false;

    struct Saved {
        QByteArray geometry;
        // The client area, put back as it was: restoreGeometry() alone lands the window a title bar
        // lower where no window manager places frames.
        QRect normalGeometry;
        QByteArray state;
        Qt::WindowStates windowState;
        bool statusBarVisible = true;
        QFont centralFont;
        bool centralFontSet = false;
        int cellPixels = 4;
        QList<int> splitterSizes;
        QSize splitterSize;
    } saved_;

    QPointer<QSplitter> pendingSplitter_;  // sizes to put back once the splitter has its old size
};

} // namespace bitmig
