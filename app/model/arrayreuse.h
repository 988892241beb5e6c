// The bit arrays of a run that is replaced, kept for the run that replaces it: a Reset, a new
// chunk size or another scenario of the same disks starts on memory the system has given already,
// instead of fresh pages it must zero at every first write (see detail::BlockReuse). The arrays
// are kept from the replacement until the new run has built all of its own (its sources when it
// is built, its destinations at the migration's START) or has finished; what it did not take is
// given back then, or as soon as the new run is built when its bitmaps are of other sizes or no
// migration is scheduled (a mapped block of another length unmaps them even sooner). A worker
// holds one and calls built() after the replacement and settle() after its ticks.
#pragma once

#include <bitmig/migrationengine.h>
#include <bitmig/zeropageallocator.h>

#include <algorithm>
#include <optional>
#include <vector>

namespace bitmig {

class ArrayReuse {
public:
    // Before the old run (null: none) is dropped.
    void beginReplacement(const MigrationEngine* old)
    {
        if (!reuse_) {
            reuse_.emplace();
        }
        oldSizes_ = old ? sizes(*old) : std::vector<uint64_t>{};
    }
    // The new run is built (its sources took what they could): the rest is kept for its
    // destinations only if they are the old run's sizes and a migration is scheduled to make them,
    // else given back now.
    void built(const MigrationEngine& fresh)
    {
        if (reuse_ && (sizes(fresh) != oldSizes_ || fresh.config().migrationStartNs < 0)) {
            reuse_.reset();
        }
    }
    // The replacement failed, or there is no run: nothing to keep arrays for.
    void end() noexcept { reuse_.reset(); }
    bool active() const noexcept { return reuse_.has_value(); }
    // After a tick of the new run: the reuse ends once `built` says the run has all its arrays.
    void settle(bool built) noexcept
    {
        if (reuse_ && built) {
            reuse_.reset();
        }
    }
    // Every array the engine will have is there: each bitmap's destination exists, or the run is over.
    static bool arraysBuilt(const MigrationEngine& engine) noexcept
    {
        if (engine.finished()) {
            return true;
        }
        for (size_t i = 0; i < engine.bitmapCount(); ++i) {
            if (!engine.destination(i)) {
                return false;
            }
        }
        return true;
    }

private:
    // The bit counts of the run's bitmaps, sorted: what its arrays' sizes follow from.
    static std::vector<uint64_t> sizes(const MigrationEngine& engine)
    {
        std::vector<uint64_t> bits;
        for (size_t i = 0; i < engine.bitmapCount(); ++i) {
            bits.push_back(engine.source(i).bits().bitCount());
        }
        std::sort(bits.begin(), bits.end());
        return bits;
    }

    std::optional<detail::BlockReuse> reuse_;
    std::vector<uint64_t> oldSizes_;
};

} // namespace bitmig
