// The dirty-bitmap stream codec against the reference's section 4: byte layouts, table 4.4 sizes, name
// state, round trips, and a decoder that survives truncated and random input.
#include <algorithm>
#include <bitmig/bitmapreceiver.h>
#include <bitmig/streamcodec.h>
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

using namespace bitmig;

namespace {

// Expected wire bytes, written field by field.
struct Bytes {
    std::vector<uint8_t> v;
    Bytes& u8(unsigned x)
    {
        v.push_back(uint8_t(x));
        return *this;
    }
    Bytes& be32(uint32_t x)
    {
        for (int s = 24; s >= 0; s -= 8) {
            v.push_back(uint8_t(x >> s));
        }
        return *this;
    }
    Bytes& be64(uint64_t x)
    {
        for (int s = 56; s >= 0; s -= 8) {
            v.push_back(uint8_t(x >> s));
        }
        return *this;
    }
    Bytes& raw(const std::string& s)
    {
        v.insert(v.end(), s.begin(), s.end());
        return *this;
    }
    Bytes& name(const std::string& s) { return u8(unsigned(s.size())).raw(s); }
    Bytes& bytes(const std::vector<uint8_t>& b)
    {
        v.insert(v.end(), b.begin(), b.end());
        return *this;
    }
};

std::vector<uint8_t> pattern(size_t n, uint8_t seed = 1)
{
    std::vector<uint8_t> b(n);
    for (size_t i = 0; i < n; ++i) {
        b[i] = uint8_t(seed + i * 7);
    }
    return b;
}

StreamError decodeError(std::span<const uint8_t> bytes, StreamDecoderOptions options = {})
{
    try {
        StreamDecoder::decodeAll(bytes, options);
    } catch (const StreamError& e) {
        return e;
    }
    FAIL("the decoder accepted the input");
    return StreamError("", 0, 0, 0, std::nullopt);
}

// Decodes in pieces of random size, pulling records as they complete.
std::vector<StreamRecord> decodeInPieces(const std::vector<uint8_t>& bytes, std::mt19937_64& rng,
                                         StreamDecoderOptions options = {})
{
    StreamDecoder decoder(options);
    std::vector<StreamRecord> records;
    size_t pos = 0;
    while (pos < bytes.size()) {
        const size_t n = std::min<size_t>(bytes.size() - pos, 1 + rng() % 64);
        decoder.feed(std::span(bytes).subspan(pos, n));
        pos += n;
        while (auto r = decoder.next()) {
            records.push_back(std::move(*r));
        }
    }
    decoder.finish();
    while (auto r = decoder.next()) {
        records.push_back(std::move(*r));
    }
    return records;
}

const std::string kDev = "drive0";
const std::string kBmp = "bitmap0";

} // namespace

TEST_CASE("buf_size and chunk arithmetic", "[streamcodec]")
{
    CHECK(stream::bufSize(0) == 0);
    CHECK(stream::bufSize(8) == 32);
    CHECK(stream::bufSize(32) == 32);
    CHECK(stream::bufSize(40) == 64);
    CHECK(stream::bufSize(1024) == 1024);
    CHECK_THROWS_AS(stream::bufSize(UINT64_MAX), std::invalid_argument);

    std::vector<uint8_t> buf = pattern(40);
    stream::padBuffer(buf);
    REQUIRE(buf.size() == 64);
    CHECK(std::all_of(buf.begin() + 40, buf.end(), [](uint8_t b) { return b == 0; }));
    CHECK(std::equal(buf.begin(), buf.begin() + 40, pattern(40).begin()));

    // QEMU: 1024 * 8 * (granularity / 512); at 64 KiB one chunk is 512 MiB of disk.
    static_assert(stream::sectorsPerChunk(1024, 65536) == 1048576);
    CHECK(stream::sectorsPerChunk(1024, 65536) * stream::kSectorSize == 512ull << 20);
    // The seed thread's table at 64 KiB granularity: 1 MiB -> 512 GiB ... 1 B -> 1 MiB of disk per chunk.
    CHECK(stream::sectorsPerChunk(1 << 20, 65536) * 512 == 512ull << 30);
    CHECK(stream::sectorsPerChunk(1 << 17, 65536) * 512 == 64ull << 30);
    CHECK(stream::sectorsPerChunk(1 << 15, 65536) * 512 == 16ull << 30);
    CHECK(stream::sectorsPerChunk(1 << 11, 65536) * 512 == 1ull << 30);
    CHECK(stream::sectorsPerChunk(1 << 9, 65536) * 512 == 256ull << 20);
    CHECK(stream::sectorsPerChunk(1 << 8, 65536) * 512 == 128ull << 20);
    CHECK(stream::sectorsPerChunk(1 << 5, 65536) * 512 == 16ull << 20);
    CHECK(stream::sectorsPerChunk(2, 65536) * 512 == 1ull << 20);
    CHECK(stream::sectorsPerChunk(1, 512) == 8);  // the smallest: 8 bits of one sector each
    CHECK(stream::sectorsPerChunk(3, 512) == 24); // any byte count works, not only powers of two
    CHECK_THROWS_AS(stream::sectorsPerChunk(0, 512), std::invalid_argument);
    CHECK_THROWS_AS(stream::sectorsPerChunk(1024, 256), std::invalid_argument);
    CHECK_THROWS_AS(stream::sectorsPerChunk(1024, 3000), std::invalid_argument);
    CHECK_THROWS_AS(stream::sectorsPerChunk(UINT64_MAX, 1ull << 40), std::invalid_argument);

    CHECK(stream::chunkSectors(100, 0, 64) == 64);
    CHECK(stream::chunkSectors(100, 64, 64) == 36);
    CHECK(stream::chunkSectors(100, 99, 64) == 1);
    CHECK_THROWS_AS(stream::chunkSectors(100, 100, 64), std::invalid_argument);
    CHECK_THROWS_AS(stream::chunkSectors(100, 0, 0), std::invalid_argument);
    // At 256 MiB granularity a chunk is 2^32 sectors: QEMU's u32 truncates it to 0 on a 2 TiB disk; we cap.
    const uint64_t spc = stream::sectorsPerChunk(1024, 256u << 20);
    CHECK(spc == 1ull << 32);
    const uint64_t disk = stream::diskSectors(2ull << 40);
    CHECK(stream::chunkSectors(disk, 0, spc) == stream::kMaxNrSectors);
    CHECK(stream::kMaxNrSectors % ((256u << 20) / 8) == 0); // still a multiple of the serialization alignment

    CHECK(stream::diskSectors(0) == 0);
    CHECK(stream::diskSectors(1) == 1);
    CHECK(stream::diskSectors(512) == 1);
    CHECK(stream::diskSectors(513) == 2);
}

