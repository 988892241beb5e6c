// Randomized HBitmap test against a plain std::vector<bool> model of the semantics.
#include "hbitmap_test_util.hpp"
#include "tests/support/sanitizers.h"

#include <algorithm>
#include <cstddef>
#include <sstream>
#include <stdexcept>
#include <string>

using namespace bitmig_test;

namespace {


// One bit per granule, exactly as the reference describes the operations. Every change goes
// through assign(); the successor tables only make the position queries cheap.
class Model {
public:
    uint64_t size = 0;
    unsigned g = 0;

    bool hasMeta = false;
    unsigned gm = 0;
    uint64_t metaSize = 0;
    std::vector<bool> meta;

    Model(uint64_t s, unsigned gran) : size(s), g(gran), bits_(bitsFor(s, gran), false) {}

    uint64_t bitCount() const { return bits_.size(); }
    const std::vector<bool>& bits() const { return bits_; }
    bool bit(uint64_t b) const { return bits_[b]; }
    uint64_t count() const { return setCount_ << g; }

    // Returns whether the bit changed.
    bool assign(uint64_t b, bool value)
    {
        if (bits_[b] == value)
            return false;
        bits_[b] = value;
        setCount_ = value ? setCount_ + 1 : setCount_ - 1;
        indexValid_ = false;
        return true;
    }
    void clearAll()
    {
        std::fill(bits_.begin(), bits_.end(), false);
        setCount_ = 0;
        indexValid_ = false;
    }

    void createMeta(unsigned log2Chunk)
    {
        hasMeta = true;
        gm = g + log2Chunk;
        metaSize = bitCount() << g;
        meta.assign(bitsFor(metaSize, gm), false);
    }
    void markMeta(uint64_t start, uint64_t count)
    {
        if (!hasMeta || count == 0)
            return;
        for (uint64_t j = start >> gm; j <= (start + count - 1) >> gm; ++j)
            meta[j] = true;
    }
    void setRange(uint64_t start, uint64_t count)
    {
        if (count == 0)
            return;
        bool changed = false;
        for (uint64_t b = start >> g; b <= (start + count - 1) >> g; ++b)
            changed = assign(b, true) || changed;
        if (changed)
            markMeta(start, count);
    }
    void resetRange(uint64_t start, uint64_t count)
    {
        if (count == 0)
            return;
        bool changed = false;
        for (uint64_t b = start >> g; b <= (start + count - 1) >> g; ++b)
            changed = assign(b, false) || changed;
        if (changed)
            markMeta(start, count);
    }
    Opt nextDirty(uint64_t start, uint64_t count) const
    {
        if (start >= size || count == 0)
            return std::nullopt;
        const uint64_t end = count > size - start ? size : start + count;
        buildIndex();
        const uint64_t f = nextSet_[start >> g];
        if (f == bitCount() || (f << g) >= end)
            return std::nullopt;
        return std::max(start, f << g);
    }
    Opt nextZero(uint64_t start, uint64_t count) const
    {
        if (start >= size || count == 0)
            return std::nullopt;
        const uint64_t endBit = count > size - start ? bitCount() : ((start + count - 1) >> g) + 1;
        buildIndex();
        const uint64_t z = nextClear_[start >> g];
        if (z >= endBit)
            return std::nullopt;
        return std::max(start, z << g);
    }
    OptRange nextDirtyArea(uint64_t start, uint64_t end, uint64_t maxCount) const
    {
        end = std::min(end, size);
        if (start >= end)
            return std::nullopt;
        const Opt s = nextDirty(start, end - start);
        if (!s)
            return std::nullopt;
        uint64_t e = *s + std::min(end - *s, maxCount);
        if (const Opt z = nextZero(*s, e - *s))
            e = *z;
        return Range{*s, e - *s};
    }
    void truncate(uint64_t newSize)
    {
        const uint64_t newBits = bitsFor(newSize, g);
        const uint64_t oldBits = bitCount();
        size = newSize;
        if (newBits == oldBits)
            return;
        if (newBits < oldBits)
            resetRange(newBits << g, (oldBits - newBits) << g);
        bits_.resize(newBits, false);
        indexValid_ = false;
        if (hasMeta) {
            metaSize = newBits << g;
            meta.resize(bitsFor(metaSize, gm), false);
        }
    }
    void merge(const Model& other)
    {
        for (uint64_t j = 0; j < other.bitCount(); ++j) {
            if (!other.bit(j))
                continue;
            const uint64_t first = j << other.g;
            const uint64_t end = std::min((j + 1) << other.g, size);
            for (uint64_t b = first >> g; b <= (end - 1) >> g; ++b)
                assign(b, true);
        }
    }
    // Serialized bit i of the whole bitmap (padding past bitCount() is zero).
    bool serialBit(uint64_t i) const { return i < bitCount() && bits_[i]; }

private:
    void buildIndex() const
    {
        if (indexValid_)
            return;
        const uint64_t n = bitCount();
        nextSet_.assign(n + 1, n);
        nextClear_.assign(n + 1, n);
        for (uint64_t b = n; b-- > 0;) {
            nextSet_[b] = bits_[b] ? b : nextSet_[b + 1];
            nextClear_[b] = bits_[b] ? nextClear_[b + 1] : b;
        }
        indexValid_ = true;
    }

