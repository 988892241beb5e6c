#include <bitmig/printable.h>
#include <catch2/catch.hpp>

#include <string>

using namespace bitmig;

TEST_CASE("printable: what a terminal would act on is escaped, byte by byte", "[printable]")
{
    CHECK(printable("drive0") == "drive0");
    CHECK(printable("dr\x1b[31mive\nFAKE: line") == "dr\\x1b[31mive\\x0aFAKE: line");
    CHECK(printable(std::string("a\0b", 3)) == "a\\x00b");
    CHECK(printable("tab\there\r") == "tab\\x09here\\x0d");
    CHECK(printable("del\x7f") == "del\\x7f");
    CHECK(printable("back\\slash") == "back\\x5cslash");
    // UTF-8 stays readable; C1 controls (U+009B is a one-character CSI), the line separator and the
    // bidirectional override are escaped; so are bytes that are not UTF-8.
    CHECK(printable("Gr\xc3\xbc\xc3\x9f""e") == "Gr\xc3\xbc\xc3\x9f""e");
    CHECK(printable("\xe2\x9c\x93") == "\xe2\x9c\x93");
    CHECK(printable("a\xc2\x9b""31m") == "a\\xc2\\x9b31m");
    CHECK(printable("a\xe2\x80\xa8""b") == "a\\xe2\\x80\\xa8b");
    CHECK(printable("evil\xe2\x80\xaegnp.exe") == "evil\\xe2\\x80\\xaegnp.exe");
    CHECK(printable("bad\xff\xc3") == "bad\\xff\\xc3");
    CHECK(printable("\xc0\xaf") == "\\xc0\\xaf");          // overlong '/'
    CHECK(printable("\xed\xa0\x80") == "\\xed\\xa0\\x80");  // a surrogate
}

TEST_CASE("printable: quoted() cuts a long value short and says how long it was", "[printable]")
{
    CHECK(quoted("precopy") == "'precopy'");
    CHECK(quoted("it's", '"') == "\"it's\"");
    CHECK(quoted("say \"hi\"", '"') == "\"say \\x22hi\\x22\"");
    const std::string huge(10'000'000, 'x');
    const std::string q = quoted(huge);
    CHECK(q == "'" + std::string(kQuotedBytes, 'x') + "...' (10000000 bytes)");
    // The cut never splits a character.
    std::string umlauts;
    for (int i = 0; i < 100; ++i) {
        umlauts += "\xc3\xbc";
    }
    const std::string u = quoted(umlauts, '\'', 5);
    CHECK(u == "'\xc3\xbc\xc3\xbc...' (200 bytes)");
    CHECK(quoted(std::string(64, 'y')) == "'" + std::string(64, 'y') + "'");
}
