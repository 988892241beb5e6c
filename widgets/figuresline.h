// The charts folded to one line: the run's key figures as text (simulated time, pending against the
// downtime budget, the link and re-dirty rates, bytes sent and their header share), for a screen
// where the heatmaps take all the room (presentation mode). Elided at the right when too narrow.
#pragma once

#include <bitmig/simsnapshot.h>

#include <QWidget>

namespace bitmig {

class FiguresLine : public QWidget {
    Q_OBJECT
public:
    explicit FiguresLine(QWidget* parent = nullptr);

    void setSnapshot(const bitmig::SimSnapshotPtr& snapshot);
    // The whole line, before eliding.
    QString text() const { return text_; }
    static QString textFor(const SimSnapshot& snapshot);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    SimSnapshotPtr snapshot_;  // the figures shown, made again in a new language
    QString text_;
};

} // namespace bitmig
