// bitmig-lab under a heavy run, offscreen, the whole window at 1600 x 1000: a 64 TiB disk (2^30 bits
// at 64 KiB), 200 000 uniform writes/s, a 1 ms downtime limit, speed 1000x (--scenario heavy, the
// default), or the same disk with two bitmaps under a Zipf load at 100x (--scenario zipf100x, see
// zipf()). Measures
//   - how soon Pause acts: Pause is queued to the GUI thread like a click and timed until the last
//     snapshot the window shows of the run before it stood still (p99 over --presses presses);
//   - frame times (taking a snapshot into the views and painting them), p99;
//   - how long a queued GUI event waits while the run plays (what a tab click waits for), and how
//     long a command queued to the simulation thread waits there (speed, brush, reset);
//   - resident memory over --seconds of playing: growth and its least-squares slope, beside the
//     allocator's heap in use and held, each second and at each run's end;
//   - the speed achieved against the speed asked, with the CPU time of the simulation thread, and
//     each restart of a finished run (restarted as soon as the window shows its end), from the end
//     shown to the next run's clock moving;
//   - a full-zoom-out repaint of the heatmaps for a 64 TiB disk against a 1 GiB disk.
// Usage: bench_frames [--scenario heavy|zipf100x] [--seconds N] [--presses N] [--quick]
//                     [--memory-log FILE] [--exit-after-runs N]
// (defaults: heavy, 600 s, 50 presses; --quick: 20 s, 10 presses). --memory-log writes the memory
// samples as CSV; --exit-after-runs leaves at once at the end of the Nth run measured, without
// freeing anything, for a heap profiler (what it lists as never freed is what the window held
// then). A benchmark, not a test: it prints figures and the targets.
#include "app/framestats.h"
#include "app/mainwindow.h"
#include "app/model/simulationcontroller.h"
#include "widgets/heatmapview.h"
#include "widgets/zoomstack.h"

#include <bitmig/bitmapdigest.h>
#include <bitmig/hbitmap.h>
#include <bitmig/simconfig.h>
#include <bitmig/zeropageallocator.h>

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <bit>
#include <cstring>
#include <memory>
#include <optional>
#include <array>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <random>
#include <vector>

#include <unistd.h>

#ifdef __GLIBC__
#include <malloc.h>
#endif

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

// --scenario zipf100x: the same disk with two bitmaps (a backup chain's incremental at 64 KiB,
// 2^30 bits, and its differential at 1 MiB, 2^26 bits; every write dirties both), Zipf writes at
// 100 000 writes/s (exponent 1.1, 4 KiB..64 KiB), speed 100x. The guest runs alone for 300
// simulated seconds (3 s of wall time at 100x), then a precopy at 1 Gbit/s with a 5 ms limit
// (bulk and dirty passes) migrates both bitmaps.
SimConfig zipf(uint64_t disk)
{
    SimConfig c;
    c.chunkBytes = 1024;
    c.setLayout({DiskSpec{"drive0", disk}},
                {BitmapSpec{0, "backup-incr", uint64_t(64) << 10, true, true},
                 BitmapSpec{0, "backup-diff", uint64_t(1) << 20, true, true}});
    c.workload.kind = WorkloadKind::Zipf;
    c.workload.rate = 100000;
    c.bandwidth = 125e6;
    c.maxDowntimeNs = 5'000'000;
    c.migrationStartNs = int64_t(300) * 1'000'000'000;
    return c;
}

