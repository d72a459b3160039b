#pragma once

#include "audit/auditchain.h"
#include "audit/auditfilter.h"
#include "audit/auditlog.h"
#include "audit/auditstatistics.h"
#include "core/error.h"
#include "db/databaseurl.h"

#include <QFutureWatcher>
#include <QObject>

#include <functional>
#include <optional>

namespace covet {

// What the Audit view shows, read in one worker call.
struct AuditOutcome
{
    qint64 offset = 0;
    AuditPage page;                              // the history, newest first
    std::optional<AuditStatistics> statistics;   // with the first page only
    std::optional<ChainVerification> chain;      // with the first page only
    int statements = 0;                          // statements the read ran
};

// Reads the audit log off the GUI thread: the worker opens its own
// connection (a connection belongs to its thread), asks the engine for a
// page of rows (and, for the first page, the statistics and the chain
// verification) and reports back through a QFutureWatcher. A read started
// while one runs waits its turn and the running one's result is dropped:
// the GUI thread never waits for a worker (the latest read wins).
class AuditJob : public QObject
{
    Q_OBJECT

public:
    explicit AuditJob(QObject *parent = nullptr);
    ~AuditJob() override;

    // offset 0: the first page, statistics and chain; else one more page.
    void start(const DatabaseUrl &url, const AuditFilter &filter, qint64 offset, qint64 pageSize);
    bool isRunning() const { return m_watcher.isRunning() || m_pending != nullptr; }
    // Until the latest read is done (tests).
    void waitForFinished();

    static Result<AuditOutcome> run(const DatabaseUrl &url, const AuditFilter &filter, qint64 offset, qint64 pageSize);

signals:
    void finished(const covet::AuditOutcome &outcome);
    void failed(const covet::Error &error);

private:
    void onFinished();

    QFutureWatcher<Result<AuditOutcome>> m_watcher;
    std::function<Result<AuditOutcome>()> m_pending;   // the read to start when the running one ends
};

} // namespace covet
