#include <bitmig/runmemory.h>

#include <bitmig/migrationsummary.h>
#include <bitmig/snapshotbuilder.h>
#include <bitmig/streamencoder.h>
#include <bitmig/streamformat.h>
#include <bitmig/units.h>
#include <bitmig/zeropageallocator.h>

#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace bitmig {

namespace {

uint64_t ceilDiv(uint64_t a, uint64_t b) noexcept
{
    return a / b + (a % b != 0);
}

uint64_t bitsFor(uint64_t diskBytes, uint64_t granularity) noexcept
{
    return ceilDiv(diskBytes, granularity);
}

// A density index: one 32-bit counter per block of 2^log2 bits (HBitmap::enableDensityIndex).
uint64_t densityBytes(uint64_t bits, unsigned log2) noexcept
{
    return log2 ? std::max<uint64_t>(ceilDiv(bits, uint64_t(1) << log2), 1) * sizeof(uint32_t) : 0;
}

} // namespace

uint64_t hbitmapBytes(uint64_t bits) noexcept
{
    // As HBitmap::allocateLevels(): each level has one bit per word of the level below, at least one word.
    uint64_t total = 0;
    uint64_t n = bits;
    for (unsigned level = 0; level < 7; ++level) {
        n = std::max<uint64_t>(ceilDiv(n, 64), 1);
        total += n * sizeof(uint64_t);
    }
    return total;
}

RunMemory estimateRunMemory(const SimConfig& c, unsigned densityLog2)
{
    SimConfig::validateDisk(c.diskBytes, c.granularity);
    const uint64_t chunkBits = std::max<uint64_t>(c.chunkBytes, 1) * 8;
    const std::vector<DiskSpec> disks = c.diskList();
    RunMemory m;
    uint64_t chunks = 0;
    // Every bitmap of a layout has its own arrays (a disabled one too: the destination loads it).
    for (const BitmapSpec& b : c.bitmapList()) {
        const uint64_t diskBytes = b.disk < disks.size() ? disks[b.disk].bytes : c.diskBytes;
        SimConfig::validateDisk(diskBytes, b.granularity);
        const uint64_t bits = bitsFor(diskBytes, b.granularity);
        const uint64_t bitmapChunks = ceilDiv(bits, chunkBits);
        chunks += bitmapChunks;
        m.source += hbitmapBytes(bits);
        m.destination += hbitmapBytes(bits);
        m.startBits += uint64_t(b.startBits.size()) * sizeof(Range);
        m.density += 2 * densityBytes(bits, densityLog2);
        if (c.strategy == Strategy::Precopy) {
            m.meta += hbitmapBytes(bitmapChunks);
            m.density += densityBytes(bitmapChunks, densityLog2);
        }
        // The destination keeps a successor from START to COMPLETE. Only postcopy runs the guest there
        // before COMPLETE, so only postcopy can fill it; elsewhere its pages are never touched.
        if (c.strategy == Strategy::Postcopy) {
            m.successor += hbitmapBytes(bits);
        }
    }
    // The link keeps the bytes of the last tick and of the latency until they arrive (a vector: its
    // capacity reaches twice that), the decoder a tick's delivery until it has read it. Never more
    // than the records of every chunk at once.
    const uint64_t record = StreamEncoder::bitsHeaderSize(false, false, 0, 0, false) +
                            stream::bufSize(std::max<uint64_t>(c.chunkBytes, 8));
    const double inFlight = c.bandwidth > 0 ? c.bandwidth * (double(c.tickNs) + double(std::max<int64_t>(c.latencyNs, 0))) * 1e-9 : 0;
    const double wholeStream = double(chunks) * double(record);
    const double onLink = std::min(inFlight, wholeStream) + double(record);
    m.stream = onLink < 1e18 ? 3 * uint64_t(onLink) + (uint64_t(2) << 20) : ~uint64_t(0) / 4;
    // The time series is not counted: it grows with the run (one TimeSample per sample interval),
    // and a time limit is an upper bound, not how long a run lasts.
    m.bookkeeping = ceilDiv(chunks, 64) * sizeof(uint64_t);
    return m;
}

AvailableMemory availableMemory()
{
    AvailableMemory a;
    a.bytes = machineAvailableMemory();
    if (const char* limit = std::getenv("BITMIG_MEMORY_LIMIT"); limit && *limit) {
        uint64_t bytes = 0;
        try {
            bytes = units::parseSize(limit);
        } catch (const UnitError& e) {
            throw std::invalid_argument(std::string("BITMIG_MEMORY_LIMIT: ") + e.what());
        }
        // It replaces what the machine reports, lower or higher: higher lets a sparse run go whose
        // dense worst case would not fit (its untouched pages cost nothing).
        a.bytes = bytes;
        a.limited = true;
    }
    return a;
}

