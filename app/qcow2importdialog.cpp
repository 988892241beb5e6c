#include "qcow2importdialog.h"

#include "app/model/qcow2import.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QRadioButton>
#include <QVBoxLayout>

namespace bitmig {

Qcow2ImportDialog::Qcow2ImportDialog(const QString& fileName, const QStringList& bitmaps, const QString& workload,
                                     QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Import bitmap from qcow2"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    layout->addLayout(form);
    auto* file = new QLabel(fileName, this);
    file->setTextFormat(Qt::PlainText);
    form->addRow(tr("Image"), file);
    bitmap_ = new QComboBox(this);
    // Names come from the file: shown escaped (a newline or a bidirectional override would forge or
    // disguise what the dialog says), kept as stored for the import.
    for (const QString& name : bitmaps) {
        bitmap_->addItem(Qcow2Import::shownName(name), name);
    }
    bitmap_->setAccessibleName(tr("Bitmap to import"));
    bitmap_->setEnabled(bitmaps.size() > 1);
    form->addRow(tr("&Bitmap"), bitmap_);

    auto* question = new QLabel(tr("While the imported bitmap migrates, the guest:"), this);
    question->setWordWrap(true);
    layout->addWidget(question);
    idle_ = new QRadioButton(tr("is &idle: only the imported bits are dirty"), this);
    keep_ = new QRadioButton(tr("&keeps its workload (%1): its writes add to the imported bits").arg(workload), this);
    idle_->setChecked(true);
    layout->addWidget(idle_);
    layout->addWidget(keep_);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

QString Qcow2ImportDialog::bitmapName() const
{
    return bitmap_->currentData().toString();
}

bool Qcow2ImportDialog::keepWorkload() const
{
    return keep_->isChecked();
}

} // namespace bitmig
