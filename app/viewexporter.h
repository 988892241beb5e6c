// Writes what the window shows to files and the clipboard: a view as PNG (at the screen's device
// pixel ratio) or SVG, the charts' data and the run summary as CSV or JSON. Errors come back as a
// message naming the file and the reason; nothing is left half-written (QSaveFile).
#pragma once

#include <QCoreApplication>
#include <QByteArray>
#include <QImage>
#include <QString>

class QWidget;

namespace bitmig {

class ViewExporter {
    Q_DECLARE_TR_FUNCTIONS(ViewExporter)

public:
    enum class Format { Png, Svg };

    // The format from the file name's suffix (.png, .svg); false for any other.
    static bool formatFor(const QString& path, Format* format);

    // The widget as it is on screen, at its device pixel ratio.
    static QImage image(QWidget* widget);
    // The widget painted into an SVG document of its logical size.
    static QByteArray svg(QWidget* widget, const QString& title);

    // Writes the widget as PNG or SVG by suffix. Returns an empty string, or the error message.
    static QString saveView(QWidget* widget, const QString& path, const QString& title);
    // Writes bytes through QSaveFile. Returns an empty string, or the error message.
    static QString saveBytes(const QByteArray& bytes, const QString& path);
};

} // namespace bitmig
