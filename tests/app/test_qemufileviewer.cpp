// File > Open migration file...: the viewer of a QEMU migration file (a file QEMU 7.2 wrote, and bare
// sections the engine recorded), driven with mouse events offscreen.
#include "app/messagebar.h"
#include "app/qemufileviewer.h"
#include "widgets/heatmapview.h"
#include "widgets/zoomstack.h"
#include "tests/support/simulation.h"
#include "tests/support/qtwait.h"
#include "windowtestutil.h"

#include <bitmig/migrationengine.h>

#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>

using namespace bitmig;
using namespace bitmig::test;

namespace {

const QString kSample = QStringLiteral(BITMIG_SOURCE_DIR "/tests/core/data/qemu72-none-3bitmaps.mig");

QByteArray readAll(const QString& path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

QString writeCopy(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    REQUIRE(f.write(bytes) == bytes.size());
    return path;
}

void clickRow(QListWidget* list, int row)
{
    QListWidgetItem* item = list->item(row);
    REQUIRE(item);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(item).center());
}

} // namespace

TEST_CASE("the File menu opens a migration file in a viewer: each bitmap's heatmap, figures and SHA-256",
          "[qemufile-viewer]")
{
    clearSettings();
    MainWindow w;
    showAt(w);
    bool inMenu = false;
    for (QAction* a : w.menuBar()->actions().first()->menu()->actions()) {
        inMenu = inMenu || a->text() == QStringLiteral("Open &migration file...");
    }
    CHECK(inMenu);

    QemuFileViewer* viewer = w.openMigrationFile(kSample);
    REQUIRE(viewer);
    REQUIRE(QTest::qWaitForWindowExposed(viewer));
    CHECK(viewer->windowTitle().contains(QStringLiteral("qemu72-none-3bitmaps.mig")));
    CHECK(viewer->messageBar()->isHidden()); // whole, and a destination loads it
    QListWidget* list = viewer->bitmapList();
    REQUIRE(list->count() == 3);
    CHECK(list->item(0)->text() == QStringLiteral("drive0/fine"));
    // QEMU's own SHA-256 of each bitmap (tests/core/data/README.md).
    CHECK(viewer->details()->text().contains(
        QStringLiteral("4b22c745936a0ec460facdb79d4777330f158ea6ce3b44387a42c04241d58968")));
    CHECK(viewer->details()->text().contains(QStringLiteral("granularity 4 KiB")));
    CHECK(viewer->details()->text().contains(QStringLiteral("persistent")));

    // A click on another bitmap shows it: its figures, and a heatmap of its size with its bits.
    clickRow(list, 2);
    CHECK(viewer->currentBitmap() == 2);
    CHECK(viewer->details()->text().contains(QStringLiteral("Node drive1, bitmap tail; granularity 64 KiB")));
    CHECK(viewer->details()->text().contains(
        QStringLiteral("4c2fda08ece2f1959eb8b0d2cf8dba3990aa484c6689a326823269e274725bc9")));
    HeatmapView* heatmap = viewer->heatmap();
    REQUIRE(waitUntil([&] { return heatmap->snapshot() && heatmap->snapshot()->config->diskBytes == uint64_t(580) << 20; },
                      "the heatmap of drive1/tail"));
    CHECK(heatmap->snapshot()->dirtyBits * 65536 == viewer->info().bitmaps[2].dirtyBytes);
    CHECK(heatmap->snapshot()->dirtyChunks > 0); // the meta band: chunks that carried data
    // The heatmap's tooltips speak of this bitmap's bytes.
    const QRect band = heatmap->bandRect(HeatmapView::Band::Source);
    const QString tip = heatmap->toolTipAt(band.topLeft() + QPoint(2, 2));
    CHECK(tip.contains(QStringLiteral("Source")));

    // Double-clicking a BITS record zooms the heatmap to its chunk.
    QTableView* table = viewer->recordTable();
    const auto& records = viewer->info().records;
    int row = -1;
    for (size_t i = 0; i < records.size(); ++i) {
        if (records[i].kind == QemuLoaderRecord::Kind::Bits && records[i].bitmap == 1) {
            row = int(i);
            break;
        }
    }
    REQUIRE(row >= 0);
    CHECK(table->model()->data(table->model()->index(row, QemuRecordModel::Record)).toString().startsWith(
        QStringLiteral("BITS")));
    table->scrollTo(table->model()->index(row, 0), QAbstractItemView::PositionAtCenter);
    QSignalSpy zoomed(heatmap->zoomStack(), &ZoomStack::rangeChanged);
    QRect cell;
    REQUIRE(waitUntil(
        [&] {
            cell = table->visualRect(table->model()->index(row, QemuRecordModel::Offset));
            return cell.isValid() && table->indexAt(cell.center()).row() == row;
        },
        "the record's row in view"));
    QSignalSpy doubleClicked(table, &QTableView::doubleClicked);
    // A double click as the system delivers it: press, release, double-click, release.
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseRelease(table->viewport(), Qt::LeftButton, {}, cell.center());
    CHECK(doubleClicked.size() == 1);
    REQUIRE(waitUntil([&] { return !zoomed.isEmpty(); }, "the zoom to the record's chunk"));
    CHECK(viewer->currentBitmap() == 1);
    CHECK(viewer->bitmapList()->currentRow() == 1);
    const QemuRecordEntry& r = records[size_t(row)];
    const uint64_t firstBit = r.startSector * 512 / 65536;
    CHECK(zoomed.last().at(0).toULongLong() == firstBit);
    CHECK(zoomed.last().at(1).toULongLong() == firstBit + uint64_t(r.nrSectors) * 512 / 65536);
    viewer->close();
}

