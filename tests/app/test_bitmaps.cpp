// A run with several bitmaps on several disks in the window: the selector above the heatmaps
// chooses the bitmap they show (zoom and brush follow it), the summary lists every bitmap.
#include "app/mainwindow.h"
#include "tests/support/fieldinput.h"
#include "tests/support/qtwait.h"
#include "tests/support/simulation.h"
#include "widgets/bitmapselector.h"
#include "widgets/heatmapview.h"
#include "widgets/parameterspanel.h"
#include "widgets/sizespinbox.h"
#include "widgets/summarypanel.h"
#include "widgets/zoomstack.h"
#include "windowtestutil.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <catch2/catch.hpp>

using namespace bitmig;
using bitmig::test::waitFor;
using bitmig::test::waitUntil;

namespace {

constexpr uint64_t GiB = uint64_t(1) << 30;

// drive0 (1 GiB) with "b0" and a disabled "b1"; drive1 (2 GiB) with "c0" at 4 KiB. Writes only on
// drive1 (guest offset 1 GiB on): c0 has bits, the drive0 bitmaps none.
QString writeScenario(const QTemporaryDir& dir, const char* strategy)
{
    const QString path = dir.filePath(QStringLiteral("layout.json"));
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(R"({"format": "bitmig-scenario", "version": 4, "name": "Two disks", "strategy": ")") + strategy +
            R"(", "bandwidth": "1Gbit", "migrationStart": null,
      "disks": [{"node": "drive0", "size": "1G"}, {"node": "drive1", "size": "2G"}],
      "bitmaps": [{"disk": "drive0", "name": "b0"}, {"disk": "drive0", "name": "b1", "enabled": false},
                  {"disk": "drive1", "name": "c0", "granularity": "4K", "persistent": true}],
      "workload": {"type": "idle"},
      "injections": [{"time": 0, "op": "write", "offset": "1G", "length": "64K"},
                     {"time": 0, "op": "write", "offset": "2G", "length": "8K"}]})");
    f.close();
    return path;
}

} // namespace

TEST_CASE("the bitmap selector shows each bitmap of a run in the heatmaps", "[mainwindow][bitmaps]")
{
    test::clearSettings();
    QTemporaryDir dir;
    MainWindow w;
    test::showAt(w);
    BitmapSelector* selector = w.bitmapSelector();
    CHECK_FALSE(selector->isVisible());  // the start-up run has one bitmap

    QString error;
    REQUIRE(w.openScenario(writeScenario(dir, "stop-copy"), &error));
    auto first = waitFor(*w.controller(), [](const SimSnapshot& s) { return s.bitmapLabels.size() == 3; });
    REQUIRE(first);
    REQUIRE(waitUntil([&] { return selector->isVisible(); }, "the selector to appear"));
    QComboBox* combo = selector->comboBox();
    REQUIRE(combo->count() == 3);
    CHECK(combo->itemText(0) == QStringLiteral("drive0/b0"));
    CHECK(combo->itemText(2) == QStringLiteral("drive1/c0"));
    CHECK(first->bitmap == 0);
    CHECK(first->dirtyBits == 0);  // the writes went to drive1
    CHECK(first->bitmapDiskBytes == GiB);

    // The keyboard on the selector, as a user: two steps down to drive1/c0.
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Down);
    QTest::keyClick(combo, Qt::Key_Down);
    CHECK(combo->currentIndex() == 2);
    auto c0 = waitFor(*w.controller(), [](const SimSnapshot& s) { return s.bitmap == 2; });
    REQUIRE(c0);
    CHECK(c0->bitmapDiskBytes == 2 * GiB);
    CHECK(c0->bitmapGranularity == 4096);
    CHECK(c0->bitmapDiskStart == GiB);
    CHECK(c0->dirtyBits == 16 + 2);         // 64 KiB at 0 and 8 KiB at 1 GiB of drive1, 4 KiB a bit
    CHECK(c0->geometry.totalBits() == (2 * GiB) / 4096);
    CHECK(c0->chunkCount == (2 * GiB / 4096) / 8192);
    HeatmapView* view = w.heatmap();
    REQUIRE(waitUntil([&] { return view->accessibleDescription().contains(QStringLiteral("18 dirty bits")); },
                      "the heatmap to describe c0"));

    // Zoom follows the shown bitmap: the first half of drive1.
    view->zoomStack()->zoomTo(0, (2 * GiB / 4096) / 2);
    auto zoomed = waitFor(*w.controller(), [](const SimSnapshot& s) {
        return s.bitmap == 2 && s.geometry.endBit() == (2 * GiB / 4096) / 2;
    });
    REQUIRE(zoomed);
    CHECK(zoomed->geometry.firstBit() == 0);

    // A brush stroke writes the shown bitmap's disk: c0 gains bits, drive0's bitmaps none.
    view->setTool(HeatmapView::Tool::Brush);
    const QRect band = view->bandRect(HeatmapView::Band::Source);
    REQUIRE(band.isValid());
    QTest::mouseClick(view, Qt::LeftButton, {}, band.topLeft() + QPoint(band.width() / 2, band.height() / 2));
    auto brushed = waitFor(*w.controller(), [](const SimSnapshot& s) { return s.bitmap == 2 && s.dirtyBits > 18; });
    REQUIRE(brushed);

    // Back to drive0/b0 with the keyboard: still clean, its own size.
    QTest::keyClick(combo, Qt::Key_Up);
    QTest::keyClick(combo, Qt::Key_Up);
    auto b0 = waitFor(*w.controller(), [](const SimSnapshot& s) { return s.bitmap == 0; });
    REQUIRE(b0);
    CHECK(b0->dirtyBits == 0);
    CHECK(b0->bitmapDiskBytes == GiB);
    CHECK(b0->geometry.endBit() == GiB / 65536);  // the whole of b0 again, not c0's zoom
}

