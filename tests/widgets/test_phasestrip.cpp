// PhaseStrip: the steps it shows for each strategy, what it tells a screen reader, and that the
// current step is painted in the highlight colour.
#include "enginerun.h"
#include "widgets/phasestrip.h"
#include "tests/support/snapshotconfig.h"

#include <QImage>

#include <catch2/catch.hpp>

#include <memory>

using namespace bitmig;
using bitmig::test::editConfig;

namespace {

constexpr int64_t kMs = 1'000'000;

std::shared_ptr<SimSnapshot> precopyInPass(unsigned pass, bool playing = false)
{
    auto s = std::make_shared<SimSnapshot>();
    editConfig(*s).strategy = Strategy::Precopy;
    editConfig(*s).maxPasses = 30;
    s->phase = Phase::Dirty;
    s->pass = pass;
    s->playing = playing;
    s->phases = {{Phase::Setup, 0, 2000 * kMs, 2010 * kMs}, {Phase::Bulk, 0, 2010 * kMs, 2700 * kMs}};
    int64_t t = 2700 * kMs;
    for (unsigned k = 1; k <= pass; ++k) {
        s->phases.push_back({Phase::Dirty, k, t, k == pass ? -1 : t + 100 * kMs});
        t += 100 * kMs;
    }
    s->nowNs = t - 40 * kMs;
    return s;
}

QStringList labels(const PhaseStrip& strip)
{
    QStringList out;
    for (const auto& step : strip.steps()) {
        out << step.label;
    }
    return out;
}

bool near(QColor a, QColor b, int tolerance = 3)
{
    return std::abs(a.red() - b.red()) <= tolerance && std::abs(a.green() - b.green()) <= tolerance &&
           std::abs(a.blue() - b.blue()) <= tolerance;
}

} // namespace

TEST_CASE("phase strip: precopy steps, current pass and finished times", "[phasestrip]")
{
    PhaseStrip strip;
    strip.resize(1200, strip.sizeHint().height());
    strip.setSnapshot(precopyInPass(3));

    CHECK(labels(strip) == QStringList{QStringLiteral("setup"), QStringLiteral("bulk"), QStringLiteral("dirty 1"),
                                       QStringLiteral("dirty 2"), QStringLiteral("dirty 3"),
                                       QStringLiteral("complete (guest paused)"), QStringLiteral("done")});
    REQUIRE(strip.activeStep() == 4);
    const auto steps = strip.steps();
    CHECK(steps[0].state == PhaseStrip::StepState::Finished);
    CHECK(steps[0].detail == QStringLiteral("10 ms"));
    CHECK(steps[1].detail == QStringLiteral("690 ms"));
    CHECK(steps[4].detail == QStringLiteral("60 ms"));  // elapsed so far
    CHECK(steps[5].state == PhaseStrip::StepState::Future);
    CHECK(strip.passText() == QStringLiteral("pass 3 of max 30"));

    const QString description = strip.accessibleDescription();
    CHECK(description.contains(QStringLiteral("Current phase: dirty pass 3")));
    CHECK(description.contains(QStringLiteral("pass 3 of max 30")));
    CHECK(description.contains(QStringLiteral("bulk 690 ms")));
    CHECK_FALSE(strip.accessibleName().isEmpty());
}

TEST_CASE("phase strip: before the first dirty pass a placeholder shows what comes", "[phasestrip]")
{
    PhaseStrip strip;
    strip.resize(1200, strip.sizeHint().height());
    auto s = std::make_shared<SimSnapshot>();
    s->phase = Phase::Bulk;
    s->phases = {{Phase::Setup, 0, 0, 10 * kMs}, {Phase::Bulk, 0, 10 * kMs, -1}};
    s->nowNs = 300 * kMs;
    strip.setSnapshot(s);
    CHECK(labels(strip) == QStringList{QStringLiteral("setup"), QStringLiteral("bulk"),
                                       QStringLiteral("dirty passes"), QStringLiteral("complete (guest paused)"),
                                       QStringLiteral("done")});
    CHECK(strip.activeStep() == 1);
    CHECK(strip.accessibleDescription().contains(QStringLiteral("Current phase: bulk")));
}

