#include "bitmig/zeropageallocator.h"

#include <sys/mman.h>

#include <atomic>

namespace bitmig::detail {

namespace {
// Below this, calloc serves (it also hands out untouched zero pages for large blocks).
constexpr std::size_t kMapThreshold = std::size_t(4) << 20;

std::atomic<std::size_t> inUse{0};
std::atomic<std::size_t> peak{0};

void count(std::size_t bytes) noexcept
{
    const std::size_t now = inUse.fetch_add(bytes, std::memory_order_relaxed) + bytes;
    std::size_t seen = peak.load(std::memory_order_relaxed);
    while (now > seen && !peak.compare_exchange_weak(seen, now, std::memory_order_relaxed)) {
    }
}
} // namespace

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

void* allocateZeroed(std::size_t bytes)
{
    if (bytes >= kMapThreshold) {
        void* p = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED) {
            throw std::bad_alloc();
        }
#ifdef MADV_HUGEPAGE
        ::madvise(p, bytes, MADV_HUGEPAGE);  // a hint: without it we still work, only slower
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
    if (bytes >= kMapThreshold) {
        ::munmap(p, bytes);
    } else {
        std::free(p);
    }
}

} // namespace bitmig::detail
