// "What is happening now, and why": the phase explanation in plain words, for teaching.
#pragma once

#include "simsnapshot.h"

#include <QWidget>

class QLabel;

namespace bitmig {

class ExplanationPanel : public QWidget {
    Q_OBJECT
public:
    explicit ExplanationPanel(QWidget* parent = nullptr);
    void setSnapshot(const SimSnapshot& snapshot);
    QString title() const;
    QString text() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    QLabel* title_ = nullptr;
    QLabel* body_ = nullptr;
};

} // namespace bitmig