TEST_CASE("phase strip: postcopy and stop-and-copy have their own steps", "[phasestrip]")
{
    PhaseStrip strip;
    strip.resize(1200, strip.sizeHint().height());

    auto post = std::make_shared<SimSnapshot>();
    editConfig(*post).strategy = Strategy::Postcopy;
    post->phase = Phase::Bulk;
    post->guestAtDestination = true;
    post->phases = {{Phase::Setup, 0, 0, 5 * kMs}, {Phase::Bulk, 0, 5 * kMs, -1}};
    post->nowNs = 50 * kMs;
    strip.setSnapshot(post);
    CHECK(labels(strip) == QStringList{QStringLiteral("setup"), QStringLiteral("switch-over"),
                                       QStringLiteral("bulk (guest at destination)"), QStringLiteral("complete"),
                                       QStringLiteral("done")});
    CHECK(strip.steps()[1].state == PhaseStrip::StepState::Finished);
    CHECK(strip.activeStep() == 2);

    auto stop = std::make_shared<SimSnapshot>();
    editConfig(*stop).strategy = Strategy::StopAndCopy;
    stop->phase = Phase::Done;
    stop->phases = {{Phase::Setup, 0, 0, 1 * kMs},
                    {Phase::Complete, 0, 1 * kMs, 700 * kMs},
                    {Phase::Done, 0, 700 * kMs, 700 * kMs}};
    stop->summary.totalTimeNs = 700 * kMs;
    stop->nowNs = 800 * kMs;
    strip.setSnapshot(stop);
    CHECK(labels(strip) == QStringList{QStringLiteral("setup"), QStringLiteral("complete (guest paused)"),
                                       QStringLiteral("done")});
    CHECK(strip.activeStep() == 2);
    CHECK(strip.steps()[1].detail == QStringLiteral("699 ms"));
    CHECK(strip.accessibleDescription().contains(QStringLiteral("Current phase: done")));
}

TEST_CASE("phase strip: a cancelled attempt, then a retry", "[phasestrip]")
{
    PhaseStrip strip;
    strip.resize(1200, strip.sizeHint().height());
    auto s = std::make_shared<SimSnapshot>();
    s->phase = Phase::Cancelled;
    s->phases = {{Phase::Setup, 0, 0, 10 * kMs},
                 {Phase::Bulk, 0, 10 * kMs, 200 * kMs},
                 {Phase::Cancelled, 0, 200 * kMs, 200 * kMs}};
    s->nowNs = 250 * kMs;
    strip.setSnapshot(s);
    REQUIRE(strip.activeStep() >= 0);
    CHECK(strip.steps()[size_t(strip.activeStep())].label == QStringLiteral("cancelled"));
    CHECK(strip.steps()[size_t(strip.activeStep())].state == PhaseStrip::StepState::Failed);

    auto retry = std::make_shared<SimSnapshot>(*s);
    retry->phase = Phase::Setup;
    retry->phases.push_back({Phase::Setup, 0, 300 * kMs, -1});
    retry->nowNs = 305 * kMs;
    strip.setSnapshot(retry);
    CHECK(strip.activeStep() == 0);
    CHECK(strip.steps()[1].state == PhaseStrip::StepState::Future);  // the old bulk belongs to the old attempt
}

TEST_CASE("phase strip: many passes fold into one step when narrow", "[phasestrip]")
{
    PhaseStrip strip;
    strip.resize(700, strip.sizeHint().height());
    strip.setSnapshot(precopyInPass(25));
    const auto steps = strip.steps();
    CHECK(steps.size() < 25);
    CHECK(steps[2].label.startsWith(QStringLiteral("dirty 1")));
    REQUIRE(strip.activeStep() >= 0);
    CHECK(steps[size_t(strip.activeStep())].label == QStringLiteral("dirty 25"));
    CHECK(strip.stepRect(int(steps.size()) - 1).right() < 700);
}

TEST_CASE("phase strip: the active step is painted in the highlight colour", "[phasestrip]")
{
    PhaseStrip strip;
    strip.resize(1200, strip.sizeHint().height());
    strip.setSnapshot(precopyInPass(2));
    const int active = strip.activeStep();
    REQUIRE(active >= 0);
    const QRect r = strip.stepRect(active);
    REQUIRE(r.isValid());

    const QImage image = strip.grab().toImage();
    const qreal dpr = image.devicePixelRatio();
    auto pixel = [&](QPoint p) { return image.pixelColor(QPointF(p * dpr).toPoint()); };
    // Left of the centred label and above the phase colour bar.
    const QPoint inside(r.left() + 3, r.center().y() - 2);
    CHECK(near(pixel(inside), strip.activeColor()));
    // A finished step is not highlighted.
    const QRect first = strip.stepRect(0);
    CHECK_FALSE(near(pixel(QPoint(first.left() + 3, first.center().y() - 2)), strip.activeColor(), 20));
}