TEST_CASE("each record kind has QEMU's exact byte layout", "[streamcodec]")
{
    StreamEncoder enc;
    std::vector<uint8_t> out;

    SECTION("START, first, then another bitmap on the same node")
    {
        auto size = enc.encode(
            StreamRecord::start(kDev, kBmp, 65536, stream::kStartEnabled | stream::kStartPersistent), out);
        Bytes want;
        want.u8(0x1c).name(kDev).name(kBmp).be32(65536).u8(0x03);
        CHECK(out == want.v);
        CHECK(size == EncodedSize{21, 0});

        out.clear();
        size = enc.encode(StreamRecord::start(kDev, "bitmap1", 512, 0), out);
        CHECK(out == Bytes().u8(0x14).name("bitmap1").be32(512).u8(0x00).v);
        CHECK(size.total() == 14);
    }
    SECTION("BITS with names, then following, each with big-endian sector fields")
    {
        const std::vector<uint8_t> data = pattern(64);
        auto size = enc.encode(StreamRecord::bits(kDev, kBmp, 0x0011223344556677ull, 0x0a0b0c0d, data), out);
        Bytes want;
        want.u8(0x4c).name(kDev).name(kBmp).be64(0x0011223344556677ull).be32(0x0a0b0c0d).be64(64).bytes(data);
        CHECK(out == want.v);
        CHECK(size == EncodedSize{36, 64});
        // Spot-check the raw bytes, not only the builder.
        CHECK(out[0] == 0x4c);
        CHECK(out[1] == 6);
        CHECK(out[8] == 7);
        CHECK(out[16] == 0x00);
        CHECK(out[17] == 0x11);
        CHECK(out[23] == 0x77);
        CHECK(out[24] == 0x0a);
        CHECK(out[27] == 0x0d);
        CHECK(out[28] == 0);
        CHECK(out[35] == 64);

        out.clear();
        size = enc.encode(StreamRecord::bits(kDev, kBmp, 1048576, 1048576, pattern(1024)), out);
        CHECK(out == Bytes().u8(0x40).be64(1048576).be32(1048576).be64(1024).bytes(pattern(1024)).v);
        CHECK(size == EncodedSize{21, 1024});

        out.clear();
        size = enc.encode(StreamRecord::zeroChunk(kDev, kBmp, 2097152, 77), out);
        CHECK(out == Bytes().u8(0x42).be64(2097152).be32(77).v);
        CHECK(size == EncodedSize{13, 0});
    }
    SECTION("ZEROES with names, COMPLETE with names, EOS")
    {
        auto size = enc.encode(StreamRecord::zeroChunk(kDev, kBmp, 5, 6), out);
        CHECK(out == Bytes().u8(0x4e).name(kDev).name(kBmp).be64(5).be32(6).v);
        CHECK(size == EncodedSize{28, 0});

        out.clear();
        size = enc.encode(StreamRecord::eos(), out);
        CHECK(out == std::vector<uint8_t>{0x01});
        CHECK(size == EncodedSize{1, 0});

        StreamEncoder fresh;
        out.clear();
        size = fresh.encode(StreamRecord::complete(kDev, kBmp), out);
        CHECK(out == Bytes().u8(0x2c).name(kDev).name(kBmp).v);
        CHECK(size.total() == 16);

        out.clear();
        size = fresh.encode(StreamRecord::complete(kDev, kBmp), out);
        CHECK(out == std::vector<uint8_t>{0x20});
    }
    SECTION("encode appends to what the vector holds")
    {
        out = {0xaa, 0xbb};
        enc.encode(StreamRecord::eos(), out);
        CHECK(out == std::vector<uint8_t>{0xaa, 0xbb, 0x01});
    }
}

TEST_CASE("section framing bytes", "[streamcodec]")
{
    StreamEncoder enc;
    std::vector<uint8_t> out;
    CHECK(enc.beginSection(SectionType::Start, 7, out, 0) == 26);
    CHECK(out == Bytes().u8(0x01).be32(7).u8(12).raw("dirty-bitmap").be32(0).be32(1).v);
    out.clear();
    CHECK(enc.beginSection(SectionType::Part, 0x01020304, out) == 5);
    CHECK(out == Bytes().u8(0x02).be32(0x01020304).v);
    out.clear();
    CHECK(enc.writeSectionFooter(out) == 5);
    CHECK(out == Bytes().u8(0x7e).be32(0x01020304).v);
    out.clear();
    CHECK(enc.beginSection(SectionType::End, 9, out) == 5);
    CHECK(out == Bytes().u8(0x03).be32(9).v);
    CHECK_THROWS_AS(StreamEncoder().writeSectionFooter(out), std::logic_error);

    static_assert(StreamEncoder::sectionHeaderSize(SectionType::Start) == 26);
    static_assert(StreamEncoder::sectionHeaderSize(SectionType::Part) == 5);
    static_assert(StreamEncoder::sectionHeaderSize(SectionType::End) == 5);
    static_assert(StreamEncoder::sectionFooterSize() == 5);
}

