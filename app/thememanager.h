// Light or dark: follows the system palette by default, with a manual override. Views read the
// application palette (and react to QEvent::PaletteChange), so switching repaints everything.
#pragma once

#include <QObject>
#include <QPalette>
#include <QString>

namespace bitmig {

class ThemeManager : public QObject {
    Q_OBJECT
public:
    enum class Theme { System, Light, Dark };
    Q_ENUM(Theme)

    explicit ThemeManager(QObject* parent = nullptr);

    static QString key(Theme theme);                 // "system", "light", "dark" (settings, --theme)
    static bool parse(const QString& key, Theme* theme);

    Theme theme() const noexcept { return theme_; }
    void setTheme(Theme theme);
    // True when the palette in effect has a dark window background.
    static bool isDark(const QPalette& palette);

    static QPalette lightPalette();
    static QPalette darkPalette();

Q_SIGNALS:
    void themeChanged(bitmig::ThemeManager::Theme theme);

private:
    Theme theme_ = Theme::System;
};

} // namespace bitmig
