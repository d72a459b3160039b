#include "riskjob.h"

#include "db/connection.h"
#include "migrations/migrationrepository.h"
#include "jobpool.h"

#include <QtConcurrent/QtConcurrentRun>

namespace covet {

RiskJob::RiskJob(QObject *parent) : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<Result<RiskAssessment>>::finished, this, &RiskJob::onFinished);
}

RiskJob::~RiskJob()
{
    m_watcher.disconnect(this);
    m_watcher.waitForFinished();
}

Result<RiskAssessment> RiskJob::compute(const MigrateRequest &request)
{
    auto conn = Connection::open(request.url, QStringLiteral("risk"), false);
    if (!conn)
        return std::unexpected(conn.error());
    const MigrationRepository repo = MigrationRepository::load(request.migrationsDir);
    MigrationRunner runner(**conn, repo);
    const RunOptions options = request.options();
    auto plan = runner.plan(options, !request.rollback);
    if (!plan)
        return std::unexpected(plan.error());
    auto risk = runner.assess(*plan);
    if (!risk)
        return std::unexpected(risk.error());
    RiskAssessment out;
    out.request = request;
    out.dialect = (*conn)->dialect();
    out.ids = plan->ids();
    out.sql = plan->script();
    out.report = *risk;
    out.warnings = plan->warnings;
    return out;
}

void RiskJob::assess(const MigrateRequest &request)
{
    m_running = true;
    if (m_watcher.isRunning()) {
        m_again = request;   // the newest request follows the running one
        return;
    }
    m_watcher.setFuture(QtConcurrent::run(jobPool(), [request]() { return compute(request); }));
}

void RiskJob::onFinished()
{
    const Result<RiskAssessment> result = m_watcher.result();
    if (m_again) {
        const MigrateRequest next = *m_again;
        m_again.reset();
        assess(next);
        return;
    }
    m_running = false;
    if (result)
        emit assessed(*result);
    else
        emit failed(result.error());
}

} // namespace covet
