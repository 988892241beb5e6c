#include "datasize.h"

#include <QCoreApplication>

#include <algorithm>
#include <limits>

namespace bitmig {

QString formatDataSize(uint64_t bytes, int precision, const QLocale& locale)
{
    if (bytes < 1024) {
        return QCoreApplication::translate("bitmig::DataSize", "%1 B").arg(locale.toString(qulonglong(bytes)));
    }
    uint64_t unit = 1;
    while (unit <= bytes / 1024) {
        unit *= 1024;
    }
    const auto value = qint64(std::min<uint64_t>(bytes, uint64_t(std::numeric_limits<qint64>::max())));
    return locale.formattedDataSize(value, bytes % unit == 0 ? 0 : precision, QLocale::DataSizeIecFormat);
}

} // namespace bitmig
