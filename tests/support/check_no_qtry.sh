#!/usr/bin/env bash
# Qt's QTRY_* macros report a failure to QTest and return from the function: inside a Catch2 test
# case nothing fails. The tests wait with bitmig::test::waitUntil() (tests/support/qtwait.h) instead.
# Usage: check_no_qtry.sh TESTS_DIR. Prints each use; exit status 1 if there is one.
set -u
dir=${1:?usage: check_no_qtry.sh TESTS_DIR}
hits=$(grep -rnE '\bQTRY_[A-Z_]+\s*\(' --include='*.cpp' --include='*.h' --include='*.hpp' "$dir")
if [ -n "$hits" ]; then
    echo "$hits"
    echo "QTRY_* cannot fail a Catch2 test: use REQUIRE(waitUntil(...)) from tests/support/qtwait.h"
    exit 1
fi
exit 0
