// The qcow2 reader, on arbitrary files: opening, listing and loading every bitmap.
#include <bitmig/qcow2image.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>
#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static const std::string path = "/tmp/bitmig-fuzz-qcow2-" + std::to_string(::getpid());
    static const struct Cleanup {
        ~Cleanup() { std::remove(path.c_str()); }
    } cleanup;
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), std::streamsize(size));
    }
    try {
        const bitmig::Qcow2Image image(path);
        for (const bitmig::Qcow2BitmapInfo& info : image.bitmaps()) {
            try {
                (void)image.loadBitmap(info);
            } catch (const std::exception&) {
            }
        }
    } catch (const std::exception&) {
    }
    return 0;
}
