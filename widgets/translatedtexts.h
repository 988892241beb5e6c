// Texts kept as their untranslated source and set again when the language changes: what the
// retranslateUi() of Qt Designer's generated code does, for widgets built in code. A widget records
// each text once, where it builds the control (the source marked with QT_TR_NOOP, so lupdate finds
// it in the widget's own context), and calls retranslate() from changeEvent(QEvent::LanguageChange).
#pragma once

#include <QPointer>
#include <QString>

#include <functional>
#include <vector>

class QAction;
class QMenu;
class QObject;
class QWidget;

namespace bitmig {

class TranslatedTexts {
public:
    // `context`: the class whose tr() the sources belong to (T::staticMetaObject.className()).
    explicit TranslatedTexts(const char* context) : context_(context) {}

    // Calls set(translation of source) now and on every retranslate() while `object` lives.
    void add(QObject* object, const char* source, std::function<void(const QString&)> set);

    // Shorthands for the usual properties.
    void text(QAction* action, const char* source);
    void statusTip(QAction* action, const char* source);
    void toolTip(QAction* action, const char* source);
    void title(QMenu* menu, const char* source);
    void windowTitle(QWidget* widget, const char* source);
    void toolTip(QWidget* widget, const char* source);
    void accessibleName(QWidget* widget, const char* source);
    // Accessible name and tool tip at once (a field named by what it holds).
    void name(QWidget* widget, const char* source);

    QString translate(const char* source) const;
    void retranslate() const;

private:
    struct Entry {
        QPointer<QObject> object;
        const char* source;
        std::function<void(const QString&)> set;
    };
    const char* context_;
    std::vector<Entry> entries_;
};

} // namespace bitmig
