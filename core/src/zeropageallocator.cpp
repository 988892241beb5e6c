#include "bitmig/zeropageallocator.h"

#include <sys/mman.h>

namespace bitmig::detail {

namespace {
// Below this, calloc serves (it also hands out untouched zero pages for large blocks).
constexpr std::size_t kMapThreshold = std::size_t(4) << 20;
} // namespace

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
        return p;
    }
    void* p = std::calloc(bytes ? bytes : 1, 1);
    if (!p) {
        throw std::bad_alloc();
    }
    return p;
}

void releaseZeroed(void* p, std::size_t bytes) noexcept
{
    if (!p) {
        return;
    }
    if (bytes >= kMapThreshold) {
        ::munmap(p, bytes);
    } else {
        std::free(p);
    }
}

} // namespace bitmig::detail
