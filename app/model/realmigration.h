// A real QEMU bitmap migration the app starts for the purpose: two `-machine none` QEMUs on scratch
// images in a private folder (new images of chosen sizes, or copies of the user's qcow2 files, whose
// originals are never opened by QEMU), bitmaps added on the source, a unix-socket migration with the
// dirty-bitmaps capability, precopy or postcopy, writes to the source's disk while it runs, QEMU's
// own figures, and every bitmap's SHA-256 on both sides at the end. No widgets: tested headless
// against a real QEMU (test_model) and shown by the real migration view (app/realmigrationwindow.h).
// docs/live.md, "A real migration".
#pragma once

#include "app/qemu/qmpclient.h"

#include <bitmig/migrationsummary.h>
#include <bitmig/simconfig.h>

#include <QElapsedTimer>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <vector>

namespace bitmig {

struct RealBitmap {
    int disk = 0;
    QString name;
    uint64_t granularity = 64 * 1024;
    bool persistent = false;
};

// One disk: a new qcow2 image of `sizeBytes`, or a scratch copy of the qcow2 file `copyOf`.
// Its nodes are fileN / driveN (N: its index), the same on both QEMUs.
struct RealDisk {
    QString copyOf;          // empty: a new image
    uint64_t sizeBytes = 0;  // a new image's size; a copy's virtual size once prepared
};

// A guest write without a guest: HMP `qemu-io driveN "write OFFSET LENGTH"` on the source.
struct RealWrite {
    int disk = 0;
    uint64_t offset = 0;
    uint64_t length = 0;
    qint64 atMs = -1;  // since the migration started; -1: before it
};

struct RealMigrationSpec {
    std::vector<RealDisk> disks;
    std::vector<RealBitmap> bitmaps;  // the bitmaps the run adds
    // The copies' own persistent bitmaps (disk, name and granularity, as `qemu-img info` lists each
    // image's), once prepared: QEMU loads them with the copy and migrates them beside `bitmaps`.
    std::vector<RealBitmap> imageBitmaps;
    std::vector<RealWrite> writesBefore;
    bool postcopy = false;
    // Postcopy: migrate-start-postcopy this long after migrate (0: at once; -1: only when
    // startPostcopy() is called).
    int postcopyAfterMs = 0;
    double bandwidth = 125e6;      // max-bandwidth, bytes per second
    int64_t downtimeLimitMs = 300; // downtime-limit
    int timeoutMs = 60000;         // the migration is cancelled when it has not completed by then
};

// Why a real migration could not run or did not finish.
class RealMigrationError : public std::runtime_error {
public:
    enum class Kind {
        BadSpec,          // a size, granularity, name, bandwidth or write QEMU would refuse
        MissingProgram,   // qemu-system-x86_64 or qemu-img is not on PATH
        Image,            // qemu-img could not create, read or copy an image
        QemuStart,        // a QEMU did not start or its QMP socket did not answer
        Command,          // QEMU refused a command
        QemuDied,         // a QEMU exited or was killed during the run
        MigrationFailed,  // query-migrate said "failed" or "cancelled"
        Timeout,          // not completed within the time allowed (cancelled)
    };
    RealMigrationError(Kind kind, const QString& message)
        : std::runtime_error(message.toStdString()), kind_(kind), message_(message)
    {
    }
    Kind kind() const noexcept { return kind_; }
    QString message() const { return message_; }
    static QString kindName(Kind kind);  // "bad-spec", "missing-program", ...

private:
    Kind kind_;
    QString message_;
};

// QEMU's figures from query-migrate (and MIGRATION events for the status).
struct RealProgress {
    QString status;              // "setup", "active", "pre-switchover", "postcopy-active", "completed", ...
    qint64 totalTimeMs = 0;      // total-time (expected so far while it runs)
    qint64 downtimeMs = -1;      // downtime, once completed
    qint64 setupTimeMs = 0;
    qint64 transferredBytes = 0; // ram.transferred: every byte of the stream
    double mbps = 0;             // ram.mbps: the bandwidth QEMU measured over its last window (0 before the first)
    unsigned passes = 0;         // MIGRATION_PASS events seen
};

struct RealBitmapResult {
    QString node;
    QString name;
    uint64_t granularity = 0;
    uint64_t count = 0;  // dirty bytes at the source, at the switch-over
    QString sourceSha256;       // at the switch-over (pre-switchover: the source paused)
    QString destinationSha256;  // at the destination after completion; empty: it has no such bitmap
    bool matches() const { return !sourceSha256.isEmpty() && sourceSha256 == destinationSha256; }
};

struct RealMigrationResult {
    RealProgress figures;              // the source's last query-migrate
    QStringList statuses;              // the statuses in the order QEMU went through them
    qint64 switchoverPauseMs = 0;      // the app's own pause at pre-switchover (in QEMU's downtime)
    std::vector<RealBitmapResult> bitmaps;
    std::vector<RealWrite> writes;     // every write applied, before and during the run
    bool allMatch() const;
};

class RealMigration : public QObject {
    Q_OBJECT
public:
    explicit RealMigration(QObject* parent = nullptr);
    ~RealMigration() override;  // shutdown()

