// Shared helpers for the MigrationEngine tests: stream decoding and re-encoding, an independent
// model of the guest's dirty bits, and summary comparison.
#pragma once

#include <algorithm>
#include <bit>
#include <cmath>
#include <bitmig/migrationengine.h>
#include <bitmig/random.h>
#include <bitmig/streamcodec.h>
#include <cstdint>
#include <set>
#include <span>
#include <sstream>
#include <string>
#include <vector>

namespace bitmig_engine_test {

using namespace bitmig;

inline constexpr uint64_t KiB = 1024;
inline constexpr uint64_t MiB = 1024 * KiB;
inline constexpr uint64_t GiB = 1024 * MiB;
inline constexpr int64_t kMs = 1'000'000;

// 4 GiB at 64 KiB granularity, 1 KiB chunks: 65536 bits, 8 KiB of bitmap, 8 chunks of 512 MiB of
// disk each, an idle guest. At 1 MB/s a byte takes a microsecond.
inline SimConfig smallIdleConfig(Strategy strategy)
{
    SimConfig cfg;
    cfg.diskBytes = 4 * GiB;
    cfg.granularity = 64 * KiB;
    cfg.chunkBytes = 1024;
    cfg.strategy = strategy;
    cfg.bandwidth = 1e6;
    cfg.workload.kind = WorkloadKind::Idle;
    return cfg;
}

// A value spread evenly on a log scale between lo and hi (random scenarios).
inline double logUniform(Random& rng, double lo, double hi)
{
    return std::exp(std::log(lo) + rng.unit() * (std::log(hi) - std::log(lo)));
}

// One decoded record and the savevm section it came in.
struct DecodedRecord {
    StreamRecord record;
    SectionType section = SectionType::Start;
    bool firstInSection = false;
    uint64_t endOffset = 0; // stream offset just past the record
};

// Decodes a framed stream without section footers, as the engine writes it. With `whole`, the stream
// must end right after the END section.
inline std::vector<DecodedRecord> decodeStream(std::span<const uint8_t> bytes, bool whole = true)
{
    StreamDecoder dec(StreamDecoderOptions{
        .framing = true, .sectionFooters = false, .instanceId = 0, .maxBufSize = uint64_t(1) << 24});
    dec.feed(bytes);
    if (whole) {
        dec.finish();
    }
    std::vector<DecodedRecord> out;
    bool newSection = true;
    SectionType current = SectionType::Start;
    while (auto r = dec.next()) {
        // The decoder closes the section once it has read its EOS.
        current = dec.section().value_or(current);
        DecodedRecord d;
        d.record = std::move(*r);
        d.section = current;
        d.firstInSection = newSection;
        d.endOffset = dec.offset();
        newSection = d.record.kind == RecordKind::Eos;
        out.push_back(std::move(d));
    }
    return out;
}

struct Reencoded {
    std::vector<uint8_t> bytes;
    std::vector<EncodedSize> sizes; // one per record
    uint64_t sectionBytes = 0;      // section headers
    uint64_t sections = 0;
};

// Encodes the decoded records again with a fresh encoder, opening a section before each section's
// first record (section id 1, as the engine uses).
inline Reencoded reencode(const std::vector<DecodedRecord>& records)
{
    StreamEncoder enc;
    Reencoded r;
    for (const DecodedRecord& d : records) {
        if (d.firstInSection) {
            r.sectionBytes += enc.beginSection(d.section, 1, r.bytes);
            ++r.sections;
        }
        r.sizes.push_back(enc.encode(d.record, r.bytes));
    }
    return r;
}

inline size_t firstDifference(const std::vector<uint8_t>& a, const std::vector<uint8_t>& b)
{
    const size_t n = std::min(a.size(), b.size());
    for (size_t i = 0; i < n; ++i) {
        if (a[i] != b[i]) {
            return i;
        }
    }
    return a.size() == b.size() ? size_t(-1) : n;
}

// The guest's dirty bits, kept on a plain word vector with the DirtyBitmap rules: a write marks every
// granule it touches, a clear only the granules wholly inside it (or reaching the disk end).
class TruthModel {
public:
    TruthModel(uint64_t diskBytes, uint64_t granularity)
        : disk_(diskBytes), g_(granularity), bits_((diskBytes + granularity - 1) / granularity),
          words_((bits_ + 63) / 64, 0)
    {
    }

