#include <bitmig/qemuloader.h>

#include <bitmig/streamformat.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdio>

namespace bitmig {

namespace {

constexpr std::array<std::string_view, 4> kOutcomeNames = {"loads", "drops-bitmaps", "fails-migration", "aborts"};

std::string quoted(std::string_view s)
{
    return "'" + std::string(s) + "'";
}

// The assertions of util/hbitmap.c serialization_chunk(), which both deserialize_part and
// serialization_size go through.
constexpr const char* kAssertStart = "serialization_chunk: Assertion `(start & (gran - 1)) == 0' failed.";
constexpr const char* kAssertCount = "serialization_chunk: Assertion `(count & (gran - 1)) == 0' failed.";

} // namespace

std::string_view qemuOutcomeName(QemuOutcome outcome) noexcept
{
    return kOutcomeNames[size_t(outcome)];
}

std::optional<QemuOutcome> parseQemuOutcome(std::string_view name) noexcept
{
    for (size_t i = 0; i < kOutcomeNames.size(); ++i) {
        if (kOutcomeNames[i] == name) {
            return QemuOutcome(i);
        }
    }
    return std::nullopt;
}

const QemuFinding* QemuLoadVerdict::decisive() const noexcept
{
    if (outcome == QemuOutcome::Loads || findings.empty()) {
        return nullptr;
    }
    if (outcome == QemuOutcome::DropsBitmaps) {
        return &findings.front();
    }
    return &findings.back();
}

QemuLoaderModel::QemuLoaderModel(QemuDestination destination) : destination_(std::move(destination))
{
    verdict_.assumedNodes = !destination_.nodes.has_value();
    verdict_.givenBitmaps = !destination_.bitmaps.empty();
    if (destination_.nodes) {
        nodes_.insert(destination_.nodes->begin(), destination_.nodes->end());
    }
    for (const auto& [node, name] : destination_.bitmaps) {
        if (!find(node, name)) {
            byName_.emplace(key(node, name), bitmaps_.size());
            bitmaps_.push_back(Bitmap{node, name, 0, false, nullptr});
        }
    }
}

std::string QemuLoaderModel::key(std::string_view node, std::string_view name)
{
    std::string k;
    k.reserve(node.size() + 1 + name.size());
    k.append(node);
    k.push_back('\0'); // names hold no NUL that QEMU keeps: its reader copies them as C strings
    k.append(name);
    return k;
}

std::optional<size_t> QemuLoaderModel::find(std::string_view node, std::string_view name) const
{
    const auto it = byName_.find(key(node, name));
    if (it == byName_.end()) {
        return std::nullopt;
    }
    return it->second;
}

bool QemuLoaderModel::hasNode(std::string_view node) const
{
    return !destination_.nodes || nodes_.count(std::string(node)) > 0;
}

void QemuLoaderModel::add(QemuOutcome outcome, uint64_t offset, std::string check, std::string message,
                          std::string detail)
{
    if (stopped_) {
        return;
    }
    auto& f = verdict_.findings;
    // A fatal finding may concern an earlier byte (a held chunk): what QEMU would have read after it
    // never happened.
    const auto after = std::upper_bound(f.begin(), f.end(), offset,
                                        [](uint64_t at, const QemuFinding& x) { return at < x.offset; });
    if (outcome >= QemuOutcome::FailsMigration) {
        f.erase(after, f.end());
        f.push_back(QemuFinding{outcome, offset, std::move(check), std::move(message), std::move(detail)});
        stopped_ = true;
    } else {
        f.insert(after, QemuFinding{outcome, offset, std::move(check), std::move(message), std::move(detail)});
    }
    verdict_.outcome = QemuOutcome::Loads;
    for (const QemuFinding& x : f) {
        verdict_.outcome = std::max(verdict_.outcome, x.outcome);
    }
}

void QemuLoaderModel::cancel(uint64_t offset, std::string check, std::string message, std::string detail)
{
    if (cancelled_) {
        return;
    }
    add(QemuOutcome::DropsBitmaps, offset, std::move(check), std::move(message), std::move(detail));
    cancelled_ = true;
    node_.reset();
    current_.reset();
}

void QemuLoaderModel::section(uint32_t version, uint64_t versionOffset)
{
    if (version == stream::kSectionVersion) {
        return;
    }
    // savevm refuses a version above the device's own; dirty_bitmap_load() refuses any other with
    // -EINVAL and no message of its own.
    add(QemuOutcome::FailsMigration, versionOffset, "section-version",
        version > stream::kSectionVersion
            ? "savevm: unsupported version " + std::to_string(version) + " for 'dirty-bitmap' v1"
            : "error while loading state for instance 0x0 of device 'dirty-bitmap'",
        "dirty-bitmap section version " + std::to_string(version) + "; QEMU loads only version 1");
}

void QemuLoaderModel::record(const QemuLoaderRecord& r)
{
    using Kind = QemuLoaderRecord::Kind;
    if (stopped_) {
        return;
    }
    const bool nothing = r.kind == Kind::Eos;
    // dirty_bitmap_load_header()
    if (r.node) {
        streamNode_ = std::string(*r.node);
        if (!cancelled_) {
            if (!hasNode(*r.node)) {
                node_.reset();
                cancel(r.nameOffset, "unknown-node",
                       "Cannot find device=" + quoted(*r.node) + " nor node-name=" + quoted(*r.node),
                       "node " + quoted(*r.node) + " is not one of the destination's nodes");
            } else {
                node_ = std::string(*r.node);
            }
        }
    } else if (!node_ && !nothing && !cancelled_) {
        cancel(r.offset, "no-node", "Error: block device name is not set",
               "a record names no node and none was named before");
    }
    if (r.bitmap) {
        if (!cancelled_) {
            current_ = find(*node_, *r.bitmap);
            if (!current_ && r.kind != Kind::Start) {
                cancel(r.nameOffset, "unknown-bitmap",
                       "Error: unknown dirty bitmap " + quoted(*r.bitmap) + " for block device " + quoted(*node_),
                       "no START record began bitmap " + quoted(*r.bitmap) + " and the destination has none");
            }
        }
    } else if (!current_ && !nothing && !cancelled_) {
        cancel(r.offset, "no-node", "Error: block device name is not set",
               "a record names no bitmap and none was named before");
    }

    switch (r.kind) {
    case Kind::Start: {
        if (cancelled_) {
            return;
        }
        if (current_) {
            add(QemuOutcome::FailsMigration, r.nameOffset, "bitmap-exists",
                "Bitmap with the same name (" + quoted(bitmaps_[*current_].name) + ") already exists on destination",
                "node " + quoted(*node_) + " already has a bitmap " + quoted(bitmaps_[*current_].name));
            return;
        }
        if (r.granularity < stream::kSectorSize || !std::has_single_bit(r.granularity)) {
            add(QemuOutcome::Aborts, r.granularityOffset, "bad-granularity",
                "bdrv_create_dirty_bitmap: Assertion `is_power_of_2(granularity) && granularity >= "
                "BDRV_SECTOR_SIZE' failed.",
                "granularity " + std::to_string(r.granularity) + " is not a power of two of at least 512");
            return;
        }
        current_ = bitmaps_.size();
        byName_.emplace(key(*node_, *r.bitmap), bitmaps_.size());
        bitmaps_.push_back(Bitmap{*node_, std::string(*r.bitmap), r.granularity, false, &disks_[*node_]});
        if (r.startFlags & stream::kStartReservedMask) {
            char flags[8];
            std::snprintf(flags, sizeof flags, "%x", unsigned(r.startFlags));
            add(QemuOutcome::FailsMigration, r.granularityOffset + 4, "reserved-start-flags",
                std::string("Unknown flags in migrated dirty bitmap header: ") + flags,
                "START flags 0x" + std::string(flags) + " set reserved bits (mask 0xf8)");
        }
        return;
    }
    case Kind::Bits:
        bits(r);
        return;
    case Kind::Complete:
    case Kind::Eos:
    case Kind::None:
        return;
    }
}

void QemuLoaderModel::reach(Node& node, uint64_t end)
{
    if (end <= node.lastByte) {
        return;
    }
    node.lastByte = end;
    if (node.held.empty()) {
        return;
    }
    // A held chunk that ends in an earlier bit than the disk's new end was not the last: it aborted.
    for (size_t i = 0; i < node.held.size(); ++i) {
        const Bitmap& b = bitmaps_[node.held[i].first];
        const uint64_t g = b.granularity;
        if ((node.heldEnd[i] - 1) / g != (end - 1) / g) {
            add(QemuOutcome::Aborts, node.held[i].second, "unaligned-chunk", kAssertCount,
                "a chunk of bitmap " + quoted(b.name) + " is not whole 64-bit words of bitmap and is not its last");
            return;
        }
    }
}

void QemuLoaderModel::bits(const QemuLoaderRecord& r)
{
    // dirty_bitmap_load_bits(): a data chunk's buffer is checked against the cap first, even cancelled.
    if (!r.zeroes && r.bufSize > stream::kMaxBufSize) {
        add(QemuOutcome::FailsMigration, r.bufSizeOffset, "buffer-too-large",
            "Bitmap migration stream buffer allocation request is too large",
            "buffer of " + std::to_string(r.bufSize) + " bytes, above QEMU's limit of " +
                std::to_string(stream::kMaxBufSize));
        return;
    }
    const uint64_t startByte = r.startSector * stream::kSectorSize;
    const uint64_t count = uint64_t(r.nrSectors) * stream::kSectorSize;
    if (cancelled_ || !current_) {
        // Not deserialized; the assumed disk still reaches as far as the stream's chunks on the node.
        if (streamNode_) {
            reach(disks_[*streamNode_], startByte + count);
        }
        return;
    }
    Bitmap& b = bitmaps_[*current_];
    if (b.granularity == 0) {
        return; // the destination's own bitmap: its granularity is not known here
    }
    Node& disk = *b.disk;
    const uint64_t g = b.granularity;
    const uint64_t align = g * 64;
    const uint64_t end = startByte + count;
    reach(disk, end); // a held chunk that this one passes aborted first
    if (stopped_) {
        return;
    }
    if (startByte % align != 0) {
        add(QemuOutcome::Aborts, r.startSectorOffset, "unaligned-chunk", kAssertStart,
            "a chunk of bitmap " + quoted(b.name) + " starts at sector " + std::to_string(r.startSector) +
                ", not at a 64-bit word of the bitmap");
        return;
    }
    if (count % align != 0) {
        if ((end - 1) / g != (disk.lastByte - 1) / g) {
            add(QemuOutcome::Aborts, r.startSectorOffset, "unaligned-chunk", kAssertCount,
                "a chunk of bitmap " + quoted(b.name) + " is not whole 64-bit words of bitmap and is not its last");
            return;
        }
        if (!b.held) { // an earlier held chunk of this bitmap would abort first
            b.held = true;
            disk.held.emplace_back(*current_, r.startSectorOffset);
            disk.heldEnd.push_back(end);
        }
    }
    if (r.zeroes) {
        return;
    }
    const uint64_t nbits = (count + g - 1) / g;
    const uint64_t needed = (nbits + 63) / 64 * 8;
    if (r.bufSize < needed || r.bufSize > stream::bufSize(needed)) {
        cancel(r.bufSizeOffset, "granularity-mismatch",
               "Migrated bitmap granularity doesn't match the destination bitmap " + quoted(b.name) + " granularity",
               "buffer of " + std::to_string(r.bufSize) + " bytes for a chunk of " + std::to_string(needed) +
                   " bytes (QEMU takes " + std::to_string(needed) + " to " + std::to_string(stream::bufSize(needed)) +
                   ")");
    }
}

void QemuLoaderModel::finish()
{
    // Chunks still held end in their disk's last bit: QEMU accepted them.
    for (auto& [node, disk] : disks_) {
        for (const auto& [bitmap, offset] : disk.held) {
            bitmaps_[bitmap].held = false;
        }
        disk.held.clear();
        disk.heldEnd.clear();
    }
}

} // namespace bitmig
