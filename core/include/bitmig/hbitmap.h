// Hierarchical dirty bitmap with QEMU HBitmap semantics (see docs/core.md).
#pragma once

#include <bitmig/zeropageallocator.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <type_traits>
#include <vector>

namespace bitmig {

// A count meaning "to the end of the bitmap" (QEMU passes INT64_MAX).
inline constexpr uint64_t kToEnd = uint64_t(INT64_MAX);

struct Range {
    uint64_t start = 0;
    uint64_t count = 0;
    friend bool operator==(const Range&, const Range&) = default;
};

// A bitmap of `size` items in which one bit stands for 2^granularity consecutive items.
// Above the bottom level sit summary levels (bit j of level k is set iff word j of level
// k+1 is non-zero), so searches skip clean regions in O(log64 n) words.
//
// Misuse throws: std::invalid_argument for a bad argument, std::out_of_range for a position
// past the end, std::logic_error for a call in the wrong state.
class HBitmap {
public:
    static constexpr unsigned kLevels = 7;
    static constexpr unsigned kLogMaxBits = 41;

    // size: number of items (for a dirty bitmap: bytes of disk). granularity: log2(items per bit), 0..63.
    // std::invalid_argument if granularity > 63 or ceil(size / 2^granularity) > 2^41 bits.
    HBitmap(uint64_t size, unsigned granularity);
    HBitmap(const HBitmap&);             // deep copy of the bits; the copy has no meta bitmap
    HBitmap& operator=(const HBitmap&);  // copies the bits; drops this bitmap's meta bitmap
    HBitmap(HBitmap&&) noexcept;             // leaves the source empty, of size 0
    HBitmap& operator=(HBitmap&&) noexcept;
    ~HBitmap();

    uint64_t size() const noexcept { return origSize_; }      // items (QEMU orig_size)
    // log2 of the items one bit stands for. granularity() is the contract's name for it (QEMU's
    // hbitmap_granularity); everywhere else in this project "granularity" means bytes per bit, so
    // the project's own code says granularityLog2().
    unsigned granularity() const noexcept { return g_; }
    unsigned granularityLog2() const noexcept { return g_; }
    uint64_t bitCount() const noexcept { return bits_; }      // ceil(size / 2^granularity)
    uint64_t count() const noexcept { return setBits_ << g_; } // set bits << granularity
    bool empty() const noexcept { return setBits_ == 0; }

    bool get(uint64_t item) const;                  // std::out_of_range if item >= size()
    void set(uint64_t start, uint64_t count);       // rounds outward; count 0 is a no-op
    void reset(uint64_t start, uint64_t count);     // start aligned, count aligned or reaching the end
    void resetAll();

    // Position queries, QEMU's -1 becomes std::nullopt.
    std::optional<uint64_t> nextDirty(uint64_t start, uint64_t count = kToEnd) const;
    std::optional<uint64_t> nextZero(uint64_t start, uint64_t count = kToEnd) const;
    std::optional<Range> nextDirtyArea(uint64_t start, uint64_t end, uint64_t maxCount) const;

    // Iteration over set granules in ascending order, from granule (first >> granularity) on.
    // next() returns the first item of each set granule (the first one may be < first).
    // It reads the live bitmap, so bits reset after the iterator was made are never returned.
    class Iterator {
    public:
        std::optional<uint64_t> next();  // inline: the next bit of the current word without a call

    private:
        friend class HBitmap;
        Iterator(const HBitmap* bitmap, uint64_t bit)
            : bitmap_(bitmap), word_(bit >> 6), mask_(~uint64_t(0) << (bit & 63))
        {
        }
        const HBitmap* bitmap_;
        uint64_t word_;  // the bottom-level word the iterator is in
        uint64_t mask_;  // the positions of that word still to look at (after the last bit returned)
    };
    Iterator iterate(uint64_t first = 0) const;     // std::out_of_range if first >= size()

    void truncate(uint64_t newSize);
    void merge(const HBitmap& other);               // *this |= other; std::invalid_argument if sizes differ

    // Serialization: little-endian 64-bit words, LSB-first, as QEMU.
    bool isSerializable() const noexcept { return g_ < 58; }
    uint64_t serializationAlign() const noexcept { return uint64_t(64) << g_; }
    uint64_t serializationSize(uint64_t start, uint64_t count) const;
    void serializePart(std::span<uint8_t> out, uint64_t start, uint64_t count) const;
    // Unlike QEMU, the summary levels, count(), the density index and the huge pages stay exact
    // after each part, so `finish` (and deserializeFinish()) has nothing left to rebuild.
    void deserializePart(std::span<const uint8_t> in, uint64_t start, uint64_t count, bool finish);
    void deserializeZeroes(uint64_t start, uint64_t count, bool finish);
    void deserializeOnes(uint64_t start, uint64_t count, bool finish);
    void deserializeFinish();

