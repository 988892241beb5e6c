#include "messagebar.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

namespace bitmig {

namespace {

// KDE's message colours: negative, neutral, informative.
QColor accent(MessageBar::Kind kind)
{
    switch (kind) {
    case MessageBar::Kind::Error:
        return QColor(0xda, 0x44, 0x53);
    case MessageBar::Kind::Warning:
        return QColor(0xf6, 0x74, 0x00);
    case MessageBar::Kind::Information:
        break;
    }
    return QColor(0x3d, 0xae, 0xe9);
}

QColor mix(const QColor& a, const QColor& b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

} // namespace

MessageBar::MessageBar(QWidget* parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("messageBar"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    icon_ = new QLabel(this);
    icon_->setAlignment(Qt::AlignTop);
    text_ = new QLabel(this);
    text_->setTextFormat(Qt::PlainText);  // file names and keys as they are
    text_->setWordWrap(true);
    text_->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    text_->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    close_ = new QToolButton(this);
    close_->setAutoRaise(true);
    close_->setIcon(style()->standardIcon(QStyle::SP_DialogCloseButton));
    layout->addWidget(icon_, 0, Qt::AlignTop);
    layout->addWidget(text_, 1);
    layout->addWidget(close_, 0, Qt::AlignTop);
    connect(close_, &QToolButton::clicked, this, &MessageBar::dismiss);
    retranslateUi();
    applyStyle();
    setVisible(false);
}

void MessageBar::showMessage(const QString& text, Kind kind)
{
    kind_ = kind;
    text_->setText(text);
    setAccessibleDescription(text);
    applyStyle();
    show();
}

QString MessageBar::text() const
{
    return text_->text();
}

void MessageBar::dismiss()
{
    hide();
}

void MessageBar::applyStyle()
{
    const QStyle::StandardPixmap pixmap = kind_ == Kind::Error     ? QStyle::SP_MessageBoxCritical
                                          : kind_ == Kind::Warning ? QStyle::SP_MessageBoxWarning
                                                                   : QStyle::SP_MessageBoxInformation;
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    icon_->setPixmap(style()->standardIcon(pixmap, nullptr, this).pixmap(size, size));
    const QColor line = accent(kind_);
    const QColor fill = mix(palette().color(QPalette::Window), line, 0.2);
    setStyleSheet(QStringLiteral("QFrame#messageBar { background: %1; border: 1px solid %2; border-radius: 4px; }")
                      .arg(fill.name(), line.name()));
}

void MessageBar::retranslateUi()
{
    close_->setToolTip(tr("Close the message"));
    close_->setAccessibleName(tr("Close the message"));
    setAccessibleName(tr("Message"));
}

void MessageBar::changeEvent(QEvent* event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    } else if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
        // The style sheet set here sends a StyleChange of its own: restyling on it would loop.
        if (!restyling_) {
            restyling_ = true;
            applyStyle();
            restyling_ = false;
        }
    }
}

} // namespace bitmig
