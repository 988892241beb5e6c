#pragma once

// Randomized tests draw fewer cases when the suite is built with the sanitizers (the asan preset):
// every case still runs every check, and the dev build runs the full count. Under AddressSanitizer a
// case costs several times as much, and the sanitizers find memory errors on the first case that
// reaches them, not by repetition.
namespace bitmig_test {

#ifdef BITMIG_SANITIZED
inline constexpr bool kSanitized = true;
#else
inline constexpr bool kSanitized = false;
#endif

// n cases in the dev build, a quarter of them (at least one) under the sanitizers.
constexpr unsigned long long randomCases(unsigned long long n)
{
    return kSanitized ? (n / 4 > 0 ? n / 4 : 1) : n;
}

} // namespace bitmig_test
