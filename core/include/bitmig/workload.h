// Seeded guest write generators: the load that dirties the bitmap while it migrates.
#pragma once

#include "bitmig/random.h"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace bitmig {

enum class WorkloadKind { Idle, Uniform, Sequential, HotSpot, Zipf, Bursts };

std::string_view workloadKindName(WorkloadKind kind) noexcept;  // "idle", "uniform", "hotspot", ...
// Accepts the names above (and "hot-spot"); std::invalid_argument otherwise.
WorkloadKind parseWorkloadKind(std::string_view name);
std::vector<WorkloadKind> allWorkloadKinds();

struct WorkloadSpec {
    WorkloadKind kind = WorkloadKind::Uniform;
    double rate = 20000;            // writes per second (for bursts: the average)
    uint64_t minWriteBytes = 4096;  // write sizes are log-uniform in [min, max], multiples of 512
    uint64_t maxWriteBytes = 65536;
    double hotFraction = 0.05;      // hot spot: share of the disk that is hot
    double hotShare = 0.9;          // hot spot: share of writes that land in it
    double zipfExponent = 1.1;      // Zipf: skew over 1 MiB regions
    int64_t burstPeriodNs = 1'000'000'000;  // bursts: all writes in the first `burstDuty` of each period
    double burstDuty = 0.2;

    // std::invalid_argument naming the field when a value is out of range for a disk of that size.
    void validate(uint64_t diskBytes) const;
    friend bool operator==(const WorkloadSpec&, const WorkloadSpec&) = default;
};

// Produces the writes of one tick. Deterministic: the same spec, disk and seed give the same writes.
class WorkloadGenerator {
public:
    WorkloadGenerator(const WorkloadSpec& spec, uint64_t diskBytes, uint64_t seed);

    const WorkloadSpec& spec() const noexcept { return spec_; }
    // Changes the load from now on (the random stream continues).
    void setSpec(const WorkloadSpec& spec);

    // Calls write(offset, length) for each write that lands in the tick (tNs, tNs + dtNs].
    template <class Sink>
    void generate(int64_t tNs, int64_t dtNs, Sink&& write)
    {
        const uint64_t n = writesIn(tNs, dtNs);
        for (uint64_t i = 0; i < n; ++i) {
            uint64_t length = drawLength();
            write(drawOffset(length), length);
        }
    }

private:
    uint64_t writesIn(int64_t tNs, int64_t dtNs);
    uint64_t drawLength();
    uint64_t drawOffset(uint64_t length);
    uint64_t uniformOffset(uint64_t lo, uint64_t hi, uint64_t length);  // sector-aligned in [lo, hi)
    void prepare();

    WorkloadSpec spec_;
    uint64_t disk_;
    Random rng_;
    double carry_ = 0;           // fractional writes left over from earlier ticks
    uint64_t sequentialCursor_ = 0;
    uint64_t hotStart_ = 0, hotBytes_ = 0;
    uint64_t regionBytes_ = 0, regions_ = 0;
    double zipfA_ = 0, zipfB_ = 0;  // inverse-CDF constants of the continuous Zipf approximation
    double logMinLen_ = 0, logSpan_ = 0;
};

} // namespace bitmig
