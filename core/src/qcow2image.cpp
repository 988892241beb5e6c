#include <bitmig/qcow2image.h>

#include "bigendian.h"

#include <bitmig/printable.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <set>
#include <utility>

namespace bitmig {

namespace {

using detail::readBigEndian;

// Header fields of qcow2 versions 2 and 3 (byte offsets in the file).
constexpr uint64_t kVersionAt = 4;
constexpr uint64_t kBackingFileOffsetAt = 8;
constexpr uint64_t kClusterBitsAt = 20;
constexpr uint64_t kSizeAt = 24;
constexpr uint64_t kIncompatibleFeaturesAt = 72;
constexpr uint64_t kAutoclearFeaturesAt = 88;
constexpr uint64_t kHeaderLengthAt = 100;
constexpr uint64_t kV2HeaderBytes = 72;
constexpr uint64_t kV3HeaderBytes = 104;

// Incompatible features QEMU knows: dirty, corrupt, external data file, compression type, extended L2.
// None of them changes where the bitmaps are, but an unknown one may.
constexpr uint64_t kKnownIncompatibleFeatures = 0x1f;
constexpr uint64_t kAutoclearBitmaps = 1;

constexpr uint64_t kBitmapsExtensionBytes = 24;
constexpr uint64_t kEntryFixedBytes = 24;
constexpr uint32_t kKnownFlags = Qcow2BitmapInfo::kFlagInUse | Qcow2BitmapInfo::kFlagAuto;
constexpr uint32_t kFlagExtraDataCompatible = 1u << 2;
constexpr uint8_t kTypeDirtyTracking = 1;

// Bitmap table entries (reference section 5.3).
constexpr uint64_t kTableOffsetMask = 0x00fffffffffffe00;
constexpr uint64_t kTableReservedMask = 0xff000000000001fe;
constexpr uint64_t kTableAllOnes = 1;

std::string hex(uint64_t v)
{
    static const char digits[] = "0123456789abcdef";
    std::string s;
    do {
        s.insert(s.begin(), digits[v & 15]);
        v >>= 4;
    } while (v);
    return "0x" + s;
}

std::string num(uint64_t v)
{
    return std::to_string(v);
}

uint64_t roundUp(uint64_t v, uint64_t align)
{
    return (v + align - 1) / align * align;
}

// A bitmap name in quotes for a message, whole: control characters, quotes, backslashes and bytes
// that are not UTF-8 become \xNN escapes (bitmig/printable.h); other bytes are kept, so UTF-8 names
// stay readable.
std::string quotedName(std::string_view name)
{
    return quoted(name, '\'', name.size());
}

// Table entries (bitmap data clusters) a bitmap over `diskBytes` needs: ceil(ceil(bits / 8) / cluster).
uint64_t expectedTableSize(uint64_t diskBytes, unsigned granularityBits, unsigned clusterBits)
{
    const uint64_t bits = (diskBytes >> granularityBits) + ((diskBytes & ((uint64_t(1) << granularityBits) - 1)) != 0);
    const uint64_t bytes = (bits + 7) / 8;
    return (bytes + (uint64_t(1) << clusterBits) - 1) >> clusterBits;
}

} // namespace

// Bounded reads: every read names the structure it is for, so running off the end of the file is
// reported as that structure's problem.
class Qcow2Image::File {
public:
    explicit File(const std::string& path) : path_(path)
    {
        std::error_code ec;
        if (std::filesystem::is_directory(path, ec)) {
            throw Qcow2Error(path_, {}, "cannot read: is a directory");
        }
        // Every read below is bounded by the file's size, which only a regular file has.
        if (const auto status = std::filesystem::status(path, ec);
            !ec && status.type() != std::filesystem::file_type::regular) {
            throw Qcow2Error(path_, {}, "cannot read: not a regular file (a device, a pipe or a socket)");
        }
        in_.open(path, std::ios::binary);
        if (!in_) {
            const int err = errno;
            throw Qcow2Error(path_, {}, std::string("cannot open: ") + (err ? std::strerror(err) : "unknown error"));
        }
        in_.seekg(0, std::ios::end);
        const std::streamoff end = in_.tellg();
        if (!in_ || end < 0) {
            throw Qcow2Error(path_, {}, "cannot read: the size of the file is unknown");
        }
        size_ = uint64_t(end);
    }

