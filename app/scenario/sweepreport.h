// A sweep's points as CSV and JSON (the `bitmig sweep` formats, written by the command and by the
// window's sweep view alike), and shard files: one slice of a sweep's points with what is needed to
// merge the slices into exactly the output of an unsharded run.
#pragma once

#include <bitmig/sweep.h>

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <vector>

namespace bitmig {

// What defines a sweep: the configuration every point starts from, the chunk sizes and the values
// of one more parameter. Point k has the vary value k / chunks.size() and the chunk k % chunks.size().
struct SweepDefinition {
    std::vector<uint64_t> chunks;
    QString varyName;       // empty: chunk sizes only
    QStringList varyValues; // as typed, in the parameter's option form
    QJsonObject baseConfig; // SummaryJson::configToJson() of the configuration before chunk and vary

    size_t pointCount() const { return chunks.size() * size_t(varyName.isEmpty() ? 1 : varyValues.size()); }
    uint64_t chunkOf(size_t point) const { return chunks[point % chunks.size()]; }
    QString varyValueOf(size_t point) const
    {
        return varyName.isEmpty() ? QString() : varyValues[qsizetype(point / chunks.size())];
    }
    QJsonObject toJson() const;
    friend bool operator==(const SweepDefinition&, const SweepDefinition&) = default;
};

struct SweepResults {
    SweepDefinition definition;
    std::vector<SweepPoint> points;   // definition.pointCount() of them
    std::vector<QJsonObject> configs; // each point's configuration as JSON (written for points that ran)

    // Fills configs from the points' configurations.
    void describeConfigs();
    // Every point that did not skip ran, finished and verified: exit status 0 of `bitmig sweep`.
    bool allGood() const;
};

class SweepReport {
public:
    static QString criterionName(SweepCriterion c);
    static QString criterionDescription(SweepCriterion c); // what it minimises, for the reader
    static QString status(const SweepPoint& p);            // "ran", "skipped" or "error"
    static QString reason(const SweepPoint& p);            // why it skipped or failed, else empty

    static void writeCsv(QTextStream& out, const SweepResults& results, std::optional<size_t> best,
                         SweepCriterion criterion);
    static void writeJson(QTextStream& out, const SweepResults& results, std::optional<size_t> best,
                          SweepCriterion criterion);
};

// A bad shard file or set of shard files: `argument` is the file (or "--merge", "--shard") and
// `reason` what is wrong with it.
class SweepShardError : public std::runtime_error {
public:
    SweepShardError(const QString& argument, const QString& reason)
        : std::runtime_error((argument + QStringLiteral(": ") + reason).toStdString()), argument_(argument),
          reason_(reason)
    {
    }
    const QString& argument() const noexcept { return argument_; }
    const QString& reason() const noexcept { return reason_; }

private:
    QString argument_;
    QString reason_;
};

class SweepShardFile {
public:
    // "I/N" read as a shard; SweepShardError naming `option` with the reason.
    static SweepShard parseShard(const QString& option, const QString& text);
    // The shard's points of `results` (every point it holds: ran, skipped or failed) with the
    // sweep's definition, as a JSON document.
    static QByteArray write(const SweepResults& results, SweepShard shard);
    // The shards read back and put together: every shard 1..N exactly once, all of the same sweep,
    // each holding exactly its points. SweepShardError naming the file and the reason otherwise.
    static SweepResults merge(const QStringList& files);
};

} // namespace bitmig
