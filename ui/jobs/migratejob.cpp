#include "migratejob.h"

#include "core/progress.h"
#include "db/connection.h"
#include "migrations/migrationrepository.h"
#include "jobpool.h"

#include <QtConcurrent/QtConcurrentRun>

namespace covet {


MigrateJob::MigrateJob(QObject *parent) : QObject(parent)
{
    connect(&m_listWatcher, &QFutureWatcher<Result<MigrationListing>>::finished, this, &MigrateJob::onListed);
    connect(&m_runWatcher, &QFutureWatcher<MigrateOutcome>::finished, this, &MigrateJob::onRunFinished);
}

MigrateJob::~MigrateJob()
{
    // The runner stops at the next operation, rolling the current migration
    // back; its connection belongs to the worker, which must end first.
    cancel();
    m_listAgain.reset();
    m_listWatcher.disconnect(this);
    m_runWatcher.disconnect(this);
    m_listWatcher.waitForFinished();
    m_runWatcher.waitForFinished();
}

void MigrateJob::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

Result<MigrationListing> MigrateJob::loadListing(const DatabaseUrl &url, const QString &migrationsDir, const QString &environment)
{
    auto conn = Connection::open(url, QStringLiteral("migration-status"), false);
    if (!conn)
        return std::unexpected(conn.error());
    const MigrationRepository repo = MigrationRepository::load(migrationsDir);
    MigrationRunner runner(**conn, repo);
    runner.setEnvironment(environment);
    // One engine answer for the whole listing: states, SQL both ways (one
    // planner, one replay), what Apply to Here runs, the pending risk.
    auto overview = runner.overview(true);
    if (!overview)
        return std::unexpected(overview.error());
    MigrationListing out;
    out.states = overview->states;
    out.upSql = overview->upSql;
    out.downSql = overview->downSql;
    out.dialect = (*conn)->dialect();
    out.serverVersion = (*conn)->serverVersion();
    out.displayUrl = url.display();
    out.warnings = overview->warnings;
    out.conflicts = overview->conflicts;
    out.overview = std::move(*overview);
    return out;
}

MigrateOutcome MigrateJob::execute(const MigrateRequest &request, const ProgressSink &sink)
{
    MigrateOutcome out;
    out.request = request;
    out.dialect = request.url.dialect();
    // Where the runner is, for the error dialog.
    ProgressSink tracking = sink;
    tracking.progress = [&out, &sink](int done, int total, const QString &what) {
        if (!what.isEmpty()) {
            out.migration = what;
            out.operation.clear();
            out.operationIndex = -1;
            out.operationCount = 0;
        }
        sink.report(done, total, what);
    };
    tracking.step = [&out, &sink](const QString &unit, int index, int count, const QString &label) {
        out.migration = unit;
        out.operation = label;
        out.operationIndex = index;
        out.operationCount = count;
        sink.stepStarted(unit, index, count, label);
    };

    auto conn = Connection::open(request.url, QStringLiteral("migrate"), true);
    if (!conn) {
        out.error = conn.error();
        return out;
    }
    const MigrationRepository repo = MigrationRepository::load(request.migrationsDir);
    MigrationRunner runner(**conn, repo);
    RunOptions options = request.options();
    options.dryRun = request.dryRun;
    options.executeDryRun = request.dryRun && DialectCapabilities::of(**conn).executesDryRun;
    options.expected = request.expected;
    options.confirmDataLoss = request.confirmDataLoss;
    options.acceptRisk = request.acceptRisk;
    options.progress = &tracking;
    if (out.declined()) {
        // As `covet migrate` without its confirmation: nothing runs, the refusal is audited.
        const Error why(Error::Category::InvalidInput, request.declined);
        auto plan = runner.plan(options, !request.rollback);
        const QString warning = plan ? runner.recordRefusal(*plan, options, why)
                                     : QStringLiteral("could not record the refusal in the audit: %1").arg(plan.error().toString());
        if (!warning.isEmpty())
            out.report.warnings << warning;
        out.error = why;
        return out;
    }
    const auto run = [&runner, &request](const RunOptions &o) { return request.rollback ? runner.rollback(o) : runner.migrate(o); };
    auto report = run(options);
    if (report) {
        out.report = *report;
        return out;
    }
    out.error = report.error();
    out.report = runner.lastReport();   // what it applied before it stopped
    if (request.dryRun && options.executeDryRun && !out.cancelled()) {
        // The execution failed: print the SQL anyway, to show where.
        options.executeDryRun = false;
        if (auto printed = run(options))
            out.report = *printed;
    }
    return out;
}

void MigrateJob::list(const DatabaseUrl &url, const QString &migrationsDir, const QString &environment)
{
    m_listing = true;
    if (m_listWatcher.isRunning()) {
        m_listAgain = ListRequest{url, migrationsDir, environment};   // the newest request follows the running one
        return;
    }
    m_listWatcher.setFuture(QtConcurrent::run(jobPool(), [url, migrationsDir, environment]() { return loadListing(url, migrationsDir, environment); }));
}

bool MigrateJob::run(const MigrateRequest &request)
{
    if (m_running)
        return false;
    m_running = true;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    std::shared_ptr<std::atomic_bool> flag = m_cancel;
    m_runWatcher.setFuture(QtConcurrent::run(jobPool(), [this, request, flag]() {
        // Signals emitted here are queued to the receivers' (GUI) thread.
        ProgressSink sink;
        sink.cancel = flag.get();
        sink.progress = [this](int done, int total, const QString &what) { emit progress(done, total, what); };
        sink.step = [this](const QString &unit, int index, int count, const QString &label) {
            emit stepStarted(unit, index, count, label);
        };
        sink.log = [this](const QString &line) { emit logLine(line); };
        return execute(request, sink);
    }));
    return true;
}

void MigrateJob::onListed()
{
    const Result<MigrationListing> result = m_listWatcher.result();
    if (m_listAgain) {
        const ListRequest next = *m_listAgain;
        m_listAgain.reset();
        list(next.url, next.migrationsDir, next.environment);
        return;
    }
    m_listing = false;
    if (result)
        emit listed(*result);
    else
        emit listFailed(result.error());
}

void MigrateJob::onRunFinished()
{
    m_running = false;
    emit finished(m_runWatcher.result());
}

} // namespace covet
