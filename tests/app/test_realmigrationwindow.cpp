// File > Run a real QEMU migration... against a real QEMU 7.2: the dialog (a bad granularity keeps it
// open with the reason), the view's strip following QEMU's statuses, the brush writing to the
// source's disk before and during the run, the switch to postcopy by its button, QEMU's figures
// beside the prediction and the SHA-256 table.
#include "app/mainwindow.h"
#include "app/model/simulationcontroller.h"
#include "app/realmigrationwindow.h"
#include "tests/app/windowtestutil.h"
#include "tests/support/qemuvm.h"
#include "tests/support/qtwait.h"

#include "widgets/bitmapselector.h"
#include "widgets/byteformat.h"
#include "widgets/heatmapview.h"
#include "widgets/sizespinbox.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QHeaderView>
#include <QStyle>
#include <QTableWidget>
#include <QTimer>

#include <bitmig/hbitmap.h>

#include <catch2/catch.hpp>

using namespace bitmig;
using bitmig::test::waitUntil;

namespace {

constexpr uint64_t GiB = uint64_t(1) << 30;

QString s(const char* text)
{
    return QString::fromUtf8(text);
}

void clickOk(QDialog* d)
{
    auto* box = d->findChild<QDialogButtonBox*>();
    REQUIRE(box);
    QTest::mouseClick(box->button(QDialogButtonBox::Ok), Qt::LeftButton);
}

} // namespace

// Every column header of a table is wide enough for its whole text (nothing cut or elided).
void checkHeadersWhole(QTableWidget* table)
{
    QHeaderView* header = table->horizontalHeader();
    const int margin = 2 * header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header);
    for (int i = 0; i < table->columnCount(); ++i) {
        const QString text = table->horizontalHeaderItem(i) ? table->horizontalHeaderItem(i)->text() : QString();
        INFO(text.toStdString() << ": " << header->sectionSize(i) << " px");
        CHECK(header->sectionSize(i) >= header->fontMetrics().horizontalAdvance(text) + margin);
    }
}

TEST_CASE("File > Run a real QEMU migration opens the dialog with the Parameters dock's link", "[realmig][qemu]")
{
    MainWindow w;
    bitmig::test::showAt(w);
    QAction* action = nullptr;
    for (QAction* a : w.allActions()) {
        if (a->text() == s("Run a real QEMU &migration...")) {
            action = a;
        }
    }
    REQUIRE(action);
    bool sawDialog = false;
    QTimer::singleShot(0, [&] {
        auto* d = qobject_cast<RealMigrationDialog*>(QApplication::activeModalWidget());
        REQUIRE(d);
        sawDialog = true;
        const RealMigrationSpec spec = d->spec();
        CHECK(spec.bandwidth == w.controller()->config().bandwidth);
        CHECK(spec.downtimeLimitMs * 1'000'000 == w.controller()->config().maxDowntimeNs);
        CHECK(spec.disks.at(0).sizeBytes == w.controller()->config().diskBytes);
        CHECK(spec.bitmaps.at(0).granularity == w.controller()->config().granularity);
        d->reject();
    });
    action->trigger();
    CHECK(sawDialog);
}

