// The message rows under the panels' fields, and the wording of a refusal they share: the caption of
// the field's row as shown, a colon and the reason; the error's own message where no row names it.
#include "widgets/configerrortext.h"
#include "widgets/fieldmessages.h"
#include "widgets/translatedtexts.h"

#include <bitmig/simconfig.h>

#include <QFormLayout>
#include <QLineEdit>
#include <QWidget>

#include <catch2/catch.hpp>

using namespace bitmig;

namespace {

ConfigError refusalOf(const SimConfig& config)
{
    try {
        config.validate();
    } catch (const ConfigError& e) {
        return e;
    }
    FAIL("validate() accepted the configuration");
    throw std::logic_error("unreachable");
}

} // namespace

TEST_CASE("FieldMessages: a refusal names the field by its row's caption as shown", "[fields]")
{
    QWidget panel;
    TranslatedTexts texts("FieldMessagesTest");
    FieldMessages fields(&panel, texts);
    auto* form = new QFormLayout(&panel);
    auto* tick = new QLineEdit(&panel);
    auto* both = new QLineEdit(&panel);
    auto* unlisted = new QLineEdit(&panel);
    fields.addRow(form, "&Tick", tick, tick);
    fields.addRow(form, "Rate && &burst", both, both);

    SimConfig c;
    c.tickNs = 2'000'000'000;
    const ConfigError e = refusalOf(c);
    REQUIRE(e.field() == ConfigField::Tick);
    // The caption without its mnemonic, then the reason as ConfigErrorText words it.
    CHECK(fields.refusal(tick, e) == QString::fromUtf8("Tick: must be between 1 µs and 1 s, got 2 s"));
    CHECK(fields.refusal(tick, e) == QStringLiteral("Tick: ") + ConfigErrorText::reason(e));
    // A reason of the panel's own, after the same caption.
    CHECK(fields.refusal(tick, e, QStringLiteral("too slow")) == QStringLiteral("Tick: too slow"));
    // A literal "&&" in the caption is one "&".
    CHECK(fields.refusal(both, e, QStringLiteral("no")) == QStringLiteral("Rate & burst: no"));
    // No field, or a field of no row here: the error's message, which names the scenario key.
    CHECK(fields.refusal(nullptr, e) == QString::fromUtf8("tick: must be between 1 µs and 1 s, got 2 s"));
    CHECK(fields.refusal(unlisted, e, QStringLiteral("ignored")) == ConfigErrorText::message(e));
}