    // Meta bitmap: one meta bit per `chunkBits` bits of this bitmap (a power of two >= 1), i.e.
    // meta granularity = granularity() + log2(chunkBits), meta size = bitCount() << granularity().
    // std::logic_error if a meta bitmap already exists (createMeta) or none does (freeMeta).
    HBitmap& createMeta(uint64_t chunkBits);
    HBitmap* meta() noexcept { return meta_.get(); }
    const HBitmap* meta() const noexcept { return meta_.get(); }
    void freeMeta();

    // ---- Extensions beyond the QEMU contract -------------------------------------------

    // Bottom-level words (bit i of the bitmap is bit i%64 of word i/64); padding bits are zero.
    std::span<const uint64_t> words() const noexcept { return levels_[kLevels - 1]; }
    // Words of summary level `level` (0 = top, kLevels-1 = bottom).
    std::span<const uint64_t> levelWords(unsigned level) const;
    // Set bits among bottom bits [firstBit, firstBit + nbits), clipped to bitCount().
    uint64_t countBits(uint64_t firstBit, uint64_t nbits) const noexcept;
    // Whether any bit in [firstBit, firstBit + nbits) is set, using the summary levels.
    bool anyBits(uint64_t firstBit, uint64_t nbits) const noexcept;
    // Lowercase hex SHA-256 of the bottom-level words as little-endian bytes (QEMU hbitmap_sha256).
    std::string sha256() const;
    // The same digest of (*this | other) without building that union; std::invalid_argument if
    // the bit counts differ.
    std::string sha256Union(const HBitmap& other) const;
    // Bytes held by the bit arrays of this bitmap (not its meta bitmap).
    uint64_t memoryBytes() const noexcept;
    // A hint ahead of set(item, ...): starts loading what such a set writes (the bottom word, the
    // summary word above it, the density count) so that a batch of writes to random places can
    // have their cache misses outstanding together. Changes nothing; an item past the end is ignored.
    // Always inlined: GCC takes a function whose only effect is a prefetch for one without effects
    // and drops the calls to it, unless it was inlined first.
#if defined(__GNUC__) || defined(__clang__)
    [[gnu::always_inline]]
#endif
    void prefetchForSet(uint64_t item) const noexcept
    {
#if defined(__GNUC__) || defined(__clang__)
        const uint64_t bit = item >> g_;
        if (bit >= bits_) {
            return;
        }
        __builtin_prefetch(levels_[kLevels - 1].data() + (bit >> 6), 1);
        __builtin_prefetch(levels_[kLevels - 2].data() + (bit >> 12), 1);
        if (densityLog2_) {
            __builtin_prefetch(density_.data() + (bit >> densityLog2_), 1);
        }
#else
        (void)item;
#endif
    }

    // Optional density index for renderers: the number of set bits in every block of
    // 2^log2BlockBits bottom bits, kept exact by every operation, so a zoomed-out view
    // reads at most bitCount() >> log2BlockBits counters instead of the words.
    // std::invalid_argument if log2BlockBits is not in 6..31 (a block's count fits 32 bits: the
    // counters take half the cache of 64-bit ones, and a write reads and updates one at random).
    void enableDensityIndex(unsigned log2BlockBits);
    void disableDensityIndex() noexcept;
    bool hasDensityIndex() const noexcept { return densityLog2_ != 0; }
    unsigned densityBlockLog2() const noexcept { return densityLog2_; }
    std::span<const uint32_t> densityBlocks() const noexcept { return density_; }

    // Transparent huge pages where the bitmap is dense: a bit array above 64 MiB starts without
    // them (smaller ones have them from the start, see zeropageallocator.h), and each of its 2 MiB
    // regions gets one once at least half of its 4 KiB pages hold a set bit (read off the summary levels, so the check costs nothing on a write that
    // lands in a page already in use). The number of regions given huge pages so far, over all
    // levels (the system may still decline them: see detail::useHugePages()).
    uint64_t hugePageRegions() const noexcept;
    // Whether `other` has the same size and exactly the same bits. Reads this bitmap's non-zero
    // words only (through its summary levels) and `other`'s at the same places, up to the first
    // that differs: a sparse pair is compared without reading, or faulting in, the pages that hold
    // nothing.
    bool sameBits(const HBitmap& other) const noexcept;
    // Gives this bitmap huge pages in the regions where `other`, a bitmap of the same size, has
    // them, before they are written: a bitmap about to receive `other`'s bits (a migration's
    // destination) gets each huge page at its first write, instead of small pages that are
    // copied into one once the region is dense. Nothing for a bitmap of another size.
    void useHugePagesOf(const HBitmap& other) noexcept;

private:
    static constexpr uint64_t kNone = ~uint64_t(0);

