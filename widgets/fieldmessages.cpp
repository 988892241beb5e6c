#include "fieldmessages.h"

#include "configerrortext.h"
#include "translatedtexts.h"

#include <QFormLayout>
#include <QLabel>
#include <QStringList>

namespace bitmig {

void FieldMessages::addRow(QFormLayout* form, const char* label, QWidget* row, QWidget* field)
{
    auto* caption = new QLabel(panel_);
    caption->setBuddy(field);
    texts_.add(caption, label, [caption](const QString& t) { caption->setText(t); });
    form->addRow(caption, row);
    auto* message = new QLabel(panel_);
    message->setWordWrap(true);
    message->setTextFormat(Qt::PlainText);
    // Named again whenever the panel retranslates its texts (this one is in FieldMessages' context).
    texts_.add(message, label, [message, field](const QString&) {
        message->setAccessibleName(tr("Problem with %1").arg(field->accessibleName()));
    });
    message->setStyleSheet(QStringLiteral("QLabel { color: #c0392b; font-weight: bold; }"));
    message->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    form->addRow(message);  // the whole width: a long reason takes fewer lines
    form->setRowVisible(message, false);
    entries_.push_back({field, caption, message, form});
}

void FieldMessages::set(QWidget* field, const QString& message)
{
    for (const Entry& e : entries_) {
        if (e.field == field) {
            e.label->setText(message.isEmpty() ? QString() : tr("Not applied: %1").arg(message));
            e.form->setRowVisible(e.label, !message.isEmpty() && field->isVisibleTo(panel_));
            field->setAccessibleDescription(e.label->text());
        }
    }
}

void FieldMessages::clear()
{
    for (const Entry& e : entries_) {
        set(e.field, QString());
    }
}

QString FieldMessages::all() const
{
    QStringList out;
    for (const Entry& e : entries_) {
        if (!e.label->text().isEmpty()) {
            out << e.label->text();
        }
    }
    return out.join(QLatin1Char('\n'));
}

QString FieldMessages::at(const QWidget* field) const
{
    for (const Entry& e : entries_) {
        if (e.field == field) {
            return e.label->text();
        }
    }
    return {};
}

QString FieldMessages::caption(const QWidget* field) const
{
    for (const Entry& e : entries_) {
        if (e.field == field) {
            QString text = e.caption->text();
            text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
            text.remove(QLatin1Char('&'));
            text.replace(QStringLiteral("\x01"), QStringLiteral("&"));
            return text;
        }
    }
    return {};
}

QString FieldMessages::refusal(const QWidget* field, const ConfigError& error) const
{
    return refusal(field, error, ConfigErrorText::reason(error));
}

QString FieldMessages::refusal(const QWidget* field, const ConfigError& error, const QString& reason) const
{
    const QString named = field ? caption(field) : QString();
    if (named.isEmpty()) {
        return ConfigErrorText::message(error);
    }
    return tr("%1: %2").arg(named, reason);
}

} // namespace bitmig
