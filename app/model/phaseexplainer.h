// Plain words for what the migration is doing now and why, for the explanation panel.
#pragma once

#include "simsnapshot.h"

#include <QString>

namespace bitmig {

class PhaseExplainer {
public:
    struct Text {
        QString title;  // "Dirty pass 3"
        QString body;   // a few sentences, plain text
    };
    static Text explain(const SimSnapshot& snapshot);
    // Whether the dirty phase can converge at the recent re-dirty rate (for the explanation and tests).
    static bool converging(const SimSnapshot& snapshot) noexcept;
};

} // namespace bitmig
