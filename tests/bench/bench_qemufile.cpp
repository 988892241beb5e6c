// How fast QemuFileInfo::read walks a QEMU migration file: a generated 1 GiB file of RAM pages and a
// dirty-bitmap section, and a file holding only the section of a 16 TiB disk's bitmap at 64 KiB
// granularity (32 MiB of bits in 32768 chunks of 1 KiB). The files are written to a temporary folder,
// mapped and read once to warm the page cache; each figure is the best of several runs, beside memcpy
// over the same bytes (the whole file; for the section, its bitmap payload), measured in the same run.
//
//     bench_qemufile [GiB [N]]   (default 1 GiB; N = 50000 blocks and bitmaps in the crafted file)
#include "bench_common.hpp"

#include <bitmig/qemufile.h>
#include <bitmig/streamformat.h>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

void put8(std::vector<uint8_t>& f, uint8_t v)
{
    f.push_back(v);
}
void put32(std::vector<uint8_t>& f, uint32_t v)
{
    for (int s = 24; s >= 0; s -= 8) {
        f.push_back(uint8_t(v >> s));
    }
}
void put64(std::vector<uint8_t>& f, uint64_t v)
{
    for (int s = 56; s >= 0; s -= 8) {
        f.push_back(uint8_t(v >> s));
    }
}
void putName(std::vector<uint8_t>& f, const std::string& s)
{
    put8(f, uint8_t(s.size()));
    f.insert(f.end(), s.begin(), s.end());
}
void section(std::vector<uint8_t>& f, uint8_t type, uint32_t id, const std::string& name = {}, uint32_t version = 0)
{
    put8(f, type);
    put32(f, id);
    if (type == bitmig::qemufile::kSectionStart) {
        putName(f, name);
        put32(f, 0);
        put32(f, version);
    }
}
void footer(std::vector<uint8_t>& f, uint32_t id)
{
    put8(f, bitmig::qemufile::kFooter);
    put32(f, id);
}

// The dirty-bitmap sections of one bitmap: START record, then every chunk (1 KiB of bits, about one in
// eight words set) in the END section, COMPLETE, EOS. Returns the payload bytes.
uint64_t bitmapSections(std::vector<uint8_t>& f, uint64_t diskBytes, uint32_t granularity, bench::Rng& rng)
{
    using namespace bitmig::stream;
    section(f, bitmig::qemufile::kSectionStart, 3, "dirty-bitmap", 1);
    put8(f, kFlagStart | kFlagDeviceName | kFlagBitmapName);
    putName(f, "drive0");
    putName(f, "bitmap0");
    put32(f, granularity);
    put8(f, kStartEnabled);
    put8(f, kFlagEos);
    footer(f, 3);
    section(f, bitmig::qemufile::kSectionEnd, 3);
    const uint64_t bits = diskBytes / granularity;
    const uint64_t chunkBits = kChunkSize * 8;
    const uint64_t sectorsPerChunk = chunkBits * granularity / kSectorSize;
    uint64_t payload = 0;
    for (uint64_t first = 0; first < bits; first += chunkBits) {
        put8(f, kFlagBits);
        put64(f, first * granularity / kSectorSize);
        put32(f, uint32_t(sectorsPerChunk));
        put64(f, kChunkSize);
        for (uint64_t w = 0; w < kChunkSize / 8; ++w) {
            const uint64_t word = rng.below(8) == 0 ? rng.next() : 0;
            for (int b = 0; b < 8; ++b) {
                f.push_back(uint8_t(word >> (8 * b)));
            }
        }
        payload += kChunkSize;
    }
    put8(f, kFlagComplete);
    put8(f, kFlagEos);
    footer(f, 3);
    return payload;
}

void header(std::vector<uint8_t>& f)
{
    put32(f, bitmig::qemufile::kMagic);
    put32(f, bitmig::qemufile::kVersion);
    put8(f, bitmig::qemufile::kConfiguration);
    put32(f, 4);
    f.insert(f.end(), {'n', 'o', 'n', 'e'});
}

void tail(std::vector<uint8_t>& f)
{
    put8(f, bitmig::qemufile::kEof);
}