    void write(uint64_t offset, uint64_t length)
    {
        if (length == 0) {
            return;
        }
        setRange(offset / g_, (offset + length - 1) / g_ + 1, true);
    }
    void clear(uint64_t offset, uint64_t length)
    {
        if (length == 0) {
            return;
        }
        const uint64_t first = (offset + g_ - 1) / g_;
        const uint64_t end = offset + length == disk_ ? bits_ : (offset + length) / g_;
        if (end > first) {
            setRange(first, end, false);
        }
    }
    void apply(const Injection& io)
    {
        if (io.op == Injection::Op::Write) {
            write(io.offset, io.length);
        } else {
            clear(io.offset, io.length);
        }
    }
    void merge(const HBitmap& hb)
    {
        const auto w = hb.words();
        for (size_t i = 0; i < words_.size() && i < w.size(); ++i) {
            words_[i] |= w[i];
        }
    }

    // Bits that differ from the HBitmap's bottom level (which must have the same bit count).
    uint64_t differences(const HBitmap& hb) const
    {
        if (hb.bitCount() != bits_) {
            return UINT64_MAX;
        }
        const auto w = hb.words();
        uint64_t n = 0;
        for (size_t i = 0; i < words_.size(); ++i) {
            n += uint64_t(std::popcount(words_[i] ^ (i < w.size() ? w[i] : 0)));
        }
        return n;
    }
    uint64_t count() const
    {
        uint64_t n = 0;
        for (uint64_t w : words_) {
            n += uint64_t(std::popcount(w));
        }
        return n;
    }
    bool get(uint64_t bit) const { return (words_[bit / 64] >> (bit % 64)) & 1; }

private:
    void setRange(uint64_t first, uint64_t end, bool on)
    {
        for (uint64_t b = first; b < end;) {
            const uint64_t w = b / 64;
            const uint64_t lo = b % 64;
            const uint64_t hi = std::min<uint64_t>(64, lo + (end - b));
            const uint64_t mask = (hi - lo == 64 ? ~uint64_t(0) : ((uint64_t(1) << (hi - lo)) - 1)) << lo;
            words_[w] = on ? (words_[w] | mask) : (words_[w] & ~mask);
            b += hi - lo;
        }
    }