TEST_CASE("the real migration view: brush writes before and during a postcopy run, QEMU's statuses, the SHA-256 table", "[realmig][qemu]")
{
    bitmig::test::requireProgram(s("qemu-system-x86_64"), "qemu-system-x86");
    SimConfig params;
    params.bandwidth = 4e6;
    params.maxDowntimeNs = 50'000'000;
    params.diskBytes = 4 * GiB;
    params.granularity = 512;  // a 1 MiB bitmap: more than precopy may send within 50 ms

    RealMigrationDialog dialog(params);
    dialog.show();
    REQUIRE(QTest::qWaitForWindowExposed(&dialog));
    checkHeadersWhole(dialog.bitmapTable());
    // A granularity that is no number: the dialog stays open and says which bitmap.
    dialog.bitmapTable()->item(0, 1)->setText(s("lots"));
    clickOk(&dialog);
    CHECK(dialog.isVisible());
    CHECK(dialog.errorLabel()->isVisible());
    CHECK(dialog.errorLabel()->text().contains(s("lots")));
    dialog.bitmapTable()->item(0, 1)->setText(s("512"));
    dialog.modeField()->setCurrentIndex(1);  // postcopy
    REQUIRE(dialog.manualSwitchField()->isEnabled());
    QTest::mouseClick(dialog.manualSwitchField(), Qt::LeftButton);
    REQUIRE(dialog.manualSwitchField()->isChecked());
    clickOk(&dialog);
    INFO(dialog.errorLabel()->text().toStdString());
    REQUIRE(dialog.result() == QDialog::Accepted);

    QPointer<RealMigrationWindow> view = new RealMigrationWindow(dialog.takeMigration());
    view->show();
    REQUIRE(QTest::qWaitForWindowExposed(view));
    RealMigration* m = view->migration();
    checkHeadersWhole(view->shaTable());  // before the run: no row yet
    QStringList steps;
    for (QLabel* l : view->stripSteps()) {
        steps << l->text();
    }
    CHECK(steps == QStringList{s("setup"), s("active"), s("pre-switchover"), s("postcopy-active"), s("completed")});
    CHECK(view->activeStep() == -1);
    CHECK(view->figuresTable()->item(0, 1)->text() == s("(after the run)"));
    CHECK(view->figuresTable()->item(0, 2)->text().endsWith(s("ms")));

    // The brush before the start: a write to the source's disk.
    HeatmapView* heat = view->heatmap();
    REQUIRE(waitUntil([&] { return heat->bandRect(HeatmapView::Band::Source).isValid(); }, "the heatmap's layout"));
    const QRect band = heat->bandRect(HeatmapView::Band::Source);
    QTest::mouseClick(heat, Qt::LeftButton, {}, band.topLeft() + QPoint(band.width() / 4, band.height() / 2));
    REQUIRE(waitUntil([&] { return heat->snapshot() && heat->snapshot()->dirtyBits > 0; }, "the first write painted"));
    const uint64_t before = heat->snapshot()->dirtyBits;

    QSignalSpy finished(m, &RealMigration::finished);
    QSignalSpy failed(m, &RealMigration::failed);
    QTest::mouseClick(view->startButton(), Qt::LeftButton);
    REQUIRE(waitUntil([&] { return view->activeStep() == 1 || !failed.isEmpty(); }, "QEMU's status active"));
    REQUIRE(failed.isEmpty());
    CHECK(view->stripSteps()[1]->font().bold());
    REQUIRE(view->postcopyButton()->isVisible());
    REQUIRE(view->postcopyButton()->isEnabled());
    // The brush during the run.
    QTest::mouseClick(heat, Qt::LeftButton, {}, band.topLeft() + QPoint(band.width() * 3 / 4, band.height() / 2));
    REQUIRE(waitUntil([&] { return heat->snapshot()->dirtyBits > before; }, "the write during the run painted"));
    CHECK(heat->snapshot()->dirtyChunks > 0);  // the second band: written during the run

    QTest::mouseClick(view->postcopyButton(), Qt::LeftButton);
    REQUIRE(waitUntil([&] { return !finished.isEmpty() || !failed.isEmpty(); }, "the migration's end", 60000));
    if (!failed.isEmpty()) {
        FAIL(failed.first().at(1).toString().toStdString());
    }
    CHECK(view->activeStep() == 4);
    const RealMigrationResult& r = *m->result();
    CHECK(r.statuses.contains(s("postcopy-active")));
    REQUIRE(r.writes.size() == 2);
    CHECK(r.writes[0].atMs == -1);
    CHECK(r.writes[1].atMs >= 0);
    // The bitmap holds exactly the bits the two strokes wrote.
    CHECK(r.bitmaps.at(0).count == heat->snapshot()->dirtyBits * 512);
    QTableWidget* sha = view->shaTable();
    REQUIRE(sha->rowCount() == 1);
    CHECK(sha->item(0, 1)->text() == r.bitmaps[0].sourceSha256);
    CHECK(sha->item(0, 2)->text() == r.bitmaps[0].sourceSha256);
    CHECK(sha->item(0, 3)->text() == s("yes"));
    CHECK(view->figuresTable()->item(0, 1)->text() == s("%1 ms").arg(r.figures.totalTimeMs));
    CHECK(view->figuresTable()->item(1, 1)->text() == s("%1 ms").arg(r.figures.downtimeMs));
    CHECK(view->noteLabel()->text().contains(s("postcopy")));
    // A write after the end is refused with the reason.
    QTest::mouseClick(heat, Qt::LeftButton, {}, band.topLeft() + QPoint(band.width() / 2, band.height() / 2));
    CHECK(view->statusLabel()->text().contains(s("no longer runs")));
    view->close();
    REQUIRE(waitUntil([&] { return view.isNull(); }, "the view deleted on close"));
}

