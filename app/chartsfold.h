// The charts under the heatmaps, or their key figures as a line of text (FiguresLine, two lines where one is too narrow) where the charts
// could not be read. View > Charts chooses: automatic (the default: the charts where the room they
// would have lets every title and axis label be drawn whole over a plot of a few ticks, see
// MigrationCharts::readableAt(), the figures line otherwise, decided again whenever the window,
// the docks or the split change), always the charts, or always the figures line. Presentation
// mode folds them whatever the choice. The choice is kept in the settings ("ui/charts").
#pragma once

#include <QObject>
#include <QPointer>
#include <QSize>
#include <QString>

class QAction;
class QActionGroup;
class QMenu;
class QSplitter;

namespace bitmig {

class FiguresLine;
class MainWindow;

class ChartsFold : public QObject {
    Q_OBJECT
public:
    enum class Mode { Automatic, Charts, Figures };

    // Built once the window has its central widget (the splitter holding the heatmaps and the
    // charts); puts the figures line under the splitter.
    explicit ChartsFold(MainWindow* window, QSplitter* splitter);

    Mode mode() const noexcept { return mode_; }
    void setMode(Mode mode);
    // True while the figures line stands in for the charts.
    bool isFolded() const noexcept { return folded_; }
    // Presentation mode folds the charts whatever the mode; off again, the mode decides.
    void setPresenting(bool on);
    FiguresLine* figuresLine() const noexcept { return figures_; }
    // View > Charts: the three choices.
    QMenu* menu() const noexcept { return menu_; }
    QAction* action(Mode mode) const;

    // "automatic", "charts", "figures": the settings' spelling.
    static QString key(Mode mode);
    static bool parse(const QString& key, Mode* mode);

Q_SIGNALS:
    void foldedChanged(bool folded);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void retranslate();
    // Decides again once the layouts have settled (queued, once however many events asked).
    void scheduleUpdate();
    void update();
    bool wantFolded();
    // The size the charts would take if shown now: the split they had, within the minimums.
    QSize chartsSizeIfShown() const;
    void setFolded(bool on);

    MainWindow* window_;
    QPointer<QSplitter> splitter_;
    FiguresLine* figures_ = nullptr;
    QMenu* menu_ = nullptr;
    QActionGroup* group_ = nullptr;
    Mode mode_ = Mode::Automatic;
    bool folded_ = false;
    bool presenting_ = false;
    bool foldedBeforePresenting_ = false;
    bool updatePending_ = false;
    double chartsShare_ = 0.25;  // of the split's height, as the charts last had it
    // Where the charts were last folded for want of room: shown again only at another size (no
    // flipping back and forth should the estimate of their room be a pixel off).
    QSize foldedAt_;
};

} // namespace bitmig
