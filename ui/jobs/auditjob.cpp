#include "auditjob.h"

#include "db/connection.h"
#include "db/sqlexecutor.h"
#include "jobpool.h"

#include <QtConcurrent/QtConcurrentRun>

namespace covet {

AuditJob::AuditJob(QObject *parent) : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<Result<AuditOutcome>>::finished, this, &AuditJob::onFinished);
}

void AuditJob::onFinished()
{
    if (m_pending) {
        // A newer read was asked for: this result is stale.
        auto next = std::move(m_pending);
        m_pending = nullptr;
        m_watcher.setFuture(QtConcurrent::run(jobPool(), std::move(next)));
        return;
    }
    const Result<AuditOutcome> r = m_watcher.result();
    if (r)
        emit finished(*r);
    else
        emit failed(r.error());
}

AuditJob::~AuditJob()
{
    m_pending = nullptr;
    m_watcher.disconnect(this);
    m_watcher.waitForFinished();
}

void AuditJob::waitForFinished()
{
    while (isRunning()) {
        m_watcher.waitForFinished();
        if (m_pending)
            onFinished();   // starts the pending read
        else
            break;
    }
}

Result<AuditOutcome> AuditJob::run(const DatabaseUrl &url, const AuditFilter &filter, qint64 offset, qint64 pageSize)
{
    auto conn = Connection::open(url, QStringLiteral("audit"));
    if (!conn)
        return std::unexpected(conn.error());
    SqlExecutor sql((*conn)->database(), url.dialect());
    AuditOutcome out;
    out.offset = offset;
    auto page = AuditLog::page(sql, filter, offset, pageSize, true);
    if (!page)
        return std::unexpected(page.error());
    out.page = std::move(*page);
    if (offset == 0) {
        auto stats = AuditStatistics::compute(sql, filter);
        if (!stats)
            return std::unexpected(stats.error());
        out.statistics = std::move(*stats);
        auto chain = AuditChain::verify(sql);
        if (!chain)
            return std::unexpected(chain.error());
        out.chain = std::move(*chain);
    }
    out.statements = sql.statementCount();
    return out;
}

void AuditJob::start(const DatabaseUrl &url, const AuditFilter &filter, qint64 offset, qint64 pageSize)
{
    auto work = [url, filter, offset, pageSize]() { return run(url, filter, offset, pageSize); };
    if (m_watcher.isRunning()) {
        m_pending = std::move(work);
        return;
    }
    m_watcher.setFuture(QtConcurrent::run(jobPool(), std::move(work)));
}

} // namespace covet
