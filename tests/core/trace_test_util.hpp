// Shared helpers for the trace tests: a temporary directory, files in it, and running fio.
#pragma once

#include "tempdir_test_util.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace bitmig_trace_test {

// A fresh directory under the system's temporary directory, removed with everything in it.
using TempDir = bitmig_test::TempDir;

inline std::string readText(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream os;
    os << in.rdbuf();
    return os.str();
}

// Runs fio with these arguments (its report goes to /dev/null). Fails the test when fio is missing:
// the trace tests need a real fio log (Debian package fio, listed in run.sh).
inline void runFio(const std::string& arguments)
{
    INFO("fio is needed for this test: install it (apt-get install fio)");
    REQUIRE(std::system("command -v fio >/dev/null 2>&1") == 0);
    const std::string command = "fio --output=/dev/null " + arguments;
    INFO(command);
    REQUIRE(std::system(command.c_str()) == 0);
}

} // namespace bitmig_trace_test
