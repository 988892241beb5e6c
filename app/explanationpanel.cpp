#include "explanationpanel.h"

#include "app/model/phaseexplainer.h"

#include <QEvent>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

namespace bitmig {

namespace {

QFont titleFont(const QFont& base)
{
    QFont f = base;
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.1);
    return f;
}

} // namespace

ExplanationPanel::ExplanationPanel(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 2, 6, 2);
    layout->setSpacing(2);
    title_ = new QLabel(this);
    title_->setFont(titleFont(font()));
    body_ = new QLabel;
    body_->setWordWrap(true);
    body_->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    body_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    scroll_ = new QScrollArea(this);
    scroll_->setWidget(body_);
    scroll_->setWidgetResizable(true);
    scroll_->setFrameShape(QFrame::NoFrame);
    scroll_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll_->setBackgroundRole(QPalette::Window);
    layout->addWidget(title_);
    layout->addWidget(scroll_, 1);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    fitHeight();
    setAccessibleName(tr("Explanation of the current phase"));
}

int ExplanationPanel::fixedHeight() const
{
    const QMargins m = layout()->contentsMargins();
    return m.top() + m.bottom() + layout()->spacing() + QFontMetrics(title_->font()).height() +
           body_->fontMetrics().lineSpacing() * kBodyLines + 2;
}

void ExplanationPanel::fitHeight()
{
    setFixedHeight(fixedHeight());
    updateGeometry();
}

QSize ExplanationPanel::sizeHint() const
{
    return {QWidget::sizeHint().width(), fixedHeight()};
}

QSize ExplanationPanel::minimumSizeHint() const
{
    return {QWidget::minimumSizeHint().width(), fixedHeight()};
}

void ExplanationPanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        title_->setFont(titleFont(font()));
        fitHeight();
    }
    if (event->type() == QEvent::LanguageChange) {
        // The title and the text follow with the next snapshot the window hands over.
        setAccessibleName(tr("Explanation of the current phase"));
    }
}

void ExplanationPanel::setSnapshot(const SimSnapshot& snapshot)
{
    const PhaseExplainer::Text t = PhaseExplainer::explain(snapshot);
    if (title_->text() != t.title) {
        title_->setText(t.title);
    }
    if (body_->text() != t.body) {
        body_->setText(t.body);
    }
    setAccessibleDescription(t.title + QStringLiteral(": ") + t.body);
}

QString ExplanationPanel::title() const
{
    return title_->text();
}

QString ExplanationPanel::text() const
{
    return body_->text();
}

} // namespace bitmig
