// The memory a run needs, computed from its parameters before anything is allocated, and the
// memory this machine has available: a run that cannot fit is refused up front instead of ending
// in std::bad_alloc (or the kernel's OOM killer) part way through.
#pragma once

#include <bitmig/simconfig.h>

#include <cstdint>
#include <optional>
#include <string>

namespace bitmig {

// Bytes of the arrays a run can fill, by owner. Bit arrays are allocated as untouched zero pages,
// so a sparse run occupies far less; these are what a dense one (a guest writing everywhere, a
// bulk pass loading every chunk at the destination) reaches, and what must be there for the run
// to finish whatever the guest does.
struct RunMemory {
    uint64_t source = 0;       // the source dirty bitmap, every summary level
    uint64_t meta = 0;         // precopy's meta bitmap (one bit per chunk)
    uint64_t destination = 0;  // the bitmap the destination loads
    uint64_t successor = 0;    // postcopy: the destination's successor, which records the guest there
    uint64_t density = 0;      // density indexes of source, meta and destination (views only)
    uint64_t stream = 0;       // stream bytes on the link and in the destination's decoder
    uint64_t bookkeeping = 0;  // one bit per chunk ("sent once"); the time series grows with the run and is not counted
    uint64_t startBits = 0;    // the bitmaps' starting extents (BitmapSpec::startBits) the run's configuration holds

    uint64_t total() const noexcept
    {
        return source + meta + destination + successor + density + stream + bookkeeping + startBits;
    }
};

// Bytes of an HBitmap of `bits` bits: its bottom level and the six summary levels above it.
uint64_t hbitmapBytes(uint64_t bits) noexcept;

// What a run of `config` needs. densityLog2: the density index block (log2 of bits per block) a
// view enables on the bitmaps, 0 for none (the command line). std::invalid_argument from
// SimConfig::validateDisk() for a disk or granularity that no run can have; the rest of the
// configuration need not be valid.
RunMemory estimateRunMemory(const SimConfig& config, unsigned densityLog2 = 0);

// Memory a new run may have: what this machine can give it now without swapping (MemAvailable
// from /proc/meminfo, else the free physical pages from sysconf), or less when the environment
// variable BITMIG_MEMORY_LIMIT (a size: "8G", "512M") says so. `limited` tells which applies.
struct AvailableMemory {
    std::optional<uint64_t> bytes;  // std::nullopt: nothing is known, every run is let through
    bool limited = false;           // bytes come from BITMIG_MEMORY_LIMIT
};
// std::invalid_argument("BITMIG_MEMORY_LIMIT: ...") when the variable is set to something that is
// not a size.
AvailableMemory availableMemory();
// What this machine has, without the limit.
std::optional<uint64_t> machineAvailableMemory();
// The anonymous memory this process occupies (RssAnon from /proc/self/status), std::nullopt where
// unknown: what dropping the process's current run can give back at most.
std::optional<uint64_t> processAnonymousMemory();

// The largest disk (a multiple of 512 bytes) whose run, otherwise as `config`, needs at most
// `available` bytes; 0 if not even 512 bytes do.
uint64_t largestDiskThatFits(const SimConfig& config, uint64_t available, unsigned densityLog2 = 0);

// Empty when the run fits in `available` (or nothing is known about the machine), else why not,
// with both figures: "the run needs 256.03 GiB of memory for its bitmaps, this machine has 20.29 GiB
// available; at a granularity of 512 B disks up to 42.25 TiB fit".
std::string memoryShortfall(const SimConfig& config, const AvailableMemory& available, unsigned densityLog2 = 0);

// The same as a ConfigError at the disk (code TooLargeForMemory: needed bytes as `value`, the
// available ones as `max`, the granularity and the largest disk that fits), std::nullopt when the
// run fits; its reason() is memoryShortfall()'s text.
std::optional<ConfigError> memoryRefusal(const SimConfig& config, const AvailableMemory& available,
                                         unsigned densityLog2 = 0);

// The memory refusal of a run that replaces this process's current one, std::nullopt when it
// fits: memoryRefusal() at the density index a view of the run uses, counting what dropping the
// current run gives back (unless BITMIG_MEMORY_LIMIT sets the figure). A disk with problems of its
// own is not a memory problem here; std::invalid_argument when BITMIG_MEMORY_LIMIT is malformed.
std::optional<ConfigError> replacementRunMemoryRefusal(const SimConfig& config);

// Throws memoryRefusal()'s ConfigError ("disk: " + memoryShortfall(...)) when the run does not fit
// in the memory this machine has available (the field is the disk, as the CLI and scenario files
// name it).
void checkRunMemory(const SimConfig& config, unsigned densityLog2 = 0);

} // namespace bitmig
