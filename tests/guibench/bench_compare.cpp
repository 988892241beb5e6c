// View > Compare under the heaviest comparison of the seed thread, offscreen at 1600 x 1000: four
// lanes of the seed presets' 16 TiB disk and writes (1 MiB, 1 KiB, 32 B and 2 B chunks: 32 to 16.8
// million chunks), speed 1000x. Measures, against the same window with the two light lanes (1 KiB, 1 MiB):
//   - how soon Pause acts: from the click to the snapshot that shows the lanes standing still (p50,
//     max over --presses presses);
//   - how long a queued GUI event waits while the lanes play (what a click waits for), p99;
//   - frames drawn per second and the simulated seconds per wall second achieved.
// Usage: bench_compare [--seconds N] [--presses N]   (defaults: 10 s, 10 presses). A benchmark, not
// a test: it prints figures.
#include "app/comparewindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <vector>

using namespace bitmig;

namespace {

double percentile(std::vector<double> v, double p)
{
    if (v.empty()) {
        return 0;
    }
    std::sort(v.begin(), v.end());
    const size_t i = std::min(v.size() - 1, size_t(std::max(1.0, std::ceil(p / 100.0 * double(v.size())))) - 1);
    return v[i];
}

SimConfig seedConfig(uint64_t disk)
{
    SimConfig c;  // the seed presets: 1,000 4 KiB writes/s, 1 Gbit/s, 100 ms limit, start at 2 s
    c.diskBytes = disk;
    c.bandwidth = 125e6;
    c.maxDowntimeNs = 100'000'000;
    c.migrationStartNs = 2'000'000'000;
    c.timeLimitNs = 60'000'000'000;
    c.workload.kind = WorkloadKind::Uniform;
    c.workload.rate = 1000;
    c.workload.minWriteBytes = c.workload.maxWriteBytes = 4096;
    return c;
}

void measure(const char* label, CompareWindow& w, const SimConfig& shared, const std::vector<uint64_t>& chunks,
             int seconds, int presses)
{
    if (!w.compareChunkSizes(shared, chunks)) {
        std::printf("%s: refused\n", label);
        return;
    }
    LanesController* c = w.controller();
    QTest::qWait(500);
    c->setSpeed(1000);
    std::vector<double> pauseMs, eventMs;
    const quint64 frames0 = c->framesDrawn();
    double simSeconds = 0;
    QElapsedTimer wall;
    wall.start();
    qint64 playedNs = 0;
    for (int p = 0; p < presses; ++p) {
        if (c->snapshot() && c->snapshot()->finished) {
            c->reset();
            QTest::qWait(200);
            c->setSpeed(1000);
        }
        const int64_t t0 = c->snapshot() ? c->snapshot()->nowNs : 0;
        QElapsedTimer played;
        played.start();
        c->setPlaying(true);
        QElapsedTimer slice;
        slice.start();
        while (slice.elapsed() < seconds * 1000 / presses && !(c->snapshot() && c->snapshot()->finished)) {
            // A queued event, as a click is: how long it waits for the GUI thread.
            QElapsedTimer queued;
            queued.start();
            bool ran = false;
            QTimer::singleShot(0, &w, [&] { ran = true; });
            (void)QTest::qWaitFor([&] { return ran; }, 5000);
            eventMs.push_back(double(queued.nsecsElapsed()) / 1e6);
            QTest::qWait(20);
        }
        QElapsedTimer pause;
        pause.start();
        const bool ranOut = c->snapshot() && c->snapshot()->finished;  // finished while playing: no pause to time
        playedNs += played.nsecsElapsed();
        c->setPlaying(false);
        (void)QTest::qWaitFor([&] { return c->snapshot() && !c->snapshot()->playing; }, 10000);
        if (!ranOut) {
            pauseMs.push_back(double(pause.nsecsElapsed()) / 1e6);
        }
        simSeconds += double(c->snapshot()->nowNs - t0) * 1e-9;
    }
    const double wallS = double(wall.nsecsElapsed()) * 1e-9;
    std::printf("%s: pause p50 %.1f ms, max %.1f ms (%zu presses); queued event p50 %.1f ms, p99 %.1f ms; "
                "%.1f frames/s; achieved %.0fx (asked 1000x)\n",
                label, percentile(pauseMs, 50), percentile(pauseMs, 100), pauseMs.size(), percentile(eventMs, 50),
                percentile(eventMs, 99), double(c->framesDrawn() - frames0) / wallS,
                simSeconds / (double(playedNs) * 1e-9));
}

} // namespace

int main(int argc, char** argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    int seconds = 10, presses = 10;
    for (int i = 1; i + 1 < argc; ++i) {
        if (!std::strcmp(argv[i], "--seconds")) {
            seconds = std::max(1, std::atoi(argv[i + 1]));
        } else if (!std::strcmp(argv[i], "--presses")) {
            presses = std::max(1, std::atoi(argv[i + 1]));
        }
    }
    CompareWindow w;
    w.resize(1600, 1000);
    w.show();
    if (!QTest::qWaitForWindowExposed(&w)) {
        return 1;
    }
    measure("baseline, 2 lanes of 16 TiB (1 KiB, 1 MiB chunks)", w, seedConfig(uint64_t(16) << 40), {1024, 1 << 20},
            seconds, presses);
    measure("4 lanes of 16 TiB (1 MiB, 1 KiB, 32 B, 2 B chunks)", w, seedConfig(uint64_t(16) << 40),
            {1 << 20, 1024, 32, 2}, seconds, presses);
    return 0;
}
