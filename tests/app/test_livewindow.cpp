// File > Attach to QEMU... against a real QEMU 7.2: the dialog (a bad socket keeps it open with the
// reason; a good one is remembered), the attached view's table, a ticked bitmap as a heatmap that
// follows real writes, the pause button, and that closing the view leaves QEMU as it was.
#include "app/livewindow.h"
#include "app/mainwindow.h"
#include "app/messagebar.h"
#include "app/model/simulationcontroller.h"
#include "tests/app/windowtestutil.h"
#include "tests/support/qemuvm.h"
#include "tests/support/qtwait.h"

#include "widgets/heatmapview.h"
#include "widgets/ratechart.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QRegularExpression>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QTimer>
#include <QTreeWidget>

#include <bitmig/migrationengine.h>

#include <catch2/catch.hpp>

#include <algorithm>

using namespace bitmig;
using bitmig::test::waitUntil;

namespace {

constexpr uint64_t KiB = 1024;
constexpr uint64_t MiB = 1024 * KiB;

QString s(const char* text)
{
    return QString::fromUtf8(text);
}

QAction* attachAction(MainWindow& w)
{
    for (QAction* a : w.allActions()) {
        if (a->text() == s("&Attach to QEMU...")) {
            return a;
        }
    }
    FAIL("no File > Attach to QEMU... action");
    return nullptr;
}

// Types `path` into the attach dialog once it is open and presses Enter; then `after` runs with
// the dialog (still open when the attach failed).
void answerDialog(const QString& path, std::function<void(AttachDialog*)> after)
{
    QTimer::singleShot(0, [path, after] {
        auto* dialog = qobject_cast<AttachDialog*>(QApplication::activeModalWidget());
        REQUIRE(dialog);
        QLineEdit* edit = dialog->socketField()->lineEdit();
        edit->selectAll();
        QTest::keyClicks(edit, path);
        QTest::keyClick(edit, Qt::Key_Return);
        after(dialog);
    });
}

LiveWindow* liveWindow()
{
    for (QWidget* w : QApplication::topLevelWidgets()) {
        if (auto* live = qobject_cast<LiveWindow*>(w); live && live->isVisible()) {
            return live;
        }
    }
    return nullptr;
}

} // namespace

TEST_CASE("Without saved settings, File > Attach to QEMU offers no recent socket and saves none", "[live]")
{
    bitmig::test::clearSettings();
    const QStringList saved{s("/run/earlier/qmp.sock")};
    QSettings().setValue(s("live/recentSockets"), saved);
    MainWindow w;
    w.setSettingsEnabled(false);
    int offered = -1;
    QString shown = s("unset");
    QTimer::singleShot(0, [&] {
        auto* d = qobject_cast<AttachDialog*>(QApplication::activeModalWidget());
        REQUIRE(d);
        offered = d->socketField()->count();
        QLineEdit* edit = d->socketField()->lineEdit();
        edit->selectAll();
        QTest::keyClicks(edit, s("/nonexistent/qmp.sock"));
        QTest::keyClick(edit, Qt::Key_Return);
        shown = d->errorLabel()->text();
        d->reject();
    });
    attachAction(w)->trigger();
    CHECK(offered == 0);
    CHECK(shown.contains(s("/nonexistent/qmp.sock")));
    CHECK(QSettings().value(s("live/recentSockets")).toStringList() == saved);
    w.close();
    bitmig::test::clearSettings();
}