    std::vector<bool> bits_;
    uint64_t setCount_ = 0;
    // First set / clear bit at or after b, or bitCount() if none.
    mutable std::vector<uint64_t> nextSet_, nextClear_;
    mutable bool indexValid_ = false;
};

std::string describe(const Opt& v)
{
    return v ? std::to_string(*v) : std::string("none");
}

// Compares an iterator started at `first` with the set bits of `bits` (one per 2^g items),
// for at most `limit` values, and reports only the first difference.
void requireIteration(const HBitmap& bm, uint64_t first, const std::vector<bool>& bits, unsigned g,
                      uint64_t limit, const char* what)
{
    auto it = bm.iterate(first);
    uint64_t b = first >> g;
    for (uint64_t seen = 0; seen < limit; ++seen, ++b) {
        while (b < bits.size() && !bits[b])
            ++b;
        const Opt want = b < bits.size() ? Opt{b << g} : std::nullopt;
        const Opt got = it.next();
        if (got != want)
            FAIL(what << ": value #" << seen << " is " << describe(got) << ", expected " << describe(want));
        if (!want)
            break;
    }
    SUCCEED(what);
}

uint64_t randomSize(Rng& rng)
{
    if (rng.chance(3))
        return 0;
    if (rng.chance(10)) {
        const uint64_t unit = uint64_t(64) << rng.below(9);
        return unit * (1 + rng.below(8)) + rng.below(3) - 1;
    }
    return 1 + rng.below(uint64_t(2) << rng.below(17));
}

// A count for a range starting at `start`, at most `room` items.
uint64_t randomLength(Rng& rng, uint64_t room, unsigned g)
{
    if (room == 0)
        return 0;
    switch (rng.below(5)) {
    case 0:
    case 1:
        return std::min(room, 1 + rng.below(uint64_t(2) << g));
    case 2:
        return std::min(room, 1 + rng.below(room / 16 + 1));
    case 3:
        return room;
    default:
        return 1 + rng.below(room);
    }
}

// Count for a query: sometimes to the end, sometimes past the end, sometimes short.
uint64_t randomQueryCount(Rng& rng, uint64_t size)
{
    switch (rng.below(4)) {
    case 0:
        return kToEnd;
    case 1:
        return 1 + rng.below(64);
    default:
        return 1 + rng.below(size + 100);
    }
}

void checkLight(const HBitmap& bm, const Model& m, Rng& rng)
{
    REQUIRE(bm.size() == m.size);
    REQUIRE(bm.bitCount() == m.bitCount());
    REQUIRE(bm.count() == m.count());
    REQUIRE(bm.empty() == (m.count() == 0));
    for (int i = 0; i < 6; ++i) {
        const uint64_t p = rng.chance(5) ? m.size + rng.below(100) : rng.below(m.size);
        const uint64_t n = randomQueryCount(rng, m.size);
        CAPTURE(p, n);
        if (p < m.size)
            REQUIRE(bm.get(p) == m.bit(p >> m.g));
        REQUIRE(bm.nextDirty(p, n) == m.nextDirty(p, n));
        REQUIRE(bm.nextZero(p, n) == m.nextZero(p, n));
        const uint64_t end = rng.chance(30) ? kToEnd : p + n / 2;
        const uint64_t maxCount = rng.chance(30) ? kToEnd : 1 + rng.below(uint64_t(4) << m.g);
        CAPTURE(end, maxCount);
        REQUIRE(bm.nextDirtyArea(p, end, maxCount) == m.nextDirtyArea(p, end, maxCount));
    }
}

void checkFull(const HBitmap& bm, const Model& m, Rng& rng)
{
    checkLight(bm, m, rng);
    if (m.size == 0)
        return;
    requireIteration(bm, 0, m.bits(), m.g, kToEnd, "iteration from 0");
    const uint64_t first = rng.below(m.size);
    CAPTURE(first);
    requireIteration(bm, first, m.bits(), m.g, 200, "iteration from a random first");

    // Walk the dirty areas from the start.
    uint64_t pos = 0;
    for (;;) {
        const OptRange got = bm.nextDirtyArea(pos, kToEnd, kToEnd);
        REQUIRE(got == m.nextDirtyArea(pos, kToEnd, kToEnd));
        if (!got)
            break;
        pos = got->start + got->count;
    }

    // Serialize the whole bitmap, check the bytes, and load them into a fresh bitmap.
    std::vector<uint8_t> buf(bm.serializationSize(0, m.size));
    REQUIRE(buf.size() == (m.bitCount() + 63) / 64 * 8);
    bm.serializePart(buf, 0, m.size);
    for (uint64_t i = 0; i < buf.size() * 8; ++i) {
        if (bool((buf[i / 8] >> (i % 8)) & 1) != m.serialBit(i)) {
            CAPTURE(i);
            FAIL("serialized bit differs from the model");
        }
    }
    // A random chunk on its own: its bytes are the same words.
    {
        const uint64_t words = buf.size() / 8;
        const uint64_t w0 = rng.below(words);
        const uint64_t nw = 1 + rng.below(words - w0);
        const uint64_t start = w0 * bm.serializationAlign();
        const uint64_t count = w0 + nw == words ? m.size - start : nw * bm.serializationAlign();
        CAPTURE(start, count);
        std::vector<uint8_t> part(bm.serializationSize(start, count));
        REQUIRE(part.size() == nw * 8);
        bm.serializePart(part, start, count);
        REQUIRE(std::equal(part.begin(), part.end(), buf.begin() + std::ptrdiff_t(w0 * 8)));
    }

    HBitmap copy(m.size, m.g);
    copy.deserializePart(buf, 0, m.size, true);
    REQUIRE(copy.count() == m.count());
    requireIteration(copy, 0, m.bits(), m.g, kToEnd, "deserialized copy");

    REQUIRE((bm.meta() != nullptr) == m.hasMeta);
    if (m.hasMeta) {
        const HBitmap& meta = *bm.meta();
        REQUIRE(meta.granularity() == m.gm);
        REQUIRE(meta.size() == m.metaSize);
        REQUIRE(meta.bitCount() == m.meta.size());
        const auto metaBits = uint64_t(std::count(m.meta.begin(), m.meta.end(), true));
        REQUIRE(meta.count() == metaBits << m.gm);
        if (m.metaSize > 0)
            requireIteration(meta, 0, m.meta, m.gm, kToEnd, "meta bits");
    }
}

void runSeed(uint64_t seed)
{
    Rng rng{seed * 7919 + 17};
    const uint64_t initialSize = randomSize(rng);
    const unsigned g = unsigned(rng.below(9));
    CAPTURE(seed, initialSize, g);
    HBitmap bm(initialSize, g);
    Model m(initialSize, g);
    std::string last = "none";
    const int ops = 200 + int(rng.below(200));

    for (int step = 0; step < ops; ++step) {
        CAPTURE(step);
        const uint64_t kind = rng.below(100);
        std::ostringstream op;
        const uint64_t bits = m.bitCount();
        const uint64_t gran = uint64_t(1) << m.g;

        try {
            if (kind < 35) {
                if (m.size > 0) {
                    const uint64_t start = rng.below(m.size);
                    const uint64_t count = randomLength(rng, m.size - start, m.g);
                    op << "set(" << start << ", " << count << ")";
                    bm.set(start, count);
                    m.setRange(start, count);
                }
            } else if (kind < 60) {
                if (bits > 0) {
                    const uint64_t firstGran = rng.below(bits);
                    const uint64_t start = firstGran << m.g;
                    uint64_t count = 0;
                    switch (rng.below(3)) {
                    case 0: // to the end of the items (tail exception)
                        count = m.size - start;
                        break;
                    case 1: // a few whole granules, possibly up to the rounded-up end
                        count = (1 + rng.below(std::min<uint64_t>(bits - firstGran, 4))) << m.g;
                        break;
                    default: // many whole granules
                        count = (1 + rng.below(bits - firstGran)) << m.g;
                        break;
                    }
                    op << "reset(" << start << ", " << count << ")";
                    bm.reset(start, count);
                    m.resetRange(start, count);
                }
            } else if (kind < 63) {
                op << "resetAll()";
                bm.resetAll();
                m.clearAll();
            } else if (kind < 67) {
                uint64_t newSize;
                if (bits > 0 && rng.chance(30))
                    newSize = ((bits - 1) << m.g) + 1 + rng.below(gran);
                else if (rng.chance(50))
                    newSize = m.size / 2 + rng.below(m.size + 1);
                else
                    newSize = rng.below(uint64_t(1) << 17);
                op << "truncate(" << newSize << ")";
                bm.truncate(newSize);
                m.truncate(newSize);
            } else if (kind < 72) {
                const unsigned og = rng.chance(40) ? m.g : unsigned(rng.below(9));
                HBitmap other(m.size, og);
                Model om(m.size, og);
                for (int k = int(rng.below(4)); k > 0 && m.size > 0; --k) {
                    const uint64_t start = rng.below(m.size);
                    const uint64_t count = randomLength(rng, m.size - start, og);
                    other.set(start, count);
                    om.setRange(start, count);
                }
                op << "merge(granularity " << og << ")";
                bm.merge(other);
                m.merge(om);
            } else if (kind < 80) {
                if (bits > 0) {
                    const uint64_t words = (bits + 63) / 64;
                    const uint64_t w0 = rng.below(words);
                    const uint64_t nw = 1 + rng.below(std::min<uint64_t>(words - w0, 3));
                    const uint64_t align = bm.serializationAlign();
                    const uint64_t start = w0 * align;
                    const uint64_t count = w0 + nw == words ? m.size - start : nw * align;
                    const bool finish = rng.chance(50);
                    const uint64_t firstBit = w0 * 64;
                    const uint64_t endBit = std::min(bits, (w0 + nw) * 64);
                    const uint64_t which = rng.below(3);
                    if (which == 0) {
                        op << "deserializeZeroes(" << start << ", " << count << ")";
                        bm.deserializeZeroes(start, count, finish);
                        for (uint64_t b = firstBit; b < endBit; ++b)
                            m.assign(b, false);
                    } else if (which == 1) {
                        op << "deserializeOnes(" << start << ", " << count << ")";
                        bm.deserializeOnes(start, count, finish);
                        for (uint64_t b = firstBit; b < endBit; ++b)
                            m.assign(b, true);
                    } else {
                        std::vector<uint8_t> buf(nw * 8);
                        for (auto& byte : buf)
                            byte = uint8_t(rng.chance(30) ? rng.next() : (rng.chance(50) ? 0 : 0xFF));
                        op << "deserializePart(" << start << ", " << count << ")";
                        REQUIRE(bm.serializationSize(start, count) == buf.size());
                        bm.deserializePart(buf, start, count, finish);
                        for (uint64_t b = firstBit; b < endBit; ++b)
                            m.assign(b, (buf[(b - firstBit) / 8] >> ((b - firstBit) % 8)) & 1);
                    }
                    if (!finish)
                        bm.deserializeFinish();
                }
            } else if (kind < 85) {
                if (!m.hasMeta) {
                    const unsigned k = unsigned(rng.below(8));
                    op << "createMeta(" << (uint64_t(1) << k) << ")";
                    bm.createMeta(uint64_t(1) << k);
                    m.createMeta(k);
                } else if (rng.chance(25)) {
                    op << "freeMeta()";
                    bm.freeMeta();
                    m.hasMeta = false;
                    m.meta.clear();
                } else {
                    checkFull(bm, m, rng);
                    op << "meta resetAll()";
                    bm.meta()->resetAll();
                    std::fill(m.meta.begin(), m.meta.end(), false);
                }
            } else {
                op << "queries";
                checkLight(bm, m, rng);
            }
        } catch (const std::exception& e) {
            FAIL("operation " << op.str() << " threw " << e.what());
        }

        if (!op.str().empty())
            last = op.str();
        INFO("last operation: " << last);
        if (step % 5 == 4)
            checkLight(bm, m, rng);
        if (step % 25 == 24)
            checkFull(bm, m, rng);
    }
    INFO("last operation: " << last);
    checkFull(bm, m, rng);
}

} // namespace

TEST_CASE("HBitmap matches a std::vector<bool> model over random operations", "[hbitmap][random]")
{
    for (uint64_t seed = 1; seed <= bitmig_test::randomCases(120); ++seed)
        runSeed(seed);
}

TEST_CASE("HBitmap matches the model over more random seeds", "[hbitmap][random]")
{
    for (uint64_t seed = 121; seed <= 120 + bitmig_test::randomCases(120); ++seed)
        runSeed(seed);
}