TEST_CASE("the migration file viewer shows a damaged file's error and QEMU's refusal with their offsets",
          "[qemufile-viewer]")
{
    clearSettings();
    MainWindow w;
    showAt(w);
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QByteArray sample = readAll(kSample);

    // Cut inside the first BITS buffer: the error at the end of the input, what came before shown.
    const QString cut = writeCopy(dir, QStringLiteral("cut.mig"), sample.left(300));
    QemuFileViewer* viewer = w.openMigrationFile(cut);
    REQUIRE(viewer);
    REQUIRE(QTest::qWaitForWindowExposed(viewer));
    REQUIRE(waitUntil([&] { return viewer->messageBar()->isVisible(); }, "the viewer's message bar"));
    CHECK(viewer->messageBar()->kind() == MessageBar::Kind::Error);
    CHECK(viewer->messageBar()->text().contains(QStringLiteral("byte 300: the file ends inside")));
    CHECK(viewer->bitmapList()->count() == 3);
    viewer->close();

    // A buffer of 2048 bytes for a 1024-byte chunk: QEMU drops the bitmaps; the byte of the size field.
    QByteArray dropped = sample;
    dropped[190 + 6] = char(0x08);
    const QString drop = writeCopy(dir, QStringLiteral("drop.mig"), dropped);
    viewer = w.openMigrationFile(drop);
    REQUIRE(viewer);
    REQUIRE(waitUntil([&] { return viewer->messageBar()->isVisible(); }, "the viewer's message bar"));
    CHECK(viewer->messageBar()->text().contains(
        QStringLiteral("drops every incoming bitmap (the migration completes) at byte 190")));
    CHECK(viewer->messageBar()->text().contains(QStringLiteral("granularity doesn't match")));
    viewer->close();

    // A file that cannot be read at all: no viewer, the reason in the window's message bar.
    CHECK(w.openMigrationFile(dir.filePath(QStringLiteral("missing.mig"))) == nullptr);
    REQUIRE(waitUntil([&] { return w.messageBar()->isVisible(); }, "the window's message bar"));
    CHECK(w.messageBar()->text().contains(QStringLiteral("missing.mig")));
}

TEST_CASE("the migration file viewer reads bare sections as the engine records them", "[qemufile-viewer]")
{
    SimConfig cfg;
    cfg.diskBytes = uint64_t(1) << 30;
    cfg.granularity = 65536;
    cfg.strategy = Strategy::StopAndCopy;
    cfg.workload.rate = 2000;
    cfg.migrationStartNs = 1'000'000'000;
    cfg.deviceName = "disk0";
    cfg.bitmapName = "b0";
    MigrationEngine engine(cfg);
    engine.setRecordStream(true);
    engine.runToEnd();
    const std::vector<uint8_t>& stream = engine.recordedStream();
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = writeCopy(dir, QStringLiteral("run.bin"),
                                   QByteArray(reinterpret_cast<const char*>(stream.data()), qsizetype(stream.size())));
    QemuFileViewer viewer;
    REQUIRE(viewer.load(path));
    viewer.show();
    REQUIRE(QTest::qWaitForWindowExposed(&viewer));
    REQUIRE(viewer.bitmapList()->count() == 1);
    CHECK(viewer.bitmapList()->item(0)->text() == QStringLiteral("disk0/b0"));
    CHECK(viewer.details()->text().contains(QString::fromStdString(engine.summary().sourceSha256)));
    CHECK(viewer.info().records.front().offset > 0); // after the START section header
    CHECK(viewer.messageBar()->isHidden());
}

