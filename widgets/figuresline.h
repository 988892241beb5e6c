// The charts folded to one line: the run's key figures as text (simulated time, pending against the
// downtime budget, the link and re-dirty rates, bytes sent and their header share), for a screen
// where the heatmaps take all the room (presentation mode). Where one line is too narrow for them, the
// figures go on as many lines as they need, broken between figures: none is cut off.
#pragma once

#include <bitmig/simsnapshot.h>

#include <QWidget>

namespace bitmig {

class FiguresLine : public QWidget {
    Q_OBJECT
public:
    explicit FiguresLine(QWidget* parent = nullptr);

    void setSnapshot(const bitmig::SimSnapshotPtr& snapshot);
    // The whole text, the figures joined by "  ·  ".
    QString text() const { return text_; }
    static QString textFor(const SimSnapshot& snapshot);
    // The lines as painted at the current width.
    QStringList lines() const { return linesFor(width()); }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    static QStringList partsFor(const SimSnapshot& snapshot);
    QStringList linesFor(int width) const;

    SimSnapshotPtr snapshot_;  // the figures shown, made again in a new language
    QString text_;
    QStringList parts_;  // the figures, each kept whole on a line
};

} // namespace bitmig