TEST_CASE("File > Attach to QEMU: a real QEMU's bitmaps listed, one watched as a heatmap, cleaned up on close", "[live][qemu]")
{
    bitmig::test::clearSettings();
    bitmig::test::QemuVm vm;
    vm.addBitmap(s("drive0"), s("b0"), 64 * KiB);
    vm.addBitmap(s("drive0"), s("other"), 1 * MiB, true);
    vm.write(s("drive0"), 0, 2 * MiB);
    const QByteArray before = vm.state();

    MainWindow w;
    bitmig::test::showAt(w);
    w.setSettingsEnabled(true);  // the recent sockets are remembered in the settings

    // A path that is not a QMP socket: the dialog stays with the reason, and is then cancelled.
    bool sawError = false;
    answerDialog(vm.dir() + s("/disk0.qcow2"), [&](AttachDialog* d) {
        sawError = d->isVisible() && d->errorLabel()->isVisible() && d->errorLabel()->text().contains(s("disk0.qcow2"));
        d->reject();
    });
    attachAction(w)->trigger();
    CHECK(sawError);
    CHECK(liveWindow() == nullptr);

    answerDialog(vm.qmpSocket(), [](AttachDialog*) {});
    attachAction(w)->trigger();
    QPointer<LiveWindow> live = liveWindow();
    REQUIRE(live);
    CHECK(AttachDialog::recentSockets().value(0) == vm.qmpSocket());
    REQUIRE(QTest::qWaitForWindowExposed(live));

    // The table: both bitmaps with QEMU's figures.
    QTreeWidget* table = live->table();
    REQUIRE(table->topLevelItemCount() == 2);
    QTreeWidgetItem* b0 = nullptr;
    for (int i = 0; i < table->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = table->topLevelItem(i);
        if (item->text(1) == s("b0")) {
            b0 = item;
            CHECK(item->text(2) == s("64 KiB"));
            CHECK(item->text(3) == s("2 MiB"));
            CHECK(item->text(4) == s("yes"));
            CHECK(item->text(5) == s("no"));
            CHECK(item->text(6) == s("no"));
        } else {
            CHECK(item->text(1) == s("other"));
            CHECK(item->text(2) == s("1 MiB"));
            CHECK(item->text(5) == s("yes"));
        }
    }
    REQUIRE(b0);

    // Nothing ticked: the view says what to do instead of an empty area.
    CHECK(live->emptyHint()->isVisible());
    CHECK(live->emptyHint()->text().contains(s("Tick a bitmap")));

    // Tick b0 with the keyboard: its heatmap appears with the bits QEMU holds.
    table->setFocus();
    table->setCurrentItem(b0);
    QTest::keyClick(table, Qt::Key_Space);
    REQUIRE(b0->checkState(0) == Qt::Checked);
    CHECK_FALSE(live->emptyHint()->isVisible());
    const qemu::BitmapRef ref{s("drive0"), s("b0")};
    HeatmapView* view = live->heatmap(ref);
    REQUIRE(view);
    // The legend names what this view shows: a running VM's bitmap has no chunk being sent.
    const QStringList legend = view->legendTexts();
    CHECK(legend.contains(s("clean (no bit set)")));
    CHECK_FALSE(legend.contains(s("chunk being sent")));
    CHECK_FALSE(legend.contains(s("destination differs from source")));
    REQUIRE(waitUntil([&] { return view->snapshot() != nullptr; }, "the first snapshot of b0"));
    CHECK(view->snapshot()->dirtyBits == 2 * MiB / (64 * KiB));
    CHECK(live->figures(ref)->text().contains(s("2 MiB dirty in 1 extent ·")));
    CHECK(live->statusLabel()->text().contains(s("took")));
    // Every count reads with its noun's number: "1 round trip", "3 round trips".
    CHECK_FALSE(live->statusLabel()->text().contains(QRegularExpression(s("\\b1 (round trips|requests)\\b"))));
    CHECK(live->statusLabel()->text().contains(QRegularExpression(s("in \\d+ round trips?, NBD .* in \\d+ requests?\\)"))));

    // A write lands in the next refresh, as what changed.
    live->intervalField()->setValue(0.2);
    vm.write(s("drive0"), 64 * MiB, 128 * KiB);
    REQUIRE(waitUntil([&] { return view->snapshot() && view->snapshot()->dirtyBits == 34; }, "the write in the heatmap"));
    const LiveBitmapState* st = live->session()->state(ref);
    REQUIRE(st);
    CHECK(st->dirtyBytes == 2 * MiB + 128 * KiB);
    REQUIRE(waitUntil([&] { return live->figures(ref)->text().contains(s("dirty in 2 extents ·")); }, "two extents in the figures"));
    CHECK(QString::fromStdString(st->bits->sha256()) == vm.sha256(s("drive0"), s("b0")));

    // Paused: nothing is read until it resumes.
    QTest::mouseClick(live->pauseButton(), Qt::LeftButton);
    CHECK(live->session()->isPaused());
    const unsigned count = live->session()->refreshCount();
    vm.write(s("drive0"), 128 * MiB, 64 * KiB);
    QTest::qWait(700);  // watching that nothing happens for three intervals
    CHECK(live->session()->refreshCount() == count);
    CHECK(live->statusLabel()->text().contains(s("paused")));
    QTest::mouseClick(live->pauseButton(), Qt::LeftButton);
    REQUIRE(waitUntil([&] { return view->snapshot() && view->snapshot()->dirtyBits == 35; }, "the refresh after resuming"));
    CHECK(view->snapshot()->dirtyChunks == 1);  // one granule changed since the refresh before

    // Closing detaches: QEMU holds what it held, but for the guest's writes.
    live->close();
    REQUIRE(waitUntil([&] { return live.isNull(); }, "the attached view to go"));
    const QRegularExpression counts(s("\"count\":[0-9]+"));
    CHECK(QString::fromUtf8(vm.state()).replace(counts, s("count")) == QString::fromUtf8(before).replace(counts, s("count")));
}

