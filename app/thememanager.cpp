#include "thememanager.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

namespace bitmig {

namespace {

// The platform's palette as the application started, before any theme replaced it; shared by every
// ThemeManager of the process.
const QPalette& systemPalette()
{
    static const QPalette palette = QApplication::palette();
    return palette;
}

} // namespace

ThemeManager::ThemeManager(QObject* parent) : QObject(parent)
{
    systemPalette();
}

QString ThemeManager::key(Theme theme)
{
    switch (theme) {
    case Theme::Light:
        return QStringLiteral("light");
    case Theme::Dark:
        return QStringLiteral("dark");
    case Theme::System:
        break;
    }
    return QStringLiteral("system");
}

bool ThemeManager::parse(const QString& key, Theme* theme)
{
    for (Theme t : {Theme::System, Theme::Light, Theme::Dark}) {
        if (key == ThemeManager::key(t)) {
            *theme = t;
            return true;
        }
    }
    return false;
}

bool ThemeManager::isDark(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QPalette ThemeManager::lightPalette()
{
    QPalette p(QColor(0xef, 0xef, 0xef));
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::AlternateBase, QColor(0xf5, 0xf5, 0xf5));
    p.setColor(QPalette::Text, QColor(0x1a, 0x1a, 0x1a));
    p.setColor(QPalette::WindowText, QColor(0x1a, 0x1a, 0x1a));
    p.setColor(QPalette::ButtonText, QColor(0x1a, 0x1a, 0x1a));
    p.setColor(QPalette::Highlight, QColor(0x30, 0x8c, 0xc6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::ToolTipBase, QColor(0xff, 0xff, 0xdc));
    p.setColor(QPalette::ToolTipText, Qt::black);
    p.setColor(QPalette::Link, QColor(0x1d, 0x6f, 0xa5));
    return p;
}

QPalette ThemeManager::darkPalette()
{
    QPalette p(QColor(0x35, 0x35, 0x38));
    const QColor text(0xe8, 0xe8, 0xe8);
    const QColor disabled(0x80, 0x80, 0x80);
    p.setColor(QPalette::Window, QColor(0x2d, 0x2d, 0x30));
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::AlternateBase, QColor(0x2a, 0x2a, 0x2d));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x3a, 0x3a, 0x3d));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x8e, 0xc9));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::ToolTipBase, QColor(0x25, 0x25, 0x26));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Link, QColor(0x6c, 0xb6, 0xff));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText}) {
        p.setColor(QPalette::Disabled, role, disabled);
    }
    return p;
}

void ThemeManager::setTheme(Theme theme)
{
    if (theme == theme_) {
        return;
    }
    // Fusion draws every control from the palette, so a forced palette looks right whatever the
    // platform style; the system theme goes back to the palette the platform gave at start.
    if (theme != Theme::System && QApplication::style()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive)) {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    }
    QApplication::setPalette(theme == Theme::Dark    ? darkPalette()
                             : theme == Theme::Light ? lightPalette()
                                                     : systemPalette());
    theme_ = theme;
    Q_EMIT themeChanged(theme);
}

} // namespace bitmig