TEST_CASE("the real migration view predicts every disk and bitmap of the run", "[realmig][qemu]")
{
    bitmig::test::requireProgram(s("qemu-system-x86_64"), "qemu-system-x86");
    constexpr uint64_t MiB = uint64_t(1) << 20;
    RealMigrationSpec spec;
    spec.disks = {RealDisk{{}, GiB}, RealDisk{{}, 256 * MiB}};
    spec.bitmaps = {RealBitmap{0, s("b0"), 64 * 1024, false}, RealBitmap{1, s("c0"), 512, false},
                    RealBitmap{0, s("p1"), 4096, true}};
    spec.writesBefore = {RealWrite{0, 0, MiB}, RealWrite{1, 10 * MiB, 3 * MiB}};
    auto m = std::make_unique<RealMigration>();
    m->prepare(spec);
    QPointer<RealMigrationWindow> view = new RealMigrationWindow(std::move(m));
    view->show();
    REQUIRE(QTest::qWaitForWindowExposed(view));

    // The prediction beside QEMU's column is the one for all three bitmaps, and no note says otherwise.
    const RealPrediction all = predictRealMigration(spec, spec.writesBefore);
    REQUIRE(all.ran);
    REQUIRE(all.summary.bitmaps.size() == 3);
    CHECK(view->figuresTable()->item(2, 2)->text() == formatBytes(all.summary.wireBytes));
    // Whether QEMU completes at all: the prediction's sentence above the figures, and its row.
    CHECK(view->completionLabel()->text() == predictQemuCompletion(spec).text);
    CHECK(view->figuresTable()->item(3, 0)->text() == s("Completes"));
    const QemuCompletion c = predictQemuCompletion(spec);
    REQUIRE(c.verdict == QemuCompletion::Verdict::Completes);
    CHECK(view->figuresTable()->item(3, 2)->text() == s("yes, once QEMU measures over %1/s").arg(formatBytes(uint64_t(c.neededBandwidth))));
    const QString note = view->noteLabel()->text();
    INFO(note.toStdString());
    CHECK(note.contains(s("the same disks and bitmaps")));
    CHECK(!note.contains(s("one disk with one bitmap")));
    CHECK(!note.contains(s("only")));
    view->close();
    REQUIRE(waitUntil([&] { return view.isNull(); }, "the view deleted on close"));
}

TEST_CASE("the real migration view's brush writes to the disk of the bitmap shown", "[realmig][qemu]")
{
    bitmig::test::requireProgram(s("qemu-system-x86_64"), "qemu-system-x86");
    constexpr uint64_t MiB = uint64_t(1) << 20;
    RealMigrationSpec spec;
    spec.disks = {RealDisk{{}, 64 * MiB}, RealDisk{{}, 32 * MiB}};
    spec.bitmaps = {RealBitmap{0, s("b0"), 64 * 1024, false}, RealBitmap{1, s("c0"), 64 * 1024, false}};
    spec.bandwidth = 100e6;
    spec.downtimeLimitMs = 300;
    auto m = std::make_unique<RealMigration>();
    m->prepare(spec);
    QPointer<RealMigrationWindow> view = new RealMigrationWindow(std::move(m));
    view->show();
    REQUIRE(QTest::qWaitForWindowExposed(view));
    RealMigration* migration = view->migration();

    // The selector lists both bitmaps; the second chosen with the keyboard.
    BitmapSelector* selector = view->bitmapSelector();
    REQUIRE(selector->isVisible());
    QComboBox* combo = selector->comboBox();
    REQUIRE(combo->count() == 2);
    CHECK(combo->itemText(0) == s("drive0/b0"));
    CHECK(combo->itemText(1) == s("drive1/c0"));
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Down);
    REQUIRE(view->shownBitmap() == 1);
    HeatmapView* heat = view->heatmap();
    REQUIRE(waitUntil([&] { return heat->snapshot() && heat->snapshot()->bitmap == 1; }, "the heatmap of c0"));
    CHECK(heat->snapshot()->config->diskBytes == 32 * MiB);  // drive1's axis

    // A stroke in the middle of the band: a write to drive1, none to drive0.
    REQUIRE(waitUntil([&] { return heat->bandRect(HeatmapView::Band::Source).isValid(); }, "the heatmap's layout"));
    const QRect band = heat->bandRect(HeatmapView::Band::Source);
    QTest::mouseClick(heat, Qt::LeftButton, {}, band.topLeft() + QPoint(band.width() / 2, band.height() / 2));
    REQUIRE(waitUntil([&] { return heat->snapshot()->dirtyBits > 0; }, "the stroke painted"));
    const uint64_t strokeBits = heat->snapshot()->dirtyBits;

    // The source QEMU's own bitmaps at the switch-over: c0 holds the stroke, b0 nothing.
    QSignalSpy finished(migration, &RealMigration::finished);
    QSignalSpy failed(migration, &RealMigration::failed);
    QTest::mouseClick(view->startButton(), Qt::LeftButton);
    REQUIRE(waitUntil([&] { return !finished.isEmpty() || !failed.isEmpty(); }, "the migration's end", 60000));
    if (!failed.isEmpty()) {
        FAIL(failed.first().at(1).toString().toStdString());
    }
    const RealMigrationResult& r = *migration->result();
    REQUIRE(r.writes.size() == 1);
    CHECK(r.writes[0].disk == 1);
    const RealBitmapResult* b0 = nullptr;
    const RealBitmapResult* c0 = nullptr;
    for (const RealBitmapResult& b : r.bitmaps) {
        (b.name == s("b0") ? b0 : c0) = &b;
    }
    REQUIRE(b0);
    REQUIRE(c0);
    CHECK(c0->node == s("drive1"));
    CHECK(c0->count == strokeBits * 64 * 1024);
    CHECK(b0->count == 0);
    // c0's digest is that of the bits the stroke wrote, computed by the core.
    HBitmap expected(32 * MiB, 16);
    expected.set(r.writes[0].offset, r.writes[0].length);
    CHECK(c0->sourceSha256 == QString::fromStdString(expected.sha256()));
    CHECK(c0->matches());
    HBitmap empty(64 * MiB, 16);
    CHECK(b0->sourceSha256 == QString::fromStdString(empty.sha256()));
    view->close();
    REQUIRE(waitUntil([&] { return view.isNull(); }, "the view deleted on close"));
}

