// How fast QemuFileInfo::read walks a QEMU migration file: a generated 1 GiB file of RAM pages and a
// dirty-bitmap section, and a file holding only the section of a 16 TiB disk's bitmap at 64 KiB
// granularity (32 MiB of bits in 32768 chunks of 1 KiB). The files are written to a temporary folder,
// mapped and read once to warm the page cache; each figure is the best of several runs, beside memcpy
// over the same bytes (the whole file; for the section, its bitmap payload), measured in the same run.
// The section is read with and without the SHA-256 (`stream-info --no-digest`), and its parts are
// timed alone: SHA-256 of the chunks, their popcount, the QEMU loader model fed the records; the
// walk is the rest. Section figures are in CPU time of the thread (a shared machine's load does not
// stretch it) and wall time. Every read must give the counts and digest computed apart (the bench's
// own popcount and SHA-256 of the generated bits, the viewer's HBitmap path): exit 2 otherwise.
//
//     bench_qemufile [GiB [N]]   (default 1 GiB; N = 50000 blocks and bitmaps in the crafted file)
#include "bench_common.hpp"

#include <bitmig/qemufile.h>
#include <bitmig/streamformat.h>

#include <openssl/evp.h>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cstring>
#include <ctime>
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

double threadCpuS()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) * 1e-9;
}

// Best wall and best thread CPU time of `runs` runs.
struct Both {
    double wallS = 1e300;
    double cpuS = 1e300;
};
template <class F> Both bestOfBoth(int runs, F&& f)
{
    Both b;
    for (int i = 0; i < runs; ++i) {
        const double c0 = threadCpuS();
        const auto t0 = Clock::now();
        f();
        b.wallS = std::min(b.wallS, std::chrono::duration<double>(Clock::now() - t0).count());
        b.cpuS = std::min(b.cpuS, threadCpuS() - c0);
    }
    return b;
}

// The data chunks of the section file bitmapSections() writes: where each 1 KiB of bits lies.
std::vector<const uint8_t*> chunkBuffers(const uint8_t* file, size_t size)
{
    std::vector<const uint8_t*> out;
    const uint8_t pattern[] = {0, 0, 0, 0, 0, 0, 4, 0}; // be64 buf_size = 1024
    for (size_t at = 0; at + 1 + 8 + 4 + 8 + 1024 <= size;) {
        // Records of the END section: flags 0x04 (BITS), be64 start, be32 count, be64 size, buffer.
        if (file[at] == bitmig::stream::kFlagBits && std::memcmp(file + at + 13, pattern, 8) == 0) {
            out.push_back(file + at + 21);
            at += 21 + 1024;
        } else {
            ++at;
        }
    }
    return out;
}

// The count as the reader does it, with the popcount instruction the core is built with.
BENCH_POPCNT uint64_t popcountChunks(const std::vector<const uint8_t*>& chunks)
{
    uint64_t a = 0, b = 0, c = 0, d = 0;
    for (const uint8_t* p : chunks) {
        for (size_t k = 0; k < 1024; k += 32) {
            uint64_t v0, v1, v2, v3;
            std::memcpy(&v0, p + k, 8);
            std::memcpy(&v1, p + k + 8, 8);
            std::memcpy(&v2, p + k + 16, 8);
            std::memcpy(&v3, p + k + 24, 8);
            a += uint64_t(__builtin_popcountll(v0));
            b += uint64_t(__builtin_popcountll(v1));
            c += uint64_t(__builtin_popcountll(v2));
            d += uint64_t(__builtin_popcountll(v3));
        }
    }
    return a + b + c + d;
}

std::string sha256Chunks(const std::vector<const uint8_t*>& chunks)
{
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    bool ok = ctx && EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr) == 1;
    for (const uint8_t* c : chunks) {
        ok = ok && EVP_DigestUpdate(ctx, c, 1024) == 1;
    }
    ok = ok && EVP_DigestFinal_ex(ctx, digest, &len) == 1;
    EVP_MD_CTX_free(ctx);
    std::string out;
    for (unsigned i = 0; ok && i < len; ++i) {
        static constexpr char hex[] = "0123456789abcdef";
        out.push_back(hex[digest[i] >> 4]);
        out.push_back(hex[digest[i] & 15]);
    }
    return out;
}

