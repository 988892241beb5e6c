// "How migration works": the phases of a bitmap migration in plain words, the section of the phase
// the live run is in highlighted as it goes, and a button that sets up a run showing every phase.
#pragma once

#include <bitmig/simsnapshot.h>

#include <QWidget>

class QPushButton;
class QTextBrowser;

namespace bitmig {

class HowItWorksPanel : public QWidget {
    Q_OBJECT
public:
    explicit HowItWorksPanel(QWidget* parent = nullptr);

    void setSnapshot(const SimSnapshot& snapshot);
    // The section that is highlighted: the phase's name key ("bulk", "dirty", ...), or "" before a run.
    QString currentSection() const { return current_; }
    QString text() const;  // the panel as plain text

Q_SIGNALS:
    // The user asked for the guided run: a small disk that shows every phase within seconds.
    void guidedRunRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void render();

    QTextBrowser* text_ = nullptr;
    QPushButton* guided_ = nullptr;
    QString current_;
    Strategy strategy_ = Strategy::Precopy;
};

} // namespace bitmig