TEST_CASE("the real migration view says before and while it runs that QEMU will not complete, and cancels it", "[realmig][qemu]")
{
    bitmig::test::requireProgram(s("qemu-system-x86_64"), "qemu-system-x86");
    constexpr uint64_t MiB = uint64_t(1) << 20;
    // 131,072 bits pending (64 MiB at 512 B); 1 MB/s for 100 ms lets at most 100,000 through.
    RealMigrationSpec spec;
    spec.disks = {RealDisk{{}, 64 * MiB}};
    spec.bitmaps = {RealBitmap{0, s("b0"), 512, false}};
    spec.bandwidth = 1e6;
    spec.downtimeLimitMs = 100;
    auto m = std::make_unique<RealMigration>();
    m->prepare(spec);
    QPointer<RealMigrationWindow> view = new RealMigrationWindow(std::move(m));
    view->show();
    REQUIRE(QTest::qWaitForWindowExposed(view));
    RealMigration* migration = view->migration();
    QLabel* completion = view->completionLabel();
    INFO(completion->text().toStdString());
    CHECK(completion->text().startsWith(s("QEMU will not complete this precopy: ")));
    CHECK(view->figuresTable()->item(0, 2)->text() == s("(does not complete)"));
    CHECK(view->figuresTable()->item(1, 2)->text() == s("(does not complete)"));
    CHECK(view->figuresTable()->item(3, 2)->text() == s("no: %1 pending, at most %2 let through").arg(formatBytes(131072), formatBytes(100000)));

    // While it runs: what the bandwidth QEMU measures lets through.
    QSignalSpy failed(migration, &RealMigration::failed);
    QTest::mouseClick(view->startButton(), Qt::LeftButton);
    REQUIRE(waitUntil([&] { return completion->text().contains(s("QEMU measures")) || !failed.isEmpty(); }, "QEMU's first measured window"));
    REQUIRE(failed.isEmpty());
    CHECK(completion->text().contains(s("it does not complete at this bandwidth")));
    CHECK(completion->text().contains(qemuCompletionNow(spec, migration->progressNow().mbps)));

    // Cancelled with the view's button: QEMU says so, both QEMUs stop.
    QPushButton* cancel = nullptr;
    for (QPushButton* b : view->findChildren<QPushButton*>()) {
        if (b->text() == s("Cancel the migration")) {
            cancel = b;
        }
    }
    REQUIRE(cancel);
    REQUIRE(cancel->isEnabled());
    QTest::mouseClick(cancel, Qt::LeftButton);
    REQUIRE(waitUntil([&] { return !failed.isEmpty(); }, "the cancelled migration reported"));
    CHECK(view->statusLabel()->text().contains(s("cancelled")));
    CHECK(view->figuresTable()->item(3, 1)->text() == s("no (migration-failed)"));
    CHECK(migration->sourcePid() == 0);
    CHECK(migration->destinationPid() == 0);
    view->close();
    REQUIRE(waitUntil([&] { return view.isNull(); }, "the view deleted on close"));
}
