#include <QApplication>
#include <QLabel>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QLabel label(QObject::tr("Bitmap Migration Lab"));
    label.resize(480, 120);
    label.show();
    return app.exec();
}
