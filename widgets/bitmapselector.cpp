#include "bitmapselector.h"

#include <bitmig/printable.h>

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>

namespace bitmig {

BitmapSelector::BitmapSelector(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    label_ = new QLabel(this);
    combo_ = new QComboBox(this);
    combo_->setObjectName(QStringLiteral("bitmapSelector"));
    combo_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    label_->setBuddy(combo_);
    layout->addWidget(label_);
    layout->addWidget(combo_);
    layout->addStretch(1);
    connect(combo_, &QComboBox::activated, this, [this](int index) {
        if (index >= 0) {
            Q_EMIT bitmapChosen(size_t(index));
        }
    });
    retranslateUi();
    setVisible(false);
}

void BitmapSelector::setSnapshot(const SimSnapshotPtr& snapshot)
{
    if (!snapshot) {
        return;
    }
    if (snapshot->bitmapLabels != labels_) {
        labels_ = snapshot->bitmapLabels;
        const QSignalBlocker block(combo_);
        combo_->clear();
        for (const std::string& name : labels_) {
            // Names come from a scenario file: shown escaped, as everywhere else.
            combo_->addItem(QString::fromStdString(printable(name)));
        }
        setVisible(labels_.size() > 1);
        // Other bitmaps: the view starts at the first one.
        if (snapshot->bitmap != 0) {
            Q_EMIT bitmapChosen(0);
        }
    }
}

size_t BitmapSelector::currentBitmap() const
{
    return combo_->currentIndex() < 0 ? 0 : size_t(combo_->currentIndex());
}

void BitmapSelector::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QWidget::changeEvent(event);
}

void BitmapSelector::retranslateUi()
{
    label_->setText(tr("&Bitmap:"));
    combo_->setToolTip(tr("The bitmap the heatmaps show: the run migrates every one of them"));
}

} // namespace bitmig
