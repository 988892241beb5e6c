// The engine's summary of the run, verification first.
#pragma once

#include <bitmig/migrationsummary.h>

#include <QWidget>

class QFormLayout;
class QLabel;

namespace bitmig {

class SummaryPanel : public QWidget {
    Q_OBJECT
public:
    explicit SummaryPanel(QWidget* parent = nullptr);
    void setSummary(const MigrationSummary& summary, const SimConfig& config);
    // The labels as "name: value" lines, in order (for copying and tests).
    QStringList lines() const;

private:
    QLabel* row(const QString& name);

    QFormLayout* form_ = nullptr;
    QLabel* verified_ = nullptr;
    QList<QPair<QString, QLabel*>> rows_;
    QLabel *strategy_, *state_, *passes_, *payload_, *header_, *overhead_, *chunks_, *writes_, *downtime_,
        *expected_, *total_, *window_, *lost_, *sourceSha_, *destSha_;
};

} // namespace bitmig
