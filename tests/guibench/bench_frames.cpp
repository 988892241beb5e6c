// bitmig-lab under a heavy run, offscreen, the whole window at 1600 x 1000: a 64 TiB disk (2^30 bits
// at 64 KiB), 200 000 uniform writes/s, a 1 ms downtime limit, speed 1000x. Measures
//   - how soon Pause acts: Pause is queued to the GUI thread like a click and timed until the last
//     snapshot the window shows of the run before it stood still (p99 over --presses presses);
//   - frame times (taking a snapshot into the views and painting them), p99;
//   - how long a queued GUI event waits while the run plays (what a tab click waits for);
//   - resident memory over --seconds of playing: growth and its least-squares slope;
//   - the speed achieved against the speed asked;
//   - a full-zoom-out repaint of the heatmaps for a 64 TiB disk against a 1 GiB disk.
// Usage: bench_frames [--seconds N] [--presses N] [--quick]   (defaults: 600 s, 50 presses;
// --quick: 20 s, 10 presses). A benchmark, not a test: it prints figures and the targets.
#include "app/framestats.h"
#include "app/mainwindow.h"
#include "app/model/simulationcontroller.h"
#include "widgets/heatmapview.h"
#include "widgets/zoomstack.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <random>
#include <vector>

using namespace bitmig;

namespace {

SimConfig heavy(uint64_t disk)
{
    SimConfig c;
    c.diskBytes = disk;
    c.granularity = 64 << 10;
    c.chunkBytes = 1024;
    c.workload.kind = WorkloadKind::Uniform;
    c.workload.rate = 200000;
    c.bandwidth = 125e6;
    c.maxDowntimeNs = 1'000'000;
    return c;
}

double residentMiB()
{
    QFile f(QStringLiteral("/proc/self/statm"));
    if (!f.open(QIODevice::ReadOnly)) {
        return 0;
    }
    const QList<QByteArray> fields = f.readAll().split(' ');
    return fields.size() > 1 ? fields[1].toDouble() * 4096.0 / (1024.0 * 1024.0) : 0;
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty()) {
        return 0;
    }
    std::sort(v.begin(), v.end());
    const double rank = std::ceil(p / 100.0 * double(v.size()));
    const size_t i = std::min(v.size() - 1, size_t(std::max(1.0, rank)) - 1);
    return v[i];
}

// Least-squares slope of y over x.
double slope(const std::vector<double>& x, const std::vector<double>& y)
{
    const double n = double(x.size());
    if (x.size() < 2) {
        return 0;
    }
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (size_t i = 0; i < x.size(); ++i) {
        sx += x[i];
        sy += y[i];
        sxx += x[i] * x[i];
        sxy += x[i] * y[i];
    }
    const double d = n * sxx - sx * sx;
    return d != 0 ? (n * sxy - sx * sy) / d : 0;
}

// Waits for the third snapshot from now (or `ms`): the window has taken what was asked before.
SimSnapshotPtr waitSnapshot(SimulationController& c, int ms)
{
    QSignalSpy arrived(&c, &SimulationController::snapshotChanged);
    (void)QTest::qWaitFor([&] { return arrived.count() >= 3; }, ms);  // a timeout returns the last snapshot
    return c.snapshot();
}

