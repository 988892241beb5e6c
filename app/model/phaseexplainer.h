// Plain words for what the migration is doing now and why, for the explanation panel.
#pragma once

#include <bitmig/convergence.h>
#include <bitmig/simsnapshot.h>

#include <QString>

namespace bitmig {

class PhaseExplainer {
public:
    struct Text {
        QString title;  // "Dirty pass 3"
        QString body;   // a few sentences, plain text
    };
    static Text explain(const SimSnapshot& snapshot);
    // The convergence forecast of a precopy run, from the passes measured so far (see convergence.h).
    static ConvergenceForecast forecast(const SimSnapshot& snapshot);
    // One or two sentences: whether the dirty phase converges, in which pass, or why not.
    static QString verdict(const SimSnapshot& snapshot);
};

} // namespace bitmig