TEST_CASE("record sizes equal table 4.4 for drive0/bitmap0", "[streamcodec]")
{
    const size_t d = kDev.size();
    const size_t b = kBmp.size();
    static_assert(StreamEncoder::bitsRecordSize(true, true, 6, 7, false, 0) == 36);
    CHECK(StreamEncoder::bitsRecordSize(true, true, d, b, false, 1024) == 36 + 1024);
    CHECK(StreamEncoder::bitsHeaderSize(true, true, d, b, false) == 36);
    CHECK(StreamEncoder::bitsRecordSize(true, true, d, b, true, 1024) == 28);
    CHECK(StreamEncoder::bitsRecordSize(false, false, d, b, false, 1024) == 21 + 1024);
    CHECK(StreamEncoder::bitsRecordSize(false, false, d, b, true, 0) == 13);
    CHECK(StreamEncoder::startRecordSize(true, true, d, b) == 21);
    CHECK(StreamEncoder::startRecordSize(false, true, d, b) == 14);
    CHECK(StreamEncoder::completeRecordSize(true, true, d, b) == 16);
    CHECK(StreamEncoder::eosRecordSize() == 1);
    CHECK(StreamEncoder::nameFieldSize(6) == 7);
    CHECK(StreamEncoder::nameFieldSize(7) == 8);
    CHECK(StreamEncoder::nameFieldSize(255) == 256);
    CHECK_THROWS_AS(StreamEncoder::nameFieldSize(256), std::invalid_argument);
    CHECK_THROWS_AS(StreamEncoder::bitsRecordSize(true, false, 256, 7, false, 8), std::invalid_argument);
    CHECK(StreamEncoder::bitsRecordSize(false, true, 256, 7, false, 8) == 1 + 8 + 8 + 4 + 8 + 8); // unsent

    // The encoder's own accounting agrees, in the order a bulk phase produces.
    StreamEncoder enc;
    std::vector<uint8_t> out;
    auto add = [&](const StreamRecord& r) {
        const EncodedSize predicted = enc.sizeOf(r);
        const size_t before = out.size();
        const EncodedSize got = enc.encode(r, out);
        CHECK(got == predicted);
        CHECK(got.total() == out.size() - before);
        return got.total();
    };
    CHECK(add(StreamRecord::start(kDev, kBmp, 65536, 1)) == 21);
    CHECK(add(StreamRecord::start(kDev, "bitmap1", 65536, 1)) == 14);
    CHECK(add(StreamRecord::eos()) == 1);
    // The node is still drive0, so going back to bitmap0 costs only its name.
    CHECK(add(StreamRecord::bits(kDev, kBmp, 0, 1048576, pattern(1024))) == 1 + 8 + 8 + 4 + 8 + 1024);
    CHECK(add(StreamRecord::bits(kDev, kBmp, 1048576, 1048576, pattern(1024))) == 21 + 1024);
    CHECK(add(StreamRecord::zeroChunk(kDev, kBmp, 2097152, 1048576)) == 13);
    CHECK(add(StreamRecord::zeroChunk(kDev, "bitmap1", 0, 1048576)) == 1 + 8 + 8 + 4);
    CHECK(add(StreamRecord::complete(kDev, "bitmap1")) == 1);
    CHECK(add(StreamRecord::complete("drive1", kBmp)) == 1 + 7 + 8);
    CHECK(add(StreamRecord::bits(kDev, kBmp, 0, 1048576, pattern(1024))) == 36 + 1024);
    CHECK(add(StreamRecord::complete("drive1", kBmp)) == 16);
    CHECK(add(StreamRecord::zeroChunk(kDev, kBmp, 0, 1048576)) == 28);
    CHECK(add(StreamRecord::eos()) == 1);
    // 1024 payload bytes against 21 header bytes: the reference's 2.05 %.
    CHECK(21.0 / 1024.0 == Approx(0.0205).margin(0.0001));
}

TEST_CASE("the encoder sends names only when they change", "[streamcodec]")
{
    StreamEncoder enc;
    std::vector<uint8_t> out;
    auto flagsOf = [&](const StreamRecord& r) {
        out.clear();
        enc.encode(r, out);
        return out.at(0);
    };
    CHECK(flagsOf(StreamRecord::complete("a", "x")) == 0x2c);
    CHECK(flagsOf(StreamRecord::complete("a", "x")) == 0x20);
    CHECK(flagsOf(StreamRecord::eos()) == 0x01);
    CHECK(flagsOf(StreamRecord::complete("a", "x")) == 0x20); // EOS keeps the state
    CHECK(flagsOf(StreamRecord::complete("a", "y")) == 0x24); // bitmap changed
    // Another node: both names, even though the bitmap name is the same, because it is another bitmap.
    CHECK(flagsOf(StreamRecord::complete("b", "y")) == 0x2c);
    CHECK(flagsOf(StreamRecord::complete("a", "y")) == 0x2c);
    CHECK(enc.previousDevice() == std::optional<std::string>("a"));
    CHECK(enc.previousBitmap() == std::optional<std::string>("y"));
    // Section framing is outside the records and leaves the state alone.
    enc.beginSection(SectionType::Part, 1, out);
    CHECK(flagsOf(StreamRecord::complete("a", "y")) == 0x20);
    enc.reset();
    CHECK_FALSE(enc.previousDevice());
    CHECK(flagsOf(StreamRecord::complete("a", "y")) == 0x2c);
}

