// Reading a whole file into memory, with a bound: only regular files (a device such as /dev/zero
// has no size and no end), and never more than a limit.
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace bitmig {

class BoundedFile {
    Q_DECLARE_TR_FUNCTIONS(BoundedFile)

public:
    // The file's bytes, or an error in `why` ("is not a regular file ...", "is larger than ...",
    // "cannot be read: ...") and an empty result. `limitText` names the limit in the message
    // ("64 MiB"). Resources (":/...") are regular files.
    static QByteArray read(const QString& path, qint64 maxBytes, const QString& limitText, QString* why);
};

} // namespace bitmig
