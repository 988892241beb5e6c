// The migration file reader and the file writer, on arbitrary bytes: the reader reports every
// problem in QemuFileInfo and never throws; the writer throws std::invalid_argument only.
#include <bitmig/qemufile.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>
#include <stdexcept>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::span<const uint8_t> bytes(data, size);
    const bitmig::QemuFileInfo info = bitmig::QemuFileInfo::read(bytes);
    if (info.error && info.error->offset() > size) {
        std::abort();
    }
    try {
        const std::vector<uint8_t> file = bitmig::QemuFileWriter::wrap(bytes);
        // What the writer builds, the reader reads whole.
        const bitmig::QemuFileInfo wrapped = bitmig::QemuFileInfo::read(file);
        if (wrapped.error || wrapped.stopped) {
            std::abort();
        }
    } catch (const std::invalid_argument&) {
    }
    return 0;
}