    std::string sha256Of(const HBitmap* other) const;

    uint64_t dirtyFromOutOfLine(uint64_t start, uint64_t count) const noexcept;  // dirtyFrom()
    uint64_t findNextSetOutOfLine(uint64_t bit) const noexcept;                   // findNextSet()
    // The first set bit in the groups of 64 bottom words after the group of word `w`, or kNone.
    uint64_t findNextSetAfterGroupOutOfLine(uint64_t w) const noexcept;

    uint64_t findNextSet(uint64_t bit) const noexcept;   // kNone if no set bit at or after `bit`
    uint64_t findNextSetAfter(uint64_t word) const noexcept;  // first set bit in a word after `word`
    void prefetchAhead(uint64_t fromGroup, uint64_t toGroup) const noexcept;
    static constexpr uint64_t kPrefetchGroups = 16;  // prefetch distance of walks, in 4096-bit groups
    uint64_t findNextZero(uint64_t bit, uint64_t endBit) const noexcept;
    uint64_t dirtyFrom(uint64_t start, uint64_t count) const noexcept;  // nextDirty(), kNone for none
    uint64_t zeroFrom(uint64_t start, uint64_t count) const noexcept;   // nextZero(), kNone for none
    // Bottom-level range operations on bits [first, last]; return the number of bits changed.
    uint64_t setBitRange(uint64_t first, uint64_t last) noexcept;
    uint64_t resetBitRange(uint64_t first, uint64_t last) noexcept;
    void markMeta(uint64_t start, uint64_t count);
    bool metaMarked(uint64_t start, uint64_t last) const noexcept;  // no meta marking needed
    void checkSerializationChunk(uint64_t start, uint64_t count) const;
    void updateGroupSummary(uint64_t group, uint64_t covered, uint64_t nonZero) noexcept;
    void rebuildSummary() noexcept;
    void allocateLevels(uint64_t bits);
    void copyBitsFrom(const HBitmap& other);  // the copy constructor and assignment
    // f(level, index, word) for every non-zero word of every level, found through the summary
    // levels (so the words that are zero are never read), each level's in ascending order, a word
    // before the words below it; f may clear the word it is given. An f that returns bool ends the
    // walk by returning false.
    template <class F>
    void forEachNonZeroWord(F&& f) const;
    void clearStorage() noexcept;  // a moved-from bitmap: no arrays, size 0
    void adjustDensity(uint64_t first, uint64_t last, uint64_t changed, bool set) noexcept;
    void rebuildDensity() noexcept;
    // Huge pages (see hugePageRegions()): level `level`'s regions [first, last] that have become
    // dense get them; after a change of bottom words [firstWord, lastWord], or of everything.
    void trackHugePages();  // allocates its region counters: std::bad_alloc  // after the arrays were (re)allocated
    void promoteRegions(unsigned level, uint64_t first, uint64_t last) noexcept;
    void promoteWords(uint64_t firstWord, uint64_t lastWord) noexcept;
    void promoteAll() noexcept;

    uint64_t origSize_ = 0;
    uint64_t bits_ = 0;
    uint64_t setBits_ = 0;
    unsigned g_ = 0;
    using WordVector = std::vector<uint64_t, detail::ZeroPageAllocator<uint64_t>>;
    std::array<WordVector, kLevels> levels_;
    std::unique_ptr<HBitmap> meta_;
    unsigned densityLog2_ = 0;      // 0: no density index
    using CountVector = std::vector<uint32_t, detail::ZeroPageAllocator<uint32_t>>;
    CountVector density_;  // set bits per block of 2^densityLog2_ bits (huge pages from 2 MiB)
    // Per level, one bit per 2 MiB region of an array above 64 MiB: it has huge pages. Empty for
    // smaller arrays. Bit m of hugeWatch_: level m + 2 is tracked, so a
    // change of level m's bits (a 512-byte block of level m + 2 written first) checks its region.
    std::array<std::vector<uint64_t>, kLevels> huge_;
    unsigned hugeWatch_ = 0;
};

namespace detail {

// std::optional<uint64_t>{value} if `engaged`, else std::nullopt. GCC 12 returns an optional
// built the usual way through the stack: a one-byte store of the flag, then an eight-byte load
// of the same bytes, which the store cannot be forwarded to. That stall cost about 40 % of a
// nextDirty() or Iterator::next() call that finds its bit in the word it starts in. With the
// standard libraries whose layout is known (the value, then the flag, as their ABI fixes it) the
// optional is made from two whole words instead.
inline std::optional<uint64_t> makeOptional(uint64_t value, bool engaged) noexcept
{
#if (defined(__GLIBCXX__) || defined(_LIBCPP_VERSION)) && defined(__BYTE_ORDER__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    static_assert(sizeof(std::optional<uint64_t>) == 16 &&
                  std::is_trivially_copyable_v<std::optional<uint64_t>>);
    return std::bit_cast<std::optional<uint64_t>>(
        std::array<uint64_t, 2>{engaged ? value : 0, uint64_t(engaged)});
#else
    return engaged ? std::optional<uint64_t>(value) : std::nullopt;
#endif
}

} // namespace detail