    uint64_t disk_, g_, bits_;
    std::vector<uint64_t> words_;
};

// First field in which two summaries differ, or "" if none.
inline std::string summaryDifference(const MigrationSummary& a, const MigrationSummary& b)
{
    std::ostringstream os;
#define BITMIG_CMP(field)                                                                                    \
    if (!(a.field == b.field)) {                                                                             \
        os << #field " differs: " << a.field << " vs " << b.field;                                           \
        return os.str();                                                                                     \
    }
    if (a.strategy != b.strategy) {
        return "strategy differs";
    }
    if (a.phases != b.phases) {
        return "phases differ";
    }
    BITMIG_CMP(started)
    BITMIG_CMP(finished)
    BITMIG_CMP(cancelled)
    BITMIG_CMP(converged)
    BITMIG_CMP(verified)
    BITMIG_CMP(dirtyPasses)
    BITMIG_CMP(chunks)
    BITMIG_CMP(chunksSent)
    BITMIG_CMP(chunksResent)
    BITMIG_CMP(chunksZeroes)
    BITMIG_CMP(records)
    BITMIG_CMP(payloadBytes)
    BITMIG_CMP(headerBytes)
    BITMIG_CMP(wireBytes)
    BITMIG_CMP(decodedBytes)
    BITMIG_CMP(writesApplied)
    BITMIG_CMP(clearsApplied)
    BITMIG_CMP(migrationStartNs)
    BITMIG_CMP(pauseStartNs)
    BITMIG_CMP(downtimeNs)
    BITMIG_CMP(expectedDowntimeNs)
    BITMIG_CMP(maxDowntimeNs)
    BITMIG_CMP(totalTimeNs)
    BITMIG_CMP(unusableWindowNs)
    BITMIG_CMP(lostBits)
    BITMIG_CMP(extraBits)
    BITMIG_CMP(sourceSha256)
    BITMIG_CMP(destinationSha256)
    BITMIG_CMP(expectedSha256)
    BITMIG_CMP(error)
#undef BITMIG_CMP
    return "";
}

// Header bytes of a BITS record per reference table 4.4 (node "drive0", bitmap "bitmap0").
inline uint64_t tableBitsHeader(bool withNames, bool zeroes)
{
    if (withNames) {
        return zeroes ? 28 : 36;
    }
    return zeroes ? 13 : 21;
}

// What is wrong with the engine's recorded stream and counters after a finished migration, or "".
// Checks: the stream decodes, re-encodes byte for byte, its size is the wire, decoded and
// payload + header byte counts; record, chunk and payload counts; BITS headers per table 4.4 (the names
// ride on START, so every BITS record carries none); section structure.
inline std::string streamProblems(const MigrationEngine& engine)
{
    std::ostringstream os;
    const SimConfig& cfg = engine.config();
    const std::vector<uint8_t>& stream = engine.recordedStream();
    const MigrationSummary s = engine.summary();
    std::vector<DecodedRecord> recs;
    try {
        recs = decodeStream(stream);
    } catch (const std::exception& e) {
        return std::string("stream does not decode: ") + e.what();
    }
    const Reencoded re = reencode(recs);
    if (const size_t at = firstDifference(re.bytes, stream); at != size_t(-1)) {
        os << "re-encoded stream differs at byte " << at << " (sizes " << re.bytes.size() << " and "
           << stream.size() << ")";
        return os.str();
    }
    uint64_t sum = re.sectionBytes;
    for (const EncodedSize& e : re.sizes) {
        sum += e.total();
    }
    if (s.wireBytes != stream.size() || s.wireBytes != sum || s.decodedBytes != s.wireBytes ||
        s.payloadBytes + s.headerBytes != s.wireBytes) {
        os << "byte counts: wire " << s.wireBytes << ", stream " << stream.size() << ", re-encoded " << sum
           << ", decoded " << s.decodedBytes << ", payload + header " << s.payloadBytes + s.headerBytes;
        return os.str();
    }
    if (re.sections == 0 || re.sectionBytes != 26 + 5 * (re.sections - 1)) {
        os << re.sections << " sections with " << re.sectionBytes << " header bytes";
        return os.str();
    }
    if (s.records != recs.size()) {
        os << "records: summary " << s.records << ", stream " << recs.size();
        return os.str();
    }
    if (recs.size() < 4 || recs.front().record.kind != RecordKind::Start || re.sizes.front().total() != 21 ||
        recs[recs.size() - 2].record.kind != RecordKind::Complete ||
        recs.back().record.kind != RecordKind::Eos || recs.back().section != SectionType::End) {
        return "stream does not start with START (21 bytes) and end with COMPLETE, EOS in the END section";
    }
    const uint64_t g = cfg.granularity;
    const uint64_t bits = (cfg.diskBytes + g - 1) / g;
    const uint64_t chunkDisk = cfg.chunkBytes * 8 * g;
    uint64_t bitsRecords = 0, zeroes = 0, payload = 0, eos = 0;
    std::set<uint64_t> chunksSeen;
    for (size_t i = 0; i < recs.size(); ++i) {
        const StreamRecord& r = recs[i].record;
        const EncodedSize& e = re.sizes[i];
        switch (r.kind) {
        case RecordKind::Eos:
            ++eos;
            if (e.total() != 1) {
                return "EOS is not 1 byte";
            }
            break;
        case RecordKind::Start:
            if (i != 0) {
                return "START after the first record";
            }
            break;
        case RecordKind::Complete:
            if (e.total() != 1 || recs[i].section != SectionType::End) {
                return "COMPLETE is not a 1-byte record of the END section";
            }
            break;
        case RecordKind::Bits: {
            ++bitsRecords;
            zeroes += r.zeroes;
            if (e.header != tableBitsHeader(false, r.zeroes)) {
                os << "BITS record " << i << " has a " << e.header << "-byte header";
                return os.str();
            }
            // A fresh encoder puts both names on the wire: the first-record figures of table 4.4.
            StreamEncoder fresh;
            if (fresh.sizeOf(r).header != tableBitsHeader(true, r.zeroes)) {
                return "a BITS record with names does not have the table 4.4 header";
            }
            const uint64_t start = r.startSector * 512;
            if (start % chunkDisk != 0) {
                os << "BITS record " << i << " starts at byte " << start << ", not at a chunk boundary";
                return os.str();
            }
            const uint64_t count = std::min<uint64_t>(uint64_t(r.nrSectors) * 512, cfg.diskBytes - start);
            const uint64_t expectCount = std::min<uint64_t>(chunkDisk, cfg.diskBytes - start);
            if (count != expectCount || uint64_t(r.nrSectors) * 512 != expectCount) {
                os << "BITS record " << i << " covers " << uint64_t(r.nrSectors) * 512 << " bytes, expected "
                   << expectCount;
                return os.str();
            }
            const uint64_t firstBit = start / g;
            const uint64_t nbits = std::min<uint64_t>(cfg.chunkBytes * 8, bits - firstBit);
            if (!r.zeroes) {
                const uint64_t meaningful = (nbits + 7) / 8;
                const uint64_t buf = stream::bufSize(std::max<uint64_t>(8, (nbits + 63) / 64 * 8));
                if (r.data.size() != buf) {
                    os << "BITS record " << i << " carries " << r.data.size() << " bytes, expected " << buf;
                    return os.str();
                }
                payload += std::min<uint64_t>(meaningful, r.data.size());
            }
            chunksSeen.insert(start / chunkDisk);
            break;
        }
        }
    }
    if (eos != re.sections) {
        os << eos << " EOS records in " << re.sections << " sections";
        return os.str();
    }
    if (bitsRecords != s.chunksSent || zeroes != s.chunksZeroes) {
        os << "BITS records " << bitsRecords << " (summary " << s.chunksSent << "), ZEROES " << zeroes
           << " (summary " << s.chunksZeroes << ")";
        return os.str();
    }
    if (chunksSeen.size() != s.chunks || s.chunksResent != s.chunksSent - s.chunks) {
        os << "chunks: " << chunksSeen.size() << " distinct sent of " << s.chunks << "; resent "
           << s.chunksResent << ", sent " << s.chunksSent;
        return os.str();
    }
    if (payload != s.payloadBytes) {
        os << "payload: stream " << payload << ", summary " << s.payloadBytes;
        return os.str();
    }
    const double overhead = s.wireBytes ? double(s.headerBytes) / double(s.wireBytes) : 0;
    if (s.overhead() != overhead) {
        return "overhead is not header / wire";
    }
    return "";
}

// Problems with the order and times of the phase spans, or "". Each span starts where the previous
// one ended, except after Cancelled: that span is a moment, and a retry starts whenever it is made.
inline std::string phaseProblems(const std::vector<PhaseSpan>& phases, int64_t now)
{
    std::ostringstream os;
    for (size_t i = 0; i < phases.size(); ++i) {
        const PhaseSpan& p = phases[i];
        if (p.startNs < 0 || p.startNs > now || (p.endNs >= 0 && p.endNs < p.startNs) || p.endNs > now) {
            os << "phase " << i << " (" << phaseName(p.phase) << ") spans " << p.startNs << ".." << p.endNs;
            return os.str();
        }
        const bool gapAllowed =
            p.phase == Phase::Cancelled && p.endNs <= phases[std::min(i + 1, phases.size() - 1)].startNs;
        if (i + 1 < phases.size() && p.endNs != phases[i + 1].startNs && !gapAllowed) {
            os << "phase " << i << " ends at " << p.endNs << " but the next starts at "
               << phases[i + 1].startNs;
            return os.str();
        }
    }
    return "";
}

// The phase sequence one attempt of a strategy goes through, from Setup to Done.
inline std::string phaseSequenceProblems(const std::vector<PhaseSpan>& phases, Strategy strategy)
{
    // The last attempt starts at the last Setup.
    size_t i = phases.size();
    while (i > 0 && phases[i - 1].phase != Phase::Setup) {
        --i;
    }
    if (i == 0) {
        return "no setup phase";
    }
    std::vector<PhaseSpan> seq(phases.begin() + std::ptrdiff_t(i - 1), phases.end());
    std::vector<Phase> kinds;
    for (const PhaseSpan& p : seq) {
        kinds.push_back(p.phase);
    }
    std::ostringstream names;
    for (const PhaseSpan& p : seq) {
        names << phaseName(p.phase) << (p.pass ? std::to_string(p.pass) : "") << " ";
    }
    if (kinds.size() < 3 || kinds.front() != Phase::Setup || kinds.back() != Phase::Done ||
        kinds[kinds.size() - 2] != Phase::Complete) {
        return "sequence " + names.str();
    }
    size_t k = 1;
    if (strategy != Strategy::StopAndCopy && kinds[k] == Phase::Bulk) {
        ++k;
    } else if (strategy == Strategy::Postcopy) {
        return "postcopy without bulk: " + names.str();
    }
    unsigned pass = 0;
    while (k < kinds.size() && kinds[k] == Phase::Dirty) {
        if (strategy != Strategy::Precopy || seq[k].pass != pass + 1) {
            return "dirty passes out of order: " + names.str();
        }
        ++pass;
        ++k;
    }
    if (k != kinds.size() - 2) {
        return "sequence " + names.str();
    }
    return "";
}

} // namespace bitmig_engine_test
