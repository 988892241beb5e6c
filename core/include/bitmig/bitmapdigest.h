// The SHA-256 of a bitmap's bottom level (or of its union with another bitmap of the same size),
// as HBitmap::sha256() and sha256Union() compute it, but a slice at a time: a 2^30-bit bitmap is
// 128 MiB to hash, seconds on a busy machine, and whoever computes it can do other work between
// slices (the simulation thread answers Pause, Reset and Close). The bitmaps must not change until
// it is done, and must outlive it.
#pragma once

#include <bitmig/hbitmap.h>

#include <cstdint>
#include <memory>
#include <string>

namespace bitmig {

class BitmapDigest {
public:
    explicit BitmapDigest(const HBitmap& bits, const HBitmap* unionWith = nullptr);
    ~BitmapDigest();
    BitmapDigest(BitmapDigest&&) noexcept;
    BitmapDigest& operator=(BitmapDigest&&) noexcept;

    // Hashes up to `maxBytes` more (at least one 4 KiB block); true once the whole bitmap is done.
    // std::runtime_error if the digest library fails.
    bool run(uint64_t maxBytes);
    bool done() const noexcept { return done_; }
    uint64_t bytesDone() const noexcept { return next_ * 8; }
    uint64_t bytesTotal() const noexcept;
    // Lowercase hex, once done(); empty before.
    const std::string& hex() const noexcept { return hex_; }

private:
    const HBitmap* bits_;
    const HBitmap* union_;
    struct Context;
    std::unique_ptr<Context> ctx_;
    uint64_t next_ = 0;  // the next word to hash
    bool done_ = false;
    std::string hex_;
};

} // namespace bitmig
