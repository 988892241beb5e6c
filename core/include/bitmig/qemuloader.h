// What a QEMU 7.2 destination's dirty-bitmap loader (migration/block-dirty-bitmap.c, savevm.c) does
// with a stream, record by record: whether it loads the bitmaps, drops every incoming bitmap and
// completes the migration, fails the migration, or aborts on an assertion. Each refusal carries the
// byte it is about and QEMU's own message. See docs/qemu-limits.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace bitmig {

// Ordered by severity: a later outcome of a stream is never milder than an earlier one.
enum class QemuOutcome : uint8_t {
    Loads,          // every bitmap arrives
    DropsBitmaps,   // the loader cancels: every incoming bitmap is released, the migration completes
    FailsMigration, // the loader returns an error: the migration fails
    Aborts,         // an assertion ends the destination process
};

// "loads", "drops-bitmaps", "fails-migration", "aborts".
std::string_view qemuOutcomeName(QemuOutcome outcome) noexcept;
std::optional<QemuOutcome> parseQemuOutcome(std::string_view name) noexcept;

// One thing the loader refuses.
struct QemuFinding {
    QemuOutcome outcome = QemuOutcome::Loads;
    uint64_t offset = 0;      // the byte of the refused field
    std::string check;        // "buffer-too-large", "granularity-mismatch", "unknown-node", "no-node",
                              // "unknown-bitmap", "bitmap-exists", "reserved-start-flags",
                              // "section-version", "bad-granularity", "unaligned-chunk"
    std::string qemuMessage;  // what QEMU prints (its wording; the assertion's text for an abort)
    std::string detail;       // the figures behind it

    friend bool operator==(const QemuFinding&, const QemuFinding&) = default;
};

// What the destination holds before the load. Unknown to a file alone: without `nodes`, the destination
// is assumed to have every node the stream names, with a disk that ends where the stream's last chunk
// of each bitmap ends; `bitmaps` are the bitmaps it already has (none assumed).
struct QemuDestination {
    std::optional<std::vector<std::string>> nodes;
    std::vector<std::pair<std::string, std::string>> bitmaps; // {node, name}
};

// The verdict: the outcome and the findings that led to it, in stream order. Drops come first (after
// one the loader reads on but checks only buffer sizes); a fatal finding (fails, aborts) is the last.
struct QemuLoadVerdict {
    QemuOutcome outcome = QemuOutcome::Loads;
    std::vector<QemuFinding> findings;
    bool assumedNodes = true;  // the destination's nodes were assumed, not given
    bool givenBitmaps = false; // the destination's bitmaps were given (otherwise: none assumed)

    // The finding that decides the outcome: the fatal one, or the first drop; nullptr when it loads.
    const QemuFinding* decisive() const noexcept;
};

// One record as the loader reads it. Offsets are of the stream or file the record came from.
struct QemuLoaderRecord {
    enum class Kind : uint8_t { Start, Complete, Bits, Eos, None };
    Kind kind = Kind::Eos;
    uint64_t offset = 0;                 // the record's first byte
    std::optional<std::string_view> node;   // set when the record names a node
    std::optional<std::string_view> bitmap; // set when it names a bitmap
    uint64_t nameOffset = 0;             // the first name field (offset + flag bytes)
    // START
    uint32_t granularity = 0;
    uint8_t startFlags = 0;
    uint64_t granularityOffset = 0;
    // BITS
    uint64_t startSector = 0;
    uint32_t nrSectors = 0;
    uint64_t startSectorOffset = 0;
    bool zeroes = false;
    uint64_t bufSize = 0;
    uint64_t bufSizeOffset = 0;
};

// Feeds records in stream order; tells what the destination did after each. A chunk whose count is not
// whole 64-bit words of bitmap aborts QEMU unless it ends in the destination bitmap's last bit; with an
// assumed disk (it ends where the stream's last chunk on that node ends) such a chunk is held until a
// later chunk ends beyond it (then it aborts) or the stream ends (then it was the last).
class QemuLoaderModel {
public:
    explicit QemuLoaderModel(QemuDestination destination = {});

    // A dirty-bitmap START section's version (QEMU loads only version 1).
    void section(uint32_t version, uint64_t versionOffset);
    void record(const QemuLoaderRecord& record);
    // The end of the stream: chunks still held were the last of their disk.
    void finish();

    // QEMU reads no further (a fatal finding).
    bool stopped() const noexcept { return stopped_; }
    bool cancelled() const noexcept { return cancelled_; }
    const QemuLoadVerdict& verdict() const noexcept { return verdict_; }

private:
    struct Node {
        uint64_t lastByte = 0; // the last byte any chunk on it reached, plus one
        std::vector<std::pair<size_t, uint64_t>> held; // {bitmap, offset}: chunks that must be its last
        std::vector<uint64_t> heldEnd;                 // their end (bytes)
    };
    struct Bitmap {
        std::string node, name;
        uint32_t granularity = 0; // 0: the destination's own bitmap, granularity not known
        bool held = false;        // a chunk of it is held (see above)
        Node* disk = nullptr; // its node's entry in disks_ (stable: a node-based map)
    };

    void add(QemuOutcome outcome, uint64_t offset, std::string check, std::string message, std::string detail);
    void cancel(uint64_t offset, std::string check, std::string message, std::string detail);
    void bits(const QemuLoaderRecord& r);
    void reach(Node& node, uint64_t end);
    bool hasNode(std::string_view node) const;
    std::optional<size_t> find(std::string_view node, std::string_view name) const;
    static std::string key(std::string_view node, std::string_view name);

    QemuDestination destination_;
    QemuLoadVerdict verdict_;
    std::vector<Bitmap> bitmaps_;                    // at the destination: its own, then those START made
    std::unordered_map<std::string, size_t> byName_; // key(node, name) -> index in bitmaps_
    std::unordered_set<std::string> nodes_;          // the given nodes
    std::unordered_map<std::string, Node> disks_;    // by node: what the chunks reached
    std::optional<std::string> node_;                // s->bs (its alias); unset when not known
    std::optional<std::string> streamNode_;          // the node the stream last named, cancelled or not
    std::optional<size_t> current_;                  // s->bitmap
    bool cancelled_ = false;
    bool stopped_ = false;
};

} // namespace bitmig