// The searches a walk makes most often, inline: the next set bit lies in the bottom word the
// search starts in (the next granule of a run, a later bit of the same word), or in a later word
// of its 64-word group, which the summary word above names (the summary is exact after every
// operation). Anything else goes to the out-of-line search through the levels further up.
inline std::optional<uint64_t> HBitmap::nextDirty(uint64_t start, uint64_t count) const
{
    uint64_t item = kNone;
    if (start < origSize_ && count != 0) {
        const uint64_t* bottom = levels_[kLevels - 1].data();
        const uint64_t bit = start >> g_;
        uint64_t w = bit >> 6;
        uint64_t word = bottom[w] & (~uint64_t(0) << (bit & 63));
        if (!word) {
            const uint64_t later = levels_[kLevels - 2].data()[w >> 6] & ((~uint64_t(0) << (w & 63)) << 1);
            if (later) {
                w = (w & ~uint64_t(63)) + unsigned(std::countr_zero(later));
                word = bottom[w];
            }
        }
        if (word) {
            const uint64_t found = ((w << 6) + unsigned(std::countr_zero(word))) << g_;
            // The granule may begin before `start`; the range ends at start + min(count, left).
            if (found <= start || found - start < std::min(count, origSize_ - start)) {
                item = std::max(start, found);
            }
        } else {
            item = dirtyFromOutOfLine(start, count);
        }
    }
    if (item == kNone) {
        return std::nullopt;
    }
    return item;
}

// The iterator keeps the positions still to visit in its word as a mask and reads the live word
// at each call, so a bit reset meanwhile is never returned and one set ahead of it is. Only the
// mask, not the word index, changes from one bit of a word to the next. When the word has no bit
// left, the summary word above it names the next non-zero word of the same 64-word group (the
// summary is exact after every operation), still inline; only a search past the group goes out
// of line, through the levels further up.
inline std::optional<uint64_t> HBitmap::Iterator::next()
{
    const HBitmap& b = *bitmap_;
    const auto& words = b.levels_[kLevels - 1];
    uint64_t found = kNone;
    uint64_t live = word_ < words.size() ? words.data()[word_] & mask_ : 0;
    if (!live && word_ < words.size()) {
        const uint64_t later = b.levels_[kLevels - 2].data()[word_ >> 6] & ((~uint64_t(0) << (word_ & 63)) << 1);
        if (later) {
            word_ = (word_ & ~uint64_t(63)) + unsigned(std::countr_zero(later));
            live = words.data()[word_];
        }
    }
    if (live) {
        const unsigned i = unsigned(std::countr_zero(live));
        mask_ = (~uint64_t(0) << i) << 1;
        found = (word_ << 6) + i;
    } else {
        found = word_ < words.size() ? b.findNextSetAfterGroupOutOfLine(word_) : kNone;
        if (found == kNone) {
            // Parked at the end: a bitmap that grows later (truncate) is walked on from there.
            word_ = b.bits_ >> 6;
            mask_ = ~uint64_t(0) << (b.bits_ & 63);
            return std::nullopt;
        }
        word_ = found >> 6;
        mask_ = (~uint64_t(0) << (found & 63)) << 1;
    }
    return found << b.g_;
}

// Frees the state the digest library keeps for the calling thread (its error queue). It frees it
// by itself when a thread ends, but a QThread reports finished (and QThread::wait() returns)
// before that happens: a thread that took digests calls this as it finishes, so nothing of it is
// left when the process ends right after.
void releaseThreadDigestState() noexcept;

} // namespace bitmig
