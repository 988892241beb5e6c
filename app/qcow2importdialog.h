// Asks how to import a qcow2 image's persistent bitmap: which bitmap (when there are several) and
// whether the guest goes idle, so only the imported bits are dirty, or keeps its workload, whose
// writes then add to them. Idle is the default.
#pragma once

#include <QDialog>
#include <QStringList>

class QComboBox;
class QRadioButton;

namespace bitmig {

class Qcow2ImportDialog : public QDialog {
    Q_OBJECT
public:
    // `bitmaps`: the image's bitmap names; `workload`: the workload running now, in words.
    Qcow2ImportDialog(const QString& fileName, const QStringList& bitmaps, const QString& workload,
                      QWidget* parent = nullptr);

    QString bitmapName() const;
    bool keepWorkload() const;

    QComboBox* bitmapBox() const noexcept { return bitmap_; }
    QRadioButton* idleButton() const noexcept { return idle_; }
    QRadioButton* keepButton() const noexcept { return keep_; }

private:
    QComboBox* bitmap_ = nullptr;
    QRadioButton* idle_ = nullptr;
    QRadioButton* keep_ = nullptr;
};

} // namespace bitmig
