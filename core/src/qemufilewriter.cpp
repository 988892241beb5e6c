#include "bigendian.h"
#include "qemufilecursor.h"

#include <bitmig/qemufile.h>
#include <bitmig/streamformat.h>

#include <string_view>

namespace bitmig {

namespace {

using bitmig::detail::appendBigEndian;

void appendString8(std::vector<uint8_t>& out, std::string_view s)
{
    out.push_back(uint8_t(s.size()));
    out.insert(out.end(), s.begin(), s.end());
}

void sectionHeader(std::vector<uint8_t>& out, uint8_t type, uint32_t id, std::string_view name = {},
                   uint32_t version = 0)
{
    out.push_back(type);
    appendBigEndian<uint32_t>(out, id);
    if (type == qemufile::kSectionStart || type == qemufile::kSectionFull) {
        appendString8(out, name);
        appendBigEndian<uint32_t>(out, 0); // instance
        appendBigEndian<uint32_t>(out, version);
    }
}

void footer(std::vector<uint8_t>& out, uint32_t id, QemuFileLayout& layout)
{
    out.push_back(qemufile::kFooter);
    appendBigEndian<uint32_t>(out, id);
    ++layout.footers;
}

// The ram section of a machine without RAM: MEM_SIZE of 0 bytes (no blocks) in START, then EOS.
void ramSection(std::vector<uint8_t>& out, uint8_t type, QemuFileLayout& layout)
{
    sectionHeader(out, type, layout.ramSectionId, "ram", 4);
    if (type == qemufile::kSectionStart) {
        appendBigEndian<uint64_t>(out, qemufile::kRamMemSize);
    }
    appendBigEndian<uint64_t>(out, qemufile::kRamEos);
    footer(out, layout.ramSectionId, layout);
}

// What QEMU writes after EOF for a file without device (FULL) sections.
constexpr std::string_view kDescription = R"({"page_size": 4096, "devices": []})";

} // namespace

std::vector<uint8_t> QemuFileWriter::wrap(std::span<const uint8_t> stream, QemuFileLayout* layoutOut)
{
    QemuFileLayout layout;
    std::vector<uint8_t> out;
    out.reserve(stream.size() + 256);
    appendBigEndian<uint32_t>(out, qemufile::kMagic);
    appendBigEndian<uint32_t>(out, qemufile::kVersion);
    out.push_back(qemufile::kConfiguration);
    appendBigEndian<uint32_t>(out, 4);
    out.insert(out.end(), {'n', 'o', 'n', 'e'});
    // POSTCOPY_ADVISE without payload: what a source with dirty-bitmaps on and postcopy-ram off sends.
    out.push_back(qemufile::kCommand);
    appendBigEndian<uint16_t>(out, qemufile::kCommandPostcopyAdvise);
    appendBigEndian<uint16_t>(out, 0);
    ramSection(out, qemufile::kSectionStart, layout);

    qemufile::detail::Cursor in(stream);
    qemufile::detail::BitmapRecords records;
    bool started = false;
    bool ended = false;
    try {
        while (!in.atEnd()) {
            in.beginItem();
            const uint64_t at = in.pos();
            const uint8_t type = in.take<uint8_t>("a section header");
            if (ended) {
                in.fail("data after the END section", at);
            }
            if (type != qemufile::kSectionStart && type != qemufile::kSectionPart && type != qemufile::kSectionEnd) {
                in.fail("not a dirty-bitmap section type", at);
            }
            if ((type == qemufile::kSectionStart) == started) {
                in.fail(started ? "a second START section" : "the stream does not begin with a START section", at);
            }
            in.take<uint32_t>("a section header"); // the engine's section id, replaced by QEMU's
            if (type == qemufile::kSectionStart) {
                const uint8_t len = in.take<uint8_t>("a section header");
                const std::string name = in.takeString(len, "a section header");
                in.take<uint32_t>("a section header");
                const uint32_t version = in.take<uint32_t>("a section header");
                if (name != stream::kSectionIdstr || version != stream::kSectionVersion) {
                    in.fail("not a dirty-bitmap section, version 1", at);
                }
                started = true;
            }
            if (type == qemufile::kSectionEnd) {
                // QEMU completes ram before the dirty bitmaps.
                ramSection(out, qemufile::kSectionEnd, layout);
                ended = true;
            }
            sectionHeader(out, type, layout.bitmapSectionId, stream::kSectionIdstr, stream::kSectionVersion);
            const uint64_t first = in.pos();
            while (!records.readRecord(in)) {
            }
            out.insert(out.end(), stream.begin() + ptrdiff_t(first), stream.begin() + ptrdiff_t(in.pos()));
            footer(out, layout.bitmapSectionId, layout);
            ++layout.bitmapSections;
        }
        if (!ended) {
            in.beginItem();
            in.fail("the stream has no END section", in.pos());
        }
        records.loader.finish();
        layout.qemuLoad = records.loader.verdict();
    } catch (const QemuFileError& e) {
        throw std::invalid_argument("QemuFileWriter: the recorded stream: " + std::string(e.what()));
    }
    out.push_back(qemufile::kEof);
    out.push_back(qemufile::kVmDescription);
    appendBigEndian<uint32_t>(out, uint32_t(kDescription.size()));
    out.insert(out.end(), kDescription.begin(), kDescription.end());
    layout.bytes = out.size();
    if (layoutOut) {
        *layoutOut = layout;
    }
    return out;
}

} // namespace bitmig
