#include "viewexporter.h"

#include <QBuffer>
#include <QFileInfo>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QWidget>

namespace bitmig {

bool ViewExporter::formatFor(const QString& path, Format* format)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png")) {
        *format = Format::Png;
        return true;
    }
    if (suffix == QLatin1String("svg")) {
        *format = Format::Svg;
        return true;
    }
    return false;
}

QImage ViewExporter::image(QWidget* widget)
{
    // grab() renders at the widget's device pixel ratio: crisp on high-DPI screens.
    return widget->grab().toImage();
}

QByteArray ViewExporter::svg(QWidget* widget, const QString& title)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(widget->size());
    // The width and height are written in millimetres: at 96 dpi, the CSS pixel, other renderers
    // (librsvg, browsers) draw it at the widget's size.
    generator.setResolution(96);
    generator.setViewBox(QRect(QPoint(0, 0), widget->size()));
    generator.setTitle(title);
    generator.setDescription(tr("Exported from Bitmap Migration Lab"));
    QPainter painter;
    painter.begin(&generator);
    widget->render(&painter, QPoint(), QRegion(), QWidget::DrawWindowBackground | QWidget::DrawChildren);
    painter.end();
    return bytes;
}

QString ViewExporter::saveBytes(const QByteArray& bytes, const QString& path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    }
    file.write(bytes);
    if (!file.commit()) {
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    }
    return QString();
}

QString ViewExporter::saveView(QWidget* widget, const QString& path, const QString& title)
{
    Format format;
    if (!formatFor(path, &format)) {
        return tr("Cannot write %1: the name must end in .png or .svg").arg(path);
    }
    if (format == Format::Svg) {
        return saveBytes(svg(widget, title), path);
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!image(widget).save(&buffer, "PNG")) {
        return tr("Cannot write %1: the image could not be encoded").arg(path);
    }
    return saveBytes(bytes, path);
}

} // namespace bitmig