TEST_CASE("the summary panel lists every bitmap of a finished run", "[mainwindow][bitmaps]")
{
    test::clearSettings();
    QTemporaryDir dir;
    MainWindow w;
    test::showAt(w);
    REQUIRE(w.openScenario(writeScenario(dir, "stop-copy")));
    REQUIRE(waitFor(*w.controller(), [](const SimSnapshot& s) { return s.bitmapLabels.size() == 3; }));
    w.controller()->startMigration();
    w.setSpeed(100);
    w.controller()->setPlaying(true);
    auto done = waitFor(*w.controller(), [](const SimSnapshot& s) { return s.phase == Phase::Done; });
    REQUIRE(done);
    REQUIRE(done->summary.bitmaps.size() == 3);
    REQUIRE(waitUntil([&] { return w.summaryPanel()->lines().join(QLatin1Char('\n')).contains(QStringLiteral("drive1/c0")); },
                      "the summary to list the bitmaps"));
    const QString text = w.summaryPanel()->lines().join(QLatin1Char('\n'));
    CHECK(text.contains(QStringLiteral("drive0/b0")));
    CHECK(text.contains(QStringLiteral("drive0/b1")));
    CHECK(text.count(QStringLiteral("✓")) >= 4);  // the run, and each of the three bitmaps
    CHECK(text.contains(QString::fromStdString(done->summary.bitmaps[2].destinationSha256.substr(0, 16))));
}

TEST_CASE("a run with several bitmaps: the parameters say what Disk and Granularity show, Undo why a stroke stays",
          "[mainwindow][bitmaps]")
{
    test::clearSettings();
    QTemporaryDir dir;
    MainWindow w;
    test::showAt(w);
    ParametersPanel* params = w.parameters();
    QLabel* note = params->layoutNoteLabel();
    CHECK_FALSE(note->isVisible());  // the start-up run has one disk and one bitmap

    QString error;
    REQUIRE(w.openScenario(writeScenario(dir, "stop-copy"), &error));
    REQUIRE(waitUntil([&] { return note->isVisible(); }, "the layout note"));
    CHECK(note->text() == QStringLiteral("2 disks, 3 bitmaps: Disk and Granularity show disk 'drive0' / bitmap 'b0'; "
                                         "changing either replaces the layout with one disk and one bitmap (Edit > "
                                         "Undo brings the layout back)."));
    CHECK(params->diskField()->value() == GiB);

    QAction* undo = nullptr;
    for (QAction* a : w.allActions()) {
        if (a->shortcut() == QKeySequence(QKeySequence::Undo)) {
            undo = a;
        }
    }
    REQUIRE(undo);
    CHECK(undo->isEnabled());  // the scenario's loading

    // A brush stroke on drive0/b0: written, and Undo disabled with the reason in its tooltip.
    auto first = waitFor(*w.controller(), [](const SimSnapshot& s) { return s.bitmapLabels.size() == 3; });
    REQUIRE(first);
    HeatmapView* view = w.heatmap();
    view->setTool(HeatmapView::Tool::Brush);
    const QRect band = view->bandRect(HeatmapView::Band::Source);
    REQUIRE(band.isValid());
    QTest::mouseClick(view, Qt::LeftButton, {}, band.topLeft() + QPoint(band.width() / 2, band.height() / 2));
    REQUIRE(waitFor(*w.controller(), [](const SimSnapshot& s) { return s.bitmap == 0 && s.dirtyBits > 0; }));
    REQUIRE(waitUntil([&] { return !undo->isEnabled(); }, "Undo to be disabled"));
    CHECK(undo->toolTip() == QStringLiteral("Brush strokes cannot be undone in a run with several bitmaps (undo remembers "
                                            "the granules of one bitmap); the undo history was cleared."));
    QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier);
    CHECK(w.controller()->config().hasLayout());  // nothing undone

    // The disk typed in (4 GiB: the scenario's writes still fit): one disk, one bitmap, as the note
    // said; Undo (now enabled, its tooltip its own) brings the layout back.
    bitmig::test::typeAndEnter(params->diskField(), QStringLiteral("4 GiB"));
    INFO(params->problemAt(params->diskField()).toStdString());
    REQUIRE(waitUntil([&] { return !w.controller()->config().hasLayout(); }, "the layout to be replaced"));
    CHECK(w.controller()->config().diskBytes == 4 * GiB);
    CHECK(w.controller()->config().granularity == 64 * 1024);
    REQUIRE(waitUntil([&] { return !note->isVisible(); }, "the note to go"));
    CHECK(undo->isEnabled());
    CHECK(undo->toolTip() == QStringLiteral("Undo Change parameters"));
    QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier);
    REQUIRE(waitUntil([&] { return w.controller()->config().hasLayout() && note->isVisible(); }, "the layout back"));
    CHECK(w.controller()->config().bitmaps.size() == 3);
}
