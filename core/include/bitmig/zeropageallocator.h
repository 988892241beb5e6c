// Allocator for large bit arrays: memory comes zeroed from the system and is not touched until
// used. Blocks of 2 MiB and more are mapped on their own, aligned to 2 MiB. Up to 64 MiB they ask
// for transparent huge pages at once (a dense 2^28-bit bitmap then costs 16 page faults instead
// of 8192, and random writes over it miss the TLB far less often; a sparse one costs at most its
// size). Larger ones start without: their owner turns huge pages on region by region
// (useHugePages()) once a 2 MiB region is dense, so that a sparse bitmap of gigabytes costs 4 KiB
// per page written rather than 2 MiB.
#pragma once

#include <cstddef>
#include <cstdlib>
#include <new>
#include <type_traits>

namespace bitmig::detail {

inline constexpr std::size_t kHugePageBytes = std::size_t(2) << 20;

void* allocateZeroed(std::size_t bytes);
void releaseZeroed(void* p, std::size_t bytes) noexcept;
// Whether a block of `bytes` is mapped on its own (aligned to kHugePageBytes, its length rounded
// up to a multiple of it).
bool isMappedBlock(std::size_t bytes) noexcept;
// Whether such a block starts without huge pages (above 64 MiB), for useHugePages() on its regions.
bool hugePagesPerRegion(std::size_t bytes) noexcept;
// Backs the kHugePageBytes at `region` (aligned, inside a mapped block) with a transparent huge
// page: MADV_HUGEPAGE, and MADV_COLLAPSE for the small pages already there. A hint; false where the
// system has no huge pages to give (transparent huge pages "never", or no such advice).
bool useHugePages(void* region) noexcept;

// Reuse of freed blocks. Mapping fresh memory costs the kernel's zeroing of every page at its first
// write (and, in a virtual machine that hands freed memory back to its host, the host's too): for a
// 64 TiB run's bitmaps, hundreds of megabytes at every start. While a BlockReuse lives, a mapped
// block freed after markCleared() (its owner zeroed the words it had written, and nothing else was
// touched) is kept, and the next allocateZeroed() of a block of the same length takes it: its pages
// stay resident where the old owner wrote, and huge where it had huge pages, with the advice of a
// fresh block (huge pages for the regions that earn them again, see useHugePages()). A mapped
// block of a length none kept has (the caller builds something of another shape) unmaps them all
// first, and so does the end of any BlockReuse. At most kMaxReusedBytes are kept at a time.
class BlockReuse {
public:
    BlockReuse() noexcept;
    ~BlockReuse();
    BlockReuse(const BlockReuse&) = delete;
    BlockReuse& operator=(const BlockReuse&) = delete;
};
inline constexpr std::size_t kMaxReusedBytes = std::size_t(1) << 30;
// Whether a BlockReuse lives.
bool reusingBlocks() noexcept;
// Whether a block of `bytes` freed after markCleared() would be kept now: a BlockReuse lives, and
// the block is mapped on its own and within kMaxReusedBytes. Only then is it worth zeroing an array
// before freeing it.
bool wouldKeep(std::size_t bytes) noexcept;
// The mapped block at `p` (from allocateZeroed()) holds zeros only: kept for reuse when freed
// while a BlockReuse lives. Nothing for a block that is not mapped on its own.
void markCleared(void* p, std::size_t bytes) noexcept;
// Bytes of freed blocks kept for reuse now (their mapped lengths; resident where written).
std::size_t zeroedBytesKept() noexcept;

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
