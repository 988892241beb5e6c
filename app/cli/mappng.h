// The convergence map's SVG drawn as PNG, for `bitmig sweep --map FILE.png`. Needs QtGui and QtSvg,
// and a QGuiApplication (main() makes one, offscreen, when --map names a .png file).
#pragma once

#include <QByteArray>
#include <QString>

namespace bitmig::cli {

class MapPng {
public:
    // True when this bitmig was built with QtGui and QtSvg.
    static bool available();
    // The PNG bytes of `svg` at its own size; an empty array with the reason in *why otherwise.
    static QByteArray render(const QByteArray& svg, QString* why);
    // Whether these arguments ask for a PNG map, so that main() needs a QGuiApplication.
    static bool wanted(int argc, char** argv);
};

} // namespace bitmig::cli
