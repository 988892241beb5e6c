// Waits that say what they wait for. A test waits on the signal that means the awaited thing
// (QSignalSpy::wait) or, where no signal says it, on the condition itself with waitUntil(). Qt's
// QTRY_* macros return from the function on failure, which a Catch2 test case does not notice:
// waitUntil() returns a value to REQUIRE or CHECK instead, and a timeout names the condition.
// Timeouts are generous: sanitizer builds run five to ten times slower.
#pragma once

#include <QTest>  // QTest::qWaitFor (QtCore)

#include <catch2/catch.hpp>

#include <string>
#include <utility>

namespace bitmig::test {

inline constexpr int kWaitMs = 20000;

// The outcome of a wait: true when the condition held in time.
struct Waited {
    bool ok = false;
    int timeoutMs = 0;
    std::string what;
    explicit operator bool() const noexcept { return ok; }
};

// Runs the event loop until `done()` holds or `timeoutMs` pass. Use as REQUIRE(waitUntil(...)).
template <class F>
[[nodiscard]] Waited waitUntil(F&& done, std::string what, int timeoutMs = kWaitMs)
{
    const bool ok = QTest::qWaitFor(std::forward<F>(done), timeoutMs);
    return Waited{ok, timeoutMs, std::move(what)};
}

} // namespace bitmig::test

namespace Catch {
template <>
struct StringMaker<bitmig::test::Waited> {
    static std::string convert(const bitmig::test::Waited& w)
    {
        return (w.ok ? "waited for: " : "timed out after " + std::to_string(w.timeoutMs) + " ms waiting for: ") +
               w.what;
    }
};
} // namespace Catch
