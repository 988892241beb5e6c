#include "trace_test_util.hpp"

#include <bitmig/tracereader.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

using namespace bitmig;
using namespace bitmig_trace_test;

namespace {

Trace readText(const std::string& text, const std::string& name, TraceFormat format = TraceFormat::Auto)
{
    std::istringstream in(text);
    return TraceReader::read(in, name, format);
}

// The message of the TraceError reading `text` throws; fails the test if it throws none.
std::string errorOf(const std::string& text, const std::string& name, TraceFormat format = TraceFormat::Auto)
{
    try {
        readText(text, name, format);
    } catch (const TraceError& e) {
        return e.what();
    }
    FAIL("no TraceError for:\n" << text);
    return {};
}

size_t countOccurrences(const std::string& text, const std::string& word)
{
    size_t n = 0;
    for (size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
        ++n;
    }
    return n;
}

} // namespace

TEST_CASE("a random-write log written by fio is read back as the writes fio was asked for", "[trace][fio]")
{
    const TempDir dir;
    const uint64_t fileBytes = 8 << 20, block = 4096, ioBytes = 1 << 20;
    runFio("--name=t --filename=" + dir.file("F") + " --size=" + std::to_string(fileBytes) +
           " --rw=randwrite --bs=" + std::to_string(block) + " --io_size=" + std::to_string(ioBytes) +
           " --ioengine=sync --write_iolog=" + dir.file("log"));
    const std::string text = bitmig_trace_test::readText(dir.file("log"));
    INFO(text.substr(0, 300));
    // fio 3.31 and later write version 3 (timed) logs; Debian 12 has fio 3.33.
    REQUIRE(text.rfind("fio version 3 iolog\n", 0) == 0);

    const Trace trace = TraceReader::readFile(dir.file("log"));
    CHECK(trace.format() == TraceFormat::Fio);
    CHECK(trace.source() == dir.file("log"));
    const auto& records = trace.records();
    REQUIRE(records.size() == ioBytes / block);
    CHECK(trace.writes() == records.size());
    std::set<uint64_t> offsets;
    for (const TraceRecord& r : records) {
        CHECK(r.op == TraceOp::Write);
        CHECK(r.length == block);
        CHECK(r.offset % block == 0);
        CHECK(r.offset + r.length <= fileBytes);
        CHECK(r.line >= 2);
        CHECK(r.timeNs % 1000 == 0);  // microseconds in the log
        offsets.insert(r.offset);
    }
    // fio's random map hands out every block of the file once before any again.
    CHECK(offsets.size() == records.size());
    CHECK(std::is_sorted(records.begin(), records.end(),
                         [](const TraceRecord& a, const TraceRecord& b) { return a.timeNs < b.timeNs; }));
    CHECK(trace.endNs() >= records.back().timeNs);  // the "close" line comes last
    CHECK(trace.firstPastEnd(fileBytes) == nullptr);
    const uint64_t reach = *offsets.rbegin() + block;  // the end of the highest write
    CHECK(trace.firstPastEnd(reach) == nullptr);
    CHECK(trace.firstPastEnd(reach - 512) != nullptr);
}

TEST_CASE("reads in a mixed fio log are skipped, every write is kept", "[trace][fio]")
{
    const TempDir dir;
    runFio("--name=t --filename=" + dir.file("F") +
           " --size=4M --rw=randrw --rwmixwrite=40 --bs=8k --io_size=512k --ioengine=sync --write_iolog=" +
           dir.file("log"));
    const std::string text = bitmig_trace_test::readText(dir.file("log"));
    const size_t writes = countOccurrences(text, " write ");
    const size_t reads = countOccurrences(text, " read ");
    INFO(writes << " writes, " << reads << " reads in the log");
    REQUIRE(writes > 0);
    REQUIRE(reads > 0);
    CHECK(writes + reads == (512u << 10) / (8u << 10));
    const Trace trace = TraceReader::readFile(dir.file("log"), TraceFormat::Fio);
    CHECK(trace.records().size() == writes);
    for (const TraceRecord& r : trace.records()) {
        CHECK(r.op == TraceOp::Write);
        CHECK(r.length == 8192);
        CHECK(r.offset + r.length <= (4u << 20));
    }
}

