// Transparent huge pages where a bitmap is dense and not where it is sparse: bit arrays above
// 64 MiB are mapped without them, and a 2 MiB region gets them once half of its 4 KiB pages are in
// use; arrays from 2 to 64 MiB have them from the start. A bitmap about to receive another's bits
// takes its huge pages first, and while a detail::BlockReuse lives, freed arrays serve the next.
#include <bitmig/hbitmap.h>
#include <bitmig/zeropageallocator.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace bitmig;

namespace {

constexpr uint64_t kRegionBits = uint64_t(1) << 24;  // 2 MiB of bottom words
constexpr uint64_t kPageBits = 4096 * 8;             // one 4 KiB page of bottom words

// 2^31 bits: a bottom level of 256 MiB (128 regions), regions given huge pages one by one; the
// level above it (4 MiB) has them from the start, the levels above are small.
HBitmap bigBitmap()
{
    return HBitmap(uint64_t(1) << 31, 0);
}

// Sets one bit in each of the first `pages` pages of bottom region `region`.
void touchPages(HBitmap& hb, uint64_t region, uint64_t pages)
{
    for (uint64_t p = 0; p < pages; ++p) {
        hb.set(region * kRegionBits + p * kPageBits + 17, 1);
    }
}

#ifdef __linux__
// The VmFlags of the mapping that holds `address`, from /proc/self/smaps ("rd wr mr mw me ac nh").
std::string vmFlags(const void* address)
{
    const auto a = reinterpret_cast<uintptr_t>(address);
    std::ifstream in("/proc/self/smaps");
    std::string line;
    bool inside = false;
    while (std::getline(in, line)) {
        const size_t dash = line.find('-');
        const size_t space = line.find(' ');
        if (dash != std::string::npos && space != std::string::npos && dash < space &&
            line.find(':') > space) {  // a mapping's header: "start-end perms ..."
            const uintptr_t start = std::strtoull(line.substr(0, dash).c_str(), nullptr, 16);
            const uintptr_t end = std::strtoull(line.substr(dash + 1, space - dash - 1).c_str(), nullptr, 16);
            inside = a >= start && a < end;
        } else if (inside && line.rfind("VmFlags:", 0) == 0) {
            return line.substr(8) + " ";
        }
    }
    return "";
}

bool hasFlag(const void* address, const char* flag)
{
    return vmFlags(address).find(std::string(" ") + flag + " ") != std::string::npos;
}
#endif

} // namespace

TEST_CASE("HBitmap: a sparse large bitmap is mapped without huge pages", "[hbitmap][hugepages]")
{
    HBitmap hb = bigBitmap();
    const uint64_t* bottom = hb.words().data();
    REQUIRE(reinterpret_cast<uintptr_t>(bottom) % (2 << 20) == 0);  // regions are huge-page aligned
    // One write in each of 100 regions, a few pages in another.
    for (uint64_t r = 0; r < 100; ++r) {
        hb.set(r * kRegionBits + r * 4099, 100);
    }
    touchPages(hb, 120, 255);
    CHECK(hb.hugePageRegions() == 0);
#ifdef __linux__
    INFO("VmFlags: " << vmFlags(bottom));
    CHECK(hasFlag(bottom, "nh"));
    CHECK_FALSE(hasFlag(bottom, "hg"));
    CHECK(hasFlag(bottom + 100 * (kRegionBits / 64), "nh"));
#endif
}