std::optional<uint64_t> machineAvailableMemory()
{
    std::ifstream meminfo("/proc/meminfo");
    std::string line;
    while (std::getline(meminfo, line)) {
        if (line.rfind("MemAvailable:", 0) == 0) {
            std::istringstream in(line.substr(13));
            uint64_t kib = 0;
            std::string unit;
            if (in >> kib >> unit && unit == "kB") {
                return kib * 1024;
            }
        }
    }
#if defined(_SC_AVPHYS_PAGES) && defined(_SC_PAGESIZE)
    const long pages = ::sysconf(_SC_AVPHYS_PAGES);
    const long pageSize = ::sysconf(_SC_PAGESIZE);
    if (pages > 0 && pageSize > 0) {
        return uint64_t(pages) * uint64_t(pageSize);
    }
#endif
    return std::nullopt;
}

std::optional<uint64_t> processAnonymousMemory()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("RssAnon:", 0) == 0) {
            std::istringstream in(line.substr(8));
            uint64_t kib = 0;
            std::string unit;
            if (in >> kib >> unit && unit == "kB") {
                return kib * 1024;
            }
        }
    }
    return std::nullopt;
}

uint64_t largestDiskThatFits(const SimConfig& config, uint64_t available, unsigned densityLog2)
{
    // The need grows with the disk: search the multiples of 512 bytes up to the largest disk the
    // granularity allows (2^41 bits).
    SimConfig c = config;
    auto fits = [&](uint64_t sectors) {
        c.diskBytes = sectors * 512;
        return estimateRunMemory(c, densityLog2).total() <= available;
    };
    const uint64_t maxBits = uint64_t(1) << 41;
    const uint64_t maxSectors =
        c.granularity / 512 > (~uint64_t(0) / 512) / maxBits ? ~uint64_t(0) / 512 : maxBits * (c.granularity / 512);
    uint64_t lo = 0, hi = maxSectors;  // fits(lo) or lo == 0; the answer is in [lo, hi]
    if (fits(hi)) {
        return hi * 512;
    }
    while (lo + 1 < hi) {
        const uint64_t mid = lo + (hi - lo) / 2;
        (fits(mid) ? lo : hi) = mid;
    }
    return lo * 512;
}

std::optional<ConfigError> memoryRefusal(const SimConfig& config, const AvailableMemory& available, unsigned densityLog2)
{
    const uint64_t needed = estimateRunMemory(config, densityLog2).total();
    if (!available.bytes || needed <= *available.bytes) {
        return std::nullopt;
    }
    ConfigArguments arguments{.value = ConfigQuantity::bytes(needed),
                              .max = ConfigQuantity::bytes(*available.bytes),
                              .granularity = ConfigQuantity::bytes(config.granularity),
                              .memoryLimited = available.limited};
    std::string why = "the run needs " + units::formatSize(needed) + " of memory for its bitmaps, " +
                      (available.limited ? "BITMIG_MEMORY_LIMIT allows " + units::formatSize(*available.bytes)
                                         : "this machine has " + units::formatSize(*available.bytes) + " available");
    // One disk can be made smaller; a layout's several are the user's to choose.
    if (uint64_t largest = config.hasLayout() ? 0 : largestDiskThatFits(config, *available.bytes, densityLog2)) {
        // Rounded down to a quarter of its unit, which formatSize() shows exactly ("42.75 TiB").
        uint64_t unit = 1;
        while (unit <= largest / 1024) {
            unit *= 1024;
        }
        const uint64_t step = std::max<uint64_t>(unit / 4, 512);
        largest = std::max(largest / step * step, uint64_t(512));
        arguments.largestDisk = ConfigQuantity::bytes(largest);
        why += "; at a granularity of " + units::formatSize(config.granularity) + " disks up to " +
               units::formatSize(largest) + " fit";
    }
    return ConfigError(ConfigField::Disk, ConfigErrorCode::TooLargeForMemory, std::move(arguments), why);
}

std::string memoryShortfall(const SimConfig& config, const AvailableMemory& available, unsigned densityLog2)
{
    const std::optional<ConfigError> refusal = memoryRefusal(config, available, densityLog2);
    return refusal ? refusal->reason() : std::string();
}

void checkRunMemory(const SimConfig& config, unsigned densityLog2)
{
    if (std::optional<ConfigError> refusal = memoryRefusal(config, availableMemory(), densityLog2)) {
        throw *refusal;
    }
}

std::optional<ConfigError> replacementRunMemoryRefusal(const SimConfig& config)
{
    try {
        SimConfig::validateDisk(config.diskBytes, config.granularity);  // the disk's own problems come first
    } catch (const ConfigError&) {
        return std::nullopt;
    }
    AvailableMemory available = availableMemory();
    if (available.bytes && !available.limited) {
        // The current run is dropped before the next is built: its bit arrays come back.
        *available.bytes += std::min<uint64_t>(detail::zeroedBytesInUse(), processAnonymousMemory().value_or(0));
    }
    const uint64_t bits = config.diskBytes / config.granularity + (config.diskBytes % config.granularity != 0);
    return memoryRefusal(config, available, SnapshotBuilder::densityLog2For(bits));
}

} // namespace bitmig