TEST_CASE("a fio version 2 log: no times, I/O lines spread evenly, wait adds microseconds", "[trace][fio]")
{
    // Written by hand in the version 2 format of fio's documentation ("Trace file format v2"): fio 3.31
    // and later write only version 3, so no fio at hand can produce this.
    const std::string log = "fio version 2 iolog\n"
                            "/dev/vdb add\n"
                            "/dev/vdb open\n"
                            "/dev/vdb write 4096 8192\n"
                            "/dev/vdb read 0 4096\n"
                            "/dev/vdb wait 5000 0\n"
                            "/dev/vdb trim 65536 131072\n"
                            "/dev/vdb sync 0 0\n"
                            "/dev/vdb write 1048576 512\n"
                            "/dev/vdb close\n";
    const Trace t = readText(log, "v2.log");
    REQUIRE(t.records().size() == 3);
    // I/O lines k = 0 (write), 1 (read), 2 (trim), 3 (sync), 4 (write), 1 ms apart; the wait adds 5 ms
    // to every line after it.
    CHECK(t.records()[0] == TraceRecord{0, TraceOp::Write, 4096, 8192, 4});
    CHECK(t.records()[1] == TraceRecord{2'000'000 + 5'000'000, TraceOp::Clear, 65536, 131072, 7});
    CHECK(t.records()[2] == TraceRecord{4'000'000 + 5'000'000, TraceOp::Write, 1048576, 512, 9});
    CHECK(t.endNs() == 5'000'000 + 5'000'000);

    std::istringstream in(log);
    const Trace slower = TraceReader::read(in, "v2.log", TraceFormat::Fio, TraceReadOptions{10'000'000});
    CHECK(slower.records()[2].timeNs == 40'000'000 + 5'000'000);
}

TEST_CASE("a fio version 3 log: times in microseconds", "[trace][fio]")
{
    const Trace t = readText("fio version 3 iolog\n"
                             "10 /tmp/f add\n"
                             "20 /tmp/f open\n"
                             "1500 /tmp/f write 0 4096\n"
                             "1200 /tmp/f trim 8192 4096\n"
                             "2500 /tmp/f read 0 4096\n"
                             "3000 /tmp/f close\n",
                             "v3.log");
    REQUIRE(t.records().size() == 2);
    CHECK(t.records()[0] == TraceRecord{1'200'000, TraceOp::Clear, 8192, 4096, 5});  // sorted by time
    CHECK(t.records()[1] == TraceRecord{1'500'000, TraceOp::Write, 0, 4096, 4});
    CHECK(t.endNs() == 3'000'000);
}

