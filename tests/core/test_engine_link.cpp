// The engine's Link: budget and debt per tick, when bytes arrive, delivery, loss and recording.
#include <bitmig/engine/link.h>
#include <bitmig/streamencoder.h>

#include <catch2/catch.hpp>

#include <cstdint>
#include <stdexcept>
#include <vector>

using namespace bitmig;
using namespace bitmig::engine;

namespace {

constexpr int64_t kMs = 1'000'000;
constexpr int64_t kUs = 1'000;

// A data BITS record with both names and a 1 KiB buffer: 36 bytes of header + 1024 = 1060 bytes.
StreamRecord bits1060()
{
    StreamRecord r;
    r.kind = RecordKind::Bits;
    r.device = "drive0";
    r.bitmap = "bitmap0";
    r.startSector = 0;
    r.nrSectors = 8;
    r.data.assign(1024, 0xa5);
    return r;
}

struct Arrival {
    int64_t at;
    std::vector<uint8_t> bytes;
};

// Delivers at `now` and keeps what came.
void deliverAt(Link& link, int64_t now, std::vector<Arrival>& got)
{
    link.deliver(now, [&](std::span<const uint8_t> b) { got.push_back({now, {b.begin(), b.end()}}); });
}

} // namespace

TEST_CASE("Link: a tick's budget is bandwidth x tick, and a record that does not fit leaves a debt", "[engine][link]")
{
    Link link(1e6, 0, 1 * kMs);  // 1000 bytes per tick
    link.reset(0);
    CHECK_FALSE(link.hasBudget());
    link.beginTick(0);
    CHECK(link.budget() == Approx(1000));
    REQUIRE(link.send(bits1060()).total() == 1060);
    CHECK(link.budget() == Approx(-60));
    CHECK_FALSE(link.hasBudget());
    link.endTick();

    link.beginTick(1 * kMs);
    CHECK(link.budget() == Approx(940));
    link.idle();  // nothing more to send: unused budget is not banked
    CHECK(link.budget() == 0);
    link.endTick();

    link.beginTick(2 * kMs);
    link.send(bits1060());
    link.send(bits1060());
    link.idle();  // a debt stays
    CHECK(link.budget() == Approx(1000 - 2 * 1045));  // names went with the first record: 21 + 1024 each
    link.closed();
    CHECK(link.budget() == 0);
}

TEST_CASE("Link: bytes arrive once carried, plus the latency", "[engine][link]")
{
    Link link(1e6, 5 * kMs, 1 * kMs);  // 1 byte per microsecond
    link.reset(0);
    link.beginTick(0);
    link.send(bits1060());
    link.endTick();
    CHECK(link.freeAt() == 1060 * kUs);
    CHECK(link.queuedNs(1 * kMs) == 60 * kUs);
    CHECK(link.queuedNs(2 * kMs) == 0);
    CHECK(link.bytesInFlight() == 1060);

    // The next tick's bytes queue behind the first record: EOS (1 byte) goes at 1.060 ms.
    link.beginTick(1 * kMs);
    link.send(StreamRecord::eos());
    link.endTick();
    CHECK(link.freeAt() == 1061 * kUs);

    std::vector<Arrival> got;
    deliverAt(link, 6060 * kUs - 1, got);
    CHECK(got.empty());
    deliverAt(link, 6060 * kUs, got);
    REQUIRE(got.size() == 1);
    CHECK(got[0].bytes.size() == 1060);
    CHECK(link.lastArrivalNs() == 6060 * kUs);
    deliverAt(link, 7 * kMs, got);
    REQUIRE(got.size() == 2);
    CHECK(got[1].bytes.size() == 1);
    CHECK(link.lastArrivalNs() == 6061 * kUs);  // when it arrived, not when it was handed over
    CHECK(link.bytesInFlight() == 0);
}

