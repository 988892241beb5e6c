#include "hexdigest.h"
#include "qemufilecursor.h"

#include <bitmig/hbitmap.h>
#include <bitmig/qemufile.h>
#include <bitmig/streamformat.h>

#include <openssl/evp.h>

#include <algorithm>
#include <bit>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <map>
#include <unordered_map>
#include <utility>

namespace bitmig {

namespace {

std::string hex(uint64_t value)
{
    char text[24];
    std::snprintf(text, sizeof text, "0x%02llx", static_cast<unsigned long long>(value));
    return text;
}

std::string describe(const std::string& reason, uint64_t offset, uint64_t itemOffset, const std::string& section,
                     std::optional<uint32_t> sectionId)
{
    std::string what = "migration file: byte " + std::to_string(offset);
    if (!section.empty() || sectionId) {
        what += ", section '" + section + "'";
        if (sectionId) {
            what += " (id " + std::to_string(*sectionId) + ")";
        }
    }
    what += ", item starting at byte " + std::to_string(itemOffset) + ": " + reason;
    return what;
}

// A rebuilt bitmap may take at most 1024 bytes per byte of the input (a ZEROES record of 13 bytes
// covers 1 KiB of bitmap in QEMU's stream, 8 KiB in the largest chunks --qemu-file writes), at least
// 1 MiB and at most 512 MiB; a larger one is listed without its bits, so that a small crafted file
// cannot make the reader allocate much.
constexpr uint64_t kMinRebuildLimit = uint64_t(1) << 20;
constexpr uint64_t kMaxRebuildLimit = uint64_t(512) << 20;
constexpr uint64_t kRebuildBytesPerInputByte = 1024;

std::string sha256Hex(const uint8_t* bytes, uint64_t size)
{
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1 ||
        EVP_DigestUpdate(ctx.get(), bytes, size_t(size)) != 1 || EVP_DigestFinal_ex(ctx.get(), digest, &len) != 1) {
        throw std::runtime_error("migration file: the SHA-256 digest failed");
    }
    return detail::lowerHex(digest, len);
}

} // namespace

QemuFileError::QemuFileError(std::string reason, uint64_t offset, uint64_t itemOffset, std::string section,
                             std::optional<uint32_t> sectionId)
    : std::runtime_error(describe(reason, offset, itemOffset, section, sectionId)), reason_(std::move(reason)),
      offset_(offset), itemOffset_(itemOffset), section_(std::move(section)), sectionId_(sectionId)
{
}

