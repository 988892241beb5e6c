// Helpers for the qcow2 bitmap tests: real images made by qemu-img and qemu-io in a temporary
// directory, the writes they imply as extents, and a small independent map of where the bitmap
// structures sit in the file, so that corruptions hit the field they mean to.
#pragma once

#include "hbitmap_test_util.hpp"

#include "tempdir_test_util.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace qcow2_test {

using bitmig::Range;

constexpr uint64_t KiB = 1024;
constexpr uint64_t MiB = 1024 * KiB;

// The full path of `program` on PATH; fails the test (it does not skip) when it is not there.
inline std::string findTool(const std::string& program)
{
    const char* path = std::getenv("PATH");
    std::string dirs = path ? path : "";
    size_t start = 0;
    while (start <= dirs.size()) {
        const size_t end = std::min(dirs.find(':', start), dirs.size());
        const std::string dir = dirs.substr(start, end - start);
        if (!dir.empty()) {
            const std::string candidate = dir + "/" + program;
            if (::access(candidate.c_str(), X_OK) == 0) {
                return candidate;
            }
        }
        start = end + 1;
    }
    FAIL(program << " is not on PATH: the qcow2 tests build real images with it (Debian package qemu-utils; "
                    "./run.sh test installs it)");
    return {};
}

inline std::string shellQuote(const std::string& s)
{
    std::string q = "'";
    for (const char c : s) {
        q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return q + "'";
}

// Runs a tool with its arguments; the test fails with its output if it exits non-zero.
inline std::string runTool(const std::string& program, const std::vector<std::string>& args)
{
    std::string command = shellQuote(findTool(program));
    for (const std::string& a : args) {
        command += ' ';
        command += shellQuote(a);
    }
    command += " 2>&1";
    FILE* pipe = ::popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::string output;
    char buf[4096];
    size_t n = 0;
    while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) {
        output.append(buf, n);
    }
    const int status = ::pclose(pipe);
    INFO(command << "\n" << output);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    return output;
}

using TempDir = bitmig_test::TempDir;

struct Write {
    uint64_t offset;
    uint64_t length;
};

inline void createImage(const std::string& path, uint64_t diskBytes, uint64_t clusterBytes = 64 * KiB)
{
    runTool("qemu-img", {"create", "-q", "-f", "qcow2", "-o", "cluster_size=" + std::to_string(clusterBytes), path,
                         std::to_string(diskBytes)});
}

inline void addBitmap(const std::string& path, const std::string& name, uint64_t granularity, bool disabled = false)
{
    std::vector<std::string> args{"bitmap", "-f", "qcow2", "--add", "-g", std::to_string(granularity)};
    if (disabled) {
        args.push_back("--disable");
    }
    args.push_back(path);
    args.push_back(name);
    runTool("qemu-img", args);
}

// One qemu-io session: every enabled bitmap records the writes and is stored when the image closes.
inline void writeImage(const std::string& path, const std::vector<Write>& writes)
{
    std::vector<std::string> args{"-f", "qcow2"};
    for (const Write& w : writes) {
        args.push_back("-c");
        args.push_back("write -P 0xaa " + std::to_string(w.offset) + " " + std::to_string(w.length));
    }
    args.push_back(path);
    runTool("qemu-io", args);
}

// What the writes must leave in a bitmap: each write rounded outward to whole granules, runs merged,
// the last one clipped to the disk. Computed granule by granule, independently of HBitmap.
inline std::vector<Range> expectedExtents(const std::vector<Write>& writes, uint64_t diskBytes, uint64_t granularity)
{
    const uint64_t granules = (diskBytes + granularity - 1) / granularity;
    std::vector<bool> dirty(granules, false);
    for (const Write& w : writes) {
        if (w.length == 0) {
            continue;
        }
        for (uint64_t g = w.offset / granularity; g <= (w.offset + w.length - 1) / granularity; ++g) {
            dirty[g] = true;
        }
    }
    std::vector<Range> runs;
    for (uint64_t g = 0; g < granules; ++g) {
        if (!dirty[g]) {
            continue;
        }
        const uint64_t start = g * granularity;
        if (!runs.empty() && runs.back().start + runs.back().count == start) {
            runs.back().count += granularity;
        } else {
            runs.push_back(Range{start, granularity});
        }
    }
    if (!runs.empty()) {
        Range& last = runs.back();
        last.count = std::min(last.count, diskBytes - last.start);
    }
    return runs;
}

inline std::vector<uint8_t> readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in.good());
    return std::vector<uint8_t>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline void writeFile(const std::string& path, const std::vector<uint8_t>& bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    REQUIRE(out.good());
    out.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
    REQUIRE(out.good());
}

inline uint64_t getBE(const std::vector<uint8_t>& b, uint64_t at, unsigned bytes)
{
    REQUIRE(at + bytes <= b.size());
    uint64_t v = 0;
    for (unsigned i = 0; i < bytes; ++i) {
        v = (v << 8) | b[at + i];
    }
    return v;
}

inline void putBE(std::vector<uint8_t>& b, uint64_t at, unsigned bytes, uint64_t value)
{
    REQUIRE(at + bytes <= b.size());
    for (unsigned i = 0; i < bytes; ++i) {
        b[at + i] = uint8_t(value >> (8 * (bytes - 1 - i)));
    }
}

// Where the bitmap structures of a well-formed v3 image are, found by walking the header the way the
// qcow2 specification describes it (not with the reader under test).
struct Layout {
    uint64_t clusterSize = 0;
    uint64_t extensionAt = 0;  // the bitmaps extension's type field
    uint64_t directoryOffset = 0;
    uint64_t directoryBytes = 0;
    std::vector<uint64_t> entryAt;     // each directory entry
    std::vector<std::string> names;
    std::vector<uint64_t> tableOffset; // each bitmap table
    std::vector<uint32_t> tableSize;
};

inline Layout locate(const std::vector<uint8_t>& b)
{
    Layout l;
    l.clusterSize = uint64_t(1) << getBE(b, 20, 4);
    uint64_t at = getBE(b, 100, 4);
    while (true) {
        const uint64_t type = getBE(b, at, 4);
        const uint64_t length = getBE(b, at + 4, 4);
        REQUIRE(type != 0);  // the image has a bitmaps extension
        if (type == 0x23852875) {
            l.extensionAt = at;
            break;
        }
        at += 8 + (length + 7) / 8 * 8;
    }
    const uint64_t count = getBE(b, l.extensionAt + 8, 4);
    l.directoryBytes = getBE(b, l.extensionAt + 16, 8);
    l.directoryOffset = getBE(b, l.extensionAt + 24, 8);
    uint64_t e = l.directoryOffset;
    for (uint64_t i = 0; i < count; ++i) {
        const uint64_t nameSize = getBE(b, e + 18, 2);
        const uint64_t extra = getBE(b, e + 20, 4);
        l.entryAt.push_back(e);
        l.tableOffset.push_back(getBE(b, e, 8));
        l.tableSize.push_back(uint32_t(getBE(b, e + 8, 4)));
        l.names.emplace_back(reinterpret_cast<const char*>(b.data() + e + 24 + extra), nameSize);
        e += (24 + extra + nameSize + 7) / 8 * 8;
    }
    return l;
}

} // namespace qcow2_test