TEST_CASE("HBitmap: a region gets huge pages once half of its pages are in use", "[hbitmap][hugepages]")
{
    HBitmap hb = bigBitmap();
    const uint64_t* bottom = hb.words().data();
    touchPages(hb, 3, 255);
    CHECK(hb.hugePageRegions() == 0);
    touchPages(hb, 3, 256);  // the 256th page
    CHECK(hb.hugePageRegions() == 1);
    // Another write in a page already in use changes nothing.
    hb.set(3 * kRegionBits + 5, 1000);
    CHECK(hb.hugePageRegions() == 1);
#ifdef __linux__
    const uint64_t* region3 = bottom + 3 * (kRegionBits / 64);
    INFO("VmFlags: " << vmFlags(region3));
    CHECK(hasFlag(region3, "hg"));
    CHECK_FALSE(hasFlag(region3, "nh"));
    // Its neighbours stay without.
    CHECK(hasFlag(region3 - 1, "nh"));
    CHECK(hasFlag(region3 + kRegionBits / 64, "nh"));
#endif

    // One range over whole regions makes them all dense at once.
    hb.set(10 * kRegionBits, 4 * kRegionBits);
    CHECK(hb.hugePageRegions() == 5);

    // A copy has fresh arrays: its dense regions get huge pages again, and only those.
    const HBitmap copy(hb);
    CHECK(copy.hugePageRegions() == 5);
#ifdef __linux__
    CHECK(hasFlag(copy.words().data() + 3 * (kRegionBits / 64), "hg"));
    CHECK(hasFlag(copy.words().data() + 4 * (kRegionBits / 64), "nh"));
#endif
}

TEST_CASE("HBitmap: bits that arrive by deserialization make regions dense too", "[hbitmap][hugepages]")
{
    HBitmap hb = bigBitmap();
    // A region's worth of serialized words with a bit in every page: as a destination receives it,
    // in 1 KiB parts.
    std::vector<uint8_t> part(1024, 0);
    part[0] = 1;
    const uint64_t partItems = 1024 * 8;
    for (uint64_t at = 7 * kRegionBits; at < 8 * kRegionBits; at += partItems) {
        hb.deserializePart(part, at, partItems, false);
    }
    CHECK(hb.hugePageRegions() == 1);
    hb.deserializeFinish();
    CHECK(hb.hugePageRegions() == 1);
    CHECK(hb.count() == kRegionBits / partItems);

    // Merged into an empty bitmap, the same region becomes dense there.
    HBitmap other = bigBitmap();
    other.merge(hb);
    CHECK(other.hugePageRegions() == 1);
}

TEST_CASE("HBitmap: small bit arrays are left to the C library, mid-sized ones have huge pages at once",
          "[hbitmap][hugepages]")
{
    HBitmap small(uint64_t(1) << 24, 0);  // 2 MiB of bottom words: calloc
    small.set(0, small.size());
    CHECK(small.count() == small.size());
    CHECK(small.hugePageRegions() == 0);

    HBitmap mid(uint64_t(1) << 28, 0);  // 32 MiB: mapped, huge pages asked for at once
    mid.set(12345, 1);
    CHECK(mid.hugePageRegions() == 0);
#ifdef __linux__
    CHECK(hasFlag(mid.words().data(), "hg"));
#endif

    // A bitmap that grows past 64 MiB is tracked region by region from then on.
    small.truncate(uint64_t(1) << 30);  // 128 MiB
    CHECK(small.hugePageRegions() == 1);  // the first 2 MiB region is full
#ifdef __linux__
    CHECK(hasFlag(small.words().data(), "hg"));
    CHECK(hasFlag(small.words().data() + kRegionBits / 64, "nh"));
#endif
    small.set(uint64_t(1) << 27, uint64_t(1) << 24);
    CHECK(small.hugePageRegions() == 2);
}

TEST_CASE("HBitmap: a bitmap about to receive another's bits takes its huge pages first", "[hbitmap][hugepages]")
{
    HBitmap source = bigBitmap();
    touchPages(source, 3, 256);
    source.set(10 * kRegionBits, 2 * kRegionBits);
    REQUIRE(source.hugePageRegions() == 3);

    HBitmap destination = bigBitmap();
    destination.useHugePagesOf(source);
    CHECK(destination.hugePageRegions() == 3);
    CHECK(destination.count() == 0);  // advice only: no bit, no page written
#ifdef __linux__
    const uint64_t* bottom = destination.words().data();
    CHECK(hasFlag(bottom + 3 * (kRegionBits / 64), "hg"));
    CHECK(hasFlag(bottom + 11 * (kRegionBits / 64), "hg"));
    CHECK(hasFlag(bottom + 4 * (kRegionBits / 64), "nh"));
#endif
    // Once more changes nothing; a bitmap of another size is left alone.
    destination.useHugePagesOf(source);
    CHECK(destination.hugePageRegions() == 3);
    HBitmap other(uint64_t(1) << 30, 0);
    other.useHugePagesOf(source);
    CHECK(other.hugePageRegions() == 0);
}

