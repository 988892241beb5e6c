// SeedTableModel on its own: the seed's chunk sizes for a disk and granularity, the current one
// marked, checked by QAbstractItemModelTester through every reset.
#include "widgets/seedtablemodel.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QSignalSpy>

#include <catch2/catch.hpp>

using namespace bitmig;

TEST_CASE("the seed table marks the current chunk size", "[model]")
{
    SeedTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setGeometry(uint64_t(1) << 40, 64 << 10, 1024);
    REQUIRE(model.rowCount() == 9);
    CHECK(model.currentRow() == 4);
    CHECK(model.index(0, SeedTableModel::CoverageColumn).data().toString() == QStringLiteral("512 GiB"));
    CHECK(model.index(4, SeedTableModel::CoverageColumn).data().toString() == QStringLiteral("512 MiB"));
    CHECK(model.index(8, SeedTableModel::CoverageColumn).data().toString() == QStringLiteral("1 MiB"));
    CHECK(model.index(4, 0).data(SeedTableModel::IsCurrentRole).toBool());
    model.setGeometry(uint64_t(1) << 40, 64 << 10, 4096);  // not one of the seed's sizes: a row is added
    CHECK(model.rowCount() == 10);
    CHECK(model.index(model.currentRow(), 0).data(SeedTableModel::ChunkBytesRole).toULongLong() == 4096);
}

TEST_CASE("the seed table is a flat table whose rows go from the largest chunk down", "[model]")
{
    SeedTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    CHECK(model.rowCount() == 0);
    CHECK(model.currentRow() == -1);
    model.setGeometry(uint64_t(64) << 30, 64 << 10, 1024);
    REQUIRE(model.rowCount() > 1);
    CHECK(model.columnCount() == SeedTableModel::ColumnCount);
    CHECK(model.rowCount(model.index(0, 0)) == 0);  // no children
    CHECK(model.columnCount(model.index(0, 0)) == 0);
    for (int r = 1; r < model.rowCount(); ++r) {
        CHECK(model.row(r).chunkBytes < model.row(r - 1).chunkBytes);
        CHECK(model.index(r, 0).data(SeedTableModel::ChunkBytesRole).toULongLong() == model.row(r).chunkBytes);
    }
    for (int c = 0; c < SeedTableModel::ColumnCount; ++c) {
        CHECK_FALSE(model.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString().isEmpty());
        CHECK_FALSE(model.headerData(c, Qt::Vertical, Qt::DisplayRole).isValid());
    }
    CHECK_FALSE(model.index(0, 0).data(Qt::ToolTipRole).toString().isEmpty());
}

TEST_CASE("only the current row is marked, in bold, and a new geometry resets the table", "[model]")
{
    SeedTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setGeometry(uint64_t(1) << 40, 64 << 10, 1024);
    CHECK(reset.count() == 1);
    int marked = 0;
    for (int r = 0; r < model.rowCount(); ++r) {
        const bool current = model.index(r, 0).data(SeedTableModel::IsCurrentRole).toBool();
        marked += current ? 1 : 0;
        CHECK(current == (r == model.currentRow()));
        CHECK(model.index(r, SeedTableModel::ChunksColumn).data(Qt::FontRole).isValid() == current);
        CHECK(model.index(r, SeedTableModel::ChunksColumn).data(Qt::BackgroundRole).isValid() == current);
    }
    CHECK(marked == 1);
    CHECK(model.index(model.currentRow(), 0).data(Qt::FontRole).value<QFont>().bold());

    model.setGeometry(uint64_t(1) << 40, 512, 65536);  // another granularity, another current row
    CHECK(reset.count() == 2);
    REQUIRE(model.currentRow() >= 0);
    CHECK(model.row(model.currentRow()).chunkBytes == 65536);
}

TEST_CASE("the seed table marks the chunk sizes a QEMU destination cannot load, and says why", "[seedtable][qemu]")
{
    SeedTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setGeometry(uint64_t(4) << 40, 64 * 1024, 1024);  // 4 TiB at 64 KiB: an 8 MiB bitmap
    int marked = 0;
    for (int r = 0; r < model.rowCount(); ++r) {
        const ChunkGeometry& g = model.row(r);
        const QModelIndex chunk = model.index(r, SeedTableModel::ChunkColumn);
        const bool loads = model.data(chunk, SeedTableModel::QemuLoadsRole).toBool();
        INFO(g.chunkBytes);
        // Independent of the model's rule: QEMU needs whole 64-bit words and buffers up to 10 KiB.
        CHECK(loads == (g.chunkBytes >= 8 && g.chunkBytes <= 8 * 1024));
        const QString tip = model.data(chunk, Qt::ToolTipRole).toString();
        CHECK(model.data(chunk, Qt::DisplayRole).toString().endsWith(QStringLiteral("✗")) == !loads);
        CHECK(tip.contains(QStringLiteral("QEMU")) == !loads);
        if (g.chunkBytes == 2) {
            CHECK(tip.contains(QStringLiteral("aborts")));
        }
        if (g.chunkBytes == uint64_t(1) << 20) {
            CHECK(tip.contains(QStringLiteral("fails the migration")));
            CHECK(tip.contains(QStringLiteral("1 MiB buffers")));
        }
        marked += !loads;
    }
    CHECK(marked == 4);  // 1 MiB, 128 KiB, 32 KiB and 2 B of the seed's rows
    CHECK(model.headerData(SeedTableModel::ChunkColumn, Qt::Horizontal, Qt::ToolTipRole).toString().contains(
        QStringLiteral("QEMU")));
}
