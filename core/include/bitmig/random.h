// A small, fully specified random generator, so the same seed gives the same run on every machine
// (std::uniform_*_distribution are implementation-defined; xoshiro256** and splitmix64 are not).
#pragma once

#include <cstdint>

namespace bitmig {

class Random {
public:
    explicit Random(uint64_t seed = 1) noexcept { reseed(seed); }

    void reseed(uint64_t seed) noexcept
    {
        uint64_t x = seed;
        for (auto& s : s_) {
            x += 0x9e3779b97f4a7c15ULL;  // splitmix64 fills the state from one word
            uint64_t z = x;
            z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
            z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
            s = z ^ (z >> 31);
        }
    }

    uint64_t next() noexcept
    {
        const uint64_t result = rotl(s_[1] * 5, 7) * 9;
        const uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }

    // Uniform in [0, bound) (bound > 0), by multiply-high: bias below 2^-64 * bound.
    uint64_t below(uint64_t bound) noexcept
    {
        return uint64_t((__uint128_t(next()) * bound) >> 64);
    }

    // Uniform in [0, 1) with 53 random bits.
    double unit() noexcept { return double(next() >> 11) * 0x1.0p-53; }

private:
    static uint64_t rotl(uint64_t x, int k) noexcept { return (x << k) | (x >> (64 - k)); }
    uint64_t s_[4];
};

} // namespace bitmig
