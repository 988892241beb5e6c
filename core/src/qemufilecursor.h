// Bounds-checked reading of a migration file, and the dirty-bitmap record reader the file reader and
// the file writer share. Every read that runs past the input or meets a bad value throws
// QemuFileError with the offending offset and the item being read.
#pragma once

#include "bigendian.h"

#include <bitmig/qemufile.h>
#include <bitmig/qemuloader.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace bitmig::qemufile::detail {

class Cursor {
public:
    explicit Cursor(std::span<const uint8_t> data) : data_(data) {}

    uint64_t pos() const noexcept { return pos_; }
    uint64_t size() const noexcept { return data_.size(); }
    bool atEnd() const noexcept { return pos_ == data_.size(); }
    uint64_t left() const noexcept { return data_.size() - pos_; }
    std::span<const uint8_t> data() const noexcept { return data_; }

    // The item being read, for errors: where it began, and the section around it.
    void beginItem() noexcept { itemOffset_ = pos_; }
    uint64_t itemOffset() const noexcept { return itemOffset_; }
    void setSection(std::string name, std::optional<uint32_t> id)
    {
        section_ = std::move(name);
        sectionId_ = id;
    }

    [[noreturn]] void fail(const std::string& reason, uint64_t at) const
    {
        throw QemuFileError(reason, at, itemOffset_, section_, sectionId_);
    }
    void need(uint64_t n, const char* what) const
    {
        if (left() < n) {
            fail(std::string("the file ends inside ") + what + " (" + std::to_string(n) + " bytes needed, " +
                     std::to_string(left()) + " left)",
                 data_.size());
        }
    }
    template <typename T> T take(const char* what)
    {
        need(sizeof(T), what);
        const T v = bitmig::detail::readBigEndian<T>(data_.data() + pos_);
        pos_ += sizeof(T);
        return v;
    }
    std::span<const uint8_t> takeBytes(uint64_t n, const char* what)
    {
        need(n, what);
        const auto s = data_.subspan(size_t(pos_), size_t(n));
        pos_ += n;
        return s;
    }
    std::string_view takeView(uint64_t n, const char* what)
    {
        const auto s = takeBytes(n, what);
        return std::string_view(reinterpret_cast<const char*>(s.data()), s.size());
    }
    std::string takeString(uint64_t n, const char* what)
    {
        const auto s = takeBytes(n, what);
        return std::string(s.begin(), s.end());
    }
    uint8_t peek() const { return data_[size_t(pos_)]; }

private:
    std::span<const uint8_t> data_;
    uint64_t pos_ = 0;
    uint64_t itemOffset_ = 0;
    std::string section_;
    std::optional<uint32_t> sectionId_;
};

// One chunk as it arrived, kept until the bitmap's size is known (the end of its last chunk).
struct Chunk {
    uint64_t recordOffset = 0;
    bool usable = true; // false: not whole words of the bitmap, or a buffer shorter than the chunk
    uint64_t startSector = 0;
    uint32_t nrSectors = 0;
    bool zeroes = false;
    std::span<const uint8_t> data; // the needed bytes of the buffer, inside the input
    uint64_t set = 0;              // bits set in `data`, counted as the record is read
};

struct BitmapState {
    QemuBitmapInfo info;
    uint32_t maxChunkSectors = 0;
    std::vector<Chunk> chunks;
    uint64_t endSector = 0; // the end of its last chunk
};

// The receiver's state across the dirty-bitmap sections: the current names and every bitmap started.
// Records QEMU's loader refuses are not errors here: they go to `loader`, which tells what a QEMU
// destination does with them, and the reader reads on (a chunk it cannot use leaves its bitmap
// without rebuilt bits).
struct BitmapRecords {
    explicit BitmapRecords(QemuDestination destination = {}) : loader(std::move(destination)) {}

    std::optional<std::string> node;
    std::optional<std::string> bitmap;
    std::vector<BitmapState> bitmaps;
    uint64_t start = 0, bits = 0, zeroes = 0, complete = 0, eos = 0;
    QemuLoaderModel loader;

    // Reads one record at the cursor (which beginItem()s it) and applies it. Returns true for EOS.
    bool readRecord(Cursor& in);
    // Rebuilds every bitmap from its chunks (dirty bytes, SHA-256), those small enough for an input
    // of `inputBytes`; a bitmap with a chunk that does not fit it is listed without its bits.
    // With `keep`, each rebuilt HBitmap and the data-chunk bitmap are kept in the infos.
    // Without `digest`, the bits are counted and not hashed (QemuBitmapInfo::digestSkipped).
    std::vector<QemuBitmapInfo> finish(uint64_t inputBytes, bool keep = false, bool digest = true) const;
    // Set before reading to list every record (QemuFileInfo::records) and the section type around them.
    std::vector<QemuRecordEntry>* recordList = nullptr;
    uint8_t sectionType = 0;

private:
    void lookUp(); // current_ for the names (node, bitmap)
    std::unordered_map<std::string, size_t> byName_; // node NUL name -> index in bitmaps
    std::optional<size_t> current_;
};

} // namespace bitmig::qemufile::detail
