#include "translatedtexts.h"

#include <QAction>
#include <QCoreApplication>
#include <QMenu>
#include <QWidget>

namespace bitmig {

void TranslatedTexts::add(QObject* object, const char* source, std::function<void(const QString&)> set)
{
    set(translate(source));
    entries_.push_back(Entry{object, source, std::move(set)});
}

void TranslatedTexts::text(QAction* action, const char* source)
{
    add(action, source, [action](const QString& t) { action->setText(t); });
}

void TranslatedTexts::statusTip(QAction* action, const char* source)
{
    add(action, source, [action](const QString& t) { action->setStatusTip(t); });
}

void TranslatedTexts::toolTip(QAction* action, const char* source)
{
    add(action, source, [action](const QString& t) { action->setToolTip(t); });
}

void TranslatedTexts::title(QMenu* menu, const char* source)
{
    add(menu, source, [menu](const QString& t) { menu->setTitle(t); });
}

void TranslatedTexts::windowTitle(QWidget* widget, const char* source)
{
    add(widget, source, [widget](const QString& t) { widget->setWindowTitle(t); });
}

void TranslatedTexts::toolTip(QWidget* widget, const char* source)
{
    add(widget, source, [widget](const QString& t) { widget->setToolTip(t); });
}

void TranslatedTexts::accessibleName(QWidget* widget, const char* source)
{
    add(widget, source, [widget](const QString& t) { widget->setAccessibleName(t); });
}

void TranslatedTexts::name(QWidget* widget, const char* source)
{
    add(widget, source, [widget](const QString& t) {
        widget->setAccessibleName(t);
        widget->setToolTip(t);
    });
}

QString TranslatedTexts::translate(const char* source) const
{
    return QCoreApplication::translate(context_, source);
}

void TranslatedTexts::retranslate() const
{
    for (const Entry& e : entries_) {
        if (e.object) {
            e.set(translate(e.source));
        }
    }
}

} // namespace bitmig
