#include "boundedfile.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace bitmig {

QByteArray BoundedFile::read(const QString& path, qint64 maxBytes, const QString& limitText, QString* why)
{
    const QFileInfo info(path);
    if (info.exists() && info.isDir()) {
        *why = tr("is a folder, not a file");
        return {};
    }
    if (info.exists() && !info.isFile()) {
        *why = tr("is not a regular file (a device, a pipe or a socket)");
        return {};
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *why = tr("cannot be read: %1").arg(file.errorString());
        return {};
    }
    if (file.size() > maxBytes) {
        *why = tr("is larger than %1 (%2 bytes)").arg(limitText).arg(file.size());
        return {};
    }
    // In blocks, up to one byte past the limit: a file that grew since its size was taken is
    // still caught.
    QByteArray data;
    constexpr qint64 kBlock = qint64(1) << 20;
    while (data.size() <= maxBytes) {
        const QByteArray block = file.read(std::min(kBlock, maxBytes + 1 - data.size()));
        if (block.isEmpty()) {
            break;
        }
        data += block;
    }
    if (file.error() != QFileDevice::NoError) {
        *why = tr("cannot be read: %1").arg(file.errorString());
        return {};
    }
    if (data.size() > maxBytes) {
        *why = tr("is larger than %1").arg(limitText);
        return {};
    }
    why->clear();
    return data;
}

} // namespace bitmig
