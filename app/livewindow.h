// File > Attach to QEMU...: the dialog that asks for a QMP socket (recent ones remembered), and the
// attached view: the nodes' bitmaps in a table, the chosen ones as heatmaps on the disk axis with
// what changed since the refresh before, refreshed at an interval (pausable), a dirty rate per
// bitmap and the refresh time in the status line. Closing it detaches: what it added to QEMU is
// removed. The session itself (QMP, NBD, the bits) is LiveSession (app/model).
#pragma once

#include "app/model/livesession.h"
#include "app/model/livesimulation.h"

#include <QDialog>
#include <QWidget>

#include <map>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;
class QVBoxLayout;

namespace bitmig {

class HeatmapView;
class RateChart;

class AttachDialog : public QDialog {
    Q_OBJECT
public:
    // rememberSockets false (the window runs without saved settings): no recent socket is offered
    // and none is saved.
    explicit AttachDialog(QWidget* parent = nullptr, bool rememberSockets = true);

    QComboBox* socketField() const { return socket_; }
    QLineEdit* nbdField() const { return nbd_; }
    QLabel* errorLabel() const { return error_; }
    // After accept(): the attached session, handed over.
    std::unique_ptr<LiveSession> takeSession() { return std::move(session_); }

    static QStringList recentSockets();
    static constexpr int kMaxRecent = 8;

public slots:
    void accept() override;  // attaches; stays open with the reason when that fails

private:
    QComboBox* socket_;
    QLineEdit* nbd_;
    QLabel* error_;
    std::unique_ptr<LiveSession> session_;
    bool rememberSockets_;
};

class LiveWindow : public QWidget {
    Q_OBJECT
public:
    // Takes the attached session; a top-level window deleted on close.
    explicit LiveWindow(std::unique_ptr<LiveSession> session, QWidget* parent = nullptr);
    ~LiveWindow() override;

    // The dialog, then the window; nullptr when cancelled.
    static LiveWindow* attachFromDialog(QWidget* parent, bool rememberSockets = true);

    LiveSession* session() const { return session_.get(); }
    QTreeWidget* table() const { return table_; }
    QDoubleSpinBox* intervalField() const { return interval_; }
    QPushButton* pauseButton() const { return pause_; }
    // Shown in place of the heatmaps while no bitmap is watched.
    QLabel* emptyHint() const { return emptyHint_; }
    QLabel* statusLabel() const { return status_; }
    QPushButton* simulateButton() const { return simulate_; }
    // The dirty rate over time, a line per watched bitmap (LiveSession::rateHistory); empty once detached.
    RateChart* rateChart() const { return rateChart_; }
    // Every bitmap of the VM read now, with the changes seen between refreshes, as a simulated run
    // (LiveSimulation); std::nullopt with *why set when that fails.
    std::optional<LiveSimulation::Result> simulation(const SimConfig& base, const QString& traceDir, QString* why);
    // Where the window keeps the recorded changes a simulated run replays.
    static QString traceFolder();
    // The heatmap of a watched bitmap and its figures line; nullptr when not watched.
    HeatmapView* heatmap(const qemu::BitmapRef& ref) const;
    QLabel* figures(const qemu::BitmapRef& ref) const;

signals:
    // "Simulate migration": the main window builds the run with simulation() and shows it.
    void simulateRequested();

protected:
    void closeEvent(QCloseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    struct Watched {
        HeatmapView* view = nullptr;
        QLabel* figures = nullptr;
        QWidget* box = nullptr;
    };
    void fillTable();
    // The table as tall as its rows, up to kMaxTableRows (then it scrolls): the heatmaps get the rest.
    void fitTable();
    static constexpr int kMaxTableRows = 8;
    void onItemChanged(QTreeWidgetItem* item, int column);
    void onRefreshed();
    void onFailed(const QString& message);
    void updateView(const qemu::BitmapRef& ref);

    std::unique_ptr<LiveSession> session_;
    QTreeWidget* table_;
    QDoubleSpinBox* interval_;
    QPushButton* pause_;
    QPushButton* detach_;
    QPushButton* simulate_;
    QLabel* status_;
    RateChart* rateChart_;
    QVBoxLayout* views_;
    QLabel* emptyHint_;  // where the heatmaps go while no bitmap is ticked
    std::map<std::pair<QString, QString>, Watched> watched_;
    bool filling_ = false;
};

} // namespace bitmig