    uint64_t size() const noexcept { return size_; }

    std::vector<uint8_t> read(uint64_t offset, uint64_t bytes, const std::string& structure)
    {
        if (offset > size_ || bytes > size_ - offset) {
            throw Qcow2Error(path_, structure,
                             num(bytes) + " bytes run past the end of the file (" + num(size_) + " bytes)", offset);
        }
        std::vector<uint8_t> out(bytes);
        if (bytes == 0) {
            return out;
        }
        in_.clear();
        in_.seekg(std::streamoff(offset));
        in_.read(reinterpret_cast<char*>(out.data()), std::streamsize(bytes));
        if (!in_ || uint64_t(in_.gcount()) != bytes) {
            throw Qcow2Error(path_, structure, "read of " + num(bytes) + " bytes failed", offset);
        }
        return out;
    }

private:
    std::string path_;
    std::ifstream in_;
    uint64_t size_ = 0;
};

Qcow2Image::Qcow2Image(std::string path) : path_(std::move(path))
{
    file_ = std::make_unique<File>(path_);
    fileBytes_ = file_->size();
    readHeader();
}

Qcow2Image::~Qcow2Image() = default;
Qcow2Image::Qcow2Image(Qcow2Image&&) noexcept = default;
Qcow2Image& Qcow2Image::operator=(Qcow2Image&&) noexcept = default;

void Qcow2Image::readHeader()
{
    const std::string header = "header";
    if (fileBytes_ < kV2HeaderBytes) {
        throw Qcow2Error(path_, header,
                         "the file is " + num(fileBytes_) + " bytes, shorter than a qcow2 header (72 bytes)", 0);
    }
    std::vector<uint8_t> h = file_->read(0, kV2HeaderBytes, header);
    const uint32_t magic = readBigEndian<uint32_t>(h.data());
    if (magic != kMagic) {
        throw Qcow2Error(path_, header, "magic " + hex(magic) + " is not qcow2's 0x514649fb (\"QFI\\xfb\")", 0);
    }
    version_ = readBigEndian<uint32_t>(h.data() + kVersionAt);
    if (version_ == 2) {
        throw Qcow2Error(path_, header,
                         "version 2 cannot hold persistent bitmaps (they need version 3, compat 1.1)", kVersionAt);
    }
    if (version_ != 3) {
        throw Qcow2Error(path_, header, "version " + num(version_) + " is not supported (expected 3)", kVersionAt);
    }
    const uint32_t clusterBits = readBigEndian<uint32_t>(h.data() + kClusterBitsAt);
    if (clusterBits < kMinClusterBits || clusterBits > kMaxClusterBits) {
        throw Qcow2Error(path_, header,
                         "cluster_bits " + num(clusterBits) + " out of range " + num(kMinClusterBits) + ".." +
                             num(kMaxClusterBits),
                         kClusterBitsAt);
    }
    clusterBits_ = clusterBits;
    diskBytes_ = readBigEndian<uint64_t>(h.data() + kSizeAt);

    h = file_->read(0, kV3HeaderBytes, header);
    const uint64_t incompatible = readBigEndian<uint64_t>(h.data() + kIncompatibleFeaturesAt);
    if (incompatible & ~kKnownIncompatibleFeatures) {
        throw Qcow2Error(path_, header,
                         "incompatible_features " + hex(incompatible) + " has unknown bits " +
                             hex(incompatible & ~kKnownIncompatibleFeatures),
                         kIncompatibleFeaturesAt);
    }
    autoclearFeatures_ = readBigEndian<uint64_t>(h.data() + kAutoclearFeaturesAt);
    const uint32_t headerLength = readBigEndian<uint32_t>(h.data() + kHeaderLengthAt);
    if (headerLength < kV3HeaderBytes || headerLength > clusterSize() || headerLength % 8) {
        throw Qcow2Error(path_, header,
                         "header_length " + num(headerLength) + " is not a multiple of 8 from 104 to the cluster size " +
                             num(clusterSize()),
                         kHeaderLengthAt);
    }
    // Extensions follow the header up to the backing file name, or to the end of the first cluster.
    const uint64_t backingFileOffset = readBigEndian<uint64_t>(h.data() + kBackingFileOffsetAt);
    uint64_t end = clusterSize();
    if (backingFileOffset != 0) {
        if (backingFileOffset < headerLength || backingFileOffset > clusterSize()) {
            throw Qcow2Error(path_, header,
                             "backing_file_offset " + num(backingFileOffset) + " is not between the header_length " +
                                 num(headerLength) + " and the cluster size " + num(clusterSize()),
                             kBackingFileOffsetAt);
        }
        end = backingFileOffset;
    }
    readExtensions(headerLength, end);
}

void Qcow2Image::readExtensions(uint64_t start, uint64_t end)
{
    bool seenBitmaps = false;
    uint64_t at = start;
    for (uint64_t index = 0;; ++index) {
        const std::string label = "header extension " + num(index);
        if (at > end || end - at < 8) {
            throw Qcow2Error(path_, label,
                             "no end-of-extensions marker (type 0) before byte " + num(end) +
                                 ", the end of the header area",
                             at);
        }
        const std::vector<uint8_t> frame = file_->read(at, 8, label);
        const uint32_t type = readBigEndian<uint32_t>(frame.data());
        const uint32_t length = readBigEndian<uint32_t>(frame.data() + 4);
        if (type == 0) {
            return;
        }
        if (length > end - at - 8) {
            throw Qcow2Error(path_, label + " (type " + hex(type) + ")",
                             "length " + num(length) + " runs past byte " + num(end) + ", the end of the header area",
                             at + 4);
        }
        if (type == kBitmapsExtension) {
            const std::string ext = "bitmaps extension";
            if (seenBitmaps) {
                throw Qcow2Error(path_, ext, "appears twice in the header", at);
            }
            seenBitmaps = true;
            if (length != kBitmapsExtensionBytes) {
                throw Qcow2Error(path_, ext, "length " + num(length) + ", expected 24", at + 4);
            }
            if (!(autoclearFeatures_ & kAutoclearBitmaps)) {
                // Written by a program that did not keep the bitmaps up to date: QEMU drops them.
                bitmapsIgnored_ = true;
            } else {
                const uint64_t data = at + 8;
                const std::vector<uint8_t> d = file_->read(data, kBitmapsExtensionBytes, ext);
                const uint32_t count = readBigEndian<uint32_t>(d.data());
                const uint32_t reserved = readBigEndian<uint32_t>(d.data() + 4);
                const uint64_t directoryBytes = readBigEndian<uint64_t>(d.data() + 8);
                const uint64_t directoryOffset = readBigEndian<uint64_t>(d.data() + 16);
                if (count == 0 || count > kMaxBitmaps) {
                    throw Qcow2Error(path_, ext, "nb_bitmaps " + num(count) + " out of range 1.." + num(kMaxBitmaps),
                                     data);
                }
                if (reserved != 0) {
                    throw Qcow2Error(path_, ext, "reserved field is " + hex(reserved) + ", must be 0", data + 4);
                }
                if (directoryBytes < kEntryFixedBytes || directoryBytes > kMaxDirectoryBytes) {
                    throw Qcow2Error(path_, ext,
                                     "bitmap_directory_size " + num(directoryBytes) + " out of range 24.." +
                                         num(kMaxDirectoryBytes),
                                     data + 8);
                }
                if (directoryOffset == 0 || directoryOffset % clusterSize()) {
                    throw Qcow2Error(path_, ext,
                                     "bitmap_directory_offset " + num(directoryOffset) +
                                         " is not a non-zero multiple of the cluster size " + num(clusterSize()),
                                     data + 16);
                }
                if (directoryOffset > fileBytes_ || directoryBytes > fileBytes_ - directoryOffset) {
                    throw Qcow2Error(path_, ext,
                                     "bitmap directory [" + num(directoryOffset) + ", +" + num(directoryBytes) +
                                         ") runs past the end of the file (" + num(fileBytes_) + " bytes)",
                                     data + 16);
                }
                readDirectory(directoryOffset, directoryBytes, count);
            }
        }
        at += 8 + roundUp(length, 8);
    }
}

void Qcow2Image::readDirectory(uint64_t directoryOffset, uint64_t directoryBytes, uint32_t count)
{
    const std::vector<uint8_t> dir = file_->read(directoryOffset, directoryBytes, "bitmap directory");
    std::set<std::string, std::less<>> names;
    uint64_t pos = 0;
    for (uint32_t i = 0; i < count; ++i) {
        const uint64_t at = directoryOffset + pos;
        std::string label = "bitmap directory entry " + num(i);
        if (directoryBytes - pos < kEntryFixedBytes) {
            throw Qcow2Error(path_, label,
                             "the directory (bitmap_directory_size " + num(directoryBytes) + ") ends inside entry " +
                                 num(i) + " of nb_bitmaps " + num(count),
                             at);
        }
        const uint8_t* e = dir.data() + pos;
        const uint32_t nameSize = readBigEndian<uint16_t>(e + 18);
        const uint32_t extraSize = readBigEndian<uint32_t>(e + 20);
        if (nameSize == 0 || nameSize > kMaxNameBytes) {
            throw Qcow2Error(path_, label, "name_size " + num(nameSize) + " out of range 1.." + num(kMaxNameBytes),
                             at + 18);
        }
        if (extraSize != 0) {
            throw Qcow2Error(path_, label, "extra_data_size " + num(extraSize) + ": extra data is not supported",
                             at + 20);
        }
        const uint64_t entryBytes = roundUp(kEntryFixedBytes + nameSize, 8);
        if (entryBytes > directoryBytes - pos) {
            throw Qcow2Error(path_, label,
                             "the entry (" + num(entryBytes) + " bytes with its name) runs past the end of the "
                             "directory (bitmap_directory_size " + num(directoryBytes) + ")",
                             at);
        }

        Qcow2BitmapInfo info;
        info.index = i;
        info.entryOffset = at;
        info.name.assign(reinterpret_cast<const char*>(e + kEntryFixedBytes), nameSize);
        label += ' ';
        label += quotedName(info.name);
        // The entry is padded to a multiple of 8 after its extra data and name; the padding must be 0.
        const uint64_t padding = kEntryFixedBytes + extraSize + nameSize;
        for (uint64_t k = padding; k < entryBytes; ++k) {
            if (e[k] != 0) {
                throw Qcow2Error(path_, label,
                                 "padding after the name is not zero: entry byte " + num(k) + " is " + hex(e[k]) +
                                     " (bytes " + num(padding) + ".." + num(entryBytes - 1) +
                                     " pad the entry to a multiple of 8 and must be 0)",
                                 at + k);
            }
        }
        info.tableOffset = readBigEndian<uint64_t>(e);
        info.tableSize = readBigEndian<uint32_t>(e + 8);
        info.flags = readBigEndian<uint32_t>(e + 12);
        info.type = e[16];
        info.granularityBits = e[17];
        info.diskBytes = diskBytes_;

        if (info.flags & ~kKnownFlags) {
            throw Qcow2Error(path_, label,
                             "flags " + hex(info.flags) + " has " +
                                 (info.flags & kFlagExtraDataCompatible ? "extra_data_compatible (bit 2), which is "
                                                                          "not supported"
                                                                        : "unknown bits " + hex(info.flags & ~kKnownFlags)),
                             at + 12);
        }
        if (info.type != kTypeDirtyTracking) {
            throw Qcow2Error(path_, label, "type " + num(info.type) + " is not 1 (dirty tracking)", at + 16);
        }
        if (info.granularityBits < kMinGranularityBits || info.granularityBits > kMaxGranularityBits) {
            throw Qcow2Error(path_, label,
                             "granularity_bits " + num(info.granularityBits) + " out of range " +
                                 num(kMinGranularityBits) + ".." + num(kMaxGranularityBits),
                             at + 17);
        }
        info.granularity = uint64_t(1) << info.granularityBits;
        if (info.tableOffset == 0 || info.tableOffset % clusterSize()) {
            throw Qcow2Error(path_, label,
                             "bitmap_table_offset " + num(info.tableOffset) +
                                 " is not a non-zero multiple of the cluster size " + num(clusterSize()),
                             at);
        }
        if (info.tableSize == 0 || info.tableSize > kMaxTableSize ||
            (uint64_t(info.tableSize) << clusterBits_) > kMaxBitmapDataBytes) {
            throw Qcow2Error(path_, label,
                             "bitmap_table_size " + num(info.tableSize) + " out of range 1.." +
                                 num(kMaxBitmapDataBytes >> clusterBits_) + " (512 MiB of bitmap data)",
                             at + 8);
        }
        // An in-use bitmap was never stored cleanly, so its table may not match the disk; it is
        // listed, and refused by loadBitmap.
        const uint64_t expected = expectedTableSize(diskBytes_, info.granularityBits, clusterBits_);
        if (!info.inUse() && info.tableSize != expected) {
            throw Qcow2Error(path_, label,
                             "bitmap_table_size " + num(info.tableSize) + " does not match the disk: " +
                                 num(diskBytes_) + " bytes at granularity " + num(info.granularity) + " need " +
                                 num(expected) + " clusters of " + num(clusterSize()) + " bytes",
                             at + 8);
        }
        const uint64_t tableBytes = uint64_t(info.tableSize) * 8;
        if (info.tableOffset > fileBytes_ || tableBytes > fileBytes_ - info.tableOffset) {
            throw Qcow2Error(path_, label,
                             "bitmap table [" + num(info.tableOffset) + ", +" + num(tableBytes) +
                                 ") runs past the end of the file (" + num(fileBytes_) + " bytes)",
                             at);
        }
        if (!names.insert(info.name).second) {
            throw Qcow2Error(path_, label, "the name is used by an earlier entry", at + kEntryFixedBytes);
        }
        bitmaps_.push_back(std::move(info));
        pos += entryBytes;
    }
    if (pos != directoryBytes) {
        throw Qcow2Error(path_, "bitmap directory",
                         "nb_bitmaps " + num(count) + " entries end after " + num(pos) +
                             " bytes but bitmap_directory_size is " + num(directoryBytes),
                         directoryOffset + pos);
    }
    checkMetadataOverlaps(directoryOffset, directoryBytes);
}

// The bitmap directory and the bitmap tables are metadata, each read as its own structure, so no
// two of them may share a byte. Every one of them, and every data cluster, starts on a cluster
// boundary, so sharing a byte is the same as sharing a cluster. None can reach the header cluster:
// their offsets are non-zero multiples of the cluster size (checked where they are read).
// The tables of in-use bitmaps take part too: QEMU keeps them allocated.
void Qcow2Image::checkMetadataOverlaps(uint64_t directoryOffset, uint64_t directoryBytes)
{
    metadata_.clear();
    metadata_.reserve(bitmaps_.size() + 1);
    metadata_.push_back(MetadataExtent{directoryOffset, directoryBytes, MetadataExtent::kDirectory});
    for (const Qcow2BitmapInfo& b : bitmaps_) {
        metadata_.push_back(MetadataExtent{b.tableOffset, uint64_t(b.tableSize) * 8, b.index});
    }
    // By start; the directory (kDirectory) sorts after a table at the same byte.
    std::sort(metadata_.begin(), metadata_.end(), [](const MetadataExtent& a, const MetadataExtent& b) {
        return a.start != b.start ? a.start < b.start : a.entry < b.entry;
    });
    // Up to the first overlap the extents are disjoint, so the one before has the furthest end: an
    // extent overlaps an earlier one exactly when it starts before the end of the one before it.
    for (size_t i = 1; i < metadata_.size(); ++i) {
        const MetadataExtent& prev = metadata_[i - 1];
        const MetadataExtent& cur = metadata_[i];
        if (cur.start < prev.start + prev.bytes) {
            // Blame the table of the later directory entry; the directory itself is never blamed.
            const bool blamePrev = cur.entry == MetadataExtent::kDirectory ||
                                   (prev.entry != MetadataExtent::kDirectory && prev.entry > cur.entry);
            const MetadataExtent& table = blamePrev ? prev : cur;
            const MetadataExtent& other = blamePrev ? cur : prev;
            const Qcow2BitmapInfo& info = bitmaps_[table.entry];
            throw Qcow2Error(path_, "bitmap directory entry " + num(info.index) + " " + quotedName(info.name),
                             "bitmap table [" + num(table.start) + ", +" + num(table.bytes) + ") overlaps " +
                                 describe(other),
                             info.entryOffset);
        }
    }
}

std::string Qcow2Image::describe(const MetadataExtent& extent) const
{
    const std::string range = " [" + num(extent.start) + ", +" + num(extent.bytes) + ")";
    if (extent.entry == MetadataExtent::kDirectory) {
        return "the bitmap directory" + range;
    }
    const Qcow2BitmapInfo& info = bitmaps_[extent.entry];
    return "the bitmap table of directory entry " + num(info.index) + " " + quotedName(info.name) + range;
}

const Qcow2BitmapInfo* Qcow2Image::find(std::string_view name) const noexcept
{
    for (const Qcow2BitmapInfo& b : bitmaps_) {
        if (b.name == name) {
            return &b;
        }
    }
    return nullptr;
}

DirtyBitmap Qcow2Image::loadBitmap(std::string_view name) const
{
    const Qcow2BitmapInfo* info = find(name);
    if (!info) {
        throw Qcow2Error(path_, "bitmap " + quotedName(name),
                         bitmapsIgnored_ ? "not found (the bitmaps extension is ignored: autoclear_features bit 0 "
                                           "is clear, so every bitmap is stale)"
                                         : "not found (the image has " + num(bitmaps_.size()) + " bitmaps)");
    }
    return loadBitmap(*info);
}

DirtyBitmap Qcow2Image::loadBitmap(const Qcow2BitmapInfo& entry) const
{
    // Only an entry of this image's directory, as bitmaps() lists it: its fields were checked when
    // the image was opened, and the reads below trust them.
    const Qcow2BitmapInfo* info = entry.index < bitmaps_.size() ? &bitmaps_[entry.index] : nullptr;
    if (!info || info->entryOffset != entry.entryOffset || info->name != entry.name || info->flags != entry.flags ||
        info->type != entry.type || info->granularityBits != entry.granularityBits ||
        info->granularity != entry.granularity || info->tableOffset != entry.tableOffset ||
        info->tableSize != entry.tableSize || info->diskBytes != entry.diskBytes) {
        throw Qcow2Error(path_, "bitmap " + quotedName(entry.name),
                         "is not entry " + num(entry.index) + " of this image's bitmap directory (the image has " +
                             num(bitmaps_.size()) + " bitmaps)");
    }
    const std::string label = "bitmap directory entry " + num(info->index) + " " + quotedName(info->name);
    if (info->inUse()) {
        throw Qcow2Error(path_, label,
                         "in use (flags bit 0): the bitmap was not stored cleanly and is inconsistent, so it "
                         "cannot be loaded",
                         info->entryOffset + 12);
    }

    std::optional<DirtyBitmap> bitmap;
    try {
        bitmap.emplace(info->name, diskBytes_, info->granularity);
    } catch (const std::exception& e) {
        throw Qcow2Error(path_, label, std::string("cannot hold the bitmap: ") + e.what(), info->entryOffset);
    }
    HBitmap& bits = bitmap->bits();

    const std::string tableLabel = "bitmap " + quotedName(info->name) + " table";
    const std::vector<uint8_t> table = file_->read(info->tableOffset, uint64_t(info->tableSize) * 8, tableLabel);
    // One data cluster holds cluster * 8 bits, i.e. that many granules of disk.
    const uint64_t coverage = (clusterSize() * 8) << info->granularityBits;
    std::vector<uint8_t> buffer;
    for (uint32_t i = 0; i < info->tableSize; ++i) {
        const uint64_t entryAt = info->tableOffset + uint64_t(i) * 8;
        const std::string entryLabel = tableLabel + " entry " + num(i);
        const uint64_t entry = readBigEndian<uint64_t>(table.data() + uint64_t(i) * 8);
        if (entry & kTableReservedMask) {
            throw Qcow2Error(path_, entryLabel,
                             "entry " + hex(entry) + " has reserved bits " + hex(entry & kTableReservedMask) + " set",
                             entryAt);
        }
        const uint64_t dataOffset = entry & kTableOffsetMask;
        const uint64_t start = uint64_t(i) * coverage;
        if (start >= diskBytes_) {
            throw Qcow2Error(path_, entryLabel, "entry covers disk byte " + num(start) + ", past the end of the disk",
                             entryAt);
        }
        const uint64_t count = std::min(coverage, diskBytes_ - start);
        if (dataOffset == 0) {
            if (entry & kTableAllOnes) {
                bits.deserializeOnes(start, count, false);
            }
            continue;  // all zeroes: the bitmap starts clear
        }
        if (entry & kTableAllOnes) {
            throw Qcow2Error(path_, entryLabel,
                             "entry " + hex(entry) + " has bit 0 (all ones) set with a data cluster offset", entryAt);
        }
        if (dataOffset % clusterSize()) {
            throw Qcow2Error(path_, entryLabel,
                             "data cluster offset " + num(dataOffset) + " is not a multiple of the cluster size " +
                                 num(clusterSize()),
                             entryAt);
        }
        // A data cluster must not be the bitmap directory or a bitmap table (this bitmap's or
        // another's). Two entries may name the same data cluster: its bits are read the same way.
        // Only the extent starting at or before the cluster can reach it: every extent starts on a
        // cluster boundary, so the next one starts at or after the cluster's end.
        const auto after = std::upper_bound(metadata_.begin(), metadata_.end(), dataOffset,
                                            [](uint64_t offset, const MetadataExtent& m) { return offset < m.start; });
        if (after != metadata_.begin()) {
            const MetadataExtent& m = *std::prev(after);
            if (dataOffset - m.start < m.bytes) {
                throw Qcow2Error(path_, entryLabel,
                                 "data cluster [" + num(dataOffset) + ", +" + num(clusterSize()) + ") overlaps " +
                                     describe(m),
                                 entryAt);
            }
        }
        const uint64_t granules = (count >> info->granularityBits) +
                                  ((count & (info->granularity - 1)) != 0);
        const uint64_t bytes = (granules + 7) / 8;
        if (dataOffset > fileBytes_ || bytes > fileBytes_ - dataOffset) {
            throw Qcow2Error(path_, entryLabel,
                             "data cluster at byte " + num(dataOffset) + " (" + num(bytes) +
                                 " bytes of bitmap) runs past the end of the file (" + num(fileBytes_) + " bytes)",
                             entryAt);
        }
        buffer = file_->read(dataOffset, bytes, entryLabel + " data cluster");
        if (granules % 8 && (buffer.back() >> (granules % 8)) != 0) {
            throw Qcow2Error(path_, entryLabel + " data cluster",
                             "bits past the end of the disk are set (they must be 0)", dataOffset + bytes - 1);
        }
        buffer.resize(roundUp(bytes, 8), 0);
        bits.deserializePart(buffer, start, count, false);
    }
    bits.deserializeFinish();
    bitmap->setPersistent(true);
    bitmap->setEnabled(info->autoEnabled());
    return std::move(*bitmap);
}

} // namespace bitmig
