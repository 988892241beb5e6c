// The persistent dirty bitmaps of a qcow2 v3 image (reference section 5): read only.
#pragma once

#include <bitmig/dirtybitmap.h>
#include <bitmig/qcow2bitmapinfo.h>
#include <bitmig/qcow2error.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace bitmig {

// Opening reads and checks the header, its extensions and the whole bitmap directory; loading a
// bitmap reads and checks its bitmap table and data clusters. Every field is checked before it is
// used, every read is checked against the file's size, the padding of directory entries must be
// zero, and no bitmap table may overlap the bitmap directory or another table, nor a data cluster
// either of them; anything wrong throws Qcow2Error naming the field and its byte offset. Nothing is
// ever written to the image. The image keeps one open file handle, so loadBitmap must not run on
// two threads at once for the same Qcow2Image.
class Qcow2Image {
public:
    static constexpr uint32_t kMagic = 0x514649fb;            // "QFI\xfb"
    static constexpr uint32_t kBitmapsExtension = 0x23852875;
    static constexpr unsigned kMinClusterBits = 9;
    static constexpr unsigned kMaxClusterBits = 21;
    static constexpr unsigned kMinGranularityBits = 9;        // QEMU's limits, narrower than the spec's 0..63
    static constexpr unsigned kMaxGranularityBits = 31;
    static constexpr uint32_t kMaxBitmaps = 65535;
    static constexpr uint64_t kMaxDirectoryBytes = 1024 * uint64_t(kMaxBitmaps);
    static constexpr uint32_t kMaxNameBytes = 1023;
    static constexpr uint32_t kMaxTableSize = 0x8000000;
    static constexpr uint64_t kMaxBitmapDataBytes = uint64_t(512) << 20; // table size * cluster size

    // Qcow2Error if the file cannot be read or its header, extensions or bitmap directory are malformed.
    explicit Qcow2Image(std::string path);
    ~Qcow2Image();
    Qcow2Image(Qcow2Image&&) noexcept;
    Qcow2Image& operator=(Qcow2Image&&) noexcept;

    const std::string& path() const noexcept { return path_; }
    uint64_t fileBytes() const noexcept { return fileBytes_; }
    uint32_t version() const noexcept { return version_; }
    unsigned clusterBits() const noexcept { return clusterBits_; }
    uint64_t clusterSize() const noexcept { return uint64_t(1) << clusterBits_; }
    uint64_t diskBytes() const noexcept { return diskBytes_; }

    // The bitmaps extension is there but autoclear_features bit 0 is clear: a program that does not
    // know bitmaps changed the image, so every bitmap is stale. Like QEMU, the extension is then
    // ignored and bitmaps() is empty.
    bool bitmapsIgnored() const noexcept { return bitmapsIgnored_; }

    // In directory order.
    const std::vector<Qcow2BitmapInfo>& bitmaps() const noexcept { return bitmaps_; }
    // nullptr if there is no bitmap of that name.
    const Qcow2BitmapInfo* find(std::string_view name) const noexcept;

    // The bitmap's bits over the image's disk, with its granularity; enabled when its auto flag is
    // set, and persistent. Qcow2Error if there is no such bitmap, it is in use (inconsistent), or its
    // table or data are malformed.
    DirtyBitmap loadBitmap(std::string_view name) const;
    // The same for an entry of bitmaps(), without the search by name. Qcow2Error if `info` is not
    // an entry of this image's directory as listed (another image's, or changed since).
    DirtyBitmap loadBitmap(const Qcow2BitmapInfo& info) const;

private:
    class File;

    // Bytes of the file that hold bitmap metadata: the bitmap directory, or one entry's bitmap table.
    struct MetadataExtent {
        static constexpr uint32_t kDirectory = UINT32_MAX;
        uint64_t start = 0;
        uint64_t bytes = 0;
        uint32_t entry = kDirectory; // directory entry whose table this is, or kDirectory
    };

    void readHeader();
    void readExtensions(uint64_t start, uint64_t end);
    void readDirectory(uint64_t directoryOffset, uint64_t directoryBytes, uint32_t count);
    void checkMetadataOverlaps(uint64_t directoryOffset, uint64_t directoryBytes);
    std::string describe(const MetadataExtent& extent) const;

    std::string path_;
    std::unique_ptr<File> file_;
    uint64_t fileBytes_ = 0;
    uint32_t version_ = 0;
    unsigned clusterBits_ = 16;
    uint64_t diskBytes_ = 0;
    uint64_t autoclearFeatures_ = 0;
    bool bitmapsIgnored_ = false;
    std::vector<Qcow2BitmapInfo> bitmaps_;
    // The bitmap directory and every entry's bitmap table, sorted by start and disjoint: what a
    // bitmap data cluster must stay out of.
    std::vector<MetadataExtent> metadata_;
};

} // namespace bitmig