TEST_CASE("The attached view says so when QEMU is killed, and stops refreshing", "[live][qemu]")
{
    bitmig::test::QemuVm vm;
    vm.addBitmap(s("drive0"), s("b0"), 64 * KiB);
    auto session = std::make_unique<LiveSession>();
    REQUIRE(session->attach(vm.qmpSocket()).isEmpty());
    auto* live = new LiveWindow(std::move(session));
    live->show();
    live->session()->setWatched({{s("drive0"), s("b0")}});
    live->intervalField()->setValue(0.1);
    REQUIRE(waitUntil([&] { return live->session()->refreshCount() > 0; }, "a refresh"));
    vm.kill();
    REQUIRE(waitUntil([&] { return !live->session()->isAttached(); }, "the session to notice"));
    CHECK(live->statusLabel()->text().startsWith(s("Detached: ")));
    CHECK(!live->pauseButton()->isEnabled());
    delete live;
}

TEST_CASE("Simulate migration: the VM's disks, bitmaps and bits as the run's start, its changes as the workload", "[live][qemu]")
{
    bitmig::test::clearSettings();
    constexpr uint64_t GiB = 1024 * MiB;
    // drive1 is made after drive0, and QEMU lists it first.
    bitmig::test::QemuVm vm({1 * GiB, 256 * MiB});
    vm.addBitmap(s("drive0"), s("b0"), 64 * KiB);
    vm.addBitmap(s("drive0"), s("frozen"), 1 * MiB, true);
    vm.addBitmap(s("drive1"), s("c0"), 128 * KiB);
    vm.write(s("drive0"), 0, 2 * MiB);
    vm.run(s("block-dirty-bitmap-disable"), QJsonObject{{s("node"), s("drive0")}, {s("name"), s("frozen")}});
    vm.write(s("drive0"), 64 * MiB, 128 * KiB);
    vm.write(s("drive1"), 1 * MiB, 64 * KiB);

    MainWindow w;
    bitmig::test::showAt(w);
    answerDialog(vm.qmpSocket(), [](AttachDialog*) {});
    attachAction(w)->trigger();
    QPointer<LiveWindow> live = liveWindow();
    REQUIRE(live);
    live->intervalField()->setValue(0.2);

    // Watch b0 and c0: their changes from here on are recorded.
    const qemu::BitmapRef b0{s("drive0"), s("b0")};
    const qemu::BitmapRef c0{s("drive1"), s("c0")};
    QTreeWidget* table = live->table();
    table->setFocus();
    for (int i = 0; i < table->topLevelItemCount(); ++i) {
        if (table->topLevelItem(i)->text(1) != s("frozen")) {
            table->setCurrentItem(table->topLevelItem(i));
            QTest::keyClick(table, Qt::Key_Space);
        }
    }
    REQUIRE(waitUntil([&] { return live->session()->state(b0) && live->session()->state(c0); }, "the first refresh of b0 and c0"));
    const std::vector<Range> firstB0 = live->session()->state(b0)->extents;
    const std::vector<Range> firstC0 = live->session()->state(c0)->extents;

    vm.write(s("drive0"), 100 * MiB, 64 * KiB);
    REQUIRE(waitUntil([&] { return live->session()->state(b0)->dirtyBytes == 2 * MiB + 192 * KiB; }, "the first write in a refresh"));
    vm.write(s("drive1"), 8 * MiB, 256 * KiB);
    vm.run(s("block-dirty-bitmap-clear"), QJsonObject{{s("node"), s("drive0")}, {s("name"), s("b0")}});
    vm.write(s("drive0"), 200 * MiB, 64 * KiB);
    REQUIRE(waitUntil([&] { return live->session()->state(c0)->dirtyBytes == 128 * KiB + 256 * KiB
                                   && live->session()->state(b0)->dirtyBytes == 64 * KiB; },
                      "the second writes and the clear in a refresh"));
    QTest::mouseClick(live->pauseButton(), Qt::LeftButton);

    QTest::mouseClick(live->simulateButton(), Qt::LeftButton);
    const SimConfig config = w.controller()->config();

    // The layout: QEMU's nodes and bitmaps, in the order it lists them (the newest first), with
    // its sizes and flags.
    const std::vector<DiskSpec> disks = config.diskList();
    REQUIRE(disks.size() == 2);
    CHECK(disks[0] == DiskSpec{"drive1", 256 * MiB});
    CHECK(disks[1] == DiskSpec{"drive0", 1 * GiB});
    const std::vector<BitmapSpec> bitmaps = config.bitmapList();
    REQUIRE(bitmaps.size() == 3);
    auto flags = [](BitmapSpec b) {
        b.startBits.clear();  // checked below, against QEMU's digests
        return b;
    };
    CHECK(flags(bitmaps[0]) == BitmapSpec{0, "c0", 128 * KiB, true, false});
    CHECK(flags(bitmaps[1]) == BitmapSpec{1, "frozen", 1 * MiB, false, true});
    CHECK(flags(bitmaps[2]) == BitmapSpec{1, "b0", 64 * KiB, true, false});
    CHECK(bitmaps[1].startBits == std::vector<Range>{Range{0, 2 * MiB}});
    const uint64_t drive0At = 256 * MiB;  // the guest's offset of drive0, after drive1

    // The starting bits: each bitmap its own, QEMU's digest for every one, the one not recording
    // (2 MiB, which b0 no longer holds) too; nothing to warn about.
    MigrationEngine start(config);
    REQUIRE(start.bitmapCount() == 3);
    for (size_t i = 0; i < start.bitmapCount(); ++i) {
        const QString node = QString::fromStdString(config.diskList()[config.bitmapList()[i].disk].node);
        const QString name = QString::fromStdString(start.source(i).name());
        INFO(name.toStdString());
        CHECK(QString::fromStdString(start.source(i).bits().sha256()) == vm.sha256(node, name));
    }
    CHECK(start.source(1).name() == "frozen");
    CHECK(!start.source(1).enabled());
    CHECK(start.source(1).dirtyBits() == 2);                // 2 MiB at 1 MiB granularity
    CHECK(start.source(2).bits().sha256() != start.source(1).bits().sha256());
    CHECK_FALSE(w.messageBar()->isVisible());
    // The run carries each of them with its own bits: every bitmap verified at the destination.
    {
        SimConfig alone = config;
        alone.workload = WorkloadSpec{};
        alone.workload.kind = WorkloadKind::Idle;
        MigrationEngine run(alone);
        run.runToEnd();
        const MigrationSummary sum = run.summary();
        REQUIRE(sum.finished);
        CHECK(sum.verified);
        REQUIRE(sum.bitmaps.size() == 3);
        CHECK(sum.bitmaps[1].dirtyBits == 2);
    }
    bool banner = false;
    for (QLabel* l : w.findChildren<QLabel*>()) {
        banner = banner || (l->isVisible() && l->text().contains(s("3 bitmaps on 2 disks")) && l->text().contains(s("changes recorded")));
    }
    CHECK(banner);

    // The workload: the recorded changes as a trace; replayed over the bits of the first refresh,
    // they give the bits the VM holds now.
    REQUIRE(config.workload.trace.active());
    CHECK(config.workload.kind == WorkloadKind::Idle);
    CHECK(config.workload.trace.trace->clears() > 0);
    SimConfig replay = config;
    replay.injections.clear();
    for (BitmapSpec& b : replay.bitmaps) {
        b.startBits.clear();  // from the first refresh's bits instead
    }
    for (const Range& r : firstB0) {
        replay.injections.push_back(Injection{0, Injection::Op::Write, drive0At + r.start, r.count});
    }
    for (const Range& r : firstC0) {
        replay.injections.push_back(Injection{0, Injection::Op::Write, r.start, r.count});
    }
    replay.migrationStartNs = -1;
    replay.timeLimitNs = config.workload.trace.trace->endNs() + 1'000'000'000;
    MigrationEngine engine(replay);
    engine.runToEnd();
    for (size_t i = 0; i < engine.bitmapCount(); ++i) {
        const QString node = QString::fromStdString(replay.diskList()[replay.bitmapList()[i].disk].node);
        const QString name = QString::fromStdString(engine.source(i).name());
        if (name != s("frozen")) {
            INFO(name.toStdString());
            CHECK(QString::fromStdString(engine.source(i).bits().sha256()) == vm.sha256(node, name));
        }
    }
    live->close();
}

