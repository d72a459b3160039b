#pragma once

#include "../core/error.h"
#include "../core/progress.h"
#include "../db/connection.h"
#include "migrationhistory.h"
#include "migrationplanner.h"
#include "migrationrepository.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace covet {

// Where one migration stands against a database.
struct MigrationState
{
    enum class State { Applied, Pending, Modified, Missing };
    QString id;
    State state = State::Pending;
    QString file;          // the file's path (empty when missing)
    QString appliedAt;     // for applied, modified and missing
    QString appliedBy;     // "user@host" that applied it
    qint64 durationMs = 0; // how long applying it took
    QString recordedChecksum;
    QString fileChecksum;
    static QString name(State s);   // "applied" | "pending" | "modified" | "missing"
};

struct RunOptions
{
    QString target;                // migrate: apply up to and including it; rollback: roll back to it (it stays applied)
    int steps = 0;                 // rollback: how many migrations (when target is empty); default 1
    bool dryRun = false;           // nothing changes; the SQL is returned
    bool executeDryRun = false;    // dry run on PostgreSQL/SQLite: execute inside a transaction that is rolled back
    bool fake = false;             // record in the history without running the SQL
    QString environment;           // recorded in the audit log
    bool audit = true;             // write _covet_migration_audit rows
    int lockTimeoutMs = 30000;
    const ProgressSink *progress = nullptr;
};

struct RunReport
{
    QStringList done;        // ids applied (or rolled back), in order
    QStringList skipped;     // ids another runner applied meanwhile
    QString sql;             // the SQL that ran (or would run, for a dry run), per migration
    QStringList warnings;    // e.g. applied migrations whose file is missing
    bool executedDryRun = false;
};

// Applies and rolls back migrations on one database, keeping
// _covet_migrations and _covet_migration_audit.
//
//  - The migrations come from a MigrationRepository; a repository with any
//    error (hostile names, paths, content) or a graph conflict is refused
//    before anything is touched.
//  - The SQL comes from MigrationPlanner (the files alone).
//  - PostgreSQL and SQLite: one transaction per migration, the history row
//    written in it. A SQLite table rebuild (SqlBatch::foreignKeysOff) turns
//    foreign keys off before BEGIN and checks them before COMMIT.
//  - MySQL/MariaDB (DDL commits implicitly) and non-transactional
//    migrations: operation by operation; when one fails, the ones already
//    done are undone with their reverses, and the error says exactly what
//    state the database is in.
//  - An applied migration whose file changed is refused (naming the file);
//    a rollback through an irreversible operation stops before anything runs.
//  - One runner at a time (MigrationLock).
class MigrationRunner
{
public:
    MigrationRunner(Connection &connection, const MigrationRepository &repository);

    Result<QList<MigrationState>> status();
    // OK when every applied migration's file is present and unchanged; else
    // a Conflict error listing each mismatch.
    Status verify();
    Result<RunReport> migrate(const RunOptions &options);
    Result<RunReport> rollback(const RunOptions &options);

    // The SQL of one migration (forwards or backwards) for a dialect, from
    // the files alone (no database): for `covet sqlmigrate`.
    static Result<QString> sqlFor(const MigrationRepository &repository, Dialect dialect, const QString &id, bool backwards,
                                  int sqliteVersion = 0);

    using Step = MigrationStep;
    using Plan = MigrationPlan;

private:
    struct Session;
    Result<Session> begin(const RunOptions &options, const QString &verb);   // lock, tables, history; no changed file
    Result<RunReport> execute(const QList<Plan> &plans, const RunOptions &options, RunReport report);   // or print (dry run)
    Status checkRepository() const;
    Result<QList<AppliedMigration>> loadHistory();
    QStringList modifiedMessages(const QList<AppliedMigration> &applied) const;
    Status ensureTables(const RunOptions &options);
    Status runPlan(const Plan &plan, const RunOptions &options, RunReport &report);
    Status runTransactional(const Plan &plan, const RunOptions &options, RunReport &report, bool &skipped);
    Status runStepwise(const Plan &plan, const RunOptions &options);
    Status executeBatches(const QList<SqlBatch> &batches, int *executed = nullptr);
    Status finish(const Plan &plan, qint64 ms);   // history row
    void audit(const Plan &plan, const RunOptions &options, const QString &started, qint64 ms, const QString &error);
    Status dryExecute(const QList<Plan> &plans, RunReport &report);

    Connection &m_connection;
    const MigrationRepository &m_repository;
    SqlExecutor m_sql;
};

} // namespace covet
