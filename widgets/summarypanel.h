// The engine's summary of the run, verification first.
#pragma once

#include <bitmig/migrationsummary.h>

#include <QWidget>

#include <memory>

class QFormLayout;
class QLabel;

namespace bitmig {

class SummaryPanel : public QWidget {
    Q_OBJECT
public:
    explicit SummaryPanel(QWidget* parent = nullptr);
    // `timeLimitReached`: the run stopped at config.timeLimitNs before the migration was done. The
    // configuration is the snapshots' shared one: kept, not copied.
    void setSummary(const MigrationSummary& summary, std::shared_ptr<const SimConfig> config,
                    bool timeLimitReached = false);
    // The labels as "name: value" lines, in order (for copying and tests).
    QStringList lines() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    QLabel* row(const char* name);  // name: the untranslated label, marked with QT_TR_NOOP
    void retranslateUi();

    QFormLayout* form_ = nullptr;
    QLabel* verified_ = nullptr;
    QList<QPair<const char*, QLabel*>> rows_;
    MigrationSummary summary_;
    std::shared_ptr<const SimConfig> config_;
    bool timeLimitReached_ = false;
    QLabel *strategy_, *state_, *passes_, *payload_, *header_, *overhead_, *chunks_, *writes_, *downtime_,
        *expected_, *total_, *window_, *lost_, *sourceSha_, *destSha_;
    QLabel* bitmaps_ = nullptr;  // one line per bitmap, with several
};

} // namespace bitmig
