#include "phasepalette.h"

namespace bitmig {

std::optional<PhasePalette::Band> PhasePalette::bandOf(Phase phase, unsigned pass) noexcept
{
    switch (phase) {
    case Phase::Setup:
        return Band::Setup;
    case Phase::Bulk:
        return Band::Bulk;
    case Phase::Dirty:
        return pass % 2 == 0 ? Band::DirtyEven : Band::DirtyOdd;
    case Phase::Complete:
        return Band::Complete;
    case Phase::Idle:
    case Phase::Done:
    case Phase::Cancelled:
        break;
    }
    return std::nullopt;
}

QColor PhasePalette::color(Band band, bool dark)
{
    switch (band) {
    case Band::Setup:
        return dark ? QColor(0xa0, 0xa0, 0xa0) : QColor(0x80, 0x80, 0x80);
    case Band::Bulk:
        return QColor(0x56, 0xb4, 0xe9);  // sky blue
    case Band::DirtyOdd:
        return QColor(0xe6, 0x9f, 0x00);  // orange
    case Band::DirtyEven:
        return QColor(0xf0, 0xd0, 0x40);  // a yellow near Okabe-Ito's, so the two passes read as one kind
    case Band::Complete:
        return QColor(0xcc, 0x79, 0xa7);  // reddish purple: the guest is paused
    }
    return {};
}

QColor PhasePalette::bandFill(Band band, bool dark)
{
    QColor c = color(band, dark);
    // Dark backgrounds swallow translucent colour, so they get more of it.
    c.setAlpha(dark ? 70 : 55);
    return c;
}

bool PhasePalette::isDark(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightnessF() < palette.color(QPalette::WindowText).lightnessF();
}

} // namespace bitmig