TEST_CASE("The attached view charts each watched bitmap's dirty rate, a point per refresh, bounded and cleared on detach", "[live][qemu]")
{
    constexpr uint64_t GiB = 1024 * MiB;
    bitmig::test::QemuVm vm({1 * GiB, 64 * MiB});
    vm.addBitmap(s("drive0"), s("b0"), 64 * KiB);
    vm.addBitmap(s("drive1"), s("c0"), 512);
    auto session = std::make_unique<LiveSession>();
    REQUIRE(session->attach(vm.qmpSocket()).isEmpty());
    QPointer<LiveWindow> live = new LiveWindow(std::move(session));
    live->show();
    REQUIRE(QTest::qWaitForWindowExposed(live));
    LiveSession* session_ = live->session();
    // Refreshes only when asked: each one follows the writes made before it.
    QTest::mouseClick(live->pauseButton(), Qt::LeftButton);
    REQUIRE(session_->isPaused());
    RateChart* chart = live->rateChart();
    REQUIRE(chart);
    CHECK(chart->seriesNames().isEmpty());

    QTreeWidget* table = live->table();
    table->setFocus();
    for (int i = 0; i < table->topLevelItemCount(); ++i) {
        table->setCurrentItem(table->topLevelItem(i));
        QTest::keyClick(table, Qt::Key_Space);
    }
    const qemu::BitmapRef b0{s("drive0"), s("b0")};
    const qemu::BitmapRef c0{s("drive1"), s("c0")};
    REQUIRE(session_->watched().size() == 2);
    // The session's clock reads at the start of a refresh, some time between the test's readings
    // before and after the call.
    QElapsedTimer clock;
    clock.start();
    qint64 before = clock.elapsed();
    REQUIRE(session_->refreshNow());
    qint64 after = clock.elapsed();
    // The first refresh has no rate: the chart has the lines (in QEMU's order) and no point yet.
    const QStringList names = chart->seriesNames();
    CHECK(names.size() == 2);
    const int bi = int(names.indexOf(s("drive0/b0")));
    const int ci = int(names.indexOf(s("drive1/c0")));
    REQUIRE(bi >= 0);
    REQUIRE(ci >= 0);
    CHECK(chart->points(bi).isEmpty());
    CHECK(chart->points(ci).isEmpty());

    // Between refreshes, qemu-io writes through HMP; each refresh adds a point per bitmap with the
    // bytes that turned dirty over the seconds since the refresh before.
    const uint64_t writes[] = {1 * MiB, 3 * MiB, 256 * KiB};
    const uint64_t at[] = {0, 100 * MiB, 500 * MiB};
    for (int i = 0; i < 3; ++i) {
        vm.write(s("drive0"), at[i], writes[i]);
        vm.write(s("drive1"), uint64_t(i) * MiB, 4 * KiB);
        const qint64 last = after;
        REQUIRE(waitUntil([&] { return clock.elapsed() >= last + 400; }, "a gap between two refreshes"));
        const qint64 previousBefore = before;
        const qint64 previousAfter = after;
        before = clock.elapsed();
        REQUIRE(session_->refreshNow());
        after = clock.elapsed();
        const QList<QPointF> b = chart->points(bi);
        const QList<QPointF> c = chart->points(ci);
        REQUIRE(b.size() == i + 1);
        REQUIRE(c.size() == i + 1);
        const LiveBitmapState* sb = session_->state(b0);
        const LiveBitmapState* sc = session_->state(c0);
        REQUIRE(sb);
        REQUIRE(sc);
        CHECK(sb->dirtiedBytes == writes[i]);
        CHECK(sc->dirtiedBytes == 4 * KiB);
        CHECK(b.last().y() == sb->dirtyRate);
        CHECK(c.last().y() == sc->dirtyRate);
        // The seconds between the two refreshes' starts, in whole milliseconds.
        const double shortest = double(before - previousAfter - 1) / 1000.0;
        const double longest = double(after - previousBefore + 1) / 1000.0;
        INFO("between " << shortest << " and " << longest << " s, rate " << b.last().y());
        CHECK(b.last().y() <= double(writes[i]) / shortest);
        CHECK(b.last().y() >= double(writes[i]) / longest);
        CHECK(c.last().y() <= double(4 * KiB) / shortest);
        CHECK(c.last().y() >= double(4 * KiB) / longest);
        if (i > 0) {
            CHECK(b.last().x() > b[i - 1].x());  // seconds since the first refresh
        }
    }
    CHECK(chart->valueLabels().last().endsWith(s("/s")));

    // Bounded: the oldest points go first.
    session_->setMaxRatePoints(2);
    REQUIRE(session_->refreshNow());
    CHECK(chart->points(bi).size() == 2);
    CHECK(chart->points(bi).last().y() == 0);  // nothing written since
    CHECK(session_->rateHistory(b0).size() == 2);

    // A bitmap no longer watched loses its line.
    for (int i = 0; i < table->topLevelItemCount(); ++i) {
        if (table->topLevelItem(i)->text(1) == s("c0")) {
            table->setCurrentItem(table->topLevelItem(i));
            QTest::keyClick(table, Qt::Key_Space);
        }
    }
    REQUIRE(session_->refreshNow());
    CHECK(chart->seriesNames() == QStringList{s("drive0/b0")});
    CHECK(session_->rateHistory(c0).isEmpty());

    // Detached: the chart is cleared.
    session_->detach();
    CHECK(chart->seriesNames().isEmpty());
    CHECK(chart->points(0).isEmpty());
    CHECK(session_->rateHistory(b0).isEmpty());
    live->close();
    REQUIRE(waitUntil([&] { return live.isNull(); }, "the attached view to go"));
}