namespace qemufile {

bool looksLikeQemuFile(std::span<const uint8_t> bytes) noexcept
{
    return bytes.size() >= 4 && bitmig::detail::readBigEndian<uint32_t>(bytes.data()) == kMagic;
}

std::string_view sectionTypeName(uint8_t type) noexcept
{
    switch (type) {
    case kSectionStart:
        return "START";
    case kSectionPart:
        return "PART";
    case kSectionEnd:
        return "END";
    case kSectionFull:
        return "FULL";
    default:
        return "?";
    }
}

namespace detail {

void BitmapRecords::lookUp()
{
    std::string key;
    key.reserve(node->size() + 1 + bitmap->size());
    key.append(*node).push_back('\0');
    key.append(*bitmap);
    const auto it = byName_.find(key);
    current_ = it == byName_.end() ? std::nullopt : std::optional<size_t>(it->second);
}

namespace {

// Bits set in whole 64-bit words (little-endian hosts: the words are the bytes).
uint64_t popcountBytes(std::span<const uint8_t> bytes) noexcept
{
    const uint8_t* p = bytes.data();
    const size_t words = bytes.size() / 8;
    uint64_t a = 0, b = 0, c = 0, d = 0;
    size_t k = 0;
    for (; k + 4 <= words; k += 4) {
        uint64_t v0, v1, v2, v3;
        std::memcpy(&v0, p + 8 * k, 8);
        std::memcpy(&v1, p + 8 * k + 8, 8);
        std::memcpy(&v2, p + 8 * k + 16, 8);
        std::memcpy(&v3, p + 8 * k + 24, 8);
        a += uint64_t(std::popcount(v0));
        b += uint64_t(std::popcount(v1));
        c += uint64_t(std::popcount(v2));
        d += uint64_t(std::popcount(v3));
    }
    for (; k < words; ++k) {
        uint64_t v;
        std::memcpy(&v, p + 8 * k, 8);
        a += uint64_t(std::popcount(v));
    }
    return a + b + c + d;
}

} // namespace

bool BitmapRecords::readRecord(Cursor& in)
{
    in.beginItem();
    const uint64_t flagsAt = in.pos();
    // 1, 2 or 4 bytes; as QEMU's reader, only the last byte read counts.
    uint8_t flags = in.take<uint8_t>("the record flags");
    if (flags & stream::kFlagExtraFlags) {
        flags = in.take<uint8_t>("the record flags");
        if (flags & stream::kFlagExtraFlags) {
            flags = uint8_t(in.take<uint16_t>("the record flags"));
        }
    }
    if (flags & stream::kFlagExtraFlags) {
        in.fail("record flags " + hex(flags) + " still ask for more flag bytes", flagsAt);
    }
    const uint8_t kinds = flags & (stream::kFlagEos | stream::kFlagStart | stream::kFlagComplete | stream::kFlagBits);
    QemuLoaderRecord r;
    r.offset = flagsAt;
    r.nameOffset = in.pos();
    if (flags & stream::kFlagEos) {
        if (flags != stream::kFlagEos) {
            in.fail("EOS record with other flags (" + hex(flags) + ")", flagsAt);
        }
        ++eos;
        r.kind = QemuLoaderRecord::Kind::Eos;
        loader.record(r);
        if (recordList) {
            recordList->push_back(QemuRecordEntry{flagsAt, r.kind, sectionType, -1, 0, 0, false, 0});
        }
        return true;
    }
    if (std::popcount(unsigned(kinds)) != 1) {
        in.fail("record flags " + hex(flags) + " name no single record kind (START, COMPLETE or BITS)", flagsAt);
    }
    if ((flags & stream::kFlagZeroes) && !(flags & stream::kFlagBits)) {
        in.fail("ZEROES flag on a record that is not BITS (" + hex(flags) + ")", flagsAt);
    }
    bool named = false;
    if (flags & stream::kFlagDeviceName) {
        const uint64_t at = in.pos();
        const uint8_t len = in.take<uint8_t>("the node name length");
        if (len == 0) {
            in.fail("empty node name", at);
        }
        r.node = in.takeView(len, "the node name");
        node = std::string(*r.node);
        if (!(flags & stream::kFlagBitmapName)) {
            in.fail("a record naming a new node does not name its bitmap", flagsAt);
        }
        named = true;
    }
    if (flags & stream::kFlagBitmapName) {
        const uint64_t at = in.pos();
        const uint8_t len = in.take<uint8_t>("the bitmap name length");
        if (len == 0) {
            in.fail("empty bitmap name", at);
        }
        r.bitmap = in.takeView(len, "the bitmap name");
        bitmap = std::string(*r.bitmap);
        named = true;
    }
    if (named && node && bitmap) {
        lookUp();
    }
    // Without names before, QEMU cancels ("block device name is not set"); the record is read on.
    const bool known = node && bitmap;
    BitmapState* state = known && current_ ? &bitmaps[*current_] : nullptr;

    if (flags & stream::kFlagStart) {
        r.kind = QemuLoaderRecord::Kind::Start;
        r.granularityOffset = in.pos();
        r.granularity = in.take<uint32_t>("the START granularity");
        r.startFlags = in.take<uint8_t>("the START flags");
        loader.record(r);
        ++start;
        if (!known || state) {
            if (recordList) {
                recordList->push_back(QemuRecordEntry{flagsAt, r.kind, sectionType,
                                                      state ? int32_t(*current_) : -1, 0, 0, false, 0});
            }
            return false; // a second START of one bitmap fails QEMU's load (see the loader)
        }
        if (recordList) {
            recordList->push_back(QemuRecordEntry{flagsAt, r.kind, sectionType, int32_t(bitmaps.size()), 0, 0, false, 0});
        }
        BitmapState b;
        b.info.node = *node;
        b.info.name = *bitmap;
        b.info.granularity = r.granularity;
        b.info.enabled = r.startFlags & stream::kStartEnabled;
        b.info.persistent = r.startFlags & stream::kStartPersistent;
        if (r.granularity < stream::kSectorSize || !std::has_single_bit(r.granularity)) {
            b.info.notRebuilt = "granularity " + std::to_string(r.granularity) +
                                " is not a power of two of at least 512";
        }
        std::string key = *node;
        key.push_back('\0');
        key += *bitmap;
        byName_.emplace(std::move(key), bitmaps.size());
        current_ = bitmaps.size();
        bitmaps.push_back(std::move(b));
        return false;
    }
    if (flags & stream::kFlagComplete) {
        r.kind = QemuLoaderRecord::Kind::Complete;
        loader.record(r);
        ++complete;
        if (recordList) {
            recordList->push_back(
                QemuRecordEntry{flagsAt, r.kind, sectionType, state ? int32_t(*current_) : -1, 0, 0, false, 0});
        }
        if (state) {
            if (state->info.complete) {
                in.fail("a second COMPLETE for bitmap '" + *bitmap + "'", flagsAt);
            }
            state->info.complete = true;
        }
        return false;
    }
    // BITS
    r.kind = QemuLoaderRecord::Kind::Bits;
    const uint64_t startAt = in.pos();
    r.startSectorOffset = startAt;
    Chunk chunk;
    chunk.recordOffset = flagsAt;
    chunk.startSector = in.take<uint64_t>("the BITS start sector");
    const uint64_t nrAt = in.pos();
    chunk.nrSectors = in.take<uint32_t>("the BITS sector count");
    if (chunk.nrSectors == 0) {
        in.fail("BITS record of 0 sectors", nrAt);
    }
    if (chunk.startSector >= stream::kSectorLimit || stream::kSectorLimit - chunk.startSector <= chunk.nrSectors) {
        // The end must stay below the limit: a disk of exactly 2^64 bytes has no size in 64 bits.
        in.fail("BITS record past 2^64 bytes of disk", startAt);
    }
    r.startSector = chunk.startSector;
    r.nrSectors = chunk.nrSectors;
    r.zeroes = flags & stream::kFlagZeroes;
    std::span<const uint8_t> buffer;
    if (!r.zeroes) {
        r.bufSizeOffset = in.pos();
        r.bufSize = in.take<uint64_t>("the BITS buffer size");
        loader.record(r); // QEMU checks the size before it reads the buffer
        buffer = in.takeBytes(r.bufSize, "the BITS buffer");
    } else {
        loader.record(r);
    }
    ++bits;
    if (r.zeroes) {
        ++zeroes;
    }
    if (recordList) {
        recordList->push_back(QemuRecordEntry{flagsAt, r.kind, sectionType, state ? int32_t(*current_) : -1,
                                              r.startSector, r.nrSectors, r.zeroes, r.bufSize});
    }
    if (!state) {
        return false; // QEMU dropped the bitmaps for this record's names (see the loader)
    }
    ++state->info.chunks;
    state->maxChunkSectors = std::max(state->maxChunkSectors, chunk.nrSectors);
    state->endSector = std::max(state->endSector, chunk.startSector + chunk.nrSectors);
    state->info.diskBytes = state->endSector * stream::kSectorSize;
    const uint64_t granularity = state->info.granularity;
    if (!state->info.notRebuilt.empty()) {
        return false;
    }
    const uint64_t align = granularity * 64; // disk bytes per serialized word
    const uint64_t nbits = (uint64_t(chunk.nrSectors) * stream::kSectorSize + granularity - 1) / granularity;
    const uint64_t needed = (nbits + 63) / 64 * 8;
    if ((chunk.startSector * stream::kSectorSize) % align) {
        state->info.notRebuilt = "a chunk at byte " + std::to_string(flagsAt) +
                                 " does not start at a 64-bit word of the bitmap";
    } else if (r.zeroes) {
        chunk.zeroes = true;
    } else if (r.bufSize < needed) {
        state->info.notRebuilt = "the buffer at byte " + std::to_string(r.bufSizeOffset) + " holds " +
                                 std::to_string(r.bufSize) + " of the chunk's " + std::to_string(needed) + " bytes";
    } else {
        chunk.data = buffer.first(size_t(needed));
        // Counted now, while the walk has the buffer in the cache: a bitmap whose chunks tile it once
        // in order (the common case) is then counted without reading its bits again.
        chunk.set = popcountBytes(chunk.data);
    }
    if (state->info.notRebuilt.empty()) {
        state->chunks.push_back(chunk);
    } else {
        state->chunks.clear();
        state->chunks.shrink_to_fit();
    }
    return false;
}

namespace {

// What HBitmap's deserializePart/deserializeZeroes and its count and SHA-256 give, on the bottom words
// alone (no summary levels): the chunks' words copied into place in arrival order, the padding past
// the last bit kept zero; each chunk checked as HBitmap checks a serialization chunk. Little-endian
// hosts: the words are the buffers' bytes.
// The common case, chunks that tile the bitmap once in order (a stop-and-copy or QEMU's own precopy
// stream): digested and counted straight from the input, nothing copied. False when they do not.
bool digestInOrder(const BitmapState& b, QemuBitmapInfo& info, unsigned g, uint64_t bits, bool digest)
{
    const uint64_t align = uint64_t(64) << g;
    uint64_t next = 0;
    for (const Chunk& c : b.chunks) {
        const uint64_t start = c.startSector * stream::kSectorSize;
        const uint64_t count = uint64_t(c.nrSectors) * stream::kSectorSize;
        const uint64_t lastItem = start + (count - 1);
        if (start != next || start % align || (count % align && (lastItem >> g) != bits - 1)) {
            return false;
        }
        next = start + count;
    }
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(digest ? EVP_MD_CTX_new() : nullptr,
                                                                &EVP_MD_CTX_free);
    bool ok = !digest || (ctx && EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) == 1);
    static const uint8_t zeros[65536] = {};
    const uint64_t lastMask = (bits & 63) ? ~uint64_t(0) >> (64 - (bits & 63)) : ~uint64_t(0);
    uint64_t set = 0;
    for (size_t i = 0; ok && i < b.chunks.size(); ++i) {
        const Chunk& c = b.chunks[i];
        const uint64_t start = c.startSector * stream::kSectorSize;
        const uint64_t lastItem = start + (uint64_t(c.nrSectors) * stream::kSectorSize - 1);
        const uint64_t n = ((lastItem >> g) >> 6) - ((start >> g) >> 6) + 1;
        if (c.zeroes) {
            for (uint64_t left = digest ? n * 8 : 0; ok && left > 0;) {
                const uint64_t step = std::min<uint64_t>(left, sizeof zeros);
                ok = EVP_DigestUpdate(ctx.get(), zeros, size_t(step)) == 1;
                left -= step;
            }
            continue;
        }
        const uint8_t* p = c.data.data();
        const bool last = i + 1 == b.chunks.size();
        const uint64_t whole = last ? n - 1 : n; // the final word may carry padding bits
        set += c.set;                            // all n words, counted by the walk
        ok = !digest || EVP_DigestUpdate(ctx.get(), p, size_t(whole * 8)) == 1;
        if (last) {
            uint64_t v;
            std::memcpy(&v, p + 8 * (n - 1), 8);
            set -= uint64_t(std::popcount(v));
            v &= lastMask;
            set += uint64_t(std::popcount(v));
            ok = ok && (!digest || EVP_DigestUpdate(ctx.get(), &v, 8) == 1);
        }
    }
    info.dirtyBytes = set << g;
    info.sha256.clear();
    info.digestSkipped = !digest;
    if (!digest) {
        return true;
    }
    unsigned char sum[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (!ok || EVP_DigestFinal_ex(ctx.get(), sum, &len) != 1) {
        throw std::runtime_error("migration file: the SHA-256 digest failed");
    }
    static constexpr char hex[] = "0123456789abcdef";
    for (unsigned i = 0; i < len; ++i) {
        info.sha256.push_back(hex[sum[i] >> 4]);
        info.sha256.push_back(hex[sum[i] & 15]);
    }
    return true;
}

void rebuildFlat(const BitmapState& b, QemuBitmapInfo& info, bool digest)
{
    const unsigned g = unsigned(std::countr_zero(info.granularity));
    const uint64_t bits = (info.diskBytes >> g) + ((info.diskBytes & (uint64_t(info.granularity) - 1)) != 0);
    if (digestInOrder(b, info, g, bits, digest)) {
        return;
    }
    const uint64_t nwords = (bits + 63) / 64;
    std::unique_ptr<uint64_t, decltype(&std::free)> words(
        static_cast<uint64_t*>(std::calloc(size_t(std::max<uint64_t>(nwords, 1)), 8)), &std::free);
    if (!words) {
        info.notRebuilt = "no memory for the bitmap's " + std::to_string(nwords * 8) + " bytes";
        return;
    }
    uint64_t* w = words.get();
    const uint64_t align = uint64_t(64) << g;
    const uint64_t lastMask = (bits & 63) ? ~uint64_t(0) >> (64 - (bits & 63)) : ~uint64_t(0);
    for (const Chunk& c : b.chunks) {
        const uint64_t start = c.startSector * stream::kSectorSize;
        const uint64_t count = uint64_t(c.nrSectors) * stream::kSectorSize;
        const uint64_t lastItem = start + (count - 1);
        if (start % align || (lastItem >> g) >= bits || (count % align && (lastItem >> g) != bits - 1)) {
            info.notRebuilt = "the chunk at byte " + std::to_string(c.recordOffset) + " (" +
                              std::to_string(c.nrSectors) + " sectors from sector " + std::to_string(c.startSector) +
                              ") is neither whole 64-bit words of the bitmap nor its last chunk";
            return;
        }
        const uint64_t first = (start >> g) >> 6;
        const uint64_t n = ((lastItem >> g) >> 6) - first + 1;
        if (c.zeroes) {
            // A clean range stays untouched: writing its zeros would map every page.
            const uint64_t* p = w + first;
            if (std::any_of(p, p + n, [](uint64_t x) { return x != 0; })) {
                std::memset(w + first, 0, size_t(n * 8));
            }
        } else {
            std::memcpy(w + first, c.data.data(), size_t(n * 8));
            if (first + n == nwords) {
                w[nwords - 1] &= lastMask;
            }
        }
    }
    uint64_t set = 0;
    for (uint64_t i = 0; i < nwords; ++i) {
        set += uint64_t(std::popcount(w[i]));
    }
    info.dirtyBytes = set << g;
    info.digestSkipped = !digest;
    if (digest) {
        info.sha256 = sha256Hex(reinterpret_cast<const uint8_t*>(w), nwords * 8);
    }
}

} // namespace

std::vector<QemuBitmapInfo> BitmapRecords::finish(uint64_t inputBytes, bool keep, bool digest) const
{
    const uint64_t limit = std::clamp(inputBytes > kMaxRebuildLimit / kRebuildBytesPerInputByte
                                          ? kMaxRebuildLimit
                                          : inputBytes * kRebuildBytesPerInputByte,
                                      kMinRebuildLimit, kMaxRebuildLimit);
    std::vector<QemuBitmapInfo> out;
    for (const BitmapState& b : bitmaps) {
        QemuBitmapInfo info = b.info;
        if (b.chunks.empty() || !info.notRebuilt.empty()) {
            out.push_back(std::move(info));
            continue;
        }
        const uint64_t bitmapBytes = (info.diskBytes / info.granularity + 1 + 7) / 8;
        if (bitmapBytes > limit) {
            info.notRebuilt = "the bitmap's " + std::to_string(bitmapBytes) + " bytes are more than the " +
                              std::to_string(limit) + " rebuilt for an input of this size";
            out.push_back(std::move(info));
            continue;
        }
        if (!keep && std::endian::native == std::endian::little) {
            rebuildFlat(b, info, digest);
            out.push_back(std::move(info));
            continue;
        }
        auto kept = std::make_shared<HBitmap>(info.diskBytes, unsigned(std::countr_zero(info.granularity)));
        HBitmap& bitmap = *kept;
        bool whole = true;
        for (const Chunk& c : b.chunks) {
            const uint64_t startByte = c.startSector * stream::kSectorSize;
            const uint64_t count = uint64_t(c.nrSectors) * stream::kSectorSize;
            try {
                if (c.zeroes) {
                    bitmap.deserializeZeroes(startByte, count, false);
                } else {
                    bitmap.deserializePart(c.data, startByte, count, false);
                }
            } catch (const std::exception&) {
                info.notRebuilt = "the chunk at byte " + std::to_string(c.recordOffset) + " (" +
                                  std::to_string(c.nrSectors) + " sectors from sector " +
                                  std::to_string(c.startSector) +
                                  ") is neither whole 64-bit words of the bitmap nor its last chunk";
                whole = false;
                break;
            }
        }
        if (whole) {
            bitmap.deserializeFinish();
            info.dirtyBytes = bitmap.count();
            info.digestSkipped = !digest;
            if (digest) {
                info.sha256 = bitmap.sha256();
            }
            if (keep) {
                // The chunks that carried data, one bit per chunk of the largest size sent.
                const uint64_t bitsTotal = bitmap.bitCount();
                info.chunkBits = std::max<uint64_t>(
                    1, uint64_t(b.maxChunkSectors) * stream::kSectorSize / info.granularity);
                auto chunks = std::make_shared<HBitmap>((bitsTotal + info.chunkBits - 1) / info.chunkBits, 0u);
                for (const Chunk& c : b.chunks) {
                    if (!c.zeroes) {
                        const uint64_t firstBit = c.startSector * stream::kSectorSize / info.granularity;
                        chunks->set(firstBit / info.chunkBits, 1);
                    }
                }
                info.dataChunks = std::move(chunks);
                info.bits = std::move(kept);
            }
        }
        out.push_back(std::move(info));
    }
    return out;
}

// Walks the file item by item; the content of each section is read by the reader its idstr names.
class Walker {
public:
    Walker(std::span<const uint8_t> file, QemuFileInfo& info, const QemuDestination& destination)
        : in_(file), info_(info), records_(destination)
    {
    }

