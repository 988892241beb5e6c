// A hand-made snapshot's configuration to set up in a test. Snapshots share their run's
// configuration (SimSnapshot::config points to one immutable SimConfig); a test that builds a
// snapshot gives it its own copy to edit.
#pragma once

#include <bitmig/simsnapshot.h>

#include <memory>

namespace bitmig::test {

inline SimConfig& editConfig(SimSnapshot& s)
{
    auto own = std::make_shared<SimConfig>(*s.config);
    SimConfig& config = *own;
    s.config = std::move(own);
    return config;
}

} // namespace bitmig::test
