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
    // The loader's findings concern bytes of the input, in order, the fatal one last.
    const auto& findings = info.qemuLoad.findings;
    for (size_t i = 0; i < findings.size(); ++i) {
        if (findings[i].offset >= size || (i > 0 && findings[i].offset < findings[i - 1].offset) ||
            (findings[i].outcome >= bitmig::QemuOutcome::FailsMigration && i + 1 != findings.size())) {
            std::abort();
        }
    }
    // Kept bits (the viewer's) agree with the counted ones (stream-info's); bare sections read too.
    const bitmig::QemuFileInfo kept = bitmig::QemuFileInfo::read(bytes, {}, true);
    if (kept.bitmaps.size() != info.bitmaps.size()) {
        std::abort();
    }
    for (size_t i = 0; i < info.bitmaps.size(); ++i) {
        if (kept.bitmaps[i].sha256 != info.bitmaps[i].sha256 || kept.bitmaps[i].dirtyBytes != info.bitmaps[i].dirtyBytes) {
            std::abort();
        }
    }
    const bitmig::QemuFileInfo sections = bitmig::QemuFileInfo::readSections(bytes);
    if (sections.error && sections.error->offset() > size) {
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