TEST_CASE("phase strip: the sweep runs only while the simulation plays", "[phasestrip]")
{
    PhaseStrip strip;
    strip.resize(1200, strip.sizeHint().height());
    strip.show();
    strip.setSnapshot(precopyInPass(1, /*playing=*/false));
    CHECK_FALSE(strip.isAnimating());
    strip.setSnapshot(precopyInPass(1, /*playing=*/true));
    CHECK(strip.isAnimating());
    strip.hide();
    CHECK_FALSE(strip.isAnimating());
    strip.show();
    CHECK(strip.isAnimating());

    auto done = precopyInPass(1, true);
    done->phase = Phase::Done;
    strip.setSnapshot(done);
    CHECK_FALSE(strip.isAnimating());
}

TEST_CASE("phase strip: a real engine run", "[phasestrip][engine]")
{
    const auto snapshots = testing::engineSnapshots(testing::realisticConfig());
    PhaseStrip strip;
    strip.resize(1100, strip.sizeHint().height());
    strip.show();
    bool sawPass3 = false;
    for (const auto& s : snapshots) {
        strip.setSnapshot(s);
        if (s->phase == Phase::Dirty && s->pass == 3 && !sawPass3) {
            sawPass3 = true;
            CHECK(strip.isAnimating());
            CHECK(strip.accessibleDescription().contains(QStringLiteral("dirty pass 3")));
            testing::saveScreenshot(strip, QStringLiteral("phasestrip-running"));
            strip.setPalette(testing::darkPalette());
            testing::saveScreenshot(strip, QStringLiteral("phasestrip-running-dark"));
            strip.setPalette(QPalette());
        }
    }
    CHECK(sawPass3);
    CHECK(strip.accessibleDescription().startsWith(QStringLiteral("Current phase: done")));
    CHECK_FALSE(strip.isAnimating());
    testing::saveScreenshot(strip, QStringLiteral("phasestrip-done"));

    // Thirty passes without converging, in a narrow strip.
    SimConfig stubborn = testing::realisticConfig();
    stubborn.maxDowntimeNs = 30'000'000;
    const auto capped = testing::engineSnapshots(stubborn, 100'000'000);
    strip.resize(800, strip.height());
    strip.setSnapshot(capped.back());
    CHECK(strip.passText().contains(QStringLiteral("did not converge")));
    CHECK(strip.stepRect(int(strip.steps().size()) - 1).right() < 800);
    testing::saveScreenshot(strip, QStringLiteral("phasestrip-capped"));
}

TEST_CASE("phase strip: the pass counter on one line, two, in the small font, or cut with an ellipsis", "[phasestrip]")
{
    PhaseStrip strip;
    strip.resize(1200, strip.sizeHint().height());
    strip.show();  // a visible widget is laid out again at each resize
    strip.setSnapshot(precopyInPass(25));
    const QString text = strip.passText();
    REQUIRE(text == QStringLiteral("pass 25 of max 30"));
    CHECK(strip.passLines() == QStringList{text});
    CHECK_FALSE(strip.isPassTextElided());
    CHECK_FALSE(strip.isPassTextSmall());
    // Narrower and narrower: the steps give way first, the counter stays whole as long as it can.
    bool sawTwoLines = false, sawSmall = false, sawElided = false;
    for (int width = 1200; width >= 200; width -= 10) {
        strip.resize(width, strip.height());
        INFO(width << " px: " << strip.passLines().join(QLatin1Char('|')).toStdString());
        for (int k = 0; k < int(strip.steps().size()); ++k) {
            CHECK(strip.stepRect(k).left() >= 0);
        }
        CHECK(strip.passLines().size() <= 3);
        if (strip.isPassTextElided()) {
            if (strip.passLines().isEmpty()) {
                // Narrower than the most compact steps: nothing of the counter is drawn.
                CHECK(strip.passTextRect().isEmpty());
                CHECK(strip.stepRect(int(strip.steps().size()) - 1).right() >= width - 20);
                break;
            }
            sawElided = true;
            CHECK(strip.rect().contains(strip.passTextRect()));
            CHECK(strip.passLines().last().endsWith(QStringLiteral("…")));
        } else {
            CHECK(strip.rect().contains(strip.passTextRect()));
            CHECK(strip.passLines().join(QLatin1Char(' ')) == text);
            CHECK(strip.stepRect(int(strip.steps().size()) - 1).right() < strip.passTextRect().left());
            sawTwoLines = sawTwoLines || (strip.passLines().size() == 2 && !strip.isPassTextSmall());
            sawSmall = sawSmall || strip.isPassTextSmall();
        }
    }
    CHECK(sawTwoLines);
    CHECK(sawSmall);
    CHECK(sawElided);
    // The whole counter stays in the tooltip and for a screen reader.
    CHECK(strip.accessibleDescription().contains(text));
}
