// Typing into the window's fields as a user does.
#pragma once

#include <QAbstractSpinBox>
#include <QCoreApplication>
#include <QFocusEvent>
#include <QLineEdit>
#include <QTest>

namespace bitmig::test {

// Selects the field's text, types `text` and presses Enter.
inline void typeAndEnter(QAbstractSpinBox* field, const QString& text)
{
    QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(field, text);
    QTest::keyClick(field, Qt::Key_Return);
}

// Moves the focus away from the field (what commits an edit without Enter).
inline void leave(QWidget* field)
{
    QFocusEvent out(QEvent::FocusOut, Qt::TabFocusReason);
    QCoreApplication::sendEvent(field, &out);
}

inline QString textOf(QAbstractSpinBox* field)
{
    return field->findChild<QLineEdit*>()->text();
}

} // namespace bitmig::test