    // Checks the spec, makes the private folder and the images, starts both QEMUs, adds the bitmaps,
    // applies writesBefore and sets capabilities and parameters. Throws RealMigrationError (what was
    // started is stopped and the folder removed first).
    void prepare(const RealMigrationSpec& spec);
    // Starts the migration; progress(), then finished() or failed() follow. Throws RealMigrationError.
    void start();
    // Postcopy: switches now (migrate-start-postcopy); an error message, or empty.
    QString startPostcopy();
    // A write to the source's disk while it still runs (before the switch-over): an empty string,
    // or why not (out of the disk, the source paused, QEMU's refusal).
    QString write(int disk, uint64_t offset, uint64_t length);
    bool canWrite() const;
    // Cancels a running migration (migrate_cancel); failed() follows.
    void cancel();
    // QMP quit to both QEMUs, then their own pid if still there; removes the folder. Safe twice.
    void shutdown();

    const RealMigrationSpec& spec() const { return spec_; }
    QString folder() const { return dir_ ? dir_->path() : QString(); }
    QString qemuVersion() const { return source_.qemuVersion(); }
    const RealProgress& progressNow() const { return progress_; }
    bool isRunning() const { return running_; }
    qint64 sourcePid() const { return srcProc_ ? srcProc_->processId() : 0; }
    qint64 destinationPid() const { return dstProc_ ? dstProc_->processId() : 0; }
    const std::optional<RealMigrationResult>& result() const { return result_; }

signals:
    void progress(const bitmig::RealProgress& progress);
    void statusChanged(const QString& status);
    void finished(const bitmig::RealMigrationResult& result);
    void failed(int kind, const QString& message);  // kind: RealMigrationError::Kind

private:
    void validate(const RealMigrationSpec& spec) const;
    void makeImages();
    std::unique_ptr<QProcess> startQemu(const QString& side, bool incoming, qemu::QmpClient& qmp);
    QJsonValue must(qemu::QmpClient& qmp, const QString& side, const QString& command, const QJsonObject& args = {});
    QString hmpWrite(int disk, uint64_t offset, uint64_t length);
    void onEvent(const QString& side, const QString& name, const QJsonObject& data);
    void onPoll();
    void onStatus(const QString& status);
    void onSourceReply(const QJsonObject& r);
    void readSourceAndContinue();
    void finishRun();
    void fail(RealMigrationError::Kind kind, QString message);
    void onProcessEnded(const QString& side, int exitCode, QProcess::ExitStatus status);

