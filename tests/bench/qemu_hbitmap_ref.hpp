// The in-tree baseline of bench_hbitmap_core: QEMU's hierarchical bitmap search (util/hbitmap.c),
// written in plain C++ from the description of its algorithm in the QEMU dirty-bitmap reference the
// core's contract follows (section 1), not from QEMU's code. Seven levels of 64-bit words, bit j
// of level k set iff word j of level k+1 is non-zero, bit 63 of the single level-0 word always set
// as a sentinel. An iterator keeps one cached word per level (the bits still to visit); when its
// bottom word is used up it climbs the levels until a cached word ANDed with the live word has a
// bit left, then descends along the lowest set bit of each level. next_dirty() sets up such an
// iterator at `start` and takes one step.
//
// Only the parts the walk benchmarks need: building the levels from bottom words (as
// deserialize_finish does), iter_init, iter_next (with its skip over empty words), next_dirty.
// As in QEMU, next_dirty, iter_init and iter_next are functions of their own (QEMU's are external
// functions of util/hbitmap.c, called from other files), so a caller pays a call for each; their
// internals are inlined into them. The words come from the same allocator as bitmig::HBitmap's, so
// both get the same pages (huge pages for arrays of this size).
#pragma once

#include <bitmig/zeropageallocator.h>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <span>
#include <stdexcept>
#include <vector>

#if defined(__GNUC__) || defined(__clang__)
#define QEMUREF_NOINLINE __attribute__((noinline))
#else
#define QEMUREF_NOINLINE
#endif

namespace qemuref {

constexpr int kLevels = 7;        // HBITMAP_LEVELS on a 64-bit host
constexpr int kBitsPerLevel = 6;  // log2(64)
constexpr uint64_t kSentinel = uint64_t(1) << 63;

class HBitmap {
public:
    // alloc(orig_size, g): all levels zero, the level-0 sentinel set.
    HBitmap(uint64_t origSize, unsigned g) : origSize_(origSize), g_(g)
    {
        size_ = (origSize + (uint64_t(1) << g) - 1) >> g;
        uint64_t n = size_;
        for (int i = kLevels - 1; i >= 0; --i) {
            n = std::max<uint64_t>((n + 63) >> kBitsPerLevel, 1);
            levels_[i].resize(n);
        }
        if (levels_[0].size() != 1) {
            throw std::invalid_argument("qemuref::HBitmap: level 0 must be one word");
        }
        levels_[0][0] = kSentinel;
    }

    // The bottom words replaced by `words` (as many as the bottom level holds), then every upper
    // level rebuilt from the one below it and the sentinel set again: deserialize_finish.
    void load(std::span<const uint64_t> words)
    {
        auto& bottom = levels_[kLevels - 1];
        if (words.size() != bottom.size()) {
            throw std::invalid_argument("qemuref::HBitmap::load: word count differs");
        }
        std::copy(words.begin(), words.end(), bottom.begin());
        for (int i = kLevels - 1; i > 0; --i) {
            auto& parent = levels_[i - 1];
            std::fill(parent.begin(), parent.end(), 0);
            for (uint64_t j = 0; j < levels_[i].size(); ++j) {
                if (levels_[i][j]) {
                    parent[j >> kBitsPerLevel] |= uint64_t(1) << (j & 63);
                }
            }
        }
        levels_[0][0] |= kSentinel;
    }

    uint64_t origSize() const noexcept { return origSize_; }
    uint64_t size() const noexcept { return size_; }
    unsigned granularity() const noexcept { return g_; }
    const uint64_t* level(int i) const noexcept { return levels_[i].data(); }

private:
    uint64_t origSize_;
    uint64_t size_;  // bottom bits
    unsigned g_;
    std::vector<uint64_t, bitmig::detail::ZeroPageAllocator<uint64_t>> levels_[kLevels];
};

struct Iter {
    const HBitmap* hb;
    uint64_t pos;  // the bottom word the iterator is in
    unsigned granularity;
    uint64_t cur[kLevels];  // per level: the bits of its current word not visited yet
};

// iter_init: for every level from the bottom up, the word holding the position, without the bits
// before it; above the bottom the position's own bit is cleared as well (the level below already
// covers it).
QEMUREF_NOINLINE inline void iterInit(Iter& hbi, const HBitmap& hb, uint64_t first)
{
    hbi.hb = &hb;
    uint64_t pos = first >> hb.granularity();
    hbi.pos = pos >> kBitsPerLevel;
    hbi.granularity = hb.granularity();
    for (int i = kLevels - 1; i >= 0; --i) {
        const unsigned bit = unsigned(pos & 63);
        pos >>= kBitsPerLevel;
        hbi.cur[i] = hb.level(i)[pos] & ~((uint64_t(1) << bit) - 1);
        if (i != kLevels - 1) {
            hbi.cur[i] &= ~(uint64_t(1) << bit);
        }
    }
}

// iter_skip_words: the bottom word is used up. Climb until a level's cached word, ANDed with the
// live word, has a bit left; the sentinel alone at level 0 ends the iteration (0). Then descend
// along the lowest set bit of each level, keeping the rest of each word, to the next bottom word,
// which is returned whole.
inline uint64_t iterSkipWords(Iter& hbi)
{
    uint64_t pos = hbi.pos;
    const HBitmap& hb = *hbi.hb;
    int i = kLevels - 1;
    uint64_t cur;
    do {
        --i;
        pos >>= kBitsPerLevel;
        cur = hbi.cur[i] & hb.level(i)[pos];
    } while (cur == 0);
    if (i == 0 && cur == kSentinel) {
        return 0;
    }
    for (; i < kLevels - 1; ++i) {
        pos = (pos << kBitsPerLevel) + unsigned(std::countr_zero(cur));
        hbi.cur[i] = cur & (cur - 1);
        cur = hb.level(i + 1)[pos];
    }
    hbi.pos = pos;
    return cur;
}

// iter_next: the next set granule's first item, or -1. The cached bottom word is ANDed with the
// live one, so bits reset since are skipped.
QEMUREF_NOINLINE inline int64_t iterNext(Iter& hbi)
{
    uint64_t cur = hbi.cur[kLevels - 1] & hbi.hb->level(kLevels - 1)[hbi.pos];
    if (cur == 0) {
        cur = iterSkipWords(hbi);
        if (cur == 0) {
            return -1;
        }
    }
    hbi.cur[kLevels - 1] = cur & (cur - 1);
    const uint64_t item = (hbi.pos << kBitsPerLevel) + unsigned(std::countr_zero(cur));
    return int64_t(item << hbi.granularity);
}

// next_dirty(start, count): -1 if start is past the end or count is 0; otherwise an iterator set
// up at start takes one step, and the item it finds counts only below min(orig_size, start + count)
// (computed without overflow), reported as max(start, item).
QEMUREF_NOINLINE inline int64_t nextDirty(const HBitmap& hb, int64_t start, int64_t count)
{
    if (uint64_t(start) >= hb.origSize() || count == 0) {
        return -1;
    }
    const int64_t end = uint64_t(count) > hb.origSize() - uint64_t(start) ? int64_t(hb.origSize())
                                                                           : start + count;
    Iter hbi;
    iterInit(hbi, hb, uint64_t(start));
    const int64_t first = iterNext(hbi);
    if (first < 0 || first >= end) {
        return -1;
    }
    return std::max(start, first);
}

} // namespace qemuref
