// Seeded guest write generators: the load that dirties the bitmap while it migrates.
#pragma once

#include <bitmig/random.h>
#include <bitmig/traceplayer.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace bitmig {

enum class WorkloadKind { Idle, Uniform, Sequential, HotSpot, Zipf, Bursts };

std::string_view workloadKindName(WorkloadKind kind) noexcept;  // "idle", "uniform", "hotspot", ...
// Accepts the names above (and "hot-spot"); ConfigError (UnknownName) otherwise.
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
    // A recorded trace replayed alongside the generator (set the kind to Idle to replay it alone).
    // The generator ignores it; MigrationEngine plays it.
    TraceReplay trace;

    // ConfigError "workload.field: reason" when a value is out of range for a disk of that size.
    void validate(uint64_t diskBytes) const;
    friend bool operator==(const WorkloadSpec&, const WorkloadSpec&) = default;
};

// One guest write: bytes [offset, offset + length) of the disk.
struct GuestWrite {
    uint64_t offset = 0;
    uint64_t length = 0;
};

// Produces the writes of one tick. Deterministic: the same spec, disk and seed give the same writes.
class WorkloadGenerator {
public:
    static constexpr size_t kBatch = 16;  // writes drawn ahead by generate() and generateBatches()

    WorkloadGenerator(const WorkloadSpec& spec, uint64_t diskBytes, uint64_t seed);

    const WorkloadSpec& spec() const noexcept { return spec_; }
    // Draws every length and Zipf rank from its formula, without the tables that answer most draws
    // (see workload.cpp): the writes must be the very same, which the tests check this way.
    void disableStepTables();
    // Changes the load from now on (the random stream continues).
    void setSpec(const WorkloadSpec& spec);

    // Calls write(offset, length) for each write that lands in the tick (tNs, tNs + dtNs]. The writes
    // are drawn up to kBatch ahead of the calls (a setSpec() from inside `write` applies after them).
    template <class Sink>
    void generate(int64_t tNs, int64_t dtNs, Sink&& write)
    {
        generateBatches(tNs, dtNs, [&write](std::span<const GuestWrite> batch) {
            for (const GuestWrite& w : batch) {
                write(w.offset, w.length);
            }
        });
    }

    // The same writes in the same order, handed over up to kBatch at a time, so that the caller
    // can prefetch what a batch touches before applying it.
    template <class BatchSink>
    void generateBatches(int64_t tNs, int64_t dtNs, BatchSink&& sink)
    {
        uint64_t n = writesIn(tNs, dtNs);
        GuestWrite batch[kBatch];
        while (n > 0) {
            const size_t k = n < kBatch ? size_t(n) : kBatch;
            draw(batch, k);
            sink(std::span<const GuestWrite>(batch, k));
            n -= k;
        }
    }

private:
    // A non-decreasing function of a 53-bit draw k (Random::unit() is k * 2^-53), tabulated by
    // where it steps up, so that most draws skip the floating-point math (see workload.cpp).
    struct StepTable {
        static constexpr uint32_t kUnknown = ~uint32_t(0);
        std::vector<uint64_t> steps;     // steps[j]: first k with value > base + j (then padding)
        std::vector<uint16_t> buckets;   // per range of k: how many steps lie below it
        uint32_t count = 0;              // steps listed
        unsigned shift = 53;             // k >> shift is the bucket
        uint64_t base = 0;               // value at k = 0
        bool complete = false;           // no step after the last one listed
        // value: the function; guess(v): an estimate of the first k with value(k) > v.
        void build(const std::function<uint64_t(uint64_t)>& value, const std::function<uint64_t(uint64_t)>& guess,
                   unsigned bucketBits);
        // The value at k, or kUnknown (beyond the table or near a step: evaluate the formula).
        uint32_t lookup(uint64_t k) const noexcept;
    };

    uint64_t writesIn(int64_t tNs, int64_t dtNs);
    void draw(GuestWrite* out, size_t n);  // the next n writes
    uint64_t drawLength();
    uint64_t lengthAt(double u) const noexcept;  // the formula behind drawLength()
    uint64_t drawOffset(uint64_t length);
    uint64_t zipfOffset(uint64_t length);
    uint64_t zipfRankAt(double u) const noexcept;  // the formula behind zipfOffset()'s rank
    uint64_t uniformOffset(uint64_t lo, uint64_t hi, uint64_t length);  // sector-aligned in [lo, hi)
    void prepare();

    WorkloadSpec spec_;
    uint64_t disk_;
    Random rng_;
    double carry_ = 0;           // fractional writes left over from earlier ticks
    uint64_t sequentialCursor_ = 0;
    uint64_t hotStart_ = 0, hotBytes_ = 0;
    uint64_t regionBytes_ = 0, regions_ = 0;
    uint64_t regionMask_ = 0;       // regions_ - 1 when regions_ is a power of two, else 0
    double zipfA_ = 0, zipfB_ = 0;  // inverse-CDF constants of the continuous Zipf approximation
    double logMinLen_ = 0, logSpan_ = 0;
    StepTable lengths_;  // (length - minWriteBytes) / 512
    StepTable ranks_;    // Zipf rank (only for a Zipf load)
    bool stepTables_ = true;
};

} // namespace bitmig