TEST_CASE("the encoder refuses records the format cannot carry", "[streamcodec]")
{
    StreamEncoder enc;
    std::vector<uint8_t> out;
    const std::string longName(256, 'n');
    CHECK_THROWS_AS(enc.encode(StreamRecord::complete(longName, kBmp), out), std::invalid_argument);
    CHECK_THROWS_AS(enc.encode(StreamRecord::complete(kDev, longName), out), std::invalid_argument);
    CHECK_THROWS_AS(enc.sizeOf(StreamRecord::complete(kDev, longName)), std::invalid_argument);
    CHECK_THROWS_AS(enc.encode(StreamRecord::complete("", kBmp), out), std::invalid_argument);
    CHECK_THROWS_AS(enc.encode(StreamRecord::start(kDev, kBmp, 65536, 0x08), out), std::invalid_argument);
    CHECK_THROWS_AS(enc.encode(StreamRecord::start(kDev, kBmp, 256, 0), out), std::invalid_argument);
    CHECK_THROWS_AS(enc.encode(StreamRecord::start(kDev, kBmp, 65537, 0), out), std::invalid_argument);
    CHECK_THROWS_AS(enc.encode(StreamRecord::zeroChunk(kDev, kBmp, 0, 0), out), std::invalid_argument);
    CHECK_THROWS_AS(enc.encode(StreamRecord::zeroChunk(kDev, kBmp, stream::kSectorLimit - 1, 2), out),
                    std::invalid_argument);
    CHECK_THROWS_AS(enc.encode(StreamRecord::bits(kDev, kBmp, 0, 8, {}), out), std::invalid_argument);
    StreamRecord zeroesWithData = StreamRecord::zeroChunk(kDev, kBmp, 0, 8);
    zeroesWithData.data = {1};
    CHECK_THROWS_AS(enc.encode(zeroesWithData, out), std::invalid_argument);
    // Nothing was written and no state changed.
    CHECK(out.empty());
    CHECK_FALSE(enc.previousDevice());

    // 255 bytes is the longest name, and the obsolete AUTOLOAD bit 0x04 passes through.
    const std::string longest(255, 'm');
    CHECK(enc.encode(StreamRecord::start(longest, longest, 512, 0x04), out).total() == 1 + 256 + 256 + 5);
    enc.encode(StreamRecord::eos(), out);
    const auto records = StreamDecoder::decodeAll(out);
    REQUIRE(records.size() == 2);
    CHECK(records[0] == StreamRecord::start(longest, longest, 512, 0x04));
}

TEST_CASE("the decoder reads each record kind and resolves names", "[streamcodec]")
{
    Bytes in;
    in.u8(0x1c).name(kDev).name(kBmp).be32(65536).u8(0x01);
    in.u8(0x14).name("b1").be32(512).u8(0x02);
    in.u8(0x01);
    in.u8(0x44).name(kBmp).be64(0).be32(1048576).be64(32).bytes(pattern(32));
    in.u8(0x42).be64(1048576).be32(100);
    in.u8(0x2c).name("sdb").name("b2");
    in.u8(0x01);
    const auto records = StreamDecoder::decodeAll(in.v);
    const std::vector<StreamRecord> want = {
        StreamRecord::start(kDev, kBmp, 65536, 0x01),
        StreamRecord::start(kDev, "b1", 512, 0x02),
        StreamRecord::eos(),
        StreamRecord::bits(kDev, kBmp, 0, 1048576, pattern(32)),
        StreamRecord::zeroChunk(kDev, kBmp, 1048576, 100),
        StreamRecord::complete("sdb", "b2"),
        StreamRecord::eos(),
    };
    CHECK(records == want);

    StreamDecoder decoder;
    decoder.feed(in.v);
    CHECK_FALSE(decoder.device());
    CHECK(decoder.namings() == 0);
    decoder.next();
    CHECK(decoder.device() == std::optional<std::string>(kDev));
    CHECK(decoder.bitmap() == std::optional<std::string>(kBmp));
    CHECK(decoder.recordCount() == 1);
    CHECK(decoder.offset() == 21);
    // namings() grows with each record that names something: START b1, the BITS naming kBmp, the
    // COMPLETE naming sdb/b2; not with EOS or the ZEROES chunk that names nothing.
    std::vector<uint64_t> namings{decoder.namings()};
    while (decoder.next()) {
        namings.push_back(decoder.namings());
    }
    CHECK(namings == std::vector<uint64_t>{1, 2, 2, 3, 3, 4, 4});

    CHECK(StreamDecoder::decodeAll({}).empty());
}

TEST_CASE("the receiver puts each record into the bitmap its names say, as they change", "[streamcodec]")
{
    // Two bitmaps of 1 GiB at 64 KiB (16384 bits, two chunks of 1 KiB each); records alternate
    // between them, names sent only when they change.
    constexpr uint64_t kDisk = uint64_t(1) << 30;
    constexpr uint32_t kSectors = 1048576; // 1 KiB of bits at 64 KiB granularity
    auto chunk = [](size_t setBytes) {
        std::vector<uint8_t> data(1024, 0);
        std::fill(data.begin(), data.begin() + std::ptrdiff_t(setBytes), uint8_t(0xff));
        return data;
    };
    StreamEncoder enc;
    std::vector<uint8_t> s;
    enc.beginSection(SectionType::Start, 7, s);
    enc.encode(StreamRecord::start("sda", "a", 65536, 0), s);
    enc.encode(StreamRecord::start("sdb", "b", 65536, 0), s);
    enc.encode(StreamRecord::eos(), s);
    enc.beginSection(SectionType::End, 7, s);
    const size_t end = s.size();
    enc.encode(StreamRecord::bits("sda", "a", 0, kSectors, chunk(1)), s);
    enc.encode(StreamRecord::bits("sdb", "b", 0, kSectors, chunk(2)), s);
    enc.encode(StreamRecord::bits("sda", "a", kSectors, kSectors, chunk(3)), s);
    enc.encode(StreamRecord::zeroChunk("sda", "a", kSectors, kSectors), s); // no names: a's again
    enc.encode(StreamRecord::bits("sda", "a", kSectors, kSectors, chunk(4)), s);
    enc.encode(StreamRecord::zeroChunk("sdb", "b", kSectors, kSectors), s);
    enc.encode(StreamRecord::complete("sda", "a"), s);
    enc.encode(StreamRecord::complete("sdb", "b"), s);
    enc.encode(StreamRecord::eos(), s);
    const std::vector<BitmapReceiver::Target> targets{{"sda", "a", kDisk}, {"sdb", "b", kDisk}};
    BitmapReceiver receiver(targets, 4096);
    receiver.feed(s);
    REQUIRE(receiver.ended());
    CHECK(receiver.bitmap(0)->dirtyBits() == 8 + 32);
    CHECK(receiver.bitmap(1)->dirtyBits() == 16);

    // A record naming a bitmap the destination does not expect, after records of a known one, and
    // the record after it that names nothing: each refused.
    std::vector<uint8_t> unknown(s.begin(), s.begin() + std::ptrdiff_t(end));
    StreamEncoder again = enc;
    again.reset();
    again.encode(StreamRecord::bits("sda", "a", 0, kSectors, chunk(1)), unknown);
    const size_t named = unknown.size();
    again.encode(StreamRecord::bits("sda", "x", 0, kSectors, chunk(1)), unknown);
    const size_t renamed = unknown.size();
    again.encode(StreamRecord::zeroChunk("sda", "x", kSectors, kSectors), unknown);
    BitmapReceiver first(targets, 4096);
    const std::span<const uint8_t> bytes(unknown);
    CHECK_THROWS_WITH(first.feed(bytes.first(renamed)), Catch::Contains("unknown bitmap 'sda/x'"));
    CHECK_THROWS_WITH(first.feed(bytes.subspan(renamed)), Catch::Contains("unknown bitmap 'sda/x'"));
    BitmapReceiver second(targets, 4096);
    second.feed(std::span<const uint8_t>(unknown).first(named));
    CHECK(second.bitmap(0)->dirtyBits() == 8);
}

