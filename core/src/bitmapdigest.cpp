#include <bitmig/bitmapdigest.h>

#include "hexdigest.h"

#include <openssl/evp.h>

#include <algorithm>
#include <bit>
#include <stdexcept>

namespace bitmig {

namespace {

constexpr size_t kBlockWords = 512;  // 4 KiB: the least a call hashes

void storeLE64(uint8_t* p, uint64_t v) noexcept
{
    for (int i = 0; i < 8; ++i) {
        p[i] = uint8_t(v >> (8 * i));
    }
}

} // namespace

struct BitmapDigest::Context {
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> md{EVP_MD_CTX_new(), &EVP_MD_CTX_free};
};

BitmapDigest::BitmapDigest(const HBitmap& bits, const HBitmap* unionWith)
    : bits_(&bits), union_(unionWith), ctx_(std::make_unique<Context>())
{
    if (union_ && union_->bitCount() != bits_->bitCount()) {
        throw std::invalid_argument("BitmapDigest: the two bitmaps differ in size");
    }
    if (!ctx_->md || EVP_DigestInit_ex(ctx_->md.get(), EVP_sha256(), nullptr) != 1) {
        throw std::runtime_error("BitmapDigest: the digest failed");
    }
}

BitmapDigest::~BitmapDigest() = default;
BitmapDigest::BitmapDigest(BitmapDigest&&) noexcept = default;
BitmapDigest& BitmapDigest::operator=(BitmapDigest&&) noexcept = default;

uint64_t BitmapDigest::bytesTotal() const noexcept
{
    return uint64_t(bits_->words().size()) * 8;
}

bool BitmapDigest::run(uint64_t maxBytes)
{
    if (done_) {
        return true;
    }
    const auto w = bits_->words();
    const size_t words = w.size();
    const uint64_t want = std::max<uint64_t>(maxBytes / 8, kBlockWords);
    const size_t end = size_t(std::min<uint64_t>(words, next_ + want));
    bool ok = true;
    if (std::endian::native == std::endian::little && !union_) {
        ok = EVP_DigestUpdate(ctx_->md.get(), w.data() + next_, (end - next_) * 8) == 1;
    } else {
        const auto o = union_ ? union_->words() : decltype(w){};
        uint8_t buf[8 * kBlockWords];
        for (size_t i = next_; ok && i < end; i += kBlockWords) {
            const size_t n = std::min(kBlockWords, end - i);
            for (size_t j = 0; j < n; ++j) {
                storeLE64(buf + 8 * j, union_ ? w[i + j] | o[i + j] : w[i + j]);
            }
            ok = EVP_DigestUpdate(ctx_->md.get(), buf, n * 8) == 1;
        }
    }
    if (!ok) {
        throw std::runtime_error("BitmapDigest: the digest failed");
    }
    next_ = end;
    if (next_ < words) {
        return false;
    }
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (EVP_DigestFinal_ex(ctx_->md.get(), digest, &len) != 1) {
        throw std::runtime_error("BitmapDigest: the digest failed");
    }
    hex_ = detail::lowerHex(digest, len);
    done_ = true;
    return true;
}

} // namespace bitmig