TEST_CASE("blkparse output: one event per request, writes and discards, summary skipped", "[trace][blkparse]")
{
    // blkparse's default format, as it prints a blktrace of a block device (written by hand: blktrace
    // needs a real block device and root).
    const std::string text = "  8,0    3        1     0.000000000  1234  Q  WS 2048 + 8 [kworker]\n"
                             "  8,0    3        2     0.000001000  1234  G  WS 2048 + 8 [kworker]\n"
                             "  8,0    3        3     0.000002000  1234  D  WS 2048 + 8 [kworker]\n"
                             "  8,0    0        4     0.000150000     0  C  WS 2048 + 8 [0]\n"
                             "  8,0    1        5     0.001000000  4321  Q   R 4096 + 16 [cat]\n"
                             "  8,0    1        6     0.002500000  4321  Q   D 10000 + 2048 [fstrim]\n"
                             "  8,0    1        7     0.003000000  4321  Q FWS 0 + 0 [jbd2/sda1-8]\n"
                             "  8,0    1        8     0.004000000  4321  m   N cfq4321 slice expired\n"
                             "  8,0    2        9     1.250000000    99  Q   W 123456 + 1 [dd]\n"
                             "\n"
                             "CPU0 (8,0):\n"
                             " Reads Queued:           0,        0KiB\t Writes Queued:           1,        4KiB\n"
                             "Total (8,0):\n"
                             " Reads Queued:           1,        8KiB\t Writes Queued:           2,        4KiB\n"
                             "\n"
                             "Throughput (R/W): 0KiB/s / 0KiB/s\n"
                             "Events (8,0): 9 entries\n";
    const Trace t = readText(text, "sda.txt");
    CHECK(t.format() == TraceFormat::Blkparse);
    REQUIRE(t.records().size() == 3);
    CHECK(t.records()[0] == TraceRecord{0, TraceOp::Write, 2048 * 512, 8 * 512, 1});
    CHECK(t.records()[1] == TraceRecord{2'500'000, TraceOp::Clear, 10000 * 512, 2048 * 512, 6});
    CHECK(t.records()[2] == TraceRecord{1'250'000'000, TraceOp::Write, 123456 * 512, 512, 9});
    CHECK(t.endNs() == 1'250'000'000);

    // A trace of completions only (blkparse -a complete): the C events are taken.
    const Trace c = readText("  8,0    0        4     0.000150000     0  C  WS 2048 + 8 [0]\n"
                             "  8,0    0        5     0.000250000     0  C   R 0 + 8 [0]\n",
                             "done.txt");
    REQUIRE(c.records().size() == 1);
    CHECK(c.records()[0] == TraceRecord{150'000, TraceOp::Write, 2048 * 512, 8 * 512, 1});
}

TEST_CASE("CSV traces: optional header, write, trim, discard and read", "[trace][csv]")
{
    const Trace t = readText("time,offset,length,operation\n"
                             "# a comment\n"
                             "0.5,4096,4096,write\n"
                             "0.25, 0, 1048576, TRIM\n"
                             "\n"
                             "1,8192,512,read\n"
                             "2.000000001,0,512,discard\n",
                             "t.csv");
    CHECK(t.format() == TraceFormat::Csv);
    REQUIRE(t.records().size() == 3);
    CHECK(t.records()[0] == TraceRecord{250'000'000, TraceOp::Clear, 0, 1048576, 4});
    CHECK(t.records()[1] == TraceRecord{500'000'000, TraceOp::Write, 4096, 4096, 3});
    CHECK(t.records()[2] == TraceRecord{2'000'000'001, TraceOp::Clear, 0, 512, 7});
    CHECK(t.endNs() == 2'000'000'001);
    CHECK(t.writes() == 1);
    CHECK(t.clears() == 2);

    const Trace noHeader = readText("3,0,512,write\n", "n.csv");
    REQUIRE(noHeader.records().size() == 1);
    CHECK(noHeader.records()[0].timeNs == 3'000'000'000);
    CHECK(noHeader.records()[0].line == 1);
}

TEST_CASE("the format is told from the first line, or named", "[trace]")
{
    CHECK(TraceReader::detect("fio version 3 iolog") == TraceFormat::Fio);
    CHECK(TraceReader::detect("fio version 2 iolog\r") == TraceFormat::Fio);
    CHECK(TraceReader::detect("  8,0    3        1     0.000000000  1234  Q  WS 2048 + 8 [proc]") ==
          TraceFormat::Blkparse);
    CHECK(TraceReader::detect("time,offset,length,operation") == TraceFormat::Csv);
    CHECK(TraceReader::detect("0.1,0,4096,write") == TraceFormat::Csv);
    CHECK(TraceReader::detect("hello world") == TraceFormat::Auto);
    CHECK(TraceReader::detect("8,0,1") == TraceFormat::Auto);

    CHECK(parseTraceFormat("blkparse") == TraceFormat::Blkparse);
    CHECK(traceFormatName(TraceFormat::Csv) == "csv");
    CHECK_THROWS_WITH(parseTraceFormat("xml"), Catch::Contains("'xml' is not a trace format"));

    // An explicit format overrides the guess: a CSV line read as blkparse is an error at that line.
    CHECK_THAT(errorOf("0.1,0,4096,write\n", "t.csv", TraceFormat::Blkparse),
               Catch::StartsWith("t.csv:1: not a blkparse event line"));
    CHECK_THAT(errorOf("0.1,0,4096,write\n", "t.csv", TraceFormat::Fio),
               Catch::StartsWith("t.csv:1: expected a fio iolog header"));
}

TEST_CASE("every bad trace names the file, the line and the reason", "[trace][errors]")
{
    const std::string csvHeader = "time,offset,length,operation\n";
    const std::string okRows = "0.1,0,4096,write\n0.2,4096,4096,write\n";
    const std::string fio3 = "fio version 3 iolog\n1 /f add\n";
    const struct {
        std::string text;
        TraceFormat format;
        std::string message;
    } cases[] = {
        {csvHeader + okRows + "0.3,abc,4096,write\n", TraceFormat::Auto, "trace.csv:4: offset 'abc' is not a number"},
        {csvHeader + "x,0,4096,write\n", TraceFormat::Auto, "trace.csv:2: time 'x' is not a number of seconds"},
        {csvHeader + "-1,0,4096,write\n", TraceFormat::Auto, "trace.csv:2: time '-1' is negative"},
        // The whole seconds fit in 63 bits of nanoseconds, with the fraction they do not.
        {csvHeader + "9223372036.9,0,4096,write\n", TraceFormat::Auto, "trace.csv:2: time '9223372036.9' is too large"},
        {csvHeader + "0.1,-4096,4096,write\n", TraceFormat::Auto, "trace.csv:2: offset '-4096' is negative"},
        {csvHeader + "0.1,99999999999999999999,4096,write\n", TraceFormat::Auto,
         "trace.csv:2: offset '99999999999999999999' is too large"},
        {csvHeader + "0.1,18446744073709551615,4096,write\n", TraceFormat::Auto,
         "trace.csv:2: offset + length is beyond 2^64 bytes"},
        {csvHeader + "0.1,0,4k,write\n", TraceFormat::Auto, "trace.csv:2: length '4k' is not a number"},
        {csvHeader + "0.1,0,0,write\n", TraceFormat::Auto, "trace.csv:2: length must be above zero"},
        {csvHeader + "99999999999,0,512,write\n", TraceFormat::Auto, "trace.csv:2: time '99999999999' is too large"},
        {csvHeader + okRows + "0.3,0,4096,erase\n", TraceFormat::Auto,
         "trace.csv:4: unknown operation 'erase' (use write, trim, discard or read)"},
        {csvHeader + "0.3,0,4096,\n", TraceFormat::Auto, "trace.csv:2: operation is missing"},
        {csvHeader + "0.3,0,4096\n", TraceFormat::Csv, "trace.csv:2: expected 4 fields 'time,offset,length,operation', got 3"},
        {csvHeader + "0.3,,4096,write\n", TraceFormat::Auto, "trace.csv:2: offset is missing"},
        {"", TraceFormat::Auto, "trace.csv:1: the file is empty"},
        {"\n  \n", TraceFormat::Csv, "trace.csv:2: the file is empty"},
        {"what is this\n", TraceFormat::Auto, "trace.csv:1: cannot tell the trace format"},
        {"fio version 1 iolog\n", TraceFormat::Auto, "trace.csv:1: fio iolog version 1 is not supported"},
        {fio3 + "2 /f write 0\n", TraceFormat::Auto,
         "trace.csv:3: expected 'TIME FILE ACTION [OFFSET LENGTH]', got 4 fields"},
        {fio3 + "2 /f scribble 0 4096\n", TraceFormat::Auto, "trace.csv:3: unknown action 'scribble'"},
        {fio3 + "2 /f reopen\n", TraceFormat::Auto, "trace.csv:3: unknown file action 'reopen'"},
        {fio3 + "soon /f write 0 4096\n", TraceFormat::Auto, "trace.csv:3: time 'soon' is not a number"},
        {fio3 + "2 /f write 0x10 4096\n", TraceFormat::Auto, "trace.csv:3: offset '0x10' is not a number"},
        {fio3 + "2 /f wait 100 0\n", TraceFormat::Auto, "trace.csv:3: 'wait' is not allowed in a version 3 iolog"},
        {"fio version 2 iolog\n/f write 0 4096 9\n", TraceFormat::Auto,
         "trace.csv:2: expected 'FILE ACTION [OFFSET LENGTH]', got 5 fields"},
        {"  8,0 0 1 0.0 1 Q W 2048 + 8 [p]\nhello\n", TraceFormat::Auto,
         "trace.csv:2: not a blkparse event line"},
        {"  8,0 0 1 0.0 1 Q W 2048 - 8 [p]\n", TraceFormat::Auto,
         "trace.csv:1: expected 'SECTOR + COUNT' after 'Q W'"},
        {"  8,0 0 1 0.0 1 Q W 36028797018963968 + 8 [p]\n", TraceFormat::Auto,
         "trace.csv:1: sector '36028797018963968 + 8' is beyond 2^64 bytes"},
        {"  8,0 0 1 zero 1 Q W 2048 + 8 [p]\n", TraceFormat::Auto,
         "trace.csv:1: time 'zero' is not a number of seconds"},
    };
    for (const auto& c : cases) {
        INFO("trace:\n" << c.text);
        CHECK_THAT(errorOf(c.text, "trace.csv", c.format), Catch::StartsWith(c.message));
    }

    // The parts of the message are kept apart too.
    try {
        readText(csvHeader + "0.1,abc,1,write\n", "trace.csv");
        FAIL("no error");
    } catch (const TraceError& e) {
        CHECK(e.file() == "trace.csv");
        CHECK(e.line() == 2);
        CHECK(e.reason() == "offset 'abc' is not a number");
    }
}

TEST_CASE("a trace file that is missing or empty", "[trace][errors]")
{
    const TempDir dir;
    const std::string missing = dir.file("nothing.csv");
    CHECK_THROWS_WITH(TraceReader::readFile(missing),
                      Catch::StartsWith(missing + ": cannot be read: No such file or directory"));
    const std::string empty = dir.write("empty.csv", "");
    CHECK_THROWS_WITH(TraceReader::readFile(empty), Catch::StartsWith(empty + ":1: the file is empty"));
    const std::string ok = dir.write("ok.csv", "0,0,512,write\n");
    CHECK(TraceReader::readFile(ok).records().size() == 1);
}

TEST_CASE("a CSV trace may start with comment lines", "[trace][csv]")
{
    const Trace t = readText("# recorded on the test rig\n# time,offset,length,operation\n0.5,8192,4096,write\n",
                             "c.csv");
    CHECK(t.format() == TraceFormat::Csv);
    REQUIRE(t.records().size() == 1);
    CHECK(t.records()[0].timeNs == 500'000'000);
    CHECK(t.records()[0].offset == 8192);
    CHECK(t.records()[0].line == 3);
}

TEST_CASE("a trace that is not a regular file, or has an over-long line, is refused unread", "[trace][errors]")
{
    // /dev/zero has no size and no end: it was read line by line into memory (2.1 GB before failing).
    CHECK_THROWS_WITH(TraceReader::readFile("/dev/zero"),
                      "/dev/zero: cannot be read: not a regular file (a device, a pipe or a socket)");
    const TempDir dir;
    CHECK_THROWS_WITH(TraceReader::readFile(dir.path().string()),
                      dir.path().string() + ": cannot be read: is a folder, not a file");

    // The same bytes through a stream: the line cap stops the reader after 64 KiB.
    std::ifstream zeros("/dev/zero", std::ios::binary);
    REQUIRE(zeros);
    CHECK_THROWS_WITH(TraceReader::read(zeros, "zeros"),
                      "zeros:1: the line is longer than 65536 bytes; this is not a trace");

    const std::string longLine = dir.write(
        "long.csv", "0,0,512,write\n1," + std::string(TraceReader::kMaxLineBytes, '7') + ",512,write\n");
    CHECK_THROWS_WITH(TraceReader::readFile(longLine),
                      longLine + ":2: the line is longer than 65536 bytes; this is not a trace");

    // A line of exactly the cap is still a line.
    const std::string atCap = dir.write(
        "cap.csv", "# " + std::string(TraceReader::kMaxLineBytes - 2, 'c') + "\n0,0,512,write\n1,512,512,write");
    const Trace t = TraceReader::readFile(atCap);
    REQUIRE(t.records().size() == 2);
    CHECK(t.records()[1].line == 3);
    CHECK(t.records()[1].offset == 512);
}