TEST_CASE("the decoder accepts the 2- and 4-byte flag forms", "[streamcodec]")
{
    const std::vector<uint8_t> tail = Bytes().name(kDev).name(kBmp).be64(3).be32(4).v;
    const auto one = StreamDecoder::decodeAll(Bytes().u8(0x4e).bytes(tail).u8(0x01).v);
    const auto two = StreamDecoder::decodeAll(Bytes().u8(0x80).u8(0x4e).bytes(tail).u8(0x80).u8(0x01).v);
    const auto four = StreamDecoder::decodeAll(
        Bytes().u8(0x80).u8(0x80).u8(0x00).u8(0x4e).bytes(tail).u8(0x80).u8(0x80).u8(0).u8(1).v);
    REQUIRE(one.size() == 2);
    CHECK(one[0] == StreamRecord::zeroChunk(kDev, kBmp, 3, 4));
    CHECK(two == one);
    CHECK(four == one);

    // Bits that QEMU would silently drop (it keeps only the last byte) are refused.
    auto e = decodeError(Bytes().u8(0x81).u8(0x4e).bytes(tail).u8(0x01).v);
    CHECK(e.offset() == 0);
    CHECK_FALSE(e.kind());
    e = decodeError(Bytes().u8(0x80).u8(0x84).u8(0).u8(0x4e).bytes(tail).u8(0x01).v);
    CHECK(e.offset() == 1);
    e = decodeError(Bytes().u8(0x80).u8(0x80).u8(0x01).u8(0x4e).bytes(tail).u8(0x01).v);
    CHECK(e.offset() == 2);
    e = decodeError(Bytes().u8(0x80).u8(0x80).u8(0x00).u8(0xce).bytes(tail).u8(0x01).v);
    CHECK(e.offset() == 3);
    CHECK_THAT(e.reason(), Catch::Contains("0x80"));
}

TEST_CASE("the decoder reports malformed records precisely", "[streamcodec]")
{
    const Bytes start = Bytes().u8(0x1c).name(kDev).name(kBmp).be32(65536).u8(0x01); // 21 bytes

    SECTION("flags")
    {
        auto e = decodeError(Bytes(start).u8(0x00).v);
        CHECK(e.offset() == 21);
        CHECK(e.recordOffset() == 21);
        CHECK(e.recordIndex() == 1);
        CHECK_FALSE(e.kind());
        CHECK_THAT(e.reason(), Catch::Contains("no record kind"));
        CHECK_THAT(std::string(e.what()), Catch::Contains("byte 21") && Catch::Contains("record 1"));

        e = decodeError(Bytes(start).u8(0x50).v);
        CHECK_THAT(e.reason(), Catch::Contains("more than one"));
        e = decodeError(Bytes(start).u8(0x12).v);
        CHECK(e.kind() == RecordKind::Start);
        CHECK_THAT(e.reason(), Catch::Contains("ZEROES"));
        e = decodeError(Bytes(start).u8(0x0d).name(kDev).v);
        CHECK(e.kind() == RecordKind::Eos);
        CHECK(e.offset() == 21);
        e = decodeError(Bytes(start).u8(0x03).v);
        CHECK(e.kind() == RecordKind::Eos);
    }
    SECTION("START body")
    {
        auto e = decodeError(Bytes().u8(0x1c).name(kDev).name(kBmp).be32(65536).u8(0x09).u8(0x01).v);
        CHECK(e.offset() == 20);
        CHECK(e.recordOffset() == 0);
        CHECK(e.recordIndex() == 0);
        CHECK(e.kind() == RecordKind::Start);
        CHECK_THAT(e.reason(), Catch::Contains("reserved"));
        e = decodeError(Bytes().u8(0x1c).name(kDev).name(kBmp).be32(1000).u8(0x01).u8(0x01).v);
        CHECK(e.offset() == 16);
        CHECK_THAT(e.reason(), Catch::Contains("granularity 1000"));
        e = decodeError(Bytes().u8(0x1c).name(kDev).name(kBmp).be32(256).u8(0x01).u8(0x01).v);
        CHECK_THAT(e.reason(), Catch::Contains("granularity 256"));
    }
    SECTION("names")
    {
        auto e = decodeError(Bytes().u8(0x20).v);
        CHECK_THAT(e.reason(), Catch::Contains("no device name"));
        CHECK(e.kind() == RecordKind::Complete);
        e = decodeError(Bytes().u8(0x28).name(kDev).v);
        CHECK_THAT(e.reason(), Catch::Contains("without a bitmap name"));
        e = decodeError(Bytes(start).u8(0x28).name("other").u8(0x01).v);
        CHECK_THAT(e.reason(), Catch::Contains("without a bitmap name"));
        e = decodeError(Bytes().u8(0x2c).u8(0).name(kBmp).u8(0x01).v);
        CHECK(e.offset() == 1);
        CHECK_THAT(e.reason(), Catch::Contains("empty device name"));
        e = decodeError(Bytes().u8(0x2c).name(kDev).u8(0).u8(0x01).v);
        CHECK(e.offset() == 8);
        CHECK_THAT(e.reason(), Catch::Contains("empty bitmap name"));
    }
    SECTION("BITS body")
    {
        auto e = decodeError(Bytes(start).u8(0x40).be64(0).be32(8).be64(10241).bytes(pattern(10241)).u8(1).v);
        CHECK(e.offset() == 21 + 1 + 12);
        CHECK(e.recordIndex() == 1);
        CHECK(e.kind() == RecordKind::Bits);
        CHECK_THAT(e.reason(), Catch::Contains("buf_size 10241") && Catch::Contains("10240"));
        // 10240 is the largest QEMU takes; the limit is an option for larger simulated chunks.
        const auto ok = Bytes(start).u8(0x40).be64(0).be32(8).be64(10240).bytes(pattern(10240)).u8(1).v;
        CHECK(StreamDecoder::decodeAll(ok).size() == 3);
        CHECK_THROWS_AS(StreamDecoder::decodeAll(ok, {.maxBufSize = 10239}), StreamError);
        const auto big = Bytes(start).u8(0x40).be64(0).be32(8).be64(1 << 20).bytes(pattern(1 << 20)).u8(1).v;
        CHECK(StreamDecoder::decodeAll(big, {.maxBufSize = 1 << 20}).at(1).data.size() == 1 << 20);

        e = decodeError(Bytes(start).u8(0x40).be64(0).be32(8).be64(0).u8(1).v);
        CHECK_THAT(e.reason(), Catch::Contains("buf_size 0"));
        e = decodeError(Bytes(start).u8(0x42).be64(0).be32(0).u8(1).v);
        CHECK(e.offset() == 21 + 1 + 8);
        CHECK_THAT(e.reason(), Catch::Contains("nr_sectors 0"));
        e = decodeError(Bytes(start).u8(0x42).be64(stream::kSectorLimit - 1).be32(2).u8(1).v);
        CHECK_THAT(e.reason(), Catch::Contains("2^64"));
        CHECK(StreamDecoder::decodeAll(Bytes(start).u8(0x42).be64(stream::kSectorLimit - 2).be32(2).u8(1).v)
                  .size() == 3);
    }
    SECTION("the end of the input")
    {
        auto e = decodeError(Bytes(start).u8(0x40).be64(0).be32(8).be64(64).bytes(pattern(10)).v);
        CHECK(e.offset() == 21 + 21 + 10);
        CHECK(e.recordOffset() == 21);
        CHECK(e.recordIndex() == 1);
        CHECK(e.kind() == RecordKind::Bits);
        CHECK_THAT(e.reason(), Catch::Contains("truncated record"));
        e = decodeError(start.v);
        CHECK(e.offset() == 21);
        CHECK_THAT(e.reason(), Catch::Contains("without EOS"));
        e = decodeError(Bytes(start).u8(0x80).v);
        CHECK_FALSE(e.kind());
    }
    SECTION("errors stick, input stops at finish")
    {
        StreamDecoder decoder;
        decoder.feed(Bytes().u8(0x00).u8(0x01).v);
        CHECK_THROWS_AS(decoder.next(), StreamError);
        CHECK_THROWS_AS(decoder.next(), StreamError);
        decoder.finish();
        CHECK_THROWS_AS(decoder.feed(std::vector<uint8_t>{1}), std::logic_error);
    }
}

