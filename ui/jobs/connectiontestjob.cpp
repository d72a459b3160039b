#include "connectiontestjob.h"

#include "db/connection.h"
#include "db/sqlexecutor.h"
#include "jobpool.h"

#include <QMetaObject>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace covet {

ConnectionTestJob::ConnectionTestJob(QObject *parent) : QObject(parent) {}

Result<ConnectionTestOutcome> ConnectionTestJob::run(const DatabaseUrl &url)
{
    // Opened here, in the worker thread, and closed before returning.
    auto conn = Connection::open(url, QStringLiteral("studio-test"), false);
    if (!conn)
        return std::unexpected(conn.error());
    // Opening a SQLite file reads nothing yet: touch the catalog so a file
    // that is not a database fails here, not later.
    SqlExecutor sql((*conn)->database(), url.dialect());
    const QString probe = url.dialect() == Dialect::SQLite ? QStringLiteral("SELECT count(*) FROM sqlite_master")
                                                           : QStringLiteral("SELECT 1");
    if (auto r = sql.rows(probe); !r)
        return std::unexpected(r.error().withContext(url.display()));
    ConnectionTestOutcome out;
    out.serverVersion = (*conn)->serverVersion();
    out.displayUrl = url.display();
    return out;
}

void ConnectionTestJob::start(const DatabaseUrl &url)
{
    const quint64 generation = ++m_generation;
    m_running = true;
    QPointer<ConnectionTestJob> self(this);
    // Not a QFutureWatcher: nothing here ever waits for the worker.
    (void)QtConcurrent::run(jobPool(), [self, url, generation]() {
        const Result<ConnectionTestOutcome> result = run(url);
        QMetaObject::invokeMethod(
            self.data(),
            [self, generation, result]() {
                if (self)
                    self->onResult(generation, result);
            },
            Qt::QueuedConnection);
    });
}

void ConnectionTestJob::abandon()
{
    ++m_generation;
    m_running = false;
}

void ConnectionTestJob::onResult(quint64 generation, const Result<ConnectionTestOutcome> &result)
{
    if (generation != m_generation)
        return;
    m_running = false;
    if (result)
        emit succeeded(*result);
    else
        emit failed(result.error());
}

} // namespace covet
