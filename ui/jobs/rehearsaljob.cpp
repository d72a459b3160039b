#include "rehearsaljob.h"

#include "db/connection.h"
#include "migrations/migrationrepository.h"
#include "jobpool.h"

#include <QtConcurrent/QtConcurrentRun>

namespace covet {

RehearsalJob::RehearsalJob(QObject *parent) : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<RehearsalOutcome>::finished, this, &RehearsalJob::onFinished);
}

RehearsalJob::~RehearsalJob()
{
    m_watcher.disconnect(this);
    m_watcher.waitForFinished();
}

RehearsalOutcome RehearsalJob::compute(const MigrateRequest &request)
{
    RehearsalOutcome out;
    out.request = request;
    auto conn = Connection::open(request.url, QStringLiteral("rehearsal"), false);
    if (!conn) {
        out.error = conn.error();
        return out;
    }
    const MigrationRepository repo = MigrationRepository::load(request.migrationsDir);
    MigrationRunner runner(**conn, repo);
    const RunOptions options = request.options();
    auto report = runner.rehearse(options, !request.rollback);
    if (report)
        out.report = *report;
    else
        out.error = report.error();
    return out;
}

void RehearsalJob::rehearse(const MigrateRequest &request)
{
    m_running = true;
    if (m_watcher.isRunning()) {
        m_again = request;   // the newest request follows the running one
        return;
    }
    m_watcher.setFuture(QtConcurrent::run(jobPool(), [request]() { return compute(request); }));
}

void RehearsalJob::onFinished()
{
    const RehearsalOutcome result = m_watcher.result();
    if (m_again) {
        const MigrateRequest next = *m_again;
        m_again.reset();
        rehearse(next);
        return;
    }
    m_running = false;
    emit finished(result);
}

} // namespace covet