[[noreturn]] void mismatch(const char* what)
{
    std::printf("bench_qemufile: %s\n", what);
    std::exit(2);
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
        std::printf("bench_qemufile: the generated file did not read whole: %s\n",
                    info.error ? info.error->what() : info.stopped ? info.stopped->what() : "bitmap or pages");
        return 2;
    }
    const double copyS = memcpySeconds(whole.data, whole.size, scratch, 3);
    std::printf("whole file: %.3f GiB (%llu RAM pages, a 16 TiB bitmap at 64 KiB: %llu bytes of bits)\n",
                double(whole.size) / double(1 << 30), static_cast<unsigned long long>(pages),
                static_cast<unsigned long long>(payload));
    std::printf("  QemuFileInfo::read  %.3f s  %.2f GB/s\n", readS, double(whole.size) / readS / 1e9);
    std::printf("  memcpy              %.3f s  %.2f GB/s\n", copyS, double(whole.size) / copyS / 1e9);
    std::printf("  read / memcpy       %.0f %%\n", 100.0 * copyS / readS);
    ::munmap(const_cast<uint8_t*>(whole.data), whole.size);

    // 2. Only the bitmap's sections: the reader rebuilds 32 MiB of bits, counts them and (unless told
    // not to) computes their SHA-256.
    std::vector<uint8_t> sec;
    header(sec);
    bench::Rng rng2(0xb17);
    const uint64_t secPayload = bitmapSections(sec, diskBytes, 65536, rng2);
    tail(sec);
    const Mapped only = writeAndMap(dir + "/bench_qemufile_section.mig", sec);
    sec.clear();
    sec.shrink_to_fit();
    const std::span<const uint8_t> secBytes(only.data, only.size);

    // What every read must give, computed apart: the bits' count and SHA-256 straight from the
    // generated chunks, and the viewer's path (an HBitmap rebuilt and hashed).
    const std::vector<const uint8_t*> chunks = chunkBuffers(only.data, only.size);
    if (chunks.size() * 1024 != secPayload) {
        mismatch("the section's chunks were not found where the generator wrote them");
    }
    const uint64_t expectDirty = popcountChunks(chunks) * 65536;
    const std::string expectSha = sha256Chunks(chunks);
    const bitmig::QemuFileInfo viewer = bitmig::QemuFileInfo::read(secBytes, {}, true);
    if (viewer.bitmaps.size() != 1 || viewer.bitmaps[0].sha256 != expectSha ||
        viewer.bitmaps[0].dirtyBytes != expectDirty) {
        mismatch("the HBitmap path gives another count or SHA-256 than the generated bits");
    }
    auto check = [&](const bitmig::QemuFileInfo& got, bool digest) {
        if (got.error || got.bitmaps.size() != 1 || got.bitmaps[0].dirtyBytes != expectDirty ||
            got.bitmaps[0].digestSkipped == digest || got.bitmaps[0].sha256 != (digest ? expectSha : std::string())) {
            mismatch(digest ? "the section read with its digest gives another count or SHA-256"
                            : "the section read without its digest gives another count, or a digest");
        }
    };

    // Alternating, so that neither read always meets the same moment of the machine's load.
    Both withDigest;
    Both noDigest;
    for (int round = 0; round < 5; ++round) {
        const Both a = bestOfBoth(1, [&] { info = bitmig::QemuFileInfo::read(secBytes); });
        check(info, true);
        const Both b = bestOfBoth(1, [&] { info = bitmig::QemuFileInfo::read(secBytes, {}, false, false); });
        check(info, false);
        withDigest = Both{std::min(withDigest.wallS, a.wallS), std::min(withDigest.cpuS, a.cpuS)};
        noDigest = Both{std::min(noDigest.wallS, b.wallS), std::min(noDigest.cpuS, b.cpuS)};
    }
    // memcpy over the payload: the bitmap's bytes, as one block.
    scratch.resize(size_t(secPayload));
    std::memcpy(scratch.data(), only.data, size_t(secPayload));
    const Both copy = bestOfBoth(5, [&] {
        std::memcpy(scratch.data(), only.data, size_t(secPayload));
        bench::escape(scratch.data());
    });
    // The parts alone.
    uint64_t sink = 0;
    const Both count = bestOfBoth(5, [&] { sink += popcountChunks(chunks); });
    std::string digestAlone;
    const Both sha = bestOfBoth(5, [&] { digestAlone = sha256Chunks(chunks); });
    std::vector<bitmig::QemuLoaderRecord> loaderRecords;
    for (const bitmig::QemuRecordEntry& e : viewer.records) {
        bitmig::QemuLoaderRecord r;
        r.kind = e.kind;
        r.offset = e.offset;
        r.startSector = e.startSector;
        r.nrSectors = e.nrSectors;
        r.zeroes = e.zeroes;
        r.bufSize = e.bufSize;
        if (e.kind == bitmig::QemuLoaderRecord::Kind::Start) {
            r.node = "drive0";
            r.bitmap = "bitmap0";
            r.granularity = 65536;
            r.startFlags = bitmig::stream::kStartEnabled;
        }
        loaderRecords.push_back(r);
    }
    bitmig::QemuOutcome outcome = bitmig::QemuOutcome::Aborts;
    const Both loader = bestOfBoth(5, [&] {
        bitmig::QemuLoaderModel model;
        model.section(1, 0);
        for (const bitmig::QemuLoaderRecord& r : loaderRecords) {
            model.record(r);
        }
        model.finish();
        outcome = model.verdict().outcome;
    });
    if (sink == 0 || digestAlone != expectSha || outcome != bitmig::QemuOutcome::Loads) {
        mismatch("a part timed alone gave another result");
    }
    const double walkS = noDigest.cpuS - count.cpuS - loader.cpuS;
    const double gb = double(secPayload) / 1e9;
    std::printf("16 TiB bitmap's section: %llu bytes, %llu bytes of bits in %zu chunks of 1 KiB\n",
                static_cast<unsigned long long>(only.size), static_cast<unsigned long long>(secPayload),
                chunks.size());
    std::printf("  (CPU time of the thread; wall time in brackets; GB/s of payload)\n");
    std::printf("  read, with SHA-256       %.4f s  %5.2f GB/s  (wall %.4f s)\n", withDigest.cpuS,
                gb / withDigest.cpuS, withDigest.wallS);
    std::printf("  read, --no-digest        %.4f s  %5.2f GB/s  (wall %.4f s)\n", noDigest.cpuS, gb / noDigest.cpuS,
                noDigest.wallS);
    std::printf("  memcpy (payload)         %.4f s  %5.2f GB/s  (wall %.4f s)\n", copy.cpuS, gb / copy.cpuS,
                copy.wallS);
    std::printf("  read / memcpy            %.0f %% with SHA-256, %.0f %% without (wall: %.0f %%, %.0f %%)\n",
                100.0 * copy.cpuS / withDigest.cpuS, 100.0 * copy.cpuS / noDigest.cpuS,
                100.0 * copy.wallS / withDigest.wallS, 100.0 * copy.wallS / noDigest.wallS);
    std::printf("  parts alone: SHA-256 %.4f s (%.2f GB/s; caps a read with it at %.0f %% of memcpy), popcount "
                "%.4f s, loader model %.4f s; the walk, the rest of --no-digest: %.4f s\n",
                sha.cpuS, gb / sha.cpuS, 100.0 * copy.cpuS / sha.cpuS, count.cpuS, loader.cpuS, walkS);
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
        std::printf("bench_qemufile: the crafted file did not read whole: %s\n", info.error ? info.error->what() : "counts");
        return 2;
    }
    std::printf("crafted: %d RAM blocks each named by its page, %d bitmaps each named again: %llu bytes\n", many,
                many, static_cast<unsigned long long>(crafted.size()));
    std::printf("  QemuFileInfo::read  %.4f s  (%.2f us per block and bitmap)\n", craftedS,
                craftedS * 1e6 / double(many));
    return 0;
}