TEST_CASE("HBitmap: while blocks are reused, a freed bitmap's arrays serve the next of its size, zeroed",
          "[hbitmap][hugepages][reuse]")
{
    const uint64_t* oldBottom = nullptr;
    {
        const detail::BlockReuse reuse;
        CHECK(detail::reusingBlocks());
        {
            HBitmap first = bigBitmap();
            touchPages(first, 5, 300);
            first.set(uint64_t(1) << 30, 12345);
            oldBottom = first.words().data();
        }
        // Its two mapped arrays (256 MiB and 4 MiB) are kept, not given back.
        CHECK(detail::zeroedBytesKept() == (uint64_t(256) << 20) + (uint64_t(4) << 20));

        HBitmap second = bigBitmap();
        CHECK(second.words().data() == oldBottom);  // the same memory
        CHECK(detail::zeroedBytesKept() == 0);
        CHECK(second.count() == 0);
        const auto words = second.words();
        CHECK(std::all_of(words.begin(), words.end(), [](uint64_t w) { return w == 0; }));
        CHECK(second.nextDirty(0, second.size()) == std::nullopt);
        CHECK(second.hugePageRegions() == 0);  // earned again, region by region
        touchPages(second, 5, 256);
        CHECK(second.hugePageRegions() == 1);
        CHECK(second.count() == 256);

        // A bitmap of another size maps its own.
        HBitmap third(uint64_t(1) << 30, 0);
        CHECK(third.count() == 0);
    }
    CHECK_FALSE(detail::reusingBlocks());
    CHECK(detail::zeroedBytesKept() == 0);
}

TEST_CASE("Zeroed blocks: only a block marked as cleared is kept, and only while a BlockReuse lives",
          "[hbitmap][hugepages][reuse]")
{
    const size_t bytes = size_t(8) << 20;
    // Without a BlockReuse: freed and unmapped, nothing kept.
    void* a = detail::allocateZeroed(bytes);
    detail::markCleared(a, bytes);
    detail::releaseZeroed(a, bytes);
    CHECK(detail::zeroedBytesKept() == 0);

    const size_t inUse = detail::zeroedBytesInUse();
    {
        const detail::BlockReuse reuse;
        void* b = detail::allocateZeroed(bytes);
        static_cast<unsigned char*>(b)[100] = 1;  // written, not cleared: not kept
        detail::releaseZeroed(b, bytes);
        CHECK(detail::zeroedBytesKept() == 0);

        void* c = detail::allocateZeroed(bytes);
        detail::markCleared(c, bytes);
        detail::releaseZeroed(c, bytes);
        CHECK(detail::zeroedBytesKept() == bytes);
        CHECK(detail::zeroedBytesInUse() == inUse);  // kept is not in use

        void* e = detail::allocateZeroed(bytes);
        CHECK(e == c);
        CHECK(detail::zeroedBytesKept() == 0);
        CHECK(detail::zeroedBytesInUse() == inUse + bytes);
        detail::markCleared(e, bytes);
        detail::releaseZeroed(e, bytes);
        CHECK(detail::zeroedBytesKept() == bytes);

        // A block of another mapped length is built: what is kept is given back, not held beside it.
        void* d = detail::allocateZeroed(bytes / 2);
        CHECK(d != e);
        CHECK(detail::zeroedBytesKept() == 0);
        detail::markCleared(d, bytes / 2);
        detail::releaseZeroed(d, bytes / 2);
        CHECK(detail::zeroedBytesKept() == bytes / 2);
        CHECK_FALSE(detail::wouldKeep(detail::kMaxReusedBytes + 1));
        CHECK_FALSE(detail::wouldKeep(4096));  // left to the C library
        CHECK(detail::wouldKeep(bytes));

        // Nested (a sweep while a window's run waits): the end of either gives back what is kept,
        // and blocks are kept again while the other lives.
        {
            const detail::BlockReuse inner;
        }
        CHECK(detail::zeroedBytesKept() == 0);
        CHECK(detail::reusingBlocks());
        void* f = detail::allocateZeroed(bytes);
        detail::markCleared(f, bytes);
        detail::releaseZeroed(f, bytes);
        CHECK(detail::zeroedBytesKept() == bytes);
    }
    CHECK(detail::zeroedBytesKept() == 0);
    CHECK_FALSE(detail::wouldKeep(bytes));
}