// RAM pages of one block ("pc.ram"), as a ram section of a source with RAM: every page a normal page
// (4 KiB), one in 16 a zero page, the block named on the first page and CONTINUE after.
std::vector<uint8_t> ramFile(uint64_t bytes, bench::Rng& rng, uint64_t& pages)
{
    using namespace bitmig::qemufile;
    std::vector<uint8_t> f;
    f.reserve(bytes + (64 << 20));
    header(f);
    const uint64_t ram = bytes / kTargetPageSize * kTargetPageSize * 2; // more than the pages written
    section(f, kSectionStart, 2, "ram", 4);
    put64(f, ram | kRamMemSize);
    putName(f, "pc.ram");
    put64(f, ram);
    put64(f, kRamEos);
    footer(f, 2);
    section(f, kSectionEnd, 2);
    pages = 0;
    for (uint64_t addr = 0; addr < ram && f.size() < bytes; addr += kTargetPageSize, ++pages) {
        const uint64_t flags = addr == 0 ? 0 : kRamContinue;
        if (rng.below(16) == 0) {
            put64(f, addr | kRamZero | flags);
            if (addr == 0) {
                putName(f, "pc.ram");
            }
            put8(f, 0);
            continue;
        }
        put64(f, addr | kRamPage | flags);
        if (addr == 0) {
            putName(f, "pc.ram");
        }
        const size_t at = f.size();
        f.resize(at + kTargetPageSize);
        for (size_t i = 0; i < kTargetPageSize; i += 8) {
            const uint64_t v = rng.next();
            std::memcpy(f.data() + at + i, &v, 8);
        }
    }
    put64(f, kRamEos);
    footer(f, 2);
    return f;
}

struct Mapped {
    const uint8_t* data = nullptr;
    size_t size = 0;
};

Mapped writeAndMap(const std::string& path, const std::vector<uint8_t>& bytes)
{
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_TRUNC, 0600);
    if (fd < 0) {
        std::perror(path.c_str());
        std::exit(1);
    }
    size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, std::min<size_t>(bytes.size() - done, 1 << 26));
        if (n <= 0) {
            std::perror("write");
            std::exit(1);
        }
        done += size_t(n);
    }
    void* p = ::mmap(nullptr, bytes.size(), PROT_READ, MAP_SHARED | MAP_POPULATE, fd, 0);
    ::close(fd);
    ::unlink(path.c_str());
    if (p == MAP_FAILED) {
        std::perror("mmap");
        std::exit(1);
    }
    return Mapped{static_cast<const uint8_t*>(p), bytes.size()};
}

template <class F> double best(int runs, F&& f)
{
    double bestS = 1e300;
    for (int i = 0; i < runs; ++i) {
        const auto t0 = Clock::now();
        f();
        bestS = std::min(bestS, std::chrono::duration<double>(Clock::now() - t0).count());
    }
    return bestS;
}

double memcpySeconds(const uint8_t* src, size_t n, std::vector<uint8_t>& dst, int runs)
{
    dst.resize(n);
    std::memcpy(dst.data(), src, n); // touch the destination once
    return best(runs, [&] {
        std::memcpy(dst.data(), src, n);
        bench::escape(dst.data());
    });
}

} // namespace

