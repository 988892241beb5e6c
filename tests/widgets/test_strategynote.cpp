// The strategy field says which strategy is what QEMU does, under the field and in each item's tip.
#include "widgets/parameterspanel.h"

#include <QComboBox>
#include <QLabel>

#include <catch2/catch.hpp>

using namespace bitmig;

TEST_CASE("the strategy field says which strategy is QEMU's behaviour and which the 2015 proposal", "[fields][qemu]")
{
    ParametersPanel p;
    QComboBox* field = p.strategyField();
    QLabel* note = p.strategyNoteLabel();
    REQUIRE(field->count() == 3);
    for (int i = 0; i < field->count(); ++i) {
        field->setCurrentIndex(i);
        const auto strategy = Strategy(field->itemData(i).toInt());
        CHECK(note->text() == ParametersPanel::strategyNote(strategy));
        CHECK(field->itemData(i, Qt::ToolTipRole).toString() == note->text());
        CHECK(note->text().contains(QStringLiteral("QEMU")));
    }
    CHECK(ParametersPanel::strategyNote(Strategy::StopAndCopy).contains(QStringLiteral("QEMU's precopy")));
    CHECK(ParametersPanel::strategyNote(Strategy::Precopy).contains(QStringLiteral("2015 proposal")));
    CHECK(ParametersPanel::strategyNote(Strategy::Postcopy).contains(QStringLiteral("postcopy")));
    // A new panel shows the note of its default strategy at once.
    ParametersPanel fresh;
    CHECK(fresh.strategyNoteLabel()->text() ==
          ParametersPanel::strategyNote(Strategy(fresh.strategyField()->currentData().toInt())));
}

TEST_CASE("the chunk figures say when a QEMU destination could not load the stream", "[fields][qemu]")
{
    ParametersPanel p;
    SimConfig c = p.config();
    c.chunkBytes = 1024;
    p.setConfig(c);
    CHECK_FALSE(p.derivedLabel()->text().contains(QStringLiteral("QEMU")));
    c.chunkBytes = 2;
    p.setConfig(c);
    CHECK(p.derivedLabel()->text().contains(QStringLiteral("A QEMU destination aborts")));
    c.chunkBytes = 16 * 1024;
    p.setConfig(c);
    CHECK(p.derivedLabel()->text().contains(QStringLiteral("fails the migration")));
}
