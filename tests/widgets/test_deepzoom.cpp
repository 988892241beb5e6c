// Deep zoom: the offsets around the heatmaps carry as many digits as the zoom needs, and the title
// and the accessible description name two different ends of the range.
#include "widgets/byteformat.h"
#include "widgets/heatmapraster.h"
#include "widgets/heatmapview.h"
#include "widgets/offsetaxis.h"
#include "tests/support/snapshotconfig.h"

#include <bitmig/simsnapshot.h>

#include <QFontMetrics>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QWidget>

#include <catch2/catch.hpp>

#include <memory>

using namespace bitmig;
using bitmig::test::editConfig;

namespace {

constexpr uint64_t kGranularity = uint64_t(64) << 10;
constexpr uint64_t kDisk = uint64_t(4) << 40;           // 4 TiB: 2^26 bits
constexpr uint64_t kBits = kDisk / kGranularity;
// 2.23 TiB into the disk, on a bit boundary.
constexpr uint64_t kDeepBit = uint64_t(2.23 * double(uint64_t(1) << 40)) / kGranularity;

QSet<QString> distinct(const QStringList& texts)
{
    return QSet<QString>(texts.begin(), texts.end());
}

} // namespace

TEST_CASE("offsets 64 KiB apart at 2.23 TiB get labels that tell them apart", "[deepzoom][axis]")
{
    QWidget w;
    const QFontMetrics fm = w.fontMetrics();
    // The gutter the view gives row labels: as wide as "1023.93 GiB".
    const int gutter = fm.horizontalAdvance(formatBytes((uint64_t(1023) << 30) + 999'999'999));

    SECTION("16 bits a row, 32 rows: the rows start 1 MiB apart")
    {
        const HeatmapGeometry g(kBits, kDeepBit, kDeepBit + 16 * 32, 16, 32);
        REQUIRE(g.rows() == 32);
        const OffsetAxis axis(HeatmapRaster(g, QRectF(0, 0, 64, 32 * 24)), kGranularity, kDisk);
        QStringList texts;
        for (const OffsetAxis::RowLabel& label : axis.rowLabels(fm, gutter)) {
            texts << label.text;
            CHECK(fm.horizontalAdvance(label.text) <= gutter);
        }
        INFO(texts.join(QStringLiteral(" | ")).toStdString());
        REQUIRE(texts.size() == 32);
        CHECK(distinct(texts).size() == texts.size());
        // The first names where the view starts; the others count from it.
        CHECK(texts.first().startsWith(QStringLiteral("2.23")));
        CHECK(texts.at(1) == QStringLiteral("+1 MiB"));
        CHECK(texts.at(31) == QStringLiteral("+31 MiB"));
    }
    SECTION("labels stay absolute while two decimals tell the rows apart")
    {
        const HeatmapGeometry g(kBits, 0, kBits, 64, 16);
        const OffsetAxis axis(HeatmapRaster(g, QRectF(0, 0, 256, 16 * 24)), kGranularity, kDisk);
        const QList<OffsetAxis::RowLabel> labels = axis.rowLabels(fm, gutter);
        REQUIRE(labels.size() == 16);
        CHECK(labels.at(0).text == formatBytes(0));
        CHECK(labels.at(1).text == formatBytes(kDisk / 16));
        CHECK(labels.at(15).text == formatBytes(kDisk / 16 * 15));
    }
    SECTION("one row of 100 bits: the ticks under it differ")
    {
        const HeatmapGeometry g(kBits, kDeepBit, kDeepBit + 100, 256, 4);
        REQUIRE(g.rows() == 1);
        const OffsetAxis axis(HeatmapRaster(g, QRectF(0, 0, 1000, 40)), kGranularity, kDisk);
        QStringList texts;
        for (const OffsetAxis::Tick& tick : axis.ticks(1000, fm)) {
            texts << tick.text;
        }
        INFO(texts.join(QStringLiteral(" | ")).toStdString());
        REQUIRE(texts.size() >= 3);
        CHECK(distinct(texts).size() == texts.size());
    }
}

TEST_CASE("byte amounts carry the decimals a resolution needs", "[deepzoom][format]")
{
    const QLocale c(QLocale::C);
    const uint64_t at = (uint64_t(2) << 40) + (uint64_t(236) << 30) + (uint64_t(64) << 10);
    CHECK(formatBytes(at, c) == formatBytes(at + (uint64_t(64) << 10), c));  // what the axis printed
    CHECK(formatBytesResolving(at, uint64_t(64) << 10, c) != formatBytesResolving(at + (uint64_t(64) << 10), uint64_t(64) << 10, c));
    CHECK(formatBytesResolving(uint64_t(3) << 29, uint64_t(1) << 10, c) == QStringLiteral("1.5 GiB"));
    CHECK(formatBytesResolving(uint64_t(3) << 29, uint64_t(1) << 30, c) == formatBytes(uint64_t(3) << 29, c));
    CHECK(formatBytesResolving(512, 1, c) == QStringLiteral("512 B"));
}

TEST_CASE("zoomed deep into a disk, the view names two different ends of what it shows", "[deepzoom][heatmap]")
{
    HeatmapView view;
    view.resize(820, 520);
    view.show();
    REQUIRE(QTest::qWaitForWindowExposed(&view));
    const HeatmapRequest r = view.currentRequest();
    auto s = std::make_shared<SimSnapshot>();
    editConfig(*s).granularity = kGranularity;
    editConfig(*s).diskBytes = kDisk;
    editConfig(*s).chunkBytes = 1024;
    s->chunkBits = 8192;
    s->chunkCount = kBits / 8192;
    s->geometry = HeatmapGeometry(kBits, kDeepBit, kDeepBit + 256, r.columns, r.rows);
    const int cells = s->geometry.cells();
    for (HeatmapLayer* layer : {&s->source}) {
        layer->set.assign(size_t(cells), 0);
        layer->total.assign(size_t(cells), 1);
    }
    view.setSnapshot(s);
    const QString description = view.accessibleDescription();
    INFO(description.toStdString());
    const QRegularExpression range(QStringLiteral("Showing (.+) to (.+) of"));
    const QRegularExpressionMatch m = range.match(description);
    REQUIRE(m.hasMatch());
    CHECK(m.captured(1) != m.captured(2));

    // A cell's tooltip: where it starts and ends, told apart.
    const QRect band = view.bandRect(HeatmapView::Band::Source);
    const QString tip = view.toolTipAt(band.topLeft() + QPoint(2, 2));
    INFO(tip.toStdString());
    const QRegularExpressionMatch offsets = QRegularExpression(QStringLiteral("Offset (.+) to (.+)\n")).match(tip);
    REQUIRE(offsets.hasMatch());
    CHECK(offsets.captured(1) != offsets.captured(2));
}