    void run();
    void runSections(); // bare dirty-bitmap sections, no footers
    std::vector<QemuBitmapInfo> bitmaps(bool keep, bool digest) const
    {
        return records_.finish(in_.size(), keep, digest);
    }
    BitmapRecords& records() noexcept { return records_; }

private:
    struct Known {
        std::string name;
        uint32_t version;
        size_t summary; // index in info_.sections
    };

    bool section(uint8_t type);    // false: the walk stops here (a section it cannot step over)
    bool ramContent(uint32_t id);
    void footer(uint32_t id);
    void tail();
    void ramBlock(uint64_t flags, const char* what);

    Cursor in_;
    QemuFileInfo& info_;
    std::map<uint32_t, Known> known_;
    BitmapRecords records_;
    bool advisedPostcopyRam_ = false;
    bool haveBlock_ = false;                           // a page named a block before
    std::unordered_map<std::string, size_t> ramIndex_; // block name -> index in info_.ramBlocks
};

void Walker::run()
{
    in_.beginItem();
    const uint32_t magic = in_.take<uint32_t>("the file header");
    if (magic != kMagic) {
        in_.fail("not a migration file (magic " + hex(magic) + ", expected \"QEVM\")", 0);
    }
    info_.version = in_.take<uint32_t>("the file header");
    if (info_.version != kVersion) {
        in_.fail("file version " + std::to_string(info_.version) + ", expected 3", 4);
    }
    for (;;) {
        in_.setSection({}, std::nullopt);
        in_.beginItem();
        info_.parsedBytes = in_.pos();
        const uint64_t at = in_.pos();
        const uint8_t type = in_.take<uint8_t>("the next item's type (no EOF byte)");
        switch (type) {
        case kConfiguration: {
            const uint32_t len = in_.take<uint32_t>("the configuration");
            if (len == 0 || len > 255) {
                in_.fail("machine name of " + std::to_string(len) + " bytes", at + 1);
            }
            info_.machine = in_.takeString(len, "the machine name");
            break;
        }
        case kCommand: {
            const uint16_t command = in_.take<uint16_t>("a command");
            const uint16_t len = in_.take<uint16_t>("a command");
            const auto payload = in_.takeBytes(len, "a command's payload");
            if (command == kCommandPostcopyAdvise && !payload.empty()) {
                advisedPostcopyRam_ = true;
            }
            info_.commands.push_back(command);
            break;
        }
        case kSectionStart:
        case kSectionPart:
        case kSectionEnd:
        case kSectionFull:
            if (!section(type)) {
                return;
            }
            break;
        case kEof:
            info_.eof = true;
            tail();
            info_.parsedBytes = in_.pos();
            return;
        default:
            in_.fail("unknown item type " + hex(type), at);
        }
    }
}

void Walker::runSections()
{
    bool ended = false;
    while (!in_.atEnd()) {
        in_.setSection({}, std::nullopt);
        in_.beginItem();
        info_.parsedBytes = in_.pos();
        const uint64_t at = in_.pos();
        const uint8_t type = in_.take<uint8_t>("a section header");
        if (ended) {
            in_.fail("data after the END section", at);
        }
        if (type != kSectionStart && type != kSectionPart && type != kSectionEnd) {
            in_.fail("section type " + hex(type) + " is not START, PART or END", at);
        }
        if ((type == kSectionStart) != info_.sections.empty()) {
            in_.fail(info_.sections.empty() ? "the stream does not begin with a START section"
                                            : "a second START section",
                     at);
        }
        const uint32_t id = in_.take<uint32_t>("a section header");
        if (type == kSectionStart) {
            const uint8_t len = in_.take<uint8_t>("a section header");
            const std::string name = in_.takeString(len, "a section's name");
            const uint32_t instance = in_.take<uint32_t>("a section header");
            const uint32_t version = in_.take<uint32_t>("a section header");
            if (name != stream::kSectionIdstr) {
                in_.fail("section '" + name + "', expected 'dirty-bitmap'", at + 5);
            }
            QemuSectionSummary s;
            s.id = id;
            s.name = name;
            s.instance = instance;
            s.version = version;
            s.firstOffset = at;
            info_.sections.push_back(s);
            known_[id] = Known{name, version, 0};
            records_.loader.section(version, at + 6 + name.size() + 4);
        } else if (id != info_.sections.front().id) {
            in_.fail("section id " + std::to_string(id) + ", the dirty-bitmap section is " +
                         std::to_string(info_.sections.front().id),
                     at + 1);
        }
        in_.setSection(std::string(stream::kSectionIdstr), id);
        QemuSectionSummary& s = info_.sections.front();
        (type == kSectionStart ? s.start : type == kSectionPart ? s.part : s.end) += 1;
        records_.sectionType = type;
        while (!records_.readRecord(in_)) {
        }
        s.bytes += in_.pos() - at;
        ended = type == kSectionEnd;
    }
    info_.parsedBytes = in_.pos();
    if (!ended) {
        in_.beginItem();
        in_.fail(info_.sections.empty() ? "the input is empty; it holds no records" : "the stream has no END section",
                 in_.pos());
    }
}

bool Walker::section(uint8_t type)
{
    const uint64_t at = in_.itemOffset();
    const uint32_t id = in_.take<uint32_t>("a section header");
    std::string name;
    uint32_t version = 0;
    size_t summary = 0;
    if (type == kSectionStart || type == kSectionFull) {
        const uint8_t len = in_.take<uint8_t>("a section header");
        if (len == 0) {
            in_.fail("section with an empty name", at + 5);
        }
        name = in_.takeString(len, "a section's name");
        const uint32_t instance = in_.take<uint32_t>("a section header");
        version = in_.take<uint32_t>("a section header");
        in_.setSection(name, id);
        if (known_.count(id)) {
            in_.fail(std::string(sectionTypeName(type)) + " section reuses id " + std::to_string(id) +
                         " of section '" + known_[id].name + "'",
                     at + 1);
        }
        QemuSectionSummary s;
        s.id = id;
        s.name = name;
        s.instance = instance;
        s.version = version;
        s.firstOffset = at;
        info_.sections.push_back(s);
        summary = info_.sections.size() - 1;
        known_[id] = Known{name, version, summary};
    } else {
        const auto k = known_.find(id);
        if (k == known_.end()) {
            in_.fail(std::string(sectionTypeName(type)) + " section with id " + std::to_string(id) +
                         ", which no START section opened",
                     at + 1);
        }
        name = k->second.name;
        version = k->second.version;
        summary = k->second.summary;
        in_.setSection(name, id);
        if (info_.sections[summary].full) {
            in_.fail("PART or END section for the device section '" + name + "'", at);
        }
    }
    QemuSectionSummary& s = info_.sections[summary];
    (type == kSectionStart ? s.start : type == kSectionPart ? s.part : type == kSectionEnd ? s.end : s.full) += 1;

    auto stop = [&](const std::string& why) {
        info_.stopped = QemuFileError(why, at, at, name, id);
        info_.parsedBytes = at;
        return false;
    };
    if (name == "ram" && type != kSectionFull) {
        if (version != 4) {
            return stop("ram section version " + std::to_string(version) + " (only version 4 is read)");
        }
        if (!ramContent(id)) {
            return false;
        }
    } else if (name == stream::kSectionIdstr && type != kSectionFull) {
        records_.sectionType = type;
        if (type == kSectionStart) {
            // QEMU fails the load on another version; its records are read on as version 1's.
            records_.loader.section(version, at + 6 + name.size() + 4);
        }
        while (!records_.readRecord(in_)) {
        }
    } else if (name == "timer" && type == kSectionFull && version == 2) {
        in_.takeBytes(24, "the timer state");
    } else if (name == "globalstate" && type == kSectionFull && version == 1) {
        const uint64_t sizeAt = in_.pos();
        const uint32_t size = in_.take<uint32_t>("the global state");
        if (size > 100) {
            in_.fail("global state of " + std::to_string(size) + " bytes in a 100-byte field", sizeAt);
        }
        in_.takeBytes(100, "the global state");
    } else {
        return stop("cannot step over this " + std::string(sectionTypeName(type)) + " section (version " +
                    std::to_string(version) + "): its format is not known here");
    }
    if (type == kSectionFull && !in_.atEnd() && in_.peek() == kSubsection) {
        return stop("cannot step over the subsection at byte " + std::to_string(in_.pos()));
    }
    footer(id);
    s.bytes += in_.pos() - at;
    return true;
}

void Walker::footer(uint32_t id)
{
    in_.beginItem();
    const uint64_t at = in_.pos();
    const uint8_t marker = in_.take<uint8_t>("a section footer");
    if (marker != kFooter) {
        in_.fail("expected the section footer 0x7e, found " + hex(marker), at);
    }
    const uint32_t footerId = in_.take<uint32_t>("a section footer");
    if (footerId != id) {
        in_.fail("footer of section id " + std::to_string(footerId) + " ends section id " + std::to_string(id),
                 at + 1);
    }
    info_.sections[known_[id].summary].footers += 1;
}

void Walker::ramBlock(uint64_t flags, const char* what)
{
    if (flags & kRamContinue) {
        if (!haveBlock_) {
            in_.fail(std::string(what) + " continues a RAM block, but none was named before", in_.itemOffset());
        }
        return;
    }
    const uint64_t at = in_.pos();
    const uint8_t len = in_.take<uint8_t>("a RAM block name");
    const std::string_view id = in_.takeView(len, "a RAM block name");
    if (ramIndex_.find(std::string(id)) == ramIndex_.end()) {
        in_.fail("page of RAM block '" + std::string(id) + "', which MEM_SIZE did not announce", at);
    }
    haveBlock_ = true;
}

bool Walker::ramContent(uint32_t id)
{
    for (;;) {
        in_.beginItem();
        const uint64_t at = in_.pos();
        const uint64_t word = in_.take<uint64_t>("a ram record");
        const uint64_t flags = word & (kTargetPageSize - 1);
        const uint64_t addr = word & ~(kTargetPageSize - 1);
        switch (flags & ~kRamContinue) {
        case kRamEos:
            return true;
        case kRamMemSize: {
            info_.ramTotalBytes = addr;
            info_.ramBlocks.clear();
            ramIndex_.clear();
            uint64_t sum = 0;
            while (sum < addr) {
                const uint8_t len = in_.take<uint8_t>("a RAM block name");
                std::string id = in_.takeString(len, "a RAM block name");
                const uint64_t lengthAt = in_.pos();
                const uint64_t length = in_.take<uint64_t>("a RAM block length");
                if (length > addr - sum) {
                    in_.fail("RAM blocks add up to more than the " + std::to_string(addr) + " bytes announced",
                             lengthAt);
                }
                if (advisedPostcopyRam_) {
                    in_.fail("RAM block list of a postcopy-ram migration (it may carry page sizes)", lengthAt);
                }
                sum += length;
                ramIndex_.emplace(id, info_.ramBlocks.size());
                info_.ramBlocks.emplace_back(std::move(id), length);
            }
            break;
        }
        case kRamZero: {
            ramBlock(flags, "a zero page");
            in_.take<uint8_t>("a zero page's fill byte");
            ++info_.ramZeroPages;
            break;
        }
        case kRamPage: {
            ramBlock(flags, "a page");
            in_.takeBytes(kTargetPageSize, "a page");
            ++info_.ramNormalPages;
            break;
        }
        default:
            info_.stopped = QemuFileError("cannot step over ram record flags " + hex(flags) +
                                              " (compressed, XBZRLE, multifd or hook records)",
                                          at, at, "ram", id);
            info_.parsedBytes = at;
            return false;
        }
    }
}

void Walker::tail()
{
    if (in_.atEnd()) {
        return;
    }
    in_.beginItem();
    const uint64_t at = in_.pos();
    const uint8_t type = in_.take<uint8_t>("the description");
    if (type != kVmDescription) {
        in_.fail("after EOF, expected the JSON description (0x06), found " + hex(type), at);
    }
    const uint32_t len = in_.take<uint32_t>("the description's length");
    info_.description = in_.takeString(len, "the JSON description");
    if (!in_.atEnd()) {
        in_.fail(std::to_string(in_.left()) + " bytes after the JSON description", in_.pos());
    }
}

} // namespace detail
} // namespace qemufile