// Resident set size, in all or only its anonymous pages (what is not file-backed or shared: the
// heap, the bit arrays, stacks), from /proc/self/statm.
double residentMiB(bool anonymousOnly = false)
{
    QFile f(QStringLiteral("/proc/self/statm"));
    if (!f.open(QIODevice::ReadOnly)) {
        return 0;
    }
    const QList<QByteArray> fields = f.readAll().split(' ');
    if (fields.size() < 3) {
        return 0;
    }
    const double pages = fields[1].toDouble() - (anonymousOnly ? fields[2].toDouble() : 0);
    return pages * double(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

// What the allocator holds: the heap in use (the blocks the program has not freed: arenas' used
// chunks and the allocator's own mappings) and the heap taken from the system (arenas, used or
// free, and those mappings). What RSS has beyond the second is the run's bit arrays (mapped on
// their own, not through the allocator), code, and the pages of shared libraries. A leak grows the
// first; fragmentation grows the second and not the first.
struct Heap {
    double inUseMiB = 0;
    double heldMiB = 0;
};

Heap heap()
{
    Heap h;
#if defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 33)
    const struct mallinfo2 m = ::mallinfo2();
    h.inUseMiB = double(m.uordblks + m.hblkhd) / (1024.0 * 1024.0);
    h.heldMiB = double(m.arena + m.hblkhd) / (1024.0 * 1024.0);
#endif
    return h;
}

// The contents of /proc/self/task/<tid>/<file> for this process's thread named `name` ("simulation":
// the controller's worker thread); nothing if there is no such thread or the file cannot be read.
std::optional<QByteArray> threadProcFile(const QByteArray& name, const QString& file)
{
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString& tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm(tasks.filePath(tid + QStringLiteral("/comm")));
        if (!comm.open(QIODevice::ReadOnly) || comm.readAll().trimmed() != name) {
            continue;
        }
        QFile f(tasks.filePath(tid + QLatin1Char('/') + file));
        if (!f.open(QIODevice::ReadOnly)) {
            return std::nullopt;
        }
        return f.readAll();
    }
    return std::nullopt;
}

// CPU seconds (user + system) of the thread named `name`, from /proc; -1 if there is none.
double threadCpuSeconds(const QByteArray& name)
{
    const std::optional<QByteArray> line = threadProcFile(name, QStringLiteral("stat"));
    if (!line) {
        return -1;
    }
    // Fields after the command (which is in parentheses and may hold spaces): utime is the 14th
    // field of the line, the 12th after ")".
    const QList<QByteArray> f = line->mid(line->lastIndexOf(')') + 2).split(' ');
    if (f.size() < 13) {
        return -1;
    }
    return (f[11].toDouble() + f[12].toDouble()) / double(sysconf(_SC_CLK_TCK));
}

// The scheduler's account of the thread named `name` (/proc/<tid>/schedstat): seconds on a core and
// seconds runnable but waiting for one. What the wall time has beyond both, the thread slept: it
// had nothing to do (a frame timer to wait for, a restart). Zeros if there is no such thread.
struct Sched {
    double onCpu = 0;
    double waiting = 0;
};

Sched threadSched(const QByteArray& name)
{
    const std::optional<QByteArray> text = threadProcFile(name, QStringLiteral("schedstat"));
    if (!text) {
        return {};
    }
    const QList<QByteArray> f = text->trimmed().split(' ');
    if (f.size() < 2) {
        return {};
    }
    return Sched{f[0].toDouble() / 1e9, f[1].toDouble() / 1e9};
}

double processCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

// The bench's own series are sized (and their pages touched) before the measurement, so that
// what it records while measuring never shows as growth of the process it measures.
void presize(std::vector<double>& v, size_t n)
{
    v.assign(n, 0.0);
    v.clear();
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
    void clear(size_t frames)
    {
        presize(wall_, frames);
        presize(cpu_, frames);
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

// Restarts a run that has ended, so that every moment measured is one of a busy window. With a
// clock, notes the memory at each run's end before the restart: every run is the same simulation
// (same configuration, same seed), so its bit arrays hold the same pages there, and what changes
// from one run's end to the next is what the window and the allocator kept.
struct Restarter {
    uint64_t finishedRun = 0;
    int runs = 1;
    double simulated = 0;
    const QElapsedTimer* clock = nullptr;
    int exitAfterRuns = 0;  // --exit-after-runs
    std::vector<double> endT, endRss, endAnon, endHeap, endHeld;
    std::vector<uint64_t> wireBytes;  // every byte each finished run put on the wire
    // From the snapshot that showed a run finished to the first that shows the next one's clock
    // moving: the wall time a restart takes (the new run built, its play command, its first frame).
    QElapsedTimer gapClock;
    bool inGap = false;
    bool atOnce = true;  // off while a Pause is timed: the clock must stand still then
    std::vector<double> gapMs;
    // Wall and simulated time by what the run was doing, from one snapshot shown to the next (the
    // state of the earlier one): the guest alone, migrating, verifying (the clock waits for the
    // digests), and between runs (a run's end shown to the next run's first snapshot).
    enum State { Guest, Migrating, Verifying, Between, kStates };
    std::array<double, kStates> stateWallS{};
    std::array<double, kStates> stateSimS{};
    QElapsedTimer stateClock;
    State lastState = Between;
    uint64_t lastRun = 0;
    int64_t lastNowNs = 0;
    void resetStates()
    {
        stateWallS.fill(0);
        stateSimS.fill(0);
        stateClock.start();
    }
    void noteState(const SimSnapshot& s)
    {
        if (stateClock.isValid()) {
            stateWallS[lastState] += double(stateClock.nsecsElapsed()) * 1e-9;
            if (s.runId == lastRun && s.nowNs >= lastNowNs) {
                stateSimS[lastState] += double(s.nowNs - lastNowNs) * 1e-9;
            } else {
                stateSimS[lastState] += double(s.nowNs) * 1e-9;  // the new run's time so far
            }
            stateClock.restart();
        }
        lastRun = s.runId;
        lastNowNs = s.nowNs;
        lastState = s.finished ? Between : s.verifying ? Verifying : s.phase == Phase::Idle ? Guest : Migrating;
    }
    // Restarts as soon as the window shows the end (not at the next poll), and times the gap.
    void watch(MainWindow& w)
    {
        gapClock.start();
        QObject::connect(w.controller(), &SimulationController::snapshotChanged, w.controller(),
                         [this, &w](const SimSnapshotPtr& s) {
                             noteState(*s);
                             if (inGap && s->runId != finishedRun && s->nowNs > 0) {
                                 gapMs.push_back(double(gapClock.nsecsElapsed()) / 1e6);
                                 inGap = false;
                             }
                             if (atOnce && s->finished && s->runId != finishedRun) {
                                 // After the window has taken this snapshot in, as a click would.
                                 // Not while a Pause is being timed since (a restart would play a new run).
                                 QTimer::singleShot(0, w.controller(), [this, &w] {
                                     if (atOnce) {
                                         poll(w);
                                     }
                                 });
                             }
                         });
    }
    bool poll(MainWindow& w)
    {
        const auto s = w.controller()->snapshot();
        if (s && s->finished && s->runId != finishedRun) {
            finishedRun = s->runId;
            simulated += double(s->nowNs) / 1e9;
            wireBytes.push_back(s->summary.wireBytes);
            ++runs;
            gapClock.restart();
            inGap = true;
            if (clock) {
                const Heap h = heap();
                endT.push_back(double(clock->elapsed()) / 1000);
                endRss.push_back(residentMiB());
                endAnon.push_back(residentMiB(true));
                endHeap.push_back(h.inUseMiB);
                endHeld.push_back(h.heldMiB);
                if (exitAfterRuns > 0 && int(endT.size()) >= exitAfterRuns) {
                    // What a heap profiler lists as never freed is what the process held here.
                    std::printf("  leaving at the end of run %zu, %.1f s into the measurement, heap in use "
                                "%.2f MiB\n", endT.size(), endT.back(), h.inUseMiB);
                    std::fflush(stdout);
                    std::_Exit(0);
                }
            }
            w.controller()->reset();
            w.controller()->setPlaying(true);
            return true;
        }
        return false;
    }
};

} // namespace

// What this machine allows a run to achieve at the speed asked, measured here: the guest alone at
// exactly that speed, the migration no faster than the speed asked and no faster than one memcpy
// of every byte it put on the wire, the verification at this machine's SHA-256 of the source
// bitmaps (the clock waits for it), and nothing between runs. Beside it the speed achieved over
// the same states (the restarts, the bench's own, left out of both).
static void printCeiling(const Restarter& restart, const SimConfig& config, double speed)
{
    uint64_t bitmapBytes = 0;
    std::vector<std::unique_ptr<HBitmap>> sources;
    const std::vector<DiskSpec> disks = config.diskList();
    for (const BitmapSpec& b : config.bitmapList()) {
        sources.push_back(std::make_unique<HBitmap>(disks[b.disk].bytes, unsigned(std::countr_zero(b.granularity))));
        HBitmap& hb = *sources.back();
        // Every page written, as a run's sources are by the time they are hashed.
        for (uint64_t bit = 0; bit < hb.bitCount(); bit += 4096 * 8) {
            hb.set(bit << hb.granularityLog2(), uint64_t(1) << hb.granularityLog2());
        }
        bitmapBytes += (hb.bitCount() + 7) / 8;
    }
    auto best = [](int rounds, auto&& f) {
        double bestS = 1e9;
        for (int r = 0; r < rounds; ++r) {
            QElapsedTimer t;
            t.start();
            f();
            bestS = std::min(bestS, double(t.nsecsElapsed()) * 1e-9);
        }
        return bestS;
    };
    const double shaS = best(2, [&] {
        for (const auto& hb : sources) {
            BitmapDigest d(*hb);
            d.run(UINT64_MAX);
        }
    });
    // One memcpy the size of the largest run's wire bytes gives the rate; every run's bytes count.
    uint64_t wire = 0, wireAll = 0;
    for (uint64_t b : restart.wireBytes) {
        wire = std::max(wire, b);
        wireAll += b;
    }
    if (wire == 0) {
        return;  // no run sent anything: no ceiling from the migration to give
    }
    std::vector<uint8_t> from(wire, 0x5a), to(wire, 0);
    const double copyS = best(3, [&] { std::memcpy(to.data(), from.data(), wire); });
    const double copyAllS = copyS * double(wireAll) / double(wire);
    const double runs = double(restart.wireBytes.size());
    const double simGuest = restart.stateSimS[Restarter::Guest], simMigrating = restart.stateSimS[Restarter::Migrating];
    const double floorWall = simGuest / speed + std::max(simMigrating / speed, copyAllS) + runs * shaS;
    const double ceiling = (simGuest + simMigrating) / floorWall;
    const double wall = restart.stateWallS[Restarter::Guest] + restart.stateWallS[Restarter::Migrating] +
                        restart.stateWallS[Restarter::Verifying];
    const double achieved = wall > 0 ? (simGuest + simMigrating) / wall : 0;
    std::printf("  ceiling          at most %.1fx achievable at %.0fx asked on this machine: each run's %.1f MiB on "
                "the wire copied once at %.1f GB/s (memcpy) takes %.1f ms, %.1fx the %.1f ms the migration may take "
                "at the speed asked; the SHA-256 of its %.1f MiB of source bitmaps %.1f ms (%.2f GB/s); achieved "
                "over the same states %.1fx, %.1f%% of the ceiling\n",
                ceiling, speed, double(wire) / 1048576, double(wire) / copyS * 1e-9, copyS * 1e3,
                copyS / (simMigrating / runs / speed), simMigrating / runs / speed * 1e3, double(bitmapBytes) / 1048576,
                shaS * 1e3, double(bitmapBytes) / shaS * 1e-9, achieved, 100 * achieved / ceiling);
}

int main(int argc, char** argv)
{
    if (!std::getenv("QT_QPA_PLATFORM")) {
        setenv("QT_QPA_PLATFORM", "offscreen", 1);
    }
    QApplication app(argc, argv);
    int seconds = 600;
    int presses = 50;
    QString memoryLog;
    QByteArray scenario = "heavy";
    int exitAfterRuns = 0;
    for (int i = 1; i < argc; ++i) {
        const QByteArray a = argv[i];
        if (a == "--scenario" && i + 1 < argc) {
            scenario = argv[++i];
            if (scenario != "heavy" && scenario != "zipf100x") {
                std::fprintf(stderr, "bench_frames: --scenario is heavy or zipf100x, not '%s'\n", scenario.constData());
                return 2;
            }
        } else if (a == "--exit-after-runs" && i + 1 < argc) {
            bool ok = false;
            exitAfterRuns = QByteArray(argv[++i]).toInt(&ok);
            if (!ok || exitAfterRuns < 1) {
                std::fprintf(stderr, "bench_frames: --exit-after-runs needs a whole number above 0, not '%s'\n",
                             argv[i]);
                return 2;
            }
        } else if (a == "--memory-log" && i + 1 < argc) {
            memoryLog = QString::fromLocal8Bit(argv[++i]);
        } else if (a == "--quick") {
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
            std::fprintf(stderr, "usage: bench_frames [--scenario heavy|zipf100x] [--seconds N] [--presses N] [--quick] "
                                 "[--memory-log FILE] [--exit-after-runs N]\n");
            return 2;
        }
    }

    MainWindow w;
    w.setSettingsEnabled(false);
    w.resize(1600, 1000);
    w.show();
    SimulationController& c = *w.controller();
    const uint64_t disk = uint64_t(64) << 40;
    const bool zipfRun = scenario == "zipf100x";
    c.setConfig(zipfRun ? zipf(disk) : heavy(disk));
    w.setSpeed(zipfRun ? 100 : 1000);
    waitSnapshot(c, 5000);
    QTest::qWait(500);
    if (zipfRun) {
        std::printf("bench_frames: 64 TiB disk with two bitmaps (64 KiB, 2^30 bits; 1 MiB, 2^26 bits), Zipf "
                    "100000 writes/s, migration at 300 s, 5 ms downtime limit, speed %.0fx asked\n", c.speed());
    } else {
        std::printf("bench_frames: 64 TiB disk, 2^30 bits, uniform 200000 writes/s, 1 ms downtime limit, "
                    "speed %.0fx asked\n", c.speed());
    }
    std::fflush(stdout);

    // ---- Pause: queued like a click, timed until the window's clock stands still ----
    std::vector<double> pauseMs;
    double worstPause = 0;
    std::mt19937 rng(7);
    Restarter restart;
    restart.watch(w);
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
        restart.atOnce = false;
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
        restart.atOnce = true;
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
    // A command to the simulation thread, queued like the controller's (speed, brush, reset): how
    // long it waits there for the frame in progress to end.
    QObject simProbe;
    if (auto* simThread = c.findChild<QThread*>()) {
        simProbe.moveToThread(simThread);
    }
    std::vector<double> commandMs;
    std::atomic<bool> commandRan{false};
    app.installEventFilter(&meter);
    w.frameStats()->clear();
    c.setPlaying(true);
    // Room for 250 frames, 25 probes and one sample and run end a second: more than the window
    // and the probes' spacing give.
    const size_t perSecond = size_t(seconds) + 10;
    meter.clear(perSecond * 250);
    std::vector<double> latencyMs;
    std::vector<double> rssT, rssMiB, anonMiB, heapMiB, heldMiB, bitsMiB;
    std::vector<double> achieved;
    presize(latencyMs, perSecond * 25);
    presize(commandMs, perSecond * 25);
    for (std::vector<double>* v : {&rssT, &rssMiB, &anonMiB, &heapMiB, &heldMiB, &bitsMiB, &achieved}) {
        presize(*v, perSecond);
    }
    QElapsedTimer wall;
    wall.start();
    const double simCpu0 = threadCpuSeconds("simulation");
    const Sched simSched0 = threadSched("simulation");
    const double procCpu0 = processCpuSeconds();
    timespec gui0{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &gui0);
    restart.finishedRun = 0;
    restart.runs = 1;
    restart.simulated = 0;
    restart.clock = &wall;
    restart.gapMs.clear();
    restart.wireBytes.clear();
    presize(restart.gapMs, perSecond);
    restart.exitAfterRuns = exitAfterRuns;
    restart.resetStates();
    for (std::vector<double>* v : {&restart.endT, &restart.endRss, &restart.endAnon, &restart.endHeap, &restart.endHeld}) {
        presize(*v, perSecond);
    }
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
        if (simProbe.thread() != QThread::currentThread()) {
            QElapsedTimer sent;
            sent.start();
            std::atomic<qint64> waitedNs{0};
            commandRan = false;
            QMetaObject::invokeMethod(&simProbe, [&] {
                waitedNs = sent.nsecsElapsed();
                commandRan = true;
            }, Qt::QueuedConnection);
            (void)QTest::qWaitFor([&] { return commandRan.load(); }, 600000);
            commandMs.push_back(double(waitedNs.load()) / 1e6);
        }
        QTest::qWait(50);  // the spacing of the probes, not a wait for anything
        restart.poll(w);
        if (wall.elapsed() >= nextRss) {
            rssT.push_back(double(wall.elapsed()) / 1000);
            rssMiB.push_back(residentMiB());
            anonMiB.push_back(residentMiB(true));
            const Heap h = heap();
            heapMiB.push_back(h.inUseMiB);
            heldMiB.push_back(h.heldMiB);
            bitsMiB.push_back(double(detail::zeroedBytesInUse()) / (1024.0 * 1024.0));
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
    const double simCpu = threadCpuSeconds("simulation") - simCpu0;
    const Sched simSched1 = threadSched("simulation");
    const double simOnCpu = simSched1.onCpu - simSched0.onCpu;
    const double simWaiting = simSched1.waiting - simSched0.waiting;
    const double procCpu = processCpuSeconds() - procCpu0;
    timespec gui1{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &gui1);
    const double guiCpu = double(gui1.tv_sec - gui0.tv_sec) + double(gui1.tv_nsec - gui0.tv_nsec) / 1e9;
    c.setPlaying(false);
    app.removeEventFilter(&meter);
    double load[3] = {0, 0, 0};
    getloadavg(load, 3);

    // Memory: growth from the end of the warm-up (a fifth of the run, at most a minute) to the end,
    // and the fitted slope over the same stretch.
    const double warm = std::min(60.0, double(seconds) / 5);
    // Growth (last minus first) and fitted slope per 10 minutes of a series after the warm-up.
    struct Trend {
        double first = 0, last = 0, growth = 0, over10 = 0;
        size_t points = 0;
    };
    auto trend = [warm](const std::vector<double>& t, const std::vector<double>& v) {
        std::vector<double> x, y;
        for (size_t i = 0; i < t.size(); ++i) {
            if (t[i] >= warm) {
                x.push_back(t[i]);
                y.push_back(v[i]);
            }
        }
        Trend r;
        r.points = y.size();
        if (!y.empty()) {
            r.first = y.front();
            r.last = y.back();
            r.growth = r.last - r.first;
        }
        r.over10 = slope(x, y) * 600;
        return r;
    };
    const Trend rss = trend(rssT, rssMiB);
    const double perMinute = rss.over10 / 10;
    const double growth = rss.growth;
    const double over10 = rss.over10;
    if (!memoryLog.isEmpty()) {
        QFile f(memoryLog);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            std::fprintf(stderr, "bench_frames: cannot write the memory log %s: %s\n", qPrintable(memoryLog),
                         qPrintable(f.errorString()));
        } else {
            f.write("kind,t_s,rss_mib,heap_in_use_mib,heap_held_mib,bit_arrays_mib,rss_anonymous_mib\n");
            for (size_t i = 0; i < rssT.size(); ++i) {
                f.write(QStringLiteral("second,%1,%2,%3,%4,%5,%6\n")
                            .arg(rssT[i]).arg(rssMiB[i]).arg(heapMiB[i]).arg(heldMiB[i]).arg(bitsMiB[i])
                            .arg(anonMiB[i])
                            .toUtf8());
            }
            for (size_t i = 0; i < restart.endT.size(); ++i) {
                f.write(QStringLiteral("run_end,%1,%2,%3,%4,,%5\n")
                            .arg(restart.endT[i]).arg(restart.endRss[i]).arg(restart.endHeap[i])
                            .arg(restart.endHeld[i]).arg(restart.endAnon[i]).toUtf8());
            }
        }
    }

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
    std::printf("  queued command to the simulation thread waits p50 %.1f ms  p99 %.1f ms  max %.1f ms\n",
                percentile(commandMs, 50), percentile(commandMs, 99), percentile(commandMs, 100));
    double gapSum = 0;
    for (double g : restart.gapMs) {
        gapSum += g;
    }
    std::printf("  restarts         %zu, from the end shown to the next run's clock moving p50 %.1f ms  max %.1f ms, "
                "%.2f s in all\n",
                restart.gapMs.size(), percentile(restart.gapMs, 50), percentile(restart.gapMs, 100), gapSum / 1000);
    std::printf("  simulated        %.2f s in %.2f s of wall time (%.1fx achieved, %.0fx asked; the window "
                "reported p50 %.1fx), %d runs, the last in phase %s\n",
                simulated, wallS, simulated / wallS, c.speed(), percentile(achieved, 50), restart.runs,
                std::string(phaseName(snap->phase)).c_str());
    {
        double stateWall = 0;
        for (double v : restart.stateWallS) {
            stateWall += v;
        }
        auto share = [&](Restarter::State st) { return stateWall > 0 ? 100 * restart.stateWallS[st] / stateWall : 0.0; };
        auto speed = [&](Restarter::State st) {
            return restart.stateWallS[st] > 0 ? restart.stateSimS[st] / restart.stateWallS[st] : 0.0;
        };
        std::printf("  by state         guest alone %.1f%% of the wall time at %.1fx, migrating %.1f%% at %.1fx, "
                    "verifying %.1f%% (the clock waits for the digests), between runs %.1f%% (a run's end shown "
                    "to the next run's first snapshot)\n",
                    share(Restarter::Guest), speed(Restarter::Guest), share(Restarter::Migrating),
                    speed(Restarter::Migrating), share(Restarter::Verifying), share(Restarter::Between));
        if (!restart.wireBytes.empty() && snap->config) {
            printCeiling(restart, *snap->config, c.speed());
        }
    }
    std::printf("  CPU time         process %.1f s, simulation thread %.1f s (%.0f%% of the wall time; %.1fx "
                "simulated per CPU second of it), GUI thread %.1f s (%.0f%%)\n",
                procCpu, simCpu, 100 * simCpu / wallS, simCpu > 0 ? simulated / simCpu : 0.0, guiCpu,
                100 * guiCpu / wallS);
    std::printf("  simulation thread on a core %.0f%% of the wall time, waiting for one %.0f%%, asleep %.0f%% "
                "(/proc schedstat)\n",
                100 * simOnCpu / wallS, 100 * simWaiting / wallS, 100 * (1 - (simOnCpu + simWaiting) / wallS));
    std::printf("  RSS              %.1f MiB at %.0f s, %.1f MiB at the end: growth %+.2f MiB, slope %+.3f MiB/min "
                "(%+.2f MiB over 10 min)   target <= 1 MiB over 10 min   %s\n",
                rss.first, warm, rss.last, growth, perMinute, over10,
                over10 <= 1 ? "PASS" : "FAIL");
    const Trend anon = trend(rssT, anonMiB);
    std::printf("  RSS, anonymous   %.1f MiB at %.0f s, %.1f MiB at the end: growth %+.2f MiB, slope %+.2f MiB over 10 min "
                "(the rest is file-backed: code and data of the libraries)\n",
                anon.first, warm, anon.last, anon.growth, anon.over10);
    const Trend inUse = trend(rssT, heapMiB);
    const Trend held = trend(rssT, heldMiB);
    std::printf("  heap in use      %.2f MiB at %.0f s, %.2f MiB at the end: growth %+.2f MiB, slope %+.2f MiB over 10 min\n",
                inUse.first, warm, inUse.last, inUse.growth, inUse.over10);
    std::printf("  heap held        %.2f MiB at %.0f s, %.2f MiB at the end: growth %+.2f MiB, slope %+.2f MiB over 10 min\n",
                held.first, warm, held.last, held.growth, held.over10);
    const Trend endRss = trend(restart.endT, restart.endRss);
    const Trend endHeap = trend(restart.endT, restart.endHeap);
    std::printf("  at each run's end (%zu runs after %.0f s): RSS %.1f -> %.1f MiB (%+.2f MiB, slope %+.2f MiB over "
                "10 min), heap in use %.2f -> %.2f MiB (%+.2f MiB, slope %+.2f MiB over 10 min)\n",
                endRss.points, warm, endRss.first, endRss.last, endRss.growth, endRss.over10, endHeap.first,
                endHeap.last, endHeap.growth, endHeap.over10);
    std::fflush(stdout);

    const double small = repaintMs(w, uint64_t(1) << 30);
    const double large = repaintMs(w, disk);
    std::printf("  full zoom-out repaint: 1 GiB disk %.3f ms, 64 TiB disk %.3f ms, ratio %.2f   target <= 1.5   %s\n",
                small, large, large / small, large / small <= 1.5 ? "PASS" : "FAIL");
    return 0;
}
