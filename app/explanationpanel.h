// "What is happening now, and why": the phase explanation in plain words, for teaching.
// The panel keeps one height whatever its text: a title line and kBodyLines lines of body, the rest
// scrolls. A text that grows during a run must not push the heatmaps below it around.
#pragma once

#include <bitmig/simsnapshot.h>

#include <QWidget>

class QLabel;
class QScrollArea;

namespace bitmig {

class ExplanationPanel : public QWidget {
    Q_OBJECT
public:
    static constexpr int kBodyLines = 3;

    explicit ExplanationPanel(QWidget* parent = nullptr);
    void setSnapshot(const SimSnapshot& snapshot);
    QString title() const;
    QString text() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void changeEvent(QEvent* event) override;

private:
    int fixedHeight() const;
    void fitHeight();

    QLabel* title_ = nullptr;
    QScrollArea* scroll_ = nullptr;
    QLabel* body_ = nullptr;
};

} // namespace bitmig
