#include <bitmig/zeropageallocator.h>

#include <sys/mman.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <fstream>
#include <mutex>
#include <string>
#include <vector>

namespace bitmig::detail {

namespace {

// Below this, calloc serves (it also hands out untouched zero pages for large blocks). From one
// huge page on, a block is mapped on its own, so that it can have huge pages: a 2 MiB array read
// and written at random places (a summary level, a density index) otherwise costs a TLB miss at
// nearly every access.
constexpr std::size_t kMapThreshold = kHugePageBytes;

std::atomic<std::size_t> inUse{0};
std::atomic<std::size_t> peak{0};

void count(std::size_t bytes) noexcept
{
    const std::size_t now = inUse.fetch_add(bytes, std::memory_order_relaxed) + bytes;
    std::size_t seen = peak.load(std::memory_order_relaxed);
    while (now > seen && !peak.compare_exchange_weak(seen, now, std::memory_order_relaxed)) {
    }
}

// Up to this, a mapped block asks for huge pages at once: it costs at most its own size, what it
// costs once dense anyway, and a dense one is spared the small pages' faults and their collapse.
// Above it, regions get huge pages one by one as they become dense.
constexpr std::size_t kPerRegionThreshold = std::size_t(64) << 20;

// Mapped blocks span whole huge pages, so that every region of one can become a huge page.
std::size_t mappedLength(std::size_t bytes) noexcept
{
    return (bytes + kHugePageBytes - 1) / kHugePageBytes * kHugePageBytes;
}

// Whether the system gives transparent huge pages to a range that asks for them: not with
// "never" in /sys/kernel/mm/transparent_hugepage/enabled, where MADV_COLLAPSE would still make them.
bool hugePagesAllowed()
{
    static const bool allowed = [] {
        std::ifstream in("/sys/kernel/mm/transparent_hugepage/enabled");
        std::string line;
        return std::getline(in, line) && line.find("[never]") == std::string::npos;
    }();
    return allowed;
}

// Freed blocks kept for reuse (BlockReuse), and the blocks marked as cleared by their owners.
struct Block {
    void* p;
    std::size_t length;  // mappedLength()
};
std::mutex reuseMutex;
std::atomic<int> reuseScopes{0};  // changed under reuseMutex, read without it
std::vector<Block> kept;     // oldest first
std::vector<Block> cleared;  // in use, zero again: kept when freed
std::atomic<std::size_t> keptBytes{0};

void unmapKept(std::vector<Block>& blocks) noexcept
{
    for (const Block& b : blocks) {
        ::munmap(b.p, b.length);
    }
    blocks.clear();
}

} // namespace

BlockReuse::BlockReuse() noexcept
{
    const std::lock_guard lock(reuseMutex);
    ++reuseScopes;
}

BlockReuse::~BlockReuse()
{
    std::vector<Block> release;
    {
        const std::lock_guard lock(reuseMutex);
        // What is kept goes with any BlockReuse that ends, not only the last: a sweep that ends
        // while a window's run still waits for its destinations does not leave its arrays behind.
        release.swap(kept);
        keptBytes.store(0, std::memory_order_relaxed);
        if (--reuseScopes == 0) {
            cleared.clear();
        }
    }
    unmapKept(release);
}

bool reusingBlocks() noexcept
{
    return reuseScopes.load(std::memory_order_relaxed) > 0;
}

bool wouldKeep(std::size_t bytes) noexcept
{
    return reusingBlocks() && isMappedBlock(bytes) && mappedLength(bytes) <= kMaxReusedBytes;
}

std::size_t zeroedBytesKept() noexcept
{
    return keptBytes.load(std::memory_order_relaxed);
}

void markCleared(void* p, std::size_t bytes) noexcept
{
    if (!p || !isMappedBlock(bytes)) {
        return;
    }
    const std::lock_guard lock(reuseMutex);
    if (reuseScopes > 0) {
        try {
            cleared.push_back(Block{p, mappedLength(bytes)});
        } catch (...) {
            // Not kept then: unmapped when freed, as without reuse.
        }
    }
}

std::size_t zeroedBytesInUse() noexcept
{
    return inUse.load(std::memory_order_relaxed);
}

std::size_t zeroedBytesPeak() noexcept
{
    return peak.load(std::memory_order_relaxed);
}

void resetZeroedPeak() noexcept
{
    peak.store(inUse.load(std::memory_order_relaxed), std::memory_order_relaxed);
}


bool isMappedBlock(std::size_t bytes) noexcept
{
    return bytes >= kMapThreshold;
}

bool hugePagesPerRegion(std::size_t bytes) noexcept
{
    return bytes > kPerRegionThreshold;
}

namespace {

// A kept block of `length`, or null; given the advice of a fresh block.
void* takeKept(std::size_t length, bool perRegion) noexcept
{
    void* p = nullptr;
    {
        const std::lock_guard lock(reuseMutex);
        const auto it = std::find_if(kept.begin(), kept.end(), [length](const Block& b) { return b.length == length; });
        if (it == kept.end()) {
            // Something of another shape is built: what is kept would only take memory from it.
            unmapKept(kept);
            keptBytes.store(0, std::memory_order_relaxed);
            return nullptr;
        }
        p = it->p;
        kept.erase(it);
        keptBytes.fetch_sub(length, std::memory_order_relaxed);
    }
#if defined(MADV_NOHUGEPAGE) && defined(MADV_HUGEPAGE)
    // The huge pages it has stay; new ones come as for a fresh block.
    ::madvise(p, length, perRegion ? MADV_NOHUGEPAGE : MADV_HUGEPAGE);
#else
    (void)perRegion;
#endif
    return p;
}

// Keeps a freed block marked as cleared, while a BlockReuse lives; false: unmap it.
bool keep(void* p, std::size_t length) noexcept
{
    const std::lock_guard lock(reuseMutex);
    const auto it = std::find_if(cleared.begin(), cleared.end(), [p](const Block& b) { return b.p == p; });
    if (it == cleared.end()) {
        return false;
    }
    cleared.erase(it);
    if (reuseScopes == 0 || length > kMaxReusedBytes) {
        return false;
    }
    try {
        kept.push_back(Block{p, length});
    } catch (...) {
        return false;
    }
    std::size_t total = keptBytes.fetch_add(length, std::memory_order_relaxed) + length;
    // Over the limit: the oldest go.
    while (total > kMaxReusedBytes) {
        ::munmap(kept.front().p, kept.front().length);
        total -= kept.front().length;
        keptBytes.fetch_sub(kept.front().length, std::memory_order_relaxed);
        kept.erase(kept.begin());
    }
    return true;
}

} // namespace

void* allocateZeroed(std::size_t bytes)
{
    if (isMappedBlock(bytes)) {
        if (void* reused = takeKept(mappedLength(bytes), hugePagesPerRegion(bytes))) {
            count(bytes);
            return reused;
        }
        // Over-map by one huge page and keep the aligned part, so that huge page boundaries fall on
        // the block's 2 MiB regions.
        const std::size_t length = mappedLength(bytes);
        void* raw = ::mmap(nullptr, length + kHugePageBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
                           -1, 0);
        if (raw == MAP_FAILED) {
            throw std::bad_alloc();
        }
        const auto start = reinterpret_cast<std::uintptr_t>(raw);
        const std::uintptr_t aligned = (start + kHugePageBytes - 1) / kHugePageBytes * kHugePageBytes;
        if (aligned > start) {
            ::munmap(raw, aligned - start);
        }
        if (const std::size_t tail = start + length + kHugePageBytes - (aligned + length); tail > 0) {
            ::munmap(reinterpret_cast<void*>(aligned + length), tail);
        }
        void* p = reinterpret_cast<void*>(aligned);
#if defined(MADV_NOHUGEPAGE) && defined(MADV_HUGEPAGE)
        // A large block: no huge pages until a region is dense (useHugePages()), since with
        // transparent huge pages on, each write into an untouched region of a sparse bitmap would
        // cost 2 MiB. A smaller one has them from the start (a hint: without it we still work).
        ::madvise(p, length, hugePagesPerRegion(bytes) ? MADV_NOHUGEPAGE : MADV_HUGEPAGE);
#endif
        count(bytes);
        return p;
    }
    void* p = std::calloc(bytes ? bytes : 1, 1);
    if (!p) {
        throw std::bad_alloc();
    }
    count(bytes);
    return p;
}

void releaseZeroed(void* p, std::size_t bytes) noexcept
{
    if (!p) {
        return;
    }
    inUse.fetch_sub(bytes, std::memory_order_relaxed);
    if (isMappedBlock(bytes)) {
        if (!keep(p, mappedLength(bytes))) {
            ::munmap(p, mappedLength(bytes));
        }
    } else {
        std::free(p);
    }
}

bool useHugePages(void* region) noexcept
{
#if defined(MADV_HUGEPAGE)
    if (!hugePagesAllowed() || ::madvise(region, kHugePageBytes, MADV_HUGEPAGE) != 0) {
        return false;
    }
    // The pages already there are small ones: replace them with one huge page now rather than
    // when khugepaged comes by (Linux 6.1 and later; older kernels refuse, and khugepaged does it).
#ifndef MADV_COLLAPSE
#define MADV_COLLAPSE 25
#endif
    ::madvise(region, kHugePageBytes, MADV_COLLAPSE);
    return true;
#else
    (void)region;
    return false;
#endif
}

} // namespace bitmig::detail
