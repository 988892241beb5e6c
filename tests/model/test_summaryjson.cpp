// SummaryJson directly: the round trip of values above 2^53 cannot be reached from the command line.
#include "app/scenario/summaryjson.h"

#include <QJsonDocument>

#include <catch2/catch.hpp>

using bitmig::cli::SummaryJson;

TEST_CASE("integers above 2^53 become strings", "[summaryjson]")
{
    constexpr uint64_t limit = uint64_t(1) << 53;
    CHECK(SummaryJson::exact(limit) == QJsonValue(double(limit)));
    CHECK(SummaryJson::exact(limit + 1) == QJsonValue(QStringLiteral("9007199254740993")));
    CHECK(SummaryJson::exact(int64_t(-1)) == QJsonValue(-1.0));
    CHECK(SummaryJson::exact(std::numeric_limits<int64_t>::min()) ==
          QJsonValue(QStringLiteral("-9223372036854775808")));
    CHECK(SummaryJson::toUnsigned(QJsonValue(QStringLiteral("18446744073709551615"))) == UINT64_MAX);
    CHECK(SummaryJson::toUnsigned(QJsonValue(42.0)) == 42);
    CHECK_THROWS_AS(SummaryJson::toUnsigned(QJsonValue(1.5)), std::invalid_argument);
    CHECK_THROWS_AS(SummaryJson::toUnsigned(QJsonValue(-1.0)), std::invalid_argument);
    CHECK_THROWS_AS(SummaryJson::toUnsigned(QJsonValue(QStringLiteral("12x"))), std::invalid_argument);
}

TEST_CASE("a summary survives JSON text", "[summaryjson]")
{
    bitmig::MigrationSummary s;
    s.strategy = bitmig::Strategy::Postcopy;
    s.phases = {{bitmig::Phase::Idle, 0, 0, 5}, {bitmig::Phase::Dirty, 3, 5, -1}};
    s.started = s.finished = s.converged = s.verified = true;
    s.dirtyPasses = 3;
    s.chunks = (uint64_t(1) << 53) + 7;  // not representable as a double
    s.chunksSent = 12;
    s.payloadBytes = UINT64_MAX;
    s.headerBytes = 1;
    s.wireBytes = 0;
    s.migrationStartNs = -1;
    s.totalTimeNs = INT64_MAX;
    s.sourceSha256 = "ab";
    s.error = "none";
    const QByteArray text = QJsonDocument(SummaryJson::toJson(s)).toJson();
    const bitmig::MigrationSummary back = SummaryJson::fromJson(QJsonDocument::fromJson(text).object());
    CHECK(back.strategy == s.strategy);
    CHECK(back.phases == s.phases);
    CHECK(back.verified);
    CHECK(back.dirtyPasses == 3);
    CHECK(back.chunks == s.chunks);
    CHECK(back.payloadBytes == UINT64_MAX);
    CHECK(back.migrationStartNs == -1);
    CHECK(back.totalTimeNs == INT64_MAX);
    CHECK(back.sourceSha256 == "ab");
    CHECK(back.error == "none");
}

TEST_CASE("a configuration survives JSON text", "[summaryjson]")
{
    bitmig::SimConfig c;
    c.strategy = bitmig::Strategy::StopAndCopy;
    c.diskBytes = uint64_t(3) << 40;
    c.chunkBytes = 2;
    c.bandwidth = 1e9 / 8 * 2.5;
    c.seed = UINT64_MAX - 1;
    c.workload.kind = bitmig::WorkloadKind::Zipf;
    c.workload.zipfExponent = 1.3;
    c.injections = {{5, bitmig::Injection::Op::Clear, 4096, 512}};
    c.deviceName = "vda";
    const QByteArray text = QJsonDocument(SummaryJson::configToJson(c)).toJson();
    CHECK(SummaryJson::configFromJson(QJsonDocument::fromJson(text).object()) == c);
}
