// Which bitmap the heatmaps show, for a run with several bitmaps (on several disks): a list of
// their "node/name" labels. Hidden while the run has one bitmap.
#pragma once

#include <bitmig/simsnapshot.h>

#include <QWidget>

#include <string>
#include <vector>

class QComboBox;
class QLabel;

namespace bitmig {

class BitmapSelector : public QWidget {
    Q_OBJECT
public:
    explicit BitmapSelector(QWidget* parent = nullptr);

    // Follows the run's bitmaps: a run with other bitmaps starts at the first one (bitmapChosen(0)
    // when its snapshot shows another).
    void setSnapshot(const SimSnapshotPtr& snapshot);
    size_t currentBitmap() const;
    QComboBox* comboBox() const { return combo_; }

Q_SIGNALS:
    // The user chose another bitmap.
    void bitmapChosen(size_t index);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    QLabel* label_ = nullptr;
    QComboBox* combo_ = nullptr;
    std::vector<std::string> labels_;
};

} // namespace bitmig