TEST_CASE("errors are found as soon as the bytes allow, without waiting for the rest", "[streamcodec]")
{
    StreamDecoder decoder;
    decoder.feed(Bytes().u8(0x1c).name(kDev).name(kBmp).be32(65536).u8(0x01).v);
    CHECK(decoder.next());
    decoder.feed(Bytes().u8(0x40).be64(0).be32(8).v);
    CHECK_FALSE(decoder.next()); // waits for buf_size
    decoder.feed(Bytes().be64(20000).v);
    CHECK_THROWS_WITH(decoder.next(), Catch::Contains("buf_size 20000"));
}

TEST_CASE("framed streams decode and framing errors are caught", "[streamcodec]")
{
    StreamEncoder enc;
    std::vector<uint8_t> s;
    enc.beginSection(SectionType::Start, 42, s, 0);
    enc.encode(StreamRecord::start(kDev, kBmp, 65536, 1), s);
    enc.encode(StreamRecord::eos(), s);
    enc.writeSectionFooter(s);
    const size_t afterStart = s.size();
    enc.beginSection(SectionType::Part, 42, s);
    enc.encode(StreamRecord::bits(kDev, kBmp, 0, 1048576, pattern(1024)), s);
    enc.encode(StreamRecord::eos(), s);
    enc.writeSectionFooter(s);
    const size_t afterPart = s.size();
    enc.beginSection(SectionType::End, 42, s);
    enc.encode(StreamRecord::complete(kDev, kBmp), s);
    enc.encode(StreamRecord::eos(), s);
    enc.writeSectionFooter(s);
    CHECK(afterStart == 26 + 21 + 1 + 5);
    CHECK(afterPart - afterStart == 5 + 21 + 1024 + 1 + 5); // names carry over from the START section
    CHECK(s.size() - afterPart == 5 + 1 + 1 + 5);

    const StreamDecoderOptions framed{.framing = true};
    const auto records = StreamDecoder::decodeAll(s, framed);
    REQUIRE(records.size() == 6);
    CHECK(records[2] == StreamRecord::bits(kDev, kBmp, 0, 1048576, pattern(1024)));
    CHECK(records[4] == StreamRecord::complete(kDev, kBmp));

    StreamDecoder decoder(framed);
    decoder.feed(s);
    decoder.next();
    CHECK(decoder.section() == SectionType::Start);

    auto patched = [&](size_t at, uint8_t value) {
        std::vector<uint8_t> copy = s;
        copy.at(at) = value;
        return decodeError(copy, framed);
    };
    CHECK_THAT(patched(0, 0x04).reason(), Catch::Contains("section type 0x04"));
    CHECK_THAT(patched(7, 'D').reason(), Catch::Contains("idstr"));
    CHECK(patched(7, 'D').offset() == 6);
    CHECK_THAT(patched(5, 11).reason(), Catch::Contains("11 bytes"));
    CHECK_THAT(patched(21, 1).reason(), Catch::Contains("instance id 1"));
    CHECK_THAT(patched(25, 2).reason(), Catch::Contains("version 2"));
    CHECK(patched(25, 2).offset() == 22);
    CHECK_THAT(patched(afterStart - 5, 0x7f).reason(), Catch::Contains("footer"));
    CHECK_THAT(patched(afterStart - 1, 43).reason(), Catch::Contains("footer id 43"));
    CHECK_THAT(patched(afterStart + 4, 43).reason(), Catch::Contains("section id 43"));
    CHECK(patched(afterStart + 4, 43).recordIndex() == 2);
    CHECK_THAT(patched(afterStart, 0x01).reason(), Catch::Contains("second START"));
    CHECK_THAT(decodeError(std::vector<uint8_t>(s.begin() + ptrdiff_t(afterStart), s.end()), framed).reason(),
               Catch::Contains("PART section before the START"));
    std::vector<uint8_t> extra = s;
    extra.push_back(0x02);
    CHECK_THAT(decodeError(extra, framed).reason(), Catch::Contains("after the END"));
    CHECK_THAT(
        decodeError(std::vector<uint8_t>(s.begin(), s.begin() + ptrdiff_t(afterPart)), framed).reason(),
        Catch::Contains("before the END section"));
    // Framed bytes are not bare records, and the other way round.
    CHECK_THROWS_AS(StreamDecoder::decodeAll(s), StreamError);

    // Without footers.
    StreamEncoder plain;
    std::vector<uint8_t> nf;
    plain.beginSection(SectionType::Start, 3, nf, 5);
    plain.encode(StreamRecord::start(kDev, kBmp, 65536, 1), nf);
    plain.encode(StreamRecord::eos(), nf);
    plain.beginSection(SectionType::End, 3, nf);
    plain.encode(StreamRecord::complete(kDev, kBmp), nf);
    plain.encode(StreamRecord::eos(), nf);
    CHECK(StreamDecoder::decodeAll(nf, {.framing = true, .sectionFooters = false, .instanceId = 5}).size() ==
          4);
    CHECK_THROWS_AS(StreamDecoder::decodeAll(nf, {.framing = true, .instanceId = 5}), StreamError);
    CHECK(StreamDecoder::decodeAll({}, framed).empty());
}

