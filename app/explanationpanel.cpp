#include "explanationpanel.h"

#include "phaseexplainer.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace bitmig {

ExplanationPanel::ExplanationPanel(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 2, 6, 2);
    title_ = new QLabel(this);
    QFont f = title_->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.1);
    title_->setFont(f);
    body_ = new QLabel(this);
    body_->setWordWrap(true);
    body_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    body_->setMinimumHeight(body_->fontMetrics().lineSpacing() * 3);
    layout->addWidget(title_);
    layout->addWidget(body_);
    setAccessibleName(tr("Explanation of the current phase"));
}

void ExplanationPanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
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
