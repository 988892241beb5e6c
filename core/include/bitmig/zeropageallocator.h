// Allocator for large bit arrays: memory comes zeroed from the system and is not touched until
// used, and big blocks ask for transparent huge pages. A 2^30-bit bitmap then costs a handful of
// page faults instead of 32768, and random writes over it miss the TLB far less often.
#pragma once

#include <cstddef>
#include <cstdlib>
#include <new>
#include <type_traits>

namespace bitmig::detail {

void* allocateZeroed(std::size_t bytes);
void releaseZeroed(void* p, std::size_t bytes) noexcept;

// Bytes of bit arrays held now, in the whole process, and the most held at once since the last
// resetZeroedPeak(): what a run's bitmaps occupy at most, touched or not.
std::size_t zeroedBytesInUse() noexcept;
std::size_t zeroedBytesPeak() noexcept;
void resetZeroedPeak() noexcept;

template <class T>
struct ZeroPageAllocator {
    static_assert(std::is_trivially_default_constructible_v<T>);
    using value_type = T;

    ZeroPageAllocator() noexcept = default;
    template <class U>
    ZeroPageAllocator(const ZeroPageAllocator<U>&) noexcept
    {
    }

    T* allocate(std::size_t n) { return static_cast<T*>(allocateZeroed(n * sizeof(T))); }
    void deallocate(T* p, std::size_t n) noexcept { releaseZeroed(p, n * sizeof(T)); }

    // Default construction leaves the (already zero) memory alone, so resize() on fresh storage
    // does not touch its pages. Construction with a value writes it, as usual.
    template <class U>
    void construct(U* p) noexcept
    {
        (void)p;
    }
    template <class U, class... Args>
    void construct(U* p, Args&&... args)
    {
        ::new (static_cast<void*>(p)) U(static_cast<Args&&>(args)...);
    }

    template <class U>
    friend bool operator==(const ZeroPageAllocator&, const ZeroPageAllocator<U>&) noexcept
    {
        return true;
    }
};

} // namespace bitmig::detail