namespace {

QemuFileInfo walk(std::span<const uint8_t> file, const QemuDestination& destination, bool keep, bool digest,
                  bool sections)
{
    QemuFileInfo info;
    info.bytes = file.size();
    qemufile::detail::Walker walker(file, info, destination);
    if (keep) {
        walker.records().recordList = &info.records;
    }
    try {
        if (sections) {
            walker.runSections();
        } else {
            walker.run();
        }
    } catch (const QemuFileError& e) {
        info.error = e;
        info.parsedBytes = e.itemOffset();
    }
    auto& r = walker.records();
    r.loader.finish();
    info.qemuLoad = r.loader.verdict();
    info.bitmapStartRecords = r.start;
    info.bitmapBitsRecords = r.bits;
    info.bitmapZeroesRecords = r.zeroes;
    info.bitmapCompleteRecords = r.complete;
    info.bitmapEosRecords = r.eos;
    // The records read so far, up to the stop or the error (a bitmap cut short has no COMPLETE).
    try {
        info.bitmaps = walker.bitmaps(keep, digest);
    } catch (const QemuFileError& e) {
        if (!info.error) {
            info.error = e;
        }
    }
    return info;
}

} // namespace

QemuFileInfo QemuFileInfo::read(std::span<const uint8_t> file, const QemuDestination& destination, bool keep,
                                bool digest)
{
    return walk(file, destination, keep, digest, false);
}

QemuFileInfo QemuFileInfo::readSections(std::span<const uint8_t> stream, const QemuDestination& destination,
                                        bool keep, bool digest)
{
    return walk(stream, destination, keep, digest, true);
}

} // namespace bitmig
