#pragma once

#include "core/error.h"
#include "db/databaseurl.h"
#include "runner/migrationrunner.h"

#include <QFutureWatcher>
#include <QHash>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <optional>

namespace covet {

struct ProgressSink;

// What the Migrations view lists: each migration's state against the
// database and its SQL in both directions (from the files, for the dialect
// and server version of that database).
struct MigrationListing
{
    QList<MigrationState> states;
    QHash<QString, QString> upSql;     // by id; a "-- " comment when there is none
    QHash<QString, QString> downSql;
    Dialect dialect = Dialect::SQLite;
    QString serverVersion;
    QString displayUrl;
    QStringList warnings;              // what the status read could not do (not fatal)
    QList<MigrationConflict> conflicts;   // MigrationRunner::conflicts() of the status read
    MigrationOverview overview;        // the engine's listing: pending-up-to, rollback-to, pending risk
};

// One run of the migration runner, as the Migrations view and the rollback desk ask for it.
struct MigrateRequest
{
    DatabaseUrl url;
    QString migrationsDir;
    QString target;        // empty: every pending migration; else up to and including it (rollback: to it, it stays applied)
    bool rollback = false; // roll back instead of applying (MigrationRunner::rollback)
    int steps = 0;         // rollback without a target: how many migrations (0: one)
    bool resume = false;   // finish (apply) or undo (rollback) a part-way migration, as --resume
    RunSettings settings;  // ProjectConfig::runSettings() of the environment (audit, backups, verification)
    bool dryRun = false;   // print the SQL; on PostgreSQL/SQLite also execute it in a rolled-back transaction
    QStringList expected;  // the migrations the person reviewed and confirmed, in order
    bool confirmDataLoss = false;   // they confirmed the data the plan destroys may go
    bool acceptRisk = false;        // they accepted a critical plan
    // Not empty: they declined the confirmation (why, as the log says it).
    // Nothing runs; the refusal is audited as the CLI audits an unconfirmed run.
    QString declined;
    QString environment() const { return settings.environment; }
    // What the runner is asked: target, steps and settings (a run adds the rest).
    RunOptions options() const
    {
        RunOptions o;
        o.target = target;
        o.steps = steps;
        o.resume = resume;
        o.settings = settings;
        return o;
    }
};

// What the run did.
struct MigrateOutcome
{
    MigrateRequest request;
    Dialect dialect = Dialect::SQLite;
    RunReport report;              // the SQL (also when a dry run's execution failed) and what was applied
    std::optional<Error> error;    // the run failed, or was cancelled (category Cancelled)
    QString migration;             // the migration running when it stopped
    QString operation;             // the operation it was at, as the runner labels it
    int operationIndex = -1;       // 0-based
    int operationCount = 0;

    bool succeeded() const { return !error.has_value(); }
    bool declined() const { return !request.declined.isEmpty(); }
    // The audit's words when the confirmation is declined in Covet Studio.
    static QString declinedInStudio() { return QStringLiteral("not confirmed in Covet Studio; nothing was run"); }
    bool cancelled() const { return error && error->category() == Error::Category::Cancelled; }
};

// Runs MigrationRunner off the GUI thread: list() reads the status and the
// SQL of every migration, run() applies (or dry-runs) pending migrations.
// Each worker opens its own Connection in its thread. Progress, the current
// operation and log lines arrive as signals (queued to the GUI thread);
// cancel() sets the runner's cancel flag (it stops between operations, the
// current migration rolled back).
class MigrateJob : public QObject
{
    Q_OBJECT

public:
    explicit MigrateJob(QObject *parent = nullptr);
    ~MigrateJob() override;

    // environment: recorded with conflicts the status read finds.
    void list(const DatabaseUrl &url, const QString &migrationsDir, const QString &environment = {});
    // False when a run is already going on.
    bool run(const MigrateRequest &request);
    // The person declined the confirmation of request: nothing runs, the
    // refusal is audited as the CLI audits a run without its confirmation
    // (finished() carries an outcome whose declined() is true).
    bool recordDeclined(MigrateRequest request)
    {
        request.declined = MigrateOutcome::declinedInStudio();
        return run(request);
    }
    // Busy from the request until its signal has been emitted (a finished
    // worker's result may still wait in the event queue).
    bool isListing() const { return m_listing; }
    bool isRunning() const { return m_running; }

    // The worker steps, exposed for tests and reuse.
    static Result<MigrationListing> loadListing(const DatabaseUrl &url, const QString &migrationsDir, const QString &environment = {});
    static MigrateOutcome execute(const MigrateRequest &request, const ProgressSink &sink);

public slots:
    void cancel();

signals:
    void listed(const covet::MigrationListing &listing);
    void listFailed(const covet::Error &error);
    void progress(int done, int total, const QString &migration);
    void stepStarted(const QString &migration, int index, int count, const QString &label);
    void logLine(const QString &line);
    void finished(const covet::MigrateOutcome &outcome);

private:
    void onListed();
    void onRunFinished();

    QFutureWatcher<Result<MigrationListing>> m_listWatcher;
    QFutureWatcher<MigrateOutcome> m_runWatcher;
    std::shared_ptr<std::atomic_bool> m_cancel;
    struct ListRequest
    {
        DatabaseUrl url;
        QString migrationsDir;
        QString environment;
    };
    std::optional<ListRequest> m_listAgain;
    bool m_listing = false;
    bool m_running = false;
};

} // namespace covet
