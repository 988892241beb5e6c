// Every parameter of one simulated bitmap migration (see shared migration model).
#pragma once

#include <bitmig/configerror.h>
#include <bitmig/hbitmap.h>
#include <bitmig/workload.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bitmig {

enum class Strategy { Precopy, Postcopy, StopAndCopy };

std::string_view strategyName(Strategy s) noexcept;  // "precopy", "postcopy", "stop-copy"
Strategy parseStrategy(std::string_view name);       // ConfigError (UnknownName) on an unknown name

// A write or a clear (trim, or a backup job resetting bits) scheduled at a simulated time.
struct Injection {
    enum class Op { Write, Clear };
    int64_t timeNs = 0;
    Op op = Op::Write;
    uint64_t offset = 0;
    uint64_t length = 0;
    friend bool operator==(const Injection&, const Injection&) = default;
};

std::string_view injectionOpName(Injection::Op op) noexcept;                 // "write", "clear"
std::optional<Injection::Op> parseInjectionOp(std::string_view name) noexcept;  // injectionOpName() read back

// One disk of the guest: a block node, named on the wire by `node`.
struct DiskSpec {
    std::string node = "drive0";
    uint64_t bytes = uint64_t(1) << 40;  // a multiple of 512
    friend bool operator==(const DiskSpec&, const DiskSpec&) = default;
};

// One dirty bitmap on a disk, with QEMU's state: a disabled bitmap records nothing (the guest's
// writes leave it alone) and is sent without START_FLAG_ENABLED; persistent sets START_FLAG_PERSISTENT.
struct BitmapSpec {
    size_t disk = 0;                              // index into SimConfig::disks
    std::string name = "bitmap0";
    uint64_t granularity = uint64_t(64) << 10;    // bytes per bit, power of two >= 512
    bool enabled = true;
    bool persistent = false;
    // The bits this bitmap holds when the run starts, as byte runs of its own disk (each granule a
    // run touches is set, as a write sets it), whether it records or not; empty: it starts clean.
    // Set before anything else happens: the injections and the workload add to them.
    std::vector<Range> startBits = {};
    friend bool operator==(const BitmapSpec&, const BitmapSpec&) = default;
};

struct SimConfig {
    uint64_t diskBytes = uint64_t(1) << 40;       // a multiple of 512
    uint64_t granularity = uint64_t(64) << 10;    // bytes per bitmap bit, power of two >= 512
    uint64_t chunkBytes = 1024;                   // bytes of bitmap per chunk, power of two 1 B .. 1 MiB
    Strategy strategy = Strategy::Precopy;
    double bandwidth = 125e6;                     // bytes per second (1 Gbit/s)
    int64_t latencyNs = 0;                        // one-way delay of the link
    int64_t maxDowntimeNs = 300'000'000;
    unsigned maxPasses = 30;                      // dirty passes before completion is forced
    uint64_t completeOnlyBelow = 0;               // seed's option: if the whole transfer is at most
                                                  // this many bytes, send it all in the complete phase
    int64_t tickNs = 1'000'000;
    int64_t migrationStartNs = 0;                 // the guest runs alone before this (-1: never by itself)
    int64_t timeLimitNs = int64_t(3600) * 1'000'000'000;  // a run stops here, finished or not
    int64_t sampleIntervalNs = 10'000'000;        // time-series bucket
    uint64_t seed = 1;
    WorkloadSpec workload;
    std::vector<Injection> injections;            // applied in time order
    // Link faults: at each time the link drops, as MigrationEngine::abort() (bytes in flight are
    // lost, the destination drops its partial bitmap, the source keeps every dirty bit). A fault
    // while no migration runs changes nothing. Applied in time order, at the start of the tick that
    // holds the time.
    std::vector<int64_t> faultsNs;
    // After a fault the migration starts again this long after the fault; -1: it stays cancelled
    // ("aborted") and the run ends there.
    int64_t faultRetryNs = -1;
    std::string deviceName = "drive0";
    std::string bitmapName = "bitmap0";
    // Several disks and bitmaps (see setLayout()). Empty: one disk (deviceName, diskBytes) with one
    // enabled bitmap (bitmapName, granularity), the fields above. The guest sees the disks laid end
    // to end in this order: its workload, injections and traces address that space, and a write
    // dirties every enabled bitmap of the disk it lands on. The bitmaps are sent in this order too,
    // disk by disk (QEMU sends per node, the newest bitmap first: list them that way).
    std::vector<DiskSpec> disks;
    std::vector<BitmapSpec> bitmaps;

    // Sets the layout, and the one-bitmap fields (diskBytes, granularity, deviceName, bitmapName) to
    // the first bitmap and its disk, which the views of a single bitmap show. The bitmaps are put in
    // sending order: by disk, in their order within each disk.
    void setLayout(std::vector<DiskSpec> diskList, std::vector<BitmapSpec> bitmapList);
    bool hasLayout() const noexcept { return !bitmaps.empty(); }
    // The layout in effect: `disks` and `bitmaps`, or the one disk and bitmap of the fields above.
    std::vector<DiskSpec> diskList() const;
    std::vector<BitmapSpec> bitmapList() const;
    // Bytes the guest addresses: every disk, end to end.
    uint64_t guestBytes() const noexcept;

    // ConfigError (a std::invalid_argument) for the first bad value: its what() is "field: reason",
    // its field(), code() and arguments() say the same for a front end to phrase.
    void validate() const;
    // The first checks of validate(): the disk size and the granularity alone (a ConfigError at
    // ConfigField::Disk or ConfigField::Granularity), for tools that take only those two (`bitmig geometry`).
    static void validateDisk(uint64_t diskBytes, uint64_t granularity);
    // The disks and bitmaps of a layout (validate() calls it): ConfigErrors at LayoutDisk* and
    // LayoutBitmap* with the element's index.
    void validateLayout() const;
    // Bandwidth * max downtime: the pending bytes at which precopy may stop the guest.
    double downtimeBudgetBytes() const noexcept { return bandwidth * double(maxDowntimeNs) * 1e-9; }
    friend bool operator==(const SimConfig&, const SimConfig&) = default;
};

} // namespace bitmig