namespace {

// A random stream as a migration would send it: START records, bulk chunks (some ZEROES), COMPLETE,
// EOS after each group, over several devices and bitmaps so that names change in every way.
struct RandomStream {
    std::vector<StreamRecord> records;
    std::vector<uint8_t> bytes;
    std::vector<size_t> ends; // byte offset after each record, for the truncation test
};

RandomStream randomStream(uint64_t seed, bool framed)
{
    std::mt19937_64 rng(seed);
    const std::vector<std::string> devices = {"drive0", "d", "sdb", std::string(255, 'z')};
    const std::vector<std::string> bitmaps = {"bitmap0", "b", "bitmap0x"};
    auto pick = [&](const std::vector<std::string>& v) { return v[rng() % v.size()]; };

    RandomStream out;
    StreamEncoder enc;
    const uint32_t sectionId = uint32_t(rng());
    bool first = true;
    const int groups = 1 + int(rng() % 5);
    for (int g = 0; g < groups; ++g) {
        if (framed) {
            const SectionType type = first             ? SectionType::Start
                                     : g + 1 == groups ? SectionType::End
                                                       : SectionType::Part;
            enc.beginSection(type, sectionId, out.bytes);
            first = false;
        }
        const int n = int(rng() % 8);
        for (int i = 0; i < n; ++i) {
            StreamRecord r;
            const std::string dev = pick(devices);
            const std::string bmp = pick(bitmaps);
            switch (rng() % 4) {
            case 0:
                r = StreamRecord::start(dev, bmp, uint32_t(512) << (rng() % 23), uint8_t(rng() % 8));
                break;
            case 1:
                r = StreamRecord::complete(dev, bmp);
                break;
            case 2:
                r = StreamRecord::zeroChunk(dev, bmp, rng() % (1ull << 40),
                                            1 + uint32_t(rng() % 0xffffffffu));
                break;
            default: {
                std::vector<uint8_t> data(1 + rng() % 300);
                for (auto& b : data) {
                    b = uint8_t(rng());
                }
                r = StreamRecord::bits(dev, bmp, rng() % (1ull << 40), 1 + uint32_t(rng() % 1000000),
                                       std::move(data));
            }
            }
            const EncodedSize predicted = enc.sizeOf(r);
            const EncodedSize got = enc.encode(r, out.bytes);
            REQUIRE(got == predicted);
            out.records.push_back(std::move(r));
            out.ends.push_back(out.bytes.size());
        }
        enc.encode(StreamRecord::eos(), out.bytes);
        out.records.push_back(StreamRecord::eos());
        out.ends.push_back(out.bytes.size());
        if (framed) {
            enc.writeSectionFooter(out.bytes);
        }
    }
    if (framed && groups == 1) {
        // A single group was framed as START: close the stream with an empty END section.
        enc.beginSection(SectionType::End, sectionId, out.bytes);
        enc.encode(StreamRecord::eos(), out.bytes);
        out.records.push_back(StreamRecord::eos());
        enc.writeSectionFooter(out.bytes);
    }
    return out;
}

// Decodes whole and byte by byte; both must agree, on records or on the error.
void checkConsistentDecode(const std::vector<uint8_t>& bytes, StreamDecoderOptions options)
{
    std::string wholeError;
    std::vector<StreamRecord> whole;
    try {
        whole = StreamDecoder::decodeAll(bytes, options);
    } catch (const StreamError& e) {
        wholeError = e.what();
        CHECK(e.offset() <= bytes.size());
        CHECK(e.recordOffset() <= e.offset());
    }
    std::string pieceError;
    std::vector<StreamRecord> pieces;
    try {
        StreamDecoder decoder(options);
        for (uint8_t b : bytes) {
            decoder.feed(std::span(&b, 1));
            while (auto r = decoder.next()) {
                pieces.push_back(std::move(*r));
            }
        }
        decoder.finish();
        while (auto r = decoder.next()) {
            pieces.push_back(std::move(*r));
        }
    } catch (const StreamError& e) {
        pieceError = e.what();
    }
    CHECK(pieceError == wholeError);
    if (wholeError.empty()) {
        CHECK(pieces == whole);
        // Whatever decodes must encode again (in the 1-byte flag form) and decode to the same records.
        StreamEncoder enc;
        std::vector<uint8_t> again;
        for (const auto& r : whole) {
            enc.encode(r, again);
        }
        if (!options.framing) {
            CHECK(StreamDecoder::decodeAll(again, options) == whole);
        }
    }
}

} // namespace

