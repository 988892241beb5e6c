// The four trace readers (fio v2 and v3, blkparse, CSV), on arbitrary text.
#include <bitmig/tracereader.h>

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size == 0) {
        return 0;
    }
    static constexpr bitmig::TraceFormat kFormats[] = {bitmig::TraceFormat::Auto, bitmig::TraceFormat::Fio,
                                                       bitmig::TraceFormat::Blkparse, bitmig::TraceFormat::Csv};
    std::istringstream in(std::string(reinterpret_cast<const char*>(data) + 1, size - 1));
    try {
        const bitmig::Trace t = bitmig::TraceReader::read(in, "fuzz", kFormats[data[0] % 4]);
        (void)t.firstPastEnd(uint64_t(1) << 40);
    } catch (const std::exception&) {
    }
    return 0;
}
