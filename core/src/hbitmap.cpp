#include <bitmig/hbitmap.h>

#include "hexdigest.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>

namespace bitmig {

namespace {

constexpr unsigned kBottom = HBitmap::kLevels - 1;
constexpr uint64_t kAllOnes = ~uint64_t(0);

// Mask of bits [lo, hi] within one word, 0 <= lo <= hi <= 63.
constexpr uint64_t wordMask(unsigned lo, unsigned hi) noexcept
{
    return (kAllOnes << lo) & (kAllOnes >> (63 - hi));
}

uint64_t ceilDiv(uint64_t a, uint64_t b) noexcept
{
    return a / b + (a % b != 0);
}

// Granules needed for `size` items at granularity g, without overflow.
uint64_t bitsFor(uint64_t size, unsigned g) noexcept
{
    if (g == 0) {
        return size;
    }
    return (size >> g) + ((size & ((uint64_t(1) << g) - 1)) != 0);
}

std::string describe(const char* what, uint64_t a, uint64_t b)
{
    return std::string(what) + " (" + std::to_string(a) + ", " + std::to_string(b) + ")";
}

void storeLE64(uint8_t* out, uint64_t v) noexcept
{
    if constexpr (std::endian::native == std::endian::little) {
        std::memcpy(out, &v, 8);
    } else {
        for (int i = 0; i < 8; ++i) {
            out[i] = uint8_t(v >> (8 * i));
        }
    }
}

uint64_t loadLE64(const uint8_t* in) noexcept
{
    uint64_t v = 0;
    if constexpr (std::endian::native == std::endian::little) {
        std::memcpy(&v, in, 8);
    } else {
        for (int i = 0; i < 8; ++i) {
            v |= uint64_t(in[i]) << (8 * i);
        }
    }
    return v;
}

// Sets bits [first, last] in a word array; returns how many were clear before.
uint64_t setRangeIn(uint64_t* w, uint64_t first, uint64_t last) noexcept
{
    const uint64_t fw = first >> 6, lw = last >> 6;
    uint64_t changed = 0;
    if (fw == lw) {
        const uint64_t m = wordMask(unsigned(first & 63), unsigned(last & 63));
        changed = std::popcount(m & ~w[fw]);
        w[fw] |= m;
        return changed;
    }
    uint64_t m = kAllOnes << (first & 63);
    changed += std::popcount(m & ~w[fw]);
    w[fw] |= m;
    for (uint64_t i = fw + 1; i < lw; ++i) {
        changed += 64 - std::popcount(w[i]);
        w[i] = kAllOnes;
    }
    m = kAllOnes >> (63 - (last & 63));
    changed += std::popcount(m & ~w[lw]);
    w[lw] |= m;
    return changed;
}

// Clears bits [first, last] in a word array; returns how many were set before.
uint64_t resetRangeIn(uint64_t* w, uint64_t first, uint64_t last) noexcept
{
    const uint64_t fw = first >> 6, lw = last >> 6;
    uint64_t changed = 0;
    if (fw == lw) {
        const uint64_t m = wordMask(unsigned(first & 63), unsigned(last & 63));
        changed = std::popcount(m & w[fw]);
        w[fw] &= ~m;
        return changed;
    }
    uint64_t m = kAllOnes << (first & 63);
    changed += std::popcount(m & w[fw]);
    w[fw] &= ~m;
    for (uint64_t i = fw + 1; i < lw; ++i) {
        changed += std::popcount(w[i]);
        w[i] = 0;
    }
    m = kAllOnes >> (63 - (last & 63));
    changed += std::popcount(m & w[lw]);
    w[lw] &= ~m;
    return changed;
}

// Rewrites every parent word from its 64 children (bit j set iff child word j is non-zero), whole
// words at a time rather than bit by bit; returns the set bits of `child` when `count`.
template <class Words>
uint64_t summarise(const Words& child, Words& parent, bool count) noexcept
{
    uint64_t total = 0;
    for (uint64_t p = 0; p < parent.size(); ++p) {
        const uint64_t begin = p << 6, end = std::min<uint64_t>(child.size(), begin + 64);
        uint64_t bits = 0;
        for (uint64_t w = begin; w < end; ++w) {
            bits |= uint64_t(child[w] != 0) << (w & 63);
            if (count) {
                total += unsigned(std::popcount(child[w]));
            }
        }
        if (parent[p] != bits) {
            parent[p] = bits;  // an unchanged word is not written: its page may never have been
        }
    }
    return total;
}

// Out of line, so that the callers' fast paths (HBitmap::metaMarked()) need no stack frame.
[[gnu::noinline]] void markMetaSlow(HBitmap& meta, uint64_t start, uint64_t count)
{
    meta.set(start, count);
}

} // namespace

// ---- construction ------------------------------------------------------------------------

HBitmap::HBitmap(uint64_t size, unsigned granularity)
{
    if (granularity > 63) {
        throw std::invalid_argument("HBitmap: granularity " + std::to_string(granularity) +
                                    " is above 63");
    }
    if (size > uint64_t(INT64_MAX)) {
        throw std::invalid_argument("HBitmap: size " + std::to_string(size) + " is above INT64_MAX");
    }
    const uint64_t bits = bitsFor(size, granularity);
    if (bits > (uint64_t(1) << kLogMaxBits)) {
        throw std::invalid_argument("HBitmap: " + std::to_string(bits) +
                                    " bits exceed the limit of 2^41");
    }
    origSize_ = size;
    g_ = granularity;
    allocateLevels(bits);
}

template <class F>
void HBitmap::forEachNonZeroWord(F&& f) const
{
    // f(), or f() returning false: the walk stops there.
    auto visit = [&f](unsigned level, uint64_t i, uint64_t word) {
        if constexpr (std::is_same_v<std::invoke_result_t<F&, unsigned, uint64_t, uint64_t>, bool>) {
            return f(level, i, word);
        } else {
            f(level, i, word);
            return true;
        }
    };
    // Depth first from the top word: a word is non-zero iff its bit one level up is set.
    uint64_t index[kLevels] = {};
    uint64_t pending[kLevels] = {};  // set bits of the word at each level still to descend into
    if (levels_[0].empty() || levels_[0][0] == 0) {
        return;
    }
    pending[0] = levels_[0][0];  // before f(), which may clear the word (resetAll())
    if (!visit(0u, uint64_t(0), levels_[0][0])) {
        return;
    }
    unsigned level = 0;
    for (;;) {
        if (pending[level] == 0 || level == kBottom) {
            if (level == 0) {
                return;
            }
            --level;
            continue;
        }
        const uint64_t child = index[level] * 64 + unsigned(std::countr_zero(pending[level]));
        pending[level] &= pending[level] - 1;
        const auto& words = levels_[level + 1];
        if (child >= words.size()) {
            continue;
        }
        ++level;
        index[level] = child;
        pending[level] = words[child];
        if (!visit(level, child, pending[level])) {
            return;
        }
    }
}

HBitmap::HBitmap(const HBitmap& other)
    : densityLog2_(other.densityLog2_), density_(other.density_)
{
    copyBitsFrom(other);
}

HBitmap& HBitmap::operator=(const HBitmap& other)
{
    if (this != &other) {
        CountVector density = other.density_;
        copyBitsFrom(other);
        densityLog2_ = other.densityLog2_;
        density_ = std::move(density);
        meta_.reset();
    }
    return *this;
}

// Fresh arrays with `other`'s bits. Only non-zero words are written, so the copy of a sparse bitmap
// is as sparse as it; regions with huge pages there get them here before they are written. Should
// an allocation fail, this bitmap is left as it was.
void HBitmap::copyBitsFrom(const HBitmap& other)
{
    std::array<WordVector, kLevels> fresh;
    for (unsigned level = 0; level < kLevels; ++level) {
        fresh[level].resize(other.levels_[level].size());  // zero pages, untouched
    }
    levels_.swap(fresh);
    origSize_ = other.origSize_;
    bits_ = other.bits_;
    setBits_ = other.setBits_;
    g_ = other.g_;
    trackHugePages();
    useHugePagesOf(other);
    other.forEachNonZeroWord([this](unsigned level, uint64_t i, uint64_t word) { levels_[level][i] = word; });
    promoteAll();
}

bool HBitmap::sameBits(const HBitmap& other) const noexcept
{
    if (other.bits_ != bits_ || other.g_ != g_ || other.setBits_ != setBits_) {
        return false;
    }
    // Every word set here is the same there, and there are no more bits there than here: the same.
    const uint64_t* theirs = other.levels_[kBottom].data();
    bool same = true;
    forEachNonZeroWord([&](unsigned level, uint64_t i, uint64_t word) {
        same = level != kBottom || theirs[i] == word;
        return same;  // the first difference ends the walk
    });
    return same;
}

void HBitmap::useHugePagesOf(const HBitmap& other) noexcept
{
    if (other.bits_ != bits_) {
        return;
    }
    for (unsigned level = 0; level < kLevels; ++level) {
        auto& h = huge_[level];
        if (h.size() != other.huge_[level].size()) {
            continue;
        }
        for (uint64_t i = 0; i < h.size(); ++i) {
            for (uint64_t bits = other.huge_[level][i] & ~h[i]; bits; bits &= bits - 1) {
                const uint64_t r = i * 64 + unsigned(std::countr_zero(bits));
                h[i] |= uint64_t(1) << (r & 63);
                detail::useHugePages(levels_[level].data() + r * (detail::kHugePageBytes / sizeof(uint64_t)));
            }
        }
    }
}

// A moved-from bitmap is left empty, of size 0: every call on it is well defined (positions
// throw std::out_of_range, searches find nothing), and truncate() makes it usable again.
HBitmap::HBitmap(HBitmap&& other) noexcept
    : origSize_(std::exchange(other.origSize_, 0)), bits_(std::exchange(other.bits_, 0)),
      setBits_(std::exchange(other.setBits_, 0)), g_(other.g_), levels_(std::move(other.levels_)),
      meta_(std::move(other.meta_)), densityLog2_(std::exchange(other.densityLog2_, 0)),
      density_(std::move(other.density_)), huge_(std::move(other.huge_)),
      hugeWatch_(std::exchange(other.hugeWatch_, 0))
{
    other.clearStorage();
}

HBitmap& HBitmap::operator=(HBitmap&& other) noexcept
{
    if (this != &other) {
        origSize_ = std::exchange(other.origSize_, 0);
        bits_ = std::exchange(other.bits_, 0);
        setBits_ = std::exchange(other.setBits_, 0);
        g_ = other.g_;
        levels_ = std::move(other.levels_);
        meta_ = std::move(other.meta_);
        densityLog2_ = std::exchange(other.densityLog2_, 0);
        density_ = std::move(other.density_);
        huge_ = std::move(other.huge_);
        hugeWatch_ = std::exchange(other.hugeWatch_, 0);
        other.clearStorage();
    }
    return *this;
}

void HBitmap::clearStorage() noexcept
{
    for (auto& level : levels_) {
        WordVector().swap(level);
    }
    CountVector().swap(density_);
    for (auto& h : huge_) {
        std::vector<uint64_t>().swap(h);
    }
    hugeWatch_ = 0;
}
HBitmap::~HBitmap()
{
    // Zeroing is worth it only for arrays that will be kept: the bottom level is the largest.
    if (levels_[kBottom].empty() || !detail::wouldKeep(levels_[kBottom].capacity() * sizeof(uint64_t))) {
        return;
    }
    // Blocks are being kept for reuse (detail::BlockReuse): the words written go back to zero, so
    // that the next bitmap of this size starts on pages already there instead of fresh ones.
    forEachNonZeroWord([this](unsigned level, uint64_t i, uint64_t) { levels_[level][i] = 0; });
    for (auto& level : levels_) {
        detail::markCleared(level.data(), level.capacity() * sizeof(uint64_t));
    }
}

void HBitmap::allocateLevels(uint64_t bits)
{
    bits_ = bits;
    uint64_t n = bits;
    for (int i = int(kLevels) - 1; i >= 0; --i) {
        n = std::max<uint64_t>(ceilDiv(n, 64), 1);
        WordVector fresh;
        fresh.resize(n);  // zero pages, untouched until written
        levels_[size_t(i)] = std::move(fresh);
    }
    setBits_ = 0;
    trackHugePages();
}

// ---- huge pages --------------------------------------------------------------------------
//
// A 2 MiB region of level L holds 2^18 words; its 4 KiB pages are 512 words each. Word w of
// level L is non-zero iff bit w of level L-1 is set, and a word of level L-1 is non-zero iff a
// bit of level L-2 is: so byte p of level L-2 is non-zero iff page p of level L has a non-zero
// word, and a region's pages are the 512 bytes (64 words) of level L-2 from word 64 * region.

namespace {

constexpr uint64_t kRegionWords = detail::kHugePageBytes / sizeof(uint64_t);  // 2^18
constexpr unsigned kDensePages = 256;  // of 512: huge pages cost at most twice the pages in use

// Non-zero bytes of a word.
unsigned nonZeroBytes(uint64_t v) noexcept
{
    v |= v >> 4;
    v |= v >> 2;
    v |= v >> 1;
    return unsigned(std::popcount(v & 0x0101010101010101ULL));
}

} // namespace

void HBitmap::trackHugePages()
{
    hugeWatch_ = 0;
    for (unsigned level = 0; level < kLevels; ++level) {
        auto& h = huge_[level];
        const uint64_t words = levels_[level].capacity();
        if (level >= 2 && detail::hugePagesPerRegion(words * sizeof(uint64_t))) {
            h.assign(ceilDiv(ceilDiv(words, kRegionWords), 64), 0);
            hugeWatch_ |= 1u << (level - 2);
        } else {
            std::vector<uint64_t>().swap(h);
        }
    }
}

void HBitmap::promoteRegions(unsigned level, uint64_t first, uint64_t last) noexcept
{
    auto& h = huge_[level];
    const auto& pages = levels_[level - 2];
    for (uint64_t r = first; r <= last && (r >> 6) < h.size(); ++r) {
        if (h[r >> 6] & (uint64_t(1) << (r & 63))) {
            continue;
        }
        unsigned used = 0;
        for (uint64_t w = r * 64; w < std::min<uint64_t>(pages.size(), r * 64 + 64); ++w) {
            used += nonZeroBytes(pages[w]);
        }
        if (used >= kDensePages) {
            h[r >> 6] |= uint64_t(1) << (r & 63);
            detail::useHugePages(levels_[level].data() + r * kRegionWords);
        }
    }
}

void HBitmap::promoteWords(uint64_t firstWord, uint64_t lastWord) noexcept
{
    for (unsigned level = 2; level < kLevels; ++level) {
        if (hugeWatch_ & (1u << (level - 2))) {
            const unsigned shift = 6 * (kBottom - level);
            promoteRegions(level, (firstWord >> shift) / kRegionWords, (lastWord >> shift) / kRegionWords);
        }
    }
}

void HBitmap::promoteAll() noexcept
{
    if (!levels_[kBottom].empty()) {
        promoteWords(0, levels_[kBottom].size() - 1);
    }
}

uint64_t HBitmap::hugePageRegions() const noexcept
{
    uint64_t n = 0;
    for (const auto& h : huge_) {
        for (const uint64_t w : h) {
            n += unsigned(std::popcount(w));
        }
    }
    return n;
}

std::span<const uint64_t> HBitmap::levelWords(unsigned level) const
{
    if (level >= kLevels) {
        throw std::out_of_range("HBitmap::levelWords: level " + std::to_string(level) + " >= 7");
    }
    return levels_[level];
}

uint64_t HBitmap::memoryBytes() const noexcept
{
    uint64_t total = 0;
    for (const auto& l : levels_) {
        total += l.capacity() * sizeof(uint64_t);
    }
    return total;
}

// ---- summary maintenance -----------------------------------------------------------------

// Bottom words `covered` of group `group` (bit j: word group * 64 + j) were rewritten, and those
// in `nonZero` hold a set bit now: the group's summary word takes their bits, and when it turns
// zero or non-zero, its bit one level up follows, and so on up while a word's zero-ness changes.
// A word whose bits stay the same is not written (its page may never have been touched).
void HBitmap::updateGroupSummary(uint64_t group, uint64_t covered, uint64_t nonZero) noexcept
{
    uint64_t* summary = levels_[kBottom - 1].data();
    const uint64_t was = summary[group];
    const uint64_t now = (was & ~covered) | nonZero;
    if (now == was) {
        return;
    }
    summary[group] = now;
    if ((was != 0) == (now != 0)) {
        return;
    }
    uint64_t idx = group;
    for (unsigned level = kBottom - 1; level > 0; --level) {
        uint64_t& parent = levels_[level - 1][idx >> 6];
        const uint64_t before = parent;
        const uint64_t bit = uint64_t(1) << (idx & 63);
        parent = now ? before | bit : before & ~bit;
        if ((before != 0) == (parent != 0)) {
            break;
        }
        idx >>= 6;
    }
}

void HBitmap::rebuildSummary() noexcept
{
    for (unsigned level = kBottom; level > 0; --level) {
        summarise(levels_[level], levels_[level - 1], false);
    }
    promoteAll();
}

// ---- bit range primitives ----------------------------------------------------------------

uint64_t HBitmap::setBitRange(uint64_t first, uint64_t last) noexcept
{
    const uint64_t changed = setRangeIn(levels_[kBottom].data(), first, last);
    if (changed) {
        setBits_ += changed;
        // Every word in the range is now non-zero: set the matching parent bits, level by level.
        uint64_t f = first >> 6, l = last >> 6;
        for (unsigned level = kBottom; level > 0; --level) {
            if (setRangeIn(levels_[level - 1].data(), f, l) == 0) {
                break;  // the ancestors of bits already set are set too
            }
            if (hugeWatch_ & (1u << (level - 1))) [[unlikely]] {
                // A 512-byte block of level + 1 holds its first set bit: its region may be dense now.
                promoteRegions(level + 1, f >> 12, l >> 12);
            }
            f >>= 6;
            l >>= 6;
        }
        // After the summary: a recount of an edge block skips groups the summary says are clean.
        if (densityLog2_) {
            adjustDensity(first, last, changed, true);
        }
    }
    return changed;
}

uint64_t HBitmap::resetBitRange(uint64_t first, uint64_t last) noexcept
{
    const uint64_t changed = resetRangeIn(levels_[kBottom].data(), first, last);
    if (changed) {
        setBits_ -= changed;
        // Words strictly inside the range are now zero; the edge words may not be.
        uint64_t f = first >> 6, l = last >> 6;
        for (unsigned level = kBottom; level > 0; --level) {
            const auto& child = levels_[level];
            uint64_t cf = f, cl = l;
            if (child[cf] != 0) {
                ++cf;
            }
            if (cl >= cf && child[cl] != 0) {
                if (cl == 0) {
                    break;
                }
                --cl;
            }
            if (cf > cl) {
                break;
            }
            resetRangeIn(levels_[level - 1].data(), cf, cl);
            f = cf >> 6;
            l = cl >> 6;
        }
        if (densityLog2_) {
            adjustDensity(first, last, changed, false);
        }
    }
    return changed;
}

void HBitmap::adjustDensity(uint64_t first, uint64_t last, uint64_t changed, bool set) noexcept
{
    const uint64_t fb = first >> densityLog2_, lb = last >> densityLog2_;
    if (fb == lb) {
        density_[fb] = uint32_t(set ? density_[fb] + changed : density_[fb] - changed);
        return;
    }
    // Blocks strictly inside the range are now full or empty (they lie below bitCount()); only the
    // two edge blocks are counted again, which reads the summary levels: call this after them.
    const uint64_t block = uint64_t(1) << densityLog2_;
    std::fill(density_.begin() + int64_t(fb + 1), density_.begin() + int64_t(lb), uint32_t(set ? block : 0));
    density_[fb] = uint32_t(countBits(fb << densityLog2_, block));
    density_[lb] = uint32_t(countBits(lb << densityLog2_, block));
}

void HBitmap::rebuildDensity() noexcept
{
    if (!densityLog2_) {
        return;
    }
    // Fresh counters (zero pages, untouched until counted into), and only the non-zero bottom
    // words, which the summary level above names (it is exact whenever this is called): an empty
    // or sparse bitmap is counted without reading its bottom level.
    CountVector fresh;
    fresh.resize(std::max<uint64_t>(ceilDiv(bits_, uint64_t(1) << densityLog2_), 1));
    const auto& w = levels_[kBottom];
    const auto& summary = levels_[kBottom - 1];
    const unsigned shift = densityLog2_ - 6;
    for (uint64_t group = 0; group < summary.size(); ++group) {
        for (uint64_t nonZero = summary[group]; nonZero; nonZero &= nonZero - 1) {
            const uint64_t i = group * 64 + unsigned(std::countr_zero(nonZero));
            fresh[i >> shift] += unsigned(std::popcount(w[i]));
        }
    }
    density_.swap(fresh);
}

void HBitmap::enableDensityIndex(unsigned log2BlockBits)
{
    if (log2BlockBits < 6 || log2BlockBits > 31) {
        throw std::invalid_argument("HBitmap::enableDensityIndex: log2 block size " +
                                    std::to_string(log2BlockBits) + " is not in 6..31");
    }
    densityLog2_ = log2BlockBits;
    rebuildDensity();
}

void HBitmap::disableDensityIndex() noexcept
{
    densityLog2_ = 0;
    density_.clear();
    density_.shrink_to_fit();
}

// Whether a change to items [start, last] needs no meta marking: there is no meta bitmap, or
// every meta bit of the range is set already and lies in one meta word (the common case). Reads
// only the meta bitmap, which is small and stays in cache.
inline bool HBitmap::metaMarked(uint64_t start, uint64_t last) const noexcept
{
    const HBitmap* const m = meta_.get();
    if (!m) {
        return true;
    }
    const uint64_t fb = start >> m->g_, lb = last >> m->g_;
    if ((fb >> 6) != (lb >> 6) || lb >= m->bits_) {
        return false;
    }
    const uint64_t mask = wordMask(unsigned(fb & 63), unsigned(lb & 63));
    return (m->levels_[kBottom][fb >> 6] & mask) == mask;
}

void HBitmap::markMeta(uint64_t start, uint64_t count)
{
    if (count != 0 && start + (count - 1) >= start && metaMarked(start, start + (count - 1))) {
        return;
    }
    if (meta_) {
        markMetaSlow(*meta_, start, count);
    }
}

// ---- public bit operations ---------------------------------------------------------------

bool HBitmap::get(uint64_t item) const
{
    if (item >= origSize_) {
        throw std::out_of_range(describe("HBitmap::get: item past the end", item, origSize_));
    }
    const uint64_t bit = item >> g_;
    return (levels_[kBottom][bit >> 6] >> (bit & 63)) & 1;
}

void HBitmap::set(uint64_t start, uint64_t count)
{
    if (count == 0) {
        return;
    }
    const uint64_t lastItem = start + (count - 1);
    if (lastItem < start || (lastItem >> g_) >= bits_) {
        throw std::out_of_range(describe("HBitmap::set: range past the end", start, count));
    }
    const uint64_t first = start >> g_, last = lastItem >> g_;
    if ((first >> 6) != (last >> 6)) {
        if (setBitRange(first, last)) {
            markMeta(start, count);
        }
        return;
    }
    // Fast path for a range inside one bottom word (nearly every guest write): the same result as
    // setBitRange(), without its loops, and without touching the levels above when they are set.
    // The meta bitmap is looked at first: that work does not depend on the bottom word, which is
    // often a cache miss, so it is done (and retired) while the miss is outstanding instead of
    // filling the reorder window behind it, where it would hold back the next calls' loads.
    const bool metaDone = metaMarked(start, lastItem);
    uint64_t& word = levels_[kBottom][first >> 6];
    const uint64_t fresh = wordMask(unsigned(first & 63), unsigned(last & 63)) & ~word;
    if (fresh == 0) {
        return;  // already set: nothing changes, so the meta bitmap is not marked either
    }
    const bool wasClean = word == 0;
    word |= fresh;
    const uint64_t changed = unsigned(std::popcount(fresh));
    setBits_ += changed;
    if (densityLog2_) {
        // A density block is at least a word (and aligned to words): the range lies in one block,
        // so this is adjustDensity()'s first case, without a call.
        density_[first >> densityLog2_] += uint32_t(changed);
    }
    if (wasClean) {
        // The word became non-zero: set its summary bit, and above, up to a word that was non-zero.
        uint64_t w = first >> 6;
        for (unsigned level = kBottom; level > 0; --level) {
            uint64_t& parent = levels_[level - 1][w >> 6];
            const uint64_t parentWas = parent;
            parent |= uint64_t(1) << (w & 63);
            if (hugeWatch_ & (1u << (level - 1))) [[unlikely]] {
                promoteRegions(level + 1, w >> 12, w >> 12);  // as in setBitRange()
            }
            if (parentWas != 0) {
                break;
            }
            w >>= 6;
        }
    }
    if (!metaDone) {
        markMetaSlow(*meta_, start, count);
    }
}

void HBitmap::reset(uint64_t start, uint64_t count)
{
    if (count == 0) {
        return;
    }
    const uint64_t gmask = (uint64_t(1) << g_) - 1;
    if (start & gmask) {
        throw std::invalid_argument(describe("HBitmap::reset: start not aligned to the granularity",
                                             start, count));
    }
    const uint64_t lastItem = start + (count - 1);
    if (lastItem < start || (lastItem >> g_) >= bits_) {
        throw std::out_of_range(describe("HBitmap::reset: range past the end", start, count));
    }
    if ((count & gmask) && start + count != origSize_) {
        throw std::invalid_argument(
            describe("HBitmap::reset: count not aligned and not reaching the end", start, count));
    }
    if (resetBitRange(start >> g_, lastItem >> g_)) {
        markMeta(start, count);
    }
}

void HBitmap::resetAll()
{
    // Only the non-zero words are cleared: pages of a sparse bitmap that hold nothing stay untouched.
    forEachNonZeroWord([this](unsigned level, uint64_t i, uint64_t) { levels_[level][i] = 0; });
    std::fill(density_.begin(), density_.end(), 0);
    setBits_ = 0;
}

uint64_t HBitmap::countBits(uint64_t firstBit, uint64_t nbits) const noexcept
{
    if (firstBit >= bits_ || nbits == 0) {
        return 0;
    }
    const uint64_t last = firstBit + std::min(nbits, bits_ - firstBit) - 1;
    const uint64_t* w = levels_[kBottom].data();
    const uint64_t fw = firstBit >> 6, lw = last >> 6;
    if (fw == lw) {
        return std::popcount(w[fw] & wordMask(unsigned(firstBit & 63), unsigned(last & 63)));
    }
    uint64_t n = std::popcount(w[fw] & (kAllOnes << (firstBit & 63)));
    const uint64_t* l5 = levels_[kBottom - 1].data();
    for (uint64_t i = fw + 1; i < lw; ++i) {
        // Skip whole clean 64-word blocks through the summary level above.
        if ((i & 63) == 0 && l5[i >> 6] == 0) {
            i += 63;
            if (i >= lw) {
                break;
            }
            continue;
        }
        n += std::popcount(w[i]);
    }
    n += std::popcount(w[lw] & (kAllOnes >> (63 - (last & 63))));
    return n;
}

// ---- searches ----------------------------------------------------------------------------

using detail::makeOptional;

// The first set bit at or after `bit`. Most calls of a walk end in the word they start in (the
// next bit of a run or of the same word): that word is looked at first, without a function call.
inline uint64_t HBitmap::findNextSet(uint64_t bit) const noexcept
{
    if (bit >= bits_) {
        return kNone;
    }
    const uint64_t w = bit >> 6;
    const uint64_t word = levels_[kBottom][w] & (kAllOnes << (bit & 63));
    if (word) {
        return (w << 6) + unsigned(std::countr_zero(word));
    }
    return findNextSetAfter(w);
}

// The first set bit in the bottom words after word `w`, through the summary levels: climb while
// the summary word holds nothing at or after the next position, then descend along the first set
// bit of each level. Before it reads the bottom word it lands on, it prefetches the non-zero bottom
// words a few groups further on (prefetchAhead), so a walk does not wait for memory at each word.
uint64_t HBitmap::findNextSetAfter(uint64_t w) const noexcept
{
    unsigned level = kBottom - 1;
    uint64_t idx = w + 1;  // a bit index at `level`: the first bottom word still to look at
    for (;;) {
        const auto& words = levels_[level];
        const uint64_t pw = idx >> 6;
        if (pw >= words.size()) {
            return kNone;
        }
        const uint64_t word = words[pw] & (kAllOnes << (idx & 63));
        if (word) {
            idx = (pw << 6) + unsigned(std::countr_zero(word));
            break;
        }
        if (level == 0) {
            return kNone;
        }
        idx = pw + 1;
        --level;
    }
    while (level < kBottom - 1) {
        ++level;
        idx = (idx << 6) + unsigned(std::countr_zero(levels_[level][idx]));
    }
    // idx: the first non-zero bottom word after w.
    prefetchAhead(w >> 6, idx >> 6);
    return (idx << 6) + unsigned(std::countr_zero(levels_[kBottom][idx]));
}

// A walk that moved from group `from` to group `to` (a group: the 64 bottom words under one word
// of the level above) prefetches the groups that come into the window of kPrefetchGroups groups
// ahead of it: (from + kPrefetchGroups, to + kPrefetchGroups], at most kPrefetchGroups groups. Of
// each group that holds a set bit it prefetches every 64-byte line from the first to the last line
// holding a non-zero word, the gaps included: one unbroken run of lines streams from memory about
// three times as fast as the non-zero lines alone (a walk at 0.1 % random density touches 40 % of
// the lines, scattered), and a group with no set bit is skipped whole. Over a walk every group is
// covered once; a call that stays in its group prefetches nothing.
void HBitmap::prefetchAhead(uint64_t from, uint64_t to) const noexcept
{
#if defined(__GNUC__) || defined(__clang__)
    const auto& summary = levels_[kBottom - 1];
    const uint64_t* bottom = levels_[kBottom].data();
    const uint64_t first = std::max(from + kPrefetchGroups, to) + 1;
    const uint64_t last = std::min<uint64_t>(to + kPrefetchGroups, summary.size() - 1);
    for (uint64_t p = first; p <= last; ++p) {
        const uint64_t x = summary[p];
        if (x) {
            unsigned lo = unsigned(std::countr_zero(x)) & ~7u;  // 8 words: one cache line
            unsigned hi = 63u - unsigned(std::countl_zero(x));
            if (hi - lo >= 24) {
                lo = 0;  // half the group or more: all of it, an unbroken run with its neighbours
                hi = 63;
            }
            for (unsigned lane = lo; lane <= hi; lane += 8) {
                __builtin_prefetch(bottom + (p << 6) + lane, 0, 3);
            }
        }
    }
#else
    (void)from;
    (void)to;
#endif
}

uint64_t HBitmap::findNextZero(uint64_t bit, uint64_t endBit) const noexcept
{
    const uint64_t* w = levels_[kBottom].data();
    while (bit < endBit) {
        const uint64_t word = ~w[bit >> 6] & (kAllOnes << (bit & 63));
        if (word) {
            const uint64_t found = (bit & ~uint64_t(63)) + unsigned(std::countr_zero(word));
            return found < endBit ? found : kNone;
        }
        bit = (bit | 63) + 1;
    }
    return kNone;
}

bool HBitmap::anyBits(uint64_t firstBit, uint64_t nbits) const noexcept
{
    if (firstBit >= bits_ || nbits == 0) {
        return false;
    }
    const uint64_t next = findNextSet(firstBit);
    return next != kNone && next - firstBit < nbits;
}

// nextDirty() as a plain number: the item, or kNone.
inline uint64_t HBitmap::dirtyFrom(uint64_t start, uint64_t count) const noexcept
{
    if (start >= origSize_ || count == 0) {
        return kNone;
    }
    const uint64_t bit = findNextSet(start >> g_);
    if (bit == kNone) {
        return kNone;
    }
    const uint64_t item = bit << g_;
    const uint64_t end = start + std::min(count, origSize_ - start);
    if (item >= end) {
        return kNone;
    }
    return std::max(start, item);
}

// nextZero() as a plain number: the item, or kNone.
inline uint64_t HBitmap::zeroFrom(uint64_t start, uint64_t count) const noexcept
{
    if (start >= origSize_ || count == 0) {
        return kNone;
    }
    const uint64_t endBit = count > origSize_ - start ? bits_ : ((start + count - 1) >> g_) + 1;
    const uint64_t bit = findNextZero(start >> g_, endBit);
    if (bit == kNone) {
        return kNone;
    }
    return std::max(start, bit << g_);
}

uint64_t HBitmap::dirtyFromOutOfLine(uint64_t start, uint64_t count) const noexcept
{
    return dirtyFrom(start, count);
}

uint64_t HBitmap::findNextSetOutOfLine(uint64_t bit) const noexcept
{
    return findNextSet(bit);
}

uint64_t HBitmap::findNextSetAfterGroupOutOfLine(uint64_t w) const noexcept
{
    return findNextSetAfter(w | 63);
}

std::optional<uint64_t> HBitmap::nextZero(uint64_t start, uint64_t count) const
{
    const uint64_t item = zeroFrom(start, count);
    return makeOptional(item, item != kNone);
}

std::optional<Range> HBitmap::nextDirtyArea(uint64_t start, uint64_t end, uint64_t maxCount) const
{
    if (maxCount == 0) {
        throw std::invalid_argument("HBitmap::nextDirtyArea: maxCount is 0");
    }
    end = std::min(end, origSize_);
    if (start >= end) {
        return std::nullopt;
    }
    const uint64_t s = dirtyFrom(start, end - start);
    if (s == kNone) {
        return std::nullopt;
    }
    uint64_t e = s + std::min(end - s, maxCount);
    if (const uint64_t z = zeroFrom(s, e - s); z != kNone) {
        e = z;
    }
    return Range{s, e - s};
}

HBitmap::Iterator HBitmap::iterate(uint64_t first) const
{
    if (first >= origSize_) {
        throw std::out_of_range(describe("HBitmap::iterate: first item past the end", first, origSize_));
    }
    return Iterator(this, first >> g_);
}

// ---- truncate and merge ------------------------------------------------------------------

void HBitmap::truncate(uint64_t newSize)
{
    if (newSize > uint64_t(INT64_MAX)) {
        throw std::invalid_argument("HBitmap::truncate: size " + std::to_string(newSize) +
                                    " is above INT64_MAX");
    }
    const uint64_t newBits = bitsFor(newSize, g_);
    if (newBits > (uint64_t(1) << kLogMaxBits)) {
        throw std::invalid_argument("HBitmap::truncate: " + std::to_string(newBits) +
                                    " bits exceed the limit of 2^41");
    }
    const uint64_t oldBits = bits_;
    if (newBits == oldBits) {
        origSize_ = newSize;
        return;  // as QEMU: a granule straddling the new end keeps its bit
    }
    if (newBits < oldBits) {
        // Clear whole granules past the new end; this marks the meta bitmap like any reset.
        if (resetBitRange(newBits, oldBits - 1)) {
            markMeta(newBits << g_, (oldBits - newBits) << g_);
        }
    }
    // Growing allocates: if that fails, the sizes are still the old ones (extra words are zero).
    uint64_t n = newBits;
    for (int i = int(kLevels) - 1; i >= 0; --i) {
        n = std::max<uint64_t>(ceilDiv(n, 64), 1);
        levels_[size_t(i)].resize(n, 0);
    }
    origSize_ = newSize;
    bits_ = newBits;
    trackHugePages();  // an array may have moved; rebuildSummary() gives the dense regions theirs
    rebuildSummary();
    rebuildDensity();
    if (meta_) {
        meta_->truncate(newBits << g_);
    }
}

void HBitmap::merge(const HBitmap& other)
{
    if (other.origSize_ != origSize_) {
        throw std::invalid_argument(describe("HBitmap::merge: sizes differ", origSize_, other.origSize_));
    }
    if (other.empty() || &other == this) {
        return;
    }
    if (other.g_ == g_) {
        // Only the other bitmap's non-zero words are read, and only words that gain bits are
        // written: merging a sparse bitmap touches no page of either that holds nothing.
        uint64_t gained = 0;
        other.forEachNonZeroWord([this, &gained](unsigned level, uint64_t i, uint64_t word) {
            uint64_t& d = levels_[level][i];
            if (const uint64_t fresh = word & ~d) {
                gained += level == kBottom ? unsigned(std::popcount(fresh)) : 0;
                d |= fresh;
            }
        });
        setBits_ += gained;
        rebuildDensity();
        promoteAll();
        return;
    }
    // Different granularities: every dirty area of `other` is set here, rounding outward.
    // As in QEMU, merging does not mark the meta bitmap.
    uint64_t pos = 0;
    while (const auto area = other.nextDirtyArea(pos, origSize_, kToEnd)) {
        setBitRange(area->start >> g_, (area->start + area->count - 1) >> g_);
        pos = area->start + area->count;
    }
}

// ---- serialization -----------------------------------------------------------------------

void HBitmap::checkSerializationChunk(uint64_t start, uint64_t count) const
{
    if (!isSerializable()) {
        throw std::logic_error("HBitmap: granularity " + std::to_string(g_) +
                               " is not serializable (needs < 58)");
    }
    const uint64_t align = serializationAlign();  // a power of two: no division on this path
    if (start & (align - 1)) {
        throw std::invalid_argument(
            describe("HBitmap serialization: start not a multiple of the alignment", start, align));
    }
    const uint64_t lastItem = start + (count - 1);
    if (lastItem < start || (lastItem >> g_) >= bits_) {
        throw std::out_of_range(describe("HBitmap serialization: range past the end", start, count));
    }
    if ((count & (align - 1)) && (lastItem >> g_) != bits_ - 1) {
        throw std::invalid_argument(describe(
            "HBitmap serialization: count not a multiple of the alignment and not the last chunk", count,
            align));
    }
}

uint64_t HBitmap::serializationSize(uint64_t start, uint64_t count) const
{
    if (count == 0) {
        return 0;
    }
    checkSerializationChunk(start, count);
    const uint64_t first = (start >> g_) >> 6;
    const uint64_t last = ((start + count - 1) >> g_) >> 6;
    return (last - first + 1) * 8;
}

void HBitmap::serializePart(std::span<uint8_t> out, uint64_t start, uint64_t count) const
{
    const uint64_t bytes = serializationSize(start, count);
    if (out.size() < bytes) {
        throw std::invalid_argument(
            describe("HBitmap::serializePart: buffer smaller than the serialization size", out.size(), bytes));
    }
    if (bytes == 0) {
        return;
    }
    const uint64_t first = (start >> g_) >> 6;
    const uint64_t* w = levels_[kBottom].data() + first;
    if constexpr (std::endian::native == std::endian::little) {
        std::memcpy(out.data(), w, bytes);
    } else {
        for (uint64_t i = 0; i < bytes / 8; ++i) {
            storeLE64(out.data() + 8 * i, w[i]);
        }
    }
}

// The chunk's words are copied in whole (memcpy where the host is little-endian), then counted
// and summarised a group of 64 words at a time: popcount for count(), a mask of the non-zero words
// for the summary word above, whose change goes further up only where a word turns zero or
// non-zero. The old bits count() loses are read only from the words the summary marks non-zero, so
// a part received into clean memory (a fresh destination) reads nothing there before writing it.
void HBitmap::deserializePart(std::span<const uint8_t> in, uint64_t start, uint64_t count, bool finish)
{
    const uint64_t bytes = serializationSize(start, count);
    if (in.size() < bytes) {
        throw std::invalid_argument(
            describe("HBitmap::deserializePart: buffer smaller than the serialization size", in.size(), bytes));
    }
    if (bytes) {
        const uint64_t first = (start >> g_) >> 6;
        const uint64_t nwords = bytes / 8;
        const uint64_t last = first + nwords - 1;
        uint64_t* w = levels_[kBottom].data();
        const uint64_t* summary = levels_[kBottom - 1].data();
        // The density counters follow the words' own counts, old ones out and new ones in, a word
        // at a time: no block is counted again.
        const unsigned densityWordsLog2 = densityLog2_ ? densityLog2_ - 6 : 0;
        uint64_t lost = 0;
        for (uint64_t p = first >> 6; p <= last >> 6; ++p) {
            const unsigned lo = p == first >> 6 ? unsigned(first & 63) : 0;
            const unsigned hi = p == last >> 6 ? unsigned(last & 63) : 63;
            for (uint64_t x = summary[p] & wordMask(lo, hi); x; x &= x - 1) {
                const uint64_t i = (p << 6) + unsigned(std::countr_zero(x));
                const unsigned n = unsigned(std::popcount(w[i]));
                lost += n;
                if (densityLog2_) {
                    density_[i >> densityWordsLog2] -= n;
                }
            }
        }
        if constexpr (std::endian::native == std::endian::little) {
            std::memcpy(w + first, in.data(), bytes);
        } else {
            for (uint64_t i = 0; i < nwords; ++i) {
                w[first + i] = loadLE64(in.data() + 8 * i);
            }
        }
        if (last == levels_[kBottom].size() - 1 && (bits_ & 63)) {
            w[last] &= kAllOnes >> (64 - (bits_ & 63));  // padding past bitCount() stays zero
        }
        uint64_t gained = 0;
        for (uint64_t p = first >> 6; p <= last >> 6; ++p) {
            const unsigned lo = p == first >> 6 ? unsigned(first & 63) : 0;
            const unsigned hi = p == last >> 6 ? unsigned(last & 63) : 63;
            const uint64_t* group = w + (p << 6);
            uint64_t nonZero = 0;
            uint64_t groupGained = 0;
            if (densityLog2_ && densityWordsLog2 < 6) {
                // Blocks smaller than the group: each word's count goes to its own block.
                for (unsigned j = lo; j <= hi; ++j) {
                    const unsigned n = unsigned(std::popcount(group[j]));
                    groupGained += n;
                    density_[((p << 6) + j) >> densityWordsLog2] += n;
                    nonZero |= uint64_t(group[j] != 0) << j;
                }
            } else {
                for (unsigned j = lo; j <= hi; ++j) {
                    groupGained += unsigned(std::popcount(group[j]));
                    nonZero |= uint64_t(group[j] != 0) << j;
                }
                if (densityLog2_) {
                    density_[(p << 6) >> densityWordsLog2] += uint32_t(groupGained);  // one block holds the group
                }
            }
            gained += groupGained;
            updateGroupSummary(p, wordMask(lo, hi), nonZero);
        }
        setBits_ = setBits_ - lost + gained;
        if (hugeWatch_) {
            promoteWords(first, last);
        }
    }
    if (finish) {
        deserializeFinish();
    }
}

void HBitmap::deserializeZeroes(uint64_t start, uint64_t count, bool finish)
{
    const uint64_t bytes = serializationSize(start, count);
    if (bytes) {
        const uint64_t first = (start >> g_) >> 6;
        const uint64_t last = first + bytes / 8 - 1;
        const uint64_t lastBit = std::min(((last + 1) << 6), bits_) - 1;
        // A clean range (nearly every ZEROES record a fresh destination receives) is left untouched:
        // writing its zero words would make every page of a sparse bitmap resident.
        if (anyBits(first << 6, lastBit - (first << 6) + 1)) {
            resetBitRange(first << 6, lastBit);
        }
    }
    if (finish) {
        deserializeFinish();
    }
}

void HBitmap::deserializeOnes(uint64_t start, uint64_t count, bool finish)
{
    const uint64_t bytes = serializationSize(start, count);
    if (bytes) {
        const uint64_t first = (start >> g_) >> 6;
        const uint64_t last = first + bytes / 8 - 1;
        setBitRange(first << 6, std::min(((last + 1) << 6), bits_) - 1);
    }
    if (finish) {
        deserializeFinish();
    }
}

void HBitmap::deserializeFinish()
{
    // QEMU's parts leave the upper levels to its finish, which rebuilds them from the bottom. Every
    // part here keeps the summary levels, the count, the density index and the huge pages exact
    // as it goes (tests/core/test_hbitmap_groups.cpp), so there is nothing left to rebuild: a
    // pass over the whole bitmap would cost a 64 TiB destination tens of milliseconds at its END.
}

// ---- meta --------------------------------------------------------------------------------

HBitmap& HBitmap::createMeta(uint64_t chunkBits)
{
    if (meta_) {
        throw std::logic_error("HBitmap::createMeta: a meta bitmap already exists");
    }
    if (chunkBits == 0 || !std::has_single_bit(chunkBits)) {
        throw std::invalid_argument("HBitmap::createMeta: chunkBits " + std::to_string(chunkBits) +
                                    " is not a power of two");
    }
    const unsigned metaG = g_ + unsigned(std::countr_zero(chunkBits));
    if (metaG > 63) {
        throw std::invalid_argument("HBitmap::createMeta: meta granularity " + std::to_string(metaG) +
                                    " is above 63");
    }
    meta_ = std::make_unique<HBitmap>(bits_ << g_, metaG);
    return *meta_;
}

void HBitmap::freeMeta()
{
    if (!meta_) {
        throw std::logic_error("HBitmap::freeMeta: there is no meta bitmap");
    }
    meta_.reset();
}

// ---- digest ------------------------------------------------------------------------------

std::string HBitmap::sha256() const
{
    return sha256Of(nullptr);
}

std::string HBitmap::sha256Union(const HBitmap& other) const
{
    if (other.bits_ != bits_) {
        throw std::invalid_argument(describe("HBitmap::sha256Union: bit counts differ", bits_, other.bits_));
    }
    return sha256Of(&other);
}

// The digest of the bottom level, or of its union with `other`'s, a block at a time: no copy of
// either bitmap is made.
std::string HBitmap::sha256Of(const HBitmap* other) const
{
    const auto& w = levels_[kBottom];
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    bool ok = ctx && EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) == 1;
    if (std::endian::native == std::endian::little && !other) {
        ok = ok && EVP_DigestUpdate(ctx.get(), w.data(), w.size() * 8) == 1;
    } else {
        uint8_t buf[8 * 512];
        for (size_t i = 0; ok && i < w.size(); i += 512) {
            const size_t n = std::min<size_t>(512, w.size() - i);
            for (size_t j = 0; j < n; ++j) {
                storeLE64(buf + 8 * j, other ? w[i + j] | other->levels_[kBottom][i + j] : w[i + j]);
            }
            ok = EVP_DigestUpdate(ctx.get(), buf, n * 8) == 1;
        }
    }
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (!ok || EVP_DigestFinal_ex(ctx.get(), digest, &len) != 1) {
        throw std::runtime_error("HBitmap::sha256: the digest failed");
    }
    return detail::lowerHex(digest, len);
}

void releaseThreadDigestState() noexcept
{
    OPENSSL_thread_stop();
}

} // namespace bitmig
