#include "mappng.h"

#include <QBuffer>
#include <QCoreApplication>

#ifdef BITMIG_CLI_PNG
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#endif

#include <cstring>

namespace bitmig::cli {

bool MapPng::available()
{
#ifdef BITMIG_CLI_PNG
    return true;
#else
    return false;
#endif
}

QByteArray MapPng::render(const QByteArray& svg, QString* why)
{
#ifdef BITMIG_CLI_PNG
    if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance())) {
        *why = QCoreApplication::translate("bitmig", "PNG needs the graphics library, which did not start");
        return {};
    }
    QSvgRenderer renderer(svg);
    if (!renderer.isValid()) {
        *why = QCoreApplication::translate("bitmig", "the map did not render");
        return {};
    }
    QImage image(renderer.defaultSize() * 2, QImage::Format_ARGB32); // twice the size, for sharp text
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        renderer.render(&painter);
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
#else
    Q_UNUSED(svg);
    *why =
        QCoreApplication::translate("bitmig", "this bitmig was built without Qt SVG; write the map as .svg");
    return {};
#endif
}

bool MapPng::wanted(int argc, char** argv)
{
    auto png = [](const char* s) {
        const size_t n = std::strlen(s);
        return n >= 4 && (std::strcmp(s + n - 4, ".png") == 0 || std::strcmp(s + n - 4, ".PNG") == 0);
    };
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--map") == 0 && i + 1 < argc && png(argv[i + 1])) {
            return true;
        }
        if (std::strncmp(argv[i], "--map=", 6) == 0 && png(argv[i])) {
            return true;
        }
    }
    return false;
}

} // namespace bitmig::cli