TEST_CASE("Link: an idle link starts carrying at the tick it is used again", "[engine][link]")
{
    Link link(1e6, 0, 1 * kMs);
    link.reset(0);
    link.beginTick(50 * kMs);
    CHECK(link.freeAt() == 50 * kMs);
    link.sendSection(SectionType::Part);  // 5 bytes
    link.endTick();
    CHECK(link.freeAt() == 50 * kMs + 5 * kUs);

    // A tick that sends nothing adds no arrival.
    link.beginTick(51 * kMs);
    link.idle();
    link.endTick();
    std::vector<Arrival> got;
    deliverAt(link, 60 * kMs, got);
    REQUIRE(got.size() == 1);
    CHECK(got[0].bytes.size() == 5);
}

TEST_CASE("Link: the bytes of one tick arrive together, in stream order", "[engine][link]")
{
    Link link(1e9, 0, 1 * kMs);
    link.setRecordStream(true);
    link.reset(0);
    link.beginTick(0);
    link.sendSection(SectionType::Start);
    link.send(StreamRecord::start("drive0", "bitmap0", 65536, 0));
    link.send(StreamRecord::eos());
    link.endTick();

    // What an encoder of its own writes for the same records.
    StreamEncoder enc;
    std::vector<uint8_t> expected;
    enc.beginSection(SectionType::Start, 1, expected);
    enc.encode(StreamRecord::start("drive0", "bitmap0", 65536, 0), expected);
    enc.encode(StreamRecord::eos(), expected);

    std::vector<Arrival> got;
    deliverAt(link, 1 * kMs, got);
    REQUIRE(got.size() == 1);
    CHECK(got[0].bytes == expected);
    CHECK(link.stream() == expected);
    CHECK(link.bytesSent() == expected.size());
}

TEST_CASE("Link: a fault loses what is on the wire", "[engine][link]")
{
    Link link(1e6, 0, 1 * kMs);
    link.reset(0);
    link.beginTick(0);
    link.send(bits1060());
    link.endTick();
    link.drop();
    CHECK(link.bytesInFlight() == 0);
    std::vector<Arrival> got;
    deliverAt(link, 1000 * kMs, got);
    CHECK(got.empty());

    // A new attempt: empty, and the names go again.
    link.reset(2 * kMs);
    CHECK(link.bytesSent() == 0);
    CHECK(link.freeAt() == 2 * kMs);
    CHECK(link.budget() == 0);
    CHECK(link.send(bits1060()).total() == 1060);
}

TEST_CASE("Link: a refused span counts as delivered", "[engine][link]")
{
    Link link(1e9, 0, 1 * kMs);
    link.reset(0);
    for (int t = 0; t < 2; ++t) {
        link.beginTick(t * kMs);
        link.send(StreamRecord::eos());
        link.endTick();
    }
    int calls = 0;
    CHECK_THROWS_AS(link.deliver(5 * kMs,
                                 [&](std::span<const uint8_t>) {
                                     ++calls;
                                     throw std::runtime_error("refused");
                                 }),
                    std::runtime_error);
    CHECK(calls == 1);
    CHECK(link.bytesInFlight() == 1);
    std::vector<Arrival> got;
    deliverAt(link, 5 * kMs, got);
    REQUIRE(got.size() == 1);
    CHECK(got[0].bytes.size() == 1);
}

TEST_CASE("Link: delivered bytes are let go unless the stream is recorded", "[engine][link]")
{
    for (const bool record : {false, true}) {
        Link link(1e12, 0, 1 * kMs);
        link.setRecordStream(record);
        link.reset(0);
        link.beginTick(0);
        for (int i = 0; i < 1100; ++i) {  // 1100 records of about 1 KiB: more than 1 MiB
            link.send(bits1060());
        }
        link.endTick();
        std::vector<Arrival> got;
        deliverAt(link, 1 * kMs, got);
        const uint64_t total = 1060 + 1099 * 1024 + 1099 * 21;
        CHECK(link.bytesSent() == total);
        CHECK(got.at(0).bytes.size() == total);
        CHECK(link.stream().size() == (record ? total : 0));
    }
}