TEST_CASE("File > Export > QEMU migration file writes the completed run, or says why not", "[qemufile-viewer]")
{
    clearSettings();
    MainWindow w;
    showAt(w);
    QMenu* exportMenu = nullptr;
    for (QAction* a : w.menuBar()->actions().first()->menu()->actions()) {
        if (a->menu() && a->text() == QStringLiteral("&Export")) {
            exportMenu = a->menu();
        }
    }
    REQUIRE(exportMenu);
    bool listed = false;
    for (QAction* a : exportMenu->actions()) {
        listed = listed || a->text() == QStringLiteral("&QEMU migration file...");
    }
    CHECK(listed);

    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("run.mig"));
    SimConfig cfg = smallConfig();
    cfg.strategy = Strategy::StopAndCopy;
    cfg.migrationStartNs = 500'000'000;
    cfg.deviceName = "disk0";
    cfg.bitmapName = "b0";
    w.controller()->setConfig(cfg);
    // Before the run completes there is nothing to write.
    CHECK(w.exportQemuFile(path).contains(QStringLiteral("has not completed")));
    CHECK_FALSE(QFile::exists(path));
    w.setSpeed(50);
    w.controller()->setPlaying(true);
    const auto done = waitFor(*w.controller(), [](const SimSnapshot& s) { return s.finished; }, 60000);
    REQUIRE(done->finished);
    REQUIRE(done->summary.verified);
    CHECK(w.exportQemuFile(path).isEmpty());
    const QByteArray bytes = readAll(path);
    const QemuFileInfo info =
        QemuFileInfo::read({reinterpret_cast<const uint8_t*>(bytes.constData()), size_t(bytes.size())});
    REQUIRE_FALSE(info.error);
    REQUIRE(info.bitmaps.size() == 1);
    CHECK(info.bitmaps[0].node == "disk0");
    CHECK(info.bitmaps[0].sha256 == done->summary.sourceSha256);
    CHECK(info.qemuLoad.outcome == QemuOutcome::Loads);

    // Chunks a QEMU destination aborts on are refused with QEMU's rule.
    cfg.chunkBytes = 4;
    cfg.diskBytes = uint64_t(1) << 30;
    w.controller()->setConfig(cfg);
    w.controller()->setPlaying(true);
    const auto small = waitFor(*w.controller(), [](const SimSnapshot& s) { return s.finished && s.config->chunkBytes == 4; }, 60000);
    REQUIRE(small->finished);
    const QString refused = dir.filePath(QStringLiteral("small.mig"));
    CHECK(w.exportQemuFile(refused).contains(QStringLiteral("a QEMU destination aborts on 4 B chunks")));
    CHECK_FALSE(QFile::exists(refused));
}

TEST_CASE("the migration file viewer names its second band for what it shows, not a meta bitmap",
          "[qemufile-viewer]")
{
    clearSettings();
    MainWindow w;
    showAt(w);
    QemuFileViewer* viewer = w.openMigrationFile(kSample);
    REQUIRE(viewer);
    REQUIRE(QTest::qWaitForWindowExposed(viewer));
    HeatmapView* heatmap = viewer->heatmap();
    for (int row = 0; row < viewer->bitmapList()->count(); ++row) {
        clickRow(viewer->bitmapList(), row);
        const QemuBitmapInfo& b = viewer->info().bitmaps[size_t(row)];
        REQUIRE(b.dataChunks);
        REQUIRE(waitUntil([&] { return heatmap->snapshot() && heatmap->snapshot()->config->diskBytes == b.diskBytes; },
                          "the bitmap's heatmap"));
        heatmap->repaint();
        const auto [title, detail] = heatmap->bandTitle(HeatmapView::Band::Meta);
        INFO(title.toStdString() << " | " << detail.toStdString());
        // A file has no meta bitmap and nothing in it is dirty in a meta sense: the band shows which
        // chunks its BITS records carried with data, and how many.
        CHECK_FALSE(title.contains(QStringLiteral("Meta bitmap")));
        CHECK(title.contains(QStringLiteral("with data")));
        CHECK_FALSE(detail.contains(QStringLiteral("dirty")));
        const uint64_t chunks = (b.bits->bitCount() + b.chunkBits - 1) / b.chunkBits;
        CHECK(detail.startsWith(QLocale().toString(qulonglong(b.dataChunks->count())) + QStringLiteral(" of ") +
                                QLocale().toString(qulonglong(chunks)) + QStringLiteral(" chunks")));
        // The source band keeps its own counts.
        CHECK(heatmap->bandTitle(HeatmapView::Band::Source).second.contains(QStringLiteral("bits dirty")));
        // Nothing is being sent: the legend has no outline for it.
        CHECK_FALSE(heatmap->legendTexts().contains(QStringLiteral("chunk being sent")));
    }
    viewer->close();
}
