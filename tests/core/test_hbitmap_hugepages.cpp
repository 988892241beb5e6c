// Transparent huge pages where a bitmap is dense and not where it is sparse: bit arrays above
// 64 MiB are mapped without them, and a 2 MiB region gets them once half of its 4 KiB pages are in
// use; arrays from 2 to 64 MiB have them from the start.
#include <bitmig/hbitmap.h>
#include <catch2/catch.hpp>

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
