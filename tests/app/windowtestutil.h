// A window for a test: shown at a size, its settings neither restored nor saved.
#pragma once

#include "app/mainwindow.h"

#include <QSettings>
#include <QTest>

#include <catch2/catch.hpp>

namespace bitmig::test {

// The settings a window reads when it is built: call before building it, for a window as on a
// first start (the test binary's settings live in a scratch folder, see tests/support/testmain.cpp).
inline void clearSettings()
{
    QSettings().clear();
}

// Shows `w` at width x height without reading or writing the settings, and waits until it is on
// screen.
inline void showAt(MainWindow& w, int width = 1400, int height = 900)
{
    w.setSettingsEnabled(false);
    w.resize(width, height);
    w.show();
    REQUIRE(QTest::qWaitForWindowExposed(&w));
}

} // namespace bitmig::test