// Median wall time of repainting the heatmap view at full zoom-out, in milliseconds.
double repaintMs(MainWindow& w, uint64_t disk)
{
    SimConfig c = heavy(disk);
    c.workload.rate = 100000;
    c.migrationStartNs = -1;
    w.controller()->setConfig(c);
    w.setSpeed(100);
    w.controller()->setPlaying(true);
    QTest::qWait(1500);  // let writes accumulate
    w.controller()->setPlaying(false);
    waitSnapshot(*w.controller(), 3000);
    w.heatmap()->zoomStack()->resetZoom();
    waitSnapshot(*w.controller(), 3000);
    std::vector<double> times;
    for (int i = 0; i < 40; ++i) {
        QElapsedTimer t;
        t.start();
        w.heatmap()->repaint();
        times.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    return percentile(times, 50);
}

// The bench's own frame meter, the same for every version of the window: a frame is one repaint of
// the window plus the handling of the snapshots taken since the previous repaint (the queued calls
// that hand them to the controller, with every view they feed), in wall time and in the GUI
// thread's CPU time (which leaves out the time other processes on a busy machine held the core).
// Repaints with no snapshot before them (animations) are frames too.
class WindowFrameMeter : public QObject {
public:
    WindowFrameMeter(QObject* controller, QWidget* window) : controller_(controller), window_(window)
    {
        clock_.start();
    }
    void clear()
    {
        wall_.clear();
        cpu_.clear();
        openWall_ = 0;
        openCpu_ = 0;
    }
    const std::vector<double>& wallMs() const { return wall_; }
    const std::vector<double>& cpuMs() const { return cpu_; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (inside_) {
            return false;
        }
        const bool snapshot = watched == controller_ && event->type() == QEvent::MetaCall;
        const bool paint = watched == window_ && event->type() == QEvent::UpdateRequest;
        if (!snapshot && !paint) {
            return false;
        }
        inside_ = true;
        const qint64 w0 = clock_.nsecsElapsed();
        const double c0 = threadCpuMs();
        QCoreApplication::sendEvent(watched, event);
        const double wall = double(clock_.nsecsElapsed() - w0) / 1e6;
        const double cpu = threadCpuMs() - c0;
        inside_ = false;
        openWall_ += wall;
        openCpu_ += cpu;
        if (paint) {
            wall_.push_back(openWall_);
            cpu_.push_back(openCpu_);
            openWall_ = 0;
            openCpu_ = 0;
        }
        return true;
    }

private:
    static double threadCpuMs()
    {
        timespec ts{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
    }

    QObject* controller_;
    QWidget* window_;
    QElapsedTimer clock_;
    bool inside_ = false;
    double openWall_ = 0;
    double openCpu_ = 0;
    std::vector<double> wall_;
    std::vector<double> cpu_;
};

// Restarts a run that has ended, so that every moment measured is one of a busy window.
struct Restarter {
    uint64_t finishedRun = 0;
    int runs = 1;
    double simulated = 0;
    bool poll(MainWindow& w)
    {
        const auto s = w.controller()->snapshot();
        if (s && s->finished && s->runId != finishedRun) {
            finishedRun = s->runId;
            simulated += double(s->nowNs) / 1e9;
            ++runs;
            w.controller()->reset();
            w.controller()->setPlaying(true);
            return true;
        }
        return false;
    }
};

} // namespace

int main(int argc, char** argv)
{
    if (!std::getenv("QT_QPA_PLATFORM")) {
        setenv("QT_QPA_PLATFORM", "offscreen", 1);
    }
    QApplication app(argc, argv);
    int seconds = 600;
    int presses = 50;
    for (int i = 1; i < argc; ++i) {
        const QByteArray a = argv[i];
        if (a == "--quick") {
            seconds = 20;
            presses = 10;
        } else if ((a == "--seconds" || a == "--presses") && i + 1 < argc) {
            bool ok = false;
            const int v = QByteArray(argv[++i]).toInt(&ok);
            if (!ok || v < 1) {
                std::fprintf(stderr, "bench_frames: %s needs a whole number above 0, not '%s'\n", a.constData(),
                             argv[i]);
                return 2;
            }
            (a == "--seconds" ? seconds : presses) = v;
        } else {
            std::fprintf(stderr, "usage: bench_frames [--seconds N] [--presses N] [--quick]\n");
            return 2;
        }
    }

    MainWindow w;
    w.setSettingsEnabled(false);
    w.resize(1600, 1000);
    w.show();
    SimulationController& c = *w.controller();
    const uint64_t disk = uint64_t(64) << 40;
    c.setConfig(heavy(disk));
    w.setSpeed(1000);
    waitSnapshot(c, 5000);
    QTest::qWait(500);
    std::printf("bench_frames: 64 TiB disk, 2^30 bits, uniform 200000 writes/s, 1 ms downtime limit, "
                "speed %.0fx asked\n", c.speed());
    std::fflush(stdout);

    // ---- Pause: queued like a click, timed until the window's clock stands still ----
    std::vector<double> pauseMs;
    double worstPause = 0;
    std::mt19937 rng(7);
    Restarter restart;
    for (int p = 0; p < presses; ++p) {
        if (!c.isPlaying()) {
            w.playAction()->trigger();
        }
        const int playMs = 300 + int(rng() % 400);
        QElapsedTimer played;
        played.start();
        while (played.elapsed() < playMs) {
            QTest::qWait(20);
            restart.poll(w);
        }
        // Every snapshot the window takes from here on, with its arrival time.
        std::vector<std::pair<qint64, int64_t>> arrivals;
        QElapsedTimer since;
        since.start();
        const auto conn = QObject::connect(&c, &SimulationController::snapshotChanged, &c,
                                           [&](const SimSnapshotPtr& s) {
                                               arrivals.emplace_back(since.nsecsElapsed(), s->nowNs);
                                           });
        QTimer::singleShot(0, w.playAction(), [&] {
            if (c.isPlaying()) {
                w.playAction()->trigger();
            }
        });
        // Wait until the clock has stood still for a second (or 120 s passed).
        QElapsedTimer quiet;
        quiet.start();
        size_t seen = 0;
        while (quiet.elapsed() < 1000 && since.elapsed() < 120000) {
            QTest::qWait(10);
            if (arrivals.size() != seen) {
                if (seen == 0 || arrivals.back().second != arrivals[seen - 1].second) {
                    quiet.restart();
                }
                seen = arrivals.size();
            }
        }
        QObject::disconnect(conn);
        // Acted: the first snapshot that shows the time the clock stopped at.
        double ms = double(since.nsecsElapsed()) / 1e6;
        if (!arrivals.empty()) {
            const int64_t stoppedAt = arrivals.back().second;
            for (const auto& [t, now] : arrivals) {
                if (now == stoppedAt) {
                    ms = double(t) / 1e6;
                    break;
                }
            }
        }
        pauseMs.push_back(ms);
        worstPause = std::max(worstPause, ms);
        std::printf("  pause %2d acted after %8.1f ms\n", p + 1, ms);
        if (std::getenv("BENCH_DEBUG")) {
            for (const auto& [t, now] : arrivals) {
                std::printf("     arrival %.1f ms now %.4f s\n", double(t) / 1e6, double(now) / 1e9);
            }
        }
        std::fflush(stdout);
    }

    // ---- frames, GUI latency and memory over a long stretch of playing ----
    WindowFrameMeter meter(&c, &w);
    QObject probe;  // receives the queued probe calls (the meter counts queued calls to the controller)
    app.installEventFilter(&meter);
    w.frameStats()->clear();
    c.setPlaying(true);
    std::vector<double> latencyMs;
    std::vector<double> rssT, rssMiB;
    std::vector<double> achieved;
    QElapsedTimer wall;
    wall.start();
    restart = Restarter{};
    const double startSim = c.snapshot() ? double(c.snapshot()->nowNs) / 1e9 : 0;
    restart.simulated = -startSim;
    qint64 nextRss = 0;
    qint64 nextReport = 60000;
    while (wall.elapsed() < qint64(seconds) * 1000) {
        // A queued event, like a click on a tab: how long it waits for the GUI thread.
        QElapsedTimer queued;
        queued.start();
        bool ran = false;
        QTimer::singleShot(0, &probe, [&] {
            latencyMs.push_back(double(queued.nsecsElapsed()) / 1e6);
            ran = true;
        });
        (void)QTest::qWaitFor([&] { return ran; }, 600000);
        QTest::qWait(50);  // the spacing of the probes, not a wait for anything
        restart.poll(w);
        if (wall.elapsed() >= nextRss) {
            rssT.push_back(double(wall.elapsed()) / 1000);
            rssMiB.push_back(residentMiB());
            if (const auto s = c.snapshot(); s && s->playing && s->achievedSpeed > 0) {
                achieved.push_back(s->achievedSpeed);
            }
            nextRss += 1000;
        }
        if (wall.elapsed() >= nextReport) {
            std::printf("  ... %lld s: RSS %.1f MiB, %zu frames, frame wall time p99 %.2f ms\n",
                        static_cast<long long>(wall.elapsed() / 1000), rssMiB.back(), meter.wallMs().size(),
                        percentile(meter.wallMs(), 99));
            std::fflush(stdout);
            nextReport += 60000;
        }
    }
    const auto snap = c.snapshot();
    const double simulated = restart.simulated + double(snap->nowNs) / 1e9;
    const double wallS = double(wall.elapsed()) / 1000;
    c.setPlaying(false);
    app.removeEventFilter(&meter);
    double load[3] = {0, 0, 0};
    getloadavg(load, 3);

    // Memory: growth from the end of the warm-up (a fifth of the run, at most a minute) to the end,
    // and the fitted slope over the same stretch.
    const double warm = std::min(60.0, double(seconds) / 5);
    std::vector<double> x, y;
    for (size_t i = 0; i < rssT.size(); ++i) {
        if (rssT[i] >= warm) {
            x.push_back(rssT[i]);
            y.push_back(rssMiB[i]);
        }
    }
    const double perMinute = slope(x, y) * 60;
    const double growth = y.empty() ? 0 : y.back() - y.front();
    const double over10 = perMinute * 10;

    std::printf("  pause acted      p50 %.1f ms  p99 %.1f ms  max %.1f ms over %d presses   target p99 <= 100 ms   %s\n",
                percentile(pauseMs, 50), percentile(pauseMs, 99), worstPause, presses,
                percentile(pauseMs, 99) <= 100 ? "PASS" : "FAIL");
    const auto& fw = meter.wallMs();
    const auto& fc = meter.cpuMs();
    std::printf("  frames           %zu in %.1f s (load average %.1f on %d cores)\n", fw.size(), wallS, load[0],
                QThread::idealThreadCount());
    std::printf("  frame wall time  p50 %.2f  p90 %.2f  p99 %.2f  max %.2f ms   target p99 <= 16 ms   %s\n",
                percentile(fw, 50), percentile(fw, 90), percentile(fw, 99), percentile(fw, 100),
                percentile(fw, 99) <= 16 ? "PASS" : "FAIL");
    std::printf("  frame CPU time   p50 %.2f  p90 %.2f  p99 %.2f  max %.2f ms (GUI thread)\n", percentile(fc, 50),
                percentile(fc, 90), percentile(fc, 99), percentile(fc, 100));
    std::printf("  the window's own frame statistics: %zu frames, p50 %.2f  p99 %.2f  max %.2f ms\n",
                w.frameStats()->frames(), w.frameStats()->percentileMs(50), w.frameStats()->percentileMs(99),
                w.frameStats()->maxMs());
    std::printf("  queued GUI event waits p50 %.1f ms  p99 %.1f ms  max %.1f ms\n", percentile(latencyMs, 50),
                percentile(latencyMs, 99), latencyMs.empty() ? 0.0 : *std::max_element(latencyMs.begin(), latencyMs.end()));
    std::printf("  simulated        %.2f s in %.2f s of wall time (%.1fx achieved, %.0fx asked; the window "
                "reported p50 %.1fx), %d runs, the last in phase %s\n",
                simulated, wallS, simulated / wallS, c.speed(), percentile(achieved, 50), restart.runs,
                std::string(phaseName(snap->phase)).c_str());
    std::printf("  RSS              %.1f MiB at %.0f s, %.1f MiB at the end: growth %+.2f MiB, slope %+.3f MiB/min "
                "(%+.2f MiB over 10 min)   target <= 1 MiB over 10 min   %s\n",
                y.empty() ? 0.0 : y.front(), warm, y.empty() ? 0.0 : y.back(), growth, perMinute, over10,
                over10 <= 1 ? "PASS" : "FAIL");
    std::fflush(stdout);

    const double small = repaintMs(w, uint64_t(1) << 30);
    const double large = repaintMs(w, disk);
    std::printf("  full zoom-out repaint: 1 GiB disk %.3f ms, 64 TiB disk %.3f ms, ratio %.2f   target <= 1.5   %s\n",
                small, large, large / small, large / small <= 1.5 ? "PASS" : "FAIL");
    return 0;
}
