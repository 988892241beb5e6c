// The window's sweep against `bitmig sweep` on the same 21-point chunk sweep (1 B to 1 MiB) of the
// "16 TiB on 1 GbE: precopy" preset, alternating in one run: the Sweep view (SweepView, offscreen,
// shown, with the preset as its base configuration) started with run() as its Run button does,
// timed until its job's finished(); and `bitmig sweep --scenario PRESET --jobs N --format json`
// started as a process (N: the cores, as the window uses), timed until it exits. Reports wall time
// and CPU time of both (the window: this process; the command: its process) and the ratio window /
// command per pair; the target is the window's wall time within 1.2x of the command's. Both must
// give the same JSON (the view's points written by SweepReport::writeJson, as its export does, and
// the command's output), byte for byte: exit 2 otherwise. A missed target does not change the exit
// code. Usage: bench_sweep_gui [--reps N] (default 3 pairs). A benchmark, not a test.
#include "app/scenario/scenariofile.h"
#include "app/scenario/sweepreport.h"
#include "app/sweepview.h"

#include <bitmig/sweep.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QTextStream>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>

using namespace bitmig;

namespace {

double cpuSeconds(int who)
{
    rusage u{};
    getrusage(who, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) * 1e-6;
}

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly)) {
        return QStringLiteral("?");
    }
    return QString::fromLatin1(f.readAll()).section(QLatin1Char(' '), 0, 0);
}

struct Timed {
    double wallS = 0;
    double cpuS = 0;
    QByteArray json;
};

const SweepCriterion kCriterion = SweepCriterion::MinTotalBytes;

Timed runWindow(SweepView& view)
{
    Timed t;
    QEventLoop loop;
    bool complete = false;
    const auto connection = QObject::connect(view.job(), &SweepJob::finished, &loop, [&](bool ok) {
        complete = ok;
        loop.quit();
    });
    const double cpu0 = cpuSeconds(RUSAGE_SELF);
    QElapsedTimer clock;
    clock.start();
    QString error;
    if (!view.run(&error)) {
        std::fprintf(stderr, "bench_sweep_gui: the view did not start: %s\n", qPrintable(error));
        std::exit(2);
    }
    loop.exec();
    t.wallS = double(clock.nsecsElapsed()) * 1e-9;
    t.cpuS = cpuSeconds(RUSAGE_SELF) - cpu0;
    QObject::disconnect(connection);
    if (!complete) {
        std::fprintf(stderr, "bench_sweep_gui: the view's sweep did not complete\n");
        std::exit(2);
    }
    QTextStream out(&t.json);
    const SweepResults& results = view.job()->results();
    SweepReport::writeJson(out, results, bestSweepPoint(results.points, kCriterion), kCriterion);
    out.flush();
    return t;
}

Timed runCommand(const QString& preset, unsigned jobs)
{
    Timed t;
    QProcess process;
    const double cpu0 = cpuSeconds(RUSAGE_CHILDREN);
    QElapsedTimer clock;
    clock.start();
    process.start(QStringLiteral(BITMIG_CLI_PATH),
                  {QStringLiteral("sweep"), QStringLiteral("--scenario"), preset, QStringLiteral("--jobs"),
                   QString::number(jobs), QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--best"),
                   SweepReport::criterionName(kCriterion), QStringLiteral("--progress"), QStringLiteral("never")});
    if (!process.waitForFinished(-1) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        std::fprintf(stderr, "bench_sweep_gui: bitmig sweep failed (exit %d): %s\n", process.exitCode(),
                     process.readAllStandardError().constData());
        std::exit(2);
    }
    t.wallS = double(clock.nsecsElapsed()) * 1e-9;
    t.cpuS = cpuSeconds(RUSAGE_CHILDREN) - cpu0;
    t.json = process.readAllStandardOutput();
    return t;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // each pair's line as it ends, also into a file
    int reps = 3;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--reps") && i + 1 < args.size()) {
            reps = std::max(1, args[++i].toInt());
        } else {
            std::fprintf(stderr, "usage: bench_sweep_gui [--reps N]\n"
                                 "  --reps N  pairs of runs, window and command alternating (default 3)\n");
            return 1;
        }
    }
    const QString preset = QStringLiteral(BITMIG_PRESET_PATH);
    SimConfig base;
    try {
        base = ScenarioFile::load(preset).config;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_sweep_gui: %s\n", e.what());
        return 1;
    }
    const unsigned jobs = defaultSweepJobs(); // what the window uses
    SweepView view;
    view.resize(1200, 800);
    view.setBaseConfig(base);
    view.setParameter(SweepParameter::ChunkSize);
    view.show();

    std::printf("Sweep in the window against bitmig sweep: the 21 chunk sizes (1 B .. 1 MiB) of %s,\n"
                "%u job(s) each; %d pairs, alternating; load average %s at the start\n\n",
                qPrintable(preset), jobs, reps, qPrintable(loadAverage()));
    std::vector<double> wallRatios;
    std::vector<double> cpuRatios;
    double bestWindow = 1e300;
    double bestCommand = 1e300;
    QByteArray reference;
    for (int r = 0; r < reps; ++r) {
        // Alternate which goes first, so that neither always meets the same moment of the load.
        Timed window;
        Timed command;
        if (r % 2 == 0) {
            command = runCommand(preset, jobs);
            window = runWindow(view);
        } else {
            window = runWindow(view);
            command = runCommand(preset, jobs);
        }
        if (window.json != command.json) {
            std::fprintf(stderr, "bench_sweep_gui: the window's sweep and bitmig sweep differ (pair %d)\n", r + 1);
            return 2;
        }
        if (reference.isEmpty()) {
            reference = command.json;
        } else if (command.json != reference) {
            std::fprintf(stderr, "bench_sweep_gui: pair %d gave other results than the first\n", r + 1);
            return 2;
        }
        wallRatios.push_back(window.wallS / command.wallS);
        cpuRatios.push_back(window.cpuS / command.cpuS);
        bestWindow = std::min(bestWindow, window.wallS);
        bestCommand = std::min(bestCommand, command.wallS);
        std::printf("pair %d: window wall %6.2f s, CPU %6.2f s | bitmig sweep wall %6.2f s, CPU %6.2f s | "
                    "window / command: wall %.2f, CPU %.2f (load %s)\n",
                    r + 1, window.wallS, window.cpuS, command.wallS, command.cpuS, wallRatios.back(),
                    cpuRatios.back(), qPrintable(loadAverage()));
    }
    const double ratio = median(wallRatios);
    std::printf("\nwindow / bitmig sweep, wall time: median of the pairs %.2f (best %.2f s / %.2f s = %.2f); "
                "target <= 1.20: %s\n",
                ratio, bestWindow, bestCommand, bestWindow / bestCommand, ratio <= 1.2 ? "met" : "MISSED");
    std::printf("window / bitmig sweep, CPU time: median of the pairs %.2f\n", median(cpuRatios));
    return 0;
}