TEST_CASE("random record sequences round-trip", "[streamcodec]")
{
    const StreamDecoderOptions bare{};
    const StreamDecoderOptions framed{.framing = true};
    for (uint64_t seed = 1; seed <= 300; ++seed) {
        CAPTURE(seed);
        for (bool isFramed : {false, true}) {
            const RandomStream s = randomStream(seed, isFramed);
            const StreamDecoderOptions& options = isFramed ? framed : bare;
            CHECK(StreamDecoder::decodeAll(s.bytes, options) == s.records);
            std::mt19937_64 rng(seed);
            CHECK(decodeInPieces(s.bytes, rng, options) == s.records);
        }
    }
}

TEST_CASE("every truncation of a valid stream is an error or a shorter valid stream", "[streamcodec]")
{
    for (uint64_t seed = 1; seed <= 10; ++seed) {
        CAPTURE(seed);
        const RandomStream bare = randomStream(seed, false);
        // Unframed, a cut right after an EOS leaves a valid stream; anywhere else is an error.
        for (size_t cut = 0; cut < bare.bytes.size(); ++cut) {
            CAPTURE(cut);
            const auto prefix = std::span(bare.bytes).first(cut);
            const auto end = std::find(bare.ends.begin(), bare.ends.end(), cut);
            const bool afterEos =
                cut == 0 || (end != bare.ends.end() &&
                             bare.records[size_t(end - bare.ends.begin())].kind == RecordKind::Eos);
            if (afterEos) {
                const auto records = StreamDecoder::decodeAll(prefix);
                const size_t n = cut == 0 ? 0 : size_t(end - bare.ends.begin()) + 1;
                CHECK(records ==
                      std::vector<StreamRecord>(bare.records.begin(), bare.records.begin() + ptrdiff_t(n)));
            } else {
                const StreamError e = decodeError(prefix);
                CHECK(e.offset() == cut);
                CHECK(e.recordIndex() <= bare.records.size());
            }
        }
        // Framed, only the whole stream (or nothing) is valid.
        const RandomStream framed = randomStream(seed, true);
        for (size_t cut = 1; cut < framed.bytes.size(); ++cut) {
            CAPTURE(cut);
            const auto prefix = std::span(framed.bytes).first(cut);
            const StreamError e = decodeError(prefix, {.framing = true});
            CHECK(e.offset() == cut);
        }
    }
}

namespace {

// Random input built from the format's own pieces (flag bytes, names, sector-sized integers, section
// frames), so that the decoder gets past the first byte far more often than on uniform noise.
std::vector<uint8_t> fieldSoup(std::mt19937_64& rng)
{
    const std::vector<uint8_t> flags = {0x01, 0x02, 0x0c, 0x14, 0x1c, 0x20, 0x24, 0x2c,
                                        0x40, 0x42, 0x44, 0x4c, 0x4e, 0x80, 0x00};
    Bytes b;
    // Often open like a real stream, framed or bare, so that names are known to later records.
    switch (rng() % 3) {
    case 0:
        b.u8(0x01).be32(0).name("dirty-bitmap").be32(0).be32(1);
        [[fallthrough]];
    case 1:
        b.u8(0x1c).name("a").name("b").be32(512).u8(0x01);
        break;
    default:
        break;
    }
    const int fields = int(rng() % 40);
    for (int i = 0; i < fields; ++i) {
        switch (rng() % 8) {
        case 0:
        case 1:
            b.u8(flags[rng() % flags.size()]);
            break;
        case 2:
            b.name(std::string(rng() % 8 ? 1 : 0, char('a' + rng() % 2)));
            break;
        case 3:
            b.be32(rng() % 2 ? uint32_t(512) << (rng() % 24) : uint32_t(rng()));
            break;
        case 4:
            b.be64(rng() % 2 ? rng() % 64 : rng());
            break;
        case 5:
            b.u8(1 + rng() % 3).be32(uint32_t(rng() % 2)).name("dirty-bitmap").be32(0).be32(1);
            break;
        case 6:
            b.u8(0x7e).be32(uint32_t(rng() % 2));
            break;
        default:
            b.u8(uint8_t(rng()));
        }
    }
    return b.v;
}

} // namespace

TEST_CASE("random bytes give an error or valid records, never a crash", "[streamcodec]")
{
    for (uint64_t seed = 1; seed <= 2000; ++seed) {
        CAPTURE(seed);
        std::mt19937_64 rng(seed);
        std::vector<uint8_t> noise(rng() % 200);
        for (auto& b : noise) {
            b = uint8_t(rng());
        }
        for (const auto& bytes : {noise, fieldSoup(rng)}) {
            checkConsistentDecode(bytes, {});
            checkConsistentDecode(bytes, {.framing = true});
            checkConsistentDecode(bytes, {.framing = true, .sectionFooters = false});
        }
    }
}

TEST_CASE("corrupted valid streams give an error or valid records, never a crash", "[streamcodec]")
{
    for (uint64_t seed = 1; seed <= 300; ++seed) {
        CAPTURE(seed);
        std::mt19937_64 rng(seed * 7919);
        for (bool framed : {false, true}) {
            RandomStream s = randomStream(seed, framed);
            const int flips = 1 + int(rng() % 3);
            for (int i = 0; i < flips && !s.bytes.empty(); ++i) {
                s.bytes[rng() % s.bytes.size()] = uint8_t(rng());
            }
            checkConsistentDecode(s.bytes, {.framing = framed, .maxBufSize = 1 << 16});
        }
    }
}