TEST_CASE("HBitmap: after any mix of operations, a freed bitmap's reused arrays hold no bit",
          "[hbitmap][hugepages][reuse]")
{
    // 2^29 bits: a 64 MiB bottom level (huge pages at once) and a 1 MiB level above it.
    const uint64_t n = uint64_t(1) << 29;
    std::mt19937_64 rng(42);
    const detail::BlockReuse reuse;
    for (int round = 0; round < 12; ++round) {
        INFO("round " << round);
        {
            HBitmap hb(n, 0);
            if (round % 3 == 1) {
                hb.enableDensityIndex(12);
            }
            if (round % 4 == 2) {
                hb.createMeta(1 << 13);
            }
            for (int op = 0; op < 200; ++op) {
                const uint64_t at = rng() % n;
                const uint64_t len = 1 + rng() % (uint64_t(1) << (rng() % 20));
                const uint64_t count = std::min(len, n - at);
                switch (rng() % 6) {
                case 0:
                case 1:
                    hb.set(at, count);
                    break;
                case 2:
                    hb.reset(at, count);
                    break;
                case 3: {
                    const uint64_t align = hb.serializationAlign();
                    const uint64_t start = at / align * align;
                    const uint64_t items = std::min(align * (1 + rng() % 4), n - start);
                    std::vector<uint8_t> buf(hb.serializationSize(start, items));
                    for (auto& b : buf) {
                        b = uint8_t(rng());
                    }
                    hb.deserializePart(buf, start, items, rng() % 2 == 0);
                    break;
                }
                case 4: {
                    HBitmap other(n, 0);
                    other.set(at, count);
                    hb.merge(other);
                    break;
                }
                default:
                    hb.truncate(n - (rng() % 2) * 4096);  // shrinks (clearing the tail) or grows back
                    hb.truncate(n);
                    break;
                }
            }
            if (round % 2 == 0) {
                HBitmap copy(n, 0);
                copy = hb;  // the copy's arrays are fresh; the old ones go
                CHECK(copy.count() == hb.count());
            }
            REQUIRE(hb.count() > 0);
        }
        const HBitmap fresh(n, 0);
        CHECK(fresh.count() == 0);
        const auto words = fresh.words();
        CHECK(std::all_of(words.begin(), words.end(), [](uint64_t w) { return w == 0; }));
        CHECK_FALSE(fresh.nextDirty(0).has_value());
    }
}

TEST_CASE("Zeroed blocks: at most kMaxReusedBytes are kept, the oldest given back first", "[hbitmap][hugepages][reuse]")
{
    const detail::BlockReuse reuse;
    const size_t bytes = detail::kMaxReusedBytes / 4;
    std::vector<void*> blocks;
    for (int i = 0; i < 5; ++i) {
        blocks.push_back(detail::allocateZeroed(bytes));  // untouched: no memory used
        detail::markCleared(blocks.back(), bytes);
    }
    for (void* p : blocks) {
        detail::releaseZeroed(p, bytes);
    }
    CHECK(detail::zeroedBytesKept() == detail::kMaxReusedBytes);
    // The first freed went; the last four are there, the newest taken first or not: any of them.
    std::vector<void*> again;
    for (int i = 0; i < 4; ++i) {
        again.push_back(detail::allocateZeroed(bytes));
        CHECK(std::find(blocks.begin() + 1, blocks.end(), again.back()) != blocks.end());
    }
    CHECK(detail::zeroedBytesKept() == 0);
    for (void* p : again) {
        detail::releaseZeroed(p, bytes);
    }
}