int main(int argc, char** argv)
{
    const double gib = argc > 1 ? std::atof(argv[1]) : 1.0;
    const uint64_t target = uint64_t(gib * double(uint64_t(1) << 30));
    if (target < (uint64_t(64) << 20)) {
        std::printf("bench_qemufile: the file must be at least 0.0625 GiB (it holds a 34 MB bitmap section)\n");
        return 2;
    }
    const std::string dir = std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp";
    bench::Rng rng(0x5eed);
    std::vector<uint8_t> scratch;

    // 1. RAM pages and a 16 TiB bitmap's sections in one file.
    uint64_t pages = 0;
    std::vector<uint8_t> bytes = ramFile(target - (34 << 20), rng, pages);
    const uint64_t diskBytes = uint64_t(16) << 40;
    const uint64_t payload = bitmapSections(bytes, diskBytes, 65536, rng);
    tail(bytes);
    const Mapped whole = writeAndMap(dir + "/bench_qemufile_whole.mig", bytes);
    bytes.clear();
    bytes.shrink_to_fit();

    bitmig::QemuFileInfo info;
    const double readS = best(3, [&] { info = bitmig::QemuFileInfo::read({whole.data, whole.size}); });
    if (info.error || info.stopped || info.bitmaps.size() != 1 || info.bitmaps[0].sha256.empty() ||
        info.ramNormalPages + info.ramZeroPages != pages) {
        std::printf("the generated file did not read whole: %s\n",
                    info.error ? info.error->what() : info.stopped ? info.stopped->what() : "bitmap or pages");
        return 1;
    }
    const double copyS = memcpySeconds(whole.data, whole.size, scratch, 3);
    std::printf("whole file: %.3f GiB (%llu RAM pages, a 16 TiB bitmap at 64 KiB: %llu bytes of bits)\n",
                double(whole.size) / double(1 << 30), static_cast<unsigned long long>(pages),
                static_cast<unsigned long long>(payload));
    std::printf("  QemuFileInfo::read  %.3f s  %.2f GB/s\n", readS, double(whole.size) / readS / 1e9);
    std::printf("  memcpy              %.3f s  %.2f GB/s\n", copyS, double(whole.size) / copyS / 1e9);
    std::printf("  read / memcpy       %.0f %%\n", 100.0 * copyS / readS);
    ::munmap(const_cast<uint8_t*>(whole.data), whole.size);

    // 2. Only the bitmap's sections: the reader rebuilds 32 MiB of bits (and their SHA-256).
    std::vector<uint8_t> sec;
    header(sec);
    bench::Rng rng2(0xb17);
    const uint64_t secPayload = bitmapSections(sec, diskBytes, 65536, rng2);
    tail(sec);
    const Mapped only = writeAndMap(dir + "/bench_qemufile_section.mig", sec);
    const double secS = best(5, [&] { info = bitmig::QemuFileInfo::read({only.data, only.size}); });
    if (info.error || info.bitmaps.size() != 1 || info.bitmaps[0].sha256.empty()) {
        std::printf("the bitmap section did not read whole\n");
        return 1;
    }
    // memcpy over the payload: the bitmap's bytes, as one block.
    const double secCopyS = memcpySeconds(only.data, size_t(secPayload), scratch, 5);
    std::printf("16 TiB bitmap's section: %llu bytes, %llu bytes of bits\n",
                static_cast<unsigned long long>(only.size), static_cast<unsigned long long>(secPayload));
    std::printf("  QemuFileInfo::read  %.4f s  %.2f GB/s of payload\n", secS, double(secPayload) / secS / 1e9);
    std::printf("  memcpy (payload)    %.4f s  %.2f GB/s\n", secCopyS, double(secPayload) / secCopyS / 1e9);
    std::printf("  read / memcpy       %.0f %%\n", 100.0 * secCopyS / secS);
    ::munmap(const_cast<uint8_t*>(only.data), only.size);

    // 3. Crafted: many bitmaps and many RAM blocks, each page naming its block. A reader that looks
    // bitmaps and blocks up by walking them all is quadratic here.
    const int many = argc > 2 ? std::atoi(argv[2]) : 50000;
    std::vector<uint8_t> crafted;
    header(crafted);
    {
        using namespace bitmig::qemufile;
        section(crafted, kSectionStart, 2, "ram", 4);
        put64(crafted, uint64_t(many) * kTargetPageSize | kRamMemSize);
        for (int i = 0; i < many; ++i) {
            putName(crafted, "block" + std::to_string(i));
            put64(crafted, kTargetPageSize);
        }
        for (int i = 0; i < many; ++i) {
            put64(crafted, kRamZero); // a zero page, its block named
            putName(crafted, "block" + std::to_string(i));
            put8(crafted, 0);
        }
        put64(crafted, kRamEos);
        footer(crafted, 2);
        using namespace bitmig::stream;
        section(crafted, kSectionStart, 3, "dirty-bitmap", 1);
        for (int i = 0; i < many; ++i) {
            put8(crafted, kFlagStart | kFlagDeviceName | kFlagBitmapName);
            putName(crafted, "drive0");
            putName(crafted, "b" + std::to_string(i));
            put32(crafted, 65536);
            put8(crafted, 0);
        }
        put8(crafted, kFlagEos);
        footer(crafted, 3);
        section(crafted, kSectionEnd, 3);
        for (int i = 0; i < many; ++i) { // a ZEROES chunk of each bitmap, named again
            put8(crafted, kFlagBits | kFlagZeroes | kFlagBitmapName);
            putName(crafted, "b" + std::to_string(i));
            put64(crafted, 0);
            put32(crafted, 1 << 20);
        }
        put8(crafted, kFlagEos);
        footer(crafted, 3);
        tail(crafted);
    }
    const double craftedS = best(3, [&] { info = bitmig::QemuFileInfo::read(crafted); });
    if (info.error || info.bitmaps.size() != size_t(many) || info.ramZeroPages != uint64_t(many)) {
        std::printf("the crafted file did not read whole: %s\n", info.error ? info.error->what() : "counts");
        return 1;
    }
    std::printf("crafted: %d RAM blocks each named by its page, %d bitmaps each named again: %llu bytes\n", many,
                many, static_cast<unsigned long long>(crafted.size()));
    std::printf("  QemuFileInfo::read  %.4f s  (%.2f us per block and bitmap)\n", craftedS,
                craftedS * 1e6 / double(many));
    return 0;
}