TEST_CASE("Three watched bitmaps at 900 px: the table is as tall as its rows, every heatmap band shows without scrolling", "[live][qemu]")
{
    bitmig::test::clearSettings();
    constexpr uint64_t GiB = 1024 * MiB;
    bitmig::test::QemuVm vm({1 * GiB, 256 * MiB});
    vm.addBitmap(s("drive0"), s("b0"), 64 * KiB);
    vm.addBitmap(s("drive0"), s("b1"), 1 * MiB);
    vm.addBitmap(s("drive1"), s("c0"), 128 * KiB);
    vm.write(s("drive0"), 0, 2 * MiB);
    vm.write(s("drive1"), 1 * MiB, 64 * KiB);
    auto session = std::make_unique<LiveSession>();
    REQUIRE(session->attach(vm.qmpSocket()).isEmpty());
    auto live = std::make_unique<LiveWindow>(std::move(session));
    live->resize(1400, 900);
    live->show();
    REQUIRE(QTest::qWaitForWindowExposed(live.get()));

    // Tick the three bitmaps with the keyboard.
    QTreeWidget* table = live->table();
    REQUIRE(table->topLevelItemCount() == 3);
    table->setFocus();
    QList<qemu::BitmapRef> refs;
    for (int i = 0; i < table->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = table->topLevelItem(i);
        table->setCurrentItem(item);
        QTest::keyClick(table, Qt::Key_Space);
        REQUIRE(item->checkState(0) == Qt::Checked);
        refs.append({item->data(0, Qt::UserRole).toString(), item->text(1)});
    }
    REQUIRE(waitUntil([&] {
        return std::all_of(refs.begin(), refs.end(), [&](const qemu::BitmapRef& r) {
            return live->heatmap(r) && live->heatmap(r)->snapshot();
        });
    }, "the three heatmaps' first snapshots"));
    QTest::mouseClick(live->pauseButton(), Qt::LeftButton);  // nothing repaints while the window is grabbed
    REQUIRE(live->session()->isPaused());

    for (const QSize size : {QSize(1400, 900), QSize(1600, 900)}) {
        INFO(size.width() << "x" << size.height());
        live->resize(size);
        REQUIRE(waitUntil([&] { return live->size() == size; }, "the window at its size"));
        QApplication::processEvents();
        // The table: its three rows with no scrolling and no more than a row of blank space below them.
        const QRect last = table->visualItemRect(table->topLevelItem(2));
        INFO("table " << table->height() << " px, last row ends at " << last.bottom() << " of " << table->viewport()->height());
        CHECK(table->verticalScrollBar()->maximum() == 0);
        CHECK(table->viewport()->height() - last.bottom() <= last.height());
        // Every band of every heatmap is in the window as grabbed, drawn as the view draws it.
        const QImage shot = live->grab().toImage();
        const qreal dpr = shot.devicePixelRatio();
        for (const qemu::BitmapRef& ref : refs) {
            HeatmapView* view = live->heatmap(ref);
            for (const HeatmapView::Band band : {HeatmapView::Band::Source, HeatmapView::Band::Meta}) {
                const QRect r = view->bandRect(band);
                INFO(ref.node.toStdString() << "/" << ref.bitmap.toStdString() << " band " << int(band) << " at y "
                                            << view->mapTo(live.get(), r.topLeft()).y() << ", height " << r.height());
                REQUIRE_FALSE(r.isEmpty());
                CHECK(view->visibleRegion().intersected(r) == QRegion(r));
                const QRect inWindow(view->mapTo(live.get(), r.topLeft()), r.size());
                REQUIRE(live->rect().contains(inWindow));
                const QImage drawn = view->grab(r).toImage().convertToFormat(QImage::Format_RGB32);
                const QRect pixels(inWindow.topLeft() * dpr, inWindow.size() * dpr);
                CHECK(shot.copy(pixels).convertToFormat(QImage::Format_RGB32) == drawn);
            }
        }
    }
}