    RealMigrationSpec spec_;
    std::unique_ptr<QTemporaryDir> dir_;
    QString qemuPath_;
    QString imgPath_;
    std::unique_ptr<QProcess> srcProc_;
    std::unique_ptr<QProcess> dstProc_;
    qemu::QmpClient source_;
    qemu::QmpClient destination_;
    QTimer poll_;
    QTimer deadline_;
    QElapsedTimer clock_;
    RealProgress progress_;
    RealMigrationResult building_;
    std::optional<RealMigrationResult> result_;
    bool running_ = false;
    bool stopping_ = false;    // shutdown(): the QEMUs' ends are expected
    bool switchedOver_ = false;
    bool busy_ = false;        // a blocking step runs (the poll and events wait)
    bool queryPending_ = false;
    bool postcopyAsked_ = false;
    bool cancelling_ = false;  // cancel() asked: the destination's exit follows, not a failure of its own
    QString lastError_;  // error-desc of a failed query-migrate
};

// The simulator's prediction for the same disks, bitmaps and link: the core engine with every disk
// (the same node names and sizes, end to end as the guest sees them) and every bitmap (the same
// names, granularities and persistence, enabled, a node's newest first as QEMU sends them), the
// bandwidth and downtime limit, no latency (a unix socket), an idle guest plus the writes given
// (before the start, and during it at their times, each on its own disk), and the strategy that does
// what QEMU does: precopy -> the lab's stop and copy (QEMU sends the bits at completion, with the
// guest paused), postcopy -> the lab's postcopy. summary.bitmaps has each bitmap's own figures.
// Whether QEMU 7.2's precopy completes at all with these bitmaps (those the run adds and a prepared
// copy's own). Its dirty-bitmap section counts
// every bit not yet sent as one pending byte (the sum of ceil(disk / granularity) over the bitmaps:
// bits, not the bytes of the bitmap), and QEMU completes a precopy only when everything pending is
// below its threshold: the bandwidth it measured over its last window of at least 100 ms times
// downtime-limit (0 in the first window). Its rate limiter holds each window to max-bandwidth / 10,
// so the threshold never exceeds max-bandwidth * downtime-limit: at or above that, precopy never
// completes (QEMU keeps iterating until it is cancelled). Below it, QEMU completes once the bandwidth
// it measures exceeds pending / downtime-limit; an idle source measures the empty iterations it
// writes, capped at max-bandwidth. Postcopy switches when asked, whatever is pending.
struct QemuCompletion {
    enum class Verdict {
        Postcopy,        // the switch does not wait for the bitmaps to fit
        Completes,       // once QEMU measures more than neededBandwidth (at most max-bandwidth)
        NeverCompletes,  // pendingBytes >= limitBytes
    };
    Verdict verdict = Verdict::Postcopy;
    uint64_t pendingBytes = 0;   // as QEMU counts them: one per bitmap bit
    uint64_t limitBytes = 0;     // max-bandwidth * downtime-limit: the most the threshold reaches
    double neededBandwidth = 0;  // bytes per second QEMU must measure: pending / downtime-limit
    QString text;                // the verdict in a sentence, with the figures
};
QemuCompletion predictQemuCompletion(const RealMigrationSpec& spec);
// QEMU's own threshold for the bandwidth it reports (query-migrate's ram.mbps, the same window):
// mbps * 10^6 / 8 bytes per second times downtime-limit.
uint64_t qemuThresholdBytes(double mbps, int64_t downtimeLimitMs);
// While a precopy runs: what the bandwidth QEMU measures now lets through, and whether the pending
// bitmaps fit in it. Empty for postcopy, and before QEMU's first measurement (mbps 0).
QString qemuCompletionNow(const RealMigrationSpec& spec, double mbps);

struct RealPrediction {
    SimConfig config;
    MigrationSummary summary;
    QString note;  // empty, or why there is no prediction
    QemuCompletion completion;  // whether QEMU completes at all (precopy), whatever the lab's run says
    bool ran = false;  // false: the run would not fit in memory (note says so)
};
RealPrediction predictRealMigration(const RealMigrationSpec& spec, const std::vector<RealWrite>& writes);

} // namespace bitmig

Q_DECLARE_METATYPE(bitmig::RealProgress)
Q_DECLARE_METATYPE(bitmig::RealMigrationResult)
