// Helpers shared by the benchmarks: a deterministic generator, timing, cross-checks and the
// row printer. Header-only; each bench_*.cpp is its own executable.
#pragma once

#include <bit>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

// The core library is built with -mpopcnt on x86-64 (core/CMakeLists.txt); give the flat
// baselines the same instruction so the comparison is fair.
#if (defined(__x86_64__) || defined(__i386__)) && (defined(__GNUC__) || defined(__clang__))
#define BENCH_POPCNT __attribute__((target("popcnt")))
#else
#define BENCH_POPCNT
#endif

#if defined(__GNUC__) || defined(__clang__)
#define POPC(x) unsigned(__builtin_popcountll(x))
#define CTZ(x) unsigned(__builtin_ctzll(x))
#else
#define POPC(x) unsigned(std::popcount(uint64_t(x)))
#define CTZ(x) unsigned(std::countr_zero(uint64_t(x)))
#endif

namespace bench {

// ---- keeping the optimiser honest --------------------------------------------------------

inline volatile uint64_t g_sink = 0;
inline volatile uint64_t g_pieceBytes = 1024;  // a size the compiler cannot see: memcpy goes to the C library

template <class T>
inline void escape(T* p)
{
#if defined(__GNUC__) || defined(__clang__)
    asm volatile("" : : "g"(p) : "memory");
#else
    g_sink = g_sink + uint64_t(reinterpret_cast<uintptr_t>(p) & 1);
#endif
}

inline void clobber()
{
#if defined(__GNUC__) || defined(__clang__)
    asm volatile("" : : : "memory");
#endif
}

// ---- deterministic random numbers (xoshiro256**, seeded by splitmix64) -------------------

class Rng {
public:
    explicit Rng(uint64_t seed)
    {
        for (auto& s : s_) {
            seed += 0x9e3779b97f4a7c15ull;
            uint64_t z = seed;
            z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
            z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
            s = z ^ (z >> 31);
        }
    }
    uint64_t next() noexcept
    {
        const uint64_t r = std::rotl(s_[1] * 5, 7) * 9;
        const uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = std::rotl(s_[3], 45);
        return r;
    }
    // Uniform in [0, n), n >= 1 (Lemire's multiply-shift; the bias is negligible here).
    uint64_t below(uint64_t n) noexcept
    {
#if defined(__SIZEOF_INT128__)
        __extension__ using u128 = unsigned __int128;
        return uint64_t((u128(next()) * n) >> 64);
#else
        return next() % n;
#endif
    }
    // Uniform in (0, 1].
    double unit() noexcept { return double((next() >> 11) + 1) * 0x1.0p-53; }

private:
    uint64_t s_[4];
};

// ---- timing ------------------------------------------------------------------------------

using Clock = std::chrono::steady_clock;

template <class F>
inline double timed(F&& f)
{
    const auto t0 = Clock::now();
    f();
    const auto t1 = Clock::now();
    return std::chrono::duration<double>(t1 - t0).count();
}

// ---- errors and output -------------------------------------------------------------------

inline const char* g_program = "bench";  // the executable, for messages
inline int g_nameWidth = 26;              // width of the name column

[[noreturn]] inline void fail(const std::string& what)
{
    std::fprintf(stderr, "%s: CROSS-CHECK FAILED: %s\n", g_program, what.c_str());
    std::exit(2);
}

inline void check(bool ok, const std::string& what)
{
    if (!ok) {
        fail(what);
    }
}

inline std::string fmtRate(double perSecond, const char* unit)
{
    const char* prefix = "";
    double v = perSecond;
    if (v >= 1e9) {
        v /= 1e9;
        prefix = "G";
    } else if (v >= 1e6) {
        v /= 1e6;
        prefix = "M";
    } else if (v >= 1e3) {
        v /= 1e3;
        prefix = "k";
    }
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f %s%s", v >= 100 ? 0 : v >= 10 ? 1 : 2, v, prefix, unit);
    return buf;
}

inline std::string fmtFixed(double v, int decimals, const char* unit)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f %s", decimals, v, unit);
    return buf;
}

inline std::string fmtRatio(double r)
{
    char buf[64];
    if (r >= 1e4) {
        std::snprintf(buf, sizeof buf, "%.1ex", r);
    } else {
        std::snprintf(buf, sizeof buf, "%.*fx", r >= 100 ? 0 : r >= 10 ? 1 : 3, r);
    }
    return buf;
}

enum class Goal { None, AtLeast, AtMost };

inline int g_failedTargets = 0;

inline void printHeader()
{
    std::printf("%-*s %16s %16s %10s %9s  %s\n", g_nameWidth, "name", "ours", "baseline", "ratio", "target",
                "result");
    std::printf("%s\n", std::string(size_t(g_nameWidth) + 1 + 16 + 1 + 16 + 1 + 10 + 1 + 9 + 2 + 6, '-').c_str());
}

inline void row(const char* name, const std::string& ours, const std::string& base, double ratio, Goal goal,
         double target)
{
    char tgt[32] = "-";
    const char* result = "-";
    if (goal != Goal::None) {
        std::snprintf(tgt, sizeof tgt, "%s%.*fx", goal == Goal::AtLeast ? ">=" : "<=",
                      target >= 10 ? 0 : 2, target);
        const bool ok = goal == Goal::AtLeast ? ratio >= target : ratio <= target;
        result = ok ? "PASS" : "FAIL";
        g_failedTargets += !ok;
    }
    std::printf("%-*s %16s %16s %10s %9s  %s\n", g_nameWidth, name, ours.c_str(), base.c_str(),
                fmtRatio(ratio).c_str(), tgt, result);
    std::fflush(stdout);
}


} // namespace bench
